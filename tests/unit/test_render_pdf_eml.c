/*
 * test_render_pdf_eml.c - the pdf and eml renderers through the library:
 * PDF structure, metadata, pages, reproducible bytes, audiences, hostile
 * input; the message read back with GMime's own parser (headers decoded,
 * addresses, attachment), header injection, the sender rule.
 *
 * The text inside the PDF is checked with a real reader (pdftotext) in
 * tests/cli/cr-render-pdf.t, the message with Python's email package in
 * tests/cli/cr-render-eml.t.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <gmime/gmime.h>

#include "crtools.h"
#include "cr_labels.h"
#include "pdf_fonts.h"

#define NOW 1795662000LL /* 2026-11-26T10:00:00+07:00 */

static const char en_yaml[] =
    "id: acme-2026-11-20\n"
    "title: Summer launch kick-off\n"
    "client: ACME Beverages\n"
    "type: meeting\n"
    "date: 2026-11-20 14:00 +07:00\n"
    "author: Linh Tran\n"
    "issued: 2026-11-21 09:30 +07:00\n"
    "attendees:\n"
    "  - Linh Tran (Account Executive, Sunrise Agency) <linh@sunrise.example>\n"
    "  - Nguyen Van An (Brand Manager, ACME) <an@acme.example>\n"
    "  - Mai Pham\n"
    "distribution:\n"
    "  - Sarah Lee <sarah@acme.example>\n"
    "agreements: [Route B.]\n"
    "actions:\n"
    "  - {what: Send the plan, who: Linh Tran, due: 2026-11-25}\n"
    "internal: [A pitch is coming.]\n";

static const char vi_yaml[] =
    "id: hoabinh-2026-12-03\n"
    "title: Họp triển khai chiến dịch Tết 2027\n"
    "client: Công ty Hòa Bình\n"
    "type: meeting\n"
    "date: 2026-12-03 09:00 +07:00\n"
    "author: Trần Thu Linh\n"
    "language: vi\n"
    "attendees:\n"
    "  - Trần Thu Linh <linh@sunrise.example>\n"
    "  - Nguyễn Văn An <an@hoabinh.example>\n"
    "distribution:\n"
    "  - Phạm Thị Hương <huong@hoabinh.example>\n"
    "agreements: [Khách hàng duyệt hướng sáng tạo B.]\n"
    "actions:\n"
    "  - {what: Gửi kế hoạch, who: Trần Thu Linh, due: 2026-12-05}\n";

static const char zh_yaml[] =
    "id: huaxing-2026-11-18\n"
    "title: 春节营销活动启动会\n"
    "client: 华星饮料有限公司\n"
    "type: video\n"
    "date: 2026-11-18 10:00 +08:00\n"
    "author: 王丽\n"
    "language: zh\n"
    "attendees:\n"
    "  - 王丽 (客户经理, 日升广告) <wangli@sunrise.example>\n"
    "  - 张伟 (品牌经理, 华星饮料有限公司)\n"
    "discussion:\n"
    "  - 客户希望将电视广告预算压缩至**一百二十万元**，并投向短视频平台。\n"
    "agreements: [客户确认采用创意方案B。]\n"
    "actions:\n"
    "  - {what: 提交修改后的媒介投放计划, who: 王丽, due: 2026-11-22}\n";

/* ------------------------------------------------------------ helpers */

static cr_report *
load(const char *text)
{
	cr_read_opts ro = {CR_FORM_YAML, "t.yaml", "t"};
	cr_reports rs = {NULL, 0, 0};
	cr_diags d;
	cr_report *r;

	cr_diags_init(&d);
	assert_int_equal(cr_read(text, strlen(text), &ro, &rs, &d), 0);
	assert_int_equal(rs.len, 1);
	assert_false(rs.items[0]->broken);
	r = rs.items[0];
	rs.len = 0;
	cr_reports_free(&rs);
	cr_diags_free(&d);
	return r;
}

static cr_write_opts
opts(cr_audience aud)
{
	cr_write_opts o = {.lang = CR_LANG_INVALID,
			   .audience = aud,
			   .now = NOW,
			   .now_offset = 420};

	return o;
}

/* Occurrences of needle in n bytes of hay. */
static size_t
count(const char *hay, size_t n, const char *needle)
{
	size_t k = 0, m = strlen(needle), i;

	for (i = 0; i + m <= n; i++)
		if (memcmp(hay + i, needle, m) == 0)
			k++;
	return k;
}

