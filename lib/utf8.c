/*
 * utf8.c - UTF-8 over utf8proc: decoding, display widths, NFC, case
 * folding, comparison, edit distance and terminal-safe escapes.
 *
 * The Unicode data (decompositions, case folding, East Asian widths) is
 * utf8proc's; what is written here is only how this product uses it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

int
cr_utf8_decode_slow(const char *s, size_t n, unsigned *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	if (n == 0)
		return -1;
	k = utf8proc_iterate((const utf8proc_uint8_t *)s,
			     n > 4 ? 4 : (utf8proc_ssize_t)n, &c);
	if (k <= 0)
		return -1;
	*cp = (unsigned)c;
	return (int)k;
}

int
cr_utf8_decode(const char *s, size_t n, unsigned *cp)
{
	return cr_utf8_next(s, n, cp);
}

int
cr_utf8_encode(unsigned cp, char out[4])
{
	return (int)utf8proc_encode_char((utf8proc_int32_t)cp,
					 (utf8proc_uint8_t *)out);
}

/* Runs of code points of one width in utf8proc's data, the scripts this
 * product's text is mostly in, answered without a look-up (test_utf8.c
 * checks every code point against utf8proc). */
static const struct {
	unsigned lo, hi;
	int w;
} width_runs[] = {
    {0x00a0, 0x02ff, 1}, /* Latin-1, Latin Extended-A and -B, IPA */
    {0x0370, 0x0482, 1}, /* Greek, Cyrillic */
    {0x048a, 0x0590, 1},
    {0x1e00, 0x200a, 1}, /* Latin Extended Additional (Vietnamese) */
    {0x3000, 0x3029, 2}, /* CJK punctuation */
    {0x4e00, 0xa48c, 2}, /* CJK Unified Ideographs */
    {0xff01, 0xff60, 2}, /* fullwidth forms */
};

int
cr_utf8_cp_width(unsigned cp)
{
	size_t i;

	for (i = 0; i < CR_ARRAY_LEN(width_runs) && cp >= width_runs[i].lo; i++)
		if (cp <= width_runs[i].hi)
			return width_runs[i].w;
	return cp > 0x10ffff ? 0 : utf8proc_charwidth((utf8proc_int32_t)cp);
}

size_t
cr_utf8_width(const char *s, size_t n)
{
	size_t w = 0, i = 0;
	unsigned cp;
	int k;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			w += (unsigned char)s[i] >= 0x20 && s[i] != 0x7f;
			i++;
			continue;
		}
		if ((k = cr_utf8_decode(s + i, n - i, &cp)) < 0) {
			w++;
			i++;
			continue;
		}
		w += (size_t)cr_utf8_cp_width(cp);
		i += (size_t)k;
	}
	return w;
}

size_t
cr_utf8_chars(const char *s, size_t n)
{
	size_t c = 0, i = 0;
	unsigned cp;
	int k;

	while (i < n) {
		k = cr_utf8_decode(s + i, n - i, &cp);
		i += k < 0 ? 1 : (size_t)k;
		c++;
	}
	return c;
}

/* s[0, n) through utf8proc_map with `opts`; a copy when s is not valid
 * UTF-8 (then there is nothing to normalise). */
static char *
map(const char *s, size_t n, utf8proc_option_t opts, size_t *outlen)
{
	utf8proc_uint8_t *r = NULL;
	utf8proc_ssize_t k;
	char *copy;

	k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &r,
			 opts | UTF8PROC_STABLE);
	if (k >= 0) {
		if (outlen != NULL)
			*outlen = (size_t)k;
		return (char *)r;
	}
	free(r);
	if (k == UTF8PROC_ERROR_NOMEM || (copy = cr_strndup(s, n)) == NULL)
		return NULL;
	if (outlen != NULL)
		*outlen = n;
	return copy;
}

/* Runs of code points that NFC leaves alone wherever they stand, in the
 * scripts this product's text is mostly in (Cyrillic, Vietnamese, CJK);
 * test_utf8.c checks each against utf8proc's properties and NFC. */
static const struct {
	unsigned lo, hi;
} stable_runs[] = {
    {0x0400, 0x0482}, {0x048a, 0x0590}, {0x1e00, 0x1f70},
    {0x3030, 0x3098}, {0x309b, 0xa66e},
};

