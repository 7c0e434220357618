/*
 * xlsx.c - the WIP workbook (SPEC 8): sheet "WIP" with a bold frozen
 * header, autofilter, widths from the content, real dates, overdue rows
 * filled, a status drop-down and the source file linked; sheet "Owners"
 * with the per-owner counts; document properties.
 *
 * Every text goes through worksheet_write_string, never through a
 * function that guesses a type, so "=1+1" stays text. The rows are
 * written top to bottom, which constant-memory mode needs; autofilter,
 * data validation, frozen panes, column widths and hyperlinks are kept
 * apart from the row data by libxlsxwriter and work in that mode too.
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
#include "xlsx.h"

#define STR_MAX 32767	      /* Excel's limit for one cell, in characters */
#define WIDTH_MAX 60.0	      /* no column wider than this */
#define SOON_DAYS 7	      /* the Owners sheet's "due within" */
#define FILL_OVERDUE 0xFFC7CE /* light red, as Excel's "bad" style */

/* The formats of one kind of row (plain or overdue). */
struct fmts {
	lxw_format *text, *date, *datetime, *num, *link;
};

struct xl {
	lxw_workbook *wb;
	struct fmts f[2]; /* [0] plain rows, [1] overdue rows */
	lxw_format *head;
	cr_buf b;
	lxw_error err;
	size_t links; /* hyperlinks written so far */
};

/* A worksheet holds at most 65,530 hyperlinks (the format's limit, which
 * libxlsxwriter enforces): the files of later rows are plain text. */
#define MAX_LINKS 65530

static void
make_fmts(struct xl *x, struct fmts *f, int fill)
{
	lxw_format **all[] = {&f->text, &f->date, &f->datetime, &f->num,
			      &f->link};
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		*all[i] = workbook_add_format(x->wb);
		format_set_align(*all[i], LXW_ALIGN_VERTICAL_TOP);
		if (fill) {
			format_set_pattern(*all[i], LXW_PATTERN_SOLID);
			format_set_bg_color(*all[i], FILL_OVERDUE);
		}
	}
	format_set_num_format(f->date, "yyyy-mm-dd");
	format_set_num_format(f->datetime, "yyyy-mm-dd hh:mm");
	format_set_font_color(f->link, LXW_COLOR_BLUE);
	format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
}

/* Text made safe for a cell: C0 controls other than tab and line feed
 * become spaces (XML 1.0 cannot hold them), and it is cut at Excel's
 * limit on a character boundary. Points into x->b. */
