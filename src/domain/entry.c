/*
 * entry.c - every change to a directory entry, each in one transaction with its audit record.
 *
 * The audit log's field changes come from comparing STMT_ORG_SNAPSHOT before and after the
 * change inside the same transaction, so whatever a statement (or a trigger it fires) changed
 * is recorded, not just what the code meant to change. Applications are checked against the
 * directory for duplicates with org_fts, whose tokenizer already folds case and accents: the
 * name is looked up as a phrase anchored at the start of the name column, and a hit counts as
 * the same organization only if nothing but punctuation is left around the matched words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "crypto.h"
#include "config.h"
#include "db.h"
#include "entry.h"
#include "notify.h"
#include "orgform.h"
#include "token.h"

const struct entry_action_spec entry_actions[ACT__MAX] = {
	[ACT_APPROVE] = { "approve", "Approve and list", "approved", ",pending,", "listed", 1, "approved", 0 },
	[ACT_REJECT] = { "reject", "Reject", "rejected", ",pending,", "rejected", 0, "rejected", 1 },
	[ACT_WAIT] = { "wait", "Ask for more information", "waiting for information", ",pending,", NULL, 0,
	    "waiting", 1 },
	[ACT_CONFIRM] = { "confirm", "Mark confirmed today", "confirmed", ",listed,", NULL, 1, NULL, 0 },
	[ACT_UNLIST] = { "unlist", "Unlist", "unlisted", ",listed,", "unlisted", 0, NULL, 0 },
	[ACT_RELIST] = { "relist", "List again", "listed again", ",unlisted,", "listed", 1, NULL, 0 },
	/* Staff-only (schema 019): kept for partnerships, never shown to the public. */
	[ACT_STAFF_ONLY] = { "staff-only", "Make staff-only (not public)", "made staff-only", ",listed,unlisted,",
	    "staff_only", 0, NULL, 0 },
	[ACT_PUBLIC] = { "make-public", "List publicly", "made public", ",staff_only,", "listed", 1, NULL, 0 },
	[ACT_ARCHIVE] = { "archive", "Archive", "archived", ",listed,unlisted,rejected,staff_only,", "archived", 0,
	    NULL, 0 },
};

int
entry_action_by_name(const char *name)
{
	for (int a = 0; a < ACT__MAX; a++)
		if (strcmp(entry_actions[a].name, name) == 0)
			return a;
	return -1;
}

int
entry_action_applies(enum entry_action a, const char *status, const char *app_state)
{
	char key[40];

	snprintf(key, sizeof key, ",%s,", status);
	if (strstr(entry_actions[a].from, key) == NULL)
		return 0;
	/* A pending entry without an application row (made by hand) can still be reviewed. */
	return a != ACT_WAIT || app_state == NULL || strcmp(app_state, "approved") != 0;
}

/* --- writing a form ---------------------------------------------------------------------- */

/* A JSON array of field k's chosen codes (each checked against its table already). */
static void
codes_json(const struct form *f, int k, char *buf, size_t size)
{
	size_t o = 0;

	o += (size_t)snprintf(buf, size, "[");
	for (size_t i = 0; i < f->v[k].nitems && o < size; i++) {
		o += (size_t)snprintf(buf + o, size - o, "%s\"", i ? "," : "");
		for (const char *c = f->v[k].items[i]; *c && o + 2 < size; c++) {
			if (*c == '"' || *c == '\\')
				buf[o++] = '\\';
			buf[o++] = *c;
		}
		if (o < size)
			o += (size_t)snprintf(buf + o, size - o, "\"");
	}
	if (o < size)
		snprintf(buf + o, size - o, "]");
}

/* Binds each field to the statement's :name parameter, where it has one. */
static void
bind_form(sqlite3_stmt *s, const struct form *f)
{
	for (int k = 0; k < ORGF__MAX; k++) {
		char param[64];
		int idx;

		snprintf(param, sizeof param, ":%s", orgform_fields[k].name);
		if ((idx = sqlite3_bind_parameter_index(s, param)) == 0)
			continue;
		if (orgform_fields[k].type == FIELD_FLAG)
			sqlite3_bind_int(s, idx, f->v[k].str[0] != '\0');
		else if (k == ORGF_AGES) {
			int bits = 0;
			for (size_t i = 0; i < f->v[k].nitems; i++)
				bits |= atoi(f->v[k].items[i]);
			sqlite3_bind_int(s, idx, bits);
		} else if (orgform_fields[k].type == FIELD_CHOICES) {
			char json[2048];
			codes_json(f, k, json, sizeof json);
			sqlite3_bind_text(s, idx, json, -1, SQLITE_TRANSIENT);
		} else
			sqlite3_bind_text(s, idx, f->v[k].str, -1, SQLITE_STATIC);
	}
}

