/*
 * test_diag_args.c - the diagnostics' formatter (lib/diag_args.c): every
 * format string of the catalogues, untranslated and as each translation
 * words it (positional "%2$s", "%2$.*1$s" included), packed and formatted
 * gives vsnprintf's text; a list keeps the values, not the text, and
 * formats each message when asked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

static int ncases, nfailed;

static void check(const char *id, const char *tr, ...)
    __attribute__((format(printf, 1, 3)));

/* Packs the values as id reads them, formats them as tr says, and
 * compares with vsnprintf of tr. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
check(const char *id, const char *tr, ...)
{
	char want[4096];
	cr_buf packed, got;
	va_list ap;

	ncases++;
	cr_buf_init(&packed);
	cr_buf_init(&got);
	va_start(ap, tr);
	assert_int_equal(cr_diag_pack(&packed, id, ap), 0);
	va_end(ap);
	va_start(ap, tr);
	vsnprintf(want, sizeof(want), tr, ap);
	va_end(ap);
	cr_buf_puts(&got, "");
	if (cr_diag_render(&got, tr, packed.data) != 0 ||
	    strcmp(got.data, want) != 0) {
		print_error("format \"%s\" as \"%s\":\n  got  \"%s\"\n  want "
			    "\"%s\"\n",
			    id, tr, got.data, want);
		nfailed++;
	}
	cr_buf_free(&packed);
	cr_buf_free(&got);
}
#pragma GCC diagnostic pop

static void
test_catalogue(void **state)
{
	(void)state;
#define CASE(...) check(__VA_ARGS__);
#include "format_cases.h"
#undef CASE
	assert_true(ncases > 400);
	assert_int_equal(nfailed, 0);
}

/* Conversions with flags, widths and precisions the catalogue may come to
 * use, and a NULL string. */
static void
test_forms(void **state)
{
	(void)state;
	ncases = nfailed = 0;
	check("[%5d|%-5d|%05d|%+d]", "[%5d|%-5d|%05d|%+d]", 42, 42, 42, 42);
	check("[%x|%#x|%o|%c]", "[%x|%#x|%o|%c]", 255u, 255u, 8u, 'q');
	check("[%*s|%-*s|%.2s]", "[%*s|%-*s|%.2s]", 6, "ab", 6, "ab", "abc");
	check("[%hhu|%hu|%jd|%td]", "[%hhu|%hu|%jd|%td]", 300u, 70000u,
	      (intmax_t)-5, (ptrdiff_t)-6);
	check("[%lld|%llu|%zu]", "[%3$zu|%2$llu|%1$lld]",
	      -9223372036854775807LL, 18446744073709551615ULL, (size_t)7);
	check("[%.*s] %s", "%2$.*1$s (%3$s)", 3, "abcdef", "x");
	check("100%% %s", "%s: 100%%", "sure");
	assert_int_equal(nfailed, 0);
}

/* A translation that does not fit the values is not used: nothing is
 * appended and 1 says so (cr_diag_message then falls back to English). */
static int
render_with(const char *id, const char *tr, cr_buf *out, ...)
{
	cr_buf packed;
	va_list ap;
	int rc;

	cr_buf_init(&packed);
	va_start(ap, out);
	rc = cr_diag_pack(&packed, id, ap);
	va_end(ap);
	assert_int_equal(rc, 0);
	rc = cr_diag_render(out, tr, packed.data);
	cr_buf_free(&packed);
	return rc;
}

static void
test_mismatch(void **state)
{
	cr_buf out;

	(void)state;
	cr_buf_init(&out);
	cr_buf_puts(&out, "keep");
	assert_int_equal(render_with("%s", "%d", &out, "x"), 1);
	assert_int_equal(render_with("%s", "%2$s", &out, "x"), 1);
	assert_int_equal(render_with("%d", "%f", &out, 1), 1);
	assert_string_equal(out.data, "keep");
	cr_buf_free(&out);
}

/* The list: file names kept once, values packed, messages formatted when
 * asked; a format the packer does not know is formatted at once. */
static void
test_list(void **state)
{
	cr_diags d, e;
	cr_pos p = {3, 4, 4};
	cr_buf b;
	size_t i;

	(void)state;
	cr_diags_init(&d);
	cr_diags_init(&e);
	for (i = 0; i < 100; i++)
		assert_int_equal(cr_diags_add(&d, i % 2 ? "a.yaml" : "b.md", p,
					      CR_RULE_SYNTAX, "n %zu of '%s'",
					      i, "x"),
				 0);
	assert_int_equal(d.nnames, 2);
	assert_int_equal(
	    cr_diags_add(&d, NULL, p, CR_RULE_SYNTAX, "%5.1f", 2.25), 0);
	assert_null(d.items[100].fmt);
	cr_buf_init(&b);
	assert_int_equal(cr_diag_format(&d, &d.items[99], &b), 0);
	assert_int_equal(cr_diag_format(&d, &d.items[100], &b), 0);
	assert_string_equal(b.data, "a.yaml:3:4: error: n 99 of 'x' [syntax]\n"
				    "<stdin>:3:4: error:   2.2 [syntax]\n");
	cr_diags_truncate(&d, 50);
	assert_int_equal(
	    cr_diags_add(&e, "c.md", p, CR_RULE_SYNTAX, "%s", "moved"), 0);
	assert_int_equal(cr_diags_move(&d, &e), 0);
	assert_int_equal(e.len, 0);
	assert_int_equal(d.len, 51);
	assert_string_equal(cr_diag_file(&d, &d.items[50]), "c.md");
	b.len = 0;
	assert_int_equal(cr_diag_message(&d, &d.items[50], &b), 0);
	assert_string_equal(b.data, "moved");
	b.len = 0;
	assert_int_equal(cr_diag_message(&d, &d.items[49], &b), 0);
	assert_string_equal(b.data, "n 49 of 'x'");
	cr_buf_free(&b);
	cr_diags_free(&d);
	cr_diags_free(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_catalogue),
	    cmocka_unit_test(test_forms),
	    cmocka_unit_test(test_mismatch),
	    cmocka_unit_test(test_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
