/*
 * fuzz_read.c - libFuzzer target: read bytes as YAML and as Markdown, then
 * write every canonical form. Built by scripts/fuzz; CR_FUZZ_FORM picks the
 * form at compile time (1 yaml, 2 md, 0 sniff). Every report also goes
 * through the lint checks.
 */
#include <stddef.h>
#include <stdint.h>

#include "crtools.h"
#include "fuzz_opts.h"

#ifndef CR_FUZZ_FORM
#define CR_FUZZ_FORM 0
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cr_read_opts o = {(cr_form)CR_FUZZ_FORM, "fuzz", "fuzz"};
	cr_write_opts w;
	cr_reports rs = {0};
	cr_check_opts c;
	cr_diags d;
	size_t i;

	cr_diags_init(&d);
	fuzz_opts(&w, &c);
	cr_read((const char *)data, size, &o, &rs, &d);
	cr_check_collection((const cr_report *const *)rs.items, rs.len, &c, &d);
	for (i = 0; i < rs.len; i++) {
		cr_buf b;

		if (rs.items[i]->broken)
			continue;
		cr_check_report(rs.items[i], &c, &d);
		cr_buf_init(&b);
		cr_write_yaml(rs.items[i], &w, &b);
		cr_write_md(rs.items[i], &w, &b);
		cr_write_json(rs.items[i], &w, &b);
#ifdef CR_FUZZ_RENDER
		cr_render_html(rs.items[i], &w, &b);
		cr_render_txt(rs.items[i], &w, &b);
#endif
		cr_buf_free(&b);
	}
	cr_reports_free(&rs);
	cr_diags_free(&d);
	return 0;
}
