/*
 * account.c - staff accounts changed in one transaction each, with their audit record (see
 * account.h), and the accounts page's form tables.
 */
#include <stdio.h>
#include <string.h>

#include "account.h"
#include "crypto.h"
#include "db.h"

static const struct param_choice roles[] = {
	{ "staff", "Staff: reviews applications, keeps entries and partnerships" },
	{ "board", "Board: reads everything, changes nothing" },
	{ "admin", "Administrator: all of that, and accounts" },
	{ NULL, NULL }
};

const struct field_spec account_fields[AF__MAX] = {
	[AF_NAME] = { "name", "Account name", FIELD_TEXT, 1, 64,
	    "What they type to sign in: a first name, or an e-mail address.", NULL, 0, 0, NULL, "off" },
	[AF_ROLE] = { "role", "Role", FIELD_CHOICE, 1, 0, NULL, roles, 0, 0, NULL, NULL },
	[AF_PASSWORD] = { "password", "A first password", FIELD_PASSWORD, 1, 1000,
	    "At least 10 characters. Give it to them in person or by phone, not by e-mail.", NULL,
	    0, 0, NULL, "new-password" },
	[AF_AGAIN] = { "again", "The password again", FIELD_PASSWORD, 1, 1000, NULL, NULL, 0, 0,
	    NULL, "new-password" },
};

/* Named apart from account_fields': one page shows both forms, and ids must differ. */
const struct field_spec password_fields[PF__MAX] = {
	[PF_ACCOUNT] = { "account", "Account", FIELD_CHOICE, 1, 0, NULL, NULL, STMT_ACCOUNT_CHOICES,
	    STMT_ACCOUNT_EXISTS, NULL, NULL },
	[PF_PASSWORD] = { "new_password", "New password", FIELD_PASSWORD, 1, 1000,
	    "At least 10 characters.", NULL, 0, 0, NULL, "new-password" },
	[PF_AGAIN] = { "new_again", "The new password again", FIELD_PASSWORD, 1, 1000, NULL, NULL,
	    0, 0, NULL, "new-password" },
};

const struct field_spec account_host_fields[HF__MAX] = {
	[HF_HOST] = { "default_host", "Your library", FIELD_CHOICE, 0, 0, "A new partnership's host "
	    "starts on it. Leave it empty to start on the site's library, if the site names one.",
	    NULL, STMT_PARTNERSHIP_ORGS, STMT_PARTNERSHIP_ORG_EXISTS, NULL, NULL },
};

long long
account_default_host(long long account_id)
{
	sqlite3_stmt *s = db_stmt(STMT_ACCOUNT_DEFAULT_HOST);
	long long host = -1;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, account_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		host = sqlite3_column_int64(s, 0);
	else if (rc == SQLITE_DONE)
		host = 0;
	db_done(s);
	return host;
}

