/*
 * test_report.c - report periods (fiscal years with any first month, quarters, runs of days,
 * leap years, the period before and after, every wrong input), the per-day sums that triggers
 * keep (always equal to summing every activity again, after inserts, edits, deletes and an
 * import), and the figures of a hand-made data set whose totals were worked out by hand:
 * the IMLS rules, a hybrid counted once, outreach apart, scopes, empty periods, and money past
 * a 32-bit int; survey shares over the activities that asked, no cost per attendee where
 * nobody was counted, changes from unrounded figures, and Quiet at its edges.
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
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
	/* a storytime for 0-5 with its caregivers, at the partner's site: a 0-5 program, offsite,
	 * all 15 counted in its attendance; 3 billion cents twice overflows 32 bits */
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_0_5_in,"
	" att_adult_in, staff_minutes, library_cost_cents, respondents, agree_knowledge, agree_awareness,"
	" audience, site) VALUES (900, '2031-02-10', 'storytime', 1, 'in_person', 2, 10, 5, 90, 3000000000,"
	" 4, 3, 4, '0_5', 'elsewhere');"
	/* only children 6-11, online, and posted afterwards: seen 40 times within 30 days */
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_6_11_virt,"
	" library_cost_cents, partner_cost_cents, audience, recordings, recording_views) VALUES (900,"
	" '2031-03-05', 'videoconference', 1, 'virtual', 1, 7, 3000000000, 250, '6_11', 1, 40);"
	/* a hybrid for teenagers at the library: once, onsite, with its online audience virtual */
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_12_18_in,"
	" att_12_18_virt, volunteer_minutes, in_kind_cents, materials, audience, site) VALUES (901,"
	" '2031-07-01', 'cultural_program', 1, 'hybrid', 3, 4, 6, 45, 1999, 12, '12_18', 'library');"
	/* outreach: not a program, whatever its audience and site */
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_all_in,"
	" site) VALUES (901, '2031-07-02', 'book_drive', 0, 'in_person', 1, 50, 'elsewhere');"
	/* the other host, and the year before */
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_adult_in,"
	" audience, site) VALUES (902, '2031-01-20', 'pen_pals', 1, 'in_person', 1, 8, 'adult', 'library'),"
	" (900, '2030-12-31', 'pen_pals', 1, 'in_person', 1, 9, 'adult', 'library');";

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
	ck_assert_int_eq(report_value(report_headline("program_attendance"), &d), 10 + 5 + 7 + 4 + 6 + 8);
	/* IMLS, by target audience (worked by hand): 2 sessions for 0-5 with all 15 who came,
	 * 1 for 6-11 (7), 3 young adult (10), 1 adult (8), none general; the outreach nowhere. */
	ck_assert_int_eq(d.v[RF_IMLS_K0_5_PRO], 2);
	ck_assert_int_eq(d.v[RF_IMLS_K0_5_ATTEN], 15);
	ck_assert_int_eq(d.v[RF_IMLS_K6_11_PRO], 1);
	ck_assert_int_eq(d.v[RF_IMLS_K6_11_ATTEN], 7);
	ck_assert_int_eq(d.v[RF_IMLS_YA_PRO], 3);
	ck_assert_int_eq(d.v[RF_IMLS_YA_ATTEN], 10);
	ck_assert_int_eq(d.v[RF_IMLS_ADULT_PRO], 1);
	ck_assert_int_eq(d.v[RF_IMLS_ADULT_ATTEN], 8);
	ck_assert_int_eq(d.v[RF_IMLS_GEN_PRO], 0);
	ck_assert_int_eq(d.v[RF_IMLS_GEN_ATTEN], 0);
	/* By format: onsite the hybrid (3) and the pen pals (1), offsite the storytime (2),
	 * virtual the videoconference (1); attendance 4 + 8 onsite, 15 offsite, 7 + 6 virtual. */
	ck_assert_int_eq(d.v[RF_IMLS_ONSITE_PRO], 4);
	ck_assert_int_eq(d.v[RF_IMLS_OFFSITE_PRO], 2);
	ck_assert_int_eq(d.v[RF_IMLS_VIRTUAL_PRO], 1);
	ck_assert_int_eq(d.v[RF_IMLS_ONSITE_ATTEN], 12);
	ck_assert_int_eq(d.v[RF_IMLS_OFFSITE_ATTEN], 15);
	ck_assert_int_eq(d.v[RF_IMLS_VIRTUAL_ATTEN], 13);
	ck_assert_int_eq(d.v[RF_IMLS_ASYNC_PRO], 1);
	ck_assert_int_eq(d.v[RF_IMLS_ASYNC_VIEWS], 40);
	for (int i = 0; i < 5; i++) {
		pro += d.v[RF_IMLS_K0_5_PRO + i];
		atten += d.v[RF_IMLS_K0_5_ATTEN + i];
	}
	/* The survey's edit checks: 600 = 609 and 610 = 619. */
	ck_assert_int_eq(pro, 7);
	ck_assert_int_eq(pro, d.v[RF_IMLS_ONSITE_PRO] + d.v[RF_IMLS_OFFSITE_PRO] + d.v[RF_IMLS_VIRTUAL_PRO]);
	ck_assert_int_eq(atten, 10 + 5 + 7 + 4 + 6 + 8);
	ck_assert_int_eq(atten, d.v[RF_IMLS_ONSITE_ATTEN] + d.v[RF_IMLS_OFFSITE_ATTEN] +
	    d.v[RF_IMLS_VIRTUAL_ATTEN]);
	/* Money past 32 bits, and how it reads. */
	ck_assert_int_eq(d.v[RF_LIBRARY_CENTS], 6000000000LL);
	report_format_plain(UNIT_MONEY, d.v[RF_LIBRARY_CENTS], text, sizeof text);
	ck_assert_str_eq(text, "60000000.00");
	report_format(report_headline("library_cost_per_attendee"),
	    report_value(report_headline("library_cost_per_attendee"), &d), text, sizeof text);
	ck_assert_str_eq(text, "666,666.67");	/* 6 billion cents over 40 + 50 outreach attendees */
	report_format_plain(UNIT_HOURS, d.v[RF_VOLUNTEER_MINUTES], text, sizeof text);
	ck_assert_str_eq(text, "0.75");
	ck_assert_int_eq(d.v[RF_IN_KIND_CENTS], 1999);
	ck_assert_int_eq(d.v[RF_MATERIALS], 12);
	ck_assert_int_eq(d.v[RF_RESPONDENTS], 4);
	/* One survey, asking two of the four questions: the other two are not asked, not 0 %. */
	ck_assert_int_eq(report_value(report_headline("share_knowledge"), &d), 750);
	ck_assert_int_eq(report_value(report_headline("share_awareness"), &d), 1000);
	ck_assert(report_value(report_headline("share_confidence"), &d) == REPORT_NONE);
	ck_assert_int_eq(d.v[RF_ASKED_KNOWLEDGE], 1);
	ck_assert_int_eq(d.v[RF_ASKED_CONFIDENCE], 0);
	report_format(report_headline("share_confidence"), REPORT_NONE, text, sizeof text);
	ck_assert_str_eq(text, "not asked");
	report_format_plain(UNIT_SHARE, REPORT_NONE, text, sizeof text);
	ck_assert_str_eq(text, "");
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
		    i != RF_IMLS_ADULT_PRO && i != RF_IMLS_ADULT_ATTEN && i != RF_IMLS_ONSITE_PRO &&
		    i != RF_IMLS_ONSITE_ATTEN)
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
	ck_assert(report_value(report_headline("share_knowledge"), &d) == REPORT_NONE);
	ck_assert(report_value(report_headline("library_cost_per_attendee"), &d) == REPORT_NONE);

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

