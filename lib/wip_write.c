/*
 * wip_write.c - the WIP rows as text: an aligned table (txt), a GFM table
 * (md), RFC 4180 csv and tsv, and JSON. The cell texts come from one
 * place (cr_wip_cell) so that every format, the spreadsheet included,
 * shows the same values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const struct {
	const char *heading, *key;
	int number; /* right-aligned in tables, a number in JSON */
} cols[CR_WIP__NCOLS] = {
    [CR_WIP_CLIENT] = {"Client", "client", 0},
    [CR_WIP_PROJECT] = {"Project", "project", 0},
    [CR_WIP_ID] = {"ID", "id", 0},
    [CR_WIP_WHAT] = {"What", "what", 0},
    [CR_WIP_WHO] = {"Who", "who", 0},
    [CR_WIP_DUE] = {"Due", "due", 0},
    [CR_WIP_STATUS_COL] = {"Status", "status", 0},
    [CR_WIP_DAYS_OVERDUE] = {"Days overdue", "days_overdue", 1},
    [CR_WIP_RAISED] = {"Raised", "raised", 0},
    [CR_WIP_UPDATED] = {"Updated", "updated", 0},
    [CR_WIP_COUNT] = {"Count", "count", 1},
    [CR_WIP_REPORT] = {"Report", "report", 0},
    [CR_WIP_FILE] = {"File", "file", 0},
};

const char *
cr_wip_heading(cr_wip_col c)
{
	return c < CR_WIP__NCOLS ? cols[c].heading : "";
}

const char *
cr_wip_key(cr_wip_col c)
{
	return c < CR_WIP__NCOLS ? cols[c].key : "";
}

static int
put_opt(cr_buf *out, const char *s)
{
	return s != NULL ? cr_buf_puts(out, s) : 0;
}

/* A date normalised, or as written when it did not parse. */
static int
put_date(cr_buf *out, const cr_date *d, int date_only)
{
	char tmp[32];

	if (!d->valid)
		return put_opt(out, d->raw.s);
	cr_datetime_format(&d->dt, tmp);
	if (date_only)
		tmp[10] = '\0';
	return cr_buf_puts(out, tmp);
}

int
cr_wip_cell(const cr_wip_row *row, cr_wip_col c, cr_buf *out)
{
	const cr_action *a = row->action;

	switch (c) {
	case CR_WIP_CLIENT:
		return put_opt(out, row->latest->client.s);
	case CR_WIP_PROJECT:
		return put_opt(out, row->latest->project.s);
	case CR_WIP_ID:
		return put_opt(out, a->id.s);
	case CR_WIP_WHAT:
		return put_opt(out, a->what.s);
	case CR_WIP_WHO:
		return put_opt(out, a->who.s);
	case CR_WIP_DUE:
		return put_date(out, &a->due, 0);
	case CR_WIP_STATUS_COL:
		if (row->status == CR_STATUS_INVALID)
			return put_opt(out, a->status.s);
		return cr_buf_puts(out, cr_status_name(row->status));
	case CR_WIP_DAYS_OVERDUE:
		return cr_buf_printf(out, "%lld", row->days_overdue);
	case CR_WIP_RAISED:
		return put_date(out, &row->first->date, 1);
	case CR_WIP_UPDATED:
		return put_date(out, &row->latest->date, 1);
	case CR_WIP_COUNT:
		return cr_buf_printf(out, "%zu", row->count);
	case CR_WIP_REPORT:
		return put_opt(out, row->latest->id.s);
	case CR_WIP_FILE:
		return put_opt(out, row->latest->file);
	default:
		return 0;
	}
}

