/*
 * email.c - cr-lint's check of the people's e-mail addresses, with
 * GMime's address parser (RFC 5322, strict). It lives in cr-lint rather
 * than in the library so that reading a report never needs GMime: only
 * this tool links it.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
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

/* GMime's options for the check: addresses read strictly. NULL on
 * memory. */
static GMimeParserOptions *
strict_options(void)
{
	GMimeParserOptions *opts = g_mime_parser_options_new();

	if (opts != NULL)
		g_mime_parser_options_set_address_compliance_mode(
		    opts, GMIME_RFC_COMPLIANCE_STRICT);
	return opts;
}

int
lint_email_parse(const char *s)
{
	GMimeParserOptions *opts = strict_options();
	int ok;

	if (opts == NULL)
		return 0;
	ok = is_address(opts, s);
	g_mime_parser_options_free(opts);
	return ok;
}

/* A byte of a dot-atom's local part (a subset of RFC 5322's atext). */
static int
local_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
	       c == '+' || c == '-';
}

int
lint_email_plain(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char prev;
	int dots = 0, len;

	/* local part: atoms joined by single dots */
	for (prev = '.', len = 0; *p != '\0' && *p != '@'; prev = *p++, len++)
		if (!local_byte(*p) || (*p == '.' && prev == '.'))
			return 0;
	if (*p != '@' || len == 0 || prev == '.')
		return 0;
	/* domain: two labels or more of letters, digits and inner hyphens */
	for (prev = '.', p++; *p != '\0'; prev = *p++) {
		if (*p == '.') {
			if (prev == '.' || prev == '-')
				return 0;
			dots++;
		} else if (*p == '-') {
			if (prev == '.')
				return 0;
		} else if (!((*p >= 'a' && *p <= 'z') ||
			     (*p >= 'A' && *p <= 'Z') ||
			     (*p >= '0' && *p <= '9')))
			return 0;
	}
	return dots > 0 && prev != '.' && prev != '-';
}

#define MEMO_SLOTS 16384 /* a power of two */
#define MEMO_MAX (MEMO_SLOTS / 2)

struct lint_email_memo {
	pthread_mutex_t mu;
	char *slot[MEMO_SLOTS];
	size_t len;
};

lint_email_memo *
lint_email_memo_new(void)
{
	lint_email_memo *m = calloc(1, sizeof(*m));

	if (m != NULL && pthread_mutex_init(&m->mu, NULL) != 0) {
		free(m);
		return NULL;
	}
	return m;
}

void
lint_email_memo_free(lint_email_memo *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < MEMO_SLOTS; i++)
		free(m->slot[i]);
	pthread_mutex_destroy(&m->mu);
	free(m);
}

/* The slot of s: where it is, or the empty one where it would go. */
static size_t
memo_find(const lint_email_memo *m, const char *s)
{
	uint32_t h = 2166136261u;
	const unsigned char *p;
	size_t i;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	for (i = h & (MEMO_SLOTS - 1); m->slot[i] != NULL;
	     i = (i + 1) & (MEMO_SLOTS - 1))
		if (strcmp(m->slot[i], s) == 0)
			break;
	return i;
}

static int
memo_has(lint_email_memo *m, const char *s)
{
	int has;

	pthread_mutex_lock(&m->mu);
	has = m->slot[memo_find(m, s)] != NULL;
	pthread_mutex_unlock(&m->mu);
	return has;
}

/* Remembers a good address while there is room (else nothing: only the
 * time of a second parse is lost). */
static void
memo_add(lint_email_memo *m, const char *s)
{
	size_t i;

	pthread_mutex_lock(&m->mu);
	i = memo_find(m, s);
	if (m->slot[i] == NULL && m->len < MEMO_MAX &&
	    (m->slot[i] = strdup(s)) != NULL)
		m->len++;
	pthread_mutex_unlock(&m->mu);
}

static int
is_good(GMimeParserOptions *opts, lint_email_memo *m, const char *s)
{
	/* the common form needs no GMime object at all: what
	 * lint_email_plain passes, GMime passes (test_email.c) */
	if (lint_email_plain(s) || (m != NULL && memo_has(m, s)))
		return 1;
	if (!is_address(opts, s))
		return 0;
	if (m != NULL)
		memo_add(m, s);
	return 1;
}

void
lint_emails_init(void)
{
	GMimeParserOptions *opts;

	g_mime_init();
	/* GLib makes a type's class when first used: once here, before any
	 * -j thread, for the types the checks use */
	if ((opts = strict_options()) != NULL) {
		(void)is_address(opts, "a@b.example");
		g_mime_parser_options_free(opts);
	}
}

int
lint_check_emails(const cr_report *r, cr_diags *d, lint_email_memo *m)
{
	GMimeParserOptions *opts;
	size_t i, j;
	int rc = 0;

	if (r->broken)
		return 0;
	if ((opts = strict_options()) == NULL)
		return -1;
	for (i = 0;
	     rc == 0 && i < sizeof(person_lists) / sizeof(person_lists[0]);
	     i++) {
		const cr_persons *ps =
		    (const cr_persons *)((const char *)r + person_lists[i]);

		for (j = 0; rc == 0 && j < ps->len; j++) {
			const cr_str *e = &ps->items[j].email;

			if (e->s == NULL || *e->s == '\0' ||
			    strcmp(e->s, "TODO") == 0 || is_good(opts, m, e->s))
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
