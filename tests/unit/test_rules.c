/*
 * test_rules.c - the rule table (lib/cr_rules.h) and what is declared
 * from it: names and lookups agree, every summary is one line, and the
 * DIAGNOSTICS section of man/cr-lint.1 lists exactly the rules of the
 * table, in its order, each with its default severity.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "crtools.h"

static void
test_names(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < CR_RULE__COUNT; i++) {
		const char *s = cr_rule_summary((cr_rule)i);

		assert_int_equal(cr_rule_lookup(cr_rule_name((cr_rule)i)), i);
		assert_non_null(s);
		assert_true(strlen(s) > 10 && strchr(s, '\n') == NULL);
	}
	assert_int_equal(cr_rule_lookup("no-such-rule"), -1);
}

/* "syntax Pq error" of ".It Cm syntax Pq error" into name and severity. */
static int
man_item(const char *line, char *name, size_t nn, char *sev, size_t ns)
{
	const char *p, *q;

	if (strncmp(line, ".It Cm ", 7) != 0)
		return 0;
	p = line + 7;
	if ((q = strstr(p, " Pq ")) == NULL)
		return 0;
	snprintf(name, nn, "%.*s", (int)(q - p), p);
	p = q + 4;
	for (q = p; *q != '\0' && *q != ';' && *q != ' ' && *q != '\n'; q++)
		;
	snprintf(sev, ns, "%.*s", (int)(q - p), p);
	return 1;
}

static void
test_man_page(void **state)
{
	const char *src = getenv("CR_SRC");
	char path[4096], line[1024], name[128], sev[32];
	int in = 0, n = 0;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/man/cr-lint.1",
		 src != NULL && *src != '\0' ? src : ".");
	assert_non_null(f = fopen(path, "r"));
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, ".Sh ", 4) == 0)
			in = strcmp(line, ".Sh DIAGNOSTICS\n") == 0;
		if (!in ||
		    !man_item(line, name, sizeof(name), sev, sizeof(sev)))
			continue;
		if (n >= CR_RULE__COUNT)
			fail_msg("man page lists '%s' beyond the table", name);
		if (strcmp(name, cr_rule_name((cr_rule)n)) != 0)
			fail_msg("man page lists '%s' where the table has '%s'",
				 name, cr_rule_name((cr_rule)n));
		if (strcmp(sev,
			   cr_severity_name(cr_rule_default((cr_rule)n))) != 0)
			fail_msg("man page gives '%s' a default of %s, the "
				 "table %s",
				 name, sev,
				 cr_severity_name(cr_rule_default((cr_rule)n)));
		n++;
	}
	fclose(f);
	if (n != CR_RULE__COUNT)
		fail_msg("man page lists %d rules, the table %d", n,
			 (int)CR_RULE__COUNT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_man_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