static int
contains(const cr_buf *b, const char *needle)
{
	return count(b->data, b->len, needle) > 0;
}

/* Page objects of a PDF cairo wrote ("/Type /Page" but not "/Pages"). */
static size_t
pages(const cr_buf *b)
{
	return count(b->data, b->len, "/Type /Page") -
	       count(b->data, b->len, "/Type /Pages");
}

static void
assert_pdf(const cr_buf *b)
{
	assert_true(b->len > 1000);
	assert_memory_equal(b->data, "%PDF-1.5", 8);
	assert_true(b->len >= 6 &&
		    memcmp(b->data + b->len - 6, "%%EOF\n", 6) == 0);
}

/* A report with n actions, each with a long `what` ending in its number. */
static cr_report *
long_report(size_t n)
{
	cr_buf y;
	cr_report *r;
	size_t i;

	cr_buf_init(&y);
	cr_buf_puts(&y, "id: long\ntitle: Long\nclient: ACME\ntype: call\n"
			"date: 2026-11-20 14:00 +07:00\nauthor: Linh\n"
			"attendees: [Linh <linh@sunrise.example>]\n"
			"agreements: [x]\nactions:\n");
	for (i = 1; i <= n; i++)
		cr_buf_printf(&y,
			      "  - what: Prepare the regional media plan "
			      "variant for the northern provinces, action "
			      "%zu\n    who: Linh\n    due: 2026-12-01\n",
			      i);
	assert_false(y.oom);
	r = load(y.data);
	cr_buf_free(&y);
	return r;
}

/* ----------------------------------------------------------------- pdf */

/*
 * The Chinese faces a program opens for cairo (cr_pdf_faces_open) change
 * nothing of the PDF: the same bytes as with the faces cairo opens, twice
 * over (the second time the stream knows the glyphs the first read). Run
 * last: it leaves its configuration current, and the faces freed.
 */
static void
test_pdf_own_faces(void **state)
{
	cr_buf a, b, b2;
	cr_pdf_faces *faces;
	FcConfig *c;
	cr_report *r = load(zh_yaml);
	cr_write_opts o = opts(CR_AUDIENCE_CLIENT);

	(void)state;
	cr_buf_init(&a);
	cr_buf_init(&b);
	cr_buf_init(&b2);
	assert_int_equal(cr_render_pdf(r, &o, &a), 0);
	assert_pdf(&a);
	assert_true(contains(&a, "NotoSansCJKsc-Regular"));
	assert_int_equal(cr_pdf_fonts_new(&c), 0);
	assert_non_null(c); /* the fonts the PDF above embeds */
	assert_true(FcConfigSetCurrent(c));
	assert_int_equal(cr_pdf_faces_open(c, &faces), 0);
	assert_non_null(faces);
	assert_int_equal(cr_render_pdf(r, &o, &b), 0);
	assert_int_equal(cr_render_pdf(r, &o, &b2), 0);
	assert_int_equal(b.len, a.len);
	assert_memory_equal(b.data, a.data, a.len);
	assert_int_equal(b2.len, a.len);
	assert_memory_equal(b2.data, a.data, a.len);
	cr_pdf_faces_free(faces);
	/* not a configuration of the renderer's: nothing opened */
	assert_int_equal(cr_pdf_faces_open(NULL, &faces), 0);
	assert_null(faces);
	cr_buf_free(&a);
	cr_buf_free(&b);
	cr_buf_free(&b2);
	cr_report_free(r);
}

static void
test_pdf_structure(void **state)
{
	cr_report *r = load(en_yaml);
	cr_write_opts o = opts(CR_AUDIENCE_CLIENT);
	cr_buf b;

	(void)state;
	cr_buf_init(&b);
	assert_int_equal(cr_render_pdf(r, &o, &b), 0);
	assert_pdf(&b);
	assert_int_equal(pages(&b), 1);
	/* metadata from the report; dates from `issued` */
	assert_true(contains(&b, "/Title (Summer launch kick-off)"));
	assert_true(contains(&b, "/Author (Linh Tran)"));
	assert_true(contains(&b, "/Subject (ACME Beverages)"));
	assert_true(contains(&b, "/Creator (crtools " CR_VERSION ")"));
	assert_true(contains(&b, "/CreationDate (20261121093000+07'00)"));
	assert_true(contains(&b, "/ModDate (20261121093000+07'00)"));
	cr_buf_free(&b);
	cr_report_free(r);
}

