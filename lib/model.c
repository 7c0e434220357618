/* model.c - report lifetime, enums, defaults, comparison. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *const cr_report_keys[] = {"id",
				      "title",
				      "client",
				      "project",
				      "type",
				      "outcome",
				      "date",
				      "location",
				      "author",
				      "issued",
				      "confidentiality",
				      "language",
				      "attendees",
				      "absent",
				      "distribution",
				      "previous",
				      "next_contact",
				      "tags",
				      "agenda",
				      "discussion",
				      "agreements",
				      "actions",
				      "internal",
				      NULL};

const char *const cr_action_keys[] = {"id",	"what", "who", "due",
				      "status", "note", NULL};

const char *const cr_person_keys[] = {"name", "role", "org", "email", NULL};

static const char *const type_names[] = {"",	  "meeting", "call", "video",
					 "visit", "email",   "other"};
static const char *const outcome_names[] = {
    "reached", "no-answer", "left-message", "declined", "postponed"};
static const char *const conf_names[] = {"public", "client", "internal",
					 "confidential"};
static const char *const lang_names[] = {"en", "vi", "zh", "ru"};
static const char *const status_names[] = {"open", "done", "blocked",
					   "dropped"};

static int
lookup(const char *s, const char *const *names, size_t n, int invalid)
{
	size_t i;

	if (s == NULL)
		return invalid;
	for (i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0 && names[i][0] != '\0')
			return (int)i;
	return invalid;
}

#define NAME(tab, v) ((unsigned)(v) < CR_ARRAY_LEN(tab) ? tab[v] : "")

const char *
cr_type_name(cr_type t)
{
	return NAME(type_names, t);
}
const char *
cr_outcome_name(cr_outcome o)
{
	return NAME(outcome_names, o);
}
const char *
cr_conf_name(cr_conf c)
{
	return NAME(conf_names, c);
}
const char *
cr_lang_name(cr_lang l)
{
	return NAME(lang_names, l);
}
const char *
cr_status_name(cr_status s)
{
	return NAME(status_names, s);
}

cr_type
cr_type_lookup(const char *s)
{
	return (cr_type)lookup(s, type_names, CR_ARRAY_LEN(type_names),
			       CR_TYPE_INVALID);
}

cr_outcome
cr_outcome_lookup(const char *s)
{
	return (cr_outcome)lookup(s, outcome_names, CR_ARRAY_LEN(outcome_names),
				  CR_OUTCOME_INVALID);
}

cr_conf
cr_conf_lookup(const char *s)
{
	return (cr_conf)lookup(s, conf_names, CR_ARRAY_LEN(conf_names),
			       CR_CONF_INVALID);
}

cr_lang
cr_lang_lookup(const char *s)
{
	return (cr_lang)lookup(s, lang_names, CR_ARRAY_LEN(lang_names),
			       CR_LANG_INVALID);
}

cr_status
cr_status_lookup(const char *s)
{
	return (cr_status)lookup(s, status_names, CR_ARRAY_LEN(status_names),
				 CR_STATUS_INVALID);
}

static int
absent(const cr_str *s)
{
	return s->s == NULL || s->s[0] == '\0';
}

cr_type
cr_report_type(const cr_report *r)
{
	return absent(&r->type) ? CR_TYPE_NONE : cr_type_lookup(r->type.s);
}

cr_outcome
cr_report_outcome(const cr_report *r)
{
	return absent(&r->outcome) ? CR_OUTCOME_REACHED
				   : cr_outcome_lookup(r->outcome.s);
}

cr_conf
cr_report_conf(const cr_report *r)
{
	return absent(&r->confidentiality)
		   ? CR_CONF_CLIENT
		   : cr_conf_lookup(r->confidentiality.s);
}

cr_lang
cr_report_lang(const cr_report *r)
{
	return absent(&r->language) ? CR_LANG_EN
				    : cr_lang_lookup(r->language.s);
}

cr_status
cr_action_status(const cr_action *a)
{
	return absent(&a->status) ? CR_STATUS_OPEN
				  : cr_status_lookup(a->status.s);
}

/* ---------------------------------------------------------- building */

int
cr_str_setn(cr_str *dst, const char *s, size_t n, cr_pos pos)
{
	char *p = cr_strndup(s, n);

	if (p == NULL)
		return -1;
	free(dst->s);
	dst->s = p;
	dst->pos = pos;
	return 0;
}

