/*
 * test_report.c - report periods (fiscal years with any first month, quarters, runs of days,
 * leap years, the period before and after, every wrong input), the per-day sums that triggers
 * keep (always equal to summing every activity again, after inserts, edits, deletes and an
 * import), and the figures of a hand-made data set whose totals were worked out by hand:
 * the IMLS rules, a hybrid counted once, outreach apart, scopes, empty periods, and money past
 * a 32-bit int.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "import.h"
#include "period.h"
#include "report.h"
#include "unit.h"

static struct period per;
static char err[200];

static int
parse(const char *fy, const char *q, const char *from, const char *to, int first_month)
{
	err[0] = '\0';
	return period_parse(&per, fy, q, from, to, "2026-11-29", first_month, err, sizeof err);
}

START_TEST(fiscal_years_are_named_by_the_year_they_end_in)
{
	ck_assert_int_eq(parse("2026", NULL, NULL, NULL, 1), 0);
	ck_assert_str_eq(per.from, "2026-01-01");
	ck_assert_str_eq(per.to, "2026-12-31");
	ck_assert_str_eq(per.name, "FY2026");
	ck_assert_int_eq(parse("2026", NULL, NULL, NULL, 7), 0);
	ck_assert_str_eq(per.from, "2025-07-01");
	ck_assert_str_eq(per.to, "2026-06-30");
	ck_assert_int_eq(parse("2026", NULL, NULL, NULL, 10), 0);	/* the US federal year */
	ck_assert_str_eq(per.from, "2025-10-01");
	ck_assert_str_eq(per.to, "2026-09-30");
	/* Nothing given: the fiscal year that holds today (29 November 2026). */
	ck_assert_int_eq(parse(NULL, "", "", "", 1), 0);
	ck_assert_str_eq(per.name, "FY2026");
	ck_assert_int_eq(parse(NULL, NULL, NULL, NULL, 7), 0);
	ck_assert_str_eq(per.name, "FY2027");
	ck_assert_str_eq(per.from, "2026-07-01");
	ck_assert_int_eq(parse(NULL, NULL, NULL, NULL, 12), 0);
	ck_assert_str_eq(per.name, "FY2026");
	ck_assert_str_eq(per.to, "2026-11-30");
}
END_TEST

START_TEST(quarters_are_the_fiscal_years_and_step_across_years)
{
	struct period prev, next;

	ck_assert_int_eq(parse(NULL, "2026-Q1", NULL, NULL, 7), 0);
	ck_assert_str_eq(per.from, "2025-07-01");
	ck_assert_str_eq(per.to, "2025-09-30");
	ck_assert_str_eq(per.name, "FY2026 Q1");
	period_step(&per, -1, &prev, 7);
	ck_assert_str_eq(prev.name, "FY2025 Q4");
	ck_assert_str_eq(prev.from, "2025-04-01");
	ck_assert_str_eq(prev.to, "2025-06-30");
	ck_assert_int_eq(parse(NULL, "2024-q4", NULL, NULL, 1), 0);
	ck_assert_str_eq(per.from, "2024-10-01");
	ck_assert_str_eq(per.to, "2024-12-31");
	period_step(&per, 1, &next, 1);
	ck_assert_str_eq(next.name, "FY2025 Q1");
	ck_assert_str_eq(next.to, "2025-03-31");
	ck_assert_int_eq(parse(NULL, "2024-Q1", NULL, NULL, 1), 0);
	ck_assert_str_eq(per.to, "2024-03-31");
	ck_assert_int_eq(period_days(&per), 91);	/* a leap year's February */
	ck_assert_int_eq(parse("2025", NULL, NULL, NULL, 3), 0);
	ck_assert_str_eq(per.to, "2025-02-28");
	period_step(&per, -1, &prev, 3);
	ck_assert_str_eq(prev.from, "2023-03-01");
	ck_assert_str_eq(prev.to, "2024-02-29");
}
END_TEST

