/*
 * test_render.c - the html and txt renderers: golden files in four
 * languages, hostile input, audiences, wrapping, labels and long dates.
 *
 * Goldens live in tests/golden/html (with the fixtures *.yaml) and
 * tests/golden/txt. After an intended change, regenerate them with
 *   CR_UPDATE_GOLDEN=1 build/tests/test_render
 * and read the diff before committing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>
#include <glob.h>

#include "crtools.h"
#include "cr_labels.h"
#include "render_util.h"

/* 2026-11-26T10:00:00+07:00: the fixtures' actions due on the 25th are
 * overdue, those due on the 26th (a date alone) are not yet. */
#define NOW 1795662000LL
#define NOW_OFFSET 420

#define CR_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static const char *const fixtures[] = {"en", "vi", "zh", "ru"};

/* ------------------------------------------------------------ helpers */

static char *
path_of(const char *dir, const char *name, const char *ext)
{
	const char *src = getenv("CR_SRC");
	size_t n;
	char *p;

	if (src == NULL || *src == '\0')
		src = ".";
	n = strlen(src) + strlen(dir) + strlen(name) + strlen(ext) + 4;
	p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/%s/%s%s", src, dir, name, ext);
	return p;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) != NULL) {
		*len = fread(buf, 1, (size_t)n, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

/* Reads one fixture of tests/golden/html into a report. */
static cr_report *
load_text(const char *text, size_t len, const char *name)
{
	cr_read_opts ro = {CR_FORM_YAML, name, name};
	cr_reports rs = {NULL, 0, 0};
	cr_diags d;
	cr_report *r;

	cr_diags_init(&d);
	assert_int_equal(cr_read(text, len, &ro, &rs, &d), 0);
	assert_int_equal(rs.len, 1);
	assert_false(rs.items[0]->broken);
	r = rs.items[0];
	rs.len = 0;
	cr_reports_free(&rs);
	cr_diags_free(&d);
	return r;
}

static cr_report *
load(const char *name, char **source)
{
	char *p = path_of("tests/golden/html", name, ".yaml");
	size_t len = 0;
	char *text = slurp(p, &len);
	cr_report *r;

	if (text == NULL)
		fail_msg("cannot read %s", p);
	r = load_text(text, len, name);
	free(p);
	if (source != NULL)
		*source = text;
	else
		free(text);
	return r;
}

static cr_write_opts
opts(cr_lang lang, cr_audience aud)
{
	cr_write_opts o = {.lang = lang,
			   .audience = aud,
			   .now = NOW,
			   .now_offset = NOW_OFFSET};

	return o;
}

static void
render(const cr_report *r, const cr_write_opts *o, int html, cr_buf *out)
{
	cr_buf_init(out);
	assert_int_equal(
	    html ? cr_render_html(r, o, out) : cr_render_txt(r, o, out), 0);
	assert_non_null(out->data);
}

/* Compares with a golden file, or writes it under CR_UPDATE_GOLDEN. */
static void
golden(const char *dir, const char *name, const char *ext, const cr_buf *got)
{
	char *p = path_of(dir, name, ext), *want;
	size_t len = 0, i, line = 1;
	const char *update = getenv("CR_UPDATE_GOLDEN");
	FILE *f;

	if (update != NULL && *update != '\0') {
		assert_non_null(f = fopen(p, "wb"));
		assert_int_equal(fwrite(got->data, 1, got->len, f), got->len);
		assert_int_equal(fclose(f), 0);
		free(p);
		return;
	}
	if ((want = slurp(p, &len)) == NULL)
		fail_msg("missing golden %s (CR_UPDATE_GOLDEN=1 writes it)", p);
	for (i = 0; i < len && i < got->len && want[i] == got->data[i]; i++)
		if (want[i] == '\n')
			line++;
	if (i != len || i != got->len)
		fail_msg("%s differs from the rendering at line %zu", p, line);
	free(want);
	free(p);
}

/* ------------------------------------------------------ the HTML check */

static int
in_list(const char *s, size_t n, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncasecmp(s, *list, n) == 0)
			return 1;
	return 0;
}

/*
 * A small structural check of the page: every tag and attribute is one
 * the renderer writes on purpose, every href is http(s) or mailto, tags
 * nest and close, and nothing but the five escapes is used. Anything
 * smuggled in from a report (script, img, on* handlers, javascript:)
 * fails it.
 */
static void
check_html(const char *page)
{
	static const char *const tags[] = {
	    "html",   "head",	    "meta",    "title", "style", "body",
	    "header", "main",	    "section", "h1",	"h2",	 "p",
	    "dl",     "dt",	    "dd",      "ul",	"ol",	 "li",
	    "table",  "thead",	    "tbody",   "tr",	"th",	 "td",
	    "a",      "strong",	    "em",      "code",	"del",	 "time",
	    "pre",    "blockquote", "hr",      "br",	"span",	 "div",
	    "img",    NULL};
	static const char *const voids[] = {"meta", "hr", "br", "img", NULL};
	static const char *const attrs[] = {
	    "lang",	  "charset", "name",  "content",  "class",
	    "href",	  "rel",     "scope", "datetime", "start",
	    "data-label", "media",   "alt",   "src",	  NULL};
	struct {
		const char *name;
		size_t n;
	} stack[64];
	const char *s = page, *e;
	size_t depth = 0, n;

	assert_true(strncmp(s, "<!DOCTYPE html>\n", 16) == 0);
	s += 16;
	while ((s = strpbrk(s, "<&")) != NULL) {
		if (*s == '&') {
			if (strncmp(s, "&amp;", 5) != 0 &&
			    strncmp(s, "&lt;", 4) != 0 &&
			    strncmp(s, "&gt;", 4) != 0 &&
			    strncmp(s, "&quot;", 6) != 0 &&
			    strncmp(s, "&#39;", 5) != 0)
				fail_msg("stray '&' at: %.40s", s);
			s++;
			continue;
		}
		if (s[1] == '/') {
			n = strcspn(s + 2, ">");
			assert_true(depth > 0);
			depth--;
			if (stack[depth].n != n ||
			    strncmp(s + 2, stack[depth].name, n) != 0)
				fail_msg("</%.*s> closes <%.*s>", (int)n, s + 2,
					 (int)stack[depth].n,
					 stack[depth].name);
			s += n + 3;
			continue;
		}
		n = strcspn(s + 1, " />");
		if (!in_list(s + 1, n, tags))
			fail_msg("unexpected tag: %.40s", s);
		e = s + 1 + n;
		/* Attributes: name="value", value without '<' or '"'. */
		while (*e == ' ') {
			const char *name = e + 1, *val;
			size_t nl = strcspn(name, "=");

			if (!in_list(name, nl, attrs))
				fail_msg("unexpected attribute: %.40s", name);
			assert_true(name[nl] == '=' && name[nl + 1] == '"');
			val = name + nl + 2;
			e = strchr(val, '"');
			assert_non_null(e);
			assert_null(memchr(val, '<', (size_t)(e - val)));
			if (nl == 4 && strncmp(name, "href", 4) == 0 &&
			    strncmp(val, "http://", 7) != 0 &&
			    strncmp(val, "https://", 8) != 0 &&
			    strncmp(val, "mailto:", 7) != 0)
				fail_msg("unsafe href: %.40s", val);
			/* an image is the house style's logo, inline */
			if (nl == 3 && strncmp(name, "src", 3) == 0 &&
			    strncmp(val, "data:image/", 11) != 0)
				fail_msg("an image that loads: %.40s", val);
			e++;
		}
		if (*e == '/')
			e++;
		assert_int_equal(*e, '>');
		if (in_list(s + 1, n, voids)) {
			assert_int_equal(e[-1], '/');
		} else {
			assert_true(depth < sizeof(stack) / sizeof(stack[0]));
			stack[depth].name = s + 1;
			stack[depth++].n = n;
		}
		/* The stylesheet is character data without markup. */
		if (n == 5 && strncmp(s + 1, "style", 5) == 0) {
			e = strstr(e, "</style>");
			assert_non_null(e);
			s = e;
			continue;
		}
		s = e + 1;
	}
	assert_int_equal(depth, 0);
}

/* Every line of a text rendering fits 72 display columns. */
static void
check_width(const cr_buf *txt)
{
	const char *s = txt->data, *nl;
	size_t line = 1, w;

	assert_true(txt->len > 0 && txt->data[txt->len - 1] == '\n');
	for (; *s != '\0'; s = nl + 1, line++) {
		nl = strchr(s, '\n');
		w = cr_utf8_width(s, (size_t)(nl - s));
		if (w > 72)
			fail_msg("line %zu is %zu columns: %.*s", line, w,
				 (int)(nl - s), s);
		if (nl > s && nl[-1] == ' ')
			fail_msg("line %zu ends in a blank", line);
	}
}

/* ------------------------------------------------------------- goldens */

static void
test_goldens(void **state)
{
	size_t i, l;
	char name[64];

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(fixtures); i++) {
		cr_report *r = load(fixtures[i], NULL);

		for (l = 0; l < CR_LANG__COUNT; l++) {
			cr_write_opts o = opts((cr_lang)l, CR_AUDIENCE_CLIENT);
			cr_buf out;

			snprintf(name, sizeof(name), "%s.%s", fixtures[i],
				 cr_lang_name((cr_lang)l));
			render(r, &o, 0, &out);
			check_width(&out);
			golden("tests/golden/txt", name, ".txt", &out);
			cr_buf_free(&out);

			render(r, &o, 1, &out);
			check_html(out.data);
			/* HTML goldens: each report in its own language, and
			 * the English one in all four. */
			if (i == 0 || l == i)
				golden("tests/golden/html", name, ".html",
				       &out);
			cr_buf_free(&out);
		}
		cr_report_free(r);
	}
}

