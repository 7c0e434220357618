/*
 * test_utf8.c - lib/utf8.c, lib/pos.c and lib/slug.c: NFC, case folding
 * (the wrong folds of the old hand-made table included), widths of emoji
 * and CJK, display and code-point columns, terminal escapes, ids.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "internal.h"

static void
test_nfc(void **state)
{
	char *s;
	size_t n;

	(void)state;
	/* "Thành" typed decomposed: a + U+0300 */
	s = cr_utf8_nfc("Tha\xcc\x80nh", 7, &n);
	assert_string_equal(s, "Thành");
	assert_int_equal(n, strlen("Thành"));
	free(s);
	/* й and ё decompose too */
	s = cr_utf8_nfc("\xd0\xb8\xcc\x86\xd0\xb5\xcc\x88", 8, NULL);
	assert_string_equal(s, "йё");
	free(s);
	/* marks out of canonical order: ệ as e + U+0302 + U+0323 */
	s = cr_utf8_nfc("e\xcc\x82\xcc\xa3", 5, NULL);
	assert_string_equal(s, "ệ");
	free(s);
	/* invalid UTF-8 is copied as it is */
	s = cr_utf8_nfc("a\xff", 2, &n);
	assert_memory_equal(s, "a\xff", 3);
	free(s);
}

/* The quick check against utf8proc's own NFC, code point by code point
 * (planes 0 to 2): what it calls stable, NFC leaves as it is. */
static void
test_nfc_stable(void **state)
{
	unsigned cp, stable = 0;
	char enc[5];
	size_t n, bad = 0;
	char *s;

	(void)state;
	for (cp = 0x80; cp < 0x30000; cp++) {
		if ((cp >= 0xd800 && cp < 0xe000) || !cr_utf8_nfc_stable(cp))
			continue;
		stable++;
		n = (size_t)cr_utf8_encode(cp, enc);
		enc[n] = '\0';
		s = (char *)utf8proc_NFC((const utf8proc_uint8_t *)enc);
		if (s == NULL || strcmp(s, enc) != 0)
			bad++;
		free(s);
	}
	assert_int_equal(bad, 0);
	assert_true(stable > 100000);
	/* and a few that are not: a combining mark, a singleton, a Greek
	 * letter with oxia that NFC spells with tonos, a Hangul vowel */
	assert_false(cr_utf8_nfc_stable(0x301));
	assert_false(cr_utf8_nfc_stable(0x212b));
	assert_false(cr_utf8_nfc_stable(0x1f71));
	assert_false(cr_utf8_nfc_stable(0x1161));
	assert_true(cr_utf8_nfc_stable(0x1ec7)); /* ệ */
	assert_true(cr_utf8_nfc_stable(0x4e2d)); /* 中 */
}

