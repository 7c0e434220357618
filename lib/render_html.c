/*
 * render_html.c - a report as one standalone HTML5 page (SPEC 7): no
 * external resource, a print stylesheet for A4, labels in the report's
 * language. Every string of the report is escaped; text fields go through
 * cmark-gfm with raw HTML escaped and only http(s) and mailto links kept
 * (cr_md_to_html). The markup is also well-formed XML, so that any parser
 * (and the tests) can read it.
 */
#include <string.h>

#include "cr_labels.h"
#include "internal.h"
#include "render_util.h"

/* Kept short and free of `<` and `&` so that it is plain character data
 * in HTML and XML alike. */
static const char stylesheet[] =
    "*{box-sizing:border-box}\n"
    "html{color-scheme:light}\n"
    "body{font-family:\"Noto Sans\",\"Segoe UI\",\"Helvetica Neue\",Arial,"
    "\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;"
    "font-size:11pt;line-height:1.45;color:#1a1a1a;background:#fff;"
    "max-width:54em;margin:2em auto;padding:0 1.5em;"
    "overflow-wrap:break-word}\n"
    ":lang(zh) body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\","
    "\"PingFang SC\",\"Microsoft YaHei\",sans-serif}\n"
    "header{border-bottom:2px solid #1a1a1a;padding-bottom:.8em;"
    "margin-bottom:1.2em}\n"
    ".brand{display:flex;align-items:center;gap:.6em;flex-wrap:wrap;"
    "margin:0 0 .6em}\n"
    ".brand img{height:2.4em;width:auto;max-width:10em}\n"
    ".agency{font-weight:700;font-size:13pt}\n"
    ".kind{margin:0;font-size:9pt;letter-spacing:.06em;color:#555;"
    "text-transform:uppercase}\n"
    "h1{font-size:18pt;line-height:1.25;margin:.15em 0 .6em}\n"
    "h2{font-size:13pt;margin:1.4em 0 .5em;padding-bottom:.15em;"
    "border-bottom:1px solid #bbb;break-after:avoid;"
    "page-break-after:avoid}\n"
    "dl.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);"
    "gap:.2em 1.2em;margin:0}\n"
    "dl.meta dt{font-weight:600;color:#444;white-space:nowrap}\n"
    "dl.meta dd{margin:0;min-width:0}\n"
    "ul,ol{margin:.3em 0;padding-left:1.6em}\n"
    "li{margin:.2em 0}\n"
    "li,p{break-inside:avoid;page-break-inside:avoid}\n"
    ".persons .role,.persons .org{color:#444}\n"
    ".persons .name,.persons .email{white-space:nowrap}\n"
    "table.actions{width:100%;border-collapse:collapse;font-size:10pt}\n"
    "table.actions th,table.actions td{border:1px solid #bbb;"
    "padding:.35em .5em;text-align:left;vertical-align:top}\n"
    "table.actions thead th{background:#eee;white-space:nowrap}\n"
    "thead{display:table-header-group}\n"
    "tr{break-inside:avoid;page-break-inside:avoid}\n"
    "td.what,td.note{overflow-wrap:anywhere}\n"
    "td.id{font-size:9pt;color:#444;white-space:nowrap}\n"
    "td.who,td.status{word-break:keep-all}\n"
    ".word{white-space:nowrap}\n"
    "tr.overdue td{background:#fde8e6}\n"
    "tr.done td,tr.dropped td{color:#666}\n"
    "tr.dropped td.what{text-decoration:line-through}\n"
    ".flag{display:inline-block;color:#a40000;font-weight:700;"
    "white-space:nowrap}\n"
    ".internal-copy{border:2px solid #a40000;color:#a40000;"
    "font-weight:700;text-align:center;padding:.4em;margin:0 0 1em}\n"
    "section.internal{border-left:4px solid #a40000;padding-left:.8em}\n"
    "ul.confirmations{list-style:none;padding-left:0}\n"
    "ul.confirmations .name{font-weight:600}\n"
    ".correction{margin:.2em 0 .2em 1em;padding:.2em .6em;"
    "border-left:4px solid #b36b00;background:#fff4e0}\n"
    ".correction .mark{font-weight:700;color:#8a4b00}\n"
    ".reply{margin-top:1.6em;font-style:italic}\n"
    ":lang(zh) .reply{font-style:normal}\n"
    "code{font-family:\"Noto Sans Mono\",\"DejaVu Sans Mono\",Menlo,"
    "Consolas,monospace;font-size:92%;background:#f2f2f2;padding:0 .2em}\n"
    "pre{white-space:pre-wrap}\n"
    ".raw{white-space:pre-wrap}\n"
    "blockquote{margin:.3em 0;padding-left:.8em;border-left:3px solid #ccc}\n"
    "a{color:#0645ad}\n"
    /* Narrow screens: each action a card, its fields labelled. */
    "@media screen and (max-width:40em){\n"
    "body{margin:1em auto;padding:0 .9em}\n"
    "table.actions,table.actions tbody,table.actions tr,"
    "table.actions td{display:block;width:auto}\n"
    "table.actions thead{display:none}\n"
    "table.actions tr{border:1px solid #bbb;margin:0 0 .7em;padding:.3em "
    ".5em}\n"
    /* in pt, the table's unit: in em the smaller ID cell's value would
       start left of the others */
    "table.actions td{border:0;padding:.15em 0 .15em 90pt;"
    "white-space:normal;position:relative}\n"
    "table.actions td::before{content:attr(data-label);position:absolute;"
    "left:0;width:85pt;"
    "font-weight:600;font-size:9pt;color:#444;white-space:nowrap}\n"
    "table.actions td:empty{display:none}\n"
    "}\n"
    "@page{size:A4;margin:18mm 16mm 20mm 16mm}\n"
    "@media print{\n"
    "body{max-width:none;margin:0;padding:0;font-size:10pt}\n"
    "a{color:inherit;text-decoration:none}\n"
    "tr.overdue td,table.actions thead th{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}\n"
    "}\n";

