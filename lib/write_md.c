/*
 * write_md.c - the canonical Markdown form (SPEC 2.3, 7): front matter,
 * the title as level-1 heading, one level-2 section per list in the
 * labels of the report's language (or o->lang), the actions as a GFM
 * table, a Note column only when some action has a note.
 *
 * Reading it back must give the same model, so whatever the body cannot
 * hold exactly goes into the front matter instead, as YAML:
 *  - the title when it is empty, spans lines, has blanks around it or ends
 *    with '#' (a closing sequence to the heading reader);
 *  - a whole section when one of its entries cannot be a one-line list
 *    item (see item_escape) or one of its persons has no exact string
 *    form;
 *  - the actions when a cell cannot hold a value (a line break, blanks
 *    around it, or "\|", which has no escape in a cell), or an action has
 *    an x- key that a column cannot carry (a value that is not a plain
 *    non-empty one-line scalar, or keys in an order the columns cannot
 *    follow).
 * Every other field (id, client, dates, tags ...) and the report's x- keys
 * are front matter anyway.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cr_labels.h"
#include "write.h"

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* One line, no blanks around it, not empty. */
static int
one_line(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && strpbrk(s, "\n\r") == NULL && !is_blank(s[0]) &&
	       !is_blank(s[n - 1]);
}