static void
test_fold(void **state)
{
	char *s;

	(void)state;
	/* Vietnamese, Russian */
	assert_int_equal(cr_utf8_casecmp("Đ", "đ"), 0);
	assert_int_equal(cr_utf8_casecmp("Ư", "ư"), 0);
	assert_int_equal(cr_utf8_casecmp("ĐƯỜNG", "đường"), 0);
	assert_int_equal(cr_utf8_casecmp("Ё", "ё"), 0);
	assert_int_equal(cr_utf8_casecmp("ЁЛКА", "ёлка"), 0);
	assert_int_equal(cr_utf8_casecmp("УЧАСТНИКИ", "участники"), 0);
	assert_int_equal(
	    cr_utf8_casecmp("THÀNH PHẦN THAM DỰ", "Thành phần tham dự"), 0);
	/* the wrong folds of the old table: Ӂ/ӂ are a pair, ӂ/Ӄ are not */
	assert_int_equal(cr_utf8_casecmp("\xd3\x81", "\xd3\x82"), 0);
	assert_int_not_equal(cr_utf8_casecmp("\xd3\x82", "\xd3\x83"), 0);
	/* ẖ (U+1E96) and ẗ (U+1E97) are two letters */
	assert_int_not_equal(cr_utf8_casecmp("\xe1\xba\x96", "\xe1\xba\x97"),
			     0);
	/* capital sharp s U+1E9E folds to "ss", never to U+1E9F (delta) */
	assert_int_not_equal(cr_utf8_casecmp("\xe1\xba\x9e", "\xe1\xba\x9f"),
			     0);
	assert_int_equal(cr_utf8_casecmp("\xe1\xba\x9e", "ss"), 0);
	assert_int_equal(cr_utf8_casecmp("Straße", "STRASSE"), 0);
	/* no Turkic dotless folding: I is i */
	assert_int_equal(cr_utf8_casecmp("I", "i"), 0);
	assert_int_not_equal(cr_utf8_casecmp("I", "ı"), 0);
	/* NFC against NFD, in case variants too */
	assert_int_equal(
	    cr_utf8_casecmp("Thành phần", "THA\xcc\x80NH PHA\xcc\x82\xcc\x80N"),
	    0);
	assert_int_equal(cr_utf8_casecmp("ệ", "E\xcc\x82\xcc\xa3"), 0);
	/* an order: shorter first, then by code point */
	assert_true(cr_utf8_casecmp("an", "anh") < 0);
	assert_true(cr_utf8_casecmp("anh", "an") > 0);
	assert_true(cr_utf8_casecmp("a", "á") < 0);
	assert_true(cr_utf8_casecmp("á", "b") < 0);
	assert_true(cr_utf8_casecmp("Nguyễn A", "nguyễn b") < 0);
	s = cr_utf8_casefold("Đường STRASSE Ё");
	assert_string_equal(s, "đường strasse ё");
	free(s);
	s = cr_utf8_casefold("Tha\xcc\x80nh");
	assert_string_equal(s, "thành");
	free(s);
	assert_int_equal(cr_utf8_distance("atendees", "attendees", 3), 1);
	assert_int_equal(cr_utf8_distance("Tha\xcc\x80nh", "THÀNH", 3), 0);
	assert_int_equal(cr_utf8_distance("abc", "xyzxyz", 3), 4);
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(cr_utf8_width("abc", 3), 3);
	assert_int_equal(cr_utf8_width("与会者", 9), 6);
	assert_int_equal(cr_utf8_width("Việt", strlen("Việt")), 4);
	assert_int_equal(cr_utf8_width("Vie\xcc\xa3\xcc\x82t", 8), 4);
	/* emoji: U+1F680 rocket, U+2614 umbrella with rain drops */
	assert_int_equal(cr_utf8_cp_width(0x1f680), 2);
	assert_int_equal(cr_utf8_cp_width(0x2614), 2);
	assert_int_equal(cr_utf8_width("\xf0\x9f\x9a\x80!", 5), 3);
	assert_int_equal(cr_utf8_cp_width(0x301), 0);
	assert_int_equal(cr_utf8_cp_width(0xff21), 2); /* fullwidth A */
	assert_int_equal(cr_utf8_cp_width(0x1b), 0);
}

static void
test_decode(void **state)
{
	unsigned cp;
	char enc[4];

	(void)state;
	assert_int_equal(cr_utf8_decode("\xe1\xbb\x87", 3, &cp), 3);
	assert_int_equal(cp, 0x1ec7);
	assert_int_equal(cr_utf8_decode("\xc0\x80", 2, &cp), -1); /* overlong */
	assert_int_equal(cr_utf8_decode("\xed\xa0\x80", 3, &cp), -1);
	assert_int_equal(cr_utf8_decode("\xf4\x90\x80\x80", 4, &cp), -1);
	assert_int_equal(cr_utf8_decode("\xe1\xbb", 2, &cp), -1);
	assert_int_equal(cr_utf8_decode("", 0, &cp), -1);
	assert_int_equal(cr_utf8_encode(0x1f680, enc), 4);
	assert_memory_equal(enc, "\xf0\x9f\x9a\x80", 4);
}

/* The inline ranges of cr_utf8_cp_stable answer as cr_utf8_nfc_stable
 * does, for every code point of planes 0 to 2. */
