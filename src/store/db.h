/*
 * db.h - the one SQLite connection of a process, and every statement it may run.
 *
 * All SQL lives in sql.c as a table indexed by enum stmt; code elsewhere names a statement,
 * binds values, steps it, and never writes SQL text. Statements are prepared once per process
 * (SQLITE_PREPARE_PERSISTENT) on first use and reset after each use.
 */
#ifndef LIAISON_DB_H
#define LIAISON_DB_H

#include <stddef.h>
#include <sqlite3.h>

#define SUMMARY_STMTS	7	/* a count and six facets */

enum stmt {
	STMT_DATA_VERSION,
	STMT_COUNTRY_EXISTS,
	STMT_LANGUAGE_EXISTS,
	STMT_INTEREST_EXISTS,
	STMT_TYPE_EXISTS,
	STMT_ORG_LIST_BY_NAME,
	STMT_ORG_LIST_BY_COUNTRY,
	STMT_ORG_LIST_BY_CONFIRMED,
	STMT_ORG_LIST_IN_COUNTRY_BY_NAME,
	STMT_ORG_LIST_IN_COUNTRY_BY_CONFIRMED,
	/*
	 * Each summary is SUMMARY_STMTS statements in a row: the total, then one per facet in
	 * enum facet's order (directory.h). For /list, and for each way a search finds its rows.
	 */
	STMT_LIST_SUMMARY,
	STMT_SEARCH_WORDS_SUMMARY = STMT_LIST_SUMMARY + SUMMARY_STMTS,
	STMT_SEARCH_SUBSTRINGS_SUMMARY = STMT_SEARCH_WORDS_SUMMARY + SUMMARY_STMTS,
	STMT_SEARCH_SCAN_SUMMARY = STMT_SEARCH_SUBSTRINGS_SUMMARY + SUMMARY_STMTS,
	/* The same, for the whole directory, read from the counts kept in facet_count (schema 009). */
	STMT_KEPT_SUMMARY = STMT_SEARCH_SCAN_SUMMARY + SUMMARY_STMTS,
	STMT_SEARCH_WORDS_PAGE = STMT_KEPT_SUMMARY + SUMMARY_STMTS,
	STMT_SEARCH_SUBSTRINGS_PAGE,
	STMT_SEARCH_SCAN_PAGE,
	STMT_SEARCH_WORDS_MARKS,
	STMT_SEARCH_SUBSTRINGS_MARKS,
	STMT_ORG_GET,
	STMT_ORG_LANGUAGES,
	STMT_ORG_INTERESTS,
	STMT_ORG_PARTNERS,
	STMT_MATCH_TARGET,
	STMT_MATCH_CANDIDATES,
	STMT_MATCH_LANGUAGE_PEERS,
	STMT_MATCH_CURRENT_PARTNERS,
	STMT_MATCH_SHARED_LANGUAGES,
	STMT_INTEREST_LABELS,
	/* Writing: transactions, forms, applications, the audit log (entry.c, orgform.c). */
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT_SITE_SECRET,
	STMT_FORM_TYPES,
	STMT_FORM_COUNTRIES,
	STMT_FORM_LANGUAGES,
	STMT_FORM_INTERESTS,
	STMT_FORM_TIMEZONES,
	STMT_TIMEZONE_EXISTS,
	STMT_ORG_SNAPSHOT,
	STMT_ORG_INSERT,
	STMT_ORG_UPDATE,
	STMT_ORG_LANGUAGES_REMOVE,
	STMT_ORG_LANGUAGES_ADD,
	STMT_ORG_INTERESTS_REMOVE,
	STMT_ORG_INTERESTS_ADD,
	STMT_ORG_DUPLICATES,
	STMT_ORG_SAME_NAME,
	STMT_ENTRY_SET_STATUS,
	STMT_APPLICATION_INSERT,
	STMT_APPLICATION_BY_NONCE,
	STMT_APPLICATION_BY_REFERENCE,
	STMT_APPLICATION_STATE,
	STMT_APPLICATION_DECIDE,
	STMT_APPLY_RECENT,
	STMT_APPLY_PRUNE,
	STMT_APPLY_NOTE_ATTEMPT,
	STMT_AUDIT_INSERT,
	STMT_AUDIT_CHANGE,
	/* Staff pages (cgi-bin/staff.c). */
	STMT_STAFF_QUEUE,
	STMT_STAFF_STALE,
	STMT_STAFF_STALE_COUNT,
	STMT_STAFF_ENTRIES,
	STMT_STAFF_ENTRIES_COUNT,
	STMT_STAFF_ORG,
	STMT_AUDIT_FOR_ORG,
	STMT_AUDIT_CHANGES,
	STMT_AUDIT_PAGE,
	STMT_AUDIT_COUNT,
	/* Accounts and sessions (auth.c, liaison-admin). */
	/* Partnerships and activities (record.c, cgi-bin/partnerships.c, import.c). */
	STMT_PARTNERSHIP_SNAPSHOT,
	STMT_PARTNERSHIP_GOALS,
	STMT_PARTNERSHIP_INSERT,
	STMT_PARTNERSHIP_UPDATE,
	STMT_PARTNERSHIP_ORGS,
	STMT_PARTNERSHIP_ORG_EXISTS,
	STMT_PARTNERSHIP_SPAN,
	STMT_PARTNERSHIP_ACTIVITY_SPAN,
	STMT_PARTNERSHIP_PAGE,
	STMT_PARTNERSHIP_LIST,
	STMT_PARTNERSHIP_TOTALS,
	STMT_ACTIVITY_SNAPSHOT,
	STMT_ACTIVITY_INSERT,
	STMT_ACTIVITY_UPDATE,
	STMT_ACTIVITY_DELETE,
	STMT_ACTIVITY_LIST,
	STMT_ACTIVITY_TYPES,
	STMT_ACTIVITY_TYPE_EXISTS,
	STMT_ACTIVITY_TYPE_LABEL,
	STMT_AUDIT_FOR_PARTNERSHIP,
	STMT_CHOICE_BY_LABEL_TYPE,
	STMT_CHOICE_BY_LABEL_COUNTRY,
	STMT_CHOICE_BY_LABEL_LANGUAGE,
	STMT_CHOICE_BY_LABEL_INTEREST,
	STMT_CHOICE_BY_LABEL_ACTIVITY_TYPE,
	STMT_ACCOUNT_BY_NAME,
	STMT_ACCOUNT_INSERT,
	STMT_ACCOUNT_SET_PASSWORD,
	STMT_ACCOUNT_SET_DISABLED,
	STMT_ACCOUNT_LIST,
	STMT_ACCOUNT_CHOICES,
	STMT_ACCOUNT_EXISTS,
	STMT_ACCOUNT_ADMIN_EXISTS,
	STMT_ACCOUNT_DEFAULT_HOST,
	STMT_ACCOUNT_SET_DEFAULT_HOST,
	/* Pages kept between CGI processes (pagecache.c). */
	STMT_PAGE_STORE_VERSION,
	STMT_PAGE_STORE_GET,
	STMT_PAGE_STORE_PRUNE,
	STMT_PAGE_STORE_PUT,
	STMT_DIRECTORY_VERSION_PASS,
	/* HTTP validators (schema 015, pagecache.c) and the restore that renews their epoch. */
	STMT_VALIDATOR_GET,
	STMT_VALIDATOR_RENEW,
	STMT_SESSION_WHO,
	STMT_SESSION_INSERT,
	STMT_SESSION_DELETE,
	STMT_SESSION_DELETE_ACCOUNT,
	STMT_SESSION_PRUNE,
	STMT_SIGNIN_FAILURES,
	STMT_SIGNIN_FAILED,
	STMT_SIGNIN_CLEAR,
	STMT_SIGNIN_ADDRESS_FAILURES,
	STMT_SIGNIN_ADDRESS_FAILED,
	STMT_SIGNIN_ADDRESS_PRUNE,
	STMT_SESSION_DELETE_ACCOUNT_EXCEPT,
	/* Impact reports (report.c, cgi-bin/report.c). */
	STMT_REPORT_TOTALS_SITE,
	STMT_REPORT_TOTALS_SCOPED,
	STMT_REPORT_MONTHS_SITE,
	STMT_REPORT_MONTHS_SCOPED,
	STMT_REPORT_PARTNERSHIP_COUNTS,
	STMT_REPORT_COUNTRIES,
	STMT_REPORT_LANGUAGES,
	STMT_REPORT_PARTNERSHIPS,
	STMT_REPORT_ACTIVITIES,
	STMT_REPORT_HOST,
	STMT_REPORT_TRIGGER_TEXT,
	STMT_REPORT_TRIGGER_DROP,
	STMT_REPORT_LAST_ACTIVITY,
	STMT_REPORT_IMPORT_SUMS,
	STMT_REPORT_PARTNERSHIP_DAY_ADD,
	STMT_REPORT_DAY_ADD,
	STMT_REPORT_IMPORT_SUMS_CLEAR,
	/* Backups, checks and the CSV export of everything (backup.c, liaison-admin). */
	STMT_BACKUP_INTO,
	STMT_CHECK_INTEGRITY,
	STMT_CHECK_FOREIGN_KEYS,
	STMT_CHECK_VERSION,
	STMT_CHECK_IS_LIAISON,
	STMT_EXPORT_ORG,	/* the exports, in backup.c's order */
	STMT_EXPORT_ORG_LANGUAGE,
	STMT_EXPORT_ORG_INTEREST,
	STMT_EXPORT_APPLICATION,
	STMT_EXPORT_PARTNERSHIP,
	STMT_EXPORT_ACTIVITY,
	STMT_EXPORT_AUDIT,
	STMT_EXPORT_AUDIT_CHANGE,
	STMT_EXPORT_ACCOUNT,
	STMT_EXPORT_COUNTRY,
	STMT_EXPORT_LANGUAGE,
	STMT_EXPORT_INTEREST,
	STMT_EXPORT_ORG_TYPE,
	STMT_EXPORT_ACTIVITY_TYPE,
	STMT_EXPORT_TIMEZONE,
	/* From here on, statements of mail (sqlmail.c): the outbox (outbox.c, schema 012), … */
	STMT_EXPORT_PARTNERSHIP_REVIEW,
	STMT_EXPORT_PARTNERSHIP_REVIEW_GOAL,
	STMT_MAIL_FIRST,
	STMT_OUTBOX_INSERT = STMT_MAIL_FIRST,
	STMT_OUTBOX_CLAIM,
	STMT_OUTBOX_SENT,
	STMT_OUTBOX_RETRY_LATER,
	STMT_OUTBOX_SEND_AGAIN,
	STMT_OUTBOX_ALL_DUE_NOW,
	STMT_OUTBOX_LIST,
	STMT_OUTBOX_GET,
	STMT_OUTBOX_COUNTS,
	/* "Contact this organization" (contact.c, schema 013). */
	STMT_CONTACT_ORG,
	STMT_CONTACT_SENDER_TODAY,
	STMT_CONTACT_ORG_TODAY,
	STMT_CONTACT_PAIR_SEEN,
	STMT_CONTACT_SENDER_ADD,
	STMT_CONTACT_DAY_ADD,
	STMT_CONTACT_PRUNE,
	STMT_CONTACT_FIGURES,
	/* The messages about applications (notify.c). */
	STMT_NOTIFY_REFERENCE,
	STMT_NOTIFY_LAST_DIGEST,
	STMT_NOTIFY_SINCE,
	STMT_NOTIFY_FIRST_SINCE,
	STMT_NOTIFY_OUTBOX_COUNT,
	/* Reminders and manage links (remind.c, schema 014), and proposed changes (entry.c). */
	STMT_REMIND_DUE,
	STMT_REMIND_INSERT,
	STMT_REMIND_ASKED_RECENT,
	STMT_REMIND_ENTRY,
	STMT_REMIND_STATUS,
	STMT_REMIND_RUN_LAST,
	STMT_REMIND_RUN_CLAIM,
	STMT_REMIND_CONFIRMED_SHARE,
	STMT_APPLICATION_SET_UPDATES,
	STMT_APPLICATION_UPDATES,
	STMT_ORG_MERGE,
	/* Import batches (import.c, schema 016). */
	STMT_IMPORT_BATCH_BY_HASH,
	STMT_IMPORT_BATCH_INSERT,
	STMT_IMPORT_BATCH_LINK,
	STMT_IMPORT_DUPLICATE,
	STMT_IMPORT_BATCH_GET,
	STMT_IMPORT_BATCH_LIST,
	STMT_IMPORT_BATCH_DELETE_ROWS,
	STMT_IMPORT_BATCH_UNDONE,
	/* Import previews and undo from the web (import.c, importpending.c, schema 017). */
	STMT_IMPORT_SUMMARY,
	STMT_IMPORT_BATCH_EDITED,
	STMT_IMPORT_PENDING_EXPIRE,
	STMT_IMPORT_PENDING_TRIM,
	STMT_IMPORT_PENDING_INSERT,
	STMT_IMPORT_PENDING_GET,
	STMT_IMPORT_PENDING_DELETE,
	/* Partnership reviews (pshipreview.c) */
	STMT_REVIEW_UPSERT,
	STMT_REVIEW_GOALS_CLEAR,
	STMT_REVIEW_GOAL_INSERT,
	STMT_REVIEW_LIST,
	STMT_REVIEW_GOALS,
	STMT_REVIEW_SNAPSHOT,
	STMT__MAX
};

