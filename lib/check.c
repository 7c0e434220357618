/*
 * check.c - the lint rules of SPEC 6 over finished reports.
 *
 * Like mandoc's mdoc_validate.c, checking is a separate pass over the model
 * the readers built, driven by a table of {rule, function}; it never
 * re-parses. What only a reader can see (syntax, encoding, limits, unknown
 * and duplicate keys, values of the wrong YAML type) the readers report
 * themselves; everything that needs the meaning of the values is here.
 * Every message says what is wrong and what to write instead.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "cr_words.h"

struct ctx {
	const cr_report *r;
	const cr_check_opts *o;
	cr_diags *d;
	const char *file;
	cr_words *vague;	     /* vague due words */
	cr_words *emo;		     /* emotional words, all languages */
	cr_words *ph;		     /* placeholders */
	const cr_check_words *words; /* where the three above come from */
	cr_check_words *own;	     /* built for this call, or NULL */
	int contact_ok;		     /* date is valid: the two below are set */
	long long contact_start, contact_end;
	int planned; /* a planned contact (SPEC 2.1): checked as an agenda */
};

/* A string and its position in a list to sort (ids, names). */
struct key {
	const char *s;
	size_t idx;
};

/* ------------------------------------------------------------ helpers */

static int add(struct ctx *c, cr_pos pos, cr_rule rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Appends a finding graded by the options; positions fall back to the
 * report's own. */
static int
add(struct ctx *c, cr_pos pos, cr_rule rule, const char *fmt, ...)
{
	va_list ap;
	int rc;

	if (c->o->severity[rule] == CR_SEV_OFF)
		return 0;
	if (pos.line <= 0)
		pos = c->r->pos;
	if (pos.line <= 0)
		pos.line = pos.column = pos.cp = 1;
	va_start(ap, fmt);
	rc = cr_diags_vadd(c->d, c->file, pos, rule, c->o->severity[rule], fmt,
			   ap);
	va_end(ap);
	return rc;
}

static int
blank(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* The position of byte `off` inside a value: exact for a plain one-line
 * scalar, else the value's start. */
static cr_pos
pos_in(const cr_str *s, size_t off)
{
	cr_pos p = s->pos;

	if (s->exact && p.line > 0)
		p = cr_pos_advance(p, s->s, off);
	return p;
}

static cr_pos
pos_or(cr_pos p, cr_pos fallback)
{
	return p.line > 0 ? p : fallback;
}

static int
key_cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int k = strcmp(x->s, y->s);

	if (k != 0)
		return k;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int
has_placeholder(const struct ctx *c, const char *s)
{
	size_t at, len;
	const char *e;

	return s != NULL && cr_words_find(c->ph, s, 0, &at, &len, &e);
}

/* A date a week after the contact (else after now), as an example of
 * what to write. */
static void
example_date(const struct ctx *c, char out[32])
{
	cr_datetime dt;
	long long t;
	int off;

	if (c->contact_ok) {
		t = c->contact_start;
		off = c->r->date.dt.offset;
	} else {
		t = c->o->now;
		off = c->o->now_offset;
	}
	cr_datetime_from_epoch(t + 7 * 86400LL, off, &dt);
	dt.has_time = 0;
	cr_datetime_format(&dt, out);
}

enum date_kind { D_ABSENT, D_OK, D_VAGUE, D_PLACEHOLDER, D_BAD };

static enum date_kind
date_kind(const struct ctx *c, const cr_date *dt, int is_due)
{
	size_t at, len;
	const char *e;

	if (blank(dt->raw.s))
		return D_ABSENT;
	if (dt->valid)
		return D_OK;
	if (is_due && cr_words_find(c->vague, dt->raw.s, 0, &at, &len, &e))
		return D_VAGUE;
	if (has_placeholder(c, dt->raw.s))
		return D_PLACEHOLDER;
	return D_BAD;
}

/* "'acme-7' (Send the plan)" naming an action in messages. */
static const char *
action_name(const cr_action *a)
{
	return a->id.s != NULL ? a->id.s : "(no id)";
}

/* ----------------------------------------------------- missing-field */

static int
check_missing(struct ctx *c)
{
	const cr_report *r = c->r;
	size_t i;

	for (i = 0; i < CR_F__COUNT; i++) {
		const struct cr_field_desc *fd = &cr_fields[i];
		const cr_str *s = cr_field_str(r, (enum cr_field)i);
		const cr_persons *ps;

		if (!(fd->flags & CR_FF_REQ))
			continue;
		if (s != NULL) {
			if (!blank(s->s))
				continue;
			/* two sentences, not one with a word inserted,
			 * so that each translates whole */
			if ((s->s == NULL
				 ? add(c, s->pos, CR_RULE_MISSING_FIELD,
				       "required field '%s' is missing; %s",
				       fd->key, CR_(fd->hint))
				 : add(c, s->pos, CR_RULE_MISSING_FIELD,
				       "required field '%s' is empty; %s",
				       fd->key, CR_(fd->hint))) == -1)
				return -1;
			continue;
		}
		/* a list: at least one entry (only persons are required) */
		ps = CR_FIELD_PTR(r, i, cr_persons);
		if (fd->kind == CR_K_PERSONS && ps->len == 0 &&
		    add(c, ps->given ? ps->pos : r->pos, CR_RULE_MISSING_FIELD,
			"no %s; %s", fd->key, CR_(fd->hint)) == -1)
			return -1;
	}
	for (i = 0; i < r->actions.len; i++) {
		const cr_action *a = &r->actions.items[i];
		if (blank(a->what.s) &&
		    add(c, pos_or(a->what.pos, a->pos), CR_RULE_MISSING_FIELD,
			"action '%s' has no 'what'; write the task, e.g. "
			"'what: Send the revised media plan'",
			action_name(a)) == -1)
			return -1;
	}
	return 0;
}

/* ---------------------------------------------------------- bad-value */

static int
enum_value(struct ctx *c, const char *key, const cr_str *s,
	   const char *const *values)
{
	const char *near;
	cr_buf all;
	size_t i;
	int rc;

	if (blank(s->s) || has_placeholder(c, s->s))
		return 0;
	for (i = 0; values[i] != NULL; i++)
		if (strcmp(s->s, values[i]) == 0)
			return 0;
	cr_buf_init(&all);
	for (i = 0; values[i] != NULL; i++)
		cr_buf_printf(&all, "%s%s", i > 0 ? ", " : "", values[i]);
	if (all.oom) {
		cr_buf_free(&all);
		return -1;
	}
	near = cr_suggest(s->s, values);
	if (near != NULL)
		rc = add(c, s->pos, CR_RULE_BAD_VALUE,
			 "%s '%s' is not one of %s; did you mean '%s'?", key,
			 s->s, all.data, near);
	else
		rc = add(c, s->pos, CR_RULE_BAD_VALUE,
			 "%s '%s' is not one of %s; write one of them", key,
			 s->s, all.data);
	cr_buf_free(&all);
	return rc;
}

static int
check_enums(struct ctx *c)
{
	const cr_report *r = c->r;
	size_t i;

	for (i = 0; i < CR_F__COUNT; i++)
		if (cr_fields[i].values != NULL &&
		    enum_value(c, cr_fields[i].key,
			       cr_field_str(r, (enum cr_field)i),
			       cr_fields[i].values) == -1)
			return -1;
	for (i = 0; i < r->actions.len; i++)
		if (enum_value(c, "status", &r->actions.items[i].status,
			       cr_status_values) == -1)
			return -1;
	return 0;
}

/* ----------------------------------------------------------- bad-date */

static int
bad_date(struct ctx *c, const char *key, const cr_date *dt)
{
	if (date_kind(c, dt, 0) != D_BAD)
		return 0;
	return add(c, dt->raw.pos, CR_RULE_BAD_DATE,
		   "%s '%s' is not a date; write it as 2026-11-20, "
		   "2026-11-20 14:00 or 2026-11-20 14:00 +07:00",
		   key, dt->raw.s);
}

static int
check_dates(struct ctx *c)
{
	const cr_report *r = c->r;
	char ex[32];
	size_t i;

	if (bad_date(c, "date", &r->date) == -1 ||
	    bad_date(c, "issued", &r->issued) == -1 ||
	    bad_date(c, "next_contact", &r->next_contact) == -1)
		return -1;
	for (i = 0; i < r->confirmations.len; i++)
		if (bad_date(c, "a confirmation's 'at'",
			     &r->confirmations.items[i].at) == -1)
			return -1;
	example_date(c, ex);
	for (i = 0; i < r->actions.len; i++) {
		const cr_date *due = &r->actions.items[i].due;
		if (date_kind(c, due, 1) != D_BAD)
			continue;
		if (add(c, due->raw.pos, CR_RULE_BAD_DATE,
			"due '%s' is not a date; write the agreed date as "
			"YYYY-MM-DD, e.g. %s",
			due->raw.s, ex) == -1)
			return -1;
	}
	return 0;
}

/* ----------------------------------------------------- the outcome */

static int
reached(const cr_report *r)
{
	return cr_report_outcome(r) == CR_OUTCOME_REACHED;
}

static int
check_agreements(struct ctx *c)
{
	const cr_report *r = c->r;

	if (!reached(r) || r->agreements.len > 0 || c->planned)
		return 0;
	return add(c, r->agreements.given ? r->agreements.pos : r->pos,
		   CR_RULE_NO_AGREEMENTS,
		   "no agreements for a contact that was reached; list what "
		   "was agreed under 'agreements:', or set 'outcome:' if the "
		   "client was not reached");
}

static int
check_no_actions(struct ctx *c)
{
	const cr_report *r = c->r;

	if (!reached(r) || r->actions.len > 0 || c->planned)
		return 0;
	return add(c, r->actions.given ? r->actions.pos : r->pos,
		   CR_RULE_NO_ACTIONS,
		   "no actions for a contact that was reached; list the next "
		   "steps under 'actions:' with what, who and due");
}

/* ------------------------------------------------------------ actions */

static int
check_no_owner(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->r->actions.len; i++) {
		const cr_action *a = &c->r->actions.items[i];
		if (!blank(a->who.s))
			continue;
		if (add(c, pos_or(a->who.pos, a->pos), CR_RULE_ACTION_NO_OWNER,
			"action '%s' has no owner; add 'who:' with the name of "
			"the attendee or organisation who does it",
			action_name(a)) == -1)
			return -1;
	}
	return 0;
}

/* A name an action's owner may be: its text, and its case-folded form
 * (cr_utf8_casefold) made when first needed; an ASCII text's folded form
 * is its ASCII lower case, compared without being made. */
struct name {
	const char *s;
	char *fold;
	int ascii;
};

static int
push_name(struct name **ns, size_t *n, size_t *cap, const char *s)
{
	if (blank(s))
		return 0;
	if (cr_grow(ns, cap, *n + 1, sizeof(**ns)) == -1)
		return -1;
	(*ns)[*n].s = s;
	(*ns)[*n].fold = NULL;
	(*ns)[*n].ascii = cr_utf8_is_ascii(s);
	(*n)++;
	return 0;
}

/* Whether two folded forms are equal; `xa` (`ya`) says x (y) is ASCII
 * text still to be lowered. */
static int
folded_eq(const char *x, int xa, const char *y, int ya)
{
	for (;; x++, y++) {
		unsigned char p = (unsigned char)*x, q = (unsigned char)*y;

		if (xa && p >= 'A' && p <= 'Z')
			p += 32;
		if (ya && q >= 'A' && q <= 'Z')
			q += 32;
		if (p != q)
			return 0;
		if (p == '\0')
			return 1;
	}
}

/* Whether who (folded as `wf`, ASCII to lower when `wa`) is one of the
 * names: 1, 0, or -1 on memory. */
static int
among(struct name *ns, size_t n, const char *wf, int wa)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct name *k = &ns[i];

		if (!k->ascii && k->fold == NULL &&
		    (k->fold = cr_utf8_casefold(k->s)) == NULL)
			return -1;
		if (folded_eq(wf, wa, k->ascii ? k->s : k->fold, k->ascii))
			return 1;
	}
	return 0;
}