/*
 * The agenda (cr-render --agenda) of every fixture of tests/golden/agenda,
 * as txt and html in the fixture's language: its NAME.txt and NAME.html.
 * A fixture's text marked NOT-IN-AGENDA (discussion, internal notes,
 * confirmations, a done action) never shows, whatever the audience.
 */
static void
test_agenda_goldens(void **state)
{
	const char *src = getenv("CR_SRC");
	char pattern[4096], name[256];
	size_t i, len;
	glob_t g;

	(void)state;
	snprintf(pattern, sizeof(pattern), "%s/tests/golden/agenda/*.yaml",
		 src != NULL && *src != '\0' ? src : ".");
	assert_int_equal(glob(pattern, 0, NULL, &g), 0);
	assert_true(g.gl_pathc >= 4);
	for (i = 0; i < g.gl_pathc; i++) {
		const char *base = strrchr(g.gl_pathv[i], '/') + 1;
		char *text = slurp(g.gl_pathv[i], &len);
		cr_report *r;
		int html, aud;

		assert_non_null(text);
		snprintf(name, sizeof(name), "%.*s", (int)(strlen(base) - 5),
			 base);
		r = load_text(text, len, name);
		free(text);
		for (aud = 0; aud < 2; aud++)
			for (html = 0; html < 2; html++) {
				cr_write_opts o = opts(
				    CR_LANG_INVALID, aud ? CR_AUDIENCE_INTERNAL
							 : CR_AUDIENCE_CLIENT);
				cr_buf out;

				o.agenda = 1;
				render(r, &o, html, &out);
				if (strstr(out.data, "NOT-IN-AGENDA") != NULL)
					fail_msg("%s: the agenda shows what it "
						 "must not",
						 name);
				if (html)
					check_html(out.data);
				else
					check_width(&out);
				if (!aud)
					golden("tests/golden/agenda", name,
					       html ? ".html" : ".txt", &out);
				cr_buf_free(&out);
			}
		cr_report_free(r);
	}
	globfree(&g);
}

