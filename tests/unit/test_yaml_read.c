/* test_yaml_read.c - the YAML reader: model, positions, hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "crtools.h"
#include "diag_text.h"

static const char spec_example[] =
    "id: acme-2026-11-20\n"
    "title: Summer launch kick-off\n"
    "client: ACME Beverages\n"
    "project: Summer launch 2027\n"
    "type: meeting\n"
    "date: 2026-11-20 14:00 +07:00\n"
    "location: ACME HQ, Ho Chi Minh City\n"
    "author: Linh Tran\n"
    "issued: 2026-11-21 09:30 +07:00\n"
    "attendees:\n"
    "  - Linh Tran (Account Executive, Sunrise Agency) <linh@sunrise.example>\n"
    "  - name: Nguyen Van An\n"
    "    role: Brand Manager\n"
    "    org: ACME Beverages\n"
    "    email: an@acme.example\n"
    "discussion:\n"
    "  - TVC budget reduced to **1.2 bn VND**.\n"
    "agreements:\n"
    "  - Client approves creative route B.\n"
    "actions:\n"
    "  - id: acme-7\n"
    "    what: Send the revised media plan\n"
    "    who: Linh Tran\n"
    "    due: 2026-11-25\n"
    "next_contact: 2026-11-27\n"
    "internal:\n"
    "  - The client hinted at a pitch for the Tet campaign.\n";

struct result {
	cr_reports rs;
	cr_diags d;
};

static void
read_text(struct result *res, const char *text, size_t len, const char *id)
{
	cr_read_opts o = {CR_FORM_YAML, "t.yaml", id};

	memset(res, 0, sizeof(*res));
	assert_int_equal(cr_read(text, len, &o, &res->rs, &res->d), 0);
}

static void
result_free(struct result *res)
{
	cr_reports_free(&res->rs);
	cr_diags_free(&res->d);
}

/* Asserts that diagnostic i is rule at line:col. */
static void
expect_diag(const cr_diags *d, size_t i, cr_rule rule, int line, int col)
{
	assert_true(i < d->len);
	if (d->items[i].rule != rule || d->items[i].pos.line != line ||
	    d->items[i].pos.column != col)
		fail_msg("diag %zu: got %s at %d:%d (%s), want %s at %d:%d", i,
			 cr_rule_name(d->items[i].rule), d->items[i].pos.line,
			 d->items[i].pos.column, diag_msg(d, i),
			 cr_rule_name(rule), line, col);
}

static void
test_spec_example(void **state)
{
	struct result res;
	const cr_report *r;
	char buf[32];

	(void)state;
	read_text(&res, spec_example, strlen(spec_example), "ignored");
	assert_int_equal(res.d.len, 0);
	assert_int_equal(res.rs.len, 1);
	r = res.rs.items[0];
	assert_false(r->broken);
	assert_string_equal(r->id.s, "acme-2026-11-20");
	assert_true(r->id_given);
	assert_string_equal(r->title.s, "Summer launch kick-off");
	assert_int_equal(r->title.pos.line, 2);
	assert_int_equal(r->title.pos.column, 8);
	assert_int_equal(cr_report_type(r), CR_TYPE_MEETING);
	assert_int_equal(cr_report_outcome(r), CR_OUTCOME_REACHED);
	assert_int_equal(cr_report_conf(r), CR_CONF_CLIENT);
	assert_int_equal(cr_report_lang(r), CR_LANG_EN);
	assert_true(r->date.valid);
	assert_int_equal(r->date.dt.offset, 7 * 60);
	cr_datetime_format(&r->date.dt, buf);
	assert_string_equal(buf, "2026-11-20T14:00:00+07:00");
	assert_int_equal(r->attendees.len, 2);
	assert_string_equal(r->attendees.items[0].name.s, "Linh Tran");
	assert_string_equal(r->attendees.items[0].role.s, "Account Executive");
	assert_string_equal(r->attendees.items[0].org.s, "Sunrise Agency");
	assert_string_equal(r->attendees.items[0].email.s,
			    "linh@sunrise.example");
	assert_string_equal(r->attendees.items[1].name.s, "Nguyen Van An");
	assert_string_equal(r->attendees.items[1].org.s, "ACME Beverages");
	assert_int_equal(r->attendees.items[1].pos.line, 12);
	assert_int_equal(r->discussion.len, 1);
	assert_string_equal(r->discussion.items[0].s,
			    "TVC budget reduced to **1.2 bn VND**.");
	assert_int_equal(r->actions.len, 1);
	assert_string_equal(r->actions.items[0].id.s, "acme-7");
	assert_string_equal(r->actions.items[0].who.s, "Linh Tran");
	assert_true(r->actions.items[0].due.valid);
	assert_false(r->actions.items[0].due.dt.has_time);
	assert_int_equal(r->actions.items[0].due.dt.offset, 7 * 60);
	assert_int_equal(cr_action_status(&r->actions.items[0]),
			 CR_STATUS_OPEN);
	assert_int_equal(r->internal.len, 1);
	result_free(&res);
}