static void
names_free(struct name *ns, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(ns[i].fold);
	free(ns);
}

/* The nearest attendee name to `who`, when the list is short enough to
 * search. */
static const char *
near_attendee(const cr_report *r, const char *who)
{
	size_t i, best = 3, dist;
	const char *hit = NULL;

	if (r->attendees.len > 1000)
		return NULL;
	for (i = 0; i < r->attendees.len; i++) {
		const char *name = r->attendees.items[i].name.s;
		if (name == NULL)
			continue;
		dist = cr_utf8_distance(who, name, 2);
		if (dist < best) {
			best = dist;
			hit = name;
		}
	}
	return hit;
}

static int
check_unknown_owner(struct ctx *c)
{
	const cr_report *r = c->r;
	struct name *ns = NULL;
	size_t n = 0, cap = 0, i;
	int rc = -1;

	for (i = 0; i < r->attendees.len; i++)
		if (push_name(&ns, &n, &cap, r->attendees.items[i].name.s) ==
			-1 ||
		    push_name(&ns, &n, &cap, r->attendees.items[i].org.s) == -1)
			goto out;
	if (push_name(&ns, &n, &cap, r->client.s) == -1 ||
	    push_name(&ns, &n, &cap, r->author.s) == -1)
		goto out;
	for (i = 0; i < c->o->nteam; i++)
		if (push_name(&ns, &n, &cap, c->o->team[i]) == -1)
			goto out;
	for (i = 0; i < r->actions.len; i++) {
		const cr_action *a = &r->actions.items[i];
		const char *near;
		char *f = NULL;
		int found;

		if (blank(a->who.s) || has_placeholder(c, a->who.s))
			continue;
		if (!cr_utf8_is_ascii(a->who.s) &&
		    (f = cr_utf8_casefold(a->who.s)) == NULL)
			goto out;
		found = among(ns, n, f != NULL ? f : a->who.s, f == NULL);
		free(f);
		if (found == -1)
			goto out;
		if (found)
			continue;
		near = near_attendee(r, a->who.s);
		if ((near != NULL
			 ? add(c, a->who.pos, CR_RULE_ACTION_UNKNOWN_OWNER,
			       "owner '%s' is not among the attendees; did you "
			       "mean '%s'?",
			       a->who.s, near)
			 : add(c, a->who.pos, CR_RULE_ACTION_UNKNOWN_OWNER,
			       "owner '%s' is not an attendee, an attendee's "
			       "organisation, the client or the author; write "
			       "one of them, or add '%s' to 'team' in "
			       ".cr-lint.yaml",
			       a->who.s, a->who.s)) == -1)
			goto out;
	}
	rc = 0;
out:
	names_free(ns, n);
	return rc;
}

