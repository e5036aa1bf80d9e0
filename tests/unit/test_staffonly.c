/*
 * test_staffonly.c - staff-only entries (schema 019): migration 019 applied to an existing
 * demo database (its rows kept, the new status taken, any other still refused), and an entry
 * recorded staff-only left out of what the public reads (the listed count and the facet
 * counts) until it is listed publicly, then out again when made staff-only, with the actions
 * that apply to each status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "entry.h"
#include "form.h"
#include "orgform.h"
#include "unit.h"

/* Copies the migrations numbered below upto from schema/ into dir, as a site of that age had them. */
static void
schema_up_to(const char *dir, int upto)
{
	char cmd[2048];

	snprintf(cmd, sizeof cmd, "mkdir -p %s && for f in %s/schema/[0-9][0-9][0-9]_*.sql; do "
	    "n=$(basename $f | cut -c1-3); [ $(expr $n + 0) -lt %d ] && cp $f %s/; done; true", dir, srcdir(),
	    upto, dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Runs sql on the database at path on its own connection: SQLite's answer (SQLITE_OK, …). */
static int
exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	int rc;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

START_TEST(migration_019_upgrades_a_demo_database_in_place)
{
	char dir[] = "/tmp/liaison-019-XXXXXX", path[300], demo[1024], err[512], cmd[700];
	long before;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	schema_up_to(dir, 19);
	snprintf(path, sizeof path, "%s/old.db", dir);
	/* The site as it was: every migration before 019 (a placeholder stands in for a missing
	 * number), the demo data, and an entry of each status 001 allowed. */
	ck_assert_msg(db_migrate_file(path, dir, 1, err, sizeof err) == 0 || strstr(err, "expects"), "%s", err);
	snprintf(demo, sizeof demo, "%s/data/demo.sql", srcdir());
	ck_assert_msg(db_run_file(path, demo, err, sizeof err) == 0, "demo: %s", err);
	before = query_int(path, "SELECT count(*) FROM org WHERE status = 'listed'");
	ck_assert_int_gt(before, 100);
	ck_assert_int_eq(query_int(path, "SELECT user_version FROM pragma_user_version"), 18);

	/* The new version arrives: the rest of the migrations, on the same file. */
	snprintf(cmd, sizeof cmd, "cp %s/schema/[0-9][0-9][0-9]_*.sql %s/", srcdir(), dir);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert_msg(db_migrate_file(path, dir, 0, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(query_int(path, "SELECT user_version FROM pragma_user_version"), SCHEMA_VERSION);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM org WHERE status = 'listed'"), before);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* The widened list, exactly: staff_only is taken, a status no one defined still is not. */
	ck_assert_int_eq(query_int(path, "SELECT instr(sql, '''pending'', ''listed'', ''rejected'', ''unlisted'', "
	    "''archived'', ''staff_only'')') > 0 FROM sqlite_schema WHERE name = 'org'"), 1);
	ck_assert_int_eq(exec_sql(path, "UPDATE org SET status = 'staff_only' WHERE id = 1"), SQLITE_OK);
	ck_assert_int_eq(exec_sql(path, "UPDATE org SET status = 'hidden' WHERE id = 2"), SQLITE_CONSTRAINT);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM org WHERE status = 'staff_only'"), 1);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM org WHERE status = 'listed'"), before - 1);
	/* The facet counts, kept by 009's triggers, followed the entry out. */
	ck_assert_int_eq(query_int(path, "SELECT n FROM facet_count WHERE facet = '' AND value = ''"), before - 1);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static struct form org;

START_TEST(a_staff_only_entry_stays_out_of_public_counts_until_listed)
{
	const char *path = make_test_db(1);
	const char *body = "name=Centro+Reservado&type=refugee&country=CO&city=Cali&languages=es"
	    "&interests=pen_pals&timezone=America%2FBogota&seeks=library&seeking=1&commitment=informal"
	    "&contact_name=Ana&contact_email=ana%40x.org";
	long listed = query_int(path, "SELECT count(*) FROM org WHERE status = 'listed'");
	long all = query_int(path, "SELECT n FROM facet_count WHERE facet = '' AND value = ''");
	long refugees = query_int(path, "SELECT coalesce((SELECT n FROM facet_count WHERE facet = 'type'"
	    " AND value = 'refugee'), 0)");
	long long id = 0;
	char sql[200];

	use_test_db(path);
	ck_assert_int_eq(all, listed);
	ck_assert_int_eq(form_parse(&org, orgform_fields, ORGF__MAX, body), 0);
	ck_assert_int_eq(entry_record_staff_only(&org, "ana", &id), CHANGE_OK);
	ck_assert_int_gt(id, 0);
	snprintf(sql, sizeof sql, "SELECT status = 'staff_only' AND confirmed_on IS NULL FROM org WHERE id = %lld", id);
	ck_assert_int_eq(query_int(path, sql), 1);
	ck_assert_int_eq(query_int(path, "SELECT n FROM facet_count WHERE facet = '' AND value = ''"), all);
	/* Its name in the same country again is a second entry, refused, and nothing is written. */
	ck_assert_int_eq(form_parse(&org, orgform_fields, ORGF__MAX, "name=Biblioteca+Departamental+de+Cali"
	    "&type=public&country=CO&city=Cali&languages=es&interests=pen_pals&timezone=America%2FBogota"
	    "&seeks=any&commitment=informal&contact_name=A&contact_email=a%40x.org"), 0);
	ck_assert_int_eq(entry_record_staff_only(&org, "ana", &id), CHANGE_INVALID);
	ck_assert_str_ne(org.v[ORGF_NAME].error, "");
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM org WHERE name = 'Biblioteca Departamental de Cali'"), 1);

	/* What applies to each status: a staff-only entry is listed only by "List publicly". */
	ck_assert(entry_action_applies(ACT_PUBLIC, "staff_only", NULL));
	ck_assert(!entry_action_applies(ACT_RELIST, "staff_only", NULL));
	ck_assert(!entry_action_applies(ACT_CONFIRM, "staff_only", NULL));
	ck_assert(entry_action_applies(ACT_ARCHIVE, "staff_only", NULL));
	ck_assert(entry_action_applies(ACT_STAFF_ONLY, "listed", NULL));
	ck_assert(entry_action_applies(ACT_STAFF_ONLY, "unlisted", NULL));
	ck_assert(!entry_action_applies(ACT_STAFF_ONLY, "pending", NULL));
	ck_assert(!entry_action_applies(ACT_PUBLIC, "listed", NULL));

	id = query_int(path, "SELECT id FROM org WHERE name = 'Centro Reservado'");
	ck_assert_int_eq(entry_act(id, ACT_RELIST, "", "ana"), CHANGE_CONFLICT);
	ck_assert_int_eq(entry_act(id, ACT_PUBLIC, "", "ana"), CHANGE_OK);
	ck_assert_int_eq(query_int(path, "SELECT n FROM facet_count WHERE facet = '' AND value = ''"), all + 1);
	ck_assert_int_eq(query_int(path, "SELECT n FROM facet_count WHERE facet = 'type' AND value = 'refugee'"),
	    refugees + 1);
	snprintf(sql, sizeof sql, "SELECT confirmed_on = date('now') FROM org WHERE id = %lld", id);
	ck_assert_int_eq(query_int(path, sql), 1);
	ck_assert_int_eq(entry_act(id, ACT_STAFF_ONLY, "", "ana"), CHANGE_OK);
	ck_assert_int_eq(query_int(path, "SELECT n FROM facet_count WHERE facet = '' AND value = ''"), all);
	ck_assert_int_eq(query_int(path, "SELECT n FROM facet_count WHERE facet = 'type' AND value = 'refugee'"),
	    refugees);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE org_id = %lld AND action IN"
	    " ('recorded (staff only)', 'made public', 'made staff-only')", id);
	ck_assert_int_eq(query_int(path, sql), 3);
	drop_test_db(path);
}
END_TEST

Suite *
staffonly_suite(void)
{
	Suite *s = suite_create("staffonly");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, migration_019_upgrades_a_demo_database_in_place);
	tcase_add_test(tc, a_staff_only_entry_stays_out_of_public_counts_until_listed);
	suite_add_tcase(s, tc);
	return s;
}
