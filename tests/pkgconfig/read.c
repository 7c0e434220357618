/* A library user's program: reads a report with libcr alone, prints its
 * title and the number of its actions, and its diagnostics. */
#include <stdio.h>

#include <crtools.h>

int
main(int argc, char **argv)
{
	cr_reports rs = {NULL, 0, 0};
	cr_diags d;
	size_t i;
	cr_buf b;

	if (argc != 2)
		return 2;
	cr_diags_init(&d);
	if (cr_read_file(argv[1], CR_FORM_AUTO, &rs, &d) != 0) {
		perror(argv[1]);
		return 2;
	}
	for (i = 0; i < rs.len; i++)
		printf("%s: %zu actions\n", rs.items[i]->title.s,
		       rs.items[i]->actions.len);
	cr_buf_init(&b);
	for (i = 0; i < d.len; i++)
		cr_diag_format(&d, &d.items[i], &b);
	if (b.len > 0)
		fputs(b.data, stdout);
	cr_buf_free(&b);
	cr_diags_free(&d);
	cr_reports_free(&rs);
	return 0;
}