static int
check_no_due(struct ctx *c)
{
	char ex[32];
	size_t i;

	example_date(c, ex);
	for (i = 0; i < c->r->actions.len; i++) {
		const cr_action *a = &c->r->actions.items[i];
		if (!blank(a->due.raw.s))
			continue;
		if (add(c, pos_or(a->due.raw.pos, a->pos),
			CR_RULE_ACTION_NO_DUE,
			"action '%s' has no due date; add 'due:' with the date "
			"agreed, e.g. 'due: %s'",
			action_name(a), ex) == -1)
			return -1;
	}
	return 0;
}

static int
check_vague_due(struct ctx *c)
{
	char ex[32];
	size_t i;

	example_date(c, ex);
	for (i = 0; i < c->r->actions.len; i++) {
		const cr_date *due = &c->r->actions.items[i].due;
		if (date_kind(c, due, 1) != D_VAGUE)
			continue;
		if (add(c, due->raw.pos, CR_RULE_ACTION_VAGUE_DUE,
			"due '%s' is not a date; write the agreed date, e.g. "
			"%s",
			due->raw.s, ex) == -1)
			return -1;
	}
	return 0;
}

/* Reports each key that repeats an earlier one (keys sorted by key_cmp);
 * `report` gets the later and the first index. */
static int
each_duplicate(const struct key *keys, size_t n, void *arg,
	       int (*report)(void *, size_t, size_t))
{
	size_t i, first = 0;

	for (i = 1; i < n; i++) {
		if (strcmp(keys[i].s, keys[first].s) != 0) {
			first = i;
			continue;
		}
		if (report(arg, keys[i].idx, keys[first].idx) == -1)
			return -1;
	}
	return 0;
}

