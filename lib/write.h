/*
 * write.h - what the three writers (yaml, md, json) share: the fields of
 * SPEC 2.1 as a table, and the YAML emitting on libyaml's emitter that the
 * YAML form and the Markdown front matter both use. Not installed.
 */
#ifndef CR_WRITE_H
#define CR_WRITE_H

#include <stddef.h>

#include "internal.h"

/* The fields of SPEC 2.1, in the order of cr_report_keys. */
enum cr_field {
	CR_F_ID,
	CR_F_TITLE,
	CR_F_CLIENT,
	CR_F_PROJECT,
	CR_F_TYPE,
	CR_F_OUTCOME,
	CR_F_DATE,
	CR_F_LOCATION,
	CR_F_AUTHOR,
	CR_F_ISSUED,
	CR_F_CONFIDENTIALITY,
	CR_F_LANGUAGE,
	CR_F_ATTENDEES,
	CR_F_ABSENT,
	CR_F_DISTRIBUTION,
	CR_F_PREVIOUS,
	CR_F_NEXT_CONTACT,
	CR_F_TAGS,
	CR_F_AGENDA,
	CR_F_DISCUSSION,
	CR_F_AGREEMENTS,
	CR_F_ACTIONS,
	CR_F_INTERNAL,
	CR_F__COUNT
};

#define CR_FBIT(f) (1UL << (f))
#define CR_F_ALL (CR_FBIT(CR_F__COUNT) - 1)

enum cr_field_kind {
	CR_K_STR,
	CR_K_DATE,
	CR_K_PERSONS,
	CR_K_TEXTS,
	CR_K_ACTIONS
};

struct cr_field_desc {
	enum cr_field_kind kind;
	size_t off; /* of the cr_str, cr_date, cr_persons or cr_texts */
};

/* Indexed by enum cr_field. */
extern const struct cr_field_desc cr_fields[CR_F__COUNT];

/* The field a Markdown section holds. */
enum cr_field cr_section_field(cr_section s);

/* Whether field f of r has a value to write (a list: at least one entry). */
int cr_field_present(const cr_report *r, enum cr_field f);

/* Field f of r as the struct of its kind. */
#define CR_FIELD_PTR(r, f, type)                                               \
	((const type *)(const void *)((const char *)(r) + cr_fields[f].off))

/* A date as written out: normalised when valid, else as written, else
 * NULL (absent). buf receives the normalised text. */
const char *cr_date_out(const cr_date *d, char buf[32]);

/* An action's status as written out: as given, or "open". */
const char *cr_status_out(const cr_action *a);

/* A copy of n bytes of s with each invalid UTF-8 byte replaced by U+FFFD,
 * NUL-terminated, or NULL when s is valid already (or memory ran out: then
 * *oom is set). libyaml refuses invalid UTF-8, and a model built in code
 * (not read) may hold some. */
char *cr_utf8_repair(const char *s, size_t n, int *oom);

/*
 * Appends the fields of `fields` (CR_FBIT bits) that r has, then (when
 * `exts`) its x- keys, as one YAML block mapping through libyaml's emitter
 * (no "---", no "..."). *nkeys receives the number of keys written.
 */
int cr_yaml_emit_report(const cr_report *r, unsigned long fields, int exts,
			cr_buf *out, size_t *nkeys);

#endif
