/*
 * confirm.c - confirmations (SPEC 2.1): the string form "Name (AT)" or
 * "Name (AT): note", AT a date or date-time.
 *
 * The parenthesis that holds the date is the first one whose content
 * parses as a date and that ends the name part (followed by the end, or
 * by ':' and the note), so that a name or a note may hold parentheses of
 * their own.
 */
#include <stdlib.h>
#include <string.h>

#include "write.h"

int
cr_confirmation_parse(const char *s, cr_pos pos, cr_confirmation *c)
{
	const char *open, *close, *after;
	cr_datetime dt;
	char *at;
	int rc;

	memset(c, 0, sizeof(*c));
	c->pos = pos;
	for (open = strchr(s, '('); open != NULL;
	     open = strchr(open + 1, '(')) {
		if ((close = strchr(open, ')')) == NULL)
			break;
		for (after = close + 1; *after == ' ' || *after == '\t';
		     after++)
			;
		if (*after != '\0' && *after != ':')
			continue;
		if ((at = cr_strndup(open + 1, (size_t)(close - open - 1))) ==
		    NULL)
			return -1;
		if (cr_datetime_parse(at, &dt) != 0) {
			free(at);
			continue;
		}
		/* "(AT)" with no name before it is not the form: nothing */
		rc = cr_str_set_trimmed(&c->name, s, open, pos, 0);
		if (rc == 0 && c->name.s != NULL &&
		    (cr_date_set(&c->at, at, pos) == -1 ||
		     (*after == ':' &&
		      cr_str_set_trimmed(&c->note, after + 1,
					 after + strlen(after), pos, 0) == -1)))
			rc = -1;
		free(at);
		if (rc == -1)
			cr_confirmation_clear(c);
		return rc;
	}
	return 0;
}

int
cr_confirmation_format(const cr_confirmation *c, cr_buf *out)
{
	char at[32];

	cr_buf_puts(out, c->name.s != NULL ? c->name.s : "");
	cr_buf_printf(out, " (%s)",
		      cr_date_out(&c->at, at) != NULL ? cr_date_out(&c->at, at)
						      : "");
	if (c->note.s != NULL)
		cr_buf_printf(out, ": %s", c->note.s);
	return out->oom ? -1 : 0;
}

void
cr_confirmation_clear(cr_confirmation *c)
{
	free(c->name.s);
	free(c->at.raw.s);
	free(c->note.s);
	memset(c, 0, sizeof(*c));
}

int
cr_confirmations_push(cr_confirmations *cs, cr_confirmation *c)
{
	size_t cap = 1;
	cr_confirmation *p;

	while (cap < cs->len + 1)
		cap *= 2;
	if (cs->len == 0 || (cs->len & (cs->len - 1)) == 0) {
		if ((p = realloc(cs->items, cap * sizeof(*p))) == NULL)
			return -1;
		cs->items = p;
	}
	cs->items[cs->len++] = *c;
	memset(c, 0, sizeof(*c));
	return 0;
}
