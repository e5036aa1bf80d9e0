/*
 * audit.c - the transaction and audit record around every staff change (see audit.h).
 *
 * Fingerprints hash each column's name and value with their lengths, so no two different rows
 * can be spelled alike ("a","bc" and "ab","c" differ). Only 16 bytes of the row's hash and 2 of
 * each column's are kept: they guard against an honest race between two editors, not against
 * forgery, and the form that carries them is already bound to the session by its token. A
 * column whose 2 bytes happen to collide is not marked; the conflict is still caught whole.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include <nettle/sha2.h>

#include "crypto.h"
#include "form.h"

enum change_result
change_failed(int rc)
{
	return db_is_busy(rc) ? CHANGE_BUSY : CHANGE_FAILED;
}

enum change_result
change_begin(void)
{
	int rc = db_run(STMT_BEGIN);
	return rc == SQLITE_OK ? CHANGE_OK : change_failed(rc);
}

enum change_result
change_finish(enum change_result result)
{
	int rc;

	if (result != CHANGE_OK && result != CHANGE_RESUBMITTED) {
		db_run(STMT_ROLLBACK);
		return result;
	}
	if ((rc = db_run(STMT_COMMIT)) != SQLITE_OK) {
		db_run(STMT_ROLLBACK);
		return change_failed(rc);
	}
	return result;
}

void
snapshot_free(struct snapshot *sn)
{
	for (int i = 0; i < sn->n; i++) {
		free(sn->name[i]);
		free(sn->value[i]);
	}
	sn->n = 0;
}

/* 1 the row read into sn, 0 there is none, -1 the database failed. */
int
snapshot_find(struct snapshot *sn, enum stmt stmt, long long id)
{
	sqlite3_stmt *s = db_stmt(stmt);
	int found = 0, rc;

	sn->n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW)
		found = rc == SQLITE_DONE ? 0 : -1;
	else {
		found = 1;
		for (int c = 0; c < sqlite3_column_count(s) && c < SNAPSHOT_COLUMNS; c++) {
			const char *v = (const char *)sqlite3_column_text(s, c);
			sn->name[c] = strdup(sqlite3_column_name(s, c));
			sn->value[c] = v ? strdup(v) : NULL;
			sn->n = c + 1;
		}
	}
	db_done(s);
	return found;
}

/* 0 the row read into sn, -1 none or the database failed. */
int
snapshot_take(struct snapshot *sn, enum stmt stmt, long long id)
{
	return snapshot_find(sn, stmt, id) == 1 ? 0 : -1;
}

const char *
snapshot_value(const struct snapshot *sn, const char *name)
{
	for (int c = 0; c < sn->n; c++)
		if (strcmp(sn->name[c], name) == 0)
			return sn->value[c];
	return NULL;
}

/* Adds a string to a hash with its length first, so no two lists of strings hash alike. */
static void
hash_string(struct sha256_ctx *ctx, const char *s)
{
	char len[24];
	int n = snprintf(len, sizeof len, "%zu:", strlen(s));

	sha256_update(ctx, (size_t)n, (const uint8_t *)len);
	sha256_update(ctx, strlen(s), (const uint8_t *)s);
}

/* The 4 hex digits of column c. */
static void
column_mark(const struct snapshot *sn, int c, char out[5])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	hash_string(&ctx, sn->name[c]);
	hash_string(&ctx, sn->value[c] ? sn->value[c] : "");
	sha256_update(&ctx, 1, (const uint8_t *)(sn->value[c] ? "v" : "n"));
	sha256_digest(&ctx, sizeof digest, digest);
	crypto_hex(out, digest, 2);
}

void
snapshot_fingerprint(const struct snapshot *sn, char *out)
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	for (int c = 0; c < sn->n; c++) {
		hash_string(&ctx, sn->name[c]);
		hash_string(&ctx, sn->value[c] ? sn->value[c] : "");
		sha256_update(&ctx, 1, (const uint8_t *)(sn->value[c] ? "v" : "n"));
	}
	sha256_digest(&ctx, sizeof digest, digest);
	crypto_hex(out, digest, 16);
	for (int c = 0; c < sn->n; c++)
		column_mark(sn, c, out + 32 + 4 * c);
	out[32 + 4 * sn->n] = '\0';
}

int
snapshot_column_as_seen(const struct snapshot *sn, int c, const char *seen)
{
	char mark[5];

	if (strlen(seen) < (size_t)(32 + 4 * (c + 1)))
		return 0;
	column_mark(sn, c, mark);
	return memcmp(mark, seen + 32 + 4 * c, 4) == 0;
}

