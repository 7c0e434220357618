/*
 * write_json.c - the model as one JSON object (SPEC 7), two-space
 * indented, ending with a newline.
 *
 * Keys are the YAML keys in the order of SPEC 2.1, then the x- keys.
 * Defaults are filled: outcome "reached", confidentiality "client",
 * language "en", every action's id (when the report has one) and status
 * "open"; an enum value outside its enum is written as written. Absent
 * scalar fields are left out, lists are always there ([] when empty),
 * except `internal` for the client's audience. Persons are maps of their
 * given parts; dates are normalised, an invalid one written as written.
 *
 * Extension values keep their structure; a scalar is a string, except a
 * plain (unquoted) one that YAML reads as null (empty, ~, null), true or
 * false (lower case), or a number in JSON's own grammar, which is written
 * as that JSON value. A non-scalar map key is written as "".
 *
 * Strings are valid UTF-8 (an invalid byte becomes U+FFFD), with control
 * characters, DEL, U+2028 and U+2029 escaped.
 */
#include <string.h>

#include "write.h"

struct json {
	cr_buf *out;
	int depth;
	int first; /* no member written yet at this level */
};

int
cr_json_string(cr_buf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t n, i;
	unsigned cp;
	int k;

	if (s == NULL)
		return cr_buf_puts(out, "null");
	n = strlen(s);
	cr_buf_putc(out, '"');
	for (i = 0; i < n; i += (size_t)k) {
		unsigned char c = (unsigned char)s[i];

		if ((k = cr_utf8_decode(s + i, n - i, &cp)) < 0) {
			cr_buf_puts(out, "\xef\xbf\xbd");
			k = 1;
			continue;
		}
		switch (c) {
		case '"':
			cr_buf_puts(out, "\\\"");
			continue;
		case '\\':
			cr_buf_puts(out, "\\\\");
			continue;
		case '\n':
			cr_buf_puts(out, "\\n");
			continue;
		case '\r':
			cr_buf_puts(out, "\\r");
			continue;
		case '\t':
			cr_buf_puts(out, "\\t");
			continue;
		case '\b':
			cr_buf_puts(out, "\\b");
			continue;
		case '\f':
			cr_buf_puts(out, "\\f");
			continue;
		}
		if (cp < 0x20 || cp == 0x7f || cp == 0x2028 || cp == 0x2029) {
			cr_buf_puts(out, "\\u");
			cr_buf_putc(out, hex[cp >> 12 & 15]);
			cr_buf_putc(out, hex[cp >> 8 & 15]);
			cr_buf_putc(out, hex[cp >> 4 & 15]);
			cr_buf_putc(out, hex[cp & 15]);
			continue;
		}
		cr_buf_put(out, s + i, (size_t)k);
	}
	return cr_buf_putc(out, '"');
}

/* ---------------------------------------------------------- structure */

static void
newline(struct json *j)
{
	int i;

	cr_buf_putc(j->out, '\n');
	for (i = 0; i < j->depth; i++)
		cr_buf_puts(j->out, "  ");
}

/* Starts a member ("key": ) of an object, or an element of an array
 * when k is NULL. */
static void
member(struct json *j, const char *k)
{
	if (!j->first)
		cr_buf_putc(j->out, ',');
	j->first = 0;
	newline(j);
	if (k != NULL) {
		cr_json_string(j->out, k);
		cr_buf_puts(j->out, ": ");
	}
}

static void
nest(struct json *j, char c)
{
	cr_buf_putc(j->out, c);
	j->depth++;
	j->first = 1;
}

static void
unnest(struct json *j, char c)
{
	j->depth--;
	if (!j->first)
		newline(j);
	cr_buf_putc(j->out, c);
	j->first = 0;
}

/* "key": "value", when value is not NULL. */
static void
pair(struct json *j, const char *k, const char *v)
{
	if (v == NULL)
		return;
	member(j, k);
	cr_json_string(j->out, v);
}

/* ---------------------------------------------------------- values */

/* A number in JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int
json_number(const char *s)
{
	size_t n;

	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		s += strspn(s, "0123456789");
	else
		return 0;
	if (*s == '.') {
		if ((n = strspn(s + 1, "0123456789")) == 0)
			return 0;
		s += 1 + n;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if ((n = strspn(s, "0123456789")) == 0)
			return 0;
		s += n;
	}
	return *s == '\0';
}

static void
scalar(struct json *j, const cr_node *n)
{
	const char *v = n->value != NULL ? n->value : "";

	if (n->plain && cr_node_is_null(n))
		cr_buf_puts(j->out, "null");
	else if (n->plain && (strcmp(v, "true") == 0 ||
			      strcmp(v, "false") == 0 || json_number(v)))
		cr_buf_puts(j->out, v);
	else
		cr_json_string(j->out, v);
}

/* The reader bounds the depth; a deeper tree built in code is cut off
 * (written as null) rather than recursed into. */
