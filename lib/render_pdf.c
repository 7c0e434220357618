/*
 * render_pdf.c - the report as an A4 PDF: cairo draws, pango lays out and
 * shapes (Vietnamese diacritics, Chinese, Cyrillic through fontconfig's
 * fallback). Content and order follow the HTML rendering.
 *
 * Two steps: every block (heading, paragraph, table row) is laid out
 * first and given a page, so that no row is split and the footer can say
 * "page 2 of 3"; then the pages are drawn.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cmark-gfm.h>
#include <pango/pangocairo.h>

#include "internal.h"
#include "cr_labels.h"

#define PAGE_W 595.276 /* A4 in points */
#define PAGE_H 841.890
#define MARGIN 56.0
#define FOOTER 28.0
#define PAD 4.0
#define MAX_CELLS 6
#define FONT "DejaVu Sans, WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"

enum style { S_TEXT, S_SMALL, S_TITLE, S_HEADING, S_HEAD_CELL };

struct block {
	PangoLayout *cell[MAX_CELLS];
	double x[MAX_CELLS], w[MAX_CELLS];
	size_t ncells;
	double height;
	int boxed;     /* table row with borders */
	int shaded;    /* header row */
	int marked;    /* overdue row */
	int keep_next; /* a heading stays with what follows */
	double space;  /* space above */
	int page;
	double y;
};

struct doc {
	cairo_t *cr;
	struct block *blocks;
	size_t len, cap;
	cr_lang lang;
	const cr_write_opts *o;
	int oom;
};

static cairo_status_t
write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	return cr_buf_put(closure, (const char *)data, len) == -1
	           ? CAIRO_STATUS_NO_MEMORY
	           : CAIRO_STATUS_SUCCESS;
}

/* Inline CommonMark to plain text (emphasis marks dropped). */
static char *
plain(const char *md)
{
	char *html, *p, *e;
	cmark_node *doc;

	if (md == NULL)
		return cr_strdup("");
	doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	if (doc == NULL)
		return NULL;
	html = cmark_render_plaintext(doc, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(doc);
	if (html == NULL)
		return NULL;
	p = cr_strdup(html);
	free(html);
	if (p != NULL)
		for (e = p + strlen(p); e > p && e[-1] == '\n'; e--)
			e[-1] = '\0';
	return p;
}

static PangoLayout *
layout(struct doc *d, const char *text, enum style st, double width)
{
	PangoLayout *l = pango_cairo_create_layout(d->cr);
	PangoFontDescription *fd = pango_font_description_from_string(FONT);
	double size = 9.5;

	switch (st) {
	case S_TITLE:
		size = 17;
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
		break;
	case S_HEADING:
		size = 12;
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
		break;
	case S_HEAD_CELL:
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
		break;
	case S_SMALL:
		size = 8;
		break;
	default:
		break;
	}
	pango_font_description_set_size(fd, (int)(size * PANGO_SCALE));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text != NULL ? text : "", -1);
	return l;
}

static struct block *
block_new(struct doc *d)
{
	struct block *b;

	if (cr_grow(&d->blocks, &d->cap, d->len + 1, sizeof(*d->blocks)) ==
	    -1) {
		d->oom = 1;
		return NULL;
	}
	b = &d->blocks[d->len++];
	memset(b, 0, sizeof(*b));
	return b;
}

static double
layout_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* A paragraph across the text width. */
static void
para(struct doc *d, const char *text, enum style st, double space,
     double indent)
{
	struct block *b = block_new(d);

	if (b == NULL)
		return;
	b->cell[0] = layout(d, text, st, PAGE_W - 2 * MARGIN - indent);
	b->x[0] = indent;
	b->w[0] = PAGE_W - 2 * MARGIN - indent;
	b->ncells = 1;
	b->height = layout_height(b->cell[0]);
	b->space = space;
	b->keep_next = st == S_HEADING || st == S_TITLE;
}

/* A table row: cells with relative widths (summing to 1). */
static struct block *
row(struct doc *d, const char *const *cells, const double *frac, size_t n,
    int header)
{
	double x = 0, total = PAGE_W - 2 * MARGIN, h;
	struct block *b = block_new(d);
	size_t i;

	if (b == NULL)
		return NULL;
	for (i = 0; i < n && i < MAX_CELLS; i++) {
		b->w[i] = frac[i] * total;
		b->x[i] = x;
		b->cell[i] = layout(d, cells[i], header ? S_HEAD_CELL : S_TEXT,
		                    b->w[i] - 2 * PAD);
		h = layout_height(b->cell[i]) + 2 * PAD;
		if (h > b->height)
			b->height = h;
		x += b->w[i];
	}
	b->ncells = i;
	b->boxed = 1;
	b->shaded = header;
	return b;
}