/* --lang overrides the report's language; CR_LANG_INVALID keeps it. */
static void
test_lang(void **state)
{
	cr_report *r = load("vi", NULL);
	cr_write_opts o = opts(CR_LANG_INVALID, CR_AUDIENCE_CLIENT);
	cr_buf out;

	(void)state;
	render(r, &o, 1, &out);
	assert_non_null(strstr(out.data, "<html lang=\"vi\">"));
	assert_non_null(strstr(out.data, "<h2>Thành phần tham dự</h2>"));
	cr_buf_free(&out);
	o.lang = CR_LANG_RU;
	render(r, &o, 0, &out);
	assert_non_null(strstr(out.data, "Участники\n---------\n"));
	assert_non_null(strstr(out.data, "Дата:               3 декабря 2026 "
					 "г., 09:00 (UTC+07:00)\n"));
	cr_buf_free(&out);
	cr_report_free(r);
}

/* ------------------------------------------------------------ audience */

static void
test_internal_copy(void **state)
{
	cr_report *r = load("en", NULL);
	cr_write_opts o = opts(CR_LANG_INVALID, CR_AUDIENCE_INTERNAL);
	cr_buf out;

	(void)state;
	render(r, &o, 1, &out);
	check_html(out.data);
	assert_non_null(strstr(out.data, "<body class=\"internal\">\n"
					 "<p class=\"internal-copy\">Internal"
					 " — not for the client</p>"));
	assert_non_null(strstr(out.data, "<h2>Internal</h2>\n<ul>\n<li>The "
					 "client hinted at a pitch"));
	golden("tests/golden/html", "en.internal", ".html", &out);
	cr_buf_free(&out);
	render(r, &o, 0, &out);
	check_width(&out);
	assert_true(strncmp(out.data, "*** Internal — not for the client ***\n",
			    40) == 0);
	golden("tests/golden/txt", "en.internal", ".txt", &out);
	cr_buf_free(&out);
	cr_report_free(r);
}

