/*
 * fields.c - the field tables of cr_fields.h and cr_action_fields.h made
 * into data: descriptors, key lists and enum value lists.
 */
#include <stddef.h>
#include <string.h>

#include "internal.h"

/* The values of the enum fields, in the order of the C enums. */
const char *const cr_type_values[] = {"meeting", "call",  "video", "visit",
				      "email",	 "other", NULL};
const char *const cr_outcome_values[] = {
    "reached", "no-answer", "left-message", "declined", "postponed", NULL};
const char *const cr_conf_values[] = {"public", "client", "internal",
				      "confidential", NULL};
const char *const cr_lang_values[] = {"en", "vi", "zh", "ru", NULL};
const char *const cr_status_values[] = {"open", "done", "blocked", "dropped",
					NULL};
/* Agency stages first (CR_STAGES_AGENCY of them), then fundraising. */
#define CR_STAGES_AGENCY 8
const char *const cr_stage_values[] = {
    "brief",	     "debrief",	    "ideas",
    "presentation",  "quotation",   "production",
    "report",	     "closed",	    "identification",
    "qualification", "cultivation", "solicitation",
    "stewardship",   NULL};

const struct cr_field_desc cr_fields[CR_F__COUNT] = {
#define CR_FIELD(e, key, kind, member, flags, sec, values, hint)               \
	[CR_F_##e] = {key,   CR_K_##kind,  offsetof(cr_report, member),        \
		      flags, CR_SEC_##sec, values,                             \
		      hint},
#include "cr_fields.h"
#undef CR_FIELD
};

const struct cr_afield_desc cr_afields[CR_AF__COUNT] = {
#define CR_ACTION_FIELD(e, key, kind, member, flags, col, values)              \
	[CR_AF_##e] = {key,   CR_K_##kind,  offsetof(cr_action, member),       \
		       flags, CR_COL_##col, values},
#include "cr_action_fields.h"
#undef CR_ACTION_FIELD
};

const char *const cr_report_keys[] = {
#define CR_FIELD(e, key, kind, member, flags, sec, values, hint) key,
#include "cr_fields.h"
#undef CR_FIELD
    NULL};

const char *const cr_action_keys[] = {
#define CR_ACTION_FIELD(e, key, kind, member, flags, col, values) key,
#include "cr_action_fields.h"
#undef CR_ACTION_FIELD
    NULL};

const char *const cr_person_keys[] = {
#define CR_PERSON_FIELD(e, key, member) key,
#include "cr_action_fields.h"
#undef CR_PERSON_FIELD
    NULL};

const char *const cr_confirmation_keys[] = {"name", "at", "note", NULL};

int
cr_stage_profile(const char *stage)
{
	size_t i;

	if (stage == NULL)
		return -1;
	for (i = 0; cr_stage_values[i] != NULL; i++)
		if (strcmp(stage, cr_stage_values[i]) == 0)
			return i < CR_STAGES_AGENCY ? CR_PROFILE_AGENCY
						    : CR_PROFILE_FUNDRAISING;
	return -1;
}

const cr_str *
cr_field_str(const cr_report *r, enum cr_field f)
{
	switch (cr_fields[f].kind) {
	case CR_K_STR:
		return CR_FIELD_PTR(r, f, cr_str);
	case CR_K_DATE:
		return &CR_FIELD_PTR(r, f, cr_date)->raw;
	default:
		return NULL;
	}
}

const cr_str *
cr_afield_str(const cr_action *a, enum cr_afield f)
{
	const char *p = (const char *)a + cr_afields[f].off;

	if (cr_afields[f].kind == CR_K_DATE)
		return &((const cr_date *)(const void *)p)->raw;
	return (const cr_str *)(const void *)p;
}

enum cr_field
cr_section_field(cr_section s)
{
	size_t f;

	for (f = 0; f < CR_F__COUNT; f++)
		if (cr_fields[f].sec == (int)s && s != CR_SEC_NONE)
			return (enum cr_field)f;
	return CR_F__COUNT;
}

enum cr_field
cr_field_lookup(const char *key)
{
	size_t f;

	/* the first byte first: most keys of a report differ there */
	for (f = 0; f < CR_F__COUNT; f++)
		if (key[0] == cr_fields[f].key[0] &&
		    strcmp(key, cr_fields[f].key) == 0)
			return (enum cr_field)f;
	return CR_F__COUNT;
}

int
cr_field_present(const cr_report *r, enum cr_field f)
{
	if ((unsigned)f >= CR_F__COUNT)
		return 0;
	switch (cr_fields[f].kind) {
	case CR_K_STR:
		return CR_FIELD_PTR(r, f, cr_str)->s != NULL;
	case CR_K_DATE:
		return CR_FIELD_PTR(r, f, cr_date)->raw.s != NULL;
	case CR_K_PERSONS:
		return CR_FIELD_PTR(r, f, cr_persons)->len > 0;
	case CR_K_TEXTS:
		return CR_FIELD_PTR(r, f, cr_texts)->len > 0;
	case CR_K_ACTIONS:
		return CR_FIELD_PTR(r, f, cr_actions)->len > 0;
	case CR_K_CONFIRMATIONS:
		return CR_FIELD_PTR(r, f, cr_confirmations)->len > 0;
	}
	return 0;
}

int
cr_action_open(const cr_action *a)
{
	cr_status s = cr_action_status(a);

	return s == CR_STATUS_OPEN || s == CR_STATUS_BLOCKED;
}
