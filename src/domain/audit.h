/*
 * audit.h - how every staff change is written: one BEGIN IMMEDIATE transaction that also
 * records who did what and every field's old and new value, and notices when the row changed
 * since the person's form was loaded.
 *
 * A snapshot is a row's audited columns read by a statement that takes the id as ?1. The
 * audit log's changes come from comparing snapshots before and after the change inside the
 * same transaction, so whatever a statement (or a trigger it fires) changed is recorded, not
 * just what the code meant to change. A snapshot's fingerprint, sent with an edit form and
 * compared when it comes back, is how a second editor learns that the first one saved, and
 * which fields the first one changed.
 */
#ifndef LIAISON_AUDIT_H
#define LIAISON_AUDIT_H

#include "db.h"

enum change_result {
	CHANGE_OK,
	CHANGE_INVALID,		/* the form has problems; each field says which */
	CHANGE_RESUBMITTED,	/* this form was accepted before: reference names that application */
	CHANGE_LIMITED,		/* too many applications from this address in the last hour */
	CHANGE_CONFLICT,	/* the row is not in a state this action applies to */
	CHANGE_STALE,		/* someone else saved the row since this form was loaded */
	CHANGE_NOT_FOUND,
	CHANGE_BUSY,		/* the database stayed locked past the timeout */
	CHANGE_FAILED,		/* the database refused the change (full, read-only, broken) */
};

#define SNAPSHOT_COLUMNS	48
/* 32 hex digits for the whole row, then 4 for each column. */
#define FINGERPRINT_CHARS	(32 + 4 * SNAPSHOT_COLUMNS)

struct snapshot {
	int	 n;
	char	*name[SNAPSHOT_COLUMNS];
	char	*value[SNAPSHOT_COLUMNS];	/* NULL for SQL NULL */
};

/* Reads row id through statement stmt into sn. Returns 0, or -1 if there is no such row. */
int	snapshot_take(struct snapshot *sn, enum stmt, long long id);
/* The same telling why not: 1 read into sn, 0 no such row, -1 the database failed. */
int	snapshot_find(struct snapshot *sn, enum stmt, long long id);
void	snapshot_free(struct snapshot *sn);
/*
 * Writes the fingerprint of sn into out (FINGERPRINT_CHARS + 1 bytes): one hash of the whole
 * row, then a short one of each column, so that a form loaded from sn can later tell which
 * columns someone else changed.
 */
void	snapshot_fingerprint(const struct snapshot *sn, char *out);
/* 1 when column c of sn is as it was when fingerprint seen was taken. */
int	snapshot_column_as_seen(const struct snapshot *sn, int c, const char *seen);
/* The value of column name in sn, or NULL. */
const char *snapshot_value(const struct snapshot *sn, const char *name);

struct form;
/* Sets each field of f named like a column of sn to the column's value (NULL as ""). */
void	audit_form_fill(struct form *f, const struct snapshot *sn);
/*
 * Under the write lock: is the row, now as sn, still as the form saw it (fingerprint seen)?
 * Returns 1 if so. If not, marks each field that someone else changed to something other than
 * what the form holds, naming the value saved, writes the row's fingerprint now into fresh
 * (FINGERPRINT_CHARS + 1 bytes), and returns 0. Measures are compared as numbers ("1:30" is
 * the saved "1.5"); a many-choice field is marked whenever someone else changed it.
 */
int	audit_form_as_seen(struct form *f, const char *seen, const struct snapshot *sn, char *fresh);

/* Starts the one write transaction of a change: CHANGE_OK, or CHANGE_BUSY / CHANGE_FAILED. */
enum change_result change_begin(void);
/* Commits when result is CHANGE_OK or CHANGE_RESUBMITTED, else rolls back; returns the result,
 * or what went wrong with the commit. */
enum change_result change_finish(enum change_result result);
/* The result of a failed SQLite step: busy or failed. */
enum change_result change_failed(int rc);

/*
 * Opens an audit record: actor did action (the log's words: "edited", "deleted activity")
 * to organization org_id and/or partnership partnership_id (0: none). Returns its id, or
 * minus the SQLite error.
 */
long long audit_open(const char *actor, const char *action, long long org_id,
	    long long partnership_id, const char *note);
/* Records under audit_id every column that differs between before and after. */
int	audit_changes(long long audit_id, const struct snapshot *before, const struct snapshot *after);
/*
 * Ends a change of row id (read by stmt) that was in before when it began: records every
 * column that changed when rc is SQLITE_OK, then commits; rolls back on any failure. Frees
 * before. A row that is gone after (deleted) has every column's new value recorded as NULL.
 */
enum change_result audit_finish(int rc, long long audit_id, enum stmt, long long id,
	    struct snapshot *before);

/*
 * The audit log as the staff pages read it: one entry's events, one partnership's, or a page
 * of all of them, newest first, each read with audit_event_next. 0, or -1; audit_count is -1
 * when it fails.
 */
int	audit_open_for_org(struct db_cursor *, long long org_id);
int	audit_open_for_partnership(struct db_cursor *, long long partnership_id);
int	audit_open_page(struct db_cursor *, long limit, long offset);
long	audit_count(void);

/* One event of the audit log; the strings live until the cursor steps again or closes. */
struct audit_event {
	long long	 id;
	const char	*at;
	const char	*actor;
	const char	*action;
	const char	*note;		/* "" when none */
	long long	 org_id;	/* 0 when the event is not about an entry */
	const char	*org_name;
	long long	 partnership_id;	/* 0 when not about a partnership */
	const char	*partnership_name;
};
/* The next event: 1, 0 at the end, -1 when the database failed (the list is not whole). */
int	audit_event_next(struct db_cursor *, struct audit_event *);

/* One field an event changed, its old and new values ("" for none). */
struct audit_field_change {
	const char	*field;
	const char	*old_value;
	const char	*new_value;
};
/* The changes of event audit_id, in the order they were recorded, read with audit_change_next. */
int	audit_changes_open(struct db_cursor *, long long audit_id);
int	audit_change_next(struct db_cursor *, struct audit_field_change *);

#endif
