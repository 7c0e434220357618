/*
 * render_txt.c - a report as plain text for an e-mail body (SPEC 7):
 * wrapped at 72 display columns (CJK characters count two), headings
 * underlined, labels in the report's language, inline Markdown reduced to
 * its text. Actions are numbered blocks whose fields line up, so that they
 * fit the width in every language.
 */
#include <stdio.h>
#include <string.h>

#include "cr_labels.h"
#include "internal.h"
#include "render_util.h"

#define TXT_WIDTH 72

struct txt {
	cr_buf *out;
	const cr_report *r;
	const cr_write_opts *o;
	cr_lang lang;
	cr_buf tmp; /* one value at a time */
};

/* "Label:" as a field starts in this language. */
static void
put_label(cr_buf *b, const char *label, cr_lang l)
{
	cr_buf_puts(b, label);
	/* Chinese takes the full-width colon. */
	cr_buf_puts(b, l == CR_LANG_ZH ? "：" : ":");
}

static size_t
label_width(const char *label, cr_lang l)
{
	return cr_utf8_width(label, strlen(label)) + (l == CR_LANG_ZH ? 2 : 1);
}

static void
put_spaces(cr_buf *b, size_t n)
{
	while (n-- > 0)
		cr_buf_putc(b, ' ');
}

/* Text underlined with c over its widest line. */
static int
underlined(struct txt *t, const char *text, char c)
{
	size_t start = t->out->len, w = 0, lw, i;
	const char *s, *nl;

	if (cr_text_wrap(t->out, text, "", "", TXT_WIDTH) == -1)
		return -1;
	for (s = t->out->data + start; *s != '\0'; s = nl + 1) {
		nl = strchr(s, '\n');
		lw = cr_utf8_width(s, (size_t)(nl - s));
		if (lw > w)
			w = lw;
	}
	for (i = 0; i < w; i++)
		cr_buf_putc(t->out, c);
	cr_buf_putc(t->out, '\n');
	return t->out->oom ? -1 : 0;
}

/* One "Label: value" line set, the value wrapped under itself; `col` is
 * the display column where values start. */
static int
field(struct txt *t, const char *label, const char *value, size_t indent,
      size_t col)
{
	cr_buf first, rest;
	int rc;

	cr_buf_init(&first);
	cr_buf_init(&rest);
	put_spaces(&first, indent);
	put_label(&first, label, t->lang);
	put_spaces(&first, col - indent - label_width(label, t->lang));
	put_spaces(&rest, col);
	rc = first.oom || rest.oom ? -1
				   : cr_text_wrap(t->out, value, first.data,
						  rest.data, TXT_WIDTH);
	cr_buf_free(&first);
	cr_buf_free(&rest);
	return rc;
}

/* ------------------------------------------------------------- header */

struct hfield {
	cr_label_id id;
	cr_buf val;
};