static void
heading(struct doc *d, const char *text)
{
	para(d, text, S_HEADING, 14, 0);
}

static void
texts(struct doc *d, cr_section sec, const cr_texts *t, int numbered)
{
	size_t i;
	cr_buf b;
	char *p;

	if (t->len == 0)
		return;
	heading(d, cr_section_label(sec, d->lang));
	cr_buf_init(&b);
	for (i = 0; i < t->len; i++) {
		b.len = 0;
		p = plain(t->items[i].s);
		if (numbered)
			cr_buf_printf(&b, "%zu. %s", i + 1, p ? p : "");
		else
			cr_buf_printf(&b, "•  %s", p ? p : "");
		free(p);
		para(d, b.data, S_TEXT, 3, 10);
	}
	cr_buf_free(&b);
}

static void
persons(struct doc *d, cr_section sec, const cr_persons *ps)
{
	static const double frac[] = { 0.27, 0.25, 0.24, 0.24 };
	const char *cells[4];
	size_t i;

	if (ps->len == 0)
		return;
	heading(d, cr_section_label(sec, d->lang));
	cells[0] = cr_label(CR_LABEL_NAME, d->lang);
	cells[1] = cr_label(CR_LABEL_ROLE, d->lang);
	cells[2] = cr_label(CR_LABEL_ORG, d->lang);
	cells[3] = cr_label(CR_LABEL_EMAIL, d->lang);
	row(d, cells, frac, 4, 1);
	for (i = 0; i < ps->len; i++) {
		const cr_person *p = &ps->items[i];
		cells[0] = p->name.s ? p->name.s : "";
		cells[1] = p->role.s ? p->role.s : "";
		cells[2] = p->org.s ? p->org.s : "";
		cells[3] = p->email.s ? p->email.s : "";
		row(d, cells, frac, 4, 0);
	}
}

static void
date_text(const cr_date *dt, cr_lang lang, cr_buf *out)
{
	if (dt->valid)
		cr_format_date_long(&dt->dt, lang, out);
	else if (dt->raw.s != NULL)
		cr_buf_puts(out, dt->raw.s);
}

/* The header block: label / value pairs. */
static void
header(struct doc *d, const cr_report *r)
{
	static const double frac[] = { 0.28, 0.72 };
	const char *cells[2];
	cr_buf v;
	struct {
		cr_label_id label;
		const char *value;
		const cr_date *date;
	} rows[] = {
		{ CR_LABEL_CLIENT, r->client.s, NULL },
		{ CR_LABEL_PROJECT, r->project.s, NULL },
		{ CR_LABEL_TYPE, NULL, NULL },
		{ CR_LABEL_DATE, NULL, &r->date },
		{ CR_LABEL_LOCATION, r->location.s, NULL },
		{ CR_LABEL_AUTHOR, r->author.s, NULL },
		{ CR_LABEL_ISSUED, NULL, &r->issued },
		{ CR_LABEL_CONFIDENTIALITY, NULL, NULL },
		{ CR_LABEL_NEXT_CONTACT, NULL, &r->next_contact },
	};
	size_t i;

	cr_buf_init(&v);
	for (i = 0; i < CR_ARRAY_LEN(rows); i++) {
		v.len = 0;
		cr_buf_puts(&v, "");
		if (rows[i].date != NULL)
			date_text(rows[i].date, d->lang, &v);
		else if (rows[i].label == CR_LABEL_TYPE && r->type.s != NULL)
			cr_buf_puts(&v, cr_report_type(r) != CR_TYPE_INVALID
			                    ? cr_enum_label(CR_ENUM_TYPE,
			                                    cr_report_type(r),
			                                    d->lang)
			                    : r->type.s);
		else if (rows[i].label == CR_LABEL_CONFIDENTIALITY)
			cr_buf_puts(&v, cr_report_conf(r) != CR_CONF_INVALID
			                    ? cr_enum_label(CR_ENUM_CONF,
			                                    cr_report_conf(r),
			                                    d->lang)
			                    : r->confidentiality.s);
		else if (rows[i].value != NULL)
			cr_buf_puts(&v, rows[i].value);
		if (v.len == 0)
			continue;
		cells[0] = cr_label(rows[i].label, d->lang);
		cells[1] = v.data;
		row(d, cells, frac, 2, 0);
	}
	cr_buf_free(&v);
}