static void
test_default_ids(void **state)
{
	static const char text[] = "title: x\nactions:\n"
				   "  - what: a\n  - id: k\n    what: b\n"
				   "  - what: c\n";
	struct result res;

	(void)state;
	read_text(&res, text, strlen(text), "r1");
	assert_string_equal(res.rs.items[0]->id.s, "r1");
	assert_false(res.rs.items[0]->id_given);
	assert_string_equal(res.rs.items[0]->actions.items[0].id.s, "r1-1");
	assert_string_equal(res.rs.items[0]->actions.items[1].id.s, "k");
	assert_string_equal(res.rs.items[0]->actions.items[2].id.s, "r1-3");
	result_free(&res);
}

static void
test_duplicate_and_unknown(void **state)
{
	static const char text[] = "title: a\n"
				   "atendees: [x]\n"
				   "title: b\n"
				   "x-crm: 42\n";
	struct result res;

	(void)state;
	read_text(&res, text, strlen(text), NULL);
	assert_int_equal(res.d.len, 2);
	cr_diags_sort(&res.d, 0);
	expect_diag(&res.d, 0, CR_RULE_UNKNOWN_FIELD, 2, 1);
	assert_non_null(strstr(diag_msg(&res.d, 0), "'attendees'"));
	expect_diag(&res.d, 1, CR_RULE_DUPLICATE_FIELD, 3, 1);
	assert_non_null(strstr(diag_msg(&res.d, 1), "first at 1:1"));
	/* the first value wins */
	assert_string_equal(res.rs.items[0]->title.s, "a");
	/* the unknown key is kept, in file order with the extension */
	assert_int_equal(res.rs.items[0]->ext.len, 2);
	assert_string_equal(res.rs.items[0]->ext.items[0].key, "atendees");
	assert_true(res.rs.items[0]->ext.items[0].unknown);
	assert_string_equal(res.rs.items[0]->ext.items[1].key, "x-crm");
	assert_false(res.rs.items[0]->ext.items[1].unknown);
	assert_string_equal(res.rs.items[0]->ext.items[1].value->value, "42");
	result_free(&res);
}

static void
test_wrong_types(void **state)
{
	static const char text[] = "title: [a, b]\n"
				   "attendees: Linh\n"
				   "agreements:\n  - {a: b}\n"
				   "actions:\n  - just text\n";
	struct result res;

	(void)state;
	read_text(&res, text, strlen(text), NULL);
	assert_int_equal(res.d.len, 4);
	expect_diag(&res.d, 0, CR_RULE_BAD_VALUE, 1, 8);
	expect_diag(&res.d, 1, CR_RULE_BAD_VALUE, 2, 12);
	expect_diag(&res.d, 2, CR_RULE_BAD_VALUE, 4, 5);
	expect_diag(&res.d, 3, CR_RULE_BAD_VALUE, 6, 5);
	assert_false(res.rs.items[0]->broken);
	result_free(&res);
}

