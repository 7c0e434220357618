/*
 * check_words.c - word lists (the .txt files of lib/data, embedded at build
 * time) and finding their entries in text; see cr_words.h for the matching
 * rules.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "cr_words.h"

/* Every list of lib/data is used here, and only here. */
#include "cr_data.h"

static const char *const placeholders[] = {"TODO", "TBD", "FIXME", "XXX", NULL};

const char *const *
cr_wordlist_get(enum cr_wordlist which)
{
	switch (which) {
	case CR_WORDS_EMOTIONAL_EN:
		return cr_data_emotional_en;
	case CR_WORDS_EMOTIONAL_VI:
		return cr_data_emotional_vi;
	case CR_WORDS_EMOTIONAL_ZH:
		return cr_data_emotional_zh;
	case CR_WORDS_EMOTIONAL_RU:
		return cr_data_emotional_ru;
	case CR_WORDS_VAGUE_DUE:
		return cr_data_vague_due;
	case CR_WORDS_PLACEHOLDER:
	default:
		return placeholders;
	}
}

struct entry {
	const char *text; /* as listed */
	unsigned *cps;	  /* decomposed (and folded) code points, no '*' */
	size_t n;
	int stem;	 /* trailing '*': any ending */
	int substr;	 /* CJK: no word boundaries */
	unsigned second; /* cps[1], or ANY (one code point, or a blank) */
	size_t gend;	 /* the end of the entries with its first cps[0] */
};

#define ANY (~0u)

/*
 * The expansions of the letters of the alphabets the lists are in (Latin
 * with its extensions, Vietnamese among them, and Cyrillic), made once
 * with the matcher: the scan expands most code points of such text, and
 * utf8proc's decomposition is the costly part of it.
 */
#define TAB_MAX 4
struct expansion {
	unsigned char n; /* 0: longer than TAB_MAX, ask utf8proc */
	unsigned cps[TAB_MAX];
};
static const struct {
	unsigned lo, hi;
} tab_ranges[] = {{0x80, 0x250}, {0x370, 0x530}, {0x1e00, 0x1f00}};
#define TAB_SIZE ((0x250 - 0x80) + (0x530 - 0x370) + (0x1f00 - 0x1e00))

struct cr_words {
	struct entry *e;
	size_t n;
	int fold;
	struct expansion *tab; /* TAB_SIZE, by tab_index */
	/* the entries by first code point, then second (ANY last), then
	 * in their order: those of one first and second at once */
	const struct entry **by2;
	/* bit c: some entry starts with code point c (those in the BMP) */
	unsigned char bmp_first[0x10000 / 8];
	unsigned char first[16]; /* bit c: some entry starts with ASCII c */
	unsigned char bytes[32]; /* bit b: a text byte that may start one */
	char starts[129];	 /* those bytes as a string, for strcspn */
	/* per ASCII byte: CLS_WORD, CLS_START (its folded letter starts
	 * some entry) */
	unsigned char cls[128];
	/* the first of the entries that start with ASCII c (sorted) */
	unsigned lo[128];
	int ascii; /* every entry starts with an ASCII char */
	/* with ascii: bit b of pair[c], an entry starting with c may have
	 * the byte b second (any b >= 0x80 may: a decomposed letter) */
	unsigned char pair[128][16];
};

#define CLS_WORD 1
#define CLS_START 2

static inline int
is_cjk(unsigned cp)
{
	return (cp >= 0x2e80 && cp <= 0x9fff) ||
	       (cp >= 0xac00 && cp <= 0xd7af) ||
	       (cp >= 0xf900 && cp <= 0xfaff) ||
	       (cp >= 0x20000 && cp <= 0x3ffff);
}

static int
is_blank(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == 0xa0 || cp == 0x3000;
}

/* A letter or digit that continues a word. A CJK character stands alone:
 * an English word right after one still starts a word. */