enum account_result
account_set_default_host(long long account_id, long long host, const char *actor)
{
	sqlite3_stmt *s;
	char note[64];

	if (db_run(STMT_BEGIN) != SQLITE_OK)
		return ACCOUNT_FAILED;
	if ((s = db_stmt(STMT_ACCOUNT_SET_DEFAULT_HOST)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, account_id);
	sqlite3_bind_int64(s, 2, host);
	if (db_write(s) != SQLITE_OK)
		goto out;
	if (sqlite3_changes(sqlite3_db_handle(s)) == 0) {
		db_run(STMT_ROLLBACK);
		return ACCOUNT_NOT_FOUND;
	}
	if ((s = db_stmt(STMT_AUDIT_INSERT)) == NULL)
		goto out;
	snprintf(note, sizeof note, "account %lld", account_id);
	sqlite3_bind_text(s, 1, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, host ? "library chosen" : "library cleared", -1, SQLITE_STATIC);
	if (host)
		sqlite3_bind_int64(s, 3, host);
	sqlite3_bind_text(s, 4, note, -1, SQLITE_TRANSIENT);
	if (db_write(s) == SQLITE_OK && db_run(STMT_COMMIT) == SQLITE_OK)
		return ACCOUNT_OK;
out:
	db_run(STMT_ROLLBACK);
	return ACCOUNT_FAILED;
}

void
account_check_passwords(struct form *f, int password_field, int again_field)
{
	if (f->v[password_field].str[0] && strlen(f->v[password_field].str) < ACCOUNT_PASSWORD_MIN)
		form_fail(f, password_field, "Use at least 10 characters.");
	if (f->v[again_field].str[0] && strcmp(f->v[password_field].str, f->v[again_field].str) != 0)
		form_fail(f, again_field, "The two passwords differ: type the same one twice.");
}

int
account_admin_exists(void)
{
	sqlite3_stmt *s = db_stmt(STMT_ACCOUNT_ADMIN_EXISTS);
	int exists = -1;

	if (s != NULL && sqlite3_step(s) == SQLITE_ROW)
		exists = sqlite3_column_int(s, 0);
	db_done(s);
	return exists;
}

static const char *const actions[] = {
	[ACCOUNT_ADD] = "account created", [ACCOUNT_FIRST_ADMIN] = "account created",
	[ACCOUNT_PASSWORD] = "password reset",
	[ACCOUNT_DISABLE] = "account disabled", [ACCOUNT_ENABLE] = "account enabled",
};

/* The one statement of the change, bound. */
static sqlite3_stmt *
statement(enum account_change what, const char *name, const char *role, const char *hash)
{
	int adding = what == ACCOUNT_ADD || what == ACCOUNT_FIRST_ADMIN;
	sqlite3_stmt *s = db_stmt(adding ? STMT_ACCOUNT_INSERT :
	    what == ACCOUNT_PASSWORD ? STMT_ACCOUNT_SET_PASSWORD : STMT_ACCOUNT_SET_DISABLED);

	if (s == NULL)
		return NULL;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	if (adding) {
		sqlite3_bind_text(s, 2, what == ACCOUNT_FIRST_ADMIN ? "admin" : role, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, hash, -1, SQLITE_STATIC);
	} else if (what == ACCOUNT_PASSWORD)
		sqlite3_bind_text(s, 2, hash, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int(s, 2, what == ACCOUNT_DISABLE);
	return s;
}

enum account_result
account_change(enum account_change what, const char *name, const char *role,
    const char *password, const char *actor, const unsigned char *keep_session)
{
	enum account_result result = ACCOUNT_FAILED;
	char hash[CRYPTO_PASSWORD_MAX], note[200];
	sqlite3_stmt *s, *q;
	int rc;

	if (what != ACCOUNT_DISABLE && what != ACCOUNT_ENABLE && crypto_password_hash(password, hash) < 0)
		return ACCOUNT_FAILED;
	if (db_run(STMT_BEGIN) != SQLITE_OK)
		return ACCOUNT_FAILED;
	/* Inside the transaction: a second visitor to the setup page may have got there first. */
	if (what == ACCOUNT_FIRST_ADMIN && (rc = account_admin_exists()) != 0) {
		result = rc == 1 ? ACCOUNT_HAS_ADMIN : ACCOUNT_FAILED;
		goto out;
	}
	if ((s = statement(what, name, role, hash)) == NULL)
		goto out;
	rc = db_write(s);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		result = ACCOUNT_NAME_TAKEN;
		goto out;
	}
	if (rc != SQLITE_OK)
		goto out;
	if (sqlite3_changes(sqlite3_db_handle(s)) == 0) {
		result = ACCOUNT_NOT_FOUND;
		goto out;
	}
	if (what == ACCOUNT_DISABLE) {
		/* Inside the transaction, so two administrators disabling each other cannot both win. */
		if (account_admin_exists() != 1) {
			result = ACCOUNT_LAST_ADMIN;
			goto out;
		}
		if ((q = db_stmt(STMT_SESSION_DELETE_ACCOUNT)) == NULL)
			goto out;
		sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
		if (db_write(q) != SQLITE_OK)
			goto out;
	}
	if (what == ACCOUNT_PASSWORD) {
		/* Whoever knew the old password (or held a session made with it) is out at once. */
		if ((q = db_stmt(STMT_SESSION_DELETE_ACCOUNT_EXCEPT)) == NULL)
			goto out;
		sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
		if (keep_session)
			sqlite3_bind_blob(q, 2, keep_session, 32, SQLITE_STATIC);
		if (db_write(q) != SQLITE_OK)
			goto out;
	}
	snprintf(note, sizeof note, "account %s%s%s%s", name, role ? ", " : "", role ? role : "",
	    what == ACCOUNT_FIRST_ADMIN ? ", the first, through the setup page" : "");
	if ((q = db_stmt(STMT_AUDIT_INSERT)) == NULL)
		goto out;
	sqlite3_bind_text(q, 1, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, actions[what], -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, note, -1, SQLITE_STATIC);
	if (db_write(q) == SQLITE_OK && db_run(STMT_COMMIT) == SQLITE_OK)
		return ACCOUNT_OK;
out:
	db_run(STMT_ROLLBACK);
	return result;
}