/*
 * Worked by hand, in years of their own:
 * 2032: three outreach activities costing 2,285.00 with nobody counted: no cost per attendee.
 * 2034: 2.78 over 2 attendees, 1.39 each; 1 of 2 respondents agreed they learned something.
 * 2035: 20.48 over 7 attendees, 2.9257… each (2.93 shown); 5 of 7 learned something, and 7
 * of 7 felt more confident (not asked in 2034). The change in cost per attendee is 110.48 %,
 * "up 110%"; from the rounded 2.93 and 1.39 it would be 110.79 %, "up 111%".
 */
static const char worked[] =
	"INSERT INTO org (id, name, kind, type, country, status) VALUES"
	" (900, 'Host One', 'library', 'public', 'US', 'listed'),"
	" (901, 'Partner France', 'library', 'public', 'FR', 'listed');"
	"INSERT INTO partnership (id, host_id, partner_id, kind, status, start_on) VALUES"
	" (900, 900, 901, 'sister_library', 'active', '2030-01-01');"
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, library_cost_cents) VALUES"
	" (900, '2032-07-01', 'book_drive', 0, 'in_person', 1, 100000),"
	" (900, '2032-08-01', 'book_drive', 0, 'in_person', 1, 100000),"
	" (900, '2032-09-01', 'exhibit', 0, 'in_person', 1, 28500);"
	"INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_adult_in,"
	" library_cost_cents, respondents, agree_knowledge, agree_confidence) VALUES"
	" (900, '2034-05-01', 'workshop', 1, 'in_person', 1, 2, 278, 2, 1, NULL),"
	" (900, '2035-05-01', 'workshop', 1, 'in_person', 1, 7, 2048, 7, 5, 7);";