struct html {
	cr_buf *out;
	const cr_report *r;
	const cr_write_opts *o;
	cr_lang lang;
};

static void
put(struct html *h, const char *s)
{
	cr_buf_puts(h->out, s);
}

static void
esc(struct html *h, const char *s)
{
	cr_html_escapes(h->out, s);
}

/* ------------------------------------------------------------- header */

static void
field_open(struct html *h, cr_label_id id)
{
	put(h, "<dt>");
	esc(h, cr_label(id, h->lang));
	put(h, "</dt>\n<dd>");
}

static void
field_str(struct html *h, cr_label_id id, const cr_str *s)
{
	if (!cr_str_given(s->s))
		return;
	field_open(h, id);
	esc(h, s->s);
	put(h, "</dd>\n");
}

static void
field_word(struct html *h, cr_label_id id, const char *word)
{
	field_open(h, id);
	esc(h, word);
	put(h, "</dd>\n");
}

static int
field_date(struct html *h, cr_label_id id, const cr_date *d)
{
	cr_buf t;

	if (!cr_str_given(d->raw.s))
		return 0;
	cr_buf_init(&t);
	if (cr_date_text(&t, d, h->lang) == -1) {
		cr_buf_free(&t);
		return -1;
	}
	field_open(h, id);
	if (d->valid) {
		char iso[32];

		cr_datetime_format(&d->dt, iso);
		put(h, "<time datetime=\"");
		esc(h, iso);
		put(h, "\">");
		cr_html_escape(h->out, t.data, t.len);
		put(h, "</time>");
	} else
		cr_html_escape(h->out, t.data, t.len);
	put(h, "</dd>\n");
	cr_buf_free(&t);
	return 0;
}

/* The house style's logo (an inline data: image) and agency name. */
static int
brand(struct html *h)
{
	const char *type = cr_logo_type(h->o->logo, h->o->logo_len);

	if (type == NULL && h->o->agency == NULL)
		return 0;
	put(h, "<div class=\"brand\">");
	if (type != NULL) {
		put(h, "<img alt=\"\" src=\"data:");
		put(h, type);
		put(h, ";base64,");
		if (cr_base64(h->out, h->o->logo, h->o->logo_len) == -1)
			return -1;
		put(h, "\"/>");
	}
	if (h->o->agency != NULL) {
		put(h, "<span class=\"agency\">");
		esc(h, h->o->agency);
		put(h, "</span>");
	}
	put(h, "</div>\n");
	return h->out->oom ? -1 : 0;
}