static const char *
cell_text(struct xl *x, const char *s)
{
	size_t i, chars = 0;

	x->b.len = 0;
	cr_buf_puts(&x->b, s != NULL ? s : "");
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
note(struct xl *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

static void
put_text(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
	 const char *s, lxw_format *f)
{
	note(x, worksheet_write_string(ws, r, c, cell_text(x, s), f));
}

/* A date as a spreadsheet date: the wall-clock time in its own offset
 * (spreadsheets know no time zones). Returns whether it had a time. */
static int
put_date(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
	 const cr_date *d, int date_only, const struct fmts *f)
{
	lxw_datetime dt;
	char tmp[32];

	if (!d->valid) {
		put_text(x, ws, r, c, d->raw.s, f->text);
		return 0;
	}
	if (d->dt.year < 1900) {
		/* before the spreadsheet epoch: text, normalised */
		cr_datetime_format(&d->dt, tmp);
		if (date_only)
			tmp[10] = '\0';
		put_text(x, ws, r, c, tmp, f->text);
		return 0;
	}
	memset(&dt, 0, sizeof(dt));
	dt.year = d->dt.year;
	dt.month = d->dt.month;
	dt.day = d->dt.day;
	if (!date_only && d->dt.has_time) {
		dt.hour = d->dt.hour;
		dt.min = d->dt.minute;
		dt.sec = d->dt.second;
	}
	date_only = date_only || !d->dt.has_time;
	note(x, worksheet_write_datetime(ws, r, c, &dt,
					 date_only ? f->date : f->datetime));
	return !date_only;
}

/* Only a relative path becomes an "external:" link (relative to the
 * workbook's folder); an absolute one would not survive the file being
 * mailed or moved, and "<stdin>" is no file. A file name is the user's
 * (or an attacker's) text: nothing that Excel could read as a scheme
 * ("http:", "C:"), a UNC share ("\\host\share") or a Windows path
 * becomes a link, nor a control character. */
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

static void
put_file(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
	 const char *path, const struct fmts *f)
{
	cr_buf url;

	if (!linkable(path) || x->links >= MAX_LINKS) {
		put_text(x, ws, r, c, path, f->text);
		return;
	}
	x->links++;
	cr_buf_init(&url);
	cr_buf_printf(&url, "external:%s", path);
	if (url.oom) {
		put_text(x, ws, r, c, path, f->text);
	} else {
		/* libxlsxwriter turns '/' into '\\' in the shown text too:
		 * write the path over it as it was given. */
		note(x, worksheet_write_url(ws, r, c, url.data, f->link));
		put_text(x, ws, r, c, path, f->link);
	}
	cr_buf_free(&url);
}

/* Width of a column in characters: its widest text, CJK counted two,
 * plus room for the filter button. */
static double
width_of(size_t w)
{
	double d = (double)w + 3.0;

	return d > WIDTH_MAX ? WIDTH_MAX : d;
}

static void
set_widths(struct xl *x, lxw_worksheet *ws, const cr_wip *w)
{
	size_t wid[CR_WIP__NCOLS], i, cw;
	int c, has_time = 0;

	for (c = 0; c < CR_WIP__NCOLS; c++) {
		const char *h = cr_wip_heading((cr_wip_col)c);
		wid[c] = cr_utf8_width(h, strlen(h));
	}
	for (i = 0; i < w->len; i++) {
		const cr_wip_row *row = &w->rows[i];

		if (row->action->due.valid && row->action->due.dt.has_time)
			has_time = 1;
		for (c = 0; c < CR_WIP__NCOLS; c++) {
			if (c == CR_WIP_DUE && row->action->due.valid)
				continue; /* a date: width below */
			x->b.len = 0;
			cr_wip_cell(row, (cr_wip_col)c, &x->b);
			cw = cr_utf8_width(x->b.data != NULL ? x->b.data : "",
					   x->b.len);
			if (cw > wid[c])
				wid[c] = cw;
		}
	}
	/* "yyyy-mm-dd" or "yyyy-mm-dd hh:mm" */
	if (wid[CR_WIP_DUE] < (has_time ? 16u : 10u))
		wid[CR_WIP_DUE] = has_time ? 16 : 10;
	for (c = 0; c < CR_WIP__NCOLS; c++)
		note(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
					     width_of(wid[c]), NULL));
}

static void
wip_sheet(struct xl *x, const cr_wip *w)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "WIP");
	lxw_data_validation dv;
	lxw_row_t r;
	size_t i;
	int c;

	if (ws == NULL) {
		note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	set_widths(x, ws, w);
	worksheet_freeze_panes(ws, 1, 0);
	note(x, worksheet_autofilter(ws, 0, 0, (lxw_row_t)w->len,
				     CR_WIP__NCOLS - 1));
	if (w->len > 0) {
		memset(&dv, 0, sizeof(dv));
		dv.validate = LXW_VALIDATION_TYPE_LIST;
		dv.value_list = (char **)cr_status_values;
		note(x, worksheet_data_validation_range(
			    ws, 1, CR_WIP_STATUS_COL, (lxw_row_t)w->len,
			    CR_WIP_STATUS_COL, &dv));
	}
	for (c = 0; c < CR_WIP__NCOLS; c++)
		put_text(x, ws, 0, (lxw_col_t)c, cr_wip_heading((cr_wip_col)c),
			 x->head);
	for (i = 0; i < w->len; i++) {
		const cr_wip_row *row = &w->rows[i];
		const struct fmts *f = &x->f[row->overdue ? 1 : 0];

		r = (lxw_row_t)(i + 1);
		for (c = 0; c < CR_WIP__NCOLS; c++) {
			switch (c) {
			case CR_WIP_DUE:
				put_date(x, ws, r, c, &row->action->due, 0, f);
				break;
			case CR_WIP_RAISED:
				put_date(x, ws, r, c, &row->first->date, 1, f);
				break;
			case CR_WIP_UPDATED:
				put_date(x, ws, r, c, &row->latest->date, 1, f);
				break;
			case CR_WIP_DAYS_OVERDUE:
				note(x, worksheet_write_number(
					    ws, r, c, (double)row->days_overdue,
					    f->num));
				break;
			case CR_WIP_COUNT:
				note(x,
				     worksheet_write_number(
					 ws, r, c, (double)row->count, f->num));
				break;
			case CR_WIP_FILE:
				put_file(x, ws, r, c, row->latest->file, f);
				break;
			default: {
				cr_buf cell;

				cr_buf_init(&cell);
				cr_wip_cell(row, (cr_wip_col)c, &cell);
				put_text(x, ws, r, c, cell.data, f->text);
				cr_buf_free(&cell);
			}
			}
		}
	}
}