START_TEST(ratios_over_nothing_are_no_figure_and_changes_use_unrounded_values)
{
	const char *path = make_test_db(0);
	const struct headline *cost = report_headline("library_cost_per_attendee");
	const struct headline *knowledge = report_headline("share_knowledge");
	const struct headline *confidence = report_headline("share_confidence");
	struct report_data y2031, y2032, y2033, y2034, y2035;
	long long amount;
	char text[64];

	exec_on(path, worked);
	use_test_db(path);
	load("2031", 0, 0, &y2031);
	load("2032", 0, 0, &y2032);
	load("2033", 0, 0, &y2033);
	load("2034", 0, 0, &y2034);
	load("2035", 0, 0, &y2035);
	/* Money spent, nobody counted: no figure, shown "—", empty in CSV, and no change. */
	ck_assert_int_eq(y2032.v[RF_LIBRARY_CENTS], 228500);
	ck_assert(report_value(cost, &y2032) == REPORT_NONE);
	report_format(cost, report_value(cost, &y2032), text, sizeof text);
	ck_assert_str_eq(text, "—");
	report_format_plain(UNIT_MONEY, report_value(cost, &y2032), text, sizeof text);
	ck_assert_str_eq(text, "");
	ck_assert_int_eq(report_change(cost, &y2032, &y2031, &amount), TREND_NO_FIGURE);
	ck_assert_int_eq(report_change(cost, &y2034, &y2033, &amount), TREND_NONE_BEFORE);
	/* The library's cost itself is a figure, and went from 0 to 2,285.00. */
	ck_assert_int_eq(report_change(report_headline("library_cost"), &y2032, &y2031, &amount), TREND_FROM_ZERO);
	/* 1.39 and 2.93 shown; the change from 1.39 to 2.9257…: up 110 %, not the rounded 111 %. */
	ck_assert_int_eq(report_value(cost, &y2034), 139);
	ck_assert_int_eq(report_value(cost, &y2035), 293);
	ck_assert_int_eq(report_change(cost, &y2035, &y2034, &amount), TREND_UP);
	ck_assert_int_eq(amount, 110);
	ck_assert_int_eq(report_change(cost, &y2034, &y2035, &amount), TREND_DOWN);
	ck_assert_int_eq(amount, 52);	/* (2.9257 - 1.39) / 2.9257 = 52.49 % */
	ck_assert_int_eq(report_change(cost, &y2035, &y2035, &amount), TREND_SAME);
	/* Shares against the period before, in percentage points: 50.0 % to 71.4 % is up 21.4
	 * points; confidence was not asked the year before. */
	ck_assert_int_eq(report_value(knowledge, &y2034), 500);
	ck_assert_int_eq(report_value(knowledge, &y2035), 714);
	ck_assert_int_eq(report_change(knowledge, &y2035, &y2034, &amount), TREND_UP);
	ck_assert_int_eq(amount, 214);
	ck_assert_int_eq(report_change(confidence, &y2035, &y2034, &amount), TREND_NONE_BEFORE);
	ck_assert_int_eq(report_change(confidence, &y2034, &y2035, &amount), TREND_NO_FIGURE);
	report_format(knowledge, report_value(knowledge, &y2035), text, sizeof text);
	ck_assert_str_eq(text, "71.4%");
	report_format_plain(UNIT_SHARE, report_value(knowledge, &y2035), text, sizeof text);
	ck_assert_str_eq(text, "71.4");
	drop_test_db(path);
}
END_TEST

