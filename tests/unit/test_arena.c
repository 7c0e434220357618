/*
 * test_arena.c - the readers' allocator (arena.c) and the nodes made in
 * it (node.c): alignment, growth past a chunk, big allocations, arrays
 * that keep their items when they grow, and trees freed by their root.
 * Leaks and overruns are for ASan and valgrind, which run this too.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

static void
test_alloc_aligned_distinct(void **state)
{
	cr_arena *a = cr_arena_new();
	char *prev = NULL;
	size_t i, sz, prevsz = 0;

	(void)state;
	assert_non_null(a);
	/* many chunks' worth of odd sizes: each aligned, each writable
	 * whole, none overlapping the one before */
	for (i = 0; i < 20000; i++) {
		char *p;

		sz = 1 + (i * 7919) % 200;
		assert_non_null(p = cr_arena_alloc(a, sz));
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		memset(p, (int)(i & 0xff), sz);
		if (prev != NULL)
			assert_true(p >= prev + prevsz || p + sz <= prev);
		prev = p;
		prevsz = sz;
	}
	cr_arena_free(a);
}

static void
test_big_and_zero(void **state)
{
	cr_arena *a = cr_arena_new();
	char *big, *small;

	(void)state;
	assert_non_null(a);
	assert_non_null(small = cr_arena_alloc(a, 0));
	assert_non_null(big = cr_arena_alloc(a, 1 << 20));
	memset(big, 'x', 1 << 20);
	assert_non_null(small = cr_arena_alloc(a, 16));
	memset(small, 'y', 16);
	assert_int_equal(big[(1 << 20) - 1], 'x');
	assert_null(cr_arena_alloc(a, (size_t)-1));
	cr_arena_free(a);
	cr_arena_free(NULL);
}

static void
test_strndup(void **state)
{
	cr_arena *a = cr_arena_new();
	char *s;

	(void)state;
	assert_non_null(s = cr_arena_strndup(a, "hello, world", 5));
	assert_string_equal(s, "hello");
	assert_non_null(s = cr_arena_strndup(a, "", 0));
	assert_string_equal(s, "");
	cr_arena_free(a);
}

static void
test_grow_keeps_items(void **state)
{
	cr_arena *a = cr_arena_new();
	size_t *v = NULL, cap = 0, i;

	(void)state;
	for (i = 0; i < 5000; i++) {
		assert_int_equal(cr_arena_grow(a, &v, &cap, i + 1, sizeof(*v)),
				 0);
		assert_true(cap >= i + 1);
		v[i] = i * 3;
	}
	for (i = 0; i < 5000; i++)
		assert_int_equal(v[i], i * 3);
	assert_int_equal(cr_arena_grow(a, &v, &cap, 10, sizeof(*v)), 0);
	assert_int_equal(v[4999], 4999 * 3); /* no smaller */
	cr_arena_free(a);
}

/* A tree in an arena, freed by its root; a malloc'd copy of a subtree
 * that outlives it (what a report keeps of an extension value). */
static void
test_nodes(void **state)
{
	cr_pos p = {3, 4, 4};
	cr_node *root, *seq, *copy, *n;
	size_t i;
	char text[16];

	(void)state;
	assert_non_null(root = cr_node_root(CR_NODE_MAP, p));
	assert_true(root->owns_arena);
	assert_non_null(root->arena);
	assert_int_equal(
	    cr_node_push(root, cr_node_scalar(root->arena, "k", 1, p, 1)), 0);
	assert_non_null(seq = cr_node_new(root->arena, CR_NODE_SEQ, p));
	assert_int_equal(cr_node_push(root, seq), 0);
	for (i = 0; i < 1000; i++) {
		snprintf(text, sizeof(text), "v%zu", i);
		assert_int_equal(
		    cr_node_push(seq, cr_node_scalar(seq->arena, text,
						     strlen(text), p, 0)),
		    0);
	}
	assert_int_equal(cr_node_push(seq, NULL), -1);
	assert_int_equal(seq->len, 1000);
	assert_string_equal(seq->items[999]->value, "v999");
	assert_true(cr_node_exact(root->items[0]));
	cr_node_free(seq); /* not the root: nothing happens */
	assert_non_null(copy = cr_node_copy(seq));
	assert_null(copy->arena);
	assert_int_equal(copy->len, 1000);
	assert_int_equal(copy->pos.line, 3);
	cr_node_free(root);
	assert_string_equal(copy->items[7]->value, "v7");
	/* a malloc'd node takes children made with malloc */
	assert_non_null(n = cr_node_scalar(NULL, "x", 1, p, 0));
	assert_int_equal(cr_node_push(copy, n), 0);
	assert_int_equal(copy->len, 1001);
	cr_node_free(copy);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_alloc_aligned_distinct),
	    cmocka_unit_test(test_big_and_zero),
	    cmocka_unit_test(test_strndup),
	    cmocka_unit_test(test_grow_keeps_items),
	    cmocka_unit_test(test_nodes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
