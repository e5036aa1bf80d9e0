/*
 * review.c - see review.h. The statements are sql.c's STMT_STAFF_*; each reader's column
 * count is declared beside it (DB_READER) and checked by a unit test.
 */
#include <sqlite3.h>

#include "db.h"
#include "review.h"

static const enum stmt list_stmt[] = {
	[REVIEW_QUEUE] = STMT_STAFF_QUEUE,
	[REVIEW_ENTRIES] = STMT_STAFF_ENTRIES,
	[REVIEW_STALE] = STMT_STAFF_STALE,
};

/* The columns of the three lists, in order. */
enum { RL_ID, RL_NAME, RL_COUNTRY, RL_STATUS, RL_DATE, RL_DETAIL, RL_REFERENCE, RL_COLUMNS };
DB_READER(STMT_STAFF_QUEUE, RL_COLUMNS);
DB_READER(STMT_STAFF_ENTRIES, RL_COLUMNS);
DB_READER(STMT_STAFF_STALE, RL_COLUMNS);
DB_READER(STMT_STAFF_ENTRIES_COUNT, 1);
DB_READER(STMT_STAFF_STALE_COUNT, 1);

long
review_count(enum review_list which, const char *status, const char *q)
{
	struct db_cursor c = { db_stmt(which == REVIEW_STALE ? STMT_STAFF_STALE_COUNT :
	    STMT_STAFF_ENTRIES_COUNT), SQLITE_OK };
	long n = -1;

	if (c.stmt == NULL)
		return -1;
	if (which == REVIEW_ENTRIES) {
		db_bind_text_or_null(c.stmt, 3, status);
		db_bind_text_or_null(c.stmt, 4, q);
	}
	if (db_cursor_step(&c) == 1)
		n = (long)sqlite3_column_int64(c.stmt, 0);
	db_cursor_close(&c);
	return n;
}

int
review_open(struct db_cursor *c, enum review_list which, long limit, long offset,
    const char *status, const char *q)
{
	c->rc = SQLITE_OK;
	if ((c->stmt = db_stmt(list_stmt[which])) == NULL) {
		c->rc = SQLITE_ERROR;
		return -1;
	}
	if (which != REVIEW_QUEUE) {
		sqlite3_bind_int64(c->stmt, 1, limit);
		sqlite3_bind_int64(c->stmt, 2, offset);
	}
	if (which == REVIEW_ENTRIES) {
		db_bind_text_or_null(c->stmt, 3, status);
		db_bind_text_or_null(c->stmt, 4, q);
	}
	return 0;
}

int
review_next(struct db_cursor *c, struct review_row *row)
{
	int rc = db_cursor_step(c);

	if (rc == 1) {
		row->id = sqlite3_column_int64(c->stmt, RL_ID);
		row->name = db_text(c->stmt, RL_NAME);
		row->country = db_text(c->stmt, RL_COUNTRY);
		row->status = db_text(c->stmt, RL_STATUS);
		row->date = db_text(c->stmt, RL_DATE);
		row->detail = db_text(c->stmt, RL_DETAIL);
		row->reference = db_text(c->stmt, RL_REFERENCE);
	}
	return rc;
}

/* The columns of STMT_STAFF_ORG, in order. */
enum { RE_ID, RE_NAME, RE_STATUS, RE_CONFIRMED, RE_CREATED, RE_REFERENCE, RE_STATE, RE_NOTE,
    RE_SUBMITTED, RE_DECIDED_AT, RE_DECIDED_BY, RE_CONTACT_NAME, RE_CONTACT_EMAIL, RE_COLUMNS };
DB_READER(STMT_STAFF_ORG, RE_COLUMNS);

int
review_entry(struct db_cursor *c, long long id, struct review_entry *e)
{
	sqlite3_stmt *s;
	int found;

	c->rc = SQLITE_OK;
	if ((s = c->stmt = db_stmt(STMT_STAFF_ORG)) == NULL) {
		c->rc = SQLITE_ERROR;
		return -1;
	}
	sqlite3_bind_int64(s, 1, id);
	if ((found = db_cursor_step(c)) != 1) {
		db_cursor_close(c);
		return found;
	}
	e->name = db_text(s, RE_NAME);
	e->status = db_text(s, RE_STATUS);
	e->confirmed_on = db_text(s, RE_CONFIRMED);
	e->created_at = db_text(s, RE_CREATED);
	e->contact_name = db_text(s, RE_CONTACT_NAME);
	e->contact_email = db_text(s, RE_CONTACT_EMAIL);
	e->reference = db_text(s, RE_REFERENCE);
	e->state = sqlite3_column_type(s, RE_STATE) == SQLITE_NULL ? NULL : db_text(s, RE_STATE);
	e->note = db_text(s, RE_NOTE);
	e->submitted_at = db_text(s, RE_SUBMITTED);
	e->decided_at = sqlite3_column_type(s, RE_DECIDED_AT) == SQLITE_NULL ? NULL :
	    db_text(s, RE_DECIDED_AT);
	e->decided_by = db_text(s, RE_DECIDED_BY);
	return 1;
}