START_TEST(runs_of_days_compare_with_as_many_days_before)
{
	struct period prev, next;
	char months[PERIOD_MONTHS_MAX][8], q[64];

	ck_assert_int_eq(parse(NULL, NULL, "2026-01-10", "2026-01-19", 1), 0);
	ck_assert_int_eq(period_days(&per), 10);
	period_step(&per, -1, &prev, 1);
	ck_assert_str_eq(prev.from, "2025-12-31");
	ck_assert_str_eq(prev.to, "2026-01-09");
	period_step(&per, 1, &next, 1);
	ck_assert_str_eq(next.from, "2026-01-20");
	ck_assert_str_eq(next.to, "2026-01-29");
	period_query(&per, q, sizeof q);
	ck_assert_str_eq(q, "from=2026-01-10&to=2026-01-19");
	ck_assert_int_eq(parse(NULL, NULL, "2024-02-01", "2024-02-29", 1), 0);
	period_step(&per, -1, &prev, 1);
	ck_assert_str_eq(prev.from, "2024-01-03");
	ck_assert_str_eq(prev.to, "2024-01-31");
	ck_assert_int_eq(parse(NULL, NULL, "2025-11-15", "2026-02-02", 1), 0);
	ck_assert_int_eq(period_months(&per, months, PERIOD_MONTHS_MAX), 4);
	ck_assert_str_eq(months[0], "2025-11");
	ck_assert_str_eq(months[3], "2026-02");
	ck_assert_int_eq(parse(NULL, NULL, "2026-03-01", "2026-03-01", 1), 0);	/* one day */
	ck_assert_int_eq(period_days(&per), 1);
}
END_TEST

START_TEST(wrong_periods_say_what_is_allowed)
{
	ck_assert_int_eq(parse("2026", NULL, "2026-01-01", "2026-02-01", 1), -1);
	ck_assert_ptr_nonnull(strstr(err, "one period"));
	ck_assert_int_eq(parse(NULL, NULL, "2026-01-01", NULL, 1), -1);
	ck_assert_ptr_nonnull(strstr(err, "both from and to"));
	ck_assert_int_eq(parse(NULL, NULL, "2026-02-01", "2026-01-01", 1), -1);
	ck_assert_ptr_nonnull(strstr(err, "must not come after"));
	ck_assert_int_eq(parse(NULL, NULL, "2026-02-30", "2026-03-01", 1), -1);
	ck_assert_ptr_nonnull(strstr(err, "dates that exist"));
	ck_assert_int_eq(parse("twenty", NULL, NULL, NULL, 1), -1);
	ck_assert_ptr_nonnull(strstr(err, "such as 2026"));
	ck_assert_int_eq(parse("1492", NULL, NULL, NULL, 1), -1);
	ck_assert_int_eq(parse(NULL, "2026-Q5", NULL, NULL, 1), -1);
	ck_assert_ptr_nonnull(strstr(err, "Q1 to Q4"));
	ck_assert_int_eq(parse(NULL, "2026Q1", NULL, NULL, 1), -1);
	ck_assert_int_eq(parse(NULL, NULL, "2010-01-01", "2026-01-01", 1), -1);
	ck_assert_ptr_nonnull(strstr(err, "ten years"));
}
END_TEST

/* --- the per-day sums ------------------------------------------------------------------------ */

static char sums_sql[4096];

/* Rows where activity_day or activity_partnership_day and a fresh sum of activity_figures
 * differ, either way round. */
