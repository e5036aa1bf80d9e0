/*
 * db.c - opening, configuring and migrating the database; the statement cache.
 *
 * Per the verified facts in DESIGN.md: busy_timeout, foreign_keys=ON, journal_mode=WAL and
 * synchronous=NORMAL on every connection (Debian's WAL default is FULL; on a network
 * filesystem a rollback journal with synchronous=FULL instead), opened after any
 * fork, statements prepared once per process. Writers use BEGIN IMMEDIATE, never a deferred
 * transaction that upgrades (which fails at once under contention instead of waiting).
 */
#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"

static sqlite3		*conn;
static sqlite3_stmt	*cache[STMT__MAX];
static char		 why[1400];

/*
 * Waits for a lock in steps of a millisecond or so, up to the timeout. SQLite's own
 * sqlite3_busy_timeout sleeps 1, 2, 5 … up to 100 ms between tries, so with a few writers
 * taking turns a waiting writer sleeps long after the lock is free: measured with 4 writers
 * (bench/apply.sh), that alone held applications to 300 a second with a p99 of 430 ms.
 */
static int
busy_wait(void *arg, int tries)
{
	long timeout_ms = (long)(intptr_t)arg;
	struct timespec nap = { 0, 500000 + (tries % 4) * 250000 };	/* 0.5-1.25 ms, staggered */

	if ((long)tries * 875 / 1000 >= timeout_ms)
		return 0;
	nanosleep(&nap, NULL);
	return 1;
}

int
db_filesystem_is_local(unsigned long f_type)
{
	switch (f_type) {
	case 0x6969:		/* NFS */
	case 0x517B:		/* SMB */
	case 0xFF534D42:	/* CIFS */
	case 0xFE534D42:	/* SMB2 */
	case 0x01021997:	/* 9p */
	case 0x5346414F:	/* AFS */
	case 0x00C36400:	/* Ceph */
	case 0x47504653:	/* GPFS */
	case 0x0BD00BD0:	/* Lustre */
	case 0x65735546:	/* FUSE: sshfs and the like, which may be anywhere */
		return 0;
	}
	return 1;
}

/* 1 when the file at path (or, before it exists, its folder) is on a local filesystem. */
static int
path_is_local(const char *path, char *fs_type, size_t size)
{
	struct statfs st;
	char dir[4096];

	if (path == NULL || *path == '\0')
		return 1;	/* in memory, or a temporary database */
	if (statfs(path, &st) != 0) {
		snprintf(dir, sizeof dir, "%s", path);
		if (statfs(dirname(dir), &st) != 0)
			return 1;
	}
	snprintf(fs_type, size, "0x%lX", (unsigned long)st.f_type);
	return db_filesystem_is_local((unsigned long)st.f_type);
}

int
db_configure(sqlite3 *db, int busy_timeout_ms)
{
	static int said;
	char fs_type[32];
	const char *path = sqlite3_db_filename(db, "main");
	int local = path_is_local(path, fs_type, sizeof fs_type);

	sqlite3_busy_handler(db, busy_wait, (void *)(intptr_t)busy_timeout_ms);
	sqlite3_extended_result_codes(db, 1);
	if (!local && !said++)
		fprintf(stderr, "liaison: %s is on a network filesystem (type %s): using a rollback "
		    "journal, not WAL, whose shared memory works on one machine only\n", path, fs_type);
	return sqlite3_exec(db, local ?
	    "PRAGMA foreign_keys = ON;"
	    "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = NORMAL;" :
	    "PRAGMA foreign_keys = ON;"
	    "PRAGMA journal_mode = DELETE;"
	    "PRAGMA synchronous = FULL;", NULL, NULL, NULL);
}

