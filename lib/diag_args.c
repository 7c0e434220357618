/*
 * diag_args.c - the values of a diagnostic's message, packed when the
 * diagnostic is added and formatted when it is printed, so that a list
 * of many diagnostics holds a few bytes of values each instead of their
 * text.
 *
 * Packing reads the va_list as the untranslated format says (its
 * conversions in order); formatting follows the format it is given,
 * which may be a translation numbering its conversions ("%2$s",
 * "%2$.*1$s"). Each conversion is printed by snprintf itself, with the
 * same flags, width and precision, so the text is the one vsnprintf
 * would make.
 *
 * A value: a tag byte, then for 'i' (signed) and 'u' (unsigned) the
 * number as a base-128 varint (signed zigzagged), for 's' the length as a
 * varint, the bytes and a NUL; 'n' is a NULL string; 0 ends the values.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"

#define MAX_ARGS 32

static void
put_varint(cr_buf *b, unsigned long long v)
{
	char c;

	do {
		c = (char)(v & 0x7f);
		v >>= 7;
		if (v != 0)
			c = (char)(c | 0x80);
		cr_buf_putc(b, c);
	} while (v != 0);
}

static const char *
get_varint(const char *p, unsigned long long *v)
{
	unsigned shift = 0;
	unsigned char c;

	*v = 0;
	do {
		c = (unsigned char)*p++;
		if (shift < 64)
			*v |= (unsigned long long)(c & 0x7f) << shift;
		shift += 7;
	} while (c & 0x80);
	return p;
}

static void
put_signed(cr_buf *b, long long v)
{
	cr_buf_putc(b, 'i');
	put_varint(b, ((unsigned long long)v << 1) ^ (v < 0 ? ~0ULL : 0));
}

static void
put_unsigned(cr_buf *b, unsigned long long v)
{
	cr_buf_putc(b, 'u');
	put_varint(b, v);
}

/* One conversion specification, as parsed. */
struct spec {
	char flags[8];
	int width, prec; /* 0 none, 1 digits (wval, pval), 2 '*' */
	size_t wval, pval;
	size_t warg, parg, arg; /* n$ numbers (1-based), 0 sequential */
	char len[3];		/* length modifier */
	char conv;
};

static const char *
digits(const char *p, size_t *n)
{
	*n = 0;
	while (*p >= '0' && *p <= '9' && *n < 100000)
		*n = *n * 10 + (size_t)(*p++ - '0');
	return p;
}

/* "n$" at p: its number and the text after; else 0 and p. */
static const char *
position(const char *p, size_t *num)
{
	size_t n;
	const char *e = digits(p, &n);

	*num = 0;
	if (e > p && *e == '$' && n > 0) {
		*num = n;
		return e + 1;
	}
	return p;
}

/* Parses the specification after a '%'; the text after it, or NULL for
 * one this file does not handle. */
static const char *
parse_spec(const char *p, struct spec *s)
{
	size_t nf = 0;

	memset(s, 0, sizeof(*s));
	p = position(p, &s->arg);
	while (*p != '\0' && strchr("-+ #0'", *p) != NULL) {
		if (nf + 1 >= sizeof(s->flags))
			return NULL;
		s->flags[nf++] = *p++;
	}
	if (*p == '*') {
		s->width = 2;
		p = position(p + 1, &s->warg);
	} else if (*p >= '1' && *p <= '9') {
		s->width = 1;
		p = digits(p, &s->wval);
	}
	if (*p == '.') {
		p++;
		if (*p == '*') {
			s->prec = 2;
			p = position(p + 1, &s->parg);
		} else {
			s->prec = 1;
			p = digits(p, &s->pval);
		}
	}
	if ((p[0] == 'h' && p[1] == 'h') || (p[0] == 'l' && p[1] == 'l')) {
		memcpy(s->len, p, 2);
		p += 2;
	} else if (*p != '\0' && strchr("hlzjt", *p) != NULL)
		s->len[0] = *p++;
	if (*p == '\0' || strchr("diuoxXcs", *p) == NULL)
		return NULL;
	if (*p == 's' && s->len[0] != '\0')
		return NULL; /* wide strings */
	s->conv = *p;
	return p + 1;
}

