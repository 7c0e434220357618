/*
 * wip_table.c - every view of SPEC 8 as one table: its columns (declared
 * here once, in output order) and the value of each cell, which every
 * writer (txt, md, csv, tsv, json, html, ics, xlsx) reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "render_util.h"

enum {
	A_CLIENT,
	A_PROJECT,
	A_ID,
	A_WHAT,
	A_WHO,
	A_DUE,
	A_STATUS,
	A_DAYS,
	A_RAISED,
	A_UPDATED,
	A_COUNT,
	A_REPORT,
	A_FILE
};

static const cr_wip_column action_cols[] = {
    [A_CLIENT] = {"Client", "client", CR_WK_TEXT, 0},
    [A_PROJECT] = {"Project", "project", CR_WK_TEXT, 0, 6},
    [A_ID] = {"ID", "id", CR_WK_TEXT, 0},
    [A_WHAT] = {"What", "what", CR_WK_TEXT, CR_WC_LONG},
    [A_WHO] = {"Who", "who", CR_WK_TEXT, CR_WC_HEAD},
    [A_DUE] = {"Due", "due", CR_WK_DATE, CR_WC_HEAD},
    [A_STATUS] = {"Status", "status", CR_WK_TEXT, CR_WC_HEAD},
    [A_DAYS] = {"Days overdue", "days_overdue", CR_WK_NUM, CR_WC_HEAD},
    [A_RAISED] = {"Raised", "raised", CR_WK_DAY, 0, 3},
    [A_UPDATED] = {"Updated", "updated", CR_WK_DAY, 0, 4},
    [A_COUNT] = {"Count", "count", CR_WK_NUM, 0, 2},
    [A_REPORT] = {"Report", "report", CR_WK_TEXT, 0, 5},
    [A_FILE] = {"File", "file", CR_WK_FILE, 0, 1},
};

enum {
	J_CLIENT,
	J_PROJECT,
	J_STAGE,
	J_LAST,
	J_LAST_REPORT,
	J_NEXT,
	J_OPEN,
	J_OVERDUE,
	J_STEP,
	J_WHO,
	J_DUE,
	J_DAYS,
	J_FILE
};

static const cr_wip_column job_cols[] = {
    [J_CLIENT] = {"Client", "client", CR_WK_TEXT, 0},
    [J_PROJECT] = {"Project", "project", CR_WK_TEXT, 0, 4},
    [J_STAGE] = {"Stage", "stage", CR_WK_TEXT, 0, 5},
    [J_LAST] = {"Last contact", "last_contact", CR_WK_DAY, 0},
    [J_LAST_REPORT] = {"Last report", "last_report", CR_WK_TEXT, 0, 2},
    [J_NEXT] = {"Next contact", "next_contact", CR_WK_DAY, 0},
    [J_OPEN] = {"Open", "open", CR_WK_NUM, 0},
    [J_OVERDUE] = {"Overdue", "overdue", CR_WK_NUM, 0},
    [J_STEP] = {"Next step", "next_step", CR_WK_TEXT, CR_WC_LONG},
    [J_WHO] = {"Who", "who", CR_WK_TEXT, 0},
    [J_DUE] = {"Due", "due", CR_WK_DATE, 0},
    [J_DAYS] = {"Days since contact", "days_since_contact", CR_WK_NUM, 0, 3},
    [J_FILE] = {"File", "file", CR_WK_FILE, 0, 1},
};

enum {
	R_ID,
	R_CLIENT,
	R_PROJECT,
	R_TYPE,
	R_OUTCOME,
	R_STAGE,
	R_DATE,
	R_AUTHOR,
	R_ISSUED,
	R_HOURS,
	R_STATE,
	R_NCONF,
	R_CONF,
	R_FILE
};

static const cr_wip_column report_cols[] = {
    [R_ID] = {"ID", "id", CR_WK_TEXT, 0},
    [R_CLIENT] = {"Client", "client", CR_WK_TEXT, 0},
    [R_PROJECT] = {"Project", "project", CR_WK_TEXT, 0, 4},
    [R_TYPE] = {"Type", "type", CR_WK_TEXT, 0, 3},
    [R_OUTCOME] = {"Outcome", "outcome", CR_WK_TEXT, 0, 2},
    [R_STAGE] = {"Stage", "stage", CR_WK_TEXT, 0, 5},
    [R_DATE] = {"Date", "date", CR_WK_DATE, 0},
    [R_AUTHOR] = {"Author", "author", CR_WK_TEXT, 0, 6},
    [R_ISSUED] = {"Issued", "issued", CR_WK_DATE, 0},
    [R_HOURS] = {"Hours to issue", "hours_to_issue", CR_WK_NUM, 0},
    [R_STATE] = {"Issue", "issue", CR_WK_TEXT, 0},
    [R_NCONF] = {"Confirmed", "confirmed", CR_WK_NUM, 0},
    [R_CONF] = {"Confirmed by", "confirmed_by", CR_WK_TEXT, CR_WC_LONG},
    [R_FILE] = {"File", "file", CR_WK_FILE, 0, 1},
};

enum { G_DATE, G_CLIENT, G_PROJECT, G_REPORT, G_NO, G_TEXT, G_FILE };

static const cr_wip_column agreement_cols[] = {
    [G_DATE] = {"Date", "date", CR_WK_DAY, 0},
    [G_CLIENT] = {"Client", "client", CR_WK_TEXT, 0},
    [G_PROJECT] = {"Project", "project", CR_WK_TEXT, 0, 2},
    [G_REPORT] = {"Report", "report", CR_WK_TEXT, 0, 3},
    [G_NO] = {"No.", "number", CR_WK_NUM, 0},
    [G_TEXT] = {"Agreement", "agreement", CR_WK_TEXT, CR_WC_LONG},
    [G_FILE] = {"File", "file", CR_WK_FILE, 0, 1},
};

#define NCOLS(a) (sizeof(a) / sizeof(a[0]))

void
cr_wip_table_init(cr_wip_table *t, cr_wip_view view, const cr_wip *w,
		  const cr_wip_views *v)
{
	memset(t, 0, sizeof(*t));
	t->view = view;
	t->w = w;
	t->v = v;
	switch (view) {
	case CR_WIP_BY_JOB:
		t->cols = job_cols;
		t->ncols = NCOLS(job_cols);
		t->len = v != NULL ? v->njobs : 0;
		break;
	case CR_WIP_BY_REPORT:
		t->cols = report_cols;
		t->ncols = NCOLS(report_cols);
		t->len = v != NULL ? v->nreps : 0;
		break;
	case CR_WIP_BY_AGREEMENT:
		t->cols = agreement_cols;
		t->ncols = NCOLS(agreement_cols);
		t->len = v != NULL ? v->nagrs : 0;
		break;
	default:
		t->view = CR_WIP_BY_ACTION;
		t->cols = action_cols;
		t->ncols = NCOLS(action_cols);
		t->len = w->len;
		break;
	}
}

static const cr_date *
job_next_contact(const cr_wip_job *j)
{
	if (j->planned != NULL)
		return j->planned->date;
	if (j->last != NULL && (j->last->next_contact->valid ||
				j->last->next_contact->raw.s != NULL))
		return j->last->next_contact;
	return NULL;
}

const cr_date *
cr_wip_date(const cr_wip_table *t, size_t row, size_t col)
{
	const cr_date *d = NULL;

	if (row >= t->len)
		return NULL;
	switch (t->view) {
	case CR_WIP_BY_ACTION: {
		const cr_wip_row *r = &t->w->rows[row];

		d = col == A_DUE       ? r->action->due
		    : col == A_RAISED  ? r->first->date
		    : col == A_UPDATED ? r->latest->date
				       : NULL;
		break;
	}
	case CR_WIP_BY_JOB: {
		const cr_wip_job *j = &t->v->jobs[row];

		if (col == J_LAST && j->last != NULL)
			d = j->last->date;
		else if (col == J_NEXT)
			d = job_next_contact(j);
		else if (col == J_DUE && j->next != NULL)
			d = j->next->due;
		break;
	}
	case CR_WIP_BY_REPORT:
		if (col == R_DATE)
			d = t->v->reps[row].r->date;
		else if (col == R_ISSUED)
			d = t->v->reps[row].r->issued;
		break;
	case CR_WIP_BY_AGREEMENT:
		if (col == G_DATE)
			d = t->v->agrs[row].r->date;
		break;
	default:
		break;
	}
	return d != NULL && (d->valid || d->raw.s != NULL) ? d : NULL;
}

int
cr_wip_num(const cr_wip_table *t, size_t row, size_t col, long long *out)
{
	if (row >= t->len)
		return 0;
	switch (t->view) {
	case CR_WIP_BY_ACTION: {
		const cr_wip_row *r = &t->w->rows[row];

		if (col == A_DAYS)
			*out = r->days_overdue;
		else if (col == A_COUNT)
			*out = (long long)r->count;
		else
			return 0;
		return 1;
	}
	case CR_WIP_BY_JOB: {
		const cr_wip_job *j = &t->v->jobs[row];

		if (col == J_OPEN)
			*out = (long long)j->open;
		else if (col == J_OVERDUE)
			*out = (long long)j->overdue;
		else if (col == J_DAYS && j->days_since >= 0)
			*out = j->days_since;
		else
			return 0;
		return 1;
	}
	case CR_WIP_BY_REPORT: {
		const cr_wip_rep *p = &t->v->reps[row];

		if (col == R_HOURS && p->has_hours)
			*out = p->hours;
		else if (col == R_NCONF)
			*out = (long long)p->r->confirmations.len;
		else
			return 0;
		return 1;
	}
	case CR_WIP_BY_AGREEMENT:
		if (col != G_NO)
			return 0;
		*out = (long long)t->v->agrs[row].n + 1;
		return 1;
	default:
		return 0;
	}
}

int
cr_wip_row_overdue(const cr_wip_table *t, size_t row)
{
	if (row >= t->len)
		return 0;
	if (t->view == CR_WIP_BY_ACTION)
		return t->w->rows[row].overdue;
	if (t->view == CR_WIP_BY_JOB)
		return t->v->jobs[row].overdue > 0;
	if (t->view == CR_WIP_BY_REPORT)
		return t->v->reps[row].state == CR_ISSUE_LATE;
	return 0;
}

const cr_wip_rec *
cr_wip_row_report(const cr_wip_table *t, size_t row)
{
	if (row >= t->len)
		return NULL;
	switch (t->view) {
	case CR_WIP_BY_ACTION:
		return t->w->rows[row].latest;
	case CR_WIP_BY_JOB:
		return t->v->jobs[row].last != NULL ? t->v->jobs[row].last
						    : t->v->jobs[row].latest;
	case CR_WIP_BY_REPORT:
		return t->v->reps[row].r;
	case CR_WIP_BY_AGREEMENT:
		return t->v->agrs[row].r;
	default:
		return NULL;
	}
}

static int
put_opt(cr_buf *out, const char *s)
{
	return s != NULL ? cr_buf_puts(out, s) : 0;
}

/* A date normalised, or as written when it did not parse; on display
 * the table's one form, "2026-11-20 14:00" (in its own offset). */
