/*
 * yaml_emit.c - reports as YAML through libyaml's emitter, for the YAML
 * form and the Markdown front matter alike.
 *
 * libyaml picks a scalar's final style from the one asked for: it quotes a
 * plain scalar that would not read back (indicators, ": ", " #", leading
 * or trailing blanks) and double-quotes, with escapes, whatever holds a
 * character it calls non-printable (tabs, controls, and every character
 * beyond U+FFFF, emoji included, which libyaml 0.2.5 writes as \UXXXXXXXX).
 * What it does not know is YAML's implicit typing: a plain "yes", "123",
 * "2026-11-20", "null" or "" would read back as something else (the last
 * two as null, which the reader drops), so cr_yaml_needs_quotes asks for
 * quotes there. Multi-line text asks for a literal block, which libyaml
 * turns into a double-quoted scalar when a block could not hold it.
 * Lines are never folded (width -1): a fold would move with the text.
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "write.h"

struct emit {
	yaml_emitter_t e;
	cr_buf *out;
	int failed;
};

static int
ascii_casecmp(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
		if (x != y)
			return 1;
	}
	return *a != *b;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* What YAML 1.1 or 1.2 could read as a number: ints in any base,
 * sexagesimals, floats, .inf and .nan. Generous on purpose. */
static int
number_like(const char *s)
{
	const char *p = s + (*s == '+' || *s == '-');
	int digits = 0;

	if (p[0] == '.' &&
	    (ascii_casecmp(p, ".inf") == 0 || ascii_casecmp(p, ".nan") == 0))
		return 1;
	if (p[0] == '0' && p[1] != '\0' && strchr("xXoObB", p[1]) != NULL &&
	    p[2] != '\0')
		return strspn(p + 2, "0123456789abcdefABCDEF_") ==
		       strlen(p + 2);
	for (; *p != '\0'; p++) {
		if (is_digit(*p))
			digits++;
		else if (strchr("_.:eE+-", *p) == NULL)
			return 0;
	}
	return digits > 0;
}

/* YYYY-M-D at the start: a timestamp to YAML 1.1. */
static int
date_like(const char *s)
{
	int i, n;

	for (i = 0; i < 4; i++)
		if (!is_digit(s[i]))
			return 0;
	s += 4;
	for (i = 0; i < 2; i++) {
		if (*s++ != '-')
			return 0;
		for (n = 0; n < 2 && is_digit(*s); n++)
			s++;
		if (n == 0)
			return 0;
	}
	return 1;
}

int
cr_yaml_needs_quotes(const char *s)
{
	static const char *const words[] = {
	    "~",   "null", "true", "false", "yes", "no", "on",
	    "off", "y",	   "n",	   "=",	    "<<",  NULL};
	size_t n = strlen(s), i;

	if (n == 0)
		return 1;
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t' || strpbrk(s, "\n\r") != NULL)
		return 1;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", s[0]) != NULL)
		return 1;
	if (strstr(s, ": ") != NULL || strstr(s, " #") != NULL ||
	    s[n - 1] == ':')
		return 1;
	for (i = 0; words[i] != NULL; i++)
		if (ascii_casecmp(s, words[i]) == 0)
			return 1;
	return number_like(s) || date_like(s);
}

/* ---------------------------------------------------------- events */

static int
out_handler(void *data, unsigned char *buf, size_t n)
{
	return cr_buf_put(data, (const char *)buf, n) == 0;
}

/* Emits an event that was (ok) or was not initialised. */
static int
emit(struct emit *em, yaml_event_t *ev, int ok)
{
	if (em->failed)
		return -1;
	if (!ok || !yaml_emitter_emit(&em->e, ev))
		em->failed = 1;
	return em->failed ? -1 : 0;
}

static int
scalar_style(struct emit *em, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	size_t n = strlen(s);
	char *fixed;
	int bad = 0, ok;

	if (em->failed)
		return -1;
	if ((fixed = cr_utf8_repair(s, n, &bad)) != NULL)
		s = fixed, n = strlen(s);
	if (bad || n > (size_t)0x7fffffff) {
		em->failed = 1;
		return -1;
	}
	ok = yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
					  (int)n, 1, 1, style);
	free(fixed);
	return emit(em, &ev, ok);
}

