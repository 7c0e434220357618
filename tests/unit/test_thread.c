/*
 * test_thread.c - threads (lib/thread.c): threads as connected groups,
 * a chain far longer than any stack would take recursively, cycles and
 * the reports leading into them, the order of SPEC 2.4 on equal dates,
 * actions by (thread, id), lost actions, and the numbering of new ids.
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
#include "diag_text.h"

static const cr_pos nopos = {0, 0, 0};

/* A report built in code: id, previous (NULL: none), client, date and
 * action ids with a status each ("1:open"). */
static cr_report *
mk(const char *id, const char *prev, const char *client, const char *date,
   const char *acts)
{
	cr_report *r = cr_report_new();
	char buf[256], *tok, *save = NULL;

	assert_non_null(r);
	assert_int_equal(cr_str_set(&r->id, id, nopos), 0);
	r->id_given = 1;
	if (prev != NULL)
		assert_int_equal(cr_str_set(&r->previous, prev, nopos), 0);
	assert_int_equal(cr_str_set(&r->client, client, nopos), 0);
	if (date != NULL)
		assert_int_equal(cr_date_set(&r->date, date, nopos), 0);
	snprintf(buf, sizeof(buf), "%s", acts != NULL ? acts : "");
	for (tok = strtok_r(buf, " ", &save); tok != NULL;
	     tok = strtok_r(NULL, " ", &save)) {
		cr_action a;
		char *colon = strchr(tok, ':');

		memset(&a, 0, sizeof(a));
		assert_non_null(colon);
		*colon = '\0';
		assert_int_equal(cr_str_set(&a.id, tok, nopos), 0);
		assert_int_equal(cr_str_set(&a.status, colon + 1, nopos), 0);
		assert_int_equal(cr_actions_push(r, &a), 0);
		r->actions.items[r->actions.len - 1].id_given = 1;
	}
	assert_int_equal(cr_report_finish(r, NULL), 0);
	return r;
}

static void
build(cr_threads *t, cr_reports *rs)
{
	assert_int_equal(cr_threads_build(t,
					  (const cr_report *const *)rs->items,
					  rs->len, 0),
			 0);
}

static void
push(cr_reports *rs, cr_report *r)
{
	assert_int_equal(cr_reports_push(rs, r), 0);
}

/* ------------------------------------------------------------ threads */

static void
test_groups(void **state)
{
	cr_reports rs = {0};
	cr_threads t;

	(void)state;
	push(&rs, mk("a1", NULL, "A", "2026-11-01", "1:open"));
	push(&rs, mk("b1", NULL, "B", "2026-11-01", "1:open"));
	push(&rs, mk("a2", "a1", "A", "2026-11-02", "1:done"));
	push(&rs, mk("lone", "nowhere", "C", "2026-11-02", NULL));
	build(&t, &rs);
	assert_int_equal(t.nthreads, 3);
	assert_int_equal(t.thread[0], t.thread[2]);
	assert_true(t.thread[0] != t.thread[1]);
	assert_int_equal(t.prev[2], 0);
	assert_int_equal(t.prev[3], CR_NONE);
	assert_int_equal(t.head[t.thread[2]], 0);
	/* 1 of A and 1 of B are two actions */
	assert_int_equal(t.nactions, 2);
	assert_int_equal(cr_threads_action_of(&t, 0, 0)->count, 2);
	assert_int_equal(cr_threads_action_of(&t, 1, 0)->count, 1);
	assert_false(cr_threads_current(&t, 0, 0));
	assert_true(cr_threads_current(&t, 2, 0));
	assert_true(cr_threads_current(&t, 1, 0));
	assert_int_equal(cr_threads_find(&t, "b1"), 1);
	assert_int_equal(cr_threads_find(&t, "zz"), CR_NONE);
	cr_threads_free(&t);
	cr_reports_free(&rs);
}

/* 200,000 reports in one chain, given last first: no recursion, and
 * linear (a quadratic search would take minutes here). */
