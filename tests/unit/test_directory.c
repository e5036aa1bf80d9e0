/*
 * test_directory.c - the directory's queries on the demo data, checked against independent
 * SQL over the raw tables: totals, every facet count against the rows it promises, order,
 * pending entries never shown, staleness, the facet cache following changes, and the counts
 * kept by triggers (schema 009) staying equal to counting.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "directory.h"
#include "facets.h"
#include "unit.h"

static const char *path;

static void
setup(void)
{
	path = make_test_db(1);
	use_test_db(path);
}

static void
teardown(void)
{
	drop_test_db(path);
}

/* An independent answer from a separate connection. */
static long
count_sql(const char *sql)
{
	return query_int(path, sql);
}

static long
count_rows(const struct org_filter *f, enum org_sort sort)
{
	struct org_cursor c;
	struct org_row r;
	long n = 0;

	ck_assert_int_eq(directory_open(&c, f, sort, -1, 0), 0);
	while (directory_next(&c, &r) == 1)
		n++;
	ck_assert_int_eq(c.rc, SQLITE_DONE);
	directory_close(&c);
	return n;
}

START_TEST(total_counts_only_listed_organizations)
{
	struct org_filter none = { { NULL } };
	int busy;
	const struct directory_summary *s = directory_summary(&none, NULL, &busy);
	long listed = count_sql("SELECT count(*) FROM org WHERE status = 'listed'");

	ck_assert_ptr_nonnull(s);
	ck_assert_int_ge(listed, 150);
	ck_assert_int_gt(count_sql("SELECT count(*) FROM org WHERE status = 'pending'"), 0);
	ck_assert_int_eq(s->total, listed);
	ck_assert_int_eq(count_rows(&none, SORT_NAME), listed);
	ck_assert_int_ge(count_sql("SELECT count(DISTINCT country) FROM org WHERE status = 'listed'"), 30);
}
END_TEST

START_TEST(every_facet_count_matches_the_rows_it_leads_to)
{
	struct org_filter none = { { NULL } };
	int busy, checked = 0;
	const struct directory_summary *s = directory_summary(&none, NULL, &busy);
	struct directory_summary copy;

	ck_assert_ptr_nonnull(s);
	copy = *s;	/* the items stay owned by the cache slot, which the loop below keeps */
	for (int f = 0; f < FACET__MAX; f++) {
		long sum = 0;
		ck_assert_uint_gt(copy.facets[f].n, 0);
		for (size_t i = 0; i < copy.facets[f].n; i++) {
			struct org_filter one = { { NULL } };
			one.value[f] = copy.facets[f].items[i].value;
			ck_assert_int_eq(count_rows(&one, SORT_NAME), copy.facets[f].items[i].count);
			sum += copy.facets[f].items[i].count;
			checked++;
		}
		/* One value each: kind, type, country and seeking partition the directory. */
		if (f != FACET_LANGUAGE && f != FACET_INTEREST)
			ck_assert_int_eq(sum, copy.total);
	}
	ck_assert_int_gt(checked, 50);
}
END_TEST

START_TEST(facets_leave_out_their_own_filter)
{
	struct org_filter f = { { NULL } };
	const struct directory_summary *s;
	int busy;

	f.value[FACET_COUNTRY] = "UA";
	s = directory_summary(&f, NULL, &busy);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(s->total, count_sql(
	    "SELECT count(*) FROM org WHERE status = 'listed' AND country = 'UA'"));
	/* The country list still offers every country, so the choice can be changed. */
	ck_assert_int_eq((long)s->facets[FACET_COUNTRY].n, count_sql(
	    "SELECT count(DISTINCT country) FROM org WHERE status = 'listed'"));
	/* Other facets count within Ukraine only. */
	for (size_t i = 0; i < s->facets[FACET_KIND].n; i++)
		ck_assert_int_le(s->facets[FACET_KIND].items[i].count, s->total);
}
END_TEST

