/*
 * render_eml.c - the report as an RFC 5322 message for `sendmail -t`:
 * the text rendering as body, the PDF attached. GMime builds the MIME
 * structure and encodes headers (RFC 2047) and the file name (RFC 2231).
 */
#include <stdio.h>
#include <string.h>

#include <gmime/gmime.h>

#include "internal.h"
#include "cr_labels.h"

/* A header value with no control character left: a CR or LF in a name or
 * title can never start a header of its own. Caller frees. */
static char *
header_text(const char *s)
{
	char *p = cr_strdup(s != NULL ? s : ""), *q;

	if (p == NULL)
		return NULL;
	for (q = p; *q != '\0'; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			*q = ' ';
	return p;
}

static int
add_person(GMimeMessage *m, GMimeAddressType type, const cr_person *p)
{
	char *name, *addr;

	if (p->email.s == NULL || strchr(p->email.s, '@') == NULL)
		return 0;
	name = header_text(p->name.s);
	addr = header_text(p->email.s);
	if (name != NULL && addr != NULL)
		g_mime_message_add_mailbox(m, type, name, addr);
	free(name);
	free(addr);
	return 0;
}

const cr_person *
cr_report_find_person(const cr_report *r, const char *name)
{
	const cr_persons *lists[] = { &r->attendees, &r->distribution };
	size_t i, j;

	if (name == NULL)
		return NULL;
	for (i = 0; i < CR_ARRAY_LEN(lists); i++)
		for (j = 0; j < lists[i]->len; j++)
			if (lists[i]->items[j].name.s != NULL &&
			    cr_utf8_casecmp(lists[i]->items[j].name.s, name) ==
			        0)
				return &lists[i]->items[j];
	return NULL;
}

static GDateTime *
message_date(const cr_report *r, const cr_write_opts *o)
{
	cr_datetime dt;
	GTimeZone *tz;
	GDateTime *gd;

	if (r->issued.valid && r->issued.dt.has_time)
		dt = r->issued.dt;
	else
		cr_datetime_from_epoch(o->now, o->now_offset, &dt);
	tz = g_time_zone_new_offset(dt.offset * 60);
	gd = g_date_time_new(tz, dt.year, dt.month, dt.day, dt.hour, dt.minute,
	                     dt.second);
	g_time_zone_unref(tz);
	return gd;
}

/* Subject: the title and the contact's date written long. */
static char *
subject(const cr_report *r, cr_lang lang)
{
	cr_buf b;
	char *s;

	cr_buf_init(&b);
	cr_buf_puts(&b, r->title.s != NULL ? r->title.s
	                                   : cr_label(CR_LABEL_CONTACT_REPORT,
	                                              lang));
	if (r->date.valid) {
		cr_buf_puts(&b, " — ");
		cr_format_date_long(&r->date.dt, lang, &b);
	}
	s = header_text(b.data);
	cr_buf_free(&b);
	return s;
}

/* A boundary that cannot occur in base64 or quoted-printable content and
 * is the same for the same report, so output is reproducible. */
static void
boundary(const cr_report *r, char out[64])
{
	unsigned long h = 5381;
	const char *s = r->id.s != NULL ? r->id.s : "";

	for (; *s != '\0'; s++)
		h = h * 33 + (unsigned char)*s;
	snprintf(out, 64, "=-crtools-%08lx", h & 0xffffffffUL);
}

int
cr_render_eml(const cr_report *r, const cr_write_opts *o, cr_buf *out)
{
	GMimeMessage *m = NULL;
	GMimeMultipart *mixed = NULL;
	GMimeTextPart *body = NULL;
	GMimePart *pdf = NULL;
	GMimeStream *mem = NULL, *outs = NULL;
	GMimeDataWrapper *wrap = NULL;
	GMimeFormatOptions *fmt = NULL;
	GByteArray *bytes;
	GDateTime *date;
	const cr_person *author;
	cr_buf txt, doc;
	cr_lang lang;
	char *s, bound[64], *fname = NULL;
	const char *from;
	size_t i;
	int rc = -1;

	g_mime_init();
	cr_buf_init(&txt);
	cr_buf_init(&doc);
	lang = (unsigned)o->lang < CR_LANG__COUNT ? o->lang : cr_report_lang(r);
	if ((unsigned)lang >= CR_LANG__COUNT)
		lang = CR_LANG_EN;
	if (cr_render_txt(r, o, &txt) == -1 || cr_render_pdf(r, o, &doc) == -1)
		goto out;

	m = g_mime_message_new(TRUE);
	author = cr_report_find_person(r, r->author.s);
	from = author != NULL && author->email.s != NULL ? author->email.s
	                                                 : o->from_address;
	if (from != NULL) {
		char *name = header_text(r->author.s), *addr = header_text(from);
		g_mime_message_add_mailbox(m, GMIME_ADDRESS_TYPE_FROM, name,
		                           addr);
		free(name);
		free(addr);
	}
	for (i = 0; i < r->attendees.len; i++)
		add_person(m, GMIME_ADDRESS_TYPE_TO, &r->attendees.items[i]);
	for (i = 0; i < r->distribution.len; i++)
		add_person(m, GMIME_ADDRESS_TYPE_CC, &r->distribution.items[i]);
	if ((s = subject(r, lang)) != NULL) {
		g_mime_message_set_subject(m, s, "utf-8");
		free(s);
	}
	if ((date = message_date(r, o)) != NULL) {
		g_mime_message_set_date(m, date);
		g_date_time_unref(date);
	}

	body = g_mime_text_part_new_with_subtype("plain");
	g_mime_text_part_set_text(body, txt.data != NULL ? txt.data : "");
	g_mime_text_part_set_charset(body, "UTF-8");
	g_mime_part_set_content_encoding(GMIME_PART(body),
	                                 GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);

	pdf = g_mime_part_new_with_type("application", "pdf");
	mem = g_mime_stream_mem_new_with_buffer(doc.data, doc.len);
	wrap = g_mime_data_wrapper_new_with_stream(mem,
	                                           GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(pdf, wrap);
	g_mime_part_set_content_encoding(pdf, GMIME_CONTENT_ENCODING_BASE64);
	txt.len = 0; /* reused for the file name */
	cr_buf_printf(&txt, "%s.pdf", r->id.s != NULL ? r->id.s : "report");
	fname = header_text(txt.data);
	for (s = fname; s != NULL && *s != '\0'; s++)
		if (*s == '/' || *s == '\\')
			*s = '-';
	g_mime_part_set_filename(pdf, fname);

	mixed = g_mime_multipart_new_with_subtype("mixed");
	boundary(r, bound);
	g_mime_multipart_set_boundary(mixed, bound);
	g_mime_multipart_add(mixed, GMIME_OBJECT(body));
	g_mime_multipart_add(mixed, GMIME_OBJECT(pdf));
	g_mime_message_set_mime_part(m, GMIME_OBJECT(mixed));

	fmt = g_mime_format_options_new();
	g_mime_format_options_set_newline_format(fmt,
	                                         GMIME_NEWLINE_FORMAT_UNIX);
	outs = g_mime_stream_mem_new();
	if (g_mime_object_write_to_stream(GMIME_OBJECT(m), fmt, outs) < 0)
		goto out;
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(outs));
	rc = cr_buf_put(out, (const char *)bytes->data, bytes->len);
out:
	free(fname);
	if (fmt != NULL)
		g_mime_format_options_free(fmt);
	if (outs != NULL)
		g_object_unref(outs);
	if (wrap != NULL)
		g_object_unref(wrap);
	if (mem != NULL)
		g_object_unref(mem);
	if (body != NULL)
		g_object_unref(body);
	if (pdf != NULL)
		g_object_unref(pdf);
	if (mixed != NULL)
		g_object_unref(mixed);
	if (m != NULL)
		g_object_unref(m);
	cr_buf_free(&txt);
	cr_buf_free(&doc);
	return rc;
}
