/*
 * render_pdf.c - the report as an A4 PDF: cairo draws, pango lays out and
 * shapes (Noto Sans, and Noto Sans CJK for Chinese, Japanese and Korean
 * characters, found through fontconfig), librsvg draws an SVG logo
 * (loaded when there is one: see struct rsvg).
 * Content and order follow the HTML rendering.
 *
 * The page: the agency's logo and name (house style), the title, the
 * facts of the contact in two columns, the participants one a line, the
 * sections, the actions table, the reply line; the footer carries the
 * one confidentiality statement and the page numbers. Text fields keep
 * their inline Markdown (bold, italic, code, strike-through) and links
 * are clickable (cairo link tags).
 *
 * Two passes: every paragraph line and table row is laid out first as a
 * block and given a page, so that no table row is split (a heading stays
 * with what follows it, a table's header row repeats on each page it
 * continues on) and the footer can say "page 2 of 3"; then the pages are
 * drawn. A table's columns are sized from their content, as a browser
 * sizes an automatic table: each gets at least its longest word, the room
 * left goes where the text is long. Ids, names, dates and status words
 * break only at spaces (never inside a Chinese name or a date); a long
 * token of a task may break where the language allows.
 *
 * The output is reproducible: a private font map (no process-wide pango
 * state), no hinting, and the PDF dates set from the report. cairo 1.16
 * cannot set the document's language: it is added to the catalogue by an
 * incremental update at the end of the file (PDF 1.7, 7.5.6).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "cr_labels.h"
#include "internal.h"
#include "pdf_fonts.h"
#include "render_util.h"

#define PAGE_W 595.276 /* A4 in points */
#define PAGE_H 841.890
#define MARGIN 42.0
#define FOOTER 26.0 /* space kept above the bottom margin for the footer */
#define TEXT_W (PAGE_W - 2 * MARGIN)
#define TOP 36.0
#define BOTTOM (PAGE_H - 30.0 - FOOTER)
#define PAD 3.0 /* inside a table cell */
#define MAX_CELL_H (BOTTOM - TOP - 60.0)
#define MAX_CELLS 6
#define LOGO_H 30.0
#define LOGO_MAX_W 140.0
#define FACT_GAP 18.0 /* between the two columns of facts */
#define FONTS "Noto Sans, Noto Sans CJK SC, sans-serif"
#define FONTS_CJK "Noto Sans CJK SC, Noto Sans, sans-serif"
#define FONT_MONO "Noto Sans Mono CJK SC, monospace"

enum style {
	S_TEXT,
	S_CELL,
	S_HEAD,
	S_SMALL,
	S_KIND,
	S_AGENCY,
	S_TITLE,
	S_HEADING,
	S_MARK,
	S_REPLY
};

enum kind {
	K_LINE,	 /* one line of a paragraph layout */
	K_ROW,	 /* a table row or the facts: never split */
	K_BRAND, /* logo, agency name, and the kind of document */
	K_RULE	 /* a thin line across the text */
};

enum fill { F_NONE, F_HEAD, F_OVERDUE };

struct cell {
	PangoLayout *l; /* one reference per block */
	const cr_spans *links;
	double x, w;
};

struct block {
	enum kind kind;
	struct cell cell[MAX_CELLS];
	size_t ncells;
	enum fill fill;	 /* K_ROW */
	int ruled;	 /* K_ROW: a line under it */
	int line;	 /* K_LINE: index of the layout line */
	double baseline; /* K_LINE: from the top of the block */
	double xoff;	 /* K_LINE: the line's start within the layout */
	double height;
	double space; /* above, unless first on its page */
	int keep;     /* stays on the page of the next block */
	long head;    /* K_ROW: the header row of its table, or -1 */
	int rehead;   /* opens a page: its header row is drawn above it */
	const char *outline; /* a heading: its text, for the outline */
	int page;
	double y;
};

/*
 * librsvg, loaded (dlopen) for an SVG logo only: with the libraries it
 * needs (libxml2, ICU, the C++ runtime, gdk-pixbuf, ...) it is a third of
 * what a program with pango and cairo loads, and loading is paid by every
 * run, most of which draw no SVG. Never unloaded (RTLD_NODELETE): it
 * registers GObject types, which outlive it.
 */
#define RSVG_SONAME "librsvg-2.so.2"

struct rsvg {
	void *lib;
	RsvgHandle *(*new_from_data)(const guint8 *, gsize, GError **);
	void (*set_dpi)(RsvgHandle *, double);
	gboolean (*size_in_pixels)(RsvgHandle *, gdouble *, gdouble *);
	void (*dimensions)(RsvgHandle *, gboolean *, RsvgLength *, gboolean *,
			   RsvgLength *, gboolean *, RsvgRectangle *);
	gboolean (*render_document)(RsvgHandle *, cairo_t *,
				    const RsvgRectangle *, GError **);
};

struct doc {
	cairo_t *cr;
	cairo_surface_t *surface;
	PangoFontMap *fm;
	PangoContext *ctx;
	const char *family;
	struct block *blocks;
	size_t len, cap;
	cr_spans **links; /* owned: the links of every layout */
	size_t nlinks, links_cap;
	const cr_report *r;
	const cr_write_opts *o;
	cr_lang lang;
	cairo_surface_t *logo_png;
	struct rsvg rsvg; /* loaded for logo_svg */
	RsvgHandle *logo_svg;
	double logo_w, logo_h;
	int oom;
};

/* A text with its styles: built up, then laid out. */
struct rich {
	cr_buf s;
	PangoAttrList *al;
	cr_spans *links; /* NULL until a link is added */
};

static cairo_status_t
write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	return cr_buf_put(closure, (const char *)data, len) == -1
		   ? CAIRO_STATUS_WRITE_ERROR
		   : CAIRO_STATUS_SUCCESS;
}

static const char *
pdf_lang(cr_lang l)
{
	switch (l) {
	case CR_LANG_VI:
		return "vi";
	case CR_LANG_ZH:
		return "zh-CN";
	case CR_LANG_RU:
		return "ru";
	default:
		return "en";
	}
}

/* -------------------------------------------------------- rich text */

static void
rich_init(struct rich *t)
{
	cr_buf_init(&t->s);
	cr_buf_puts(&t->s, "");
	t->al = pango_attr_list_new();
	t->links = NULL;
}

static void
rich_free(struct rich *t)
{
	cr_buf_free(&t->s);
	if (t->al != NULL)
		pango_attr_list_unref(t->al);
	if (t->links != NULL) {
		cr_spans_free(t->links);
		free(t->links);
	}
}

static void
attr(struct rich *t, PangoAttribute *a, size_t start, size_t end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(t->al, a);
}

static void
rich_grey(struct rich *t, size_t start, size_t end, double g)
{
	guint16 v = (guint16)(g * 65535);

	attr(t, pango_attr_foreground_new(v, v, v), start, end);
}

/* Appends plain text, bold when asked. */
static void
rich_put(struct rich *t, const char *s, int bold)
{
	size_t start = t->s.len;

	cr_buf_puts(&t->s, s != NULL ? s : "");
	if (bold && t->s.len > start)
		attr(t, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start,
		     t->s.len);
}

/* Appends a link whose text is s (an e-mail address, say). */
static int
rich_link(struct rich *t, const char *s, const char *url)
{
	size_t start = t->s.len;
	cr_span *sp;

	cr_buf_puts(&t->s, s);
	if (t->links == NULL &&
	    (t->links = calloc(1, sizeof(*t->links))) == NULL)
		return -1;
	if (cr_grow(&t->links->items, &t->links->cap, t->links->len + 1,
		    sizeof(*t->links->items)) == -1)
		return -1;
	sp = &t->links->items[t->links->len];
	if ((sp->url = cr_strdup(url)) == NULL)
		return -1;
	sp->kind = CR_SPAN_LINK;
	sp->start = start;
	sp->end = t->s.len;
	t->links->len++;
	attr(t, pango_attr_foreground_new(0x0645, 0x4545, 0xadad), start,
	     t->s.len);
	attr(t, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start,
	     t->s.len);
	return 0;
}