static int
dup_action(void *arg, size_t later, size_t first)
{
	struct ctx *c = arg;
	const cr_action *a = &c->r->actions.items[later];
	const cr_action *f = &c->r->actions.items[first];
	cr_pos fp = pos_or(f->id.pos, f->pos);

	return add(c, pos_or(a->id.pos, a->pos), CR_RULE_DUPLICATE_ID,
		   "action id '%s' is already used on line %d; give each "
		   "action its own id",
		   a->id.s, fp.line);
}

static int
check_action_ids(struct ctx *c)
{
	const cr_report *r = c->r;
	struct key *keys;
	size_t i, n = 0;
	int rc;

	if (r->actions.len < 2)
		return 0;
	if ((keys = malloc(r->actions.len * sizeof(*keys))) == NULL)
		return -1;
	for (i = 0; i < r->actions.len; i++)
		if (!blank(r->actions.items[i].id.s)) {
			keys[n].s = r->actions.items[i].id.s;
			keys[n++].idx = i;
		}
	if (n > 1)
		qsort(keys, n, sizeof(*keys), key_cmp);
	rc = each_duplicate(keys, n, c, dup_action);
	free(keys);
	return rc;
}

/* ------------------------------------------------------------- issuing */

static int
check_issued_before(struct ctx *c)
{
	const cr_report *r = c->r;
	char issued[32], date[32];

	if (!c->contact_ok || !r->issued.valid ||
	    cr_datetime_epoch(&r->issued.dt, 1) >= c->contact_start)
		return 0;
	cr_datetime_format(&r->issued.dt, issued);
	cr_datetime_format(&r->date.dt, date);
	return add(c, r->issued.raw.pos, CR_RULE_ISSUED_BEFORE_CONTACT,
		   "issued %s, before the contact itself (%s); write when the "
		   "report was sent, or correct 'date'",
		   issued, date);
}

