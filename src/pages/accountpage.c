/*
 * accountpage.c - the administrator's accounts page, part of the staff program: who can sign
 * in, and forms to add an account, give one a new password, disable or enable one. A site on
 * shared hosting has no shell for `liaison-admin user`, so this is how it gets more than its
 * first administrator. Kept apart from cgi-bin/staff.c, which routes here, because that file
 * is full. Every route is for administrators:
 *
 *   GET  /staff/accounts                    the page (?done=… after a change)
 *   POST /staff/accounts                    add an account (name, role, password twice)
 *   POST /staff/accounts/password           a new password (account, new password twice): the
 *                                           account's sessions end, but the one setting it
 *   POST /staff/accounts/disable, /enable   (account): disabling ends its sessions at once
 *
 * A change answers 303 back to the page; a form with a problem comes back with each message
 * beside its field and nothing changed.
 */
#include <stdio.h>
#include <string.h>

#include "account.h"
#include "accountpage.h"
#include "db.h"
#include "form.h"
#include "formview.h"
#include "http.h"
#include "params.h"
#include "staffpage.h"
#include "token.h"
#include "view.h"

enum key { KEY_CSRF, KEY_ACCOUNT, KEY_DONE, KEY__MAX };
static const struct param_choice dones[] = {
	{ "added", "The account was added. Give its name and password to its owner." },
	{ "password", "The new password is set, and the account was signed out everywhere else. Give it to the account's owner." },
	{ "disabled", "The account is disabled: it can no longer sign in, and was signed out." },
	{ "enabled", "The account is enabled again." },
	{ NULL, NULL }
};
static const struct param_spec keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
	[KEY_ACCOUNT] = { "account", PARAM_TEXT, 0, 64, NULL, NULL, NULL },
	[KEY_DONE] = { "done", PARAM_ENUM, 0, 0, dones, NULL, NULL },
};

_Static_assert(AF_NAME == 0 && PF_ACCOUNT == 0, "both forms name the account first");

static struct form add_form, password_form;
static struct params p;
static char body_buf[FORM_INPUT_MAX + 1];
/* Where posted bodies are read into, and which parameter is the staff token. */
static const struct staff_post post = { body_buf, sizeof body_buf, &p, keys, KEY__MAX, KEY_CSRF };

/* The page, with both forms as they stand and message (or NULL) at the top. */
static void
show(struct req *r, int status, const char *message)
{
	struct view *v;
	struct view_dict *body, *row;
	sqlite3_stmt *s;

	if ((s = db_stmt(STMT_ACCOUNT_LIST)) == NULL) {
		req_error(r, 503, "The directory is busy; reload in a moment.");
		return;
	}
	v = staff_page(r, status, "Accounts", "accounts.tpl");
	body = view_body(v);
	if (message)
		view_set(view_section(body, "MESSAGE"), "TEXT", message);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		int disabled = sqlite3_column_int(s, 2);

		row = view_section(body, "ACCOUNT");
		view_set(row, "NAME", name);
		view_set(row, "ROLE", (const char *)sqlite3_column_text(s, 1));
		view_set(row, "STATE", disabled ? "disabled" : sqlite3_column_int(s, 3) ? "active" :
		    "signs in through the web server");
		view_set_stored_time(row, "SINCE", (const char *)sqlite3_column_text(s, 4));
		/* No button to lock oneself out. */
		if (strcmp(name, staff_who.name) == 0)
			view_show(row, "YOU");
		else
			view_set(view_section(row, disabled ? "ENABLE" : "DISABLE"), "NAME", name);
	}
	db_done(s);
	formview_fill(view_include(body, "ADD_FIELDS", "formfields.tpl"), &add_form, 0);
	formview_fill(view_include(body, "PASSWORD_FIELDS", "formfields.tpl"), &password_form, 0);
	view_page_finish(v, r);
}

static void
redirect_done(struct req *r, const char *done)
{
	char path[400];

	snprintf(path, sizeof path, "%s/accounts?done=%s", staff_base, done);
	staff_redirect(r, path, NULL);
}