/* Appends a text field (inline CommonMark) with its styles and links. */
static int
rich_md(struct rich *t, const char *md)
{
	cr_spans sp = {0};
	size_t i;

	if (cr_md_to_spans(&t->s, md, &sp) == -1) {
		cr_spans_free(&sp);
		return -1;
	}
	for (i = 0; i < sp.len; i++) {
		cr_span *s = &sp.items[i];

		if (s->end == (size_t)-1 || s->end <= s->start)
			continue;
		switch (s->kind) {
		case CR_SPAN_EMPH:
			attr(t, pango_attr_style_new(PANGO_STYLE_ITALIC),
			     s->start, s->end);
			break;
		case CR_SPAN_STRONG:
			attr(t, pango_attr_weight_new(PANGO_WEIGHT_BOLD),
			     s->start, s->end);
			break;
		case CR_SPAN_CODE:
			attr(t, pango_attr_family_new(FONT_MONO), s->start,
			     s->end);
			attr(t, pango_attr_scale_new(0.92), s->start, s->end);
			attr(t,
			     pango_attr_background_new(0xeeee, 0xeeee, 0xeeee),
			     s->start, s->end);
			break;
		case CR_SPAN_STRIKE:
			attr(t, pango_attr_strikethrough_new(TRUE), s->start,
			     s->end);
			break;
		case CR_SPAN_LINK:
			attr(t,
			     pango_attr_foreground_new(0x0645, 0x4545, 0xadad),
			     s->start, s->end);
			attr(t,
			     pango_attr_underline_new(PANGO_UNDERLINE_SINGLE),
			     s->start, s->end);
			break;
		}
	}
	/* the links move into the text's own list */
	for (i = 0; i < sp.len && !t->s.oom; i++) {
		cr_span *s = &sp.items[i];

		if (s->kind != CR_SPAN_LINK || s->end == (size_t)-1)
			continue;
		if ((t->links == NULL &&
		     (t->links = calloc(1, sizeof(*t->links))) == NULL) ||
		    cr_grow(&t->links->items, &t->links->cap, t->links->len + 1,
			    sizeof(*t->links->items)) == -1) {
			t->s.oom = 1;
			break;
		}
		t->links->items[t->links->len++] = *s;
		s->url = NULL;
	}
	cr_spans_free(&sp);
	return t->s.oom ? -1 : 0;
}

/* Line breaks only at spaces from `from` on: a name, a date or a status
 * word stays whole (pango would break between Chinese characters). */
static void
rich_words(struct rich *t, size_t from)
{
	size_t i = from, j;

	while (i < t->s.len) {
		while (i < t->s.len &&
		       (t->s.data[i] == ' ' || t->s.data[i] == '\n'))
			i++;
		for (j = i; j < t->s.len && t->s.data[j] != ' ' &&
			    t->s.data[j] != '\n';
		     j++)
			;
		if (j > i)
			attr(t, pango_attr_allow_breaks_new(FALSE), i, j);
		i = j;
	}
}

/* ------------------------------------------------------------ layout */

/* A text longer than this many bytes is cut, with a visible mark: no one
 * reads a field of megabytes on paper, and shaping it costs pango
 * seconds and hundreds of megabytes (SPEC 4: bounded time and memory). */
#define PDF_TEXT_MAX 16384

/* The length to lay out: all of t, or its first PDF_TEXT_MAX bytes (at a
 * character boundary) followed by " […]". */
static size_t
cut_len(struct rich *t)
{
	static const char mark[] = " [\xe2\x80\xa6]";
	size_t n = PDF_TEXT_MAX;

	if (t->s.len <= PDF_TEXT_MAX + sizeof(mark))
		return t->s.len;
	while (n > 0 && ((unsigned char)t->s.data[n] & 0xc0) == 0x80)
		n--;
	memcpy(t->s.data + n, mark, sizeof(mark)); /* with its NUL */
	t->s.len = n + sizeof(mark) - 1;
	return t->s.len;
}

/* A layout of the text `width` points wide (-1: unlimited), cut with an
 * ellipsis at max_h points (0: no limit). */