static int
header(struct txt *t)
{
	const cr_report *r = t->r;
	int agenda = t->o->agenda;
	struct hfield f[17];
	size_t n = 0, i, w = 0;
	const char *word;
	int rc = 0;

	for (i = 0; i < CR_ARRAY_LEN(f); i++)
		cr_buf_init(&f[i].val);

#define ADD(label) (f[n].id = (label), &f[n++].val)
	if (cr_str_given(r->client.s))
		cr_buf_puts(ADD(CR_LABEL_CLIENT), r->client.s);
	if (cr_str_given(r->project.s))
		cr_buf_puts(ADD(CR_LABEL_PROJECT), r->project.s);
	if (cr_str_given(r->type.s)) {
		word = cr_enum_word(CR_ENUM_TYPE, cr_report_type(r), r->type.s,
				    t->lang);
		cr_buf_puts(ADD(CR_LABEL_TYPE), word);
	}
	if (cr_str_given(r->outcome.s) && !agenda) {
		word = cr_enum_word(CR_ENUM_OUTCOME, cr_report_outcome(r),
				    r->outcome.s, t->lang);
		cr_buf_puts(ADD(CR_LABEL_OUTCOME), word);
	}
	if (cr_str_given(r->stage.s))
		cr_buf_puts(ADD(CR_LABEL_STAGE),
			    cr_stage_word(r->stage.s, t->lang));
	if (cr_str_given(r->date.raw.s))
		cr_date_text(ADD(agenda ? CR_LABEL_WHEN : CR_LABEL_DATE),
			     &r->date, t->lang);
	if (cr_str_given(r->location.s))
		cr_buf_puts(ADD(agenda ? CR_LABEL_WHERE : CR_LABEL_LOCATION),
			    r->location.s);
	if (cr_str_given(r->author.s))
		cr_buf_puts(ADD(CR_LABEL_AUTHOR), r->author.s);
	if (cr_str_given(r->issued.raw.s) && !agenda)
		cr_date_text(ADD(CR_LABEL_ISSUED), &r->issued, t->lang);
	/* the internal copy says it in its banner: one statement */
	word = cr_enum_word(CR_ENUM_CONF, cr_report_conf(r),
			    r->confidentiality.s, t->lang);
	if (t->o->audience != CR_AUDIENCE_INTERNAL)
		cr_buf_puts(ADD(CR_LABEL_CONFIDENTIALITY), word);
	if (cr_str_given(r->next_contact.raw.s) && !agenda)
		cr_date_text(ADD(CR_LABEL_NEXT_CONTACT), &r->next_contact,
			     t->lang);
	if (cr_str_given(r->previous.s))
		cr_buf_puts(ADD(CR_LABEL_PREVIOUS), r->previous.s);
	if (r->tags.len > 0 && !agenda) {
		cr_buf *b = ADD(CR_LABEL_TAGS);

		for (i = 0; i < r->tags.len; i++) {
			if (i > 0)
				cr_buf_puts(b, ", ");
			cr_buf_puts(b, r->tags.items[i].s);
		}
	}
	if (cr_str_given(r->id.s) && !agenda)
		cr_buf_puts(ADD(CR_LABEL_REPORT_ID), r->id.s);
#undef ADD

	for (i = 0; i < n; i++) {
		size_t lw = label_width(cr_label(f[i].id, t->lang), t->lang);
		if (lw > w)
			w = lw;
		if (f[i].val.oom)
			rc = -1;
	}
	for (i = 0; i < n && rc == 0; i++)
		rc =
		    field(t, cr_label(f[i].id, t->lang),
			  f[i].val.data != NULL ? f[i].val.data : "", 0, w + 1);
	for (i = 0; i < CR_ARRAY_LEN(f); i++)
		cr_buf_free(&f[i].val);
	return rc;
}

/* ----------------------------------------------------------- sections */

static int
heading(struct txt *t, const char *label)
{
	cr_buf_putc(t->out, '\n');
	return underlined(t, label, '-');
}

static int
section_open(struct txt *t, cr_section s)
{
	return heading(t, cr_section_label(s, t->lang));
}

/* The marker of item i (0-based) of n: "- " or a right-aligned number. */
static void
marker(cr_buf *first, cr_buf *rest, size_t i, size_t n, int ordered)
{
	char num[32];
	int len;

	first->len = rest->len = 0;
	if (!ordered) {
		cr_buf_puts(first, "- ");
		cr_buf_puts(rest, "  ");
		return;
	}
	len = snprintf(num, sizeof(num), "%zu", n);
	cr_buf_printf(first, "%*zu. ", len, i + 1);
	put_spaces(rest, (size_t)len + 2);
}

static int
persons(struct txt *t, const char *label, const cr_persons *ps)
{
	size_t i;

	if (ps->len == 0)
		return 0;
	if (heading(t, label) == -1)
		return -1;
	for (i = 0; i < ps->len; i++) {
		t->tmp.len = 0;
		if (cr_person_format(&ps->items[i], &t->tmp) == -1 ||
		    cr_text_wrap(t->out, t->tmp.data, "- ", "  ", TXT_WIDTH) ==
			-1)
			return -1;
	}
	return 0;
}

static int
texts(struct txt *t, const char *label, const cr_texts *tx, int ordered)
{
	cr_buf first, rest;
	size_t i;
	int rc = 0;

	if (tx->len == 0)
		return 0;
	if (heading(t, label) == -1)
		return -1;
	cr_buf_init(&first);
	cr_buf_init(&rest);
	for (i = 0; i < tx->len && rc == 0; i++) {
		marker(&first, &rest, i, tx->len, ordered);
		t->tmp.len = 0;
		cr_buf_puts(&t->tmp, "");
		if (first.oom || rest.oom ||
		    cr_md_to_plain(&t->tmp, tx->items[i].s) == -1 ||
		    cr_text_wrap(t->out, t->tmp.data, first.data, rest.data,
				 TXT_WIDTH) == -1)
			rc = -1;
	}
	cr_buf_free(&first);
	cr_buf_free(&rest);
	return rc;
}