static int
check_late(struct ctx *c)
{
	const cr_report *r = c->r;
	long long late;

	if (!c->contact_ok || !r->issued.valid || c->planned)
		return 0;
	late = cr_datetime_epoch(&r->issued.dt, 0) - c->contact_end;
	if (late <= c->o->max_issue_hours * 3600LL)
		return 0;
	return add(c, r->issued.raw.pos, CR_RULE_LATE_REPORT,
		   "issued %lld hours after the contact, more than %d; send "
		   "reports within %d hours of the contact",
		   late / 3600, c->o->max_issue_hours, c->o->max_issue_hours);
}

static int
check_not_issued(struct ctx *c)
{
	const cr_report *r = c->r;
	long long since;

	if (!c->contact_ok || !blank(r->issued.raw.s) || c->planned)
		return 0;
	since = c->o->now - c->contact_end;
	if (since <= c->o->max_issue_hours * 3600LL)
		return 0;
	return add(c, r->pos, CR_RULE_NOT_ISSUED,
		   "not issued, and %lld hours have passed since the contact "
		   "(more than %d); send the report and add 'issued:' with "
		   "when it was sent",
		   since / 3600, c->o->max_issue_hours);
}

static int
check_author(struct ctx *c)
{
	const cr_report *r = c->r;
	const char *near;
	size_t i;

	if (blank(r->author.s) || r->attendees.len == 0 ||
	    has_placeholder(c, r->author.s) || c->planned)
		return 0;
	for (i = 0; i < r->attendees.len; i++)
		if (r->attendees.items[i].name.s != NULL &&
		    cr_utf8_casecmp(r->attendees.items[i].name.s,
				    r->author.s) == 0)
			return 0;
	near = near_attendee(r, r->author.s);
	if (near != NULL)
		return add(c, r->author.pos, CR_RULE_AUTHOR_NOT_ATTENDEE,
			   "author '%s' is not among the attendees; did you "
			   "mean '%s'?",
			   r->author.s, near);
	return add(c, r->author.pos, CR_RULE_AUTHOR_NOT_ATTENDEE,
		   "author '%s' is not among the attendees; add them to "
		   "'attendees', or write the name as it is listed there",
		   r->author.s);
}

/* ---------------------------------------------------------- wording */

static int
placeholders_in(struct ctx *c, const char *field, const cr_str *s)
{
	size_t from = 0, at, len;
	const char *e;

	if (s->s == NULL)
		return 0;
	while (cr_words_find(c->ph, s->s, from, &at, &len, &e)) {
		if (add(c, pos_in(s, at), CR_RULE_PLACEHOLDER,
			"'%s' still holds the placeholder '%s'; write the "
			"actual value, or remove the entry",
			field, e) == -1)
			return -1;
		from = at + len;
	}
	return 0;
}

static int
placeholders_persons(struct ctx *c, const char *field, const cr_persons *ps)
{
	size_t i;

	for (i = 0; i < ps->len; i++) {
		const cr_person *p = &ps->items[i];
#define CR_PERSON_FIELD(e, key, member)                                        \
	if (placeholders_in(c, field, &p->member) == -1)                       \
		return -1;
#include "cr_action_fields.h"
#undef CR_PERSON_FIELD
	}
	return 0;
}

static int
placeholders_texts(struct ctx *c, const char *field, const cr_texts *t)
{
	size_t i;

	for (i = 0; i < t->len; i++)
		if (placeholders_in(c, field, &t->items[i]) == -1)
			return -1;
	return 0;
}