static PangoLayout *
layout(struct doc *d, struct rich *t, enum style st, double width, double max_h)
{
	PangoLayout *l;
	PangoFontDescription *fd;
	double size = 9;

	if (t->s.oom || (l = pango_layout_new(d->ctx)) == NULL)
		return NULL;
	fd = pango_font_description_from_string(d->family);
	switch (st) {
	case S_TITLE:
		size = 16;
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
		break;
	case S_HEADING:
		size = 10.5;
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
		break;
	case S_AGENCY:
		size = 12;
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
		break;
	case S_MARK:
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
		break;
	case S_HEAD:
		size = 8.5;
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
		break;
	case S_CELL:
		size = 8.5;
		break;
	case S_SMALL:
	case S_KIND:
		size = 7.5;
		break;
	case S_REPLY:
		/* Chinese type has no italic: a slanted one reads badly */
		if (d->lang != CR_LANG_ZH)
			pango_font_description_set_style(fd,
							 PANGO_STYLE_ITALIC);
		break;
	default:
		break;
	}
	pango_font_description_set_size(fd, (int)(size * PANGO_SCALE));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, width < 0 ? -1 : (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (max_h > 0) {
		pango_layout_set_height(l, (int)(max_h * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	/* A word broken at the end of a line gets no hyphen: an e-mail
	 * address or id must read (and copy) as written. */
	pango_attr_list_insert_before(t->al,
				      pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_text(l, t->s.data, (int)cut_len(t));
	pango_layout_set_attributes(l, t->al);
	return l;
}

/* The text's links, kept by the document for drawing. */
static const cr_spans *
keep_links(struct doc *d, struct rich *t)
{
	const cr_spans *sp = t->links;

	if (sp == NULL)
		return NULL;
	if (cr_grow(&d->links, &d->links_cap, d->nlinks + 1,
		    sizeof(*d->links)) == -1) {
		d->oom = 1;
		return NULL;
	}
	d->links[d->nlinks++] = t->links;
	t->links = NULL;
	return sp;
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
 * `space` above it. Frees the text.
 */
static void
para(struct doc *d, struct rich *t, enum style st, double space, double indent,
     double hang)
{
	PangoLayout *l;
	PangoLayoutIter *it;
	struct block *b;
	PangoRectangle ext;
	const cr_spans *links;
	int y0, y1, line = 0;

	if (d->oom || (l = layout(d, t, st, TEXT_W - indent, 0)) == NULL) {
		d->oom = 1;
		rich_free(t);
		return;
	}
	links = keep_links(d, t);
	rich_free(t);
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
		b->cell[0].links = links;
		b->cell[0].x = indent;
		b->cell[0].w = TEXT_W - indent;
		b->ncells = 1;
		b->line = line++;
		b->height = (double)(y1 - y0) / PANGO_SCALE;
		b->baseline =
		    (double)(pango_layout_iter_get_baseline(it) - y0) /
		    PANGO_SCALE;
		b->space = line == 1 ? space : 0;
		/* a heading (or a short title) keeps with what follows */
		b->keep = st == S_HEADING || st == S_TITLE;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
}

/* A paragraph of plain text. */
static void
para_text(struct doc *d, const char *s, enum style st, double space)
{
	struct rich t;

	rich_init(&t);
	rich_put(&t, s, 0);
	para(d, &t, st, space, 0, 0);
}

static void
heading(struct doc *d, const char *label)
{
	para_text(d, label, S_HEADING, 9);
	if (!d->oom && d->len > 0) {
		/* a little air between a heading and its table or list */
		d->blocks[d->len - 1].height += 2;
		d->blocks[d->len - 1].outline = label;
	}
}

/* Width of the widest line of a layout, in points. */
static double
widest(PangoLayout *l)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle ext;
	int w = 0;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &ext);
		if (ext.width > w)
			w = ext.width;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return (double)w / PANGO_SCALE;
}

/* The narrowest (longest unbreakable run) and natural widths of a cell's
 * text, padding included; min NULL: only the natural one (the narrowest
 * lays the text out again, a line a word). With `keep`, the layout at
 * its natural width is kept there (see row). */
static void
measure(struct doc *d, struct rich *t, enum style st, double *min, double *max,
	PangoLayout **keep)
{
	PangoLayout *l = layout(d, t, st, -1, 0), *m;

	if (keep != NULL)
		*keep = NULL;
	if (l == NULL) {
		d->oom = 1;
		return;
	}
	*max = widest(l) + 2 * PAD;
	if (min == NULL) {
		g_object_unref(l);
		return;
	}
	if (keep == NULL)
		m = g_object_ref(l);
	else if ((m = pango_layout_copy(l)) == NULL) {
		g_object_unref(l);
		d->oom = 1;
		return;
	}
	pango_layout_set_wrap(m, PANGO_WRAP_WORD);
	pango_layout_set_width(m, 1);
	*min = widest(m) + 2 * PAD;
	g_object_unref(m);
	if (keep != NULL)
		*keep = l;
	else
		g_object_unref(l);
}

/*
 * Column widths for a table of n columns from the cells' narrowest and
 * natural widths (rows x n): each column at least its narrowest; what is
 * left of the text width goes to the columns in proportion to how much
 * more their text would take, and when every column has its natural
 * width, the rest to the columns marked `grow`.
 */
static void
columns(const double *mins, const double *maxs, size_t rows, size_t n,
	const int *grow, double *w)
{
	double lo[MAX_CELLS] = {0}, hi[MAX_CELLS] = {0}, want[MAX_CELLS];
	double slo = 0, shi = 0, g = 0, swant = 0;
	size_t i, c;

	for (i = 0; i < rows; i++)
		for (c = 0; c < n; c++) {
			if (mins[i * n + c] > lo[c])
				lo[c] = mins[i * n + c];
			if (maxs[i * n + c] > hi[c])
				hi[c] = maxs[i * n + c];
		}
	for (c = 0; c < n; c++) {
		if (hi[c] < lo[c])
			hi[c] = lo[c];
		slo += lo[c];
		shi += hi[c];
		g += grow[c] ? hi[c] : 0;
		/* what it would take beyond its narrowest; a task or note
		 * counts double, so that the short columns wrap first */
		want[c] = (hi[c] - lo[c]) * (grow[c] ? 2 : 1);
		swant += want[c];
	}
	for (c = 0; c < n; c++) {
		if (shi <= TEXT_W)
			w[c] =
			    hi[c] +
			    (g > 0 && grow[c] ? (TEXT_W - shi) * hi[c] / g : 0);
		else if (slo <= TEXT_W)
			w[c] = lo[c] + want[c] * (TEXT_W - slo) / swant;
		else /* too many long words: they must break */
			w[c] = lo[c] * TEXT_W / slo;
	}
}

/*
 * Whether a cell's layout at its natural width (measure) is the one row
 * would make at width w: one line, no wider than w, lays out the same
 * (nothing to wrap, nothing to cut), and its text need not be shaped a
 * third time.
 */
static int
fits(PangoLayout *l, double w)
{
	int lw, lh;

	if (l == NULL || pango_layout_get_line_count(l) != 1)
		return 0;
	pango_layout_get_size(l, &lw, &lh);
	return lw <= (int)(w * PANGO_SCALE) && lh <= MAX_CELL_H * PANGO_SCALE;
}

/* Cell i of row b, at x and w wide: its text t laid out lw wide (cut at
 * MAX_CELL_H), or the layout `made` already when not NULL; its links.
 * 0, or -1 on memory (d->oom set). */
static int
cell_put(struct doc *d, struct block *b, size_t i, double x, double w,
	 struct rich *t, enum style st, double lw, PangoLayout *made)
{
	b->cell[i].w = w;
	b->cell[i].x = x;
	b->cell[i].l = made != NULL ? g_object_ref(made)
				    : layout(d, t, st, lw, MAX_CELL_H);
	b->cell[i].links = keep_links(d, t);
	b->ncells = i + 1;
	if (b->cell[i].l == NULL) {
		d->oom = 1;
		return -1;
	}
	return 0;
}

/* A table row of n cells of the given widths; the texts are freed. Cells
 * are cut at MAX_CELL_H so a row fits a page. `natural`, when not NULL,
 * holds the cells' layouts at their natural widths (measure), taken where
 * they fit. */
static struct block *
row(struct doc *d, struct rich *cells, const double *w, size_t n,
    const enum style *st, double pad, PangoLayout *const *natural)
{
	struct block *b;
	double x = 0, h;
	size_t i;
	int lw, lh;

	if ((b = block_new(d, K_ROW)) == NULL) {
		for (i = 0; i < n; i++)
			rich_free(&cells[i]);
		return NULL;
	}
	for (i = 0; i < n && i < MAX_CELLS; i++) {
		if (cell_put(d, b, i, x, w[i], &cells[i], st[i], w[i] - 2 * pad,
			     natural != NULL && fits(natural[i], w[i] - 2 * pad)
				 ? natural[i]
				 : NULL) == -1)
			break;
		pango_layout_get_size(b->cell[i].l, &lw, &lh);
		h = (double)lh / PANGO_SCALE + 2 * pad;
		if (h > b->height)
			b->height = h;
		x += w[i];
	}
	for (i = 0; i < n; i++)
		rich_free(&cells[i]);
	return b;
}

/* ------------------------------------------------------------ header */

static void
date_text(struct doc *d, const cr_date *dt, cr_buf *out)
{
	out->len = 0;
	cr_buf_puts(out, "");
	if (cr_date_text(out, dt, d->lang) == -1)
		d->oom = 1;
}

/* The logo of the house style, read once: a PNG as an image, an SVG
 * through librsvg (drawn as vectors). No logo when it cannot be read:
 * the caller checked its type (cr_logo_type). */
struct png_read {
	const unsigned char *p;
	size_t left;
};

static cairo_status_t
png_read(void *closure, unsigned char *data, unsigned int len)
{
	struct png_read *r = closure;

	if (len > r->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->p, len);
	r->p += len;
	r->left -= len;
	return CAIRO_STATUS_SUCCESS;
}

/* Loads librsvg into d->rsvg; -1 when it is not installed. */
static int
rsvg_load(struct rsvg *rs)
{
	void *lib = dlopen(RSVG_SONAME, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);

	if (lib == NULL)
		return -1;
	/* POSIX: a function's address from dlsym converts to its type */
	rs->new_from_data = (RsvgHandle * (*)(const guint8 *, gsize, GError **))
	    dlsym(lib, "rsvg_handle_new_from_data");
	rs->set_dpi =
	    (void (*)(RsvgHandle *, double))dlsym(lib, "rsvg_handle_set_dpi");
	rs->size_in_pixels =
	    (gboolean(*)(RsvgHandle *, gdouble *, gdouble *))dlsym(
		lib, "rsvg_handle_get_intrinsic_size_in_pixels");
	rs->dimensions = (void (*)(
	    RsvgHandle *, gboolean *, RsvgLength *, gboolean *, RsvgLength *,
	    gboolean *,
	    RsvgRectangle *))dlsym(lib, "rsvg_handle_get_intrinsic_dimensions");
	rs->render_document =
	    (gboolean(*)(RsvgHandle *, cairo_t *, const RsvgRectangle *,
			 GError **))dlsym(lib, "rsvg_handle_render_document");
	rs->lib = lib;
	if (rs->new_from_data == NULL || rs->set_dpi == NULL ||
	    rs->size_in_pixels == NULL || rs->dimensions == NULL ||
	    rs->render_document == NULL)
		return -1; /* older than 2.52 */
	return 0;
}

static void
logo_open(struct doc *d)
{
	const char *type = cr_logo_type(d->o->logo, d->o->logo_len);
	double w = 0, h = 0;

	if (type == NULL)
		return;
	if (strcmp(type, "image/png") == 0) {
		struct png_read rd = {d->o->logo, d->o->logo_len};
		cairo_surface_t *s =
		    cairo_image_surface_create_from_png_stream(png_read, &rd);

		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(s);
			return;
		}
		d->logo_png = s;
		w = cairo_image_surface_get_width(s);
		h = cairo_image_surface_get_height(s);
	} else {
		struct rsvg *rs = &d->rsvg;
		RsvgHandle *hd;
		gboolean hw, hh, hv;
		RsvgLength lw, lh;
		RsvgRectangle vb;

		if (rsvg_load(rs) == -1) {
			d->oom = 1; /* no librsvg: the PDF cannot be made */
			return;
		}
		if ((hd = rs->new_from_data(d->o->logo, d->o->logo_len,
					    NULL)) == NULL)
			return;
		rs->set_dpi(hd, 72.0);
		if (!rs->size_in_pixels(hd, &w, &h)) {
			rs->dimensions(hd, &hw, &lw, &hh, &lh, &hv, &vb);
			if (hv) {
				w = vb.width;
				h = vb.height;
			}
		}
		d->logo_svg = hd;
	}
	if (w <= 0 || h <= 0) {
		w = h = 1;
	}
	d->logo_h = LOGO_H;
	d->logo_w = w * LOGO_H / h;
	if (d->logo_w > LOGO_MAX_W) {
		d->logo_w = LOGO_MAX_W;
		d->logo_h = h * LOGO_MAX_W / w;
	}
}

/* The kind of document: a contact report, or its agenda. */
static const char *
kind(const struct doc *d)
{
	return cr_label(d->o->agenda ? CR_LABEL_AGENDA_KIND
				     : CR_LABEL_CONTACT_REPORT,
			d->lang);
}

/* The logo and agency name on the left, the kind of document on the
 * right; only the kind when there is no house style. */
static void
brand(struct doc *d)
{
	struct block *b;
	struct rich t;
	double kh, ah = 0, x = 0;
	int lw, lh;

	if (d->o->agency == NULL && d->logo_png == NULL &&
	    d->logo_svg == NULL) {
		para_text(d, kind(d), S_KIND, 0);
		if (!d->oom)
			d->blocks[d->len - 1].keep = 1;
		return;
	}
	if ((b = block_new(d, K_BRAND)) == NULL)
		return;
	if (d->logo_w > 0)
		x = d->logo_w + 8;
	rich_init(&t);
	rich_put(&t, d->o->agency, 0);
	b->cell[0].l = layout(d, &t, S_AGENCY, TEXT_W * 0.65 - x, 0);
	rich_free(&t);
	rich_init(&t);
	rich_put(&t, kind(d), 0);
	rich_grey(&t, 0, t.s.len, 0.35);
	b->cell[1].l = layout(d, &t, S_KIND, TEXT_W * 0.35, 0);
	rich_free(&t);
	b->ncells = 2;
	if (b->cell[0].l == NULL || b->cell[1].l == NULL) {
		d->oom = 1;
		return;
	}
	pango_layout_set_alignment(b->cell[1].l, PANGO_ALIGN_RIGHT);
	b->cell[0].x = x;
	b->cell[1].x = TEXT_W * 0.65;
	pango_layout_get_size(b->cell[0].l, &lw, &lh);
	ah = (double)lh / PANGO_SCALE;
	pango_layout_get_size(b->cell[1].l, &lw, &lh);
	kh = (double)lh / PANGO_SCALE;
	b->height = d->logo_h > ah ? d->logo_h : ah;
	if (kh > b->height)
		b->height = kh;
	b->height += 6;
	b->keep = 1;
}

/* One fact: "Label<tab>value" as a paragraph of a column. */
static void
fact(struct rich *t, cr_label_id id, const char *value, cr_lang l)
{
	size_t start;

	if (!cr_str_given(value))
		return;
	if (t->s.len > 0)
		cr_buf_putc(&t->s, '\n');
	start = t->s.len;
	rich_put(t, cr_label(id, l), 0);
	rich_grey(t, start, t->s.len, 0.38);
	cr_buf_putc(&t->s, '\t');
	rich_put(t, value, 0);
}

/* The widest label of a column of facts, in points: one line a label, in
 * one layout (a line is laid out as the label alone would be). */
static double
label_width(struct doc *d, const cr_label_id *ids, size_t n)
{
	double x = 0;
	struct rich t;
	size_t i;

	rich_init(&t);
	for (i = 0; i < n; i++) {
		if (i > 0)
			cr_buf_putc(&t.s, '\n');
		rich_put(&t, cr_label(ids[i], d->lang), 0);
	}
	measure(d, &t, S_CELL, NULL, &x, NULL);
	rich_free(&t);
	return x > 2 * PAD ? x - 2 * PAD : 0;
}

/* The facts of the contact in two columns, labels lined up. */
static void
facts(struct doc *d)
{
	const int agenda = d->o->agenda;
	const cr_label_id when = agenda ? CR_LABEL_WHEN : CR_LABEL_DATE;
	const cr_label_id where = agenda ? CR_LABEL_WHERE : CR_LABEL_LOCATION;
	const cr_label_id left_ids[] = {CR_LABEL_CLIENT,
					CR_LABEL_PROJECT,
					CR_LABEL_TYPE,
					CR_LABEL_OUTCOME,
					CR_LABEL_STAGE,
					when,
					where};
	const cr_label_id right_ids[] = {
	    CR_LABEL_AUTHOR,   CR_LABEL_ISSUED, CR_LABEL_NEXT_CONTACT,
	    CR_LABEL_PREVIOUS, CR_LABEL_TAGS,	CR_LABEL_REPORT_ID};
	const cr_report *r = d->r;
	struct rich col[2];
	double w[2], tab[2];
	cr_buf v;
	size_t i, c;
	struct block *b;

	rich_init(&col[0]);
	rich_init(&col[1]);
	col[0].s.len = col[1].s.len = 0;
	cr_buf_init(&v);
	fact(&col[0], CR_LABEL_CLIENT, r->client.s, d->lang);
	fact(&col[0], CR_LABEL_PROJECT, r->project.s, d->lang);
	if (cr_str_given(r->type.s))
		fact(&col[0], CR_LABEL_TYPE,
		     cr_enum_word(CR_ENUM_TYPE, cr_report_type(r), r->type.s,
				  d->lang),
		     d->lang);
	if (cr_str_given(r->outcome.s) && !agenda)
		fact(&col[0], CR_LABEL_OUTCOME,
		     cr_enum_word(CR_ENUM_OUTCOME, cr_report_outcome(r),
				  r->outcome.s, d->lang),
		     d->lang);
	if (cr_str_given(r->stage.s))
		fact(&col[0], CR_LABEL_STAGE,
		     cr_stage_word(r->stage.s, d->lang), d->lang);
	date_text(d, &r->date, &v);
	fact(&col[0], when, v.data, d->lang);
	fact(&col[0], where, r->location.s, d->lang);
	fact(&col[1], CR_LABEL_AUTHOR, r->author.s, d->lang);
	if (!agenda) {
		date_text(d, &r->issued, &v);
		fact(&col[1], CR_LABEL_ISSUED, v.data, d->lang);
		date_text(d, &r->next_contact, &v);
		fact(&col[1], CR_LABEL_NEXT_CONTACT, v.data, d->lang);
	}
	fact(&col[1], CR_LABEL_PREVIOUS, r->previous.s, d->lang);
	v.len = 0;
	cr_buf_puts(&v, "");
	for (i = 0; i < r->tags.len && !agenda; i++) {
		if (i > 0)
			cr_buf_puts(&v, ", ");
		cr_buf_puts(&v, r->tags.items[i].s);
	}
	fact(&col[1], CR_LABEL_TAGS, v.data, d->lang);
	if (!agenda)
		fact(&col[1], CR_LABEL_REPORT_ID, r->id.s, d->lang);
	if (v.oom)
		d->oom = 1;
	cr_buf_free(&v);
	/* the columns share the width as their text needs it */
	{
		double nat[2] = {0, 0};

		for (c = 0; c < 2; c++) {
			measure(d, &col[c], S_CELL, NULL, &nat[c], NULL);
			if (nat[c] < 1)
				nat[c] = 1;
		}
		w[0] = (TEXT_W - FACT_GAP) * nat[0] / (nat[0] + nat[1]);
		if (w[0] < TEXT_W * 0.38)
			w[0] = TEXT_W * 0.38;
		if (w[0] > TEXT_W * 0.6)
			w[0] = TEXT_W * 0.6;
		w[0] += FACT_GAP;
		w[1] = TEXT_W - w[0];
	}
	tab[0] = label_width(d, left_ids, CR_ARRAY_LEN(left_ids)) + 10;
	tab[1] = label_width(d, right_ids, CR_ARRAY_LEN(right_ids)) + 10;
	/* a row of two cells, each laid out once, with its tab and
	 * hanging indent, the gap kept right of the first */
	if ((b = block_new(d, K_ROW)) == NULL) {
		rich_free(&col[0]);
		rich_free(&col[1]);
		return;
	}
	for (c = 0; c < 2 && !d->oom; c++) {
		PangoTabArray *tabs;

		if (cell_put(d, b, c, c == 0 ? 0 : w[0], w[c], &col[c], S_CELL,
			     w[c] - (c == 0 ? FACT_GAP : 0), NULL) == -1)
			break;
		tabs = pango_tab_array_new_with_positions(
		    1, FALSE, PANGO_TAB_LEFT, (int)(tab[c] * PANGO_SCALE));
		pango_layout_set_tabs(b->cell[c].l, tabs);
		pango_tab_array_free(tabs);
		pango_layout_set_indent(b->cell[c].l,
					(int)(-tab[c] * PANGO_SCALE));
	}
	rich_free(&col[0]);
	rich_free(&col[1]);
	if (d->oom)
		return;
	{
		int lw, lh0, lh1;

		pango_layout_get_size(b->cell[0].l, &lw, &lh0);
		pango_layout_get_size(b->cell[1].l, &lw, &lh1);
		b->height = (double)(lh0 > lh1 ? lh0 : lh1) / PANGO_SCALE;
	}
	b->space = 6;
}

static void
header(struct doc *d)
{
	const cr_report *r = d->r;
	struct rich t;
	struct block *b;

	brand(d);
	para_text(d, cr_str_given(r->title.s) ? r->title.s : kind(d), S_TITLE,
		  2);
	if (d->o->audience == CR_AUDIENCE_INTERNAL) {
		rich_init(&t);
		if (cr_conf_statement(&t.s, r, d->o, d->lang) == -1)
			d->oom = 1;
		rich_grey(&t, 0, t.s.len, 0);
		attr(&t, pango_attr_foreground_new(0xa4a4, 0, 0), 0, t.s.len);
		para(d, &t, S_MARK, 3, 0, 0);
	}
	if (d->oom)
		return;
	d->blocks[d->len - 1].keep = 0;
	facts(d);
	if ((b = block_new(d, K_RULE)) != NULL) {
		b->height = 4;
		b->space = 4;
	}
}

/* --------------------------------------------------------- sections */

/* The participants of a section, one a line: name, (role, org), e-mail
 * as a mailto: link. */
static void
persons(struct doc *d, const char *label, const cr_persons *ps)
{
	struct rich t;
	cr_buf url;
	size_t i, start;

	if (ps->len == 0)
		return;
	heading(d, label);
	cr_buf_init(&url);
	for (i = 0; i < ps->len && !d->oom; i++) {
		const cr_person *p = &ps->items[i];

		rich_init(&t);
		rich_put(&t, p->name.s, 1);
		if (cr_str_given(p->role.s) || cr_str_given(p->org.s)) {
			start = t.s.len;
			cr_buf_puts(&t.s, " (");
			if (cr_str_given(p->role.s))
				cr_buf_puts(&t.s, p->role.s);
			if (cr_str_given(p->role.s) && cr_str_given(p->org.s))
				cr_buf_puts(&t.s, ", ");
			if (cr_str_given(p->org.s))
				cr_buf_puts(&t.s, p->org.s);
			cr_buf_puts(&t.s, ")");
			rich_grey(&t, start, t.s.len, 0.3);
		}
		if (cr_str_given(p->email.s)) {
			cr_buf_puts(&t.s, "  ");
			start = t.s.len;
			url.len = 0;
			cr_buf_printf(&url, "mailto:%s", p->email.s);
			if (url.oom ||
			    rich_link(&t, p->email.s, url.data) == -1)
				d->oom = 1;
			rich_words(&t, start);
		}
		para(d, &t, S_TEXT, i == 0 ? 0 : 1, 6, 16);
	}
	cr_buf_free(&url);
}

static void
texts(struct doc *d, const char *label, const cr_texts *tx, int numbered)
{
	struct rich t;
	size_t i;

	if (tx->len == 0)
		return;
	heading(d, label);
	for (i = 0; i < tx->len && !d->oom; i++) {
		rich_init(&t);
		if (numbered)
			cr_buf_printf(&t.s, "%zu.\t", i + 1);
		else
			cr_buf_puts(&t.s, "•\t");
		if (rich_md(&t, tx->items[i].s) == -1)
			d->oom = 1;
		para(d, &t, S_TEXT, i == 0 ? 0 : 2.5, 6, 16);
	}
}

/* A date whose words never part ("13 ноября 2026 г." on one line, and
 * "2026年11月27日" too); the time may go to the next line. */
static void
date_nobreak(struct doc *d, const cr_date *dt, struct rich *t)
{
	cr_buf v;
	size_t i, start = t->s.len;

	cr_buf_init(&v);
	date_text(d, dt, &v);
	for (i = 0; i < v.len && !v.oom; i++)
		if (v.data[i] == ' ' && (i == 0 || v.data[i - 1] != ',') &&
		    d->lang != CR_LANG_ZH)
			cr_buf_puts(&t->s, "\xc2\xa0");
		else
			cr_buf_putc(&t->s, v.data[i]);
	if (v.oom)
		d->oom = 1;
	cr_buf_free(&v);
	rich_words(t, start);
}

/* The spaces of b from `from` on made no-break spaces. */
static void
nbsp(cr_buf *b, size_t from)
{
	cr_buf tail;
	size_t i;

	cr_buf_init(&tail);
	cr_buf_put(&tail, b->data + from, b->len - from);
	b->len = from;
	for (i = 0; i < tail.len; i++)
		if (tail.data[i] == ' ')
			cr_buf_puts(b, "\xc2\xa0");
		else
			cr_buf_putc(b, tail.data[i]);
	if (tail.oom)
		b->oom = 1;
	cr_buf_free(&tail);
}

/* The cells of one action (the column order of `cols`). */
static void
action_cells(struct doc *d, const cr_action *a, const cr_column *cols, size_t n,
	     struct rich *cell)
{
	cr_status st = cr_action_status(a);
	long long late = cr_action_days_overdue(d->r, a, d->o->now);
	double grey =
	    st == CR_STATUS_DONE || st == CR_STATUS_DROPPED ? 0.45 : 0;
	size_t c, start;

	for (c = 0; c < n; c++) {
		struct rich *t = &cell[c];

		rich_init(t);
		switch (cols[c]) {
		case CR_COL_ID:
			/* a long id may break after a hyphen, as the
			 * language allows */
			rich_put(t, a->id.s, 0);
			rich_grey(t, 0, t->s.len, grey > 0 ? grey : 0.3);
			break;
		case CR_COL_WHAT:
			if (rich_md(t, a->what.s) == -1)
				d->oom = 1;
			if (st == CR_STATUS_DROPPED)
				attr(t, pango_attr_strikethrough_new(TRUE), 0,
				     t->s.len);
			break;
		case CR_COL_WHO:
			rich_put(t, a->who.s, 0);
			rich_words(t, 0);
			break;
		case CR_COL_DUE:
			date_nobreak(d, &a->due, t);
			break;
		case CR_COL_STATUS:
			rich_put(t,
				 cr_enum_word(CR_ENUM_STATUS, st, a->status.s,
					      d->lang),
				 0);
			nbsp(&t->s, 0);
			if (cr_action_overdue(a, d->o->now)) {
				cr_buf_putc(&t->s, '\n');
				start = t->s.len;
				cr_overdue_text(&t->s, late, d->lang);
				nbsp(&t->s, start);
				attr(t, pango_attr_foreground_new(0xa4a4, 0, 0),
				     start, t->s.len);
				attr(t,
				     pango_attr_weight_new(PANGO_WEIGHT_BOLD),
				     start, t->s.len);
			}
			rich_words(t, 0);
			break;
		case CR_COL_NOTE:
			if (rich_md(t, a->note.s) == -1)
				d->oom = 1;
			break;
		default:
			break;
		}
		if (grey > 0 && cols[c] != CR_COL_ID)
			rich_grey(t, 0, t->s.len, grey);
	}
}

static void
actions(struct doc *d)
{
	const cr_report *r = d->r;
	cr_column cols[MAX_CELLS];
	enum style st[MAX_CELLS], hst[MAX_CELLS];
	int grow[MAX_CELLS] = {0};
	struct rich cell[MAX_CELLS];
	double *mins, *maxs, w[MAX_CELLS];
	PangoLayout **natural;
	size_t n = 0, i, c, rows = r->actions.len + 1;
	struct block *b;
	long head;

	if (cr_render_actions_shown(r, d->o) == 0)
		return;
	cols[n++] = CR_COL_ID;
	cols[n++] = CR_COL_WHAT;
	cols[n++] = CR_COL_WHO;
	cols[n++] = CR_COL_DUE;
	cols[n++] = CR_COL_STATUS;
	for (i = 0; i < r->actions.len; i++)
		if (cr_render_action_shown(&r->actions.items[i], d->o) &&
		    cr_str_given(r->actions.items[i].note.s)) {
			cols[n++] = CR_COL_NOTE;
			break;
		}
	for (c = 0; c < n; c++) {
		st[c] = S_CELL;
		hst[c] = S_HEAD;
		grow[c] = cols[c] == CR_COL_WHAT || cols[c] == CR_COL_NOTE;
	}
	mins = calloc(rows * n, sizeof(*mins));
	maxs = calloc(rows * n, sizeof(*maxs));
	natural = calloc(rows * n, sizeof(*natural));
	if (mins == NULL || maxs == NULL || natural == NULL) {
		free(mins);
		free(maxs);
		free(natural);
		d->oom = 1;
		return;
	}
	/* measure every cell, the header row first (an action not shown
	 * measures nothing) */
	for (i = 0; i < rows && !d->oom; i++) {
		if (i > 0 &&
		    !cr_render_action_shown(&r->actions.items[i - 1], d->o))
			continue;
		if (i == 0)
			for (c = 0; c < n; c++) {
				rich_init(&cell[c]);
				rich_put(&cell[c],
					 cr_column_label(cols[c], d->lang), 0);
				nbsp(&cell[c].s, 0);
			}
		else
			action_cells(d, &r->actions.items[i - 1], cols, n,
				     cell);
		for (c = 0; c < n; c++) {
			measure(d, &cell[c], i == 0 ? hst[c] : st[c],
				&mins[i * n + c], &maxs[i * n + c],
				&natural[i * n + c]);
			rich_free(&cell[c]);
		}
	}
	columns(mins, maxs, rows, n, grow, w);
	free(mins);
	free(maxs);

	heading(d, d->o->agenda ? cr_label(CR_LABEL_REVIEW, d->lang)
				: cr_section_label(CR_SEC_ACTIONS, d->lang));
	for (c = 0; c < n; c++) {
		rich_init(&cell[c]);
		rich_put(&cell[c], cr_column_label(cols[c], d->lang), 0);
		nbsp(&cell[c].s, 0);
	}
	if ((b = row(d, cell, w, n, hst, PAD, natural)) == NULL)
		goto out;
	b->fill = F_HEAD;
	b->keep = 1;
	head = (long)d->len - 1;
	for (i = 0; i < r->actions.len && !d->oom; i++) {
		const cr_action *a = &r->actions.items[i];

		if (!cr_render_action_shown(a, d->o))
			continue;
		action_cells(d, a, cols, n, cell);
		if ((b = row(d, cell, w, n, st, PAD, natural + (i + 1) * n)) ==
		    NULL)
			break;
		b->head = head;
		b->ruled = 1;
		if (cr_action_overdue(a, d->o->now))
			b->fill = F_OVERDUE;
	}
out:
	for (i = 0; i < rows * n; i++)
		if (natural[i] != NULL)
			g_object_unref(natural[i]);
	free(natural);
}

/* Who confirmed and when, one a line; a remark under it, marked in
 * bold amber as the correction asked for. */
static void
confirmations(struct doc *d)
{
	const cr_confirmations *cs = &d->r->confirmations;
	struct rich t;
	cr_buf v;
	size_t i, start;

	if (cs->len == 0)
		return;
	heading(d, cr_section_label(CR_SEC_CONFIRMATIONS, d->lang));
	cr_buf_init(&v);
	for (i = 0; i < cs->len && !d->oom; i++) {
		const cr_confirmation *c = &cs->items[i];

		rich_init(&t);
		rich_put(&t, c->name.s, 1);
		rich_words(&t, 0);
		if (cr_str_given(c->at.raw.s)) {
			date_text(d, &c->at, &v);
			start = t.s.len;
			rich_put(&t, " — ", 0);
			rich_put(&t, v.data, 0);
			rich_grey(&t, start, t.s.len, 0.3);
		}
		para(d, &t, S_TEXT, i == 0 ? 0 : 4, 6, 0);
		if (!cr_str_given(c->note.s))
			continue;
		rich_init(&t);
		rich_put(&t, cr_label(CR_LABEL_CORRECTION, d->lang), 1);
		cr_buf_puts(&t.s, d->lang == CR_LANG_ZH ? "：" : ": ");
		attr(&t, pango_attr_foreground_new(0x8a8a, 0x4b4b, 0), 0,
		     t.s.len);
		if (rich_md(&t, c->note.s) == -1)
			d->oom = 1;
		para(d, &t, S_TEXT, 1.5, 22, 0);
	}
	if (v.oom)
		d->oom = 1;
	cr_buf_free(&v);
}

/* The client's copy ends asking for confirmation (house style). */
static void
reply(struct doc *d)
{
	struct rich t;

	if (d->o->agenda)
		return;
	rich_init(&t);
	if (cr_reply_line(&t.s, d->o, d->lang) == -1)
		d->oom = 1;
	if (t.s.len == 0) {
		rich_free(&t);
		return;
	}
	para(d, &t, S_REPLY, 14, 0, 0);
}

/* The report's sections, in the order of the HTML page. */
static void
sections(struct doc *d)
{
	const cr_report *r = d->r;

#define SEC(s) cr_section_label(s, d->lang)
	persons(d, SEC(CR_SEC_ATTENDEES), &r->attendees);
	persons(d, SEC(CR_SEC_ABSENT), &r->absent);
	persons(d, SEC(CR_SEC_DISTRIBUTION), &r->distribution);
	texts(d, SEC(CR_SEC_AGENDA), &r->agenda, 1);
	texts(d, SEC(CR_SEC_DISCUSSION), &r->discussion, 0);
	texts(d, SEC(CR_SEC_AGREEMENTS), &r->agreements, 1);
	actions(d);
	/* The client's copy never holds a word of the internal notes. */
	if (d->o->audience == CR_AUDIENCE_INTERNAL)
		texts(d, SEC(CR_SEC_INTERNAL), &r->internal, 0);
#undef SEC
	confirmations(d);
}

/* The agenda's: who is invited, the topics, the actions to review. */
static void
sections_agenda(struct doc *d)
{
	persons(d, cr_label(CR_LABEL_INVITED, d->lang), &d->r->attendees);
	texts(d, cr_label(CR_LABEL_TOPICS, d->lang), &d->r->agenda, 1);
	actions(d);
}

/* ------------------------------------------------------- pagination */

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

/* ----------------------------------------------------------- drawing */

/* Appends s for a single-quoted string of cairo's tag attributes. */
static void
tag_quoted(cr_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\'' || *s == '\\')
			cr_buf_putc(b, '\\');
		cr_buf_putc(b, *s);
	}
}

/* Link annotations over the parts of one layout line that are links;
 * (x, top) is where the layout's left edge and the line's top are. */
static void
line_links(struct doc *d, PangoLayoutLine *line, const cr_spans *links,
	   double x, double top, double h)
{
	size_t i;
	int *ranges, n, k;
	cr_buf a;

	if (links == NULL)
		return;
	cr_buf_init(&a);
	for (i = 0; i < links->len; i++) {
		const cr_span *s = &links->items[i];
		int ls = line->start_index,
		    le = line->start_index + line->length;
		int st = (int)s->start > ls ? (int)s->start : ls;
		int en = (int)s->end < le ? (int)s->end : le;

		if (st >= en)
			continue;
		pango_layout_line_get_x_ranges(line, st, en, &ranges, &n);
		a.len = 0;
		cr_buf_puts(&a, "rect=[");
		for (k = 0; k < n; k++)
			cr_buf_printf(
			    &a, "%s%.2f %.2f %.2f %.2f", k > 0 ? " " : "",
			    x + (double)ranges[2 * k] / PANGO_SCALE, top,
			    (double)(ranges[2 * k + 1] - ranges[2 * k]) /
				PANGO_SCALE,
			    h);
		g_free(ranges);
		cr_buf_puts(&a, "] uri='");
		tag_quoted(&a, s->url);
		cr_buf_puts(&a, "'");
		if (n > 0 && !a.oom) {
			cairo_tag_begin(d->cr, CAIRO_TAG_LINK, a.data);
			cairo_tag_end(d->cr, CAIRO_TAG_LINK);
		}
	}
	if (a.oom)
		d->oom = 1;
	cr_buf_free(&a);
}

/* A whole layout at (x, y) and its links. */
static void
show_layout(struct doc *d, const struct cell *c, double x, double y)
{
	PangoLayoutIter *it;
	int y0, y1;

	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, c->l);
	if (c->links == NULL)
		return;
	it = pango_layout_get_iter(c->l);
	do {
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		line_links(d, pango_layout_iter_get_line_readonly(it), c->links,
			   x, y + (double)y0 / PANGO_SCALE,
			   (double)(y1 - y0) / PANGO_SCALE);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void
draw_logo(struct doc *d, double y)
{
	cairo_t *cr = d->cr;

	if (d->logo_png != NULL) {
		cairo_save(cr);
		cairo_translate(cr, MARGIN, y);
		cairo_scale(
		    cr, d->logo_w / cairo_image_surface_get_width(d->logo_png),
		    d->logo_h / cairo_image_surface_get_height(d->logo_png));
		cairo_set_source_surface(cr, d->logo_png, 0, 0);
		cairo_paint(cr);
		cairo_restore(cr);
	} else if (d->logo_svg != NULL) {
		RsvgRectangle vp = {MARGIN, y, d->logo_w, d->logo_h};

		cairo_save(cr);
		d->rsvg.render_document(d->logo_svg, cr, &vp, NULL);
		cairo_restore(cr);
	}
}

static void
draw_block(struct doc *d, const struct block *b, double y)
{
	cairo_t *cr = d->cr;
	size_t i;

	switch (b->kind) {
	case K_LINE: {
		PangoLayoutLine *line =
		    pango_layout_get_line_readonly(b->cell[0].l, b->line);
		double x = MARGIN + b->cell[0].x;

		if (line == NULL)
			return;
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_move_to(cr, x + b->xoff, y + b->baseline);
		pango_cairo_show_layout_line(cr, line);
		line_links(d, line, b->cell[0].links, x, y, b->height);
		return;
	}
	case K_RULE:
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cairo_set_line_width(cr, 0.8);
		cairo_move_to(cr, MARGIN, y + 1);
		cairo_line_to(cr, PAGE_W - MARGIN, y + 1);
		cairo_stroke(cr);
		return;
	case K_BRAND:
		draw_logo(d, y);
		cairo_set_source_rgb(cr, 0, 0, 0);
		show_layout(d, &b->cell[0], MARGIN + b->cell[0].x,
			    y + (d->logo_h > 0 ? (d->logo_h - 15) / 2 : 0));
		show_layout(d, &b->cell[1], MARGIN + b->cell[1].x, y);
		return;
	case K_ROW:
		break;
	}
	if (b->fill != F_NONE) {
		if (b->fill == F_HEAD)
			cairo_set_source_rgb(cr, 0.90, 0.91, 0.93);
		else
			cairo_set_source_rgb(cr, 1.0, 0.92, 0.90);
		cairo_rectangle(cr, MARGIN, y, TEXT_W, b->height);
		cairo_fill(cr);
	}
	if (b->ruled) {
		cairo_set_source_rgb(cr, 0.75, 0.75, 0.78);
		cairo_set_line_width(cr, 0.4);
		cairo_move_to(cr, MARGIN, y + b->height);
		cairo_line_to(cr, PAGE_W - MARGIN, y + b->height);
		cairo_stroke(cr);
	}
	for (i = 0; i < b->ncells; i++) {
		const struct cell *c = &b->cell[i];
		double pad = b->fill != F_NONE || b->ruled ? PAD : 0;

		cairo_set_source_rgb(cr, 0, 0, 0);
		show_layout(d, c, MARGIN + c->x + pad, y + pad);
	}
}

/* The confidentiality statement on the left, "Page 2 of 3" on the
 * right. */
static void
footer(struct doc *d, int page, int pages)
{
	double y = BOTTOM + 12;
	char a1[16], a2[16];
	struct rich t;
	struct cell c = {0};

	snprintf(a1, sizeof(a1), "%d", page);
	snprintf(a2, sizeof(a2), "%d", pages);
	cairo_set_source_rgb(d->cr, 0.55, 0.55, 0.58);
	cairo_set_line_width(d->cr, 0.5);
	cairo_move_to(d->cr, MARGIN, y - 5);
	cairo_line_to(d->cr, PAGE_W - MARGIN, y - 5);
	cairo_stroke(d->cr);
	rich_init(&t);
	if (cr_conf_statement(&t.s, d->r, d->o, d->lang) == -1)
		d->oom = 1;
	rich_grey(&t, 0, t.s.len, 0.3);
	if ((c.l = layout(d, &t, S_SMALL, TEXT_W * 0.75, 0)) != NULL) {
		show_layout(d, &c, MARGIN, y);
		g_object_unref(c.l);
	}
	rich_free(&t);
	rich_init(&t);
	cr_label_format(&t.s, CR_LABEL_PAGE_OF, d->lang, a1, a2);
	rich_grey(&t, 0, t.s.len, 0.3);
	if ((c.l = layout(d, &t, S_SMALL, TEXT_W * 0.25, 0)) != NULL) {
		pango_layout_set_alignment(c.l, PANGO_ALIGN_RIGHT);
		show_layout(d, &c, MARGIN + TEXT_W * 0.75, y);
		g_object_unref(c.l);
	}
	rich_free(&t);
}

/* ---------------------------------------------------------- metadata */

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

/* The outline (bookmarks): the title, and each section under it at the
 * page and height of its heading. */
static void
outline(struct doc *d)
{
	const cr_report *r = d->r;
	char dest[96];
	size_t i;
	int top;

	top = cairo_pdf_surface_add_outline(
	    d->surface, CAIRO_PDF_OUTLINE_ROOT,
	    cr_str_given(r->title.s)
		? r->title.s
		: cr_label(CR_LABEL_CONTACT_REPORT, d->lang),
	    "page=1 pos=[0 0]", CAIRO_PDF_OUTLINE_FLAG_OPEN);
	for (i = 0; i < d->len; i++) {
		const struct block *b = &d->blocks[i];

		if (b->outline == NULL)
			continue;
		snprintf(dest, sizeof(dest), "page=%d pos=[%.1f %.1f]",
			 b->page + 1, MARGIN, b->y);
		cairo_pdf_surface_add_outline(d->surface, top, b->outline, dest,
					      0);
	}
}

/* The last occurrence of key in s[0..n) that is not at its very end, or
 * NULL: looked for from the end, where the trailer is. */
static const char *
last_of(const char *s, size_t n, const char *key)
{
	size_t k = strlen(key), i;

	if (n <= k)
		return NULL;
	for (i = n - k; i-- > 0;)
		if (s[i] == key[0] && memcmp(s + i, key, k) == 0)
			return s + i;
	return NULL;
}

/* The last number after `key` in s[0..n), or -1. */
static long
last_number(const char *s, size_t n, const char *key)
{
	const char *p = last_of(s, n, key);

	return p != NULL ? strtol(p + strlen(key), NULL, 10) : -1;
}

/*
 * Adds /Lang and /ViewerPreferences (show the title, not the file name)
 * to the catalogue of the PDF cairo wrote at out[start..]: an incremental
 * update that writes the catalogue object again, with its own xref
 * section and a trailer pointing to the previous one.
 */
static int
add_lang(cr_buf *out, size_t start, cr_lang l)
{
	const char *pdf = out->data + start, *obj, *end, *close;
	size_t n = out->len - start, i, at;
	long root, size, info, prev;
	char head[32];

	root = last_number(pdf, n, "/Root ");
	size = last_number(pdf, n, "/Size ");
	info = last_number(pdf, n, "/Info ");
	prev = last_number(pdf, n, "startxref\n");
	if (root <= 0 || size <= 0 || prev <= 0)
		return -1;
	snprintf(head, sizeof(head), "\n%ld 0 obj\n", root);
	if ((obj = last_of(pdf, n, head)) != NULL)
		obj += strlen(head);
	if (obj == NULL || (end = strstr(obj, "endobj")) == NULL)
		return -1;
	for (close = end; close > obj && memcmp(close, ">>", 2) != 0; close--)
		;
	if (close == obj)
		return -1;
	{
		/* copy the dictionary before the buffer moves */
		size_t dlen = (size_t)(close - obj);
		char *dict = cr_strndup(obj, dlen);

		if (dict == NULL)
			return -1;
		if (out->data[out->len - 1] != '\n')
			cr_buf_putc(out, '\n');
		at = out->len - start;
		cr_buf_printf(out,
			      "%ld 0 obj\n%s   /Lang (%s)\n"
			      "   /ViewerPreferences << /DisplayDocTitle true "
			      ">>\n>>\nendobj\n",
			      root, dict, pdf_lang(l));
		free(dict);
	}
	i = out->len - start;
	cr_buf_printf(out,
		      "xref\n%ld 1\n%010zu 00000 n \ntrailer\n<< /Size %ld\n"
		      "   /Root %ld 0 R\n",
		      root, at, size, root);
	if (info > 0)
		cr_buf_printf(out, "   /Info %ld 0 R\n", info);
	cr_buf_printf(out, "   /Prev %ld\n>>\nstartxref\n%zu\n%%%%EOF\n", prev,
		      i);
	return out->oom ? -1 : 0;
}

/* ------------------------------------------------------------- fonts */

/* A private font map at 72 dpi (one point is one unit of the PDF) and a
 * context without hinting, in the language of the labels (fontconfig
 * picks Chinese glyphs for zh). */
static int
fonts_open(struct doc *d)
{
	cairo_font_options_t *fo;

	d->family = d->lang == CR_LANG_ZH ? FONTS_CJK : FONTS;
	if ((d->fm = pango_cairo_font_map_new()) == NULL)
		return -1;
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(d->fm), 72.0);
	if (cr_pdf_fonts_use(d->fm) == -1)
		return -1;
	if ((d->ctx = pango_font_map_create_context(d->fm)) == NULL)
		return -1;
	pango_context_set_language(
	    d->ctx, pango_language_from_string(pdf_lang(d->lang)));
	if ((fo = cairo_font_options_create()) == NULL)
		return -1;
	/* the surface's own options too, so that cairo draws with the very
	 * scaled fonts pango measured (each glyph loaded once less) */
	cairo_surface_get_font_options(d->surface, fo);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(d->ctx, fo);
	cairo_font_options_destroy(fo);
	return 0;
}

static void
doc_free(struct doc *d)
{
	size_t i, c;

	for (i = 0; i < d->len; i++)
		for (c = 0; c < d->blocks[i].ncells; c++)
			if (d->blocks[i].cell[c].l != NULL)
				g_object_unref(d->blocks[i].cell[c].l);
	free(d->blocks);
	for (i = 0; i < d->nlinks; i++) {
		cr_spans_free(d->links[i]);
		free(d->links[i]);
	}
	free(d->links);
	if (d->logo_png != NULL)
		cairo_surface_destroy(d->logo_png);
	if (d->logo_svg != NULL)
		g_object_unref(d->logo_svg);
	if (d->rsvg.lib != NULL)
		dlclose(d->rsvg.lib);
	if (d->ctx != NULL)
		g_object_unref(d->ctx);
	if (d->fm != NULL)
		g_object_unref(d->fm);
}

int
cr_render_pdf(const cr_report *r, const cr_write_opts *o, cr_buf *out)
{
	struct doc d;
	cairo_surface_t *s;
	size_t i, start = out->len;
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
	d.surface = s;
	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
	metadata(&d, s);
	d.cr = cairo_create(s);
	if (cairo_status(d.cr) != CAIRO_STATUS_SUCCESS || fonts_open(&d) == -1)
		d.oom = 1;

	if (!d.oom) {
		logo_open(&d);
		header(&d);
		if (o->agenda)
			sections_agenda(&d);
		else
			sections(&d);
		reply(&d);
	}

	pages = paginate(&d);
	if (!d.oom)
		outline(&d);
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
	doc_free(&d);
	cairo_destroy(d.cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && !d.oom &&
	    !out->oom && add_lang(out, start, d.lang) == 0)
		rc = 0;
	cairo_surface_destroy(s);
	if (rc == -1 && out->data != NULL && out->len > start) {
		/* leave no half document behind */
		out->len = start;
		out->data[start] = '\0';
	}
	return rc;
}
