/*
 * arena.c - a bump allocator for the nodes of one document: each
 * allocation a few instructions, nothing freed but the whole arena at
 * once (the YAML and Markdown readers' trees: SPEC 4 bounds their size).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define ARENA_ALIGN (_Alignof(max_align_t))
#define ROUND(n) (((n) + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1))
#define ARENA_FIRST 4096u /* bytes of the first chunk (the arena in it) */
#define ARENA_MAX 65536u  /* chunks grow by doubling up to this */

struct chunk {
	struct chunk *next;
	size_t size; /* usable bytes after the header */
	max_align_t data[];
};

/* The arena itself is the start of its first chunk. */
struct cr_arena {
	struct chunk *head; /* the chunk allocations come from */
	char *p, *end;	    /* its free space */
	size_t next;	    /* size of the next chunk */
	struct chunk *big;  /* allocations too big for a chunk, each its own */
};

static struct chunk *
chunk_new(size_t size)
{
	struct chunk *c;

	if (size > (size_t)-1 - sizeof(*c) ||
	    (c = malloc(sizeof(*c) + size)) == NULL)
		return NULL;
	c->next = NULL;
	c->size = size;
	return c;
}

cr_arena *
cr_arena_new(void)
{
	struct chunk *c = chunk_new(ARENA_FIRST);
	cr_arena *a;

	if (c == NULL)
		return NULL;
	a = (cr_arena *)(void *)c->data;
	a->head = c;
	a->p = (char *)c->data + ROUND(sizeof(*a));
	a->end = (char *)c->data + c->size;
	a->next = 2 * ARENA_FIRST;
	a->big = NULL;
	return a;
}

static void
chunks_free(struct chunk *c)
{
	struct chunk *next;

	for (; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
}

void
cr_arena_free(cr_arena *a)
{
	if (a == NULL)
		return;
	chunks_free(a->big);
	chunks_free(a->head); /* the first, which holds a, last */
}

/* The slow path of cr_arena_alloc: a new chunk, or a chunk of its own
 * for a size beyond a quarter of one (the free space of the current
 * chunk stays in use). */
static void *
arena_refill(cr_arena *a, size_t size)
{
	struct chunk *c;

	if (size > a->next / 4) {
		if ((c = chunk_new(size)) == NULL)
			return NULL;
		c->next = a->big;
		a->big = c;
		return c->data;
	}
	if ((c = chunk_new(a->next)) == NULL)
		return NULL;
	c->next = a->head;
	a->head = c;
	a->p = (char *)c->data + size;
	a->end = (char *)c->data + c->size;
	if (a->next < ARENA_MAX)
		a->next *= 2;
	return c->data;
}

void *
cr_arena_alloc(cr_arena *a, size_t size)
{
	void *p;

	if (size > (size_t)-1 - ARENA_ALIGN)
		return NULL;
	size = ROUND(size);
	if (size == 0)
		size = ARENA_ALIGN;
	if ((size_t)(a->end - a->p) < size)
		return arena_refill(a, size);
	p = a->p;
	a->p += size;
	return p;
}

char *
cr_arena_strndup(cr_arena *a, const char *s, size_t n)
{
	char *p;

	if (n == (size_t)-1 || (p = cr_arena_alloc(a, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
cr_arena_grow(cr_arena *a, void *items, size_t *cap, size_t need, size_t size)
{
	void **pp = items, *p;
	size_t n = *cap != 0 ? *cap : 4;

	if (need <= *cap)
		return 0;
	while (n < need) {
		if (n > (size_t)-1 / 2)
			return -1;
		n *= 2;
	}
	if (n > (size_t)-1 / size || (p = cr_arena_alloc(a, n * size)) == NULL)
		return -1;
	/* the old array stays in the arena, unused: doubling bounds that
	 * to the size of the new one */
	if (*cap > 0)
		memcpy(p, *pp, *cap * size);
	*pp = p;
	*cap = n;
	return 0;
}
