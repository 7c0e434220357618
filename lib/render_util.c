/*
 * render_util.c - escaping, inline CommonMark, wrapping and dates for the
 * reading formats, in one place so that html and txt agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "cr_labels.h"
#include "internal.h"
#include "render_util.h"

/* ------------------------------------------------------------ escaping */

int
cr_html_escape(cr_buf *out, const char *s, size_t n)
{
	size_t i, run = 0;
	unsigned char c;

	if (s == NULL || n == 0) /* cmark gives NULL for an empty literal */
		return out->oom ? -1 : 0;
	for (i = 0; i < n; i++) {
		const char *rep;

		c = (unsigned char)s[i];
		switch (c) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			/* Controls are parse errors in HTML and fatal in XML.
			 */
			rep = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f
				  ? "\xef\xbf\xbd"
				  : NULL;
			break;
		}
		if (rep == NULL)
			continue;
		cr_buf_put(out, s + run, i - run);
		cr_buf_puts(out, rep);
		run = i + 1;
	}
	cr_buf_put(out, s + run, n - run);
	return out->oom ? -1 : 0;
}

int
cr_html_escapes(cr_buf *out, const char *s)
{
	return s == NULL ? 0 : cr_html_escape(out, s, strlen(s));
}

int
cr_url_allowed(const char *url)
{
	if (url == NULL)
		return 0;
	return strncasecmp(url, "http:", 5) == 0 ||
	       strncasecmp(url, "https:", 6) == 0 ||
	       strncasecmp(url, "mailto:", 7) == 0;
}

int
cr_str_given(const char *s)
{
	if (s == NULL)
		return 0;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 1;
	return 0;
}

/* ---------------------------------------------------- inline CommonMark */

/*
 * Parses one text field. Strikethrough and autolinks (www.example.com)
 * are the GFM extensions that make sense inside a line; raw HTML is
 * parsed as such so that the renderers below can show it as text.
 */
/* A text longer than this is shown as plain text, not parsed as inline
 * Markdown: the autolink extension splits text at every 'w' and every
 * '.', and a field of megabytes of them costs cmark-gfm a node a byte
 * (hundreds of megabytes). No real field needs Markdown that long. */
#define MD_INLINE_MAX 65536

/* text as the document cmark would give for a paragraph of plain text. */
static cmark_node *
plain_doc(const char *text)
{
	cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
	cmark_node *lit = cmark_node_new(CMARK_NODE_TEXT);

	if (doc == NULL || para == NULL || lit == NULL ||
	    !cmark_node_set_literal(lit, text) ||
	    !cmark_node_append_child(para, lit) ||
	    !cmark_node_append_child(doc, para)) {
		cmark_node_free(lit);
		cmark_node_free(para);
		cmark_node_free(doc);
		return NULL;
	}
	return doc;
}