static void
test_pdf_reproducible(void **state)
{
	cr_report *r = load(vi_yaml);
	cr_write_opts o = opts(CR_AUDIENCE_INTERNAL);
	cr_buf a, b;

	(void)state;
	cr_buf_init(&a);
	cr_buf_init(&b);
	assert_int_equal(cr_render_pdf(r, &o, &a), 0);
	/* appended after what the buffer already holds */
	cr_buf_puts(&b, "prefix");
	assert_int_equal(cr_render_pdf(r, &o, &b), 0);
	assert_int_equal(b.len, a.len + 6);
	assert_memory_equal(b.data, "prefix", 6);
	assert_memory_equal(b.data + 6, a.data, a.len);
	/* without `issued` the creation date is the contact's date */
	assert_true(contains(&a, "/CreationDate (20261203090000+07'00)"));
	cr_buf_free(&a);
	cr_buf_free(&b);
	cr_report_free(r);
}

static void
test_pdf_pages(void **state)
{
	cr_report *r = long_report(100);
	cr_write_opts o = opts(CR_AUDIENCE_CLIENT);
	cr_buf b;

	(void)state;
	cr_buf_init(&b);
	assert_int_equal(cr_render_pdf(r, &o, &b), 0);
	assert_pdf(&b);
	assert_true(pages(&b) >= 3);
	cr_buf_free(&b);
	cr_report_free(r);
}

static void
test_pdf_refusal(void **state)
{
	static const char *const levels[] = {"internal", "confidential",
					     "secret"};
	cr_write_opts client = opts(CR_AUDIENCE_CLIENT);
	cr_write_opts internal = opts(CR_AUDIENCE_INTERNAL);
	cr_buf b, y;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		cr_report *r;

		cr_buf_init(&y);
		cr_buf_printf(&y, "%sconfidentiality: %s\n", en_yaml,
			      levels[i]);
		r = load(y.data);
		cr_buf_init(&b);
		cr_buf_puts(&b, "x");
		assert_non_null(cr_render_refusal(r, &client));
		assert_int_equal(cr_render_pdf(r, &client, &b), CR_REFUSED);
		assert_int_equal(cr_render_eml(r, &client, &b), CR_REFUSED);
		assert_int_equal(b.len, 1);
		assert_int_equal(cr_render_pdf(r, &internal, &b), 0);
		assert_true(b.len > 1000);
		cr_buf_free(&b);
		cr_buf_free(&y);
		cr_report_free(r);
	}
}

/* Whatever the text, a PDF comes out: a word longer than a page, a cell
 * taller than a page, controls, markup characters, a bare report. */
static void
test_pdf_hostile(void **state)
{
	cr_write_opts o = opts(CR_AUDIENCE_INTERNAL);
	cr_report *r;
	cr_buf y, b;
	size_t i;

	(void)state;
	cr_buf_init(&y);
	cr_buf_puts(&y, "id: h\ntitle: \"<b>&amp; \\t\\x01 \\r\\n</b>\"\n"
			"client: c\ntype: nonsense\ndate: tomorrow\n"
			"author: a\nattendees: [a]\nactions:\n  - what: ");
	for (i = 0; i < 30000; i++)
		cr_buf_puts(&y, "x");
	cr_buf_puts(&y, "\n    who: a\n    due: 2026-01-01\n  - what: \"");
	for (i = 0; i < 3000; i++)
		cr_buf_puts(&y, "word \\n");
	cr_buf_puts(&y, "\"\n    who: a\n    due: soon\ndiscussion:\n  - \"");
	for (i = 0; i < 2000; i++)
		cr_buf_puts(&y, "line of a long discussion point \\n");
	cr_buf_puts(&y, "\"\n");
	r = load(y.data);
	cr_buf_init(&b);
	assert_int_equal(cr_render_pdf(r, &o, &b), 0);
	assert_pdf(&b);
	assert_true(pages(&b) >= 3);
	cr_buf_free(&b);
	cr_report_free(r);
	cr_buf_free(&y);

	r = load("title: t\n");
	cr_buf_init(&b);
	assert_int_equal(cr_render_pdf(r, &o, &b), 0);
	assert_pdf(&b);
	assert_int_equal(pages(&b), 1);
	cr_buf_free(&b);
	cr_report_free(r);
}

/* ----------------------------------------------------------------- eml */

