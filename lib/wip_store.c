/*
 * wip_store.c - the records of a WIP (crtools.h, cr_wip_rec): what its
 * views show of each report, copied into chunks the cr_wip owns, the
 * texts that repeat (clients, projects, owners, statuses) kept once.
 * One report of 100,000 then costs a few hundred bytes instead of the
 * several kilobytes of its model.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define CHUNK (64 * 1024) /* bytes of one chunk of the records' memory */

struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[]; /* size bytes */
};

/* A table of the texts (or dates) kept once: open addressing. */
struct once {
	const void **slot;
	size_t n, mask;
};

struct cr_wip_mem {
	struct chunk *chunks;
	struct once texts, keys, dates;
	cr_date absent; /* the due of an action without one */
};

/* A text the sorts compare (a client, a project, an owner, an action id):
 * kept once, behind its ranks among the others (cr_wip_rank). */
struct key {
	unsigned full; /* by case-folded text, then bytes; NULL is 0 */
	unsigned fold; /* by case-folded text alone; NULL and "" are 0 */
	char s[];
};

void
cr_wip_init(cr_wip *w, long long now, int now_offset)
{
	memset(w, 0, sizeof(*w));
	w->now = now;
	w->now_offset = now_offset;
	w->views = CR_WIP_VIEW(CR_WIP__NVIEWS) - 1;
}

void
cr_wip_free(cr_wip *w)
{
	struct chunk *c, *next;

	free(w->rows);
	free(w->recs);
	if (w->mem != NULL) {
		for (c = w->mem->chunks; c != NULL; c = next) {
			next = c->next;
			free(c);
		}
		free(w->mem->texts.slot);
		free(w->mem->keys.slot);
		free(w->mem->dates.slot);
		free(w->mem);
	}
	w->rows = NULL;
	w->recs = NULL;
	w->mem = NULL;
	w->len = w->cap = w->nrecs = w->recs_cap = w->ndated = 0;
}

/* n bytes aligned to `al` (a power of two), zeroed. */
static void *
mem_get(cr_wip_mem *m, size_t n, size_t al)
{
	struct chunk *c = m->chunks;
	size_t at = c != NULL ? (c->used + al - 1) & ~(al - 1) : 0;
	void *p;

	if (c == NULL || at > c->size || c->size - at < n) {
		size_t size = n > CHUNK / 4 ? n : CHUNK;

		if ((c = malloc(sizeof(*c) + size)) == NULL)
			return NULL;
		c->size = size;
		c->used = 0;
		at = 0;
		if (n > CHUNK / 4 && m->chunks != NULL) {
			/* a big one alone, behind the chunk still in use */
			c->next = m->chunks->next;
			m->chunks->next = c;
		} else {
			c->next = m->chunks;
			m->chunks = c;
		}
	}
	p = (char *)c->data + at;
	c->used = at + n;
	memset(p, 0, n);
	return p;
}

#define NEW(m, type, n) mem_get((m), (n) * sizeof(type), _Alignof(type))

static const char *
mem_str(cr_wip_mem *m, const char *s, int *oom)
{
	size_t n;
	char *p;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	if ((p = mem_get(m, n, 1)) == NULL) {
		*oom = 1;
		return NULL;
	}
	memcpy(p, s, n);
	return p;
}

