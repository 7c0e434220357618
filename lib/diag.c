/* diag.c - the rule table and the diagnostics list. */
#include <libintl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const struct {
	const char *name;
	cr_severity def;
	const char *summary;
} rules[CR_RULE__COUNT] = {
#define CR_RULE(e, name, sev, summary) {name, CR_SEV_##sev, summary},
#include "cr_rules.h"
#undef CR_RULE
};

static const char *const severities[] = {"off", "note", "warning", "error"};

/* cr_diag keeps the rule and severity in 8 bits each */
_Static_assert(CR_RULE__COUNT < 256, "rules fit cr_diag.rule");

const char *
cr_rule_name(cr_rule rule)
{
	return (unsigned)rule < CR_RULE__COUNT ? rules[rule].name : "?";
}

int
cr_rule_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < CR_RULE__COUNT; i++)
		if (strcmp(name, rules[i].name) == 0)
			return (int)i;
	return -1;
}

cr_severity
cr_rule_default(cr_rule rule)
{
	return (unsigned)rule < CR_RULE__COUNT ? rules[rule].def : CR_SEV_ERROR;
}

const char *
cr_rule_summary(cr_rule rule)
{
	return (unsigned)rule < CR_RULE__COUNT ? rules[rule].summary : "?";
}

const char *
cr_severity_name(cr_severity sev)
{
	return (unsigned)sev < CR_ARRAY_LEN(severities) ? severities[sev] : "?";
}

int
cr_severity_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < CR_ARRAY_LEN(severities); i++)
		if (strcmp(name, severities[i]) == 0)
			return (int)i;
	return -1;
}

void
cr_diags_init(cr_diags *d)
{
	memset(d, 0, sizeof(*d));
}

void
cr_diags_truncate(cr_diags *d, size_t len)
{
	if (len >= d->len)
		return;
	/* the values are packed in order: those of the dropped ones go */
	d->arena.len = d->items[len].args;
	d->len = len;
}

void
cr_diags_free(cr_diags *d)
{
	free(d->items);
	cr_buf_free(&d->arena);
	cr_buf_free(&d->names);
	free(d->name_at);
	free(d->name_slot);
	cr_diags_init(d);
}

static size_t
name_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return (size_t)h;
}

static const char *
name_of(const cr_diags *d, size_t i)
{
	return d->names.data + d->name_at[i];
}

/* The table slot of name s: the one holding it or the free one. */
static unsigned *
name_slot(const cr_diags *d, const char *s)
{
	size_t i = name_hash(s) & d->name_mask;

	while (d->name_slot[i] != UINT_MAX &&
	       strcmp(name_of(d, d->name_slot[i]), s) != 0)
		i = (i + 1) & d->name_mask;
	return &d->name_slot[i];
}

/* The table at twice its size (or 16 slots), every name placed again. */
static int
names_rehash(cr_diags *d)
{
	size_t cap = d->name_slot != NULL ? (d->name_mask + 1) * 2 : 16, i;
	unsigned *slot = malloc(cap * sizeof(*slot));

	if (slot == NULL)
		return -1;
	for (i = 0; i < cap; i++)
		slot[i] = UINT_MAX;
	free(d->name_slot);
	d->name_slot = slot;
	d->name_mask = cap - 1;
	for (i = 0; i < d->nnames; i++)
		*name_slot(d, name_of(d, i)) = (unsigned)i;
	return 0;
}

/* The index of file name s in d, added when new: each name is kept once
 * however many diagnostics name it. -1 on memory. */
static long long
name_index(cr_diags *d, const char *s)
{
	unsigned *slot;

	/* the diagnostics of one file mostly come together: the name of
	 * the one before is tried before the table (whose hash reads the
	 * whole name) */
	if (d->name_last < d->nnames &&
	    strcmp(name_of(d, d->name_last), s) == 0)
		return (long long)d->name_last;
	if (d->name_slot != NULL && *(slot = name_slot(d, s)) != UINT_MAX)
		return (long long)(d->name_last = *slot);
	if (d->nnames >= UINT_MAX - 1 ||
	    cr_grow(&d->name_at, &d->names_cap, d->nnames + 1,
		    sizeof(*d->name_at)) == -1)
		return -1;
	d->name_at[d->nnames] = d->names.len;
	if (cr_buf_put(&d->names, s, strlen(s) + 1) == -1)
		return -1;
	d->nnames++;
	if ((d->nnames * 2 > d->name_mask + 1 || d->name_slot == NULL) &&
	    names_rehash(d) == -1) {
		d->nnames--;
		return -1;
	}
	*name_slot(d, s) = (unsigned)(d->nnames - 1);
	d->name_last = d->nnames - 1;
	return (long long)d->nnames - 1;
}

/* Packs s as the one value of "%s". */
static int
pack_text(cr_buf *b, ...)
{
	va_list ap;
	int rc;

	va_start(ap, b);
	rc = cr_diag_pack(b, "%s", ap);
	va_end(ap);
	return rc;
}

