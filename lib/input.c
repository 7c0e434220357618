/* input.c - encoding checks over raw input bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* After this many encoding errors in one file the rest are summed up. */
#define MAX_ENCODING_REPORTS 20

static const char *
wide_bom(const unsigned char *s, size_t len)
{
	if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xfe && s[3] == 0xff)
		return "UTF-32BE";
	if (len >= 4 && s[0] == 0xff && s[1] == 0xfe && s[2] == 0 && s[3] == 0)
		return "UTF-32LE";
	if (len >= 2 && s[0] == 0xfe && s[1] == 0xff)
		return "UTF-16BE";
	if (len >= 2 && s[0] == 0xff && s[1] == 0xfe)
		return "UTF-16LE";
	return NULL;
}

/* UTF-16 or UTF-32 without a byte-order mark, as a report starts: four
 * ASCII characters (a key), each with its NUL bytes. */
static const char *
wide_guess(const unsigned char *s, size_t len)
{
	if (len < 8 || (s[0] != 0 && s[1] != 0))
		return NULL;
	if (s[0] && !s[1] && !s[2] && !s[3] && s[4] && !s[5] && !s[6] && !s[7])
		return "UTF-32LE";
	if (!s[0] && !s[1] && !s[2] && s[3] && !s[4] && !s[5] && !s[6] && s[7])
		return "UTF-32BE";
	if (s[0] && !s[1] && s[2] && !s[3] && s[4] && !s[5] && s[6] && !s[7])
		return "UTF-16LE";
	if (!s[0] && s[1] && !s[2] && s[3] && !s[4] && s[5] && !s[6] && s[7])
		return "UTF-16BE";
	return NULL;
}

long
cr_input_check(const char *buf, size_t len, const char *file, cr_clean *c,
	       cr_diags *d)
{
	static const char replacement[] = "\xef\xbf\xbd";
	const unsigned char *s = (const unsigned char *)buf;
	cr_pos pos = {1, 1, 1};
	cr_pos_cursor cur;
	size_t i = 0, start, bom = 0;
	const char *enc;
	long errors = 0;
	int stable = 1, narrow = 1;
	cr_buf b;
	unsigned cp;
	int k;

	c->text = "";
	c->len = 0;
	c->copy = NULL;
	c->flags = 0;
	if ((enc = wide_bom(s, len)) != NULL) {
		return cr_diags_add(d, file, pos, CR_RULE_ENCODING,
				    "the file is %s, not UTF-8; convert it, "
				    "e.g. with iconv -f %s -t UTF-8",
				    enc, enc) == -1
			   ? -1
			   : 1;
	}
	if ((enc = wide_guess(s, len)) != NULL) {
		return cr_diags_add(d, file, pos, CR_RULE_ENCODING,
				    "the file looks like %s without a "
				    "byte-order mark, not UTF-8; convert it, "
				    "e.g. with iconv -f %s -t UTF-8",
				    enc, enc) == -1
			   ? -1
			   : 1;
	}
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		i = bom = 3;
	cr_buf_init(&b);
	/* Positions (after the BOM) only where a bad byte is: the cursor
	 * goes forward once over the file, and not at all when it is clean. */
	cr_pos_cursor_init(&cur, buf + bom, len - bom);
	start = i;
	while (i < len) {
		uint64_t v;

		/* eight bytes of ASCII without NUL at once (a byte is zero
		 * where v - 1 borrows into its high bit and v's is clear) */
		if (len - i >= 8 && (memcpy(&v, s + i, 8),
				     (v & 0x8080808080808080ull) == 0 &&
					 ((v - 0x0101010101010101ull) & ~v &
					  0x8080808080808080ull) == 0)) {
			i += 8;
			continue;
		}
		if (s[i] < 0x80 && s[i] != 0) {
			i++;
			continue;
		}
		if (s[i] != 0 &&
		    (k = cr_utf8_next(buf + i, len - i, &cp)) > 0) {
			/* the NFC quick check of every value read from
			 * the file, once here (CR_TEXT_STABLE); the
			 * one-column runs of pos.c's cursor (NARROW) */
			if (stable && !cr_utf8_cp_stable(cp))
				stable = 0;
			if (narrow && !cr_utf8_cp_narrow(cp))
				narrow = 0;
			i += (size_t)k;
			continue;
		}
		/* A bad byte: copy what came before, then U+FFFD for it. */
		cr_buf_put(&b, buf + start, i - start);
		cr_buf_put(&b, replacement, 3);
		if (errors < MAX_ENCODING_REPORTS) {
			pos = cr_pos_cursor_off(&cur, i - bom);
			if (s[i] == 0)
				cr_diags_add(d, file, pos, CR_RULE_ENCODING,
					     "NUL byte; the file must be UTF-8 "
					     "text");
			else
				cr_diags_add(
				    d, file, pos, CR_RULE_ENCODING,
				    "invalid UTF-8 byte 0x%02X; save the "
				    "file as UTF-8",
				    s[i]);
		}
		errors++;
		i++;
		start = i;
	}
	if (errors > MAX_ENCODING_REPORTS)
		cr_diags_add(d, file, cr_pos_cursor_off(&cur, len - bom),
			     CR_RULE_ENCODING,
			     "%ld more invalid bytes not shown",
			     errors - MAX_ENCODING_REPORTS);
	if (errors == 0) {
		/* clean: the text is the input's own bytes, not copied */
		c->text = buf + bom;
		c->len = len - bom;
		if (stable)
			c->flags |= CR_TEXT_STABLE;
		if (narrow && (c->len == 0 || c->text[c->len - 1] == '\n') &&
		    memchr(c->text, '\t', c->len) == NULL &&
		    memchr(c->text, '\r', c->len) == NULL)
			c->flags |= CR_TEXT_NARROW;
		if (memchr(c->text, '\\', c->len) != NULL)
			c->flags |= CR_TEXT_BACKSLASH;
		return d->oom ? -1 : 0;
	}
	cr_buf_put(&b, buf + start, i - start);
	if (b.oom || d->oom) {
		cr_buf_free(&b);
		return -1;
	}
	c->copy = cr_buf_detach(&b, &c->len);
	c->text = c->copy;
	return errors;
}

long
cr_input_clean(const char *buf, size_t len, const char *file, char **out,
	       size_t *outlen, cr_diags *d)
{
	cr_clean c;
	long errors = cr_input_check(buf, len, file, &c, d);

	*out = NULL;
	*outlen = 0;
	if (errors == -1)
		return -1;
	if (c.copy == NULL && (c.copy = cr_strndup(c.text, c.len)) == NULL)
		return -1;
	*out = c.copy;
	*outlen = c.len;
	return errors;
}