static void
test_encoding_positions(void **state)
{
	/* "与会者" is 3 characters (9 bytes), 6 display columns: the bad
	 * byte is display column 15, code point 12. */
	static const char text[] = "title: ok\nclient: 与会者\xff!\n";
	static const char nul[] = "title: a\0b\n";
	struct result res;

	(void)state;
	read_text(&res, text, strlen(text), NULL);
	expect_diag(&res.d, 0, CR_RULE_ENCODING, 2, 15);
	assert_int_equal(res.d.items[0].pos.cp, 12);
	assert_true(res.rs.items[0]->broken);
	/* parsing went on with U+FFFD in place of the byte */
	assert_string_equal(res.rs.items[0]->client.s, "与会者\xef\xbf\xbd!");
	result_free(&res);

	read_text(&res, nul, sizeof(nul) - 1, NULL);
	expect_diag(&res.d, 0, CR_RULE_ENCODING, 1, 9);
	result_free(&res);
}

static void
test_bom_crlf(void **state)
{
	static const char text[] = "\xef\xbb\xbftitle: a\r\nclient: [\r\n";
	struct result res;

	(void)state;
	read_text(&res, text, strlen(text), NULL);
	assert_int_equal(res.d.len, 1);
	assert_int_equal(res.d.items[0].rule, CR_RULE_SYNTAX);
	assert_int_equal(res.d.items[0].pos.line, 3);
	assert_true(res.rs.items[0]->broken);
	result_free(&res);
}

static void
test_utf16(void **state)
{
	static const char text[] = "\xff\xfet\0i\0";
	struct result res;

	(void)state;
	read_text(&res, text, sizeof(text) - 1, NULL);
	expect_diag(&res.d, 0, CR_RULE_ENCODING, 1, 1);
	assert_non_null(strstr(diag_msg(&res.d, 0), "UTF-16LE"));
	result_free(&res);
}

static void
test_syntax_position(void **state)
{
	static const char text[] = "title: a\nclient: b\n  bad: indent\n";
	struct result res;

	(void)state;
	read_text(&res, text, strlen(text), NULL);
	assert_int_equal(res.d.len, 1);
	expect_diag(&res.d, 0, CR_RULE_SYNTAX, 3, 6);
	assert_int_equal(res.rs.len, 1);
	assert_true(res.rs.items[0]->broken);
	result_free(&res);
}

static void
test_multi_document(void **state)
{
	static const char text[] = "title: one\n---\ntitle: two\n---\n";
	struct result res;

	(void)state;
	read_text(&res, text, strlen(text), "s");
	assert_int_equal(res.d.len, 0);
	assert_int_equal(res.rs.len, 2);
	assert_string_equal(res.rs.items[0]->id.s, "s-1");
	assert_string_equal(res.rs.items[1]->id.s, "s-2");
	assert_int_equal(res.rs.items[1]->pos.line, 3);
	result_free(&res);
}

static void
test_empty(void **state)
{
	struct result res;

	(void)state;
	read_text(&res, "", 0, NULL);
	expect_diag(&res.d, 0, CR_RULE_SYNTAX, 1, 1);
	assert_true(res.rs.items[0]->broken);
	result_free(&res);
	read_text(&res, "  \n\n", 4, NULL);
	expect_diag(&res.d, 0, CR_RULE_SYNTAX, 1, 1);
	result_free(&res);
	read_text(&res, "just a string\n", 14, NULL);
	expect_diag(&res.d, 0, CR_RULE_SYNTAX, 1, 1);
	result_free(&res);
}

static void
test_alias_bomb(void **state)
{
	cr_buf b;
	struct result res;
	int i, j;

	(void)state;
	cr_buf_init(&b);
	cr_buf_puts(&b, "a0: &a0 [\"xxxxxxxxxxxxxxxx\"]\n");
	for (i = 1; i < 30; i++) {
		cr_buf_printf(&b, "a%d: &a%d [", i, i);
		for (j = 0; j < 9; j++)
			cr_buf_printf(&b, "%s*a%d", j ? ", " : "", i - 1);
		cr_buf_puts(&b, "]\n");
	}
	read_text(&res, b.data, b.len, NULL);
	assert_true(res.d.len >= 1);
	assert_int_equal(res.d.items[res.d.len - 1].rule, CR_RULE_LIMIT);
	assert_true(res.rs.items[0]->broken);
	result_free(&res);
	cr_buf_free(&b);
}