static GMimeMessage *
parse_message(const cr_buf *b)
{
	GMimeStream *s;
	GMimeParser *p;
	GMimeMessage *m;

	g_mime_init();
	s = g_mime_stream_mem_new_with_buffer(b->data, b->len);
	p = g_mime_parser_new_with_stream(s);
	m = g_mime_parser_construct_message(p, NULL);
	g_object_unref(p);
	g_object_unref(s);
	assert_non_null(m);
	return m;
}

/* "name <addr>" of address i of a list, in a static buffer. */
static const char *
mailbox(InternetAddressList *l, int i)
{
	static char out[256];
	InternetAddress *a;

	if (i >= internet_address_list_length(l))
		return "";
	a = internet_address_list_get_address(l, i);
	snprintf(
	    out, sizeof(out), "%s <%s>",
	    internet_address_get_name(a) ? internet_address_get_name(a) : "",
	    internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)));
	return out;
}

static void
test_eml_message(void **state)
{
	cr_report *r = load(vi_yaml);
	cr_write_opts o = opts(CR_AUDIENCE_CLIENT);
	GMimeMessage *m;
	GMimeObject *top;
	GMimePart *pdf;
	GMimeStream *s;
	GByteArray *bytes;
	cr_buf b, again;

	(void)state;
	cr_buf_init(&b);
	cr_buf_init(&again);
	assert_null(cr_eml_refusal(r, &o));
	assert_int_equal(cr_render_eml(r, &o, &b), 0);
	assert_int_equal(cr_render_eml(r, &o, &again), 0);
	assert_int_equal(b.len, again.len);
	assert_memory_equal(b.data, again.data, b.len);
	/* encoded words on the wire, not raw UTF-8 */
	assert_true(contains(&b, "=?UTF-8?"));

	m = parse_message(&b);
	assert_string_equal(
	    g_mime_message_get_subject(m),
	    "Biên bản ghi nhận: Họp triển khai chiến dịch Tết 2027 "
	    "(3 tháng 12 năm 2026)");
	assert_string_equal(mailbox(g_mime_message_get_from(m), 0),
			    "Trần Thu Linh <linh@sunrise.example>");
	assert_string_equal(mailbox(g_mime_message_get_to(m), 0),
			    "Trần Thu Linh <linh@sunrise.example>");
	assert_string_equal(mailbox(g_mime_message_get_to(m), 1),
			    "Nguyễn Văn An <an@hoabinh.example>");
	assert_int_equal(internet_address_list_length(g_mime_message_get_to(m)),
			 2);
	assert_string_equal(mailbox(g_mime_message_get_cc(m), 0),
			    "Phạm Thị Hương <huong@hoabinh.example>");
	/* no `issued`: the clock (NOW, in UTC+07:00) */
	assert_string_equal(g_mime_object_get_header(GMIME_OBJECT(m), "Date"),
			    "Thu, 26 Nov 2026 10:00:00 +0700");
	assert_string_equal(g_mime_message_get_message_id(m),
			    "crtools.hoabinh-2026-12-03.20261126T030000Z."
			    "f70a8cfb@sunrise.example");

	top = g_mime_message_get_mime_part(m);
	assert_true(GMIME_IS_MULTIPART(top));
	assert_int_equal(g_mime_multipart_get_count(GMIME_MULTIPART(top)), 2);
	assert_true(GMIME_IS_TEXT_PART(
	    g_mime_multipart_get_part(GMIME_MULTIPART(top), 0)));
	{
		char *text = g_mime_text_part_get_text(GMIME_TEXT_PART(
		    g_mime_multipart_get_part(GMIME_MULTIPART(top), 0)));
		assert_non_null(
		    strstr(text, "Khách hàng duyệt hướng sáng tạo B."));
		g_free(text);
	}
	pdf = GMIME_PART(g_mime_multipart_get_part(GMIME_MULTIPART(top), 1));
	assert_string_equal(g_mime_part_get_filename(pdf),
			    "hoabinh-2026-12-03.pdf");
	assert_int_equal(g_mime_part_get_content_encoding(pdf),
			 GMIME_CONTENT_ENCODING_BASE64);
	s = g_mime_stream_mem_new();
	g_mime_data_wrapper_write_to_stream(g_mime_part_get_content(pdf), s);
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(s));
	assert_true(bytes->len > 1000);
	assert_memory_equal(bytes->data, "%PDF-", 5);
	g_object_unref(s);
	g_object_unref(m);
	cr_buf_free(&b);
	cr_buf_free(&again);
	cr_report_free(r);
}

