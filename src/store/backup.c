/*
 * backup.c - VACUUM INTO for copies, the backup API for restores, and PRAGMA checks, for
 * liaison-admin and the upload bundle's upgrades. (The CSV export of every table is export.c.)
 *
 * Each of these opens its own connection to the file it works on rather than the process's
 * (db.c's), which refuses a database at another schema version: a backup before an upgrade,
 * or a check of an old copy, must work on exactly those. The SQL is still db.c's table.
 * Making a copy, and the upgrade with its copy, are upgrade.c's: the public programs run those.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "backup.h"
#include "db.h"
#include "upgrade.h"

void
backup_name(const char *db_path, const char *what, char *out, size_t size)
{
	db_copy_name(db_path, what, out, size);
}


static sqlite3_stmt *
prepare_on(sqlite3 *h, enum stmt id)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(h, db_stmt_sql(id), -1, &s, NULL) != SQLITE_OK) {
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

long
backup_version(const char *path)
{
	return db_file_version(path);
}

/* The admin tool's upgrade is the bundle's (upgrade.c), with the copy checked as every backup is. */
int
backup_then_migrate(const char *path, const char *schema_dir, char *made, size_t made_size,
    char *err, size_t errsize)
{
	return db_upgrade_file(path, schema_dir, backup_write, made, made_size, err, errsize);
}

int
backup_check(const char *path, FILE *out)
{
	char err[600];
	sqlite3 *h;
	sqlite3_stmt *s;
	int problems = 0;
	long long version;

	if (access(path, R_OK) != 0) {
		fprintf(out, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	if ((h = db_open_file(path, SQLITE_OPEN_READONLY, err, sizeof err)) == NULL) {
		fprintf(out, "%s\n", err);
		return -1;
	}
	if (db_value_on(h, STMT_CHECK_IS_LIAISON, 0) != 4) {
		fprintf(out, "%s is not a Liaison database (or not a database at all)\n", path);
		sqlite3_close(h);
		return 1;
	}
	if ((s = prepare_on(h, STMT_CHECK_INTEGRITY)) == NULL) {
		fprintf(out, "%s cannot be read: %s\n", path, sqlite3_errmsg(h));
		problems++;
	}
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(s, 0);
		if (line && strcmp(line, "ok") != 0) {
			fprintf(out, "integrity: %s\n", line);
			problems++;
		}
	}
	sqlite3_finalize(s);
	if ((s = prepare_on(h, STMT_CHECK_FOREIGN_KEYS)) != NULL)
		while (sqlite3_step(s) == SQLITE_ROW) {
			fprintf(out, "foreign key: row %lld of %s points to a missing row of %s\n",
			    (long long)sqlite3_column_int64(s, 1), sqlite3_column_text(s, 0),
			    sqlite3_column_text(s, 2));
			problems++;
		}
	sqlite3_finalize(s);
	version = db_value_on(h, STMT_CHECK_VERSION, -1);
	if (version > SCHEMA_VERSION) {
		fprintf(out, "%s is at schema version %lld, newer than this Liaison (%d): use the "
		    "version that made it\n", path, version, SCHEMA_VERSION);
		problems++;
	}
	sqlite3_close(h);
	return problems;
}

int
backup_write(const char *db_path, const char *dest, char *err, size_t errsize)
{
	char problems[2048] = "";
	FILE *mem;
	int rc;

	if (db_copy_into(db_path, dest, err, errsize) < 0)
		return -1;
	if ((mem = fmemopen(problems, sizeof problems - 1, "w")) != NULL) {
		rc = backup_check(dest, mem);
		fclose(mem);
		if (rc != 0) {
			snprintf(err, errsize, "the copy %s did not check out: %s", dest, problems);
			return -1;
		}
	}
	return 0;
}

int
backup_restore(const char *db_path, const char *src, char *err, size_t errsize)
{
	char problems[2048] = "";
	sqlite3 *from, *to;
	sqlite3_backup *b;
	sqlite3_stmt *s;
	FILE *mem;
	long long before;
	int rc, waited = 0;

	if ((mem = fmemopen(problems, sizeof problems - 1, "w")) == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	rc = backup_check(src, mem);
	fclose(mem);
	if (rc != 0) {
		snprintf(err, errsize, "%s cannot be restored: %s", src, problems);
		return -1;
	}
	if ((from = db_open_file(src, SQLITE_OPEN_READONLY, err, errsize)) == NULL)
		return -1;
	if ((to = db_open_file(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err, errsize)) == NULL) {
		sqlite3_close(from);
		return -1;
	}
	if ((b = sqlite3_backup_init(to, "main", from, "main")) == NULL) {
		snprintf(err, errsize, "cannot restore into %s: %s", db_path, sqlite3_errmsg(to));
		sqlite3_close(from);
		sqlite3_close(to);
		return -1;
	}
	before = db_value_on(to, STMT_PAGE_STORE_VERSION, 0);
	/* A few pages at a time, so that the site's writers wait moments, not the whole copy. */
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (rc != SQLITE_OK) {
			if (++waited > 600) {	/* 30 s of a database too busy to give way */
				break;
			}
			sqlite3_sleep(50);
		}
	}
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE && (s = prepare_on(to, STMT_DIRECTORY_VERSION_PASS)) != NULL) {
		/*
		 * The copy's directory version may be one the running site has already shown other
		 * pages under: move past both, so that no kept page of either is served as current.
		 */
		sqlite3_bind_int64(s, 1, before);
		sqlite3_step(s);
		sqlite3_finalize(s);
	}
	if (rc != SQLITE_DONE)
		snprintf(err, errsize, "the restore into %s stopped: %s (the database is as it was)",
		    db_path, sqlite3_errstr(rc));
	sqlite3_close(from);
	sqlite3_close(to);
	return rc == SQLITE_DONE ? 0 : -1;
}