static void
owners_sheet(struct xl *x, const cr_wip_owner *os, size_t n)
{
	static const char *heads[] = {"Owner", "Open", "Overdue",
				      "Due within 7 days"};
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Owners");
	size_t i, name_w = 5, cw;
	lxw_row_t r;

	if (ws == NULL) {
		note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (i = 0; i < n; i++) {
		cw = cr_utf8_width(os[i].name, strlen(os[i].name));
		if (cw > name_w)
			name_w = cw;
	}
	note(x, worksheet_set_column(ws, 0, 0, width_of(name_w), NULL));
	note(x, worksheet_set_column(ws, 1, 2, width_of(7), NULL));
	note(x, worksheet_set_column(ws, 3, 3, width_of(17), NULL));
	worksheet_freeze_panes(ws, 1, 0);
	for (i = 0; i < 4; i++)
		put_text(x, ws, 0, (lxw_col_t)i, heads[i], x->head);
	for (i = 0; i < n; i++) {
		r = (lxw_row_t)(i + 1);
		put_text(x, ws, r, 0, os[i].name, x->f[0].text);
		note(x, worksheet_write_number(ws, r, 1, (double)os[i].open,
					       x->f[0].num));
		note(x, worksheet_write_number(ws, r, 2, (double)os[i].overdue,
					       x->f[0].num));
		note(x, worksheet_write_number(ws, r, 3, (double)os[i].due_soon,
					       x->f[0].num));
	}
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
wip_xlsx_write(const cr_wip *w, size_t nreports, const char *path,
	       const char *shown, const char *prog)
{
	lxw_workbook_options opt;
	lxw_doc_properties props;
	cr_wip_owner *os = NULL;
	size_t nos = 0;
	char subject[128];
	struct xl x;
	lxw_error e;
	int saved, err;

	memset(&x, 0, sizeof(x));
	cr_buf_init(&x.b);
	if (cr_wip_owners(w, SOON_DAYS, &os, &nos) == -1) {
		cli_error(prog, "out of memory");
		return -1;
	}
	memset(&opt, 0, sizeof(opt));
	opt.constant_memory = LXW_TRUE;
	saved = quiet_stderr();
	errno = 0;
	if ((x.wb = workbook_new_opt(path, &opt)) == NULL) {
		err = errno;
		restore_stderr(saved);
		cli_error(prog, "%s: cannot start the workbook: %s", shown,
			  strerror(err != 0 ? err : ENOMEM));
		free(os);
		return -1;
	}
	x.head = workbook_add_format(x.wb);
	format_set_bold(x.head);
	format_set_bottom(x.head, LXW_BORDER_THIN);
	make_fmts(&x, &x.f[0], 0);
	make_fmts(&x, &x.f[1], 1);

	snprintf(subject, sizeof(subject),
		 "%zu actions from %zu contact reports", w->len, nreports);
	memset(&props, 0, sizeof(props));
	props.title = "WIP report";
	props.subject = subject;
	props.comments = "Made by cr-wip (crtools " CR_VERSION ")";
	props.created = created(w->now);
	note(&x, workbook_set_properties(x.wb, &props));

	wip_sheet(&x, w);
	owners_sheet(&x, os, nos);
	free(os);
	errno = 0;
	e = workbook_close(x.wb);
	err = errno;
	restore_stderr(saved);
	cr_buf_free(&x.b);
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