static void
test_long_chain(void **state)
{
	enum { N = 200000 };
	cr_reports rs = {0};
	cr_threads t;
	char id[32], prev[32];
	size_t i;

	(void)state;
	for (i = N; i-- > 0;) {
		snprintf(id, sizeof(id), "r%zu", i);
		snprintf(prev, sizeof(prev), "r%zu", i - 1);
		/* all on one day: the chain alone orders them */
		push(&rs,
		     mk(id, i > 0 ? prev : NULL, "A", "2026-11-01", "1:open"));
	}
	build(&t, &rs);
	assert_int_equal(t.nthreads, 1);
	assert_int_equal(t.nactions, 1);
	assert_int_equal(t.actions[0].count, N);
	assert_int_equal(t.actions[0].latest, 0);    /* r199999 */
	assert_int_equal(t.actions[0].first, N - 1); /* r0 */
	assert_int_equal(t.head[0], N - 1);
	assert_int_equal(t.nlost, 0);
	for (i = 0; i < N; i++)
		assert_false(t.cycle[i]);
	cr_threads_free(&t);
	cr_reports_free(&rs);
}

/* One cycle of 100,000 reports: found, and every report told, in
 * linear time (a walk round the cycle per report would not end here). */
static void
test_long_cycle(void **state)
{
	enum { N = 100000 };
	cr_reports rs = {0};
	cr_check_opts o;
	cr_diags d;
	char id[32], prev[32];
	size_t i;

	(void)state;
	for (i = 0; i < N; i++) {
		snprintf(id, sizeof(id), "r%zu", i);
		snprintf(prev, sizeof(prev), "r%zu", (i + N - 1) % N);
		push(&rs, mk(id, prev, "A", "2026-11-01", NULL));
	}
	cr_check_opts_init(&o, CR_PROFILE_AGENCY);
	cr_diags_init(&d);
	assert_int_equal(cr_check_collection((const cr_report *const *)rs.items,
					     rs.len, &o, &d),
			 0);
	assert_int_equal(d.len, N);
	assert_int_equal(d.items[0].rule, CR_RULE_PREVIOUS_CYCLE);
	assert_non_null(strstr(diag_msg(&d, 0),
			       "(r0 -> r99999 -> r99998 -> r99997 -> r99996 "
			       "-> r99995 -> ... (100000 reports) -> r0)"));
	cr_diags_free(&d);
	cr_reports_free(&rs);
}

static void
test_cycles(void **state)
{
	cr_reports rs = {0};
	cr_threads t;

	(void)state;
	push(&rs, mk("u", "w", "A", "2026-11-01", NULL));
	push(&rs, mk("v", "u", "A", "2026-11-02", NULL));
	push(&rs, mk("w", "v", "A", "2026-11-03", NULL));
	push(&rs, mk("tail", "u", "A", "2026-11-04", NULL));
	push(&rs, mk("s", "s", "B", "2026-11-01", NULL));
	push(&rs, mk("ok", NULL, "C", "2026-11-01", NULL));
	build(&t, &rs);
	assert_true(t.cycle[0] && t.cycle[1] && t.cycle[2]);
	assert_false(t.cycle[3]);
	assert_true(t.cycle[4]);
	assert_false(t.cycle[5]);
	assert_int_equal(t.nthreads, 3);
	assert_int_equal(t.thread[3], t.thread[0]);
	cr_threads_free(&t);
	cr_reports_free(&rs);
}

/* By date; on equal dates the report whose chain contains the other;
 * then the later input. Undated reports come first. */
