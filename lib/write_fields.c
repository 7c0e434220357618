/* write_fields.c - value helpers of the writers. */
#include <stddef.h>
#include <stdlib.h>

#include "write.h"

const char *
cr_date_out(const cr_date *d, char buf[32])
{
	if (d->raw.s == NULL)
		return NULL;
	if (!d->valid)
		return d->raw.s;
	cr_datetime_format(&d->dt, buf);
	return buf;
}

const char *
cr_status_out(const cr_action *a)
{
	if (a->status.s == NULL || a->status.s[0] == '\0')
		return cr_status_name(CR_STATUS_OPEN);
	return a->status.s;
}

char *
cr_utf8_repair(const char *s, size_t n, int *oom)
{
	cr_buf b;
	unsigned cp;
	size_t i;
	int k;

	for (i = 0; i < n; i += (size_t)k)
		if ((k = cr_utf8_decode(s + i, n - i, &cp)) < 0)
			break;
	if (i >= n)
		return NULL;
	cr_buf_init(&b);
	for (i = 0; i < n; i += k < 0 ? 1 : (size_t)k) {
		if ((k = cr_utf8_decode(s + i, n - i, &cp)) < 0)
			cr_buf_puts(&b, "\xef\xbf\xbd");
		else
			cr_buf_put(&b, s + i, (size_t)k);
	}
	if (cr_buf_putc(&b, '\0') == -1) {
		cr_buf_free(&b);
		*oom = 1;
		return NULL;
	}
	return b.data;
}
