/*
 * wip_write.c - a WIP view (cr_wip_table) as text: an aligned table
 * (txt, fitted to a terminal's width when asked), a GFM table (md),
 * RFC 4180 csv and tsv, and JSON. The cell texts come from one place
 * (cr_wip_text) so that every format, the spreadsheet included, shows
 * the same values. html is wip_html.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int
cr_wip_formula_like(const char *s)
{
	return s != NULL && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

/* ---------------------------------------------------------------- txt */

void
cr_wip_shorten(char *s, size_t width)
{
	size_t i = 0, n = strlen(s), used = 0, cut = 0;
	unsigned cp;
	int len, w;

	if (cr_utf8_width(s, n) <= width)
		return;
	if (width == 0) {
		s[0] = '\0';
		return;
	}
	/* keep what fits in width - 1 columns, then "…" */
	while (i < n) {
		len = cr_utf8_decode(s + i, n - i, &cp);
		if (len < 1) {
			len = 1;
			w = 1;
		} else
			w = cr_utf8_cp_width(cp);
		if (used + (size_t)w > width - 1)
			break;
		used += (size_t)w;
		i += (size_t)len;
		cut = i;
	}
	memcpy(s + cut, "\xe2\x80\xa6", 4); /* fits: the cut text was >= 3 */
}

/* Every cell of the table (headings first) as text safe for a terminal
 * (SPEC 3): tabs and line breaks (a block scalar's) become spaces, so one
 * row stays one line; other control characters and the bidi overrides
 * become visible escapes (\x1b, \u202e). cells[i] is row i - 1 (0 the
 * headings), ncols strings each. */
static char **
table_cells(const cr_wip_table *t, int display)
{
	size_t nrows = t->len + 1, i, c;
	char **cells = calloc(nrows * t->ncols, sizeof(*cells));
	cr_buf b, e;

	if (cells == NULL)
		return NULL;
	cr_buf_init(&b);
	for (i = 0; i < nrows; i++)
		for (c = 0; c < t->ncols; c++) {
			char **slot = &cells[i * t->ncols + c];

			b.len = 0;
			if (i == 0)
				cr_buf_puts(&b, t->cols[c].heading);
			else
				cr_wip_text(t, i - 1, c, display, &b);
			cr_buf_init(&e);
			cr_utf8_escape(&e, b.data != NULL ? b.data : "", b.len,
				       CR_ESC_EOL_SPACE);
			/* room for an ellipsis replacing a shorter tail */
			cr_buf_put(&e, "\0\0\0\0", 4);
			if (b.oom || e.oom) {
				cr_buf_free(&e);
				goto oom;
			}
			*slot = cr_buf_detach(&e, NULL);
		}
	cr_buf_free(&b);
	return cells;
oom:
	cr_buf_free(&b);
	for (i = 0; i < nrows * t->ncols; i++)
		free(cells[i]);
	free(cells);
	return NULL;
}

static void
free_cells(const cr_wip_table *t, char **cells)
{
	size_t i;

	for (i = 0; i < (t->len + 1) * t->ncols; i++)
		free(cells[i]);
	free(cells);
}

static void
pad(cr_buf *out, size_t n, char c)
{
	while (n-- > 0)
		cr_buf_putc(out, c);
}

#define TXT_MIN_LONG 12 /* a shortened task keeps at least this */

static size_t
total_width(const size_t *width, const unsigned char *on, size_t n)
{
	size_t c, sum = 0, k = 0;

	for (c = 0; c < n; c++)
		if (on[c]) {
			sum += width[c] + (k > 0 ? 2 : 0);
			k++;
		}
	return sum;
}

/* The width the long texts may share once the other shown columns are
 * laid out; 0 when they get less than TXT_MIN_LONG each. */
static size_t
long_share(const cr_wip_table *t, const size_t *width, const unsigned char *on,
	   size_t limit)
{
	size_t c, fixed = total_width(width, on, t->ncols), nlong = 0, each;

	for (c = 0; c < t->ncols; c++)
		if (on[c] && (t->cols[c].flags & CR_WC_LONG)) {
			fixed -= width[c];
			nlong++;
		}
	if (nlong == 0)
		return fixed <= limit ? limit : 0;
	each = fixed < limit ? (limit - fixed) / nlong : 0;
	return each >= TXT_MIN_LONG ? each : 0;
}

