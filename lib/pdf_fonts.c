/*
 * pdf_fonts.c - a fontconfig configuration of the PDF renderer's own.
 *
 * The system configuration costs more than the page itself: FcInit parses
 * dozens of files and every style sorts all installed fonts for its
 * fallbacks. The renderer names three families (render_pdf.c: Noto Sans,
 * Noto Sans CJK SC, Noto Sans Mono CJK SC): the configuration here lists
 * the directories these come in on the common distributions, reads them
 * through the system's font caches, and accepts only those families, so
 * that pango picks the same faces as before from a handful.
 */
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h>
#include <pango/pangofc-fontmap.h>

#include "pdf_fonts.h"

static const char conf[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
    "<fontconfig>\n"
    /* Debian, Ubuntu */
    " <dir>/usr/share/fonts/truetype/noto</dir>\n"
    " <dir>/usr/share/fonts/opentype/noto</dir>\n"
    /* Fedora */
    " <dir>/usr/share/fonts/google-noto</dir>\n"
    " <dir>/usr/share/fonts/google-noto-vf</dir>\n"
    " <dir>/usr/share/fonts/google-noto-sans-cjk-fonts</dir>\n"
    " <dir>/usr/share/fonts/google-noto-sans-mono-cjk-fonts</dir>\n"
    /* Arch, Alpine */
    " <dir>/usr/share/fonts/noto</dir>\n"
    " <dir>/usr/share/fonts/noto-cjk</dir>\n"
    " <cachedir>/var/cache/fontconfig</cachedir>\n"
    " <cachedir prefix=\"xdg\">fontconfig</cachedir>\n"
    " <selectfont>\n"
    "  <acceptfont>\n"
    "   <pattern><patelt name=\"family\"><string>Noto Sans</string>"
    "</patelt></pattern>\n"
    "   <pattern><patelt name=\"family\"><string>Noto Sans CJK SC</string>"
    "</patelt></pattern>\n"
    "   <pattern><patelt name=\"family\"><string>Noto Sans Mono CJK SC"
    "</string></patelt></pattern>\n"
    "  </acceptfont>\n"
    "  <rejectfont><pattern></pattern></rejectfont>\n"
    " </selectfont>\n"
    "</fontconfig>\n";

/* Whether the configuration holds a face of the family. */
static int
has_family(FcConfig *c, const char *family)
{
	FcPattern *p;
	FcObjectSet *os;
	FcFontSet *fs;
	int found = 0;

	p = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, family, (char *)0);
	os = FcObjectSetBuild(FC_FAMILY, (char *)0);
	if (p != NULL && os != NULL && (fs = FcFontList(c, p, os)) != NULL) {
		found = fs->nfont > 0;
		FcFontSetDestroy(fs);
	}
	if (os != NULL)
		FcObjectSetDestroy(os);
	if (p != NULL)
		FcPatternDestroy(p);
	return found;
}

/* Whether c is a configuration cr_pdf_fonts_new made: read from no file,
 * holding only the families named in conf, the two the page needs among
 * them. */
static int
is_own(FcConfig *c)
{
	static const char *const families[] = {"Noto Sans", "Noto Sans CJK SC",
					       "Noto Sans Mono CJK SC"};
	FcStrList *files;
	FcFontSet *fs;
	FcChar8 *fam;
	int own, i, seen[3] = {0, 0, 0};
	size_t k;

	if ((files = FcConfigGetConfigFiles(c)) == NULL)
		return 0;
	own = FcStrListNext(files) == NULL;
	FcStrListDone(files);
	if (!own || (fs = FcConfigGetFonts(c, FcSetSystem)) == NULL)
		return 0;
	for (i = 0; i < fs->nfont; i++) {
		if (FcPatternGetString(fs->fonts[i], FC_FAMILY, 0, &fam) !=
		    FcResultMatch)
			return 0;
		for (k = 0; k < sizeof(families) / sizeof(families[0]); k++)
			if (strcmp((const char *)fam, families[k]) == 0)
				break;
		if (k == sizeof(families) / sizeof(families[0]))
			return 0;
		seen[k] = 1;
	}
	return seen[0] && seen[1];
}