static int
overdue(const cr_action *a, const cr_write_opts *o)
{
	cr_status st = cr_action_status(a);

	return (st == CR_STATUS_OPEN || st == CR_STATUS_BLOCKED) &&
	       a->due.valid && o->now > cr_datetime_epoch(&a->due.dt, 1);
}

static void
actions(struct doc *d, const cr_report *r)
{
	static const double frac[] = { 0.14, 0.38, 0.18, 0.16, 0.14 };
	const char *cells[5];
	cr_buf due, st;
	struct block *b;
	char *what;
	size_t i;

	if (r->nactions == 0)
		return;
	heading(d, cr_section_label(CR_SEC_ACTIONS, d->lang));
	cells[0] = cr_column_label(CR_COL_ID, d->lang);
	cells[1] = cr_column_label(CR_COL_WHAT, d->lang);
	cells[2] = cr_column_label(CR_COL_WHO, d->lang);
	cells[3] = cr_column_label(CR_COL_DUE, d->lang);
	cells[4] = cr_column_label(CR_COL_STATUS, d->lang);
	row(d, cells, frac, 5, 1);
	cr_buf_init(&due);
	cr_buf_init(&st);
	for (i = 0; i < r->nactions; i++) {
		const cr_action *a = &r->actions[i];
		int late = overdue(a, d->o);
		cr_status s = cr_action_status(a);

		due.len = st.len = 0;
		cr_buf_puts(&due, "");
		date_text(&a->due, d->lang, &due);
		cr_buf_puts(&st, s == CR_STATUS_INVALID
		                     ? (a->status.s ? a->status.s : "")
		                     : cr_enum_label(CR_ENUM_STATUS, s, d->lang));
		if (late)
			cr_buf_printf(&st, " (%s)",
			              cr_label(CR_LABEL_OVERDUE, d->lang));
		what = plain(a->what.s);
		if (what != NULL && a->note.s != NULL) {
			cr_buf w;
			char *note = plain(a->note.s);
			cr_buf_init(&w);
			cr_buf_printf(&w, "%s\n%s: %s", what,
			              cr_column_label(CR_COL_NOTE, d->lang),
			              note ? note : "");
			free(what);
			free(note);
			what = cr_buf_detach(&w, NULL);
		}
		cells[0] = a->id.s ? a->id.s : "";
		cells[1] = what ? what : "";
		cells[2] = a->who.s ? a->who.s : "";
		cells[3] = due.data;
		cells[4] = st.data;
		if ((b = row(d, cells, frac, 5, 0)) != NULL)
			b->marked = late;
		free(what);
	}
	cr_buf_free(&due);
	cr_buf_free(&st);
}

/* Gives every block a page and a position; returns the page count. */
static int
paginate(struct doc *d)
{
	double top = MARGIN, bottom = PAGE_H - MARGIN - FOOTER, y = top;
	int page = 0;
	size_t i;

	for (i = 0; i < d->len; i++) {
		struct block *b = &d->blocks[i];
		double need = b->height + (y > top ? b->space : 0);

		/* a heading moves along when its first entry would not fit */
		if (b->keep_next && i + 1 < d->len)
			need += d->blocks[i + 1].space + d->blocks[i + 1].height;
		if (y + need > bottom && y > top) {
			page++;
			y = top;
		}
		if (y > top)
			y += b->space;
		b->page = page;
		b->y = y;
		y += b->height;
	}
	return page + 1;
}

static void
draw_block(struct doc *d, const struct block *b)
{
	size_t i;

	for (i = 0; i < b->ncells; i++) {
		double x = MARGIN + b->x[i], y = b->y;

		if (b->boxed) {
			if (b->shaded || b->marked) {
				if (b->marked)
					cairo_set_source_rgb(d->cr, 1.0, 0.9,
					                     0.88);
				else
					cairo_set_source_rgb(d->cr, 0.92, 0.93,
					                     0.95);
				cairo_rectangle(d->cr, x, y, b->w[i],
				                b->height);
				cairo_fill(d->cr);
			}
			cairo_set_source_rgb(d->cr, 0.6, 0.6, 0.6);
			cairo_set_line_width(d->cr, 0.5);
			cairo_rectangle(d->cr, x, y, b->w[i], b->height);
			cairo_stroke(d->cr);
			x += PAD;
			y += PAD;
		}
		cairo_set_source_rgb(d->cr, 0, 0, 0);
		cairo_move_to(d->cr, x, y);
		pango_cairo_show_layout(d->cr, b->cell[i]);
	}
}