static size_t
digits(const char *s)
{
	size_t n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* The end of a marker: a blank or the end of the text. */
static int
marker_end(char c)
{
	return c == '\0' || is_blank(c);
}

/* A line of three or more c, blanks allowed between: a thematic break. */
static int
thematic(const char *s, char c)
{
	int n = 0;

	for (; *s != '\0'; s++) {
		if (*s == c)
			n++;
		else if (!is_blank(*s))
			return 0;
	}
	return n >= 3;
}

/*
 * How a text is written as a list item so that the Markdown reader gives
 * it back: as it is (0), with a backslash inserted at *at (1) to keep its
 * start from opening a block (the reader drops exactly such backslashes),
 * or not at all (-1).
 */
static int
item_escape(const char *s, size_t *at)
{
	size_t d = digits(s);

	if (!one_line(s))
		return -1;
	/* a backslash the reader would drop: the text would change */
	if (d > 0 && s[d] == '\\' && (s[d + 1] == '.' || s[d + 1] == ')'))
		return -1;
	if (s[0] == '\\' && s[1] != '\0' &&
	    (strchr("#>+-", s[1]) != NULL || (s[1] == '*' && marker_end(s[2]))))
		return -1;
	/* what a backslash cannot keep from being a block */
	if (thematic(s, '*') || thematic(s, '_') || strncmp(s, "```", 3) == 0 ||
	    strncmp(s, "~~~", 3) == 0 || (s[0] == '[' && strstr(s, "]:")) ||
	    strncmp(s, "<!", 2) == 0 || strncmp(s, "<?", 2) == 0)
		return -1;
	*at = 0;
	if (d > 0 && (s[d] == '.' || s[d] == ')') && marker_end(s[d + 1])) {
		*at = d; /* an ordered list marker */
		return 1;
	}
	if (s[0] == '#') {
		size_t h = strspn(s, "#");
		return h <= 6 && marker_end(s[h]);
	}
	/* "- " and dashes alone make a thematic break */
	if (s[0] == '>' || strspn(s, "- \t") == strlen(s))
		return 1;
	return (s[0] == '-' || s[0] == '+' || s[0] == '*') && marker_end(s[1]);
}

static int
item_ok(const char *s)
{
	size_t at;

	return s != NULL && item_escape(s, &at) >= 0;
}

static int
item(cr_buf *out, const char *marker, const char *s)
{
	size_t at;

	cr_buf_puts(out, marker);
	if (item_escape(s, &at) == 1) {
		cr_buf_put(out, s, at);
		cr_buf_putc(out, '\\');
		s += at;
	}
	cr_buf_puts(out, s);
	return cr_buf_putc(out, '\n');
}

/* ---------------------------------------------------------- persons */

static int
person_text(const cr_person *p, cr_buf *b)
{
	b->len = 0;
	if (cr_person_format(p, b) == -1 || cr_buf_putc(b, '\0') == -1)
		return -1;
	return 0;
}

/* 1: every person has an exact string form that a list item holds. */
static int
persons_ok(const cr_persons *ps, cr_buf *b)
{
	size_t i;

	for (i = 0; i < ps->len; i++) {
		if (!cr_person_plain(&ps->items[i]))
			return 0;
		if (person_text(&ps->items[i], b) == -1)
			return -1;
		if (!item_ok(b->data))
			return 0;
	}
	return 1;
}

static int
texts_ok(const cr_texts *ts)
{
	size_t i;

	for (i = 0; i < ts->len; i++)
		if (!item_ok(ts->items[i].s))
			return 0;
	return 1;
}

/* 1: every confirmation has a string form that reads back the same. */
static int
confirmations_ok(const cr_confirmations *cs, cr_buf *b)
{
	cr_confirmation back;
	size_t i;
	int same;

	for (i = 0; i < cs->len; i++) {
		const cr_confirmation *c = &cs->items[i];

		b->len = 0;
		if (!c->at.valid || cr_confirmation_format(c, b) == -1 ||
		    cr_buf_putc(b, '\0') == -1)
			return b->oom ? -1 : 0;
		if (!item_ok(b->data))
			return 0;
		if (cr_confirmation_parse(b->data, c->pos, &back) == -1)
			return -1;
		same =
		    back.name.s != NULL && c->name.s != NULL &&
		    strcmp(back.name.s, c->name.s) == 0 &&
		    (back.note.s == NULL) == (c->note.s == NULL) &&
		    (c->note.s == NULL || strcmp(back.note.s, c->note.s) == 0);
		cr_confirmation_clear(&back);
		if (!same)
			return 0;
	}
	return 1;
}

/* An unknown Markdown section kept by the reader goes back into the body
 * when its entries are one-line texts (else into the front matter). */
int
cr_ext_in_body(const cr_ext *x)
{
	const cr_node *v = x->value;
	size_t i;

	if (!x->section || v == NULL || v->type != CR_NODE_SEQ ||
	    !one_line(x->key) || cr_section_lookup(x->key) >= 0)
		return 0;
	for (i = 0; i < v->len; i++)
		if (v->items[i]->type != CR_NODE_SCALAR ||
		    !item_ok(v->items[i]->value))
			return 0;
	return 1;
}

static void
ext_sections(cr_buf *out, const cr_report *r)
{
	size_t i, j;

	for (i = 0; i < r->ext.len; i++) {
		const cr_ext *x = &r->ext.items[i];

		if (!cr_ext_in_body(x))
			continue;
		cr_buf_printf(out, "\n## %s\n", x->key);
		for (j = 0; j < x->value->len; j++)
			item(out, "- ", x->value->items[j]->value);
	}
}

/* ---------------------------------------------------------- actions */

/* The x- columns, in the order they first appear. */
struct xcols {
	const char **keys;
	size_t n;
};

static int
cell_ok(const char *s)
{
	return s == NULL || s[0] == '\0' ||
	       (one_line(s) && strstr(s, "\\|") == NULL);
}

static long
xcol_find(const struct xcols *x, const char *k)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (strcmp(x->keys[i], k) == 0)
			return (long)i;
	return -1;
}

/*
 * Collects the x- columns: returns 1 when every action's x- keys can be
 * cells (x->keys is then malloc'd, caller frees), 0 when not, -1 on
 * memory.
 */
static int
xcols_collect(const cr_report *r, struct xcols *x)
{
	size_t i, j, cap = 0;
	long col, last;
	const char **p;

	x->keys = NULL;
	x->n = 0;
	for (i = 0; i < r->actions.len; i++) {
		const cr_exts *e = &r->actions.items[i].ext;

		for (j = 0; j < e->len; j++) {
			const cr_node *v = e->items[j].value;
			if (v == NULL || v->type != CR_NODE_SCALAR ||
			    !v->plain || v->value == NULL ||
			    v->value[0] == '\0' || !cell_ok(v->value) ||
			    !cell_ok(e->items[j].key) ||
			    strchr(e->items[j].key, '|') != NULL)
				return 0;
			if (xcol_find(x, e->items[j].key) >= 0)
				continue;
			if (x->n == cap) {
				cap = cap == 0 ? 4 : cap * 2;
				if ((p = realloc(x->keys, cap * sizeof(*p))) ==
				    NULL)
					return -1;
				x->keys = p;
			}
			x->keys[x->n++] = e->items[j].key;
		}
	}
	/* the reader gives an action its x- keys in column order */
	for (i = 0; i < r->actions.len; i++) {
		const cr_exts *e = &r->actions.items[i].ext;

		for (j = 0, last = -1; j < e->len; j++) {
			if ((col = xcol_find(x, e->items[j].key)) <= last)
				return 0;
			last = col;
		}
	}
	return 1;
}