/* Makes entry id's languages (or interests) exactly the form's: removes, then adds. */
static int
set_codes(long long id, const struct form *f, int k, enum stmt remove, enum stmt add)
{
	char json[2048];
	enum stmt ids[2] = { remove, add };

	codes_json(f, k, json, sizeof json);
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *s = db_stmt(ids[i]);
		int rc;

		if (s == NULL)
			return SQLITE_ERROR;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, json, -1, SQLITE_TRANSIENT);
		if ((rc = db_write(s)) != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static int
set_all_codes(long long id, const struct form *f)
{
	int rc = set_codes(id, f, ORGF_LANGUAGES, STMT_ORG_LANGUAGES_REMOVE, STMT_ORG_LANGUAGES_ADD);
	if (rc == SQLITE_OK)
		rc = set_codes(id, f, ORGF_INTERESTS, STMT_ORG_INTERESTS_REMOVE, STMT_ORG_INTERESTS_ADD);
	return rc;
}

/* 1 when marked (a name with \x02…\x03 around its matched words) has only punctuation outside. */
static int
only_marked_words(const char *marked)
{
	int inside = 0;

	for (const unsigned char *c = (const unsigned char *)marked; *c; c++) {
		if (*c == 2 || *c == 3)
			inside = *c == 2;
		else if (!inside && (*c >= 0x80 || (*c >= '0' && *c <= '9') ||
		    ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z')))
			return 0;
	}
	return 1;
}

static void
say_duplicate(struct form *f, const char *status)
{
	const char *where = strcmp(status, "listed") == 0 ? "in the directory" : "waiting for review";

	/* A form's message is text (at most FORM_ERROR_MAX), so the address is named, not linked. */
	if (config.operator_email[0])
		form_fail(f, ORGF_NAME, "An organization with this name in this country is already %s. "
		    "To change its entry, write to %s rather than applying again.", where,
		    config.operator_email);
	else
		form_fail(f, ORGF_NAME, "An organization with this name in this country is already %s. "
		    "To change its entry, write to the directory's staff rather than applying again.", where);
}

/*
 * The same name in the same country, exactly but for ASCII case: an index lookup, cheap
 * enough to run inside the write transaction, where it closes the race between two copies
 * of one application that both passed duplicate() before either was stored.
 */
static int
same_name(struct form *f, long long self)
{
	sqlite3_stmt *s = db_stmt(STMT_ORG_SAME_NAME);
	int found = 0;

	if (s == NULL)
		return 0;
	sqlite3_bind_text(s, 1, f->v[ORGF_NAME].str, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, f->v[ORGF_COUNTRY].str, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, self);
	if (sqlite3_step(s) == SQLITE_ROW) {
		found = 1;
		say_duplicate(f, (const char *)sqlite3_column_text(s, 0));
	}
	db_done(s);
	return found;
}

/*
 * Is there another pending or listed entry with this name in this country, whatever the
 * case, accents and punctuation? Sets the name field's message and returns 1 if so. self is
 * the entry being edited (0 for none). A full-text query: for a name with a common word it
 * reads that word's whole list, so applications run it before taking the write lock.
 */
static int
duplicate(struct form *f, long long self)
{
	char query[1024];
	size_t o;
	sqlite3_stmt *s;
	int found = 0;

	/* An FTS5 string: the name, quotes doubled, becomes one phrase of folded words. */
	o = (size_t)snprintf(query, sizeof query, "name : ^\"");
	for (const char *c = f->v[ORGF_NAME].str; *c && o + 3 < sizeof query; c++) {
		if (*c == '"')
			query[o++] = '"';
		query[o++] = *c;
	}
	snprintf(query + o, sizeof query - o, "\"");
	if ((s = db_stmt(STMT_ORG_DUPLICATES)) == NULL)
		return 0;
	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, f->v[ORGF_COUNTRY].str, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, self);
	while (!found && sqlite3_step(s) == SQLITE_ROW) {
		const char *marked = (const char *)sqlite3_column_text(s, 1);
		if (marked && only_marked_words(marked)) {
			found = 1;
			say_duplicate(f, (const char *)sqlite3_column_text(s, 0));
		}
	}
	db_done(s);
	return found;
}

/* --- public operations ------------------------------------------------------------------- */

/* Looks up the application this form's nonce made, if any, into a->reference. */
static int
already_applied(struct entry_application *a)
{
	sqlite3_stmt *s = db_stmt(STMT_APPLICATION_BY_NONCE);
	int found = 0;

	if (s == NULL)
		return 0;
	sqlite3_bind_blob(s, 1, a->nonce, TOKEN_NONCE_SIZE, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		snprintf(a->reference, sizeof a->reference, "%s", sqlite3_column_text(s, 0));
		a->id = sqlite3_column_int64(s, 1);
		found = 1;
	}
	db_done(s);
	return found;
}

static int
recent_applications(const struct entry_application *a)
{
	sqlite3_stmt *s = db_stmt(STMT_APPLY_RECENT);
	int n = 0;

	if (s == NULL)
		return 0;
	sqlite3_bind_blob(s, 1, a->addr_hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)a->now - 3600);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	db_done(s);
	return n;
}

/* Counts this application against its address, forgetting attempts over an hour old. */
static int
note_attempt(const struct entry_application *a)
{
	sqlite3_stmt *s;
	int rc;

	if ((s = db_stmt(STMT_APPLY_PRUNE)) == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)a->now - 3600);
	if ((rc = db_write(s)) != SQLITE_OK || (s = db_stmt(STMT_APPLY_NOTE_ATTEMPT)) == NULL)
		return rc != SQLITE_OK ? rc : SQLITE_ERROR;
	sqlite3_bind_blob(s, 1, a->addr_hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)a->now);
	return db_write(s);
}