static long
day_sums_differing(const char *path)
{
	char sql[32768];
	sqlite3 *h;
	sqlite3_stmt *s;

	if (sums_sql[0] == '\0') {
		ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
		ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT group_concat('sum(' || name || ')', ', ')"
		    " FROM pragma_table_info('activity_day') WHERE name <> 'held_on'", -1, &s, NULL), SQLITE_OK);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
		snprintf(sums_sql, sizeof sums_sql, "%s", sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
		sqlite3_close(h);
		ck_assert_ptr_nonnull(strstr(sums_sql, "sum(imls_gen_atten)"));
	}
	snprintf(sql, sizeof sql, "SELECT (SELECT count(*) FROM (SELECT held_on, %s FROM activity_figures"
	    " GROUP BY held_on EXCEPT SELECT * FROM activity_day)) + (SELECT count(*) FROM (SELECT *"
	    " FROM activity_day EXCEPT SELECT held_on, %s FROM activity_figures GROUP BY held_on))"
	    " + (SELECT count(*) FROM (SELECT held_on, partnership_id, %s FROM activity_figures"
	    " GROUP BY held_on, partnership_id EXCEPT SELECT * FROM activity_partnership_day))"
	    " + (SELECT count(*) FROM (SELECT * FROM activity_partnership_day EXCEPT"
	    " SELECT held_on, partnership_id, %s FROM activity_figures GROUP BY held_on, partnership_id))",
	    sums_sql, sums_sql, sums_sql, sums_sql);
	return query_int(path, sql);
}

static void
exec_on(const char *path, const char *sql)
{
	sqlite3 *h;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_exec(h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	ck_assert_msg(sqlite3_exec(h, sql, NULL, NULL, &msg) == SQLITE_OK, "%s: %s", sql, msg ? msg : "");
	sqlite3_free(msg);
	sqlite3_close(h);
}

START_TEST(the_day_sums_always_equal_summing_every_activity_again)
{
	const char *path = make_test_db(1);
	struct import imp;
	static const char csv[] =
	    "partnership,held_on,type,counted_as,format,sessions,att_0_5_in,att_adult_virt,library_cost\r\n"
	    "1,2026-03-03,storytime,program,in_person,2,12,0,10.50\r\n"
	    "1,2026-03-03,videoconference,program,virtual,1,0,30,0\r\n"
	    "2,2026-03-04,book_drive,outreach,in_person,1,40,0,3\r\n";
	static const char bad[] = "partnership,held_on,type,counted_as,format,sessions\n"
	    "1,2026-02-30,storytime,program,in_person,1\n";

	ck_assert_int_gt(query_int(path, "SELECT count(*) FROM activity_day"), 10);
	ck_assert_int_eq(day_sums_differing(path), 0);
	exec_on(path, "INSERT INTO activity (partnership_id, held_on, type, format, sessions, att_6_11_in)"
	    " SELECT partnership_id, held_on, type, 'hybrid', 3, 11 FROM activity WHERE id % 2 = 0");
	ck_assert_int_eq(day_sums_differing(path), 0);
	exec_on(path, "UPDATE activity SET held_on = date(held_on, '+1 day'), is_program = 1 - is_program,"
	    " att_adult_in = att_adult_in + 5 WHERE id % 3 = 0");
	ck_assert_int_eq(day_sums_differing(path), 0);
	exec_on(path, "DELETE FROM activity WHERE id % 4 = 1");
	ck_assert_int_eq(day_sums_differing(path), 0);
	/* A day whose last activity goes leaves no row of zeros behind. */
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity_day WHERE activities = 0"), 0);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity_partnership_day WHERE activities = 0"), 0);
	/* Moving an activity to another partnership moves its figures. */
	exec_on(path, "UPDATE activity SET partnership_id = 2 WHERE id = (SELECT min(id) FROM activity WHERE partnership_id = 1)");
	ck_assert_int_eq(day_sums_differing(path), 0);
	use_test_db(path);
	ck_assert_int_eq(import_start(&imp, IMPORT_ACTIVITIES, "test", "unit"), IMPORT_DONE);
	ck_assert_int_eq(import_feed(&imp, csv, sizeof csv - 1), 0);
	ck_assert_int_eq(import_finish(&imp), IMPORT_DONE);
	ck_assert_int_eq(imp.imported, 3);
	ck_assert_int_eq(day_sums_differing(path), 0);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity_import_sums"), 0);
	/* and the trigger it set aside is back: a row added afterwards is counted */
	exec_on(path, "INSERT INTO activity (partnership_id, held_on, type, format, sessions) VALUES (1, '2026-03-04', 'storytime', 'in_person', 1)");
	ck_assert_int_eq(day_sums_differing(path), 0);
	/* An import that is refused leaves everything as it was, the trigger too. */
	ck_assert_int_eq(import_start(&imp, IMPORT_ACTIVITIES, "test", "unit"), IMPORT_DONE);
	ck_assert_int_eq(import_feed(&imp, bad, sizeof bad - 1), 0);
	ck_assert_int_eq(import_finish(&imp), IMPORT_REFUSED);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'activity_day_insert'"), 1);
	ck_assert_int_eq(query_int(path, "SELECT activities FROM activity_day WHERE held_on = '2026-03-04'")
	    >= 1, 1);
	drop_test_db(path);
}
END_TEST

