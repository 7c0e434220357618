/*
 * write.h - what the three writers (yaml, md, json) share: the fields of
 * SPEC 2.1 as a table, and the YAML emitting on libyaml's emitter that the
 * YAML form and the Markdown front matter both use. Not installed.
 */
#ifndef CR_WRITE_H
#define CR_WRITE_H

#include <stddef.h>

#include "internal.h"

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

/* Whether the Markdown writer puts an unknown section back in the body. */
int cr_ext_in_body(const cr_ext *x);

/*
 * Appends the fields of `fields` (CR_FBIT bits) that r has, then (when
 * `exts`; 2: but the sections cr_ext_in_body) its x- and unknown keys, as one
 * YAML block mapping through libyaml's emitter (no "---", no "..."). *nkeys
 * receives the number of keys written.
 */
int cr_yaml_emit_report(const cr_report *r, unsigned long fields, int exts,
			cr_buf *out, size_t *nkeys);

#endif
