/*
 * test_check.c - the check API (lib/check.c) from C: options a
 * configuration cannot give (team lists, profiles, re-grading), clock
 * edges, collections and broken reports. Each rule firing and not firing,
 * with exact positions, is a case of tests/lint/ (tests/cli/lint-cases.t).
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

/* A report with no finding at all (agency profile, NOW). Line numbers in
 * the tests below refer to it. */
static const char good[] =
    "id: acme-2026-11-20\n"				  /* 1 */
    "title: Summer launch kick-off\n"			  /* 2 */
    "client: ACME Beverages\n"				  /* 3 */
    "type: meeting\n"					  /* 4 */
    "date: 2026-11-20 14:00 +07:00\n"			  /* 5 */
    "author: Linh Tran\n"				  /* 6 */
    "issued: 2026-11-21 09:30 +07:00\n"			  /* 7 */
    "attendees:\n"					  /* 8 */
    "  - Linh Tran (Account Executive, Sunrise Agency)\n" /* 9 */
    "  - Nguyen Van An (Brand Manager, ACME Beverages)\n" /* 10 */
    "discussion:\n"					  /* 11 */
    "  - TVC budget reduced to 1.2 bn VND.\n"		  /* 12 */
    "agreements:\n"					  /* 13 */
    "  - Client approves creative route B.\n"		  /* 14 */
    "actions:\n"					  /* 15 */
    "  - id: acme-7\n"					  /* 16 */
    "    what: Send the revised media plan\n"		  /* 17 */
    "    who: Linh Tran\n"				  /* 18 */
    "    due: 2026-11-25\n"				  /* 19 */
    "next_contact: 2026-11-27\n";			  /* 20 */

#define NOW "2026-11-22 10:00 +07:00"

struct run {
	cr_reports rs;
	cr_diags d;
	char *text;
};

static long long
when(const char *s)
{
	cr_datetime dt;

	assert_int_equal(cr_datetime_parse(s, &dt), 0);
	cr_datetime_resolve(&dt, NULL);
	return cr_datetime_epoch(&dt, 0);
}

/* good with the first occurrence of `from` replaced by `to`. */
static char *
subst(const char *base, const char *from, const char *to)
{
	const char *at = strstr(base, from);
	size_t n;
	char *s;

	if (at == NULL)
		fail_msg("'%s' not in the text", from);
	n = strlen(base) - strlen(from) + strlen(to) + 1;
	s = malloc(n);
	assert_non_null(s);
	snprintf(s, n, "%.*s%s%s", (int)(at - base), base, to,
		 at + strlen(from));
	return s;
}

static void
lint_opts(struct run *x, char *text, const cr_check_opts *o)
{
	cr_read_opts ro = {CR_FORM_YAML, "t.yaml", "t"};
	size_t i;

	memset(x, 0, sizeof(*x));
	x->text = text;
	assert_int_equal(cr_read(text, strlen(text), &ro, &x->rs, &x->d), 0);
	for (i = 0; i < x->rs.len; i++)
		assert_int_equal(cr_check_report(x->rs.items[i], o, &x->d), 0);
	assert_int_equal(
	    cr_check_collection((const cr_report *const *)x->rs.items,
				x->rs.len, o, &x->d),
	    0);
	cr_diags_apply(&x->d, 0, o);
}

/* Lints text (taken, freed by done) in the agency profile at `now`. */
static void
lint(struct run *x, char *text, const char *now)
{
	cr_check_opts o;

	cr_check_opts_init(&o, CR_PROFILE_AGENCY);
	o.now = when(now);
	o.now_offset = 420;
	lint_opts(x, text, &o);
}

static void
done(struct run *x)
{
	cr_reports_free(&x->rs);
	cr_diags_free(&x->d);
	free(x->text);
}

static size_t
count(const struct run *x, cr_rule rule)
{
	size_t i, n = 0;

	for (i = 0; i < x->d.len; i++)
		n += x->d.items[i].rule == rule;
	return n;
}

static void
dump(const struct run *x)
{
	size_t i;

	for (i = 0; i < x->d.len; i++)
		print_message("  %d:%d %s %s\n", x->d.items[i].pos.line,
			      x->d.items[i].pos.column,
			      cr_rule_name(x->d.items[i].rule),
			      diag_msg(&x->d, i));
}

/* Asserts that rule fired at line:col; returns its message. */
static const char *
expect(const struct run *x, cr_rule rule, int line, int col)
{
	size_t i;

	for (i = 0; i < x->d.len; i++)
		if (x->d.items[i].rule == rule &&
		    x->d.items[i].pos.line == line &&
		    x->d.items[i].pos.column == col)
			return diag_msg(&x->d, i);
	dump(x);
	fail_msg("no %s at %d:%d", cr_rule_name(rule), line, col);
	return NULL;
}

