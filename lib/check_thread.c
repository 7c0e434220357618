/*
 * check_thread.c - the lint rules of SPEC 6 that need all reports at
 * once, read as threads (SPEC 2.4, thread.c): report ids unique,
 * `previous` found, no cycle, the same client, no action lost; and the
 * rules that judge an action at its current state only (due before the
 * contact, overdue), so that a report a later one superseded is history.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "cr_words.h"

struct tctx {
	const cr_threads *t;
	const cr_link *const *ln; /* per report of t */
	const cr_check_opts *o;
	cr_diags *d;
	cr_words *ph; /* placeholders, built when first needed */
};

static int tadd(struct tctx *c, const cr_link *r, cr_pos pos, cr_rule rule,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Appends a finding about report r graded by the options; an unknown
 * position falls back to the report's own, then 1:1. */
static int
tadd(struct tctx *c, const cr_link *r, cr_pos pos, cr_rule rule,
     const char *fmt, ...)
{
	va_list ap;
	int rc;

	if (c->o->severity[rule] == CR_SEV_OFF)
		return 0;
	if (pos.line <= 0)
		pos = r->pos;
	if (pos.line <= 0)
		pos.line = pos.column = 1;
	va_start(ap, fmt);
	rc = cr_diags_vadd(c->d, r->file, pos, rule, c->o->severity[rule], fmt,
			   ap);
	va_end(ap);
	return rc;
}

static int
empty(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

static const char *
file_of(const cr_link *r)
{
	return r->file != NULL ? r->file : "<stdin>";
}

/* Whether s holds TODO, TBD, ... (the placeholder rule reports it). */
static int
placeholder(struct tctx *c, const char *s, int *oom)
{
	const char *const *list = cr_wordlist_get(CR_WORDS_PLACEHOLDER);
	size_t at, len;
	const char *e;

	if (c->ph == NULL && (c->ph = cr_words_new(&list, 1, 0)) == NULL) {
		*oom = 1;
		return 0;
	}
	return cr_words_find(c->ph, s, 0, &at, &len, &e);
}

static int
usable(const cr_link *r)
{
	return r != NULL && !r->node.broken;
}

/* ------------------------------------------------------------ links */

static int
check_report_ids(struct tctx *c)
{
	const cr_threads *t = c->t;
	size_t i, f;

	for (i = 0; i < t->n; i++) {
		const cr_link *r = c->ln[i], *first;
		if (!usable(r) || empty(r->node.id) ||
		    (f = cr_threads_find(t, r->node.id)) == i || f == CR_NONE)
			continue;
		first = c->ln[f];
		if (tadd(c, r, r->id_given ? r->id_pos : r->pos,
			 CR_RULE_DUPLICATE_ID,
			 "report id '%s' is also the id of the report in "
			 "%s:%d; give each report its own id",
			 r->node.id, file_of(first),
			 (first->id_given ? first->id_pos : first->pos).line) ==
		    -1)
			return -1;
	}
	return 0;
}

static int
check_missing_previous(struct tctx *c)
{
	const cr_threads *t = c->t;
	size_t i;
	int oom = 0;

	for (i = 0; i < t->n; i++) {
		const cr_link *r = c->ln[i];
		if (!usable(r) || empty(r->node.previous) ||
		    cr_threads_find(t, r->node.previous) != CR_NONE ||
		    placeholder(c, r->node.previous, &oom) || oom)
			continue;
		if (tadd(c, r, r->previous_pos, CR_RULE_MISSING_PREVIOUS,
			 "previous report '%s' is not among the files given; "
			 "check the id, or lint the thread's files together",
			 r->node.previous) == -1)
			return -1;
	}
	return oom ? -1 : 0;
}

/* "a -> b -> c -> a": the first few ids of the way round, then how many
 * reports the cycle has (len). */
static int
cycle_text(const struct tctx *c, size_t i, size_t len, cr_buf *b)
{
	const cr_threads *t = c->t;
	size_t j = i, k;

	for (k = 0; k < len && k < 6; k++, j = t->prev[j])
		cr_buf_printf(b, "%s%s", k > 0 ? " -> " : "",
			      c->ln[j]->node.id);
	if (k < len)
		cr_buf_printf(b, " -> ... (%zu reports)", len);
	cr_buf_printf(b, " -> %s", c->ln[i]->node.id);
	return b->oom ? -1 : 0;
}

/* The length of each report's cycle, each cycle walked once. */
static size_t *
cycle_lengths(const cr_threads *t)
{
	size_t *len = calloc(t->n > 0 ? t->n : 1, sizeof(*len)), i, j, n;

	if (len == NULL)
		return NULL;
	for (i = 0; i < t->n; i++) {
		if (!t->cycle[i] || len[i] != 0)
			continue;
		n = 1;
		for (j = t->prev[i]; j != i; j = t->prev[j])
			n++;
		len[i] = n;
		for (j = t->prev[i]; j != i; j = t->prev[j])
			len[j] = n;
	}
	return len;
}

static int
check_cycles(struct tctx *c)
{
	const cr_threads *t = c->t;
	size_t i, *len;
	cr_buf b;
	int rc = 0;

	if ((len = cycle_lengths(t)) == NULL)
		return -1;
	for (i = 0; rc == 0 && i < t->n; i++) {
		const cr_link *r = c->ln[i];
		if (!t->cycle[i])
			continue;
		if (t->prev[i] == i) {
			rc = tadd(c, r, r->previous_pos, CR_RULE_PREVIOUS_CYCLE,
				  "previous '%s' names this report itself; "
				  "name the report before it, or remove "
				  "'previous' if the thread starts here",
				  r->node.previous);
			continue;
		}
		cr_buf_init(&b);
		rc = cycle_text(c, i, len[i], &b);
		if (rc == 0)
			rc = tadd(c, r, r->previous_pos, CR_RULE_PREVIOUS_CYCLE,
				  "following 'previous' from here comes back "
				  "to this report (%s); a thread has a first "
				  "report: remove 'previous' from it, or "
				  "correct the id",
				  b.data);
		cr_buf_free(&b);
	}
	free(len);
	return rc;
}

static int
check_clients(struct tctx *c)
{
	const cr_threads *t = c->t;
	size_t i;

	for (i = 0; i < t->n; i++) {
		const cr_link *r = c->ln[i], *p;
		if (t->prev[i] == CR_NONE || t->prev[i] == i)
			continue;
		p = c->ln[t->prev[i]];
		if (empty(r->client) || empty(p->client) ||
		    cr_utf8_casecmp(r->client, p->client) == 0)
			continue;
		if (tadd(c, r, r->previous_pos, CR_RULE_THREAD_MISMATCH,
			 "previous report '%s' is about client '%s', not '%s'; "
			 "check the id in 'previous', or the client",
			 r->node.previous, p->client, r->client) == -1)
			return -1;
	}
	return 0;
}

/* At the `actions` key (or section) of the report that leaves the action
 * out: that is where it is carried or closed. */
static int
check_lost(struct tctx *c)
{
	const cr_threads *t = c->t;
	size_t i;

	for (i = 0; i < t->nlost; i++) {
		const cr_thread_lost *l = &t->lost[i];
		const cr_link *r = c->ln[l->report], *p = c->ln[l->prev];
		const cr_link_action *a = &p->actions[l->action];
		const char *id = p->node.items[l->action].id;

		if (tadd(c, r, r->actions_given ? r->actions_pos : r->pos,
			 CR_RULE_ACTION_LOST,
			 "action '%s' of the previous report (%s:%d) is %s "
			 "and missing here; carry it over with its id, or "
			 "close it with 'status: done' or 'dropped'",
			 id != NULL ? id : "(no id)", file_of(p), a->line,
			 cr_status_name((cr_status)a->status)) == -1)
			return -1;
	}
	return 0;
}

/* ------------------------------------------------ the current state */

static int
due_before(struct tctx *c, const cr_link *r, size_t j)
{
	const cr_link_action *a = &r->actions[j];
	const char *id = r->node.items[j].id;
	char due[32], date[32];
	cr_datetime dd, rd;

	cr_link_date_get(&a->due, &dd);
	cr_link_date_get(&r->date, &rd);
	/* A planned contact's carried actions are what its agenda reviews:
	 * no meeting has given them a new date yet (a deviation from SPEC
	 * 6's list of exemptions; cr-lint(1) says so). */
	if (!r->date.valid || cr_datetime_epoch(&rd, 0) > c->o->now ||
	    cr_datetime_epoch(&dd, 1) >= cr_datetime_epoch(&rd, 0))
		return 0;
	cr_datetime_format(&dd, due);
	cr_datetime_format(&rd, date);
	return tadd(c, r, a->due_pos, CR_RULE_ACTION_DUE_BEFORE_CONTACT,
		    "action '%s' is due %s, before the contact (%s); write "
		    "the date agreed in this contact, or set 'status: done' "
		    "or 'dropped'",
		    id != NULL ? id : "(no id)", due, date);
}

static int
overdue(struct tctx *c, const cr_link *r, size_t j)
{
	const cr_link_action *a = &r->actions[j];
	const char *id = r->node.items[j].id;
	cr_datetime dd, rd;
	long long days;
	char due[32];

	cr_link_date_get(&a->due, &dd);
	cr_link_date_get(&r->date, &rd);
	if (c->o->now <= cr_datetime_epoch(&dd, 1))
		return 0;
	days = cr_days_since(&dd, &rd, c->o->now);
	cr_datetime_format(&dd, due);
	/* whole sentences, one per number, so that they translate */
	if (days == 1)
		return tadd(c, r, a->due_pos, CR_RULE_ACTION_OVERDUE,
			    "action '%s' was due %s (%lld day ago) and is "
			    "still %s; set 'status: done' or 'dropped', or "
			    "agree a new date",
			    id != NULL ? id : "(no id)", due, days,
			    cr_status_name((cr_status)a->status));
	return tadd(c, r, a->due_pos, CR_RULE_ACTION_OVERDUE,
		    "action '%s' was due %s (%lld days ago) and is still %s; "
		    "set 'status: done' or 'dropped', or agree a new date",
		    id != NULL ? id : "(no id)", due, days,
		    cr_status_name((cr_status)a->status));
}

/* Each open or blocked action where it is current: an older report's
 * copy is history, judged by the later report that lists it. */
static int
check_current(struct tctx *c)
{
	const cr_threads *t = c->t;
	size_t i, j;

	for (i = 0; i < t->n; i++) {
		const cr_link *r = c->ln[i];
		if (!usable(r))
			continue;
		for (j = 0; j < r->node.nitems; j++) {
			if (!r->actions[j].due.valid ||
			    !r->node.items[j].open ||
			    !cr_threads_current(t, i, j))
				continue;
			if (due_before(c, r, j) == -1 || overdue(c, r, j) == -1)
				return -1;
		}
	}
	return 0;
}

/* ------------------------------------------------------------ driver */

static const struct {
	cr_rule rule;
	int (*fn)(struct tctx *);
} tchecks[] = {
    {CR_RULE_DUPLICATE_ID, check_report_ids},
    {CR_RULE_MISSING_PREVIOUS, check_missing_previous},
    {CR_RULE_PREVIOUS_CYCLE, check_cycles},
    {CR_RULE_THREAD_MISMATCH, check_clients},
    {CR_RULE_ACTION_LOST, check_lost},
    {CR_RULE__COUNT, check_current}, /* due-before-contact, overdue */
};

int
cr_check_links(const cr_link *const *ln, size_t n, const cr_check_opts *o,
	       cr_diags *d)
{
	cr_thread_node *nodes;
	struct tctx c;
	cr_threads t;
	size_t i;
	int rc = 0;

	/* the threads read contiguous nodes: a copy of each link's */
	if ((nodes = calloc(n + 1, sizeof(*nodes))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (ln[i] != NULL)
			nodes[i] = ln[i]->node;
		else {
			nodes[i].broken = 1;
			nodes[i].when = LLONG_MIN;
		}
	}
	if (cr_threads_build_nodes(&t, nodes, n, 0) == -1) {
		free(nodes);
		return -1;
	}
	memset(&c, 0, sizeof(c));
	c.t = &t;
	c.ln = ln;
	c.o = o;
	c.d = d;
	for (i = 0; rc == 0 && i < CR_ARRAY_LEN(tchecks); i++) {
		cr_rule rule = tchecks[i].rule;
		if (rule == CR_RULE__COUNT
			? o->severity[CR_RULE_ACTION_OVERDUE] == CR_SEV_OFF &&
			      o->severity[CR_RULE_ACTION_DUE_BEFORE_CONTACT] ==
				  CR_SEV_OFF
			: o->severity[rule] == CR_SEV_OFF)
			continue;
		rc = tchecks[i].fn(&c);
	}
	cr_words_free(c.ph);
	cr_threads_free(&t);
	free(nodes);
	return rc;
}

int
cr_check_collection(const cr_report *const *rs, size_t n,
		    const cr_check_opts *o, cr_diags *d)
{
	cr_link **ln;
	size_t i;
	int rc = 0;

	if ((ln = calloc(n + 1, sizeof(*ln))) == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++)
		if (rs[i] != NULL && (ln[i] = cr_link_new(rs[i], NULL)) == NULL)
			rc = -1;
	if (rc == 0)
		rc = cr_check_links((const cr_link *const *)ln, n, o, d);
	for (i = 0; i < n; i++)
		free(ln[i]);
	free(ln);
	return rc;
}