int
cr_wip_formula_like(const char *s)
{
	return s != NULL && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

/* ---------------------------------------------------------------- txt */

/* Every cell of the table (headings first) as text safe for a terminal
 * (SPEC 3): tabs and line breaks (a block scalar's) become spaces, so one
 * row stays one line; other control characters and the bidi overrides
 * become visible escapes (\x1b, \u202e). cells[i] is row i - 1 (0 the
 * headings), NCOLS strings each. */
static char **
table_cells(const cr_wip *w)
{
	size_t nrows = w->len + 1, i;
	char **cells = calloc(nrows * CR_WIP__NCOLS, sizeof(*cells));
	cr_buf b, e;
	int c;

	if (cells == NULL)
		return NULL;
	cr_buf_init(&b);
	for (i = 0; i < nrows; i++)
		for (c = 0; c < CR_WIP__NCOLS; c++) {
			char **slot = &cells[i * CR_WIP__NCOLS + c];

			b.len = 0;
			if (i == 0)
				cr_buf_puts(&b, cols[c].heading);
			else
				cr_wip_cell(&w->rows[i - 1], (cr_wip_col)c, &b);
			cr_buf_init(&e);
			cr_utf8_escape(&e, b.data != NULL ? b.data : "", b.len,
				       CR_ESC_EOL_SPACE);
			cr_buf_putc(&e, '\0');
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
	for (i = 0; i < nrows * CR_WIP__NCOLS; i++)
		free(cells[i]);
	free(cells);
	return NULL;
}

static void
pad(cr_buf *out, size_t n, char c)
{
	while (n-- > 0)
		cr_buf_putc(out, c);
}

static int
write_txt(const cr_wip *w, char **cells, cr_buf *out)
{
	size_t width[CR_WIP__NCOLS] = {0}, i, cw, start;
	int c;

	for (i = 0; i <= w->len; i++)
		for (c = 0; c < CR_WIP__NCOLS; c++) {
			const char *s = cells[i * CR_WIP__NCOLS + c];

			cw = cr_utf8_width(s, strlen(s));
			if (cw > width[c])
				width[c] = cw;
		}
	for (i = 0; i <= w->len; i++) {
		start = out->len;
		for (c = 0; c < CR_WIP__NCOLS; c++) {
			const char *s = cells[i * CR_WIP__NCOLS + c];

			cw = cr_utf8_width(s, strlen(s));
			if (c > 0)
				cr_buf_puts(out, "  ");
			if (cols[c].number && i > 0)
				pad(out, width[c] - cw, ' ');
			cr_buf_puts(out, s);
			if (!cols[c].number || i == 0)
				pad(out, width[c] - cw, ' ');
		}
		/* no trailing blanks */
		while (out->len > start && out->data[out->len - 1] == ' ')
			out->len--;
		cr_buf_putc(out, '\n');
		if (i == 0) {
			for (c = 0; c < CR_WIP__NCOLS; c++) {
				if (c > 0)
					cr_buf_puts(out, "  ");
				pad(out, width[c], '-');
			}
			cr_buf_putc(out, '\n');
		}
	}
	return out->oom ? -1 : 0;
}

/* ----------------------------------------------------------------- md */

static int
write_md(const cr_wip *w, char **cells, cr_buf *out)
{
	size_t i;
	int c;

	for (i = 0; i <= w->len; i++) {
		for (c = 0; c < CR_WIP__NCOLS; c++) {
			const char *s = cells[i * CR_WIP__NCOLS + c];

			cr_buf_puts(out, c == 0 ? "| " : " | ");
			for (; *s != '\0'; s++) {
				if (*s == '|')
					cr_buf_putc(out, '\\');
				cr_buf_putc(out, *s);
			}
		}
		cr_buf_puts(out, " |\n");
		if (i == 0) {
			for (c = 0; c < CR_WIP__NCOLS; c++)
				cr_buf_puts(out,
					    cols[c].number ? "|---:" : "|---");
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
write_sv(const cr_wip *w, char sep, const char *eol, int raw, cr_buf *out)
{
	cr_buf b;
	size_t i;
	int c;

	cr_buf_init(&b);
	for (i = 0; i <= w->len; i++) {
		for (c = 0; c < CR_WIP__NCOLS; c++) {
			b.len = 0;
			if (i == 0)
				cr_buf_puts(&b, cols[c].heading);
			else
				cr_wip_cell(&w->rows[i - 1], (cr_wip_col)c, &b);
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

	if (!d->valid) {
		cr_json_string(out, d->raw.s);
		return;
	}
	cr_datetime_format(&d->dt, tmp);
	cr_json_string(out, tmp);
}

static int
write_json(const cr_wip *w, cr_buf *out)
{
	cr_buf b;
	size_t i;
	int c;

	cr_buf_init(&b);
	cr_buf_putc(out, '[');
	for (i = 0; i < w->len; i++) {
		const cr_wip_row *r = &w->rows[i];

		cr_buf_puts(out, i > 0 ? ",\n  {" : "\n  {");
		for (c = 0; c < CR_WIP__NCOLS; c++) {
			if (c > 0)
				cr_buf_puts(out, ", ");
			cr_json_string(out, cols[c].key);
			cr_buf_puts(out, ": ");
			switch (c) {
			case CR_WIP_PROJECT:
				cr_json_string(out, r->latest->project.s);
				continue;
			case CR_WIP_DUE:
				json_date(out, &r->action->due);
				continue;
			case CR_WIP_RAISED:
				json_date(out, &r->first->date);
				continue;
			case CR_WIP_UPDATED:
				json_date(out, &r->latest->date);
				continue;
			default:
				break;
			}
			b.len = 0;
			cr_wip_cell(r, (cr_wip_col)c, &b);
			cr_buf_putc(&b, '\0');
			if (cols[c].number)
				cr_buf_puts(out, b.data);
			else
				cr_json_string(out, b.data);
		}
		cr_buf_printf(out, ", \"overdue\": %s}",
			      r->overdue ? "true" : "false");
	}
	cr_buf_puts(out, w->len > 0 ? "\n]\n" : "]\n");
	if (b.oom)
		out->oom = 1;
	cr_buf_free(&b);
	return out->oom ? -1 : 0;
}

int
cr_wip_write(const cr_wip *w, cr_wip_format f, int raw, cr_buf *out)
{
	char **cells;
	size_t i;
	int rc;

	switch (f) {
	case CR_WIP_CSV:
		return write_sv(w, ',', "\r\n", raw, out);
	case CR_WIP_TSV:
		return write_sv(w, '\t', "\n", raw, out);
	case CR_WIP_JSON:
		return write_json(w, out);
	default:
		break;
	}
	if ((cells = table_cells(w)) == NULL)
		return -1;
	rc =
	    f == CR_WIP_MD ? write_md(w, cells, out) : write_txt(w, cells, out);
	for (i = 0; i < (w->len + 1) * CR_WIP__NCOLS; i++)
		free(cells[i]);
	free(cells);
	return rc;
}
