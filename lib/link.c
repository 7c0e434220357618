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
	l->size = size;
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

struct cr_link_pool {
	cr_arena *a;
};

cr_link_pool *
cr_link_pool_new(void)
{
	cr_link_pool *p = malloc(sizeof(*p));

	if (p != NULL && (p->a = cr_arena_new()) == NULL) {
		free(p);
		p = NULL;
	}
	return p;
}

/* p, a pointer into the block at `from`, moved to the copy at `to`. */
static const void *
moved(const void *p, const cr_link *from, cr_link *to)
{
	const char *f = (const char *)from, *q = p;

	if (q == NULL || q < f || q >= f + from->size)
		return p; /* NULL, or borrowed (the file name) */
	return (char *)to + (q - f);
}

cr_link *
cr_link_pool_take(cr_link_pool *p, cr_link *l)
{
	cr_link *c = cr_arena_alloc(p->a, l->size);
	cr_thread_item *items;
	size_t i;

	if (c == NULL)
		return NULL;
	memcpy(c, l, l->size);
	c->file = moved(l->file, l, c);
	c->client = moved(l->client, l, c);
	c->actions = moved(l->actions, l, c);
	c->node.id = moved(l->node.id, l, c);
	c->node.previous = moved(l->node.previous, l, c);
	/* without actions, the two point at the block's end: none */
	items = c->node.nitems > 0 ? (cr_thread_item *)(c + 1) : NULL;
	c->node.items = items;
	if (c->node.nitems == 0)
		c->actions = NULL;
	for (i = 0; i < c->node.nitems; i++)
		items[i].id = moved(l->node.items[i].id, l, c);
	free(l);
	return c;
}

void
cr_link_pool_free(cr_link_pool *p)
{
	if (p == NULL)
		return;
	cr_arena_free(p->a);
	free(p);
}