int
cr_utf8_nfc_stable(unsigned cp)
{
	const utf8proc_property_t *p;
	utf8proc_int32_t d[CR_UTF8_EXPAND_MAX];
	utf8proc_ssize_t k;
	size_t i;

	if (cp < 0x300)
		return 1;
	for (i = 0; i < CR_ARRAY_LEN(stable_runs) && cp >= stable_runs[i].lo;
	     i++)
		if (cp <= stable_runs[i].hi)
			return 1;
	p = utf8proc_get_property((utf8proc_int32_t)cp);
	if (p->combining_class != 0)
		return 0;
	/* the second of a composition may join the one before */
	if (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000)
		return 0;
	if (cp >= 0x1161 && cp <= 0x11c2)
		return 0; /* Hangul vowel and trailing jamo (algorithmic) */
	if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0)
		return 1;
	/* a canonical composite: stable when it recomposes to itself
	 * (not a singleton, not excluded from composition) */
	k = utf8proc_decompose_char((utf8proc_int32_t)cp, d, CR_UTF8_EXPAND_MAX,
				    UTF8PROC_DECOMPOSE, NULL);
	if (k <= 0 || k > CR_UTF8_EXPAND_MAX)
		return 0;
	k = utf8proc_normalize_utf32(d, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	return k == 1 && (unsigned)d[0] == cp;
}

int
cr_utf8_is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* Whether the letter at s (n bytes left) is one of the most common that
 * quick() keeps (without folding: Latin and Vietnamese below U+0300,
 * Cyrillic U+0400-U+047F, Vietnamese U+1E00-U+1F3F, CJK ideographs
 * U+4E00-U+9FFF): its length in *k, without decoding it. */