/* Inserts the application row with a fresh random reference, retrying a (rare) collision. */
static int
insert_application(struct entry_application *a)
{
	for (int attempt = 0; attempt < 5; attempt++) {
		uint8_t raw[5];
		char hex[11];
		sqlite3_stmt *s;
		int rc;

		if (crypto_random(raw, sizeof raw) < 0 || (s = db_stmt(STMT_APPLICATION_INSERT)) == NULL)
			return SQLITE_ERROR;
		crypto_hex(hex, raw, sizeof raw);
		for (char *c = hex; *c; c++)
			*c = (char)(*c >= 'a' ? *c - 32 : *c);
		snprintf(a->reference, sizeof a->reference, "%.5s-%.5s", hex, hex + 5);
		sqlite3_bind_int64(s, 1, a->id);
		sqlite3_bind_text(s, 2, a->reference, -1, SQLITE_STATIC);
		sqlite3_bind_blob(s, 3, a->nonce, TOKEN_NONCE_SIZE, SQLITE_STATIC);
		if ((rc = db_write(s)) != SQLITE_CONSTRAINT_UNIQUE)
			return rc;
	}
	return SQLITE_ERROR;
}

/*
 * What an application and a proposed change share: the checks (reads first, without the write
 * lock, so other applications are stored meanwhile; then, holding it, what could have changed
 * since: cheap lookups only) and the new pending row with its codes, reference and attempt.
 * CHANGE_OK leaves the transaction open for the caller's own rows; any other result has ended
 * it. except is the entry a proposal changes: it is no duplicate of its own changes.
 */
static enum change_result
store_pending(struct form *f, struct entry_application *a, long long except)
{
	enum change_result r;
	sqlite3_stmt *s;
	int rc;

	if (already_applied(a))
		return CHANGE_RESUBMITTED;
	if (duplicate(f, except))
		return CHANGE_INVALID;
	if ((r = change_begin()) != CHANGE_OK)
		return r;
	if (already_applied(a))
		return change_finish(CHANGE_RESUBMITTED);
	if (recent_applications(a) >= a->limit_per_hour)
		return change_finish(CHANGE_LIMITED);
	if (same_name(f, except))
		return change_finish(CHANGE_INVALID);
	/* The row carries its language and interest names itself: see 005 on why. */
	if ((s = db_stmt(STMT_ORG_INSERT)) == NULL)
		return change_finish(CHANGE_FAILED);
	bind_form(s, f);
	if ((rc = db_write(s)) != SQLITE_OK)
		return change_finish(change_failed(rc));
	a->id = sqlite3_last_insert_rowid(sqlite3_db_handle(s));
	if ((rc = set_all_codes(a->id, f)) != SQLITE_OK ||
	    (rc = insert_application(a)) != SQLITE_OK ||
	    (rc = note_attempt(a)) != SQLITE_OK)
		return change_finish(change_failed(rc));
	return CHANGE_OK;
}

