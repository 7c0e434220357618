/* model.c - report lifetime, enums, defaults, comparison. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Enum <-> text over the value lists of fields.c; cr_type counts from 1
 * (CR_TYPE_NONE is "not given"). */
static int
lookup(const char *s, const char *const *names, int invalid)
{
	size_t i;

	if (s == NULL)
		return invalid;
	for (i = 0; names[i] != NULL; i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return invalid;
}

static const char *
name_of(const char *const *names, unsigned v)
{
	unsigned i;

	for (i = 0; names[i] != NULL; i++)
		if (i == v)
			return names[i];
	return "";
}

#define NAME(tab, v) name_of(tab, (unsigned)(v))

const char *
cr_type_name(cr_type t)
{
	return t == CR_TYPE_NONE ? "" : NAME(cr_type_values, t - 1);
}
const char *
cr_outcome_name(cr_outcome o)
{
	return NAME(cr_outcome_values, o);
}
const char *
cr_conf_name(cr_conf c)
{
	return NAME(cr_conf_values, c);
}
const char *
cr_lang_name(cr_lang l)
{
	return NAME(cr_lang_values, l);
}
const char *
cr_status_name(cr_status s)
{
	return NAME(cr_status_values, s);
}

cr_type
cr_type_lookup(const char *s)
{
	int v = lookup(s, cr_type_values, -1);

	return v < 0 ? CR_TYPE_INVALID : (cr_type)(v + 1);
}

cr_outcome
cr_outcome_lookup(const char *s)
{
	return (cr_outcome)lookup(s, cr_outcome_values, CR_OUTCOME_INVALID);
}

cr_conf
cr_conf_lookup(const char *s)
{
	return (cr_conf)lookup(s, cr_conf_values, CR_CONF_INVALID);
}

cr_lang
cr_lang_lookup(const char *s)
{
	return (cr_lang)lookup(s, cr_lang_values, CR_LANG_INVALID);
}

cr_status
cr_status_lookup(const char *s)
{
	return (cr_status)lookup(s, cr_status_values, CR_STATUS_INVALID);
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

int
cr_report_planned(const cr_report *r, long long now)
{
	return r->date.valid && cr_datetime_epoch(&r->date.dt, 0) > now;
}

/* ---------------------------------------------------------- building */

/* Every text of the model is NFC (SPEC 2.1): normalised here, where the
 * readers and cr-new store it. */
int
cr_str_setn(cr_str *dst, const char *s, size_t n, cr_pos pos)
{
	return cr_str_setn_as(dst, s, n, pos, 0);
}

int
cr_str_setn_as(cr_str *dst, const char *s, size_t n, cr_pos pos, int stable)
{
	char *p = stable ? cr_strndup(s, strnlen(s, n))
			 : cr_utf8_nfc(s, strnlen(s, n), NULL);

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
	return cr_texts_push_as(t, s, n, pos, 0);
}

int
cr_texts_push_as(cr_texts *t, const char *s, size_t n, cr_pos pos, int stable)
{
	cr_str v = {NULL, pos, 0};

	if (grow_pow2(&t->items, t->len, sizeof(*t->items)) == -1 ||
	    cr_str_setn_as(&v, s, n, pos, stable) == -1)
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
	return cr_actions_append(&r->actions, a);
}

int
cr_actions_append(cr_actions *as, cr_action *a)
{
	if (grow_pow2(&as->items, as->len, sizeof(*as->items)) == -1)
		return -1;
	as->items[as->len++] = *a;
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
confirmations_free(cr_confirmations *cs)
{
	size_t i;

	for (i = 0; i < cs->len; i++)
		cr_confirmation_clear(&cs->items[i]);
	free(cs->items);
	memset(cs, 0, sizeof(*cs));
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

/* Frees the action keys without `keep` in their flags. */
static void
action_free_fields(cr_action *a, unsigned keep)
{
	size_t f;

	for (f = 0; f < CR_AF__COUNT; f++)
		if (!(cr_afields[f].flags & keep))
			str_free((cr_str *)cr_afield_str(a, (enum cr_afield)f));
}

void
cr_action_clear(cr_action *a)
{
	action_free_fields(a, 0);
	exts_free(&a->ext);
	memset(a, 0, sizeof(*a));
}

static void
actions_free(cr_actions *as)
{
	size_t i;

	for (i = 0; i < as->len; i++)
		cr_action_clear(&as->items[i]);
	free(as->items);
	memset(as, 0, sizeof(*as));
}

/* Frees the fields of r without `keep` in their flags (0: all). */
static void
report_free_fields(cr_report *r, unsigned keep)
{
	size_t f;

	for (f = 0; f < CR_F__COUNT; f++)
		if (!(cr_fields[f].flags & keep))
			cr_field_clear(r, (enum cr_field)f);
	exts_free(&r->ext);
}

void
cr_field_clear(cr_report *r, enum cr_field f)
{
	switch (cr_fields[f].kind) {
	case CR_K_STR:
		str_free(CR_FIELD_MUT(r, f, cr_str));
		break;
	case CR_K_DATE:
		str_free(&CR_FIELD_MUT(r, f, cr_date)->raw);
		CR_FIELD_MUT(r, f, cr_date)->valid = 0;
		break;
	case CR_K_PERSONS:
		persons_free(CR_FIELD_MUT(r, f, cr_persons));
		break;
	case CR_K_TEXTS:
		texts_free(CR_FIELD_MUT(r, f, cr_texts));
		break;
	case CR_K_ACTIONS:
		actions_free(CR_FIELD_MUT(r, f, cr_actions));
		break;
	case CR_K_CONFIRMATIONS:
		confirmations_free(CR_FIELD_MUT(r, f, cr_confirmations));
		break;
	}
}

cr_report *
cr_report_new(void)
{
	return calloc(1, sizeof(cr_report));
}

void
cr_report_free(cr_report *r)
{
	if (r == NULL)
		return;
	free(r->file);
	report_free_fields(r, 0);
	free(r);
}

void
cr_report_strip(cr_report *r)
{
	size_t i;

	report_free_fields(r, CR_FF_WIP);
	for (i = 0; i < r->actions.len; i++) {
		action_free_fields(&r->actions.items[i], CR_FF_WIP);
		exts_free(&r->actions.items[i].ext);
	}
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

/* Enum values compare by meaning (absent == the default, which the
 * readers never write out), invalid ones by their text. */
static int
enum_eq(const cr_str *a, const cr_str *b, const char *def)
{
	const char *x = a->s != NULL && a->s[0] != '\0' ? a->s : def;
	const char *y = b->s != NULL && b->s[0] != '\0' ? b->s : def;

	if (x == NULL || y == NULL)
		return x == y;
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
#define CR_PERSON_FIELD(e, key, member)                                        \
	if (!str_eq(&p->member, &q->member))                                   \
		return 0;
#include "cr_action_fields.h"
#undef CR_PERSON_FIELD
	}
	return 1;
}

static int
confirmations_eq(const cr_confirmations *a, const cr_confirmations *b)
{
	size_t i;

	if (a->len != b->len)
		return 0;
	for (i = 0; i < a->len; i++) {
		const cr_confirmation *p = &a->items[i], *q = &b->items[i];

		if (!str_eq(&p->name, &q->name) || !date_eq(&p->at, &q->at) ||
		    !str_eq(&p->note, &q->note))
			return 0;
	}
	return 1;
}

static int
node_eq(const cr_node *a, const cr_node *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
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

/* The default an absent enum value means. */
static const char *
enum_default(const char *const *values)
{
	if (values == cr_outcome_values)
		return "reached";
	if (values == cr_conf_values)
		return "client";
	if (values == cr_lang_values)
		return "en";
	if (values == cr_status_values)
		return "open";
	return NULL;
}

static int
action_eq(const cr_action *a, const cr_action *b)
{
	size_t f;

	for (f = 0; f < CR_AF__COUNT; f++) {
		const struct cr_afield_desc *fd = &cr_afields[f];
		const char *pa = (const char *)a + fd->off;
		const char *pb = (const char *)b + fd->off;
		int eq;

		if (fd->kind == CR_K_DATE)
			eq = date_eq((const cr_date *)(const void *)pa,
				     (const cr_date *)(const void *)pb);
		else if (fd->values != NULL)
			eq = enum_eq((const cr_str *)(const void *)pa,
				     (const cr_str *)(const void *)pb,
				     enum_default(fd->values));
		else
			eq = str_eq((const cr_str *)(const void *)pa,
				    (const cr_str *)(const void *)pb);
		if (!eq)
			return 0;
	}
	return exts_eq(&a->ext, &b->ext);
}

static int
actions_eq(const cr_actions *a, const cr_actions *b)
{
	size_t i;

	if (a->len != b->len)
		return 0;
	for (i = 0; i < a->len; i++)
		if (!action_eq(&a->items[i], &b->items[i]))
			return 0;
	return 1;
}

int
cr_report_equal(const cr_report *a, const cr_report *b)
{
	size_t f;

	for (f = 0; f < CR_F__COUNT; f++) {
		const struct cr_field_desc *fd = &cr_fields[f];
		int eq = 0;

		switch (fd->kind) {
		case CR_K_STR:
			eq = fd->values != NULL
				 ? enum_eq(CR_FIELD_PTR(a, f, cr_str),
					   CR_FIELD_PTR(b, f, cr_str),
					   enum_default(fd->values))
				 : str_eq(CR_FIELD_PTR(a, f, cr_str),
					  CR_FIELD_PTR(b, f, cr_str));
			break;
		case CR_K_DATE:
			eq = date_eq(CR_FIELD_PTR(a, f, cr_date),
				     CR_FIELD_PTR(b, f, cr_date));
			break;
		case CR_K_PERSONS:
			eq = persons_eq(CR_FIELD_PTR(a, f, cr_persons),
					CR_FIELD_PTR(b, f, cr_persons));
			break;
		case CR_K_TEXTS:
			eq = texts_eq(CR_FIELD_PTR(a, f, cr_texts),
				      CR_FIELD_PTR(b, f, cr_texts));
			break;
		case CR_K_ACTIONS:
			eq = actions_eq(CR_FIELD_PTR(a, f, cr_actions),
					CR_FIELD_PTR(b, f, cr_actions));
			break;
		case CR_K_CONFIRMATIONS:
			eq = confirmations_eq(
			    CR_FIELD_PTR(a, f, cr_confirmations),
			    CR_FIELD_PTR(b, f, cr_confirmations));
			break;
		}
		if (!eq)
			return 0;
	}
	return exts_eq(&a->ext, &b->ext);
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
	for (i = 0; i < r->confirmations.len; i++)
		if (r->confirmations.items[i].at.valid)
			cr_datetime_resolve(&r->confirmations.items[i].at.dt,
					    &r->date.dt);
	cr_buf_init(&b);
	for (i = 0; i < r->actions.len; i++) {
		cr_action *a = &r->actions.items[i];
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
