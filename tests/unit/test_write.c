/*
 * test_write.c - the canonical writers (yaml, md) and the JSON writer:
 * golden files of realistic reports in four languages, fixed points, round
 * trips between the forms, strings that need quoting or escaping, and the
 * JSON checked by a real parser (python3; skipped when there is none).
 *
 * Fixtures are tests/golden/write/<name>.in.yaml; the goldens beside them
 * are <name>.yaml, <name>.md and <name>.json. After an intended change,
 * regenerate them with CR_UPDATE_GOLDEN=1 make unit, and read the diff.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "internal.h"

static const char *const fixtures[] = {"en", "vi", "zh", "ru"};

static const cr_write_opts internal_opts = {.lang = CR_LANG_INVALID,
					    .audience = CR_AUDIENCE_INTERNAL};

/* ------------------------------------------------------------ helpers */

static char *
path_of(const char *name, const char *ext)
{
	const char *src = getenv("CR_SRC");
	size_t n;
	char *p;

	if (src == NULL || *src == '\0')
		src = ".";
	n = strlen(src) + strlen(name) + strlen(ext) + 32;
	p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/tests/golden/write/%s%s", src, name, ext);
	return p;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) != NULL) {
		*len = fread(buf, 1, (size_t)n, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

/* Reads one report from text; fails the test on any error diagnostic. */
static cr_report *
read_one(const char *text, size_t len, cr_form form, const char *what)
{
	cr_read_opts o = {form, "t", "t"};
	cr_reports rs = {NULL, 0, 0};
	cr_diags d;
	cr_report *r;
	cr_buf b;

	cr_diags_init(&d);
	assert_int_equal(cr_read(text, len, &o, &rs, &d), 0);
	if (rs.len != 1 || cr_diags_count(&d, 0, CR_SEV_WARNING) > 0) {
		cr_buf_init(&b);
		for (size_t i = 0; i < d.len; i++)
			cr_diag_format(&d, &d.items[i], &b);
		fail_msg("%s: %zu reports, diagnostics:\n%s\ntext:\n%.*s", what,
			 rs.len, b.data != NULL ? b.data : "", (int)len, text);
	}
	assert_false(rs.items[0]->broken);
	r = rs.items[0];
	rs.len = 0;
	cr_reports_free(&rs);
	cr_diags_free(&d);
	return r;
}

static cr_report *
read_fixture(const char *name)
{
	char *p = path_of(name, ".in.yaml"), *text;
	size_t len = 0;
	cr_report *r;

	if ((text = slurp(p, &len)) == NULL)
		fail_msg("missing fixture %s", p);
	r = read_one(text, len, CR_FORM_YAML, p);
	free(text);
	free(p);
	return r;
}

typedef int (*writer)(const cr_report *, const cr_write_opts *, cr_buf *);

static void
write_with(writer w, const cr_report *r, const cr_write_opts *o, cr_buf *out)
{
	cr_buf_init(out);
	assert_int_equal(w(r, o, out), 0);
	assert_non_null(out->data);
}

/* Compares with a golden file, or writes it under CR_UPDATE_GOLDEN. */
static void
golden(const char *name, const char *ext, const cr_buf *got)
{
	char *p = path_of(name, ext), *want;
	size_t len = 0, i, line = 1;
	const char *update = getenv("CR_UPDATE_GOLDEN");
	FILE *f;

	if (update != NULL && *update != '\0') {
		assert_non_null(f = fopen(p, "wb"));
		assert_int_equal(fwrite(got->data, 1, got->len, f), got->len);
		assert_int_equal(fclose(f), 0);
		free(p);
		return;
	}
	if ((want = slurp(p, &len)) == NULL)
		fail_msg("missing golden %s (CR_UPDATE_GOLDEN=1 writes it)", p);
	for (i = 0; i < len && i < got->len && want[i] == got->data[i]; i++)
		if (want[i] == '\n')
			line++;
	if (i != len || i != got->len)
		fail_msg("%s differs from the output at line %zu:\n%s", p, line,
			 got->data);
	free(want);
	free(p);
}

static void
assert_same_bytes(const cr_buf *a, const cr_buf *b, const char *what)
{
	if (a->len != b->len || memcmp(a->data, b->data, a->len) != 0)
		fail_msg("%s is not a fixed point:\n--- first\n%s--- again\n%s",
			 what, a->data, b->data);
}

static void
assert_equal_models(const cr_report *a, const cr_report *b, const char *what,
		    const cr_buf *text)
{
	if (!cr_report_equal(a, b))
		fail_msg("%s: the model read back differs; the text:\n%s", what,
			 text->data);
}

/*
 * Writes r with w, reads the text back as `form`, checks that the model is
 * the same and that writing it again gives the same bytes (a fixed point).
 */
static void
round_trip(const cr_report *r, writer w, cr_form form, const char *what)
{
	cr_buf first, again;
	cr_report *back;

	write_with(w, r, &internal_opts, &first);
	back = read_one(first.data, first.len, form, what);
	assert_equal_models(r, back, what, &first);
	write_with(w, back, &internal_opts, &again);
	assert_same_bytes(&first, &again, what);
	cr_report_free(back);
	cr_buf_free(&first);
	cr_buf_free(&again);
}

/* ------------------------------------------------------------ goldens */

static void
test_goldens(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(fixtures); i++) {
		cr_report *r = read_fixture(fixtures[i]);
		cr_buf out;

		write_with(cr_write_yaml, r, &internal_opts, &out);
		golden(fixtures[i], ".yaml", &out);
		cr_buf_free(&out);
		write_with(cr_write_md, r, &internal_opts, &out);
		golden(fixtures[i], ".md", &out);
		cr_buf_free(&out);
		write_with(cr_write_json, r, &internal_opts, &out);
		golden(fixtures[i], ".json", &out);
		cr_buf_free(&out);
		cr_report_free(r);
	}
}

/* The goldens are canonical: reading and writing them changes nothing,
 * and each form written from the other gives the same bytes. */
static void
test_golden_fixed_points(void **state)
{
	size_t i, ylen = 0, mlen = 0;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(fixtures); i++) {
		char *yp = path_of(fixtures[i], ".yaml");
		char *mp = path_of(fixtures[i], ".md");
		char *y = slurp(yp, &ylen), *m = slurp(mp, &mlen);
		cr_report *fy, *fm, *orig = read_fixture(fixtures[i]);
		cr_buf out;

		assert_non_null(y);
		assert_non_null(m);
		fy = read_one(y, ylen, CR_FORM_YAML, yp);
		fm = read_one(m, mlen, CR_FORM_MD, mp);
		assert_true(cr_report_equal(orig, fy));
		assert_true(cr_report_equal(orig, fm));
		assert_true(cr_report_equal(fy, fm));
		/* yaml -> yaml, md -> yaml, md -> md, yaml -> md */
		write_with(cr_write_yaml, fy, &internal_opts, &out);
		golden(fixtures[i], ".yaml", &out);
		cr_buf_free(&out);
		write_with(cr_write_yaml, fm, &internal_opts, &out);
		golden(fixtures[i], ".yaml", &out);
		cr_buf_free(&out);
		write_with(cr_write_md, fm, &internal_opts, &out);
		golden(fixtures[i], ".md", &out);
		cr_buf_free(&out);
		write_with(cr_write_md, fy, &internal_opts, &out);
		golden(fixtures[i], ".md", &out);
		cr_buf_free(&out);
		/* the sniffer takes the Markdown for Markdown */
		assert_int_equal(cr_sniff(m, mlen), CR_FORM_MD);
		cr_report_free(fy);
		cr_report_free(fm);
		cr_report_free(orig);
		free(y);
		free(m);
		free(yp);
		free(mp);
	}
}

