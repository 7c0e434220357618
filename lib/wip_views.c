/*
 * wip_views.c - the views of SPEC 8 besides the actions: jobs (client and
 * project), the report ledger (the 24-hour clock and the confirmations)
 * and the decision log (agreements). Each is one pass over the reports
 * plus a sort; the job view finds its actions by binary search.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *const cr_wip_view_names[] = {"action", "job", "report", "agreement",
					 NULL};

const char *
cr_issue_state_name(cr_issue_state s)
{
	static const char *const names[] = {"on-time", "late", "not-issued",
					    "planned"};

	return (unsigned)s < 4 ? names[s] : "";
}

void
cr_wip_views_free(cr_wip_views *v)
{
	free(v->jobs);
	free(v->reps);
	free(v->agrs);
	memset(v, 0, sizeof(*v));
}

/* The job of a report: client and project, ignoring case. */
static int
job_cmp(const cr_wip_rec *a, const cr_wip_rec *b)
{
	int c;

	if ((c = cr_wip_key_cmp(a->client.s, b->client.s, 1)) != 0)
		return c;
	return cr_wip_key_cmp(a->project.s, b->project.s, 1);
}

static long long
when(const cr_wip_rec *r)
{
	return r->when;
}

/* A planned contact (SPEC 2.1): its date starts after `now`. */
static int
planned(const cr_wip_rec *r, long long now)
{
	return r->date->valid && when(r) > now;
}

/* By job, then date, then input order (the pointers are in it). */
static int
by_job(const void *x, const void *y)
{
	const cr_wip_rec *const *a = x, *const *b = y;
	long long ta, tb;
	int c;

	if ((c = job_cmp(*a, *b)) != 0)
		return c;
	ta = when(*a);
	tb = when(*b);
	if (ta != tb)
		return ta < tb ? -1 : 1;
	return 0;
}

static int
same_text(const char *have, const char *want)
{
	return have != NULL && cr_utf8_casecmp(have, want) == 0;
}

static int
keep_job_of(const cr_wip_rec *r, const cr_wip_filter *f)
{
	if (f->client != NULL && !same_text(r->client.s, f->client))
		return 0;
	if (f->project != NULL && !same_text(r->project.s, f->project))
		return 0;
	return 1;
}

/* The reports a view takes in: dated, in the filter's job. */
static int
usable(const cr_wip_rec *r, const cr_wip_filter *f)
{
	return r->date->valid && keep_job_of(r, f);
}

static long long
today(long long now, int offset)
{
	cr_datetime t;

	cr_datetime_from_epoch(now, offset, &t);
	return cr_days_from_civil(t.year, t.month, t.day);
}

/* Counts a job's actions: the rows whose latest report is of the job. */
static void
job_actions(cr_wip_job *j, const cr_wip_row *const *rows, size_t nrows,
	    const cr_wip_filter *f)
{
	size_t lo = 0, hi = nrows;
	long long best = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (job_cmp(rows[mid]->latest, j->latest) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < nrows && job_cmp(rows[lo]->latest, j->latest) == 0; lo++) {
		const cr_wip_row *row = rows[lo];
		long long t;

		if (!row->action->open)
			continue;
		if (f->owner != NULL &&
		    !same_text(row->action->who.s, f->owner))
			continue;
		j->open++;
		if (row->overdue)
			j->overdue++;
		if (!row->action->due->valid) {
			if (j->next == NULL) {
				j->next = row->action;
				j->next_of = row->latest;
			}
			continue;
		}
		t = cr_datetime_epoch(&row->action->due->dt, 1);
		if (j->next == NULL || !j->next->due->valid || t < best) {
			j->next = row->action;
			j->next_of = row->latest;
			best = t;
		}
	}
}

static int
row_by_job(const void *x, const void *y)
{
	const cr_wip_row *const *a = x, *const *b = y;
	int c;

	if ((c = job_cmp((*a)->latest, (*b)->latest)) != 0)
		return c;
	return *a < *b ? -1 : *a > *b;
}

