/*
 * partnership.c - the reads behind the partnership pages (see partnership.h): each reader
 * names its statement's columns in an enum and promises their count with DB_READER, so a
 * column added in sql.c without its reader fails the unit test.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "partnership.h"

/* Binds the one id a statement takes and leaves c ready to step: 0, or -1. */
static int
open_by_id(struct db_cursor *c, enum stmt id, long long key)
{
	c->stmt = db_stmt(id);
	c->rc = c->stmt ? SQLITE_OK : SQLITE_ERROR;
	if (c->stmt == NULL)
		return -1;
	sqlite3_bind_int64(c->stmt, 1, key);
	return 0;
}

/* --- the list ------------------------------------------------------------------------------ */

enum { PL_ID, PL_HOST, PL_PARTNER, PL_KIND, PL_STATUS, PL_START_ON, PL_LAST, PL_ACTIVITIES,
    PL_LEAD, PL_COLUMNS };
DB_READER(STMT_PARTNERSHIP_LIST, PL_COLUMNS);

/* 0, or -1 when the statement cannot be prepared; status is bound as it is (not copied). */
int
partnership_list_open(struct db_cursor *c, const char *status)
{
	c->stmt = db_stmt(STMT_PARTNERSHIP_LIST);
	c->rc = c->stmt ? SQLITE_OK : SQLITE_ERROR;
	if (c->stmt == NULL)
		return -1;
	if (status)
		sqlite3_bind_text(c->stmt, 1, status, -1, SQLITE_STATIC);
	return 0;
}

/* 1 a row into row, 0 the end, -1 failed. */
int
partnership_list_next(struct db_cursor *c, struct partnership_list_row *row)
{
	sqlite3_stmt *s = c->stmt;
	int rc = db_cursor_step(c);

	if (rc != 1)
		return rc;
	row->id = sqlite3_column_int64(s, PL_ID);
	row->host = db_text(s, PL_HOST);
	row->partner = db_text(s, PL_PARTNER);
	row->kind = db_text(s, PL_KIND);
	row->status = db_text(s, PL_STATUS);
	row->start_on = db_text(s, PL_START_ON);
	row->last = sqlite3_column_type(s, PL_LAST) == SQLITE_NULL ? NULL : db_text(s, PL_LAST);
	row->activities = sqlite3_column_int64(s, PL_ACTIVITIES);
	row->lead = db_text(s, PL_LEAD);
	return 1;
}

/* --- one partnership ----------------------------------------------------------------------- */

enum { PP_ID, PP_HOST, PP_PARTNER, PP_KIND, PP_COMMITMENT, PP_STATUS, PP_START_ON, PP_END_ON,
    PP_HOST_GIVES, PP_PARTNER_GIVES, PP_LEAD, PP_HOST_ID, PP_PARTNER_ID, PP_CREATED_AT,
    PP_COUNTRY, PP_COLUMNS };
DB_READER(STMT_PARTNERSHIP_PAGE, PP_COLUMNS);

/* 1 found (the cursor stays open for pg's strings), 0 none, -1 failed (both closed). */
int
partnership_find(struct db_cursor *c, long long id, struct partnership_page *pg)
{
	sqlite3_stmt *s;
	int found;

	if (open_by_id(c, STMT_PARTNERSHIP_PAGE, id) < 0)
		return -1;
	if ((found = db_cursor_step(c)) != 1) {
		db_cursor_close(c);
		return found;
	}
	s = c->stmt;
	pg->host = db_text(s, PP_HOST);
	pg->partner = db_text(s, PP_PARTNER);
	pg->kind = db_text(s, PP_KIND);
	pg->commitment = db_text(s, PP_COMMITMENT);
	pg->status = db_text(s, PP_STATUS);
	pg->start_on = db_text(s, PP_START_ON);
	pg->end_on = db_text(s, PP_END_ON);
	pg->host_gives = db_text(s, PP_HOST_GIVES);
	pg->partner_gives = db_text(s, PP_PARTNER_GIVES);
	pg->lead = db_text(s, PP_LEAD);
	pg->country = db_text(s, PP_COUNTRY);
	return 1;
}

enum { PG_GOAL, PG_MEASURE, PG_COLUMNS };
DB_READER(STMT_PARTNERSHIP_GOALS, PG_COLUMNS);

/* 0, or -1 when the statement cannot be prepared. */
int
partnership_goals_open(struct db_cursor *c, long long id)
{
	return open_by_id(c, STMT_PARTNERSHIP_GOALS, id);
}

/* 1 a goal into g, 0 the end, -1 failed. */
int
partnership_goal_next(struct db_cursor *c, struct partnership_goal *g)
{
	int rc = db_cursor_step(c);

	if (rc == 1) {
		g->goal = db_text(c->stmt, PG_GOAL);
		g->measure = db_text(c->stmt, PG_MEASURE);
	}
	return rc;
}

