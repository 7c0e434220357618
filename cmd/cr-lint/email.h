/*
 * email.h - cr-lint's check of e-mail addresses (GMime).
 */
#ifndef CR_LINT_EMAIL_H
#define CR_LINT_EMAIL_H

#include "crtools.h"

/* Appends a bad-value at each person's e-mail (attendees, absent,
 * distribution) that GMime's strict parser does not read as exactly one
 * address. 0, or -1 on memory. */
int lint_check_emails(const cr_report *r, cr_diags *d);
/* Starts GMime, once, before any check (and before threads). */
void lint_emails_init(void);

#endif