static int
action_placeholders(struct ctx *c, const cr_action *a)
{
	size_t f;

	for (f = 0; f < CR_AF__COUNT; f++) {
		if (!(cr_afields[f].flags & CR_FF_PH) ||
		    (f == CR_AF_ID && !a->id_given) ||
		    /* a vague due ("TBD") is action-vague-due alone */
		    (f == CR_AF_DUE && date_kind(c, &a->due, 1) == D_VAGUE))
			continue;
		if (placeholders_in(c, cr_afields[f].key,
				    cr_afield_str(a, (enum cr_afield)f)) == -1)
			return -1;
	}
	return 0;
}

static int
check_placeholders(struct ctx *c)
{
	const cr_report *r = c->r;
	size_t f, i;
	int rc = 0;

	for (f = 0; rc == 0 && f < CR_F__COUNT; f++) {
		const struct cr_field_desc *fd = &cr_fields[f];

		if (!(fd->flags & CR_FF_PH) || (f == CR_F_ID && !r->id_given))
			continue;
		switch (fd->kind) {
		case CR_K_STR:
		case CR_K_DATE:
			rc = placeholders_in(c, fd->key,
					     cr_field_str(r, (enum cr_field)f));
			break;
		case CR_K_PERSONS:
			rc = placeholders_persons(
			    c, fd->key, CR_FIELD_PTR(r, f, cr_persons));
			break;
		case CR_K_TEXTS:
			rc = placeholders_texts(c, fd->key,
						CR_FIELD_PTR(r, f, cr_texts));
			break;
		case CR_K_ACTIONS:
			for (i = 0; rc == 0 && i < r->actions.len; i++)
				rc = action_placeholders(c,
							 &r->actions.items[i]);
			break;
		case CR_K_CONFIRMATIONS:
			for (i = 0; rc == 0 && i < r->confirmations.len; i++)
				rc = placeholders_in(
					 c, fd->key,
					 &r->confirmations.items[i].name) |
				     placeholders_in(
					 c, fd->key,
					 &r->confirmations.items[i].note);
			break;
		}
	}
	return rc;
}

static int
emotional_in(struct ctx *c, const char *field, const cr_str *s)
{
	size_t from = 0, at, len;
	const char *e;

	if (s->s == NULL)
		return 0;
	while (cr_words_find(c->emo, s->s, from, &at, &len, &e)) {
		if (add(c, pos_in(s, at), CR_RULE_EMOTIONAL_LANGUAGE,
			"'%.*s' in %s is judgemental, emotional or "
			"speculative; state neutrally what was said, done or "
			"agreed",
			(int)(len > 60 ? 60 : len), s->s + at, field) == -1)
			return -1;
		from = at + len;
	}
	return 0;
}

static int
check_emotional(struct ctx *c)
{
	const cr_report *r = c->r;
	size_t i;

	for (i = 0; i < r->discussion.len; i++)
		if (emotional_in(c, "discussion", &r->discussion.items[i]) ==
		    -1)
			return -1;
	for (i = 0; i < r->agreements.len; i++)
		if (emotional_in(c, "agreements", &r->agreements.items[i]) ==
		    -1)
			return -1;
	for (i = 0; i < r->actions.len; i++)
		if (emotional_in(c, "an action", &r->actions.items[i].what) ==
			-1 ||
		    emotional_in(c, "an action's note",
				 &r->actions.items[i].note) == -1)
			return -1;
	return 0;
}

/* ------------------------------------------- agendas, confirmations */

static int
check_agenda(struct ctx *c)
{
	const cr_report *r = c->r;

	if (!c->planned || r->agenda.len > 0)
		return 0;
	return add(c, r->agenda.given ? r->agenda.pos : r->pos,
		   CR_RULE_NO_AGENDA,
		   "a planned contact with no agenda; list the topics under "
		   "'agenda:' so that the invitation says what the meeting is "
		   "for");
}

/* The participant (attendee, else distribution) of that name. */
static const cr_person *
participant(const cr_report *r, const char *name)
{
	return name != NULL ? cr_report_find_person(r, name) : NULL;
}