static void
expect_none(const struct run *x, cr_rule rule)
{
	if (count(x, rule) != 0) {
		dump(x);
		fail_msg("unexpected %s", cr_rule_name(rule));
	}
}

/* Lints good with one substitution and expects exactly one finding. */
static void
contains(const char *msg, const char *part)
{
	if (strstr(msg, part) == NULL)
		fail_msg("'%s' not in '%s'", part, msg);
}

/* only(), then the message must contain `part`. */
static void
test_good(void **state)
{
	struct run x;

	(void)state;
	lint(&x, strdup(good), NOW);
	if (x.d.len != 0)
		dump(&x);
	assert_int_equal(x.d.len, 0);
	done(&x);
}

static void
test_missing_field(void **state)
{
	struct run x;

	(void)state;
	lint(&x, subst(good, "attendees:\n", "attendees: []\nx-a:\n"), NOW);
	expect(&x, CR_RULE_MISSING_FIELD, 8, 12);
	done(&x);
}

static void
test_bad_value(void **state)
{
	struct run x;

	(void)state;
	/* every value of the enums is accepted */
	lint(&x,
	     subst(good, "type: meeting",
		   "type: video\noutcome: reached\nconfidentiality: internal\n"
		   "language: vi"),
	     NOW);
	expect_none(&x, CR_RULE_BAD_VALUE);
	done(&x);
}

static void
test_no_agreements_actions(void **state)
{
	struct run x;

	(void)state;
	lint(&x,
	     subst(good,
		   "actions:\n  - id: acme-7\n    what: Send the revised media "
		   "plan\n    who: Linh Tran\n    due: 2026-11-25\n",
		   ""),
	     NOW);
	expect(&x, CR_RULE_NO_ACTIONS, 1, 1);
	assert_int_equal(x.d.len, 1);
	done(&x);
}

static void
test_owner(void **state)
{
	struct run x;
	cr_check_opts o;
	const char *team[] = {"Bob"};

	(void)state;
	/* a team name from the options owns actions too */
	cr_check_opts_init(&o, CR_PROFILE_AGENCY);
	o.now = when(NOW);
	o.team = team;
	o.nteam = 1;
	lint_opts(&x, subst(good, "who: Linh Tran", "who: bob"), &o);
	assert_int_equal(x.d.len, 0);
	done(&x);
}

static void
test_due_before_contact(void **state)
{
	struct run x;

	(void)state;
	/* the contact's own day, and an earlier time of that day */
	lint(&x, subst(good, "due: 2026-11-25", "due: 2026-11-20"), NOW);
	expect_none(&x, CR_RULE_ACTION_DUE_BEFORE_CONTACT);
	done(&x);
}

static void
test_overdue(void **state)
{
	struct run x;

	(void)state;
	/* a date alone is due until the end of that day, in the report's
	 * offset (+07:00) whatever the offset of now */
	lint(&x, strdup(good), "2026-11-25 23:59:59 +07:00");
	expect_none(&x, CR_RULE_ACTION_OVERDUE);
	done(&x);
	lint(&x, strdup(good), "2026-11-25 16:59:59Z");
	expect_none(&x, CR_RULE_ACTION_OVERDUE);
	done(&x);
	lint(&x, strdup(good), "2026-11-25 17:00:00Z");
	/* (one calendar day in the +07:00 of now) */
	contains(expect(&x, CR_RULE_ACTION_OVERDUE, 19, 10), "(1 day ago)");
	done(&x);
	lint(&x, strdup(good), "2026-11-26 00:00 +07:00");
	contains(expect(&x, CR_RULE_ACTION_OVERDUE, 19, 10), "(1 day ago)");
	done(&x);
	/* a due with a time is overdue from that moment */
	lint(&x, subst(good, "due: 2026-11-25", "due: 2026-11-22 09:59"), NOW);
	expect(&x, CR_RULE_ACTION_OVERDUE, 19, 10);
	done(&x);
	/* dropped actions never are */
	lint(&x,
	     subst(good, "due: 2026-11-25",
		   "due: 2026-11-21\n    status: dropped"),
	     NOW);
	expect_none(&x, CR_RULE_ACTION_OVERDUE);
	done(&x);
}

static void
test_issued(void **state)
{
	struct run x;
	cr_check_opts o;

	(void)state;
	/* the fundraising profile allows 120 hours */
	cr_check_opts_init(&o, CR_PROFILE_FUNDRAISING);
	o.now = when(NOW);
	lint_opts(
	    &x,
	    subst(good, "issued: 2026-11-21 09:30", "issued: 2026-11-22 14:01"),
	    &o);
	assert_int_equal(x.d.len, 0);
	done(&x);
}

