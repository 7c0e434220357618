/* write_fields.c - the field table and value helpers of the writers. */
#include <stddef.h>
#include <stdlib.h>

#include "write.h"

#define F(kind, member)                                                        \
	{                                                                      \
		kind, offsetof(cr_report, member)                              \
	}

const struct cr_field_desc cr_fields[CR_F__COUNT] = {
    [CR_F_ID] = F(CR_K_STR, id),
    [CR_F_TITLE] = F(CR_K_STR, title),
    [CR_F_CLIENT] = F(CR_K_STR, client),
    [CR_F_PROJECT] = F(CR_K_STR, project),
    [CR_F_TYPE] = F(CR_K_STR, type),
    [CR_F_OUTCOME] = F(CR_K_STR, outcome),
    [CR_F_DATE] = F(CR_K_DATE, date),
    [CR_F_LOCATION] = F(CR_K_STR, location),
    [CR_F_AUTHOR] = F(CR_K_STR, author),
    [CR_F_ISSUED] = F(CR_K_DATE, issued),
    [CR_F_CONFIDENTIALITY] = F(CR_K_STR, confidentiality),
    [CR_F_LANGUAGE] = F(CR_K_STR, language),
    [CR_F_ATTENDEES] = F(CR_K_PERSONS, attendees),
    [CR_F_ABSENT] = F(CR_K_PERSONS, absent),
    [CR_F_DISTRIBUTION] = F(CR_K_PERSONS, distribution),
    [CR_F_PREVIOUS] = F(CR_K_STR, previous),
    [CR_F_NEXT_CONTACT] = F(CR_K_DATE, next_contact),
    [CR_F_TAGS] = F(CR_K_TEXTS, tags),
    [CR_F_AGENDA] = F(CR_K_TEXTS, agenda),
    [CR_F_DISCUSSION] = F(CR_K_TEXTS, discussion),
    [CR_F_AGREEMENTS] = F(CR_K_TEXTS, agreements),
    [CR_F_ACTIONS] = {CR_K_ACTIONS, 0},
    [CR_F_INTERNAL] = F(CR_K_TEXTS, internal),
};

enum cr_field
cr_section_field(cr_section s)
{
	static const enum cr_field map[CR_SEC__COUNT] = {
	    CR_F_ATTENDEES,  CR_F_ABSENT,     CR_F_DISTRIBUTION, CR_F_AGENDA,
	    CR_F_DISCUSSION, CR_F_AGREEMENTS, CR_F_ACTIONS,	 CR_F_INTERNAL,
	};

	return (unsigned)s < CR_SEC__COUNT ? map[s] : CR_F__COUNT;
}

int
cr_field_present(const cr_report *r, enum cr_field f)
{
	if ((unsigned)f >= CR_F__COUNT)
		return 0;
	switch (cr_fields[f].kind) {
	case CR_K_STR:
		return CR_FIELD_PTR(r, f, cr_str)->s != NULL;
	case CR_K_DATE:
		return CR_FIELD_PTR(r, f, cr_date)->raw.s != NULL;
	case CR_K_PERSONS:
		return CR_FIELD_PTR(r, f, cr_persons)->len > 0;
	case CR_K_TEXTS:
		return CR_FIELD_PTR(r, f, cr_texts)->len > 0;
	case CR_K_ACTIONS:
		return r->nactions > 0;
	}
	return 0;
}

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
