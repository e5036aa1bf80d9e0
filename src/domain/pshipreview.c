/*
 * pshipreview.c - a partnership's yearly review (pshipreview.h): the year it belongs to, its
 * reading back with the goals as they were scored, and its saving as one audited write.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "pshipreview.h"

const struct param_choice review_decisions[] = {
	{ "continue", "Continue as it is" }, { "change", "Continue, with changes" },
	{ "end", "End it" }, { NULL, NULL }
};

int
review_fiscal_year(const char *day)
{
	int y = atoi(day), m = atoi(day + 5);

	/* A fiscal year starting in July 2025 ends in June 2026: FY2026. */
	return config.fiscal_year_start > 1 && m >= config.fiscal_year_start ? y + 1 : y;
}

const char *
review_decision_label(const char *code)
{
	for (size_t i = 0; review_decisions[i].value; i++)
		if (strcmp(review_decisions[i].value, code) == 0)
			return review_decisions[i].label;
	return NULL;
}

DB_READER(STMT_REVIEW_LIST, 9);
DB_READER(STMT_REVIEW_GOALS, 3);
DB_READER(STMT_REVIEW_UPSERT, 1);

int
review_list_open(struct db_cursor *c, long long partnership_id, int fiscal_year)
{
	if ((c->stmt = db_stmt(STMT_REVIEW_LIST)) == NULL) {
		c->rc = SQLITE_ERROR;
		return -1;
	}
	sqlite3_bind_int64(c->stmt, 1, partnership_id);
	sqlite3_bind_int(c->stmt, 2, fiscal_year);
	c->rc = SQLITE_OK;
	return 0;
}

static void
copy(char *dst, size_t size, const unsigned char *s)
{
	snprintf(dst, size, "%s", s ? (const char *)s : "");
}

int
review_list_next(struct db_cursor *c, struct partnership_review *rv)
{
	sqlite3_stmt *g;
	int rc = db_cursor_step(c), grc;

	if (rc != 1)
		return rc;
	memset(rv, 0, sizeof *rv);
	rv->id = sqlite3_column_int64(c->stmt, 0);
	rv->fiscal_year = sqlite3_column_int(c->stmt, 1);
	copy(rv->reviewed_on, sizeof rv->reviewed_on, sqlite3_column_text(c->stmt, 2));
	rv->communication = sqlite3_column_int(c->stmt, 3);
	rv->commitment = sqlite3_column_int(c->stmt, 4);
	rv->give_and_take = sqlite3_column_int(c->stmt, 5);
	copy(rv->decision, sizeof rv->decision, sqlite3_column_text(c->stmt, 6));
	copy(rv->note, sizeof rv->note, sqlite3_column_text(c->stmt, 7));
	copy(rv->reviewed_by, sizeof rv->reviewed_by, sqlite3_column_text(c->stmt, 8));
	if ((g = db_stmt(STMT_REVIEW_GOALS)) == NULL)
		return -1;
	sqlite3_bind_int64(g, 1, rv->id);
	while ((grc = sqlite3_step(g)) == SQLITE_ROW && rv->ngoals < REVIEW_GOALS_MAX) {
		copy(rv->goal[rv->ngoals], sizeof rv->goal[0], sqlite3_column_text(g, 1));
		rv->goal_score[rv->ngoals++] = sqlite3_column_int(g, 2);
	}
	db_done(g);
	return grc == SQLITE_ROW || grc == SQLITE_DONE ? 1 : -1;
}

/* The review's row and its goals, written under the caller's transaction: its id, or -rc. */
static long long
write_review(long long partnership_id, const struct partnership_review *rv, const char *actor)
{
	sqlite3_stmt *s = db_stmt(STMT_REVIEW_UPSERT);
	long long id;
	int rc;

	if (s == NULL)
		return -SQLITE_ERROR;
	sqlite3_bind_int64(s, 1, partnership_id);
	sqlite3_bind_int(s, 2, rv->fiscal_year);
	sqlite3_bind_text(s, 3, rv->reviewed_on, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 4, rv->communication);
	sqlite3_bind_int(s, 5, rv->commitment);
	sqlite3_bind_int(s, 6, rv->give_and_take);
	sqlite3_bind_text(s, 7, rv->decision, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 8, rv->note, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 9, actor, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		db_done(s);
		return -rc;
	}
	id = sqlite3_column_int64(s, 0);
	db_done(s);
	if ((s = db_stmt(STMT_REVIEW_GOALS_CLEAR)) == NULL)
		return -SQLITE_ERROR;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = db_write(s)) != SQLITE_OK)
		return -rc;
	for (int i = 0; i < rv->ngoals; i++) {
		if ((s = db_stmt(STMT_REVIEW_GOAL_INSERT)) == NULL)
			return -SQLITE_ERROR;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, i + 1);
		sqlite3_bind_text(s, 3, rv->goal[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(s, 4, rv->goal_score[i]);
		if ((rc = db_write(s)) != SQLITE_OK)
			return -rc;
	}
	return id;
}

enum change_result
review_save(long long partnership_id, struct partnership_review *rv, const char *actor)
{
	struct db_cursor c;
	struct partnership_review *was;
	struct snapshot before = { 0 };
	enum change_result r;
	long long id, audit_id;
	char note[64];
	int found;

	rv->fiscal_year = review_fiscal_year(rv->reviewed_on);
	if ((was = malloc(sizeof *was)) == NULL)
		return CHANGE_FAILED;
	if ((r = change_begin()) != CHANGE_OK) {
		free(was);
		return r;
	}
	/* This year's review as it stands, for the audit log's old values. */
	if (review_list_open(&c, partnership_id, rv->fiscal_year) < 0) {
		free(was);
		return change_finish(CHANGE_FAILED);
	}
	found = review_list_next(&c, was);
	db_cursor_close(&c);
	if (found < 0 || (found == 1 && snapshot_take(&before, STMT_REVIEW_SNAPSHOT, was->id) < 0)) {
		free(was);
		return change_finish(CHANGE_FAILED);
	}
	free(was);
	if ((id = write_review(partnership_id, rv, actor)) < 0) {
		snapshot_free(&before);
		return change_finish(change_failed((int)-id));
	}
	rv->id = id;
	snprintf(note, sizeof note, "FY%d", rv->fiscal_year);
	if ((audit_id = audit_open(actor, found == 1 ? "edited review" : "reviewed", 0, partnership_id,
	    note)) < 0) {
		snapshot_free(&before);
		return change_finish(change_failed((int)-audit_id));
	}
	return audit_finish(SQLITE_OK, audit_id, STMT_REVIEW_SNAPSHOT, id, &before);
}
