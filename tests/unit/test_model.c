/*
 * test_model.c - the field tables and the equality oracle that the round
 * trip and fixed-point tests rest on: cr_report_equal must see a change
 * to any field of a report, of an action, of a person and of an
 * extension, one at a time, and must not see the order or spelling
 * differences the format allows (absent enum == its default, dates in
 * any ISO form).
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

/* A report with every field given (lists with two entries). */
static const char full[] =
    "id: r-1\n"
    "title: Kick-off\n"
    "client: ACME\n"
    "project: Summer\n"
    "type: meeting\n"
    "outcome: reached\n"
    "date: 2026-11-20 14:00 +07:00\n"
    "location: HQ\n"
    "author: Linh\n"
    "issued: 2026-11-21 09:00 +07:00\n"
    "confidentiality: client\n"
    "language: en\n"
    "attendees:\n"
    "  - Linh (AE, Sunrise) <linh@sunrise.example>\n"
    "  - An (BM, ACME) <an@acme.example>\n"
    "absent: [Binh (CFO, ACME) <b@acme.example>, Chi]\n"
    "distribution: [Dung (MD, Sunrise) <d@sunrise.example>, Em]\n"
    "stage: ideas\n"
    "previous: r-0\n"
    "next_contact: 2026-11-27\n"
    "tags: [tv, launch]\n"
    "agenda: [Routes, Budget]\n"
    "discussion: [Budget cut, Route B liked]\n"
    "agreements: [Route B, Budget 1.2 bn]\n"
    "actions:\n"
    "  - {id: a-1, what: Plan, who: Linh, due: 2026-11-25, status: open,"
    " note: soon, x-crm: 7}\n"
    "  - {id: a-2, what: Book, who: An, due: 2026-11-26, status: done}\n"
    "internal: [Pitch hint, Watch budget]\n"
    "confirmations:\n"
    "  - An (2026-11-21 10:00): add the cap\n"
    "  - {name: Dung, at: 2026-11-22, note: fine}\n"
    "x-crm-id: 42\n";

static cr_report *
read_full(void)
{
	cr_read_opts o = {CR_FORM_YAML, "t", "t"};
	cr_reports rs = {NULL, 0, 0};
	cr_diags d;
	cr_report *r;

	cr_diags_init(&d);
	assert_int_equal(cr_read(full, strlen(full), &o, &rs, &d), 0);
	assert_int_equal(rs.len, 1);
	assert_int_equal(cr_diags_count(&d, 0, CR_SEV_NOTE), 0);
	cr_diags_free(&d);
	r = rs.items[0];
	rs.len = 0;
	cr_reports_free(&rs);
	return r;
}

/* Another text for a cr_str: the enum's next value, or a changed text. */
static void
change_str(cr_str *s, const char *const *values)
{
	const char *v = "changed";
	size_t i;

	if (values != NULL) {
		for (i = 0; values[i] != NULL; i++)
			if (s->s != NULL && strcmp(s->s, values[i]) == 0)
				break;
		v = values[i] != NULL && values[i + 1] != NULL ? values[i + 1]
							       : values[0];
	}
	assert_int_equal(cr_str_set(s, v, s->pos), 0);
}

static void
change_date(cr_date *d)
{
	assert_int_equal(cr_date_set(d, "2027-01-02", d->raw.pos), 0);
}

static void
expect_unequal(const cr_report *a, cr_report *b, const char *what)
{
	if (cr_report_equal(a, b))
		fail_msg("a change to %s is not seen", what);
	if (cr_report_equal(b, a))
		fail_msg("a change to %s is not seen (reversed)", what);
	cr_report_free(b);
}

static void
test_equal_to_itself(void **state)
{
	cr_report *a = read_full(), *b = read_full();

	(void)state;
	assert_true(cr_report_equal(a, b));
	assert_true(cr_report_equal(a, a));
	cr_report_free(a);
	cr_report_free(b);
}