static int
header(struct html *h)
{
	const cr_report *r = h->r;
	int agenda = h->o->agenda;
	cr_label_id kind =
	    agenda ? CR_LABEL_AGENDA_KIND : CR_LABEL_CONTACT_REPORT;
	size_t i;

	put(h, "<header>\n");
	if (brand(h) == -1)
		return -1;
	put(h, "<p class=\"kind\">");
	esc(h, cr_label(kind, h->lang));
	put(h, "</p>\n<h1>");
	esc(h, cr_str_given(r->title.s) ? r->title.s : cr_label(kind, h->lang));
	put(h, "</h1>\n<dl class=\"meta\">\n");
	field_str(h, CR_LABEL_CLIENT, &r->client);
	field_str(h, CR_LABEL_PROJECT, &r->project);
	if (cr_str_given(r->type.s))
		field_word(h, CR_LABEL_TYPE,
			   cr_enum_word(CR_ENUM_TYPE, cr_report_type(r),
					r->type.s, h->lang));
	if (cr_str_given(r->outcome.s) && !agenda)
		field_word(h, CR_LABEL_OUTCOME,
			   cr_enum_word(CR_ENUM_OUTCOME, cr_report_outcome(r),
					r->outcome.s, h->lang));
	if (cr_str_given(r->stage.s))
		field_word(h, CR_LABEL_STAGE,
			   cr_stage_word(r->stage.s, h->lang));
	if (field_date(h, agenda ? CR_LABEL_WHEN : CR_LABEL_DATE, &r->date) ==
	    -1)
		return -1;
	field_str(h, agenda ? CR_LABEL_WHERE : CR_LABEL_LOCATION, &r->location);
	field_str(h, CR_LABEL_AUTHOR, &r->author);
	if (!agenda && field_date(h, CR_LABEL_ISSUED, &r->issued) == -1)
		return -1;
	/* the internal copy says it in its banner: one statement */
	if (h->o->audience != CR_AUDIENCE_INTERNAL)
		field_word(h, CR_LABEL_CONFIDENTIALITY,
			   cr_enum_word(CR_ENUM_CONF, cr_report_conf(r),
					r->confidentiality.s, h->lang));
	if (!agenda &&
	    field_date(h, CR_LABEL_NEXT_CONTACT, &r->next_contact) == -1)
		return -1;
	field_str(h, CR_LABEL_PREVIOUS, &r->previous);
	if (r->tags.len > 0 && !agenda) {
		field_open(h, CR_LABEL_TAGS);
		for (i = 0; i < r->tags.len; i++) {
			if (i > 0)
				put(h, ", ");
			esc(h, r->tags.items[i].s);
		}
		put(h, "</dd>\n");
	}
	if (!agenda)
		field_str(h, CR_LABEL_REPORT_ID, &r->id);
	put(h, "</dl>\n</header>\n");
	return 0;
}

/* ----------------------------------------------------------- sections */

/* <section class="KEY"><h2>LABEL</h2>: the class is the field's key
 * (the agenda's sections too: attendees, agenda, actions). */
static void
section_open(struct html *h, cr_section s, cr_label_id label)
{
	put(h, "<section class=\"");
	put(h, cr_section_key(s));
	put(h, "\">\n<h2>");
	esc(h, label == CR_LABEL__COUNT ? cr_section_label(s, h->lang)
					: cr_label(label, h->lang));
	put(h, "</h2>\n");
}

static void
persons(struct html *h, cr_section s, const cr_persons *ps, cr_label_id label)
{
	const cr_person *p;
	size_t i;

	if (ps->len == 0)
		return;
	section_open(h, s, label);
	put(h, "<ul class=\"persons\">\n");
	for (i = 0; i < ps->len; i++) {
		p = &ps->items[i];
		put(h, "<li><span class=\"name\">");
		esc(h, p->name.s);
		put(h, "</span>");
		if (cr_str_given(p->role.s) || cr_str_given(p->org.s)) {
			put(h, " <span class=\"role\">(");
			esc(h, p->role.s);
			if (cr_str_given(p->role.s) && cr_str_given(p->org.s))
				put(h, ", ");
			esc(h, p->org.s);
			put(h, ")</span>");
		}
		if (cr_str_given(p->email.s)) {
			/* The mailto: prefix fixes the scheme; escaping
			 * keeps the attribute closed. */
			put(h, " <a class=\"email\" href=\"mailto:");
			esc(h, p->email.s);
			put(h, "\">");
			esc(h, p->email.s);
			put(h, "</a>");
		}
		put(h, "</li>\n");
	}
	put(h, "</ul>\n</section>\n");
}