/* A signed or unsigned integer of the spec's length from ap. */
static void
pack_int(cr_buf *b, const struct spec *s, va_list *ap)
{
	int sign = s->conv == 'd' || s->conv == 'i' || s->conv == 'c';

	if (strcmp(s->len, "ll") == 0) {
		if (sign)
			put_signed(b, va_arg(*ap, long long));
		else
			put_unsigned(b, va_arg(*ap, unsigned long long));
	} else if (strcmp(s->len, "l") == 0) {
		if (sign)
			put_signed(b, va_arg(*ap, long));
		else
			put_unsigned(b, va_arg(*ap, unsigned long));
	} else if (strcmp(s->len, "z") == 0) {
		if (sign)
			put_signed(b, (long long)va_arg(*ap, ptrdiff_t));
		else
			put_unsigned(b, va_arg(*ap, size_t));
	} else if (strcmp(s->len, "j") == 0) {
		if (sign)
			put_signed(b, (long long)va_arg(*ap, intmax_t));
		else
			put_unsigned(
			    b, (unsigned long long)va_arg(*ap, uintmax_t));
	} else if (strcmp(s->len, "t") == 0) {
		if (sign)
			put_signed(b, (long long)va_arg(*ap, ptrdiff_t));
		else
			put_unsigned(b,
				     (unsigned long long)va_arg(*ap, size_t));
	} else {
		/* int and shorter: promoted to int; printf converts back */
		if (sign)
			put_signed(b, va_arg(*ap, int));
		else {
			unsigned v = va_arg(*ap, unsigned);
			if (strcmp(s->len, "hh") == 0)
				v = (unsigned char)v;
			else if (strcmp(s->len, "h") == 0)
				v = (unsigned short)v;
			put_unsigned(b, v);
		}
	}
}

int
cr_diag_pack(cr_buf *b, const char *fmt, va_list ap)
{
	const char *p = fmt, *str;
	struct spec s;
	size_t len;
	size_t start = b->len;
	va_list aq;
	int prec;

	va_copy(aq, ap);
	while ((p = strchr(p, '%')) != NULL) {
		if (p[1] == '%') {
			p += 2;
			continue;
		}
		if ((p = parse_spec(p + 1, &s)) == NULL || s.arg != 0 ||
		    s.warg != 0 || s.parg != 0)
			goto unpackable;
		prec = -1;
		if (s.width == 2)
			put_signed(b, va_arg(aq, int));
		if (s.prec == 2) {
			prec = va_arg(aq, int);
			put_signed(b, prec);
		} else if (s.prec == 1)
			prec = (int)s.pval;
		if (s.conv != 's') {
			pack_int(b, &s, &aq);
			continue;
		}
		if ((str = va_arg(aq, const char *)) == NULL) {
			cr_buf_putc(b, 'n');
			continue;
		}
		len = prec >= 0 ? strnlen(str, (size_t)prec) : strlen(str);
		cr_buf_putc(b, 's');
		put_varint(b, len);
		cr_buf_put(b, str, len);
		cr_buf_putc(b, '\0');
	}
	va_end(aq);
	cr_buf_putc(b, '\0');
	return b->oom ? -1 : 0;
unpackable:
	va_end(aq);
	b->len = start;
	if (b->data != NULL)
		b->data[start] = '\0';
	return 1;
}

/* The values packed at p: where each starts, and how many. */
static size_t
index_args(const char *p, const char **at)
{
	unsigned long long v;
	size_t n = 0;

	while (*p != '\0') {
		if (n == MAX_ARGS)
			return n;
		at[n++] = p;
		switch (*p++) {
		case 'i':
		case 'u':
			p = get_varint(p, &v);
			break;
		case 's':
			p = get_varint(p, &v);
			p += v + 1;
			break;
		default: /* 'n' */
			break;
		}
	}
	return n;
}

/* An integer value (the tag, the number); 0, or -1 when it is not one. */
static int
arg_int(const char *a, int *sign, unsigned long long *v)
{
	if (a == NULL || (*a != 'i' && *a != 'u'))
		return -1;
	*sign = *a == 'i';
	get_varint(a + 1, v);
	if (*sign)
		*v = (*v >> 1) ^ (~(*v & 1) + 1);
	return 0;
}

