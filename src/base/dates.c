/*
 * dates.c - reading the dates spreadsheets write (dates.h). Pure functions: no locale, no
 * time zone, so a date reads the same on every server.
 */
#include <stdio.h>
#include <string.h>

#include "dates.h"

static const char *const month_names[12] = { "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December" };

int
date_order_by_name(const char *name)
{
	if (name == NULL || *name == '\0')
		return DATE_ORDER_UNSET;
	if (strcmp(name, "dmy") == 0)
		return DATE_ORDER_DMY;
	if (strcmp(name, "mdy") == 0)
		return DATE_ORDER_MDY;
	return -1;
}

static int
exists(int y, int m, int d)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days[m - 1] + (m == 2 && leap);
}

/* Up to max digits at *s into *out; the number of digits read. */
static int
digits(const char **s, int max, int *out)
{
	int n = 0;

	*out = 0;
	while (n < max && **s >= '0' && **s <= '9') {
		*out = *out * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n;
}

static void
iso_of(char iso[11], int y, int m, int d)
{
	/* Callers pass a day that exists: y 1900-9999, m 1-12, d 1-31. */
	snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

enum date_verdict
date_read(const char *s, enum date_order order, char iso[11], char iso_dmy[11], char iso_mdy[11])
{
	int a, b, y, na, nb, ny;
	char sep;
	const char *p = s;

	iso[0] = '\0';
	while (*p == ' ')
		p++;
	/* ISO first: four digits, then month and day (2026-03-15, or 2026/3/15). */
	if ((na = digits(&p, 4, &y)) == 4 && (*p == '-' || *p == '/')) {
		sep = *p++;
		if (digits(&p, 2, &a) == 0 || *p++ != sep || digits(&p, 2, &b) == 0)
			return DATE_BAD;
		while (*p == ' ')
			p++;
		if (*p || !exists(y, a, b))
			return DATE_BAD;
		iso_of(iso, y, a, b);
		return DATE_OK;
	}
	p = s;
	while (*p == ' ')
		p++;
	if ((na = digits(&p, 2, &a)) == 0 || (*p != '/' && *p != '.' && *p != '-'))
		return DATE_BAD;
	sep = *p++;
	if ((nb = digits(&p, 2, &b)) == 0 || *p++ != sep || (ny = digits(&p, 4, &y)) != 4)
		return DATE_BAD;
	while (*p == ' ')
		p++;
	if (*p)
		return DATE_BAD;
	if (sep == '.')
		order = DATE_ORDER_DMY;
	if (order == DATE_ORDER_DMY || order == DATE_ORDER_MDY) {
		int d = order == DATE_ORDER_DMY ? a : b, m = order == DATE_ORDER_DMY ? b : a;
		if (!exists(y, m, d))
			return DATE_BAD;
		iso_of(iso, y, m, d);
		return DATE_OK;
	}
	/* No order named: take the one reading that exists, or refuse two different ones. */
	int dmy = exists(y, b, a), mdy = exists(y, a, b);
	if (dmy && mdy && a != b) {
		if (iso_dmy)
			iso_of(iso_dmy, y, b, a);
		if (iso_mdy)
			iso_of(iso_mdy, y, a, b);
		return DATE_AMBIGUOUS;
	}
	if (dmy)
		iso_of(iso, y, b, a);
	else if (mdy)
		iso_of(iso, y, a, b);
	else
		return DATE_BAD;
	return DATE_OK;
}

void
date_words(char *buf, size_t size, const char *iso)
{
	int y, m, d;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		snprintf(buf, size, "%s", iso);
	else
		snprintf(buf, size, "%d %s %d", d, month_names[m - 1], y);
}
