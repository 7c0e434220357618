/* diag_text.h - the unit tests' view of a diagnostic's text: messages
 * and file names are formatted when asked (cr_diag_message). */
#ifndef DIAG_TEXT_H
#define DIAG_TEXT_H

#include "crtools.h"

/* The message of diagnostic i of d, in one of a few buffers that the next
 * calls reuse (enough for the comparisons of one assertion). */
static const char *
diag_msg(const cr_diags *d, size_t i)
{
	static cr_buf ring[8];
	static unsigned next;
	cr_buf *b = &ring[next++ % 8];

	b->len = 0;
	cr_buf_puts(b, "");
	cr_diag_message(d, &d->items[i], b);
	return b->data != NULL ? b->data : "";
}

#endif