/* Every fixture written with the labels of every language reads back. */
static void
test_md_languages(void **state)
{
	size_t i;
	int l;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(fixtures); i++) {
		cr_report *r = read_fixture(fixtures[i]);

		for (l = 0; l < CR_LANG__COUNT; l++) {
			cr_write_opts o = internal_opts;
			cr_report *back;
			cr_buf out;

			o.lang = (cr_lang)l;
			write_with(cr_write_md, r, &o, &out);
			assert_non_null(
			    strstr(out.data, cr_section_label(CR_SEC_AGREEMENTS,
							      o.lang)));
			back = read_one(out.data, out.len, CR_FORM_MD, "md");
			assert_equal_models(r, back, "labels", &out);
			cr_report_free(back);
			cr_buf_free(&out);
		}
		cr_report_free(r);
	}
}

/* ------------------------------------------------------- tricky text */

static const char *const tricky[] = {
    "",
    "yes",
    "No",
    "ON",
    "y",
    "true",
    "False",
    "null",
    "Null",
    "~",
    "123",
    "-1.5",
    "+12",
    "0x1F",
    "0o17",
    "1_000",
    "1e3",
    ".inf",
    "-.Inf",
    ".NaN",
    "12:30",
    "2026-11-20",
    "2026-11-20 14:00",
    "=",
    "<<",
    "- item",
    "-",
    "--",
    "---",
    "- - -",
    "+ plus",
    "+",
    "* star",
    "*",
    "***",
    "**bold** start",
    "_",
    "___",
    "# heading",
    "#",
    "######",
    "####### seven",
    "#tag",
    "C#",
    "Issue #",
    "Issue #5",
    ": colon",
    "a: b",
    "a:b",
    "ends:",
    "a #b",
    "a#b",
    "| pipe",
    "a | b",
    "a || b",
    "a \\| b",
    "ends \\",
    "\\",
    "\\# escaped",
    "\\- escaped",
    "\\* x",
    "\\*x",
    "1\\. escaped",
    "1. one",
    "1) one",
    "2026. year",
    "1.5 bn",
    "> quote",
    ">",
    "```code",
    "~~~",
    "`code` start",
    "[ref]: /url",
    "[link](http://x.example) text",
    "<div>x</div>",
    "<!-- c -->",
    "<https://x.example>",
    "<script>x",
    "<pre>",
    "<?php x ?>",
    "<!DOCTYPE html>",
    "<![CDATA[x]]>",
    "<div>",
    "  lead",
    "trail  ",
    "\tlead tab",
    "line1\nline2",
    "line1\nline2\n",
    "a\n\n",
    "\nlead break",
    "  indented\nnext",
    "tab\there",
    "x\r\ny",
    "ctrl\x01char",
    "nel\xc2\x85x",
    "ls\xe2\x80\xa8x",
    "bom\xef\xbb\xbfx",
    "'quoted'",
    "\"double\"",
    "it's",
    "@at",
    "%pct",
    "!bang",
    "&amp",
    "*alias",
    "?q",
    "{brace}",
    "[bracket]",
    ",comma",
    "CJK 中文测试：冒号",
    "中文",
    "是",
    "emoji 😀 end",
    "😀",
    "Ру́сский «текст»",
    "Tiếng Việt có dấu",
    "Acme (Asia)",
    "A (B, C) <d@e>",
    "x <y>",
    "(paren)",
    "name <>",
    "a\xc2\xa0nbsp",
};

