/*
 * test_wip.c - the WIP (lib/wip.c, lib/wip_write.c): merging across
 * reports, days overdue at the end-of-day boundary and across offsets,
 * filters, sort order, owner counts and the text formats.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "crtools.h"

/* A report with the given id, previous (NULL: none), client, date and
 * action lines (each "id;what;who;due;status", status may be empty). */
static char *
report_text(const char *id, const char *prev, const char *client,
	    const char *date, const char *const *acts)
{
	cr_buf b;
	size_t i;

	cr_buf_init(&b);
	cr_buf_printf(&b,
		      "id: %s\ntitle: T\nclient: %s\ntype: call\n"
		      "date: %s\nauthor: A\nattendees: [A]\n"
		      "agreements: [x]\nprevious: %s\nactions:\n",
		      id, client, date, prev != NULL ? prev : "~");
	for (i = 0; acts[i] != NULL; i++) {
		char f[5][128] = {{0}};
		const char *p = acts[i], *bar;
		int k;

		for (k = 0; k < 5; k++) {
			bar = strchr(p, ';');
			size_t n = bar != NULL ? (size_t)(bar - p) : strlen(p);
			assert_true(n < sizeof(f[k]));
			memcpy(f[k], p, n);
			if (bar == NULL)
				break;
			p = bar + 1;
		}
		cr_buf_printf(&b, "  - what: \"%s\"\n    who: \"%s\"\n", f[1],
			      f[2]);
		if (f[0][0] != '\0')
			cr_buf_printf(&b, "    id: %s\n", f[0]);
		if (f[3][0] != '\0')
			cr_buf_printf(&b, "    due: %s\n", f[3]);
		if (f[4][0] != '\0')
			cr_buf_printf(&b, "    status: %s\n", f[4]);
	}
	assert_false(b.oom);
	return cr_buf_detach(&b, NULL);
}

static void
add(cr_reports *rs, const char *file, const char *text)
{
	cr_read_opts o = {CR_FORM_YAML, file, NULL};
	cr_diags d;

	cr_diags_init(&d);
	assert_int_equal(cr_read(text, strlen(text), &o, rs, &d), 0);
	cr_diags_free(&d);
}

/* A report continuing `prev` (NULL: a thread of its own). */
static void
add_next(cr_reports *rs, const char *file, const char *id, const char *prev,
	 const char *client, const char *date, const char *const *acts)
{
	char *t = report_text(id, prev, client, date, acts);

	add(rs, file, t);
	free(t);
}

static void
add_report(cr_reports *rs, const char *file, const char *id, const char *client,
	   const char *date, const char *const *acts)
{
	add_next(rs, file, id, NULL, client, date, acts);
}

static long long
when(const char *s, int *offset)
{
	cr_datetime dt;

	assert_int_equal(cr_datetime_parse(s, &dt), 0);
	cr_datetime_resolve(&dt, NULL);
	if (offset != NULL)
		*offset = dt.offset;
	return cr_datetime_epoch(&dt, 0);
}

static void
build(cr_wip *w, const cr_reports *rs, const char *now, cr_diags *d)
{
	int off;
	long long t = when(now, &off);

	size_t i;

	cr_wip_init(w, t, off);
	for (i = 0; i < rs->len; i++)
		assert_int_equal(cr_wip_add(w, rs->items[i], d), 0);
	assert_int_equal(cr_wip_build(w), 0);
}

static const cr_wip_row *
row_of(const cr_wip *w, const char *id)
{
	size_t i;

	for (i = 0; i < w->len; i++)
		if (w->rows[i].action->id.s != NULL &&
		    strcmp(w->rows[i].action->id.s, id) == 0)
			return &w->rows[i];
	fail_msg("no row %s", id);
	return NULL;
}

/* Reports without a single action: no rows, and no pointer arithmetic on
 * the empty list of items (clang's UBSan in the wip fuzzer found it; the
 * fuzzers replay this seed, tests/regress keeps the input). */
