/*
 * email.c - cr-lint's check of the people's e-mail addresses, with
 * GMime's address parser (RFC 5322, strict). It lives in cr-lint rather
 * than in the library so that reading a report never needs GMime: only
 * this tool links it.
 */
#include <stddef.h>
#include <string.h>

#include <gmime/gmime.h>

#include "email.h"

/* The person lists of a report, from the field table. */
#define IF_PERSONS_PERSONS(m) offsetof(cr_report, m),
#define IF_PERSONS_STR(m)
#define IF_PERSONS_DATE(m)
#define IF_PERSONS_TEXTS(m)
#define IF_PERSONS_ACTIONS(m)
#define IF_PERSONS_CONFIRMATIONS(m)
#define CR_FIELD(id, key, kind, member, ...) IF_PERSONS_##kind(member)
static const size_t person_lists[] = {
#include "cr_fields.h"
};
#undef CR_FIELD

/* One mailbox, no display name, local part and domain, and nothing
 * left over: "bob at x.example", "a@b@c" or two addresses are not one. */
static int
is_address(GMimeParserOptions *opts, const char *s)
{
	InternetAddressList *list = internet_address_list_parse(opts, s);
	InternetAddress *ia;
	const char *addr, *at, *p, *q;
	int ok = 0;

	if (list == NULL)
		return 0;
	if (internet_address_list_length(list) == 1 &&
	    INTERNET_ADDRESS_IS_MAILBOX(
		ia = internet_address_list_get_address(list, 0)) &&
	    (internet_address_get_name(ia) == NULL ||
	     *internet_address_get_name(ia) == '\0')) {
		addr = internet_address_mailbox_get_addr(
		    INTERNET_ADDRESS_MAILBOX(ia));
		at = strrchr(addr, '@');
		ok = at != NULL && at > addr && at[1] != '\0';
		/* GMime's form is the text without its spaces */
		for (p = s, q = addr; ok && *p != '\0'; p++)
			if (*p != ' ' && *p != '\t')
				ok = *p == *q++;
		ok = ok && *q == '\0';
	}
	g_object_unref(list);
	return ok;
}

void
lint_emails_init(void)
{
	GMimeParserOptions *opts;

	g_mime_init();
	/* GLib makes a type's class when first used: once here, before any
	 * -j thread, for the types the checks use */
	if ((opts = g_mime_parser_options_new()) != NULL) {
		(void)is_address(opts, "a@b.example");
		g_mime_parser_options_free(opts);
	}
}

int
lint_check_emails(const cr_report *r, cr_diags *d)
{
	GMimeParserOptions *opts;
	size_t i, j;
	int rc = 0;

	if (r->broken)
		return 0;
	if ((opts = g_mime_parser_options_new()) == NULL)
		return -1;
	g_mime_parser_options_set_address_compliance_mode(
	    opts, GMIME_RFC_COMPLIANCE_STRICT);
	for (i = 0;
	     rc == 0 && i < sizeof(person_lists) / sizeof(person_lists[0]);
	     i++) {
		const cr_persons *ps =
		    (const cr_persons *)((const char *)r + person_lists[i]);

		for (j = 0; rc == 0 && j < ps->len; j++) {
			const cr_str *e = &ps->items[j].email;

			if (e->s == NULL || *e->s == '\0' ||
			    strcmp(e->s, "TODO") == 0 || is_address(opts, e->s))
				continue;
			rc = cr_diags_add(d, r->file, e->pos, CR_RULE_BAD_VALUE,
					  "'%s' is not an e-mail address; "
					  "write one address such as "
					  "name@example.com",
					  e->s);
		}
	}
	g_mime_parser_options_free(opts);
	return rc;
}
