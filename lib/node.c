/*
 * node.c - generic nodes: the trees of the YAML loader and the Markdown
 * reader, made in an arena per document, and the malloc'd copies that a
 * report keeps of its extension values.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

cr_node *
cr_node_new(cr_arena *a, cr_node_type type, cr_pos pos)
{
	cr_node *n;

	if (a == NULL)
		n = calloc(1, sizeof(*n));
	else if ((n = cr_arena_alloc(a, sizeof(*n))) != NULL)
		memset(n, 0, sizeof(*n));
	if (n != NULL) {
		n->type = type;
		n->pos = pos;
		n->arena = a;
	}
	return n;
}

cr_node *
cr_node_root(cr_node_type type, cr_pos pos)
{
	cr_arena *a = cr_arena_new();
	cr_node *n;

	if (a == NULL)
		return NULL;
	if ((n = cr_node_new(a, type, pos)) == NULL) {
		cr_arena_free(a);
		return NULL;
	}
	n->owns_arena = 1;
	return n;
}

void
cr_node_free(cr_node *n)
{
	size_t i;

	if (n == NULL)
		return;
	if (n->arena != NULL) {
		/* the rest of the tree goes with its root */
		if (n->owns_arena)
			cr_arena_free(n->arena);
		return;
	}
	for (i = 0; i < n->len; i++)
		cr_node_free(n->items[i]);
	free(n->items);
	free(n->value);
	free(n);
}

cr_node *
cr_node_scalar(cr_arena *a, const char *s, size_t len, cr_pos pos, int exact)
{
	cr_node *n = cr_node_new(a, CR_NODE_SCALAR, pos);

	if (n == NULL)
		return NULL;
	n->value = a != NULL ? cr_arena_strndup(a, s, len) : cr_strndup(s, len);
	if (n->value == NULL) {
		cr_node_free(n);
		return NULL;
	}
	n->exact = exact != 0;
	return n;
}

int
cr_node_append(cr_node *parent, cr_node *child)
{
	size_t need = parent->len + 1;

	if ((parent->arena != NULL
		 ? cr_arena_grow(parent->arena, &parent->items, &parent->cap,
				 need, sizeof(*parent->items))
		 : cr_grow(&parent->items, &parent->cap, need,
			   sizeof(*parent->items))) == -1)
		return -1;
	parent->items[parent->len++] = child;
	return 0;
}

int
cr_node_push(cr_node *parent, cr_node *child)
{
	if (child == NULL)
		return -1;
	if (cr_node_append(parent, child) == -1) {
		cr_node_free(child);
		return -1;
	}
	return 0;
}

cr_node *
cr_node_copy(const cr_node *src)
{
	cr_node *n;
	size_t i;

	if ((n = calloc(1, sizeof(*n))) == NULL)
		return NULL;
	n->type = src->type;
	n->pos = src->pos;
	n->end = src->end;
	n->plain = src->plain;
	n->exact = src->exact;
	n->noted = src->noted;
	n->stable = src->stable;
	if (src->value != NULL && (n->value = cr_strdup(src->value)) == NULL)
		goto fail;
	if (src->len > 0 &&
	    (n->items = calloc(src->len, sizeof(*n->items))) == NULL)
		goto fail;
	n->cap = src->len;
	for (i = 0; i < src->len; i++) {
		if (src->items[i] != NULL &&
		    (n->items[i] = cr_node_copy(src->items[i])) == NULL)
			goto fail;
		n->len++;
	}
	return n;
fail:
	cr_node_free(n);
	return NULL;
}

int
cr_node_exact(const cr_node *n)
{
	return n->exact || (n->plain && n->end.line == n->pos.line);
}

int
cr_node_is_null(const cr_node *n)
{
	const char *v;

	if (n == NULL)
		return 1;
	if (n->type != CR_NODE_SCALAR || !n->plain)
		return 0;
	v = n->value;
	return *v == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	       strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}
