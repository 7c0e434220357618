/*
 * xlsx.c - the WIP workbook (SPEC 8), whatever --by says: the sheets WIP
 * (actions), Jobs, Reports and Agreements, one per view and in the same
 * style, and Owners with a bar chart; document properties.
 *
 * Every sheet: a bold frozen header, an autofilter, widths from the
 * content (long texts capped and wrapped), real dates, the report's file
 * as a hyperlink relative to the workbook, and print settings (A4
 * landscape, one page wide, the header repeated, a footer with the sheet
 * name and page number). The overdue highlight is a conditional format
 * on the due date and the status, and days overdue a formula, so both
 * follow a status changed with the drop-down and tomorrow's date. A due
 * that is text (vague) is flagged, not counted.
 *
 * Every text goes through worksheet_write_string, never through a
 * function that guesses a type, so "=1+1" stays text. Rows are written
 * top to bottom, which constant-memory mode needs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "cli.h"
#include "parallel.h"
#include "xlsx.h"

#define STR_MAX 32767	      /* Excel's limit for one cell, in characters */
#define WIDTH_MAX 40.0	      /* no plain column wider than this */
#define WIDTH_LONG 50.0	      /* long texts wrap at this width */
#define SOON_DAYS 7	      /* the Owners sheet's "due within" */
#define FILL_OVERDUE 0xFFC7CE /* light red, as Excel's "bad" style */
#define FILL_VAGUE 0xFFEB9C   /* yellow, as Excel's "neutral" style */
#define MAX_LINKS 65530	      /* hyperlinks per sheet (the format's limit) */

struct xl {
	lxw_workbook *wb;
	lxw_format *text, *wrap, *date, *datetime, *num, *link, *head;
	lxw_format *vague, *bad; /* a vague due; the overdue highlight */
	lxw_format *total;	 /* the Owners totals */
	lxw_format *cells[12];	 /* the formats fmt made, for fix_formats */
	size_t ncells;
	const struct file_link *files; /* every report's, by its record */
	size_t nfiles;
	cr_buf b, formula; /* this thread's */
	lxw_error err;
};

/* A report file as the workbook shows and links it (wip_paths_of),
 * worked out once a report rather than once a row. */
struct file_link {
	const cr_wip_rec *r;
	char *shown, *link;
};

