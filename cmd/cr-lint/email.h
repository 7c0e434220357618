/*
 * email.h - cr-lint's check of e-mail addresses (GMime).
 */
#ifndef CR_LINT_EMAIL_H
#define CR_LINT_EMAIL_H

#include "crtools.h"

/* The addresses GMime has already passed, shared by the -j threads (the
 * same people come back report after report): at most a few thousand
 * are kept, so memory stays constant. */
typedef struct lint_email_memo lint_email_memo;
/* NULL on memory. */
lint_email_memo *lint_email_memo_new(void);
void lint_email_memo_free(lint_email_memo *m);

/* Appends a bad-value at each person's e-mail (attendees, absent,
 * distribution) that GMime's strict parser does not read as exactly one
 * address. m may be NULL (no memo). 0, or -1 on memory. */
int lint_check_emails(const cr_report *r, cr_diags *d, lint_email_memo *m);
/* Whether GMime's strict parser reads s as exactly one address (the
 * check's rule), and whether s is in the plain form that the check passes
 * without asking GMime: ASCII dot-atom@domain.example. A plain address is
 * always one GMime passes (tests/unit/test_email.c). */
int lint_email_parse(const char *s);
int lint_email_plain(const char *s);
/* Starts GMime, once, before any check (and before threads). */
void lint_emails_init(void);

#endif