static cmark_node *
md_parse(const char *text)
{
	static const char *const exts[] = {"strikethrough", "autolink"};
	cmark_parser *p;
	cmark_node *doc;
	size_t i;

	if (strlen(text) > MD_INLINE_MAX)
		return plain_doc(text);
	cmark_gfm_core_extensions_ensure_registered();
	if ((p = cmark_parser_new(CMARK_OPT_DEFAULT)) == NULL)
		return NULL;
	for (i = 0; i < CR_ARRAY_LEN(exts); i++) {
		cmark_syntax_extension *e =
		    cmark_find_syntax_extension(exts[i]);
		if (e != NULL)
			cmark_parser_attach_syntax_extension(p, e);
	}
	cmark_parser_feed(p, text, strlen(text));
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

static int
is_strikethrough(cmark_node *n)
{
	const char *t = cmark_node_get_type_string(n);

	return t != NULL && strcmp(t, "strikethrough") == 0;
}

/* A paragraph whose <p> is left out: the only block of the text, or one
 * in an item of a tight list (as cmark's own renderer does). */
static int
bare_paragraph(cmark_node *n)
{
	cmark_node *parent = cmark_node_parent(n), *list;

	if (parent == NULL)
		return 0;
	if (cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT)
		return cmark_node_first_child(parent) == n &&
		       cmark_node_next(n) == NULL;
	if (cmark_node_get_type(parent) != CMARK_NODE_ITEM)
		return 0;
	list = cmark_node_parent(parent);
	return list != NULL && cmark_node_get_list_tight(list);
}

/* A literal without its final newline (code and HTML blocks end in one). */
static void
put_literal(cr_buf *out, cmark_node *n, int html)
{
	const char *s = cmark_node_get_literal(n);
	size_t len;

	if (s == NULL)
		return;
	len = strlen(s);
	while (len > 0 && s[len - 1] == '\n')
		len--;
	if (html)
		cr_html_escape(out, s, len);
	else
		cr_buf_put(out, s, len);
}

int
cr_md_to_html(cr_buf *out, const char *text)
{
	cmark_node *doc, *n, *link = NULL;
	cmark_event_type ev;
	cmark_iter *it;
	const char *url;
	int enter;

	if (text == NULL)
		return 0;
	if ((doc = md_parse(text)) == NULL)
		return -1;
	if ((it = cmark_iter_new(doc)) == NULL) {
		cmark_node_free(doc);
		return -1;
	}
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		enter = ev == CMARK_EVENT_ENTER;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			if (!bare_paragraph(n))
				cr_buf_puts(out, enter ? "<p>" : "</p>");
			break;
		case CMARK_NODE_HEADING:
			/* Inside a list item a heading would break the
			 * page's outline: a strong paragraph instead. */
			cr_buf_puts(out,
				    enter ? "<p><strong>" : "</strong></p>");
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			cr_buf_puts(out,
				    enter ? "<blockquote>" : "</blockquote>");
			break;
		case CMARK_NODE_LIST:
			if (cmark_node_get_list_type(n) != CMARK_ORDERED_LIST)
				cr_buf_puts(out, enter ? "<ul>" : "</ul>");
			else if (!enter)
				cr_buf_puts(out, "</ol>");
			else if (cmark_node_get_list_start(n) != 1)
				cr_buf_printf(out, "<ol start=\"%d\">",
					      cmark_node_get_list_start(n));
			else
				cr_buf_puts(out, "<ol>");
			break;
		case CMARK_NODE_ITEM:
			cr_buf_puts(out, enter ? "<li>" : "</li>");
			break;
		case CMARK_NODE_CODE_BLOCK:
			cr_buf_puts(out, "<pre><code>");
			put_literal(out, n, 1);
			cr_buf_puts(out, "</code></pre>");
			break;
		case CMARK_NODE_HTML_BLOCK:
			/* Shown as written, never passed through. */
			cr_buf_puts(out, "<p class=\"raw\">");
			put_literal(out, n, 1);
			cr_buf_puts(out, "</p>");
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			cr_buf_puts(out, "<hr/>");
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_HTML_INLINE:
			cr_html_escapes(out, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_CODE:
			cr_buf_puts(out, "<code>");
			cr_html_escapes(out, cmark_node_get_literal(n));
			cr_buf_puts(out, "</code>");
			break;
		case CMARK_NODE_SOFTBREAK:
			cr_buf_putc(out, '\n');
			break;
		case CMARK_NODE_LINEBREAK:
			cr_buf_puts(out, "<br/>\n");
			break;
		case CMARK_NODE_EMPH:
			cr_buf_puts(out, enter ? "<em>" : "</em>");
			break;
		case CMARK_NODE_STRONG:
			cr_buf_puts(out, enter ? "<strong>" : "</strong>");
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			/* One <a> at a time: an image inside a link stays
			 * its alt text. */
			url = cmark_node_get_url(n);
			if (enter && link == NULL && cr_url_allowed(url)) {
				cr_buf_puts(out, "<a href=\"");
				cr_html_escapes(out, url);
				cr_buf_puts(out,
					    "\" rel=\"noopener noreferrer\">");
				link = n;
			} else if (!enter && link == n) {
				cr_buf_puts(out, "</a>");
				link = NULL;
			}
			break;
		default:
			if (is_strikethrough(n))
				cr_buf_puts(out, enter ? "<del>" : "</del>");
			/* Anything else (custom nodes): its children only. */
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return out->oom ? -1 : 0;
}

/* Plain text: a block starts on a new line unless it follows a list
 * marker on the same line. */
static void
plain_block(cr_buf *out, size_t start, int *after_marker)
{
	if (!*after_marker && out->len > start &&
	    out->data[out->len - 1] != '\n')
		cr_buf_putc(out, '\n');
	*after_marker = 0;
}

/* Opens a span at the end of out (end unknown yet); -1 on memory. */
static int
span_open(cr_spans *sp, cr_span_kind kind, const char *url, size_t at)
{
	cr_span *s;

	if (cr_grow(&sp->items, &sp->cap, sp->len + 1, sizeof(*sp->items)) ==
	    -1)
		return -1;
	s = &sp->items[sp->len];
	s->kind = kind;
	s->start = at;
	s->end = (size_t)-1;
	s->url = NULL;
	if (url != NULL && (s->url = cr_strdup(url)) == NULL)
		return -1;
	sp->len++;
	return 0;
}

/* Closes the innermost open span (inline nodes nest properly). */
static void
span_close(cr_spans *sp, size_t at)
{
	size_t i = sp->len;

	while (i-- > 0)
		if (sp->items[i].end == (size_t)-1) {
			sp->items[i].end = at;
			return;
		}
}

void
cr_spans_free(cr_spans *sp)
{
	size_t i;

	for (i = 0; i < sp->len; i++)
		free(sp->items[i].url);
	free(sp->items);
	memset(sp, 0, sizeof(*sp));
}

/* The style of an inline node, or -1 for a node that has none. */
static int
span_kind(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_EMPH:
		return CR_SPAN_EMPH;
	case CMARK_NODE_STRONG:
		return CR_SPAN_STRONG;
	default:
		return is_strikethrough(n) ? CR_SPAN_STRIKE : -1;
	}
}

static int md_plain(cr_buf *out, const char *text, cr_spans *spans);

int
cr_md_to_plain(cr_buf *out, const char *text)
{
	return md_plain(out, text, NULL);
}

int
cr_md_to_spans(cr_buf *out, const char *text, cr_spans *spans)
{
	return md_plain(out, text, spans);
}

/* With spans: styles recorded, a link's URL never appended. */
static int
md_plain(cr_buf *out, const char *text, cr_spans *spans)
{
	cmark_node *doc, *n, *link = NULL, *list;
	cmark_event_type ev;
	cmark_iter *it;
	size_t start = out->len, link_start = 0;
	const char *url, *lit;
	int enter, after_marker = 0, k;

	if (text == NULL)
		return 0;
	if ((doc = md_parse(text)) == NULL)
		return -1;
	if ((it = cmark_iter_new(doc)) == NULL) {
		cmark_node_free(doc);
		return -1;
	}
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		enter = ev == CMARK_EVENT_ENTER;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (enter)
				plain_block(out, start, &after_marker);
			break;
		case CMARK_NODE_ITEM:
			if (!enter)
				break;
			plain_block(out, start, &after_marker);
			list = cmark_node_parent(n);
			if (cmark_node_get_list_type(list) ==
			    CMARK_ORDERED_LIST) {
				cmark_node *s;

				k = cmark_node_get_list_start(list);
				for (s = cmark_node_first_child(list); s != n;
				     s = cmark_node_next(s))
					k++;
				cr_buf_printf(out, "%d. ", k);
			} else
				cr_buf_puts(out, "- ");
			after_marker = 1;
			break;
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
			plain_block(out, start, &after_marker);
			put_literal(out, n, 0);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			plain_block(out, start, &after_marker);
			cr_buf_puts(out, "---");
			break;
		case CMARK_NODE_CODE:
			if (spans != NULL && span_open(spans, CR_SPAN_CODE,
						       NULL, out->len) == -1)
				out->oom = 1;
			if ((lit = cmark_node_get_literal(n)) != NULL)
				cr_buf_puts(out, lit);
			if (spans != NULL)
				span_close(spans, out->len);
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_HTML_INLINE:
			if ((lit = cmark_node_get_literal(n)) != NULL)
				cr_buf_puts(out, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
			cr_buf_putc(out, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			cr_buf_putc(out, '\n');
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			url = cmark_node_get_url(n);
			if (enter && link == NULL && cr_url_allowed(url)) {
				link = n;
				link_start = out->len;
				if (spans != NULL &&
				    span_open(spans, CR_SPAN_LINK, url,
					      out->len) == -1)
					out->oom = 1;
			} else if (!enter && link == n && spans != NULL) {
				span_close(spans, out->len);
				link = NULL;
			} else if (!enter && link == n) {
				size_t tl = out->len - link_start;
				const char *t = out->data + link_start;

				/* Autolinks: the text already is the URL. */
				if (!out->oom && url[0] != '\0' &&
				    !(strlen(url) == tl &&
				      memcmp(url, t, tl) == 0) &&
				    !(strncasecmp(url, "mailto:", 7) == 0 &&
				      strlen(url + 7) == tl &&
				      memcmp(url + 7, t, tl) == 0) &&
				    !(strncmp(url, "http://", 7) == 0 &&
				      strlen(url + 7) == tl &&
				      memcmp(url + 7, t, tl) == 0)) {
					cr_buf_puts(out, tl > 0 ? " <" : "<");
					cr_buf_puts(out, url);
					cr_buf_putc(out, '>');
				}
				link = NULL;
			}
			break;
		default:
			if (spans == NULL || (k = span_kind(n)) < 0)
				break;
			if (!enter)
				span_close(spans, out->len);
			else if (span_open(spans, (cr_span_kind)k, NULL,
					   out->len) == -1)
				out->oom = 1;
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return out->oom ? -1 : 0;
}

/* ------------------------------------------------------------ wrapping */

/* Whether cp is one of the characters of the UTF-8 string set. */
static int
cp_in(const char *set, unsigned cp)
{
	size_t n = strlen(set), i = 0;
	unsigned c;
	int k;

	/* Punctuation lives in these blocks: skip the search for letters. */
	if (cp >= 0x80 && cp != 0xab && cp != 0xbb &&
	    !(cp >= 0x2010 && cp <= 0x206f) &&
	    !(cp >= 0x3000 && cp <= 0x30ff) && !(cp >= 0xff00 && cp <= 0xffef))
		return 0;
	while (i < n) {
		if ((k = cr_utf8_decode(set + i, n - i, &c)) < 0)
			return 0;
		if (c == cp)
			return 1;
		i += (size_t)k;
	}
	return 0;
}

/* No line may start with closing punctuation nor end with opening
 * punctuation: the simple kinsoku rule of CJK typesetting. */
static int
no_line_start(unsigned cp)
{
	return cp_in(
	    ",.;:!?)]}%、。，．：；？！）］｝〕〉》」』】〗〙〟’”»…‥・ー々",
	    cp);
}

static int
no_line_end(unsigned cp)
{
	return cp_in("([{（［｛〔〈《「『【〖〘〝‘“«", cp);
}

static int
is_blank(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xa0;
}

struct wrap {
	cr_buf *out;
	const char *first, *rest;
	size_t width;
	size_t nlines; /* lines written so far */
};

/* Writes one finished line (its trailing blanks dropped). */
static void
wrap_emit(struct wrap *w, const char *s, size_t n)
{
	const char *prefix = w->nlines == 0 ? w->first : w->rest;
	size_t plen = strlen(prefix);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		while (plen > 0 && prefix[plen - 1] == ' ')
			plen--;
	cr_buf_put(w->out, prefix, plen);
	cr_buf_put(w->out, s, n);
	cr_buf_putc(w->out, '\n');
	w->nlines++;
}

/* Columns left for text on the next line to write. */
static size_t
wrap_avail(const struct wrap *w)
{
	const char *prefix = w->nlines == 0 ? w->first : w->rest;
	size_t pw = cr_utf8_width(prefix, strlen(prefix));

	/* A prefix as wide as the page still leaves room for a character. */
	return pw < w->width ? w->width - pw : 1;
}

/* Whether the word at s (up to the next blank, within n bytes) is a URL
 * or an e-mail address: a mail client breaks a link that is split, so
 * such a word may overflow the line rather than be cut. */
static int
unbreakable(const char *s, size_t n)
{
	size_t i, len = 0;
	int at = 0;

	while (len < n && s[len] != ' ' && s[len] != '\t')
		len++;
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] >= 0x80 && (unsigned char)s[i] < 0xc0)
			continue;
		if (i + 3 <= len && memcmp(s + i, "://", 3) == 0)
			return 1;
		if (i + 7 <= len && strncasecmp(s + i, "mailto:", 7) == 0)
			return 1;
		if (s[i] == '@' && i > 0)
			at = 1;
		if (at && s[i] == '.')
			return 1;
	}
	return 0;
}

