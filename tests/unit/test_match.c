/*
 * test_match.c - matchmaking: office hours across zones (half-hour zones, the date line),
 * which kinds want each other, and the ranking with its reasons on a hand-made directory
 * (match_fixture.sql) whose right answer was worked out by hand.
 */
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "match.h"
#include "unit.h"

static int
hours(int a, int b, int *days)
{
	return match_office_overlap(a, b, days);
}

START_TEST(office_hours_across_zones)
{
	int days, back;

	ck_assert_int_eq(hours(-300, -300, &days), 480);
	ck_assert_int_eq(days, 5);
	ck_assert_int_eq(hours(-480, -300, &days), 300);	/* Los Angeles and New York: 5 h */
	ck_assert_int_eq(hours(330, 0, &days), 150);		/* India and London: 2 h 30 */
	ck_assert_int_eq(hours(345, 0, &days), 135);		/* Nepal: a quarter-hour zone */
	ck_assert_int_eq(hours(-210, -300, &days), 390);	/* Newfoundland and New York */
	ck_assert_int_eq(hours(540, -300, &days), 0);		/* Tokyo and New York: none */
	ck_assert_int_eq(days, 0);
	/* Tonga (+13) and Hawaii (-10) are 23 h apart: Tonga's Tuesday meets Hawaii's Monday,
	 * 20:00-03:00 UTC, on four of Tonga's days (its Monday meets Hawaii's Sunday). */
	ck_assert_int_eq(hours(780, -600, &days), 420);
	ck_assert_int_eq(days, 4);
	ck_assert_int_eq(hours(-600, 780, &back), 420);
	ck_assert_int_eq(back, 4);
	/* Sydney (+10) and Los Angeles (-8): Sydney's morning is LA's afternoon of the day before. */
	ck_assert_int_eq(hours(-480, 600, &days), 120);
	ck_assert_int_eq(days, 4);
	/* Kiribati (+14) and Baker Island (-12): 26 h apart, the same working hours a day off. */
	ck_assert_int_eq(hours(840, -720, &days), 360);
	for (int a = -720; a <= 840; a += 15)
		for (int b = -720; b <= 840; b += 165)
			ck_assert_int_eq(hours(a, b, &days), hours(b, a, &back));
}
END_TEST

START_TEST(kinds_that_want_each_other)
{
	struct match_org lib_any = { .library = 1, .seeks = 'a', .country = "US" };
	struct match_org lib_sister = { .library = 1, .seeks = 'l', .country = "MX" };
	struct match_org lib_local = { .library = 1, .seeks = 'c', .country = "US" };
	struct match_org group_here = { .library = 0, .seeks = 'l', .country = "US" };
	struct match_org group_abroad = { .library = 0, .seeks = 'l', .country = "FR" };
	struct match_org group_any = { .library = 0, .seeks = 'a', .country = "US" };

	ck_assert(match_compatible(&lib_any, &lib_sister));
	ck_assert(match_compatible(&lib_sister, &lib_any));
	ck_assert(!match_compatible(&lib_local, &lib_sister));	/* wants community partners only */
	ck_assert(match_compatible(&lib_local, &group_here));
	ck_assert(!match_compatible(&lib_sister, &group_here));	/* wants libraries only */
	ck_assert(match_compatible(&lib_any, &group_here));
	ck_assert(!match_compatible(&lib_any, &group_abroad));	/* community partners work locally */
	ck_assert(!match_compatible(&group_here, &group_any));	/* no library in the pair */
}
END_TEST

static const char *path;

static void
setup(void)
{
	char fixture[512], err[512];

	path = make_test_db(0);
	snprintf(fixture, sizeof fixture, "%s/tests/unit/match_fixture.sql", srcdir());
	ck_assert_msg(db_run_file(path, fixture, err, sizeof err) == 0, "%s", err);
	use_test_db(path);
}

static void
teardown(void)
{
	drop_test_db(path);
}

/* The reasons for result m of organization 1, joined by " · " as a page shows them. */
static const char *
reasons_of(const struct match_result *m)
{
	static char joined[1024];
	const char *reasons[MATCH_REASON_MAX];
	char buf[1024];
	int n = match_reasons(1, m, reasons, buf, sizeof buf);

	joined[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(joined, " · ");
		strcat(joined, reasons[i]);
	}
	return joined;
}