static void
test_no_actions(void **state)
{
	cr_reports rs = {0};
	cr_diags d;
	cr_wip w;

	(void)state;
	add(&rs, "a.yaml", "profile: fundraising\n");
	add(&rs, "b.yaml", "id: acme-1\nclient: ACME\ndate: 2026-11-20\n");
	cr_diags_init(&d);
	build(&w, &rs, "2026-11-22T09:00:00+07:00", &d);
	assert_int_equal(w.len, 0);
	cr_wip_free(&w);
	cr_diags_free(&d);
	cr_reports_free(&rs);
}

/* ------------------------------------------------------------ merging */

static void
test_merge(void **state)
{
	static const char *const newer[] = {
	    "a-1;Send the revised brief;Linh;2026-11-25;",
	    "a-2;Book the studio;An;2026-11-20;done", NULL};
	static const char *const older[] = {
	    "a-1;Send the brief;Linh;2026-11-15;",
	    "a-2;Book the studio;An;2026-11-20;",
	    "a-3;Old task;An;2026-11-12;done", NULL};
	static const char *const middle[] = {"a-1;Brief v2;Mai;2026-11-18;",
					     NULL};
	cr_reports rs = {0};
	cr_diags d;
	cr_wip w;
	const cr_wip_row *r;

	(void)state;
	cr_diags_init(&d);
	/* given newest first: the order of `date` decides, not the order
	 * given */
	add_next(&rs, "new.yaml", "new", "mid", "ACME",
		 "2026-11-20 14:00 +07:00", newer);
	add_next(&rs, "old.yaml", "old", NULL, "ACME",
		 "2026-11-10 10:00 +07:00", older);
	add_next(&rs, "mid.yaml", "mid", "old", "ACME",
		 "2026-11-15 10:00 +07:00", middle);
	build(&w, &rs, "2026-11-22T09:00:00+07:00", &d);
	assert_int_equal(d.len, 0);
	assert_int_equal(w.len, 3);

	r = row_of(&w, "a-1");
	assert_string_equal(r->action->what.s, "Send the revised brief");
	assert_string_equal(r->action->who.s, "Linh");
	assert_string_equal(r->first->id.s, "old");  /* raised */
	assert_string_equal(r->latest->id.s, "new"); /* updated, report */
	assert_string_equal(r->latest->file, "new.yaml");
	assert_int_equal(r->count, 3);

	r = row_of(&w, "a-2");
	assert_int_equal(r->status, CR_STATUS_DONE); /* newer status wins */
	assert_int_equal(r->count, 2);

	r = row_of(&w, "a-3");
	assert_int_equal(r->count, 1);
	assert_string_equal(r->first->id.s, "old");
	assert_string_equal(r->latest->id.s, "old");

	cr_wip_free(&w);
	cr_reports_free(&rs);
	cr_diags_free(&d);
}

/* Equal dates in one thread: the later one given wins, so that files
 * named in order behave as expected; unless the earlier one given
 * continues the other (its previous chain contains it). */
static void
test_merge_equal_dates(void **state)
{
	static const char *const one[] = {"x-1;First;A;2026-11-25;", NULL};
	static const char *const two[] = {"x-1;Second;A;2026-11-25;", NULL};
	cr_reports rs = {0};
	cr_diags d;
	cr_wip w;

	(void)state;
	cr_diags_init(&d);
	add_report(&rs, "0.yaml", "r0", "C", "2026-11-19", one);
	add_next(&rs, "1.yaml", "r1", "r0", "C", "2026-11-20", one);
	add_next(&rs, "2.yaml", "r2", "r0", "C", "2026-11-20", two);
	build(&w, &rs, "2026-11-22", &d);
	assert_int_equal(w.len, 1);
	assert_string_equal(w.rows[0].action->what.s, "Second");
	assert_string_equal(w.rows[0].first->id.s, "r0");
	assert_int_equal(w.rows[0].count, 3);
	cr_wip_free(&w);
	cr_reports_free(&rs);
	/* r2 given first, but r1 continues it */
	add_report(&rs, "0.yaml", "r0", "C", "2026-11-19", one);
	add_next(&rs, "2.yaml", "r2", "r0", "C", "2026-11-20", two);
	add_next(&rs, "1.yaml", "r1", "r2", "C", "2026-11-20", one);
	build(&w, &rs, "2026-11-22", &d);
	assert_int_equal(w.len, 1);
	assert_string_equal(w.rows[0].latest->id.s, "r1");
	cr_wip_free(&w);
	cr_reports_free(&rs);
	add_report(&rs, "0.yaml", "r0", "C", "2026-11-19", one);
	add_next(&rs, "1.yaml", "r1", "r2", "C", "2026-11-20", one);
	add_next(&rs, "2.yaml", "r2", "r0", "C", "2026-11-20", two);
	build(&w, &rs, "2026-11-22", &d);
	assert_string_equal(w.rows[0].latest->id.s, "r1");
	cr_wip_free(&w);
	cr_reports_free(&rs);
	cr_diags_free(&d);
}

