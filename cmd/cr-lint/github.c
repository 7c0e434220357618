/*
 * github.c - diagnostics as GitHub Actions workflow commands, which the
 * Actions log shows as annotations on the file and line:
 *
 *	::error file=F,line=L,col=C,title=RULE::MESSAGE
 *
 * Escaping as GitHub's toolkit does it (@actions/core command.ts): in the
 * message %, CR and LF; in a property also : and , (which would end it).
 */
#include "formats.h"

/* Appends s, escaped as a message (prop 0) or as a property value. */
static void
put_escaped(cr_buf *b, const char *s, int prop)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '%':
			cr_buf_puts(b, "%25");
			break;
		case '\r':
			cr_buf_puts(b, "%0D");
			break;
		case '\n':
			cr_buf_puts(b, "%0A");
			break;
		case ':':
			cr_buf_puts(b, prop ? "%3A" : ":");
			break;
		case ',':
			cr_buf_puts(b, prop ? "%2C" : ",");
			break;
		default:
			cr_buf_putc(b, *s);
		}
	}
}

int
lint_github(cr_buf *b, const cr_diags *d)
{
	static const char *const cmd[] = {[CR_SEV_OFF] = "notice",
					  [CR_SEV_NOTE] = "notice",
					  [CR_SEV_WARNING] = "warning",
					  [CR_SEV_ERROR] = "error"};
	size_t i;

	for (i = 0; i < d->len; i++) {
		const cr_diag *g = &d->items[i];

		cr_buf msg;

		cr_buf_init(&msg);
		if (cr_diag_message(d, g, &msg) == -1)
			b->oom = 1;
		cr_buf_printf(b, "::%s file=", cmd[g->severity]);
		put_escaped(b, cr_diag_file(d, g), 1);
		cr_buf_printf(b, ",line=%d,col=%d,title=", g->pos.line,
			      g->pos.column);
		put_escaped(b, cr_rule_name(g->rule), 1);
		cr_buf_puts(b, "::");
		put_escaped(b, msg.data != NULL ? msg.data : "", 0);
		cr_buf_free(&msg);
		cr_buf_putc(b, '\n');
	}
	return b->oom ? -1 : 0;
}