START_TEST(the_known_best_partners_in_order)
{
	struct match_result best[MATCH_RESULTS_MAX];
	static const sqlite3_int64 expect_id[] = { 4, 2, 12, 3, 11 };
	static const int expect_score[] = { 16, 16, 12, 12, 10 };
	size_t n;
	long found;
	int busy;

	ck_assert_int_eq(match_find(1, best, &n, &found, &busy), 1);
	ck_assert_int_eq(found, 5);
	ck_assert_int_eq(n, 5);
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(best[i].id, expect_id[i]);
		ck_assert_int_eq(best[i].score, expect_score[i]);
	}
	ck_assert_str_eq(reasons_of(&best[0]), "a local partner in the same city · both want "
	    "storytime or reading · share English · ages served overlap · 8 h of office hours in common");
	ck_assert_str_eq(reasons_of(&best[1]), "sister libraries · both want pen-pal exchange and "
	    "videoconference · share Spanish · both serve children 6–11 · 7 h of office hours in common");
	ck_assert_str_eq(reasons_of(&best[2]), "a partner in the same country · both want "
	    "videoconference · share English · both serve children 6–11 · 5 h of office hours in common");
	ck_assert_str_eq(reasons_of(&best[3]), "sister libraries · both want pen-pal exchange, "
	    "videoconference and storytime or reading · both serve children 6–11 · no office hours in common");
	ck_assert_str_eq(reasons_of(&best[4]), "sister libraries · both want pen-pal exchange · "
	    "share Spanish · 6 h of office hours in common");
}
END_TEST

START_TEST(unknown_or_unlisted_organizations_have_no_matches)
{
	struct match_result best[MATCH_RESULTS_MAX];
	size_t n;
	long found;
	int busy;

	ck_assert_int_eq(match_find(999, best, &n, &found, &busy), 0);
	ck_assert_int_eq(match_find(8, best, &n, &found, &busy), 0);	/* pending */
	ck_assert_int_eq(n, 0);
	/* Organization 9 shares nothing with anyone seeking: listed, but no match at all. */
	ck_assert_int_eq(match_find(9, best, &n, &found, &busy), 1);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(found, 0);
}
END_TEST

START_TEST(changes_are_seen_at_once)
{
	struct match_result best[MATCH_RESULTS_MAX];
	size_t n;
	long found;
	int busy;
	sqlite3 *other;

	/* Another process ends the partnership with 10 and gives 3 a language in common. */
	ck_assert_int_eq(sqlite3_open(path, &other), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(other, "UPDATE partnership SET status = 'ended',"
	    " end_on = date('now') WHERE partner_id = 10;"
	    "INSERT INTO org_language VALUES (3, 'en');", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	ck_assert_int_eq(match_find(1, best, &n, &found, &busy), 1);
	ck_assert_int_eq(found, 6);
	ck_assert_int_eq(n, 6);
	/* 3 gains 4 points for English and ties at 16, after those with more office hours; 10,
	 * no longer a partner, comes in at 14 (pen pals, Spanish, ages, 8 h, fresh). */
	ck_assert_int_eq(best[2].id, 3);
	ck_assert_int_eq(best[2].score, 16);
	ck_assert_int_eq(best[3].id, 10);
	ck_assert_int_eq(best[3].score, 14);
	ck_assert_int_eq(best[4].id, 12);
	ck_assert_int_eq(best[5].id, 11);
}
END_TEST

Suite *
match_suite(void)
{
	Suite *s = suite_create("match");
	TCase *pure = tcase_create("rules");
	TCase *db = tcase_create("ranking");

	tcase_add_test(pure, office_hours_across_zones);
	tcase_add_test(pure, kinds_that_want_each_other);
	suite_add_tcase(s, pure);
	tcase_add_checked_fixture(db, setup, teardown);
	tcase_add_test(db, the_known_best_partners_in_order);
	tcase_add_test(db, unknown_or_unlisted_organizations_have_no_matches);
	tcase_add_test(db, changes_are_seen_at_once);
	suite_add_tcase(s, db);
	return s;
}
