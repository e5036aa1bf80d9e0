/*
 * test_when.c - times as a person reads them in the site's zone (src/base/when.c): the words,
 * the zone's abbreviation on each side of the spring and autumn changes in Europe and North
 * America, zones without letters, the day across the date line, names that are not zones (or
 * are paths), a host without time-zone data, and the stored forms read back.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "unit.h"
#include "when.h"

/* The words for a stored UTC time in zone, in a static buffer. */
static const char *
words(const char *utc, const char *zone)
{
	static char buf[64];
	time_t t;

	ck_assert_msg(when_parse_utc(utc, &t) == 0, "%s does not parse", utc);
	when_words(buf, sizeof buf, t, zone);
	return buf;
}

START_TEST(words_in_the_zone_with_its_abbreviation)
{
	ck_assert_str_eq(words("2026-11-30T13:05:00Z", "Europe/Paris"), "30 November 2026, 14:05 CET");
	ck_assert_str_eq(words("2026-07-01T12:00:00Z", "Europe/Paris"), "1 July 2026, 14:00 CEST");
	ck_assert_str_eq(words("2026-11-23T19:03:42Z", "America/New_York"), "23 November 2026, 14:03 EST");
	ck_assert_str_eq(words("2026-11-23T19:03:42Z", "UTC"), "23 November 2026, 19:03 UTC");
	/* Across midnight and the year, forward and back. */
	ck_assert_str_eq(words("2026-12-31T23:30:00Z", "Asia/Tokyo"), "1 January 2027, 08:30 JST");
	ck_assert_str_eq(words("2027-01-01T03:00:00Z", "America/Los_Angeles"), "31 December 2026, 19:00 PST");
}
END_TEST

START_TEST(daylight_saving_changes)
{
	/* Europe springs forward at 01:00 UTC on 29 March 2026: 01:59 CET, then 03:00 CEST. */
	ck_assert_str_eq(words("2026-03-29T00:59:00Z", "Europe/Paris"), "29 March 2026, 01:59 CET");
	ck_assert_str_eq(words("2026-03-29T01:00:00Z", "Europe/Paris"), "29 March 2026, 03:00 CEST");
	/* And falls back at 01:00 UTC on 25 October: 02:30 twice, told apart by the abbreviation. */
	ck_assert_str_eq(words("2026-10-25T00:30:00Z", "Europe/Paris"), "25 October 2026, 02:30 CEST");
	ck_assert_str_eq(words("2026-10-25T01:30:00Z", "Europe/Paris"), "25 October 2026, 02:30 CET");
	/* The United States change on other Sundays: 8 March and 1 November 2026, at 2:00 local. */
	ck_assert_str_eq(words("2026-03-08T06:59:00Z", "America/New_York"), "8 March 2026, 01:59 EST");
	ck_assert_str_eq(words("2026-03-08T07:00:00Z", "America/New_York"), "8 March 2026, 03:00 EDT");
	ck_assert_str_eq(words("2026-11-01T05:30:00Z", "America/New_York"), "1 November 2026, 01:30 EDT");
	ck_assert_str_eq(words("2026-11-01T06:30:00Z", "America/New_York"), "1 November 2026, 01:30 EST");
	/* Between Europe's and America's change, Paris is five hours ahead of New York, not six. */
	ck_assert_str_eq(words("2026-03-20T12:00:00Z", "America/New_York"), "20 March 2026, 08:00 EDT");
	ck_assert_str_eq(words("2026-03-20T12:00:00Z", "Europe/Paris"), "20 March 2026, 13:00 CET");
	/* The southern hemisphere's summer is in January. */
	ck_assert_str_eq(words("2026-01-15T12:00:00Z", "Australia/Sydney"), "15 January 2026, 23:00 AEDT");
	ck_assert_str_eq(words("2026-07-15T12:00:00Z", "Australia/Sydney"), "15 July 2026, 22:00 AEST");
}
END_TEST

START_TEST(zones_without_letters_show_the_offset)
{
	struct when_local w;
	time_t t;

	ck_assert_str_eq(words("2026-11-23T19:03:42Z", "America/Sao_Paulo"), "23 November 2026, 16:03 UTC-03");
	ck_assert_str_eq(words("2026-11-23T12:00:00Z", "Asia/Kathmandu"), "23 November 2026, 17:45 UTC+05:45");
	ck_assert_int_eq(when_parse_utc("2026-11-23T12:00:00Z", &t), 0);
	ck_assert_int_eq(when_local(t, "Asia/Kolkata", &w), 0);
	ck_assert_int_eq(w.utc_offset_min, 330);
	ck_assert_int_eq(w.hour, 17);
	ck_assert_int_eq(w.minute, 30);
	ck_assert_int_eq(w.weekday, 1);	/* a Monday */
}
END_TEST

