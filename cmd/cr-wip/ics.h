/*
 * ics.h - the WIP as iCalendar through libical (cmd/, so that only
 * cr-wip links libical).
 */
#ifndef CR_WIP_ICS_H
#define CR_WIP_ICS_H

#include "crtools.h"

/*
 * Appends the calendar of an action view (a VTODO per row with a due
 * date) or a job view (an all-day VEVENT per next contact) to out.
 * 0, or -1 (reported as "PROG: ...").
 */
int wip_ics_write(const cr_wip_table *t, cr_buf *out, const char *prog);

#endif