static inline int
is_word(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7)
		return 0; /* Latin-1 punctuation, NBSP */
	if (cp >= 0x2000 && cp <= 0x2bff)
		return 0; /* punctuation, symbols, arrows */
	if (cp >= 0x3000 && cp <= 0x303f)
		return 0; /* CJK punctuation */
	if (cp >= 0xff00 && cp <= 0xff65 && !(cp >= 0xff10 && cp <= 0xff19) &&
	    !(cp >= 0xff21 && cp <= 0xff3a) && !(cp >= 0xff41 && cp <= 0xff5a))
		return 0; /* fullwidth punctuation */
	if (cp == 0xfffd || cp == 0xfeff)
		return 0;
	return !is_cjk(cp);
}

/* Where cp is in the table, or -1. */
static int
tab_index(unsigned cp)
{
	size_t r;
	int base = 0;

	for (r = 0; r < CR_ARRAY_LEN(tab_ranges); r++) {
		if (cp < tab_ranges[r].lo)
			return -1;
		if (cp < tab_ranges[r].hi)
			return base + (int)(cp - tab_ranges[r].lo);
		base += (int)(tab_ranges[r].hi - tab_ranges[r].lo);
	}
	return -1;
}

static int
expand(const cr_words *w, unsigned cp, unsigned out[CR_UTF8_EXPAND_MAX])
{
	const struct expansion *x;
	int i, k;

	if (cp < 0x80) {
		out[0] = w->fold && cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
		return 1;
	}
	if (cp >= 0x4e00 && cp <= 0x9fff) {
		/* a CJK ideograph: no decomposition, no folding */
		out[0] = cp;
		return 1;
	}
	if (w->tab != NULL && (i = tab_index(cp)) >= 0 &&
	    (x = &w->tab[i])->n > 0) {
		for (k = 0; k < x->n; k++)
			out[k] = x->cps[k];
		return x->n;
	}
	return cr_utf8_expand(cp, w->fold, out);
}

static int
tab_make(cr_words *w)
{
	unsigned x[CR_UTF8_EXPAND_MAX], cp;
	size_t r;
	int i, k, n;

	if ((w->tab = calloc(TAB_SIZE, sizeof(*w->tab))) == NULL)
		return -1;
	for (r = 0; r < CR_ARRAY_LEN(tab_ranges); r++)
		for (cp = tab_ranges[r].lo; cp < tab_ranges[r].hi; cp++) {
			i = tab_index(cp);
			n = cr_utf8_expand(cp, w->fold, x);
			if (n > TAB_MAX)
				continue;
			w->tab[i].n = (unsigned char)n;
			for (k = 0; k < n; k++)
				w->tab[i].cps[k] = x[k];
		}
	return 0;
}

/* Decodes one code point at s[i] of n bytes; invalid bytes are U+FFFD. */
static size_t
decode(const char *s, size_t n, size_t i, unsigned *cp)
{
	int k = cr_utf8_next(s + i, n - i, cp);

	if (k <= 0) {
		*cp = 0xfffd;
		return 1;
	}
	return (size_t)k;
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->cps[0] != y->cps[0])
		return x->cps[0] < y->cps[0] ? -1 : 1;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1; /* longest first */
	return strcmp(x->text, y->text);
}

void
cr_words_free(cr_words *w)
{
	size_t i;

	if (w == NULL)
		return;
	for (i = 0; i < w->n; i++)
		free(w->e[i].cps);
	free(w->e);
	free(w->tab);
	free(w->by2);
	free(w);
}

static int
by2_cmp(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a,
			   *y = *(const struct entry *const *)b;

	if (x->cps[0] != y->cps[0])
		return x->cps[0] < y->cps[0] ? -1 : 1;
	if (x->second != y->second)
		return x->second < y->second ? -1 : 1;
	return x < y ? -1 : x > y; /* in the order of w->e */
}

/* The entries of w->e sorted for the look-up by two code points. */
static int
by2_make(cr_words *w)
{
	size_t i, j;

	if (w->n == 0)
		return 0;
	if ((w->by2 = malloc(w->n * sizeof(*w->by2))) == NULL)
		return -1;
	for (i = 0; i < w->n; i++) {
		struct entry *e = &w->e[i];

		e->second = e->n >= 2 && e->cps[1] != ' ' ? e->cps[1] : ANY;
		w->by2[i] = e;
	}
	for (i = 0; i < w->n; i = j) {
		for (j = i + 1; j < w->n && w->e[j].cps[0] == w->e[i].cps[0];
		     j++)
			;
		while (i < j)
			w->e[i++].gend = j;
	}
	qsort(w->by2, w->n, sizeof(*w->by2), by2_cmp);
	return 0;
}

