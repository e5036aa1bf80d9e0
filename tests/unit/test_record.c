/*
 * test_record.c - recording partnerships and activities: every measure as staff type it
 * (whole numbers, 12.50 as cents, hours as minutes, dates that exist, sane bounds), the
 * checks across fields (dates within the partnership, attendance that fits the format,
 * agrees never above respondents), hybrid counting in the running totals, survey questions
 * left blank kept as "not asked" (NULL) rather than 0, and two editors who never overwrite
 * each other unawares.
 */
#include <string.h>

#include "db.h"
#include "form.h"
#include "measure.h"
#include "record.h"
#include "unit.h"

static const struct field_spec measures[] = {
	{ "n", "Attendance", FIELD_COUNT, 0, 1000, NULL, NULL, 0, 0, NULL, NULL },
	{ "cost", "Cost", FIELD_MONEY, 0, 100000000, NULL, NULL, 0, 0, NULL, NULL },
	{ "hours", "Staff hours", FIELD_HOURS, 0, 600, NULL, NULL, 0, 0, NULL, NULL },
	{ "day", "Date", FIELD_DATE, 0, 0, NULL, NULL, 0, 0, NULL, NULL },
};

static struct form f;

/* Parses one body and returns field k's error ("" when it is fine). */
static const char *
one(const char *body, int k)
{
	form_parse(&f, measures, 4, body);
	return f.v[k].error;
}

START_TEST(measures_are_read_as_people_type_them)
{
	ck_assert_str_eq(one("n=1%2C000&cost=%241%2C234.5&hours=1%3A30&day=2024-02-29", 0), "");
	ck_assert_int_eq(f.v[0].num, 1000);
	ck_assert_int_eq(f.v[1].num, 123450);	/* cents, exactly: no floating point */
	ck_assert_int_eq(f.v[2].num, 90);
	ck_assert_str_eq(f.v[3].str, "2024-02-29");
	ck_assert_str_eq(one("n=&cost=&hours=&day=", 0), "");	/* blank is 0 when not required */
	ck_assert_int_eq(f.v[0].num, 0);
	ck_assert_str_eq(one("cost=0.1&hours=0.25", 1), "");
	ck_assert_int_eq(f.v[1].num, 10);
	ck_assert_int_eq(f.v[2].num, 15);
	ck_assert_str_eq(one("hours=1.5", 2), "");
	ck_assert_int_eq(f.v[2].num, 90);

	ck_assert_str_eq(one("n=-3", 0), "Enter 0 or more for attendance.");
	ck_assert_str_eq(one("n=12.5", 0), "Enter attendance as a whole number, like 12.");
	ck_assert_str_eq(one("n=1%2C00", 0), "Enter attendance as a whole number, like 12.");
	ck_assert_str_eq(one("n=1001", 0), "Enter at most 1,000 for attendance; check for a typing slip.");
	ck_assert_str_eq(one("cost=12%2C50", 1), "Write the cents of cost after a point: 12.50, not 12,50.");
	ck_assert_str_eq(one("cost=12.505", 1), "Give cost to the cent: at most two digits after the point.");
	ck_assert_str_eq(one("cost=twelve", 1), "Enter cost as an amount, like 12.50.");
	ck_assert_str_eq(one("cost=1000000.01", 1),
	    "Enter at most 1,000,000.00 for cost; check for a typing slip.");
	ck_assert_str_eq(one("hours=1%3A75", 2), "Enter staff hours like 1.5 or 1:30.");
	ck_assert_str_eq(one("hours=11", 2), "Enter at most 10 hours for staff hours; check for a typing slip.");
	ck_assert_str_eq(one("day=2023-02-29", 3), "Enter a date that exists, written like 2026-03-31.");
	ck_assert_str_eq(one("day=2026-13-01", 3), "Enter a date that exists, written like 2026-03-31.");
	ck_assert_str_eq(one("day=31%2F03%2F2026", 3), "Enter a date that exists, written like 2026-03-31.");
	ck_assert_str_eq(one("day=1900-02-29", 3), "Enter a date that exists, written like 2026-03-31.");
	ck_assert_str_eq(one("day=2000-02-29", 3), "");
}
END_TEST

START_TEST(totals_are_written_with_thousands_and_cents)
{
	char buf[32];

	measure_money_text(buf, sizeof buf, 123456789);
	ck_assert_str_eq(buf, "1,234,567.89");
	measure_money_text(buf, sizeof buf, 5);
	ck_assert_str_eq(buf, "0.05");
	measure_grouped(buf, sizeof buf, 1000);
	ck_assert_str_eq(buf, "1,000");
	measure_grouped(buf, sizeof buf, 999);
	ck_assert_str_eq(buf, "999");
}
END_TEST

