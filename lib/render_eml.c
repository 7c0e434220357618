/*
 * render_eml.c - the report as an RFC 5322 message for `sendmail -t`:
 * the txt rendering as the body, the PDF attached. GMime builds the MIME
 * structure, encodes the headers (RFC 2047) and the file name (RFC 2231);
 * nothing here writes MIME by hand.
 *
 * Reproducible: the same report and clock give the same bytes. The
 * boundary and the Message-ID are derived from the report, never random:
 *   Message-ID: <crtools.ID.WHEN.HASH@DOMAIN>
 * ID is the report id reduced to letters, digits, '-', '_' and '.',
 * WHEN the message's Date in UTC (YYYYMMDDThhmmssZ), HASH the FNV-1a
 * hash of the id as written (so that two ids reduced alike still
 * differ), DOMAIN the sender's domain. A report sent again with a new
 * `issued` gets a new Message-ID; rendering the same one twice does not.
 *
 * GMime keeps global tables: g_mime_init is called on every render (it
 * counts, and only the first call does the work) and g_mime_shutdown
 * never, since the caller may use GMime too. Its tables stay reachable
 * until the process ends.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>

#include "cr_labels.h"
#include "internal.h"
#include "render_util.h"

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

/*
 * Whether s is a plain address local@domain that can be written as it
 * is: one '@', both sides non-empty, no blank, control or character that
 * would end or quote the address (<>()[],;:"\). Anything else (a typo,
 * an attempt to add a header or recipient) is left out.
 */
static int
plain_address(const char *s)
{
	const char *at = NULL, *p;

	if (s == NULL || *s == '\0' || *s == '@')
		return 0;
	for (p = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c <= 0x20 || c == 0x7f ||
		    strchr("<>()[],;:\"\\", c) != NULL)
			return 0;
		if (c == '@') {
			if (at != NULL)
				return 0;
			at = p;
		}
	}
	return at != NULL && at[1] != '\0';
}

/* The person's address when it is a plain one, else NULL. */
static const char *
address_of(const cr_person *p)
{
	return p != NULL && plain_address(p->email.s) ? p->email.s : NULL;
}

/* The sender: the author's address among the persons of the report,
 * else o->from_address; NULL when neither is a plain address. */
static const char *
sender(const cr_report *r, const cr_write_opts *o)
{
	const char *a = address_of(cr_report_find_person(r, r->author.s));

	if (a != NULL)
		return a;
	return o != NULL && plain_address(o->from_address) ? o->from_address
							   : NULL;
}

/* How many participants get the message (To and Cc). */
static size_t
recipients(const cr_report *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->attendees.len; i++)
		n += address_of(&r->attendees.items[i]) != NULL;
	for (i = 0; i < r->distribution.len; i++)
		n += address_of(&r->distribution.items[i]) != NULL;
	return n;
}

int
cr_eml_left_out(const cr_report *r, const cr_person ***out, size_t *n)
{
	const cr_persons *lists[2] = {&r->attendees, &r->distribution};
	size_t k, i, cap = 0;

	*out = NULL;
	*n = 0;
	for (k = 0; k < 2; k++)
		for (i = 0; i < lists[k]->len; i++) {
			if (address_of(&lists[k]->items[i]) != NULL)
				continue;
			if (cr_grow(out, &cap, *n + 1, sizeof(**out)) == -1) {
				free(*out);
				*out = NULL;
				*n = 0;
				return -1;
			}
			(*out)[(*n)++] = &lists[k]->items[i];
		}
	return 0;
}

const char *
cr_eml_refusal(const cr_report *r, const cr_write_opts *o)
{
	if (sender(r, o) != NULL && recipients(r) == 0)
		return "no recipient: no attendee or distribution member has "
		       "an e-mail address";
	if (sender(r, o) != NULL)
		return NULL;
	if (o != NULL && o->from_address != NULL)
		return "the address given with --from-address is not a plain "
		       "address (local@domain)";
	return "no address for the author; use --from-address";
}

/* name <addr>: GMime quotes or encodes the name as it needs. */
static void
add_mailbox(GMimeMessage *m, GMimeAddressType type, const char *name,
	    const char *addr)
{
	char *n = header_text(name);

	if (n != NULL)
		g_mime_message_add_mailbox(m, type, n, addr);
	free(n);
}