static void
test_every_report_field(void **state)
{
	cr_report *a = read_full();
	size_t f;

	(void)state;
	for (f = 0; f < CR_F__COUNT; f++) {
		const struct cr_field_desc *fd = &cr_fields[f];
		cr_report *b = read_full();
		char *p = (char *)b + fd->off;

		assert_true(cr_field_present(b, (enum cr_field)f));
		switch (fd->kind) {
		case CR_K_STR:
			change_str((cr_str *)(void *)p, fd->values);
			break;
		case CR_K_DATE:
			change_date((cr_date *)(void *)p);
			break;
		case CR_K_PERSONS:
			change_str(&((cr_persons *)(void *)p)->items[1].name,
				   NULL);
			break;
		case CR_K_TEXTS:
			change_str(&((cr_texts *)(void *)p)->items[1], NULL);
			break;
		case CR_K_CONFIRMATIONS:
			change_str(
			    &((cr_confirmations *)(void *)p)->items[1].name,
			    NULL);
			break;
		case CR_K_ACTIONS:
			((cr_actions *)(void *)p)->len--;
			cr_action_clear(
			    &((cr_actions *)(void *)p)
				 ->items[((cr_actions *)(void *)p)->len]);
			break;
		}
		expect_unequal(a, b, fd->key);
	}
	cr_report_free(a);
}

static void
test_every_action_key(void **state)
{
	cr_report *a = read_full();
	size_t f;

	(void)state;
	for (f = 0; f < CR_AF__COUNT; f++) {
		const struct cr_afield_desc *fd = &cr_afields[f];
		cr_report *b = read_full();
		char *p = (char *)&b->actions.items[0] + fd->off;

		if (fd->kind == CR_K_DATE)
			change_date((cr_date *)(void *)p);
		else
			change_str((cr_str *)(void *)p, fd->values);
		expect_unequal(a, b, fd->key);
	}
	cr_report_free(a);
}

static void
test_every_person_key(void **state)
{
	static const size_t offs[] = {
#define CR_PERSON_FIELD(e, key, member) offsetof(cr_person, member),
#include "cr_action_fields.h"
#undef CR_PERSON_FIELD
	};
	cr_report *a = read_full();
	size_t i;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(offs); i++) {
		cr_report *b = read_full();

		change_str((cr_str *)(void *)((char *)&b->attendees.items[0] +
					      offs[i]),
			   NULL);
		expect_unequal(a, b, cr_person_keys[i]);
	}
	cr_report_free(a);
}

static void
test_every_confirmation_key(void **state)
{
	cr_report *a = read_full(), *b;

	(void)state;
	b = read_full();
	change_str(&b->confirmations.items[0].name, NULL);
	expect_unequal(a, b, "a confirmation's name");
	b = read_full();
	change_date(&b->confirmations.items[0].at);
	expect_unequal(a, b, "a confirmation's at");
	b = read_full();
	change_str(&b->confirmations.items[0].note, NULL);
	expect_unequal(a, b, "a confirmation's note");
	b = read_full();
	assert_int_equal(
	    cr_str_set(&b->confirmations.items[0].note, NULL, b->pos), 0);
	expect_unequal(a, b, "a confirmation's note left out");
	cr_report_free(a);
}

static void
test_extensions(void **state)
{
	cr_report *a = read_full(), *b;

	(void)state;
	b = read_full();
	free(b->ext.items[0].value->value);
	b->ext.items[0].value->value = strdup("43");
	expect_unequal(a, b, "an x- value");
	b = read_full();
	free(b->ext.items[0].key);
	b->ext.items[0].key = strdup("x-crm-no");
	expect_unequal(a, b, "an x- key");
	b = read_full();
	free(b->actions.items[0].ext.items[0].value->value);
	b->actions.items[0].ext.items[0].value->value = strdup("8");
	expect_unequal(a, b, "an action's x- value");
	cr_report_free(a);
}

