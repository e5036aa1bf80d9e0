/*
 * test_survey.c - the survey's program items (schema 021): migration 021 applied to an
 * existing demo database. Every activity already recorded is read as held at the library when
 * in person, and has no target audience: it is inferred from who came (the one band everyone
 * was in, else general) and marked for staff to check; the survey's age items reported before do not
 * move, the new format items split them exactly, and the day sums are those of the rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "unit.h"

/* The survey's age items over all days, as one text, to compare before and after. */
#define AGE_ITEMS "SELECT group_concat(v, ',') FROM (SELECT sum(imls_k0_5_pro) || '/' ||" \
	" sum(imls_k6_11_pro) || '/' || sum(imls_ya_pro) || '/' || sum(imls_adult_pro) || '/' ||" \
	" sum(imls_gen_pro) || '/' || sum(imls_k0_5_atten) || '/' || sum(imls_k6_11_atten) || '/' ||" \
	" sum(imls_ya_atten) || '/' || sum(imls_adult_atten) || '/' || sum(imls_gen_atten) AS v" \
	" FROM activity_partnership_day GROUP BY partnership_id ORDER BY partnership_id)"

static char *
query_text(const char *path, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *s;
	char *out;

	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(h, sql, -1, &s, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(h));
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	out = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(h);
	return out;
}

START_TEST(migration_021_infers_the_audience_of_a_demo_database_and_moves_no_figure)
{
	char dir[] = "/tmp/liaison-021-XXXXXX", path[300], demo[1024], err[512], cmd[700];
	char *before, *after;
	long activities;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "for f in %s/schema/[0-9][0-9][0-9]_*.sql; do n=$(basename $f | cut -c1-3);"
	    " [ $(expr $n + 0) -lt 21 ] && cp $f %s/; done; true", srcdir(), dir);
	ck_assert_int_eq(system(cmd), 0);
	snprintf(path, sizeof path, "%s/old.db", dir);
	/* The site as it was before 021 (it says this build expects more), with the demo data. */
	ck_assert_msg(db_migrate_file(path, dir, 1, err, sizeof err) == 0 || strstr(err, "expects"), "%s", err);
	snprintf(demo, sizeof demo, "%s/data/demo.sql", srcdir());
	ck_assert_msg(db_run_file(path, demo, err, sizeof err) == 0, "demo: %s", err);
	ck_assert_int_eq(query_int(path, "SELECT user_version FROM pragma_user_version"), 20);
	activities = query_int(path, "SELECT count(*) FROM activity");
	ck_assert_int_gt(activities, 20);
	before = query_text(path, AGE_ITEMS);

	snprintf(cmd, sizeof cmd, "cp %s/schema/[0-9][0-9][0-9]_*.sql %s/", srcdir(), dir);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert_msg(db_migrate_file(path, dir, 0, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(query_int(path, "SELECT user_version FROM pragma_user_version"), SCHEMA_VERSION);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity"), activities);
	/* In person and hybrid at the library, virtual nowhere; every audience inferred, flagged. */
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity WHERE (format = 'virtual') <> (site IS NULL)"
	    " OR (site IS NOT NULL AND site <> 'library')"), 0);
	/* No audience given: each is inferred (the one band everyone was in, else general) and
	 * marked to check; the demo holds programs of both kinds. */
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity WHERE audience IS NULL"), activities);
	ck_assert_int_gt(query_int(path, "SELECT count(*) FROM activity_figures WHERE imls_gen_pro > 0"), 0);
	ck_assert_int_gt(query_int(path, "SELECT count(*) FROM activity_figures WHERE imls_k6_11_pro > 0"), 0);
	ck_assert_int_gt(query_int(path, "SELECT count(*) FROM activity_figures WHERE imls_adult_pro > 0"), 0);
	/* What the survey's age items said before, they say now, partnership by partnership. */
	after = query_text(path, AGE_ITEMS);
	ck_assert_str_eq(after, before);
	/* 600 = 609 and 610 = 619 on every day; everything onsite or virtual, nothing offsite. */
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity_day WHERE imls_k0_5_pro + imls_k6_11_pro"
	    " + imls_ya_pro + imls_adult_pro + imls_gen_pro <> imls_onsite_pro + imls_offsite_pro + imls_virtual_pro"
	    " OR imls_k0_5_atten + imls_k6_11_atten + imls_ya_atten + imls_adult_atten + imls_gen_atten"
	    " <> imls_onsite_atten + imls_offsite_atten + imls_virtual_atten"), 0);
	ck_assert_int_eq(query_int(path, "SELECT sum(imls_offsite_pro) + sum(imls_async_pro) FROM activity_day"), 0);
	ck_assert_int_eq(query_int(path, "SELECT sum(imls_onsite_pro) = sum(program_sessions_in)"
	    " AND sum(imls_virtual_pro) = sum(program_sessions_virt) FROM activity_day"), 1);
	/* The day sums are those of the rows: a fresh sum over activity_figures agrees. */
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM (SELECT held_on, sum(imls_onsite_atten),"
	    " sum(imls_virtual_atten), sum(imls_gen_atten), sum(activities) FROM activity_figures GROUP BY held_on"
	    " EXCEPT SELECT held_on, imls_onsite_atten, imls_virtual_atten, imls_gen_atten, activities"
	    " FROM activity_day)"), 0);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
	free(before);
	free(after);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

Suite *
survey_suite(void)
{
	Suite *s = suite_create("survey");
	TCase *tc = tcase_create("survey");

	tcase_add_test(tc, migration_021_infers_the_audience_of_a_demo_database_and_moves_no_figure);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
