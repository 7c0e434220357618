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

#endif
