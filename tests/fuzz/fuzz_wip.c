/*
 * fuzz_wip.c - libFuzzer target for the WIP: read bytes as a YAML stream
 * (several reports), merge them, filter, count owners and write every
 * text format. Built like fuzz_read.c, with lib/wip.c and lib/wip_write.c.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "crtools.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cr_read_opts o = {CR_FORM_YAML, "fuzz", "fuzz"};
	cr_reports rs = {0};
	cr_wip_filter f;
	cr_wip_owner *os;
	cr_diags d;
	cr_wip w;
	size_t n;
	int fmt;

	cr_diags_init(&d);
	cr_read((const char *)data, size, &o, &rs, &d);
	/* a fixed today: 2026-11-22T09:00:00+07:00 */
	cr_wip_init(&w, 1795831200LL, 420);
	for (n = 0; n < rs.len; n++)
		if (cr_wip_add(&w, rs.items[n], &d) == -1)
			break;
	if (n == rs.len && cr_wip_build(&w) == 0) {
		cr_wip_views v;
		cr_wip_table t;
		cr_wip_write_opts wo = {0};
		int view;

		if (cr_wip_owners(&w, 7, &os, &n) == 0)
			free(os);
		cr_wip_filter_init(&f);
		f.status = CR_WIP_STATUS_ALL;
		if (cr_wip_views_build(&v, &w, &f, 24) == 0) {
			for (view = 0; view < CR_WIP__NVIEWS; view++)
				for (fmt = CR_WIP_TXT; fmt <= CR_WIP_HTML;
				     fmt++) {
					cr_buf b;

					cr_buf_init(&b);
					cr_wip_table_init(&t, (cr_wip_view)view,
							  &w, &v);
					wo.raw = fmt & 1;
					wo.width = fmt == CR_WIP_TXT ? 40 : 0;
					cr_wip_write(&t, (cr_wip_format)fmt,
						     &wo, &b);
					cr_buf_free(&b);
				}
			cr_wip_views_free(&v);
		}
		cr_wip_filter_init(&f);
		f.overdue = 1;
		f.due_within = 3;
		f.owner = "a";
		cr_wip_select(&w, &f);
	}
	cr_wip_free(&w);
	cr_reports_free(&rs);
	cr_diags_free(&d);
	return 0;
}