static void
test_cp_stable(void **state)
{
	unsigned cp, differ = 0;

	(void)state;
	for (cp = 0; cp < 0x30000; cp++)
		if ((cp < 0xd800 || cp >= 0xe000) &&
		    cr_utf8_cp_stable(cp) != cr_utf8_nfc_stable(cp))
			differ++;
	assert_int_equal(differ, 0);
	assert_true(cr_utf8_cp_stable(0x3002));	 /* ideographic full stop */
	assert_true(cr_utf8_cp_stable(0xff0c));	 /* fullwidth comma */
	assert_false(cr_utf8_cp_stable(0x302a)); /* a tone mark: ccc 218 */
}

/* Every code point of the runs cr_utf8_nfc_stable answers at once is a
 * starter that no composition takes as its second and that NFC keeps. */
static void
test_stable_runs(void **state)
{
	static const unsigned runs[][2] = {{0x0400, 0x0482},
					   {0x048a, 0x0590},
					   {0x1e00, 0x1f70},
					   {0x3030, 0x3098},
					   {0x309b, 0xa66e}};
	utf8proc_uint8_t in[5], *out;
	const utf8proc_property_t *p;
	utf8proc_ssize_t n;
	size_t r;
	unsigned cp;

	(void)state;
	for (r = 0; r < sizeof(runs) / sizeof(runs[0]); r++)
		for (cp = runs[r][0]; cp <= runs[r][1]; cp++) {
			assert_true(cr_utf8_nfc_stable(cp));
			p = utf8proc_get_property((utf8proc_int32_t)cp);
			assert_int_equal(p->combining_class, 0);
			assert_false(p->comb_index != UINT16_MAX &&
				     p->comb_index >= 0x8000);
			n = utf8proc_encode_char((utf8proc_int32_t)cp, in);
			in[n] = '\0';
			out = utf8proc_NFC(in);
			assert_non_null(out);
			if ((utf8proc_ssize_t)strlen((char *)out) != n ||
			    memcmp(out, in, (size_t)n) != 0)
				fail_msg("U+%04X changes under NFC", cp);
			free(out);
		}
}

/* The in-place folding of Cyrillic capitals is utf8proc's, alone and
 * among other text. */
static void
test_fold_cyrillic(void **state)
{
	utf8proc_uint8_t in[8], *want;
	char text[64], *got;
	utf8proc_ssize_t n;
	unsigned cp;

	(void)state;
	for (cp = 0x400; cp <= 0x45f; cp++) {
		n = utf8proc_encode_char((utf8proc_int32_t)cp, in);
		in[n] = '\0';
		snprintf(text, sizeof(text), "Ab %s ЖЯ xY", (char *)in);
		assert_true(
		    utf8proc_map((const utf8proc_uint8_t *)text, 0, &want,
				 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
				     UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) > 0);
		got = cr_utf8_casefold(text);
		assert_non_null(got);
		assert_string_equal(got, (char *)want);
		free(got);
		free(want);
	}
}

/* The widths answered without utf8proc agree with it everywhere. */
static void
test_width_runs(void **state)
{
	unsigned cp;

	(void)state;
	for (cp = 0; cp <= 0x10ffff; cp++)
		if (cr_utf8_cp_width(cp) !=
		    utf8proc_charwidth((utf8proc_int32_t)cp))
			fail_msg("U+%04X: %d, utf8proc %d", cp,
				 cr_utf8_cp_width(cp),
				 utf8proc_charwidth((utf8proc_int32_t)cp));
}

/* The decoder's fast paths agree with utf8proc on every two- and
 * three-byte sequence (continuation bytes around their valid range). */
static void
test_decode_fast(void **state)
{
	unsigned lead, b1, b2, cp = 0;
	utf8proc_int32_t want;
	utf8proc_ssize_t k;
	unsigned char s[3];

	(void)state;
	for (lead = 0x80; lead < 0xf0; lead++)
		for (b1 = 0x70; b1 < 0xd0; b1++)
			for (b2 = 0x70; b2 < 0xd0; b2++) {
				s[0] = (unsigned char)lead;
				s[1] = (unsigned char)b1;
				s[2] = (unsigned char)b2;
				k = utf8proc_iterate(s, 3, &want);
				if (k <= 0) {
					assert_int_equal(
					    cr_utf8_decode((char *)s, 3, &cp),
					    -1);
					continue;
				}
				assert_int_equal(
				    cr_utf8_decode((char *)s, 3, &cp), k);
				assert_int_equal(cp, (unsigned)want);
			}
}