static int
quick_skip(const char *s, size_t n, int fold, int *k)
{
	const unsigned char *u = (const unsigned char *)s;

	if (fold == 1)
		return 0;
	/* folding (2): of these only CJK ideographs and U+0410-U+044F,
	 * which have no folding or fold in place (fold_cyrillic) */
	if (n >= 2 && (u[1] & 0xc0) == 0x80 &&
	    (fold ? (u[0] == 0xd0 && u[1] >= 0x90) ||
			(u[0] == 0xd1 && u[1] <= 0x8f)
		  : (u[0] >= 0xc2 && u[0] <= 0xcb) || u[0] == 0xd0 ||
			u[0] == 0xd1)) {
		*k = 2;
		return 1;
	}
	if (n >= 3 && (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80 &&
	    ((u[0] >= 0xe5 && u[0] <= 0xe9) || (u[0] == 0xe4 && u[1] >= 0xb8) ||
	     (!fold && u[0] == 0xe1 && u[1] >= 0xb8 && u[1] <= 0xbc))) {
		*k = 3;
		return 1;
	}
	return 0;
}

/*
 * Whether s is NFC for certain without normalising it: valid UTF-8 whose
 * code points are all NFC-stable starters (Unicode's quick check, kept
 * conservative); with `fold`, also that folding it is lowering its ASCII
 * letters (no other code point has a case folding). Most text is, and a
 * copy is cheaper than utf8proc_map.
 */
static int
quick(const char *s, size_t n, int fold)
{
	size_t i = 0;
	unsigned cp;
	int k;

	while (i < n) {
		uint64_t v;

		if (n - i >= 8 &&
		    (memcpy(&v, s + i, 8), (v & 0x8080808080808080ull) == 0)) {
			i += 8; /* eight ASCII bytes at once */
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (quick_skip(s + i, n - i, fold, &k)) {
			i += (size_t)k;
			continue;
		}
		if ((k = cr_utf8_next(s + i, n - i, &cp)) < 0)
			return 0;
		if (!cr_utf8_cp_stable(cp))
			return 0;
		i += (size_t)k;
		if (fold == 2 && cp >= 0x410 && cp <= 0x42f)
			continue; /* a Cyrillic capital: fold_cyrillic */
		if (fold && utf8proc_get_property((utf8proc_int32_t)cp)
				    ->casefold_seqindex != UINT16_MAX)
			return 0;
	}
	return 1;
}

char *
cr_utf8_nfc(const char *s, size_t n, size_t *outlen)
{
	char *copy;

	if (quick(s, n, 0)) {
		if ((copy = cr_strndup(s, n)) != NULL && outlen != NULL)
			*outlen = n;
		return copy;
	}
	return map(s, n, UTF8PROC_COMPOSE, outlen);
}

int
cr_node_nfc(cr_node *n)
{
	size_t i;
	char *v;

	if (n == NULL)
		return 0;
	/* NFC already (the common case): kept as it is, not copied */
	if (n->value != NULL && !quick(n->value, strlen(n->value), 0)) {
		if ((v = cr_utf8_nfc(n->value, strlen(n->value), NULL)) == NULL)
			return -1;
		free(n->value);
		n->value = v;
	}
	for (i = 0; i < n->len; i++)
		if (cr_node_nfc(n->items[i]) == -1)
			return -1;
	return 0;
}

char *
cr_utf8_casefold(const char *s)
{
	size_t n = strlen(s), i;
	char *f;

	/* NFC text whose only letters to fold are ASCII or the Cyrillic
	 * capitals U+0410-U+042F (which fold to U+0430-U+044F, two bytes
	 * each as well; test_utf8.c checks them against utf8proc): folded
	 * in place; anything else through utf8proc */
	if (!quick(s, n, 2))
		return map(s, n, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, NULL);
	if ((f = cr_strndup(s, n)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)f[i];

		if (c >= 'A' && c <= 'Z')
			f[i] = (char)(c + 32);
		else if (c == 0xd0 && i + 1 < n) {
			c = (unsigned char)f[i + 1];
			if (c >= 0x90 && c <= 0x9f) /* U+0410-U+041F */
				f[i + 1] = (char)(c + 0x20);
			else if (c >= 0xa0 && c <= 0xaf) { /* U+0420-U+042F */
				f[i] = (char)0xd1;
				f[i + 1] = (char)(c - 0x20);
			}
			i++;
		}
	}
	return f;
}

int
cr_utf8_expand(unsigned cp, int fold, unsigned out[CR_UTF8_EXPAND_MAX])
{
	utf8proc_int32_t buf[CR_UTF8_EXPAND_MAX];
	utf8proc_ssize_t k, i;

	const utf8proc_property_t *p;

	if (cp < 0x80) {
		out[0] = fold && cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
		return 1;
	}
	/* most code points (CJK among them) have neither a decomposition
	 * nor a folding: one property look-up tells */
	p = utf8proc_get_property((utf8proc_int32_t)cp);
	if (p->decomp_seqindex == UINT16_MAX &&
	    (!fold || p->casefold_seqindex == UINT16_MAX) &&
	    !(cp >= 0xac00 && cp <= 0xd7a3)) {
		out[0] = cp;
		return 1;
	}
	k = utf8proc_decompose_char(
	    (utf8proc_int32_t)cp, buf, CR_UTF8_EXPAND_MAX,
	    UTF8PROC_DECOMPOSE | (fold ? UTF8PROC_CASEFOLD : 0), NULL);
	if (k <= 0 || k > CR_UTF8_EXPAND_MAX) {
		out[0] = cp;
		return 1;
	}
	for (i = 0; i < k; i++)
		out[i] = (unsigned)buf[i];
	return (int)k;
}

static int
ccc(unsigned cp)
{
	return utf8proc_get_property((utf8proc_int32_t)cp)->combining_class;
}

/*
 * The decomposed, folded code points of a string, one at a time: what
 * cr_utf8_casecmp compares. `bad` is set when two combining marks come
 * out of canonical order (the string is neither NFC nor NFD), when only a
 * full normalisation can tell.
 */
struct folded {
	const char *s;
	unsigned buf[CR_UTF8_EXPAND_MAX];
	int n, i;
	int last_ccc;
	int bad;
};

/* The next code point (0 at the end) and its combining class. */
static unsigned
folded_next(struct folded *f, int *cc)
{
	unsigned cp;
	int k;

	if (f->i == f->n) {
		if (*f->s == '\0') {
			*cc = 0;
			return 0;
		}
		k = cr_utf8_decode(f->s, strnlen(f->s, 4), &cp);
		if (k < 0) {
			cp = 0xdc00 | (unsigned char)*f->s; /* stands alone */
			k = 1;
			f->buf[0] = cp;
			f->n = 1;
		} else
			f->n = cr_utf8_expand(cp, 1, f->buf);
		f->s += k;
		f->i = 0;
	}
	cp = f->buf[f->i++];
	*cc = cp < 0x300 ? 0 : ccc(cp);
	if (*cc != 0 && f->last_ccc > *cc)
		f->bad = 1;
	f->last_ccc = *cc;
	return cp;
}

/* The fold of cp when it is a starter that neither decomposes nor folds
 * into more than itself (ASCII, CJK ideographs, the basic Cyrillic
 * letters but Й й), else 0: such a first difference decides. */
static unsigned
simple_fold(unsigned cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp >= 0x4e00 && cp <= 0x9fff)
		return cp;
	if (cp >= 0x410 && cp <= 0x44f && cp != 0x419 && cp != 0x439)
		return cp < 0x430 ? cp + 0x20 : cp;
	return 0;
}

static int
casecmp_slow(const char *a, const char *b)
{
	char *x =
	    map(a, strlen(a), UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, NULL);
	char *y =
	    map(b, strlen(b), UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, NULL);
	int c = x != NULL && y != NULL ? strcmp(x, y) : strcmp(a, b);

	free(x);
	free(y);
	return c < 0 ? -1 : c > 0;
}

/*
 * Orders by the canonically decomposed, case-folded text (code point
 * order), so that NFC and NFD spellings and case variants are equal. The
 * strings are walked once, without copies; only text whose combining
 * marks decide the answer is normalised in full.
 */
int
cr_utf8_casecmp(const char *a, const char *b)
{
	struct folded x = {0}, y = {0};
	unsigned ca, cb;
	int ka, kb;

	/* ASCII: a byte that differs decides (no mark can follow it that
	 * changes the first difference of the decomposed text). */
	for (;; a++, b++) {
		unsigned char p = (unsigned char)*a, q = (unsigned char)*b;

		if (p >= 0x80 || q >= 0x80)
			break;
		if (p >= 'A' && p <= 'Z')
			p += 32;
		if (q >= 'A' && q <= 'Z')
			q += 32;
		if (p != q)
			return p < q ? -1 : 1;
		if (p == '\0')
			return 0;
	}
	if (strcmp(a, b) == 0)
		return 0; /* the same bytes: no need to decompose */
	if (cr_utf8_next(a, strnlen(a, 4), &ca) > 0 &&
	    cr_utf8_next(b, strnlen(b, 4), &cb) > 0 &&
	    (ca = simple_fold(ca)) != 0 && (cb = simple_fold(cb)) != 0 &&
	    ca != cb)
		return ca < cb ? -1 : 1;
	x.s = a;
	y.s = b;
	for (;;) {
		ca = folded_next(&x, &ka);
		cb = folded_next(&y, &kb);
		if (x.bad || y.bad)
			return casecmp_slow(a, b);
		if (ca != cb) {
			/* a combining mark may move in a reordering */
			if (ka != 0 || kb != 0)
				return casecmp_slow(a, b);
			return ca < cb ? -1 : 1;
		}
		if (ca == 0)
			return 0;
	}
}

/* NFC, folded code points of s (caller frees). */
static unsigned *
decode_folded(const char *s, size_t *n)
{
	char *f = cr_utf8_casefold(s);
	size_t len, i = 0, j = 0;
	unsigned *cps;
	int k;

	*n = 0;
	if (f == NULL)
		return NULL;
	len = strlen(f);
	if ((cps = malloc((len + 1) * sizeof(*cps))) != NULL) {
		while (i < len) {
			k = cr_utf8_decode(f + i, len - i, &cps[j]);
			if (k < 0) {
				cps[j] = (unsigned char)f[i];
				k = 1;
			}
			i += (size_t)k;
			j++;
		}
		*n = j;
	}
	free(f);
	return cps;
}

size_t
cr_utf8_distance(const char *a, const char *b, size_t max)
{
	size_t na, nb, i, j, best, *row = NULL;
	unsigned *ca, *cb;
	size_t result = max + 1;

	ca = decode_folded(a, &na);
	cb = decode_folded(b, &nb);
	if (ca == NULL || cb == NULL)
		goto out;
	if ((na > nb ? na - nb : nb - na) > max)
		goto out;
	if ((row = malloc((nb + 1) * sizeof(*row))) == NULL)
		goto out;
	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		best = row[0];
		for (j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t v = diag + (ca[i - 1] != cb[j - 1]);
			if (row[j] + 1 < v)
				v = row[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > max)
			goto out;
	}
	result = row[nb] > max ? max + 1 : row[nb];
out:
	free(row);
	free(ca);
	free(cb);
	return result;
}

/* ------------------------------------------------------------------ */
/* Terminal safety (SPEC 3)                                            */

int
cr_utf8_unsafe(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

int
cr_utf8_escape(cr_buf *out, const char *s, size_t n, unsigned keep)
{
	size_t i = 0, start = 0;
	unsigned cp;
	int k;

	if (n == 0)
		return out->oom ? -1 : 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if (c < 0x80) {
			k = 1;
			cp = c;
		} else if ((k = cr_utf8_decode(s + i, n - i, &cp)) < 0) {
			k = 1;
			cp = 0x110000; /* an invalid byte */
		}
		if ((cp == '\t' && (keep & CR_ESC_KEEP_TAB)) ||
		    ((cp == '\n' || cp == '\r') && (keep & CR_ESC_KEEP_EOL)) ||
		    (cp <= 0x10ffff && !cr_utf8_unsafe(cp))) {
			i += (size_t)k;
			continue;
		}
		cr_buf_put(out, s + start, i - start);
		if ((cp == '\t' || cp == '\n' || cp == '\r') &&
		    (keep & CR_ESC_EOL_SPACE)) {
			/* one space for a line end, CRLF included */
			if (!(cp == '\n' && i > 0 && s[i - 1] == '\r'))
				cr_buf_putc(out, ' ');
		} else if (cp == '\t' || cp == '\n' || cp == '\r')
			cr_buf_printf(out, "\\%c",
				      cp == '\t'   ? 't'
				      : cp == '\n' ? 'n'
						   : 'r');
		else if (cp > 0x10ffff || cp < 0x80)
			cr_buf_printf(out, "\\x%02x", c);
		else
			cr_buf_printf(out, "\\u%04x", cp);
		i += (size_t)k;
		start = i;
	}
	cr_buf_put(out, s + start, n - start);
	return out->oom ? -1 : 0;
}