void
audit_form_fill(struct form *f, const struct snapshot *sn)
{
	for (int c = 0; c < sn->n; c++)
		for (size_t k = 0; k < f->n; k++)
			if (strcmp(f->spec[k].name, sn->name[c]) == 0)
				form_set(f, (int)k, sn->value[c] ? sn->value[c] : "");
}

/* 1 when field k holds what saved holds for it: the same number, flag or text. */
static int
same_value(const struct form *f, const struct form *saved, size_t k)
{
	switch (f->spec[k].type) {
	case FIELD_COUNT: case FIELD_MONEY: case FIELD_HOURS:
		return saved->v[k].num == f->v[k].num;
	case FIELD_TALLY:	/* blank (not asked) and 0 differ */
		return saved->v[k].num == f->v[k].num && !saved->v[k].str[0] == !f->v[k].str[0];
	case FIELD_FLAG:
		return (strcmp(saved->v[k].str, "0") != 0 && saved->v[k].str[0]) == (f->v[k].str[0] != '\0');
	case FIELD_CHOICES:
		return 0;	/* the row holds names, the form codes: say what is saved */
	default:
		return strcmp(saved->v[k].str, f->v[k].str) == 0;
	}
}

int
audit_form_as_seen(struct form *f, const char *seen, const struct snapshot *sn, char *fresh)
{
	static struct form saved;

	snapshot_fingerprint(sn, fresh);
	if (strcmp(fresh, seen) == 0)
		return 1;
	form_init(&saved, f->spec, f->n);
	audit_form_fill(&saved, sn);
	form_check(&saved);	/* reads the measures into num */
	for (int c = 0; c < sn->n; c++) {
		if (snapshot_column_as_seen(sn, c, seen))
			continue;	/* no one else changed it: whatever the form says stands */
		for (size_t k = 0; k < f->n; k++) {
			if (strcmp(f->spec[k].name, sn->name[c]) != 0 || f->spec[k].type == FIELD_HIDDEN ||
			    same_value(f, &saved, k))
				continue;
			form_fail(f, (int)k, "Saved meanwhile by someone else: “%.120s”. Keep yours or "
			    "change it, then save again.", saved.v[k].str[0] ? saved.v[k].str : "(blank)");
		}
	}
	return 0;
}

long long
audit_open(const char *actor, const char *action, long long org_id, long long partnership_id,
    const char *note)
{
	sqlite3_stmt *s = db_stmt(STMT_AUDIT_INSERT);
	int rc;

	if (s == NULL)
		return -SQLITE_ERROR;
	sqlite3_bind_text(s, 1, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, action, -1, SQLITE_STATIC);
	if (org_id > 0)
		sqlite3_bind_int64(s, 3, org_id);
	sqlite3_bind_text(s, 4, note ? note : "", -1, SQLITE_STATIC);
	if (partnership_id > 0)
		sqlite3_bind_int64(s, 5, partnership_id);
	rc = db_write(s);
	return rc == SQLITE_OK ? sqlite3_last_insert_rowid(sqlite3_db_handle(s)) : -rc;
}