static void
test_positions(void **state)
{
	cr_pos p = {1, 1, 1};
	cr_pos_cursor c;
	static const char text[] = "a: 与会者 x\r\n\tb: Tha\xcc\x80nh y\n";

	(void)state;
	p = cr_pos_advance(p, "与会者", 9);
	assert_int_equal(p.column, 7);
	assert_int_equal(p.cp, 4);
	p = cr_pos_advance(p, "\t", 1); /* 7 -> 9 */
	assert_int_equal(p.column, 9);
	assert_int_equal(p.cp, 5);
	p = cr_pos_advance(p, "\tx", 2);
	assert_int_equal(p.column, 18);
	p = cr_pos_advance(p, "e\xcc\x81", 3); /* a combining mark: none */
	assert_int_equal(p.column, 19);
	assert_int_equal(p.cp, 9);
	/* by byte offset: the 'x' of line 1 */
	p = cr_pos_at(text, strlen(text), 13);
	assert_int_equal(p.line, 1);
	assert_int_equal(p.column, 11);
	assert_int_equal(p.cp, 8);
	/* by code-point index (libyaml's marks): the 'y' of line 2, after a
	 * tab and an NFD "Thành"; CRLF counts two */
	cr_pos_cursor_init(&c, text, strlen(text));
	p = cr_pos_cursor_index(&c, 8 + 2 + 11);
	assert_int_equal(p.line, 2);
	assert_int_equal(p.column, 18);
	assert_int_equal(p.cp, 12);
	/* backwards starts over */
	p = cr_pos_cursor_index(&c, 3);
	assert_int_equal(p.line, 1);
	assert_int_equal(p.column, 4);
}

/* cr_utf8_casecmp's sign against utf8proc's decomposed, folded texts
 * compared byte by byte, for pairs of first letters from the scripts of
 * its shortcut (ASCII, Cyrillic, CJK) and around them. */
static int
sign_ref(const char *a, const char *b)
{
	utf8proc_uint8_t *x, *y;
	int c;

	assert_true(utf8proc_map((const utf8proc_uint8_t *)a, 0, &x,
				 UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE |
				     UTF8PROC_CASEFOLD) >= 0);
	assert_true(utf8proc_map((const utf8proc_uint8_t *)b, 0, &y,
				 UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE |
				     UTF8PROC_CASEFOLD) >= 0);
	c = strcmp((const char *)x, (const char *)y);
	free(x);
	free(y);
	return c < 0 ? -1 : c > 0;
}

static void
test_casecmp_first_letters(void **state)
{
	static const unsigned some[] = {'A',	'a',	'Z',	'k',	0xc0,
					0xe9,	0xdf,	0x1ec7, 0x212a, 0x4e00,
					0x4f1a, 0x9fff, 0xa000, 0x3000, 0x301};
	unsigned cps[300], i, j, n = 0;
	char a[16], b[16];
	int k;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(some); i++)
		cps[n++] = some[i];
	for (i = 0x3f0; i < 0x4a0; i++)
		cps[n++] = i;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			k = cr_utf8_encode(cps[i], a);
			memcpy(a + k, "x", 2);
			k = cr_utf8_encode(cps[j], b);
			memcpy(b + k, "x", 2);
			if (cr_utf8_casecmp(a, b) != sign_ref(a, b))
				fail_msg("U+%04X vs U+%04X", cps[i], cps[j]);
		}
}

/* The cursor's own fast path for common letters against cr_pos_advance
 * (cr_pos_step) for every code point of the BMP, twice in a row. */