/* Whether the n bytes at s occur in hay. */
static int
contains(const char *hay, const char *s, size_t n)
{
	size_t hl = strlen(hay), i;

	for (i = 0; i + n <= hl; i++)
		if (memcmp(hay + i, s, n) == 0)
			return 1;
	return 0;
}

/*
 * The client's copy does not depend on the internal notes at all: it is
 * the same bytes with the notes removed. And, to show that the notes were
 * there to leak, every run of ten characters of a note that the rest of
 * the report does not also contain is in the internal copy and in no
 * client copy (four languages, both formats).
 */
static void
test_no_internal_leak(void **state)
{
	size_t i, j, l, k, checked = 0;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(fixtures); i++) {
		char *src, *cut;
		cr_report *r = load(fixtures[i], &src);

		/* The fixtures keep `internal:` last. */
		assert_non_null(cut = strstr(src, "\ninternal:"));
		*cut = '\0';
		assert_true(r->internal.len > 0);
		for (l = 0; l < CR_LANG__COUNT; l++) {
			cr_write_opts o = opts((cr_lang)l, CR_AUDIENCE_CLIENT);
			cr_write_opts oi =
			    opts((cr_lang)l, CR_AUDIENCE_INTERNAL);
			cr_buf out[2], bare, inner;
			size_t saved = r->internal.len;

			render(r, &o, 0, &out[0]);
			render(r, &o, 1, &out[1]);
			render(r, &oi, 1, &inner);
			r->internal.len = 0;
			for (k = 0; k < 2; k++) {
				render(r, &o, (int)k, &bare);
				assert_string_equal(bare.data, out[k].data);
				cr_buf_free(&bare);
			}
			r->internal.len = saved;
			for (j = 0; j < r->internal.len; j++) {
				const char *note = r->internal.items[j].s;
				size_t n = strlen(note), a, b, c;
				unsigned cp;

				for (a = 0; a < n; a += (size_t)cr_utf8_decode(
						       note + a, n - a, &cp)) {
					for (b = a, c = 0; b < n && c < 10; c++)
						b += (size_t)cr_utf8_decode(
						    note + b, n - b, &cp);
					if (c < 10 ||
					    contains(src, note + a, b - a))
						continue;
					assert_true(contains(inner.data,
							     note + a, b - a));
					for (k = 0; k < 2; k++)
						if (contains(out[k].data,
							     note + a, b - a))
							fail_msg(
							    "%s (%s): leaks "
							    "\"%.*s\"",
							    fixtures[i],
							    k ? "html" : "txt",
							    (int)(b - a),
							    note + a);
					checked++;
				}
			}
			cr_buf_free(&out[0]);
			cr_buf_free(&out[1]);
			cr_buf_free(&inner);
		}
		free(src);
		cr_report_free(r);
	}
	assert_true(checked > 100);
}