int
cr_str_set(cr_str *dst, const char *s, cr_pos pos)
{
	if (s == NULL) { /* absent */
		free(dst->s);
		dst->s = NULL;
		dst->pos = pos;
		return 0;
	}
	return cr_str_setn(dst, s, strlen(s), pos);
}

int
cr_date_set(cr_date *dt, const char *s, cr_pos pos)
{
	if (cr_str_set(&dt->raw, s, pos) == -1)
		return -1;
	dt->valid = cr_datetime_parse(s, &dt->dt) == 0;
	return 0;
}

/* Growth with an implied capacity (the next power of two), so the list
 * structs need no cap field. */
static int
grow_pow2(void *items, size_t len, size_t size)
{
	void **pp = items, *p;

	if (len != 0 && (len & (len - 1)) != 0)
		return 0;
	if ((p = realloc(*pp, (len == 0 ? 1 : len * 2) * size)) == NULL)
		return -1;
	*pp = p;
	return 0;
}

int
cr_texts_push(cr_texts *t, const char *s, size_t n, cr_pos pos)
{
	cr_str v = {NULL, pos, 0};

	if (grow_pow2(&t->items, t->len, sizeof(*t->items)) == -1 ||
	    cr_str_setn(&v, s, n, pos) == -1)
		return -1;
	t->items[t->len++] = v;
	return 0;
}

int
cr_persons_push(cr_persons *ps, cr_person *p)
{
	if (grow_pow2(&ps->items, ps->len, sizeof(*ps->items)) == -1)
		return -1;
	ps->items[ps->len++] = *p;
	memset(p, 0, sizeof(*p));
	return 0;
}

int
cr_actions_push(cr_report *r, cr_action *a)
{
	if (grow_pow2(&r->actions, r->nactions, sizeof(*r->actions)) == -1)
		return -1;
	r->actions[r->nactions++] = *a;
	memset(a, 0, sizeof(*a));
	return 0;
}

/* ---------------------------------------------------------- freeing */

static void
str_free(cr_str *s)
{
	free(s->s);
	s->s = NULL;
}

static void
texts_free(cr_texts *t)
{
	size_t i;

	for (i = 0; i < t->len; i++)
		free(t->items[i].s);
	free(t->items);
	memset(t, 0, sizeof(*t));
}

static void
persons_free(cr_persons *ps)
{
	size_t i;

	for (i = 0; i < ps->len; i++)
		cr_person_clear(&ps->items[i]);
	free(ps->items);
	memset(ps, 0, sizeof(*ps));
}

static void
exts_free(cr_exts *e)
{
	size_t i;

	for (i = 0; i < e->len; i++) {
		free(e->items[i].key);
		cr_node_free(e->items[i].value);
	}
	free(e->items);
	memset(e, 0, sizeof(*e));
}

void
cr_action_clear(cr_action *a)
{
	str_free(&a->id);
	str_free(&a->what);
	str_free(&a->who);
	str_free(&a->due.raw);
	str_free(&a->status);
	str_free(&a->note);
	exts_free(&a->ext);
	memset(a, 0, sizeof(*a));
}

cr_report *
cr_report_new(void)
{
	return calloc(1, sizeof(cr_report));
}

void
cr_report_free(cr_report *r)
{
	size_t i;

	if (r == NULL)
		return;
	free(r->file);
	str_free(&r->id);
	str_free(&r->title);
	str_free(&r->client);
	str_free(&r->project);
	str_free(&r->type);
	str_free(&r->outcome);
	str_free(&r->date.raw);
	str_free(&r->location);
	str_free(&r->author);
	str_free(&r->issued.raw);
	str_free(&r->confidentiality);
	str_free(&r->language);
	persons_free(&r->attendees);
	persons_free(&r->absent);
	persons_free(&r->distribution);
	str_free(&r->previous);
	str_free(&r->next_contact.raw);
	texts_free(&r->tags);
	texts_free(&r->agenda);
	texts_free(&r->discussion);
	texts_free(&r->agreements);
	for (i = 0; i < r->nactions; i++)
		cr_action_clear(&r->actions[i]);
	free(r->actions);
	texts_free(&r->internal);
	exts_free(&r->ext);
	free(r);
}