/* The schema version these binaries expect: the number of the last file in schema/. */
#ifndef SCHEMA_VERSION
#error "SCHEMA_VERSION must be defined by the build (the highest NNN in schema/)"
#endif

/*
 * Opens config.database for the process: busy timeout, foreign keys, WAL, synchronous=NORMAL.
 * Never fatal: on failure db_ready() is 0 and each request gets a 503 saying why, and the
 * next request tries again (the database may be created after the server starts).
 *
 * db_ready() is called once at the start of every request. It gives up the connection and
 * opens the path afresh when the path no longer names the file that was opened (deleted, or
 * another file moved over it: never confirm a write into a file nobody will see again), when
 * a read-only file has become writable, or when the last request met a hard error (disk full,
 * I/O error, a damaged page), so that whatever fixed it is seen without a restart.
 */
void		 db_open_configured(void);
int		 db_ready(void);
/* Why db_ready() is 0, for the 503 page: never a file path (the log has those). */
const char	*db_unavailable_reason(void);
void		 db_close(void);
/*
 * The first hard error (damaged file, I/O error, full disk, read-only, no memory) any
 * statement met since db_ready(), wherever it was stepped, or 0: a page that met one must not
 * be answered 200 (it may show fewer rows than it says), and db_error_text() says why.
 */
