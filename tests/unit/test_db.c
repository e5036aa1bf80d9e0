/*
 * test_db.c - migrations: applied in order, recorded in user_version, one transaction each,
 * idempotent, and refusing gaps.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "unit.h"

static int
user_version(const char *path)
{
	return (int)query_int(path, "PRAGMA user_version");
}

static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

/* Runs sql on path through a connection of its own, as another process would. */
static void
exec_on(const char *path, const char *sql)
{
	sqlite3 *h;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	ck_assert_msg(sqlite3_exec(h, sql, NULL, NULL, &msg) == SQLITE_OK, "%s: %s", sql, msg);
	sqlite3_close(h);
}

static long
directory_version(const char *path)
{
	return query_int(path, "SELECT n FROM directory_version");
}

/*
 * Schema 010: what the public pages do not show leaves the directory's version, and so every
 * kept page, alone: a pending application (its org, languages and interests), staff-only
 * columns, audit records, sessions, a partnership's goals. What they show moves it.
 */
START_TEST(only_public_changes_move_the_directory_version)
{
	const char *path = make_test_db(1);
	long v = directory_version(path);
	sqlite3_int64 seen;
	long long pending;

	use_test_db(path);
	seen = db_public_version();
	ck_assert_int_ge(seen, 0);
	exec_on(path, "INSERT INTO org (name, kind, type, country, status) VALUES ('Pending Library', 'library', 'public', 'FR', 'pending');"
	    "INSERT INTO org_language (org_id, lang) VALUES (last_insert_rowid(), 'fr');"
	    "INSERT INTO org_interest (org_id, interest) SELECT max(id), 'pen_pals' FROM org;"
	    "UPDATE org SET city = 'Rouen' WHERE name = 'Pending Library';"
	    "INSERT INTO audit (actor, action, note) VALUES ('test', 'note', 'x');"
	    "UPDATE org SET created_at = '2020-01-01T00:00:00Z' WHERE status = 'listed';"
	    "UPDATE partnership SET goals = 'Read more together' WHERE id = (SELECT min(id) FROM partnership);");
	ck_assert_int_eq(directory_version(path), v);
	ck_assert_int_eq(db_public_version(), seen);	/* another process's write: still the same pages */

	pending = query_int(path, "SELECT id FROM org WHERE name = 'Pending Library'");
	ck_assert_int_gt(pending, 0);
	exec_on(path, "UPDATE org SET status = 'listed' WHERE name = 'Pending Library'");	/* approved */
	ck_assert_int_gt(directory_version(path), v);
	ck_assert_int_ne(db_public_version(), seen);
	v = directory_version(path);
	exec_on(path, "DELETE FROM org_language WHERE org_id = (SELECT id FROM org WHERE name = 'Pending Library')");
	ck_assert_int_gt(directory_version(path), v);
	v = directory_version(path);
	exec_on(path, "UPDATE org SET description = 'Now with a description' WHERE name = 'Pending Library'");
	ck_assert_int_gt(directory_version(path), v);
	v = directory_version(path);
	exec_on(path, "UPDATE partnership SET status = 'ended' WHERE id = (SELECT min(id) FROM partnership)");
	ck_assert_int_gt(directory_version(path), v);
	v = directory_version(path);
	exec_on(path, "UPDATE org SET status = 'unlisted' WHERE name = 'Pending Library'");
	ck_assert_int_gt(directory_version(path), v);
	v = directory_version(path);
	exec_on(path, "DELETE FROM org WHERE name = 'Pending Library'");	/* unlisted: not shown */
	ck_assert_int_eq(directory_version(path), v);
	drop_test_db(path);
}
END_TEST

/*
 * Every row reader's promise (DB_READER, next to the code that reads the columns) against
 * what SQLite says its statement returns. A column added to or dropped from sql.c without
 * its reader fails here, not as a wrong value on a page.
 */
START_TEST(every_reader_reads_the_columns_its_statement_returns)
{
	const char *path = make_test_db(0);
	const struct db_reader *r;
	int readers = 0;

	use_test_db(path);
	for (r = __start_liaison_readers; r < __stop_liaison_readers; r++, readers++) {
		sqlite3_stmt *s = db_stmt(r->id);

		ck_assert_msg(s != NULL, "statement %d (%s) prepares", (int)r->id, r->file);
		ck_assert_msg(sqlite3_column_count(s) == r->columns,
		    "statement %d returns %d columns; its reader in %s reads %d", (int)r->id,
		    sqlite3_column_count(s), r->file, r->columns);
	}
	ck_assert_int_ge(readers, 10);	/* the section was found, and holds the known readers */
	drop_test_db(path);
}
END_TEST