static void
test_small_alias_ok(void **state)
{
	static const char text[] = "x-people: &p [a, b]\nx-copy: *p\n";
	struct result res;

	(void)state;
	read_text(&res, text, strlen(text), NULL);
	assert_int_equal(res.d.len, 0);
	assert_int_equal(res.rs.items[0]->ext.len, 2);
	assert_int_equal(res.rs.items[0]->ext.items[1].value->len, 2);
	result_free(&res);
}

static void
test_deep_nesting(void **state)
{
	struct result res;
	char *text;
	size_t n = 10000, i;

	(void)state;
	text = malloc(n + 1);
	memset(text, '[', n);
	text[n] = '\0';
	read_text(&res, text, n, NULL);
	expect_diag(&res.d, 0, CR_RULE_LIMIT, 1, 65);
	result_free(&res);
	free(text);

	/* block style: "- - - ..." then a scalar */
	text = malloc(2 * n + 2);
	for (i = 0; i < n; i++)
		memcpy(text + 2 * i, "- ", 2);
	memcpy(text + 2 * n, "x", 2);
	read_text(&res, text, 2 * n + 1, NULL);
	expect_diag(&res.d, 0, CR_RULE_LIMIT, 1, 129);
	result_free(&res);
	free(text);
}

static void
test_size_limit(void **state)
{
	size_t n = CR_MAX_FILE_BYTES + 1;
	char *text = malloc(n);
	struct result res;

	(void)state;
	memset(text, '#', n);
	read_text(&res, text, n, NULL);
	expect_diag(&res.d, 0, CR_RULE_LIMIT, 1, 1);
	assert_non_null(strstr(diag_msg(&res.d, 0), "16 MiB"));
	result_free(&res);
	free(text);
}

static void
test_dates(void **state)
{
	cr_datetime dt;
	char buf[32];

	(void)state;
	assert_int_equal(cr_datetime_parse("2026-11-20", &dt), 0);
	assert_false(dt.has_time);
	assert_int_equal(cr_datetime_parse("2026-11-20T14:00:00Z", &dt), 0);
	assert_true(dt.has_offset);
	assert_int_equal(dt.offset, 0);
	assert_int_equal(cr_datetime_parse("2026-11-20 14:00 -05:30", &dt), 0);
	assert_int_equal(dt.offset, -330);
	cr_datetime_format(&dt, buf);
	assert_string_equal(buf, "2026-11-20T14:00:00-05:30");
	assert_int_equal(cr_datetime_parse("2026-11-20 14:00+07:00", &dt), 0);
	assert_int_equal(dt.offset, 420);
	assert_int_equal(cr_datetime_parse("2026-02-29", &dt), -1);
	assert_int_equal(cr_datetime_parse("2028-02-29", &dt), 0);
	assert_int_equal(cr_datetime_parse("2026-13-01", &dt), -1);
	assert_int_equal(cr_datetime_parse("ASAP", &dt), -1);
	assert_int_equal(cr_datetime_parse("2026-11-20 25:00", &dt), -1);
	assert_int_equal(cr_datetime_parse("2026-11-20x", &dt), -1);
	/* a date alone ends at 23:59:59 in its offset */
	assert_int_equal(cr_datetime_parse("2026-11-25", &dt), 0);
	dt.offset = 420;
	assert_int_equal(cr_datetime_epoch(&dt, 1) - cr_datetime_epoch(&dt, 0),
			 86399);
	cr_datetime_from_epoch(cr_datetime_epoch(&dt, 1), 420, &dt);
	cr_datetime_format(&dt, buf);
	assert_string_equal(buf, "2026-11-25T23:59:59+07:00");
}

/* cr_datetime_format by hand against snprintf's formatting of the same
 * fields (the format it replaced), over every offset and a spread of
 * dates and times, and where it falls back to snprintf. */