static void
note(struct xl *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

static lxw_format *
fmt(struct xl *x)
{
	lxw_format *f = workbook_add_format(x->wb);

	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (f != NULL && x->ncells < sizeof(x->cells) / sizeof(x->cells[0]))
		x->cells[x->ncells++] = f;
	return f;
}

static void
make_fmts(struct xl *x)
{
	x->text = fmt(x);
	x->wrap = fmt(x);
	format_set_text_wrap(x->wrap);
	x->date = fmt(x);
	format_set_num_format(x->date, "yyyy-mm-dd");
	format_set_align(x->date, LXW_ALIGN_LEFT);
	x->datetime = fmt(x);
	format_set_num_format(x->datetime, "yyyy-mm-dd hh:mm");
	format_set_align(x->datetime, LXW_ALIGN_LEFT);
	x->num = fmt(x);
	format_set_align(x->num, LXW_ALIGN_CENTER);
	x->link = fmt(x);
	format_set_font_color(x->link, LXW_COLOR_BLUE);
	format_set_underline(x->link, LXW_UNDERLINE_SINGLE);
	x->head = fmt(x);
	format_set_bold(x->head);
	format_set_text_wrap(x->head);
	format_set_bottom(x->head, LXW_BORDER_THIN);
	x->total = fmt(x);
	format_set_bold(x->total);
	format_set_align(x->total, LXW_ALIGN_CENTER);
	format_set_top(x->total, LXW_BORDER_THIN);
	x->vague = fmt(x);
	format_set_pattern(x->vague, LXW_PATTERN_SOLID);
	format_set_bg_color(x->vague, FILL_VAGUE);
	x->bad = workbook_add_format(x->wb);
	format_set_bg_color(x->bad, FILL_OVERDUE);
}

/* Text made safe for a cell: C0 controls other than tab and line feed
 * become spaces (XML 1.0 cannot hold them), and it is cut at Excel's
 * limit on a character boundary. Points into x->b. */
static const char *
cell_text(struct xl *x, const char *s)
{
	size_t i, chars = 0;

	if (s != x->b.data) {
		x->b.len = 0;
		cr_buf_puts(&x->b, s != NULL ? s : "");
	}
	cr_buf_putc(&x->b, '\0');
	if (x->b.oom)
		return "";
	for (i = 0; x->b.data[i] != '\0'; i++) {
		unsigned char c = (unsigned char)x->b.data[i];

		if ((c & 0xc0) != 0x80 && ++chars > STR_MAX) {
			x->b.data[i] = '\0';
			break;
		}
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			x->b.data[i] = ' ';
	}
	return x->b.data;
}

static void
put_text(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
	 const char *s, lxw_format *f)
{
	note(x, worksheet_write_string(ws, r, c, cell_text(x, s), f));
}

/* A date as a spreadsheet date: the wall-clock time in its own offset
 * (spreadsheets know no time zones); a vague one as flagged text. */
static void
put_date(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
	 const cr_date *d, int date_only)
{
	lxw_datetime dt;
	char tmp[32];

	if (d == NULL)
		return;
	if (!d->valid) {
		put_text(x, ws, r, c, d->raw.s, x->vague);
		return;
	}
	if (d->dt.year < 1900) {
		cr_datetime_format(&d->dt, tmp);
		put_text(x, ws, r, c, tmp, x->text);
		return;
	}
	memset(&dt, 0, sizeof(dt));
	dt.year = d->dt.year;
	dt.month = d->dt.month;
	dt.day = d->dt.day;
	date_only = date_only || !d->dt.has_time;
	if (!date_only) {
		dt.hour = d->dt.hour;
		dt.min = d->dt.minute;
		dt.sec = d->dt.second;
	}
	note(x, worksheet_write_datetime(ws, r, c, &dt,
					 date_only ? x->date : x->datetime));
}

/* Whether a link target may be written: a file name is the user's (or
 * an attacker's) text, so nothing that Excel could read as a scheme
 * ("http:", "C:"), a UNC share ("\\host\share") or a Windows path
 * becomes a link, nor a control character; "<stdin>" is no file. */
static int
linkable(const char *path)
{
	const unsigned char *p;

	if (path == NULL || path[0] == '\0' || path[0] == '/' ||
	    path[0] == '<' || strlen(path) >= 2000)
		return 0;
	for (p = (const unsigned char *)path; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f || strchr("#:\\?%", *p) != NULL)
			return 0;
	return 1;
}

/* A string literal of a formula: in quotes, a quote doubled; 0 when it
 * is longer than Excel takes in a formula (255 characters). */
static int
put_literal(cr_buf *b, const char *s)
{
	size_t chars = 0;

	cr_buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if ((*s & 0xc0) != 0x80)
			chars++;
		if (*s == '"') {
			cr_buf_putc(b, '"');
			chars++;
		}
		cr_buf_putc(b, *s);
	}
	cr_buf_putc(b, '"');
	return chars <= 255;
}

/*
 * The file of a row: the path shown, and a link to the file. The link is
 * a HYPERLINK formula (with the path as its value), which Excel and
 * LibreOffice follow like a hyperlink: a hyperlink proper is an entry in
 * the sheet's relationships, which libxlsxwriter keeps in memory (about
 * 2 KB each) until the workbook is closed, and of which a sheet holds at
 * most 65,530. A path too long for a formula's text gets one of those.
 */
static int
file_link_cmp(const void *a, const void *b)
{
	const cr_wip_rec *p = ((const struct file_link *)a)->r;
	const cr_wip_rec *q = ((const struct file_link *)b)->r;

	return p < q ? -1 : p > q;
}