/* A report with s in every string field it can go into. */
static cr_report *
tricky_report(const char *base, const char *s)
{
	cr_report *r = read_one(base, strlen(base), CR_FORM_YAML, "base");
	cr_pos p = {0, 0, 0};
	cr_person person;
	cr_node *n;
	cr_action *a;

	assert_int_equal(cr_str_set(&r->title, s, p), 0);
	assert_int_equal(cr_str_set(&r->client, s, p), 0);
	assert_int_equal(cr_str_set(&r->location, s, p), 0);
	assert_int_equal(cr_texts_push(&r->agenda, s, strlen(s), p), 0);
	assert_int_equal(cr_texts_push(&r->agreements, s, strlen(s), p), 0);
	assert_int_equal(cr_texts_push(&r->internal, s, strlen(s), p), 0);
	assert_int_equal(cr_texts_push(&r->tags, s, strlen(s), p), 0);
	memset(&person, 0, sizeof(person));
	assert_int_equal(cr_str_set(&person.name, s[0] != '\0' ? s : "x", p),
			 0);
	assert_int_equal(cr_str_set(&person.role, s, p), 0);
	assert_int_equal(cr_persons_push(&r->absent, &person), 0);
	memset(&person, 0, sizeof(person));
	assert_int_equal(cr_str_set(&person.name, "Plain Name", p), 0);
	assert_int_equal(cr_str_set(&person.org, s, p), 0);
	assert_int_equal(cr_persons_push(&r->distribution, &person), 0);
	assert_true(r->actions.len > 0);
	a = &r->actions.items[0];
	assert_int_equal(cr_str_set(&a->what, s, p), 0);
	assert_int_equal(cr_str_set(&a->who, s, p), 0);
	assert_int_equal(cr_str_set(&a->note, s, p), 0);
	assert_int_equal(cr_str_set(&a->status, s, p), 0);
	assert_int_equal(cr_date_set(&a->due, s, p), 0);
	/* a quoted extension scalar */
	assert_non_null(n = calloc(1, sizeof(*n)));
	n->type = CR_NODE_SCALAR;
	assert_non_null(n->value = cr_strdup(s));
	assert_non_null(r->ext.items =
			    realloc(r->ext.items,
				    (r->ext.len + 1) * sizeof(*r->ext.items)));
	r->ext.items[r->ext.len].value = n;
	r->ext.items[r->ext.len].pos = p;
	assert_non_null(r->ext.items[r->ext.len].key = cr_strdup("x-s"));
	r->ext.len++;
	return r;
}

