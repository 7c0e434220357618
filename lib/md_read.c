/* md_read.c - the Markdown reader (placeholder until the cmark-gfm reader
 * lands: every Markdown input is refused with a syntax error). */
#include "internal.h"

int
cr_md_read(const char *buf, size_t len, const char *file, cr_reports *out,
           cr_diags *d)
{
	cr_pos start = { 1, 1 };
	cr_report *r;

	(void)buf;
	(void)len;
	if (cr_diags_add(d, file, start, CR_RULE_SYNTAX,
	                 "the Markdown form cannot be read yet") == -1)
		return -1;
	if ((r = cr_report_new()) == NULL)
		return -1;
	r->file = cr_strdup(file);
	r->form = CR_FORM_MD;
	r->pos = start;
	r->broken = 1;
	if (r->file == NULL || cr_reports_push(out, r) == -1) {
		cr_report_free(r);
		return -1;
	}
	return 0;
}