static void
put_file(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
	 const cr_wip_rec *rep, size_t *links)
{
	struct file_link key = {rep, NULL, NULL};
	const struct file_link *fl;
	const char *value = NULL, *file, *shown, *link;
	cr_buf *f = &x->formula;
	int ok, fits = 0;

	if (rep == NULL || rep->file == NULL ||
	    (fl = bsearch(&key, x->files, x->nfiles, sizeof(*x->files),
			  file_link_cmp)) == NULL)
		return;
	file = rep->file;
	shown = fl->shown;
	link = fl->link;
	f->len = 0;
	ok = linkable(link) && linkable(file[0] == '/' ? file + 1 : file);
	if (ok) {
		cr_buf_puts(f, "=HYPERLINK(");
		fits = put_literal(f, link);
		cr_buf_putc(f, ',');
		value = cell_text(x, shown); /* in x->b */
		fits = put_literal(f, value) && fits;
		cr_buf_putc(f, ')');
		cr_buf_putc(f, '\0');
	}
	if (ok && fits && !f->oom)
		note(x, worksheet_write_formula_str(ws, r, c, f->data, x->link,
						    value));
	else if (ok && *links < MAX_LINKS) {
		(*links)++;
		f->len = 0;
		cr_buf_printf(f, "external:%s", link);
		cr_buf_putc(f, '\0');
		/* libxlsxwriter turns '/' into '\\' in the shown text too:
		 * write the path over it as it is. */
		if (!f->oom)
			note(x,
			     worksheet_write_url(ws, r, c, f->data, x->link));
		put_text(x, ws, r, c, shown, x->link);
	} else
		put_text(x, ws, r, c, shown, x->text);
}

/* Every report's file shown and linked, sorted by record for put_file's
 * bsearch: -1 on memory. */
static int
files_make(struct xl *x, const cr_wip *w, const wip_paths *paths)
{
	struct file_link *fs;
	wip_dirs dirs = {0};
	size_t i, n = 0;
	int rc = 0;

	if (w->nrecs == 0)
		return 0;
	if ((fs = calloc(w->nrecs, sizeof(*fs))) == NULL)
		return -1;
	for (i = 0; i < w->nrecs && rc == 0; i++) {
		if (w->recs[i]->file == NULL)
			continue;
		fs[n].r = w->recs[i];
		rc = wip_paths_of(paths, &dirs, w->recs[i]->file, &fs[n].shown,
				  &fs[n].link);
		n++;
	}
	wip_dirs_free(&dirs);
	qsort(fs, n, sizeof(*fs), file_link_cmp);
	x->files = fs;
	x->nfiles = n;
	return rc;
}

static void
files_free(struct xl *x)
{
	size_t i;

	for (i = 0; i < x->nfiles; i++) {
		free(x->files[i].shown);
		free(x->files[i].link);
	}
	free((void *)x->files);
	x->files = NULL;
	x->nfiles = 0;
}

static void
col_name(lxw_col_t c, char out[8])
{
	char tmp[8];
	int n = 0, i;

	c++;
	while (c > 0 && n < 7) {
		tmp[n++] = (char)('A' + (c - 1) % 26);
		c = (lxw_col_t)((c - 1) / 26);
	}
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

static int
col_of(const cr_wip_table *t, const char *key)
{
	size_t c;

	for (c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].key, key) == 0)
			return (int)c;
	return -1;
}

/* How many lines a text takes wrapped at spaces into `width` display
 * columns, as a spreadsheet wraps it (a word longer than a line is
 * split). Spreadsheets do not grow a row for wrapped text by themselves
 * (LibreOffice keeps the default height of a row written without one),
 * so the row heights are set from this. */
static size_t
wrapped_lines(const char *s, size_t width)
{
	size_t lines = 1, col = 0, w;
	const char *word;

	if (width < 1)
		width = 1;
	while (*s != '\0') {
		if (*s == '\n') {
			lines++;
			col = 0;
			s++;
			continue;
		}
		if (*s == ' ') {
			s++;
			if (col > 0 && col < width)
				col++;
			continue;
		}
		word = s;
		while (*s != '\0' && *s != ' ' && *s != '\n')
			s++;
		w = cr_utf8_width(word, (size_t)(s - word));
		if (col > 0 && col + w > width) {
			lines++;
			col = 0;
		}
		while (w > width) {
			lines++;
			w -= width;
		}
		col += w;
	}
	return lines;
}

