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

/*
 * FreeType faces of the program's own for the Chinese fonts (Noto Sans
 * CJK SC) of a configuration cr_pdf_fonts_new made, which cairo then draws
 * and embeds them with (FC_FT_FACE) instead of opening the files itself:
 * faces without a character map, read through a stream that spares cairo
 * the copy of the outlines it does not embed (see pdf_fonts.c). For a
 * program that
 * makes such a configuration current and renders Chinese: cairo keeps
 * the faces it is given in its caches after the rendering, so they are
 * to be freed (cr_pdf_faces_free) only when cairo is no longer used,
 * before the program ends. *out is NULL when c is not such a
 * configuration. Returns 0, or -1 when memory ran out.
 */
typedef struct cr_pdf_faces cr_pdf_faces;

int cr_pdf_faces_open(FcConfig *c, cr_pdf_faces **out);
void cr_pdf_faces_free(cr_pdf_faces *f);

#endif