int
cr_diags_vadd(cr_diags *d, const char *file, cr_pos pos, cr_rule rule,
	      cr_severity sev, const char *fmt, va_list ap)
{
	size_t at = d->arena.len;
	long long name;
	cr_diag *x;
	int rc;

	if (at >= UINT_MAX / 2 ||
	    cr_grow(&d->items, &d->cap, d->len + 1, sizeof(*d->items)) == -1 ||
	    (name = name_index(d, file != NULL ? file : "<stdin>")) < 0)
		goto fail;
	x = &d->items[d->len];
	x->pos = pos;
	x->severity = sev;
	x->rule = rule;
	x->file = (unsigned)name;
	x->fmt = fmt;
	x->args = (unsigned)at;
	if ((rc = cr_diag_pack(&d->arena, fmt, ap)) == -1)
		goto fail;
	if (rc == 1) {
		/* a conversion the packer does not know: the message is
		 * made now, in the language of now */
		cr_buf msg;

		cr_buf_init(&msg);
		if (cr_buf_vprintf(&msg, dgettext(CR_TEXTDOMAIN, fmt), ap) ==
		    -1) {
			cr_buf_free(&msg);
			goto fail;
		}
		x->fmt = NULL;
		pack_text(&d->arena, msg.data != NULL ? msg.data : "");
		cr_buf_free(&msg);
		if (d->arena.oom)
			goto fail;
	}
	d->len++;
	return 0;
fail:
	d->arena.len = at;
	d->oom = 1;
	return -1;
}

int
cr_diags_add(cr_diags *d, const char *file, cr_pos pos, cr_rule rule,
	     const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = cr_diags_vadd(d, file, pos, rule, cr_rule_default(rule), fmt, ap);
	va_end(ap);
	return rc;
}

int
cr_diags_move(cr_diags *dst, cr_diags *src)
{
	size_t i, base = dst->arena.len;
	long long *map;

	if (src->len == 0) {
		cr_diags_free(src);
		return 0;
	}
	if ((map = malloc(src->nnames * sizeof(*map))) == NULL)
		goto fail;
	for (i = 0; i < src->nnames; i++)
		if ((map[i] = name_index(dst, name_of(src, i))) < 0) {
			free(map);
			goto fail;
		}
	if (base + src->arena.len >= UINT_MAX / 2 ||
	    cr_grow(&dst->items, &dst->cap, dst->len + src->len,
		    sizeof(*dst->items)) == -1 ||
	    cr_buf_put(&dst->arena, src->arena.data, src->arena.len) == -1) {
		free(map);
		dst->arena.len = base;
		goto fail;
	}
	for (i = 0; i < src->len; i++) {
		cr_diag *x = &dst->items[dst->len++];
		*x = src->items[i];
		x->file = (unsigned)map[src->items[i].file];
		x->args += (unsigned)base;
	}
	free(map);
	cr_diags_free(src);
	return 0;
fail:
	dst->oom = 1;
	return -1;
}

const char *
cr_diag_file(const cr_diags *d, const cr_diag *g)
{
	return g->file < d->nnames ? name_of(d, g->file) : "<stdin>";
}

int
cr_diag_message(const cr_diags *d, const cr_diag *g, cr_buf *out)
{
	const char *args = d->arena.data + g->args, *tr;
	int rc;

	if (g->fmt == NULL) /* made when added: "%s" of it */
		return cr_diag_render(out, "%s", args) == 0 ? 0 : -1;
	tr = dgettext(CR_TEXTDOMAIN, g->fmt);
	if ((rc = cr_diag_render(out, tr, args)) == 1 && tr != g->fmt)
		rc = cr_diag_render(out, g->fmt, args); /* a bad translation */
	return rc == 0 ? 0 : -1;
}

size_t
cr_diags_count(const cr_diags *d, size_t from, cr_severity sev)
{
	size_t i, n = 0;

	for (i = from; i < d->len; i++)
		if (d->items[i].severity >= sev)
			n++;
	return n;
}

static int
pos_before(const cr_diag *a, const cr_diag *b)
{
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line;
	return a->pos.column < b->pos.column;
}

/* Stable merge sort by position (insertion sort would be quadratic on the
 * 100,000-action reports the tools must survive). */
void
cr_diags_sort(cr_diags *d, size_t from)
{
	size_t n = d->len - from, width, i, l, r, m, e, k;
	cr_diag *a = d->items + from, *tmp;

	if (from >= d->len || n < 2)
		return;
	if ((tmp = malloc(n * sizeof(*tmp))) == NULL)
		return; /* unsorted is still correct output */
	for (width = 1; width < n; width *= 2) {
		for (i = 0; i < n; i += 2 * width) {
			l = i;
			m = i + width < n ? i + width : n;
			e = i + 2 * width < n ? i + 2 * width : n;
			r = m;
			k = i;
			while (l < m && r < e)
				tmp[k++] =
				    pos_before(&a[r], &a[l]) ? a[r++] : a[l++];
			while (l < m)
				tmp[k++] = a[l++];
			while (r < e)
				tmp[k++] = a[r++];
		}
		memcpy(a, tmp, n * sizeof(*a));
	}
	free(tmp);
}

/* The file name and the message may hold anything a report or a
 * directory holds: escaped (SPEC 3), so one diagnostic is one line. */
int
cr_diag_format(const cr_diags *d, const cr_diag *x, cr_buf *out)
{
	const char *file = cr_diag_file(d, x);
	cr_buf msg;

	cr_buf_init(&msg);
	if (cr_diag_message(d, x, &msg) == -1) {
		cr_buf_free(&msg);
		out->oom = 1;
		return -1;
	}
	cr_utf8_escape(out, file, strlen(file), CR_ESC_KEEP_TAB);
	cr_buf_printf(out, ":%d:%d: %s: ", x->pos.line, x->pos.column,
		      cr_severity_name(x->severity));
	cr_utf8_escape(out, msg.data != NULL ? msg.data : "", msg.len,
		       CR_ESC_KEEP_TAB);
	cr_buf_free(&msg);
	return cr_buf_printf(out, " [%s]\n", cr_rule_name(x->rule));
}