#define ROW_HEIGHT 15.0 /* points, one line of the default font */
#define MAX_LINES 20	/* a row grows no higher than this */

/* The height of a row (0: the headings) from its wrapped texts. */
static void
row_height(struct xl *x, lxw_worksheet *ws, const cr_wip_table *t, size_t i,
	   const double *width)
{
	size_t c, lines = 1, n;

	for (c = 0; c < t->ncols; c++) {
		if (i > 0 && !(t->cols[c].flags & CR_WC_LONG) &&
		    t->cols[c].kind != CR_WK_TEXT)
			continue;
		x->b.len = 0;
		if (i == 0)
			cr_buf_puts(&x->b, t->cols[c].heading);
		else
			cr_wip_text(t, i - 1, c, 0, &x->b);
		cr_buf_putc(&x->b, '\0');
		if (x->b.oom)
			continue;
		n = wrapped_lines(x->b.data, (size_t)width[c]);
		if (n > lines)
			lines = n;
	}
	if (lines > MAX_LINES)
		lines = MAX_LINES;
	if (lines > 1)
		note(x, worksheet_set_row(ws, (lxw_row_t)i,
					  ROW_HEIGHT * (double)lines, NULL));
}

/* Widths from the content, CJK counted two; long texts wrap instead.
 * The widths go into width[] for the row heights. */
static void
set_widths(struct xl *x, lxw_worksheet *ws, const cr_wip_table *t,
	   double *width)
{
	size_t i, c, cw;

	for (c = 0; c < t->ncols; c++) {
		const cr_wip_column *col = &t->cols[c];
		size_t wid = col->kind == CR_WK_NUM ? 6 : 4;
		double d;

		for (i = 0; i <= t->len && i < 2000; i++) {
			x->b.len = 0;
			if (i == 0) {
				/* headings wrap: their longest word counts */
				const char *h = col->heading, *sp;

				while (*h != '\0') {
					sp = strchr(h, ' ');
					cw = sp != NULL ? (size_t)(sp - h)
							: strlen(h);
					if (cw > wid)
						wid = cw;
					h += cw + (sp != NULL);
				}
				continue;
			}
			cr_wip_text(t, i - 1, c, 1, &x->b);
			cw = cr_utf8_width(x->b.data != NULL ? x->b.data : "",
					   x->b.len);
			if (cw > wid)
				wid = cw;
		}
		d = (double)wid + 2.0;
		if (col->flags & CR_WC_LONG) {
			if (d > WIDTH_LONG)
				d = WIDTH_LONG;
		} else if (d > WIDTH_MAX)
			d = WIDTH_MAX;
		width[c] = d;
		note(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, d,
					     (col->flags & CR_WC_LONG) ||
						     col->kind == CR_WK_TEXT
						 ? x->wrap
						 : NULL));
	}
}

static void
print_setup(struct xl *x, lxw_worksheet *ws)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	note(x, worksheet_repeat_rows(ws, 0, 0));
	note(x, worksheet_set_footer(ws, "&L&A&RPage &P of &N"));
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
}

/* The action view's overdue highlight and days: formulas on the due date
 * (a date alone is due at the end of its day) and the status. */
static void
action_rules(struct xl *x, lxw_worksheet *ws, const cr_wip_table *t)
{
	lxw_conditional_format cf;
	char due[8], st[8], last[8], formula[256];

	if (t->len == 0)
		return;
	col_name((lxw_col_t)col_of(t, "due"), due);
	col_name((lxw_col_t)col_of(t, "status"), st);
	col_name((lxw_col_t)(t->ncols - 1), last);
	snprintf(formula, sizeof(formula),
		 "=AND(ISNUMBER($%s2),OR($%s2=\"open\",$%s2=\"blocked\"),"
		 "IF(MOD($%s2,1)=0,$%s2<TODAY(),$%s2<NOW()))",
		 due, st, st, due, due, due);
	memset(&cf, 0, sizeof(cf));
	cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
	cf.value_string = formula;
	cf.format = x->bad;
	note(x, worksheet_conditional_format_range(ws, 1, 0, (lxw_row_t)t->len,
						   (lxw_col_t)(t->ncols - 1),
						   &cf));
}