void
cr_report_strip(cr_report *r)
{
	size_t i;

	str_free(&r->title);
	str_free(&r->type);
	str_free(&r->outcome);
	str_free(&r->location);
	str_free(&r->author);
	str_free(&r->issued.raw);
	str_free(&r->confidentiality);
	str_free(&r->language);
	persons_free(&r->attendees);
	persons_free(&r->absent);
	persons_free(&r->distribution);
	str_free(&r->previous);
	str_free(&r->next_contact.raw);
	texts_free(&r->tags);
	texts_free(&r->agenda);
	texts_free(&r->discussion);
	texts_free(&r->agreements);
	texts_free(&r->internal);
	exts_free(&r->ext);
	for (i = 0; i < r->nactions; i++) {
		str_free(&r->actions[i].note);
		exts_free(&r->actions[i].ext);
	}
	r->issued.valid = r->next_contact.valid = 0;
}

void
cr_reports_free(cr_reports *rs)
{
	size_t i;

	for (i = 0; i < rs->len; i++)
		cr_report_free(rs->items[i]);
	free(rs->items);
	memset(rs, 0, sizeof(*rs));
}

int
cr_reports_push(cr_reports *rs, cr_report *r)
{
	if (cr_grow(&rs->items, &rs->cap, rs->len + 1, sizeof(*rs->items)) ==
	    -1)
		return -1;
	rs->items[rs->len++] = r;
	return 0;
}

/* ---------------------------------------------------------- copying */

static int
str_copy(cr_str *dst, const cr_str *src)
{
	dst->pos = src->pos;
	dst->exact = src->exact;
	dst->s = NULL;
	if (src->s == NULL)
		return 0;
	return (dst->s = cr_strdup(src->s)) == NULL ? -1 : 0;
}

static int
date_copy(cr_date *dst, const cr_date *src)
{
	*dst = *src;
	return str_copy(&dst->raw, &src->raw);
}

static int
texts_copy(cr_texts *dst, const cr_texts *src)
{
	size_t i;

	memset(dst, 0, sizeof(*dst));
	dst->given = src->given;
	dst->pos = src->pos;
	for (i = 0; i < src->len; i++)
		if (cr_texts_push(dst, src->items[i].s, strlen(src->items[i].s),
				  src->items[i].pos) == -1)
			return -1;
	return 0;
}

static int
person_copy(cr_person *dst, const cr_person *src)
{
	memset(dst, 0, sizeof(*dst));
	dst->pos = src->pos;
	return str_copy(&dst->name, &src->name) |
	       str_copy(&dst->role, &src->role) |
	       str_copy(&dst->org, &src->org) |
	       str_copy(&dst->email, &src->email);
}

static int
persons_copy(cr_persons *dst, const cr_persons *src)
{
	size_t i;
	cr_person p;

	memset(dst, 0, sizeof(*dst));
	dst->given = src->given;
	dst->pos = src->pos;
	for (i = 0; i < src->len; i++) {
		if (person_copy(&p, &src->items[i]) == -1 ||
		    cr_persons_push(dst, &p) == -1) {
			cr_person_clear(&p);
			return -1;
		}
	}
	return 0;
}

static cr_node *
node_copy(const cr_node *src)
{
	cr_node *n = calloc(1, sizeof(*n));
	size_t i;

	if (n == NULL)
		return NULL;
	*n = *src;
	n->items = NULL;
	n->len = n->cap = 0;
	n->value = NULL;
	if (src->value != NULL && (n->value = cr_strdup(src->value)) == NULL)
		goto fail;
	if (src->len > 0) {
		if ((n->items = calloc(src->len, sizeof(*n->items))) == NULL)
			goto fail;
		n->cap = src->len;
		for (i = 0; i < src->len; i++) {
			if ((n->items[i] = node_copy(src->items[i])) == NULL)
				goto fail;
			n->len++;
		}
	}
	return n;
fail:
	cr_node_free(n);
	return NULL;
}

static int
exts_copy(cr_exts *dst, const cr_exts *src)
{
	size_t i;

	memset(dst, 0, sizeof(*dst));
	if (src->len == 0)
		return 0;
	if ((dst->items = calloc(src->len, sizeof(*dst->items))) == NULL)
		return -1;
	for (i = 0; i < src->len; i++) {
		dst->items[i].pos = src->items[i].pos;
		dst->items[i].key = cr_strdup(src->items[i].key);
		dst->items[i].value = node_copy(src->items[i].value);
		dst->len++;
		if (dst->items[i].key == NULL || dst->items[i].value == NULL)
			return -1;
	}
	return 0;
}