static int
check_confirmers(struct ctx *c)
{
	const cr_report *r = c->r;
	size_t i;

	for (i = 0; i < r->confirmations.len; i++) {
		const cr_confirmation *k = &r->confirmations.items[i];

		if (blank(k->name.s) || has_placeholder(c, k->name.s) ||
		    participant(r, k->name.s) != NULL)
			continue;
		if (add(c, k->name.pos, CR_RULE_UNKNOWN_CONFIRMER,
			"'%s' confirmed the report but is neither an attendee "
			"nor on the distribution; check the name, or add them "
			"to 'distribution'",
			k->name.s) == -1)
			return -1;
	}
	return 0;
}

static int
check_confirmed(struct ctx *c)
{
	const cr_report *r = c->r;
	long long since;
	size_t i;

	if (!r->issued.valid || c->planned)
		return 0;
	since = c->o->now - cr_datetime_epoch(&r->issued.dt, 0);
	if (since <= c->o->confirm_days * 86400LL)
		return 0;
	for (i = 0; i < r->confirmations.len; i++) {
		const char *who = r->confirmations.items[i].name.s;

		if (participant(r, who) != NULL &&
		    (r->author.s == NULL ||
		     cr_utf8_casecmp(who, r->author.s) != 0))
			return 0;
	}
	return add(c, r->issued.raw.pos, CR_RULE_NOT_CONFIRMED,
		   "issued %lld days ago and no participant but the author "
		   "has confirmed it (more than %d days); ask the client to "
		   "confirm, and record it under 'confirmations:'",
		   since / 86400, c->o->confirm_days);
}

/* A stage of the other profile's list (one in neither is bad-value). */
static int
check_stage(struct ctx *c)
{
	const cr_str *s = &c->r->stage;
	int p = cr_stage_profile(s->s);

	if (p < 0 || p == (int)c->o->profile)
		return 0;
	return add(c, s->pos, CR_RULE_WRONG_PROFILE_STAGE,
		   "stage '%s' belongs to the %s profile, and this is the %s "
		   "one; write a stage of this profile, or set 'profile' in "
		   ".cr-lint.yaml",
		   s->s, p == CR_PROFILE_AGENCY ? "agency" : "fundraising",
		   c->o->profile == CR_PROFILE_AGENCY ? "agency"
						      : "fundraising");
}

static int
check_next_contact(struct ctx *c)
{
	char ex[32];

	if (!blank(c->r->next_contact.raw.s))
		return 0;
	example_date(c, ex);
	return add(c, c->r->pos, CR_RULE_NO_NEXT_CONTACT,
		   "no 'next_contact'; add the date of the next planned "
		   "contact, e.g. 'next_contact: %s'",
		   ex);
}

/* ------------------------------------------------------------ driver */

/* The checks of one report, in the order of the rule table. The ones
 * that need the report's thread (action-due-before-contact,
 * action-overdue, and the cross-file rules) are in check_thread.c. */
static const struct check {
	cr_rule rule;
	int (*fn)(struct ctx *);
} checks[] = {
    {CR_RULE_MISSING_FIELD, check_missing},
    {CR_RULE_BAD_VALUE, check_enums},
    {CR_RULE_BAD_DATE, check_dates},
    {CR_RULE_NO_AGREEMENTS, check_agreements},
    {CR_RULE_NO_ACTIONS, check_no_actions},
    {CR_RULE_ACTION_NO_OWNER, check_no_owner},
    {CR_RULE_ACTION_UNKNOWN_OWNER, check_unknown_owner},
    {CR_RULE_ACTION_NO_DUE, check_no_due},
    {CR_RULE_ACTION_VAGUE_DUE, check_vague_due},
    {CR_RULE_DUPLICATE_ID, check_action_ids},
    {CR_RULE_ISSUED_BEFORE_CONTACT, check_issued_before},
    {CR_RULE_LATE_REPORT, check_late},
    {CR_RULE_NOT_ISSUED, check_not_issued},
    {CR_RULE_AUTHOR_NOT_ATTENDEE, check_author},
    {CR_RULE_PLACEHOLDER, check_placeholders},
    {CR_RULE_EMOTIONAL_LANGUAGE, check_emotional},
    {CR_RULE_NO_NEXT_CONTACT, check_next_contact},
    {CR_RULE_WRONG_PROFILE_STAGE, check_stage},
    {CR_RULE_NO_AGENDA, check_agenda},
    {CR_RULE_NOT_CONFIRMED, check_confirmed},
    {CR_RULE_UNKNOWN_CONFIRMER, check_confirmers},
};

struct cr_check_words {
	cr_words *emo;	 /* emotional language, all four lists */
	cr_words *vague; /* vague dues */
	cr_words *ph;	 /* placeholders */
};