START_TEST(fresh_database_reaches_the_build_version)
{
	const char *path = make_test_db(0);
	char schema[1024], err[512];

	ck_assert_int_eq(user_version(path), SCHEMA_VERSION);
	snprintf(schema, sizeof schema, "%s/schema", srcdir());
	/* Running again changes nothing and succeeds: an upgrade of an up-to-date site. */
	ck_assert_int_eq(db_migrate_file(path, schema, 0, err, sizeof err), 0);
	ck_assert_int_eq(user_version(path), SCHEMA_VERSION);
	unlink(path);
}
END_TEST

START_TEST(a_failing_migration_leaves_the_previous_version)
{
	char dir[] = "/tmp/liaison-schema-XXXXXX", db[600], err[512];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file(dir, "001_a.sql", "CREATE TABLE a (x);");
	write_file(dir, "002_b.sql", "CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);");
	snprintf(db, sizeof db, "%s/t.db", dir);
	ck_assert_int_eq(db_migrate_file(db, dir, 1, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "002_b.sql"));
	ck_assert_ptr_nonnull(strstr(err, "no such table: nowhere"));
	ck_assert_int_eq(user_version(db), 1);	/* 001 stayed, 002 rolled back whole */
	{
		sqlite3 *h;
		ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
		ck_assert_int_ne(sqlite3_exec(h, "SELECT * FROM b", NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(h);
	}
	write_file(dir, "002_b.sql", "");
	unlink(db);
	write_file(dir, "004_d.sql", "CREATE TABLE d (x);");
	ck_assert_int_eq(db_migrate_file(db, dir, 1, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "without gaps"));
	{
		char cmd[700];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		ck_assert_int_eq(system(cmd), 0);
	}
}
END_TEST

START_TEST(missing_database_is_not_created_by_migrate)
{
	char schema[1024], err[512];

	snprintf(schema, sizeof schema, "%s/schema", srcdir());
	ck_assert_int_eq(db_migrate_file("/tmp/liaison-no-such-dir/x.db", schema, 0, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "cannot open"));
}
END_TEST

START_TEST(filesystems_are_told_apart_and_local_ones_get_wal)
{
	const char *path = make_test_db(0);

	/* The types statfs gives for NFS, CIFS, SMB2, 9p and FUSE are remote; ext4, xfs, btrfs,
	 * tmpfs and overlayfs are local. */
	ck_assert_int_eq(db_filesystem_is_local(0x6969), 0);
	ck_assert_int_eq(db_filesystem_is_local(0xFF534D42), 0);
	ck_assert_int_eq(db_filesystem_is_local(0xFE534D42), 0);
	ck_assert_int_eq(db_filesystem_is_local(0x01021997), 0);
	ck_assert_int_eq(db_filesystem_is_local(0x65735546), 0);
	ck_assert_int_eq(db_filesystem_is_local(0xEF53), 1);
	ck_assert_int_eq(db_filesystem_is_local(0x58465342), 1);
	ck_assert_int_eq(db_filesystem_is_local(0x9123683E), 1);
	ck_assert_int_eq(db_filesystem_is_local(0x01021994), 1);
	ck_assert_int_eq(db_filesystem_is_local(0x794C7630), 1);
	/* The test database is on a local disk: WAL. */
	use_test_db(path);
	ck_assert_int_eq(db_run(STMT_DATA_VERSION), SQLITE_OK);
	ck_assert_int_eq(query_int(path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
	drop_test_db(path);
}
END_TEST

Suite *
db_suite(void)
{
	Suite *s = suite_create("db");
	TCase *t = tcase_create("migrate");

	tcase_add_test(t, fresh_database_reaches_the_build_version);
	tcase_add_test(t, only_public_changes_move_the_directory_version);
	tcase_add_test(t, every_reader_reads_the_columns_its_statement_returns);
	tcase_add_test(t, a_failing_migration_leaves_the_previous_version);
	tcase_add_test(t, missing_database_is_not_created_by_migrate);
	tcase_add_test(t, filesystems_are_told_apart_and_local_ones_get_wal);
	suite_add_tcase(s, t);
	return s;
}