enum change_result
entry_apply(struct form *f, struct entry_application *a)
{
	enum change_result r;

	if ((r = store_pending(f, a, 0)) != CHANGE_OK)
		return r;
	if (audit_open("applicant", "applied", a->id, 0, a->reference) < 0)
		return change_finish(CHANGE_FAILED);
	if (a->links) {
		struct notify_entry e = { a->id, f->v[ORGF_NAME].str, f->v[ORGF_COUNTRY].str,
		    a->reference, f->v[ORGF_CONTACT_NAME].str, f->v[ORGF_CONTACT_EMAIL].str };
		if (notify_application(a->links, &e) < 0)
			return change_finish(CHANGE_FAILED);
	}
	return change_finish(CHANGE_OK);
}

enum change_result
entry_propose_update(long long target, struct form *f, struct entry_application *a,
    const char *actor)
{
	enum change_result r;
	sqlite3_stmt *s;
	char note[64];
	int rc;

	if ((r = store_pending(f, a, target)) != CHANGE_OK)
		return r;
	if ((s = db_stmt(STMT_APPLICATION_SET_UPDATES)) == NULL)
		return change_finish(CHANGE_FAILED);
	sqlite3_bind_int64(s, 1, a->id);
	sqlite3_bind_int64(s, 2, target);
	if ((rc = db_write(s)) != SQLITE_OK)
		return change_finish(change_failed(rc));
	snprintf(note, sizeof note, "%s, changes to entry %lld", a->reference, target);
	if (audit_open(actor, "proposed changes", a->id, 0, note) < 0 ||
	    audit_open(actor, "proposed changes", target, 0, a->reference) < 0)
		return change_finish(CHANGE_FAILED);
	return change_finish(CHANGE_OK);
}

/*
 * Inside entry_act's transaction, on approving entry id: when its application proposes changes
 * to another entry (entry_propose_update), its values go over that entry, audited there as
 * actor's, and this row is archived instead of listed. SQLITE_OK when there was nothing to do.
 */
static int
merge_proposal(long long id, const char *actor, long long *merged_into)
{
	struct snapshot before, after;
	sqlite3_stmt *s = db_stmt(STMT_APPLICATION_UPDATES);
	char reference[16] = "", langs[2048] = "", interests[2048] = "";
	long long target = 0, audit_id;
	int rc;

	if (s == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		target = sqlite3_column_int64(s, 0);
		snprintf(reference, sizeof reference, "%s", db_text(s, 1));
		snprintf(langs, sizeof langs, "%s", db_text(s, 2));
		snprintf(interests, sizeof interests, "%s", db_text(s, 3));
	}
	db_done(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? SQLITE_OK : rc;
	*merged_into = target;
	if (snapshot_take(&before, STMT_ORG_SNAPSHOT, target) < 0)
		return SQLITE_ERROR;
	if ((audit_id = audit_open(actor, "changes approved", target, 0, reference)) < 0) {
		snapshot_free(&before);
		return (int)-audit_id;
	}
	if ((s = db_stmt(STMT_ORG_MERGE)) == NULL)
		rc = SQLITE_ERROR;
	else {
		sqlite3_bind_int64(s, 1, target);
		sqlite3_bind_int64(s, 2, id);
		rc = db_write(s);
	}
	for (int i = 0; i < 4 && rc == SQLITE_OK; i++) {
		static const enum stmt codes[4] = { STMT_ORG_LANGUAGES_REMOVE, STMT_ORG_LANGUAGES_ADD,
		    STMT_ORG_INTERESTS_REMOVE, STMT_ORG_INTERESTS_ADD };
		if ((s = db_stmt(codes[i])) == NULL)
			rc = SQLITE_ERROR;
		else {
			sqlite3_bind_int64(s, 1, target);
			sqlite3_bind_text(s, 2, i < 2 ? langs : interests, -1, SQLITE_STATIC);
			rc = db_write(s);
		}
	}
	if (rc == SQLITE_OK && snapshot_take(&after, STMT_ORG_SNAPSHOT, target) == 0) {
		rc = audit_changes(audit_id, &before, &after);
		snapshot_free(&after);
	}
	snapshot_free(&before);
	if (rc == SQLITE_OK && (s = db_stmt(STMT_ENTRY_SET_STATUS)) != NULL) {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, "archived", -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 3, 0);
		rc = db_write(s);
	}
	return rc;
}