static uint64_t
hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n-- > 0) {
		h ^= *s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The key of an entry: a text's bytes, or a date's. */
static size_t
key_len(const struct once *o, const struct cr_wip_mem *m, const void *p)
{
	return o != &m->dates ? strlen(p) : sizeof(cr_date);
}

static int
once_grow(struct once *o, const struct cr_wip_mem *m)
{
	size_t cap = o->slot != NULL ? (o->mask + 1) * 2 : 256, i, j;
	const void **slot = calloc(cap, sizeof(*slot));

	if (slot == NULL)
		return -1;
	for (i = 0; o->slot != NULL && i <= o->mask; i++) {
		if (o->slot[i] == NULL)
			continue;
		for (j = (size_t)hash(o->slot[i], key_len(o, m, o->slot[i])) &
			 (cap - 1);
		     slot[j] != NULL; j = (j + 1) & (cap - 1))
			;
		slot[j] = o->slot[i];
	}
	free(o->slot);
	o->slot = slot;
	o->mask = cap - 1;
	return 0;
}

/* The slot of the entry equal to the n bytes at p, or the empty one
 * where it goes; NULL on memory. */
static const void **
once_find(struct once *o, struct cr_wip_mem *m, const void *p, size_t n)
{
	size_t i;

	if ((o->n + 1) * 2 > (o->slot != NULL ? o->mask + 1 : 0) &&
	    once_grow(o, m) == -1)
		return NULL;
	for (i = (size_t)hash(p, n) & o->mask; o->slot[i] != NULL;
	     i = (i + 1) & o->mask)
		if (key_len(o, m, o->slot[i]) == n &&
		    memcmp(o->slot[i], p, n) == 0)
			break;
	return &o->slot[i];
}

/* A text that repeats (a client, an owner, an action carried from report
 * to report): the copy kept once. */
static const char *
mem_once(cr_wip_mem *m, const char *s, int *oom)
{
	const void **slot;

	if (s == NULL)
		return NULL;
	if ((slot = once_find(&m->texts, m, s, strlen(s))) == NULL) {
		*oom = 1;
		return NULL;
	}
	if (*slot == NULL && (*slot = mem_str(m, s, oom)) != NULL)
		m->texts.n++;
	return *slot;
}

/* A text the sorts compare: kept once, as a key (struct key). */
static const char *
mem_key(cr_wip_mem *m, const char *s, int *oom)
{
	const void **slot;
	struct key *k;
	size_t n;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	if ((slot = once_find(&m->keys, m, s, n)) == NULL) {
		*oom = 1;
		return NULL;
	}
	if (*slot == NULL) {
		if ((k = mem_get(m, sizeof(*k) + n + 1,
				 _Alignof(struct key))) == NULL) {
			*oom = 1;
			return NULL;
		}
		memcpy(k->s, s, n + 1);
		*slot = k->s;
		m->keys.n++;
	}
	return *slot;
}

static const struct key *
key_of(const char *s)
{
	return (const struct key *)(const void *)(s - offsetof(struct key, s));
}

int
cr_wip_key_cmp(const char *a, const char *b, int fold)
{
	unsigned ra = a == NULL ? 0 : fold ? key_of(a)->fold : key_of(a)->full;
	unsigned rb = b == NULL ? 0 : fold ? key_of(b)->fold : key_of(b)->full;

	return ra < rb ? -1 : ra > rb;
}

static int
key_text_cmp(const void *x, const void *y)
{
	const char *a = *(const char *const *)x, *b = *(const char *const *)y;
	int c = cr_utf8_casecmp(a, b);

	return c != 0 ? c : strcmp(a, b);
}

int
cr_wip_rank(cr_wip *w)
{
	struct once *o;
	const char **ks, *prev = "";
	size_t i, n = 0;
	unsigned fold = 0;

	if (w->mem == NULL || (o = &w->mem->keys)->n == 0)
		return 0;
	if ((ks = malloc(o->n * sizeof(*ks))) == NULL)
		return -1;
	for (i = 0; i <= o->mask; i++)
		if (o->slot[i] != NULL)
			ks[n++] = o->slot[i];
	/* each key sorted once, so that the sorts of the views compare
	 * two numbers, not two texts, a few million times */
	qsort(ks, n, sizeof(*ks), key_text_cmp);
	for (i = 0; i < n; i++) {
		struct key *k =
		    (struct key *)(void *)(ks[i] - offsetof(struct key, s));

		if (cr_utf8_casecmp(prev, ks[i]) != 0)
			fold++;
		k->fold = fold;
		k->full = (unsigned)i + 1;
		prev = ks[i];
	}
	free(ks);
	return 0;
}

/* A date: the parsed value, and the text only when it did not parse. */
static void
mem_date(cr_wip_mem *m, cr_date *dst, const cr_date *src, int *oom)
{
	memset(dst, 0, sizeof(*dst));
	dst->valid = src->valid;
	dst->dt = src->dt;
	if (!src->valid && src->raw.s != NULL)
		dst->raw.s = (char *)mem_once(m, src->raw.s, oom);
}

/* The same, kept once (an action's due, carried from report to report). */
static const cr_date *
mem_date_once(cr_wip_mem *m, const cr_date *src, int *oom)
{
	const void **slot;
	cr_date d, *p;

	mem_date(m, &d, src, oom);
	if ((slot = once_find(&m->dates, m, &d, sizeof(d))) == NULL) {
		*oom = 1;
		return &m->absent;
	}
	if (*slot == NULL) {
		if ((p = NEW(m, cr_date, 1)) == NULL) {
			*oom = 1;
			return &m->absent;
		}
		*p = d;
		*slot = p;
		m->dates.n++;
	}
	return *slot;
}

/* Whether an owner names an organisation: the client, or the org of a
 * participant of the report, and no participant of that name. */
static int
owner_is_org(const cr_report *rep, const char *who)
{
	const cr_persons *lists[2] = {&rep->attendees, &rep->distribution};
	size_t i, k;

	if (who == NULL || who[0] == '\0')
		return 0;
	if (rep->client.s != NULL && cr_utf8_casecmp(rep->client.s, who) == 0)
		return 1;
	if (cr_report_find_person(rep, who) != NULL)
		return 0;
	for (k = 0; k < 2; k++)
		for (i = 0; i < lists[k]->len; i++) {
			const char *org = lists[k]->items[i].org.s;

			if (org != NULL && cr_utf8_casecmp(org, who) == 0)
				return 1;
		}
	return 0;
}

static int
copy_actions(cr_wip_mem *m, cr_wip_rec *rec, const cr_report *r, int *oom)
{
	cr_wip_act *as;
	size_t i;

	if (r->actions.len == 0)
		return 0;
	if ((as = NEW(m, cr_wip_act, r->actions.len)) == NULL)
		return -1;
	for (i = 0; i < r->actions.len; i++) {
		const cr_action *a = &r->actions.items[i];
		cr_wip_act *o = &as[i];

		o->id.s = mem_key(m, a->id.s, oom);
		o->what.s = mem_once(m, a->what.s, oom);
		o->who.s = mem_key(m, a->who.s, oom);
		o->status.s = mem_once(m, a->status.s, oom);
		o->due = mem_date_once(m, &a->due, oom);
		o->st = cr_action_status(a);
		o->open = cr_action_open(a) != 0;
		o->org = owner_is_org(r, a->who.s) != 0;
	}
	rec->actions.items = as;
	rec->actions.len = r->actions.len;
	return 0;
}

static int
copy_texts(cr_wip_mem *m, cr_wip_rec *rec, const cr_report *r, unsigned views,
	   int *oom)
{
	cr_wip_str *ag;
	cr_wip_conf *cf;
	size_t i;

	if ((views & CR_WIP_VIEW(CR_WIP_BY_AGREEMENT)) &&
	    r->agreements.len > 0) {
		if ((ag = NEW(m, cr_wip_str, r->agreements.len)) == NULL)
			return -1;
		for (i = 0; i < r->agreements.len; i++)
			ag[i].s = mem_str(m, r->agreements.items[i].s, oom);
		rec->agreements.items = ag;
		rec->agreements.len = r->agreements.len;
	}
	if ((views & CR_WIP_VIEW(CR_WIP_BY_REPORT)) &&
	    r->confirmations.len > 0) {
		if ((cf = NEW(m, cr_wip_conf, r->confirmations.len)) == NULL)
			return -1;
		for (i = 0; i < r->confirmations.len; i++) {
			const cr_confirmation *c = &r->confirmations.items[i];

			cf[i].name.s = mem_once(m, c->name.s, oom);
			cf[i].note.s = mem_str(m, c->note.s, oom);
		}
		rec->confirmations.items = cf;
		rec->confirmations.len = r->confirmations.len;
	}
	return 0;
}

int
cr_wip_add(cr_wip *w, const cr_report *r, cr_diags *d)
{
	cr_wip_mem *m;
	cr_wip_rec *rec;
	int oom = 0;

	if (r->broken)
		return 0;
	if (!r->date.valid) {
		cr_pos pos = r->date.raw.s != NULL ? r->date.raw.pos : r->pos;

		if (cr_diags_add(d, r->file, pos,
				 r->date.raw.s != NULL ? CR_RULE_BAD_DATE
						       : CR_RULE_MISSING_FIELD,
				 "the report has no valid date, so its "
				 "actions are left out of the WIP") == -1)
			return -1;
	}
	if (w->mem == NULL && (w->mem = calloc(1, sizeof(*w->mem))) == NULL)
		return -1;
	m = w->mem;
	if (cr_grow(&w->recs, &w->recs_cap, w->nrecs + 1, sizeof(*w->recs)) ==
		-1 ||
	    (rec = NEW(m, cr_wip_rec, 1)) == NULL)
		return -1;
	rec->file = mem_str(m, r->file, &oom);
	rec->id.s = mem_str(m, r->id.s, &oom);
	rec->previous.s = mem_str(m, r->previous.s, &oom);
	rec->date = mem_date_once(m, &r->date, &oom);
	rec->when = cr_datetime_epoch(&rec->date->dt, 0);
	rec->issued = rec->next_contact = &m->absent;
	if (r->date.valid) {
		rec->client.s = mem_key(m, r->client.s, &oom);
		rec->project.s = mem_key(m, r->project.s, &oom);
		rec->type.s = mem_once(m, r->type.s, &oom);
		rec->outcome.s = mem_once(m, r->outcome.s, &oom);
		rec->outcome_v = cr_report_outcome(r);
		rec->stage.s = mem_once(m, r->stage.s, &oom);
		rec->author.s = mem_once(m, r->author.s, &oom);
		rec->issued = mem_date_once(m, &r->issued, &oom);
		rec->next_contact = mem_date_once(m, &r->next_contact, &oom);
		if (copy_actions(m, rec, r, &oom) == -1 ||
		    copy_texts(m, rec, r, w->views, &oom) == -1)
			return -1;
		w->ndated++;
	}
	if (oom)
		return -1;
	w->recs[w->nrecs++] = rec;
	return 0;
}
