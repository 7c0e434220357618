/*
 * md_limit.c - bounds a Markdown text before cmark-gfm parses it.
 *
 * cmark-gfm keeps a node of some hundred bytes for every list item,
 * paragraph, line, table cell and inline span, and aborts the process
 * when an allocation fails; its table extension appends each cell of a
 * row to a linked list by walking it, so a row of many cells takes
 * quadratic time. Within the 16 MiB limit of SPEC 4, a text of millions
 * of list items would need gigabytes. This pre-scan counts an upper bound
 * of those nodes in one pass over the text and refuses, with the `limit`
 * error, a text that would need more than the budget, so that every
 * input is read in bounded time and well under 512 MiB.
 */
#include <string.h>

#include "internal.h"

/* Measured: 180 to 490 bytes of cmark-gfm memory an element as counted
 * here (nested lists the most), so 500,000 stay under 250 MiB. */
#define MD_MAX_ELEMENTS 500000
/* Cells of one table row (and '|' of one line). */
#define MD_MAX_ROW_CELLS 1000

/* Skips the block markers at the start of a line ("> ", "- ", "1. "),
 * counting each: every one opens a container node. */
static size_t
markers(const char *p, const char *end, size_t *n)
{
	const char *start = p;

	for (;;) {
		const char *q = p;

		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q < end && *q == '>') {
			p = q + 1;
			(*n)++;
			continue;
		}
		if (q + 1 < end && (*q == '-' || *q == '*' || *q == '+') &&
		    (q[1] == ' ' || q[1] == '\t')) {
			p = q + 2;
			(*n)++;
			continue;
		}
		if (q < end && *q >= '0' && *q <= '9') {
			while (q < end && *q >= '0' && *q <= '9')
				q++;
			if (q + 1 < end && (*q == '.' || *q == ')') &&
			    (q[1] == ' ' || q[1] == '\t')) {
				p = q + 2;
				(*n)++;
				continue;
			}
		}
		return (size_t)(p - start);
	}
}

static int
too_many_cells(const char *file, cr_pos pos, cr_diags *d)
{
	return cr_diags_add(d, file, pos, CR_RULE_LIMIT,
			    "a line with more than %d '|' (table "
			    "cells) exceeds the limit of the Markdown "
			    "reader; split the table",
			    MD_MAX_ROW_CELLS) == -1
		   ? -1
		   : 1;
}

/*
 * A line of k bytes counts at most k + 3 elements, so a text of at most
 * MD_MAX_ELEMENTS / 3 bytes is within the budget however it is written
 * (every report of a usual size): only a line longer than
 * MD_MAX_ROW_CELLS can have too many cells. The markers skipped by the
 * full count hold no '|'.
 */
static int
limit_short(const char *buf, size_t len, const char *file, cr_diags *d)
{
	const char *p = buf, *end = buf + len, *le, *q;
	cr_pos pos = {1, 1, 1};
	size_t pipes;

	for (; p < end; p = le + 1, pos.line++) {
		if ((le = memchr(p, '\n', (size_t)(end - p))) == NULL)
			le = end;
		if ((size_t)(le - p) > MD_MAX_ROW_CELLS) {
			for (pipes = 0, q = p; q < le; q++)
				pipes += *q == '|';
			if (pipes > MD_MAX_ROW_CELLS)
				return too_many_cells(file, pos, d);
		}
		if (le == end)
			break;
	}
	return 0;
}

int
cr_md_limit(const char *buf, size_t len, const char *file, cr_diags *d)
{
	const char *p = buf, *end = buf + len, *le;
	size_t n = 0, pipes;
	cr_pos pos = {1, 1, 1};
	int blank = 1, text;

	if (len <= MD_MAX_ELEMENTS / 3)
		return limit_short(buf, len, file, d);
	for (; p < end; p = le + 1, pos.line++) {
		if ((le = memchr(p, '\n', (size_t)(end - p))) == NULL)
			le = end;
		p += markers(p, le, &n);
		for (text = 0, pipes = 0; p < le; p++) {
			if (*p != ' ' && *p != '\t' && *p != '\r')
				text = 1;
			/* every one may open an inline node (or a cell) */
			if (strchr("*_`[!<&\\~|", *p) != NULL && *p != '\0') {
				n++;
				pipes += *p == '|';
			}
		}
		if (pipes > MD_MAX_ROW_CELLS)
			return too_many_cells(file, pos, d);
		/* a line: its text and line-break nodes; after a blank
		 * line, a new block */
		n += text ? 2 + (size_t)blank : 0;
		blank = !text;
		if (n > MD_MAX_ELEMENTS)
			return cr_diags_add(
				   d, file, pos, CR_RULE_LIMIT,
				   "the Markdown has more than %d elements "
				   "(lines, list items, table cells, emphasis) "
				   "by here, beyond the limit that keeps "
				   "reading it in bounded memory; split the "
				   "report or write it in YAML",
				   MD_MAX_ELEMENTS) == -1
				   ? -1
				   : 1;
		if (le == end)
			break;
	}
	return 0;
}