static const char tricky_base[] =
    "id: base\n"
    "title: Base\n"
    "client: Client\n"
    "type: meeting\n"
    "date: 2026-11-20 14:00 +07:00\n"
    "author: A\n"
    "attendees: [A]\n"
    "agreements: [ok]\n"
    "actions:\n"
    "  - {what: w, who: A, due: 2026-11-25}\n"
    "  - {what: w2, who: A, due: 2026-11-26, note: n}\n";

static void
test_tricky_round_trips(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(tricky); i++) {
		cr_report *r = tricky_report(tricky_base, tricky[i]);
		char what[200];

		snprintf(what, sizeof(what), "yaml, string %zu '%s'", i,
			 tricky[i]);
		round_trip(r, cr_write_yaml, CR_FORM_YAML, what);
		snprintf(what, sizeof(what), "md, string %zu '%s'", i,
			 tricky[i]);
		round_trip(r, cr_write_md, CR_FORM_MD, what);
		cr_report_free(r);
	}
}

/* A text the body holds stays in the body; one it cannot goes to the
 * front matter, section and all. */
static void
test_md_placement(void **state)
{
	static const struct {
		const char *s;
		int body;
	} cases[] = {
	    {"plain text", 1},	 {"# heading", 1}, {"1. one", 1},
	    {"- item", 1},	 {"> q", 1},	   {"yes", 1},
	    {"line1\nline2", 0}, {" lead", 0},	   {"", 0},
	    {"***", 0},		 {"\\# x", 0},	   {"[a]: /b", 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(cases); i++) {
		cr_report *r = read_one(tricky_base, strlen(tricky_base),
					CR_FORM_YAML, "base");
		cr_pos p = {0, 0, 0};
		cr_buf out;
		const char *fm_end;

		assert_int_equal(cr_texts_push(&r->discussion, cases[i].s,
					       strlen(cases[i].s), p),
				 0);
		write_with(cr_write_md, r, &internal_opts, &out);
		fm_end = strstr(out.data + 4, "\n---\n");
		assert_non_null(fm_end);
		if (cases[i].body) {
			assert_non_null(strstr(fm_end, "\n## Discussion\n"));
			assert_null(strstr(out.data, "discussion:"));
		} else {
			assert_null(strstr(out.data, "## Discussion"));
			assert_true(strstr(out.data, "discussion:") < fm_end);
		}
		cr_buf_free(&out);
		cr_report_free(r);
	}
}

/* The Note column comes with the first note; a pipe in a cell is escaped;
 * an id and a status are always written. */
static void
test_md_table(void **state)
{
	static const char yaml[] =
	    "id: t\ntitle: T\n"
	    "actions:\n"
	    "  - {what: a | b, who: X, due: 2026-11-25}\n"
	    "  - {id: keep, what: c, who: Y, due: soon, status: done}\n";
	static const char with_note[] =
	    "id: t\ntitle: T\n"
	    "actions:\n"
	    "  - {what: a, who: X, due: 2026-11-25, note: \"n | m\"}\n";
	cr_report *r = read_one(yaml, strlen(yaml), CR_FORM_YAML, "t");
	cr_buf out;

	(void)state;
	write_with(cr_write_md, r, &internal_opts, &out);
	assert_string_equal(out.data,
			    "---\n"
			    "id: t\n"
			    "---\n"
			    "# T\n"
			    "\n"
			    "## Actions\n"
			    "| ID | What | Who | Due | Status |\n"
			    "|---|---|---|---|---|\n"
			    "| t-1 | a \\| b | X | 2026-11-25 | open |\n"
			    "| keep | c | Y | soon | done |\n");
	cr_buf_free(&out);
	cr_report_free(r);
	r = read_one(with_note, strlen(with_note), CR_FORM_YAML, "t");
	write_with(cr_write_md, r, &internal_opts, &out);
	assert_non_null(strstr(out.data, "| ID | What | Who | Due | Status | "
					 "Note |\n"));
	assert_non_null(strstr(out.data, "| n \\| m |\n"));
	cr_buf_free(&out);
	cr_report_free(r);
}

/* Action extensions: plain one-line values become x- columns; anything
 * else moves the actions to the front matter. */
static void
test_md_action_exts(void **state)
{
	static const char cols[] =
	    "id: t\ntitle: T\n"
	    "actions:\n"
	    "  - {what: a, who: X, due: 2026-11-25, x-a: 1, x-b: two}\n"
	    "  - {what: b, who: X, due: 2026-11-25, x-b: three}\n";
	static const char front[] =
	    "id: t\ntitle: T\n"
	    "actions:\n"
	    "  - {what: a, who: X, due: 2026-11-25, x-a: [1, 2]}\n";
	static const char order[] =
	    "id: t\ntitle: T\n"
	    "actions:\n"
	    "  - {what: a, who: X, due: 2026-11-25, x-a: 1, x-b: 2}\n"
	    "  - {what: b, who: X, due: 2026-11-25, x-b: 3, x-a: 4}\n";
	const char *const texts[] = {cols, front, order};
	size_t i;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(texts); i++) {
		cr_report *r =
		    read_one(texts[i], strlen(texts[i]), CR_FORM_YAML, "t");
		cr_buf out;

		write_with(cr_write_md, r, &internal_opts, &out);
		if (i == 0)
			assert_non_null(strstr(
			    out.data, "| x-a | x-b |\n"
				      "|---|---|---|---|---|---|---|\n"
				      "| t-1 | a | X | 2026-11-25 | open "
				      "| 1 | two |\n"
				      "| t-2 | b | X | 2026-11-25 | open "
				      "| | three |\n"));
		else
			assert_non_null(strstr(out.data, "actions:\n"));
		cr_buf_free(&out);
		round_trip(r, cr_write_md, CR_FORM_MD, "action exts");
		round_trip(r, cr_write_yaml, CR_FORM_YAML, "action exts");
		cr_report_free(r);
	}
}