static int
texts(struct html *h, cr_section s, const cr_texts *t, int ordered,
      cr_label_id label)
{
	size_t i;

	if (t->len == 0)
		return 0;
	section_open(h, s, label);
	put(h, ordered ? "<ol>\n" : "<ul>\n");
	for (i = 0; i < t->len; i++) {
		put(h, "<li>");
		if (cr_md_to_html(h->out, t->items[i].s) == -1)
			return -1;
		put(h, "</li>\n");
	}
	put(h, ordered ? "</ol>\n" : "</ul>\n");
	put(h, "</section>\n");
	return 0;
}

static void
column_head(struct html *h, cr_column c)
{
	put(h, "<th scope=\"col\" class=\"");
	put(h, cr_column_key(c));
	put(h, "\">");
	esc(h, cr_column_label(c, h->lang));
	put(h, "</th>");
}

/* <td class="KEY" data-label="LABEL">: the label heads the field when
 * the row is a card (narrow screens). */
static void
cell_open(struct html *h, cr_column c)
{
	put(h, "<td class=\"");
	put(h, cr_column_key(c));
	put(h, "\" data-label=\"");
	esc(h, cr_column_label(c, h->lang));
	put(h, "\">");
}

/* A due date as unbreakable parts: the date, and the time after it may
 * go to the next line ("26 tháng 11 năm 2026," / "17:00 (UTC+07:00)"). */
static void
due_words(struct html *h, const char *s, size_t n)
{
	const char *cut = NULL, *p;

	/* s may be NULL for an empty text (no pointer arithmetic on it) */
	for (p = s; n > 1 && p + 1 < s + n; p++)
		if (*p == ' ' && p > s &&
		    (h->lang == CR_LANG_ZH || p[-1] == ',')) {
			cut = p;
			break;
		}
	put(h, "<span class=\"word\">");
	cr_html_escape(h->out, s, cut != NULL ? (size_t)(cut - s) : n);
	put(h, "</span>");
	if (cut == NULL)
		return;
	put(h, " <span class=\"word\">");
	cr_html_escape(h->out, cut + 1, n - (size_t)(cut + 1 - s));
	put(h, "</span>");
}

static int
action_row(struct html *h, const cr_action *a, int with_note)
{
	cr_status st = cr_action_status(a);
	const char *word =
	    cr_enum_word(CR_ENUM_STATUS, st, a->status.s, h->lang);
	int overdue = cr_action_overdue(a, h->o->now);
	cr_buf t;

	put(h, "<tr class=\"");
	put(h, st == CR_STATUS_INVALID ? "other" : cr_status_name(st));
	if (overdue)
		put(h, " overdue");
	put(h, "\">\n");
	cell_open(h, CR_COL_ID);
	esc(h, a->id.s);
	put(h, "</td>\n");
	cell_open(h, CR_COL_WHAT);
	if (cr_md_to_html(h->out, a->what.s) == -1)
		return -1;
	put(h, "</td>\n");
	cell_open(h, CR_COL_WHO);
	esc(h, a->who.s);
	put(h, "</td>\n");
	cell_open(h, CR_COL_DUE);
	cr_buf_init(&t);
	if (cr_date_text(&t, &a->due, h->lang) == -1) {
		cr_buf_free(&t);
		return -1;
	}
	due_words(h, t.data, t.len);
	put(h, "</td>\n");
	cell_open(h, CR_COL_STATUS);
	put(h, "<span class=\"word\">");
	esc(h, word);
	put(h, "</span>");
	if (overdue) {
		t.len = 0;
		cr_overdue_text(&t, cr_action_days_overdue(h->r, a, h->o->now),
				h->lang);
		put(h, " <strong class=\"flag\">");
		cr_html_escape(h->out, t.data, t.len);
		put(h, "</strong>");
	}
	cr_buf_free(&t);
	put(h, "</td>\n");
	if (with_note) {
		cell_open(h, CR_COL_NOTE);
		if (cr_md_to_html(h->out, a->note.s) == -1)
			return -1;
		put(h, "</td>\n");
	}
	put(h, "</tr>\n");
	return 0;
}