/*
 * The hand-made set, in 2031 so the demo's activities stay out of it: host 900 with partners
 * 901 (France, French) and 902 (Germany, German and English), and host 903 with 904 (Kenya).
 * Partnership 900 ran all year; 901 started on 1 July; 902 belongs to the other host.
 */
static const char hand_made[] =
	"INSERT INTO org (id, name, kind, type, country, status) VALUES"
	" (900, 'Host One', 'library', 'public', 'US', 'listed'),"
	" (901, 'Partner France', 'library', 'public', 'FR', 'listed'),"
	" (902, 'Partner Germany', 'community', 'cultural', 'DE', 'listed'),"
	" (903, 'Host Two', 'library', 'public', 'US', 'unlisted'),"
	" (904, 'Partner Kenya', 'library', 'public', 'KE', 'listed');"
	"INSERT INTO org_language VALUES (901, 'fr'), (902, 'de'), (902, 'en'), (904, 'sw');"
	"INSERT INTO partnership (id, host_id, partner_id, kind, status, start_on, end_on) VALUES"
	" (900, 900, 901, 'sister_library', 'active', '2030-03-01', NULL),"
	" (901, 900, 902, 'community', 'active', '2031-07-01', NULL),"
	" (902, 903, 904, 'sister_library', 'ended', '2030-01-01', '2031-02-15');"
	/* a mixed audience: a general program; 3 billion cents twice overflows 32 bits */
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_0_5_in,"
	" att_adult_in, staff_minutes, library_cost_cents, respondents, agree_knowledge, agree_awareness)"
	" VALUES (900, '2031-02-10', 'storytime', 1, 'in_person', 2, 10, 5, 90, 3000000000, 4, 3, 4);"
	/* only children 6-11, online */
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_6_11_virt,"
	" library_cost_cents, partner_cost_cents) VALUES (900, '2031-03-05', 'videoconference', 1,"
	" 'virtual', 1, 7, 3000000000, 250);"
	/* a hybrid for teenagers: once, in person, with its online audience virtual */
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_12_18_in,"
	" att_12_18_virt, volunteer_minutes, in_kind_cents, materials) VALUES (901, '2031-07-01',"
	" 'cultural_program', 1, 'hybrid', 3, 4, 6, 45, 1999, 12);"
	/* outreach: not a program */
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_all_in)"
	" VALUES (901, '2031-07-02', 'book_drive', 0, 'in_person', 1, 50);"
	/* the other host, and the year before */
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_adult_in)"
	" VALUES (902, '2031-01-20', 'pen_pals', 1, 'in_person', 1, 8),"
	" (900, '2030-12-31', 'pen_pals', 1, 'in_person', 1, 9);";

static void
load(const char *period_fy, long long host, long long partnership, struct report_data *d)
{
	struct report_scope scope = { host, partnership };

	ck_assert_int_eq(parse(period_fy, NULL, NULL, NULL, 1), 0);
	ck_assert_int_eq(report_load(&per, &scope, d), 0);
}