/* Wraps one paragraph (no '\n' inside) of n bytes. */
static int
wrap_para(struct wrap *w, cr_buf *ln, const char *s, size_t n)
{
	size_t i = 0, lw = 0, bpos = 0, bres = 0, avail, word = 0;
	unsigned cp, prev = ' ';
	int k, has_b = 0, cw, pw;
	int link = -1; /* unbreakable() of the current word, once known: a
			  long word is not scanned again at every cut */

	ln->len = 0;
	avail = wrap_avail(w);
	while (i < n) {
		if ((k = cr_utf8_decode(s + i, n - i, &cp)) < 0) {
			cp = 0xfffd; /* cannot happen on clean input */
			k = 1;
		}
		if (is_blank(cp)) {
			i += (size_t)k;
			if (ln->len == 0 || prev == ' ')
				continue;
			bpos = ln->len;
			bres = ln->len + 1;
			has_b = 1;
			cr_buf_putc(ln, ' ');
			lw++;
			prev = ' ';
			continue;
		}
		if (prev == ' ') {
			word = i;
			link = -1;
		}
		cw = cr_utf8_cp_width(cp);
		pw = prev == ' ' ? 0 : cr_utf8_cp_width(prev);
		if (ln->len > 0 && prev != ' ' && cw > 0 &&
		    (cw == 2 || pw == 2) && !no_line_start(cp) &&
		    !no_line_end(prev)) {
			bpos = bres = ln->len;
			has_b = 1;
		}
		if (ln->len > 0 && cw > 0 && lw + (size_t)cw > avail) {
			if (has_b) {
				size_t tail = ln->len - bres;

				wrap_emit(w, ln->data, bpos);
				memmove(ln->data, ln->data + bres, tail);
				ln->len = tail;
				lw = cr_utf8_width(ln->data, tail);
				has_b = 0;
				avail = wrap_avail(w);
			}
			/* Still too long: a word wider than the line, cut
			 * unless it is a link. */
			if (ln->len > 0 && lw + (size_t)cw > avail && link < 0)
				link = unbreakable(s + word, n - word);
			if (ln->len > 0 && lw + (size_t)cw > avail && !link) {
				wrap_emit(w, ln->data, ln->len);
				ln->len = 0;
				lw = 0;
				has_b = 0;
				avail = wrap_avail(w);
			}
		}
		cr_buf_put(ln, s + i, (size_t)k);
		lw += (size_t)cw;
		prev = cp;
		i += (size_t)k;
	}
	if (ln->oom)
		return -1;
	wrap_emit(w, ln->len > 0 ? ln->data : "", ln->len);
	return 0;
}