static void
words_free(cr_check_words *w)
{
	if (w == NULL)
		return;
	cr_words_free(w->emo);
	cr_words_free(w->vague);
	cr_words_free(w->ph);
	free(w);
}

static cr_check_words *
words_new(void)
{
	static const enum cr_wordlist emo[] = {
	    CR_WORDS_EMOTIONAL_EN, CR_WORDS_EMOTIONAL_VI, CR_WORDS_EMOTIONAL_ZH,
	    CR_WORDS_EMOTIONAL_RU};
	const char *const *lists[CR_ARRAY_LEN(emo)];
	const char *const *one;
	cr_check_words *w;
	size_t i;

	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	for (i = 0; i < CR_ARRAY_LEN(emo); i++)
		lists[i] = cr_wordlist_get(emo[i]);
	w->emo = cr_words_new(lists, CR_ARRAY_LEN(lists), 1);
	one = cr_wordlist_get(CR_WORDS_VAGUE_DUE);
	w->vague = cr_words_new(&one, 1, 1);
	/* placeholders are upper case: "todo" is a word in other tongues */
	one = cr_wordlist_get(CR_WORDS_PLACEHOLDER);
	w->ph = cr_words_new(&one, 1, 0);
	if (w->emo == NULL || w->vague == NULL || w->ph == NULL) {
		words_free(w);
		return NULL;
	}
	return w;
}

int
cr_check_opts_prepare(cr_check_opts *o)
{
	if (o->words == NULL && (o->words = words_new()) == NULL)
		return -1;
	return 0;
}

void
cr_check_opts_free(cr_check_opts *o)
{
	words_free(o->words);
	o->words = NULL;
}

static int
ctx_init(struct ctx *c, const cr_report *r, const cr_check_opts *o, cr_diags *d)
{
	memset(c, 0, sizeof(*c));
	c->r = r;
	c->o = o;
	c->d = d;
	c->file = r != NULL ? r->file : NULL;
	if ((c->words = o->words) == NULL &&
	    (c->words = c->own = words_new()) == NULL)
		return -1;
	c->emo = c->words->emo;
	c->vague = c->words->vague;
	c->ph = c->words->ph;
	if (r != NULL && r->date.valid) {
		c->contact_ok = 1;
		c->contact_start = cr_datetime_epoch(&r->date.dt, 0);
		c->contact_end = cr_datetime_epoch(&r->date.dt, 1);
		c->planned = cr_report_planned(r, c->o->now);
	}
	return 0;
}

static void
ctx_free(struct ctx *c)
{
	words_free(c->own);
}

void
cr_check_opts_init(cr_check_opts *o, cr_profile profile)
{
	size_t i;

	memset(o, 0, sizeof(*o));
	o->profile = profile;
	o->max_issue_hours = 24;
	o->confirm_days = 3;
	for (i = 0; i < CR_RULE__COUNT; i++)
		o->severity[i] = cr_rule_default((cr_rule)i);
	if (profile == CR_PROFILE_FUNDRAISING) {
		/* donors are met less often; a week's delay is normal */
		o->max_issue_hours = 120;
		o->severity[CR_RULE_NO_NEXT_CONTACT] = CR_SEV_ERROR;
	}
}

int
cr_check_report(const cr_report *r, const cr_check_opts *o, cr_diags *d)
{
	struct ctx c;
	size_t i;
	int rc = 0;

	if (r == NULL || r->broken)
		return 0;
	if (ctx_init(&c, r, o, d) == -1) {
		ctx_free(&c);
		return -1;
	}
	for (i = 0; rc == 0 && i < CR_ARRAY_LEN(checks); i++)
		if (o->severity[checks[i].rule] != CR_SEV_OFF)
			rc = checks[i].fn(&c);
	ctx_free(&c);
	return rc;
}

void
cr_diags_apply(cr_diags *d, size_t from, const cr_check_opts *o)
{
	size_t i, j = from;

	for (i = from; i < d->len; i++) {
		cr_diag *x = &d->items[i];
		cr_severity sev = (unsigned)x->rule < CR_RULE__COUNT
				      ? o->severity[x->rule]
				      : CR_SEV_ERROR;
		if (sev == CR_SEV_OFF)
			continue;
		x->severity = sev;
		d->items[j++] = *x;
	}
	if (from < d->len)
		d->len = j;
}
