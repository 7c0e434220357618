/*
 * cr_fields.h - the fields of a report (SPEC 2.1), declared once.
 *
 * Every other description of a field follows from this list: the members
 * of struct cr_report (crtools.h), the YAML keys the readers map
 * (report_map.c), the Markdown sections (md_read.c, through `sec`), the
 * canonical writers' order (write_*.c: the order of this list),
 * `missing-field` (flag REQ, with `hint`), `placeholder` (flag PH),
 * the enum checks (`values`, NULL for free text), and freeing, stripping
 * and comparing reports (model.c). Adding a field is one line here plus
 * its tests; a new kind needs its case in the generic code.
 *
 *	CR_FIELD(NAME, "key", KIND, member, flags, section, values, hint)
 *
 * KIND: STR (cr_str), DATE (cr_date), PERSONS (cr_persons), TEXTS
 * (cr_texts), ACTIONS (cr_actions), CONFIRMATIONS (cr_confirmations). flags: 0
 *or an | of CR_FF_REQ (required: missing-field when absent or blank), CR_FF_PH
 *(checked for placeholders), CR_FF_WIP (kept by cr_report_strip: what a WIP
 *needs). section: the Markdown section (cr_section without the CR_SEC_ prefix)
 * or NONE. values: the NULL-terminated list of the enum's values.
 */
#ifndef CR_FIELD
#error "define CR_FIELD before including cr_fields.h"
#endif

CR_FIELD(ID, "id", STR, id, CR_FF_WIP, NONE, NULL, NULL)
CR_FIELD(TITLE, "title", STR, title, CR_FF_REQ | CR_FF_PH, NONE, NULL,
	 "add 'title:' with one line naming the contact")
CR_FIELD(CLIENT, "client", STR, client, CR_FF_REQ | CR_FF_PH | CR_FF_WIP, NONE,
	 NULL, "add 'client:' with the client organisation")
CR_FIELD(PROJECT, "project", STR, project, CR_FF_PH | CR_FF_WIP, NONE, NULL,
	 NULL)
CR_FIELD(TYPE, "type", STR, type, CR_FF_REQ | CR_FF_PH | CR_FF_WIP, NONE,
	 cr_type_values,
	 "add 'type:' with meeting, call, video, visit, email or other")
CR_FIELD(OUTCOME, "outcome", STR, outcome, CR_FF_PH | CR_FF_WIP, NONE,
	 cr_outcome_values, NULL)
CR_FIELD(DATE, "date", DATE, date, CR_FF_REQ | CR_FF_PH | CR_FF_WIP, NONE, NULL,
	 "add 'date:' with when the contact happened, e.g. "
	 "2026-11-20 14:00 +07:00")
CR_FIELD(LOCATION, "location", STR, location, CR_FF_PH, NONE, NULL, NULL)
CR_FIELD(AUTHOR, "author", STR, author, CR_FF_REQ | CR_FF_PH | CR_FF_WIP, NONE,
	 NULL, "add 'author:' with the name of who prepared the report")
CR_FIELD(ISSUED, "issued", DATE, issued, CR_FF_PH | CR_FF_WIP, NONE, NULL, NULL)
CR_FIELD(CONFIDENTIALITY, "confidentiality", STR, confidentiality, CR_FF_PH,
	 NONE, cr_conf_values, NULL)
CR_FIELD(LANGUAGE, "language", STR, language, CR_FF_PH, NONE, cr_lang_values,
	 NULL)
CR_FIELD(ATTENDEES, "attendees", PERSONS, attendees,
	 CR_FF_REQ | CR_FF_PH | CR_FF_WIP, ATTENDEES, NULL,
	 "list at least one under 'attendees:' as '- Name (Role, Org)'")
CR_FIELD(ABSENT, "absent", PERSONS, absent, CR_FF_PH, ABSENT, NULL, NULL)
CR_FIELD(DISTRIBUTION, "distribution", PERSONS, distribution,
	 CR_FF_PH | CR_FF_WIP, DISTRIBUTION, NULL, NULL)
CR_FIELD(STAGE, "stage", STR, stage, CR_FF_PH | CR_FF_WIP, NONE,
	 cr_stage_values, NULL)
CR_FIELD(PREVIOUS, "previous", STR, previous, CR_FF_PH | CR_FF_WIP, NONE, NULL,
	 NULL)
CR_FIELD(NEXT_CONTACT, "next_contact", DATE, next_contact, CR_FF_PH | CR_FF_WIP,
	 NONE, NULL, NULL)
CR_FIELD(TAGS, "tags", TEXTS, tags, CR_FF_PH, NONE, NULL, NULL)
CR_FIELD(AGENDA, "agenda", TEXTS, agenda, CR_FF_PH, AGENDA, NULL, NULL)
CR_FIELD(DISCUSSION, "discussion", TEXTS, discussion, CR_FF_PH, DISCUSSION,
	 NULL, NULL)
CR_FIELD(AGREEMENTS, "agreements", TEXTS, agreements, CR_FF_PH | CR_FF_WIP,
	 AGREEMENTS, NULL, NULL)
CR_FIELD(ACTIONS, "actions", ACTIONS, actions, CR_FF_PH | CR_FF_WIP, ACTIONS,
	 NULL, NULL)
CR_FIELD(INTERNAL, "internal", TEXTS, internal, CR_FF_PH, INTERNAL, NULL, NULL)
CR_FIELD(CONFIRMATIONS, "confirmations", CONFIRMATIONS, confirmations,
	 CR_FF_PH | CR_FF_WIP, CONFIRMATIONS, NULL, NULL)
