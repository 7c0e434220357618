/*
 * cr_rules.h - the lint rules of SPEC 6, declared once: id, name, default
 * severity in the agency profile, and the one-line summary that SARIF's
 * tool.driver.rules and the DIAGNOSTICS section of cr-lint(1) show (a test
 * checks the man page against this list). Include after crtools.h with
 * CR_RULE defined as needed.
 *
 *	CR_RULE(ENUM, "name", default severity, "summary")
 */
#ifndef CR_RULE
#error "define CR_RULE before including cr_rules.h"
#endif

CR_RULE(SYNTAX, "syntax", ERROR,
	"the YAML or Markdown cannot be read as a report")
CR_RULE(ENCODING, "encoding", ERROR, "invalid UTF-8 or NUL")
CR_RULE(LIMIT, "limit", ERROR, "a size or nesting limit is exceeded")
CR_RULE(MISSING_FIELD, "missing-field", ERROR,
	"a required field is absent or empty")
CR_RULE(UNKNOWN_FIELD, "unknown-field", WARNING,
	"a key or section not in the format")
CR_RULE(DUPLICATE_FIELD, "duplicate-field", ERROR,
	"a key given twice, or in front matter and body")
CR_RULE(BAD_VALUE, "bad-value", ERROR,
	"wrong type, or a value outside its enum")
CR_RULE(BAD_DATE, "bad-date", ERROR, "not a valid date")
CR_RULE(NO_AGREEMENTS, "no-agreements", ERROR,
	"a reached contact with no agreement")
CR_RULE(NO_ACTIONS, "no-actions", ERROR, "a reached contact with no action")
CR_RULE(ACTION_NO_OWNER, "action-no-owner", ERROR, "an action without who")
CR_RULE(ACTION_UNKNOWN_OWNER, "action-unknown-owner", WARNING,
	"who is not an attendee, attendee org, the client, the author or a "
	"team name")
CR_RULE(ACTION_NO_DUE, "action-no-due", ERROR, "an action without due")
CR_RULE(ACTION_VAGUE_DUE, "action-vague-due", ERROR,
	"due is a vague word instead of a date")
CR_RULE(ACTION_DUE_BEFORE_CONTACT, "action-due-before-contact", WARNING,
	"an open or blocked action due earlier than the contact's date")
CR_RULE(ACTION_OVERDUE, "action-overdue", WARNING,
	"an open or blocked action due before now")
CR_RULE(DUPLICATE_ID, "duplicate-id", ERROR,
	"two actions of a report, or two reports, share an id")
CR_RULE(ISSUED_BEFORE_CONTACT, "issued-before-contact", ERROR,
	"issued earlier than date")
CR_RULE(LATE_REPORT, "late-report", WARNING,
	"issued more than max-issue-hours after date")
CR_RULE(NOT_ISSUED, "not-issued", WARNING,
	"no issued, and more than max-issue-hours have passed since date")
CR_RULE(AUTHOR_NOT_ATTENDEE, "author-not-attendee", WARNING,
	"the author is not among the attendees")
CR_RULE(PLACEHOLDER, "placeholder", ERROR,
	"TODO, TBD, FIXME or XXX left in a field")
CR_RULE(EMOTIONAL_LANGUAGE, "emotional-language", WARNING,
	"judgemental or emotional words in discussion, agreements or actions")
CR_RULE(NO_NEXT_CONTACT, "no-next-contact", OFF,
	"no next_contact (an error in the fundraising profile)")
CR_RULE(MISSING_PREVIOUS, "missing-previous", WARNING,
	"previous names a report that is not among the files given")
CR_RULE(PREVIOUS_CYCLE, "previous-cycle", ERROR,
	"following previous from a report comes back to it")
CR_RULE(THREAD_MISMATCH, "thread-mismatch", WARNING,
	"previous names a report of another client")
CR_RULE(ACTION_LOST, "action-lost", WARNING,
	"an open or blocked action of the previous report is missing from "
	"this one")
CR_RULE(NO_AGENDA, "no-agenda", WARNING, "a planned contact with no agenda")
CR_RULE(WRONG_PROFILE_STAGE, "wrong-profile-stage", WARNING,
	"stage is one of the other profile's stages")
CR_RULE(NOT_CONFIRMED, "not-confirmed", OFF,
	"issued more than confirm-days days ago and no participant other than "
	"the author has confirmed")
CR_RULE(UNKNOWN_CONFIRMER, "unknown-confirmer", WARNING,
	"a confirmation by someone who is neither an attendee nor on the "
	"distribution")
