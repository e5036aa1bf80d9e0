/*
 * test_remind.c - reminders and manage links (remind.c): a link opens its own entry for 30
 * days and no other, and any changed digit makes it worthless; a first reminder at 11 months
 * and a second at 12, a week after the first, each once per confirmation date; entries without
 * an address never; the bounded run after a response; and a link asked for goes only to the
 * address on file, three times a day at most.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "db.h"
#include "remind.h"
#include "token.h"
#include "unit.h"

static const char *db_path;

static void
setup(void)
{
	db_path = make_test_db(0);
	use_test_db(db_path);
	token_forget_secret();
	config.mail = 1;
	snprintf(config.mail_from, sizeof config.mail_from, "noreply@example.org");
}

static void
teardown(void)
{
	drop_test_db(db_path);
	token_forget_secret();
	config.mail_from[0] = '\0';
	config.remind_at = 8 * 60;
}

static long
n(const char *sql)
{
	return query_int(db_path, sql);
}

/* A listed entry confirmed ago ("-11 months") with contact address email ("" for none). */
static long long
listed(const char *name, const char *ago, const char *email)
{
	char sql[600];

	snprintf(sql, sizeof sql, "INSERT INTO org (name, kind, type, country, contact_email, status,"
	    " confirmed_on) VALUES ('%s', 'library', 'public', 'NZ', '%s', 'listed', date('now', '%s'))",
	    name, email, ago);
	ck_assert_int_eq(db_run_schema_sql(sql), SQLITE_OK);
	snprintf(sql, sizeof sql, "SELECT id FROM org WHERE name = '%s'", name);
	return n(sql);
}

START_TEST(a_link_opens_its_entry_for_thirty_days)
{
	char link[REMIND_LINK_MAX], tok[TOKEN_CHARS + 1];
	time_t now = time(NULL);

	listed("Linked", "-1 day", "a@example.org");
	ck_assert_int_eq(remind_link(link, "https://example.org/manage", 42, now), 0);
	ck_assert_int_eq(strncmp(link, "https://example.org/manage/42/", 30), 0);
	memcpy(tok, link + 30, TOKEN_CHARS);
	tok[TOKEN_CHARS] = '\0';
	ck_assert_uint_eq(strlen(link), 30 + TOKEN_CHARS);
	ck_assert_int_eq(remind_check_link(tok, 42, now), REMIND_LINK_OK);
	ck_assert_int_eq(remind_check_link(tok, 42, now + 29 * 86400), REMIND_LINK_OK);
	ck_assert_int_eq(remind_check_link(tok, 42, now + 31 * 86400), REMIND_LINK_EXPIRED);
	ck_assert_int_eq(remind_check_link(tok, 43, now), REMIND_LINK_BAD);
	for (int i = 0; i < TOKEN_CHARS; i += 7) {
		char bad[TOKEN_CHARS + 1];
		memcpy(bad, tok, sizeof bad);
		bad[i] = bad[i] == '0' ? '1' : '0';
		ck_assert_int_eq(remind_check_link(bad, 42, now), REMIND_LINK_BAD);
	}
	ck_assert_int_eq(remind_check_link("", 42, now), REMIND_LINK_BAD);
}
END_TEST

