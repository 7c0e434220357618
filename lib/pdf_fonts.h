/*
 * pdf_fonts.h - the fonts of the PDF renderer (pdf_fonts.c); internal to
 * libcr-render, and to cr-render, which makes the configuration the
 * process's own (a process-wide setting lib/ does not make).
 */
#ifndef CR_PDF_FONTS_H
#define CR_PDF_FONTS_H

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>

/*
 * A fontconfig configuration holding just the families the renderer
 * names, read from the system's font caches: no configuration files
 * parsed, no sort over every installed font. *out is NULL when those
 * families are not found in the usual places. A program may make it
 * current (FcConfigSetCurrent) before pango starts: fontconfig then never
 * loads the system's configuration, and cr_pdf_fonts_use takes this one.
 * Returns 0, or -1 when memory ran out.
 */
int cr_pdf_fonts_new(FcConfig **out);

/*
 * Gives the font map (a pango fontconfig map) such a configuration: the
 * current one when it is one (see above), else a new one. Where the
 * families are not found the map keeps the system's configuration (the
 * fonts are then as fontconfig finds them). Returns 0, or -1 when memory
 * ran out.
 */
int cr_pdf_fonts_use(PangoFontMap *fm);

#endif