static void
test_next_contact(void **state)
{
	struct run x;
	cr_check_opts o;

	(void)state;
	/* off in the agency profile */
	cr_check_opts_init(&o, CR_PROFILE_FUNDRAISING);
	assert_int_equal(o.max_issue_hours, 120);
	assert_int_equal(o.severity[CR_RULE_NO_NEXT_CONTACT], CR_SEV_ERROR);
	o.now = when(NOW);
	lint_opts(&x, subst(good, "next_contact: 2026-11-27\n", ""), &o);
	assert_int_equal(x.d.len, 1);
	contains(expect(&x, CR_RULE_NO_NEXT_CONTACT, 1, 1),
		 "'next_contact: 2026-11-27'");
	assert_int_equal(x.d.items[0].severity, CR_SEV_ERROR);
	done(&x);
}

static void
test_collection(void **state)
{
	struct run x;
	cr_check_opts o;
	cr_diags d;

	(void)state;
	/* nothing to check */
	cr_check_opts_init(&o, CR_PROFILE_AGENCY);
	cr_diags_init(&d);
	assert_int_equal(cr_check_collection(NULL, 0, &o, &d), 0);
	assert_int_equal(d.len, 0);
	/* two documents of one stream share the id */
	lint(&x,
	     subst(good, "next_contact: 2026-11-27\n",
		   "next_contact: 2026-11-27\n---\n"),
	     NOW);
	{
		/* the second document is empty: no second report */
		assert_int_equal(x.rs.len, 1);
	}
	done(&x);
	{
		char *two = malloc(2 * sizeof(good) + 8);
		assert_non_null(two);
		snprintf(two, 2 * sizeof(good) + 8, "%s---\n%s", good, good);
		lint(&x, two, NOW);
		contains(expect(&x, CR_RULE_DUPLICATE_ID, 22, 5), "t.yaml:1");
		assert_int_equal(x.d.len, 1);
		done(&x);
	}
	{
		const char *prev = "previous: acme-2026-11-20\nnext_contact";
		char *a =
		    subst(good, "id: acme-2026-11-20", "id: acme-2026-11-27");
		char *b = subst(a, "next_contact", prev);
		char *two = malloc(strlen(b) + sizeof(good) + 8);
		assert_non_null(two);
		sprintf(two, "%s---\n%s", good, b);
		free(a);
		free(b);
		lint(&x, two, NOW);
		assert_int_equal(x.d.len, 0);
		done(&x);
	}
}

static void
test_apply(void **state)
{
	struct run x;
	cr_check_opts o;

	(void)state;
	cr_check_opts_init(&o, CR_PROFILE_AGENCY);
	o.now = when(NOW);
	o.severity[CR_RULE_PLACEHOLDER] = CR_SEV_OFF;
	o.severity[CR_RULE_UNKNOWN_FIELD] = CR_SEV_ERROR;
	o.severity[CR_RULE_BAD_VALUE] = CR_SEV_NOTE;
	lint_opts(&x,
		  subst(good, "title: Summer launch kick-off",
			"title: TODO\ntitel: x\ntype: meeting"),
		  &o);
	/* placeholder off; unknown-field (from the reader) now an error;
	 * the duplicate 'type' key stays as the reader graded it */
	expect_none(&x, CR_RULE_PLACEHOLDER);
	assert_int_equal(x.d.len, 2);
	expect(&x, CR_RULE_UNKNOWN_FIELD, 3, 1);
	expect(&x, CR_RULE_DUPLICATE_FIELD, 6, 1);
	{
		size_t i;
		for (i = 0; i < x.d.len; i++)
			assert_int_equal(x.d.items[i].severity, CR_SEV_ERROR);
	}
	done(&x);
	lint_opts(&x, subst(good, "type: meeting", "type: meet"), &o);
	assert_int_equal(x.d.len, 1);
	assert_int_equal(x.d.items[0].severity, CR_SEV_NOTE);
	done(&x);
}

static void
test_broken_skipped(void **state)
{
	struct run x;

	(void)state;
	lint(&x, strdup("title: [unclosed\n"), NOW);
	assert_int_equal(count(&x, CR_RULE_SYNTAX), 1);
	assert_int_equal(x.d.len, 1);
	done(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_good),
	    cmocka_unit_test(test_missing_field),
	    cmocka_unit_test(test_bad_value),
	    cmocka_unit_test(test_no_agreements_actions),
	    cmocka_unit_test(test_owner),
	    cmocka_unit_test(test_due_before_contact),
	    cmocka_unit_test(test_overdue),
	    cmocka_unit_test(test_issued),
	    cmocka_unit_test(test_next_contact),
	    cmocka_unit_test(test_collection),
	    cmocka_unit_test(test_apply),
	    cmocka_unit_test(test_broken_skipped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