/* The totals' columns are enum partnership_total's, the last day, then each share's denominator. */
enum { PT_LAST_DAY = PT__MAX, PT_ASKED_RESPONDENTS, PT_COLUMNS = PT_ASKED_RESPONDENTS + 4 };
DB_READER(STMT_PARTNERSHIP_TOTALS, PT_COLUMNS);

/* 0 with t filled, or -1 when the totals cannot be read. */
int
partnership_totals(long long id, struct partnership_totals *t)
{
	struct db_cursor c;
	int rc;

	memset(t, 0, sizeof *t);
	if (open_by_id(&c, STMT_PARTNERSHIP_TOTALS, id) < 0)
		return -1;
	if ((rc = db_cursor_step(&c)) == 1) {
		for (int i = 0; i < PT__MAX; i++)
			t->v[i] = sqlite3_column_int64(c.stmt, i);
		snprintf(t->last, sizeof t->last, "%s", db_text(c.stmt, PT_LAST_DAY));
		for (int i = 0; i < 4; i++)
			t->asked_respondents[i] = sqlite3_column_int64(c.stmt, PT_ASKED_RESPONDENTS + i);
	}
	db_cursor_close(&c);
	return rc < 0 ? -1 : 0;		/* an aggregate always has its row; none reads as zeros */
}

enum { PS_FIRST, PS_LAST, PS_COUNT, PS_COLUMNS };
DB_READER(STMT_PARTNERSHIP_ACTIVITY_SPAN, PS_COLUMNS);

/* 0 with *count set, or -1 when it cannot be read. */
int
partnership_activity_count(long long id, long long *count)
{
	struct db_cursor c;
	int rc;

	*count = 0;
	if (open_by_id(&c, STMT_PARTNERSHIP_ACTIVITY_SPAN, id) < 0)
		return -1;
	if ((rc = db_cursor_step(&c)) == 1)
		*count = sqlite3_column_int64(c.stmt, PS_COUNT);
	db_cursor_close(&c);
	return rc < 0 ? -1 : 0;
}

enum { PA_ID, PA_HELD_ON, PA_TYPE, PA_IS_PROGRAM, PA_FORMAT, PA_SESSIONS, PA_IN_PERSON, PA_ONLINE,
    PA_MINUTES, PA_COST, PA_RESPONDENTS, PA_NOTES, PA_INFERRED, PA_COLUMNS };
DB_READER(STMT_ACTIVITY_LIST, PA_COLUMNS);

/* 0, or -1 when the statement cannot be prepared. */
int
partnership_activities_open(struct db_cursor *c, long long id, int limit, long long offset)
{
	if (open_by_id(c, STMT_ACTIVITY_LIST, id) < 0)
		return -1;
	sqlite3_bind_int(c->stmt, 2, limit);
	sqlite3_bind_int64(c->stmt, 3, offset);
	return 0;
}

/* 1 an activity into a, 0 the end, -1 failed. */
int
partnership_activity_next(struct db_cursor *c, struct partnership_activity_row *a)
{
	sqlite3_stmt *s = c->stmt;
	int rc = db_cursor_step(c);

	if (rc != 1)
		return rc;
	a->id = sqlite3_column_int64(s, PA_ID);
	a->held_on = db_text(s, PA_HELD_ON);
	a->type = db_text(s, PA_TYPE);
	a->is_program = sqlite3_column_int(s, PA_IS_PROGRAM);
	a->format = db_text(s, PA_FORMAT);
	a->sessions = sqlite3_column_int64(s, PA_SESSIONS);
	a->in_person = sqlite3_column_int64(s, PA_IN_PERSON);
	a->online = sqlite3_column_int64(s, PA_ONLINE);
	a->minutes = sqlite3_column_int64(s, PA_MINUTES);
	a->cost_cents = sqlite3_column_int64(s, PA_COST);
	a->respondents = sqlite3_column_int64(s, PA_RESPONDENTS);
	a->audience_inferred = sqlite3_column_int(s, PA_INFERRED);
	a->notes = db_text(s, PA_NOTES);
	return 1;
}

DB_READER(STMT_ACTIVITY_TYPE_LABEL, 1);

/* 1 the label into buf, 0 no such type, -1 failed (buf holds code for both). */
int
partnership_activity_type_label(const char *code, char *buf, size_t size)
{
	struct db_cursor c = { db_stmt(STMT_ACTIVITY_TYPE_LABEL), SQLITE_OK };
	int found;

	snprintf(buf, size, "%s", code);
	if (c.stmt == NULL)
		return -1;
	sqlite3_bind_text(c.stmt, 1, code, -1, SQLITE_STATIC);
	if ((found = db_cursor_step(&c)) == 1)
		snprintf(buf, size, "%s", db_text(c.stmt, 0));
	db_cursor_close(&c);
	return found;
}