static int
put_date(cr_buf *out, const cr_date *d, int date_only, int display)
{
	char tmp[32];

	if (!d->valid)
		return put_opt(out, d->raw.s);
	cr_datetime_format(&d->dt, tmp);
	if (date_only || !d->dt.has_time)
		tmp[10] = '\0';
	else if (display) {
		tmp[10] = ' ';
		tmp[16] = '\0';
	}
	return cr_buf_puts(out, tmp);
}

/* "An, Binh (remark: add the cap)" */
static int
put_confirmers(cr_buf *out, const cr_wip_rec *r)
{
	size_t i;

	for (i = 0; i < r->confirmations.len; i++) {
		const cr_wip_conf *c = &r->confirmations.items[i];

		if (i > 0)
			cr_buf_puts(out, "; ");
		put_opt(out, c->name.s);
		if (c->note.s != NULL && c->note.s[0] != '\0')
			cr_buf_printf(out, " (remark: %s)", c->note.s);
	}
	return out->oom ? -1 : 0;
}

static int
action_text(const cr_wip_row *r, size_t col, cr_buf *out)
{
	const cr_wip_act *a = r->action;

	switch (col) {
	case A_CLIENT:
		return put_opt(out, r->latest->client.s);
	case A_PROJECT:
		return put_opt(out, r->latest->project.s);
	case A_ID:
		return put_opt(out, a->id.s);
	case A_WHAT:
		return put_opt(out, a->what.s);
	case A_WHO:
		return put_opt(out, a->who.s);
	case A_STATUS:
		if (r->status == CR_STATUS_INVALID)
			return put_opt(out, a->status.s);
		return cr_buf_puts(out, cr_status_name(r->status));
	case A_REPORT:
		return put_opt(out, r->latest->id.s);
	case A_FILE:
		return put_opt(out, r->latest->file);
	default:
		return 0;
	}
}

