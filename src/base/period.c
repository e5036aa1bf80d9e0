/*
 * period.c - report periods: parsing fy / quarter / from-to, the previous period, the months.
 *
 * Dates are turned into day numbers with the proleptic Gregorian formulas (Howard Hinnant's
 * days_from_civil), not time.h: no time zone, no locale, no year-2038 limit, and the same
 * answer on every host.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "measure.h"
#include "period.h"

static long
day_number(int y, int m, int d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void
civil(long z, int *y, int *m, int *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400) + (*m <= 2);
}

/* Writes "YYYY-MM-DD" into out; the year is kept to four digits, as ISO dates in SQL are. */
static void
iso_write(char out[11], int y, int m, int d)
{
	char buf[48];

	snprintf(buf, sizeof buf, "%04d-%02d-%02d", ((y % 10000) + 10000) % 10000, m % 100, d % 100);
	memcpy(out, buf, 10);
	out[10] = '\0';
}

static long
day_of(const char *iso)
{
	return day_number(atoi(iso), atoi(iso + 5), atoi(iso + 8));
}

static void
iso_of(long z, char out[11])
{
	int y, m, d;

	civil(z, &y, &m, &d);
	iso_write(out, y, m, d);
}

void
period_add_days(const char *day, long n, char out[11])
{
	iso_of(day_of(day) + n, out);
}

void
period_today(char today[11])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	iso_write(today, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

long
period_days(const struct period *p)
{
	return day_of(p->to) - day_of(p->from) + 1;
}

/* Months first_month.. of fiscal year fy start in this calendar year. */
static int
fy_start_year(int fy, int first_month)
{
	return first_month == 1 ? fy : fy - 1;
}

/* Fills p's days for months [month0, month0 + count) counted from January of year y. */
static void
span_months(struct period *p, int y, int month0, int count)
{
	int y2, m2;

	y += (month0 - 1) / 12;
	month0 = (month0 - 1) % 12 + 1;
	iso_write(p->from, y, month0, 1);
	m2 = month0 + count;	/* the month after the last */
	y2 = y + (m2 - 1) / 12;
	m2 = (m2 - 1) % 12 + 1;
	iso_of(day_number(y2, m2, 1) - 1, p->to);
}

static void
set_year(struct period *p, int fy, int first_month)
{
	p->kind = PERIOD_YEAR;
	p->year = fy;
	p->quarter = 0;
	span_months(p, fy_start_year(fy, first_month), first_month, 12);
	snprintf(p->name, sizeof p->name, "FY%d", fy);
}

static void
set_quarter(struct period *p, int fy, int q, int first_month)
{
	p->kind = PERIOD_QUARTER;
	p->year = fy;
	p->quarter = q;
	span_months(p, fy_start_year(fy, first_month), first_month + 3 * (q - 1), 3);
	snprintf(p->name, sizeof p->name, "FY%d Q%d", fy, q);
}

static void
set_range(struct period *p, const char *from, const char *to)
{
	p->kind = PERIOD_RANGE;
	p->year = p->quarter = 0;
	snprintf(p->from, sizeof p->from, "%s", from);
	snprintf(p->to, sizeof p->to, "%s", to);
	snprintf(p->name, sizeof p->name, "%s to %s", from, to);
}

static int
given(const char *s)
{
	return s != NULL && *s != '\0';
}

int
period_parse(struct period *p, const char *fy, const char *quarter, const char *from,
    const char *to, const char *today, int first_month, char *err, size_t errsize)
{
	int kinds = given(fy) + given(quarter) + (given(from) || given(to));

	memset(p, 0, sizeof *p);
	if (first_month < 1 || first_month > 12)
		first_month = 1;
	if (kinds > 1) {
		snprintf(err, errsize, "Give one period: fy, quarter, or from and to, not several.");
		return -1;
	}
	if (given(fy)) {
		char *end;
		long y = strtol(fy, &end, 10);
		if (*end != '\0' || y < 1901 || y > 2999) {
			snprintf(err, errsize, "fy must be a fiscal year such as 2026 (1901 to 2999).");
			return -1;
		}
		set_year(p, (int)y, first_month);
		return 0;
	}
	if (given(quarter)) {
		char *end;
		long y = strtol(quarter, &end, 10);
		if (end != quarter + 4 || y < 1901 || y > 2999 || (end[0] != '-') ||
		    (end[1] != 'Q' && end[1] != 'q') || end[2] < '1' || end[2] > '4' || end[3] != '\0') {
			snprintf(err, errsize, "quarter must be a fiscal year and quarter such as 2026-Q1 (Q1 to Q4).");
			return -1;
		}
		set_quarter(p, (int)y, end[2] - '0', first_month);
		return 0;
	}
	if (given(from) || given(to)) {
		if (!given(from) || !given(to)) {
			snprintf(err, errsize, "Give both from and to (YYYY-MM-DD), or neither.");
			return -1;
		}
		if (!measure_date_valid(from) || !measure_date_valid(to)) {
			snprintf(err, errsize, "from and to must be dates that exist, written YYYY-MM-DD.");
			return -1;
		}
		if (strcmp(from, to) > 0) {
			snprintf(err, errsize, "from (%s) must not come after to (%s).", from, to);
			return -1;
		}
		set_range(p, from, to);
		if (period_days(p) > PERIOD_DAYS_MAX) {
			snprintf(err, errsize, "A report covers at most ten years (%d days).", PERIOD_DAYS_MAX);
			return -1;
		}
		return 0;
	}
	{
		int y = atoi(today), m = atoi(today + 5);
		set_year(p, first_month == 1 || m < first_month ? y : y + 1, first_month);
	}
	return 0;
}

void
period_step(const struct period *p, int direction, struct period *out, int first_month)
{
	if (first_month < 1 || first_month > 12)
		first_month = 1;
	memset(out, 0, sizeof *out);
	if (p->kind == PERIOD_YEAR)
		set_year(out, p->year + direction, first_month);
	else if (p->kind == PERIOD_QUARTER) {
		int q = p->quarter - 1 + direction, y = p->year;	/* quarters counted from 0 */
		y += q < 0 ? -1 : q > 3 ? 1 : 0;
		set_quarter(out, y, (q + 4) % 4 + 1, first_month);
	} else {
		char from[11], to[11];
		long days = period_days(p);
		iso_of(day_of(p->from) + direction * days, from);
		iso_of(day_of(p->to) + direction * days, to);
		set_range(out, from, to);
	}
}

void
period_query(const struct period *p, char *buf, size_t size)
{
	if (p->kind == PERIOD_YEAR)
		snprintf(buf, size, "fy=%d", p->year);
	else if (p->kind == PERIOD_QUARTER)
		snprintf(buf, size, "quarter=%d-Q%d", p->year, p->quarter);
	else
		snprintf(buf, size, "from=%s&to=%s", p->from, p->to);
}

int
period_months(const struct period *p, char (*months)[8], int max)
{
	int y = atoi(p->from), m = atoi(p->from + 5), n = 0;
	int ty = atoi(p->to), tm = atoi(p->to + 5);

	while (n < max && (y < ty || (y == ty && m <= tm))) {
		char day[11];
		iso_write(day, y, m, 1);
		memcpy(months[n], day, 7);
		months[n++][7] = '\0';
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	return n;
}
