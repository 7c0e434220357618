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
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h>
#include <pango/pangofc-fontmap.h>

#include "pdf_fonts.h"
#include "pdf_fonts_conf.h"

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
 * holding only the families named in cr_pdf_fonts_conf, the two the page needs
 * among them. */
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
	if (!FcConfigParseAndLoadFromMemory(
		c, (const FcChar8 *)cr_pdf_fonts_conf, FcFalse) ||
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

/*
 * A Chinese face's file as FreeType reads it (FT_OPEN_STREAM): mapped,
 * and copied from as asked, but for one read. cairo copies a CFF font's
 * whole table (15 MiB for Noto Sans CJK, 14 of them the glyphs' outlines)
 * twice a face: to see whether it is a CID font, and to make the subset
 * the PDF embeds, which reads the outlines of the glyphs of the subset
 * only. Those glyphs cairo had FreeType load before, through this stream:
 * the copy of the whole table gets everything but the outlines, and the
 * outlines read so far (and glyph 0's, which cairo embeds unread).
 */
struct range {
	unsigned long from, to; /* in the file */
};

struct cjk_face {
	FT_StreamRec stream;
	const unsigned char *map;
	size_t size;
	unsigned long cff, cff_len;	  /* the table in the file */
	unsigned long glyphs, glyphs_end; /* the outlines; 0, 0: unknown */
	struct range notdef;
	struct range *read; /* outlines FreeType read */
	size_t nread, read_cap;
	int lost; /* a read not kept: whole copies only */
	FT_Face face;
};

/* The faces of cr_pdf_faces_open, and the FreeType library they are of. */
struct cr_pdf_faces {
	FT_Library lib;
	struct cjk_face *face[4];
	size_t n;
};

static unsigned long
be(const unsigned char *p, int n)
{
	unsigned long v = 0;

	while (n-- > 0)
		v = v << 8 | *p++;
	return v;
}

/* An INDEX at p of [p, end): its count, the size of its offsets and
 * where its data starts (the byte before the first). NULL: broken. */
static const unsigned char *
cff_index(const unsigned char *p, const unsigned char *end,
	  unsigned long *count, int *osz, const unsigned char **data)
{
	if (end - p < 2)
		return NULL;
	*count = be(p, 2);
	if (*count == 0) {
		*osz = 0;
		*data = p + 1;
		return p + 2;
	}
	if (end - p < 3 || (*osz = p[2]) < 1 || *osz > 4 ||
	    (unsigned long)(end - p - 3) / (unsigned long)*osz < *count + 1)
		return NULL;
	*data = p + 3 + (*count + 1) * (unsigned long)*osz - 1;
	if (be(p + 3 + *count * (unsigned long)*osz, *osz) >
	    (unsigned long)(end - *data))
		return NULL;
	return *data + be(p + 3 + *count * (unsigned long)*osz, *osz);
}

/* The offset of the CharStrings INDEX in a Top DICT, or 0. */
static unsigned long
charstrings_offset(const unsigned char *p, const unsigned char *end)
{
	long v = 0;

	while (p < end) {
		unsigned b = *p;

		if (b == 17)
			return v > 0 ? (unsigned long)v : 0;
		if (b <= 21) { /* another operator */
			p += b == 12 ? 2 : 1;
			v = 0;
		} else if (b == 28 && end - p >= 3) {
			v = (short)be(p + 1, 2);
			p += 3;
		} else if (b == 29 && end - p >= 5) {
			v = (long)(int)be(p + 1, 4);
			p += 5;
		} else if (b == 30) { /* a real: nibbles up to an f */
			for (p++; p < end && (*p & 0x0f) != 0x0f &&
				  (*p & 0xf0) != 0xf0;
			     p++)
				;
			p++;
			v = 0;
		} else if (b >= 32 && b <= 246) {
			v = (long)b - 139;
			p++;
		} else if (b >= 247 && b <= 250 && end - p >= 2) {
			v = ((long)b - 247) * 256 + p[1] + 108;
			p += 2;
		} else if (b >= 251 && b <= 254 && end - p >= 2) {
			v = -((long)b - 251) * 256 - p[1] - 108;
			p += 2;
		} else
			return 0;
	}
	return 0;
}

/* Finds the face's CFF table and its outlines in the file (the face
 * index'th of a collection); leaves them unknown where anything is not
 * as expected. */
static void
cff_locate(struct cjk_face *f, int index)
{
	const unsigned char *m = f->map, *c, *ce, *p, *d;
	unsigned long sfnt = 0, n, i, count, top;
	int osz;

	if (f->size < 12)
		return;
	if (memcmp(m, "ttcf", 4) == 0) {
		if (index < 0 || (unsigned long)index >= be(m + 8, 4) ||
		    f->size < 12 + 4 * ((unsigned long)index + 1))
			return;
		sfnt = be(m + 12 + 4 * (unsigned long)index, 4);
	}
	if (sfnt > f->size - 12)
		return;
	n = be(m + sfnt + 4, 2);
	if (n > (f->size - sfnt - 12) / 16)
		return;
	for (i = 0; i < n; i++) {
		p = m + sfnt + 12 + 16 * i;
		if (memcmp(p, "CFF ", 4) == 0) {
			f->cff = be(p + 8, 4);
			f->cff_len = be(p + 12, 4);
		}
	}
	if (f->cff_len < 4 || f->cff > f->size || f->cff_len > f->size - f->cff)
		return;
	c = m + f->cff;
	ce = c + f->cff_len;
	if (c[2] >= f->cff_len) /* the header's size */
		return;
	/* the Name INDEX, then the Top DICT INDEX */
	if ((p = cff_index(c + c[2], ce, &count, &osz, &d)) == NULL ||
	    cff_index(p, ce, &count, &osz, &d) == NULL || count < 1)
		return;
	/* the first Top DICT: from its offset to the next */
	top = charstrings_offset(d + be(p + 3, osz), d + be(p + 3 + osz, osz));
	if (top == 0 || top >= f->cff_len ||
	    cff_index(c + top, ce, &count, &osz, &d) == NULL || count < 1)
		return;
	p = c + top + 3;
	f->glyphs = (unsigned long)(d - m) + be(p, osz);
	f->glyphs_end = (unsigned long)(d - m) + be(p + count * osz, osz);
	f->notdef.from = f->glyphs;
	f->notdef.to = (unsigned long)(d - m) + be(p + osz, osz);
	if (f->glyphs_end < f->notdef.to || f->notdef.to < f->glyphs)
		f->glyphs = f->glyphs_end = 0;
}

static void
copy_range(const struct cjk_face *f, unsigned char *buf, struct range r)
{
	if (r.from < r.to)
		memcpy(buf + (r.from - f->cff), f->map + r.from, r.to - r.from);
}

static unsigned long
stream_read(FT_Stream s, unsigned long off, unsigned char *buf, unsigned long n)
{
	struct cjk_face *f = s->descriptor.pointer;
	struct range r;
	size_t i;

	if (n == 0) /* a seek */
		return off > f->size;
	if (off >= f->size)
		return 0;
	if (n > f->size - off)
		n = f->size - off;
	if (off == f->cff && n == f->cff_len && f->glyphs_end > 0 && !f->lost) {
		r.from = f->cff;
		r.to = f->glyphs;
		copy_range(f, buf, r);
		r.from = f->glyphs_end;
		r.to = f->cff + f->cff_len;
		copy_range(f, buf, r);
		copy_range(f, buf, f->notdef);
		for (i = 0; i < f->nread; i++)
			copy_range(f, buf, f->read[i]);
		return n;
	}
	if (off < f->glyphs_end && off + n > f->glyphs) {
		if (f->nread == f->read_cap) {
			size_t cap = f->read_cap > 0 ? 2 * f->read_cap : 256;
			struct range *nr = realloc(f->read, cap * sizeof(*nr));

			if (nr == NULL)
				f->lost = 1;
			else {
				f->read = nr;
				f->read_cap = cap;
			}
		}
		if (f->nread < f->read_cap) {
			f->read[f->nread].from =
			    off < f->glyphs ? f->glyphs : off;
			f->read[f->nread].to =
			    off + n > f->glyphs_end ? f->glyphs_end : off + n;
			f->nread++;
		}
	}
	memcpy(buf, f->map + off, n);
	return n;
}

static void
cjk_face_free(struct cjk_face *f)
{
	if (f == NULL)
		return;
	if (f->face != NULL)
		FT_Done_Face(f->face);
	if (f->map != NULL)
		munmap((void *)f->map, f->size);
	free(f->read);
	free(f);
}

/* The face of the file for cairo, or NULL. -1: out of memory. */
static int
cjk_face_open(FT_Library lib, const char *file, int index,
	      struct cjk_face **out)
{
	struct cjk_face *f;
	FT_Open_Args args;
	struct stat st;
	void *m;
	int fd;

	*out = NULL;
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	if (fstat(fd, &st) == -1 || st.st_size < 12 ||
	    (m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
		      0)) == MAP_FAILED) {
		close(fd);
		return 0;
	}
	close(fd);
	if ((f = calloc(1, sizeof(*f))) == NULL) {
		munmap(m, (size_t)st.st_size);
		return -1;
	}
	f->map = m;
	f->size = (size_t)st.st_size;
	cff_locate(f, index & 0xffff);
	f->stream.size = f->size;
	f->stream.descriptor.pointer = f;
	f->stream.read = stream_read;
	memset(&args, 0, sizeof(args));
	args.flags = FT_OPEN_STREAM;
	args.stream = &f->stream;
	if (FT_Open_Face(lib, &args, index, &f->face) != 0) {
		f->face = NULL;
		cjk_face_free(f);
		return 0;
	}
	/*
	 * No character map selected: cairo looks the character of each
	 * glyph it embeds up in the font's cmap table, and where that maps
	 * no character to the glyph (the Chinese forms Noto Sans CJK
	 * substitutes for the ones the table maps) in the face's map of
	 * characters, from the first to the last: some 40,000 steps a glyph,
	 * for nothing. It takes the character from the text drawn instead.
	 */
	f->face->charmap = NULL;
	*out = f;
	return 0;
}

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
	struct cjk_face *face;
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
		if (cjk_face_open(f->lib, (const char *)file, index, &face) ==
		    -1) {
			cr_pdf_faces_free(f);
			return -1;
		}
		if (face == NULL)
			continue; /* cairo opens it as before */
		if ((p = FcPatternDuplicate(fs->fonts[i])) == NULL ||
		    !FcPatternAddFTFace(p, FC_FT_FACE, face->face)) {
			if (p != NULL)
				FcPatternDestroy(p);
			cjk_face_free(face);
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
	if (f == NULL)
		return;
	while (f->n > 0)
		cjk_face_free(f->face[--f->n]);
	FT_Done_FreeType(f->lib);
	free(f);
}