static int
job_text(const cr_wip_job *j, size_t col, cr_buf *out)
{
	switch (col) {
	case J_CLIENT:
		return put_opt(out, j->latest->client.s);
	case J_PROJECT:
		return put_opt(out, j->latest->project.s);
	case J_STAGE:
		return j->stage != NULL ? put_opt(out, j->stage->stage.s) : 0;
	case J_LAST_REPORT:
		return j->last != NULL ? put_opt(out, j->last->id.s) : 0;
	case J_STEP:
		return j->next != NULL ? put_opt(out, j->next->what.s) : 0;
	case J_WHO:
		return j->next != NULL ? put_opt(out, j->next->who.s) : 0;
	case J_FILE:
		return put_opt(out,
			       (j->last != NULL ? j->last : j->latest)->file);
	default:
		return 0;
	}
}

static int
report_text(const cr_wip_rep *p, size_t col, cr_buf *out)
{
	const cr_wip_rec *r = p->r;
	cr_outcome o;

	switch (col) {
	case R_ID:
		return put_opt(out, r->id.s);
	case R_CLIENT:
		return put_opt(out, r->client.s);
	case R_PROJECT:
		return put_opt(out, r->project.s);
	case R_TYPE:
		return put_opt(out, r->type.s);
	case R_OUTCOME:
		o = r->outcome_v;
		return o == CR_OUTCOME_INVALID
			   ? put_opt(out, r->outcome.s)
			   : cr_buf_puts(out, cr_outcome_name(o));
	case R_STAGE:
		return put_opt(out, r->stage.s);
	case R_AUTHOR:
		return put_opt(out, r->author.s);
	case R_STATE:
		return cr_buf_puts(out, cr_issue_state_name(p->state));
	case R_CONF:
		return put_confirmers(out, r);
	case R_FILE:
		return put_opt(out, r->file);
	default:
		return 0;
	}
}

