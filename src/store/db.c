/*
 * db.c - the process's one connection: opening and configuring it, giving it up and opening
 * afresh when its file is replaced or recovers, the request's hard errors, and the statement
 * cache. (Making and upgrading files: migrate.c; the -wal guard: walguard.c.)
 *
 * Every connection gets busy_timeout, foreign_keys=ON, journal_mode=WAL and
 * synchronous=NORMAL (Debian's WAL default is FULL; on a network
 * filesystem a rollback journal with synchronous=FULL instead), opened after any
 * fork, statements prepared once per process. Writers use BEGIN IMMEDIATE, never a deferred
 * transaction that upgrades (which fails at once under contention instead of waiting).
 */
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
static char		 why[1400];		/* shown on the 503 page: never a file path */
static char		 logged[1400];	/* the last reason written to the log, to say it once */
static struct stat	 opened;		/* what config.database named when conn was opened */
static unsigned		 generation;	/* counts opens: a new file never shares cached pages */
static int		 request_error;	/* the first hard SQLite error since db_ready() */
static int		 reopen_wanted;	/* a hard error: open afresh on the next request */
/* The request's first hard error as the log tells it (db_request_failure): one per request. */
static struct {
	int		 rc;		/* 0: none since db_ready() */
	int		 stmt;		/* its enum stmt, -1 until known */
	char		 detail[300];	/* SQLite's log line, when it says more than sqlite3_errstr */
	char		 message[400];
	struct db_failure out;
} failure;

/* Writes line to the log unless it is what was written last (one line per state, not per request). */
static void
log_once(const char *line)
{
	if (strcmp(line, logged) == 0)
		return;
	snprintf(logged, sizeof logged, "%s", line);
	fprintf(stderr, "liaison: %s\n", line);
}

/* Errors after which this request's answer cannot be trusted, and the file may need opening again. */
static int
is_hard_error(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_CORRUPT: case SQLITE_NOTADB: case SQLITE_IOERR: case SQLITE_CANTOPEN:
	case SQLITE_READONLY: case SQLITE_FULL: case SQLITE_NOMEM: case SQLITE_PROTOCOL:
		return 1;
	}
	return 0;
}

/* The statement s is, or -1 (one prepared elsewhere). Only on the way to the log: a scan. */
static int
stmt_id(const sqlite3_stmt *s)
{
	for (int i = 0; s && i < STMT__MAX; i++)
		if (cache[i] == s)
			return i;
	return -1;
}

/*
 * Names the statement of the request's first error, when it is not named yet: called by
 * whatever learns which statement failed (a step helper, a reset, a prepare) with the code
 * it failed with. A statement that failed otherwise (busy) is not the one the log is about.
 */
static void
failure_at(const sqlite3_stmt *s, int rc)
{
	if (failure.rc != 0 && failure.stmt < 0 && is_hard_error(rc))
		failure.stmt = stmt_id(s);
}

/*
 * SQLite's error log (SQLITE_CONFIG_LOG) hears of every failed statement, wherever in the
 * program it was stepped: the one place that sees a damaged page met halfway through a list,
 * so that the page is not answered 200 with fewer rows than it says. It writes nothing: the
 * serve loop writes the request's one line (db_request_failure). The log function may call
 * no SQLite function, so which statement failed is learnt after the step returns
 * (failure_at): SQLite's line names it only by its SQL text, cut at 200 bytes, which many of
 * ours share.
 */
static void
on_sqlite_log(void *arg, int rc, const char *msg)
{
	(void)arg;
	if (!is_hard_error(rc))
		return;		/* busy, constraints, notices: the caller handles those */
	reopen_wanted = 1;
	if (failure.rc == 0) {
		failure.rc = rc;
		failure.stmt = -1;
	}
	/* "statement aborts at 12: [SELECT …] why" repeats the SQL and the code's own words. */
	if (failure.detail[0] == '\0' && (failure.rc & 0xff) == (rc & 0xff) &&
	    strncmp(msg, "statement aborts at", 19) != 0)
		snprintf(failure.detail, sizeof failure.detail, "%s", msg);
	/* A read never fails for a full disk or a read-only file; a write that did says so itself. */
	if (request_error == 0 && (rc & 0xff) != SQLITE_FULL && (rc & 0xff) != SQLITE_READONLY)
		request_error = rc;
}