static void
days_formula(struct xl *x, lxw_worksheet *ws, const cr_wip_table *t,
	     lxw_row_t r, lxw_col_t c, size_t row)
{
	char due[8], st[8], formula[256];
	const cr_date *d = cr_wip_date(t, row, (size_t)col_of(t, "due"));
	long long n = 0;

	if (d != NULL && !d->valid) {
		put_text(x, ws, r, c, "vague due", x->vague);
		return;
	}
	cr_wip_num(t, row, c, &n);
	col_name((lxw_col_t)col_of(t, "due"), due);
	col_name((lxw_col_t)col_of(t, "status"), st);
	snprintf(formula, sizeof(formula),
		 "=IF(AND(ISNUMBER(%s%u),OR(%s%u=\"open\",%s%u=\"blocked\")),"
		 "MAX(0,TODAY()-INT(%s%u)),0)",
		 due, r + 1, st, r + 1, st, r + 1, due, r + 1);
	note(x,
	     worksheet_write_formula_num(ws, r, c, formula, x->num, (double)n));
}

/* A highlight on a whole row when one column meets a criterion. */
static void
row_rule(struct xl *x, lxw_worksheet *ws, const cr_wip_table *t,
	 const char *key, const char *test)
{
	lxw_conditional_format cf;
	char col[8], formula[128];
	int c = col_of(t, key);

	if (t->len == 0 || c < 0)
		return;
	col_name((lxw_col_t)c, col);
	snprintf(formula, sizeof(formula), "=$%s2%s", col, test);
	memset(&cf, 0, sizeof(cf));
	cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
	cf.value_string = formula;
	cf.format = x->bad;
	note(x, worksheet_conditional_format_range(ws, 1, 0, (lxw_row_t)t->len,
						   (lxw_col_t)(t->ncols - 1),
						   &cf));
}

/* A view's sheet: its rows are written by sheet_rows, on a thread of
 * their own (constant-memory mode gives each sheet its own file). */
struct sheet {
	struct xl x; /* the workbook's, with this sheet's buffer and error */
	lxw_worksheet *ws;
	cr_wip_table t;
	double *width;
};

/* The sheet's settings and headings, on the calling thread: what
 * touches the workbook (conditional formats, validations) is done here. */
static void
view_sheet(struct xl *x, struct sheet *sh, const char *name)
{
	const cr_wip_table *t = &sh->t;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	lxw_data_validation dv;
	double *width;
	size_t c;

	sh->ws = NULL;
	if (ws == NULL || (width = calloc(t->ncols, sizeof(*width))) == NULL) {
		note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	sh->ws = ws;
	sh->width = width;
	set_widths(x, ws, t, width);
	print_setup(x, ws);
	worksheet_freeze_panes(ws, 1, 0);
	note(x, worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->len,
				     (lxw_col_t)(t->ncols - 1)));
	if (t->view == CR_WIP_BY_ACTION && t->len > 0) {
		int st = col_of(t, "status");

		memset(&dv, 0, sizeof(dv));
		dv.validate = LXW_VALIDATION_TYPE_LIST;
		dv.value_list = (char **)cr_status_values;
		note(x, worksheet_data_validation_range(ws, 1, (lxw_col_t)st,
							(lxw_row_t)t->len,
							(lxw_col_t)st, &dv));
		action_rules(x, ws, t);
	} else if (t->view == CR_WIP_BY_JOB)
		row_rule(x, ws, t, "overdue", ">0");
	else if (t->view == CR_WIP_BY_REPORT)
		row_rule(x, ws, t, "issue", "=\"late\"");
	row_height(x, ws, t, 0, width);
	for (c = 0; c < t->ncols; c++)
		put_text(x, ws, 0, (lxw_col_t)c, t->cols[c].heading, x->head);
}

