/*
 * internal.h - shared between the library's own files; not installed.
 */
#ifndef CR_INTERNAL_H
#define CR_INTERNAL_H

#include <libintl.h>

#include "crtools.h"

/* Texts of the CR_TEXTDOMAIN catalogue: CR_N_ marks a text for xgettext
 * where it is written, CR_ translates it where it is used (diagnostic
 * formats are translated by cr_diags_vadd itself). */
#define CR_N_(s) (s)
#define CR_(s) dgettext(CR_TEXTDOMAIN, (s))

#define CR_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------- the field tables */

/* The fields of a report (cr_fields.h), in the order of SPEC 2.1. */
enum cr_field {
#define CR_FIELD(e, key, kind, member, flags, sec, values, hint) CR_F_##e,
#include "cr_fields.h"
#undef CR_FIELD
	CR_F__COUNT
};

/* The keys of an action (cr_action_fields.h). */
enum cr_afield {
#define CR_ACTION_FIELD(e, key, kind, member, flags, col, values) CR_AF_##e,
#include "cr_action_fields.h"
#undef CR_ACTION_FIELD
	CR_AF__COUNT
};

enum cr_field_kind {
	CR_K_STR,
	CR_K_DATE,
	CR_K_PERSONS,
	CR_K_TEXTS,
	CR_K_ACTIONS,
	CR_K_CONFIRMATIONS
};

struct cr_field_desc {
	const char *key;
	enum cr_field_kind kind;
	size_t off; /* of the cr_str, cr_date, ... in cr_report */
	unsigned flags;
	int sec;		   /* cr_section, or CR_SEC_NONE */
	const char *const *values; /* enum values, or NULL */
	const char *hint;	   /* for missing-field, or NULL */
};

struct cr_afield_desc {
	const char *key;
	enum cr_field_kind kind; /* CR_K_STR or CR_K_DATE */
	size_t off;		 /* in cr_action */
	unsigned flags;
	int col; /* cr_column */
	const char *const *values;
};

/* Indexed by enum cr_field, enum cr_afield. */
extern const struct cr_field_desc cr_fields[CR_F__COUNT];
extern const struct cr_afield_desc cr_afields[CR_AF__COUNT];

#define CR_FBIT(f) (1UL << (f))
#define CR_F_ALL (CR_FBIT(CR_F__COUNT) - 1)

/* Field f of r as the struct of its kind. */
#define CR_FIELD_PTR(r, f, type)                                               \
	((const type *)(const void *)((const char *)(r) + cr_fields[f].off))
#define CR_FIELD_MUT(r, f, type)                                               \
	((type *)(void *)((char *)(r) + cr_fields[f].off))
/* The cr_str of a field of kind STR or DATE (a date's text as written). */
const cr_str *cr_field_str(const cr_report *r, enum cr_field f);
/* The cr_str of an action key (a due date's text as written). */
const cr_str *cr_afield_str(const cr_action *a, enum cr_afield f);

/* The field a Markdown section holds (CR_F__COUNT: none). */
enum cr_field cr_section_field(cr_section s);
/* The field of a key, or CR_F__COUNT. */
enum cr_field cr_field_lookup(const char *key);
/* Sets dst to [s, e) without the blanks around it, or leaves it absent
 * when nothing is left (person.c). 0, or -1 on memory. */
int cr_str_set_trimmed(cr_str *dst, const char *s, const char *e, cr_pos pos,
		       int stable);
/* cr_str_setn and cr_texts_push, but s known to be NFC when `stable`
 * (cr_node.stable): then copied as it is (model.c). */
int cr_str_setn_as(cr_str *dst, const char *s, size_t n, cr_pos pos,
		   int stable);
int cr_texts_push_as(cr_texts *t, const char *s, size_t n, cr_pos pos,
		     int stable);
