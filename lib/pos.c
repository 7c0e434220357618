/*
 * pos.c - positions in a file as written (SPEC 3): the line, the display
 * column that GCC prints and editors read, and the code-point column of
 * SARIF. Both readers and the checks count columns only here.
 */
#include <stdint.h>
#include <string.h>

#include "internal.h"

void
cr_pos_step(cr_pos *p, unsigned cp)
{
	int w;

	p->cp++;
	if (cp == '\t') {
		p->column = ((p->column - 1) / 8 + 1) * 8 + 1;
		return;
	}
	w = cr_utf8_cp_width(cp);
	if (w == 0 && (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)))
		w = 1; /* a control character: one column, as GCC counts */
	p->column += w;
}

cr_pos
cr_pos_advance(cr_pos p, const char *s, size_t n)
{
	size_t i = 0;
	unsigned cp;
	int k;

	while (i < n) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			p.column++;
			p.cp++;
			i++;
			continue;
		}
		if ((k = cr_utf8_decode(s + i, n - i, &cp)) < 0) {
			cp = 0xfffd; /* an invalid byte stands for one */
			k = 1;
		}
		cr_pos_step(&p, cp);
		i += (size_t)k;
	}
	return p;
}

void
cr_pos_cursor_init(cr_pos_cursor *c, const char *buf, size_t len)
{
	c->buf = buf;
	c->len = len;
	c->off = 0;
	c->index = 0;
	c->pos.line = c->pos.column = c->pos.cp = 1;
}

/* Moves the cursor over one code point (or invalid byte). */
static void
cursor_step(cr_pos_cursor *c)
{
	const char *s = c->buf + c->off;
	unsigned cp;
	int k;

	if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f) {
		c->pos.column++; /* printable ASCII: the common case */
		c->pos.cp++;
		k = 1;
	} else if (*s == '\n' ||
		   (*s == '\r' && (c->off + 1 >= c->len || s[1] != '\n'))) {
		c->pos.line++;
		c->pos.column = c->pos.cp = 1;
		k = 1;
	} else if (*s == '\r') {
		k = 1; /* the CR of a CRLF: the LF ends the line */
	} else {
		if ((k = cr_utf8_next(s, c->len - c->off, &cp)) < 0) {
			cp = 0xfffd;
			k = 1;
		}
		cr_pos_step(&c->pos, cp);
	}
	c->off += (size_t)k;
	c->index++;
}

cr_pos
cr_pos_cursor_off(cr_pos_cursor *c, size_t off)
{
	if (off > c->len)
		off = c->len;
	if (off < c->off)
		cr_pos_cursor_init(c, c->buf, c->len);
	while (c->off < off)
		cursor_step(c);
	return c->pos;
}

cr_pos
cr_pos_cursor_index(cr_pos_cursor *c, size_t index)
{
	const unsigned char *s = (const unsigned char *)c->buf;
	size_t off, at, len = c->len;
	unsigned cp;
	int col, cpcol, line;

	if (index < c->index)
		cr_pos_cursor_init(c, c->buf, c->len);
	off = c->off;
	at = c->index;
	line = c->pos.line;
	col = c->pos.column;
	cpcol = c->pos.cp;
	/* printable ASCII, LF and the letters of the scripts most text is
	 * in (width_runs of utf8.c: Latin, Cyrillic one column, CJK two)
	 * here; anything else through cursor_step */
	while (at < index && off < len) {
		unsigned char b = s[off];

		if ((unsigned char)(b - 0x20) < 0x5f) {
			/* a run of printable ASCII: a column each */
			size_t lim = index - at < len - off ? index - at
							    : len - off,
			       k = 1;
			uint64_t v;

			/* eight at a time: no byte of v below 0x20, none
			 * above 0x7e (the bit tricks of "Bit Twiddling
			 * Hacks", hasless and hasmore) */
			while (lim - k >= 8 &&
			       (memcpy(&v, s + off + k, 8),
				((v - 0x2020202020202020ull) | v |
				 (v + 0x0101010101010101ull)) &
				    0x8080808080808080ull) == 0)
				k += 8;
			while (k < lim &&
			       (unsigned char)(s[off + k] - 0x20) < 0x5f)
				k++;
			col += (int)k;
			cpcol += (int)k;
			off += k;
			at += k;
			continue;
		} else if (b == '\n') {
			line++;
			col = cpcol = 1;
			off++;
		} else if (b >= 0xc2 && b <= 0xdf && off + 1 < len &&
			   (s[off + 1] & 0xc0) == 0x80 &&
			   (cp = ((unsigned)(b & 0x1f) << 6 |
				  (unsigned)(s[off + 1] & 0x3f))) >= 0xa0 &&
			   (cp < 0x300 || (cp >= 0x370 && cp <= 0x482))) {
			col++;
			cpcol++;
			off += 2;
		} else if (b >= 0xe1 && b <= 0xef && b != 0xed &&
			   off + 2 < len && (s[off + 1] & 0xc0) == 0x80 &&
			   (s[off + 2] & 0xc0) == 0x80 &&
			   (cp = ((unsigned)(b & 0x0f) << 12 |
				  (unsigned)(s[off + 1] & 0x3f) << 6 |
				  (unsigned)(s[off + 2] & 0x3f))) >= 0x1e00 &&
			   (cp <= 0x200a || (cp >= 0x3000 && cp <= 0x3029) ||
			    (cp >= 0x4e00 && cp <= 0xa48c) ||
			    (cp >= 0xff01 && cp <= 0xff60))) {
			col += cp <= 0x200a ? 1 : 2;
			cpcol++;
			off += 3;
		} else {
			c->off = off;
			c->index = at;
			c->pos.line = line;
			c->pos.column = col;
			c->pos.cp = cpcol;
			cursor_step(c);
			off = c->off;
			at = c->index;
			line = c->pos.line;
			col = c->pos.column;
			cpcol = c->pos.cp;
			continue;
		}
		at++;
	}
	c->off = off;
	c->index = at;
	c->pos.line = line;
	c->pos.column = col;
	c->pos.cp = cpcol;
	return c->pos;
}

cr_pos
cr_pos_at(const char *buf, size_t len, size_t off)
{
	cr_pos_cursor c;

	cr_pos_cursor_init(&c, buf, len);
	return cr_pos_cursor_off(&c, off);
}
