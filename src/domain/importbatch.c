/*
 * importbatch.c - imports as batches (import.h, schema 016): finding the batch a file went in
 * as, listing them, and undoing one.
 *
 * Undo is one transaction: the batch's activities are deleted through the ordinary DELETE,
 * so the day sums' trigger takes each one's figures back out of the reports exactly as it put
 * them in; the batch is marked undone (which lets the same file in again) and the audit log
 * says who undid what. An activity edited on its form since the batch went in (the audit log's
 * "edited activity", record.c) holds someone's later work, so the undo refuses while there is
 * one, unless the person agreed to remove that many (the page and the command line list them
 * first). Batches of organizations are recorded but not undone here: an entry may have been
 * reviewed, edited or given partnerships since, which a delete would lose.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "import.h"

DB_READER(STMT_IMPORT_BATCH_BY_HASH, 9);
DB_READER(STMT_IMPORT_BATCH_GET, 9);
DB_READER(STMT_IMPORT_BATCH_LIST, 9);
DB_READER(STMT_IMPORT_BATCH_EDITED, 7);

static void
batch_from_row(sqlite3_stmt *s, struct import_batch *b)
{
	b->id = sqlite3_column_int64(s, 0);
	snprintf(b->kind, sizeof b->kind, "%s", db_text(s, 1));
	snprintf(b->file, sizeof b->file, "%s", db_text(s, 2));
	snprintf(b->actor, sizeof b->actor, "%s", db_text(s, 3));
	snprintf(b->created_at, sizeof b->created_at, "%s", db_text(s, 4));
	b->rows = (long)sqlite3_column_int64(s, 5);
	b->duplicates = (long)sqlite3_column_int64(s, 6);
	snprintf(b->undone_at, sizeof b->undone_at, "%s", db_text(s, 7));
	snprintf(b->undone_by, sizeof b->undone_by, "%s", db_text(s, 8));
}

int
import_batch_by_hash(const char *kind, const char *hex, struct import_batch *b)
{
	struct db_cursor c = { db_stmt(STMT_IMPORT_BATCH_BY_HASH), SQLITE_OK };
	int found;

	if (c.stmt == NULL)
		return -1;
	sqlite3_bind_text(c.stmt, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(c.stmt, 2, hex, -1, SQLITE_STATIC);
	if ((found = db_cursor_step(&c)) == 1)
		batch_from_row(c.stmt, b);
	db_cursor_close(&c);
	return found;
}

int
import_batch_get(long long id, struct import_batch *b)
{
	struct db_cursor c = { db_stmt(STMT_IMPORT_BATCH_GET), SQLITE_OK };
	int found;

	if (c.stmt == NULL)
		return -1;
	sqlite3_bind_int64(c.stmt, 1, id);
	if ((found = db_cursor_step(&c)) == 1)
		batch_from_row(c.stmt, b);
	db_cursor_close(&c);
	return found;
}

int
import_batch_list(struct import_batch *out, int n)
{
	struct db_cursor c = { db_stmt(STMT_IMPORT_BATCH_LIST), SQLITE_OK };
	int got = 0, rc;

	if (c.stmt == NULL)
		return -1;
	sqlite3_bind_int(c.stmt, 1, n);
	while (got < n && (rc = db_cursor_step(&c)) == 1)
		batch_from_row(c.stmt, &out[got++]);
	db_cursor_close(&c);
	return got < n && rc < 0 ? -1 : got;
}

long
import_batch_edited(long long id, struct import_edited *out, long n)
{
	struct db_cursor c = { db_stmt(STMT_IMPORT_BATCH_EDITED), SQLITE_OK };
	long got = 0;
	int rc;

	if (c.stmt == NULL)
		return -1;
	sqlite3_bind_int64(c.stmt, 1, id);
	while ((rc = db_cursor_step(&c)) == 1) {
		if (got < n) {
			struct import_edited *e = &out[got];
			e->id = sqlite3_column_int64(c.stmt, 0);
			e->partnership_id = sqlite3_column_int64(c.stmt, 1);
			snprintf(e->held_on, sizeof e->held_on, "%s", db_text(c.stmt, 2));
			snprintf(e->type, sizeof e->type, "%s", db_text(c.stmt, 3));
			e->edits = (long)sqlite3_column_int64(c.stmt, 4);
			snprintf(e->last_at, sizeof e->last_at, "%s", db_text(c.stmt, 5));
			snprintf(e->last_by, sizeof e->last_by, "%s", db_text(c.stmt, 6));
		}
		got++;
	}
	db_cursor_close(&c);
	return rc < 0 ? -1 : got;
}

enum import_result
import_undo(long long id, const char *actor, long agreed, long *edited, char *why, size_t size)
{
	struct import_batch b;
	enum change_result r;
	sqlite3_stmt *q;
	char action[64], note[400];
	long long audit_id;
	long n_edited;
	int rc, found;

	why[0] = '\0';
	if (edited)
		*edited = 0;
	if ((r = change_begin()) != CHANGE_OK)
		return r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
	/* Read inside the transaction, so two administrators cannot both undo it. */
	if ((found = import_batch_get(id, &b)) != 1) {
		if (found == 0)
			snprintf(why, size, "There is no import batch %lld.", id);
		r = change_finish(found == 0 ? CHANGE_INVALID : CHANGE_FAILED);
		return found == 0 ? IMPORT_REFUSED : r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
	}
	if (b.undone_at[0] || strcmp(b.kind, "activities") != 0) {
		if (b.undone_at[0])
			snprintf(why, size, "Batch %lld was undone already, by %.100s on %.10s.", id,
			    b.undone_by, b.undone_at);
		else
			snprintf(why, size, "Batch %lld is of organizations: remove those entries one by one "
			    "from the staff pages, since they may have been reviewed or changed since.", id);
		change_finish(CHANGE_INVALID);
		return IMPORT_REFUSED;
	}
	/* Counted inside the transaction: an edit saved after the page listed them is seen. */
	if ((n_edited = import_batch_edited(id, NULL, 0)) != 0) {
		if (edited)
			*edited = n_edited;
		if (n_edited < 0 || (agreed >= 0 && agreed != n_edited)) {
			if (n_edited > 0)
				snprintf(why, size, "%ld of batch %lld's activities were edited since it was "
				    "imported; undoing it removes them with their edits.%s", n_edited, id,
				    agreed > 0 ? " (The number edited changed since you looked: here they are now.)" : "");
			r = change_finish(n_edited < 0 ? CHANGE_FAILED : CHANGE_INVALID);
			return n_edited > 0 ? IMPORT_REFUSED : r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
		}
	}
	rc = SQLITE_ERROR;
	if ((q = db_stmt(STMT_IMPORT_BATCH_DELETE_ROWS)) != NULL) {
		sqlite3_bind_int64(q, 1, id);
		rc = db_write(q);
	}
	if (rc == SQLITE_OK && (q = db_stmt(STMT_IMPORT_BATCH_UNDONE)) != NULL) {
		sqlite3_bind_int64(q, 1, id);
		sqlite3_bind_text(q, 2, actor, -1, SQLITE_STATIC);
		rc = db_write(q);
	}
	snprintf(action, sizeof action, "undid import batch %lld", id);
	snprintf(note, sizeof note, "%ld %s from %.200s, imported by %.60s on %.10s%s", b.rows, b.kind,
	    b.file, b.actor, b.created_at, n_edited > 0 ? "; with activities edited since" : "");
	r = rc == SQLITE_OK ? CHANGE_OK : change_failed(rc);
	if (r == CHANGE_OK && (audit_id = audit_open(actor, action, 0, 0, note)) < 0)
		r = change_failed((int)-audit_id);
	r = change_finish(r);
	return r == CHANGE_OK ? IMPORT_DONE : r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
}
