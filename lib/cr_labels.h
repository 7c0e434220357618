/*
 * cr_labels.h - the words of the reading formats (html, txt, pdf, eml) in
 * every supported language, and the few decisions all of them share.
 *
 * Section and column names (the ones the Markdown reader also accepts)
 * stay in crtools.h (cr_section_label, cr_column_label); everything else a
 * rendered report shows is here, in the same table file (labels.c).
 *
 * Every `const char *` returned points to a static read-only table and is
 * never freed. Functions taking a cr_buf append to it and return 0, or -1
 * when memory ran out.
 */
#ifndef CR_LABELS_H
#define CR_LABELS_H

#include "crtools.h"

typedef enum cr_label_id {
	/* Header fields of a rendered report. */
	CR_LABEL_TITLE,
	CR_LABEL_REPORT_ID,
	CR_LABEL_CLIENT,
	CR_LABEL_PROJECT,
	CR_LABEL_TYPE,
	CR_LABEL_OUTCOME,
	CR_LABEL_DATE,
	CR_LABEL_LOCATION,
	CR_LABEL_AUTHOR,
	CR_LABEL_ISSUED,
	CR_LABEL_CONFIDENTIALITY,
	CR_LABEL_NEXT_CONTACT,
	CR_LABEL_PREVIOUS,
	CR_LABEL_TAGS,
	CR_LABEL_STAGE,
	/* Columns of a person table. */
	CR_LABEL_NAME,
	CR_LABEL_ROLE,
	CR_LABEL_ORG,
	CR_LABEL_EMAIL,
	/* Values of `type`, in the order of cr_type (without NONE). */
	CR_LABEL_TYPE_MEETING,
	CR_LABEL_TYPE_CALL,
	CR_LABEL_TYPE_VIDEO,
	CR_LABEL_TYPE_VISIT,
	CR_LABEL_TYPE_EMAIL,
	CR_LABEL_TYPE_OTHER,
	/* Values of `outcome`, in the order of cr_outcome. */
	CR_LABEL_OUTCOME_REACHED,
	CR_LABEL_OUTCOME_NO_ANSWER,
	CR_LABEL_OUTCOME_LEFT_MESSAGE,
	CR_LABEL_OUTCOME_DECLINED,
	CR_LABEL_OUTCOME_POSTPONED,
	/* Values of `confidentiality`, in the order of cr_conf. */
	CR_LABEL_CONF_PUBLIC,
	CR_LABEL_CONF_CLIENT,
	CR_LABEL_CONF_INTERNAL,
	CR_LABEL_CONF_CONFIDENTIAL,
	/* Values of an action's `status`, in the order of cr_status. */
	CR_LABEL_STATUS_OPEN,
	CR_LABEL_STATUS_DONE,
	CR_LABEL_STATUS_BLOCKED,
	CR_LABEL_STATUS_DROPPED,
	/* Values of `stage`, in the order of cr_stage_values (agency, then
	 * fundraising). */
	CR_LABEL_STAGE_BRIEF,
	CR_LABEL_STAGE_DEBRIEF,
	CR_LABEL_STAGE_IDEAS,
	CR_LABEL_STAGE_PRESENTATION,
	CR_LABEL_STAGE_QUOTATION,
	CR_LABEL_STAGE_PRODUCTION,
	CR_LABEL_STAGE_REPORT,
	CR_LABEL_STAGE_CLOSED,
	CR_LABEL_STAGE_IDENTIFICATION,
	CR_LABEL_STAGE_QUALIFICATION,
	CR_LABEL_STAGE_CULTIVATION,
	CR_LABEL_STAGE_SOLICITATION,
	CR_LABEL_STAGE_STEWARDSHIP,
	/* The confirmation block (its heading is the section label). */
	CR_LABEL_CONFIRMED,  /* "Confirmed": a confirmation without remark */
	CR_LABEL_CORRECTION, /* "Correction requested": the mark of a
				remark */
	/* The agenda (cr-render --agenda). */
	CR_LABEL_AGENDA_KIND, /* the kind of document: "Agenda" */
	CR_LABEL_WHEN,
	CR_LABEL_WHERE,
	CR_LABEL_INVITED, /* the heading of who is invited */
	CR_LABEL_TOPICS,  /* the heading of the numbered topics */
	CR_LABEL_REVIEW,  /* the heading of the actions to review */
	/* Marks and titles. */
	CR_LABEL_OVERDUE,	/* the mark on an overdue action */
	CR_LABEL_DAYS_OVERDUE,	/* a column heading: "Days overdue" */
	CR_LABEL_INTERNAL_COPY, /* "Internal — not for the client" */
	CR_LABEL_CONTACT_REPORT,
	/* printf templates, the same conversions in every language (see
	 * cr_label_format for a way without a non-literal format). */
	CR_LABEL_PAGE_OF,	 /* "Page %d of %d": page number, page count */
	CR_LABEL_SUBJECT,	 /* "Contact report: %s (%s)": title, the
				    contact's date written long */
	CR_LABEL_OVERDUE_DAY,	 /* "%d day overdue": one day */
	CR_LABEL_OVERDUE_DAYS,	 /* "%d days overdue": more days */
	CR_LABEL_REPLY,		 /* "Please confirm ... within %d hours.": the
				    reply line of the client's copy */
	CR_LABEL_AGENDA_SUBJECT, /* "Agenda: %s — %s": title, the date and
				    time written long */
	CR_LABEL__COUNT
} cr_label_id;

/* The label in language l (an invalid l gives English); "" for an
 * unknown id. */
const char *cr_label(cr_label_id id, cr_lang l);

/* Appends the template `id` in language l with its first conversion
 * (%d or %s) replaced by the string a1 and its second by a2 (NULL:
 * nothing); "%%" is a percent sign. */
int cr_label_format(cr_buf *out, cr_label_id id, cr_lang l, const char *a1,
		    const char *a2);

typedef enum cr_enum_kind {
	CR_ENUM_TYPE,	 /* cr_type */
	CR_ENUM_OUTCOME, /* cr_outcome */
	CR_ENUM_CONF,	 /* cr_conf */
	CR_ENUM_STATUS,	 /* cr_status */
	CR_ENUM_STAGE	 /* an index of cr_stage_values */
} cr_enum_kind;

/* The word for an enum value of that kind in language l ("Meeting",
 * "Cuộc họp" ...), or "" for CR_TYPE_NONE and the _INVALID members: show
 * the text as written then. */
const char *cr_enum_label(cr_enum_kind kind, int value, cr_lang l);

/* The word for a stage ("Quotation", "Báo giá" ...), or the text as
 * written when it is not one of cr_stage_values; "" for NULL. */
const char *cr_stage_word(const char *stage, cr_lang l);

/* Month m (1-12) as used inside a long date: "November", "tháng 11",
 * "11月", "ноября" (genitive). "" when out of range. */
const char *cr_month_name(int m, cr_lang l);

/*
 * Appends a date written long in language l:
 *   en  20 November 2026, 14:00 (UTC+07:00)
 *   vi  20 tháng 11 năm 2026, 14:00 (UTC+07:00)
 *   zh  2026年11月20日 14:00（UTC+07:00）
 *   ru  20 ноября 2026 г., 14:00 (UTC+07:00)
 * A date alone stops before the comma; an offset of zero is "UTC".
 */
int cr_format_date_long(const cr_datetime *dt, cr_lang l, cr_buf *out);

/* The language of a rendering: o->lang when valid, else the report's
 * `language`, else English. */
cr_lang cr_render_lang(const cr_report *r, const cr_write_opts *o);

#endif
