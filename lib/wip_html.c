/*
 * wip_html.c - a WIP view as one standalone HTML page (SPEC 8) for a
 * wall screen or an intranet: the date of --now and the counts in the
 * heading, overdue rows marked (a class, and the word for readers
 * without colour), print CSS, no external resource and no script. Below
 * 760 px the rows become stacked cards, each cell labelled, so nothing
 * scrolls sideways on a phone.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "render_util.h"

static const char css[] =
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,"
    "\"Noto Sans\",sans-serif;margin:1rem;color:#1a1a1a;background:#fff}\n"
    "h1{font-size:1.4rem;margin:0 0 .25rem}\n"
    "p.counts{margin:0 0 1rem;color:#444}\n"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}\n"
    "th,td{border-bottom:1px solid #ddd;padding:.3rem .45rem;"
    "text-align:left;vertical-align:top;overflow-wrap:break-word}\n"
    "td.file{overflow-wrap:anywhere;min-width:8rem}\n"
    "th{background:#f2f2f2;position:sticky;top:0}\n"
    "td.num,th.num{text-align:right}\n"
    "td.num{white-space:nowrap}\n"
    "tr.overdue td{background:#fde4e1}\n"
    "tr.overdue td:first-child{box-shadow:inset 4px 0 #c62828}\n"
    ".flag{display:inline-block;font-size:.75rem;font-weight:600;"
    "color:#fff;background:#c62828;border-radius:3px;padding:0 .3rem;"
    "margin-left:.3rem}\n"
    "@media (max-width:760px){\n"
    " table,thead,tbody,tr,th,td{display:block;width:auto}\n"
    " thead{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0)}\n"
    " tr{border:1px solid #ccc;border-radius:6px;margin:0 0 .75rem;"
    "padding:.25rem .5rem}\n"
    " td,td.num,td.date{border:0;padding:.15rem 0;text-align:left;"
    "white-space:normal}\n"
    " td:empty{display:none}\n"
    " td::before{content:attr(data-label);display:inline-block;"
    "min-width:8.5rem;font-weight:600;color:#555}\n"
    " tr.overdue{border-color:#c62828}\n"
    " tr.overdue td:first-child{box-shadow:none}\n"
    "}\n"
    "@media print{\n"
    " body{margin:0;font-size:9pt}\n"
    " th{position:static}\n"
    " thead{display:table-header-group}\n"
    " tr{break-inside:avoid}\n"
    " tr.overdue td{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}\n"
    " @page{size:A4 landscape;margin:12mm}\n"
    "}\n";

static const char *const view_title[CR_WIP__NVIEWS] = {
    "WIP: actions", "WIP: jobs", "WIP: reports", "WIP: agreements"};
static const char *const view_noun[CR_WIP__NVIEWS] = {"actions", "jobs",
						      "reports", "agreements"};

static const char *
col_class(const cr_wip_column *c)
{
	switch (c->kind) {
	case CR_WK_NUM:
		return " class=\"num\"";
	case CR_WK_DATE:
	case CR_WK_DAY:
		return " class=\"date\"";
	case CR_WK_FILE:
		return " class=\"file\"";
	default:
		return "";
	}
}

static void
heading(const cr_wip_table *t, const cr_wip_write_opts *o, cr_buf *out)
{
	cr_datetime now;
	char tmp[32];
	size_t i, overdue = 0;

	for (i = 0; i < t->len; i++)
		overdue += cr_wip_row_overdue(t, i) != 0;
	cr_datetime_from_epoch(t->w->now, t->w->now_offset, &now);
	now.has_time = 1;
	now.has_offset = 1;
	cr_datetime_format(&now, tmp);
	cr_buf_puts(out, "<header>\n<h1>");
	cr_html_escapes(out, o->title != NULL ? o->title : view_title[t->view]);
	cr_buf_printf(out,
		      "</h1>\n<p class=\"counts\">As of <time "
		      "datetime=\"%s\">",
		      tmp);
	tmp[10] = ' ';
	tmp[16] = '\0';
	cr_buf_printf(out, "%s</time>: %zu %s", tmp, t->len,
		      view_noun[t->view]);
	if (t->view == CR_WIP_BY_ACTION || t->view == CR_WIP_BY_JOB)
		cr_buf_printf(out, ", %zu overdue", overdue);
	else if (t->view == CR_WIP_BY_REPORT)
		cr_buf_printf(out, ", %zu issued late", overdue);
	cr_buf_puts(out, "</p>\n</header>\n");
}

int
cr_wip_write_html(const cr_wip_table *t, const cr_wip_write_opts *o,
		  cr_buf *out)
{
	cr_buf b;
	size_t i, c;

	cr_buf_init(&b);
	cr_buf_puts(out,
		    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		    "<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, "
		    "initial-scale=1\">\n<title>");
	cr_html_escapes(out, o->title != NULL ? o->title : view_title[t->view]);
	cr_buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		      css);
	heading(t, o, out);
	if (t->len == 0) {
		cr_buf_printf(out, "<p>No %s.</p>\n", view_noun[t->view]);
		goto end;
	}
	cr_buf_puts(out, "<table>\n<thead>\n<tr>");
	for (c = 0; c < t->ncols; c++) {
		cr_buf_printf(out, "<th scope=\"col\"%s>",
			      col_class(&t->cols[c]));
		cr_html_escapes(out, t->cols[c].heading);
		cr_buf_puts(out, "</th>");
	}
	cr_buf_puts(out, "</tr>\n</thead>\n<tbody>\n");
	for (i = 0; i < t->len; i++) {
		int late = cr_wip_row_overdue(t, i);

		cr_buf_puts(out, late ? "<tr class=\"overdue\">" : "<tr>");
		for (c = 0; c < t->ncols; c++) {
			b.len = 0;
			cr_wip_text(t, i, c, 1, &b);
			cr_buf_printf(out, "<td%s data-label=\"",
				      col_class(&t->cols[c]));
			cr_html_escapes(out, t->cols[c].heading);
			cr_buf_puts(out, "\">");
			cr_html_escape(out, b.data != NULL ? b.data : "",
				       b.len);
			if (late && c == 0)
				cr_buf_puts(out, t->view == CR_WIP_BY_REPORT
						     ? " <span class=\"flag\">"
						       "late</span>"
						     : " <span class=\"flag\">"
						       "overdue</span>");
			cr_buf_puts(out, "</td>");
		}
		cr_buf_puts(out, "</tr>\n");
	}
	cr_buf_puts(out, "</tbody>\n</table>\n");
end:
	cr_buf_puts(out, "</body>\n</html>\n");
	if (b.oom)
		out->oom = 1;
	cr_buf_free(&b);
	return out->oom ? -1 : 0;
}
