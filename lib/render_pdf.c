/*
 * render_pdf.c - the report as an A4 PDF: cairo draws, pango lays out and
 * shapes; fontconfig finds the fonts, falling back per character, so
 * Vietnamese diacritics, Chinese and Cyrillic all show. Content and order
 * follow the HTML rendering.
 *
 * Two passes: every paragraph line and table row is laid out first as a
 * block and given a page, so that no table row is split (a heading stays
 * with what follows it, a table's header row repeats on each page it
 * continues on) and the footer can say "page 2 of 3"; then the pages are
 * drawn. Paragraphs may break between lines; a table cell taller than a
 * page is cut with an ellipsis rather than split.
 *
 * The output is reproducible: a private font map (no process-wide pango
 * state), no hinting, and the PDF dates set from the report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cr_labels.h"
#include "internal.h"
#include "render_util.h"

#define PAGE_W 595.276 /* A4 in points */
#define PAGE_H 841.890
#define MARGIN 50.0
#define FOOTER 30.0 /* space kept above the bottom margin for the footer */
#define TEXT_W (PAGE_W - 2 * MARGIN)
#define TOP MARGIN
#define BOTTOM (PAGE_H - MARGIN - FOOTER)
#define PAD 3.5 /* inside a table cell */
#define MAX_CELL_H (BOTTOM - TOP - 60.0)
#define MAX_CELLS 5
#define FONTS "DejaVu Sans, WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"

enum style {
	S_TEXT,
	S_SMALL,
	S_ID,
	S_KIND,
	S_TITLE,
	S_HEADING,
	S_BOLD,
	S_MARK
};

enum kind {
	K_LINE, /* one line of a paragraph layout */
	K_ROW	/* a table row: never split */
};

enum fill { F_NONE, F_HEAD, F_LABEL, F_OVERDUE };

struct cell {
	PangoLayout *l; /* one reference per block */
	double x, w;
	enum fill fill;
};

struct block {
	enum kind kind;
	struct cell cell[MAX_CELLS];
	size_t ncells;
	int line;	 /* K_LINE: index of the layout line */
	double baseline; /* K_LINE: from the top of the block */
	double xoff;	 /* K_LINE: the line's start within the layout */
	double height;
	double space; /* above, unless first on its page */
	int keep;     /* stays on the page of the next block */
	long head;    /* K_ROW: the header row of its table, or -1 */
	int rehead;   /* opens a page: its header row is drawn above it */
	double rgb;   /* K_LINE: grey level of the text (0 black) */
	int red;      /* K_LINE: drawn in red (the internal-copy mark) */
	int page;
	double y;
};

struct doc {
	cairo_t *cr;
	PangoFontMap *fm;
	PangoContext *ctx;
	struct block *blocks;
	size_t len, cap;
	const cr_report *r;
	const cr_write_opts *o;
	cr_lang lang;
	int oom;
};

static cairo_status_t
write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	return cr_buf_put(closure, (const char *)data, len) == -1
		   ? CAIRO_STATUS_WRITE_ERROR
		   : CAIRO_STATUS_SUCCESS;
}

static const char *
pango_lang(cr_lang l)
{
	switch (l) {
	case CR_LANG_VI:
		return "vi";
	case CR_LANG_ZH:
		return "zh-cn";
	case CR_LANG_RU:
		return "ru";
	default:
		return "en";
	}
}

/* A layout of text (markup when `markup`) `width` points wide, cut with
 * an ellipsis at max_h points (0: no limit). */