/*
 * Quiet, as README states it, for a report of 1 July 2031 to 30 June 2032 read on 31 December
 * 2031: the 90 days up to that day are 3 October to 31 December.
 */
static const char quiet_set[] =
	"INSERT INTO org (id, name, kind, type, country, status) VALUES"
	" (900, 'Host One', 'library', 'public', 'US', 'listed'),"
	" (901, 'Partner', 'library', 'public', 'FR', 'listed');"
	"INSERT INTO partnership (id, host_id, partner_id, kind, status, start_on) VALUES"
	" (901, 900, 901, 'other', 'active', '2031-01-01'),"	/* last activity 90 days before */
	" (902, 900, 901, 'other', 'active', '2031-01-01'),"	/* 91 days before */
	" (903, 900, 901, 'other', 'active', '2031-01-01'),"	/* 89 days before */
	" (904, 900, 901, 'other', 'active', '2031-01-01'),"	/* 91 days, and one planned for 2032 */
	" (905, 900, 901, 'other', 'active', '2031-10-03'),"	/* nothing yet, begun 89 days before */
	" (906, 900, 901, 'other', 'active', '2031-10-02'),"	/* nothing yet, begun 90 days before */
	" (907, 900, 901, 'other', 'paused', '2031-01-01');"	/* paused: never Quiet */
	"INSERT INTO activity (partnership_id, held_on, type, format) VALUES"
	" (901, '2031-10-02', 'other', 'in_person'), (902, '2031-10-01', 'other', 'in_person'),"
	" (903, '2031-10-03', 'other', 'in_person'), (904, '2031-10-01', 'other', 'in_person'),"
	" (904, '2032-02-01', 'other', 'in_person'), (907, '2031-02-01', 'other', 'in_person');";

START_TEST(quiet_is_ninety_days_up_to_the_report_day_and_ignores_planned_activities)
{
	const char *path = make_test_db(0);
	static struct report_request rq;
	struct report_partnership_row row;
	struct db_cursor c;
	char got[8][32];
	int n = 0;

	exec_on(path, quiet_set);
	use_test_db(path);
	ck_assert_int_eq(parse(NULL, NULL, "2031-07-01", "2032-06-30", 1), 0);
	rq.period = per;
	snprintf(rq.today, sizeof rq.today, "2031-12-31");
	rq.signed_in = 1;
	ck_assert_str_eq(report_as_of(&rq), "2031-12-31");
	ck_assert_int_eq(report_partnerships_open(&c, &rq), 0);
	while (n < 8 && report_partnership_next(&c, &rq, &row) == 1)
		snprintf(got[n++], sizeof got[0], "%lld %s %d", row.id, row.last ? row.last : "-", row.quiet);
	db_cursor_close(&c);
	ck_assert_int_eq(n, 7);
	ck_assert_str_eq(got[0], "901 2031-10-02 1");	/* exactly 90 days before: Quiet */
	ck_assert_str_eq(got[1], "902 2031-10-01 1");
	ck_assert_str_eq(got[2], "903 2031-10-03 0");
	ck_assert_str_eq(got[3], "904 2031-10-01 1");	/* the planned 2032-02-01 is not its last */
	ck_assert_str_eq(got[4], "905 - 0");		/* new: not yet had its 90 days */
	ck_assert_str_eq(got[5], "906 - 1");
	ck_assert_str_eq(got[6], "907 2031-02-01 0");
	/* Read on 15 February 2032 instead, 904's activity of 1 February has taken place: its
	 * last, and not Quiet. */
	snprintf(rq.today, sizeof rq.today, "2032-02-15");
	ck_assert_int_eq(report_partnerships_open(&c, &rq), 0);
	while (report_partnership_next(&c, &rq, &row) == 1)
		if (row.id == 904) {
			ck_assert_str_eq(row.last, "2032-02-01");
			ck_assert_int_eq(row.quiet, 0);
		}
	db_cursor_close(&c);
	drop_test_db(path);
}
END_TEST

/*
 * A database made before schema 018, holding what the form and the import wrote then (a blank
 * survey as zeros), upgraded: respondents 0 had no survey, and all five tallies become NULL;
 * respondents above 0 keep their tallies, zeros included. The import batch's list of its
 * activities survives the table's rebuild, and the day sums are those of the rows.
 */
