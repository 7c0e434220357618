/*
 * pdf_fonts.h - the fonts of the PDF renderer (pdf_fonts.c); internal to
 * libcr-render.
 */
#ifndef CR_PDF_FONTS_H
#define CR_PDF_FONTS_H

#include <pango/pango.h>

/*
 * Gives the font map (a pango fontconfig map) a fontconfig configuration
 * of its own holding just the families the renderer names, read from the
 * system's font caches: no configuration files parsed, no sort over every
 * installed font. Where those families are not found in the usual places
 * the map keeps the system's configuration (the fonts are then as
 * fontconfig finds them). Returns 0, or -1 when memory ran out.
 */
int cr_pdf_fonts_use(PangoFontMap *fm);

#endif