/* Broken reports are skipped silently; a report without a date with an
 * error at its position. */
static void
test_skips(void **state)
{
	static const char *const acts[] = {"k-1;Keep;A;2026-11-25;", NULL};
	static const char nodate[] = "id: nd\ntitle: T\nclient: C\n"
				     "actions:\n  - what: w\n    who: A\n"
				     "    due: 2026-11-25\n";
	static const char baddate[] = "id: bd\ntitle: T\nclient: C\n"
				      "date: someday\n"
				      "actions:\n  - what: w\n    who: A\n"
				      "    due: 2026-11-25\n";
	cr_reports rs = {0};
	cr_diags d;
	cr_wip w;

	(void)state;
	cr_diags_init(&d);
	add_report(&rs, "k.yaml", "k", "C", "2026-11-20", acts);
	add(&rs, "broken.yaml", "id: [unclosed\n");
	add(&rs, "nodate.yaml", nodate);
	add(&rs, "baddate.yaml", baddate);
	assert_true(rs.items[1]->broken);
	build(&w, &rs, "2026-11-22", &d);
	assert_int_equal(w.len, 1);
	assert_int_equal(d.len, 2);
	assert_string_equal(cr_diag_file(&d, &d.items[0]), "nodate.yaml");
	assert_int_equal(d.items[0].rule, CR_RULE_MISSING_FIELD);
	assert_int_equal(d.items[0].pos.line, 1);
	assert_string_equal(cr_diag_file(&d, &d.items[1]), "baddate.yaml");
	assert_int_equal(d.items[1].rule, CR_RULE_BAD_DATE);
	assert_int_equal(d.items[1].pos.line, 4);
	assert_int_equal(d.items[1].pos.column, 7);
	cr_wip_free(&w);
	cr_reports_free(&rs);
	cr_diags_free(&d);
}

/* ------------------------------------------------------- days overdue */

struct days_case {
	const char *due; /* in a report dated 2026-11-20 10:00 +07:00 */
	const char *status;
	const char *now;
	int overdue;
	long long days;
};

