/*
 * thread.c - threads of SPEC 2.4: the connected groups that `previous`
 * links make among a set of reports, the actions of each thread (an id
 * within its thread), their current state, the lost ones and the cycles.
 *
 * Everything is linear in the number of reports and actions: ids are
 * found through open-addressing hash tables, threads are joined with a
 * union-find, and chains are followed with loops over explicit arrays,
 * never recursion, so a chain of a million reports costs no stack.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------ hashing */

static uint64_t
hash_str(const char *s, uint64_t h)
{
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define HASH_SEED 0xcbf29ce484222325ULL

/* A table of indexes, twice the entries it may get, a power of two. */
struct table {
	size_t *slot; /* CR_NONE: empty */
	size_t mask;
};

static int
table_init(struct table *tb, size_t entries)
{
	size_t cap = 16, i;

	while (cap < entries * 2)
		cap *= 2;
	if ((tb->slot = malloc(cap * sizeof(*tb->slot))) == NULL)
		return -1;
	for (i = 0; i < cap; i++)
		tb->slot[i] = CR_NONE;
	tb->mask = cap - 1;
	return 0;
}

static int
has_id(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/* The slot of report id `id`: the one holding it, or the empty one where
 * it goes. */
static size_t *
report_slot(const cr_threads *t, const char *id)
{
	size_t i = (size_t)hash_str(id, HASH_SEED) & t->ids_mask;

	while (t->ids[i] != CR_NONE && strcmp(t->node[t->ids[i]].id, id) != 0)
		i = (i + 1) & t->ids_mask;
	return &t->ids[i];
}

size_t
cr_threads_find(const cr_threads *t, const char *id)
{
	if (!has_id(id) || t->ids == NULL)
		return CR_NONE;
	return *report_slot(t, id);
}

/* ------------------------------------------------------------ order */

int
cr_threads_later(const cr_threads *t, size_t a, size_t b)
{
	if (t->when[a] != t->when[b])
		return t->when[a] > t->when[b];
	/* equal dates: the one further down the chain contains the other */
	if (t->depth[a] != t->depth[b])
		return t->depth[a] > t->depth[b];
	return a > b;
}

/* ------------------------------------------------------------ building */

static size_t
uf_find(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

static void
uf_union(size_t *parent, size_t *size, size_t a, size_t b)
{
	a = uf_find(parent, a);
	b = uf_find(parent, b);
	if (a == b)
		return;
	if (size[a] < size[b]) {
		size_t x = a;
		a = b;
		b = x;
	}
	parent[b] = a;
	size[a] += size[b];
}

/* The id table (every report, the readable ones first, so that an id
 * finds a readable report when there is one) and the previous links. */
static int
link_reports(cr_threads *t)
{
	struct table tb;
	size_t i, pass, *s;

	if (table_init(&tb, t->n) == -1)
		return -1;
	t->ids = tb.slot;
	t->ids_mask = tb.mask;
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < t->n; i++) {
			const cr_thread_node *r = &t->node[i];
			if ((r->broken != 0) != (pass == 1) || !has_id(r->id))
				continue;
			if (*(s = report_slot(t, r->id)) == CR_NONE)
				*s = i;
		}
	for (i = 0; i < t->n; i++) {
		const cr_thread_node *r = &t->node[i];
		size_t p;

		t->prev[i] = CR_NONE;
		if (r->broken)
			continue;
		p = cr_threads_find(t, r->previous);
		if (p != CR_NONE && !t->node[p].broken)
			t->prev[i] = p;
	}
	return 0;
}

/* Marks the reports on a cycle: each walk along previous stamps the
 * reports it meets; meeting its own stamp again closes a cycle. */
static int
find_cycles(cr_threads *t)
{
	size_t *walk, i, j;

	if ((walk = calloc(t->n, sizeof(*walk))) == NULL)
		return -1;
	for (i = 0; i < t->n; i++) {
		for (j = i; j != CR_NONE && walk[j] == 0; j = t->prev[j])
			walk[j] = i + 1;
		if (j == CR_NONE || walk[j] != i + 1)
			continue;
		do {
			t->cycle[j] = 1;
			j = t->prev[j];
		} while (!t->cycle[j]);
	}
	free(walk);
	return 0;
}

/* Depth along previous: 0 for a report with no previous or on a cycle,
 * else one more than its previous. The chain is climbed onto a stack. */
static int
find_depths(cr_threads *t)
{
	unsigned char *known;
	size_t *stack, i, j, top;

	known = calloc(t->n, 1);
	stack = malloc(t->n * sizeof(*stack));
	if (known == NULL || stack == NULL) {
		free(known);
		free(stack);
		return -1;
	}
	for (i = 0; i < t->n; i++) {
		top = 0;
		for (j = i; !known[j]; j = t->prev[j]) {
			if (t->prev[j] == CR_NONE || t->cycle[j]) {
				t->depth[j] = 0;
				known[j] = 1;
				break;
			}
			stack[top++] = j;
		}
		while (top > 0) {
			j = stack[--top];
			t->depth[j] = t->depth[t->prev[j]] + 1;
			known[j] = 1;
		}
	}
	free(known);
	free(stack);
	return 0;
}

static int
find_threads(cr_threads *t)
{
	size_t *parent, *size, *num, i, root;
	int rc = -1;

	parent = malloc(t->n * sizeof(*parent));
	size = malloc(t->n * sizeof(*size));
	num = malloc(t->n * sizeof(*num));
	if (parent == NULL || size == NULL || num == NULL)
		goto out;
	for (i = 0; i < t->n; i++) {
		parent[i] = i;
		size[i] = 1;
		num[i] = CR_NONE;
	}
	for (i = 0; i < t->n; i++)
		if (t->prev[i] != CR_NONE)
			uf_union(parent, size, i, t->prev[i]);
	for (i = 0; i < t->n; i++) {
		if (t->node[i].broken)
			continue;
		root = uf_find(parent, i);
		if (num[root] == CR_NONE)
			num[root] = t->nthreads++;
		t->thread[i] = num[root];
	}
	if (t->nthreads > 0 &&
	    (t->head = malloc(t->nthreads * sizeof(*t->head))) == NULL)
		goto out;
	for (i = 0; i < t->nthreads; i++)
		t->head[i] = CR_NONE;
	for (i = 0; i < t->n; i++) {
		size_t *h;
		if (t->thread[i] == CR_NONE)
			continue;
		h = &t->head[t->thread[i]];
		if (*h == CR_NONE || cr_threads_later(t, *h, i))
			*h = i;
	}
	rc = 0;
out:
	free(parent);
	free(size);
	free(num);
	return rc;
}

/* The slot of the thread action (thread, id). */
static size_t *
action_slot(const cr_threads *t, struct table *tb, size_t thread,
	    const char *id)
{
	size_t i =
	    (size_t)hash_str(id, HASH_SEED ^ (thread * 0x9e3779b97f4a7c15ULL)) &
	    tb->mask;

	while (tb->slot[i] != CR_NONE &&
	       (t->actions[tb->slot[i]].thread != thread ||
		strcmp(t->actions[tb->slot[i]].id, id) != 0))
		i = (i + 1) & tb->mask;
	return &tb->slot[i];
}

/* Whether the actions of report i are counted. */
static int
counted(const cr_threads *t, size_t i)
{
	return t->thread[i] != CR_NONE &&
	       (!(t->flags & CR_THREADS_DATED) || t->node[i].dated);
}

/* Groups every action occurrence into its thread action. */
static int
find_actions(cr_threads *t)
{
	struct table tb = {NULL, 0};
	size_t *seen = NULL, i, j, total = 0, g;
	int rc = -1;

	for (i = 0; i < t->n; i++) {
		t->occ[i] = total;
		if (counted(t, i))
			total += t->node[i].nitems;
	}
	t->occ[t->n] = total;
	if (total == 0)
		return 0;
	if ((t->of = malloc(total * sizeof(*t->of))) == NULL ||
	    (t->actions = malloc(total * sizeof(*t->actions))) == NULL ||
	    (seen = malloc(total * sizeof(*seen))) == NULL ||
	    table_init(&tb, total) == -1)
		goto out;
	for (i = 0; i < t->n; i++) {
		if (!counted(t, i))
			continue;
		for (j = 0; j < t->node[i].nitems; j++) {
			const char *id = t->node[i].items[j].id;
			cr_thread_action *a;
			size_t *s = NULL;

			if (has_id(id))
				s = action_slot(t, &tb, t->thread[i], id);
			if (s == NULL || *s == CR_NONE) {
				g = t->nactions++;
				a = &t->actions[g];
				a->thread = t->thread[i];
				a->id = has_id(id) ? id : NULL;
				a->first = a->latest = i;
				a->action = j;
				a->count = 1;
				seen[g] = i;
				if (s != NULL)
					*s = g;
			} else {
				g = *s;
				a = &t->actions[g];
				if (seen[g] != i) {
					a->count++;
					seen[g] = i;
				}
				if (a->latest == i ||
				    cr_threads_later(t, i, a->latest)) {
					a->latest = i;
					a->action = j;
				}
				if (cr_threads_later(t, a->first, i))
					a->first = i;
			}
			t->of[t->occ[i] + j] = g;
		}
	}
	rc = 0;
out:
	free(tb.slot);
	free(seen);
	return rc;
}

/* The open and blocked actions of each previous report that the report
 * naming it leaves out. */
static int
find_lost(cr_threads *t)
{
	size_t *stamp, cap = 0, i, j, p, k;

	if (t->nactions == 0)
		return 0;
	if ((stamp = malloc(t->nactions * sizeof(*stamp))) == NULL)
		return -1;
	for (i = 0; i < t->nactions; i++)
		stamp[i] = CR_NONE;
	for (i = 0; i < t->n; i++) {
		if ((p = t->prev[i]) == CR_NONE || p == i || !counted(t, i) ||
		    !counted(t, p))
			continue;
		for (k = t->occ[i]; k < t->occ[i + 1]; k++)
			stamp[t->of[k]] = i;
		for (j = 0, k = t->occ[p]; k < t->occ[p + 1]; j++, k++) {
			cr_thread_lost *l;

			if (stamp[t->of[k]] == i || !t->node[p].items[j].open)
				continue;
			if (cr_grow(&t->lost, &cap, t->nlost + 1,
				    sizeof(*t->lost)) == -1) {
				free(stamp);
				return -1;
			}
			l = &t->lost[t->nlost++];
			l->report = i;
			l->prev = p;
			l->action = j;
		}
	}
	free(stamp);
	return 0;
}

int
cr_threads_build_nodes(cr_threads *t, const cr_thread_node *nodes, size_t n,
		       unsigned flags)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	t->node = nodes;
	t->n = n;
	t->flags = flags;
	if ((t->occ = malloc((n + 1) * sizeof(*t->occ))) == NULL)
		goto fail;
	if (n == 0) {
		t->occ[0] = 0;
		return 0;
	}
	t->thread = malloc(n * sizeof(*t->thread));
	t->prev = malloc(n * sizeof(*t->prev));
	t->when = malloc(n * sizeof(*t->when));
	t->depth = malloc(n * sizeof(*t->depth));
	t->cycle = calloc(n, 1);
	if (t->thread == NULL || t->prev == NULL || t->when == NULL ||
	    t->depth == NULL || t->cycle == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		t->thread[i] = CR_NONE;
		/* a report without a date sorts before every dated one */
		t->when[i] = nodes[i].when;
	}
	if (link_reports(t) == -1 || find_cycles(t) == -1 ||
	    find_depths(t) == -1 || find_threads(t) == -1 ||
	    find_actions(t) == -1 || find_lost(t) == -1)
		goto fail;
	return 0;
fail:
	cr_threads_free(t);
	return -1;
}

/* The nodes of reports (a NULL one as a broken one). */
int
cr_threads_build(cr_threads *t, const cr_report *const *rs, size_t n,
		 unsigned flags)
{
	cr_thread_node *nodes = NULL;
	cr_thread_item *items = NULL;
	size_t i, j, total = 0;

	for (i = 0; i < n; i++)
		if (rs[i] != NULL)
			total += rs[i]->actions.len;
	if ((n > 0 && (nodes = calloc(n, sizeof(*nodes))) == NULL) ||
	    (total > 0 && (items = malloc(total * sizeof(*items))) == NULL)) {
		free(nodes);
		memset(t, 0, sizeof(*t));
		return -1;
	}
	for (i = 0, total = 0; i < n; i++) {
		const cr_report *r = rs[i];
		cr_thread_node *o = &nodes[i];

		o->when = LLONG_MIN;
		if (r == NULL) {
			o->broken = 1;
			continue;
		}
		o->id = r->id.s;
		o->previous = r->previous.s;
		o->broken = r->broken;
		o->dated = r->date.valid;
		if (r->date.valid)
			o->when = cr_datetime_epoch(&r->date.dt, 0);
		o->items = items + total;
		o->nitems = r->actions.len;
		for (j = 0; j < r->actions.len; j++) {
			items[total].id = r->actions.items[j].id.s;
			items[total++].open =
			    cr_action_open(&r->actions.items[j]);
		}
	}
	if (cr_threads_build_nodes(t, nodes, n, flags) == -1) {
		free(nodes);
		free(items);
		return -1;
	}
	t->rs = rs;
	t->own_nodes = nodes;
	t->own_items = items;
	return 0;
}

void
cr_threads_free(cr_threads *t)
{
	free(t->thread);
	free(t->prev);
	free(t->cycle);
	free(t->head);
	free(t->when);
	free(t->depth);
	free(t->ids);
	free(t->actions);
	free(t->occ);
	free(t->of);
	free(t->lost);
	free(t->own_nodes);
	free(t->own_items);
	memset(t, 0, sizeof(*t));
}

const cr_thread_action *
cr_threads_action_of(const cr_threads *t, size_t r, size_t i)
{
	if (r >= t->n || t->occ[r] + i >= t->occ[r + 1])
		return NULL;
	return &t->actions[t->of[t->occ[r] + i]];
}

int
cr_threads_current(const cr_threads *t, size_t r, size_t i)
{
	const cr_thread_action *a = cr_threads_action_of(t, r, i);

	return a != NULL && a->latest == r;
}

/* ------------------------------------------------------------ numbering */

/* The number an id ends with, and where its digits start; -1 when it
 * ends with none (or too many to be a count). */
static long long
trailing_number(const char *id, size_t *digits)
{
	size_t n = strlen(id), i = n;
	long long v = 0;

	while (i > 0 && id[i - 1] >= '0' && id[i - 1] <= '9')
		i--;
	if (i == n || n - i > 9)
		return -1;
	for (*digits = i; i < n; i++)
		v = v * 10 + (id[i] - '0');
	return v;
}

int
cr_action_id_next(const char *const *ids, size_t n, char **out)
{
	const char *best = NULL;
	size_t i, at = 0, bat = 0;
	long long v, max = -1;
	cr_buf b;

	*out = NULL;
	for (i = 0; i < n; i++) {
		if (!has_id(ids[i]) || (v = trailing_number(ids[i], &at)) < 0)
			continue;
		if (v > max) {
			max = v;
			best = ids[i];
			bat = at;
		}
	}
	if (best == NULL)
		return 0;
	cr_buf_init(&b);
	cr_buf_printf(&b, "%.*s%lld", (int)bat, best, max + 1);
	if (b.oom) {
		cr_buf_free(&b);
		return -1;
	}
	*out = cr_buf_detach(&b, NULL);
	return 0;
}