static void
test_refusal(void **state)
{
	static const struct {
		const char *conf;
		int refused;
	} cases[] = {
	    {"public", 0},	 {"client", 0}, {"internal", 1},
	    {"confidential", 1}, {"secret", 1},
	};
	char text[512];
	size_t i;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(cases); i++) {
		cr_write_opts o = opts(CR_LANG_INVALID, CR_AUDIENCE_CLIENT);
		cr_report *r;
		cr_buf out;
		int n;

		n = snprintf(text, sizeof(text),
			     "title: T\nclient: C\ntype: call\n"
			     "date: 2026-11-20\nauthor: A\nattendees: [A]\n"
			     "confidentiality: %s\ninternal: [hush]\n",
			     cases[i].conf);
		r = load_text(text, (size_t)n, "t");
		cr_buf_init(&out);
		cr_buf_puts(&out, "kept");
		if (cases[i].refused) {
			const char *why = cr_render_refusal(r, &o);

			assert_non_null(why);
			assert_non_null(strstr(why, "--audience internal"));
			assert_int_equal(cr_render_html(r, &o, &out),
					 CR_REFUSED);
			assert_int_equal(cr_render_txt(r, &o, &out),
					 CR_REFUSED);
			assert_string_equal(out.data, "kept");
		} else {
			assert_null(cr_render_refusal(r, &o));
			assert_int_equal(cr_render_html(r, &o, &out), 0);
			assert_int_equal(cr_render_txt(r, &o, &out), 0);
			assert_null(strstr(out.data, "hush"));
		}
		/* The internal audience renders everything. */
		o.audience = CR_AUDIENCE_INTERNAL;
		assert_null(cr_render_refusal(r, &o));
		out.len = 0;
		assert_int_equal(cr_render_txt(r, &o, &out), 0);
		assert_non_null(strstr(out.data, "\n- hush\n"));
		cr_buf_free(&out);
		cr_report_free(r);
	}
}

/* ----------------------------------------------------------- injection */

static void
test_injection(void **state)
{
	cr_report *r = load("inject", NULL);
	cr_write_opts o = opts(CR_LANG_INVALID, CR_AUDIENCE_CLIENT);
	cr_buf out;
	const char *s;

	(void)state;
	render(r, &o, 1, &out);
	check_html(out.data);
	for (s = out.data; *s != '\0'; s++) {
		assert_false(strncasecmp(s, "<script", 7) == 0);
		assert_false(strncasecmp(s, "<img", 4) == 0);
		assert_false(strncasecmp(s, "href=\"javascript", 16) == 0);
		assert_false(strncasecmp(s, "href=\"data", 10) == 0);
	}
	/* Shown as written, not dropped. */
	assert_non_null(strstr(out.data, "<h1>&lt;script&gt;alert(&quot;title"
					 "&quot;)&lt;/script&gt; &amp; "));
	assert_non_null(strstr(out.data, "Raw inline &lt;script&gt;alert(7)"
					 "&lt;/script&gt; and &lt;img src=x "
					 "onerror=&quot;alert(8)&quot;&gt;"));
	assert_non_null(
	    strstr(out.data, "<li>click me and case and data keep"));
	assert_non_null(strstr(out.data, "<a href=\"http://evil.example/&quot;"
					 "onmouseover=&quot;alert(13)\""));
	assert_non_null(strstr(out.data, "href=\"mailto:&quot;&gt;&lt;script"));
	golden("tests/golden/html", "inject", ".html", &out);
	cr_buf_free(&out);

	render(r, &o, 0, &out);
	check_width(&out);
	assert_non_null(strstr(out.data, "- click me and case and data keep"));
	golden("tests/golden/txt", "inject", ".txt", &out);
	cr_buf_free(&out);
	cr_report_free(r);
}

/* -------------------------------------------------------------- pieces */

static void
expect_md(const char *in, const char *html, const char *plain)
{
	cr_buf b;

	cr_buf_init(&b);
	cr_buf_puts(&b, "");
	assert_int_equal(cr_md_to_html(&b, in), 0);
	assert_string_equal(b.data, html);
	b.len = 0;
	b.data[0] = '\0';
	assert_int_equal(cr_md_to_plain(&b, in), 0);
	assert_string_equal(b.data, plain);
	cr_buf_free(&b);
}