/* The client's audience never sees `internal`, in any of the forms. */
static void
test_client_audience(void **state)
{
	cr_write_opts o = internal_opts;
	writer w[] = {cr_write_yaml, cr_write_md, cr_write_json};
	cr_report *r = read_fixture("en");
	size_t i;

	(void)state;
	o.audience = CR_AUDIENCE_CLIENT;
	for (i = 0; i < CR_ARRAY_LEN(w); i++) {
		cr_buf out;

		write_with(w[i], r, &o, &out);
		assert_null(strstr(out.data, "hinted at a pitch"));
		assert_null(strstr(out.data, "nternal"));
		cr_buf_free(&out);
		write_with(w[i], r, &internal_opts, &out);
		assert_non_null(strstr(out.data, "hinted at a pitch"));
		cr_buf_free(&out);
	}
	cr_report_free(r);
}

/* A report read without a file name or id: nothing invented. */
static void
test_no_id(void **state)
{
	static const char yaml[] =
	    "title: T\n"
	    "actions:\n"
	    "  - {what: a, who: X, due: 2026-11-25 10:00}\n";
	cr_read_opts ro = {CR_FORM_YAML, NULL, NULL};
	cr_reports rs = {NULL, 0, 0};
	cr_diags d;
	cr_buf out;

	(void)state;
	cr_diags_init(&d);
	assert_int_equal(cr_read(yaml, strlen(yaml), &ro, &rs, &d), 0);
	assert_int_equal(rs.len, 1);
	write_with(cr_write_yaml, rs.items[0], &internal_opts, &out);
	assert_null(strstr(out.data, "id:"));
	assert_non_null(strstr(out.data, "status: open"));
	cr_buf_free(&out);
	write_with(cr_write_md, rs.items[0], &internal_opts, &out);
	assert_non_null(strstr(out.data, "| | a | X |"));
	assert_int_equal(strncmp(out.data, "# T\n", 4), 0);
	cr_buf_free(&out);
	cr_reports_free(&rs);
	cr_diags_free(&d);
}

