/*
 * cr_words.h - finding the entries of word lists in text (check_words.c);
 * internal to the library.
 *
 * Entries are matched on word boundaries, on canonically decomposed text
 * (NFC and NFD spellings alike) and ignoring case (Unicode case folding,
 * utf8proc) unless the set is built case-sensitive. A space in an entry matches
 * any run of blanks in the text; a trailing '*' lets the entry match the start
 * of a longer word (a stem: "rude*" finds "rudely", never "crude"). An
 * entry that starts with a CJK character is found as a substring, since
 * Chinese does not separate words with spaces.
 */
#ifndef CR_WORDS_H
#define CR_WORDS_H

#include <stddef.h>

typedef struct cr_words cr_words;

/* The embedded lists (lib/data, NULL-ended, static). */
enum cr_wordlist {
	CR_WORDS_EMOTIONAL_EN,
	CR_WORDS_EMOTIONAL_VI,
	CR_WORDS_EMOTIONAL_ZH,
	CR_WORDS_EMOTIONAL_RU,
	CR_WORDS_VAGUE_DUE,
	CR_WORDS_PLACEHOLDER,
	CR_WORDS__COUNT
};
const char *const *cr_wordlist_get(enum cr_wordlist which);

/* A matcher over the union of `n` lists (static: only pointed to).
 * Returns NULL when memory ran out. */
cr_words *cr_words_new(const char *const *const *lists, size_t n, int fold);
void cr_words_free(cr_words *w);

/*
 * The first entry found in text at or after byte offset `from`: sets
 * *at and *len (bytes of text matched) and *entry (the entry as listed,
 * its '*' included), returns 1; 0 when there is none.
 */
int cr_words_find(const cr_words *w, const char *text, size_t from, size_t *at,
		  size_t *len, const char **entry);

#endif