static void
node(struct json *j, const cr_node *n)
{
	size_t i;

	if (n == NULL || j->depth > 2 * CR_MAX_DEPTH) {
		cr_buf_puts(j->out, "null");
		return;
	}
	switch (n->type) {
	case CR_NODE_SCALAR:
		scalar(j, n);
		break;
	case CR_NODE_SEQ:
		nest(j, '[');
		for (i = 0; i < n->len; i++) {
			member(j, NULL);
			node(j, n->items[i]);
		}
		unnest(j, ']');
		break;
	case CR_NODE_MAP:
		nest(j, '{');
		for (i = 0; i + 1 < n->len; i += 2) {
			const cr_node *k = n->items[i];
			member(j, k != NULL && k->type == CR_NODE_SCALAR &&
					  k->value != NULL
				      ? k->value
				      : "");
			node(j, n->items[i + 1]);
		}
		unnest(j, '}');
		break;
	}
}

static void
exts(struct json *j, const cr_exts *x)
{
	size_t i;

	for (i = 0; i < x->len; i++) {
		member(j, x->items[i].key);
		node(j, x->items[i].value);
	}
}

static void
person(struct json *j, const cr_person *p)
{
	nest(j, '{');
	pair(j, "name", p->name.s);
	pair(j, "role", p->role.s);
	pair(j, "org", p->org.s);
	pair(j, "email", p->email.s);
	unnest(j, '}');
}

static void
action(struct json *j, const cr_action *a)
{
	char buf[32];

	nest(j, '{');
	pair(j, "id", a->id.s);
	pair(j, "what", a->what.s);
	pair(j, "who", a->who.s);
	pair(j, "due", cr_date_out(&a->due, buf));
	pair(j, "status", cr_status_out(a));
	pair(j, "note", a->note.s);
	exts(j, &a->ext);
	unnest(j, '}');
}

/* An enum field as written, or its default when absent. */
static const char *
enum_out(const cr_str *s, const char *dflt)
{
	return s->s != NULL && s->s[0] != '\0' ? s->s : dflt;
}

static void
field(struct json *j, const cr_report *r, enum cr_field f)
{
	const char *k = cr_report_keys[f];
	const cr_persons *ps;
	const cr_texts *ts;
	char buf[32];
	size_t i;

	switch (f) {
	case CR_F_OUTCOME:
		pair(
		    j, k,
		    enum_out(&r->outcome, cr_outcome_name(CR_OUTCOME_REACHED)));
		return;
	case CR_F_CONFIDENTIALITY:
		pair(j, k,
		     enum_out(&r->confidentiality,
			      cr_conf_name(CR_CONF_CLIENT)));
		return;
	case CR_F_LANGUAGE:
		pair(j, k, enum_out(&r->language, cr_lang_name(CR_LANG_EN)));
		return;
	default:
		break;
	}
	switch (cr_fields[f].kind) {
	case CR_K_STR:
		pair(j, k, CR_FIELD_PTR(r, f, cr_str)->s);
		break;
	case CR_K_DATE:
		pair(j, k, cr_date_out(CR_FIELD_PTR(r, f, cr_date), buf));
		break;
	case CR_K_PERSONS:
		ps = CR_FIELD_PTR(r, f, cr_persons);
		member(j, k);
		nest(j, '[');
		for (i = 0; i < ps->len; i++) {
			member(j, NULL);
			person(j, &ps->items[i]);
		}
		unnest(j, ']');
		break;
	case CR_K_TEXTS:
		ts = CR_FIELD_PTR(r, f, cr_texts);
		member(j, k);
		nest(j, '[');
		for (i = 0; i < ts->len; i++)
			pair(j, NULL,
			     ts->items[i].s != NULL ? ts->items[i].s : "");
		unnest(j, ']');
		break;
	case CR_K_ACTIONS:
		member(j, k);
		nest(j, '[');
		for (i = 0; i < r->actions.len; i++) {
			member(j, NULL);
			action(j, &r->actions.items[i]);
		}
		unnest(j, ']');
		break;
	case CR_K_CONFIRMATIONS:
		member(j, k);
		nest(j, '[');
		for (i = 0; i < r->confirmations.len; i++) {
			const cr_confirmation *c = &r->confirmations.items[i];

			member(j, NULL);
			nest(j, '{');
			pair(j, "name", c->name.s);
			pair(j, "at", cr_date_out(&c->at, buf));
			if (c->note.s != NULL)
				pair(j, "note", c->note.s);
			unnest(j, '}');
		}
		unnest(j, ']');
		break;
	}
}

int
cr_write_json(const cr_report *r, const cr_write_opts *o, cr_buf *out)
{
	struct json j = {out, 0, 1};
	size_t start = out->len;
	int f;

	nest(&j, '{');
	for (f = 0; f < CR_F__COUNT; f++) {
		if (f == CR_F_INTERNAL && o != NULL &&
		    o->audience == CR_AUDIENCE_CLIENT)
			continue;
		field(&j, r, f);
	}
	exts(&j, &r->ext);
	unnest(&j, '}');
	cr_buf_putc(out, '\n');
	if (out->oom) {
		out->len = start;
		return -1;
	}
	return 0;
}