static int
action_copy(cr_action *dst, const cr_action *src)
{
	memset(dst, 0, sizeof(*dst));
	dst->id_given = src->id_given;
	dst->pos = src->pos;
	return str_copy(&dst->id, &src->id) | str_copy(&dst->what, &src->what) |
	       str_copy(&dst->who, &src->who) |
	       date_copy(&dst->due, &src->due) |
	       str_copy(&dst->status, &src->status) |
	       str_copy(&dst->note, &src->note) |
	       exts_copy(&dst->ext, &src->ext);
}

cr_report *
cr_report_copy(const cr_report *s)
{
	cr_report *r = cr_report_new();
	cr_action a;
	size_t i;
	int rc = 0;

	if (r == NULL)
		return NULL;
	r->form = s->form;
	r->pos = s->pos;
	r->broken = s->broken;
	r->id_given = s->id_given;
	r->actions_given = s->actions_given;
	r->actions_pos = s->actions_pos;
	if (s->file != NULL && (r->file = cr_strdup(s->file)) == NULL)
		rc = -1;
	rc |=
	    str_copy(&r->id, &s->id) | str_copy(&r->title, &s->title) |
	    str_copy(&r->client, &s->client) |
	    str_copy(&r->project, &s->project) | str_copy(&r->type, &s->type) |
	    str_copy(&r->outcome, &s->outcome) | date_copy(&r->date, &s->date) |
	    str_copy(&r->location, &s->location) |
	    str_copy(&r->author, &s->author) |
	    date_copy(&r->issued, &s->issued) |
	    str_copy(&r->confidentiality, &s->confidentiality) |
	    str_copy(&r->language, &s->language) |
	    persons_copy(&r->attendees, &s->attendees) |
	    persons_copy(&r->absent, &s->absent) |
	    persons_copy(&r->distribution, &s->distribution) |
	    str_copy(&r->previous, &s->previous) |
	    date_copy(&r->next_contact, &s->next_contact) |
	    texts_copy(&r->tags, &s->tags) |
	    texts_copy(&r->agenda, &s->agenda) |
	    texts_copy(&r->discussion, &s->discussion) |
	    texts_copy(&r->agreements, &s->agreements) |
	    texts_copy(&r->internal, &s->internal) |
	    exts_copy(&r->ext, &s->ext);
	for (i = 0; rc == 0 && i < s->nactions; i++) {
		if (action_copy(&a, &s->actions[i]) == -1 ||
		    cr_actions_push(r, &a) == -1) {
			cr_action_clear(&a);
			rc = -1;
		}
	}
	if (rc != 0) {
		cr_report_free(r);
		return NULL;
	}
	return r;
}

/* ---------------------------------------------------------- equality */

static int
str_eq(const cr_str *a, const cr_str *b)
{
	const char *x = a->s != NULL ? a->s : "", *y = b->s != NULL ? b->s : "";

	return strcmp(x, y) == 0;
}

static int
date_eq(const cr_date *a, const cr_date *b)
{
	char x[32], y[32];

	if (a->valid != b->valid)
		return 0;
	if (!a->valid)
		return str_eq(&a->raw, &b->raw);
	cr_datetime_format(&a->dt, x);
	cr_datetime_format(&b->dt, y);
	return strcmp(x, y) == 0;
}

static int
texts_eq(const cr_texts *a, const cr_texts *b)
{
	size_t i;

	if (a->len != b->len)
		return 0;
	for (i = 0; i < a->len; i++)
		if (!str_eq(&a->items[i], &b->items[i]))
			return 0;
	return 1;
}

static int
persons_eq(const cr_persons *a, const cr_persons *b)
{
	size_t i;

	if (a->len != b->len)
		return 0;
	for (i = 0; i < a->len; i++) {
		const cr_person *p = &a->items[i], *q = &b->items[i];
		if (!str_eq(&p->name, &q->name) ||
		    !str_eq(&p->role, &q->role) || !str_eq(&p->org, &q->org) ||
		    !str_eq(&p->email, &q->email))
			return 0;
	}
	return 1;
}

static int
node_eq(const cr_node *a, const cr_node *b)
{
	size_t i;

	if (a->type != b->type || a->len != b->len)
		return 0;
	if (a->type == CR_NODE_SCALAR)
		return strcmp(a->value, b->value) == 0 &&
		       (a->plain != 0) == (b->plain != 0);
	for (i = 0; i < a->len; i++)
		if (!node_eq(a->items[i], b->items[i]))
			return 0;
	return 1;
}

static int
exts_eq(const cr_exts *a, const cr_exts *b)
{
	size_t i;

	if (a->len != b->len)
		return 0;
	for (i = 0; i < a->len; i++)
		if (strcmp(a->items[i].key, b->items[i].key) != 0 ||
		    !node_eq(a->items[i].value, b->items[i].value))
			return 0;
	return 1;
}

