/*
 * migrate.c - making and upgrading database files: the migrations in schema/ applied in
 * order, each in one transaction and recorded in PRAGMA user_version; a new database built
 * beside its final name and moved into place only when complete; an SQL file run whole or
 * not at all. Used by liaison-admin, the upload bundle's first request and the tests.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int
is_migration(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return n > 8 && d->d_name[0] >= '0' && d->d_name[0] <= '9' && d->d_name[3] == '_' &&
	    strcmp(d->d_name + n - 4, ".sql") == 0;
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) != NULL) {
		if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		} else
			buf[n] = '\0';
	}
	fclose(f);
	return buf;
}

int
db_run_file(const char *path, const char *sql_file, char *err, size_t errsize)
{
	sqlite3 *db = NULL;
	char *sql, *msg = NULL;
	int rc = -1;

	if ((sql = slurp(sql_file)) == NULL) {
		snprintf(err, errsize, "cannot read %s", sql_file);
		return -1;
	}
	if (db_open_guarded(path, SQLITE_OPEN_READWRITE, &db) == SQLITE_OK &&
	    db_configure(db, 10000) == SQLITE_OK &&
	    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg) == SQLITE_OK &&
	    sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK &&
	    sqlite3_exec(db, "COMMIT", NULL, NULL, &msg) == SQLITE_OK)
		rc = 0;
	else
		snprintf(err, errsize, "%s: %s", sql_file, msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	sqlite3_close(db);	/* an open transaction is rolled back by the close */
	free(sql);
	return rc;
}

static int
user_version(sqlite3 *db)
{
	sqlite3_stmt *s;
	int version = 0;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			version = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	return version;
}

int
db_migrate_file(const char *path, const char *schema_dir, int create, char *err, size_t errsize)
{
	struct dirent **list = NULL;
	sqlite3 *db = NULL;
	int n = 0, i, version = 0, rc = -1;
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

	err[0] = '\0';
	if (db_open_guarded(path, flags, &db) != SQLITE_OK) {
		snprintf(err, errsize, "cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "no memory");
		sqlite3_close(db);
		return -1;
	}
	if (db_configure(db, 10000) != SQLITE_OK) {
		snprintf(err, errsize, "cannot configure %s: %s", path, sqlite3_errmsg(db));
		goto out;
	}
	version = user_version(db);
	if ((n = scandir(schema_dir, &list, is_migration, by_name)) < 0) {
		snprintf(err, errsize, "cannot read the schema folder %s", schema_dir);
		goto out;
	}
	for (i = 0; i < n; i++) {
		int number = atoi(list[i]->d_name);
		char file[2048], pragma[64], *sql;

		if (number != i + 1) {
			snprintf(err, errsize, "%s/%s: migrations must be numbered 001, 002, … without gaps",
			    schema_dir, list[i]->d_name);
			goto out;
		}
		if (number <= version)
			continue;
		snprintf(file, sizeof file, "%s/%s", schema_dir, list[i]->d_name);
		if ((sql = slurp(file)) == NULL) {
			snprintf(err, errsize, "cannot read %s", file);
			goto out;
		}
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", number);
		/* One migration, one transaction: a failure leaves the previous version intact. */
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
			snprintf(err, errsize, "%s: %s", file, sqlite3_errmsg(db));
			free(sql);
			goto out;
		}
		/*
		 * Read again under the write lock: on a shared host several processes may find the
		 * same old database at once, and only the first may apply each migration.
		 */
		if (user_version(db) >= number) {
			sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
			free(sql);
			version = user_version(db);
			continue;
		}
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			snprintf(err, errsize, "%s: %s", file, sqlite3_errmsg(db));
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			free(sql);
			goto out;
		}
		free(sql);
		version = number;
	}
	if (version != SCHEMA_VERSION) {
		snprintf(err, errsize, "%s holds migrations up to %d but this build expects %d",
		    schema_dir, version, SCHEMA_VERSION);
		goto out;
	}
	rc = 0;
out:
	for (i = 0; list && i < n; i++)
		free(list[i]);
	free(list);
	sqlite3_close(db);
	return rc;
}

int
db_create(const char *path, const char *schema_dir, char *const *files, int nfiles, int replace,
    char *err, size_t errsize)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal", "-wal-owner" };
	char tmp[4200];
	sqlite3 *db;
	int i, rc = -1;

	/* A name of this process's own: two first requests at once must not build in one file. */
	if (snprintf(tmp, sizeof tmp, "%s.new-%ld", path, (long)getpid()) >= (int)sizeof tmp) {
		snprintf(err, errsize, "the path %s is too long", path);
		return -1;
	}
	for (i = 0; i < 5; i++) {
		char f[4300];
		snprintf(f, sizeof f, "%s%s", tmp, suffix[i]);
		unlink(f);	/* leftovers of an interrupted earlier run */
	}
	if (db_migrate_file(tmp, schema_dir, 1, err, errsize) < 0)
		goto out;
	for (i = 0; i < nfiles; i++)
		if (db_run_file(tmp, files[i], err, errsize) < 0)
			goto out;
	/* Fold the WAL into the main file so the move is of one complete file. */
	if (sqlite3_open(tmp, &db) == SQLITE_OK)
		sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;",
		    NULL, NULL, NULL);
	sqlite3_close(db);
	chmod(tmp, 0600);
	if (replace ? rename(tmp, path) == 0 : link(tmp, path) == 0 || errno == EEXIST)
		rc = 0;
	else
		snprintf(err, errsize, "cannot move %s into place: %s", tmp, strerror(errno));
out:
	for (i = 0; i < 5; i++) {
		char f[4300];
		snprintf(f, sizeof f, "%s%s", tmp, suffix[i]);
		unlink(f);
	}
	return rc;
}
