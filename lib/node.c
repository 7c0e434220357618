/* node.c - building generic nodes (the Markdown reader's positioned tree). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

cr_node *
cr_node_new(cr_node_type type, cr_pos pos)
{
	cr_node *n = calloc(1, sizeof(*n));

	if (n != NULL) {
		n->type = type;
		n->pos = pos;
	}
	return n;
}

cr_node *
cr_node_scalar(const char *s, size_t len, cr_pos pos, int exact)
{
	cr_node *n = cr_node_new(CR_NODE_SCALAR, pos);

	if (n == NULL)
		return NULL;
	if ((n->value = cr_strndup(s, len)) == NULL) {
		free(n);
		return NULL;
	}
	n->exact = exact != 0;
	return n;
}

int
cr_node_push(cr_node *parent, cr_node *child)
{
	if (child == NULL)
		return -1;
	if (cr_grow(&parent->items, &parent->cap, parent->len + 1,
		    sizeof(*parent->items)) == -1) {
		cr_node_free(child);
		return -1;
	}
	parent->items[parent->len++] = child;
	return 0;
}

int
cr_node_exact(const cr_node *n)
{
	return n->exact || (n->plain && n->end.line == n->pos.line);
}