/* A CR or LF in a name, the title or an address never makes a header. */
static void
test_eml_injection(void **state)
{
	static const char yaml[] =
	    "id: inj\n"
	    "title: \"Kick-off\\r\\nBcc: victim@evil.example\\n\\nbody\"\n"
	    "client: c\ntype: call\ndate: 2026-11-20 14:00 +07:00\n"
	    "issued: 2026-11-20\n"
	    "author: \"Linh\\nX-Injected: 1\"\n"
	    "attendees:\n"
	    "  - {name: \"Linh\\nX-Injected: 1\", email: linh@s.example}\n"
	    "  - {name: \"Evil, \\\"Q\\\" <x@y>\\r\\nBcc: b@evil.example\","
	    " email: an@acme.example}\n"
	    "  - {name: Addr, email: \"c@acme.example\\nBcc: "
	    "d@evil.example\"}\n"
	    "  - {name: Two, email: \"e@acme.example, f@evil.example\"}\n"
	    "agreements: [x]\n"
	    "actions: [{what: y, who: Linh, due: 2026-11-25}]\n";
	cr_report *r = load(yaml);
	cr_write_opts o = opts(CR_AUDIENCE_CLIENT);
	GMimeMessage *m;
	InternetAddressList *to;
	cr_buf b;

	(void)state;
	cr_buf_init(&b);
	assert_int_equal(cr_render_eml(r, &o, &b), 0);
	m = parse_message(&b);
	assert_null(g_mime_object_get_header(GMIME_OBJECT(m), "Bcc"));
	assert_null(g_mime_object_get_header(GMIME_OBJECT(m), "X-Injected"));
	assert_string_equal(g_mime_message_get_subject(m),
			    "Contact report: Kick-off  Bcc: victim@evil.example"
			    "  body (20 November 2026)");
	assert_string_equal(mailbox(g_mime_message_get_from(m), 0),
			    "Linh X-Injected: 1 <linh@s.example>");
	to = g_mime_message_get_to(m);
	/* the addresses that are not plain are left out */
	assert_int_equal(internet_address_list_length(to), 2);
	assert_string_equal(mailbox(to, 1),
			    "Evil, \"Q\" <x@y>  Bcc: b@evil.example "
			    "<an@acme.example>");
	/* `issued` as a date alone: its midnight */
	assert_string_equal(g_mime_object_get_header(GMIME_OBJECT(m), "Date"),
			    "Fri, 20 Nov 2026 00:00:00 +0700");
	g_object_unref(m);
	cr_buf_free(&b);
	cr_report_free(r);
}

static void
test_eml_sender(void **state)
{
	static const char yaml[] =
	    "id: s\ntitle: T\nclient: c\ntype: call\n"
	    "date: 2026-11-20 14:00 +07:00\nauthor: Linh\n"
	    "attendees: [Linh, An <an@acme.example>]\n"
	    "agreements: [x]\n"
	    "actions: [{what: y, who: Linh, due: 2026-11-25}]\n";
	cr_report *r = load(yaml);
	cr_write_opts o = opts(CR_AUDIENCE_CLIENT);
	GMimeMessage *m;
	cr_buf b;

	(void)state;
	cr_buf_init(&b);
	assert_string_equal(cr_eml_refusal(r, &o),
			    "no address for the author; use --from-address");
	assert_int_equal(cr_render_eml(r, &o, &b), CR_REFUSED);
	assert_int_equal(b.len, 0);
	o.from_address = "linh@x\n.example";
	assert_non_null(strstr(cr_eml_refusal(r, &o), "--from-address"));
	assert_int_equal(cr_render_eml(r, &o, &b), CR_REFUSED);
	o.from_address = "linh@sunrise.example";
	assert_null(cr_eml_refusal(r, &o));
	assert_int_equal(cr_render_eml(r, &o, &b), 0);
	m = parse_message(&b);
	assert_string_equal(mailbox(g_mime_message_get_from(m), 0),
			    "Linh <linh@sunrise.example>");
	assert_int_equal(internet_address_list_length(g_mime_message_get_to(m)),
			 1);
	g_object_unref(m);
	cr_buf_free(&b);
	cr_report_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pdf_structure),
	    cmocka_unit_test(test_pdf_reproducible),
	    cmocka_unit_test(test_pdf_pages),
	    cmocka_unit_test(test_pdf_refusal),
	    cmocka_unit_test(test_pdf_hostile),
	    cmocka_unit_test(test_eml_message),
	    cmocka_unit_test(test_eml_injection),
	    cmocka_unit_test(test_eml_sender),
	    cmocka_unit_test(test_pdf_own_faces), /* last */
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