static struct span span = { "2026-01-01", "2026-06-30", "Host — Partner" };

/* An activity form from body, checked field by field and then across fields. */
static int
activity(const char *body)
{
	form_parse(&f, activity_fields, AF__MAX, body);
	return record_activity_check(&f, &span);
}

#define BASE "type=storytime&counted_as=program&sessions=1&"

START_TEST(activity_checks_span_fields)
{
	const char *path = make_test_db(1);

	use_test_db(path);
	ck_assert_int_eq(activity(BASE "held_on=2026-03-01&format=hybrid&att_0_5_in=10&att_0_5_virt=4"
	    "&respondents=14&agree_knowledge=14"), 0);
	ck_assert_int_eq(activity(BASE "held_on=2025-12-31&format=in_person"), 1);
	ck_assert_str_eq(f.v[AF_HELD_ON].error, "Enter a date on or after 2026-01-01, when the partnership began.");
	ck_assert_int_eq(activity(BASE "held_on=2026-07-01&format=in_person"), 1);
	ck_assert_str_eq(f.v[AF_HELD_ON].error, "Enter a date on or before 2026-06-30, when the partnership ended.");
	/* In person with an online audience, virtual with one in the room: a slip of the format. */
	ck_assert_int_eq(activity(BASE "held_on=2026-03-01&format=in_person&att_adult_virt=3"), 1);
	ck_assert(strstr(f.v[AF_ADULT_VIRT].error, "choose the hybrid format") != NULL);
	ck_assert_int_eq(activity(BASE "held_on=2026-03-01&format=virtual&att_adult_in=3&att_all_in=2"), 2);
	ck_assert(strstr(f.v[AF_ALL_IN].error, "no audience in the room") != NULL);
	/* Agrees never above respondents, respondents never above attendance. */
	ck_assert_int_eq(activity(BASE "held_on=2026-03-01&format=in_person&att_adult_in=10"
	    "&respondents=5&agree_confidence=6&agree_awareness=5"), 1);
	ck_assert_str_eq(f.v[AF_AGREE_CONFIDENCE].error,
	    "Enter at most 5: no more people can agree than answered the survey.");
	ck_assert_int_eq(activity(BASE "held_on=2026-03-01&format=in_person&att_adult_in=3&respondents=4"), 1);
	ck_assert(strstr(f.v[AF_RESPONDENTS].error, "Enter at most 3") != NULL);
	ck_assert_int_eq(activity("type=storytime&counted_as=program&sessions=0&held_on=2026-03-01&format=virtual"), 1);
	ck_assert_str_eq(f.v[AF_SESSIONS].error, "Enter at least 1 session (0 only for a virtual presentation recorded to be posted, with its recordings below).");
	/* Where and for whom (schema 021): a virtual activity has no site; views need recordings;
	 * a presentation recorded to be posted may have no live session. */
	ck_assert_int_eq(activity(BASE "held_on=2026-03-01&format=virtual&site=library"), 1);
	ck_assert(strstr(f.v[AF_SITE].error, "A virtual activity took place online") != NULL);
	ck_assert_int_eq(activity(BASE "held_on=2026-03-01&format=in_person&recording_views=30"), 1);
	ck_assert_str_eq(f.v[AF_RECORDING_VIEWS].error, "Enter the recordings posted too: views are of a recording.");
	ck_assert_int_eq(activity(BASE "held_on=2026-03-01&format=in_person&site=moon&audience=babies"), 2);
	ck_assert(f.v[AF_SITE].error[0] != '\0' && f.v[AF_AUDIENCE].error[0] != '\0');
	ck_assert_int_eq(activity("type=storytime&counted_as=program&sessions=0&held_on=2026-03-01&format=virtual"
	    "&recordings=1&recording_views=25&audience=0_5"), 0);
	ck_assert_int_eq(activity(BASE "held_on=2026-03-01&format=hybrid&site=elsewhere&audience=6_11"
	    "&att_6_11_in=4&att_6_11_virt=3"), 0);
	ck_assert_int_eq(activity("type=nonsense&counted_as=both&held_on=2026-03-01&format=virtual"), 3);
	ck_assert_str_eq(f.v[AF_SESSIONS].error, "Enter number of sessions.");
	drop_test_db(path);
}
END_TEST

/* The running totals of partnership id: column c of STMT_PARTNERSHIP_TOTALS. */
static long long
total(long long id, int c)
{
	sqlite3_stmt *s = db_stmt(STMT_PARTNERSHIP_TOTALS);
	long long n = -1;

	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, c);
	db_done(s);
	return n;
}

