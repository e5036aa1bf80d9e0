/*
 * when.c - a moment in the site's time zone, as a person reads it (see when.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "when.h"

static const char *const months[12] = { "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December" };

/* The last zone file found good, so a page of a hundred times opens it once. */
static char known_path[1200];

int
when_zone_ok(const char *zone)
{
	const char *dir = getenv("TZDIR");
	char path[1200], magic[4];
	size_t n = zone ? strlen(zone) : 0;
	FILE *f;
	int ok;

	if (zone == NULL)
		return 0;
	if (strcmp(zone, "UTC") == 0)
		return 1;
	/* A name, never a path: TZ would take "/etc/passwd" or "../x" as a file to read. */
	if (n == 0 || n > 64 || zone[0] == '/' || zone[0] == '.' ||
	    strstr(zone, "..") || strspn(zone, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789/_+-") != n)
		return 0;
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone);
	if (strcmp(path, known_path) == 0)
		return 1;
	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	if (ok)
		snprintf(known_path, sizeof known_path, "%s", path);
	return ok;
}

/* The abbreviation, or the offset where a zone has none in letters ("-03" in its data). */
static void
label(struct when_local *w, const char *abbr)
{
	int off = w->utc_offset_min, a = off < 0 ? -off : off;

	if (abbr && (abbr[0] >= 'A' && abbr[0] <= 'Z'))
		snprintf(w->abbr, sizeof w->abbr, "%s", abbr);
	else if (off == 0)
		snprintf(w->abbr, sizeof w->abbr, "UTC");
	else if (a % 60)
		snprintf(w->abbr, sizeof w->abbr, "UTC%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
	else
		snprintf(w->abbr, sizeof w->abbr, "UTC%c%02d", off < 0 ? '-' : '+', a / 60);
}

int
when_local(time_t t, const char *zone, struct when_local *out)
{
	struct tm tm;
	int rc = 0, utc = zone == NULL || strcmp(zone, "UTC") == 0;
	const char *now;

	memset(out, 0, sizeof *out);
	if (!utc && !when_zone_ok(zone)) {
		utc = 1;
		rc = -1;
	}
	if (utc) {
		if (gmtime_r(&t, &tm) == NULL)
			return -1;
		tm.tm_gmtoff = 0;
		tm.tm_zone = "UTC";
	} else {
		/* tzset() only when the zone changes: glibc then reads the file again. */
		if ((now = getenv("TZ")) == NULL || strcmp(now, zone) != 0) {
			setenv("TZ", zone, 1);
			tzset();
		}
		if (localtime_r(&t, &tm) == NULL)
			return -1;
	}
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	out->hour = tm.tm_hour;
	out->minute = tm.tm_min;
	out->second = tm.tm_sec;
	out->weekday = tm.tm_wday;
	out->utc_offset_min = (int)(tm.tm_gmtoff / 60);
	label(out, tm.tm_zone);
	return rc;
}

size_t
when_words(char *buf, size_t size, time_t t, const char *zone)
{
	struct when_local w;
	int n;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	if (when_local(t, zone, &w) < 0 && w.year == 0)
		return 0;
	n = snprintf(buf, size, "%d %s %d, %02d:%02d %s", w.day, months[w.month - 1], w.year,
	    w.hour, w.minute, w.abbr);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

size_t
when_day_words(char *buf, size_t size, time_t t, const char *zone)
{
	struct when_local w;
	int n;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	if (when_local(t, zone, &w) < 0 && w.year == 0)
		return 0;
	n = snprintf(buf, size, "%d %s %d", w.day, months[w.month - 1], w.year);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

int
when_parse_utc(const char *s, time_t *t)
{
	struct tm tm;
	int y, mo, d, h, mi, sec = 0, used = 0;
	char sep;

	if (s == NULL)
		return -1;
	if (sscanf(s, "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &used) != 6 || used != 16 ||
	    (sep != 'T' && sep != ' '))
		return -1;
	s += used;
	if (*s == ':') {
		if (s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9')
			return -1;
		sec = (s[1] - '0') * 10 + (s[2] - '0');
		s += 3;
	}
	if (*s == 'Z')
		s++;
	if (*s != '\0' || y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 ||
	    h < 0 || mi < 0)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	*t = timegm(&tm);
	/* 31 February comes back as 3 March: not a time anyone stored. */
	return gmtime_r(t, &tm) && tm.tm_mday == d ? 0 : -1;
}

size_t
when_words_of(char *buf, size_t size, const char *stored, const char *zone)
{
	time_t t;
	int n;

	if (size == 0)
		return 0;
	if (stored && when_parse_utc(stored, &t) == 0)
		return when_words(buf, size, t, zone);
	n = snprintf(buf, size, "%s", stored ? stored : "");
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}
