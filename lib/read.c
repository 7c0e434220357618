/* read.c - the reading entry point: limits, encoding, form, documents. */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "internal.h"

void
cr_init(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

/* Next line of [*p, end): sets *ls, *le (without the line end). */
static int
next_line(const char **p, const char *end, const char **ls, const char **le)
{
	const char *q = *p;

	if (q >= end)
		return 0;
	*ls = q;
	while (q < end && *q != '\n')
		q++;
	*le = q;
	if (*le > *ls && (*le)[-1] == '\r')
		(*le)--;
	*p = q < end ? q + 1 : q;
	return 1;
}

static int
blank(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != ' ' && *s != '\t')
			return 0;
	return 1;
}

static int
line_is(const char *s, const char *e, const char *word)
{
	size_t n = strlen(word);

	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return (size_t)(e - s) == n && memcmp(s, word, n) == 0;
}

/* A line such as "title: x" or "actions:" at column 1. */
static int
yaml_key_line(const char *s, const char *e)
{
	const char *q = s;

	while (q < e && (*q == '_' || *q == '-' || (*q >= 'a' && *q <= 'z') ||
			 (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')))
		q++;
	return q > s && q < e && *q == ':' && (q + 1 == e || q[1] == ' ');
}

/*
 * Votes on the lines from p up to the end or the next document start:
 * a top-level "key:" line is YAML; a line of text at column 1 that is
 * no key, heading or comment (prose, "- item", a table row) is Markdown;
 * blank, indented and '#' lines say nothing.
 */
static void
vote(const char *p, const char *end, int *yaml, int *md)
{
	const char *ls, *le;

	*yaml = *md = 0;
	while (next_line(&p, end, &ls, &le)) {
		if (line_is(ls, le, "---") || line_is(ls, le, "..."))
			break;
		if (blank(ls, le) || *ls == '#' || *ls == ' ' || *ls == '\t')
			continue;
		if (yaml_key_line(ls, le))
			(*yaml)++;
		else
			(*md)++;
	}
}

cr_form
cr_sniff_form(const char *buf, size_t len, int *unsure)
{
	const char *p = buf, *end = buf + len, *ls = buf, *le = buf;
	int front = 0, found = 0, yaml, md;

	*unsure = 0;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if (next_line(&p, end, &ls, &le) && line_is(ls, le, "---")) {
		front = 1;
		while (next_line(&p, end, &ls, &le))
			if (line_is(ls, le, "---") || line_is(ls, le, "..."))
				break;
	} else
		p = ls;
	while (!found && next_line(&p, end, &ls, &le))
		found = !blank(ls, le);
	if (!found || *ls != '#')
		return CR_FORM_YAML;
	/* "# Title" of a Markdown body, or "# comment" opening YAML (a
	 * file, or the next document of a stream): the lines after it say */
	vote(p, end, &yaml, &md);
	if (yaml > 0 && md > 0)
		*unsure = 1;
	if (front)
		return yaml > 0 && md == 0 ? CR_FORM_YAML : CR_FORM_MD;
	return yaml > 0 ? CR_FORM_YAML : CR_FORM_MD;
}

cr_form
cr_sniff(const char *buf, size_t len)
{
	int unsure;

	return cr_sniff_form(buf, len, &unsure);
}

static cr_report *
report_start(const char *file, cr_form form, cr_pos pos)
{
	cr_report *r = cr_report_new();

	if (r == NULL)
		return NULL;
	if ((r->file = cr_strdup(file)) == NULL) {
		cr_report_free(r);
		return NULL;
	}
	r->form = form;
	r->pos = pos;
	return r;
}

static int
push_broken(cr_reports *out, const char *file, cr_form form, cr_pos pos)
{
	cr_report *r = report_start(file, form, pos);

	if (r == NULL)
		return -1;
	r->broken = 1;
	if (cr_reports_push(out, r) == -1) {
		cr_report_free(r);
		return -1;
	}
	return 0;
}

int
cr_yaml_read(const char *buf, size_t len, unsigned text, const char *file,
	     cr_reports *out, cr_diags *d)
{
	cr_node **docs = NULL;
	size_t ndocs = 0, i, nreports = 0, d_from = d->len;
	cr_pos start = {1, 1, 1};
	cr_report *r;
	int rc = 0;

	if (cr_yaml_load_text(buf, len, text, file, &docs, &ndocs, d) == -1)
		rc = -1;
	for (i = 0; rc == 0 && i < ndocs; i++) {
		if (docs[i] == NULL) {
			rc = push_broken(out, file, CR_FORM_YAML, start);
			nreports++;
			continue;
		}
		if (cr_node_is_null(docs[i]))
			continue; /* an empty document, e.g. a trailing "---" */
		if ((r = report_start(file, CR_FORM_YAML, docs[i]->pos)) ==
		    NULL) {
			rc = -1;
			break;
		}
		if (docs[i]->type != CR_NODE_MAP)
			r->broken = 1;
		if (cr_report_from_map(r, docs[i], d) == -1 ||
		    cr_reports_push(out, r) == -1) {
			cr_report_free(r);
			rc = -1;
			break;
		}
		nreports++;
	}
	for (i = 0; i < ndocs; i++)
		cr_node_free(docs[i]);
	free(docs);
	if (rc == 0 && nreports == 0) {
		/* not "empty" when the text could not be read at all */
		if (d->len == d_from)
			rc = cr_diags_add(d, file, start, CR_RULE_SYNTAX,
					  "no report in the input: it is "
					  "empty");
		if (rc == 0)
			rc = push_broken(out, file, CR_FORM_YAML, start);
	}
	return rc;
}

int
cr_read(const char *buf, size_t len, const cr_read_opts *opts, cr_reports *out,
	cr_diags *d)
{
	const char *file = opts->file != NULL ? opts->file : "<stdin>";
	size_t first = out->len, i;
	cr_pos start = {1, 1, 1};
	cr_clean c;
	cr_form form;
	long bad;
	int rc;

	if (len > CR_MAX_FILE_BYTES) {
		if (cr_diags_add(
			d, file, start, CR_RULE_LIMIT,
			"the file is larger than the limit of 16 MiB") == -1)
			return -1;
		return push_broken(out, file, opts->form, start);
	}
	if ((bad = cr_input_check(buf, len, file, &c, d)) == -1) {
		free(c.copy);
		return -1;
	}
	if (bad > 0 && c.len == 0) {
		/* refused whole (UTF-16, UTF-32): said once, nothing to read */
		free(c.copy);
		return push_broken(out, file, opts->form, start);
	}
	form =
	    opts->form != CR_FORM_AUTO ? opts->form : cr_sniff(c.text, c.len);
	if (form == CR_FORM_MD &&
	    (rc = cr_md_limit(c.text, c.len, file, d)) != 0)
		rc = rc < 0 ? -1 : push_broken(out, file, CR_FORM_MD, start);
	else if (form == CR_FORM_MD)
		rc = cr_md_read(c.text, c.len, c.flags, file, out, d);
	else
		rc = cr_yaml_read(c.text, c.len, c.flags, file, out, d);
	free(c.copy);
	for (i = first; rc == 0 && i < out->len; i++) {
		cr_report *r = out->items[i];
		const char *id = opts->default_id;
		cr_buf b;

		if (bad > 0)
			r->broken = 1;
		if (id == NULL || out->len - first == 1) {
			rc = cr_report_finish(r, id);
			continue;
		}
		/* Several documents in one file: "<name>-<n>". */
		cr_buf_init(&b);
		if (cr_buf_printf(&b, "%s-%zu", id, i - first + 1) == -1)
			rc = -1;
		else
			rc = cr_report_finish(r, b.data);
		cr_buf_free(&b);
	}
	return rc == 0 && d->oom ? -1 : rc;
}