/*
 * Adding an account and giving one a new password: both forms name the account in their first
 * field and carry a password twice. Reads form f against spec, checks it, makes the change.
 */
static void
change_by_form(struct req *r, struct form *f, const struct field_spec *spec, size_t n,
    enum account_change what, int password, int again)
{
	if (!staff_read_post(r, &post, f, spec, n))
		return;
	account_check_passwords(f, password, again);
	if (f->nerrors) {
		show(r, 400, NULL);
		return;
	}
	switch (account_change(what, f->v[0].str, what == ACCOUNT_ADD ? f->v[AF_ROLE].str : NULL,
	    f->v[password].str, staff_who.name, staff_who.has_session ? staff_who.session_hash : NULL)) {
	case ACCOUNT_OK:
		redirect_done(r, what == ACCOUNT_ADD ? "added" : "password");
		return;
	case ACCOUNT_NAME_TAKEN:
		form_fail(f, 0, "There is an account with this name already: choose another.");
		show(r, 400, NULL);
		return;
	case ACCOUNT_NOT_FOUND:
		form_fail(f, 0, "There is no such account any more.");
		show(r, 400, NULL);
		return;
	default:
		show(r, 503, "The directory is busy; nothing was changed. Try again in a moment.");
		return;
	}
}

static void
switch_account(struct req *r, int disable)
{
	const char *name;

	if (!staff_read_post(r, &post, NULL, NULL, 0))
		return;
	name = p.v[KEY_ACCOUNT].str;
	if (disable && strcmp(name, staff_who.name) == 0) {
		show(r, 400, "You cannot disable your own account: another administrator can.");
		return;
	}
	switch (account_change(disable ? ACCOUNT_DISABLE : ACCOUNT_ENABLE, name, NULL, NULL,
	    staff_who.name, NULL)) {
	case ACCOUNT_OK:
		redirect_done(r, disable ? "disabled" : "enabled");
		return;
	case ACCOUNT_NOT_FOUND:
		req_error(r, 404, "There is no account with this name.");
		return;
	case ACCOUNT_LAST_ADMIN:
		show(r, 409, "This is the last administrator who can sign in: add or enable another first.");
		return;
	default:
		show(r, 503, "The directory is busy; nothing was changed. Try again in a moment.");
		return;
	}
}

static const char *
done_message(const char *done)
{
	for (const struct param_choice *c = dones; c->value; c++)
		if (strcmp(c->value, done) == 0)
			return c->label;
	return NULL;
}

void
account_page(struct req *r, const char *rest)
{
	if (!staff_allowed(r, ROLE_ADMIN))
		return;
	form_init(&add_form, account_fields, AF__MAX);
	form_init(&password_form, password_fields, PF__MAX);
	if (strcmp(rest, "") == 0 && (r->method == METHOD_GET || r->method == METHOD_HEAD)) {
		if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
			req_error(r, 400, p.error);
			return;
		}
		show(r, 200, p.v[KEY_DONE].present ? done_message(p.v[KEY_DONE].str) : NULL);
	} else if (r->method != METHOD_POST && (strcmp(rest, "") == 0 || strcmp(rest, "/password") == 0 ||
	    strcmp(rest, "/disable") == 0 || strcmp(rest, "/enable") == 0))
		req_method_not_allowed(r, strcmp(rest, "") == 0 ? "GET, HEAD, POST" : "POST");
	else if (strcmp(rest, "") == 0)
		change_by_form(r, &add_form, account_fields, AF__MAX, ACCOUNT_ADD, AF_PASSWORD, AF_AGAIN);
	else if (strcmp(rest, "/password") == 0)
		change_by_form(r, &password_form, password_fields, PF__MAX, ACCOUNT_PASSWORD,
		    PF_PASSWORD, PF_AGAIN);
	else if (strcmp(rest, "/disable") == 0 || strcmp(rest, "/enable") == 0)
		switch_account(r, strcmp(rest, "/disable") == 0);
	else
		req_error(r, 404, "There is no staff page at this address.");
}