/* A model built in code may hold invalid UTF-8: every writer still
 * writes valid UTF-8 (U+FFFD for each bad byte) that reads back. */
static void
test_invalid_utf8(void **state)
{
	writer w[] = {cr_write_yaml, cr_write_md, cr_write_json};
	cr_form forms[] = {CR_FORM_YAML, CR_FORM_MD};
	cr_report *r =
	    read_one(tricky_base, strlen(tricky_base), CR_FORM_YAML, "base");
	cr_pos p = {0, 0, 0};
	size_t i, k;
	unsigned cp;
	int n;

	(void)state;
	assert_int_equal(cr_str_set(&r->title, "bad \xff title", p), 0);
	assert_int_equal(cr_texts_push(&r->discussion, "x\xc3(y", 5, p), 0);
	assert_int_equal(cr_str_set(&r->actions.items[0].what, "\xe2\x82", p),
			 0);
	for (i = 0; i < CR_ARRAY_LEN(w); i++) {
		cr_report *back;
		cr_buf out;

		write_with(w[i], r, &internal_opts, &out);
		for (k = 0; k < out.len; k += (size_t)n)
			if ((n = cr_utf8_decode(out.data + k, out.len - k,
						&cp)) < 0)
				fail_msg("invalid UTF-8 at %zu:\n%s", k,
					 out.data);
		assert_non_null(strstr(out.data, "bad \xef\xbf\xbd title"));
		if (i < CR_ARRAY_LEN(forms)) {
			back = read_one(out.data, out.len, forms[i], "utf8");
			assert_string_equal(back->discussion.items[0].s,
					    "x\xef\xbf\xbd(y");
			cr_report_free(back);
		}
		cr_buf_free(&out);
	}
	cr_report_free(r);
}

/* Odd but readable models (wrong types dropped with diagnostics, deep or
 * complex extensions, a person without a name): every writer succeeds and
 * yaml and md give back the same model, diagnostics and all. */
