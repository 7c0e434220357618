/*
 * ics.c - the WIP as an iCalendar file (RFC 5545, SPEC 8) through
 * libical: a VTODO per action with a due date, or with --by job an
 * all-day VEVENT per next contact. It lives in cmd/ so that only cr-wip
 * links libical.
 *
 * Same input and --now, same bytes: DTSTAMP is --now, UIDs come from the
 * thread (its first report's id) and the action id, and a date-time due
 * keeps its own offset through a VTIMEZONE of that fixed offset
 * ("UTC+07:00"), since a report knows offsets, not zone names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "cli.h"
#include "ics.h"

#define MAX_ZONES 64

struct zones {
	int offset[MAX_ZONES];
	size_t n;
};

static void
zone_name(int offset, char out[16])
{
	int a = offset < 0 ? -offset : offset;

	snprintf(out, 16, "UTC%c%02d:%02d", offset < 0 ? '-' : '+', a / 60,
		 a % 60);
}

static void
zone_note(struct zones *z, int offset)
{
	size_t i;

	for (i = 0; i < z->n; i++)
		if (z->offset[i] == offset)
			return;
	if (z->n < MAX_ZONES)
		z->offset[z->n++] = offset;
}

static int
zone_known(const struct zones *z, int offset)
{
	size_t i;

	for (i = 0; i < z->n; i++)
		if (z->offset[i] == offset)
			return 1;
	return 0;
}

static int
int_cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;

	return (a > b) - (a < b);
}

/* One VTIMEZONE per fixed offset: TZID UTC+07:00, no daylight time. */
static void
add_zones(icalcomponent *cal, struct zones *z)
{
	size_t i;

	qsort(z->offset, z->n, sizeof(z->offset[0]), int_cmp);
	for (i = 0; i < z->n; i++) {
		icalcomponent *tz = icalcomponent_new_vtimezone();
		icalcomponent *std = icalcomponent_new_xstandard();
		struct icaltimetype start = icaltime_null_time();
		char name[16];

		zone_name(z->offset[i], name);
		icalcomponent_add_property(tz, icalproperty_new_tzid(name));
		start.year = 1970;
		start.month = 1;
		start.day = 1;
		icalcomponent_add_property(std,
					   icalproperty_new_dtstart(start));
		icalcomponent_add_property(
		    std, icalproperty_new_tzoffsetfrom(z->offset[i] * 60));
		icalcomponent_add_property(
		    std, icalproperty_new_tzoffsetto(z->offset[i] * 60));
		icalcomponent_add_property(std, icalproperty_new_tzname(name));
		icalcomponent_add_component(tz, std);
		icalcomponent_add_component(cal, tz);
	}
}

static struct icaltimetype
ical_date(const cr_datetime *dt)
{
	struct icaltimetype t = icaltime_null_date();

	t.year = dt->year;
	t.month = dt->month;
	t.day = dt->day;
	return t;
}

/* A due date: all-day (VALUE=DATE) for a date alone, else the wall time
 * with TZID of its offset (UTC itself as ...Z). */
static icalproperty *
due_prop(const cr_datetime *dt, const struct zones *z)
{
	struct icaltimetype t;
	icalproperty *p;
	char name[16];

	if (!dt->has_time)
		return icalproperty_new_due(ical_date(dt));
	t = icaltime_null_time();
	t.year = dt->year;
	t.month = dt->month;
	t.day = dt->day;
	t.hour = dt->hour;
	t.minute = dt->minute;
	t.second = dt->second;
	if (dt->offset == 0 || !zone_known(z, dt->offset)) {
		long long e = cr_datetime_epoch(dt, 0);

		t = icaltime_from_timet_with_zone(
		    (time_t)e, 0, icaltimezone_get_utc_timezone());
		return icalproperty_new_due(t);
	}
	p = icalproperty_new_due(t);
	zone_name(dt->offset, name);
	icalproperty_add_parameter(p, icalparameter_new_tzid(name));
	return p;
}

static void
add_text(icalcomponent *c, icalproperty *(*mk)(const char *), const char *s)
{
	if (s != NULL && s[0] != '\0')
		icalcomponent_add_property(c, mk(s));
}

/* The UID of an action: its thread's first report and its id. */
static void
uid_of(cr_buf *b, const char *thread, const char *id, const char *kind)
{
	b->len = 0;
	cr_buf_printf(b, "%s/%s/%s@crtools", kind, thread != NULL ? thread : "",
		      id != NULL ? id : "");
	cr_buf_putc(b, '\0');
}

static void
describe(cr_buf *b, const char *who, const cr_wip_rec *r)
{
	b->len = 0;
	if (who != NULL)
		cr_buf_printf(b, "Who: %s\n", who);
	cr_buf_printf(b, "Client: %s\n",
		      r->client.s != NULL ? r->client.s : "");
	if (r->project.s != NULL)
		cr_buf_printf(b, "Project: %s\n", r->project.s);
	cr_buf_printf(b, "Report: %s", r->id.s != NULL ? r->id.s : "");
	if (r->file != NULL)
		cr_buf_printf(b, " (%s)", r->file);
	cr_buf_putc(b, '\0');
}