static void
add_persons(GMimeMessage *m, GMimeAddressType type, const cr_persons *ps)
{
	size_t i;

	for (i = 0; i < ps->len; i++)
		if (address_of(&ps->items[i]) != NULL)
			add_mailbox(m, type, ps->items[i].name.s,
				    ps->items[i].email.s);
}

/* The moment of the Date header: `issued` (a date alone: its midnight),
 * else o->now; the agenda's is always now (`issued` is the report's). */
static void
message_when(const cr_report *r, const cr_write_opts *o, cr_datetime *dt)
{
	if (r->issued.valid && !o->agenda) {
		*dt = r->issued.dt;
		if (!dt->has_time)
			dt->hour = dt->minute = dt->second = 0;
		dt->has_time = 1;
	} else
		cr_datetime_from_epoch(o->now, o->now_offset, dt);
}

static GDateTime *
gdate(const cr_datetime *dt)
{
	GTimeZone *tz = g_time_zone_new_offset(dt->offset * 60);
	GDateTime *gd;

	gd = g_date_time_new(tz, dt->year, dt->month, dt->day, dt->hour,
			     dt->minute, dt->second);
	g_time_zone_unref(tz);
	return gd;
}

/* "Contact report: TITLE (20 November 2026)" in language l, or for the
 * agenda "Agenda: TITLE — 24 November 2026, 14:00 (UTC+07:00)" (the
 * time matters before a meeting); the title alone when the contact's
 * date is missing. */
static int
subject(cr_buf *out, const cr_report *r, cr_lang l, int agenda)
{
	const char *title = cr_str_given(r->title.s)
				? r->title.s
				: cr_label(CR_LABEL_CONTACT_REPORT, l);
	cr_buf when;
	int rc;

	cr_buf_init(&when);
	if (r->date.valid) {
		cr_datetime dt = r->date.dt;

		dt.has_time = dt.has_time && agenda;
		cr_format_date_long(&dt, l, &when);
	} else if (cr_str_given(r->date.raw.s))
		cr_buf_puts(&when, r->date.raw.s);
	if (when.oom)
		rc = -1;
	else if (when.len > 0)
		rc = cr_label_format(
		    out, agenda ? CR_LABEL_AGENDA_SUBJECT : CR_LABEL_SUBJECT, l,
		    title, when.data);
	else
		rc = cr_buf_puts(out, title);
	cr_buf_free(&when);
	return rc;
}

static uint32_t
fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	for (; s != NULL && *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* See the top of the file. */
static int
message_id(cr_buf *out, const cr_report *r, const cr_datetime *when,
	   const char *from, int agenda)
{
	const char *id = r->id.s != NULL ? r->id.s : "", *dom, *p;
	cr_datetime utc;
	size_t n = 0;

	cr_buf_puts(out, agenda ? "crtools.agenda." : "crtools.");
	for (p = id; *p != '\0' && n < 64; p++, n++) {
		unsigned char c = (unsigned char)*p;

		cr_buf_putc(out, (c >= 'a' && c <= 'z') ||
					 (c >= 'A' && c <= 'Z') ||
					 (c >= '0' && c <= '9') || c == '-' ||
					 c == '_' || c == '.'
				     ? (char)c
				     : '-');
	}
	cr_datetime_from_epoch(cr_datetime_epoch(when, 0), 0, &utc);
	cr_buf_printf(out, ".%04d%02d%02dT%02d%02d%02dZ.%08x@",
		      utc.year % 10000, utc.month, utc.day, utc.hour,
		      utc.minute, utc.second, (unsigned)fnv1a(id));
	dom = strchr(from, '@') + 1;
	for (p = dom; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '.'))
			break;
	cr_buf_puts(out, *p == '\0' ? dom : "crtools.invalid");
	return out->oom ? -1 : 0;
}

/* A boundary that the same report always gets and that cannot occur in
 * quoted-printable or base64 content ("=-" is neither). */
static void
boundary(const cr_report *r, char out[64])
{
	snprintf(out, 64, "=-crtools-%08x-%08x", (unsigned)fnv1a(r->id.s),
		 (unsigned)fnv1a(r->title.s));
}

/* The attachment's name: the report id with path separators and
 * controls replaced, "-agenda" for the agenda, ".pdf" appended. Caller
 * frees. */
