/*
 * wip.c - the WIP of SPEC 8: the actions of many reports merged into one
 * list of rows, the filters, the sort order and the per-owner counts.
 * Rows point into the records (wip_store.c).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void
cr_wip_filter_init(cr_wip_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->due_within = -1;
}

/* Overdue state and day counts of a row at w->now, in calendar days of
 * the report's zone (cr_days_since, as cr-lint counts them). */
static void
row_days(cr_wip_row *row, long long now)
{
	const cr_date *due = row->action->due;
	long long td, dd = 0; /* today and the due date, as days from it */

	row->overdue = 0;
	row->days_overdue = 0;
	row->due_in = 0;
	if (!due->valid)
		return;
	td = cr_days_since(&due->dt, &row->latest->date->dt, now);
	row->due_in = dd - td;
	if (!row->action->open)
		return;
	if (now > cr_datetime_epoch(&due->dt, 1)) {
		row->overdue = 1;
		row->days_overdue = td > dd ? td - dd : 0;
	}
}

static int
push_row(cr_wip *w, const cr_threads *t, size_t g)
{
	const cr_thread_action *ta = &t->actions[g];
	cr_wip_row *row;

	if (cr_grow(&w->rows, &w->cap, w->len + 1, sizeof(*w->rows)) == -1)
		return -1;
	row = &w->rows[w->len++];
	memset(row, 0, sizeof(*row));
	row->first = w->recs[ta->first];
	row->latest = w->recs[ta->latest];
	row->action = &row->latest->actions.items[ta->action];
	row->count = ta->count;
	row->thread = ta->thread;
	row->seq = g;
	row->origin = w->recs[t->head[ta->thread]];
	row->status = row->action->st;
	row->due_at = row->action->due->valid
			  ? cr_datetime_epoch(&row->action->due->dt, 1)
			  : 0;
	row_days(row, w->now);
	return 0;
}

/* The records as threads see them (their actions only when dated). */
static int
make_nodes(const cr_wip *w, cr_thread_node **nodes, cr_thread_item **items)
{
	size_t i, j, total = 0;

	*nodes = NULL;
	*items = NULL;
	for (i = 0; i < w->nrecs; i++)
		total += w->recs[i]->actions.len;
	if ((w->nrecs > 0 &&
	     (*nodes = calloc(w->nrecs, sizeof(**nodes))) == NULL) ||
	    (total > 0 && (*items = malloc(total * sizeof(**items))) == NULL))
		return -1;
	for (i = 0, total = 0; i < w->nrecs; i++) {
		const cr_wip_rec *r = w->recs[i];
		cr_thread_node *o = &(*nodes)[i];

		o->id = r->id.s;
		o->previous = r->previous.s;
		o->dated = r->date->valid;
		o->when = r->date->valid ? cr_datetime_epoch(&r->date->dt, 0)
					 : LLONG_MIN;
		o->items = *items != NULL ? *items + total : NULL;
		o->nitems = r->actions.len;
		for (j = 0; j < r->actions.len; j++) {
			(*items)[total].id = r->actions.items[j].id.s;
			(*items)[total++].open = r->actions.items[j].open;
		}
	}
	return 0;
}

int
cr_wip_build(cr_wip *w)
{
	cr_thread_node *nodes;
	cr_thread_item *items;
	cr_threads t;
	size_t i;
	int rc = -1;

	/* Actions are known by (thread, id); undated reports still link. */
	if (cr_wip_rank(w) == -1)
		return -1;
	if (make_nodes(w, &nodes, &items) == -1 ||
	    cr_threads_build_nodes(&t, nodes, w->nrecs, CR_THREADS_DATED) == -1)
		goto out_nodes;
	if (w->len + t.nactions > w->cap) {
		/* exactly: 300,000 rows are 24 MB */
		cr_wip_row *p =
		    realloc(w->rows, (w->len + t.nactions) * sizeof(*p));

		if (p == NULL)
			goto out;
		w->rows = p;
		w->cap = w->len + t.nactions;
	}
	for (i = 0; i < t.nactions; i++)
		if (push_row(w, &t, i) == -1)
			goto out;
	cr_wip_sort(w);
	rc = 0;
out:
	cr_threads_free(&t);
out_nodes:
	free(nodes);
	free(items);
	return rc;
}

