/*
 * when.h - a moment as a person reads it: in the site's time zone (an IANA name such as
 * Europe/Paris, read from the host's zoneinfo), "30 November 2026, 14:05 CET", never the
 * stored "2026-11-30T13:05:00Z".
 *
 * Two halves, so that pages in another language (the i18n work) reuse the first and write
 * only their own words: when_local() turns a time and a zone into numbers and the zone's
 * abbreviation, knowing no language; when_words() and when_day_words() write English.
 * Every function takes the zone: nothing here reads the settings.
 *
 * The zone is applied through TZ and localtime_r (glibc has no other public way), so the
 * process's TZ is left naming the last zone used: the programs serve one request at a time
 * and read no local time anywhere else (they use gmtime_r).
 */
#ifndef LIAISON_WHEN_H
#define LIAISON_WHEN_H

#include <stddef.h>
#include <time.h>

struct when_local {
	int	year, month, day;	/* month 1-12 */
	int	hour, minute, second;
	int	weekday;		/* 0 Sunday */
	int	utc_offset_min;		/* east of UTC: 60 for CET, -300 for EST */
	char	abbr[16];		/* "CET", "EDT"; "UTC+05:30" where the zone has no letters */
};

/*
 * 1 when zone is "UTC" or names a zone this host's time-zone data has (TZDIR, else
 * /usr/share/zoneinfo: a file that begins "TZif"); 0 otherwise, and for any name with "..",
 * a leading "/" or a character no IANA name has.
 */
int	when_zone_ok(const char *zone);

/*
 * t in zone. 0; -1 when zone cannot be used (when_zone_ok() says no, e.g. a host without
 * zoneinfo): then *out is t in UTC, labelled "UTC", so what is shown is still true.
 */
int	when_local(time_t t, const char *zone, struct when_local *out);

/* "30 November 2026, 14:05 CET" (English month names); the length written. */
size_t	when_words(char *buf, size_t size, time_t t, const char *zone);
/* "30 November 2026": the day it is in zone at t. */
size_t	when_day_words(char *buf, size_t size, time_t t, const char *zone);

/*
 * Reads a UTC time as the database stores it: "2026-11-23T19:03:42Z", "2026-11-23 19:03:42"
 * (SQLite's datetime()), with or without seconds. 0 with *t; -1 when s is none of these.
 */
int	when_parse_utc(const char *s, time_t *t);

/*
 * when_words() of a stored UTC time; text that is not one is copied as it is (never lost).
 * For the pages, which read the database's text columns.
 */
size_t	when_words_of(char *buf, size_t size, const char *stored, const char *zone);

#endif