START_TEST(orders_are_as_promised)
{
	struct org_filter none = { { NULL } };
	struct org_cursor c;
	struct org_row r;
	char prev[256] = "";
	int rows = 0;

	ck_assert_int_eq(directory_open(&c, &none, SORT_CONFIRMED, -1, 0), 0);
	while (directory_next(&c, &r) == 1) {
		if (rows++)
			ck_assert_str_le(r.confirmed_on, prev);
		snprintf(prev, sizeof prev, "%s", r.confirmed_on);
	}
	directory_close(&c);
	ck_assert_int_gt(rows, 100);

	prev[0] = '\0';
	ck_assert_int_eq(directory_open(&c, &none, SORT_NAME, 50, 50), 0);
	rows = 0;
	while (directory_next(&c, &r) == 1) {
		ck_assert_int_le(strcasecmp(prev, r.name), 0);
		snprintf(prev, sizeof prev, "%s", r.name);
		rows++;
	}
	directory_close(&c);
	ck_assert_int_eq(rows, 50);	/* page 2 of 50 */
}
END_TEST

START_TEST(stale_flag_and_pending_entries)
{
	struct org_filter none = { { NULL } };
	struct org_cursor c;
	struct org_row r;
	long stale = 0, pending_id;

	ck_assert_int_eq(directory_open(&c, &none, SORT_NAME, -1, 0), 0);
	while (directory_next(&c, &r) == 1)
		stale += r.stale;
	directory_close(&c);
	ck_assert_int_gt(stale, 0);
	{
		/* "Over a year": confirmed before this calendar day last year, computed here in C. */
		time_t now = time(NULL);
		struct tm tm;
		char sql[200], cutoff[16];

		gmtime_r(&now, &tm);
		tm.tm_year -= 1;
		strftime(cutoff, sizeof cutoff, "%Y-%m-%d", &tm);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM org WHERE status = 'listed'"
		    " AND confirmed_on < '%s'", cutoff);
		ck_assert_int_eq(stale, count_sql(sql));
	}

	pending_id = count_sql("SELECT min(id) FROM org WHERE status = 'pending'");
	ck_assert_int_eq(directory_get(&c, pending_id, &r), 0);
	directory_close(&c);
	ck_assert_int_eq(directory_get(&c, 1, &r), 1);
	ck_assert_str_eq(r.name, "Maple Falls Public Library");
	directory_close(&c);
}
END_TEST

START_TEST(cache_follows_changes_from_another_connection)
{
	struct org_filter none = { { NULL } };
	int busy;
	long before, after;
	sqlite3 *db;

	before = directory_summary(&none, NULL, &busy)->total;
	ck_assert_int_eq(directory_summary(&none, NULL, &busy)->total, before);	/* cached */
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "UPDATE org SET status = 'unlisted' WHERE id = 2",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	after = directory_summary(&none, NULL, &busy)->total;
	ck_assert_int_eq(after, before - 1);
}
END_TEST

/* Every row of statement id (its parameters all NULL) as "a|b|c\n" lines. */
static char *
rows_of(enum stmt id)
{
	sqlite3_stmt *s = db_stmt(id);
	size_t cap = 1 << 16, len = 0;
	char *out = calloc(1, cap);

	ck_assert_ptr_nonnull(s);
	while (sqlite3_step(s) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(s); c++)
			len += (size_t)snprintf(out + len, cap - len, "%s%s", c ? "|" : "", directory_text(s, c));
		len += (size_t)snprintf(out + len, cap - len, "\n");
		ck_assert_uint_lt(len, cap - 1);
	}
	db_done(s);
	return out;
}

/*
 * Schema 009 keeps the whole directory's counts in facet_count by triggers: after entries are
 * approved, unlisted, moved to another country, kind or type, stop seeking, lose and gain
 * languages and interests, and one is deleted outright, each kept count is what counting the
 * rows gives, in the same order, with the same labels.
 */