static void
test_markdown(void **state)
{
	(void)state;
	expect_md("a *b* **c** `d` ~~e~~",
		  "a <em>b</em> <strong>c</strong> "
		  "<code>d</code> <del>e</del>",
		  "a b c d e");
	expect_md("[x](https://a.example/?q=1&r=2 \"t\")",
		  "<a href=\"https://a.example/?q=1&amp;r=2\" "
		  "rel=\"noopener noreferrer\">x</a>",
		  "x <https://a.example/?q=1&r=2>");
	expect_md("[x](ftp://a.example/) [y](/rel) [z](#f)", "x y z", "x y z");
	expect_md("<https://a.example> www.b.example",
		  "<a href=\"https://a.example\" rel=\"noopener noreferrer\">"
		  "https://a.example</a> <a href=\"http://www.b.example\" "
		  "rel=\"noopener noreferrer\">www.b.example</a>",
		  "https://a.example www.b.example");
	expect_md("a <b>c</b> &amp; &lt;", "a &lt;b&gt;c&lt;/b&gt; &amp; &lt;",
		  "a <b>c</b> & <");
	expect_md("line\\\nbreak\nsoft", "line<br/>\nbreak\nsoft",
		  "line\nbreak soft");
	expect_md("1. one\n2. two", "<ol><li>one</li><li>two</li></ol>",
		  "1. one\n2. two");
	expect_md("# h\n\n> q\n\n```\n<x>\n```",
		  "<p><strong>h</strong></p>"
		  "<blockquote><p>q</p></blockquote><pre><code>&lt;x&gt;"
		  "</code></pre>",
		  "h\nq\n<x>");
	expect_md("", "", "");
}

static void
expect_wrap(const char *text, const char *first, const char *rest, size_t width,
	    const char *want)
{
	cr_buf b;

	cr_buf_init(&b);
	assert_int_equal(cr_text_wrap(&b, text, first, rest, width), 0);
	assert_string_equal(b.data, want);
	cr_buf_free(&b);
}

static void
test_wrap(void **state)
{
	(void)state;
	expect_wrap("aaa bbb ccc", "", "", 7, "aaa bbb\nccc\n");
	expect_wrap("aaa  bbb\tccc   ", "- ", "  ", 9, "- aaa bbb\n  ccc\n");
	/* A word longer than the line is split. */
	expect_wrap("abcdefghij xy", "", "", 4, "abcd\nefgh\nij\nxy\n");
	/* CJK: two columns each, breaks between any two characters. */
	expect_wrap("一二三四五六七", "", "", 6, "一二三\n四五六\n七\n");
	/* ... but not before closing punctuation. */
	expect_wrap("一二三，四五", "", "", 6, "一二\n三，四\n五\n");
	/* Mixed: a Latin word next to CJK stays whole. */
	expect_wrap("中文abc中文", "", "", 7, "中文abc\n中文\n");
	/* Cyrillic and Vietnamese count one column a letter, not bytes. */
	expect_wrap("Участники встречи согласовали", "", "", 17,
		    "Участники встречи\nсогласовали\n");
	expect_wrap("Thành phần tham dự", "", "", 10, "Thành phần\ntham dự\n");
	/* Combining marks (decomposed Vietnamese) take no column. */
	expect_wrap("Vie\xcc\xa3\xcc\x82t Nam", "", "", 5,
		    "Vie\xcc\xa3\xcc\x82t\nNam\n");
	/* A URL or an e-mail address is never cut, even when it is
	 * longer than the line: it stands alone on an overlong line. */
	expect_wrap("see https://acme.example/brief-2027 now", "- ", "  ", 12,
		    "- see\n  https://acme.example/brief-2027\n  now\n");
	expect_wrap("mail <very.long.name@sunrise.example> soon", "", "", 10,
		    "mail\n<very.long.name@sunrise.example>\nsoon\n");
	expect_wrap("mailto:ab@c.example x", "", "", 5,
		    "mailto:ab@c.example\nx\n");
	/* ... but an '@' without a domain after it is a word like others */
	expect_wrap("@@@@@@@@ x", "", "", 4, "@@@@\n@@@@\nx\n");
	expect_wrap("a\n\nb", "> ", "  ", 72, "> a\n\n  b\n");
	expect_wrap("", "- ", "  ", 72, "-\n");
}