int		 db_request_error(void);
const char	*db_error_text(int rc);
/*
 * What the log says of the request's first hard error, one line per request written by the
 * serve loop (serve.c), the only place that writes it: the error (any hard one, a full disk
 * or a read-only file too, which db_request_error() leaves to the write that met them), the
 * statement that met it, found from SQLite's own message or from the step helper that
 * stepped it (db_cursor_step, db_write), and SQLite's words. NULL when the request met none.
 */
struct db_failure {
	int		 rc;
	const char	*statement;	/* "STMT_ORG_LIST_BY_NAME", or "an unnamed statement" */
	const char	*message;	/* sqlite3_errstr, then SQLite's log line when it says more */
};
const struct db_failure *db_request_failure(void);
/* enum stmt's name for id (stmtnames.c): what the log calls a statement. */
const char	*db_stmt_name(enum stmt id);
extern const char *const db_stmt_names[];

/*
 * A reader's promise about a statement's columns, kept beside the code that reads them:
 * DB_READER(STMT_X, N) says "the row reader here reads columns 0 to N-1 of STMT_X". Each
 * lands in the linker section liaison_readers, and a unit test prepares every statement
 * named there and checks sqlite3_column_count() against N, so a column added to or dropped
 * from sql.c without its reader fails a test rather than reading the wrong column.
 * (Sections are not instrumented by AddressSanitizer, so the entries lie end to end.)
 */