static void
test_days_overdue(void **state)
{
	static const struct days_case cases[] = {
	    /* a date alone ends at the end of its day, report offset */
	    {"2026-11-25", "", "2026-11-25T23:59:59+07:00", 0, 0},
	    {"2026-11-25", "", "2026-11-26T00:00:00+07:00", 1, 1},
	    /* the same moments seen from UTC: the due's calendar counts */
	    {"2026-11-25", "", "2026-11-25T16:59:59Z", 0, 0},
	    {"2026-11-25", "", "2026-11-25T17:00:00Z", 1, 1},
	    {"2026-11-25", "", "2026-11-30T12:00:00+07:00", 1, 5},
	    {"2026-11-25", "blocked", "2026-11-27T12:00:00+07:00", 1, 2},
	    /* done or dropped: never overdue */
	    {"2026-11-25", "done", "2026-11-30T12:00:00+07:00", 0, 0},
	    {"2026-11-25", "dropped", "2026-11-30T12:00:00+07:00", 0, 0},
	    /* a date-time with its own offset */
	    {"2026-11-25T10:00:00-05:00", "", "2026-11-25T14:59:00Z", 0, 0},
	    {"2026-11-25T10:00:00-05:00", "", "2026-11-25T15:01:00Z", 1, 0},
	    {"2026-11-25T10:00:00-05:00", "", "2026-11-27T01:00:00Z", 1, 1},
	    /* a date-time without offset takes the report's */
	    {"2026-11-25 18:00", "", "2026-11-25T11:30:00Z", 1, 0},
	    {"2026-11-25 18:00", "", "2026-11-25T10:30:00Z", 0, 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct days_case *c = &cases[i];
		char line[128];
		const char *acts[2] = {line, NULL};
		cr_reports rs = {0};
		cr_diags d;
		cr_wip w;

		snprintf(line, sizeof(line), "d-1;W;A;%s;%s", c->due,
			 c->status);
		cr_diags_init(&d);
		add_report(&rs, "d.yaml", "d", "C", "2026-11-20 10:00 +07:00",
			   acts);
		build(&w, &rs, c->now, &d);
		assert_int_equal(w.len, 1);
		if (w.rows[0].overdue != c->overdue ||
		    w.rows[0].days_overdue != c->days)
			fail_msg("case %zu (due %s, now %s): overdue %d days "
				 "%lld, want %d %lld",
				 i, c->due, c->now, w.rows[0].overdue,
				 w.rows[0].days_overdue, c->overdue, c->days);
		cr_wip_free(&w);
		cr_reports_free(&rs);
		cr_diags_free(&d);
	}
}

/* ------------------------------------------------- filters and sorting */

static const char *const acme_acts[] = {"acme-2;Plan;Linh Tran;2026-11-25;",
					"acme-1;Brief;linh tran;2026-11-25;",
					"acme-3;Shoot;An;2026-11-21;blocked",
					"acme-4;Done;An;2026-11-10;done",
					"acme-5;Dropped;An;2026-11-10;dropped",
					"acme-6;Vague;An;soon;",
					NULL};
static const char *const beta_acts[] = {
    "beta-1;Budget;Mai;2026-11-25;", "beta-2;Today;Mai;2026-11-22;",
    "beta-3;Late;Mai;2026-11-22T08:00:00+07:00;", NULL};

static void
fixture(cr_reports *rs, cr_wip *w)
{
	cr_diags d;

	cr_diags_init(&d);
	add_report(rs, "acme.yaml", "acme", "ACME", "2026-11-20 10:00 +07:00",
		   acme_acts);
	add_report(rs, "beta.yaml", "beta", "Beta Bank",
		   "2026-11-19 10:00 +07:00", beta_acts);
	build(w, rs, "2026-11-22T09:00:00+07:00", &d);
	assert_int_equal(d.len, 0);
	cr_diags_free(&d);
}

static void
assert_ids(const cr_wip *w, const char *want)
{
	cr_buf b;
	size_t i;

	cr_buf_init(&b);
	for (i = 0; i < w->len; i++)
		cr_buf_printf(&b, "%s%s", i > 0 ? " " : "",
			      w->rows[i].action->id.s);
	cr_buf_putc(&b, '\0');
	assert_string_equal(b.data, want);
	cr_buf_free(&b);
}

static void
test_sort(void **state)
{
	cr_reports rs = {0};
	cr_wip w;

	(void)state;
	fixture(&rs, &w);
	/* by due moment; same day: a date-time before the end of the day;
	 * same due: by client, then id; a due that is no date last */
	assert_ids(&w, "acme-4 acme-5 acme-3 beta-3 beta-2 acme-1 acme-2 "
		       "beta-1 acme-6");
	cr_wip_free(&w);
	cr_reports_free(&rs);
}

/* The same due everywhere: the rows by client as cr_utf8_casecmp orders
 * them, case variants by their bytes (the keys' ranks, cr_wip_rank), then
 * by action id; the owners grouped ignoring case. */
static void
test_sort_keys(void **state)
{
	static const char *const clients[] = {
	    "beta",   "Alpha",	"alpha", "Đà Nẵng", "đà nẵng",
	    "Молоко", "молоко", "ALPHA", "Ärger",   "zeta"};
	static const char *const want =
	    "c7 c1 c2 c8 c0 c9 c3 c4 c5 c6"; /* ALPHA Alpha alpha Ärger ... */
	cr_reports rs = {0};
	cr_diags d;
	cr_wip w;
	cr_wip_owner *os;
	size_t i, n;

	(void)state;
	cr_diags_init(&d);
	for (i = 0; i < sizeof(clients) / sizeof(*clients); i++) {
		char id[8], file[16], act[64];
		const char *acts[2] = {act, NULL};

		snprintf(id, sizeof(id), "c%zu", i);
		snprintf(file, sizeof(file), "c%zu.yaml", i);
		snprintf(act, sizeof(act), "c%zu;Do it;%s;2026-11-25;", i,
			 i % 2 ? "Linh" : "LINH");
		add_report(&rs, file, id, clients[i], "2026-11-20", acts);
	}
	build(&w, &rs, "2026-11-22T09:00:00+07:00", &d);
	assert_ids(&w, want);
	assert_int_equal(cr_wip_owners(&w, 7, &os, &n), 0);
	assert_int_equal(n, 1); /* LINH and Linh: one owner */
	assert_int_equal(os[0].open, 10);
	free(os);
	cr_wip_free(&w);
	cr_diags_free(&d);
	cr_reports_free(&rs);
}

static void
select_ids(const cr_wip_filter *f, const char *want)
{
	cr_reports rs = {0};
	cr_wip w;

	fixture(&rs, &w);
	cr_wip_select(&w, f);
	assert_ids(&w, want);
	cr_wip_free(&w);
	cr_reports_free(&rs);
}

static void
test_filters(void **state)
{
	cr_wip_filter f;

	(void)state;
	cr_wip_filter_init(&f);
	select_ids(&f, "acme-3 beta-3 beta-2 acme-1 acme-2 beta-1 acme-6");
	f.status = CR_WIP_STATUS_ALL;
	select_ids(&f, "acme-4 acme-5 acme-3 beta-3 beta-2 acme-1 acme-2 "
		       "beta-1 acme-6");
	f.status =
	    CR_WIP_STATUS(CR_STATUS_DONE) | CR_WIP_STATUS(CR_STATUS_DROPPED);
	select_ids(&f, "acme-4 acme-5");

	cr_wip_filter_init(&f);
	f.client = "acme";
	select_ids(&f, "acme-3 acme-1 acme-2 acme-6");
	f.client = "ACME Bev"; /* equality, not a prefix */
	select_ids(&f, "");

	cr_wip_filter_init(&f);
	f.owner = "LINH TRAN";
	select_ids(&f, "acme-1 acme-2");

	cr_wip_filter_init(&f);
	f.overdue = 1;
	select_ids(&f, "acme-3 beta-3");

	cr_wip_filter_init(&f);
	f.due_within = 0; /* today and earlier */
	select_ids(&f, "acme-3 beta-3 beta-2");
	f.due_within = 3;
	select_ids(&f, "acme-3 beta-3 beta-2 acme-1 acme-2 beta-1");
	f.overdue = 1;
	f.client = "beta bank";
	select_ids(&f, "beta-3");
}

static void
test_owners(void **state)
{
	cr_reports rs = {0};
	cr_wip_owner *os;
	size_t n;
	cr_wip w;

	(void)state;
	fixture(&rs, &w);
	assert_int_equal(cr_wip_owners(&w, 7, &os, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(os[0].name, "An");
	assert_int_equal(os[0].open, 2); /* acme-3 blocked, acme-6 */
	assert_int_equal(os[0].overdue, 1);
	assert_int_equal(os[0].due_soon, 0);
	/* "Linh Tran" and "linh tran" are one owner */
	assert_int_equal(cr_utf8_casecmp(os[1].name, "Linh Tran"), 0);
	assert_int_equal(os[1].open, 2);
	assert_int_equal(os[1].overdue, 0);
	assert_int_equal(os[1].due_soon, 2);
	assert_string_equal(os[2].name, "Mai");
	assert_int_equal(os[2].open, 3);
	assert_int_equal(os[2].overdue, 1); /* beta-3 passed this morning */
	assert_int_equal(os[2].due_soon, 2);
	free(os);
	cr_wip_free(&w);
	cr_reports_free(&rs);
}

/* ------------------------------------------------------------ writers */

static char *
written(const char *const *acts, cr_wip_format f, int raw)
{
	cr_reports rs = {0};
	cr_diags d;
	cr_wip w;
	cr_wip_table t;
	cr_wip_write_opts o = {0};
	cr_buf b;

	cr_diags_init(&d);
	cr_buf_init(&b);
	add_report(&rs, "w.yaml", "w", "ACME", "2026-11-20 10:00 +07:00", acts);
	build(&w, &rs, "2026-11-22T09:00:00+07:00", &d);
	cr_wip_table_init(&t, CR_WIP_BY_ACTION, &w, NULL);
	o.raw = raw;
	assert_int_equal(cr_wip_write(&t, f, &o, &b), 0);
	cr_buf_putc(&b, '\0');
	cr_wip_free(&w);
	cr_reports_free(&rs);
	cr_diags_free(&d);
	return cr_buf_detach(&b, NULL);
}

static void
test_csv_injection(void **state)
{
	static const char *const acts[] = {
	    "i-1;=1+1;@Minh;2026-11-25;", "i-2;+cmd;-x;2026-11-26;",
	    "i-3;say \\\"hi\\\", twice;A;2026-11-27;", NULL};
	char *s;

	(void)state;
	s = written(acts, CR_WIP_CSV, 0);
	assert_non_null(strstr(s, "\r\nACME,,i-1,'=1+1,'@Minh,2026-11-25,"));
	assert_non_null(strstr(s, ",i-2,'+cmd,'-x,"));
	assert_non_null(strstr(s, ",i-3,\"say \"\"hi\"\", twice\",A,"));
	free(s);
	s = written(acts, CR_WIP_CSV, 1);
	assert_non_null(strstr(s, ",i-1,=1+1,@Minh,"));
	free(s);
	s = written(acts, CR_WIP_TSV, 0);
	assert_non_null(strstr(s, "\ti-1\t'=1+1\t'@Minh\t2026-11-25\t"));
	assert_non_null(strstr(s, "\ti-3\t\"say \"\"hi\"\", twice\"\tA\t"));
	assert_null(strchr(s, '\r'));
	free(s);
	assert_true(cr_wip_formula_like("\tx"));
	assert_true(cr_wip_formula_like("\rx"));
	assert_false(cr_wip_formula_like("x=1"));
	assert_false(cr_wip_formula_like(""));
}

static void
test_md_and_txt(void **state)
{
	static const char *const acts[] = {"m-1;a | b;王伟;2026-11-25;",
					   "m-2;plain;Linh;2026-11-26;", NULL};
	const char *l1, *l2;
	char *s;

	(void)state;
	s = written(acts, CR_WIP_MD, 0);
	assert_non_null(strstr(s, "| m-1 | a \\| b | 王伟 |"));
	assert_non_null(strstr(s, "|---|---|---|---|---|---|---|---:|"));
	free(s);
	/* txt: the Who column is as wide as "Linh" (王伟 is 4 columns), so
	 * the Due column starts at the same display column in both rows */
	s = written(acts, CR_WIP_TXT, 0);
	l1 = strstr(s, "m-1");
	l2 = strstr(s, "m-2");
	assert_non_null(l1);
	assert_non_null(l2);
	assert_int_equal(cr_utf8_width(l1, (size_t)(strstr(l1, "2026") - l1)),
			 cr_utf8_width(l2, (size_t)(strstr(l2, "2026") - l2)));
	assert_null(strstr(s, " \n")); /* no trailing blanks */
	free(s);
}

static void
test_json(void **state)
{
	static const char *const acts[] = {"j-1;say \\\"hi\\\";A;2026-11-21;",
					   NULL};
	char *s;

	(void)state;
	s = written(acts, CR_WIP_JSON, 0);
	assert_non_null(strstr(s, "\"what\": \"say \\\"hi\\\"\""));
	assert_non_null(strstr(s, "\"project\": null"));
	assert_non_null(strstr(s, "\"days_overdue\": 1,"));
	assert_non_null(strstr(s, "\"raised\": \"2026-11-20T10:00:00+07:00\""));
	assert_non_null(strstr(s, "\"overdue\": true}"));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_no_actions),
	    cmocka_unit_test(test_merge),
	    cmocka_unit_test(test_merge_equal_dates),
	    cmocka_unit_test(test_skips),
	    cmocka_unit_test(test_days_overdue),
	    cmocka_unit_test(test_sort),
	    cmocka_unit_test(test_sort_keys),
	    cmocka_unit_test(test_filters),
	    cmocka_unit_test(test_owners),
	    cmocka_unit_test(test_csv_injection),
	    cmocka_unit_test(test_md_and_txt),
	    cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