static void
test_cursor_every_cp(void **state)
{
	cr_pos start = {1, 1, 1}, p, q;
	cr_pos_cursor c;
	char text[16];
	unsigned cp;
	int k;

	(void)state;
	for (cp = 0x20; cp < 0x10000; cp++) {
		if ((cp >= 0xd800 && cp <= 0xdfff) || cp == 0x7f)
			continue;
		text[0] = 'x';
		k = cr_utf8_encode(cp, text + 1);
		memcpy(text + 1 + k, text + 1, (size_t)k);
		memcpy(text + 1 + 2 * k, "y\nz", 4);
		q = cr_pos_advance(start, text, 1 + 2 * (size_t)k);
		cr_pos_cursor_init(&c, text, 4 + 2 * (size_t)k);
		p = cr_pos_cursor_index(&c, 3);
		assert_int_equal(p.line, 1);
		assert_int_equal(p.column, q.column);
		assert_int_equal(p.cp, q.cp);
		p = cr_pos_cursor_index(&c, 5);
		assert_int_equal(p.line, 2);
		assert_int_equal(p.column, 1);
		assert_int_equal(c.off, 3 + 2 * (size_t)k);
	}
}

static void
expect_escape(const char *in, unsigned keep, const char *want)
{
	cr_buf b;

	cr_buf_init(&b);
	assert_int_equal(cr_utf8_escape(&b, in, strlen(in), keep), 0);
	cr_buf_putc(&b, '\0');
	assert_string_equal(b.data, want);
	cr_buf_free(&b);
}

static void
test_escape(void **state)
{
	(void)state;
	expect_escape("plain Việt 与会者", 0, "plain Việt 与会者");
	expect_escape("\x1b[31mred", 0, "\\x1b[31mred");
	expect_escape("a\xe2\x80\xae"
		      "b\xe2\x81\xa6"
		      "c",
		      0, "a\\u202eb\\u2066c");
	expect_escape("x\xc2\x85y\x7f", 0, "x\\u0085y\\x7f");
	expect_escape("one\ntwo\r\n\tx", 0, "one\\ntwo\\r\\n\\tx");
	expect_escape("one\ntwo\r\n\tx", CR_ESC_KEEP_TAB, "one\\ntwo\\r\\n\tx");
	expect_escape("one\ntwo\r\nx\ty", CR_ESC_EOL_SPACE, "one two x y");
	expect_escape("bad \xff", 0, "bad \\xff");
	assert_true(cr_utf8_unsafe(0x2069));
	assert_false(cr_utf8_unsafe(0x200e));
}