/*
 * SQLite takes its log function only before it starts, and a test or the admin tool may open
 * a file (a migration) before the process's connection is opened: so, before main.
 */
__attribute__((constructor)) static void
install_log(void)
{
	sqlite3_config(SQLITE_CONFIG_LOG, on_sqlite_log, NULL);
}

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

/* --- the process's connection ---------------------------------------------------------- */

/*
 * Closes the connection. When the path no longer names the file it was opened on (deleted,
 * or another file moved over it), SQLite must not checkpoint and delete "DB-wal" and
 * "DB-shm" by name on the way out: those names may be the new file's by now. Persistent WAL
 * makes the close leave every file by name alone.
 */
static void
close_connection(int file_is_ours)
{
	int persist = 1;

	for (size_t i = 0; i < STMT__MAX; i++) {
		sqlite3_finalize(cache[i]);
		cache[i] = NULL;
	}
	if (conn && !file_is_ours)
		sqlite3_file_control(conn, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	sqlite3_close(conn);
	conn = NULL;
}

/* 1 when config.database still names the file conn was opened on; otherwise says why. */
static int
file_is_ours(void)
{
	struct stat st;
	char line[4400];

	if (stat(config.database, &st) != 0)
		return 0;	/* try_open says why, and logs it once */
	if (st.st_dev != opened.st_dev || st.st_ino != opened.st_ino) {
		snprintf(line, sizeof line, "%s is another file than the one open (replaced while "
		    "the site ran): opening the new one", config.database);
		log_once(line);
		return 0;
	}
	return 1;
}

/*
 * A host's disk quota, kept below: writes that would grow the file past mb megabytes fail
 * as on a full disk (SQLITE_FULL, answered 503 with nothing saved) and work again once space
 * inside the file is freed. Also how the tests fill a database without filling a disk.
 */
static void
cap_size(int mb)
{
	sqlite3_stmt *s;
	long long page_size = 4096;
	char pragma[64];

	if (sqlite3_prepare_v2(conn, "PRAGMA page_size", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		page_size = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	snprintf(pragma, sizeof pragma, "PRAGMA max_page_count = %lld",
	    (long long)mb * 1024 * 1024 / (page_size > 0 ? page_size : 4096));
	sqlite3_exec(conn, pragma, NULL, NULL, NULL);
}

static void
try_open(void)
{
	sqlite3_stmt *s;
	struct stat before;
	int version = -1;
	char line[4400];

	if (conn)
		return;
	if (config.database[0] == '\0') {	/* a bundle before its first request (bundle.c) */
		snprintf(why, sizeof why, "No database has been chosen yet.");
		return;
	}
	if (stat(config.database, &before) != 0) {
		snprintf(why, sizeof why, errno == ENOENT ? "The database file is gone: it was "
		    "deleted or moved, or has not been made yet. Nothing can be shown or saved until "
		    "it is back (liaison-admin restore puts back a backup)." :
		    "The database file cannot be reached.");
		snprintf(line, sizeof line, "the database file %s is gone or cannot be reached (%s): "
		    "answering 503 until it is back", config.database, strerror(errno));
		log_once(line);
		return;
	}
	/* One thread per process: SQLite's own locking of the connection is pure cost (5% of an import). */
	if (db_open_guarded(config.database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, &conn) != SQLITE_OK) {
		snprintf(why, sizeof why, "The database cannot be opened.");
		snprintf(line, sizeof line, "the database %s cannot be opened: %s", config.database,
		    conn ? sqlite3_errmsg(conn) : "out of memory");
		goto fail;
	}
	if (db_configure(conn, config.busy_timeout_ms) != SQLITE_OK) {
		snprintf(why, sizeof why, "The database is busy or cannot be set up.");
		snprintf(line, sizeof line, "the database %s is busy or cannot be set up: %s",
		    config.database, sqlite3_errmsg(conn));
		goto fail;
	}
	if (sqlite3_prepare_v2(conn, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			version = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	if (config.db_max_mb > 0)
		cap_size(config.db_max_mb);
	if (version != SCHEMA_VERSION) {
		snprintf(why, sizeof why, version < 0 ? "The database cannot be read: it may be "
		    "damaged. The site's administrator can check it with “liaison-admin check” and "
		    "put back a backup with “liaison-admin restore”." :
		    "The database is at schema version %d and this version of Liaison needs %d: run "
		    "“liaison-admin migrate” to bring it up to date.", version, SCHEMA_VERSION);
		snprintf(line, sizeof line, "%s: %s", config.database, why);
		goto fail;
	}
	/* The identity is taken around the open: a file swapped in between is caught next request. */
	if (stat(config.database, &opened) != 0 || opened.st_ino != before.st_ino ||
	    opened.st_dev != before.st_dev)
		memset(&opened, 0, sizeof opened);
	if (sqlite3_db_readonly(conn, "main") == 1)
		log_once("the database file is read-only: pages are served, nothing can be saved "
		    "until it is writable again");
	else
		logged[0] = '\0';	/* working again: the next trouble is worth a line */
	why[0] = '\0';
	generation++;
	reopen_wanted = 0;
	return;
fail:
	log_once(line);
	close_connection(1);
}

void
db_open_configured(void)
{
	try_open();
}

/*
 * Once per request, before anything is read: the connection is given up and opened afresh
 * when the file it was opened on is no longer the one the path names, when the file was
 * read-only and is writable again, or when the last request met an error that may have been
 * the file's or the disk's (a restore, a freed disk or a fixed permission is then seen at once).
 */
int
db_ready(void)
{
	request_error = 0;
	memset(&failure, 0, sizeof failure);
	if (conn) {
		int ours = file_is_ours();

		if (!ours || reopen_wanted || (sqlite3_db_readonly(conn, "main") == 1 &&
		    access(config.database, W_OK) == 0))
			close_connection(ours);
	}
	try_open();
	return conn != NULL;
}

const char *
db_unavailable_reason(void)
{
	return why[0] ? why : "The database is not available.";
}

int
db_request_error(void)
{
	return request_error;
}

const struct db_failure *
db_request_failure(void)
{
	if (failure.rc == 0)
		return NULL;
	snprintf(failure.message, sizeof failure.message, failure.detail[0] ? "%s (%s)" : "%s",
	    sqlite3_errstr(failure.rc), failure.detail);
	failure.out.rc = failure.rc;
	failure.out.statement = failure.stmt >= 0 ? db_stmt_name((enum stmt)failure.stmt) :
	    "an unnamed statement";
	failure.out.message = failure.message;
	return &failure.out;
}

const char *
db_error_text(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return "The directory's database is damaged, so this page cannot be shown whole. "
		    "Nothing was changed. The site's administrator can find the damage with "
		    "“liaison-admin check” and put back the last good copy with “liaison-admin restore”.";
	case SQLITE_FULL:
		return "The disk that holds the directory is full: nothing was saved. Please try "
		    "again later.";
	case SQLITE_READONLY:
		return "The directory cannot be changed at the moment (its database is read-only): "
		    "nothing was saved. Please try again later.";
	default:
		return "The directory's database could not be read or written just now. Nothing was "
		    "changed. Please try again in a moment.";
	}
}

void
db_close(void)
{
	close_connection(conn == NULL || file_is_ours());
}

sqlite3_stmt *
db_stmt(enum stmt id)
{
	int rc;

	if (conn == NULL || id >= STMT__MAX)
		return NULL;
	if (cache[id] == NULL) {
		if ((rc = sqlite3_prepare_v3(conn, db_stmt_sql(id), -1, SQLITE_PREPARE_PERSISTENT,
		    &cache[id], NULL)) != SQLITE_OK) {
			/* A statement that does not prepare is a bug in sql.c, or a damaged schema. */
			if (request_error == 0)
				request_error = rc;
			if (failure.rc == 0) {
				failure.rc = rc;
				snprintf(failure.detail, sizeof failure.detail, "%s", sqlite3_errmsg(conn));
				failure.stmt = (int)id;
			} else if (failure.stmt < 0)
				failure.stmt = (int)id;	/* the log heard of it: this is the statement */
			return NULL;
		}
		return cache[id];
	}
	failure_at(cache[id], sqlite3_reset(cache[id]));	/* one whose failure was not reset yet */
	sqlite3_clear_bindings(cache[id]);
	return cache[id];
}

/* sqlite3_reset returns the code of the statement's last step: a raw step's failure is named here. */
void
db_done(sqlite3_stmt *s)
{
	if (s)
		failure_at(s, sqlite3_reset(s));
}

const char *
db_text(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t ? (const char *)t : "";
}

int
db_cursor_step(struct db_cursor *c)
{
	c->rc = c->stmt ? sqlite3_step(c->stmt) : SQLITE_ERROR;
	failure_at(c->stmt, c->rc);
	return c->rc == SQLITE_ROW ? 1 : c->rc == SQLITE_DONE ? 0 : -1;
}

void
db_cursor_close(struct db_cursor *c)
{
	db_done(c->stmt);
	c->stmt = NULL;
}

/*
 * A write is confirmed only when it is in the file the configured path names: the path is
 * checked before a write transaction begins and again once it has committed, so a commit that
 * landed in a file deleted or replaced meanwhile is reported as failed, never as saved.
 */
int
db_write(sqlite3_stmt *s)
{
	int rc;

	if (s && s == cache[STMT_BEGIN] && !file_is_ours()) {
		request_error = SQLITE_CANTOPEN;
		reopen_wanted = 1;
		return SQLITE_CANTOPEN;
	}
	rc = s ? sqlite3_step(s) : SQLITE_ERROR;
	failure_at(s, rc);
	db_done(s);
	if (s && s == cache[STMT_COMMIT] && (rc == SQLITE_DONE) && !file_is_ours()) {
		request_error = SQLITE_CANTOPEN;
		reopen_wanted = 1;
		return SQLITE_CANTOPEN;
	}
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int
db_write_best_effort(sqlite3_stmt *s)
{
	int before = request_error, rc = db_write(s);

	request_error = before;
	return rc;
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

/* The validators' row (schema 015) as last read by db_public_version(); ok 0 when unread. */
static struct db_validators validators;
static int validators_ok;

static void
read_validators(void)
{
	sqlite3_stmt *s = db_stmt(STMT_VALIDATOR_GET);

	validators_ok = 0;
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		const unsigned char *e = sqlite3_column_text(s, 0);

		snprintf(validators.epoch, sizeof validators.epoch, "%s", e ? (const char *)e : "");
		validators.report_n = sqlite3_column_int64(s, 1);
		validators.directory_at = sqlite3_column_int64(s, 2);
		validators.report_at = sqlite3_column_int64(s, 3);
		validators_ok = 1;
	}
	db_done(s);
}

int
db_validators(struct db_validators *out)
{
	if (db_public_version() < 0 || !validators_ok)
		return -1;
	*out = validators;
	return 0;
}

sqlite3_int64
db_public_version(void)
{
	static sqlite3_int64 seen_data = -1, seen_changes = -1, version = -1;
	static unsigned seen_generation;
	sqlite3_stmt *s = db_stmt(STMT_DATA_VERSION);
	sqlite3_int64 data = -1, changes = conn ? sqlite3_total_changes64(conn) : -1;

	if (s && sqlite3_step(s) == SQLITE_ROW)
		data = sqlite3_column_int64(s, 0);
	db_done(s);
	/* data_version sees other connections' commits; total_changes sees our own. */
	if (data != seen_data || changes != seen_changes || generation != seen_generation ||
	    version < 0) {
		version = -1;
		if ((s = db_stmt(STMT_PAGE_STORE_VERSION)) != NULL && sqlite3_step(s) == SQLITE_ROW)
			version = sqlite3_column_int64(s, 0);
		db_done(s);
		read_validators();
		seen_data = data;
		seen_changes = changes;
		seen_generation = generation;
	}
	/* Another file opened (a restore, a replaced file) may hold the same number: never the same key. */
	return version < 0 ? -1 : ((sqlite3_int64)(generation & 0xffff) << 44) + version;
}