static void
test_order(void **state)
{
	cr_reports rs = {0};
	cr_threads t;

	(void)state;
	push(&rs, mk("p", NULL, "A", "2026-11-01", NULL));
	push(&rs, mk("late", "mid", "A", "2026-11-05", NULL));
	push(&rs, mk("mid", "p", "A", "2026-11-05", NULL));
	push(&rs, mk("other", "p", "A", "2026-11-05", NULL));
	push(&rs, mk("undated", "p", "A", NULL, NULL));
	build(&t, &rs);
	assert_true(cr_threads_later(&t, 2, 0));
	assert_true(cr_threads_later(&t, 1, 2));  /* its chain holds mid */
	assert_false(cr_threads_later(&t, 2, 1)); /* though given later */
	assert_true(cr_threads_later(&t, 3, 2));  /* unrelated: later input */
	assert_true(cr_threads_later(&t, 0, 4));
	cr_threads_free(&t);
	cr_reports_free(&rs);
}

static void
test_lost(void **state)
{
	cr_reports rs = {0};
	cr_threads t;

	(void)state;
	push(&rs, mk("p", NULL, "A", "2026-11-01",
		     "1:open 2:blocked 3:done 4:dropped 5:open"));
	push(&rs, mk("n", "p", "A", "2026-11-02", "1:done 5:open"));
	build(&t, &rs);
	assert_int_equal(t.nlost, 1);
	assert_int_equal(t.lost[0].report, 1);
	assert_int_equal(t.lost[0].prev, 0);
	assert_int_equal(t.lost[0].action, 1); /* 2, blocked */
	/* a lost action stays current where it was last listed */
	assert_true(cr_threads_current(&t, 0, 1));
	assert_false(cr_threads_current(&t, 0, 0));
	cr_threads_free(&t);
	cr_reports_free(&rs);
	/* the WIP flag: undated reports link but count no action */
	push(&rs, mk("p", NULL, "A", "2026-11-01", "1:open"));
	push(&rs, mk("u", "p", "A", NULL, "1:open"));
	push(&rs, mk("n", "u", "A", "2026-11-03", "1:open"));
	assert_int_equal(cr_threads_build(&t,
					  (const cr_report *const *)rs.items,
					  rs.len, CR_THREADS_DATED),
			 0);
	assert_int_equal(t.nthreads, 1);
	assert_int_equal(t.nactions, 1);
	assert_int_equal(t.actions[0].count, 2);
	assert_null(cr_threads_action_of(&t, 1, 0));
	assert_int_equal(t.nlost, 0);
	cr_threads_free(&t);
	cr_reports_free(&rs);
}

static void
test_empty(void **state)
{
	cr_threads t;

	(void)state;
	assert_int_equal(cr_threads_build(&t, NULL, 0, 0), 0);
	assert_int_equal(t.nthreads, 0);
	assert_int_equal(cr_threads_find(&t, "x"), CR_NONE);
	assert_null(cr_threads_action_of(&t, 0, 0));
	cr_threads_free(&t);
}

/* ---------------------------------------------------------- numbering */

static void
next_is(const char *const *ids, size_t n, const char *want)
{
	char *got;

	assert_int_equal(cr_action_id_next(ids, n, &got), 0);
	if (want == NULL)
		assert_null(got);
	else
		assert_string_equal(got, want);
	free(got);
}

static void
test_numbering(void **state)
{
	static const char *const acme[] = {"acme-3", "acme-12", "acme-7"};
	static const char *const plain[] = {"1", "2", "10"};
	static const char *const words[] = {"brief", "", NULL};
	static const char *const mixed[] = {"x-2", "9", "brief"};
	static const char *const huge[] = {"a-12345678901"};

	(void)state;
	next_is(acme, 3, "acme-13");
	next_is(plain, 3, "11");
	next_is(words, 3, NULL);
	next_is(mixed, 3, "10");
	next_is(huge, 1, NULL); /* not a count */
	next_is(NULL, 0, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_groups), cmocka_unit_test(test_long_chain),
	    cmocka_unit_test(test_cycles), cmocka_unit_test(test_long_cycle),
	    cmocka_unit_test(test_order),  cmocka_unit_test(test_lost),
	    cmocka_unit_test(test_empty),  cmocka_unit_test(test_numbering),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