enum change_result
entry_import(struct form *f, const char *actor, const char *source, long long *id)
{
	sqlite3_stmt *s;
	int rc;

	if (same_name(f, 0) || duplicate(f, 0))
		return CHANGE_INVALID;
	if ((s = db_stmt(STMT_ORG_INSERT)) == NULL)
		return CHANGE_FAILED;
	bind_form(s, f);
	if ((rc = db_write(s)) != SQLITE_OK)
		return change_failed(rc);
	*id = sqlite3_last_insert_rowid(sqlite3_db_handle(s));
	if ((rc = set_all_codes(*id, f)) != SQLITE_OK || (s = db_stmt(STMT_ENTRY_SET_STATUS)) == NULL)
		return rc != SQLITE_OK ? change_failed(rc) : CHANGE_FAILED;
	sqlite3_bind_int64(s, 1, *id);
	sqlite3_bind_text(s, 2, "listed", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, 1);
	if ((rc = db_write(s)) != SQLITE_OK)
		return change_failed(rc);
	return audit_open(actor, "imported", *id, 0, source) < 0 ? CHANGE_FAILED : CHANGE_OK;
}

enum change_result
entry_record_staff_only(struct form *f, const char *actor, long long *id)
{
	enum change_result r;
	sqlite3_stmt *s;
	int rc;

	/* An entry already public, or waiting, is the one to choose: not a second, hidden copy. */
	if (duplicate(f, 0))
		return CHANGE_INVALID;
	if ((r = change_begin()) != CHANGE_OK)
		return r;
	if (same_name(f, 0))
		return change_finish(CHANGE_INVALID);
	if ((s = db_stmt(STMT_ORG_INSERT)) == NULL)
		return change_finish(CHANGE_FAILED);
	bind_form(s, f);
	if ((rc = db_write(s)) != SQLITE_OK)
		return change_finish(change_failed(rc));
	*id = sqlite3_last_insert_rowid(sqlite3_db_handle(s));
	if ((rc = set_all_codes(*id, f)) != SQLITE_OK || (s = db_stmt(STMT_ENTRY_SET_STATUS)) == NULL)
		return change_finish(rc != SQLITE_OK ? change_failed(rc) : CHANGE_FAILED);
	sqlite3_bind_int64(s, 1, *id);
	sqlite3_bind_text(s, 2, "staff_only", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, 0);
	if ((rc = db_write(s)) != SQLITE_OK)
		return change_finish(change_failed(rc));
	return change_finish(audit_open(actor, "recorded (staff only)", *id, 0, "") < 0 ?
	    CHANGE_FAILED : CHANGE_OK);
}

enum change_result
entry_update(long long id, struct form *f, const char *seen, char *fresh, const char *actor)
{
	struct snapshot before;
	enum change_result r;
	sqlite3_stmt *s;
	long long audit_id;
	int rc;

	if ((r = change_begin()) != CHANGE_OK)
		return r;
	if (snapshot_take(&before, STMT_ORG_SNAPSHOT, id) < 0)
		return change_finish(CHANGE_NOT_FOUND);
	if (seen[0] && !audit_form_as_seen(f, seen, &before, fresh)) {
		snapshot_free(&before);
		return change_finish(CHANGE_STALE);
	}
	if (duplicate(f, id)) {
		snapshot_free(&before);
		return change_finish(CHANGE_INVALID);
	}
	if ((audit_id = audit_open(actor, "edited", id, 0, "")) < 0 ||
	    (s = db_stmt(STMT_ORG_UPDATE)) == NULL) {
		snapshot_free(&before);
		return change_finish(audit_id < 0 ? change_failed((int)-audit_id) : CHANGE_FAILED);
	}
	bind_form(s, f);
	sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":id"), id);
	if ((rc = db_write(s)) == SQLITE_OK)
		rc = set_all_codes(id, f);
	return audit_finish(rc, audit_id, STMT_ORG_SNAPSHOT, id, &before);
}

enum change_result
entry_act(long long id, enum entry_action act, const char *note, const char *actor)
{
	return entry_act_mail(id, act, note, actor, NULL);
}

/*
 * The applicant's message about a decision, from the entry as it was before (its contact).
 * shown is the entry the message links to: id itself, or for an approved change to a listed
 * entry (remind.h, "Update my entry") the entry it was merged into.
 */