static void
try_open(void)
{
	sqlite3_stmt *s;
	int version = -1;

	if (conn)
		return;
	if (config.database[0] == '\0') {	/* a bundle before its first request (bundle.c) */
		snprintf(why, sizeof why, "No database has been chosen yet.");
		return;
	}
	/* One thread per process: SQLite's own locking of the connection is pure cost (5% of an import). */
	if (sqlite3_open_v2(config.database, &conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		snprintf(why, sizeof why, "The database %s cannot be opened: %s.", config.database,
		    conn ? sqlite3_errmsg(conn) : "out of memory");
		goto fail;
	}
	if (db_configure(conn, config.busy_timeout_ms) != SQLITE_OK) {
		snprintf(why, sizeof why, "The database is busy or cannot be set up: %s.",
		    sqlite3_errmsg(conn));
		goto fail;
	}
	if (sqlite3_prepare_v2(conn, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			version = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	if (version != SCHEMA_VERSION) {
		snprintf(why, sizeof why, "The database is at schema version %d and this version of "
		    "Liaison needs %d: run “liaison-admin migrate” to bring it up to date.",
		    version, SCHEMA_VERSION);
		goto fail;
	}
	why[0] = '\0';
	return;
fail:
	fprintf(stderr, "liaison: %s\n", why);
	sqlite3_close(conn);
	conn = NULL;
}

void
db_open_configured(void)
{
	try_open();
}

int
db_ready(void)
{
	try_open();
	return conn != NULL;
}

const char *
db_unavailable_reason(void)
{
	return why[0] ? why : "The database is not available.";
}

void
db_close(void)
{
	for (size_t i = 0; i < STMT__MAX; i++) {
		sqlite3_finalize(cache[i]);
		cache[i] = NULL;
	}
	sqlite3_close(conn);
	conn = NULL;
}

sqlite3_stmt *
db_stmt(enum stmt id)
{
	if (conn == NULL || id >= STMT__MAX)
		return NULL;
	if (cache[id] == NULL) {
		if (sqlite3_prepare_v3(conn, db_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &cache[id],
		    NULL) != SQLITE_OK) {
			/* A statement that does not prepare is a bug in sql.c: say which one. */
			fprintf(stderr, "liaison: statement %d does not prepare: %s\n", (int)id,
			    sqlite3_errmsg(conn));
			return NULL;
		}
		return cache[id];
	}
	sqlite3_reset(cache[id]);
	sqlite3_clear_bindings(cache[id]);
	return cache[id];
}

void
db_done(sqlite3_stmt *s)
{
	if (s)
		sqlite3_reset(s);
}

int
db_write(sqlite3_stmt *s)
{
	int rc = s ? sqlite3_step(s) : SQLITE_ERROR;

	db_done(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int
db_run(enum stmt id)
{
	return db_write(db_stmt(id));
}

int
db_run_schema_sql(const char *sql)
{
	return conn ? sqlite3_exec(conn, sql, NULL, NULL, NULL) : SQLITE_ERROR;
}

int
db_is_busy(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

void
db_bind_text_or_null(sqlite3_stmt *s, int idx, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, idx, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, idx);
}

sqlite3_int64
db_change_counter(void)
{
	sqlite3_stmt *s = db_stmt(STMT_DATA_VERSION);
	sqlite3_int64 v = -1;

	if (s && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	db_done(s);
	/* data_version sees other connections' commits; total_changes sees our own. */
	return (v << 32) ^ sqlite3_total_changes64(conn);
}

/* --- migrations ------------------------------------------------------------------------ */

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
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
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
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
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
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char tmp[4200];
	sqlite3 *db;
	int i, rc = -1;

	/* A name of this process's own: two first requests at once must not build in one file. */
	if (snprintf(tmp, sizeof tmp, "%s.new-%ld", path, (long)getpid()) >= (int)sizeof tmp) {
		snprintf(err, errsize, "the path %s is too long", path);
		return -1;
	}
	for (i = 0; i < 4; i++) {
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
	for (i = 0; i < 4; i++) {
		char f[4300];
		snprintf(f, sizeof f, "%s%s", tmp, suffix[i]);
		unlink(f);
	}
	return rc;
}
