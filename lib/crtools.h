/*
 * crtools.h - the contact report library: model, readers, writers, checks.
 *
 * Ownership rules, once for the whole header:
 *  - Every struct the library fills is owned by the caller and released with
 *    its _free function (cr_report_free, cr_reports_free, cr_diags_free,
 *    cr_buf_free, cr_node_free).
 *  - Strings inside a model (cr_str.s, cr_report.file, ...) are owned by the
 *    struct that holds them; callers never free them one by one.
 *  - `const char *` results of lookup functions (labels, rule names) point
 *    to static read-only tables and are never freed.
 *  - Functions returning int return 0 on success and -1 when memory ran
 *    out; problems with the *input* are never return values but
 *    diagnostics appended to a cr_diags.
 *
 * The library never prints, exits or aborts, and keeps no global mutable
 * state: everything it needs is passed in.
 *
 * Positions (cr_pos) are 1-based: a line, a display column (SPEC 3: as
 * GCC prints it and vim's %v and Emacs read it) and a code-point column
 * (SARIF); they refer to the file as written; 0 means unknown.
 */
#ifndef CRTOOLS_H
#define CRTOOLS_H

#include <stdarg.h>
#include <stddef.h>

#define CR_VERSION "0.1.0"
/* The gettext domain of the diagnostics and the tools' messages. */
#define CR_TEXTDOMAIN "crtools"

/* Limits of SPEC section 4. */
#define CR_MAX_FILE_BYTES (16u * 1024u * 1024u)
#define CR_MAX_DEPTH 64
#define CR_MAX_ALIAS_BYTES (1024u * 1024u)
/* YAML nodes (scalars, lists, maps, alias copies) of one file: about 180
 * bytes each once read into a report, so a 16 MiB file of millions of
 * one-letter entries is refused instead of needing gigabytes. */
#define CR_MAX_YAML_NODES 1000000u

/* ------------------------------------------------------------------ */
/* Growable byte buffer                                                */

typedef struct cr_buf {
	char *data; /* always NUL-terminated when len > 0 or after any put */
	size_t len;
	size_t cap;
	int oom; /* set once an allocation failed; further puts are ignored */
} cr_buf;

/* An empty buffer; cr_buf_free releases its data (the struct is the
 * caller's). The put functions return 0, or -1 once memory ran out (then
 * b->oom is set and later puts do nothing). */