static int
agreement_text(const cr_wip_agr *g, size_t col, cr_buf *out)
{
	const cr_wip_rec *r = g->r;

	switch (col) {
	case G_CLIENT:
		return put_opt(out, r->client.s);
	case G_PROJECT:
		return put_opt(out, r->project.s);
	case G_REPORT:
		return put_opt(out, r->id.s);
	case G_TEXT: {
		const char *s = r->agreements.items[g->n].s;
		size_t at = out->len;

		if (s == NULL)
			return 0;
		/* no markup in it: as it is (most agreements; cmark-gfm for
		 * each of 100,000 would double the time of the view) */
		if (strpbrk(s, "*_`[]<>&\\!~|#=\n") == NULL)
			return cr_buf_puts(out, s);
		/* inline Markdown as plain text, on one line */
		if (cr_md_to_plain(out, s) == -1)
			return -1;
		while (out->len > at && out->data[out->len - 1] == '\n')
			out->len--;
		return 0;
	}
	case G_FILE:
		return put_opt(out, r->file);
	default:
		return 0;
	}
}

int
cr_wip_text(const cr_wip_table *t, size_t row, size_t col, int display,
	    cr_buf *out)
{
	const cr_date *d;
	long long n;

	if (row >= t->len || col >= t->ncols)
		return 0;
	switch (t->cols[col].kind) {
	case CR_WK_DATE:
	case CR_WK_DAY:
		d = cr_wip_date(t, row, col);
		return d != NULL
			   ? put_date(out, d, t->cols[col].kind == CR_WK_DAY,
				      display)
			   : 0;
	case CR_WK_NUM:
		return cr_wip_num(t, row, col, &n)
			   ? cr_buf_printf(out, "%lld", n)
			   : 0;
	default:
		break;
	}
	switch (t->view) {
	case CR_WIP_BY_ACTION:
		return action_text(&t->w->rows[row], col, out);
	case CR_WIP_BY_JOB:
		return job_text(&t->v->jobs[row], col, out);
	case CR_WIP_BY_REPORT:
		return report_text(&t->v->reps[row], col, out);
	case CR_WIP_BY_AGREEMENT:
		return agreement_text(&t->v->agrs[row], col, out);
	default:
		return 0;
	}
}