START_TEST(hand_made_figures_come_out_as_worked_by_hand)
{
	const char *path = make_test_db(0);
	struct report_data d, host;
	char months[PERIOD_MONTHS_MAX][8];
	struct report_data by_month[PERIOD_MONTHS_MAX];
	struct report_scope site = { 0, 0 };
	long long pro = 0, atten = 0;
	char text[64];

	exec_on(path, hand_made);
	use_test_db(path);
	load("2031", 0, 0, &d);		/* the whole site: read from activity_day */
	ck_assert_int_eq(d.v[RF_ACTIVITIES], 5);
	ck_assert_int_eq(d.v[RF_PROGRAM_SESSIONS_IN], 2 + 3 + 1);
	ck_assert_int_eq(d.v[RF_PROGRAM_SESSIONS_VIRT], 1);
	ck_assert_int_eq(d.v[RF_OUTREACH_SESSIONS], 1);
	ck_assert_int_eq(d.v[RF_OUTREACH_ATTENDANCE], 50);
	ck_assert_int_eq(d.v[RF_PROGRAM_ALL_IN], 0);	/* the outreach's all-ages 50 are not here */
	ck_assert_int_eq(report_value(&report_headlines[8], &d), 10 + 5 + 7 + 4 + 6 + 8);
	ck_assert_str_eq(report_headlines[8].key, "program_attendance");
	/* IMLS: 2 general (mixed), 1 for 6-11, 3 young adult, 1 adult; by age = by format. */
	ck_assert_int_eq(d.v[RF_IMLS_GEN_PRO], 2);
	ck_assert_int_eq(d.v[RF_IMLS_GEN_ATTEN], 15);
	ck_assert_int_eq(d.v[RF_IMLS_K6_11_PRO], 1);
	ck_assert_int_eq(d.v[RF_IMLS_K6_11_ATTEN], 7);
	ck_assert_int_eq(d.v[RF_IMLS_YA_PRO], 3);
	ck_assert_int_eq(d.v[RF_IMLS_YA_ATTEN], 10);
	ck_assert_int_eq(d.v[RF_IMLS_ADULT_PRO], 1);
	ck_assert_int_eq(d.v[RF_IMLS_K0_5_PRO], 0);
	for (int i = 0; i < 5; i++) {
		pro += d.v[RF_IMLS_K0_5_PRO + i];
		atten += d.v[RF_IMLS_K0_5_ATTEN + i];
	}
	ck_assert_int_eq(pro, d.v[RF_PROGRAM_SESSIONS_IN] + d.v[RF_PROGRAM_SESSIONS_VIRT]);
	ck_assert_int_eq(atten, 10 + 5 + 7 + 4 + 6 + 8);
	/* Money past 32 bits, and how it reads. */
	ck_assert_int_eq(d.v[RF_LIBRARY_CENTS], 6000000000LL);
	report_format_plain(UNIT_MONEY, d.v[RF_LIBRARY_CENTS], text, sizeof text);
	ck_assert_str_eq(text, "60000000.00");
	report_format(&report_headlines[report_headline_count - 1], report_value(&report_headlines[report_headline_count - 1], &d), text, sizeof text);
	ck_assert_str_eq(report_headlines[report_headline_count - 1].key, "library_cost_per_attendee");
	ck_assert_str_eq(text, "666,666.67");	/* 6 billion cents over 40 + 50 outreach attendees */
	report_format_plain(UNIT_HOURS, d.v[RF_VOLUNTEER_MINUTES], text, sizeof text);
	ck_assert_str_eq(text, "0.75");
	ck_assert_int_eq(d.v[RF_IN_KIND_CENTS], 1999);
	ck_assert_int_eq(d.v[RF_MATERIALS], 12);
	ck_assert_int_eq(d.v[RF_RESPONDENTS], 4);
	ck_assert_int_eq(report_share_permille(d.v[RF_AGREE_KNOWLEDGE], d.v[RF_RESPONDENTS]), 750);
	ck_assert_int_eq(report_share_permille(d.v[RF_AGREE_AWARENESS], d.v[RF_RESPONDENTS]), 1000);
	/* Partnerships: all three ran in 2031, one began, one ended; partners in 3 countries,
	 * 4 languages. */
	ck_assert_int_eq(d.v[RF_PARTNERSHIPS_ACTIVE], 3);
	ck_assert_int_eq(d.v[RF_PARTNERSHIPS_NEW], 1);
	ck_assert_int_eq(d.v[RF_PARTNERSHIPS_ENDED], 1);
	ck_assert_int_eq(d.v[RF_COUNTRIES], 3);
	ck_assert_int_eq(d.v[RF_LANGUAGES], 4);

	/* One host, read from activity_partnership_day: the same rules, without the other host's row. */
	load("2031", 900, 0, &host);
	ck_assert_int_eq(host.v[RF_ACTIVITIES], 4);
	ck_assert_int_eq(host.v[RF_IMLS_ADULT_PRO], 0);
	for (int i = 0; i < RF_SUMMED; i++)
		if (i != RF_ACTIVITIES && i != RF_PROGRAM_SESSIONS_IN && i != RF_PROGRAM_ADULT_IN &&
		    i != RF_IMLS_ADULT_PRO && i != RF_IMLS_ADULT_ATTEN)
			ck_assert_msg(host.v[i] == d.v[i], "figure %d: host %lld, site %lld", i, host.v[i], d.v[i]);
	ck_assert_int_eq(host.v[RF_COUNTRIES], 2);
	ck_assert_int_eq(host.v[RF_PARTNERSHIPS_ENDED], 0);
	load("2031", 0, 901, &host);	/* one partnership, begun mid-year */
	ck_assert_int_eq(host.v[RF_ACTIVITIES], 2);
	ck_assert_int_eq(host.v[RF_PARTNERSHIPS_NEW], 1);
	ck_assert_int_eq(host.v[RF_LANGUAGES], 2);

	/* The year before holds the one row of 2030-12-31; a year with nothing is all zeros. */
	load("2030", 0, 0, &d);
	ck_assert_int_eq(d.v[RF_ACTIVITIES], 1);
	ck_assert_int_eq(d.v[RF_PROGRAM_ADULT_IN], 9);
	load("2040", 0, 0, &d);
	for (int i = 0; i < RF__MAX; i++)	/* but for the two partnerships that have no end */
		ck_assert_int_eq(d.v[i], i == RF_PARTNERSHIPS_ACTIVE ? 2 : 0);
	ck_assert_int_eq(report_share_permille(0, 0), -1);

	/* Month by month: the months add up to the year. */
	ck_assert_int_eq(parse("2031", NULL, NULL, NULL, 1), 0);
	ck_assert_int_eq(period_months(&per, months, PERIOD_MONTHS_MAX), 12);
	ck_assert_int_eq(report_months(&per, &site, by_month, months, 12), 0);
	ck_assert_int_eq(by_month[0].v[RF_ACTIVITIES], 1);
	ck_assert_int_eq(by_month[1].v[RF_ACTIVITIES], 1);
	ck_assert_int_eq(by_month[6].v[RF_ACTIVITIES], 2);
	ck_assert_int_eq(by_month[6].v[RF_OUTREACH_ATTENDANCE], 50);
	ck_assert_int_eq(by_month[11].v[RF_ACTIVITIES], 0);
	drop_test_db(path);
}
END_TEST

Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_test(tc, fiscal_years_are_named_by_the_year_they_end_in);
	tcase_add_test(tc, quarters_are_the_fiscal_years_and_step_across_years);
	tcase_add_test(tc, runs_of_days_compare_with_as_many_days_before);
	tcase_add_test(tc, wrong_periods_say_what_is_allowed);
	tcase_add_test(tc, the_day_sums_always_equal_summing_every_activity_again);
	tcase_add_test(tc, hand_made_figures_come_out_as_worked_by_hand);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
