/*
 * backup.c - VACUUM INTO for copies, the backup API for restores, and PRAGMA checks, for
 * liaison-admin and the upload bundle's upgrades. (The CSV export of every table is export.c.)
 *
 * Each of these opens its own connection to the file it works on rather than the process's
 * (db.c's), which refuses a database at another schema version: a backup before an upgrade,
 * or a check of an old copy, must work on exactly those. The SQL is still db.c's table.
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

void
backup_name(const char *db_path, const char *what, char *out, size_t size)
{
	const char *slash = strrchr(db_path, '/');
	time_t now = time(NULL);
	struct tm tm;
	char stamp[32];

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	/* Two in the same second (a restore, then another) get -2, -3: never the same name. */
	for (int n = 1; n < 100; n++) {
		char count[16] = "";
		if (n > 1)
			snprintf(count, sizeof count, "-%d", n);
		if (slash)
			snprintf(out, size, "%.*s/liaison-%s-%s%s.db", (int)(slash - db_path), db_path, what,
			    stamp, count);
		else
			snprintf(out, size, "liaison-%s-%s%s.db", what, stamp, count);
		if (access(out, F_OK) != 0)
			break;
	}
}

static sqlite3 *
open_file(const char *path, int flags, char *err, size_t errsize)
{
	sqlite3 *h = NULL;

	if (db_open_guarded(path, flags, &h) != SQLITE_OK) {
		snprintf(err, errsize, "cannot open %s: %s", path, h ? sqlite3_errmsg(h) : "out of memory");
		sqlite3_close(h);
		return NULL;
	}
	sqlite3_busy_timeout(h, 10000);
	return h;
}

static sqlite3_stmt *
prepare_on(sqlite3 *h, enum stmt id)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(h, db_sql[id], -1, &s, NULL) != SQLITE_OK) {
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

/* The first column of the first row of statement id on h, or fallback. */
static long long
value_on(sqlite3 *h, enum stmt id, long long fallback)
{
	sqlite3_stmt *s = prepare_on(h, id);
	long long v = fallback;

	if (s && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

long
backup_version(const char *path)
{
	char err[600];
	sqlite3 *h;
	long v;

	if (access(path, R_OK) != 0 || (h = open_file(path, SQLITE_OPEN_READONLY, err, sizeof err)) == NULL)
		return -1;
	v = (long)value_on(h, STMT_CHECK_VERSION, -1);
	sqlite3_close(h);
	return v;
}

int
backup_then_migrate(const char *path, const char *schema_dir, char *made, size_t made_size,
    char *err, size_t errsize)
{
	long version = backup_version(path);

	made[0] = '\0';
	if (version > 0 && version < SCHEMA_VERSION) {
		backup_name(path, "before-upgrade", made, made_size);
		if (backup_write(path, made, err, errsize) < 0) {
			made[0] = '\0';
			return -2;	/* no copy, no upgrade */
		}
	}
	return db_migrate_file(path, schema_dir, 0, err, errsize);
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
	if ((h = open_file(path, SQLITE_OPEN_READONLY, err, sizeof err)) == NULL) {
		fprintf(out, "%s\n", err);
		return -1;
	}
	if (value_on(h, STMT_CHECK_IS_LIAISON, 0) != 4) {
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
	version = value_on(h, STMT_CHECK_VERSION, -1);
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
	sqlite3 *h;
	sqlite3_stmt *s;
	mode_t old;
	FILE *mem;
	int rc;

	if (access(dest, F_OK) == 0) {
		snprintf(err, errsize, "%s exists already; a backup never overwrites a file", dest);
		return -1;
	}
	if ((h = open_file(db_path, SQLITE_OPEN_READWRITE, err, errsize)) == NULL)
		return -1;
	if ((s = prepare_on(h, STMT_BACKUP_INTO)) == NULL) {
		snprintf(err, errsize, "cannot read %s: %s", db_path, sqlite3_errmsg(h));
		sqlite3_close(h);
		return -1;
	}
	sqlite3_bind_text(s, 1, dest, -1, SQLITE_STATIC);
	old = umask(077);	/* the copy holds everything the site does: its owner's alone */
	rc = sqlite3_step(s);
	umask(old);
	if (rc != SQLITE_DONE)
		snprintf(err, errsize, "cannot write %s: %s", dest, sqlite3_errmsg(h));
	sqlite3_finalize(s);
	sqlite3_close(h);
	if (rc != SQLITE_DONE)
		return -1;
	chmod(dest, 0600);
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
	if ((from = open_file(src, SQLITE_OPEN_READONLY, err, errsize)) == NULL)
		return -1;
	if ((to = open_file(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err, errsize)) == NULL) {
		sqlite3_close(from);
		return -1;
	}
	if ((b = sqlite3_backup_init(to, "main", from, "main")) == NULL) {
		snprintf(err, errsize, "cannot restore into %s: %s", db_path, sqlite3_errmsg(to));
		sqlite3_close(from);
		sqlite3_close(to);
		return -1;
	}
	before = value_on(to, STMT_PAGE_STORE_VERSION, 0);
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
