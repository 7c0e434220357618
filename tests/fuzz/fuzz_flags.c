/*
 * fuzz_flags.c - libFuzzer target, a differential one: the readers' short
 * cuts (cr_clean.flags: CR_TEXT_NARROW takes positions from libyaml's
 * marks, CR_TEXT_STABLE skips the NFC check of values no escape can have
 * made) must change nothing. The bytes are read as YAML and as Markdown
 * with the flags cr_input_check found and with none; the reports (their
 * JSON and YAML), their check findings and every diagnostic (rule,
 * severity, position, message) must be the same both ways.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crtools.h"
#include "fuzz_opts.h"
#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
differ(const char *form)
{
	fprintf(stderr,
		"fuzz_flags: %s: reports or findings differ with "
		"the flags\n",
		form);
	abort();
}

/* The reports and findings of one reading, as text: each report's JSON
 * and YAML, then each diagnostic formatted with its position. */
static int
read_as(const cr_clean *c, cr_form form, unsigned flags, cr_buf *out)
{
	cr_write_opts w;
	cr_reports rs = {0};
	cr_check_opts o;
	cr_diags d;
	size_t i;
	int rc;

	cr_diags_init(&d);
	fuzz_opts(&w, &o);
	rc = form == CR_FORM_MD
		 ? cr_md_read(c->text, c->len, flags, "fuzz", &rs, &d)
		 : cr_yaml_read(c->text, c->len, flags, "fuzz", &rs, &d);
	for (i = 0; rc == 0 && i < rs.len; i++)
		rc = cr_report_finish(rs.items[i], "fuzz");
	for (i = 0; rc == 0 && i < rs.len; i++) {
		if (rs.items[i]->broken)
			continue;
		cr_check_report(rs.items[i], &o, &d);
		if (cr_write_json(rs.items[i], &w, out) == -1 ||
		    cr_write_yaml(rs.items[i], &w, out) == -1)
			rc = -1;
	}
	for (i = 0; rc == 0 && i < d.len; i++) {
		const cr_diag *g = &d.items[i];

		if (cr_buf_printf(out, "%d:%d:%d %d %d ", g->pos.line,
				  g->pos.column, g->pos.cp, (int)g->severity,
				  (int)g->rule) == -1 ||
		    cr_diag_format(&d, g, out) == -1 ||
		    cr_buf_printf(out, "\n") == -1)
			rc = -1;
	}
	cr_reports_free(&rs);
	cr_diags_free(&d);
	return rc == 0 && d.oom ? -1 : rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const cr_form forms[] = {CR_FORM_YAML, CR_FORM_MD};
	cr_clean c;
	cr_diags d;
	size_t i;

	if (size > 65536)
		return 0;
	cr_diags_init(&d);
	if (cr_input_check((const char *)data, size, "fuzz", &c, &d) != 0 ||
	    c.flags == 0) {
		free(c.copy);
		cr_diags_free(&d);
		return 0;
	}
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		cr_buf with, without;
		int a, b;

		if (forms[i] == CR_FORM_MD &&
		    cr_md_limit(c.text, c.len, "fuzz", &d) != 0)
			continue;
		cr_buf_init(&with);
		cr_buf_init(&without);
		a = read_as(&c, forms[i], c.flags, &with);
		b = read_as(&c, forms[i], 0, &without);
		if (a == 0 && b == 0 &&
		    (with.len != without.len ||
		     (with.len > 0 &&
		      memcmp(with.data, without.data, with.len) != 0)))
			differ(forms[i] == CR_FORM_MD ? "md" : "yaml");
		cr_buf_free(&with);
		cr_buf_free(&without);
	}
	free(c.copy);
	cr_diags_free(&d);
	return 0;
}