/* The first of by2[lo, hi) whose second is at least `second`. */
static size_t
by2_lower(const cr_words *w, size_t lo, size_t hi, unsigned second)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (w->by2[mid]->second < second)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

cr_words *
cr_words_new(const char *const *const *lists, size_t nlists, int dofold)
{
	size_t total = 0, l, i, len, j;
	cr_words *w;

	for (l = 0; l < nlists; l++)
		for (i = 0; lists[l][i] != NULL; i++)
			total++;
	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	w->fold = dofold;
	if (total > 0 && (w->e = calloc(total, sizeof(*w->e))) == NULL)
		goto fail;
	for (l = 0; l < nlists; l++) {
		for (i = 0; lists[l][i] != NULL; i++) {
			const char *s = lists[l][i];
			struct entry *e = &w->e[w->n];
			unsigned cp;

			len = strlen(s);
			if (len > 0 && s[len - 1] == '*') {
				e->stem = 1;
				len--;
			}
			if (len == 0)
				continue;
			if ((e->cps = malloc(len * CR_UTF8_EXPAND_MAX *
					     sizeof(*e->cps))) == NULL)
				goto fail;
			w->n++;
			e->text = s;
			for (j = 0; j < len;) {
				j += decode(s, len, j, &cp);
				e->n += (size_t)cr_utf8_expand(cp, dofold,
							       e->cps + e->n);
			}
			e->substr = is_cjk(e->cps[0]);
		}
	}
	if (w->n > 1)
		qsort(w->e, w->n, sizeof(*w->e), entry_cmp);
	if (by2_make(w) == -1)
		goto fail;
	/* A folded letter may come from a non-ASCII one (K from U+212A):
	 * the byte scan is only for case-sensitive lists. */
	w->ascii = !dofold;
	for (i = 0; i < w->n; i++) {
		unsigned c = w->e[i].cps[0];

		if (c >= 0x80) {
			w->ascii = 0;
			continue;
		}
		w->first[c >> 3] |= (unsigned char)(1u << (c & 7));
		w->bytes[c >> 3] |= (unsigned char)(1u << (c & 7));
		if (dofold && c >= 'a' && c <= 'z')
			w->bytes[(c - 32) >> 3] |=
			    (unsigned char)(1u << ((c - 32) & 7));
	}
	for (i = 0; w->ascii && i < w->n; i++) {
		const struct entry *e = &w->e[i];

		if (e->n >= 2 && e->cps[1] < 128)
			w->pair[e->cps[0]][e->cps[1] >> 3] |=
			    (unsigned char)(1u << (e->cps[1] & 7));
		else /* one character, or a second from beyond ASCII */
			memset(w->pair[e->cps[0]], 0xff, sizeof(w->pair[0]));
	}
	for (i = w->n; i-- > 0;)
		if (w->e[i].cps[0] < 128)
			w->lo[w->e[i].cps[0]] = (unsigned)i;
	for (i = 1, j = 0; i < 128; i++) {
		unsigned c = dofold && i >= 'A' && i <= 'Z' ? i + 32 : i;

		if (w->bytes[i >> 3] & (1u << (i & 7)))
			w->starts[j++] = (char)i;
		if (is_word((unsigned)i))
			w->cls[i] |= CLS_WORD;
		if (w->first[c >> 3] & (1u << (c & 7)))
			w->cls[i] |= CLS_START;
	}
	for (i = 0; i < w->n; i++) {
		unsigned c = w->e[i].cps[0];

		if (c < 0x10000)
			w->bmp_first[c >> 3] |= (unsigned char)(1u << (c & 7));
	}
	/* lists searched in non-ASCII text (not the placeholders) */
	if (!w->ascii && tab_make(w) == -1)
		goto fail;
	return w;
fail:
	cr_words_free(w);
	return NULL;
}