/* The fields of one action under its "N. what" line, lined up at col. */
static int
action_fields(struct txt *t, const cr_action *a, size_t indent, size_t col)
{
	cr_status st = cr_action_status(a);
	const char *word =
	    cr_enum_word(CR_ENUM_STATUS, st, a->status.s, t->lang);
	cr_buf v;
	int rc;

	cr_buf_init(&v);
	rc = field(t, cr_column_label(CR_COL_WHO, t->lang),
		   a->who.s != NULL ? a->who.s : "", indent, col);
	if (rc == 0) {
		cr_date_text(&v, &a->due, t->lang);
		cr_buf_puts(&v, "");
		rc = v.oom ? -1
			   : field(t, cr_column_label(CR_COL_DUE, t->lang),
				   v.data, indent, col);
	}
	if (rc == 0) {
		v.len = 0;
		cr_buf_puts(&v, word);
		if (cr_action_overdue(a, t->o->now)) {
			cr_buf_puts(&v, " — ");
			cr_overdue_text(
			    &v, cr_action_days_overdue(t->r, a, t->o->now),
			    t->lang);
		}
		rc = v.oom ? -1
			   : field(t, cr_column_label(CR_COL_STATUS, t->lang),
				   v.data, indent, col);
	}
	if (rc == 0 && cr_str_given(a->note.s)) {
		v.len = 0;
		cr_buf_puts(&v, "");
		rc = cr_md_to_plain(&v, a->note.s) == -1
			 ? -1
			 : field(t, cr_column_label(CR_COL_NOTE, t->lang),
				 v.data, indent, col);
	}
	if (rc == 0 && cr_str_given(a->id.s))
		rc = field(t, cr_column_label(CR_COL_ID, t->lang), a->id.s,
			   indent, col);
	cr_buf_free(&v);
	return rc;
}

/* The actions; the agenda's are those to review (open and blocked). */
static int
actions(struct txt *t)
{
	static const cr_column cols[] = {CR_COL_WHO, CR_COL_DUE, CR_COL_STATUS,
					 CR_COL_NOTE, CR_COL_ID};
	const cr_report *r = t->r;
	cr_buf first, rest;
	size_t i, k = 0, n, w = 0, lw;
	int rc = 0;

	n = cr_render_actions_shown(r, t->o);
	if (n == 0)
		return 0;
	if (heading(t, t->o->agenda
			   ? cr_label(CR_LABEL_REVIEW, t->lang)
			   : cr_section_label(CR_SEC_ACTIONS, t->lang)) == -1)
		return -1;
	for (i = 0; i < CR_ARRAY_LEN(cols); i++) {
		lw = label_width(cr_column_label(cols[i], t->lang), t->lang);
		if (lw > w)
			w = lw;
	}
	cr_buf_init(&first);
	cr_buf_init(&rest);
	for (i = 0; i < r->actions.len && rc == 0; i++) {
		if (!cr_render_action_shown(&r->actions.items[i], t->o))
			continue;
		if (k > 0)
			cr_buf_putc(t->out, '\n');
		marker(&first, &rest, k++, n, 1);
		t->tmp.len = 0;
		cr_buf_puts(&t->tmp, "");
		if (first.oom || rest.oom ||
		    cr_md_to_plain(&t->tmp, r->actions.items[i].what.s) == -1 ||
		    cr_text_wrap(t->out, t->tmp.data, first.data, rest.data,
				 TXT_WIDTH) == -1 ||
		    action_fields(t, &r->actions.items[i], rest.len,
				  rest.len + w + 1) == -1)
			rc = -1;
	}
	cr_buf_free(&first);
	cr_buf_free(&rest);
	return rc;
}

/* Who confirmed, when, and the correction asked for, marked as such. */
static int
confirmations(struct txt *t)
{
	const cr_confirmations *cs = &t->r->confirmations;
	size_t i;

	if (cs->len == 0)
		return 0;
	if (section_open(t, CR_SEC_CONFIRMATIONS) == -1)
		return -1;
	for (i = 0; i < cs->len; i++) {
		const cr_confirmation *c = &cs->items[i];

		t->tmp.len = 0;
		if (cr_confirmation_line(&t->tmp, c, t->lang) == -1 ||
		    cr_text_wrap(t->out, t->tmp.data, "- ", "  ", TXT_WIDTH) ==
			-1)
			return -1;
		if (!cr_str_given(c->note.s))
			continue;
		t->tmp.len = 0;
		put_label(&t->tmp, cr_label(CR_LABEL_CORRECTION, t->lang),
			  t->lang);
		if (t->lang != CR_LANG_ZH)
			cr_buf_putc(&t->tmp, ' ');
		if (cr_md_to_plain(&t->tmp, c->note.s) == -1 ||
		    cr_text_wrap(t->out, t->tmp.data, "  ", "  ", TXT_WIDTH) ==
			-1)
			return -1;
	}
	return 0;
}