START_TEST(first_at_eleven_months_second_at_twelve_each_once)
{
	struct remind_result res;
	time_t now = time(NULL);

	listed("Fresh", "-10 months", "fresh@example.org");
	listed("Eleven", "-11 months", "eleven@example.org");
	listed("Twelve", "-12 months", "twelve@example.org");
	listed("Nobody", "-2 years", "");
	ck_assert_int_eq(remind_send_due("https://example.org/manage", 0, now, &res), 0);
	ck_assert_int_eq(res.first, 2);
	ck_assert_int_eq(res.second, 0);
	ck_assert_int_eq(n("SELECT count(*) FROM outbox WHERE kind = 'reminder' AND to_addr IN"
	    " ('eleven@example.org', 'twelve@example.org')"), 2);
	/* Again: nothing; the second waits a week after the first. */
	ck_assert_int_eq(remind_send_due("https://example.org/manage", 0, now, &res), 0);
	ck_assert_int_eq(res.first + res.second, 0);
	ck_assert_int_eq(remind_send_due("https://example.org/manage", 0, now + 8 * 86400, &res), 0);
	ck_assert_int_eq(res.second, 1);
	ck_assert_int_eq(n("SELECT count(*) FROM reminder r JOIN org o ON o.id = r.org_id"
	    " WHERE o.name = 'Twelve' AND r.kind = 'second'"), 1);
	ck_assert_int_eq(remind_send_due("https://example.org/manage", 0, now + 9 * 86400, &res), 0);
	ck_assert_int_eq(res.first + res.second, 0);
	/* Confirmed again: a new date, and no reminder for another 11 months. */
	ck_assert_int_eq(db_run_schema_sql("UPDATE org SET confirmed_on = date('now')"), SQLITE_OK);
	ck_assert_int_eq(remind_send_due("https://example.org/manage", 0, now, &res), 0);
	ck_assert_int_eq(res.first + res.second, 0);
	ck_assert_int_eq(n("SELECT count(*) FROM outbox"), 3);
}
END_TEST

START_TEST(requests_send_a_few_and_one_run_in_five_minutes)
{
	time_t now = time(NULL);

	for (int i = 0; i < 5; i++) {
		char name[32];
		snprintf(name, sizeof name, "Due %d", i);
		listed(name, "-11 months", "due@example.org");
	}
	config.remind_at = -1;
	ck_assert(!remind_wanted(now));
	config.remind_at = 0;
	ck_assert(remind_wanted(now));
	remind_after_response("https://example.org/manage", now);
	ck_assert_int_eq(n("SELECT count(*) FROM reminder"), REMIND_PER_REQUEST);
	ck_assert(!remind_wanted(now + 10));
	/* Another process a minute later finds the run taken. */
	remind_after_response("https://example.org/manage", now + 60);
	ck_assert_int_eq(n("SELECT count(*) FROM reminder"), REMIND_PER_REQUEST);
	remind_after_response("https://example.org/manage", now + REMIND_RUN_SECONDS + 61);
	ck_assert_int_eq(n("SELECT count(*) FROM reminder"), 5);
}
END_TEST

START_TEST(a_link_asked_for_goes_only_to_the_address_on_file)
{
	long long id = listed("Asked", "-1 month", "Contact@Example.org");
	time_t now = time(NULL);

	ck_assert_int_eq(remind_ask(id, "someone@example.org", "https://example.org/manage", now), CHANGE_OK);
	ck_assert_int_eq(remind_ask(id + 1, "contact@example.org", "https://example.org/manage", now), CHANGE_OK);
	ck_assert_int_eq(n("SELECT count(*) FROM outbox"), 0);
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(remind_ask(id, "contact@example.org", "https://example.org/manage", now), CHANGE_OK);
	ck_assert_int_eq(n("SELECT count(*) FROM outbox WHERE to_addr = 'Contact@Example.org'"
	    " AND kind = 'manage-link'"), REMIND_ASK_PER_DAY);
	ck_assert_int_eq(remind_ask(id, "contact@example.org", "https://example.org/manage", now + 86401),
	    CHANGE_OK);
	ck_assert_int_eq(n("SELECT count(*) FROM outbox"), REMIND_ASK_PER_DAY + 1);
}
END_TEST

Suite *
remind_suite(void)
{
	Suite *s = suite_create("remind");
	TCase *tc = tcase_create("remind");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_link_opens_its_entry_for_thirty_days);
	tcase_add_test(tc, first_at_eleven_months_second_at_twelve_each_once);
	tcase_add_test(tc, requests_send_a_few_and_one_run_in_five_minutes);
	tcase_add_test(tc, a_link_asked_for_goes_only_to_the_address_on_file);
	suite_add_tcase(s, tc);
	return s;
}