/* cr_person_parse of a text known to be NFC when `stable` (person.c). */
int cr_person_parse_as(const char *s, cr_pos pos, int stable, cr_person *p);
/* Frees field f of r, which then reads as absent (model.c). */
void cr_field_clear(cr_report *r, enum cr_field f);
/* Whether field f of r has a value to write (a list: at least one entry). */
int cr_field_present(const cr_report *r, enum cr_field f);

/* The values of a diagnostic (diag_args.c): packed as the untranslated
 * format reads them from ap (0; 1 when the format has a conversion this
 * does not pack: nothing was appended then; -1 on memory), and formatted
 * as fmt, the untranslated format or its translation, says (0; 1 when fmt
 * does not fit the values: nothing appended; -1 on memory). */
int cr_diag_pack(cr_buf *b, const char *fmt, va_list ap);
int cr_diag_render(cr_buf *out, const char *fmt, const char *args);

/* strdup that tolerates NULL (returns NULL). */
char *cr_strdup(const char *s);
char *cr_strndup(const char *s, size_t n);
/* Grows *items (each `size` bytes) so that it holds at least `need`. */
int cr_grow(void *items, size_t *cap, size_t need, size_t size);

/*
 * Positions (pos.c), the one place where columns are counted: display
 * columns (wide two, combining none, tab to the next multiple of 8, a
 * control character or invalid byte one) and code-point columns. Line
 * ends are LF, CRLF and a lone CR.
 */
/* p moved over one code point of a line (not a line end). */
void cr_pos_step(cr_pos *p, unsigned cp);
/* p moved over the n bytes of s, all on p's line. */
cr_pos cr_pos_advance(cr_pos p, const char *s, size_t n);
/* A walk over a buffer for positions asked in (mostly) increasing order:
 * each answer starts from the last one, so a file costs one pass. */
typedef struct cr_pos_cursor {
	const char *buf;
	size_t len;
	size_t off;   /* byte offset of pos */
	size_t index; /* code points before off (libyaml's mark.index) */
	cr_pos pos;
} cr_pos_cursor;
void cr_pos_cursor_init(cr_pos_cursor *c, const char *buf, size_t len);
/* The position of byte offset off / of the index-th code point. */
cr_pos cr_pos_cursor_off(cr_pos_cursor *c, size_t off);
cr_pos cr_pos_cursor_index(cr_pos_cursor *c, size_t index);

/* Every scalar of a node tree in NFC, in place (extension values):
 * 0, or -1 on memory. */
int cr_node_nfc(cr_node *n);

/* Whether NFC leaves cp as it is wherever it stands (a starter that
 * neither decomposes differently nor composes with the one before). */
int cr_utf8_nfc_stable(unsigned cp);

/*
 * cr_utf8_decode, inline for the loops over text: the well-formed
 * sequences of the text this product reads (ASCII; Vietnamese, Cyrillic:
 * two bytes; CJK: three) decoded here, anything else (overlongs and
 * surrogates included) judged by utf8proc in cr_utf8_decode_slow.
 * test_utf8.c checks both against utf8proc on every such sequence.
 */