/* Fits the table into `limit` columns: the file column is left out
 * first, then the long texts are shortened (to no less than
 * TXT_MIN_LONG), and while that is not enough the columns a reader
 * misses least are left out, in their `drop` order. */
static void
fit(const cr_wip_table *t, char **cells, size_t *width, unsigned char *on,
    size_t limit)
{
	size_t c, i, each = 0;
	int rank, maxrank = 0;

	if (limit == 0 || total_width(width, on, t->ncols) <= limit)
		return;
	for (c = 0; c < t->ncols; c++)
		if (t->cols[c].drop > maxrank)
			maxrank = t->cols[c].drop;
	for (rank = 1; rank <= maxrank; rank++) {
		for (c = 0; c < t->ncols; c++)
			if (t->cols[c].drop == rank)
				on[c] = 0;
		if ((each = long_share(t, width, on, limit)) > 0)
			break;
	}
	if (each == 0)
		each = TXT_MIN_LONG;
	for (c = 0; c < t->ncols; c++) {
		if (!on[c] || !(t->cols[c].flags & CR_WC_LONG) ||
		    width[c] <= each)
			continue;
		width[c] = each;
		for (i = 0; i <= t->len; i++)
			cr_wip_shorten(cells[i * t->ncols + c], each);
	}
}

static int
write_txt(const cr_wip_table *t, char **cells, size_t limit, cr_buf *out)
{
	size_t *width = calloc(t->ncols, sizeof(*width)), i, c, cw, start;
	unsigned char *on = malloc(t->ncols);
	int first;

	if (width == NULL || on == NULL) {
		free(width);
		free(on);
		return -1;
	}
	memset(on, 1, t->ncols);
	for (i = 0; i <= t->len; i++)
		for (c = 0; c < t->ncols; c++) {
			const char *s = cells[i * t->ncols + c];

			cw = cr_utf8_width(s, strlen(s));
			if (cw > width[c])
				width[c] = cw;
		}
	fit(t, cells, width, on, limit);
	for (i = 0; i <= t->len; i++) {
		start = out->len;
		first = 1;
		for (c = 0; c < t->ncols; c++) {
			const char *s = cells[i * t->ncols + c];
			int num = t->cols[c].kind == CR_WK_NUM && i > 0;

			if (!on[c])
				continue;
			cw = cr_utf8_width(s, strlen(s));
			if (!first)
				cr_buf_puts(out, "  ");
			first = 0;
			if (num)
				pad(out, width[c] - cw, ' ');
			cr_buf_puts(out, s);
			if (!num)
				pad(out, width[c] - cw, ' ');
		}
		/* no trailing blanks */
		while (out->len > start && out->data[out->len - 1] == ' ')
			out->len--;
		cr_buf_putc(out, '\n');
		if (i == 0) {
			first = 1;
			for (c = 0; c < t->ncols; c++) {
				if (!on[c])
					continue;
				if (!first)
					cr_buf_puts(out, "  ");
				first = 0;
				pad(out, width[c], '-');
			}
			cr_buf_putc(out, '\n');
		}
	}
	free(width);
	free(on);
	return out->oom ? -1 : 0;
}

/* ----------------------------------------------------------------- md */

static int
write_md(const cr_wip_table *t, char **cells, cr_buf *out)
{
	size_t i, c;

	for (i = 0; i <= t->len; i++) {
		for (c = 0; c < t->ncols; c++) {
			const char *s = cells[i * t->ncols + c];

			cr_buf_puts(out, c == 0 ? "| " : " | ");
			for (; *s != '\0'; s++) {
				if (*s == '|')
					cr_buf_putc(out, '\\');
				cr_buf_putc(out, *s);
			}
		}
		cr_buf_puts(out, " |\n");
		if (i == 0) {
			for (c = 0; c < t->ncols; c++)
				cr_buf_puts(out, t->cols[c].kind == CR_WK_NUM
						     ? "|---:"
						     : "|---");
			cr_buf_puts(out, "|\n");
		}
	}
	return out->oom ? -1 : 0;
}

/* ------------------------------------------------------------ csv/tsv */

/* One field, RFC 4180: quoted when it holds the separator, a quote or a
 * line break; a formula-like text prefixed with '\'' unless raw. */