static void
expect_date(const char *iso, cr_lang l, const char *want)
{
	cr_datetime dt;
	cr_buf b;

	assert_int_equal(cr_datetime_parse(iso, &dt), 0);
	cr_buf_init(&b);
	assert_int_equal(cr_format_date_long(&dt, l, &b), 0);
	assert_string_equal(b.data, want);
	cr_buf_free(&b);
}

static void
test_dates(void **state)
{
	(void)state;
	expect_date("2026-11-20 14:00 +07:00", CR_LANG_EN,
		    "20 November 2026, 14:00 (UTC+07:00)");
	expect_date("2026-11-20", CR_LANG_VI, "20 tháng 11 năm 2026");
	expect_date("2026-11-20T14:00:00+07:00", CR_LANG_VI,
		    "20 tháng 11 năm 2026, 14:00 (UTC+07:00)");
	expect_date("2026-11-20", CR_LANG_ZH, "2026年11月20日");
	expect_date("2026-11-20 14:00+08:00", CR_LANG_ZH,
		    "2026年11月20日 14:00（UTC+08:00）");
	expect_date("2026-11-20", CR_LANG_RU, "20 ноября 2026 г.");
	expect_date("2026-03-01 09:05:30Z", CR_LANG_RU,
		    "1 марта 2026 г., 09:05:30 (UTC)");
	expect_date("2026-05-02 23:00 -03:30", CR_LANG_EN,
		    "2 May 2026, 23:00 (UTC-03:30)");
	expect_date("2026-05-02", CR_LANG_INVALID, "2 May 2026");
}