int cr_utf8_decode_slow(const char *s, size_t n, unsigned *cp);
static inline int
cr_utf8_next(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n > 0 && u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (n >= 2 && u[0] >= 0xc2 && u[0] <= 0xdf && (u[1] & 0xc0) == 0x80) {
		*cp = ((unsigned)(u[0] & 0x1f) << 6) | (unsigned)(u[1] & 0x3f);
		return 2;
	}
	if (n >= 3 && u[0] >= 0xe1 && u[0] <= 0xef && u[0] != 0xed &&
	    (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80) {
		*cp = ((unsigned)(u[0] & 0x0f) << 12) |
		      ((unsigned)(u[1] & 0x3f) << 6) | (unsigned)(u[2] & 0x3f);
		return 3;
	}
	return cr_utf8_decode_slow(s, n, cp);
}

/* cr_utf8_nfc_stable, with the ranges most text is in answered inline:
 * Latin and Vietnamese, Cyrillic, CJK punctuation and ideographs,
 * fullwidth forms (test_utf8.c checks that the answers agree). */
static inline int
cr_utf8_cp_stable(unsigned cp)
{
	return cp < 0x300 || (cp >= 0x400 && cp <= 0x482) ||
	       (cp >= 0x1e00 && cp <= 0x1f70) ||
	       (cp >= 0x3000 && cp <= 0x3029) ||
	       (cp >= 0x4e00 && cp <= 0xa66e) ||
	       (cp >= 0xff01 && cp <= 0xff60) || cr_utf8_nfc_stable(cp);
}

/* A character of one column that ends no line, in the runs most text is
 * in: Latin and Vietnamese, Greek and Cyrillic, the general punctuation
 * of typography (test_narrow.c checks them against cr_utf8_cp_width). */
static inline int
cr_utf8_cp_narrow(unsigned cp)
{
	return (cp >= 0xa0 && cp < 0x300) || (cp >= 0x370 && cp <= 0x482) ||
	       (cp >= 0x1e00 && cp <= 0x200a) ||
	       (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205e);
}

/* What the one pass of cr_input_check learns of a clean text, for the
 * readers to skip work (cr_clean.flags). */
enum {
	/* every code point an NFC-stable starter (cr_utf8_cp_stable): any
	 * text made of its characters is NFC */
	CR_TEXT_STABLE = 1,
	/* no tab, no CR, every character one column that ends no line
	 * (cr_utf8_cp_narrow), the last line ended by one (libyaml would
	 * end it by a line of its own, a mark there on the next line): a
	 * position's line and columns are libyaml's mark as it is */
	CR_TEXT_NARROW = 2,
	/* a backslash somewhere (so a double-quoted scalar may hold an
	 * escape, which can make any code point) */
	CR_TEXT_BACKSLASH = 4
};

/*
 * cr_input_clean without the copy (the readers' way): c->text is the
 * clean text, the input's own bytes after a byte-order mark when none had
 * to be replaced (c->copy NULL), else c->copy (malloc'd, the caller
 * frees it). c->flags: CR_TEXT_*, none for a copy. Returns as
 * cr_input_clean does.
 */
typedef struct cr_clean {
	const char *text;
	size_t len;
	char *copy;
	unsigned flags;
} cr_clean;
long cr_input_check(const char *buf, size_t len, const char *file, cr_clean *c,
		    cr_diags *d);

/* Whether s (NUL-terminated) is ASCII throughout. */
int cr_utf8_is_ascii(const char *s);

/* Canonical decomposition of one code point, case-folded when `fold`
 * (utf8proc): fills out, returns the count (at least 1). */
#define CR_UTF8_EXPAND_MAX 18
int cr_utf8_expand(unsigned cp, int fold, unsigned out[CR_UTF8_EXPAND_MAX]);

/*
 * Fills report fields from a YAML mapping node (the whole YAML document,
 * or a Markdown file's front matter). Unknown keys give `unknown-field`
 * with a suggestion; wrong types `bad-value`. Extension keys are kept:
 * the report holds a copy of their values (cr_node_copy), the tree stays
 * the caller's. Diagnostics name r->file.
 */
int cr_report_from_map(cr_report *r, cr_node *map, cr_diags *d);
/* One person from a node (string form or map); returns -1 only on memory;
 * a node of the wrong type gives `bad-value` and leaves p empty. */
int cr_person_from_node(cr_person *p, const cr_node *n, const char *file,
			cr_diags *d);
/* One action from a map node. */
int cr_action_from_node(cr_action *a, cr_node *n, const char *file,
			cr_diags *d);

/* cr_node.noted: a reader warned already about an unknown key, or about
 * an unknown Markdown section whose entries the key holds. */
#define CR_NOTED_KEY 1
#define CR_NOTED_SECTION 2

/* The WIP's keys (wip_store.c): the texts its sorts compare (clients,
 * projects, owners, action ids), ranked once all reports are in
 * (cr_wip_rank, by cr_wip_build). cr_wip_key_cmp orders two of them by
 * their ranks: by case-folded text then bytes, a NULL one first; with
 * `fold`, by case-folded text alone (case variants equal, NULL as ""). */
int cr_wip_rank(cr_wip *w);
int cr_wip_key_cmp(const char *a, const char *b, int fold);

/*
 * A bump allocator (arena.c): allocations aligned for any type, freed
 * all at once by cr_arena_free. cr_arena_grow is cr_grow for an array in
 * the arena (the old one stays, unused).
 */
typedef struct cr_arena cr_arena;
cr_arena *cr_arena_new(void);
void *cr_arena_alloc(cr_arena *a, size_t size);
char *cr_arena_strndup(cr_arena *a, const char *s, size_t n);
int cr_arena_grow(cr_arena *a, void *items, size_t *cap, size_t need,
		  size_t size);
void cr_arena_free(cr_arena *a);

/*
 * Node building (node.c). A node is made in arena `a` (with its text and
 * later its items), or with malloc when a is NULL. cr_node_root makes the
 * root of a tree in an arena of its own, which cr_node_free of that root
 * frees; cr_node_free of any other node of an arena does nothing.
 * cr_node_scalar copies len bytes of s; with `exact` the text is the
 * file's own from pos on one line (so a column inside it is pos plus the
 * characters before it). cr_node_push takes the child (freed when memory
 * runs out, or when child is NULL: returns -1); the items grow where the
 * parent was made. cr_node_copy is a deep copy with malloc (a value kept
 * beyond the tree it was read in).
 */
cr_node *cr_node_new(cr_arena *a, cr_node_type type, cr_pos pos);
cr_node *cr_node_root(cr_node_type type, cr_pos pos);
cr_node *cr_node_scalar(cr_arena *a, const char *s, size_t len, cr_pos pos,
			int exact);
int cr_node_push(cr_node *parent, cr_node *child);
int cr_node_append(cr_node *parent, cr_node *child);
cr_node *cr_node_copy(const cr_node *n);
/* Whether a column inside the scalar's text is its own column plus the
 * characters before it: n->exact, or a plain YAML scalar on one line. */
int cr_node_exact(const cr_node *n);

/*
 * The Markdown reader: front matter through cr_yaml_load, body through
 * cmark-gfm. buf is clean (cr_input_clean). Appends one report to out
 * (broken when unreadable).
 */
/* Refuses, with a `limit` diagnostic, a Markdown text whose cmark-gfm tree
 * would not fit the memory bound of SPEC 4 (md_limit.c): 0 within the
 * limits, 1 refused, -1 on memory. */
int cr_md_limit(const char *buf, size_t len, const char *file, cr_diags *d);
int cr_md_read(const char *buf, size_t len, unsigned text, const char *file,
	       cr_reports *out, cr_diags *d);
/* The YAML reader over a clean buffer: one report per document. */
int cr_yaml_read(const char *buf, size_t len, unsigned text, const char *file,
		 cr_reports *out, cr_diags *d);
/* cr_yaml_load of a clean text, `text` its cr_clean.flags: with
 * CR_TEXT_STABLE, every scalar that no escape can have made is NFC and
 * marked so (cr_node.stable); with CR_TEXT_NARROW, positions are taken
 * from libyaml's marks without counting columns. */
int cr_yaml_load_text(const char *buf, size_t len, unsigned text,
		      const char *file, cr_node ***docs, size_t *ndocs,
		      cr_diags *d);

/* YAML scalar emitting shared by the YAML and Markdown writers: whether a
 * string must be quoted to be read back as the same string. */
int cr_yaml_needs_quotes(const char *s);

#endif