static void
footer(struct doc *d, const cr_report *r, int page, int pages)
{
	PangoLayout *l;
	cr_buf b;
	cr_conf c = cr_report_conf(r);
	double w = PAGE_W - 2 * MARGIN, y = PAGE_H - MARGIN - FOOTER + 10;

	cr_buf_init(&b);
	cr_buf_printf(&b, "%s: %s",
	              cr_label(CR_LABEL_CONFIDENTIALITY, d->lang),
	              c == CR_CONF_INVALID
	                  ? r->confidentiality.s
	                  : cr_enum_label(CR_ENUM_CONF, c, d->lang));
	if (d->o->audience == CR_AUDIENCE_INTERNAL)
		cr_buf_printf(&b, " · %s",
		              cr_label(CR_LABEL_INTERNAL_COPY, d->lang));
	l = layout(d, b.data, S_SMALL, w / 2);
	cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
	cairo_move_to(d->cr, MARGIN, y);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);

	b.len = 0;
	{
		char a1[16], a2[16];

		snprintf(a1, sizeof(a1), "%d", page);
		snprintf(a2, sizeof(a2), "%d", pages);
		cr_label_format(&b, CR_LABEL_PAGE_OF, d->lang, a1, a2);
	}
	l = layout(d, b.data, S_SMALL, w / 2);
	pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	cairo_move_to(d->cr, MARGIN + w / 2, y);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
	cr_buf_free(&b);
}

static void
metadata(cairo_surface_t *s, const cr_report *r)
{
	char date[32], iso[40];

	if (r->title.s != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
		                               r->title.s);
	if (r->author.s != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR,
		                               r->author.s);
	if (r->client.s != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT,
		                               r->client.s);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
	                               "crtools " CR_VERSION);
	/* the creation date comes from the report: output is reproducible */
	if (r->date.valid) {
		cr_datetime dt = r->date.dt;
		dt.has_time = 1;
		cr_datetime_format(&dt, date);
		snprintf(iso, sizeof(iso), "%s", date);
	} else
		snprintf(iso, sizeof(iso), "2000-01-01T00:00:00Z");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, iso);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, iso);
}

int
cr_render_pdf(const cr_report *r, const cr_write_opts *o, cr_buf *out)
{
	struct doc d;
	cairo_surface_t *s;
	size_t i;
	int pages, page, rc = 0;

	memset(&d, 0, sizeof(d));
	d.o = o;
	d.lang = (unsigned)o->lang < CR_LANG__COUNT ? o->lang : cr_report_lang(r);
	if ((unsigned)d.lang >= CR_LANG__COUNT)
		d.lang = CR_LANG_EN;
	s = cairo_pdf_surface_create_for_stream(write_buf, out, PAGE_W, PAGE_H);
	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
	metadata(s, r);
	d.cr = cairo_create(s);

	para(&d, r->title.s != NULL ? r->title.s
	                            : cr_label(CR_LABEL_CONTACT_REPORT, d.lang),
	     S_TITLE, 0, 0);
	if (o->audience == CR_AUDIENCE_INTERNAL)
		para(&d, cr_label(CR_LABEL_INTERNAL_COPY, d.lang), S_SMALL, 4, 0);
	d.blocks[d.len - 1].keep_next = 0;
	header(&d, r);
	persons(&d, CR_SEC_ATTENDEES, &r->attendees);
	persons(&d, CR_SEC_ABSENT, &r->absent);
	persons(&d, CR_SEC_DISTRIBUTION, &r->distribution);
	texts(&d, CR_SEC_AGENDA, &r->agenda, 0);
	texts(&d, CR_SEC_DISCUSSION, &r->discussion, 0);
	texts(&d, CR_SEC_AGREEMENTS, &r->agreements, 1);
	actions(&d, r);
	if (o->audience == CR_AUDIENCE_INTERNAL)
		texts(&d, CR_SEC_INTERNAL, &r->internal, 0);

	pages = paginate(&d);
	for (page = 0; page < pages && !d.oom; page++) {
		for (i = 0; i < d.len; i++)
			if (d.blocks[i].page == page)
				draw_block(&d, &d.blocks[i]);
		footer(&d, r, page + 1, pages);
		cairo_show_page(d.cr);
	}
	for (i = 0; i < d.len; i++) {
		size_t c;
		for (c = 0; c < d.blocks[i].ncells; c++)
			g_object_unref(d.blocks[i].cell[c]);
	}
	free(d.blocks);
	cairo_destroy(d.cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS || d.oom ||
	    out->oom)
		rc = -1;
	cairo_surface_destroy(s);
	return rc;
}
