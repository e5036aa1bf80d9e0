/*
 * upgrade.c - bringing a database file up to this version with a copy of it kept first: what
 * the upload bundle's first request after an upgrade does (bundle.c), in whichever program it
 * reaches, and what `liaison-admin migrate` does (backup.c's backup_then_migrate).
 *
 * Kept apart from backup.c so that the public programs, which run it, carry none of the admin
 * tool's backups, checks, restores and exports (tests/layers.sh runs nm on them): a copy
 * before an upgrade needs one VACUUM INTO and a look at the copy, no more.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "upgrade.h"

void
db_copy_name(const char *db_path, const char *what, char *out, size_t size)
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

sqlite3 *
db_open_file(const char *path, int flags, char *err, size_t errsize)
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

long long
db_value_on(sqlite3 *h, enum stmt id, long long fallback)
{
	sqlite3_stmt *s = NULL;
	long long v = fallback;

	if (sqlite3_prepare_v2(h, db_stmt_sql(id), -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

long
db_file_version(const char *path)
{
	char err[600];
	sqlite3 *h;
	long v;

	if (access(path, R_OK) != 0 || (h = db_open_file(path, SQLITE_OPEN_READONLY, err, sizeof err)) == NULL)
		return -1;
	v = (long)db_value_on(h, STMT_CHECK_VERSION, -1);
	sqlite3_close(h);
	return v;
}

int
db_copy_into(const char *db_path, const char *dest, char *err, size_t errsize)
{
	sqlite3 *h;
	sqlite3_stmt *s = NULL;
	mode_t old;
	int rc;

	if (access(dest, F_OK) == 0) {
		snprintf(err, errsize, "%s exists already; a backup never overwrites a file", dest);
		return -1;
	}
	if ((h = db_open_file(db_path, SQLITE_OPEN_READWRITE, err, errsize)) == NULL)
		return -1;
	if (sqlite3_prepare_v2(h, db_stmt_sql(STMT_BACKUP_INTO), -1, &s, NULL) != SQLITE_OK) {
		snprintf(err, errsize, "cannot read %s: %s", db_path, sqlite3_errmsg(h));
		sqlite3_finalize(s);
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
	return 0;
}

/* The copy an upgrade keeps must be whole and of the version it was taken at. */
static int
copy_is_whole(const char *copy, long version, char *err, size_t errsize)
{
	sqlite3 *h = db_open_file(copy, SQLITE_OPEN_READONLY, err, errsize);
	sqlite3_stmt *s = NULL;
	int ok;

	if (h == NULL)
		return 0;
	ok = sqlite3_prepare_v2(h, db_stmt_sql(STMT_CHECK_INTEGRITY), -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0 &&
	    sqlite3_step(s) == SQLITE_DONE;
	sqlite3_finalize(s);
	ok = ok && db_value_on(h, STMT_CHECK_VERSION, -1) == version;
	sqlite3_close(h);
	if (!ok)
		snprintf(err, errsize, "the copy %s did not check out (integrity_check, schema version)", copy);
	return ok;
}

int
db_upgrade_file(const char *path, const char *schema_dir, db_copy_fn copy, char *made,
    size_t made_size, char *err, size_t errsize)
{
	long version = db_file_version(path);

	made[0] = '\0';
	if (version > 0 && version < SCHEMA_VERSION) {
		db_copy_name(path, "before-upgrade", made, made_size);
		if (copy ? copy(path, made, err, errsize) < 0 :
		    db_copy_into(path, made, err, errsize) < 0 || !copy_is_whole(made, version, err, errsize)) {
			made[0] = '\0';
			return -2;	/* no copy, no upgrade */
		}
	}
	return db_migrate_file(path, schema_dir, 0, err, errsize);
}
