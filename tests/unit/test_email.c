/* test_email.c - cr-lint's plain e-mail form against GMime's parser: every
 * address the fast path passes, GMime's strict parser passes too. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "email.h"

static void
test_known(void **state)
{
	static const char *plain[] = {
	    "alice@example.org",      "j.doe+tag@mail.example.com",
	    "x_y%z@a-b.c1.example",   "0@0.io",
	    "Nguyen.Van.A@agency.vn",
	};
	static const char *not_plain[] = {
	    "a@b",	     "a..b@x.org", ".a@x.org",	  "a.@x.org",
	    "a@-x.org",	     "a@x-.org",   "a@x.org.",	  "a@.x.org",
	    "@x.org",	     "a@",	   "a@@x.org",	  "a@b@x.org",
	    "Bob <a@x.org>", "a @x.org",   "a@x..org",	  "ан@пример.рф",
	    "a@x.org-",	     "a!b@x.org",  "\"a\"@x.org", "",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(plain) / sizeof(*plain); i++) {
		assert_true(lint_email_plain(plain[i]));
		assert_true(lint_email_parse(plain[i]));
	}
	for (i = 0; i < sizeof(not_plain) / sizeof(*not_plain); i++)
		assert_false(lint_email_plain(not_plain[i]));
	/* what the fast path leaves to GMime, GMime still judges */
	assert_false(lint_email_parse("Bob <a@x.org>"));
	assert_false(lint_email_parse("a@b@x.org"));
}

/* Addresses made of a local part, an @ and a dotted domain from a fixed
 * sequence, one byte in two of them then changed to any byte that matters
 * to either grammar: each one the fast path passes must be one GMime
 * passes. */
static void
test_oracle(void **state)
{
	static const char letters[] = "abcxyzAZ09._+%-";
	static const char any[] = "aZ9.-_+%@ <>\"(),;:!'[]\\\t\x80\xc3";
	char s[32];
	uint32_t x = 12345;
	size_t n, k, len, plain = 0;

	(void)state;
	for (n = 0; n < 100000; n++) {
		size_t at, dot;

		len = 5 + n % 20;
		for (k = 0; k < len; k++) {
			x = x * 1103515245u + 12345u;
			s[k] = letters[(x >> 16) % (sizeof(letters) - 1)];
		}
		at = 1 + n % (len - 3);
		dot = at + 2 + (n / 7) % (len - at - 2);
		s[at] = '@';
		if (dot < len - 1)
			s[dot] = '.';
		if (n % 2 == 0) {
			x = x * 1103515245u + 12345u;
			s[(x >> 16) % len] = any[(x >> 8) % (sizeof(any) - 1)];
		}
		s[len] = '\0';
		if (!lint_email_plain(s))
			continue;
		plain++;
		if (!lint_email_parse(s))
			fail_msg("plain but not GMime's: \"%s\"", s);
	}
	/* the oracle was asked, often */
	assert_true(plain > 5000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_known),
	    cmocka_unit_test(test_oracle),
	};

	lint_emails_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