int
cr_text_wrap(cr_buf *out, const char *text, const char *first, const char *rest,
	     size_t width)
{
	struct wrap w = {out, first, rest, width, 0};
	const char *s = text != NULL ? text : "", *nl;
	cr_buf ln;
	int rc = 0;

	cr_buf_init(&ln);
	for (;;) {
		nl = strchr(s, '\n');
		if (wrap_para(&w, &ln, s,
			      nl != NULL ? (size_t)(nl - s) : strlen(s)) ==
		    -1) {
			rc = -1;
			break;
		}
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	cr_buf_free(&ln);
	return rc == -1 || out->oom ? -1 : 0;
}

/* --------------------------------------------------------------- dates */

int
cr_date_text(cr_buf *out, const cr_date *d, cr_lang l)
{
	if (d->valid)
		return cr_format_date_long(&d->dt, l, out);
	if (d->raw.s != NULL)
		cr_buf_puts(out, d->raw.s);
	return out->oom ? -1 : 0;
}

const char *
cr_enum_word(cr_enum_kind kind, int value, const char *raw, cr_lang l)
{
	const char *w = cr_enum_label(kind, value, l);

	return w[0] != '\0' ? w : raw != NULL ? raw : "";
}

int
cr_action_overdue(const cr_action *a, long long now)
{
	if (!cr_action_open(a))
		return 0;
	return a->due.valid && now > cr_datetime_epoch(&a->due.dt, 1);
}

/* ----------------------------------------------- shared report texts */

long long
cr_action_days_overdue(const cr_report *r, const cr_action *a, long long now)
{
	if (!cr_action_overdue(a, now))
		return 0;
	/* the count cr-lint and cr-wip give, in the report's zone */
	return cr_days_since(&a->due.dt, &r->date.dt, now);
}

int
cr_overdue_text(cr_buf *out, long long days, cr_lang l)
{
	char n[32];

	snprintf(n, sizeof(n), "%lld", days);
	return cr_label_format(
	    out, days == 1 ? CR_LABEL_OVERDUE_DAY : CR_LABEL_OVERDUE_DAYS, l, n,
	    NULL);
}

int
cr_conf_statement(cr_buf *out, const cr_report *r, const cr_write_opts *o,
		  cr_lang l)
{
	cr_conf c = cr_report_conf(r);
	const char *word =
	    cr_enum_word(CR_ENUM_CONF, c, r->confidentiality.s, l);

	if (o->audience != CR_AUDIENCE_INTERNAL ||
	    (c != CR_CONF_PUBLIC && c != CR_CONF_CLIENT &&
	     c != CR_CONF_INTERNAL)) {
		cr_buf_puts(out, cr_label(CR_LABEL_CONFIDENTIALITY, l));
		cr_buf_puts(out, l == CR_LANG_ZH ? "：" : ": ");
		cr_buf_puts(out, word);
	}
	if (o->audience == CR_AUDIENCE_INTERNAL) {
		if (c != CR_CONF_PUBLIC && c != CR_CONF_CLIENT &&
		    c != CR_CONF_INTERNAL)
			cr_buf_puts(out, " · ");
		cr_buf_puts(out, cr_label(CR_LABEL_INTERNAL_COPY, l));
	}
	return out->oom ? -1 : 0;
}

int
cr_reply_line(cr_buf *out, const cr_write_opts *o, cr_lang l)
{
	char n[32];

	if (o->audience == CR_AUDIENCE_INTERNAL || o->reply_hours <= 0)
		return 0;
	snprintf(n, sizeof(n), "%d", o->reply_hours);
	return cr_label_format(out, CR_LABEL_REPLY, l, n, NULL);
}

int
cr_render_action_shown(const cr_action *a, const cr_write_opts *o)
{
	return !o->agenda || cr_action_open(a);
}

size_t
cr_render_actions_shown(const cr_report *r, const cr_write_opts *o)
{
	size_t i, n = 0;

	for (i = 0; i < r->actions.len; i++)
		n += cr_render_action_shown(&r->actions.items[i], o) != 0;
	return n;
}

int
cr_confirmation_line(cr_buf *out, const cr_confirmation *c, cr_lang l)
{
	cr_buf_puts(out, c->name.s != NULL ? c->name.s : "");
	if (cr_str_given(c->at.raw.s)) {
		cr_buf_puts(out, " — ");
		if (cr_date_text(out, &c->at, l) == -1)
			return -1;
	}
	return out->oom ? -1 : 0;
}

int
cr_base64(cr_buf *out, const unsigned char *d, size_t n)
{
	static const char abc[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;
	char q[4];

	for (i = 0; i + 2 < n; i += 3) {
		q[0] = abc[d[i] >> 2];
		q[1] = abc[((d[i] & 3) << 4) | (d[i + 1] >> 4)];
		q[2] = abc[((d[i + 1] & 15) << 2) | (d[i + 2] >> 6)];
		q[3] = abc[d[i + 2] & 63];
		cr_buf_put(out, q, 4);
	}
	if (n - i == 1) {
		q[0] = abc[d[i] >> 2];
		q[1] = abc[(d[i] & 3) << 4];
		q[2] = q[3] = '=';
		cr_buf_put(out, q, 4);
	} else if (n - i == 2) {
		q[0] = abc[d[i] >> 2];
		q[1] = abc[((d[i] & 3) << 4) | (d[i + 1] >> 4)];
		q[2] = abc[(d[i + 1] & 15) << 2];
		q[3] = '=';
		cr_buf_put(out, q, 4);
	}
	return out->oom ? -1 : 0;
}