/* The text as decomposed (and folded) code points, one at a time, each
 * text code point expanded into buf. */
struct stream {
	const char *text;
	size_t n;
	size_t j, next; /* the text code point in buf: [j, next) */
	unsigned buf[CR_UTF8_EXPAND_MAX];
	int bn, bi;
	const cr_words *w;
};

static void
load(struct stream *t, size_t j)
{
	unsigned cp;

	t->j = j;
	t->bi = 0;
	t->bn = 0;
	if (j >= t->n)
		return;
	if ((unsigned char)t->text[j] < 0x80) {
		cp = (unsigned char)t->text[j];
		t->buf[0] = t->w->fold && cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
		t->bn = 1;
		t->next = j + 1;
		return;
	}
	t->next = j + decode(t->text, t->n, j, &cp);
	t->bn = expand(t->w, cp, t->buf);
}

/* Matches entry e at byte i of text; returns the bytes matched or 0. A
 * match starts and ends on whole text code points. */
static size_t
match(const cr_words *w, const struct entry *e, const char *text, size_t n,
      size_t i)
{
	struct stream t = {text, n, 0, 0, {0}, 0, 0, w};
	size_t k, j;
	unsigned cp;

	load(&t, i);
	for (k = 0; k < e->n; k++) {
		if (t.j >= n)
			return 0;
		if (e->cps[k] == ' ') {
			if (t.bi != 0)
				return 0;
			j = t.j;
			decode(text, n, j, &cp);
			if (!is_blank(cp))
				return 0;
			while (j < n && is_blank(cp)) {
				j += decode(text, n, j, &cp);
				if (j < n)
					decode(text, n, j, &cp);
			}
			load(&t, j);
			continue;
		}
		if (t.buf[t.bi] != e->cps[k])
			return 0;
		if (++t.bi == t.bn)
			load(&t, t.next);
	}
	if (t.bi != 0)
		return 0; /* inside a decomposed letter: "e" of "é" */
	j = t.j;
	if (e->substr)
		return j - i;
	/* the word must end here, or for a stem, runs on to its end */
	while (j < n) {
		size_t step = decode(text, n, j, &cp);
		if (!is_word(cp))
			break;
		if (!e->stem)
			return 0;
		j += step;
	}
	return j - i;
}

/* Whether e cannot match at byte i of text for a difference in the
 * run of ASCII that starts there: an ASCII character of the text is one
 * code point, itself or folded; past a non-ASCII one (which may expand
 * into letters, as the fold of U+00DF does) or a blank of the entry,
 * match() decides. */
static int
ascii_differs(const cr_words *w, const struct entry *e, const char *text,
	      size_t i)
{
	const unsigned char *t = (const unsigned char *)text + i;
	size_t k;

	for (k = 0; k < e->n; k++) {
		unsigned c = t[k], ec = e->cps[k];

		if (c >= 0x80 || ec == ' ' || ec >= 0x80)
			return 0;
		if (w->fold && c >= 'A' && c <= 'Z')
			c += 32;
		if (c != ec)
			return 1; /* the text's end (NUL) too */
	}
	return 0;
}

/* The second expanded code point of the text from the code point whose
 * expansion is x[0, bn), the next one at byte `next`; ~0u at the end. */
static unsigned
second_cp(const cr_words *w, const char *text, size_t n, size_t next,
	  const unsigned *x, int bn)
{
	unsigned y[CR_UTF8_EXPAND_MAX], cp;

	if (bn >= 2)
		return x[1];
	if (next >= n)
		return ~0u;
	decode(text, n, next, &cp);
	expand(w, cp, y);
	return y[0];
}

