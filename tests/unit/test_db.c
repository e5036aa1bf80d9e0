/*
 * test_db.c - migrations: applied in order, recorded in user_version, one transaction each,
 * idempotent, and refusing gaps; the readers' column promises; and the request's first error
 * named by its statement for the log.
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

/* The log names statements as enum stmt does; a statement added without its name fails here. */
START_TEST(every_statement_has_its_name)
{
	for (int i = 0; i < STMT__MAX; i++) {
		ck_assert_msg(db_stmt_names[i] != NULL, "statement %d has no name in stmtnames.c", i);
		ck_assert_msg(strncmp(db_stmt_names[i], "STMT_", 5) == 0, "%s", db_stmt_names[i]);
		for (int j = 0; j < i; j++)
			ck_assert_msg(strcmp(db_stmt_names[i], db_stmt_names[j]) != 0, "%s twice",
			    db_stmt_names[i]);
	}
	ck_assert_str_eq(db_stmt_name(STMT_ORG_LIST_BY_NAME), "STMT_ORG_LIST_BY_NAME");
	ck_assert_str_eq(db_stmt_name(STMT_LIST_SUMMARY + 3), "STMT_LIST_SUMMARY_COUNTRY");
	ck_assert_str_eq(db_stmt_name(STMT_SEARCH_WORDS_PAGE), "STMT_SEARCH_WORDS_PAGE");
	ck_assert_str_eq(db_stmt_name(STMT_EXPORT_TIMEZONE), "STMT_EXPORT_TIMEZONE");
}
END_TEST

/* Overwrites a leaf page in the middle of table's b-tree (past its header), as a bad disk might. */
static void
damage_middle_leaf(const char *path, const char *table)
{
	char sql[200];
	long leaves, victim, page_size = query_int(path, "PRAGMA page_size");
	unsigned char junk[65536];
	FILE *f;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM dbstat WHERE name = '%s' AND pagetype = 'leaf'", table);
	leaves = query_int(path, sql);
	ck_assert_int_ge(leaves, 3);
	snprintf(sql, sizeof sql, "SELECT pageno FROM dbstat WHERE name = '%s' AND pagetype = 'leaf'"
	    " ORDER BY pageno LIMIT 1 OFFSET %ld", table, leaves / 2);
	victim = query_int(path, sql);
	memset(junk, 0xa5, sizeof junk);
	ck_assert_ptr_nonnull(f = fopen(path, "r+b"));
	ck_assert_int_eq(fseek(f, (victim - 1) * page_size + 100, SEEK_SET), 0);
	ck_assert_uint_eq(fwrite(junk, 1, (size_t)page_size - 100, f), (size_t)page_size - 100);
	fclose(f);
}

/*
 * A damaged page met halfway through a list: the request's failure names the statement that
 * met it, whether a reader stepped it (db_cursor_step) or a loop of its own did, also when
 * another statement was being read around it; and the first failure is the one kept.
 */
START_TEST(the_first_failure_names_its_statement)
{
	const char *path = make_test_db(1);
	const struct db_failure *f;
	struct db_cursor c;
	sqlite3_stmt *outer, *inner;
	int rc, rows = 0;

	damage_middle_leaf(path, "org");
	use_test_db(path);
	ck_assert_ptr_null(db_request_failure());

	c.stmt = db_stmt(STMT_EXPORT_ORG);
	c.rc = SQLITE_OK;
	while ((rc = db_cursor_step(&c)) == 1)
		rows++;
	ck_assert_int_eq(rc, -1);
	ck_assert_int_gt(rows, 0);	/* some rows came before the damage: a short list */
	ck_assert_int_eq(db_request_error() & 0xff, SQLITE_CORRUPT);
	ck_assert_ptr_nonnull(f = db_request_failure());
	ck_assert_str_eq(f->statement, "STMT_EXPORT_ORG");
	ck_assert_msg(strstr(f->message, "malformed") != NULL, "%s", f->message);
	db_cursor_close(&c);
	/* A later failure of another statement does not take the first one's place. */
	inner = db_stmt(STMT_EXPORT_ORG_LANGUAGE);
	while (sqlite3_step(inner) == SQLITE_ROW)
		;
	db_done(inner);
	ck_assert_str_eq(db_request_failure()->statement, "STMT_EXPORT_ORG");

	/* The next request starts clean, and a raw loop inside another statement's is named too. */
	ck_assert_int_eq(db_ready(), 1);
	ck_assert_ptr_null(db_request_failure());
	outer = db_stmt(STMT_EXPORT_COUNTRY);
	ck_assert_int_eq(sqlite3_step(outer), SQLITE_ROW);
	inner = db_stmt(STMT_EXPORT_ORG);
	while ((rc = sqlite3_step(inner)) == SQLITE_ROW)
		;
	ck_assert_int_ne(rc, SQLITE_DONE);
	ck_assert_int_eq(sqlite3_step(outer), SQLITE_ROW);	/* the outer one reads on */
	db_done(outer);
	db_done(inner);
	ck_assert_ptr_nonnull(f = db_request_failure());
	ck_assert_str_eq(f->statement, "STMT_EXPORT_ORG");
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
	tcase_add_test(t, every_statement_has_its_name);
	tcase_add_test(t, the_first_failure_names_its_statement);
	tcase_add_test(t, a_failing_migration_leaves_the_previous_version);
	tcase_add_test(t, missing_database_is_not_created_by_migrate);
	tcase_add_test(t, filesystems_are_told_apart_and_local_ones_get_wal);
	suite_add_tcase(s, t);
	return s;
}