void cr_buf_init(cr_buf *b);
void cr_buf_free(cr_buf *b);
int cr_buf_put(cr_buf *b, const char *s, size_t n);
int cr_buf_puts(cr_buf *b, const char *s);
int cr_buf_putc(cr_buf *b, char c);
int cr_buf_printf(cr_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int cr_buf_vprintf(cr_buf *b, const char *fmt, va_list ap);
/* Takes the data out (caller frees with free()); the buffer is empty after. */
char *cr_buf_detach(cr_buf *b, size_t *len);

/* ------------------------------------------------------------------ */
/* UTF-8                                                               */

/* Decodes one code point from s (n bytes available). Returns its length
 * in bytes, or -1 if the sequence is invalid (overlong, surrogate, > U+10FFFF,
 * truncated). */
int cr_utf8_decode(const char *s, size_t n, unsigned *cp);
/* Appends the UTF-8 encoding of cp. */
int cr_utf8_encode(unsigned cp, char out[4]);
/* Display columns of one code point (utf8proc): 0 (combining, control),
 * 1, or 2 (East Asian wide and fullwidth, emoji). */
int cr_utf8_cp_width(unsigned cp);
/* Display columns of a UTF-8 string of n bytes (invalid bytes count 1). */
size_t cr_utf8_width(const char *s, size_t n);
/* Number of code points in n bytes (invalid bytes count 1 each). */
size_t cr_utf8_chars(const char *s, size_t n);
/* The NFC form of n bytes, malloc'd and NUL-terminated (*outlen its length
 * when not NULL); text that is not valid UTF-8 is copied as it is. NULL
 * when memory ran out. */
char *cr_utf8_nfc(const char *s, size_t n, size_t *outlen);
/* NFC with Unicode (full, non-Turkic) case folding: "Straße" -> "strasse".
 * malloc'd; NULL when memory ran out. */
char *cr_utf8_casefold(const char *s);
/* Compares two UTF-8 strings as their canonically decomposed, case-folded
 * forms: NFC and NFD spellings and case variants are equal (0); otherwise
 * a total order (-1, 1). */
int cr_utf8_casecmp(const char *a, const char *b);
/* Edit distance in code points of the case-folded NFC forms, capped at
 * max+1 to stay cheap. */
size_t cr_utf8_distance(const char *a, const char *b, size_t max);

/* Whether a code point must not reach a terminal raw (SPEC 3): C0 and C1
 * controls, DEL, the bidirectional embeddings, overrides and isolates
 * U+202A-U+202E and U+2066-U+2069. */
int cr_utf8_unsafe(unsigned cp);
/* What cr_utf8_escape may leave (or turn into a space). */
#define CR_ESC_KEEP_TAB 0x1u  /* tab as it is */
#define CR_ESC_KEEP_EOL 0x2u  /* CR and LF as they are */
#define CR_ESC_EOL_SPACE 0x4u /* tab, CR, LF, CRLF: one space each */
/* Appends n bytes of s with every unsafe code point written as a visible
 * escape: "\t", "\n", "\r", "\x1b" (C0, DEL), "\u0085" (C1),
 * "\u202e"; an invalid byte as "\xff". 0, or -1 on memory. */
int cr_utf8_escape(cr_buf *out, const char *s, size_t n, unsigned keep);

/* ------------------------------------------------------------------ */
/* Positions and diagnostics                                           */

typedef struct cr_pos {
	int line;
	int column; /* display column: a wide (CJK) character two, a
		       combining mark none, a tab to the next multiple of 8 */
	int cp;	    /* code-point column (a tab one) */
} cr_pos;

/* The position of byte offset `off` in the len bytes of buf. */
cr_pos cr_pos_at(const char *buf, size_t len, size_t off);

typedef enum cr_severity {
	CR_SEV_OFF = 0,
	CR_SEV_NOTE,
	CR_SEV_WARNING,
	CR_SEV_ERROR
} cr_severity;

/* The rule ids of SPEC section 6, in the order of its table (lib/cr_rules.h
 * declares them, with default severity and summary). */
typedef enum cr_rule {
#define CR_RULE(e, name, sev, summary) CR_RULE_##e,
#include "cr_rules.h"
#undef CR_RULE
	CR_RULE__COUNT
} cr_rule;

/* "missing-field", ... */
const char *cr_rule_name(cr_rule rule);
/* Returns the rule for a name, or -1 if there is none. */
int cr_rule_lookup(const char *name);
/* Default severity in the agency profile (fundraising: see cr_check_opts). */
cr_severity cr_rule_default(cr_rule rule);
/* The rule's one-line summary (static English text, as in cr-lint(1)). */
const char *cr_rule_summary(cr_rule rule);
/* "error", "warning", "note", "off" */
const char *cr_severity_name(cr_severity sev);
/* Returns the severity for a name, or -1. */
int cr_severity_lookup(const char *name);

/*
 * A diagnostic is kept compact until it is printed: its rule, position,
 * severity, the file's index among the names of its list (each name kept
 * once) and the values of its message, packed into the list's arena; the
 * message is formatted (and translated) only when printed, by
 * cr_diag_message or cr_diag_format. Read the file with cr_diag_file.
 */
typedef struct cr_diag {
	const char *fmt; /* the untranslated format (static), or NULL: the
			    one packed string is the message as is */
	cr_pos pos;
	unsigned args; /* offset of its packed values in the arena (a list
			  holds at most 4 GiB of them) */
	unsigned file; /* index of its name in the list */
	cr_severity severity : 8;
	cr_rule rule : 8;
} cr_diag;

typedef struct cr_diags {
	cr_diag *items;
	size_t len;
	size_t cap;
	int oom;
	/* private: the packed values; the file names, each once */
	cr_buf arena;
	cr_buf names;
	size_t *name_at; /* per name: its offset in names */
	size_t nnames, names_cap;
	unsigned *name_slot; /* hash table of name indexes (UINT_MAX: free) */
	size_t name_mask;
	size_t name_last; /* the name looked up last (valid below nnames) */
} cr_diags;

/* An empty list; cr_diags_free frees every diagnostic and the array (the
 * struct is the caller's). The add functions return 0, or -1 on memory
 * (then d->oom is set). */
void cr_diags_init(cr_diags *d);
void cr_diags_free(cr_diags *d);
/* Drops the diagnostics from index len on. */
void cr_diags_truncate(cr_diags *d, size_t len);
/* Appends a diagnostic with the rule's default severity. The format must
 * outlive the list (a string literal): it is translated through the
 * CR_TEXTDOMAIN catalogue of the process's LC_MESSAGES locale (dgettext:
 * English unless a tool chose a locale) when the message is formatted.
 * The values are copied; file is copied once per list. */
int cr_diags_add(cr_diags *d, const char *file, cr_pos pos, cr_rule rule,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
int cr_diags_vadd(cr_diags *d, const char *file, cr_pos pos, cr_rule rule,
		  cr_severity sev, const char *fmt, va_list ap);
/* Appends every diagnostic of src to dst, in order, and empties src.
 * 0, or -1 on memory (then dst->oom is set and src is kept). */
int cr_diags_move(cr_diags *dst, cr_diags *src);
/* Count of diagnostics at or above sev, from index `from`. */
size_t cr_diags_count(const cr_diags *d, size_t from, cr_severity sev);
/* Sorts items [from, len) by line then column, keeping order otherwise. */
void cr_diags_sort(cr_diags *d, size_t from);
/* The file a diagnostic of d names ("<stdin>" for standard input). */
const char *cr_diag_file(const cr_diags *d, const cr_diag *g);
/* Appends the message of g, a diagnostic of d, translated and formatted
 * (not escaped). 0, or -1 on memory. */
int cr_diag_message(const cr_diags *d, const cr_diag *g, cr_buf *out);
/* Appends "FILE:LINE:COL: SEVERITY: MESSAGE [RULE]\n" (no colour). */
int cr_diag_format(const cr_diags *d, const cr_diag *g, cr_buf *out);

/* ------------------------------------------------------------------ */
/* Generic YAML nodes (extension values, configuration files)          */

typedef enum cr_node_type {
	CR_NODE_SCALAR,
	CR_NODE_SEQ,
	CR_NODE_MAP
} cr_node_type;

typedef struct cr_node {
	cr_node_type type;
	cr_pos pos;
	char *value; /* scalars: the text, owned */
	int plain;   /* scalars: written without quotes (so may be a number) */
	struct cr_node *
	    *items; /* seq: values; map: key, value, key, value ... */
	size_t len; /* number of entries in items */
	size_t cap;
	cr_pos end; /* scalars: just after the value; 0 for alias copies */
	int exact;  /* scalars: the text is the file's own, on pos's line
		       (set by the Markdown reader; for YAML, plain scalars
		       on one line are) */
	int noted;  /* map keys: a reader already warned that the key is
		       unknown (kept without a second warning) */
	int stable; /* scalars: value known to be NFC as it is (made of
		       NFC-stable starters only: any part of it is too) */
	struct cr_arena *arena; /* where the node and its text were made
				   (the readers' trees), or NULL: malloc */
	int owns_arena;		/* the root of such a tree: cr_node_free
				   frees the whole arena */
} cr_node;

void cr_node_free(cr_node *n);
/* Whether a plain scalar is YAML's null (empty, ~, null, Null, NULL). */
int cr_node_is_null(const cr_node *n);

/*
 * Parses a YAML stream into one node tree per document, aliases expanded.
 * Every problem (syntax, encoding, limits, duplicate keys) becomes a
 * diagnostic naming `file`. `buf` must already be valid UTF-8 without NUL
 * (see cr_input_clean). `docs` receives an array of *ndocs trees; a
 * document whose parsing failed is NULL in it. Caller frees each tree and
 * the array.
 */
int cr_yaml_load(const char *buf, size_t len, const char *file, cr_node ***docs,
		 size_t *ndocs, cr_diags *d);

/* ------------------------------------------------------------------ */
/* Dates                                                               */

typedef struct cr_datetime {
	int year, month, day;
	int hour, minute, second;
	int has_time;	/* 0: a date alone */
	int has_offset; /* the offset was written in the text */
	int offset;	/* minutes east of UTC; valid once resolved */
} cr_datetime;

/* ------------------------------------------------------------------ */
/* Input text and suggestions (also for tools' own configuration files)  */

/*
 * Makes the bytes of one input ready for libyaml and cmark-gfm: drops a
 * UTF-8 byte-order mark, reports every invalid UTF-8 sequence and NUL byte
 * as an `encoding` error at its line and column, and replaces each such
 * byte with U+FFFD so that parsing (and positions) can go on. A UTF-16 or
 * UTF-32 file (a byte-order mark, or the NULs of ASCII text in it) is one
 * error for the whole file, and *out is empty. *out is malloc'd
 * and NUL-terminated. Returns the number of encoding errors, or -1 (memory).
 */
long cr_input_clean(const char *buf, size_t len, const char *file, char **out,
		    size_t *outlen, cr_diags *d);

/* The nearest of the NULL-terminated `known` words (edit distance at most
 * 3, in code points), or NULL; points into known. */
const char *cr_suggest(const char *word, const char *const *known);

/* Parses the ISO 8601 forms of SPEC 2.1. Returns 0, or -1 if not a date. */
int cr_datetime_parse(const char *s, cr_datetime *out);
/* Gives a date-time without an offset the offset of `ref` (when ref has
 * one), else the local time zone's offset at that moment. */
void cr_datetime_resolve(cr_datetime *dt, const cr_datetime *ref);
/* Seconds since the epoch (UTC). A date alone counts as its start, or with
 * end_of_day its last second (23:59:59), in dt->offset. */
long long cr_datetime_epoch(const cr_datetime *dt, int end_of_day);
/* The date-time for an epoch second seen at the given offset. */
void cr_datetime_from_epoch(long long t, int offset, cr_datetime *out);
/* Normalised text: "2026-11-20T14:00:00+07:00" or "2026-11-20". */
void cr_datetime_format(const cr_datetime *dt, char out[32]);
/* Days since 1970-01-01 of the civil date (no time, no offset). */
long long cr_days_from_civil(int y, int m, int d);
/* The local offset (minutes east of UTC) at epoch second t. */
int cr_local_offset(long long t);
/*
 * Calendar days from the date of dt to the date of the moment `now`, both
 * read in the report's zone: dt's own written offset, else that of `zone`
 * (the report's `date`) when written, else the TZ zone's offset at `now`,
 * so that a DST change between the two does not shift the count. The one
 * day count of "days overdue" for cr-lint and cr-wip alike.
 */
long long cr_days_since(const cr_datetime *dt, const cr_datetime *zone,
			long long now);

/* ------------------------------------------------------------------ */
/* The report model (SPEC 2.1)                                         */

/* A string value and where it was written. s is NULL when absent. */
typedef struct cr_str {
	char *s;
	cr_pos pos;
	int exact; /* s is written as is on the one line of pos (a plain
		      scalar, unchanged by NFC): a character inside s is at
		      pos advanced over the text before it */
} cr_str;

typedef struct cr_date {
	cr_str raw;	/* as written; raw.s NULL when absent */
	int valid;	/* raw parsed as a date */
	cr_datetime dt; /* when valid; offset resolved by cr_report_finish */
} cr_date;

/* The members a field of each kind has (cr_fields.h, cr_action_fields.h). */
#define CR_FIELD_TYPE_STR cr_str
#define CR_FIELD_TYPE_DATE cr_date
#define CR_FIELD_TYPE_PERSONS cr_persons
#define CR_FIELD_TYPE_TEXTS cr_texts
#define CR_FIELD_TYPE_ACTIONS cr_actions
#define CR_FIELD_TYPE_CONFIRMATIONS cr_confirmations

/* Flags of the field tables. */
#define CR_FF_REQ 1u /* required */
#define CR_FF_PH 2u  /* checked for placeholders */
#define CR_FF_WIP 4u /* kept by cr_report_strip */

typedef struct cr_person {
#define CR_PERSON_FIELD(e, key, member) cr_str member;
#include "cr_action_fields.h"
#undef CR_PERSON_FIELD
	cr_pos pos;
} cr_person;

typedef struct cr_persons {
	cr_person *items;
	size_t len;
	int given; /* the key or section was present */
	cr_pos pos;
} cr_persons;

/* A participant's answer to the report (SPEC 2.1): a map {name, at, note}
 * or the string "Name (AT): note". */
typedef struct cr_confirmation {
	cr_str name;
	cr_date at;
	cr_str note; /* the correction asked for; NULL: none */
	cr_pos pos;
} cr_confirmation;

typedef struct cr_confirmations {
	cr_confirmation *items;
	size_t len;
	int given;
	cr_pos pos;
} cr_confirmations;

typedef struct cr_texts {
	cr_str *items;
	size_t len;
	int given;
	cr_pos pos;
} cr_texts;

/* An x- extension key, or an unknown key kept by conversions (SPEC 7),
 * with its value (aliases expanded). */
typedef struct cr_ext {
	char *key;
	cr_pos pos;
	cr_node *value;
	int unknown; /* not x-: a key (or Markdown section) the format does
			not know, warned about when read */
	int section; /* read from a Markdown section of that heading */
} cr_ext;

typedef struct cr_exts {
	cr_ext *items;
	size_t len;
} cr_exts;

typedef enum cr_status {
	CR_STATUS_OPEN,
	CR_STATUS_DONE,
	CR_STATUS_BLOCKED,
	CR_STATUS_DROPPED,
	CR_STATUS_INVALID
} cr_status;

typedef struct cr_action {
	/* id, what, who, due, status, note: see cr_action_fields.h; the id
	 * is always set after cr_report_finish, status as written (see
	 * cr_action_status()) */
#define CR_ACTION_FIELD(e, key, kind, member, flags, col, values)              \
	CR_FIELD_TYPE_##kind member;
#include "cr_action_fields.h"
#undef CR_ACTION_FIELD
	int id_given; /* id was written in the file */
	cr_exts ext;
	cr_pos pos;
} cr_action;

/* The actions of a report. */
typedef struct cr_actions {
	cr_action *items;
	size_t len;
	int given; /* the key or section was present */
	cr_pos pos;
} cr_actions;

typedef enum cr_type {
	CR_TYPE_NONE, /* not given */
	CR_TYPE_MEETING,
	CR_TYPE_CALL,
	CR_TYPE_VIDEO,
	CR_TYPE_VISIT,
	CR_TYPE_EMAIL,
	CR_TYPE_OTHER,
	CR_TYPE_INVALID
} cr_type;

typedef enum cr_outcome {
	CR_OUTCOME_REACHED,
	CR_OUTCOME_NO_ANSWER,
	CR_OUTCOME_LEFT_MESSAGE,
	CR_OUTCOME_DECLINED,
	CR_OUTCOME_POSTPONED,
	CR_OUTCOME_INVALID
} cr_outcome;

typedef enum cr_conf {
	CR_CONF_PUBLIC,
	CR_CONF_CLIENT,
	CR_CONF_INTERNAL,
	CR_CONF_CONFIDENTIAL,
	CR_CONF_INVALID
} cr_conf;

typedef enum cr_lang {
	CR_LANG_EN,
	CR_LANG_VI,
	CR_LANG_ZH,
	CR_LANG_RU,
	CR_LANG__COUNT,
	CR_LANG_INVALID = CR_LANG__COUNT
} cr_lang;

typedef enum cr_form { CR_FORM_AUTO, CR_FORM_YAML, CR_FORM_MD } cr_form;

typedef struct cr_report {
	char *file; /* owned; name for diagnostics */
	cr_form form;
	cr_pos pos;   /* where the document starts */
	int broken;   /* syntax/encoding/limit error: not to be rendered or
			 checked */
	int id_given; /* id was written in the file */

	/* One member per field of SPEC 2.1, in its order: lib/cr_fields.h. */
#define CR_FIELD(e, key, kind, member, flags, sec, values, hint)               \
	CR_FIELD_TYPE_##kind member;
#include "cr_fields.h"
#undef CR_FIELD
	cr_exts ext; /* x- keys, then unknown keys (kept by conversions) */
} cr_report;

typedef struct cr_reports {
	cr_report **items;
	size_t len;
	size_t cap;
} cr_reports;

/* Enum values of a report, with SPEC defaults for absent fields. */
cr_type cr_report_type(const cr_report *r);
cr_outcome cr_report_outcome(const cr_report *r);
cr_conf cr_report_conf(const cr_report *r);
cr_lang cr_report_lang(const cr_report *r); /* invalid -> CR_LANG_INVALID */
cr_status cr_action_status(const cr_action *a);
/* Whether r is a planned contact (SPEC 2.1): its date, valid, starts after
 * `now` (epoch seconds). */
int cr_report_planned(const cr_report *r, long long now);

/* Enum <-> text. The _name functions return static strings; _lookup
 * returns the value or the _INVALID/-1 member for unknown text. */
const char *cr_type_name(cr_type t);
const char *cr_outcome_name(cr_outcome o);
const char *cr_conf_name(cr_conf c);
const char *cr_lang_name(cr_lang l);
const char *cr_status_name(cr_status s);
cr_type cr_type_lookup(const char *s);
cr_outcome cr_outcome_lookup(const char *s);
cr_conf cr_conf_lookup(const char *s);
cr_lang cr_lang_lookup(const char *s);
cr_status cr_status_lookup(const char *s);

/* An empty report (every field absent), or NULL on memory; the caller
 * owns it and frees it with cr_report_free (NULL is fine). */
cr_report *cr_report_new(void);
void cr_report_free(cr_report *r);
void cr_reports_free(cr_reports *rs); /* frees the reports and the array */
/* Appends r, which the list then owns; 0, or -1 on memory (r is then
 * still the caller's). */
int cr_reports_push(cr_reports *rs, cr_report *r);
/* Frees everything but what a WIP needs (the fields flagged CR_FF_WIP in
 * cr_fields.h and cr_action_fields.h), so that a
 * collection of 100,000 reports fits in memory. The report stays valid:
 * the rest reads as absent. */
void cr_report_strip(cr_report *r);
/* Same model: every value equal after defaults and normalisation. Ignores
 * positions, file and form. */
int cr_report_equal(const cr_report *a, const cr_report *b);

/* Field key names of SPEC 2.1, in the order of its table (NULL-terminated). */
extern const char *const cr_report_keys[];
extern const char *const cr_action_keys[];
extern const char *const cr_person_keys[];
extern const char *const cr_confirmation_keys[];

/* The values of each enum field, NULL-terminated, in the order of the C
 * enums above (cr_stage_values: the agency stages, then the fundraising
 * ones; see cr_stage_profile). */
extern const char *const cr_type_values[];
extern const char *const cr_outcome_values[];
extern const char *const cr_conf_values[];
extern const char *const cr_lang_values[];
extern const char *const cr_status_values[];
extern const char *const cr_stage_values[];

/* Whether an action still needs doing: status open or blocked. */
int cr_action_open(const cr_action *a);

/* The attendee (or else distribution) person of that name, compared
 * case-insensitively; NULL if none. */
const cr_person *cr_report_find_person(const cr_report *r, const char *name);

/* Persons: parse the string form "Name (Role, Org) <email>" into p (strings
 * copied); format a person back to that form. cr_person_plain is true when
 * the string form gives back the same person. */
int cr_person_parse(const char *s, cr_pos pos, cr_person *p);
int cr_person_format(const cr_person *p, cr_buf *out);
int cr_person_plain(const cr_person *p);
void cr_person_clear(cr_person *p);

/* Confirmations: parse the string form "Name (AT)" or "Name (AT): note"
 * (strings copied; returns 0 with c->name NULL when s is not of that
 * form, -1 on memory); format one back to that form; clear one. */
int cr_confirmation_parse(const char *s, cr_pos pos, cr_confirmation *c);
int cr_confirmation_format(const cr_confirmation *c, cr_buf *out);
void cr_confirmation_clear(cr_confirmation *c);
int cr_confirmations_push(cr_confirmations *cs, cr_confirmation *c);

/* Building a report in code (cr-new): every setter copies its text and
 * replaces what the field held (cr_str_set with NULL makes the field
 * absent); call cr_report_finish afterwards. */
int cr_str_set(cr_str *dst, const char *s, cr_pos pos);
int cr_str_setn(cr_str *dst, const char *s, size_t n, cr_pos pos);
/* Sets a cr_date from text and parses it (valid tells the result). */
int cr_date_set(cr_date *dt, const char *s, cr_pos pos);
int cr_texts_push(cr_texts *t, const char *s, size_t n, cr_pos pos);
int cr_persons_push(cr_persons *ps, cr_person *p);   /* takes p's strings */
int cr_actions_push(cr_report *r, cr_action *a);     /* takes a's contents */
int cr_actions_append(cr_actions *as, cr_action *a); /* the same */
void cr_action_clear(cr_action *a);

/* An id made of free text: lower case, Latin diacritics dropped
 * ("Sữa Việt" -> "sua-viet"), Cyrillic transliterated ("Северный" ->
 * "severnyy"), CJK kept, anything else one '-'. malloc'd; "" when nothing
 * is left; NULL on memory. */
char *cr_slug(const char *s);

/* ------------------------------------------------------------------ */
/* Reading                                                             */

typedef struct cr_read_opts {
	cr_form form;		/* CR_FORM_AUTO: sniff (see cr_sniff) */
	const char *file;	/* name for diagnostics; NULL: "<stdin>" */
	const char *default_id; /* id of a report without one; NULL: none */
} cr_read_opts;

/* Readies what the readers share process-wide (cmark-gfm's registry of
 * Markdown extensions, cmark's own state, filled once): call it before
 * reading in several threads at once. Reading alone calls it anyway. */
void cr_init(void);

/*
 * Reads one file's bytes into reports (a YAML stream may give several)
 * appended to `out`, and diagnostics appended to `d`. Never stops at the
 * first problem when more can be reported: a report with a syntax,
 * encoding or limit error is still appended with `broken` set. Each
 * report is finished (cr_report_finish) with opts->default_id.
 */
int cr_read(const char *buf, size_t len, const cr_read_opts *opts,
	    cr_reports *out, cr_diags *d);
/* Return values besides 0 (and CR_REFUSED of the renderers). */
#define CR_ERR_MEMORY (-1) /* memory ran out */
#define CR_ERR_IO (-3)	   /* a file could not be read: see errno */

/*
 * Reads the report file at `path` (a regular file; the form from `form`,
 * or when CR_FORM_AUTO from the extension, else sniffed; the default id
 * its base name) into reports appended to `out` and diagnostics appended
 * to `d`, as cr_read does. Returns 0 (problems with the text are
 * diagnostics, not return values), CR_ERR_IO with errno set when the file
 * cannot be opened or read (EISDIR, EINVAL: not a regular file), or
 * CR_ERR_MEMORY. The caller owns what is appended (cr_reports_free,
 * cr_diags_free).
 */
int cr_read_file(const char *path, cr_form form, cr_reports *out, cr_diags *d);

/*
 * The form of a buffer. YAML, unless the first non-blank line (after a
 * front matter block, if the text opens with one) is a '#' line: a
 * Markdown heading or a YAML comment. Then the lines after it decide,
 * up to the next "---": top-level "key:" lines are YAML, other text at
 * column 1 (prose, "- item", tables) Markdown. With front matter it is
 * YAML (the next document of a stream) only when there are key lines and
 * no text; without, YAML when there is any key line. `unsure` is set
 * when both kinds of line were seen, so the caller can say the form was
 * guessed.
 */
cr_form cr_sniff_form(const char *buf, size_t len, int *unsure);
/* cr_sniff_form without the doubt. */
cr_form cr_sniff(const char *buf, size_t len);
/* The form a file name's extension gives (.yaml/.yml, .md/.markdown), or
 * CR_FORM_AUTO. */
cr_form cr_form_from_path(const char *path);
/* The default report id for a path: its base name without extension. The
 * result is malloc'd. */
char *cr_id_from_path(const char *path);
/* Fills defaults that depend on the whole report: id, action ids, date
 * offsets. Called by cr_read; call again after building a report in code. */
int cr_report_finish(cr_report *r, const char *default_id);

/* ------------------------------------------------------------------ */
/* Labels: the one table of section, column and field names (SPEC 2.3)  */

typedef enum cr_section {
	CR_SEC_NONE = -1, /* a field with no section of its own */
	CR_SEC_ATTENDEES,
	CR_SEC_ABSENT,
	CR_SEC_DISTRIBUTION,
	CR_SEC_AGENDA,
	CR_SEC_DISCUSSION,
	CR_SEC_AGREEMENTS,
	CR_SEC_ACTIONS,
	CR_SEC_INTERNAL,
	CR_SEC_CONFIRMATIONS,
	CR_SEC__COUNT
} cr_section;

typedef enum cr_column {
	CR_COL_ID,
	CR_COL_WHAT,
	CR_COL_WHO,
	CR_COL_DUE,
	CR_COL_STATUS,
	CR_COL_NOTE,
	CR_COL__COUNT
} cr_column;

const char *cr_section_label(cr_section s, cr_lang l);
const char *cr_section_key(cr_section s); /* "attendees" ... */
/* A heading in any supported language (case-insensitive), or -1. */
int cr_section_lookup(const char *heading);
const char *cr_column_label(cr_column c, cr_lang l);
const char *cr_column_key(cr_column c); /* "id", "what" ... */
int cr_column_lookup(const char *header);

/* ------------------------------------------------------------------ */
/* Writing                                                             */

typedef enum cr_audience {
	CR_AUDIENCE_INTERNAL, /* everything */
	CR_AUDIENCE_CLIENT    /* without `internal` notes */
} cr_audience;

typedef struct cr_write_opts {
	cr_lang lang; /* labels; CR_LANG_INVALID: the report's own */
	cr_audience audience;
	long long now;	/* epoch seconds: overdue marks and the like */
	int now_offset; /* minutes east of UTC for `now` */
	const char *from_address; /* eml: sender address when the author has
				     none among the attendees; NULL: none */
	/* The house style (SPEC 7, cr_house_style): all zero without one. */
	const char *agency;	   /* the agency's name; NULL: none */
	const unsigned char *logo; /* the logo's bytes, PNG or SVG (see
				      cr_logo_type); NULL: none */
	size_t logo_len;
	int reply_hours; /* the client's copy asks for confirmation within
			    so many hours; 0: no such line */
	int agenda;	 /* html, txt, pdf, eml: the agenda sent before the
			    contact (SPEC 7, --agenda): title, when, where, who is
			    invited, the topics and the open and blocked actions
			    to review; never discussion, agreements, internal
			    notes or confirmations */
} cr_write_opts;

/* ------------------------------------------------------------------ */
/* The house style: .cr-render.yaml (SPEC 7)                          */

#define CR_HOUSE_STYLE_FILE ".cr-render.yaml"
#define CR_REPLY_HOURS_DEFAULT 48

typedef struct cr_house_style {
	char *agency; /* owned; NULL when not given */
	char *logo;   /* owned; the path as written (relative to the file) */
	cr_pos logo_pos;
	int reply_hours; /* CR_REPLY_HOURS_DEFAULT when not given */
} cr_house_style;

/* Reads a house style file's bytes (any bytes: invalid UTF-8 is an error);
 * every problem (syntax, unknown key, a value of the wrong type) is a
 * diagnostic naming `file`. 0, or -1 on memory. Free with
 * cr_house_style_free. */
int cr_house_style_read(const char *buf, size_t len, const char *file,
			cr_house_style *hs, cr_diags *d);
void cr_house_style_free(cr_house_style *hs);
/* The MIME type of logo bytes: "image/png", "image/svg+xml", or NULL
 * when they are neither. */
const char *cr_logo_type(const unsigned char *data, size_t len);

/* Canonical YAML of one report as one document (no leading "---"). */
int cr_write_yaml(const cr_report *r, const cr_write_opts *o, cr_buf *out);
/* Canonical Markdown: front matter, title heading, sections, actions table. */
int cr_write_md(const cr_report *r, const cr_write_opts *o, cr_buf *out);
/* The model as one JSON object, keys as in YAML, defaults filled, persons
 * as maps, dates normalised. */
int cr_write_json(const cr_report *r, const cr_write_opts *o, cr_buf *out);
/* Appends s as a JSON string literal (with quotes). */
int cr_json_string(cr_buf *out, const char *s);

/*
 * Whether a rendering for o->audience must be refused (SPEC 7): the
 * client's copy of a report whose confidentiality is `internal`,
 * `confidential` or a value outside the enum (a typo must not leak the
 * report). Returns NULL when rendering is allowed, else the reason for
 * the user (a static English sentence, never freed).
 */
const char *cr_render_refusal(const cr_report *r, const cr_write_opts *o);

/* What a renderer returns when it refuses (cr_render_refusal, or for eml
 * cr_eml_refusal, say why); -1 is only ever memory or a library failure. */
#define CR_REFUSED (-2)

/* Reading formats (SPEC 7). Each appends to out and returns 0; CR_REFUSED
 * (nothing appended) when the rendering is refused; -1 on memory or
 * (pdf, eml) when the graphics or MIME library failed. */
/* One standalone HTML5 page, no external resource, print stylesheet. */
int cr_render_html(const cr_report *r, const cr_write_opts *o, cr_buf *out);
/* Plain text for an e-mail body, wrapped at 72 columns. */
int cr_render_txt(const cr_report *r, const cr_write_opts *o, cr_buf *out);
/* An A4 PDF document (cairo + pango). */
int cr_render_pdf(const cr_report *r, const cr_write_opts *o, cr_buf *out);
/* An RFC 5322 message with the txt body and the pdf attached (GMime). */
int cr_render_eml(const cr_report *r, const cr_write_opts *o, cr_buf *out);
/* Why no message can be made (cr_render_eml then returns CR_REFUSED): no sender
 * address, i.e. the author has no plain address among the attendees and
 * distribution and o->from_address is NULL or not local@domain; or no
 * recipient, i.e. no attendee or distribution member has one. A static
 * English sentence for the user, or NULL when the message can be made. */
const char *cr_eml_refusal(const cr_report *r, const cr_write_opts *o);
/* The participants (attendees, then distribution) that get no copy of the
 * message for want of a plain address, in order: *out is malloc'd (free()
 * it; NULL when there are none), its pointers point into r. 0, or -1 on
 * memory. */
int cr_eml_left_out(const cr_report *r, const cr_person ***out, size_t *n);

/* ------------------------------------------------------------------ */
/* Threads: reports read together (SPEC 2.4)                           */

/* Not an index: no report, no thread, no action. */
#define CR_NONE ((size_t)-1)

/* One action of a thread: an id within its thread (an action written
 * without an id is one of its own). Indexes are those of the reports
 * given to cr_threads_build. */
typedef struct cr_thread_action {
	size_t thread;	/* its thread */
	const char *id; /* borrowed; NULL for an action without an id */
	size_t first;	/* the earliest report that lists it */
	size_t latest;	/* the latest one: its current state */
	size_t action;	/* its index in `latest` (the last one, should the
			   id repeat there) */
	size_t count;	/* how many reports of the thread list it */
} cr_thread_action;

/* An open or blocked action of a report that the report naming it as
 * `previous` leaves out: neither carried nor closed. */
typedef struct cr_thread_lost {
	size_t report; /* the report that leaves it out */
	size_t prev;   /* its previous, which lists it */
	size_t action; /* the action's index in `prev` */
} cr_thread_lost;

/* What the threads read of one report: cr_threads_build makes these from
 * reports; a tool that keeps no reports (cr-wip) gives its own to
 * cr_threads_build_nodes. The strings are borrowed. */
typedef struct cr_thread_item {
	const char *id; /* NULL or "": an action without an id */
	int open;	/* open or blocked (cr_action_open) */
} cr_thread_item;

typedef struct cr_thread_node {
	const char *id;	      /* NULL: none */
	const char *previous; /* NULL: none */
	long long when;	      /* epoch seconds of a valid date; LLONG_MIN */
	int broken;	      /* unreadable: in no thread */
	int dated;	      /* the date is valid */
	const cr_thread_item *items; /* its actions, in order */
	size_t nitems;
} cr_thread_node;

/* What the checks across reports read of one report (cr_check_links):
 * its thread node and what the messages say, so that many reports can be
 * checked together without keeping them. A few hundred bytes. */
typedef struct cr_link_date {
	short year;
	signed char month, day, hour, minute, second;
	unsigned char valid, has_time, has_offset;
	short offset;
} cr_link_date;

typedef struct cr_link_action {
	cr_pos due_pos;
	int line; /* where it is written: its id's line, else its own */
	cr_link_date due;
	unsigned char status; /* cr_status: cr_action_status() */
} cr_link_action;

typedef struct cr_link {
	cr_thread_node node; /* its items: the actions' ids */
	const char *file;    /* name for diagnostics; NULL: "<stdin>" */
	const char *client;  /* NULL: absent */
	const cr_link_action *actions; /* node.nitems of them */
	cr_pos pos, id_pos, previous_pos, actions_pos;
	cr_link_date date;
	unsigned char id_given, actions_given;
} cr_link;

/* The link of r, a copy in one block (r may go after), or NULL on
 * memory; free() it. file is borrowed (it must outlive the link) as the
 * name for diagnostics; NULL: r's own, copied. */
cr_link *cr_link_new(const cr_report *r, const char *file);
/* A date as a cr_datetime. */
void cr_link_date_get(const cr_link_date *ld, cr_datetime *dt);

/*
 * The threads of a set of reports. It BORROWS the reports (and their ids)
 * given to cr_threads_build, which must outlive it unchanged. A broken
 * report belongs to no thread. Reports are ordered as SPEC 2.4 says
 * (cr_threads_later): by date (a report without a valid date first),
 * then the one further down a `previous` chain, then the later input.
 */
typedef struct cr_threads {
	const cr_report *const *rs; /* NULL when built from nodes */
	const cr_thread_node *node; /* per report */
	size_t n;
	unsigned flags;
	size_t nthreads;
	size_t *thread;	      /* per report: its thread, CR_NONE if broken */
	size_t *prev;	      /* per report: the report `previous` names (a
				 readable one), or CR_NONE */
	unsigned char *cycle; /* per report: following `previous` from it
				 comes back to it */
	size_t *head;	      /* per thread: its earliest report */
	cr_thread_action *actions; /* one per action of a thread */
	size_t nactions;
	cr_thread_lost *lost; /* in report order, then action order */
	size_t nlost;
	/* private: order keys, the id table, occurrences */
	long long *when;
	size_t *depth;
	unsigned *ids;
	size_t ids_mask;
	size_t *occ;  /* per report: its first entry in `of` (n + 1) */
	unsigned *of; /* per action occurrence: its thread action */
	cr_thread_node *own_nodes; /* made by cr_threads_build */
	cr_thread_item *own_items;
} cr_threads;

/* cr_threads_build flag: the actions of reports without a valid date are
 * left out (a WIP cannot place them); their links still join threads. */
#define CR_THREADS_DATED 1u

/* Builds the threads of n reports (some may be NULL). Time and memory
 * linear in the reports and actions. 0, or -1 (memory; t is then empty). */
int cr_threads_build(cr_threads *t, const cr_report *const *rs, size_t n,
		     unsigned flags);
/* The same from n nodes (borrowed, as their strings), without reports. */
int cr_threads_build_nodes(cr_threads *t, const cr_thread_node *nodes, size_t n,
			   unsigned flags);
void cr_threads_free(cr_threads *t);
/* The report whose id is `id` (a readable one when there is one), or
 * CR_NONE. */
size_t cr_threads_find(const cr_threads *t, const char *id);
/* Whether report a comes after report b in the order of SPEC 2.4. */
int cr_threads_later(const cr_threads *t, size_t a, size_t b);
/* The thread action that action i of report r belongs to; NULL when the
 * report's actions are not counted. */
const cr_thread_action *cr_threads_action_of(const cr_threads *t, size_t r,
					     size_t i);
/* Whether action i of report r is its action's current state (r is the
 * latest report of the thread that lists it). */
int cr_threads_current(const cr_threads *t, size_t r, size_t i);
/* The id after the highest numbered of ids, its prefix kept ("acme-7"
 * -> "acme-8", "3" -> "4"): *out is malloc'd, or NULL when no id ends in
 * a number. 0, or -1 on memory. */
int cr_action_id_next(const char *const *ids, size_t n, char **out);

/* ------------------------------------------------------------------ */
/* Checks (the lint rules of SPEC 6)                                   */

typedef enum cr_profile {
	CR_PROFILE_AGENCY,
	CR_PROFILE_FUNDRAISING
} cr_profile;

/* The word matchers of the checks (opaque; see cr_check_opts_prepare). */
typedef struct cr_check_words cr_check_words;

typedef struct cr_check_opts {
	cr_profile profile;
	int max_issue_hours;
	int confirm_days; /* not-confirmed: days after issued (3) */
	cr_severity severity[CR_RULE__COUNT]; /* CR_SEV_OFF: rule disabled */
	long long now;			      /* epoch seconds */
	int now_offset;			      /* minutes east of UTC */
	const char *const *team;	      /* names that may own actions */
	size_t nteam;
	cr_check_words *words; /* owned; NULL: built anew for every report */
} cr_check_opts;

/* The profile whose stage list holds `stage` (CR_PROFILE_AGENCY or
 * CR_PROFILE_FUNDRAISING), or -1 when neither does. */
int cr_stage_profile(const char *stage);

/* Defaults of a profile; now = 0 (set it). */
void cr_check_opts_init(cr_check_opts *o, cr_profile profile);
/* Builds the word matchers once, for checking many reports with the same
 * options; release them with cr_check_opts_free. 0, or -1 (memory). */
int cr_check_opts_prepare(cr_check_opts *o);
void cr_check_opts_free(cr_check_opts *o);
/* Checks one report (skips a broken one) and appends findings: every rule
 * but those of cr_check_collection. */
int cr_check_report(const cr_report *r, const cr_check_opts *o, cr_diags *d);
/* Checks the reports as threads (SPEC 2.4; call it for a single report
 * too, which is its own thread): duplicate report ids, missing-previous,
 * previous-cycle, thread-mismatch, action-lost, and action-overdue and
 * action-due-before-contact on each action's current state only. */
int cr_check_collection(const cr_report *const *rs, size_t n,
			const cr_check_opts *o, cr_diags *d);
/* The same over links (cr_link_new): a report checked and then let go
 * still counts in its thread. */
int cr_check_links(const cr_link *const *ln, size_t n, const cr_check_opts *o,
		   cr_diags *d);
/* Re-grades diagnostics [from, len) with o->severity and drops the ones
 * whose rule is off. */
void cr_diags_apply(cr_diags *d, size_t from, const cr_check_opts *o);

/* ------------------------------------------------------------------ */
/* WIP: the actions of many reports in one list (SPEC 8)               */

/*
 * A WIP keeps no reports: cr_wip_add copies what its views show of one
 * (a record, cr_wip_rec) into the cr_wip's own memory, texts that repeat
 * (clients, owners, statuses) once, so that 100,000 reports take a few
 * hundred bytes each; the report can then be freed. Rows and views point
 * into the records; cr_wip_free frees them all.
 */
typedef struct cr_wip_str {
	const char *s; /* NULL when absent */
} cr_wip_str;

typedef struct cr_wip_strs {
	const cr_wip_str *items;
	size_t len;
} cr_wip_strs;

/* An action as a record keeps it. */
typedef struct cr_wip_act {
	cr_wip_str id, what, who, status;
	const cr_date *due; /* never NULL; raw.s only when not valid (vague) */
	cr_status st;	    /* cr_action_status */
	unsigned open : 1;  /* open or blocked (cr_action_open) */
	unsigned org : 1;   /* `who` names an organisation of its report (the
			       client, an attendee's org), not a person */
} cr_wip_act;

typedef struct cr_wip_conf {
	cr_wip_str name, note;
} cr_wip_conf;

/* A readable report as the WIP keeps it (one without a valid date keeps
 * only what links its thread). */
typedef struct cr_wip_rec {
	const char *file;
	cr_wip_str id, client, project, type, outcome, stage, author, previous;
	cr_outcome outcome_v;			     /* cr_report_outcome */
	const cr_date *date, *issued, *next_contact; /* never NULL; raw.s only
							when not valid */
	long long when; /* cr_datetime_epoch(&date->dt, 0): the sorts' key */
	cr_wip_strs agreements; /* with the agreement view */
	struct {
		const cr_wip_conf *items;
		size_t len;
	} confirmations; /* with the report view */
	struct {
		const cr_wip_act *items;
		size_t len;
	} actions;
} cr_wip_rec;

typedef struct cr_wip_row {
	const cr_wip_rec *first;  /* the earliest report carrying the action */
	const cr_wip_rec *latest; /* the latest one: its fields win */
	const cr_wip_act *action; /* the action as written in `latest` */
	size_t count;		  /* how many reports of its thread list it */
	size_t thread;		  /* its thread (cr_threads numbering) */
	size_t seq;		  /* its thread action (input order) */
	const cr_wip_rec *origin; /* the thread's earliest report: with the
				     action id, names the action across runs */
	cr_status status;	  /* cr_action_status(action) */
	int overdue;		/* open or blocked, and the due moment passed */
	long long days_overdue; /* calendar days from due date to today; 0
				   when not overdue */
	long long due_in;	/* calendar days from today to the due date
				   (negative once past); 0 without a due */
	long long due_at;	/* cr_datetime_epoch(due, 1) when it is valid */
} cr_wip_row;

typedef struct cr_wip_mem cr_wip_mem; /* private: the records' memory */

typedef struct cr_wip {
	cr_wip_row *rows;
	size_t len;
	size_t cap;
	long long now;	/* epoch seconds: "today" for every row */
	int now_offset; /* minutes east of UTC for `now` */
	unsigned views; /* CR_WIP_VIEW bits: the views whose texts records
			   keep (cr_wip_init: all) */
	const cr_wip_rec **recs; /* taken in, in input order */
	size_t nrecs, recs_cap;
	size_t ndated; /* records with a valid date */
	cr_wip_mem *mem;
} cr_wip;

/* Status bits for cr_wip_filter.status. */
#define CR_WIP_STATUS(s) (1u << (s))
#define CR_WIP_STATUS_ALL 0x1fu /* every status, unknown ones too */

typedef struct cr_wip_filter {
	unsigned status;      /* CR_WIP_STATUS bits; 0: open and blocked */
	const char *client;   /* NULL: any; else equal ignoring case */
	const char *project;  /* NULL: any; else equal ignoring case */
	const char *owner;    /* NULL: any; `who` equal ignoring case */
	int overdue;	      /* only overdue rows */
	long long due_within; /* >= 0: only rows due on or before today plus
				 this many days (overdue ones included) */
} cr_wip_filter;

void cr_wip_init(cr_wip *w, long long now, int now_offset);
void cr_wip_free(cr_wip *w);
/* The filter that keeps what cr-wip shows by default (open, blocked). */
void cr_wip_filter_init(cr_wip_filter *f);
/*
 * Takes in what the WIP needs of report r (copied; r may be freed then).
 * A broken report is skipped silently (its reader said why); a report
 * without a valid `date` gets an error appended to d and keeps only its
 * links (its `previous` still joins its thread). 0, or -1 on memory.
 */
int cr_wip_add(cr_wip *w, const cr_report *r, cr_diags *d);
/*
 * Merges the actions of the records into rows (appended to w), one per
 * action of a thread (SPEC 2.4, cr_threads): the same id in two threads
 * is two rows; within a thread, the latest report that lists the action
 * gives its fields, the earliest is `first`, and `count` is how many of
 * the thread's reports list it. Actions without an id are never merged.
 * Rows come out sorted (cr_wip_sort). 0, or -1 on memory.
 */
int cr_wip_build(cr_wip *w);
/* Drops the rows the filter does not keep; the order stays. */
void cr_wip_select(cr_wip *w, const cr_wip_filter *f);
/* Whether one row passes the filter. */
int cr_wip_keep(const cr_wip_row *row, const cr_wip_filter *f);
/* By due moment (none last), then client, then id. */
void cr_wip_sort(cr_wip *w);

/* Per owner (`who`, grouped ignoring case; the first spelling kept):
 * rows still to do (open or blocked), overdue ones, and ones due within
 * the next `days` days that are not overdue. */
typedef struct cr_wip_owner {
	const char *name; /* borrowed from a row; "" when nobody is named */
	int org;	  /* an organisation (the client, an attendee's org),
			     not a person */
	size_t open;
	size_t overdue;
	size_t due_soon;
} cr_wip_owner;

/* The owners of w's rows sorted by name; *out is malloc'd (free() it),
 * NULL when there are none. 0, or -1 on memory. */
int cr_wip_owners(const cr_wip *w, long long days, cr_wip_owner **out,
		  size_t *n);

/*
 * The views of SPEC 8 besides the actions: one row per job (client and
 * project), per report, per agreement. Like the action rows they point
 * into the records. Built by cr_wip_views_build after cr_wip_build and
 * before cr_wip_select (the job counts need every action).
 */
typedef struct cr_wip_job {
	const cr_wip_rec *latest;  /* the job's latest report: its spelling */
	const cr_wip_rec *last;	   /* the latest at or before now; NULL */
	const cr_wip_rec *stage;   /* the latest held one with a stage; NULL */
	const cr_wip_rec *planned; /* the earliest planned contact; NULL */
	const cr_wip_rec *next_of; /* the report whose next action is `next` */
	const cr_wip_act *next;	   /* the open action due first; NULL */
	size_t open, overdue;
	long long days_since; /* days from the last contact; -1 without */
	int closed;	      /* stage `closed` */
} cr_wip_job;

typedef enum cr_issue_state {
	CR_ISSUE_ON_TIME,
	CR_ISSUE_LATE,
	CR_ISSUE_NOT_ISSUED,
	CR_ISSUE_PLANNED
} cr_issue_state;

typedef struct cr_wip_rep {
	const cr_wip_rec *r;
	cr_issue_state state;
	int has_hours;
	long long hours; /* whole hours from contact to issue */
} cr_wip_rep;

typedef struct cr_wip_agr {
	const cr_wip_rec *r;
	size_t n; /* index in r->agreements; shown 1-based */
} cr_wip_agr;

typedef struct cr_wip_views {
	cr_wip_job *jobs;
	size_t njobs;
	cr_wip_rep *reps;
	size_t nreps;
	cr_wip_agr *agrs;
	size_t nagrs;
} cr_wip_views;

/* Builds the three views of w's records (the undated ones left out) with
 * w's rows for the job counts, and applies f: client and
 * project to every view, owner to jobs (their actions) and reports
 * (author), status `all` to keep closed jobs, overdue to jobs. A report
 * is late beyond max_issue_hours. Sorted as SPEC 8 says. 0, or -1 on
 * memory. */
int cr_wip_views_build(cr_wip_views *v, const cr_wip *w, const cr_wip_filter *f,
		       int max_issue_hours);
void cr_wip_views_free(cr_wip_views *v);
const char *cr_issue_state_name(cr_issue_state s);

typedef enum cr_wip_view {
	CR_WIP_BY_ACTION,
	CR_WIP_BY_JOB,
	CR_WIP_BY_REPORT,
	CR_WIP_BY_AGREEMENT,
	CR_WIP__NVIEWS
} cr_wip_view;

extern const char *const cr_wip_view_names[]; /* "action", ... NULL */

/* cr_wip.views bit of a view: its texts are kept (the agreements, the
 * confirmations). */
#define CR_WIP_VIEW(v) (1u << (v))

/* What a column holds; the writers choose the form from it. */
typedef enum cr_wip_kind {
	CR_WK_TEXT,
	CR_WK_NUM,  /* a count: right-aligned, a number in JSON */
	CR_WK_DATE, /* a date or date-time (cr_wip_date) */
	CR_WK_DAY,  /* a date shown without its time */
	CR_WK_FILE  /* a report's file name */
} cr_wip_kind;

#define CR_WC_LONG 1u /* long text: shortened first in txt, wrapped */
#define CR_WC_HEAD 4u /* read first: who, due, status, days overdue */

typedef struct cr_wip_column {
	const char *heading, *key;
	cr_wip_kind kind;
	unsigned flags;
	int drop; /* txt on a narrow terminal: left out in this order, 1
		     first (the file); 0: never */
} cr_wip_column;

/* A view's rows as one table: the writers of every format read it. */
typedef struct cr_wip_table {
	cr_wip_view view;
	const cr_wip *w;
	const cr_wip_views *v;
	const cr_wip_column *cols;
	size_t ncols, len;
} cr_wip_table;

void cr_wip_table_init(cr_wip_table *t, cr_wip_view view, const cr_wip *w,
		       const cr_wip_views *v);
/* The text of a cell appended to out: dates normalised (display: in the
 * table's one form "2026-11-20" or "2026-11-20 14:00"), numbers in
 * decimal, nothing when absent. */
int cr_wip_text(const cr_wip_table *t, size_t row, size_t col, int display,
		cr_buf *out);
/* A date cell's date (NULL when absent or not a date column); a vague
 * date is one with valid 0 and raw text. */
const cr_date *cr_wip_date(const cr_wip_table *t, size_t row, size_t col);
/* A number cell: 1 and *out, or 0 when it is empty. */
int cr_wip_num(const cr_wip_table *t, size_t row, size_t col, long long *out);
/* Whether a row is overdue (an action, or a job with overdue actions). */
int cr_wip_row_overdue(const cr_wip_table *t, size_t row);
/* The report a row comes from (for its file). */
const cr_wip_rec *cr_wip_row_report(const cr_wip_table *t, size_t row);

typedef enum cr_wip_format {
	CR_WIP_TXT,  /* aligned table, CJK counted two columns */
	CR_WIP_MD,   /* GFM table, pipes escaped */
	CR_WIP_CSV,  /* RFC 4180, CRLF */
	CR_WIP_TSV,  /* RFC 4180 quoting with tabs, LF */
	CR_WIP_JSON, /* one array of objects keyed by the column keys */
	CR_WIP_HTML  /* one standalone page */
} cr_wip_format;

typedef struct cr_wip_write_opts {
	int raw;	   /* csv/tsv: no ' before a formula-like cell */
	size_t width;	   /* txt: fit this many columns; 0: full width */
	const char *title; /* html: the page's title */
} cr_wip_write_opts;

/* Whether a cell would be read as a formula by a spreadsheet: it starts
 * with '=', '+', '-', '@', a tab or a carriage return. */
int cr_wip_formula_like(const char *s);

/* The table in format f appended to out. 0, or -1 on memory. */
int cr_wip_write(const cr_wip_table *t, cr_wip_format f,
		 const cr_wip_write_opts *o, cr_buf *out);

/* The html format alone (cr_wip_write does it for CR_WIP_HTML). */
int cr_wip_write_html(const cr_wip_table *t, const cr_wip_write_opts *o,
		      cr_buf *out);

/* Cuts s (NUL-terminated, in place) to at most `width` display columns,
 * ending in an ellipsis when cut. */
void cr_wip_shorten(char *s, size_t width);

#endif