START_TEST(names_that_are_not_zones)
{
	struct when_local w;
	char buf[64];
	time_t t = 1795460622;	/* 2026-11-23T19:03:42Z */

	ck_assert_int_eq(when_zone_ok("Europe/Paris"), 1);
	ck_assert_int_eq(when_zone_ok("UTC"), 1);
	ck_assert_int_eq(when_zone_ok("Mars/Olympus_Mons"), 0);
	ck_assert_int_eq(when_zone_ok(""), 0);
	ck_assert_int_eq(when_zone_ok(NULL), 0);
	ck_assert_int_eq(when_zone_ok("/etc/passwd"), 0);
	ck_assert_int_eq(when_zone_ok("../../../etc/passwd"), 0);
	ck_assert_int_eq(when_zone_ok("Europe/../Europe/Paris"), 0);
	ck_assert_int_eq(when_zone_ok("Europe/Paris "), 0);
	ck_assert_int_eq(when_zone_ok("CET-1CEST,M3.5.0,M10.5.0/3"), 0);	/* a POSIX rule is no name */
	/* A file that is no zone: zone.tab is in the data folder but is not TZif. */
	ck_assert_int_eq(when_zone_ok("zone.tab"), 0);
	/* An unknown name is shown in UTC, saying so, never with a made-up label. */
	ck_assert_int_eq(when_local(t, "Mars/Olympus_Mons", &w), -1);
	ck_assert_str_eq(w.abbr, "UTC");
	ck_assert_int_eq(w.hour, 19);
	when_words(buf, sizeof buf, t, "Mars/Olympus_Mons");
	ck_assert_str_eq(buf, "23 November 2026, 19:03 UTC");
}
END_TEST

START_TEST(a_host_without_zone_data_shows_utc)
{
	char buf[64];
	time_t t = 1795460622;

	/* TZDIR is where glibc and when_zone_ok() look; an empty folder is a host without tzdata. */
	setenv("TZDIR", "/nonexistent-zoneinfo", 1);
	ck_assert_int_eq(when_zone_ok("Europe/Paris"), 0);
	when_words(buf, sizeof buf, t, "Europe/Paris");
	ck_assert_str_eq(buf, "23 November 2026, 19:03 UTC");
	unsetenv("TZDIR");
	ck_assert_int_eq(when_zone_ok("Europe/Paris"), 1);
	when_words(buf, sizeof buf, t, "Europe/Paris");
	ck_assert_str_eq(buf, "23 November 2026, 20:03 CET");
}
END_TEST

START_TEST(stored_forms_read_back)
{
	char buf[64];
	time_t t;

	ck_assert_int_eq(when_parse_utc("2026-11-23T19:03:42Z", &t), 0);
	ck_assert_int_eq((long long)t, 1795460622LL);
	ck_assert_int_eq(when_parse_utc("2026-11-23 19:03:42", &t), 0);
	ck_assert_int_eq((long long)t, 1795460622LL);
	ck_assert_int_eq(when_parse_utc("2026-11-23T19:03Z", &t), 0);
	ck_assert_int_eq((long long)t, 1795460580LL);
	ck_assert_int_eq(when_parse_utc("2026-02-31T00:00:00Z", &t), -1);
	ck_assert_int_eq(when_parse_utc("2026-11-23", &t), -1);
	ck_assert_int_eq(when_parse_utc("2026-11-23T25:00:00Z", &t), -1);
	ck_assert_int_eq(when_parse_utc("2026-11-23T19:03:42Zjunk", &t), -1);
	ck_assert_int_eq(when_parse_utc("", &t), -1);
	ck_assert_int_eq(when_parse_utc(NULL, &t), -1);
	/* What is not a stored time is shown as it is, not lost. */
	when_words_of(buf, sizeof buf, "2026-11-23T19:03:42Z", "Europe/Berlin");
	ck_assert_str_eq(buf, "23 November 2026, 20:03 CET");
	when_words_of(buf, sizeof buf, "yesterday", "Europe/Berlin");
	ck_assert_str_eq(buf, "yesterday");
	when_day_words(buf, sizeof buf, 1795460622, "Pacific/Kiritimati");	/* UTC+14 */
	ck_assert_str_eq(buf, "24 November 2026");
	/* A short buffer is cut, never overrun, and still a string. */
	ck_assert_uint_eq(when_words(buf, 8, 1795460622, "UTC"), 7);
	ck_assert_str_eq(buf, "23 Nove");
}
END_TEST

Suite *
when_suite(void)
{
	Suite *s = suite_create("when");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, words_in_the_zone_with_its_abbreviation);
	tcase_add_test(tc, daylight_saving_changes);
	tcase_add_test(tc, zones_without_letters_show_the_offset);
	tcase_add_test(tc, names_that_are_not_zones);
	tcase_add_test(tc, a_host_without_zone_data_shows_utc);
	tcase_add_test(tc, stored_forms_read_back);
	suite_add_tcase(s, tc);
	return s;
}