/* The rows of a sheet (cli_parallel's work): only its own worksheet,
 * buffer, folders and error are written; the formats' indexes were
 * fixed before (fix_formats). */
static int
sheet_rows(size_t k, void *arg)
{
	struct sheet *sh = (struct sheet *)arg + k;
	struct xl *x = &sh->x;
	const cr_wip_table *t = &sh->t;
	lxw_worksheet *ws = sh->ws;
	const double *width = sh->width;
	size_t i, c, links = 0;
	long long n;
	lxw_row_t r;

	if (ws == NULL)
		return 0;
	for (i = 0; i < t->len; i++) {
		r = (lxw_row_t)(i + 1);
		row_height(x, ws, t, i + 1, width);
		for (c = 0; c < t->ncols; c++) {
			const cr_wip_column *col = &t->cols[c];

			switch (col->kind) {
			case CR_WK_DATE:
			case CR_WK_DAY:
				put_date(x, ws, r, (lxw_col_t)c,
					 cr_wip_date(t, i, c),
					 col->kind == CR_WK_DAY);
				break;
			case CR_WK_NUM:
				if (t->view == CR_WIP_BY_ACTION &&
				    strcmp(col->key, "days_overdue") == 0)
					days_formula(x, ws, t, r, (lxw_col_t)c,
						     i);
				else if (cr_wip_num(t, i, c, &n))
					note(x, worksheet_write_number(
						    ws, r, (lxw_col_t)c,
						    (double)n, x->num));
				break;
			case CR_WK_FILE: {
				const cr_wip_rec *rep = cr_wip_row_report(t, i);

				put_file(x, ws, r, (lxw_col_t)c, rep, &links);
				break;
			}
			default:
				x->b.len = 0;
				cr_wip_text(t, i, c, 0, &x->b);
				put_text(x, ws, r, (lxw_col_t)c, x->b.data,
					 x->wrap);
			}
		}
	}
	return 0;
}

/*
 * A format's index in the workbook is given on its first use, which
 * writes to the workbook's table of formats: give every format fmt made
 * its index here, before the sheets' threads use them, in the order they
 * were made.
 */
static void
fix_formats(struct xl *x)
{
	size_t i;

	for (i = 0; i < x->ncells; i++)
		(void)lxw_format_get_xf_index(x->cells[i]);
}

/* Owners by overdue, then open (most first), then name. */
static int
owner_cmp(const void *p, const void *q)
{
	const cr_wip_owner *a = p, *b = q;

	if (a->overdue != b->overdue)
		return a->overdue > b->overdue ? -1 : 1;
	if (a->open != b->open)
		return a->open > b->open ? -1 : 1;
	return cr_utf8_casecmp(a->name, b->name);
}