START_TEST(an_upgrade_reads_old_zeros_as_no_survey_only_where_no_one_responded)
{
	char dir[] = "/tmp/liaison-schema-XXXXXX", db[600], path[700], err[512];
	glob_t g;
	sqlite3 *h;

	/* The database as version 17 left it: every migration before 018, run as migrate.c does. */
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/old.db", dir);
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	sqlite3_close(h);
	snprintf(path, sizeof path, "%s/schema/[0-9][0-9][0-9]_*.sql", srcdir());
	ck_assert_int_eq(glob(path, 0, NULL, &g), 0);
	for (size_t i = 0; i < g.gl_pathc && atoi(strrchr(g.gl_pathv[i], '/') + 1) < 18; i++)
		ck_assert_msg(db_run_file(db, g.gl_pathv[i], err, sizeof err) == 0, "%s", err);
	globfree(&g);
	exec_on(db, "PRAGMA user_version = 17");
	exec_on(db, "INSERT INTO org (id, name, kind, type, country, status) VALUES"
	    " (900, 'Host', 'library', 'public', 'US', 'listed'), (901, 'Partner', 'library', 'public', 'FR', 'listed');"
	    "INSERT INTO partnership (id, host_id, partner_id, kind, status, start_on) VALUES"
	    " (900, 900, 901, 'other', 'active', '2030-01-01');"
	    "INSERT INTO activity (id, partnership_id, held_on, type, format, att_adult_in, respondents,"
	    " agree_knowledge, agree_confidence, agree_application, agree_awareness) VALUES"
	    " (1, 900, '2030-02-01', 'workshop', 'in_person', 10, 0, 0, 0, 0, 0),"
	    " (2, 900, '2030-02-01', 'workshop', 'in_person', 10, 5, 0, 3, 5, 0);"
	    "INSERT INTO import_batch (id, kind, file_name, file_hash, actor, rows) VALUES"
	    " (1, 'activities', 'old.csv', 'ab', 'tester', 2);"
	    "INSERT INTO import_batch_activity VALUES (1, 1), (1, 2);");
	snprintf(path, sizeof path, "%s/schema", srcdir());
	ck_assert_msg(db_migrate_file(db, path, 0, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(query_int(db, "PRAGMA user_version"), SCHEMA_VERSION);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM activity WHERE id = 1 AND respondents IS NULL"
	    " AND agree_knowledge IS NULL AND agree_confidence IS NULL AND agree_application IS NULL"
	    " AND agree_awareness IS NULL"), 1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM activity WHERE id = 2 AND respondents = 5"
	    " AND agree_knowledge = 0 AND agree_confidence = 3 AND agree_application = 5 AND agree_awareness = 0"), 1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM import_batch_activity"), 2);
	/* Each question asked at one activity, of 5 respondents; the day sums agree with the rows. */
	ck_assert_int_eq(query_int(db, "SELECT asked_knowledge * 100 + respondents_knowledge FROM activity_day"), 105);
	ck_assert_int_eq(query_int(db, "SELECT respondents FROM activity_partnership_day"), 5);
	ck_assert_int_eq(day_sums_differing(db), 0);
	/* The rebuilt table keeps its rules: an agree needs respondents, and fits under them. */
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM pragma_foreign_key_list('import_batch_activity')"
	    " WHERE \"table\" = 'activity'"), 1);
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "INSERT INTO activity (partnership_id, held_on, type, format,"
	    " agree_knowledge) VALUES (900, '2030-03-01', 'workshop', 'in_person', 1)", NULL, NULL, NULL),
	    SQLITE_CONSTRAINT);
	ck_assert_int_eq(sqlite3_exec(h, "INSERT INTO activity (partnership_id, held_on, type, format,"
	    " respondents, agree_knowledge) VALUES (900, '2030-03-01', 'workshop', 'in_person', 2, 3)",
	    NULL, NULL, NULL), SQLITE_CONSTRAINT);
	sqlite3_close(h);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(path), 0);
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
	tcase_add_test(tc, ratios_over_nothing_are_no_figure_and_changes_use_unrounded_values);
	tcase_add_test(tc, quiet_is_ninety_days_up_to_the_report_day_and_ignores_planned_activities);
	tcase_add_test(tc, an_upgrade_reads_old_zeros_as_no_survey_only_where_no_one_responded);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