int
audit_changes(long long audit_id, const struct snapshot *before, const struct snapshot *after)
{
	/* A row made by this change has no before, a deleted one no after. */
	int columns = before->n > after->n ? before->n : after->n;

	for (int c = 0; c < columns; c++) {
		const char *o = c < before->n ? before->value[c] : NULL;
		const char *n = c < after->n ? after->value[c] : NULL;
		const char *name = c < before->n ? before->name[c] : after->name[c];
		sqlite3_stmt *s;
		int rc;

		if ((o == NULL && n == NULL) || (o && n && strcmp(o, n) == 0))
			continue;
		if ((s = db_stmt(STMT_AUDIT_CHANGE)) == NULL)
			return SQLITE_ERROR;
		sqlite3_bind_int64(s, 1, audit_id);
		sqlite3_bind_int(s, 2, c);
		sqlite3_bind_text(s, 3, name, -1, SQLITE_STATIC);
		if (o)
			sqlite3_bind_text(s, 4, o, -1, SQLITE_STATIC);
		if (n)
			sqlite3_bind_text(s, 5, n, -1, SQLITE_STATIC);
		if ((rc = db_write(s)) != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

enum change_result
audit_finish(int rc, long long audit_id, enum stmt stmt, long long id, struct snapshot *before)
{
	struct snapshot after;

	if (rc == SQLITE_OK) {
		snapshot_take(&after, stmt, id);
		rc = audit_changes(audit_id, before, &after);
		snapshot_free(&after);
	}
	snapshot_free(before);
	return change_finish(rc == SQLITE_OK ? CHANGE_OK : change_failed(rc));
}

/* The columns of an event, in the order of each of the three statements that list them. */
enum { AE_ID, AE_AT, AE_ACTOR, AE_ACTION, AE_NOTE, AE_ORG_ID, AE_ORG_NAME, AE_PARTNERSHIP_ID,
    AE_PARTNERSHIP_NAME, AE_COLUMNS };
DB_READER(STMT_AUDIT_FOR_ORG, AE_COLUMNS);
DB_READER(STMT_AUDIT_FOR_PARTNERSHIP, AE_COLUMNS);
DB_READER(STMT_AUDIT_PAGE, AE_COLUMNS);
DB_READER(STMT_AUDIT_COUNT, 1);
enum { AC_FIELD, AC_OLD, AC_NEW, AC_COLUMNS };
DB_READER(STMT_AUDIT_CHANGES, AC_COLUMNS);

int
audit_event_next(struct db_cursor *c, struct audit_event *e)
{
	int rc = db_cursor_step(c);

	if (rc == 1) {
		e->id = sqlite3_column_int64(c->stmt, AE_ID);
		e->at = db_text(c->stmt, AE_AT);
		e->actor = db_text(c->stmt, AE_ACTOR);
		e->action = db_text(c->stmt, AE_ACTION);
		e->note = db_text(c->stmt, AE_NOTE);
		e->org_id = sqlite3_column_int64(c->stmt, AE_ORG_ID);	/* NULL reads as 0 */
		e->org_name = db_text(c->stmt, AE_ORG_NAME);
		e->partnership_id = sqlite3_column_int64(c->stmt, AE_PARTNERSHIP_ID);
		e->partnership_name = db_text(c->stmt, AE_PARTNERSHIP_NAME);
	}
	return rc;
}

int
audit_changes_open(struct db_cursor *c, long long audit_id)
{
	c->rc = SQLITE_OK;
	if ((c->stmt = db_stmt(STMT_AUDIT_CHANGES)) == NULL) {
		c->rc = SQLITE_ERROR;
		return -1;
	}
	sqlite3_bind_int64(c->stmt, 1, audit_id);
	return 0;
}

int
audit_change_next(struct db_cursor *c, struct audit_field_change *ch)
{
	int rc = db_cursor_step(c);

	if (rc == 1) {
		ch->field = db_text(c->stmt, AC_FIELD);
		ch->old_value = db_text(c->stmt, AC_OLD);
		ch->new_value = db_text(c->stmt, AC_NEW);
	}
	return rc;
}

int
audit_open_for_org(struct db_cursor *c, long long org_id)
{
	c->rc = SQLITE_OK;
	if ((c->stmt = db_stmt(STMT_AUDIT_FOR_ORG)) == NULL) {
		c->rc = SQLITE_ERROR;
		return -1;
	}
	sqlite3_bind_int64(c->stmt, 1, org_id);
	return 0;
}

/* The events of partnership id, newest first: 0, or -1 when the statement cannot be prepared. */
int
audit_open_for_partnership(struct db_cursor *c, long long partnership_id)
{
	c->rc = SQLITE_OK;
	if ((c->stmt = db_stmt(STMT_AUDIT_FOR_PARTNERSHIP)) == NULL) {
		c->rc = SQLITE_ERROR;
		return -1;
	}
	sqlite3_bind_int64(c->stmt, 1, partnership_id);
	return 0;
}

int
audit_open_page(struct db_cursor *c, long limit, long offset)
{
	c->rc = SQLITE_OK;
	if ((c->stmt = db_stmt(STMT_AUDIT_PAGE)) == NULL) {
		c->rc = SQLITE_ERROR;
		return -1;
	}
	sqlite3_bind_int64(c->stmt, 1, limit);
	sqlite3_bind_int64(c->stmt, 2, offset);
	return 0;
}

long
audit_count(void)
{
	struct db_cursor c = { db_stmt(STMT_AUDIT_COUNT), SQLITE_OK };
	long n = -1;

	if (c.stmt != NULL && db_cursor_step(&c) == 1)
		n = (long)sqlite3_column_int64(c.stmt, 0);
	db_cursor_close(&c);
	return n;
}