int
cr_pdf_fonts_new(FcConfig **out)
{
	FcConfig *c;

	*out = NULL;
	if ((c = FcConfigCreate()) == NULL)
		return -1;
	if (!FcConfigParseAndLoadFromMemory(c, (const FcChar8 *)conf,
					    FcFalse) ||
	    !FcConfigBuildFonts(c) || !has_family(c, "Noto Sans") ||
	    !has_family(c, "Noto Sans CJK SC")) {
		FcConfigDestroy(c);
		return 0; /* not found: the system's configuration */
	}
	*out = c;
	return 0;
}

int
cr_pdf_fonts_use(PangoFontMap *fm)
{
	FcConfig *c;

	if (!PANGO_IS_FC_FONT_MAP(fm))
		return 0; /* not fontconfig's: nothing to configure */
	/*
	 * The map's creation started fontconfig in a thread of pango's;
	 * asking the map for its configuration waits for it, so that the
	 * process's current configuration is settled (and not loaded twice).
	 * When the program made one of ours current (cr-render does, before
	 * pango starts, so that the system's is never loaded), that one.
	 */
	(void)pango_fc_font_map_get_config(PANGO_FC_FONT_MAP(fm));
	if ((c = FcConfigGetCurrent()) != NULL && is_own(c)) {
		pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), c);
		return 0;
	}
	if (cr_pdf_fonts_new(&c) == -1)
		return -1;
	if (c == NULL)
		return 0; /* the system's configuration, as it is */
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), c);
	FcConfigDestroy(c); /* the map holds a reference */
	return 0;
}

/* The faces of cr_pdf_faces_open, and the FreeType library they are of. */
struct cr_pdf_faces {
	FT_Library lib;
	FT_Face face[4];
	size_t n;
};

/* The family whose faces are opened: the Chinese one. */
static const char cjk_family[] = "Noto Sans CJK SC";

static int
is_cjk(FcPattern *p)
{
	FcChar8 *fam;
	int i;

	for (i = 0; FcPatternGetString(p, FC_FAMILY, i, &fam) == FcResultMatch;
	     i++)
		if (strcmp((const char *)fam, cjk_family) == 0)
			return 1;
	return 0;
}

int
cr_pdf_faces_open(FcConfig *c, cr_pdf_faces **out)
{
	cr_pdf_faces *f;
	FcFontSet *fs;
	FcPattern *p;
	FcChar8 *file;
	FT_Face face;
	int i, index;

	*out = NULL;
	if (c == NULL || !is_own(c) ||
	    (fs = FcConfigGetFonts(c, FcSetSystem)) == NULL)
		return 0;
	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	if (FT_Init_FreeType(&f->lib) != 0) {
		free(f);
		return -1;
	}
	for (i = 0;
	     i < fs->nfont && f->n < sizeof(f->face) / sizeof(f->face[0]);
	     i++) {
		if (!is_cjk(fs->fonts[i]) ||
		    FcPatternGetString(fs->fonts[i], FC_FILE, 0, &file) !=
			FcResultMatch ||
		    FcPatternGetInteger(fs->fonts[i], FC_INDEX, 0, &index) !=
			FcResultMatch)
			continue;
		if (FT_New_Face(f->lib, (const char *)file, index, &face) != 0)
			continue; /* cairo opens it as before */
		/*
		 * No character map: cairo looks each glyph it embeds up in
		 * the face's map of characters, from the first, when the
		 * font's own table is too big for it (Noto Sans CJK's is):
		 * some 40,000 steps a glyph. It takes the character from the
		 * text drawn instead.
		 */
		face->charmap = NULL;
		if ((p = FcPatternDuplicate(fs->fonts[i])) == NULL ||
		    !FcPatternAddFTFace(p, FC_FT_FACE, face)) {
			if (p != NULL)
				FcPatternDestroy(p);
			FT_Done_Face(face);
			cr_pdf_faces_free(f);
			return -1;
		}
		FcPatternDestroy(fs->fonts[i]);
		fs->fonts[i] = p;
		f->face[f->n++] = face;
	}
	*out = f;
	return 0;
}

void
cr_pdf_faces_free(cr_pdf_faces *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++)
		FT_Done_Face(f->face[i]);
	FT_Done_FreeType(f->lib);
	free(f);
}
