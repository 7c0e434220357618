/*
 * test_words.c - the word matcher (check_words.c) on its own: every entry
 * of every embedded list is found in a text made of it (as written, in
 * capitals, after a word, as the stem of a longer word), at the exact
 * byte and length, and not inside a longer word; the rules of cr_words.h
 * one by one (blank runs, NFD text, stems, CJK substrings, the fold of
 * U+00DF, the placeholders' case).
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
#include "cr_words.h"

static cr_words *
matcher(enum cr_wordlist which, int fold)
{
	const char *const *list = cr_wordlist_get(which);
	cr_words *w = cr_words_new(&list, 1, fold);

	assert_non_null(w);
	return w;
}

static void
expect_at(const cr_words *w, const char *text, size_t from, size_t at,
	  size_t len)
{
	size_t a = 0, l = 0;
	const char *e = NULL;

	if (!cr_words_find(w, text, from, &a, &l, &e))
		fail_msg("nothing found in '%s'", text);
	if (a != at || l != len)
		fail_msg("'%s': found '%s' at %zu+%zu, want %zu+%zu", text, e,
			 a, l, at, len);
}

static void
expect_none(const cr_words *w, const char *text)
{
	size_t a, l;
	const char *e;

	if (cr_words_find(w, text, 0, &a, &l, &e))
		fail_msg("'%s': found '%s' at %zu", text, e, a);
}

static int
is_cjk_entry(const char *s)
{
	unsigned cp;

	return cr_utf8_decode(s, strlen(s), &cp) > 0 && cp >= 0x2e80;
}

/* Every entry of the list, in the texts it must and must not match in. */
static void
each_entry(enum cr_wordlist which)
{
	const char *const *list = cr_wordlist_get(which);
	cr_words *w = matcher(which, 1);
	char text[512];
	size_t i, n;

	for (i = 0; list[i] != NULL; i++) {
		int stem;

		n = strlen(list[i]);
		stem = n > 0 && list[i][n - 1] == '*';
		if (stem)
			n--;
		if (n == 0 || n > 200)
			continue;
		snprintf(text, sizeof(text), "%.*s", (int)n, list[i]);
		expect_at(w, text, 0, 0, n);
		snprintf(text, sizeof(text), "(1) - %.*s.", (int)n, list[i]);
		expect_at(w, text, 0, 6, n);
		/* found again after a first match */
		snprintf(text, sizeof(text), "%.*s; %.*s", (int)n, list[i],
			 (int)n, list[i]);
		expect_at(w, text, n, n + 2, n);
		if (stem) {
			snprintf(text, sizeof(text), "%.*sness x", (int)n,
				 list[i]);
			expect_at(w, text, 0, 0, n + 4);
		}
		if (!is_cjk_entry(list[i])) {
			/* inside a word: never there (another entry may
			 * start at a later word of it) */
			size_t a, l;
			const char *e;

			snprintf(text, sizeof(text), "zq%.*s", (int)n, list[i]);
			if (cr_words_find(w, text, 0, &a, &l, &e) && a < 3)
				fail_msg("'%s': found '%s' at %zu", text, e, a);
		}
		/* in capitals (the fold) */
		{
			char caps[512];
			size_t k;

			snprintf(caps, sizeof(caps), "%.*s", (int)n, list[i]);
			for (k = 0; caps[k] != '\0'; k++)
				if (caps[k] >= 'a' && caps[k] <= 'z')
					caps[k] = (char)(caps[k] - 32);
			expect_at(w, caps, 0, 0, n);
		}
	}
	cr_words_free(w);
}

static void
test_every_entry(void **state)
{
	(void)state;
	each_entry(CR_WORDS_EMOTIONAL_EN);
	each_entry(CR_WORDS_EMOTIONAL_VI);
	each_entry(CR_WORDS_EMOTIONAL_ZH);
	each_entry(CR_WORDS_EMOTIONAL_RU);
	each_entry(CR_WORDS_VAGUE_DUE);
}

static void
test_rules(void **state)
{
	static const char *const stems[] = {"rude*",   "tan", "sehr gut",
					    "strasse", "怒",  NULL};
	const char *const *lists[] = {stems};
	cr_words *w = cr_words_new(lists, 1, 1), *ph;

	(void)state;
	assert_non_null(w);
	/* a stem runs to the end of its word; never inside one */
	expect_at(w, "so rudely put", 0, 3, 6);
	expect_none(w, "crude oil");
	/* a whole word: not the start of a longer one */
	expect_none(w, "tango");
	expect_at(w, "a tan.", 0, 2, 3);
	/* a blank in an entry: any run of blanks, NBSP included */
	expect_at(w, "x sehr \t gut y", 0, 2, 10);
	expect_at(w, "sehr\xc2\xa0gut", 0, 0, 9);
	expect_none(w, "sehrgut");
	/* NFD text and case: U+00DF folds to "ss" */
	expect_at(w,
		  "Stra\xc3\x9f"
		  "e",
		  0, 0, 7);
	expect_at(w, "STRASSE", 0, 0, 7);
	/* "tan" must not end inside a decomposed letter: t a n + U+0303 */
	expect_none(w, "tan\xcc\x83");
	/* CJK: a substring, even after a letter */
	expect_at(w, "他很怒了", 0, 6, 3);
	cr_words_free(w);
	/* placeholders: case-sensitive, whole words */
	ph = matcher(CR_WORDS_PLACEHOLDER, 0);
	expect_at(ph, "see TODO: x", 0, 4, 4);
	expect_none(ph, "see todo");
	expect_none(ph, "TODOS");
	expect_at(ph, "a XXX b TBD", 5, 8, 3);
	expect_none(ph, "");
	/* the byte pairs no entry opens with are passed over: "TV", "Tx",
	 * "XA", "FA", a T at the very end */
	expect_none(ph, "TVC shoot, Tx, XAML, FAQ T");
	expect_at(ph, "TVC TTBD TBD", 0, 9, 3);
	expect_at(ph, "Fix FIXME", 0, 4, 5);
	expect_at(ph, "XXXX XXX", 0, 5, 3);
	cr_words_free(ph);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_entry),
	    cmocka_unit_test(test_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