/* --------------------------------------------------------------- body */

/* The reply line of the client's copy, and with a house style the
 * signature of the e-mail the text is the body of: "-- ", the author,
 * the agency. */
static int
closing(struct txt *t)
{
	t->tmp.len = 0;
	if (!t->o->agenda && cr_reply_line(&t->tmp, t->o, t->lang) == -1)
		return -1;
	if (t->tmp.len > 0) {
		cr_buf_putc(t->out, '\n');
		if (cr_text_wrap(t->out, t->tmp.data, "", "", TXT_WIDTH) == -1)
			return -1;
	}
	if (t->o->agency != NULL) {
		cr_buf_puts(t->out, "\n-- \n");
		if (cr_str_given(t->r->author.s) &&
		    cr_text_wrap(t->out, t->r->author.s, "", "", TXT_WIDTH) ==
			-1)
			return -1;
		if (cr_text_wrap(t->out, t->o->agency, "", "", TXT_WIDTH) == -1)
			return -1;
	}
	return t->out->oom ? -1 : 0;
}

/* The agenda: the invitation, with nothing of what was said. */
static int
agenda(struct txt *t)
{
	const cr_report *r = t->r;

	if (persons(t, cr_label(CR_LABEL_INVITED, t->lang), &r->attendees) ==
		-1 ||
	    texts(t, cr_label(CR_LABEL_TOPICS, t->lang), &r->agenda, 1) == -1 ||
	    actions(t) == -1)
		return -1;
	return closing(t);
}

static int
body(struct txt *t)
{
	const cr_report *r = t->r;
	cr_label_id kind =
	    t->o->agenda ? CR_LABEL_AGENDA_KIND : CR_LABEL_CONTACT_REPORT;

	if (t->o->audience == CR_AUDIENCE_INTERNAL) {
		t->tmp.len = 0;
		cr_buf_puts(&t->tmp, "*** ");
		cr_conf_statement(&t->tmp, r, t->o, t->lang);
		cr_buf_puts(&t->tmp, " ***");
		if (t->tmp.oom ||
		    cr_text_wrap(t->out, t->tmp.data, "", "", TXT_WIDTH) == -1)
			return -1;
		cr_buf_putc(t->out, '\n');
	}
	cr_buf_puts(t->out, cr_label(kind, t->lang));
	cr_buf_putc(t->out, '\n');
	if (underlined(t,
		       cr_str_given(r->title.s) ? r->title.s
						: cr_label(kind, t->lang),
		       '=') == -1)
		return -1;
	cr_buf_putc(t->out, '\n');
	if (header(t) == -1)
		return -1;
	if (t->o->agenda)
		return agenda(t);
#define SEC(s) cr_section_label(s, t->lang)
	if (persons(t, SEC(CR_SEC_ATTENDEES), &r->attendees) == -1 ||
	    persons(t, SEC(CR_SEC_ABSENT), &r->absent) == -1 ||
	    persons(t, SEC(CR_SEC_DISTRIBUTION), &r->distribution) == -1 ||
	    texts(t, SEC(CR_SEC_AGENDA), &r->agenda, 1) == -1 ||
	    texts(t, SEC(CR_SEC_DISCUSSION), &r->discussion, 0) == -1 ||
	    texts(t, SEC(CR_SEC_AGREEMENTS), &r->agreements, 1) == -1 ||
	    actions(t) == -1)
		return -1;
	/* The client's copy never holds a word of the internal notes. */
	if (t->o->audience == CR_AUDIENCE_INTERNAL &&
	    texts(t, SEC(CR_SEC_INTERNAL), &r->internal, 0) == -1)
		return -1;
#undef SEC
	if (confirmations(t) == -1)
		return -1;
	return closing(t);
}

int
cr_render_txt(const cr_report *r, const cr_write_opts *o, cr_buf *out)
{
	struct txt t;
	size_t start = out->len;
	int rc;

	if (cr_render_refusal(r, o) != NULL)
		return CR_REFUSED;
	t.out = out;
	t.r = r;
	t.o = o;
	t.lang = cr_render_lang(r, o);
	cr_buf_init(&t.tmp);
	rc = body(&t);
	cr_buf_free(&t.tmp);
	if (rc == -1 && out->data != NULL && out->len > start) {
		/* Leave no half text behind. */
		out->len = start;
		out->data[start] = '\0';
	}
	return rc;
}
