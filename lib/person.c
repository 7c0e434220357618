/* person.c - the string form of a person: "Name (Role, Org) <email>". */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
cr_str_set_trimmed(cr_str *dst, const char *s, const char *e, cr_pos pos,
		   int stable)
{
	while (s < e && is_space(*s))
		s++;
	while (e > s && is_space(e[-1]))
		e--;
	if (s == e)
		return 0;
	return cr_str_setn_as(dst, s, (size_t)(e - s), pos, stable);
}

void
cr_person_clear(cr_person *p)
{
	free(p->name.s);
	free(p->role.s);
	free(p->org.s);
	free(p->email.s);
	memset(p, 0, sizeof(*p));
}

int
cr_person_parse(const char *s, cr_pos pos, cr_person *p)
{
	return cr_person_parse_as(s, pos, 0, p);
}

int
cr_person_parse_as(const char *s, cr_pos pos, int stable, cr_person *p)
{
	const char *e = s + strlen(s), *lt, *open, *comma;
	int depth;

	memset(p, 0, sizeof(*p));
	p->pos = pos;
	while (e > s && is_space(e[-1]))
		e--;
	if (e > s && e[-1] == '>' &&
	    (lt = memchr(s, '<', (size_t)(e - s))) != NULL) {
		/* the last '<' opens the address */
		const char *q;
		for (q = lt;
		     (q = memchr(q + 1, '<', (size_t)(e - q - 1))) != NULL;)
			lt = q;
		if (cr_str_set_trimmed(&p->email, lt + 1, e - 1, pos, stable) ==
		    -1)
			goto oom;
		e = lt;
		while (e > s && is_space(e[-1]))
			e--;
	}
	if (e > s && e[-1] == ')') {
		depth = 0;
		for (open = e - 1; open >= s; open--) {
			if (*open == ')')
				depth++;
			else if (*open == '(' && --depth == 0)
				break;
		}
		if (open >= s && open > s) {
			const char *in = open + 1, *ie = e - 1;
			comma = NULL;
			for (const char *q = in; q < ie; q++)
				if (*q == ',')
					comma = q;
			if (comma != NULL) {
				if (cr_str_set_trimmed(&p->role, in, comma, pos,
						       stable) == -1 ||
				    cr_str_set_trimmed(&p->org, comma + 1, ie,
						       pos, stable) == -1)
					goto oom;
			} else if (cr_str_set_trimmed(&p->role, in, ie, pos,
						      stable) == -1)
				goto oom;
			e = open;
		}
	}
	if (cr_str_set_trimmed(&p->name, s, e, pos, stable) == -1)
		goto oom;
	return 0;
oom:
	cr_person_clear(p);
	return -1;
}

int
cr_person_format(const cr_person *p, cr_buf *out)
{
	if (p->name.s != NULL)
		cr_buf_puts(out, p->name.s);
	if (p->role.s != NULL || p->org.s != NULL) {
		cr_buf_puts(out, " (");
		if (p->role.s != NULL)
			cr_buf_puts(out, p->role.s);
		if (p->org.s != NULL) {
			cr_buf_puts(out, ", ");
			cr_buf_puts(out, p->org.s);
		}
		cr_buf_putc(out, ')');
	}
	if (p->email.s != NULL) {
		cr_buf_puts(out, " <");
		cr_buf_puts(out, p->email.s);
		cr_buf_putc(out, '>');
	}
	return out->oom ? -1 : 0;
}

static int
same(const cr_str *a, const cr_str *b)
{
	if (a->s == NULL || b->s == NULL)
		return a->s == b->s;
	return strcmp(a->s, b->s) == 0;
}

int
cr_person_plain(const cr_person *p)
{
	cr_person q;
	cr_buf b;
	int ok;

	if (p->name.s == NULL || p->name.s[0] == '\0')
		return 0;
	cr_buf_init(&b);
	if (cr_person_format(p, &b) == -1) {
		cr_buf_free(&b);
		return 0;
	}
	if (memchr(b.data, '\n', b.len) != NULL ||
	    cr_person_parse(b.data, p->pos, &q) == -1) {
		cr_buf_free(&b);
		return 0;
	}
	ok = same(&p->name, &q.name) && same(&p->role, &q.role) &&
	     same(&p->org, &q.org) && same(&p->email, &q.email);
	cr_person_clear(&q);
	cr_buf_free(&b);
	return ok;
}

const cr_person *
cr_report_find_person(const cr_report *r, const char *name)
{
	const cr_persons *lists[] = {&r->attendees, &r->distribution};
	size_t i, j;

	if (name == NULL)
		return NULL;
	for (i = 0; i < CR_ARRAY_LEN(lists); i++)
		for (j = 0; j < lists[i]->len; j++)
			if (lists[i]->items[j].name.s != NULL &&
			    cr_utf8_casecmp(lists[i]->items[j].name.s, name) ==
				0)
				return &lists[i]->items[j];
	return NULL;
}
