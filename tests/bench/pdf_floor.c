/*
 * pdf_floor.c - the floor for cr-render --to pdf in `make bench`: what any
 * tool that makes a report's PDF with pango and cairo must do, and nothing
 * more, a process a report. fontconfig gets the configuration of just the
 * fonts cr-render uses (lib/pdf_fonts_conf.h, made current before pango
 * starts, so that the system's configuration is never loaded); the whole
 * plain text is one PangoLayout
 * ("Noto Sans 10" at 72 dpi: points, as the PDF's units), broken into A4
 * pages by its lines and drawn a line at a time; the surface is finished
 * (fonts subset and embedded, streams deflated) into the file. No
 * headings, tables, weights or colours: less than cr-render does.
 *
 *   pdf-floor IN.txt OUT.pdf
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "pdf_fonts_conf.h"

#define PAGE_W 595.276 /* A4 in points */
#define PAGE_H 841.890
#define MARGIN 42.0
#define TEXT_H (PAGE_H - 2 * MARGIN)

static const char *prog = "pdf-floor";

static int
fail(const char *what, const char *why)
{
	fprintf(stderr, "%s: %s: %s\n", prog, what, why);
	return 1;
}

/* The whole of the file, NUL-terminated, or NULL (errno set). */
static char *
slurp(const char *path, size_t *len)
{
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0, got;
	FILE *f;
	int e;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	do {
		if (cap - n < 4096) {
			cap = cap > 0 ? 2 * cap : 16384;
			if ((nb = realloc(buf, cap)) == NULL) {
				free(buf);
				fclose(f);
				errno = ENOMEM;
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		e = errno;
		free(buf);
		fclose(f);
		errno = e != 0 ? e : EIO;
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* The configuration, made current before pango starts; -1 when it holds
 * no font (no Noto installed where cr-render looks). */
static int
fonts_init(void)
{
	FcFontSet *fs;
	FcConfig *c;
	int ok;

	if ((c = FcConfigCreate()) == NULL)
		return -1;
	ok = FcConfigParseAndLoadFromMemory(
		 c, (const FcChar8 *)cr_pdf_fonts_conf, FcFalse) &&
	     FcConfigBuildFonts(c) &&
	     (fs = FcConfigGetFonts(c, FcSetSystem)) != NULL && fs->nfont > 0 &&
	     FcConfigSetCurrent(c);
	FcConfigDestroy(c); /* fontconfig holds the current one */
	return ok ? 0 : -1;
}

/* Draws the layout's lines, a page of them at a time. */
static void
draw(cairo_t *cr, PangoLayout *l)
{
	PangoLayoutIter *it;
	double top = 0, y0, y1;
	int a, b, any = 0;

	it = pango_layout_get_iter(l);
	do {
		pango_layout_iter_get_line_yrange(it, &a, &b);
		y0 = (double)a / PANGO_SCALE;
		y1 = (double)b / PANGO_SCALE;
		if (any && y1 - top > TEXT_H) {
			cairo_show_page(cr);
			top = y0;
		}
		cairo_move_to(cr, MARGIN,
			      MARGIN - top +
				  (double)pango_layout_iter_get_baseline(it) /
				      PANGO_SCALE);
		pango_cairo_show_layout_line(
		    cr, pango_layout_iter_get_line_readonly(it));
		any = 1;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	cairo_show_page(cr);
}

int
main(int argc, char *argv[])
{
	PangoFontDescription *fd;
	cairo_surface_t *s;
	cairo_status_t st;
	PangoLayout *l;
	cairo_t *cr;
	size_t len;
	char *text;

	if (argc != 3) {
		fprintf(stderr, "usage: %s IN.txt OUT.pdf\n", prog);
		return 1;
	}
	if ((text = slurp(argv[1], &len)) == NULL)
		return fail(argv[1], strerror(errno));
	if (len > (size_t)G_MAXINT ||
	    !g_utf8_validate(text, (gssize)len, NULL)) {
		free(text);
		return fail(argv[1], "not UTF-8 text");
	}
	if (fonts_init() == -1) {
		free(text);
		return fail("fontconfig", "no Noto fonts found");
	}
	s = cairo_pdf_surface_create(argv[2], PAGE_W, PAGE_H);
	cr = cairo_create(s);
	if ((st = cairo_status(cr)) != CAIRO_STATUS_SUCCESS) {
		cairo_destroy(cr);
		cairo_surface_destroy(s);
		free(text);
		return fail(argv[2], cairo_status_to_string(st));
	}
	l = pango_cairo_create_layout(cr);
	pango_cairo_context_set_resolution(pango_layout_get_context(l), 72.0);
	pango_layout_context_changed(l);
	fd = pango_font_description_from_string("Noto Sans 10");
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)((PAGE_W - 2 * MARGIN) * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text, (int)len);
	free(text);
	draw(cr, l);
	g_object_unref(l);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	pango_cairo_font_map_set_default(NULL);
	if (st != CAIRO_STATUS_SUCCESS)
		return fail(argv[2], cairo_status_to_string(st));
	return 0;
}
