/*
 * link.c - a report as the checks across reports read it (cr_link): its
 * thread node and what their messages say, copied into one block, so
 * that a collection of 100,000 reports is checked with a few hundred
 * bytes kept of each.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void
date_set(cr_link_date *ld, int valid, const cr_datetime *dt)
{
	memset(ld, 0, sizeof(*ld));
	ld->valid = valid != 0;
	ld->year = (short)dt->year;
	ld->month = (signed char)dt->month;
	ld->day = (signed char)dt->day;
	ld->hour = (signed char)dt->hour;
	ld->minute = (signed char)dt->minute;
	ld->second = (signed char)dt->second;
	ld->has_time = (unsigned char)dt->has_time;
	ld->has_offset = (unsigned char)dt->has_offset;
	ld->offset = (short)dt->offset;
}

void
cr_link_date_get(const cr_link_date *ld, cr_datetime *dt)
{
	memset(dt, 0, sizeof(*dt));
	dt->year = ld->year;
	dt->month = ld->month;
	dt->day = ld->day;
	dt->hour = ld->hour;
	dt->minute = ld->minute;
	dt->second = ld->second;
	dt->has_time = ld->has_time;
	dt->has_offset = ld->has_offset;
	dt->offset = ld->offset;
}

/* The bytes of s with its NUL, 0 for NULL. */
static size_t
size_of(const char *s)
{
	return s != NULL ? strlen(s) + 1 : 0;
}

/* Copies s to *at, moving it on; NULL stays NULL. */
static const char *
copy_to(char **at, const char *s)
{
	char *p = *at;
	size_t n = size_of(s);

	if (s == NULL)
		return NULL;
	memcpy(p, s, n);
	*at += n;
	return p;
}

cr_link *
cr_link_new(const cr_report *r, const char *file)
{
	size_t n = r->actions.len, i, size;
	cr_thread_item *items;
	cr_link_action *acts;
	cr_link *l;
	char *at;

	/* the link, its items, its actions, then the strings */
	size = sizeof(*l) + n * (sizeof(*items) + sizeof(*acts)) +
	       (file == NULL ? size_of(r->file) : 0) + size_of(r->id.s) +
	       size_of(r->previous.s) + size_of(r->client.s);
	for (i = 0; i < n; i++)
		size += size_of(r->actions.items[i].id.s);
	if ((l = malloc(size)) == NULL)
		return NULL;
	memset(l, 0, sizeof(*l));
	items = (cr_thread_item *)(l + 1);
	acts = (cr_link_action *)(items + n);
	at = (char *)(acts + n);
	l->file = file != NULL ? file : copy_to(&at, r->file);
	l->node.id = copy_to(&at, r->id.s);
	l->node.previous = copy_to(&at, r->previous.s);
	l->client = copy_to(&at, r->client.s);
	l->node.when = LLONG_MIN;
	if (r->date.valid)
		l->node.when = cr_datetime_epoch(&r->date.dt, 0);
	l->node.broken = r->broken;
	l->node.dated = r->date.valid;
	l->node.items = items;
	l->node.nitems = n;
	l->actions = acts;
	l->pos = r->pos;
	l->id_pos = r->id.pos;
	l->previous_pos = r->previous.pos;
	l->actions_pos = r->actions.pos;
	date_set(&l->date, r->date.valid, &r->date.dt);
	l->id_given = r->id_given != 0;
	l->actions_given = r->actions.given != 0;
	for (i = 0; i < n; i++) {
		const cr_action *a = &r->actions.items[i];
		cr_link_action *x = &acts[i];

		items[i].id = copy_to(&at, a->id.s);
		items[i].open = cr_action_open(a);
		memset(x, 0, sizeof(*x));
		x->line = a->id.pos.line > 0 ? a->id.pos.line : a->pos.line;
		x->status = (unsigned char)cr_action_status(a);
		date_set(&x->due, a->due.valid, &a->due.dt);
		x->due_pos = a->due.raw.pos;
	}
	return l;
}