static int
actions_ok(const cr_report *r)
{
	char buf[32];
	size_t i;

	for (i = 0; i < r->actions.len; i++) {
		const cr_action *a = &r->actions.items[i];
		if (!cell_ok(a->id.s) || !cell_ok(a->what.s) ||
		    !cell_ok(a->who.s) || !cell_ok(cr_date_out(&a->due, buf)) ||
		    !cell_ok(cr_status_out(a)) || !cell_ok(a->note.s))
			return 0;
	}
	return 1;
}

static int
cell(cr_buf *out, const char *s)
{
	cr_buf_putc(out, ' ');
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '|')
			cr_buf_putc(out, '\\');
		cr_buf_putc(out, *s);
	}
	if (s != NULL && out->len > 0 && out->data[out->len - 1] != ' ')
		cr_buf_putc(out, ' ');
	return cr_buf_putc(out, '|');
}

static const char *
ext_value(const cr_action *a, const char *k)
{
	size_t i;

	for (i = 0; i < a->ext.len; i++)
		if (strcmp(a->ext.items[i].key, k) == 0)
			return a->ext.items[i].value->value;
	return NULL;
}

static int
action_table(cr_buf *out, const cr_report *r, const struct xcols *x, cr_lang l)
{
	int note = 0, c, ncols;
	char buf[32];
	size_t i, j;

	for (i = 0; i < r->actions.len; i++)
		if (r->actions.items[i].note.s != NULL &&
		    r->actions.items[i].note.s[0] != '\0')
			note = 1;
	ncols = note ? CR_COL__COUNT : CR_COL_NOTE;
	cr_buf_putc(out, '|');
	for (c = 0; c < ncols; c++)
		cell(out, cr_column_label(c, l));
	for (j = 0; j < x->n; j++)
		cell(out, x->keys[j]);
	cr_buf_puts(out, "\n|");
	for (c = 0; c < ncols + (int)x->n; c++)
		cr_buf_puts(out, "---|");
	cr_buf_putc(out, '\n');
	for (i = 0; i < r->actions.len; i++) {
		const cr_action *a = &r->actions.items[i];

		cr_buf_putc(out, '|');
		cell(out, a->id.s);
		cell(out, a->what.s);
		cell(out, a->who.s);
		cell(out, cr_date_out(&a->due, buf));
		cell(out, cr_status_out(a));
		if (note)
			cell(out, a->note.s);
		for (j = 0; j < x->n; j++)
			cell(out, ext_value(a, x->keys[j]));
		cr_buf_putc(out, '\n');
	}
	return out->oom ? -1 : 0;
}

/* ---------------------------------------------------------- the file */

static int
title_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return n > 0 && one_line(s) && s[n - 1] != '#';
}

/*
 * Decides where each list goes: sets the CR_FBIT of every field for the
 * front matter in *front and of every section for the body in *body.
 */
static int
place(const cr_report *r, int client, struct xcols *x, unsigned long *front,
      unsigned long *body)
{
	enum cr_field f;
	cr_buf b;
	int s, ok;

	cr_buf_init(&b);
	for (s = 0; s < CR_SEC__COUNT; s++) {
		f = cr_section_field(s);
		if ((client && f == CR_F_INTERNAL) || !cr_field_present(r, f))
			continue;
		switch (cr_fields[f].kind) {
		case CR_K_PERSONS:
			ok = persons_ok(CR_FIELD_PTR(r, f, cr_persons), &b);
			break;
		case CR_K_TEXTS:
			ok = texts_ok(CR_FIELD_PTR(r, f, cr_texts));
			break;
		case CR_K_CONFIRMATIONS:
			ok = confirmations_ok(
			    CR_FIELD_PTR(r, f, cr_confirmations), &b);
			break;
		default:
			ok = actions_ok(r);
			if (ok == 1)
				ok = xcols_collect(r, x);
			break;
		}
		if (ok == -1) {
			cr_buf_free(&b);
			return -1;
		}
		*(ok ? body : front) |= CR_FBIT(f);
	}
	cr_buf_free(&b);
	return 0;
}

