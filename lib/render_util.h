/*
 * render_util.h - helpers shared by the reading-format renderers (html,
 * txt; pdf and eml may use them too): escaping, inline CommonMark through
 * cmark-gfm, wrapping by display width, dates, overdue marks. Not
 * installed. Functions taking a cr_buf append to it and return 0, or -1
 * when memory ran out.
 */
#ifndef CR_RENDER_UTIL_H
#define CR_RENDER_UTIL_H

#include "cr_labels.h"

/* Appends n bytes of s escaped for HTML text and attribute values alike
 * (& < > " '); C0 controls other than tab and newline become U+FFFD. */
int cr_html_escape(cr_buf *out, const char *s, size_t n);
int cr_html_escapes(cr_buf *out, const char *s); /* NULL: nothing */

/* Whether a link target may be kept: an http:, https: or mailto: URL
 * (scheme compared case-insensitively). */
int cr_url_allowed(const char *url);

/*
 * A text field (inline CommonMark, SPEC 2.1) as HTML. Raw HTML in the text
 * is escaped so that it shows as written; a link or image whose URL is not
 * allowed (cr_url_allowed) keeps only its text; an image never loads (it
 * becomes a link to its URL). One paragraph gives no <p> around it; any
 * other block structure is kept. Void elements are written <br/> so the
 * page stays well-formed XML as well.
 */
int cr_md_to_html(cr_buf *out, const char *text);

/*
 * A text field as plain text: the markup stripped, a kept link written
 * "text <url>" (just the text when it is the URL), blocks and hard line
 * breaks as '\n', list items with their markers.
 */
int cr_md_to_plain(cr_buf *out, const char *text);

/*
 * Appends text wrapped to `width` display columns (cr_utf8_cp_width: CJK
 * counts 2), each line ending in '\n'. The first line starts with `first`,
 * the others with `rest` (both counted in the width; trailing blanks of a
 * prefix are dropped on an empty line). Lines break at spaces, runs of
 * blanks collapse to one; between two characters where either is wide
 * (CJK has no spaces) except before closing or after opening punctuation;
 * a word longer than a line is split. '\n' in text forces a break.
 */
int cr_text_wrap(cr_buf *out, const char *text, const char *first,
		 const char *rest, size_t width);

/* A date written long in language l (cr_format_date_long), or as written
 * when it did not parse. Nothing when absent. Not escaped. */
int cr_date_text(cr_buf *out, const cr_date *d, cr_lang l);

/* An `open` or `blocked` action whose due moment has passed at `now` (a
 * date alone is due at the end of its day). */
int cr_action_overdue(const cr_action *a, long long now);

/* The word for an enum value in language l (cr_enum_label), or the text
 * as written when the value is not a known one; never NULL. */
const char *cr_enum_word(cr_enum_kind kind, int value, const char *raw,
			 cr_lang l);

/* Whether a string holds something other than blanks. */
int cr_str_given(const char *s);

/* Calendar days from an overdue action's due date to today's date, in the
 * report's zone (cr_days_since: as cr-lint and cr-wip count them); 0 when
 * the action is not overdue (cr_action_overdue). */
long long cr_action_days_overdue(const cr_report *r, const cr_action *a,
				 long long now);
/* "3 days overdue" in language l. */
int cr_overdue_text(cr_buf *out, long long days, cr_lang l);

/*
 * The one confidentiality statement of a rendering, the same in every
 * reading format: on the client's copy "Confidentiality: Client"; on the
 * internal copy "Internal — not for the client", preceded by the level
 * when it is stricter than internal (confidential) or not a known one.
 */
int cr_conf_statement(cr_buf *out, const cr_report *r, const cr_write_opts *o,
		      cr_lang l);

/* The reply line of the client's copy (o->reply_hours, SPEC 7), or
 * nothing on the internal copy or with reply_hours 0. */
int cr_reply_line(cr_buf *out, const cr_write_opts *o, cr_lang l);

/* Whether the rendering shows action a: every one, but on the agenda
 * (o->agenda) only those to review, open and blocked. */
int cr_render_action_shown(const cr_action *a, const cr_write_opts *o);
/* How many actions of r the rendering shows. */
size_t cr_render_actions_shown(const cr_report *r, const cr_write_opts *o);

/* "Name — 21 November 2026, 10:12 (UTC+07:00)": who confirmed and when,
 * as every reading format writes it (the remark goes apart, marked with
 * CR_LABEL_CORRECTION). Not escaped. */
int cr_confirmation_line(cr_buf *out, const cr_confirmation *c, cr_lang l);

/* n bytes as base64 (RFC 4648, no line breaks). */
int cr_base64(cr_buf *out, const unsigned char *data, size_t n);

/* A styled run of a text field, as cr_md_to_spans finds it. */
typedef enum cr_span_kind {
	CR_SPAN_EMPH,
	CR_SPAN_STRONG,
	CR_SPAN_CODE,
	CR_SPAN_STRIKE,
	CR_SPAN_LINK
} cr_span_kind;

typedef struct cr_span {
	cr_span_kind kind;
	size_t start, end; /* byte offsets in the output buffer */
	char *url;	   /* CR_SPAN_LINK: owned; an allowed URL */
} cr_span;

typedef struct cr_spans {
	cr_span *items;
	size_t len, cap;
} cr_spans;

/*
 * A text field as plain text (as cr_md_to_plain, except that a link
 * keeps only its text) and the styled runs of it appended to `spans`, for
 * a renderer that styles text itself (the PDF).
 */
int cr_md_to_spans(cr_buf *out, const char *text, cr_spans *spans);
void cr_spans_free(cr_spans *spans);

#endif