static void
put_field(cr_buf *out, const char *s, char sep, int raw)
{
	const char *p;
	int quote = 0;

	for (p = s; *p != '\0'; p++)
		if (*p == sep || *p == '"' || *p == '\n' || *p == '\r')
			quote = 1;
	if (quote)
		cr_buf_putc(out, '"');
	if (!raw && cr_wip_formula_like(s))
		cr_buf_putc(out, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			cr_buf_putc(out, '"');
		cr_buf_putc(out, *p);
	}
	if (quote)
		cr_buf_putc(out, '"');
}

static int
write_sv(const cr_wip_table *t, char sep, const char *eol, int raw, cr_buf *out)
{
	cr_buf b;
	size_t i, c;

	cr_buf_init(&b);
	for (i = 0; i <= t->len; i++) {
		for (c = 0; c < t->ncols; c++) {
			b.len = 0;
			if (i == 0)
				cr_buf_puts(&b, t->cols[c].heading);
			else
				cr_wip_text(t, i - 1, c, 0, &b);
			cr_buf_putc(&b, '\0');
			if (c > 0)
				cr_buf_putc(out, sep);
			if (!b.oom)
				put_field(out, b.data, sep, raw);
		}
		cr_buf_puts(out, eol);
	}
	if (b.oom)
		out->oom = 1;
	cr_buf_free(&b);
	return out->oom ? -1 : 0;
}

/* --------------------------------------------------------------- json */

/* A date as JSON: normalised (date-times in full), as written when it did
 * not parse, null when absent. */
static void
json_date(cr_buf *out, const cr_date *d)
{
	char tmp[32];

	if (d == NULL) {
		cr_buf_puts(out, "null");
		return;
	}
	if (!d->valid) {
		cr_json_string(out, d->raw.s);
		return;
	}
	cr_datetime_format(&d->dt, tmp);
	cr_json_string(out, tmp);
}

/* The view's row kinds that carry an overdue flag. */
static int
has_overdue(const cr_wip_table *t)
{
	return t->view == CR_WIP_BY_ACTION || t->view == CR_WIP_BY_JOB;
}

static int
write_json(const cr_wip_table *t, cr_buf *out)
{
	cr_buf b;
	size_t i, c;
	long long n;

	cr_buf_init(&b);
	cr_buf_putc(out, '[');
	for (i = 0; i < t->len; i++) {
		cr_buf_puts(out, i > 0 ? ",\n  {" : "\n  {");
		for (c = 0; c < t->ncols; c++) {
			if (c > 0)
				cr_buf_puts(out, ", ");
			cr_json_string(out, t->cols[c].key);
			cr_buf_puts(out, ": ");
			switch (t->cols[c].kind) {
			case CR_WK_DATE:
			case CR_WK_DAY:
				json_date(out, cr_wip_date(t, i, c));
				continue;
			case CR_WK_NUM:
				if (cr_wip_num(t, i, c, &n))
					cr_buf_printf(out, "%lld", n);
				else
					cr_buf_puts(out, "null");
				continue;
			default:
				break;
			}
			b.len = 0;
			cr_wip_text(t, i, c, 0, &b);
			if (b.len == 0) {
				cr_buf_puts(out, "null");
				continue;
			}
			cr_buf_putc(&b, '\0');
			cr_json_string(out, b.data);
		}
		if (has_overdue(t))
			cr_buf_printf(out, ", \"overdue\": %s",
				      cr_wip_row_overdue(t, i) ? "true"
							       : "false");
		cr_buf_putc(out, '}');
	}
	cr_buf_puts(out, t->len > 0 ? "\n]\n" : "]\n");
	if (b.oom)
		out->oom = 1;
	cr_buf_free(&b);
	return out->oom ? -1 : 0;
}

int
cr_wip_write(const cr_wip_table *t, cr_wip_format f, const cr_wip_write_opts *o,
	     cr_buf *out)
{
	char **cells;
	int rc;

	switch (f) {
	case CR_WIP_CSV:
		return write_sv(t, ',', "\r\n", o->raw, out);
	case CR_WIP_TSV:
		return write_sv(t, '\t', "\n", o->raw, out);
	case CR_WIP_JSON:
		return write_json(t, out);
	case CR_WIP_HTML:
		return cr_wip_write_html(t, o, out);
	default:
		break;
	}
	if ((cells = table_cells(t, 1)) == NULL)
		return -1;
	rc = f == CR_WIP_MD ? write_md(t, cells, out)
			    : write_txt(t, cells, o->width, out);
	free_cells(t, cells);
	return rc;
}