static int
tell_applicant(const struct notify_links *l, long long id, long long shown,
    const struct snapshot *before, const char *state, const char *note)
{
	const char *name = snapshot_value(before, "name"), *contact = snapshot_value(before, "contact_name"),
	    *email = snapshot_value(before, "contact_email");
	char reference[32];
	struct notify_entry e = { shown, name ? name : "", "", reference, contact ? contact : "",
	    email ? email : "" };

	if (notify_reference(id, reference, sizeof reference) < 0)
		return SQLITE_ERROR;
	return notify_decision(l, &e, state, note) < 0 ? SQLITE_ERROR : SQLITE_OK;
}

enum change_result
entry_act_mail(long long id, enum entry_action act, const char *note, const char *actor,
    const struct notify_links *links)
{
	const struct entry_action_spec *spec = &entry_actions[act];
	struct snapshot before;
	enum change_result r;
	sqlite3_stmt *s;
	long long audit_id;
	const char *status = NULL;
	char app_state[16] = "";
	long long shown = id;	/* the entry the applicant's message links to */
	int rc = SQLITE_OK;

	if ((r = change_begin()) != CHANGE_OK)
		return r;
	if (snapshot_take(&before, STMT_ORG_SNAPSHOT, id) < 0)
		return change_finish(CHANGE_NOT_FOUND);
	status = snapshot_value(&before, "status");
	if ((s = db_stmt(STMT_APPLICATION_STATE)) != NULL) {
		sqlite3_bind_int64(s, 1, id);
		if (sqlite3_step(s) == SQLITE_ROW)
			snprintf(app_state, sizeof app_state, "%s", sqlite3_column_text(s, 0));
		db_done(s);
	}
	if (status == NULL || !entry_action_applies(act, status, app_state[0] ? app_state : NULL)) {
		snapshot_free(&before);
		return change_finish(CHANGE_CONFLICT);
	}
	if ((audit_id = audit_open(actor, spec->past, id, 0, note)) < 0) {
		snapshot_free(&before);
		return change_finish(change_failed((int)-audit_id));
	}
	if ((s = db_stmt(STMT_ENTRY_SET_STATUS)) == NULL)
		rc = SQLITE_ERROR;
	else {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, spec->to ? spec->to : status, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(s, 3, spec->confirm);
		rc = db_write(s);
	}
	if (rc == SQLITE_OK && spec->application && app_state[0]) {
		if ((s = db_stmt(STMT_APPLICATION_DECIDE)) == NULL)
			rc = SQLITE_ERROR;
		else {
			sqlite3_bind_int64(s, 1, id);
			sqlite3_bind_text(s, 2, spec->application, -1, SQLITE_STATIC);
			sqlite3_bind_text(s, 3, note ? note : "", -1, SQLITE_STATIC);
			sqlite3_bind_text(s, 4, actor, -1, SQLITE_STATIC);
			rc = db_write(s);
		}
	}
	if (rc == SQLITE_OK && act == ACT_APPROVE)
		rc = merge_proposal(id, actor, &shown);
	if (rc == SQLITE_OK && links && spec->application && app_state[0])
		rc = tell_applicant(links, id, shown, &before, spec->application, note);
	return audit_finish(rc, audit_id, STMT_ORG_SNAPSHOT, id, &before);
}

/* The columns of STMT_APPLICATION_BY_REFERENCE, in order. */
enum { APP_REFERENCE, APP_STATE, APP_NAME, APP_ORG_STATUS, APP_ORG_ID, APP_SUBMITTED, APP_NOTE,
    APP_COLUMNS };
DB_READER(STMT_APPLICATION_BY_REFERENCE, APP_COLUMNS);

int
entry_application_find(struct db_cursor *c, const char *reference, struct application_status *a)
{
	int found;

	if ((c->stmt = db_stmt(STMT_APPLICATION_BY_REFERENCE)) == NULL) {
		c->rc = SQLITE_ERROR;
		return -1;
	}
	sqlite3_bind_text(c->stmt, 1, reference, -1, SQLITE_STATIC);
	if ((found = db_cursor_step(c)) != 1) {
		db_cursor_close(c);
		return found;
	}
	a->reference = db_text(c->stmt, APP_REFERENCE);
	a->state = db_text(c->stmt, APP_STATE);
	a->name = db_text(c->stmt, APP_NAME);
	a->org_status = db_text(c->stmt, APP_ORG_STATUS);
	a->org_id = sqlite3_column_int64(c->stmt, APP_ORG_ID);
	a->submitted_at = db_text(c->stmt, APP_SUBMITTED);
	a->note = db_text(c->stmt, APP_NOTE);
	return 1;
}