int
cr_words_find(const cr_words *w, const char *text, size_t from, size_t *at,
	      size_t *len, const char **entry)
{
	size_t n = strlen(text), i = from, step, lo, hi, mid, m, g1, a0, b0;
	unsigned cp, prev = ' ';
	int prev_word, word;

	if (w->n == 0 || i > n)
		return 0;
	if (w->ascii) {
		/* Lists whose entries all start with an ASCII letter (the
		 * placeholders): most texts hold none of those bytes, or
		 * none followed by a byte an entry can have second. No
		 * match starts before the first such pair. */
		const char *p = text + i;
		unsigned char c0, c1;

		for (;; p++) {
			p += strcspn(p, w->starts);
			if (*p == '\0')
				return 0;
			c0 = (unsigned char)p[0];
			c1 = (unsigned char)p[1];
			if (c1 >= 0x80 ||
			    (w->pair[c0][c1 >> 3] & (1u << (c1 & 7))))
				break;
		}
		i = (size_t)(p - text);
	}
	if (i > 0) {
		/* the character before `from`, for the word boundary */
		size_t b = i - 1;
		while (b > 0 && ((unsigned char)text[b] & 0xc0) == 0x80)
			b--;
		decode(text, n, b, &prev);
	}
	prev_word = is_word(prev);
	for (; i < n; i += step, prev_word = word) {
		unsigned c, x[CR_UTF8_EXPAND_MAX], second;
		int bn = 1;

		if ((unsigned char)text[i] < 0x80) {
			unsigned char b;

			/* A run of ASCII to a word start whose letter starts
			 * an entry: inside a word none does (CJK ones start
			 * with no ASCII letter) */
			while ((b = (unsigned char)text[i]) != '\0' &&
			       b < 0x80 &&
			       (prev_word || !(w->cls[b] & CLS_START))) {
				prev_word = w->cls[b] & CLS_WORD;
				i++;
			}
			if (b == '\0')
				return 0;
			if (b >= 0x80) {
				step = 0; /* the code point after the run */
				word = prev_word;
				continue;
			}
			cp = b;
			step = 1;
			word = w->cls[b] & CLS_WORD;
			c = w->fold && cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
		} else {
			const unsigned char *u =
			    (const unsigned char *)text + i;

			/* inside a word, a letter of Latin (Vietnamese among
			 * them) or Cyrillic, U+00C0-U+07FF but U+00D7 and
			 * U+00F7, or U+1000-U+1FFF: is_word, no CJK */
			if (prev_word && u[0] >= 0xc3 && u[0] <= 0xdf &&
			    (u[1] & 0xc0) == 0x80 &&
			    !(u[0] == 0xc3 && (u[1] == 0x97 || u[1] == 0xb7))) {
				step = 2;
				word = 1;
				continue;
			}
			if (prev_word && u[0] == 0xe1 &&
			    (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80) {
				step = 3;
				word = 1;
				continue;
			}
			step = decode(text, n, i, &cp);
			word = is_word(cp);
			if (prev_word && !is_cjk(cp))
				continue;
			bn = expand(w, cp, x);
			c = x[0];
			if (c < 0x10000 &&
			    !(w->bmp_first[c >> 3] & (1u << (c & 7))))
				continue;
		}
		lo = 0;
		hi = w->n;
		if (c < 128) /* no search: e[lo[c]] on start with c */
			lo = hi = w->lo[c];
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (w->e[mid].cps[0] < c)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo >= w->n || w->e[lo].cps[0] != c)
			continue;
		/* Of the entries that start with c, only those with the
		 * text's second code point and those that need none can
		 * match: two runs of by2, taken in the order of w->e */
		g1 = w->e[lo].gend;
		second = second_cp(w, text, n, i + step, x, bn);
		b0 = by2_lower(w, lo, g1, ANY);
		a0 = second == ANY ? b0 : by2_lower(w, lo, b0, second);
		for (;;) {
			const struct entry *e;

			if (a0 < b0 && w->by2[a0]->second == second &&
			    (b0 == g1 || w->by2[a0] < w->by2[b0]))
				e = w->by2[a0++];
			else if (b0 < g1)
				e = w->by2[b0++];
			else
				break;
			if (!e->substr && prev_word)
				continue;
			if (ascii_differs(w, e, text, i))
				continue;
			if ((m = match(w, e, text, n, i)) > 0) {
				*at = i;
				*len = m;
				*entry = e->text;
				return 1;
			}
		}
	}
	return 0;
}