static void
test_odd_models(void **state)
{
	static const char *const texts[] = {
	    "title: T\nattendees: 5\nactions: x\nagenda: [[a], b]\n",
	    "title: T\nattendees: [{email: a@b.example}, {role: R}]\n",
	    "title: T\nx-deep: "
	    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]"
	    "]]]]]]]]]]]\n",
	    "title: T\nx-map: {? [a, b] : c, d: {}, e: []}\n",
	    "title: T\nx-a: &a [1, \"2\", ~, '', yes]\nx-b: *a\nx-c:\n",
	    "actions:\n  - {what: a, who: b, due: 2026-02-30, status: later,"
	    " x-n: [1]}\n",
	};
	writer w[] = {cr_write_yaml, cr_write_md, cr_write_json};
	cr_form forms[] = {CR_FORM_YAML, CR_FORM_MD};
	size_t i, k;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(texts); i++) {
		cr_read_opts ro = {CR_FORM_YAML, "odd", "odd"};
		cr_reports rs = {NULL, 0, 0}, back = {NULL, 0, 0};
		cr_diags d, d2;

		cr_diags_init(&d);
		assert_int_equal(
		    cr_read(texts[i], strlen(texts[i]), &ro, &rs, &d), 0);
		assert_int_equal(rs.len, 1);
		for (k = 0; k < CR_ARRAY_LEN(w); k++) {
			cr_buf out;

			write_with(w[k], rs.items[0], &internal_opts, &out);
			if (k < CR_ARRAY_LEN(forms)) {
				cr_read_opts bo = {forms[k], "back", "odd"};

				cr_diags_init(&d2);
				assert_int_equal(
				    cr_read(out.data, out.len, &bo, &back, &d2),
				    0);
				assert_int_equal(back.len, 1);
				assert_false(back.items[0]->broken);
				assert_equal_models(rs.items[0], back.items[0],
						    texts[i], &out);
				cr_reports_free(&back);
				cr_diags_free(&d2);
			}
			cr_buf_free(&out);
		}
		cr_reports_free(&rs);
		cr_diags_free(&d);
	}
}

/* ------------------------------------------------------------ quoting */

static void
test_needs_quotes(void **state)
{
	static const char *const quoted[] = {
	    "",		  "yes",      "YES",
	    "no",	  "on",	      "Off",
	    "y",	  "N",	      "true",
	    "FALSE",	  "null",     "NULL",
	    "~",	  "123",      "-1",
	    "+1.5",	  "1e3",      "0x1f",
	    "0o7",	  "0b101",    ".inf",
	    "-.INF",	  ".nan",     "12:30",
	    "2026-11-20", "2026-1-2", "2026-11-20T14:00:00+07:00",
	    "=",	  "<<",	      "- x",
	    "-x",	  "#x",	      "&a",
	    "*a",	  "!t",	      "|",
	    ">",	  "'a'",      "\"a\"",
	    "%x",	  "@x",	      "`x",
	    "[a]",	  "{a}",      ",a",
	    "?a",	  ":a",	      "a: b",
	    "a #b",	  "a:",	      " a",
	    "a ",	  "\ta",      "a\nb",
	    "a\rb",
	};
	static const char *const plain[] = {
	    "a",	  "Linh Tran",	"a:b",	"a#b",
	    "1.5 bn",	  "2026 plan",	"中文", "yes please",
	    "nullable",	  "true story", "e",	"x1",
	    "Tiếng Việt", "a - b",	"C#",	"O'Brien",
	};
	size_t i;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(quoted); i++)
		if (!cr_yaml_needs_quotes(quoted[i]))
			fail_msg("'%s' should need quotes", quoted[i]);
	for (i = 0; i < CR_ARRAY_LEN(plain); i++)
		if (cr_yaml_needs_quotes(plain[i]))
			fail_msg("'%s' should not need quotes", plain[i]);
}

/* ------------------------------------------------------------ JSON */

