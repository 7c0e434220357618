/* date.c - the ISO 8601 dates of SPEC 2.1: parse, resolve, normalise. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Reads exactly n digits. */
static int
digits(const char **s, int n, int *out)
{
	int v = 0;

	while (n-- > 0) {
		if (**s < '0' || **s > '9')
			return -1;
		v = v * 10 + (**s - '0');
		(*s)++;
	}
	*out = v;
	return 0;
}

static int
parse_offset(const char **s, cr_datetime *dt)
{
	int sign, h, m = 0;

	if (**s == 'Z' || **s == 'z') {
		(*s)++;
		dt->has_offset = 1;
		dt->offset = 0;
		return 0;
	}
	if (**s != '+' && **s != '-')
		return -1;
	sign = **s == '-' ? -1 : 1;
	(*s)++;
	if (digits(s, 2, &h) == -1)
		return -1;
	if (**s == ':')
		(*s)++;
	if (**s != '\0' && digits(s, 2, &m) == -1)
		return -1;
	if (h > 23 || m > 59)
		return -1;
	dt->has_offset = 1;
	dt->offset = sign * (h * 60 + m);
	return 0;
}

int
cr_datetime_parse(const char *s, cr_datetime *dt)
{
	memset(dt, 0, sizeof(*dt));
	while (*s == ' ')
		s++;
	if (digits(&s, 4, &dt->year) == -1 || *s++ != '-' ||
	    digits(&s, 2, &dt->month) == -1 || *s++ != '-' ||
	    digits(&s, 2, &dt->day) == -1)
		return -1;
	if (dt->month < 1 || dt->month > 12 || dt->day < 1 ||
	    dt->day > days_in_month(dt->year, dt->month))
		return -1;
	if (*s == 'T' || *s == 't' ||
	    (*s == ' ' && s[1] >= '0' && s[1] <= '9')) {
		s++;
		if (digits(&s, 2, &dt->hour) == -1 || *s++ != ':' ||
		    digits(&s, 2, &dt->minute) == -1)
			return -1;
		if (*s == ':') {
			s++;
			if (digits(&s, 2, &dt->second) == -1)
				return -1;
		}
		if (dt->hour > 23 || dt->minute > 59 || dt->second > 59)
			return -1;
		dt->has_time = 1;
		if (*s == ' ')
			s++;
		if (*s != '\0' && parse_offset(&s, dt) == -1)
			return -1;
	}
	while (*s == ' ')
		s++;
	return *s == '\0' ? 0 : -1;
}

long long
cr_days_from_civil(int y, int m, int d)
{
	/* Howard Hinnant's days_from_civil. */
	long long yy = y - (m <= 2);
	long long era = (yy >= 0 ? yy : yy - 399) / 400;
	long long yoe = yy - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
cr_local_offset(long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL)
		return 0;
	return (int)(tm.tm_gmtoff / 60);
}

void
cr_datetime_resolve(cr_datetime *dt, const cr_datetime *ref)
{
	struct tm tm;
	time_t t;

	if (dt->has_offset)
		return;
	if (ref != NULL && ref->has_offset) {
		dt->offset = ref->offset;
		return;
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = dt->year - 1900;
	tm.tm_mon = dt->month - 1;
	tm.tm_mday = dt->day;
	tm.tm_hour = dt->has_time ? dt->hour : 12;
	tm.tm_min = dt->minute;
	tm.tm_sec = dt->second;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	dt->offset = t == (time_t)-1 ? 0 : (int)(tm.tm_gmtoff / 60);
}

long long
cr_datetime_epoch(const cr_datetime *dt, int end_of_day)
{
	long long t = cr_days_from_civil(dt->year, dt->month, dt->day) * 86400;

	if (dt->has_time)
		t += dt->hour * 3600 + dt->minute * 60 + dt->second;
	else if (end_of_day)
		t += 86399;
	return t - (long long)dt->offset * 60;
}

long long
cr_days_since(const cr_datetime *dt, const cr_datetime *zone, long long now)
{
	cr_datetime today;
	int off;

	if (dt->has_offset)
		off = dt->offset;
	else if (zone != NULL && zone->has_offset)
		off = zone->offset;
	else
		off = cr_local_offset(now); /* TZ's offset today, not then */
	cr_datetime_from_epoch(now, off, &today);
	return cr_days_from_civil(today.year, today.month, today.day) -
	       cr_days_from_civil(dt->year, dt->month, dt->day);
}

void
cr_datetime_from_epoch(long long t, int offset, cr_datetime *out)
{
	long long local = t + (long long)offset * 60, days, rem;

	memset(out, 0, sizeof(*out));
	days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	rem = local - days * 86400;
	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(rem / 3600);
	out->minute = (int)(rem / 60 % 60);
	out->second = (int)(rem % 60);
	out->has_time = 1;
	out->has_offset = 1;
	out->offset = offset;
}

/* Two digits of v (0 to 99) at p. */
static char *
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

void
cr_datetime_format(const cr_datetime *dt, char out[32])
{
	int off = dt->offset < 0 ? -dt->offset : dt->offset;
	int year = dt->year % 10000;
	char *p = out;

	/* By hand, not snprintf: cr-lint formats a date for every overdue
	 * action of every report (a twentieth of its instructions). What
	 * the parser cannot give takes snprintf's path. */
	if (year < 0 || dt->month < 0 || dt->month > 99 || dt->day < 0 ||
	    dt->day > 99 ||
	    (dt->has_time &&
	     (dt->hour < 0 || dt->hour > 99 || dt->minute < 0 ||
	      dt->minute > 99 || dt->second < 0 || dt->second > 99))) {
		if (!dt->has_time)
			snprintf(out, 32, "%04d-%02d-%02d", year, dt->month,
				 dt->day);
		else
			snprintf(out, 32,
				 "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
				 year, dt->month, dt->day, dt->hour, dt->minute,
				 dt->second, dt->offset < 0 ? '-' : '+',
				 off / 60 % 100, off % 60);
		return;
	}
	p = put2(put2(p, year / 100), year % 100);
	*p++ = '-';
	p = put2(p, dt->month);
	*p++ = '-';
	p = put2(p, dt->day);
	if (dt->has_time) {
		*p++ = 'T';
		p = put2(p, dt->hour);
		*p++ = ':';
		p = put2(p, dt->minute);
		*p++ = ':';
		p = put2(p, dt->second);
		*p++ = dt->offset < 0 ? '-' : '+';
		p = put2(p, off / 60 % 100);
		*p++ = ':';
		p = put2(p, off % 60);
	}
	*p = '\0';
}