static void
test_labels(void **state)
{
	size_t id, l;
	int v;
	cr_buf b;

	(void)state;
	for (id = 0; id < CR_LABEL__COUNT; id++)
		for (l = 0; l < CR_LANG__COUNT; l++) {
			const char *s = cr_label((cr_label_id)id, (cr_lang)l);

			assert_non_null(s);
			if (s[0] == '\0')
				fail_msg("label %zu empty in %s", id,
					 cr_lang_name((cr_lang)l));
		}
	/* Every label is translated: none is the English text, but the
	 * word Vietnamese offices write as it is (cr-render(1), LABELS);
	 * and a template takes the same conversions in every language. */
	for (id = 0; id < CR_LABEL__COUNT; id++)
		for (l = 1; l < CR_LANG__COUNT; l++) {
			const char *s = cr_label((cr_label_id)id, (cr_lang)l);
			const char *en = cr_label((cr_label_id)id, CR_LANG_EN);
			const char *p, *q;

			if (strcmp(s, en) == 0 && l == CR_LANG_VI &&
			    (id == CR_LABEL_EMAIL || id == CR_LABEL_TYPE_EMAIL))
				continue;
			if (strcmp(s, en) == 0)
				fail_msg("label %zu in %s is the English '%s'",
					 id, cr_lang_name((cr_lang)l), en);
			for (p = s, q = en;; p++, q++) {
				p = strchr(p, '%');
				q = strchr(q, '%');
				if (p == NULL || q == NULL) {
					assert_true(p == q);
					break;
				}
				assert_int_equal(p[1], q[1]);
			}
		}
	assert_string_equal(cr_label(CR_LABEL__COUNT, CR_LANG_EN), "");
	assert_string_equal(cr_label(CR_LABEL_CLIENT, CR_LANG_INVALID),
			    "Client");
	for (v = 1; v < CR_TYPE_INVALID; v++)
		assert_true(cr_enum_label(CR_ENUM_TYPE, v, CR_LANG_RU)[0] != 0);
	assert_string_equal(
	    cr_enum_label(CR_ENUM_TYPE, CR_TYPE_NONE, CR_LANG_EN), "");
	assert_string_equal(
	    cr_enum_label(CR_ENUM_TYPE, CR_TYPE_INVALID, CR_LANG_EN), "");
	assert_string_equal(
	    cr_enum_label(CR_ENUM_TYPE, CR_TYPE_VIDEO, CR_LANG_ZH), "视频会议");
	assert_string_equal(
	    cr_enum_label(CR_ENUM_OUTCOME, CR_OUTCOME_LEFT_MESSAGE, CR_LANG_VI),
	    "Đã để lại lời nhắn");
	assert_string_equal(
	    cr_enum_label(CR_ENUM_CONF, CR_CONF_CONFIDENTIAL, CR_LANG_RU),
	    "Конфиденциально");
	assert_string_equal(
	    cr_enum_label(CR_ENUM_STATUS, CR_STATUS_DONE, CR_LANG_EN), "Done");
	assert_string_equal(
	    cr_enum_label(CR_ENUM_STATUS, CR_STATUS_INVALID, CR_LANG_EN), "");
	/* every stage of the field table has its word, and only those */
	for (v = 0; cr_stage_values[v] != NULL; v++)
		for (l = 0; l < CR_LANG__COUNT; l++) {
			const char *w =
			    cr_stage_word(cr_stage_values[v], (cr_lang)l);

			assert_true(w[0] != '\0');
			assert_string_not_equal(w, cr_stage_values[v]);
		}
	assert_int_equal(v,
			 CR_LABEL_STAGE_STEWARDSHIP - CR_LABEL_STAGE_BRIEF + 1);
	assert_string_equal(cr_enum_label(CR_ENUM_STAGE, v, CR_LANG_EN), "");
	assert_string_equal(cr_stage_word("quotation", CR_LANG_VI), "Báo giá");
	assert_string_equal(cr_stage_word("stewardship", CR_LANG_EN),
			    "Stewardship");
	assert_string_equal(cr_stage_word("later", CR_LANG_ZH), "later");
	assert_string_equal(cr_month_name(11, CR_LANG_RU), "ноября");
	assert_string_equal(cr_month_name(13, CR_LANG_RU), "");

	cr_buf_init(&b);
	assert_int_equal(
	    cr_label_format(&b, CR_LABEL_PAGE_OF, CR_LANG_ZH, "2", "5"), 0);
	assert_string_equal(b.data, "第 2 页，共 5 页");
	b.len = 0;
	assert_int_equal(cr_label_format(&b, CR_LABEL_SUBJECT, CR_LANG_EN,
					 "Kick-off", "20 November 2026"),
			 0);
	assert_string_equal(b.data, "Contact report: Kick-off (20 November "
				    "2026)");
	cr_buf_free(&b);
	/* The section labels the Markdown reader knows are unchanged. */
	assert_string_equal(cr_section_label(CR_SEC_ACTIONS, CR_LANG_ZH),
			    "下一步行动");
	assert_int_equal(cr_section_lookup("next steps"), CR_SEC_ACTIONS);
	assert_int_equal(cr_column_lookup("Người thực hiện"), CR_COL_WHO);
}

static void
test_overdue(void **state)
{
	cr_report *r = load("en", NULL);
	long long end25;

	(void)state;
	/* acme-7: open, due 2026-11-25 (+07:00, the report's offset). */
	end25 = cr_datetime_epoch(&r->actions.items[0].due.dt, 1);
	assert_false(cr_action_overdue(&r->actions.items[0], end25));
	assert_true(cr_action_overdue(&r->actions.items[0], end25 + 1));
	/* blocked counts, done does not. */
	assert_true(cr_action_overdue(&r->actions.items[1], end25 + 86400 + 1));
	assert_false(
	    cr_action_overdue(&r->actions.items[2], end25 + 86400 * 30));
	cr_report_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_labels),
	    cmocka_unit_test(test_dates),
	    cmocka_unit_test(test_wrap),
	    cmocka_unit_test(test_markdown),
	    cmocka_unit_test(test_overdue),
	    cmocka_unit_test(test_goldens),
	    cmocka_unit_test(test_agenda_goldens),
	    cmocka_unit_test(test_lang),
	    cmocka_unit_test(test_internal_copy),
	    cmocka_unit_test(test_no_internal_leak),
	    cmocka_unit_test(test_refusal),
	    cmocka_unit_test(test_injection),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