static void
test_date_format(void **state)
{
	static const int years[] = {0, 7, 99, 1999, 2026, 9999, 12026, -5};
	cr_datetime dt;
	char buf[32], want[32];
	size_t i;
	int off, k;

	(void)state;
	memset(&dt, 0, sizeof(dt));
	for (i = 0; i < sizeof(years) / sizeof(*years); i++)
		for (off = -1439; off <= 1439; off += 7)
			for (k = 0; k < 2; k++) {
				int a = off < 0 ? -off : off;

				dt.year = years[i];
				dt.month = 1 + (int)(i + (size_t)a) % 12;
				dt.day = 1 + a % 31;
				dt.hour = a % 24;
				dt.minute = a % 60;
				dt.second = (a * 7) % 60;
				dt.has_time = k;
				dt.offset = off;
				if (!k)
					snprintf(want, sizeof(want),
						 "%04d-%02d-%02d",
						 dt.year % 10000, dt.month,
						 dt.day);
				else
					snprintf(want, sizeof(want),
						 "%04d-%02d-%02dT%02d:%02d:%02d"
						 "%c%02d:%02d",
						 dt.year % 10000, dt.month,
						 dt.day, dt.hour, dt.minute,
						 dt.second, off < 0 ? '-' : '+',
						 a / 60 % 100, a % 60);
				cr_datetime_format(&dt, buf);
				assert_string_equal(buf, want);
			}
	dt.year = 2026;
	dt.month = 11;
	dt.day = 20;
	dt.has_time = 0;
	cr_datetime_format(&dt, buf);
	assert_string_equal(buf, "2026-11-20");
}

static void
test_persons(void **state)
{
	cr_person p;
	cr_pos pos = {1, 1, 1};
	cr_buf b;

	(void)state;
	assert_int_equal(
	    cr_person_parse("Anna (CEO, Big, Co) <a@b.example>", pos, &p), 0);
	assert_string_equal(p.name.s, "Anna");
	assert_string_equal(p.role.s, "CEO, Big");
	assert_string_equal(p.org.s, "Co");
	assert_string_equal(p.email.s, "a@b.example");
	assert_false(cr_person_plain(&p) == 0);
	cr_person_clear(&p);
	assert_int_equal(cr_person_parse("Lê Văn (Giám đốc)", pos, &p), 0);
	assert_string_equal(p.name.s, "Lê Văn");
	assert_string_equal(p.role.s, "Giám đốc");
	assert_null(p.org.s);
	cr_buf_init(&b);
	cr_person_format(&p, &b);
	assert_string_equal(b.data, "Lê Văn (Giám đốc)");
	cr_buf_free(&b);
	cr_person_clear(&p);
	/* an org with a comma cannot be written as a string */
	memset(&p, 0, sizeof(p));
	p.name.s = "X";
	p.org.s = "A, B";
	assert_false(cr_person_plain(&p));
}

static void
test_sniff(void **state)
{
	(void)state;
	assert_int_equal(cr_sniff("title: a\n", 9), CR_FORM_YAML);
	assert_int_equal(cr_sniff("---\nid: a\n---\n# T\n", 18), CR_FORM_MD);
	assert_int_equal(cr_sniff("---\nid: a\n---\nid: b\n", 20),
			 CR_FORM_YAML);
	assert_int_equal(cr_sniff("# T\n\n## Attendees\n", 18), CR_FORM_MD);
	assert_int_equal(cr_sniff("# comment\ntitle: a\n", 19), CR_FORM_YAML);
	assert_int_equal(cr_sniff("", 0), CR_FORM_YAML);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_spec_example),
	    cmocka_unit_test(test_default_ids),
	    cmocka_unit_test(test_duplicate_and_unknown),
	    cmocka_unit_test(test_wrong_types),
	    cmocka_unit_test(test_encoding_positions),
	    cmocka_unit_test(test_bom_crlf),
	    cmocka_unit_test(test_utf16),
	    cmocka_unit_test(test_syntax_position),
	    cmocka_unit_test(test_multi_document),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_alias_bomb),
	    cmocka_unit_test(test_small_alias_ok),
	    cmocka_unit_test(test_deep_nesting),
	    cmocka_unit_test(test_size_limit),
	    cmocka_unit_test(test_dates),
	    cmocka_unit_test(test_date_format),
	    cmocka_unit_test(test_persons),
	    cmocka_unit_test(test_sniff),
	};

	return cmocka_run_group_tests_name("yaml_read", tests, NULL, NULL);
}
