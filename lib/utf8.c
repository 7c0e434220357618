/* utf8.c - decoding, display width, case folding and edit distance. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int
cr_utf8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c, min;
	size_t len, i;

	if (n == 0)
		return -1;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		len = 2, c &= 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3, c &= 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4, c &= 0x07, min = 0x10000;
	} else
		return -1;
	if (n < len)
		return -1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return (int)len;
}

int
cr_utf8_encode(unsigned cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Ranges of zero-width (combining) and wide code points, after
 * Markus Kuhn's wcwidth and Unicode's East Asian Width property. */
static const unsigned zero_width[][2] = {
    {0x0300, 0x036f}, {0x0483, 0x0489}, {0x0591, 0x05bd}, {0x0610, 0x061a},
    {0x064b, 0x065f}, {0x0e31, 0x0e31}, {0x0e34, 0x0e3a}, {0x0e47, 0x0e4e},
    {0x1ab0, 0x1aff}, {0x1dc0, 0x1dff}, {0x200b, 0x200f}, {0x202a, 0x202e},
    {0x2060, 0x2064}, {0x20d0, 0x20ff}, {0xfe00, 0xfe0f}, {0xfe20, 0xfe2f},
    {0xfeff, 0xfeff},
};

static const unsigned wide[][2] = {
    {0x1100, 0x115f},	{0x231a, 0x231b},   {0x2329, 0x232a},
    {0x23e9, 0x23ec},	{0x2e80, 0x303e},   {0x3041, 0x33ff},
    {0x3400, 0x4dbf},	{0x4e00, 0x9fff},   {0xa000, 0xa4cf},
    {0xa960, 0xa97f},	{0xac00, 0xd7a3},   {0xf900, 0xfaff},
    {0xfe10, 0xfe19},	{0xfe30, 0xfe6f},   {0xff00, 0xff60},
    {0xffe0, 0xffe6},	{0x1f300, 0x1f64f}, {0x1f900, 0x1f9ff},
    {0x20000, 0x2fffd}, {0x30000, 0x3fffd},
};

static int
in_table(unsigned cp, const unsigned (*t)[2], size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < t[mid][0])
			hi = mid;
		else if (cp > t[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
cr_utf8_cp_width(unsigned cp)
{
	if (cp == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if (cp < 0x300)
		return 1;
	if (in_table(cp, zero_width, CR_ARRAY_LEN(zero_width)))
		return 0;
	if (in_table(cp, wide, CR_ARRAY_LEN(wide)))
		return 2;
	return 1;
}

size_t
cr_utf8_width(const char *s, size_t n)
{
	size_t w = 0, i = 0;
	unsigned cp;
	int k;

	while (i < n) {
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

unsigned
cr_utf8_fold(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	/* Latin-1 */
	if ((cp >= 0xc0 && cp <= 0xde) && cp != 0xd7)
		return cp + 32;
	/* Latin Extended-A: pairs, upper case even (with two odd runs). */
	if (cp >= 0x100 && cp <= 0x137)
		return cp | 1;
	if (cp >= 0x139 && cp <= 0x148)
		return (cp & 1) ? cp + 1 : cp;
	if (cp >= 0x14a && cp <= 0x177)
		return cp | 1;
	if (cp == 0x178)
		return 0xff;
	if (cp >= 0x179 && cp <= 0x17e)
		return (cp & 1) ? cp + 1 : cp;
	/* Vietnamese horn letters and D with stroke. */
	if (cp == 0x1a0 || cp == 0x1af)
		return cp + 1;
	if (cp == 0x110)
		return 0x111;
	/* Greek */
	if (cp >= 0x391 && cp <= 0x3ab && cp != 0x3a2)
		return cp + 32;
	/* Cyrillic */
	if (cp >= 0x410 && cp <= 0x42f)
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40f)
		return cp + 80;
	if (cp >= 0x460 && cp <= 0x4ff)
		return cp | 1;
	/* Latin Extended Additional (Vietnamese tones): pairs. */
	if (cp >= 0x1e00 && cp <= 0x1eff)
		return cp | 1;
	/* Fullwidth Latin */
	if (cp >= 0xff21 && cp <= 0xff3a)
		return cp + 32;
	return cp;
}

/* Next folded code point of *s, advancing it; invalid bytes stand as is. */
static unsigned
next_folded(const char **s)
{
	unsigned cp;
	int k = cr_utf8_decode(*s, strlen(*s), &cp);

	if (k < 0) {
		cp = (unsigned char)**s;
		k = 1;
	}
	*s += k;
	return cr_utf8_fold(cp);
}

int
cr_utf8_casecmp(const char *a, const char *b)
{
	unsigned ca, cb;

	while (*a != '\0' && *b != '\0') {
		ca = next_folded(&a);
		cb = next_folded(&b);
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	return (*a != '\0') - (*b != '\0');
}

/* Decodes a whole string into folded code points (caller frees). */
static unsigned *
decode_all(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0;
	unsigned *cps = malloc((len + 1) * sizeof(*cps));

	*n = 0;
	if (cps == NULL)
		return NULL;
	while (*s != '\0' && i < len)
		cps[i++] = next_folded(&s);
	*n = i;
	return cps;
}

size_t
cr_utf8_distance(const char *a, const char *b, size_t max)
{
	size_t na, nb, i, j, best, *row = NULL;
	unsigned *ca, *cb;
	size_t result = max + 1;

	ca = decode_all(a, &na);
	cb = decode_all(b, &nb);
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