static void
add_todo(icalcomponent *cal, const cr_wip_row *row, struct icaltimetype stamp,
	 const struct zones *z, cr_buf *b)
{
	icalcomponent *todo = icalcomponent_new_vtodo();
	const cr_wip_act *a = row->action;

	uid_of(b, row->origin->id.s, a->id.s, "action");
	icalcomponent_add_property(todo, icalproperty_new_uid(b->data));
	icalcomponent_add_property(todo, icalproperty_new_dtstamp(stamp));
	add_text(todo, icalproperty_new_summary, a->what.s);
	icalcomponent_add_property(todo, due_prop(&a->due->dt, z));
	switch (row->status) {
	case CR_STATUS_DONE:
		icalcomponent_add_property(
		    todo, icalproperty_new_status(ICAL_STATUS_COMPLETED));
		break;
	case CR_STATUS_DROPPED:
		icalcomponent_add_property(
		    todo, icalproperty_new_status(ICAL_STATUS_CANCELLED));
		break;
	case CR_STATUS_BLOCKED:
		icalcomponent_add_property(
		    todo, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
		icalcomponent_add_property(
		    todo, icalproperty_new_categories("blocked"));
		break;
	default:
		icalcomponent_add_property(
		    todo, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
		break;
	}
	describe(b, a->who.s, row->latest);
	icalcomponent_add_property(todo, icalproperty_new_description(b->data));
	icalcomponent_add_component(cal, todo);
}

static void
add_event(icalcomponent *cal, const cr_wip_table *t, size_t i,
	  struct icaltimetype stamp, cr_buf *b)
{
	const cr_wip_job *j = &t->v->jobs[i];
	const cr_date *d = NULL;
	icalcomponent *ev;
	struct icaltimetype day, end;
	size_t c;

	for (c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].key, "next_contact") == 0)
			d = cr_wip_date(t, i, c);
	if (d == NULL || !d->valid)
		return;
	ev = icalcomponent_new_vevent();
	b->len = 0;
	cr_buf_printf(b, "job/%s/%s@crtools",
		      j->latest->client.s != NULL ? j->latest->client.s : "",
		      j->latest->project.s != NULL ? j->latest->project.s : "");
	cr_buf_putc(b, '\0');
	icalcomponent_add_property(ev, icalproperty_new_uid(b->data));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
	day = ical_date(&d->dt);
	end = icaltime_add(day, icaldurationtype_from_int(24 * 3600));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(day));
	icalcomponent_add_property(ev, icalproperty_new_dtend(end));
	b->len = 0;
	cr_buf_printf(b, "Next contact: %s",
		      j->latest->client.s != NULL ? j->latest->client.s : "");
	if (j->latest->project.s != NULL)
		cr_buf_printf(b, " — %s", j->latest->project.s);
	cr_buf_putc(b, '\0');
	icalcomponent_add_property(ev, icalproperty_new_summary(b->data));
	describe(b, NULL,
		 j->planned != NULL ? j->planned
				    : (j->last != NULL ? j->last : j->latest));
	icalcomponent_add_property(ev, icalproperty_new_description(b->data));
	icalcomponent_add_property(
	    ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	icalcomponent_add_component(cal, ev);
}

int
wip_ics_write(const cr_wip_table *t, cr_buf *out, const char *prog)
{
	icalcomponent *cal;
	struct icaltimetype stamp;
	struct zones z;
	cr_buf b;
	char *s;
	size_t i;

	memset(&z, 0, sizeof(z));
	cr_buf_init(&b);
	if (t->view == CR_WIP_BY_ACTION)
		for (i = 0; i < t->len; i++) {
			const cr_date *due = t->w->rows[i].action->due;

			if (due->valid && due->dt.has_time &&
			    due->dt.offset != 0)
				zone_note(&z, due->dt.offset);
		}
	stamp = icaltime_from_timet_with_zone((time_t)t->w->now, 0,
					      icaltimezone_get_utc_timezone());
	cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(
	    cal,
	    icalproperty_new_prodid("-//crtools//cr-wip " CR_VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	add_zones(cal, &z);
	for (i = 0; i < t->len; i++) {
		if (t->view == CR_WIP_BY_JOB)
			add_event(cal, t, i, stamp, &b);
		else if (t->w->rows[i].action->due->valid)
			add_todo(cal, &t->w->rows[i], stamp, &z, &b);
	}
	s = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (s == NULL || b.oom) {
		free(s);
		cr_buf_free(&b);
		cli_error(prog, "out of memory");
		return -1;
	}
	cr_buf_puts(out, s);
	free(s);
	cr_buf_free(&b);
	return out->oom ? -1 : 0;
}