static void
test_json_string(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"plain", "\"plain\""},
	    {"q\"b\\s/", "\"q\\\"b\\\\s/\""},
	    {"\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\""},
	    {"\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\""},
	    {"bad\xff\xc3(", "\"bad\xef\xbf\xbd\xef\xbf\xbd(\""},
	    {"ls\xe2\x80\xa8ps\xe2\x80\xa9", "\"ls\\u2028ps\\u2029\""},
	    {"中文 😀 Việt", "\"中文 😀 Việt\""},
	    {"", "\"\""},
	};
	size_t i;
	cr_buf b;

	(void)state;
	for (i = 0; i < CR_ARRAY_LEN(cases); i++) {
		cr_buf_init(&b);
		assert_int_equal(cr_json_string(&b, cases[i].in), 0);
		assert_string_equal(b.data, cases[i].out);
		cr_buf_free(&b);
	}
	cr_buf_init(&b);
	assert_int_equal(cr_json_string(&b, NULL), 0);
	assert_string_equal(b.data, "null");
	cr_buf_free(&b);
}

/*
 * Every tricky report as JSON, all in one file, parsed by python3's json
 * module, which prints each title back (NUL-separated): they must be the
 * strings that went in.
 */
static void
test_json_parser(void **state)
{
	static const char script[] =
	    "python3 -c '\n"
	    "import json, sys\n"
	    "text = open(sys.argv[1], encoding=\"utf-8\").read()\n"
	    "dec = json.JSONDecoder()\n"
	    "i = 0\n"
	    "while i < len(text):\n"
	    "    while i < len(text) and text[i].isspace(): i += 1\n"
	    "    if i == len(text): break\n"
	    "    o, i = dec.raw_decode(text, i)\n"
	    "    assert isinstance(o[\"actions\"][0][\"status\"], str)\n"
	    "    sys.stdout.buffer.write(o[\"title\"].encode() + b\"\\0\")\n"
	    "' ";
	char tmpl[] = "/tmp/test_write_json.XXXXXX", cmd[sizeof(script) + 64];
	cr_buf all, got;
	size_t i, off = 0;
	FILE *f, *p;
	int fd, c;

	(void)state;
	if (system("python3 -c 'import json' >/dev/null 2>&1") != 0) {
		skip();
		return;
	}
	cr_buf_init(&all);
	for (i = 0; i < CR_ARRAY_LEN(tricky); i++) {
		cr_report *r = tricky_report(tricky_base, tricky[i]);
		assert_int_equal(cr_write_json(r, &internal_opts, &all), 0);
		cr_report_free(r);
	}
	for (i = 0; i < CR_ARRAY_LEN(fixtures); i++) {
		cr_report *r = read_fixture(fixtures[i]);
		assert_int_equal(cr_write_json(r, &internal_opts, &all), 0);
		cr_report_free(r);
	}
	assert_true((fd = mkstemp(tmpl)) >= 0);
	assert_non_null(f = fdopen(fd, "wb"));
	assert_int_equal(fwrite(all.data, 1, all.len, f), all.len);
	assert_int_equal(fclose(f), 0);
	snprintf(cmd, sizeof(cmd), "%s%s", script, tmpl);
	assert_non_null(p = popen(cmd, "r"));
	cr_buf_init(&got);
	while ((c = fgetc(p)) != EOF)
		cr_buf_putc(&got, (char)c);
	assert_int_equal(pclose(p), 0);
	unlink(tmpl);
	for (i = 0; i < CR_ARRAY_LEN(tricky); i++) {
		size_t n = strlen(tricky[i]);
		if (off + n >= got.len ||
		    memcmp(got.data + off, tricky[i], n) ||
		    got.data[off + n] != '\0')
			fail_msg("title %zu '%s' did not come back from JSON",
				 i, tricky[i]);
		off += n + 1;
	}
	cr_buf_free(&got);
	cr_buf_free(&all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_goldens),
	    cmocka_unit_test(test_golden_fixed_points),
	    cmocka_unit_test(test_md_languages),
	    cmocka_unit_test(test_tricky_round_trips),
	    cmocka_unit_test(test_md_placement),
	    cmocka_unit_test(test_md_table),
	    cmocka_unit_test(test_md_action_exts),
	    cmocka_unit_test(test_client_audience),
	    cmocka_unit_test(test_no_id),
	    cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_odd_models),
	    cmocka_unit_test(test_needs_quotes),
	    cmocka_unit_test(test_json_string),
	    cmocka_unit_test(test_json_parser),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