static int
action_eq(const cr_action *a, const cr_action *b)
{
	return str_eq(&a->id, &b->id) && str_eq(&a->what, &b->what) &&
	       str_eq(&a->who, &b->who) && date_eq(&a->due, &b->due) &&
	       cr_action_status(a) == cr_action_status(b) &&
	       (cr_action_status(a) != CR_STATUS_INVALID ||
		str_eq(&a->status, &b->status)) &&
	       str_eq(&a->note, &b->note) && exts_eq(&a->ext, &b->ext);
}

/* Enum fields compare by meaning (absent == the default), invalid ones by
 * their text. */
#define ENUM_EQ(fn, inv, fa, fb)                                               \
	(fn(a) == fn(b) && (fn(a) != (inv) || str_eq(&(fa), &(fb))))

int
cr_report_equal(const cr_report *a, const cr_report *b)
{
	size_t i;

	if (!str_eq(&a->id, &b->id) || !str_eq(&a->title, &b->title) ||
	    !str_eq(&a->client, &b->client) ||
	    !str_eq(&a->project, &b->project) ||
	    !ENUM_EQ(cr_report_type, CR_TYPE_INVALID, a->type, b->type) ||
	    !ENUM_EQ(cr_report_outcome, CR_OUTCOME_INVALID, a->outcome,
		     b->outcome) ||
	    !date_eq(&a->date, &b->date) ||
	    !str_eq(&a->location, &b->location) ||
	    !str_eq(&a->author, &b->author) ||
	    !date_eq(&a->issued, &b->issued) ||
	    !ENUM_EQ(cr_report_conf, CR_CONF_INVALID, a->confidentiality,
		     b->confidentiality) ||
	    !ENUM_EQ(cr_report_lang, CR_LANG_INVALID, a->language,
		     b->language) ||
	    !persons_eq(&a->attendees, &b->attendees) ||
	    !persons_eq(&a->absent, &b->absent) ||
	    !persons_eq(&a->distribution, &b->distribution) ||
	    !str_eq(&a->previous, &b->previous) ||
	    !date_eq(&a->next_contact, &b->next_contact) ||
	    !texts_eq(&a->tags, &b->tags) ||
	    !texts_eq(&a->agenda, &b->agenda) ||
	    !texts_eq(&a->discussion, &b->discussion) ||
	    !texts_eq(&a->agreements, &b->agreements) ||
	    !texts_eq(&a->internal, &b->internal) ||
	    !exts_eq(&a->ext, &b->ext) || a->nactions != b->nactions)
		return 0;
	for (i = 0; i < a->nactions; i++)
		if (!action_eq(&a->actions[i], &b->actions[i]))
			return 0;
	return 1;
}

/* ---------------------------------------------------------- defaults */

int
cr_report_finish(cr_report *r, const char *default_id)
{
	cr_buf b;
	size_t i;

	if ((r->id.s == NULL || r->id.s[0] == '\0') && default_id != NULL &&
	    cr_str_set(&r->id, default_id, r->pos) == -1)
		return -1;
	if (r->date.valid)
		cr_datetime_resolve(&r->date.dt, NULL);
	if (r->issued.valid)
		cr_datetime_resolve(&r->issued.dt, &r->date.dt);
	if (r->next_contact.valid)
		cr_datetime_resolve(&r->next_contact.dt, &r->date.dt);
	cr_buf_init(&b);
	for (i = 0; i < r->nactions; i++) {
		cr_action *a = &r->actions[i];
		if (a->due.valid)
			cr_datetime_resolve(&a->due.dt, &r->date.dt);
		if (a->id.s != NULL && a->id.s[0] != '\0')
			continue;
		if (r->id.s == NULL)
			continue;
		b.len = 0;
		if (cr_buf_printf(&b, "%s-%zu", r->id.s, i + 1) == -1 ||
		    cr_str_set(&a->id, b.data, a->pos) == -1) {
			cr_buf_free(&b);
			return -1;
		}
	}
	cr_buf_free(&b);
	return 0;
}

char *
cr_id_from_path(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = base + strlen(base);
	return cr_strndup(base, (size_t)(dot - base));
}

cr_form
cr_form_from_path(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return CR_FORM_AUTO;
	if (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0)
		return CR_FORM_YAML;
	if (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0)
		return CR_FORM_MD;
	return CR_FORM_AUTO;
}