static void
owners_sheet(struct xl *x, cr_wip_owner *os, size_t n)
{
	static const char *heads[] = {"Owner", "Kind", "Open", "Overdue",
				      "Due within 7 days"};
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Owners");
	size_t i, name_w = 10, cw, tot[3] = {0, 0, 0};
	lxw_chart *ch;
	lxw_chart_series *s;
	lxw_chart_options co;
	char ref[64], formula[64];
	lxw_row_t r, last = (lxw_row_t)n;

	if (ws == NULL) {
		note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	if (n > 1)
		qsort(os, n, sizeof(*os), owner_cmp);
	for (i = 0; i < n; i++) {
		cw = cr_utf8_width(os[i].name, strlen(os[i].name));
		if (cw > name_w)
			name_w = cw;
	}
	note(x, worksheet_set_column(ws, 0, 0, (double)name_w + 2.0, NULL));
	note(x, worksheet_set_column(ws, 1, 1, 14.0, NULL));
	note(x, worksheet_set_column(ws, 2, 3, 11.0, NULL));
	note(x, worksheet_set_column(ws, 4, 4, 19.0, NULL));
	print_setup(x, ws);
	worksheet_freeze_panes(ws, 1, 0);
	note(x, worksheet_autofilter(ws, 0, 0, last, 4));
	for (i = 0; i < 5; i++)
		put_text(x, ws, 0, (lxw_col_t)i, heads[i], x->head);
	for (i = 0; i < n; i++) {
		r = (lxw_row_t)(i + 1);
		put_text(x, ws, r, 0, os[i].name, x->text);
		put_text(x, ws, r, 1, os[i].org ? "organisation" : "person",
			 x->text);
		note(x, worksheet_write_number(ws, r, 2, (double)os[i].open,
					       x->num));
		note(x, worksheet_write_number(ws, r, 3, (double)os[i].overdue,
					       x->num));
		note(x, worksheet_write_number(ws, r, 4, (double)os[i].due_soon,
					       x->num));
		tot[0] += os[i].open;
		tot[1] += os[i].overdue;
		tot[2] += os[i].due_soon;
	}
	r = last + 1;
	put_text(x, ws, r, 0, "Total", x->head);
	for (i = 0; i < 3; i++) {
		char c[8];

		col_name((lxw_col_t)(i + 2), c);
		snprintf(formula, sizeof(formula), "=SUM(%s2:%s%u)", c, c,
			 last + 1);
		note(x, worksheet_write_formula_num(ws, r, (lxw_col_t)(i + 2),
						    formula, x->total,
						    (double)tot[i]));
	}
	if (n == 0)
		return;
	ch = workbook_add_chart(x->wb, LXW_CHART_BAR);
	if (ch == NULL) {
		note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	snprintf(ref, sizeof(ref), "=Owners!$A$2:$A$%u", last + 1);
	snprintf(formula, sizeof(formula), "=Owners!$C$2:$C$%u", last + 1);
	s = chart_add_series(ch, ref, formula);
	chart_series_set_name(s, "Open");
	snprintf(formula, sizeof(formula), "=Owners!$D$2:$D$%u", last + 1);
	s = chart_add_series(ch, ref, formula);
	chart_series_set_name(s, "Overdue");
	chart_title_set_name(ch, "Open and overdue actions per owner");
	chart_axis_set_reverse(chart_axis_get(ch, LXW_CHART_AXIS_TYPE_Y));
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	/* one bar pair per owner readable: the chart grows with them */
	memset(&co, 0, sizeof(co));
	co.x_scale = 1.5;
	co.y_scale = n > 8 ? 1.0 + (double)(n - 8) / 8.0 : 1.0;
	if (co.y_scale > 8.0)
		co.y_scale = 8.0;
	note(x, worksheet_insert_chart_opt(ws, 1, 6, ch, &co));
}

/* The document's creation time: `now`, kept to the years W3CDTF and
 * Office read (1900-9999 UTC), so that --now 0000-01-01 still gives a
 * valid date, and the same one every run (libxlsxwriter would put the
 * clock's time for 0). */
static time_t
created(long long now)
{
	const long long first = cr_days_from_civil(1900, 1, 1) * 86400;
	const long long last = cr_days_from_civil(10000, 1, 1) * 86400 - 1;

	if (now < first)
		now = first;
	if (now > last)
		now = last;
	return now == 0 ? 1 : (time_t)now;
}

/* An error of libxlsxwriter's file or zip writing, where errno says more. */
static int
io_error(lxw_error e)
{
	return e == LXW_ERROR_CREATING_XLSX_FILE ||
	       e == LXW_ERROR_CREATING_TMPFILE ||
	       e == LXW_ERROR_READING_TMPFILE ||
	       e == LXW_ERROR_ZIP_FILE_OPERATION ||
	       e == LXW_ERROR_ZIP_FILE_ADD || e == LXW_ERROR_ZIP_CLOSE;
}

/* libxlsxwriter logs its errors on stderr with its own source positions
 * and the temporary file's name: they are kept from the user, who gets
 * one message naming the output and the cause. */
static int
quiet_stderr(void)
{
	int saved = dup(STDERR_FILENO), null;

	fflush(stderr);
	if (saved >= 0 && (null = open("/dev/null", O_WRONLY)) >= 0) {
		dup2(null, STDERR_FILENO);
		close(null);
	}
	return saved;
}

static void
restore_stderr(int saved)
{
	if (saved < 0)
		return;
	dup2(saved, STDERR_FILENO);
	close(saved);
}

int
wip_xlsx_write(const cr_wip *w, const cr_wip_views *v, const wip_paths *paths,
	       int jobs, const char *path, const char *shown, const char *prog)
{
	static const char *const sheet[CR_WIP__NVIEWS] = {
	    "WIP", "Jobs", "Reports", "Agreements"};
	lxw_workbook_options opt;
	lxw_doc_properties props;
	struct sheet sh[CR_WIP__NVIEWS];
	const char *tmpdir;
	cr_wip_owner *os = NULL;
	size_t nos = 0;
	char subject[128];
	struct xl x;
	lxw_error e;
	int k, saved, err;

	memset(&x, 0, sizeof(x));
	memset(sh, 0, sizeof(sh));
	cr_buf_init(&x.b);
	cr_buf_init(&x.formula);
	if (cr_wip_owners(w, SOON_DAYS, &os, &nos) == -1 ||
	    files_make(&x, w, paths) == -1) {
		cli_error(prog, "out of memory");
		files_free(&x);
		free(os);
		return -1;
	}
	memset(&opt, 0, sizeof(opt));
	opt.constant_memory = LXW_TRUE;
	/* the sheets' temporary files where the scratch file goes */
	tmpdir = cli_tmpdir();
	if (access(tmpdir, W_OK | X_OK) != 0) {
		cli_error(prog, "%s: %s", tmpdir, strerror(errno));
		files_free(&x);
		free(os);
		return -1;
	}
	opt.tmpdir = (char *)tmpdir;
	saved = quiet_stderr();
	errno = 0;
	if ((x.wb = workbook_new_opt(path, &opt)) == NULL) {
		err = errno;
		restore_stderr(saved);
		cli_error(prog, "%s: cannot start the workbook: %s", shown,
			  strerror(err != 0 ? err : ENOMEM));
		files_free(&x);
		free(os);
		return -1;
	}
	make_fmts(&x);

	snprintf(subject, sizeof(subject),
		 "%zu open actions, %zu jobs, from %zu contact reports", w->len,
		 v->njobs, w->ndated);
	memset(&props, 0, sizeof(props));
	props.title = "WIP report";
	props.subject = subject;
	props.author = "crtools " CR_VERSION;
	props.comments = "Made by cr-wip (crtools " CR_VERSION ")";
	props.created = created(w->now);
	note(&x, workbook_set_properties(x.wb, &props));

	fix_formats(&x);
	for (k = 0; k < CR_WIP__NVIEWS; k++) {
		cr_wip_table_init(&sh[k].t, (cr_wip_view)k, w, v);
		view_sheet(&x, &sh[k], sheet[k]);
		sh[k].x = x; /* with buffers and an error of its own */
		cr_buf_init(&sh[k].x.b);
		cr_buf_init(&sh[k].x.formula);
		sh[k].x.err = LXW_NO_ERROR;
	}
	owners_sheet(&x, os, nos);
	free(os);
	/* the views' rows, a sheet a thread */
	cli_parallel(CR_WIP__NVIEWS, jobs, CR_WIP__NVIEWS, sheet_rows, NULL,
		     sh);
	for (k = 0; k < CR_WIP__NVIEWS; k++) {
		note(&x, sh[k].x.err);
		cr_buf_free(&sh[k].x.b);
		cr_buf_free(&sh[k].x.formula);
		free(sh[k].width);
	}
	errno = 0;
	e = workbook_close(x.wb);
	err = errno;
	restore_stderr(saved);
	cr_buf_free(&x.b);
	cr_buf_free(&x.formula);
	files_free(&x);
	if (x.err == LXW_NO_ERROR)
		x.err = e;
	if (x.err != LXW_NO_ERROR) {
		/* the system's reason when there is one (a full disk) */
		cli_error(prog, "%s: %s", shown,
			  err != 0 && io_error(x.err) ? strerror(err)
						      : lxw_strerror(x.err));
		return -1;
	}
	return 0;
}