static int
actions(struct html *h)
{
	const cr_report *r = h->r;
	int with_note = 0;
	size_t i;

	if (cr_render_actions_shown(r, h->o) == 0)
		return 0;
	for (i = 0; i < r->actions.len; i++)
		if (cr_render_action_shown(&r->actions.items[i], h->o) &&
		    cr_str_given(r->actions.items[i].note.s))
			with_note = 1;
	section_open(h, CR_SEC_ACTIONS,
		     h->o->agenda ? CR_LABEL_REVIEW : CR_LABEL__COUNT);
	put(h, "<table class=\"actions\">\n<thead>\n<tr>");
	column_head(h, CR_COL_ID);
	column_head(h, CR_COL_WHAT);
	column_head(h, CR_COL_WHO);
	column_head(h, CR_COL_DUE);
	column_head(h, CR_COL_STATUS);
	if (with_note)
		column_head(h, CR_COL_NOTE);
	put(h, "</tr>\n</thead>\n<tbody>\n");
	for (i = 0; i < r->actions.len; i++)
		if (cr_render_action_shown(&r->actions.items[i], h->o) &&
		    action_row(h, &r->actions.items[i], with_note) == -1)
			return -1;
	put(h, "</tbody>\n</table>\n</section>\n");
	return 0;
}

/* Who confirmed and when; a remark stands apart, marked as the
 * correction asked for. */
static int
confirmations(struct html *h)
{
	const cr_confirmations *cs = &h->r->confirmations;
	size_t i;

	if (cs->len == 0)
		return 0;
	section_open(h, CR_SEC_CONFIRMATIONS, CR_LABEL__COUNT);
	put(h, "<ul class=\"confirmations\">\n");
	for (i = 0; i < cs->len; i++) {
		const cr_confirmation *c = &cs->items[i];
		int remark = cr_str_given(c->note.s);

		put(h, remark ? "<li class=\"remark\">" : "<li class=\"ok\">");
		put(h, "<span class=\"name\">");
		esc(h, c->name.s);
		put(h, "</span>");
		if (cr_str_given(c->at.raw.s)) {
			cr_buf t;

			cr_buf_init(&t);
			if (cr_date_text(&t, &c->at, h->lang) == -1) {
				cr_buf_free(&t);
				return -1;
			}
			put(h, " — ");
			if (c->at.valid) {
				char iso[32];

				cr_datetime_format(&c->at.dt, iso);
				put(h, "<time datetime=\"");
				esc(h, iso);
				put(h, "\">");
			}
			cr_html_escape(h->out, t.data, t.len);
			if (c->at.valid)
				put(h, "</time>");
			cr_buf_free(&t);
		}
		if (remark) {
			put(h,
			    "\n<p class=\"correction\"><span class=\"mark\">");
			esc(h, cr_label(CR_LABEL_CORRECTION, h->lang));
			put(h, h->lang == CR_LANG_ZH ? "：" : ":");
			put(h, "</span> ");
			if (cr_md_to_html(h->out, c->note.s) == -1)
				return -1;
			put(h, "</p>");
		}
		put(h, "</li>\n");
	}
	put(h, "</ul>\n</section>\n");
	return h->out->oom ? -1 : 0;
}

/* --------------------------------------------------------------- page */

/* Appends s as the inside of a CSS string: quotes, backslashes, '<' and
 * '&' (so the style element stays closed) and controls as escapes. */
static void
css_string(cr_buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\' || c == '<' || c == '&' || c == '>' ||
		    c < 0x20 || c == 0x7f)
			cr_buf_printf(out, "\\%x ", c < 0x20 ? 0x20 : c);
		else
			cr_buf_putc(out, (char)c);
	}
}

/* The printed page: the confidentiality statement at the foot of every
 * page (and at the head of an internal copy's), "Page 2 of 3" beside it
 * (the template of the label, its numbers CSS counters). */
static int
page_style(struct html *h)
{
	const char *tpl = cr_label(CR_LABEL_PAGE_OF, h->lang), *p;
	cr_buf st;
	int nth = 0;

	cr_buf_init(&st);
	if (cr_conf_statement(&st, h->r, h->o, h->lang) == -1) {
		cr_buf_free(&st);
		return -1;
	}
	put(h, "<style media=\"print\">\n@page{\n@bottom-left{content:\"");
	css_string(h->out, st.data);
	put(h, "\";font-size:8pt;color:#444}\n@bottom-right{content:\"");
	for (p = tpl; *p != '\0'; p++) {
		if (p[0] == '%' && p[1] == 'd') {
			put(h, nth++ == 0 ? "\" counter(page) \""
					  : "\" counter(pages) \"");
			p++;
		} else {
			char c[2] = {*p, '\0'};

			css_string(h->out, c);
		}
	}
	put(h, "\";font-size:8pt;color:#444}\n");
	if (h->o->audience == CR_AUDIENCE_INTERNAL) {
		put(h, "@top-center{content:\"");
		css_string(h->out, st.data);
		put(h, "\";font-size:9pt;font-weight:700;color:#a40000}\n");
	}
	put(h, "}\n</style>\n");
	cr_buf_free(&st);
	return h->out->oom ? -1 : 0;
}