struct db_reader {
	enum stmt	 id;
	int		 columns;
	const char	*file;
};
#define DB_READER(stmt, ncolumns) \
	static const struct db_reader db_reader_##stmt \
	    __attribute__((used, section("liaison_readers"), aligned(8))) = { stmt, ncolumns, __FILE__ }
extern const struct db_reader __start_liaison_readers[], __stop_liaison_readers[];

/*
 * One statement read row by row. rc is the last sqlite3_step result, so that the end of the
 * rows (SQLITE_DONE) is told from a failure (busy, damaged): a list must never be shown
 * whole when it was cut short.
 */
struct db_cursor {
	sqlite3_stmt	*stmt;
	int		 rc;
};
/* Column col of s's row as text, "" for NULL: what row readers hand to pages. */
const char	*db_text(sqlite3_stmt *s, int col);
/* Steps c: 1 a row, 0 the end, -1 failed (db_is_busy(c->rc) says whether it was busy). */
int		 db_cursor_step(struct db_cursor *c);
void		 db_cursor_close(struct db_cursor *c);

/* The prepared statement for id, reset and with bindings cleared; NULL if it cannot be prepared. */
sqlite3_stmt	*db_stmt(enum stmt id);
/* Resets s so it releases its read snapshot; call when done stepping. */
void		 db_done(sqlite3_stmt *s);
/*
 * Steps s once, for its effect (a write, BEGIN, COMMIT; rows are not wanted), and resets it.
 * Returns SQLITE_OK, or sqlite3_step's error code; SQLITE_ERROR when s is NULL, so that
 * db_write(db_stmt(…)) needs no check of its own.
 */