/* Equal ignoring case; a NULL or empty value never equals a wanted one. */
static int
same_text(const char *have, const char *want)
{
	return have != NULL && cr_utf8_casecmp(have, want) == 0;
}

int
cr_wip_keep(const cr_wip_row *row, const cr_wip_filter *f)
{
	unsigned want = f->status != 0 ? f->status
				       : CR_WIP_STATUS(CR_STATUS_OPEN) |
					     CR_WIP_STATUS(CR_STATUS_BLOCKED);

	if ((want & CR_WIP_STATUS(row->status)) == 0)
		return 0;
	if (f->client != NULL && !same_text(row->latest->client.s, f->client))
		return 0;
	if (f->project != NULL &&
	    !same_text(row->latest->project.s, f->project))
		return 0;
	if (f->owner != NULL && !same_text(row->action->who.s, f->owner))
		return 0;
	if (f->overdue && !row->overdue)
		return 0;
	if (f->due_within >= 0 &&
	    (!row->action->due->valid || row->due_in > f->due_within))
		return 0;
	return 1;
}

void
cr_wip_select(cr_wip *w, const cr_wip_filter *f)
{
	size_t i, n = 0;

	for (i = 0; i < w->len; i++)
		if (cr_wip_keep(&w->rows[i], f))
			w->rows[n++] = w->rows[i];
	w->len = n;
}

static int
row_cmp(const void *x, const void *y)
{
	const cr_wip_row *a = x, *b = y;
	const cr_date *da = a->action->due, *db = b->action->due;
	int c;

	if (da->valid != db->valid)
		return da->valid ? -1 : 1;
	if (da->valid && a->due_at != b->due_at)
		return a->due_at < b->due_at ? -1 : 1;
	if ((c = cr_wip_key_cmp(a->latest->client.s, b->latest->client.s, 0)) !=
	    0)
		return c;
	if ((c = cr_wip_key_cmp(a->action->id.s, b->action->id.s, 0)) != 0)
		return c;
	/* The same id in two threads, or actions without one. */
	if (a->thread != b->thread)
		return a->thread < b->thread ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return 0;
}

void
cr_wip_sort(cr_wip *w)
{
	if (w->len > 1)
		qsort(w->rows, w->len, sizeof(*w->rows), row_cmp);
}

static int
owner_cmp(const void *x, const void *y)
{
	const cr_wip_row *const *a = x, *const *b = y;
	const char *na = (*a)->action->who.s, *nb = (*b)->action->who.s;
	int c;

	if ((c = cr_wip_key_cmp(na, nb, 1)) != 0) /* by case-folded name */
		return c;
	/* Within an owner: row order, so the first spelling is stable. */
	return *a < *b ? -1 : *a > *b;
}

int
cr_wip_owners(const cr_wip *w, long long days, cr_wip_owner **out, size_t *n)
{
	const cr_wip_row **by = NULL;
	cr_wip_owner *os = NULL, *o = NULL;
	size_t i, no = 0;

	*out = NULL;
	*n = 0;
	if (w->len == 0)
		return 0;
	if ((by = malloc(w->len * sizeof(*by))) == NULL ||
	    (os = calloc(w->len, sizeof(*os))) == NULL) {
		free(by);
		return -1;
	}
	for (i = 0; i < w->len; i++)
		by[i] = &w->rows[i];
	qsort(by, w->len, sizeof(*by), owner_cmp);
	for (i = 0; i < w->len; i++) {
		const cr_wip_row *r = by[i];
		const char *who =
		    r->action->who.s != NULL ? r->action->who.s : "";

		if (o == NULL || cr_utf8_casecmp(o->name, who) != 0) {
			o = &os[no++];
			o->name = who;
		}
		if (r->action->org)
			o->org = 1;
		if (!r->action->open)
			continue;
		o->open++;
		if (r->overdue)
			o->overdue++;
		else if (r->action->due->valid && r->due_in >= 0 &&
			 r->due_in <= days)
			o->due_soon++;
	}
	free(by);
	*out = os;
	*n = no;
	return 0;
}