static int
build_jobs(cr_wip_views *v, const cr_wip *w, const cr_wip_rec **rs, size_t n,
	   const cr_wip_filter *f)
{
	const cr_wip_row **rows = NULL;
	long long td = today(w->now, w->now_offset);
	size_t i, start;

	if (w->len > 0 && (rows = malloc(w->len * sizeof(*rows))) == NULL)
		return -1;
	for (i = 0; i < w->len; i++)
		rows[i] = &w->rows[i];
	if (w->len > 1)
		qsort(rows, w->len, sizeof(*rows), row_by_job);
	if (n > 1)
		qsort(rs, n, sizeof(*rs), by_job);
	if (n > 0 && (v->jobs = calloc(n, sizeof(*v->jobs))) == NULL) {
		free(rows);
		return -1;
	}
	for (start = 0; start < n; start = i) {
		cr_wip_job *j = &v->jobs[v->njobs];

		memset(j, 0, sizeof(*j));
		for (i = start; i < n && job_cmp(rs[i], rs[start]) == 0; i++) {
			const cr_wip_rec *r = rs[i];

			j->latest = r;
			if (planned(r, w->now)) {
				if (j->planned == NULL)
					j->planned = r;
				continue;
			}
			j->last = r;
			if (r->stage.s != NULL && r->stage.s[0] != '\0')
				j->stage = r;
		}
		j->closed = j->stage != NULL &&
			    strcmp(j->stage->stage.s, "closed") == 0;
		j->days_since = -1;
		if (j->last != NULL) {
			const cr_datetime *d = &j->last->date->dt;

			j->days_since =
			    td - cr_days_from_civil(d->year, d->month, d->day);
		}
		job_actions(j, rows, w->len, f);
		if (j->closed && f->status != CR_WIP_STATUS_ALL)
			continue;
		if (f->overdue && j->overdue == 0)
			continue;
		if (f->owner != NULL && j->open == 0)
			continue;
		v->njobs++;
	}
	free(rows);
	return 0;
}

/* ------------------------------------------------------------ reports */

static int
by_date_id(const void *x, const void *y)
{
	const cr_wip_rec *a = *(const cr_wip_rec *const *)x;
	const cr_wip_rec *b = *(const cr_wip_rec *const *)y;
	long long ta = when(a), tb = when(b);
	int c;

	if (ta != tb)
		return ta < tb ? -1 : 1;
	if ((c = strcmp(a->id.s != NULL ? a->id.s : "",
			b->id.s != NULL ? b->id.s : "")) != 0)
		return c;
	return 0;
}

static void
issue_state(cr_wip_rep *p, long long now, int max_hours)
{
	const cr_wip_rec *r = p->r;
	long long secs;

	if (planned(r, now)) {
		p->state = CR_ISSUE_PLANNED;
		return;
	}
	if (!r->issued->valid) {
		p->state = CR_ISSUE_NOT_ISSUED;
		return;
	}
	secs = cr_datetime_epoch(&r->issued->dt, 0) - when(r);
	p->has_hours = 1;
	p->hours = secs >= 0 ? secs / 3600 : -((-secs + 3599) / 3600);
	p->state = secs > (long long)max_hours * 3600 ? CR_ISSUE_LATE
						      : CR_ISSUE_ON_TIME;
}

int
cr_wip_views_build(cr_wip_views *v, const cr_wip *w, const cr_wip_filter *f,
		   int max_issue_hours)
{
	const cr_wip_rec *const *all = w->recs;
	size_t n = w->nrecs;
	const cr_wip_rec **rs = NULL;
	size_t i, k, m = 0, nagr = 0;

	memset(v, 0, sizeof(*v));
	if (n > 0 && (rs = malloc(n * sizeof(*rs))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (usable(all[i], f)) {
			rs[m++] = all[i];
			nagr += all[i]->agreements.len;
		}
	/* the ledger and the decision log, by date and id */
	if (m > 1)
		qsort(rs, m, sizeof(*rs), by_date_id);
	if (m > 0 && (v->reps = calloc(m, sizeof(*v->reps))) == NULL)
		goto oom;
	if (nagr > 0 && (v->agrs = calloc(nagr, sizeof(*v->agrs))) == NULL)
		goto oom;
	for (i = 0; i < m; i++) {
		if (f->owner == NULL || same_text(rs[i]->author.s, f->owner)) {
			cr_wip_rep *p = &v->reps[v->nreps++];

			p->r = rs[i];
			issue_state(p, w->now, max_issue_hours);
		}
		for (k = 0; k < rs[i]->agreements.len; k++) {
			v->agrs[v->nagrs].r = rs[i];
			v->agrs[v->nagrs++].n = k;
		}
	}
	if (build_jobs(v, w, rs, m, f) == -1)
		goto oom;
	free(rs);
	return 0;
oom:
	free(rs);
	cr_wip_views_free(v);
	return -1;
}
