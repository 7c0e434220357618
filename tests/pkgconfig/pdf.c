/* A library user's program: the PDF of a report, with libcr-render. */
#include <stdio.h>

#include <crtools.h>

int
main(int argc, char **argv)
{
	cr_reports rs = {NULL, 0, 0};
	cr_write_opts o = {CR_LANG_INVALID, CR_AUDIENCE_INTERNAL, 0, 0, NULL};
	cr_diags d;
	cr_buf b;
	int rc;

	if (argc != 2)
		return 2;
	cr_diags_init(&d);
	if (cr_read_file(argv[1], CR_FORM_AUTO, &rs, &d) != 0 || rs.len != 1)
		return 2;
	cr_buf_init(&b);
	rc = cr_render_pdf(rs.items[0], &o, &b);
	if (rc == 0)
		fwrite(b.data, 1, b.len, stdout);
	cr_buf_free(&b);
	cr_diags_free(&d);
	cr_reports_free(&rs);
	return rc == 0 ? 0 : 1;
}
