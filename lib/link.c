/*
 * link.c - a report as the checks across reports read it (cr_link): a
 * view borrowing from the report, or a copy in one block, so that a
 * collection of 100,000 reports is checked with a few hundred bytes
 * kept of each.
 */
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

void
cr_link_view(cr_link *l, cr_link_action *acts, const cr_report *r)
{
	size_t i;

	memset(l, 0, sizeof(*l));
	l->file = r->file;
	l->pos = r->pos;
	l->broken = r->broken != 0;
	l->id_given = r->id_given != 0;
	l->id = r->id.s;
	l->id_pos = r->id.pos;
	l->previous = r->previous.s;
	l->previous_pos = r->previous.pos;
	l->client = r->client.s;
	date_set(&l->date, r->date.valid, &r->date.dt);
	l->actions_given = r->actions.given != 0;
	l->actions_pos = r->actions.pos;
	l->actions = acts;
	l->nactions = r->actions.len;
	for (i = 0; i < r->actions.len; i++) {
		const cr_action *a = &r->actions.items[i];
		cr_link_action *x = &acts[i];

		memset(x, 0, sizeof(*x));
		x->id = a->id.s;
		x->line = a->id.pos.line > 0 ? a->id.pos.line : a->pos.line;
		x->status = (unsigned char)cr_action_status(a);
		date_set(&x->due, a->due.valid, &a->due.dt);
		x->due_pos = a->due.raw.pos;
	}
}

int
cr_link_views(cr_link_views_t *v, const cr_report *const *rs, size_t n)
{
	size_t i, total = 0;

	memset(v, 0, sizeof(*v));
	for (i = 0; i < n; i++)
		if (rs[i] != NULL)
			total += rs[i]->actions.len;
	v->links = malloc((n + 1) * sizeof(*v->links));
	v->ptrs = malloc((n + 1) * sizeof(*v->ptrs));
	v->actions = malloc((total + 1) * sizeof(*v->actions));
	if (v->links == NULL || v->ptrs == NULL || v->actions == NULL) {
		cr_link_views_free(v);
		return -1;
	}
	for (i = total = 0; i < n; i++) {
		v->ptrs[i] = NULL;
		if (rs[i] == NULL)
			continue;
		cr_link_view(&v->links[i], v->actions + total, rs[i]);
		total += rs[i]->actions.len;
		v->ptrs[i] = &v->links[i];
	}
	return 0;
}

void
cr_link_views_free(cr_link_views_t *v)
{
	free(v->links);
	free(v->ptrs);
	free(v->actions);
	memset(v, 0, sizeof(*v));
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
cr_link_new(const cr_report *r)
{
	size_t n = r->actions.len, i, size;
	cr_link_action *acts;
	cr_link *l;
	char *at;

	size = sizeof(*l) + n * sizeof(*acts) + size_of(r->file) +
	       size_of(r->id.s) + size_of(r->previous.s) +
	       size_of(r->client.s);
	for (i = 0; i < n; i++)
		size += size_of(r->actions.items[i].id.s);
	if ((l = malloc(size)) == NULL)
		return NULL;
	acts = (cr_link_action *)(l + 1);
	cr_link_view(l, acts, r);
	at = (char *)(acts + n);
	l->file = copy_to(&at, l->file);
	l->id = copy_to(&at, l->id);
	l->previous = copy_to(&at, l->previous);
	l->client = copy_to(&at, l->client);
	for (i = 0; i < n; i++)
		acts[i].id = copy_to(&at, acts[i].id);
	return l;
}
