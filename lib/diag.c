/* diag.c - the rule table and the diagnostics list. */
#include <libintl.h>
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
	while (d->len > len) {
		d->len--;
		free(d->items[d->len].file);
		free(d->items[d->len].message);
	}
}

void
cr_diags_free(cr_diags *d)
{
	cr_diags_truncate(d, 0);
	free(d->items);
	cr_diags_init(d);
}

int
cr_diags_vadd(cr_diags *d, const char *file, cr_pos pos, cr_rule rule,
	      cr_severity sev, const char *fmt, va_list ap)
{
	char small[512], *m;
	const char *f = dgettext(CR_TEXTDOMAIN, fmt);
	va_list aq;
	cr_buf msg;
	cr_diag *x;
	int n;

	if (cr_grow(&d->items, &d->cap, d->len + 1, sizeof(*d->items)) == -1)
		goto fail;
	/* Most messages fit the stack: kept at their exact size. */
	va_copy(aq, ap);
	n = vsnprintf(small, sizeof(small), f, aq);
	va_end(aq);
	if (n < 0)
		goto fail;
	if ((size_t)n < sizeof(small))
		m = cr_strndup(small, (size_t)n);
	else {
		cr_buf_init(&msg);
		if (cr_buf_vprintf(&msg, f, ap) == -1) {
			cr_buf_free(&msg);
			goto fail;
		}
		m = cr_buf_detach(&msg, NULL);
	}
	x = &d->items[d->len];
	x->file = cr_strdup(file != NULL ? file : "<stdin>");
	x->pos = pos;
	x->severity = sev;
	x->rule = rule;
	x->message = m;
	if (x->file == NULL || x->message == NULL) {
		free(x->file);
		free(x->message);
		goto fail;
	}
	d->len++;
	return 0;
fail:
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
cr_diag_format(const cr_diag *x, cr_buf *out)
{
	cr_utf8_escape(out, x->file, strlen(x->file), CR_ESC_KEEP_TAB);
	cr_buf_printf(out, ":%d:%d: %s: ", x->pos.line, x->pos.column,
		      cr_severity_name(x->severity));
	cr_utf8_escape(out, x->message, strlen(x->message), CR_ESC_KEEP_TAB);
	return cr_buf_printf(out, " [%s]\n", cr_rule_name(x->rule));
}