/* The n-th value (1-based), or NULL. */
static const char *
arg_at(const char *const *at, size_t nargs, size_t n)
{
	return n >= 1 && n <= nargs ? at[n - 1] : NULL;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
/* One conversion through snprintf: spec is "%FLAGS*.*LENCONV", built
 * from the format's own flags and conversion; w and p its width and
 * precision (0 and -1: none). */
static int
put_conv(cr_buf *out, const char *spec, int w, int p, int kind, long long sv,
	 unsigned long long uv, const char *s)
{
	switch (kind) {
	case 0:
		return cr_buf_printf(out, spec, w, p, sv);
	case 1:
		return cr_buf_printf(out, spec, w, p, uv);
	case 2:
		return cr_buf_printf(out, spec, w, p, (int)sv);
	default:
		return cr_buf_printf(out, spec, w, p, s);
	}
}
#pragma GCC diagnostic pop

/* A string (kind 3, at most pr bytes when pr >= 0) or a decimal integer
 * (kind 0 signed, 1 unsigned) without flags or width: what printf makes
 * of it. */
static void
put_plain(cr_buf *out, int kind, int pr, const char *a, long long sv,
	  unsigned long long uv)
{
	unsigned long long len, v;
	const char *str = "(null)";
	char num[24], *e = num + sizeof(num), *p = e;

	if (kind == 3) {
		if (*a == 's')
			str = get_varint(a + 1, &len);
		else
			len = 6;
		if (pr >= 0 && (unsigned long long)pr < len)
			len = (unsigned long long)pr;
		cr_buf_put(out, str, (size_t)len);
		return;
	}
	v = kind == 1 ? uv
	    : sv < 0  ? 0 - (unsigned long long)sv
		      : (unsigned long long)sv;
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	if (kind == 0 && sv < 0)
		*--p = '-';
	cr_buf_put(out, p, (size_t)(e - p));
}

/* A width or a precision of the kind parse_spec found: `none`, the
 * digits' value, or the next (or n$) argument, a non-negative int. */
static int
number(int kind, size_t val, size_t argn, const char *const *at, size_t nargs,
       size_t *next, int none, int *out)
{
	unsigned long long uv;
	int sign;

	if (kind == 0)
		*out = none;
	else if (kind == 1)
		*out = (int)val;
	else if (arg_int(arg_at(at, nargs, argn ? argn : (*next)++), &sign,
			 &uv) == -1 ||
		 !sign)
		return -1;
	else
		*out = (int)(long long)uv;
	return 0;
}

int
cr_diag_render(cr_buf *out, const char *fmt, const char *args)
{
	const char *at[MAX_ARGS], *p = fmt, *q, *a;
	unsigned long long uv = 0;
	size_t nargs = index_args(args, at), next = 1, start = out->len;
	char spec[32];
	struct spec s;
	int w = 0, pr = -1, sign, kind;
	long long sv = 0;

	while (*p != '\0') {
		if ((q = strchr(p, '%')) == NULL) {
			cr_buf_puts(out, p);
			break;
		}
		cr_buf_put(out, p, (size_t)(q - p));
		if (q[1] == '%') {
			cr_buf_putc(out, '%');
			p = q + 2;
			continue;
		}
		if ((p = parse_spec(q + 1, &s)) == NULL)
			goto mismatch;
		if (number(s.width, s.wval, s.warg, at, nargs, &next, 0, &w) ==
			-1 ||
		    number(s.prec, s.pval, s.parg, at, nargs, &next, -1, &pr) ==
			-1)
			goto mismatch;
		a = arg_at(at, nargs, s.arg ? s.arg : next++);
		if (a == NULL)
			goto mismatch;
		if (s.conv == 's') {
			if (*a != 's' && *a != 'n')
				goto mismatch;
			kind = 3;
		} else {
			if (arg_int(a, &sign, &uv) == -1)
				goto mismatch;
			sv = (long long)uv;
			kind = s.conv == 'c' ? 2 : sign ? 0 : 1;
			if (kind == 1 && (s.conv == 'd' || s.conv == 'i'))
				kind = 0;
			else if (kind == 0 && strchr("ouxX", s.conv) != NULL)
				kind = 1;
		}
		if (s.flags[0] == '\0' && s.width == 0 &&
		    (kind == 3 ||
		     (s.prec == 0 && strchr("diu", s.conv) != NULL))) {
			/* the common forms, without snprintf: %s, %.*s, %d, %u
			 */
			put_plain(out, kind, pr, a, sv, uv);
			continue;
		}
		/* a negative precision reads as none */
		snprintf(spec, sizeof(spec), "%%%s*.*%s%c", s.flags,
			 kind <= 1 ? "ll" : "", s.conv);
		if (kind == 3) {
			const char *str = "(null)";
			unsigned long long len;
			if (*a == 's')
				str = get_varint(a + 1, &len);
			if (put_conv(out, spec, w, pr, kind, 0, 0, str) == -1)
				return -1;
		} else if (put_conv(out, spec, w, pr, kind, sv, uv, NULL) == -1)
			return -1;
	}
	return out->oom ? -1 : 0;
mismatch:
	out->len = start;
	if (out->data != NULL)
		out->data[start] = '\0';
	return out->oom ? -1 : 1;
}
