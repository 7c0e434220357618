/*
 * cr_action_fields.h - the keys of an action (SPEC 2.1) and of a person,
 * declared once, as cr_fields.h does for the report:
 *
 *	CR_ACTION_FIELD(NAME, "key", KIND, member, flags, column, values)
 *	CR_PERSON_FIELD(NAME, "key", member)
 *
 * KIND is STR or DATE; flags as in cr_fields.h (CR_FF_REQ: the checks
 * give their own rules for what, who and due); column: the Markdown table
 * column (cr_column without the CR_COL_ prefix).
 */
#ifdef CR_ACTION_FIELD
CR_ACTION_FIELD(ID, "id", STR, id, CR_FF_PH | CR_FF_WIP, ID, NULL)
CR_ACTION_FIELD(WHAT, "what", STR, what, CR_FF_REQ | CR_FF_PH | CR_FF_WIP, WHAT,
		NULL)
CR_ACTION_FIELD(WHO, "who", STR, who, CR_FF_REQ | CR_FF_PH | CR_FF_WIP, WHO,
		NULL)
CR_ACTION_FIELD(DUE, "due", DATE, due, CR_FF_REQ | CR_FF_PH | CR_FF_WIP, DUE,
		NULL)
CR_ACTION_FIELD(STATUS, "status", STR, status, CR_FF_PH | CR_FF_WIP, STATUS,
		cr_status_values)
CR_ACTION_FIELD(NOTE, "note", STR, note, CR_FF_PH, NOTE, NULL)
#endif

#ifdef CR_PERSON_FIELD
CR_PERSON_FIELD(NAME, "name", name)
CR_PERSON_FIELD(ROLE, "role", role)
CR_PERSON_FIELD(ORG, "org", org)
CR_PERSON_FIELD(EMAIL, "email", email)
#endif
