/*
 * test_narrow.c - positions taken from libyaml's marks (CR_TEXT_NARROW)
 * against the position cursor of pos.c, the oracle: for every report and
 * YAML file of the tests and examples, and for texts made to sit on the
 * edges (one-column runs, a wide character, a tab, CR, a line separator),
 * the YAML loader gives the same trees, node positions and diagnostics
 * with the flag as without it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "crtools.h"
#include "internal.h"

static int
pos_eq(cr_pos a, cr_pos b)
{
	return a.line == b.line && a.column == b.column && a.cp == b.cp;
}

static void
trees_equal(const char *what, const cr_node *a, const cr_node *b)
{
	size_t i;

	if ((a == NULL) != (b == NULL))
		fail_msg("%s: one load has a document the other has not", what);
	if (a == NULL)
		return;
	if (a->type != b->type || a->len != b->len ||
	    (a->value == NULL) != (b->value == NULL) ||
	    (a->value != NULL && strcmp(a->value, b->value) != 0))
		fail_msg("%s: the trees differ", what);
	if (!pos_eq(a->pos, b->pos) || !pos_eq(a->end, b->end))
		fail_msg("%s: a node at %d:%d(%d)-%d:%d(%d) by the marks, "
			 "%d:%d(%d)-%d:%d(%d) by the cursor",
			 what, a->pos.line, a->pos.column, a->pos.cp,
			 a->end.line, a->end.column, a->end.cp, b->pos.line,
			 b->pos.column, b->pos.cp, b->end.line, b->end.column,
			 b->end.cp);
	for (i = 0; i < a->len; i++)
		trees_equal(what, a->items[i], b->items[i]);
}

/* Loads text both ways when it is narrow; 1 if it was, else 0. */
static int
compare(const char *what, const char *text, size_t len)
{
	cr_node **da = NULL, **db = NULL;
	size_t na = 0, nb = 0, i;
	cr_diags d, a, b;
	cr_clean c;

	cr_diags_init(&d);
	cr_diags_init(&a);
	cr_diags_init(&b);
	assert_int_not_equal(cr_input_check(text, len, what, &c, &d), -1);
	cr_diags_free(&d);
	if (!(c.flags & CR_TEXT_NARROW)) {
		free(c.copy);
		return 0;
	}
	assert_int_equal(
	    cr_yaml_load_text(c.text, c.len, c.flags, what, &da, &na, &a), 0);
	assert_int_equal(
	    cr_yaml_load_text(c.text, c.len, 0, what, &db, &nb, &b), 0);
	if (na != nb || a.len != b.len)
		fail_msg("%s: %zu documents and %zu findings by the marks, "
			 "%zu and %zu by the cursor",
			 what, na, a.len, nb, b.len);
	for (i = 0; i < na; i++)
		trees_equal(what, da[i], db[i]);
	for (i = 0; i < a.len; i++)
		if (!pos_eq(a.items[i].pos, b.items[i].pos) ||
		    a.items[i].rule != b.items[i].rule)
			fail_msg("%s: finding %zu at %d:%d by the marks, %d:%d "
				 "by the cursor",
				 what, i, a.items[i].pos.line,
				 a.items[i].pos.column, b.items[i].pos.line,
				 b.items[i].pos.column);
	for (i = 0; i < na; i++)
		cr_node_free(da[i]);
	for (i = 0; i < nb; i++)
		cr_node_free(db[i]);
	free(da);
	free(db);
	cr_diags_free(&a);
	cr_diags_free(&b);
	free(c.copy);
	return 1;
}

static int
has_ext(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot != NULL &&
	       (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0 ||
		strcmp(dot, ".md") == 0);
}

/* Every report file below dir; *narrow counts those compared. */
static void
walk(const char *dir, size_t *files, size_t *narrow)
{
	char path[4096];
	struct dirent *e;
	struct stat st;
	DIR *dp;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st) == -1)
			continue;
		if (S_ISDIR(st.st_mode))
			walk(path, files, narrow);
		else if (S_ISREG(st.st_mode) && has_ext(e->d_name) &&
			 st.st_size < 1 << 20) {
			FILE *fp = fopen(path, "rb");
			char *buf = malloc((size_t)st.st_size + 1);
			size_t n;

			assert_non_null(fp);
			assert_non_null(buf);
			n = fread(buf, 1, (size_t)st.st_size, fp);
			fclose(fp);
			(*files)++;
			*narrow += (size_t)compare(path, buf, n);
			free(buf);
		}
	}
	closedir(dp);
}

static void
test_files(void **state)
{
	static const char *const dirs[] = {"examples", "tests"};
	const char *src = getenv("CR_SRC");
	size_t i, files = 0, narrow = 0;
	char dir[4096];

	(void)state;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(dir, sizeof(dir), "%s/%s",
			 src != NULL && *src != '\0' ? src : ".", dirs[i]);
		walk(dir, &files, &narrow);
	}
	/* not vacuous: most of them are narrow */
	assert_true(files > 100);
	assert_true(narrow > files / 2);
}

/* Every character cr_utf8_cp_narrow takes is one column wide to the
 * cursor too, and breaks no line. */
static void
test_ranges(void **state)
{
	unsigned cp, n = 0;

	(void)state;
	for (cp = 0; cp < 0x30000; cp++)
		if (cr_utf8_cp_narrow(cp)) {
			if (cr_utf8_cp_width(cp) != 1 || cp == 0x85 ||
			    cp == 0x2028 || cp == 0x2029)
				fail_msg("U+%04X is no one-column character",
					 cp);
			n++;
		}
	assert_true(n > 1000);
}

/* Texts on the edges of the flag, and one on each side of it. */
static void
test_edges(void **state)
{
	static const char *const narrow[] = {
	    "id: a\ntitle: Họp khách hàng về chiến dịch\nclient: Đất Việt\n",
	    "title: \"Встреча с клиентом\"\nwho: [Иван, 'Пётр']\n",
	    "a: b\n  c\n", /* an error at its line and column */
	    "k: \"x\\u00e9y\"\nl: ‘q’ — “r” …\n", /* U+2018..U+2026 */
	    "- x\n- ¿y?\n- ¼ ½ ÷\n",
	    "a:\n  - b: |\n      ơ ư\n    c: >\n      ĐĂ\n",
	    "a: b\nc: [d, e\n", /* unclosed flow: libyaml's error mark */
	};
	static const char *const wide[] = {
	    "title: 会议纪要\nwho: 王\n", /* CJK: two columns */
	    "a:\tb\n",			  /* a tab */
	    "a: b\r\nc: d\r\n",		  /* CR LF */
	    "a: b\xe2\x80\xa8"
	    "c: d\n",	      /* LINE SEPARATOR */
	    "a: e\xcc\x81\n", /* a combining mark */
	    "a: [1, 2\n  ",   /* a last line with no line break, which
				 libyaml's marks end by a line of its
				 own: an error there is on it */
	    "t: \"Tết",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(narrow) / sizeof(narrow[0]); i++)
		assert_int_equal(
		    compare(narrow[i], narrow[i], strlen(narrow[i])), 1);
	for (i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		assert_int_equal(compare(wide[i], wide[i], strlen(wide[i])), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ranges),
	    cmocka_unit_test(test_files),
	    cmocka_unit_test(test_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