static void
expect_slug(const char *in, const char *want)
{
	char *s = cr_slug(in);

	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static void
test_slug(void **state)
{
	(void)state;
	expect_slug("Công ty Sữa Việt", "cong-ty-sua-viet");
	/* the same typed decomposed */
	expect_slug("Co\xcc\x82ng ty Su\xcc\x9b\xcc\x83"
		    "a Vie\xcc\xa3\xcc\x82t",
		    "cong-ty-sua-viet");
	expect_slug("Đường Láng", "duong-lang");
	expect_slug("Łódź Ørsted Straße Æsir Œuvre þing",
		    "lodz-orsted-strasse-aesir-oeuvre-thing");
	expect_slug("Северный банк", "severnyy-bank");
	/* й typed as и + breve is still й */
	expect_slug("Северны\xd0\xb8\xcc\x86", "severnyy");
	expect_slug("Ёлка", "elka");
	expect_slug("华夏茶饮 2026", "华夏茶饮-2026");
	expect_slug("  --ACME, Inc.--  ", "acme-inc");
	expect_slug("", "");
	expect_slug(NULL, "");
}

/* cr_utf8_nfc and cr_utf8_casefold, whose quick checks let most letters
 * through undecoded, against utf8proc for every code point of the BMP,
 * alone between letters and before a combining mark. */
static void
test_quick_every_cp(void **state)
{
	char in[16], *got;
	utf8proc_uint8_t *want;
	unsigned cp;
	int k, n;

	(void)state;
	for (cp = 0x80; cp <= 0xffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		for (k = 0; k < 2; k++) {
			in[0] = 'x';
			n = 1 + (int)utf8proc_encode_char(
				    (utf8proc_int32_t)cp,
				    (utf8proc_uint8_t *)in + 1);
			if (k)
				n += (int)utf8proc_encode_char(
				    0x301, (utf8proc_uint8_t *)in + n);
			in[n++] = 'y';
			in[n] = '\0';
			got = cr_utf8_nfc(in, (size_t)n, NULL);
			want = utf8proc_NFC((const utf8proc_uint8_t *)in);
			assert_non_null(got);
			assert_non_null(want);
			if (strcmp(got, (char *)want) != 0)
				fail_msg("NFC of U+%04X differs", cp);
			free(got);
			free(want);
			got = cr_utf8_casefold(in);
			assert_true(
			    utf8proc_map((const utf8proc_uint8_t *)in, 0, &want,
					 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
					     UTF8PROC_COMPOSE |
					     UTF8PROC_CASEFOLD) >= 0);
			assert_non_null(got);
			if (strcmp(got, (char *)want) != 0)
				fail_msg("folding of U+%04X differs", cp);
			free(got);
			free(want);
		}
	}
}

/* The CJK ideographs U+4E00-U+9FFF expand to themselves, folded or not:
 * the word matcher (check_words.c) takes that without asking. */
static void
test_expand_cjk(void **state)
{
	unsigned cp, out[CR_UTF8_EXPAND_MAX];
	int fold;

	(void)state;
	for (cp = 0x4e00; cp <= 0x9fff; cp++)
		for (fold = 0; fold < 2; fold++)
			if (cr_utf8_expand(cp, fold, out) != 1 || out[0] != cp)
				fail_msg("U+%04X expands", cp);
}

/* cr_section_lookup and cr_column_lookup try only the English labels for
 * an ASCII heading: every other label, decomposed and case-folded (what
 * cr_utf8_casecmp compares), keeps a letter beyond ASCII, and every
 * English one is ASCII. */
static void
test_labels_ascii(void **state)
{
	size_t i, l, k;

	(void)state;
	for (k = 0; k < 2; k++)
		for (i = 0;
		     i < (k ? (size_t)CR_COL__COUNT : (size_t)CR_SEC__COUNT);
		     i++)
			for (l = 0; l < CR_LANG__COUNT; l++) {
				const char *lab =
				    k ? cr_column_label((cr_column)i,
							(cr_lang)l)
				      : cr_section_label((cr_section)i,
							 (cr_lang)l);
				utf8proc_uint8_t *f = NULL;
				const unsigned char *p;
				int wide = 0;

				assert_true(
				    utf8proc_map(
					(const utf8proc_uint8_t *)lab, 0, &f,
					UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE |
					    UTF8PROC_CASEFOLD) >= 0);
				for (p = f; *p != '\0'; p++)
					wide |= *p >= 0x80;
				free(f);
				if (l == CR_LANG_EN && wide)
					fail_msg(
					    "English label '%s' is not ASCII",
					    lab);
				if (l != CR_LANG_EN && !wide)
					fail_msg("label '%s' folds to ASCII",
						 lab);
			}
	/* and the lookups still find a label of each language */
	assert_int_equal(cr_section_lookup("attendees"), 0);
	assert_int_equal(cr_section_lookup("THÀNH PHẦN THAM DỰ"), 0);
	assert_int_equal(cr_column_lookup("срок"), CR_COL_DUE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_nfc),
	    cmocka_unit_test(test_nfc_stable),
	    cmocka_unit_test(test_fold),
	    cmocka_unit_test(test_width),
	    cmocka_unit_test(test_decode),
	    cmocka_unit_test(test_decode_fast),
	    cmocka_unit_test(test_width_runs),
	    cmocka_unit_test(test_stable_runs),
	    cmocka_unit_test(test_cp_stable),
	    cmocka_unit_test(test_fold_cyrillic),
	    cmocka_unit_test(test_positions),
	    cmocka_unit_test(test_cursor_every_cp),
	    cmocka_unit_test(test_casecmp_first_letters),
	    cmocka_unit_test(test_escape),
	    cmocka_unit_test(test_slug),
	    cmocka_unit_test(test_labels_ascii),
	    cmocka_unit_test(test_quick_every_cp),
	    cmocka_unit_test(test_expand_cjk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