START_TEST(a_hybrid_program_counts_once_in_person_with_its_online_audience_virtual)
{
	const char *path = make_test_db(1);
	long long pid = 0, aid = 0;

	use_test_db(path);
	ck_assert_int_eq(form_parse(&f, partnership_fields, PF__MAX, "host=1&partner=2&kind=other"
	    "&commitment=informal&status=active&start_on=2026-01-01&goal1=Read&measure1=Books"), 0);
	ck_assert_int_eq(record_partnership_save(&pid, &f, "tester"), CHANGE_OK);
	ck_assert_int_gt(pid, 0);
	ck_assert_int_eq(activity("type=storytime&counted_as=program&held_on=2026-03-01&format=hybrid&sessions=2&att_0_5_in=10"
	    "&att_adult_virt=7&staff_hours=1%3A30&library_cost=12.50"), 0);
	ck_assert_int_eq(record_activity_save(pid, &aid, &f, "tester"), CHANGE_OK);
	aid = 0;
	ck_assert_int_eq(activity(BASE "held_on=2026-03-02&format=virtual&att_all_virt=5"), 0);
	ck_assert_int_eq(record_activity_save(pid, &aid, &f, "tester"), CHANGE_OK);
	aid = 0;
	ck_assert_int_eq(activity("type=book_drive&counted_as=outreach&sessions=1&held_on=2026-03-03"
	    "&format=in_person&att_all_in=40"), 0);
	ck_assert_int_eq(record_activity_save(pid, &aid, &f, "tester"), CHANGE_OK);
	ck_assert_int_eq(total(pid, 0), 3);	/* activities */
	ck_assert_int_eq(total(pid, 1), 2);	/* program sessions in person: the hybrid's two */
	ck_assert_int_eq(total(pid, 2), 1);	/* program sessions virtual */
	ck_assert_int_eq(total(pid, 3), 10);	/* program attendance in person */
	ck_assert_int_eq(total(pid, 4), 12);	/* virtual: the hybrid's 7 and the webinar's 5 */
	ck_assert_int_eq(total(pid, 5), 1);	/* outreach sessions, apart */
	ck_assert_int_eq(total(pid, 6), 40);
	ck_assert_int_eq(total(pid, 7), 90);	/* staff minutes */
	ck_assert_int_eq(total(pid, 9), 1250);	/* library cost in cents */
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM audit WHERE partnership_id IS NOT NULL"), 4);
	drop_test_db(path);
}
END_TEST

/* The columns of STMT_PARTNERSHIP_TOTALS: the agrees from 14, their denominators from 19. */
#define TOTAL_AGREE(i)		(14 + (i))
#define TOTAL_ASKED(i)		(19 + (i))