static int
section(cr_buf *out, int blank, const cr_report *r, cr_section s, cr_lang l,
	const struct xcols *x)
{
	enum cr_field f = cr_section_field(s);
	const cr_persons *ps;
	const cr_texts *ts;
	char num[24];
	cr_buf b;
	size_t i;

	if (blank)
		cr_buf_putc(out, '\n');
	cr_buf_printf(out, "## %s\n", cr_section_label(s, l));
	switch (cr_fields[f].kind) {
	case CR_K_PERSONS:
		ps = CR_FIELD_PTR(r, f, cr_persons);
		cr_buf_init(&b);
		for (i = 0; i < ps->len; i++) {
			if (person_text(&ps->items[i], &b) == -1) {
				cr_buf_free(&b);
				return -1;
			}
			item(out, "- ", b.data);
		}
		cr_buf_free(&b);
		break;
	case CR_K_TEXTS:
		ts = CR_FIELD_PTR(r, f, cr_texts);
		for (i = 0; i < ts->len; i++) {
			if (f != CR_F_AGREEMENTS) {
				item(out, "- ", ts->items[i].s);
				continue;
			}
			snprintf(num, sizeof(num), "%zu. ", i + 1);
			item(out, num, ts->items[i].s);
		}
		break;
	case CR_K_CONFIRMATIONS:
		cr_buf_init(&b);
		for (i = 0; i < r->confirmations.len; i++) {
			b.len = 0;
			if (cr_confirmation_format(&r->confirmations.items[i],
						   &b) == -1 ||
			    cr_buf_putc(&b, '\0') == -1) {
				cr_buf_free(&b);
				return -1;
			}
			item(out, "- ", b.data);
		}
		cr_buf_free(&b);
		break;
	default:
		return action_table(out, r, x, l);
	}
	return out->oom ? -1 : 0;
}

/* The body holds the model's bytes as they are: keep the output valid
 * UTF-8 even for a model built in code with invalid bytes. */
static int
repair(cr_buf *out, size_t start)
{
	char *fixed;
	int oom = 0;

	fixed = cr_utf8_repair(out->data + start, out->len - start, &oom);
	if (fixed == NULL)
		return oom ? -1 : 0;
	out->len = start;
	cr_buf_puts(out, fixed);
	free(fixed);
	return out->oom ? -1 : 0;
}

int
cr_write_md(const cr_report *r, const cr_write_opts *o, cr_buf *out)
{
	int client = o != NULL && o->audience == CR_AUDIENCE_CLIENT;
	unsigned long front = CR_F_ALL, body = 0;
	cr_lang l = cr_render_lang(r, o);
	struct xcols x = {NULL, 0};
	size_t start = out->len, body_start, nkeys;
	int s, rc = 0;

	for (s = 0; s < CR_SEC__COUNT; s++)
		front &= ~CR_FBIT(cr_section_field(s));
	if (title_ok(r->title.s))
		front &= ~CR_FBIT(CR_F_TITLE);
	if (place(r, client, &x, &front, &body) == -1) {
		free(x.keys);
		return -1;
	}
	cr_buf_puts(out, "---\n");
	if (cr_yaml_emit_report(r, front, 2, out, &nkeys) == -1)
		rc = -1;
	else if (nkeys == 0)
		out->len = start; /* no front matter at all */
	else
		cr_buf_puts(out, "---\n");
	body_start = out->len;
	if (rc == 0 && title_ok(r->title.s))
		cr_buf_printf(out, "# %s\n", r->title.s);
	for (s = 0; rc == 0 && s < CR_SEC__COUNT; s++)
		if (body & CR_FBIT(cr_section_field(s)))
			rc = section(out, out->len > body_start, r, s, l, &x);
	if (rc == 0)
		ext_sections(out, r);
	free(x.keys);
	if (rc == 0 && !out->oom)
		rc = repair(out, start);
	if (rc == -1 || out->oom) {
		out->len = start;
		return -1;
	}
	return 0;
}