/* What the format lets one write in more than one way is the same. */
static void
test_same_meaning(void **state)
{
	cr_report *a = read_full(), *b = read_full();

	(void)state;
	assert_int_equal(cr_str_set(&b->outcome, NULL, b->outcome.pos), 0);
	assert_int_equal(cr_str_set(&b->confidentiality, NULL, b->pos), 0);
	assert_int_equal(cr_str_set(&b->language, NULL, b->pos), 0);
	assert_int_equal(cr_str_set(&b->actions.items[0].status, NULL, b->pos),
			 0);
	assert_int_equal(
	    cr_date_set(&b->date, "2026-11-20T14:00:00+07:00", b->date.raw.pos),
	    0);
	assert_true(cr_report_equal(a, b));
	cr_report_free(a);
	cr_report_free(b);
}

/* The tables agree with the public lists and enums. */
static void
test_tables(void **state)
{
	size_t i, n = 0;

	(void)state;
	for (i = 0; cr_report_keys[i] != NULL; i++, n++)
		assert_string_equal(cr_report_keys[i], cr_fields[i].key);
	assert_int_equal(n, CR_F__COUNT);
	for (i = 0; cr_action_keys[i] != NULL; i++)
		assert_string_equal(cr_action_keys[i], cr_afields[i].key);
	assert_int_equal(i, CR_AF__COUNT);
	for (i = 0; cr_type_values[i] != NULL; i++)
		assert_int_equal(cr_type_lookup(cr_type_values[i]), i + 1);
	for (i = 0; cr_status_values[i] != NULL; i++)
		assert_int_equal(cr_status_lookup(cr_status_values[i]), i);
	for (i = 0; i < CR_SEC__COUNT; i++)
		assert_int_not_equal(cr_section_field((cr_section)i),
				     CR_F__COUNT);
	assert_int_equal(cr_stage_profile("ideas"), CR_PROFILE_AGENCY);
	assert_int_equal(cr_stage_profile("stewardship"),
			 CR_PROFILE_FUNDRAISING);
	assert_int_equal(cr_stage_profile("Ideas"), -1);
}

/* cr-report(5) lists every field of the table, in its order, under
 * "Fields", and the section names of the Markdown form. */
static void
test_man_page(void **state)
{
	const char *src = getenv("CR_SRC");
	char path[4096], line[1024], want[128];
	size_t f = 0;
	int in = 0, sec = 0;
	FILE *fp;

	(void)state;
	snprintf(path, sizeof(path), "%s/man/cr-report.5",
		 src != NULL && *src != '\0' ? src : ".");
	assert_non_null(fp = fopen(path, "r"));
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (strncmp(line, ".Ss ", 4) == 0)
			in = strcmp(line, ".Ss Fields\n") == 0;
		if (in && strncmp(line, ".It Cm ", 7) == 0) {
			if (f >= CR_F__COUNT)
				fail_msg("cr-report(5) lists %s beyond the "
					 "table",
					 line + 7);
			snprintf(want, sizeof(want), ".It Cm %s\n",
				 cr_fields[f].key);
			if (strcmp(line, want) != 0)
				fail_msg("cr-report(5) lists %.*s where the "
					 "table has %s",
					 (int)strlen(line + 7) - 1, line + 7,
					 cr_fields[f].key);
			f++;
		}
		/* the section table: ".It KEY Ta LABEL-en Ta ..." */
		if (strncmp(line, ".It ", 4) == 0 && strstr(line, " Ta ")) {
			size_t s;

			for (s = 0; s < CR_SEC__COUNT; s++) {
				snprintf(want, sizeof(want), ".It %s Ta %s",
					 cr_section_key((cr_section)s),
					 cr_section_label((cr_section)s,
							  CR_LANG_EN));
				if (strncmp(line, want, strlen(want)) == 0 &&
				    strchr(" ,", line[strlen(want)]) != NULL)
					sec++;
			}
		}
	}
	fclose(fp);
	assert_int_equal(f, CR_F__COUNT);
	assert_int_equal(sec, CR_SEC__COUNT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_equal_to_itself),
	    cmocka_unit_test(test_every_report_field),
	    cmocka_unit_test(test_every_action_key),
	    cmocka_unit_test(test_every_person_key),
	    cmocka_unit_test(test_every_confirmation_key),
	    cmocka_unit_test(test_extensions),
	    cmocka_unit_test(test_same_meaning),
	    cmocka_unit_test(test_tables),
	    cmocka_unit_test(test_man_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