int		 db_write(sqlite3_stmt *s);
/*
 * db_write for a write the answer does not depend on (keeping a page made for the page
 * store): its failure is logged but does not mark the request's answer as wrong.
 */
int		 db_write_best_effort(sqlite3_stmt *s);
/* db_write of statement id, which takes no parameters (STMT_BEGIN, STMT_COMMIT, …). */
int		 db_run(enum stmt id);
/*
 * Runs sql, which must be text the database's own schema holds (sqlite_master.sql), never
 * anything built from input: for putting back a trigger set aside during an import.
 */
int		 db_run_schema_sql(const char *sql);
/* 1 when rc from sqlite3_step means "busy or locked past the timeout". */
int		 db_is_busy(int rc);

/* Binds text, or NULL when v is NULL or empty: "no filter" in the directory's statements. */
void		 db_bind_text_or_null(sqlite3_stmt *, int idx, const char *v);

/*
 * A number that changes whenever what the public pages show may have changed: the
 * directory's own version (schema 008, moved by triggers only for listed entries since 010),
 * and a different number for every file opened, so a restore or a replaced file never meets
 * a page kept from before. A pending application, a sign-in or an audit record leave it as
 * it was. Reads the table only when PRAGMA data_version says some connection wrote. -1 when
 * it cannot be read.
 */
sqlite3_int64	 db_public_version(void);

/*
 * What HTTP validators are made of (schema 015), read again with db_public_version() only
 * when some connection wrote: the database's epoch (random, renewed by every restore), the
 * report's own change count, and when the directory and the report last changed (unix
 * seconds). 0, or -1 when they cannot be read.
 */
struct db_validators {
	char		epoch[40];
	sqlite3_int64	report_n;
	long long	directory_at, report_at;
};
int		 db_validators(struct db_validators *);

/*
 * Opens path (creating it when create is set) and applies the migrations in schema_dir that
 * are newer than its user_version, each in one transaction. Returns 0 or -1 with err set.
 * Safe to run from several processes at once. Used by the admin tool, the upload bundle's
 * first request after an upgrade (bundle.c) and tests.
 */
int		 db_migrate_file(const char *path, const char *schema_dir, int create,
		    char *err, size_t errsize);
/*
 * Builds a new database at path from the migrations in schema_dir and then the SQL files,
 * owner-only, in a file of its own that is moved into place only when complete. With replace
 * it takes the place of any database at path; without, a database that appeared at path
 * meanwhile (made by another process) is kept and this one dropped. 0, or -1 with err.
 */
int		 db_create(const char *path, const char *schema_dir, char *const *files, int nfiles,
		    int replace, char *err, size_t errsize);
/*
 * Runs every statement of the SQL file sql_file on the database at path, in one transaction:
 * all of it or none. Returns 0, or -1 with err saying which file and why.
 */
int		 db_run_file(const char *path, const char *sql_file, char *err, size_t errsize);
/*
 * sqlite3_open_v2, except that a -wal left beside path by another database file (one that
 * was moved over it, or deleted) is first moved aside, never applied to this one: see
 * README.md, "Never swap the database file while the site runs". Every Liaison program opens through it.
 */
int		 db_open_guarded(const char *path, int flags, sqlite3 **out);
/*
 * Per-connection settings every connection gets; exposed for the admin tool. WAL only where
 * the database file is on a local filesystem: WAL's shared memory does not work across the
 * machines of a network filesystem, so there the connection keeps a rollback journal and
 * says so once on standard error.
 */
int		 db_configure(sqlite3 *, int busy_timeout_ms);
/* 0 for a network or remote filesystem (NFS, SMB/CIFS, 9p, Ceph, FUSE, …) by statfs type. */
int		 db_filesystem_is_local(unsigned long f_type);

/* The SQL of a statement (sql.c, sqlmail.c); NULL for an id out of range. */
const char	*db_stmt_sql(enum stmt);
extern const char *const db_sql_mail[STMT__MAX - STMT_MAIL_FIRST];

#endif