START_TEST(kept_counts_follow_every_kind_of_change)
{
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA foreign_keys = ON;"
	    "UPDATE org SET status = 'listed' WHERE status = 'pending' AND id % 2 = 0;"
	    "UPDATE org SET status = 'unlisted' WHERE status = 'listed' AND id % 5 = 0;"
	    "UPDATE org SET country = 'JP' WHERE id % 3 = 0;"
	    "UPDATE org SET kind = 'community', type = (SELECT code FROM org_type WHERE kind = 'community' LIMIT 1) WHERE id % 4 = 1;"
	    "UPDATE org SET seeking = 1 - seeking WHERE id % 6 = 1;"
	    "DELETE FROM org_language WHERE org_id % 3 = 1;"
	    "INSERT OR IGNORE INTO org_language SELECT id, 'sw' FROM org WHERE id % 4 = 2;"
	    "DELETE FROM org_interest WHERE org_id % 4 = 3;"
	    "INSERT OR IGNORE INTO org_interest SELECT id, (SELECT code FROM interest ORDER BY position DESC LIMIT 1) FROM org WHERE id % 3 = 2;"
	    "UPDATE org SET status = 'listed' WHERE id % 10 = 0;"
	    "INSERT INTO org (name, kind, type, country, status) VALUES ('Added listed', 'library', 'public', 'KE', 'listed');"
	    "INSERT INTO org_language VALUES (last_insert_rowid(), 'sw');"
	    "DELETE FROM org WHERE status = 'listed' AND id NOT IN (SELECT host_id FROM partnership UNION SELECT partner_id FROM partnership"
	    "  UNION SELECT org_id FROM application) AND id IN (SELECT org_id FROM org_language) LIMIT 1;",
	    NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_changes(db), 1);	/* one entry was deleted, with its languages */
	sqlite3_close(db);
	for (int i = 0; i < SUMMARY_STMTS; i++) {
		char *counted = rows_of(STMT_LIST_SUMMARY + i), *kept = rows_of(STMT_KEPT_SUMMARY + i);
		ck_assert_msg(strcmp(counted, kept) == 0, "statement %d: counted\n%s\nkept\n%s", i, counted, kept);
		ck_assert_uint_gt(strlen(kept), 0);
		free(counted);
		free(kept);
	}
}
END_TEST

START_TEST(unknown_codes_are_refused_by_lookups)
{
	ck_assert_int_eq(directory_country_known("FR"), 1);
	ck_assert_int_eq(directory_country_known("ZZ"), 0);
	ck_assert_int_eq(directory_language_known("hmn"), 1);
	ck_assert_int_eq(directory_language_known("xx"), 0);
	ck_assert_int_eq(directory_interest_known("pen_pals"), 1);
	ck_assert_int_eq(directory_type_known("refugee"), 1);
	ck_assert_int_eq(directory_type_known("' OR 1=1 --"), 0);
}
END_TEST

START_TEST(ages_are_said_in_words)
{
	char buf[128];

	directory_ages_text(1 | 2 | 8, buf, sizeof buf);
	ck_assert_str_eq(buf, "Children 0–5, children 6–11 and adults");
	directory_ages_text(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "not stated");
	directory_ages_text(16, buf, sizeof buf);
	ck_assert_str_eq(buf, "All ages");
}
END_TEST

Suite *
directory_suite(void)
{
	Suite *s = suite_create("directory");
	TCase *t = tcase_create("demo data");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 60);
	tcase_add_test(t, total_counts_only_listed_organizations);
	tcase_add_test(t, every_facet_count_matches_the_rows_it_leads_to);
	tcase_add_test(t, facets_leave_out_their_own_filter);
	tcase_add_test(t, orders_are_as_promised);
	tcase_add_test(t, stale_flag_and_pending_entries);
	tcase_add_test(t, cache_follows_changes_from_another_connection);
	tcase_add_test(t, kept_counts_follow_every_kind_of_change);
	tcase_add_test(t, unknown_codes_are_refused_by_lookups);
	tcase_add_test(t, ages_are_said_in_words);
	suite_add_tcase(s, t);
	return s;
}