/* A string of the model: it must read back as the same string. */
static int
text(struct emit *em, const char *s)
{
	yaml_scalar_style_t style = YAML_PLAIN_SCALAR_STYLE;

	if (strchr(s, '\n') != NULL)
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (cr_yaml_needs_quotes(s))
		style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	return scalar_style(em, s, style);
}

static int
key(struct emit *em, const char *k)
{
	return text(em, k);
}

/* Starts or ends a block mapping or sequence. */
static int
block(struct emit *em, yaml_event_type_t type)
{
	yaml_event_t ev;
	int ok = 0;

	switch (type) {
	case YAML_MAPPING_START_EVENT:
		ok = yaml_mapping_start_event_initialize(
		    &ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
		break;
	case YAML_SEQUENCE_START_EVENT:
		ok = yaml_sequence_start_event_initialize(
		    &ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
		break;
	case YAML_MAPPING_END_EVENT:
		ok = yaml_mapping_end_event_initialize(&ev);
		break;
	default:
		ok = yaml_sequence_end_event_initialize(&ev);
		break;
	}
	return emit(em, &ev, ok);
}

#define map_start(em) block(em, YAML_MAPPING_START_EVENT)
#define map_end(em) block(em, YAML_MAPPING_END_EVENT)
#define seq_start(em) block(em, YAML_SEQUENCE_START_EVENT)
#define seq_end(em) block(em, YAML_SEQUENCE_END_EVENT)

/* ---------------------------------------------------------- values */

/* "key: value" when value is not NULL. */
static int
pair(struct emit *em, const char *k, const char *v)
{
	if (v == NULL)
		return 0;
	key(em, k);
	return text(em, v);
}

/* A valid date is written plain, as YAML's own timestamps are. */
static int
date(struct emit *em, const char *k, const cr_date *d)
{
	char buf[32];

	if (!d->valid)
		return pair(em, k, d->raw.s);
	key(em, k);
	return scalar_style(em, cr_date_out(d, buf), YAML_PLAIN_SCALAR_STYLE);
}

/*
 * An extension value as it was read: a plain scalar stays plain (so that
 * 12 stays a number and an empty value null), a quoted one stays quoted.
 * The depth is bounded by the reader's limit; a deeper tree built in code
 * is refused rather than recursed into.
 */
static int
node(struct emit *em, const cr_node *n, int depth)
{
	yaml_scalar_style_t style;
	size_t i;

	if (n == NULL)
		return scalar_style(em, "", YAML_PLAIN_SCALAR_STYLE);
	if (depth > 2 * CR_MAX_DEPTH) {
		em->failed = 1;
		return -1;
	}
	switch (n->type) {
	case CR_NODE_SCALAR:
		style = YAML_PLAIN_SCALAR_STYLE;
		if (!n->plain)
			style = strchr(n->value, '\n') != NULL
				    ? YAML_LITERAL_SCALAR_STYLE
				    : YAML_SINGLE_QUOTED_SCALAR_STYLE;
		return scalar_style(em, n->value != NULL ? n->value : "",
				    style);
	case CR_NODE_SEQ:
		seq_start(em);
		for (i = 0; i < n->len; i++)
			node(em, n->items[i], depth + 1);
		return seq_end(em);
	case CR_NODE_MAP:
		map_start(em);
		for (i = 0; i + 1 < n->len; i += 2) {
			node(em, n->items[i], depth + 1);
			node(em, n->items[i + 1], depth + 1);
		}
		return map_end(em);
	}
	return 0;
}

/* The x- and unknown keys; with `body_sections`, not the Markdown
 * sections the body holds (cr_ext_in_body). Returns how many. */
static size_t
exts(struct emit *em, const cr_exts *x, int body_sections)
{
	size_t i, n = 0;

	for (i = 0; i < x->len; i++) {
		if (body_sections && cr_ext_in_body(&x->items[i]))
			continue;
		key(em, x->items[i].key);
		node(em, x->items[i].value, 1);
		n++;
	}
	return n;
}

/* The string form when it gives back the same person, else a map. */
static int
person(struct emit *em, const cr_person *p)
{
	cr_buf b;
	int rc;

	if (cr_person_plain(p)) {
		cr_buf_init(&b);
		if (cr_person_format(p, &b) == -1 ||
		    cr_buf_putc(&b, '\0') == -1)
			rc = em->failed = -1;
		else
			rc = text(em, b.data);
		cr_buf_free(&b);
		return rc;
	}
	map_start(em);
	pair(em, "name", p->name.s);
	pair(em, "role", p->role.s);
	pair(em, "org", p->org.s);
	pair(em, "email", p->email.s);
	return map_end(em);
}

/* The id is always written (a default id depends on the report's id, so
 * writing it keeps the action's identity when the file moves), and so is
 * the status. */
static int
action(struct emit *em, const cr_action *a)
{
	map_start(em);
	pair(em, "id", a->id.s);
	pair(em, "what", a->what.s);
	pair(em, "who", a->who.s);
	date(em, "due", &a->due);
	pair(em, "status", cr_status_out(a));
	pair(em, "note", a->note.s);
	exts(em, &a->ext, 0);
	return map_end(em);
}

static int
field(struct emit *em, const cr_report *r, enum cr_field f)
{
	const char *k = cr_report_keys[f];
	const cr_persons *ps;
	const cr_texts *ts;
	size_t i;

	switch (cr_fields[f].kind) {
	case CR_K_STR:
		return pair(em, k, CR_FIELD_PTR(r, f, cr_str)->s);
	case CR_K_DATE:
		return date(em, k, CR_FIELD_PTR(r, f, cr_date));
	case CR_K_PERSONS:
		ps = CR_FIELD_PTR(r, f, cr_persons);
		key(em, k);
		seq_start(em);
		for (i = 0; i < ps->len; i++)
			person(em, &ps->items[i]);
		return seq_end(em);
	case CR_K_TEXTS:
		ts = CR_FIELD_PTR(r, f, cr_texts);
		key(em, k);
		seq_start(em);
		for (i = 0; i < ts->len; i++)
			text(em, ts->items[i].s != NULL ? ts->items[i].s : "");
		return seq_end(em);
	case CR_K_ACTIONS:
		key(em, k);
		seq_start(em);
		for (i = 0; i < r->actions.len; i++)
			action(em, &r->actions.items[i]);
		return seq_end(em);
	case CR_K_CONFIRMATIONS:
		key(em, k);
		seq_start(em);
		for (i = 0; i < r->confirmations.len; i++) {
			const cr_confirmation *c = &r->confirmations.items[i];

			map_start(em);
			pair(em, "name", c->name.s);
			date(em, "at", &c->at);
			pair(em, "note", c->note.s);
			map_end(em);
		}
		return seq_end(em);
	}
	return 0;
}

int
cr_yaml_emit_report(const cr_report *r, unsigned long fields, int with_exts,
		    cr_buf *out, size_t *nkeys)
{
	struct emit em;
	yaml_event_t ev;
	size_t start = out->len;
	int f;

	*nkeys = 0;
	memset(&em, 0, sizeof(em));
	em.out = out;
	if (!yaml_emitter_initialize(&em.e))
		return -1;
	yaml_emitter_set_output(&em.e, out_handler, out);
	yaml_emitter_set_unicode(&em.e, 1);
	yaml_emitter_set_width(&em.e, -1);
	yaml_emitter_set_indent(&em.e, 2);
	yaml_emitter_set_break(&em.e, YAML_LN_BREAK);
	emit(&em, &ev,
	     yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(&em, &ev,
	     yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	map_start(&em);
	for (f = 0; f < CR_F__COUNT; f++) {
		if (!(fields & CR_FBIT(f)) || !cr_field_present(r, f))
			continue;
		field(&em, r, f);
		(*nkeys)++;
	}
	if (with_exts)
		*nkeys += exts(&em, &r->ext, with_exts == 2);
	map_end(&em);
	emit(&em, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(&em, &ev, yaml_stream_end_event_initialize(&ev));
	if (!em.failed && !yaml_emitter_flush(&em.e))
		em.failed = 1;
	yaml_emitter_delete(&em.e);
	if (em.failed || out->oom) {
		out->len = start;
		return -1;
	}
	/* An open-ended last scalar (a literal block keeping its final
	 * empty lines) makes libyaml end the stream with "...": the end of
	 * the file, or the "---" closing a front matter, ends it as well. */
	if (out->len - start >= 4 &&
	    memcmp(out->data + out->len - 4, "...\n", 4) == 0 &&
	    (out->len - start == 4 || out->data[out->len - 5] == '\n'))
		out->len -= 4;
	if (out->data != NULL)
		out->data[out->len] = '\0';
	return 0;
}
