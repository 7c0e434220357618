/* buf.c - growable byte buffer and small allocation helpers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void
cr_buf_init(cr_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->oom = 0;
}

void
cr_buf_free(cr_buf *b)
{
	free(b->data);
	cr_buf_init(b);
}

static int
buf_reserve(cr_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->oom)
		return -1;
	if (extra > (size_t)-1 / 2 - b->len)
		goto fail;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	if ((p = realloc(b->data, cap)) == NULL)
		goto fail;
	b->data = p;
	b->cap = cap;
	return 0;
fail:
	b->oom = 1;
	return -1;
}

int
cr_buf_put(cr_buf *b, const char *s, size_t n)
{
	if (buf_reserve(b, n) == -1)
		return -1;
	if (n > 0)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
cr_buf_puts(cr_buf *b, const char *s)
{
	return cr_buf_put(b, s, strlen(s));
}

int
cr_buf_putc(cr_buf *b, char c)
{
	return cr_buf_put(b, &c, 1);
}

int
cr_buf_vprintf(cr_buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	size_t room;
	int n;

	if (b->oom)
		return -1;
	/* Formatted once when it fits in the room left (most of the time),
	 * twice when the buffer has to grow. */
	room = b->cap > b->len ? b->cap - b->len : 0;
	va_copy(aq, ap);
	n = vsnprintf(room > 0 ? b->data + b->len : NULL, room, fmt, aq);
	va_end(aq);
	if (n < 0)
		return -1;
	if ((size_t)n < room) {
		b->len += (size_t)n;
		return 0;
	}
	if (buf_reserve(b, (size_t)n) == -1)
		return -1;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int
cr_buf_printf(cr_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = cr_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *
cr_buf_detach(cr_buf *b, size_t *len)
{
	char *p;

	if (b->data == NULL && !b->oom)
		buf_reserve(b, 0);
	p = b->data;
	if (len != NULL)
		*len = b->len;
	if (b->oom) {
		free(p);
		p = NULL;
	}
	cr_buf_init(b);
	return p;
}

char *
cr_strdup(const char *s)
{
	return s == NULL ? NULL : cr_strndup(s, strlen(s));
}

char *
cr_strndup(const char *s, size_t n)
{
	char *p;

	if (s == NULL || (p = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
cr_grow(void *items, size_t *cap, size_t need, size_t size)
{
	void **pp = items;
	size_t ncap;
	void *p;

	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > ((size_t)-1 / 2) / size)
			return -1;
		ncap *= 2;
	}
	if ((p = realloc(*pp, ncap * size)) == NULL)
		return -1;
	*pp = p;
	*cap = ncap;
	return 0;
}