static PangoLayout *
layout(struct doc *d, const char *text, int markup, enum style st, double width,
       double max_h)
{
	PangoLayout *l;
	PangoFontDescription *fd;
	double size = 9;

	if ((l = pango_layout_new(d->ctx)) == NULL)
		return NULL;
	fd = pango_font_description_from_string(FONTS);
	switch (st) {
	case S_TITLE:
		size = 18;
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
		break;
	case S_HEADING:
		size = 12;
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
		break;
	case S_BOLD:
	case S_MARK:
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
		break;
	case S_SMALL:
		size = 8;
		break;
	case S_ID:
		size = 8;
		pango_font_description_set_stretch(fd, PANGO_STRETCH_CONDENSED);
		break;
	case S_KIND:
		size = 9;
		break;
	default:
		break;
	}
	pango_font_description_set_size(fd, (int)(size * PANGO_SCALE));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (max_h > 0) {
		pango_layout_set_height(l, (int)(max_h * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	if (markup)
		pango_layout_set_markup(l, text, -1);
	else {
		/* A word broken at the end of a line gets no hyphen: an
		 * e-mail address or id must read (and copy) as written. */
		PangoAttrList *al = pango_attr_list_new();

		pango_attr_list_insert(al,
				       pango_attr_insert_hyphens_new(FALSE));
		pango_layout_set_text(l, text != NULL ? text : "", -1);
		pango_layout_set_attributes(l, al);
		pango_attr_list_unref(al);
	}
	return l;
}

static struct block *
block_new(struct doc *d, enum kind kind)
{
	struct block *b;

	if (d->oom || cr_grow(&d->blocks, &d->cap, d->len + 1,
			      sizeof(*d->blocks)) == -1) {
		d->oom = 1;
		return NULL;
	}
	b = &d->blocks[d->len++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->head = -1;
	return b;
}

/*
 * A paragraph across the text width from `indent`, one block per line so
 * that it may break between pages. `hang` indents the lines after the
 * first (a list item's text under its marker). The first line gets
 * `space` above it.
 */
static void
para(struct doc *d, const char *text, int markup, enum style st, double space,
     double indent, double hang)
{
	PangoLayout *l;
	PangoLayoutIter *it;
	struct block *b;
	PangoRectangle ext;
	int y0, y1, line = 0;

	if (d->oom)
		return;
	if ((l = layout(d, text, markup, st, TEXT_W - indent, 0)) == NULL) {
		d->oom = 1;
		return;
	}
	if (hang > 0) {
		/* "•<tab>text": the text starts at the tab, and so do the
		 * lines after the first */
		PangoTabArray *tabs = pango_tab_array_new_with_positions(
		    1, TRUE, PANGO_TAB_LEFT, (int)hang);

		pango_layout_set_tabs(l, tabs);
		pango_tab_array_free(tabs);
		pango_layout_set_indent(l, (int)(-hang * PANGO_SCALE));
	}
	it = pango_layout_get_iter(l);
	do {
		if ((b = block_new(d, K_LINE)) == NULL)
			break;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &ext);
		b->xoff = (double)ext.x / PANGO_SCALE;
		b->cell[0].l = g_object_ref(l);
		b->cell[0].x = indent;
		b->cell[0].w = TEXT_W - indent;
		b->ncells = 1;
		b->line = line++;
		b->height = (double)(y1 - y0) / PANGO_SCALE;
		b->baseline =
		    (double)(pango_layout_iter_get_baseline(it) - y0) /
		    PANGO_SCALE;
		b->space = line == 1 ? space : 0;
		b->rgb = st == S_KIND || st == S_SMALL ? 0.35 : 0;
		b->red = st == S_MARK;
		/* a heading (or a short title) keeps with what follows */
		b->keep = st == S_HEADING || st == S_TITLE || st == S_KIND;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
}

/* Text (inline CommonMark) as plain text for a layout; NULL on memory. */
static char *
plain(const char *md)
{
	cr_buf b;

	cr_buf_init(&b);
	if (cr_buf_puts(&b, "") == -1 || cr_md_to_plain(&b, md) == -1) {
		cr_buf_free(&b);
		return NULL;
	}
	return cr_buf_detach(&b, NULL);
}

/* A table row of n cells with relative widths `frac` (summing to 1);
 * `fill` per cell (NULL: none); style `first` for the first cell, `st`
 * for the others. Cells are cut at MAX_CELL_H so a row fits a page. */
static struct block *
row(struct doc *d, const char *const *cells, const double *frac, size_t n,
    const enum fill *fill, enum style first, enum style st)
{
	struct block *b;
	double x = 0, h;
	size_t i;

	if ((b = block_new(d, K_ROW)) == NULL)
		return NULL;
	for (i = 0; i < n && i < MAX_CELLS; i++) {
		b->cell[i].w = frac[i] * TEXT_W;
		b->cell[i].x = x;
		b->cell[i].fill = fill != NULL ? fill[i] : F_NONE;
		b->cell[i].l = layout(d, cells[i] != NULL ? cells[i] : "", 0,
				      i == 0 ? first : st,
				      b->cell[i].w - 2 * PAD, MAX_CELL_H);
		b->ncells = i + 1;
		if (b->cell[i].l == NULL) {
			d->oom = 1;
			return NULL;
		}
		{
			int lw, lh;
			pango_layout_get_size(b->cell[i].l, &lw, &lh);
			h = (double)lh / PANGO_SCALE + 2 * PAD;
		}
		if (h > b->height)
			b->height = h;
		x += b->cell[i].w;
	}
	return b;
}

/* A table's header row; the rows added after it (until the next table)
 * name it so that it repeats on a new page. */
static long
head_row(struct doc *d, const char *const *cells, const double *frac, size_t n)
{
	static const enum fill fill[MAX_CELLS] = {F_HEAD, F_HEAD, F_HEAD,
						  F_HEAD, F_HEAD};
	struct block *b = row(d, cells, frac, n, fill, S_BOLD, S_BOLD);

	if (b == NULL)
		return -1;
	b->keep = 1;
	return (long)d->len - 1;
}

static void
heading(struct doc *d, cr_section sec)
{
	para(d, cr_section_label(sec, d->lang), 0, S_HEADING, 14, 0, 0);
	/* a little air between a heading and its table or list */
	if (!d->oom && d->len > 0)
		d->blocks[d->len - 1].height += 3;
}

static void
texts(struct doc *d, cr_section sec, const cr_texts *t, int numbered)
{
	cr_buf b;
	size_t i;
	char *p;

	if (t->len == 0)
		return;
	heading(d, sec);
	cr_buf_init(&b);
	for (i = 0; i < t->len && !d->oom; i++) {
		b.len = 0;
		if ((p = plain(t->items[i].s)) == NULL) {
			d->oom = 1;
			break;
		}
		if (numbered)
			cr_buf_printf(&b, "%zu.\t%s", i + 1, p);
		else
			cr_buf_printf(&b, "•\t%s", p);
		free(p);
		if (b.oom) {
			d->oom = 1;
			break;
		}
		para(d, b.data, 0, S_TEXT, 4, 6, 16);
	}
	cr_buf_free(&b);
}

static void
persons(struct doc *d, cr_section sec, const cr_persons *ps)
{
	static const double frac[] = {0.24, 0.24, 0.24, 0.28};
	const char *cells[4];
	long head;
	size_t i;
	struct block *b;

	if (ps->len == 0)
		return;
	heading(d, sec);
	cells[0] = cr_label(CR_LABEL_NAME, d->lang);
	cells[1] = cr_label(CR_LABEL_ROLE, d->lang);
	cells[2] = cr_label(CR_LABEL_ORG, d->lang);
	cells[3] = cr_label(CR_LABEL_EMAIL, d->lang);
	head = head_row(d, cells, frac, 4);
	for (i = 0; i < ps->len && !d->oom; i++) {
		const cr_person *p = &ps->items[i];

		cells[0] = p->name.s;
		cells[1] = p->role.s;
		cells[2] = p->org.s;
		cells[3] = p->email.s;
		if ((b = row(d, cells, frac, 4, NULL, S_TEXT, S_TEXT)) != NULL)
			b->head = head;
	}
}

static void
date_cell(struct doc *d, const cr_date *dt, cr_buf *out)
{
	out->len = 0;
	cr_buf_puts(out, "");
	if (cr_date_text(out, dt, d->lang) == -1)
		d->oom = 1;
}

/* One label / value row of the header block; nothing when empty. */
static void
field(struct doc *d, cr_label_id id, const char *value)
{
	static const double frac[] = {0.27, 0.73};
	static const enum fill fill[] = {F_LABEL, F_NONE};
	const char *cells[2];

	if (!cr_str_given(value))
		return;
	cells[0] = cr_label(id, d->lang);
	cells[1] = value;
	row(d, cells, frac, 2, fill, S_TEXT, S_TEXT);
}

/* The title block and the header fields, as in the HTML header. */
static void
header(struct doc *d)
{
	const cr_report *r = d->r;
	cr_buf v;
	size_t i;

	para(d, cr_label(CR_LABEL_CONTACT_REPORT, d->lang), 0, S_KIND, 0, 0, 0);
	para(d,
	     cr_str_given(r->title.s)
		 ? r->title.s
		 : cr_label(CR_LABEL_CONTACT_REPORT, d->lang),
	     0, S_TITLE, 2, 0, 0);
	if (d->o->audience == CR_AUDIENCE_INTERNAL)
		para(d, cr_label(CR_LABEL_INTERNAL_COPY, d->lang), 0, S_MARK, 4,
		     0, 0);
	if (d->oom)
		return;
	d->blocks[d->len - 1].keep = 0;
	d->blocks[d->len - 1].height += 10;

	cr_buf_init(&v);
	field(d, CR_LABEL_CLIENT, r->client.s);
	field(d, CR_LABEL_PROJECT, r->project.s);
	if (cr_str_given(r->type.s))
		field(d, CR_LABEL_TYPE,
		      cr_enum_word(CR_ENUM_TYPE, cr_report_type(r), r->type.s,
				   d->lang));
	if (cr_str_given(r->outcome.s))
		field(d, CR_LABEL_OUTCOME,
		      cr_enum_word(CR_ENUM_OUTCOME, cr_report_outcome(r),
				   r->outcome.s, d->lang));
	date_cell(d, &r->date, &v);
	field(d, CR_LABEL_DATE, v.data);
	field(d, CR_LABEL_LOCATION, r->location.s);
	field(d, CR_LABEL_AUTHOR, r->author.s);
	date_cell(d, &r->issued, &v);
	field(d, CR_LABEL_ISSUED, v.data);
	field(d, CR_LABEL_CONFIDENTIALITY,
	      cr_enum_word(CR_ENUM_CONF, cr_report_conf(r),
			   r->confidentiality.s, d->lang));
	field(d, CR_LABEL_PREVIOUS, r->previous.s);
	v.len = 0;
	cr_buf_puts(&v, "");
	for (i = 0; i < r->tags.len; i++) {
		if (i > 0)
			cr_buf_puts(&v, ", ");
		cr_buf_puts(&v, r->tags.items[i].s);
	}
	field(d, CR_LABEL_TAGS, v.data);
	field(d, CR_LABEL_REPORT_ID, r->id.s);
	if (v.oom)
		d->oom = 1;
	cr_buf_free(&v);
}

static void
actions(struct doc *d)
{
	static const double frac[] = {0.19, 0.34, 0.16, 0.17, 0.14};
	static const enum fill late[] = {F_OVERDUE, F_OVERDUE, F_OVERDUE,
					 F_OVERDUE, F_OVERDUE};
	const cr_report *r = d->r;
	const char *cells[5];
	cr_buf due, st, what;
	struct block *b;
	long head;
	size_t i;

	if (r->actions.len == 0)
		return;
	heading(d, CR_SEC_ACTIONS);
	cells[0] = cr_column_label(CR_COL_ID, d->lang);
	cells[1] = cr_column_label(CR_COL_WHAT, d->lang);
	cells[2] = cr_column_label(CR_COL_WHO, d->lang);
	cells[3] = cr_column_label(CR_COL_DUE, d->lang);
	cells[4] = cr_column_label(CR_COL_STATUS, d->lang);
	head = head_row(d, cells, frac, 5);
	cr_buf_init(&due);
	cr_buf_init(&st);
	cr_buf_init(&what);
	for (i = 0; i < r->actions.len && !d->oom; i++) {
		const cr_action *a = &r->actions.items[i];
		int overdue = cr_action_overdue(a, d->o->now);

		date_cell(d, &a->due, &due);
		st.len = what.len = 0;
		cr_buf_puts(&st,
			    cr_enum_word(CR_ENUM_STATUS, cr_action_status(a),
					 a->status.s, d->lang));
		if (overdue)
			cr_buf_printf(&st, " (%s)",
				      cr_label(CR_LABEL_OVERDUE, d->lang));
		cr_buf_puts(&what, "");
		cr_md_to_plain(&what, a->what.s);
		/* the note goes under the task: five columns are enough on A4
		 */
		if (cr_str_given(a->note.s)) {
			cr_buf_printf(&what, "\n%s: ",
				      cr_column_label(CR_COL_NOTE, d->lang));
			cr_md_to_plain(&what, a->note.s);
		}
		if (st.oom || what.oom) {
			d->oom = 1;
			break;
		}
		cells[0] = a->id.s;
		cells[1] = what.data;
		cells[2] = a->who.s;
		cells[3] = due.data;
		cells[4] = st.data;
		/* ids are long and rarely read: smaller and condensed, so they
		 * fit */
		if ((b = row(d, cells, frac, 5, overdue ? late : NULL, S_ID,
			     S_TEXT)) != NULL)
			b->head = head;
	}
	cr_buf_free(&due);
	cr_buf_free(&st);
	cr_buf_free(&what);
}

static void
next_contact(struct doc *d)
{
	cr_buf v;
	char *m;

	if (!cr_str_given(d->r->next_contact.raw.s))
		return;
	cr_buf_init(&v);
	date_cell(d, &d->r->next_contact, &v);
	if (!v.oom && !d->oom) {
		m = g_markup_printf_escaped(
		    "<span insert_hyphens='false'><b>%s:</b> %s</span>",
		    cr_label(CR_LABEL_NEXT_CONTACT, d->lang), v.data);
		para(d, m, 1, S_TEXT, 14, 0, 0);
		g_free(m);
	} else
		d->oom = 1;
	cr_buf_free(&v);
}

/* Gives every block a page and a position; returns the page count. */
static int
paginate(struct doc *d)
{
	double y = TOP, need;
	int page = 0;
	size_t i, j;

	for (i = 0; i < d->len; i++) {
		struct block *b = &d->blocks[i];

		need = (y > TOP ? b->space : 0) + b->height;
		/* a heading or header row moves along with its first entry */
		for (j = i; d->blocks[j].keep && j + 1 < d->len; j++)
			need +=
			    d->blocks[j + 1].space + d->blocks[j + 1].height;
		if (y + need > BOTTOM && y > TOP) {
			page++;
			y = TOP;
			if (b->head >= 0) {
				b->rehead = 1;
				y += d->blocks[b->head].height;
			}
		}
		if (y > TOP)
			y += b->space;
		b->page = page;
		b->y = y;
		y += b->height;
	}
	return page + 1;
}

static void
draw_block(struct doc *d, const struct block *b, double y)
{
	cairo_t *cr = d->cr;
	size_t i;

	if (b->kind == K_LINE) {
		PangoLayoutLine *line =
		    pango_layout_get_line_readonly(b->cell[0].l, b->line);

		if (line == NULL)
			return;
		if (b->red)
			cairo_set_source_rgb(cr, 0.65, 0, 0);
		else
			cairo_set_source_rgb(cr, b->rgb, b->rgb, b->rgb);
		cairo_move_to(cr, MARGIN + b->cell[0].x + b->xoff,
			      y + b->baseline);
		pango_cairo_show_layout_line(cr, line);
		return;
	}
	for (i = 0; i < b->ncells; i++) {
		const struct cell *c = &b->cell[i];
		double x = MARGIN + c->x;

		switch (c->fill) {
		case F_HEAD:
			cairo_set_source_rgb(cr, 0.88, 0.90, 0.93);
			break;
		case F_LABEL:
			cairo_set_source_rgb(cr, 0.95, 0.95, 0.96);
			break;
		case F_OVERDUE:
			cairo_set_source_rgb(cr, 1.0, 0.88, 0.86);
			break;
		default:
			break;
		}
		if (c->fill != F_NONE) {
			cairo_rectangle(cr, x, y, c->w, b->height);
			cairo_fill(cr);
		}
		cairo_set_source_rgb(cr, 0.55, 0.55, 0.58);
		cairo_set_line_width(cr, 0.5);
		cairo_rectangle(cr, x, y, c->w, b->height);
		cairo_stroke(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_move_to(cr, x + PAD, y + PAD);
		pango_cairo_show_layout(cr, c->l);
	}
}

/* The confidentiality level on the left, "Page 2 of 3" on the right. */
static void
footer(struct doc *d, int page, int pages)
{
	const cr_report *r = d->r;
	double y = BOTTOM + 14;
	char a1[16], a2[16];
	PangoLayout *l;
	cr_buf b;

	cr_buf_init(&b);
	cr_buf_printf(&b, "%s: %s", cr_label(CR_LABEL_CONFIDENTIALITY, d->lang),
		      cr_enum_word(CR_ENUM_CONF, cr_report_conf(r),
				   r->confidentiality.s, d->lang));
	if (d->o->audience == CR_AUDIENCE_INTERNAL)
		cr_buf_printf(&b, " · %s",
			      cr_label(CR_LABEL_INTERNAL_COPY, d->lang));
	snprintf(a1, sizeof(a1), "%d", page);
	snprintf(a2, sizeof(a2), "%d", pages);
	cairo_set_source_rgb(d->cr, 0.55, 0.55, 0.58);
	cairo_set_line_width(d->cr, 0.5);
	cairo_move_to(d->cr, MARGIN, y - 6);
	cairo_line_to(d->cr, PAGE_W - MARGIN, y - 6);
	cairo_stroke(d->cr);
	cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
	if (!b.oom &&
	    (l = layout(d, b.data, 0, S_SMALL, TEXT_W * 0.7, 0)) != NULL) {
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(l, -2); /* two lines at most */
		cairo_move_to(d->cr, MARGIN, y);
		pango_cairo_show_layout(d->cr, l);
		g_object_unref(l);
	}
	b.len = 0;
	cr_label_format(&b, CR_LABEL_PAGE_OF, d->lang, a1, a2);
	if (!b.oom &&
	    (l = layout(d, b.data, 0, S_SMALL, TEXT_W * 0.3, 0)) != NULL) {
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
		cairo_move_to(d->cr, MARGIN + TEXT_W * 0.7, y);
		pango_cairo_show_layout(d->cr, l);
		g_object_unref(l);
	}
	if (b.oom)
		d->oom = 1;
	cr_buf_free(&b);
}

/* A metadata string without control characters (cairo writes them as
 * they are inside the PDF string). */
static void
set_meta(cairo_surface_t *s, cairo_pdf_metadata_t key, const char *value,
	 struct doc *d)
{
	char *v, *p;

	if (!cr_str_given(value))
		return;
	if ((v = cr_strdup(value)) == NULL) {
		d->oom = 1;
		return;
	}
	for (p = v; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	cairo_pdf_surface_set_metadata(s, key, v);
	free(v);
}

/*
 * Title, author, subject (the client), keywords (the tags), creator, and
 * the dates: from `issued`, else the contact's `date`, so that the same
 * report gives the same bytes (cairo would take the clock otherwise).
 */
static void
metadata(struct doc *d, cairo_surface_t *s)
{
	const cr_report *r = d->r;
	const cr_date *when = r->issued.valid ? &r->issued : &r->date;
	char iso[32] = "2000-01-01T00:00:00Z";
	cr_buf tags;
	size_t i;

	set_meta(s, CAIRO_PDF_METADATA_TITLE,
		 cr_str_given(r->title.s)
		     ? r->title.s
		     : cr_label(CR_LABEL_CONTACT_REPORT, d->lang),
		 d);
	set_meta(s, CAIRO_PDF_METADATA_AUTHOR, r->author.s, d);
	set_meta(s, CAIRO_PDF_METADATA_SUBJECT, r->client.s, d);
	cr_buf_init(&tags);
	cr_buf_puts(&tags, "");
	for (i = 0; i < r->tags.len; i++) {
		if (i > 0)
			cr_buf_puts(&tags, ", ");
		cr_buf_puts(&tags, r->tags.items[i].s);
	}
	set_meta(s, CAIRO_PDF_METADATA_KEYWORDS, tags.data, d);
	if (tags.oom)
		d->oom = 1;
	cr_buf_free(&tags);
	set_meta(s, CAIRO_PDF_METADATA_CREATOR, "crtools " CR_VERSION, d);
	if (when->valid) {
		cr_datetime dt = when->dt;

		dt.has_time = 1; /* a date alone: its midnight */
		cr_datetime_format(&dt, iso);
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, iso);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, iso);
}

/* A private font map at 72 dpi (one point is one unit of the PDF) and a
 * context without hinting, in the language of the labels (fontconfig
 * picks Chinese glyphs for zh). */
static int
fonts_open(struct doc *d)
{
	cairo_font_options_t *fo;

	if ((d->fm = pango_cairo_font_map_new()) == NULL)
		return -1;
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(d->fm), 72.0);
	if ((d->ctx = pango_font_map_create_context(d->fm)) == NULL)
		return -1;
	pango_context_set_language(
	    d->ctx, pango_language_from_string(pango_lang(d->lang)));
	if ((fo = cairo_font_options_create()) == NULL)
		return -1;
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(d->ctx, fo);
	cairo_font_options_destroy(fo);
	return 0;
}

int
cr_render_pdf(const cr_report *r, const cr_write_opts *o, cr_buf *out)
{
	struct doc d;
	cairo_surface_t *s;
	size_t i, c, start = out->len;
	int pages, page, rc = -1;

	if (cr_render_refusal(r, o) != NULL)
		return CR_REFUSED;
	memset(&d, 0, sizeof(d));
	d.r = r;
	d.o = o;
	d.lang = cr_render_lang(r, o);
	s = cairo_pdf_surface_create_for_stream(write_buf, out, PAGE_W, PAGE_H);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return -1;
	}
	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
	metadata(&d, s);
	d.cr = cairo_create(s);
	if (cairo_status(d.cr) != CAIRO_STATUS_SUCCESS || fonts_open(&d) == -1)
		d.oom = 1;

	if (!d.oom) {
		header(&d);
		persons(&d, CR_SEC_ATTENDEES, &r->attendees);
		persons(&d, CR_SEC_ABSENT, &r->absent);
		persons(&d, CR_SEC_DISTRIBUTION, &r->distribution);
		texts(&d, CR_SEC_AGENDA, &r->agenda, 1);
		texts(&d, CR_SEC_DISCUSSION, &r->discussion, 0);
		texts(&d, CR_SEC_AGREEMENTS, &r->agreements, 1);
		actions(&d);
		next_contact(&d);
		/* The client's copy never holds a word of the internal notes.
		 */
		if (o->audience == CR_AUDIENCE_INTERNAL)
			texts(&d, CR_SEC_INTERNAL, &r->internal, 0);
	}

	pages = paginate(&d);
	for (page = 0; page < pages && !d.oom; page++) {
		for (i = 0; i < d.len; i++) {
			const struct block *b = &d.blocks[i];

			if (b->page != page)
				continue;
			if (b->rehead)
				draw_block(&d, &d.blocks[b->head],
					   b->y - d.blocks[b->head].height);
			draw_block(&d, b, b->y);
		}
		footer(&d, page + 1, pages);
		cairo_show_page(d.cr);
	}
	for (i = 0; i < d.len; i++)
		for (c = 0; c < d.blocks[i].ncells; c++)
			if (d.blocks[i].cell[c].l != NULL)
				g_object_unref(d.blocks[i].cell[c].l);
	free(d.blocks);
	if (d.ctx != NULL)
		g_object_unref(d.ctx);
	if (d.fm != NULL)
		g_object_unref(d.fm);
	cairo_destroy(d.cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && !d.oom &&
	    !out->oom)
		rc = 0;
	cairo_surface_destroy(s);
	if (rc == -1 && out->data != NULL && out->len > start) {
		/* leave no half document behind */
		out->len = start;
		out->data[start] = '\0';
	}
	return rc;
}