START_TEST(a_survey_question_left_blank_is_not_asked_not_zero)
{
	const char *path = make_test_db(1);
	long long pid = 0, aid = 0, first = 0, loaded_pid = 0;

	use_test_db(path);
	ck_assert_int_eq(form_parse(&f, partnership_fields, PF__MAX, "host=1&partner=2&kind=other"
	    "&commitment=informal&status=active&start_on=2026-01-01"), 0);
	ck_assert_int_eq(record_partnership_save(&pid, &f, "tester"), CHANGE_OK);
	/* Asked only about knowledge: 8 of 10 agree; the other three questions stay blank. */
	ck_assert_int_eq(activity(BASE "held_on=2026-03-01&format=in_person&att_adult_in=12"
	    "&respondents=10&agree_knowledge=8&agree_confidence=&agree_application="), 0);
	ck_assert_int_eq(record_activity_save(pid, &first, &f, "tester"), CHANGE_OK);
	/* No survey at all. */
	ck_assert_int_eq(activity(BASE "held_on=2026-03-02&format=in_person&att_adult_in=5&respondents="), 0);
	ck_assert_int_eq(record_activity_save(pid, &aid, &f, "tester"), CHANGE_OK);
	/* Asked about knowledge and awareness: nobody agreed on knowledge, a 0 that is a 0. */
	aid = 0;
	ck_assert_int_eq(activity(BASE "held_on=2026-03-03&format=in_person&att_adult_in=4"
	    "&respondents=4&agree_knowledge=0&agree_awareness=4"), 0);
	ck_assert_int_eq(record_activity_save(pid, &aid, &f, "tester"), CHANGE_OK);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity a JOIN partnership p ON p.id ="
	    " a.partnership_id WHERE p.start_on = '2026-01-01' AND p.host_id = 1 AND p.partner_id = 2"
	    " AND a.held_on = '2026-03-02' AND a.respondents IS NULL AND a.agree_knowledge IS NULL"
	    " AND a.agree_awareness IS NULL"), 1);
	ck_assert_int_eq(query_int(path, "SELECT agree_confidence IS NULL AND agree_application IS NULL"
	    " AND agree_awareness IS NULL AND agree_knowledge = 8 FROM activity WHERE id = (SELECT max(id)"
	    " FROM activity WHERE held_on = '2026-03-01' AND respondents = 10)"), 1);
	ck_assert_int_eq(query_int(path, "SELECT agree_knowledge = 0 AND agree_confidence IS NULL"
	    " FROM activity WHERE held_on = '2026-03-03' AND respondents = 4"), 1);
	/* Running totals: knowledge 8 of the 14 asked (57%), awareness 4 of 4, confidence asked
	 * nowhere (0 respondents: "not asked" on the page), not 0 of 14. */
	ck_assert_int_eq(total(pid, TOTAL_AGREE(0)), 8);
	ck_assert_int_eq(total(pid, TOTAL_ASKED(0)), 14);
	ck_assert_int_eq(total(pid, TOTAL_ASKED(1)), 0);
	ck_assert_int_eq(total(pid, TOTAL_ASKED(3)), 4);
	ck_assert_int_eq(total(pid, 13), 14);	/* respondents: the 14 of the two surveys */
	/* An agree without respondents is refused: it would be a share of nobody. */
	ck_assert_int_eq(activity(BASE "held_on=2026-03-04&format=in_person&att_adult_in=4&agree_knowledge=3"), 1);
	ck_assert(strstr(f.v[AF_AGREE_KNOWLEDGE].error, "Enter the survey respondents too") != NULL);
	/* Loaded for editing, the blanks come back blank, and clearing a question saves NULL. */
	ck_assert_int_eq(record_activity_load(&f, first, &loaded_pid), 1);
	ck_assert_str_eq(f.v[AF_AGREE_CONFIDENCE].str, "");
	ck_assert_str_eq(f.v[AF_AGREE_KNOWLEDGE].str, "8");
	form_set(&f, AF_AGREE_KNOWLEDGE, "");
	ck_assert_int_eq(form_check(&f) + record_activity_check(&f, &span), 0);
	ck_assert_int_eq(record_activity_save(pid, &first, &f, "tester"), CHANGE_OK);
	ck_assert_int_eq(total(pid, TOTAL_ASKED(0)), 4);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM audit_change WHERE field = 'agree_knowledge'"
	    " AND old_value = '8' AND new_value IS NULL"), 1);
	drop_test_db(path);
}
END_TEST

START_TEST(a_second_editor_is_told_and_overwrites_nothing_unawares)
{
	const char *path = make_test_db(1);
	static struct form first, second;
	long long pid = 0, aid = 1;
	char seen[FINGERPRINT_CHARS + 1];

	use_test_db(path);
	ck_assert_int_eq(record_activity_load(&first, 1, &pid), 1);
	ck_assert_int_eq(record_activity_load(&second, 1, &pid), 1);
	ck_assert_str_eq(first.v[AF_SEEN].str, second.v[AF_SEEN].str);
	ck_assert_int_eq(record_span(pid, &span), 1);
	/* A record that is not there is 0, not a failure (-1): the page says 404, not 503. */
	ck_assert_int_eq(record_span(999999, &span), 0);
	ck_assert_int_eq(record_activity_load(&second, 999999, &pid), 0);
	ck_assert_int_eq(record_activity_load(&second, 1, &pid), 1);
	/* The first saves a new note. */
	form_set(&first, AF_NOTES, "first editor");
	ck_assert_int_eq(form_check(&first) + record_activity_check(&first, &span), 0);
	ck_assert_int_eq(record_activity_save(pid, &aid, &first, "one"), CHANGE_OK);
	ck_assert_int_eq(aid, 1);
	/* The second, loaded before, changes staff hours: refused, with the note the first saved
	 * named beside it; nothing lost on either side. */
	form_set(&second, AF_STAFF_HOURS, "9");
	ck_assert_int_eq(form_check(&second), 0);
	ck_assert_int_eq(record_activity_save(pid, &aid, &second, "two"), CHANGE_STALE);
	ck_assert(strstr(second.v[AF_NOTES].error, "“first editor”") != NULL);
	ck_assert_str_eq(second.v[AF_STAFF_HOURS].error, "");	/* only the second changed it */
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity WHERE id = 1 AND notes = 'first editor'"), 1);
	/* Sent again, knowingly, it saves: the form now carries the newer fingerprint. */
	memcpy(seen, second.v[AF_SEEN].str, sizeof seen);
	ck_assert_str_ne(seen, first.v[AF_SEEN].str);
	second.nerrors = 0;
	for (int k = 0; k < AF__MAX; k++)
		second.v[k].error[0] = '\0';
	ck_assert_int_eq(record_activity_save(pid, &aid, &second, "two"), CHANGE_OK);
	ck_assert_int_eq(query_int(path, "SELECT staff_minutes FROM activity WHERE id = 1"), 540);
	/* Deleting from a page loaded before that save is refused too; with the fingerprint, done. */
	ck_assert_int_eq(record_activity_delete(pid, 1, seen, "one"), CHANGE_STALE);
	ck_assert_int_eq(record_activity_load(&first, 1, &pid), 1);
	ck_assert_int_eq(record_activity_delete(pid + 1, 1, first.v[AF_SEEN].str, "one"), CHANGE_NOT_FOUND);
	ck_assert_int_eq(record_activity_delete(pid, 1, first.v[AF_SEEN].str, "one"), CHANGE_OK);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity WHERE id = 1"), 0);
	/* The audit log keeps what the deleted activity held. */
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM audit_change c JOIN audit a ON a.id = c.audit_id"
	    " WHERE a.action = 'deleted activity' AND c.field = 'staff_hours' AND c.old_value = '9'"
	    " AND c.new_value IS NULL"), 1);
	drop_test_db(path);
}
END_TEST

