/*
 * slug.c - report ids from free text: "Công ty Sữa Việt" -> "cong-ty-sua-viet".
 *
 * The text is case-folded NFC first (utf8proc), so NFD input gives the
 * same id. Latin letters lose their diacritics through their canonical
 * decomposition (Vietnamese included; đ, ł, ø, ß, æ and the other letters
 * without one from a short table), Cyrillic is transliterated (Северный
 * -> severnyy, a simplified BGN/PCGN table), CJK and other letters and
 * digits are kept as they are; anything else becomes one '-'. The result is
 * lower case, with no '-' at either end. Ids so made are safe as file names and
 * readable in every script.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Latin letters that have no decomposition (utf8proc leaves them
 * whole), lower case. */
static const struct {
	unsigned cp;
	const char *ascii;
} latin_whole[] = {
    {0x00DF, "ss"}, {0x00E6, "ae"}, {0x00F0, "d"}, {0x00F8, "o"},
    {0x00FE, "th"}, {0x0111, "d"},  {0x0127, "h"}, {0x0131, "i"},
    {0x0138, "k"},  {0x0140, "l"},  {0x0142, "l"}, {0x014B, "n"},
    {0x0153, "oe"}, {0x0167, "t"},  {0x0180, "b"}, {0x0192, "f"},
    {0x01B6, "z"},  {0x0250, "a"},  {0x0259, "e"},
};

/* Russian and the other Cyrillic letters of the Russian alphabet,
 * U+0430..U+044F and ё, lower case. */
static const char *const cyrillic[32] = {
    "a",  "b",	"v",  "g",    "d", "e", "zh", "z", "i",	 "y", "k",
    "l",  "m",	"n",  "o",    "p", "r", "s",  "t", "u",	 "f", "kh",
    "ts", "ch", "sh", "shch", "",  "y", "",   "e", "yu", "ya"};

/* The ASCII spelling of a folded letter, or NULL (keep it or drop it:
 * see below). Latin letters lose their marks through the canonical
 * decomposition (utf8proc): "ữ" is u + horn + tilde. */
static const char *
ascii_of(unsigned cp, char c[8])
{
	unsigned x[CR_UTF8_EXPAND_MAX];
	size_t i;
	int n, k, j = 0;

	if (cp >= 0x430 && cp <= 0x44F)
		return cyrillic[cp - 0x430];
	if (cp == 0x451)
		return "e";
	for (i = 0; i < CR_ARRAY_LEN(latin_whole); i++)
		if (latin_whole[i].cp == cp)
			return latin_whole[i].ascii;
	if (!(cp >= 0xC0 && cp <= 0x24F) && !(cp >= 0x1E00 && cp <= 0x1EFF))
		return NULL; /* not Latin */
	n = cr_utf8_expand(cp, 0, x);
	for (k = 0; k < n; k++) {
		if (x[k] >= 'a' && x[k] <= 'z' && j < 7)
			c[j++] = (char)x[k];
		else if (x[k] < 0x300 || x[k] > 0x36F)
			return NULL; /* not a letter with marks */
	}
	c[j] = '\0';
	return j > 0 ? c : NULL;
}

/* Letters and digits of the scripts that are kept as they are: CJK
 * ideographs, kana, hangul, and the Latin/Greek/Cyrillic ranges not
 * covered by the tables. Everything else is a separator. */
static int
keep_as_is(unsigned cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||   /* kana */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||   /* CJK extension A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* CJK ideographs */
	       (cp >= 0xAC00 && cp <= 0xD7AF) ||   /* hangul */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||   /* CJK compatibility */
	       (cp >= 0x20000 && cp <= 0x2FA1F) || /* CJK supplementary */
	       (cp >= 0x370 && cp <= 0x3FF) ||	   /* Greek */
	       (cp >= 0x400 && cp <= 0x4FF);	   /* other Cyrillic */
}

char *
cr_slug(const char *text)
{
	char *s = text != NULL ? cr_utf8_casefold(text) : cr_strdup("");
	size_t n, i = 0;
	int dash = 0;
	cr_buf b;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	cr_buf_init(&b);
	cr_buf_put(&b, "", 0);
	while (i < n) {
		const char *a = NULL;
		unsigned cp;
		int k = cr_utf8_decode(s + i, n - i, &cp);
		char c[8] = {0};

		if (k < 0) {
			i++;
			dash = 1;
			continue;
		}
		if (cp < 0x80 &&
		    ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))) {
			c[0] = (char)cp;
			a = c;
		} else if ((a = ascii_of(cp, c)) == NULL && keep_as_is(cp)) {
			memcpy(c, s + i, (size_t)k);
			a = c;
		}
		i += (size_t)k;
		if (a == NULL) {
			dash = 1;
			continue;
		}
		if (*a == '\0')
			continue; /* ъ, ь: no letter of their own */
		if (dash && b.len > 0)
			cr_buf_putc(&b, '-');
		dash = 0;
		cr_buf_puts(&b, a);
	}
	free(s);
	if (b.oom) {
		cr_buf_free(&b);
		return NULL;
	}
	return cr_buf_detach(&b, NULL);
}