static char *
file_name(const cr_report *r, int agenda)
{
	cr_buf b;
	char *s, *p;

	cr_buf_init(&b);
	cr_buf_printf(&b, "%s%s.pdf",
		      cr_str_given(r->id.s) ? r->id.s : "contact-report",
		      agenda ? "-agenda" : "");
	if (b.oom || (s = header_text(b.data)) == NULL) {
		cr_buf_free(&b);
		return NULL;
	}
	cr_buf_free(&b);
	for (p = s; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			*p = '-';
	return s;
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
	GMimeContentEncoding enc;
	GByteArray *bytes;
	GDateTime *date;
	const cr_person *author;
	cr_datetime when;
	cr_buf txt, doc, hdr;
	cr_lang lang = cr_render_lang(r, o);
	char bound[64], *fname = NULL, *s;
	const char *from;
	int rc = -1;

	if (cr_render_refusal(r, o) != NULL || cr_eml_refusal(r, o) != NULL ||
	    (from = sender(r, o)) == NULL)
		return CR_REFUSED;
	g_mime_init();
	cr_buf_init(&txt);
	cr_buf_init(&doc);
	cr_buf_init(&hdr);
	if (cr_render_txt(r, o, &txt) == -1 ||
	    cr_render_pdf(r, o, &doc) == -1 || cr_buf_puts(&txt, "") == -1)
		goto out;

	m = g_mime_message_new(TRUE);
	author = cr_report_find_person(r, r->author.s);
	add_mailbox(m, GMIME_ADDRESS_TYPE_FROM,
		    author != NULL && cr_str_given(author->name.s)
			? author->name.s
			: r->author.s,
		    from);
	add_persons(m, GMIME_ADDRESS_TYPE_TO, &r->attendees);
	add_persons(m, GMIME_ADDRESS_TYPE_CC, &r->distribution);
	if (subject(&hdr, r, lang, o->agenda) == -1 ||
	    (s = header_text(hdr.data)) == NULL)
		goto out;
	g_mime_message_set_subject(m, s, "utf-8");
	free(s);
	message_when(r, o, &when);
	if ((date = gdate(&when)) != NULL) {
		g_mime_message_set_date(m, date);
		g_date_time_unref(date);
	}
	hdr.len = 0;
	if (message_id(&hdr, r, &when, from, o->agenda) == -1)
		goto out;
	g_mime_message_set_message_id(m, hdr.data);

	/* The body: quoted-printable, or base64 when that is shorter
	 * (Chinese); never bare 7bit, so that no line of the text can
	 * look like the boundary. */
	body = g_mime_text_part_new_with_subtype("plain");
	g_mime_text_part_set_text(body, txt.data);
	g_mime_text_part_set_charset(body, "UTF-8");
	enc = g_mime_part_get_best_content_encoding(
	    GMIME_PART(body), GMIME_ENCODING_CONSTRAINT_7BIT);
	g_mime_part_set_content_encoding(
	    GMIME_PART(body), enc == GMIME_CONTENT_ENCODING_BASE64
				  ? GMIME_CONTENT_ENCODING_BASE64
				  : GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);

	pdf = g_mime_part_new_with_type("application", "pdf");
	mem = g_mime_stream_mem_new_with_buffer(doc.data, doc.len);
	wrap = g_mime_data_wrapper_new_with_stream(
	    mem, GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(pdf, wrap);
	g_mime_part_set_content_encoding(pdf, GMIME_CONTENT_ENCODING_BASE64);
	g_mime_object_set_disposition(GMIME_OBJECT(pdf), "attachment");
	if ((fname = file_name(r, o->agenda)) == NULL)
		goto out;
	g_mime_part_set_filename(pdf, fname);

	mixed = g_mime_multipart_new_with_subtype("mixed");
	boundary(r, bound);
	g_mime_multipart_set_boundary(mixed, bound);
	g_mime_multipart_add(mixed, GMIME_OBJECT(body));
	g_mime_multipart_add(mixed, GMIME_OBJECT(pdf));
	g_mime_message_set_mime_part(m, GMIME_OBJECT(mixed));

	/* sendmail -t reads local line ends */
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
	cr_buf_free(&hdr);
	return rc;
}