/* The client's copy ends asking for confirmation (house style). */
static int
reply_line(struct html *h)
{
	cr_buf t;

	cr_buf_init(&t);
	if (cr_reply_line(&t, h->o, h->lang) == -1) {
		cr_buf_free(&t);
		return -1;
	}
	if (t.len > 0 && !h->o->agenda) {
		put(h, "<p class=\"reply\">");
		cr_html_escape(h->out, t.data, t.len);
		put(h, "</p>\n");
	}
	cr_buf_free(&t);
	return h->out->oom ? -1 : 0;
}

int
cr_render_html(const cr_report *r, const cr_write_opts *o, cr_buf *out)
{
	struct html h = {out, r, o, cr_render_lang(r, o)};
	int internal = o->audience == CR_AUDIENCE_INTERNAL;
	size_t start = out->len;

	if (cr_render_refusal(r, o) != NULL)
		return CR_REFUSED;
	put(&h, "<!DOCTYPE html>\n<html lang=\"");
	put(&h, cr_lang_name(h.lang));
	put(&h, "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
		"<meta name=\"viewport\" "
		"content=\"width=device-width, initial-scale=1\"/>\n");
	if (internal)
		put(&h,
		    "<meta name=\"robots\" content=\"noindex, nofollow\"/>\n");
	put(&h, "<title>");
	esc(&h, cr_str_given(r->title.s)
		    ? r->title.s
		    : cr_label(CR_LABEL_CONTACT_REPORT, h.lang));
	if (cr_str_given(r->client.s)) {
		put(&h, " — ");
		esc(&h, r->client.s);
	}
	put(&h, "</title>\n<style>\n");
	put(&h, stylesheet);
	put(&h, "</style>\n");
	if (page_style(&h) == -1)
		goto fail;
	put(&h, "</head>\n<body class=\"");
	put(&h, internal ? "internal" : "client");
	put(&h, "\">\n");
	if (internal) {
		cr_buf st;

		cr_buf_init(&st);
		put(&h, "<p class=\"internal-copy\">");
		if (cr_conf_statement(&st, r, o, h.lang) == -1) {
			cr_buf_free(&st);
			goto fail;
		}
		cr_html_escape(out, st.data, st.len);
		cr_buf_free(&st);
		put(&h, "</p>\n");
	}
	if (header(&h) == -1)
		goto fail;
	put(&h, "<main>\n");
	if (o->agenda) {
		/* the invitation: nothing of what was said */
		persons(&h, CR_SEC_ATTENDEES, &r->attendees, CR_LABEL_INVITED);
		if (texts(&h, CR_SEC_AGENDA, &r->agenda, 1, CR_LABEL_TOPICS) ==
			-1 ||
		    actions(&h) == -1)
			goto fail;
		goto end;
	}
	persons(&h, CR_SEC_ATTENDEES, &r->attendees, CR_LABEL__COUNT);
	persons(&h, CR_SEC_ABSENT, &r->absent, CR_LABEL__COUNT);
	persons(&h, CR_SEC_DISTRIBUTION, &r->distribution, CR_LABEL__COUNT);
	if (texts(&h, CR_SEC_AGENDA, &r->agenda, 1, CR_LABEL__COUNT) == -1 ||
	    texts(&h, CR_SEC_DISCUSSION, &r->discussion, 0, CR_LABEL__COUNT) ==
		-1 ||
	    texts(&h, CR_SEC_AGREEMENTS, &r->agreements, 1, CR_LABEL__COUNT) ==
		-1 ||
	    actions(&h) == -1)
		goto fail;
	/* The client's copy never holds a word of the internal notes. */
	if (internal &&
	    texts(&h, CR_SEC_INTERNAL, &r->internal, 0, CR_LABEL__COUNT) == -1)
		goto fail;
	if (confirmations(&h) == -1)
		goto fail;
end:
	if (reply_line(&h) == -1)
		goto fail;
	put(&h, "</main>\n</body>\n</html>\n");
	if (out->oom)
		goto fail;
	return 0;
fail:
	/* Leave no half page behind. */
	if (out->data != NULL && out->len > start) {
		out->len = start;
		out->data[start] = '\0';
	}
	return -1;
}