START_TEST(partnership_dates_must_hold_its_activities)
{
	const char *path = make_test_db(1);
	static struct form p;
	long long id = 1;

	use_test_db(path);
	ck_assert_int_eq(record_partnership_load(&p, 1), 1);
	ck_assert_str_eq(p.v[PF_GOAL1].str, "Monthly pen-pal letters between 4th graders");
	ck_assert_str_eq(p.v[PF_MEASURE1].str, "Letters exchanged");
	form_set(&p, PF_START_ON, "2099-01-01");
	form_set(&p, PF_STATUS, "ended");
	form_set(&p, PF_GOAL3, "A goal without a measure");
	ck_assert_int_eq(form_check(&p), 0);
	ck_assert_int_eq(record_partnership_save(&id, &p, "tester"), CHANGE_INVALID);
	ck_assert_str_eq(p.v[PF_END_ON].error, "Enter the date the partnership ended.");
	ck_assert(strstr(p.v[PF_MEASURE3].error, "Say how goal 3 will be measured") != NULL);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM partnership WHERE id = 1 AND status = 'active'"), 1);
	ck_assert_int_eq(record_partnership_load(&p, 1), 1);
	form_set(&p, PF_START_ON, "2099-01-01");
	ck_assert_int_eq(form_check(&p), 0);
	ck_assert_int_eq(record_partnership_save(&id, &p, "tester"), CHANGE_INVALID);
	ck_assert(strstr(p.v[PF_START_ON].error, "an activity of this partnership is dated") != NULL);
	ck_assert_int_eq(record_partnership_load(&p, 1), 1);
	form_set(&p, PF_PARTNER, p.v[PF_HOST].str);
	ck_assert_int_eq(form_check(&p), 0);
	ck_assert_int_eq(record_partnership_save(&id, &p, "tester"), CHANGE_INVALID);
	ck_assert_str_eq(p.v[PF_PARTNER].error, "Choose a partner other than the host library.");
	drop_test_db(path);
}
END_TEST

START_TEST(every_statement_prepares)
{
	const char *path = make_test_db(0);

	use_test_db(path);
	for (int i = 0; i < STMT__MAX; i++) {
		sqlite3_stmt *s = db_stmt((enum stmt)i);
		ck_assert_msg(s != NULL, "statement %d does not prepare", i);
		db_done(s);
	}
	drop_test_db(path);
}
END_TEST

Suite *
record_suite(void)
{
	Suite *s = suite_create("record");
	TCase *tc = tcase_create("record");

	tcase_add_test(tc, measures_are_read_as_people_type_them);
	tcase_add_test(tc, totals_are_written_with_thousands_and_cents);
	tcase_add_test(tc, activity_checks_span_fields);
	tcase_add_test(tc, a_hybrid_program_counts_once_in_person_with_its_online_audience_virtual);
	tcase_add_test(tc, a_survey_question_left_blank_is_not_asked_not_zero);
	tcase_add_test(tc, a_second_editor_is_told_and_overwrites_nothing_unawares);
	tcase_add_test(tc, partnership_dates_must_hold_its_activities);
	tcase_add_test(tc, every_statement_prepares);
	suite_add_tcase(s, tc);
	return s;
}
