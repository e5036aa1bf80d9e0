/*
 * staff.c - the signed-in side: sign-in, the review queue, keeping entries current, the
 * audit log. Routes (under /staff, PATH_INFO), each with the role it needs:
 *
 *   GET  /staff                      → the queue
 *   GET  /staff/sign-in, POST        sign in (anyone)
 *   GET  /staff/setup, POST          the first admin account, with the code from the file
 *                                    beside the database (anyone, while no admin exists)
 *   POST /staff/sign-out             sign out
 *   GET  /staff/queue                applications waiting for review, oldest first   board
 *   GET  /staff/entries?status=&q=   every entry, by name                            board
 *   GET  /staff/stale                listed entries not confirmed for 12 months      board
 *   GET  /staff/org/ID               one entry: details, actions, edit form, history board
 *   POST /staff/org/ID               save the edit form (409 if someone saved meanwhile)  staff
 *   POST /staff/org/ID/ACTION        approve, reject, wait, confirm, unlist, relist, archive
 *   GET  /staff/audit                every change, newest first                      admin
 *   …    /staff/accounts             accounts: add, new password, disable (accountpage.c) admin
 *
 * Without a session every route answers 303 to the sign-in page, which comes back here after.
 * Every form that changes anything carries a token bound to the session (token.h).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "accountpage.h"
#include "audit.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "entry.h"
#include "form.h"
#include "formview.h"
#include "http.h"
#include "setup.h"
#include "orgform.h"
#include "params.h"
#include "staffpage.h"
#include "token.h"
#include "view.h"

#define LIST_PAGE	50
#define AUDIT_PAGE	STAFF_EVENTS_MAX

/* Query and small-form parameters of every staff route. */
enum key { KEY_CSRF, KEY_NOTE, KEY_BACK, KEY_DONE, KEY_STATUS, KEY_Q, KEY_PAGE, KEY_NEXT, KEY_SEEN, KEY__MAX };
static const struct param_choice statuses[] = {
	{ "pending", "Waiting for review" }, { "listed", "Listed" }, { "unlisted", "Unlisted" },
	{ "rejected", "Rejected" }, { "archived", "Archived" }, { NULL, NULL }
};
static const struct param_choice backs[] = {
	{ "stale", "" }, { "queue", "" }, { NULL, NULL }
};
static const struct param_choice dones[] = {
	{ "approve", "" }, { "reject", "" }, { "wait", "" }, { "confirm", "" }, { "unlist", "" },
	{ "relist", "" }, { "archive", "" }, { "edited", "" }, { NULL, NULL }
};
static const struct param_spec keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
	[KEY_NOTE] = { "note", PARAM_TEXT, 0, 4000, NULL, NULL, NULL },
	[KEY_BACK] = { "back", PARAM_ENUM, 0, 0, backs, NULL, NULL },
	[KEY_DONE] = { "done", PARAM_ENUM, 0, 0, dones, NULL, NULL },
	[KEY_STATUS] = { "status", PARAM_ENUM, 0, 0, statuses, NULL, NULL },
	[KEY_Q] = { "q", PARAM_TEXT, 0, 200, NULL, NULL, NULL },
	[KEY_PAGE] = { "page", PARAM_INT, 1, 100000, NULL, NULL, NULL },
	[KEY_NEXT] = { "next", PARAM_TEXT, 0, 1000, NULL, NULL, NULL },
	[KEY_SEEN] = { "seen", PARAM_TEXT, 0, FINGERPRINT_CHARS, NULL, NULL, NULL },
};

/* The sign-in form. */
enum signin_field { SF_NAME, SF_PASSWORD, SF_NEXT, SF__MAX };
static const struct field_spec signin_fields[SF__MAX] = {
	[SF_NAME] = { "name", "Account name", FIELD_TEXT, 1, 64, NULL, NULL, 0, 0, NULL, "username" },
	[SF_PASSWORD] = { "password", "Password", FIELD_PASSWORD, 1, 1000, NULL, NULL, 0, 0, NULL,
	    "current-password" },
	[SF_NEXT] = { "next", "Next", FIELD_HIDDEN, 0, 1000, NULL, NULL, 0, 0, NULL, NULL },
};

static struct form form;
static struct params p;
static char body_buf[FORM_INPUT_MAX + 1];
/* Where posted bodies are read into, and which parameter is the staff token. */
static const struct staff_post post = { body_buf, sizeof body_buf, &p, keys, KEY__MAX, KEY_CSRF };

/* --- sign-in --------------------------------------------------------------------------------- */

/* next= must be a path on this site: never another host, never a scheme, and no control
 * character at all (browsers drop a tab or line break in "/\t/evil.example", which leaves
 * "//evil.example"; CR and LF would end the Location header). */
static const char *
safe_next(const char *next)
{
	if (next[0] != '/' || next[1] == '/' || next[1] == '\\' || strstr(next, "://") != NULL)
		return NULL;
	for (const unsigned char *c = (const unsigned char *)next; *c; c++)
		if (*c < 0x20 || *c == 0x7f)
			return NULL;
	return next;
}

/* The sign-in form, its token bound to the browser's pre-session cookie (set here if new). */
static void
show_signin(struct req *r, int status, const char *message)
{
	char token[TOKEN_CHARS + 1], presession[65], cookie[600];
	struct view *v;
	struct view_dict *body;

	if (auth_presession(&staff_client, presession, cookie, sizeof cookie) < 0 ||
	    token_make(token, "signin", presession, time(NULL)) < 0) {
		req_error(r, 503, "The sign-in form cannot be made just now; reload in a moment.");
		return;
	}
	v = staff_page_with(r, status, "Staff sign-in", "signin.tpl", cookie);
	body = view_body(v);
	view_set(body, "CSRF", token);
	if (setup_needed() == 1)
		view_show(body, "SETUP");
	if (message)
		view_set(view_section(body, "MESSAGE"), "TEXT", message);
	formview_fill(view_include(body, "FIELDS", "formfields.tpl"), &form, 0);
	view_page_finish(v, r);
}

/* Reads a signed-out form (sign-in, setup) against spec, with its token for purpose bound to
 * binding: 0 when all is well; 1 for a missing, old or foreign token (the caller says so); -1,
 * answered here, when the body could not be read. */
static int
read_open_form(struct req *r, const struct field_spec *spec, size_t n, const char *purpose,
    const char *binding)
{
	int rc;

	if ((rc = req_read_form(r, body_buf, sizeof body_buf)) != 0) {
		req_error(r, rc, "The form could not be read.");
		return -1;
	}
	form_parse(&form, spec, n, body_buf);
	params_parse(&p, keys, KEY__MAX, body_buf);
	return token_check(p.v[KEY_CSRF].str, purpose, binding, time(NULL), 0,
	    config.form_hours * 3600L, NULL) == TOKEN_OK ? 0 : 1;
}

/* The setup page, with the form as it stands (status 200, or 400 with its errors). */
static void
show_setup(struct req *r, int status)
{
	char token[TOKEN_CHARS + 1], code[SETUP_TOKEN_CHARS + 1], err[1400], path[1200];
	struct view *v;
	struct view_dict *body;

	/* Make the code now, so that it is in the folder before anyone goes to look. */
	if (setup_token(code, err, sizeof err) < 0) {
		req_error(r, 503, err);
		return;
	}
	setup_token_path(path, sizeof path);
	token_make(token, "setup", "", time(NULL));
	v = staff_page(r, status, "Set up this site", "setup.tpl");
	body = view_body(v);
	view_set(body, "CSRF", token);
	view_set(body, "FILE", path);
	formview_fill(view_include(body, "FIELDS", "formfields.tpl"), &form, 0);
	view_page_finish(v, r);
}

static void
setup(struct req *r)
{
	char cookie[300], queue[400];
	long wait;
	int rc, needed = setup_needed();

	if (needed != 1) {
		req_error(r, needed == 0 ? 404 : 503, needed == 0 ? "This site is set up: sign in, or ask "
		    "its administrator for an account." : "The database cannot be read; reload in a moment.");
		return;
	}
	if (r->method != METHOD_POST) {
		form_init(&form, setup_fields, UF__MAX);
		show_setup(r, 200);
		return;
	}
	/* Not bound to a browser: only someone holding the code from the site's files can use it. */
	if ((rc = read_open_form(r, setup_fields, UF__MAX, "setup", "")) != 0) {
		if (rc > 0)
			req_error(r, 403, "The form had expired or did not come from this site. Reload the page and try again.");
		return;
	}
	setup_check(&form);
	if (form.nerrors) {
		show_setup(r, 400);
		return;
	}
	switch (setup_create_admin(form.v[UF_NAME].str, form.v[UF_PASSWORD].str)) {
	case ACCOUNT_OK:
		break;
	case ACCOUNT_HAS_ADMIN:
		req_error(r, 409, "Someone set this site up a moment ago: sign in, or ask them for an account.");
		return;
	case ACCOUNT_NAME_TAKEN:
		form_fail(&form, UF_NAME, "There is an account with this name already (not an administrator): choose another.");
		show_setup(r, 400);
		return;
	default:
		req_error(r, 503, "The account could not be saved; nothing was changed. Try again in a moment.");
		return;
	}
	/* Signed in at once (the cookie stays empty if that fails): an administrator looks around first. */
	rc = auth_sign_in(&staff_client, form.v[UF_NAME].str, form.v[UF_PASSWORD].str, time(NULL), cookie,
	    sizeof cookie, &wait);
	snprintf(queue, sizeof queue, "%s/%s", staff_base, rc == AUTH_OK ? "queue" : "sign-in");
	staff_redirect(r, queue, cookie);
}

static void
sign_in(struct req *r)
{
	char cookie[300], message[400], presession[65];
	const char *next;
	long wait;
	int rc;

	if (r->method != METHOD_GET && r->method != METHOD_HEAD && r->method != METHOD_POST) {
		req_method_not_allowed(r, "GET, HEAD, POST");
		return;
	}
	if (r->method != METHOD_POST) {
		params_parse(&p, keys, KEY__MAX, r->query);
		form_init(&form, signin_fields, SF__MAX);
		form_set(&form, SF_NEXT, p.v[KEY_NEXT].str);
		snprintf(message, sizeof message, "%s/queue", staff_base);
		if (staff_who.role != ROLE_NONE)
			staff_redirect(r, safe_next(p.v[KEY_NEXT].str) ? p.v[KEY_NEXT].str : message, NULL);
		else
			show_signin(r, 200, strcmp(r->query, "out=1") == 0 ? "You have signed out." : NULL);
		return;
	}
	/* The token must have been made for this browser's pre-session: a form filled in
	 * elsewhere with someone else's name and password signs no one in here. */
	auth_presession_of(&staff_client, presession);
	if ((rc = read_open_form(r, signin_fields, SF__MAX, "signin", presession[0] ? presession : "-")) != 0) {
		if (rc > 0)
			show_signin(r, 403, "The sign-in form had expired or did not come from this site. "
			    "Please sign in again.");
		return;
	}
	if (form.nerrors) {
		show_signin(r, 400, NULL);
		return;
	}
	switch (auth_sign_in(&staff_client, form.v[SF_NAME].str, form.v[SF_PASSWORD].str, time(NULL), cookie,
	    sizeof cookie, &wait)) {
	case AUTH_OK:
		next = safe_next(form.v[SF_NEXT].str);
		if (next == NULL) {
			snprintf(message, sizeof message, "%s/queue", staff_base);
			next = message;
		}
		/* The path is already this site's; staff_redirect() adds scheme and host. */
		staff_redirect(r, next, cookie);
		return;
	case AUTH_WAIT:
		snprintf(message, sizeof message, "Too many failed attempts for this name. Wait %ld "
		    "second%s, then try again.", wait, wait == 1 ? "" : "s");
		show_signin(r, 429, message);
		return;
	case AUTH_WAIT_ADDRESS:
		snprintf(message, sizeof message, "Too many failed attempts from your network address. "
		    "Wait %ld second%s, then try again.", wait, wait == 1 ? "" : "s");
		show_signin(r, 429, message);
		return;
	case AUTH_WRONG:
		snprintf(message, sizeof message, "The name or password is not right.%s",
		    wait > 0 ? " After more failed attempts you will have to wait before trying again." : "");
		show_signin(r, 400, message);
		return;
	default:
		show_signin(r, 503, "The directory is busy. Please try again in a moment.");
		return;
	}
}

static void
sign_out(struct req *r)
{
	char cookie[300], path[400];

	if (!staff_allowed(r, ROLE_BOARD) || !staff_read_post(r, &post, &form, NULL, 0))
		return;
	auth_sign_out(&staff_client, cookie, sizeof cookie);
	snprintf(path, sizeof path, "%s/sign-in?out=1", staff_base);
	staff_redirect(r, path, cookie);
}

/* --- lists ------------------------------------------------------------------------------------- */

static long
count_rows(enum stmt id, int bind_filters)
{
	sqlite3_stmt *s = db_stmt(id);
	long n = -1;

	if (s == NULL)
		return -1;
	if (bind_filters) {
		db_bind_text_or_null(s, 3, p.v[KEY_STATUS].str);
		db_bind_text_or_null(s, 4, p.v[KEY_Q].str);
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	db_done(s);
	return n;
}

/*
 * The queue, the entries and the stale list share one table: id, name, country, status,
 * a date, a detail and (queue) a reference. which is "queue", "entries" or "stale".
 */
static void
show_list(struct req *r, const char *which)
{
	int queue = strcmp(which, "queue") == 0, stale = strcmp(which, "stale") == 0;
	enum stmt id = queue ? STMT_STAFF_QUEUE : stale ? STMT_STAFF_STALE : STMT_STAFF_ENTRIES;
	long page, total = 0, rows = 0;
	char route[400], href[500];
	struct view *v;
	struct view_dict *body;
	sqlite3_stmt *s;
	int rc;

	if (!staff_allowed(r, ROLE_BOARD))
		return;
	if (r->method != METHOD_GET && r->method != METHOD_HEAD) {
		req_method_not_allowed(r, "GET, HEAD");
		return;
	}
	if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
		req_error(r, 400, p.error);
		return;
	}
	page = p.v[KEY_PAGE].present ? p.v[KEY_PAGE].num : 1;
	if (!queue && (total = count_rows(stale ? STMT_STAFF_STALE_COUNT : STMT_STAFF_ENTRIES_COUNT,
	    !stale)) < 0) {
		req_error(r, 503, "The directory is busy; reload in a moment.");
		return;
	}
	if ((s = db_stmt(id)) == NULL) {
		req_error(r, 503, "The directory cannot be read.");
		return;
	}
	if (!queue) {
		sqlite3_bind_int(s, 1, LIST_PAGE);
		sqlite3_bind_int64(s, 2, (page - 1) * LIST_PAGE);
		if (!stale) {
			db_bind_text_or_null(s, 3, p.v[KEY_STATUS].str);
			db_bind_text_or_null(s, 4, p.v[KEY_Q].str);
		}
	}
	v = staff_page(r, 200, queue ? "Applications waiting for review" : stale ?
	    "Entries not confirmed for a year" : "All entries", "staff_list.tpl");
	body = view_body(v);
	view_show(body, queue ? "QUEUE" : stale ? "STALE" : "ENTRIES");
	snprintf(route, sizeof route, "%s/%s", staff_base, which);
	view_set(body, "ROUTE", route);
	if (stale && staff_who.role >= ROLE_STAFF)
		view_show(body, "CAN_CONFIRM");
	if (!stale && !queue) {
		view_set(body, "Q", p.v[KEY_Q].str);
		formview_menu(body, "STATUS_OPTION", statuses, p.v[KEY_STATUS].str);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct view_dict *row = view_section(body, "ROW");
		const char *detail = (const char *)sqlite3_column_text(s, 5);

		snprintf(href, sizeof href, "%s/org/%lld", staff_base, (long long)sqlite3_column_int64(s, 0));
		view_set(row, "HREF", href);
		view_set(row, "ID", (const char *)sqlite3_column_text(s, 0));
		view_set(row, "NAME", (const char *)sqlite3_column_text(s, 1));
		view_set(row, "COUNTRY", (const char *)sqlite3_column_text(s, 2));
		view_set(row, "STATUS", (const char *)sqlite3_column_text(s, 3));
		view_set(row, "DATE", (const char *)sqlite3_column_text(s, 4));
		/* A section inside a row reads the row's values only if the row itself shows it. */
		view_show(row, queue ? "QUEUE" : stale ? "STALE" : "ENTRIES");
		if (stale && staff_who.role >= ROLE_STAFF)
			view_show(row, "CAN_CONFIRM");
		if (detail && *detail)
			view_set(view_section(row, "DETAIL"), "TEXT", detail);
		view_set(row, "REFERENCE", (const char *)sqlite3_column_text(s, 6));
		if (stale) {
			snprintf(href, sizeof href, "%s/org/%lld/confirm", staff_base,
			    (long long)sqlite3_column_int64(s, 0));
			view_set(row, "CONFIRM_HREF", href);
		}
		rows++;
	}
	db_done(s);
	if (rc != SQLITE_DONE)
		view_show(body, "READ_ERROR");
	if (queue)
		total = rows;
	view_set_int(body, "TOTAL", total);
	view_show(body, total == 0 ? "NONE" : "SOME");
	staff_fill_pager(body, &p, KEY_PAGE, route, page, LIST_PAGE, total);
	view_page_finish(v, r);
}

/* --- one entry --------------------------------------------------------------------------------- */

/*
 * The page of one entry. f is the edit form to show (as loaded, or as posted with its
 * problems); bad_action and message say which action form failed and why. seen is the
 * fingerprint the edit form is to be saved against: the one it was loaded with, or NULL for
 * the entry as it is now.
 */
static void
show_org(struct req *r, int status, long long id, const struct form *f, int bad_action,
    const char *message, const char *seen)
{
	char fresh[FINGERPRINT_CHARS + 1] = "";
	struct snapshot now;

	sqlite3_stmt *s = db_stmt(STMT_STAFF_ORG);
	struct view *v;
	struct view_dict *body;
	char href[500], org_status[16] = "", app_state[16] = "", link[300];
	int rc;

	if (s == NULL) {
		req_error(r, 503, "The directory cannot be read.");
		return;
	}
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		db_done(s);
		req_error(r, db_is_busy(rc) ? 503 : 404, db_is_busy(rc) ? "The directory is busy; "
		    "reload in a moment." : "There is no entry with this number.");
		return;
	}
	v = staff_page(r, status, (const char *)sqlite3_column_text(s, 1), "staff_org.tpl");
	body = view_body(v);
	snprintf(org_status, sizeof org_status, "%s", sqlite3_column_text(s, 2));
	if (sqlite3_column_type(s, 6) != SQLITE_NULL)
		snprintf(app_state, sizeof app_state, "%s", sqlite3_column_text(s, 6));
	snprintf(href, sizeof href, "%s/org/%lld", staff_base, id);
	view_set(body, "SELF", href);
	view_set(body, "NAME", (const char *)sqlite3_column_text(s, 1));
	view_set(body, "STATUS", org_status);
	view_set(body, "CONFIRMED", sqlite3_column_bytes(s, 3) ? (const char *)sqlite3_column_text(s, 3) :
	    "never");
	view_set(body, "CREATED", (const char *)sqlite3_column_text(s, 4));
	view_set(body, "CONTACT_NAME", (const char *)sqlite3_column_text(s, 11));
	view_set(body, "CONTACT_EMAIL", (const char *)sqlite3_column_text(s, 12));
	if (app_state[0]) {
		struct view_dict *a = view_section(body, "APPLICATION");
		view_set(a, "REFERENCE", (const char *)sqlite3_column_text(s, 5));
		view_set(a, "STATE", app_state);
		view_set(a, "SUBMITTED", (const char *)sqlite3_column_text(s, 8));
		if (sqlite3_column_bytes(s, 7))
			view_set(view_section(a, "NOTE"), "TEXT", (const char *)sqlite3_column_text(s, 7));
		if (sqlite3_column_type(s, 9) != SQLITE_NULL) {
			struct view_dict *d = view_section(a, "DECIDED");
			view_set(d, "AT", (const char *)sqlite3_column_text(s, 9));
			view_set(d, "BY", (const char *)sqlite3_column_text(s, 10));
		}
	}
	db_done(s);
	if (strcmp(org_status, "listed") == 0) {
		req_link(r, link, sizeof link, "list");
		snprintf(href, sizeof href, "%s/%lld", link, id);
		view_set(view_section(body, "PUBLIC"), "HREF", href);
	}
	if (params_parse(&p, keys, KEY__MAX, r->query) == 0 && p.v[KEY_DONE].present) {
		int a = entry_action_by_name(p.v[KEY_DONE].str);
		view_set(view_section(body, "DONE"), "TEXT", a >= 0 ? entry_actions[a].past : "saved");
	}
	if (message && bad_action < 0)
		view_set(view_section(body, "PROBLEM"), "TEXT", message);
	if (staff_who.role >= ROLE_STAFF) {
		for (int a = 0; a < ACT__MAX; a++) {
			struct view_dict *act;
			if (!entry_action_applies((enum entry_action)a, org_status,
			    app_state[0] ? app_state : NULL))
				continue;
			act = view_section(body, "ACTION");
			snprintf(href, sizeof href, "%s/org/%lld/%s", staff_base, id, entry_actions[a].name);
			view_set(act, "HREF", href);
			view_set(act, "NAME", entry_actions[a].name);
			view_set(act, "BUTTON", entry_actions[a].button);
			if (entry_actions[a].needs_note)
				view_show(act, "NOTE");
			if (a == bad_action && message) {
				view_show(act, "BAD");
				view_set(view_section(act, "ERROR"), "MESSAGE", message);
			}
		}
		view_show(body, "EDITABLE");
	} else
		view_show(body, "READONLY");
	if (seen == NULL && snapshot_take(&now, STMT_ORG_SNAPSHOT, id) == 0) {
		snapshot_fingerprint(&now, fresh);
		snapshot_free(&now);
	}
	view_set(body, "SEEN", seen ? seen : fresh);
	formview_fill(view_include(body, "FIELDS", "formfields.tpl"), f, 0);
	if ((s = db_stmt(STMT_AUDIT_FOR_ORG)) != NULL) {
		sqlite3_bind_int64(s, 1, id);
		staff_fill_events(body, s, 0);
	}
	view_page_finish(v, r);
}

static void
org_page(struct req *r, long long id)
{
	if (!staff_allowed(r, ROLE_BOARD))
		return;
	if (orgform_load(&form, id) < 0) {
		req_error(r, 404, "There is no entry with this number.");
		return;
	}
	show_org(r, 200, id, &form, -1, NULL, NULL);
}

static void
org_save(struct req *r, long long id)
{
	char path[400], fresh[FINGERPRINT_CHARS + 1];
	const char *seen;

	if (!staff_allowed(r, ROLE_STAFF) || !staff_read_post(r, &post, &form, orgform_fields, ORGF__MAX))
		return;
	seen = p.v[KEY_SEEN].present ? p.v[KEY_SEEN].str : "";
	if (form.nerrors) {
		show_org(r, 400, id, &form, -1, "The changes were not saved: correct what is marked.", seen);
		return;
	}
	switch (entry_update(id, &form, seen, fresh, staff_who.name)) {
	case CHANGE_OK:
		snprintf(path, sizeof path, "%s/org/%lld?done=edited", staff_base, id);
		staff_redirect(r, path, NULL);
		return;
	case CHANGE_INVALID:
		show_org(r, 400, id, &form, -1, "The changes were not saved: correct what is marked.", seen);
		return;
	case CHANGE_STALE:
		show_org(r, 409, id, &form, -1, "Nothing was saved: someone else saved this entry while "
		    "you were editing. Their values are named beside each field they changed; yours are "
		    "still in the form. Check them, then save again to keep yours.", fresh);
		return;
	case CHANGE_NOT_FOUND:
		req_error(r, 404, "There is no entry with this number.");
		return;
	default:
		show_org(r, 503, id, &form, -1, "The directory is busy; nothing was saved. Send the "
		    "form again in a moment.", seen);
		return;
	}
}

static void
org_act(struct req *r, long long id, const char *name)
{
	int a = entry_action_by_name(name);
	char path[400];

	if (a < 0) {
		req_error(r, 404, "There is no such action.");
		return;
	}
	if (r->method != METHOD_POST) {
		req_method_not_allowed(r, "POST");
		return;
	}
	if (!staff_allowed(r, ROLE_STAFF) || !staff_read_post(r, &post, &form, NULL, 0))
		return;
	if (orgform_load(&form, id) < 0) {
		req_error(r, 404, "There is no entry with this number.");
		return;
	}
	if (entry_actions[a].needs_note && !p.v[KEY_NOTE].present) {
		show_org(r, 400, id, &form, a, "Write the reason or question: it is shown to the "
		    "applicant on their application's page.", NULL);
		return;
	}
	switch (entry_act(id, (enum entry_action)a, p.v[KEY_NOTE].str, staff_who.name)) {
	case CHANGE_OK:
		if (p.v[KEY_BACK].present)
			snprintf(path, sizeof path, "%s/%s", staff_base, p.v[KEY_BACK].str);
		else
			snprintf(path, sizeof path, "%s/org/%lld?done=%s", staff_base, id, name);
		staff_redirect(r, path, NULL);
		return;
	case CHANGE_CONFLICT:
		show_org(r, 409, id, &form, -1, "That action no longer applies: the entry has changed "
		    "since the page was loaded. Here it is as it is now.", NULL);
		return;
	case CHANGE_NOT_FOUND:
		req_error(r, 404, "There is no entry with this number.");
		return;
	default:
		show_org(r, 503, id, &form, -1, "The directory is busy; nothing was changed. Try again "
		    "in a moment.", NULL);
		return;
	}
}

/* --- the audit log ----------------------------------------------------------------------------- */

static void
show_audit(struct req *r)
{
	struct view *v;
	struct view_dict *body;
	sqlite3_stmt *s;
	long page, total;
	char route[400];

	if (!staff_allowed(r, ROLE_ADMIN))
		return;
	if (r->method != METHOD_GET && r->method != METHOD_HEAD) {
		req_method_not_allowed(r, "GET, HEAD");
		return;
	}
	if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
		req_error(r, 400, p.error);
		return;
	}
	page = p.v[KEY_PAGE].present ? p.v[KEY_PAGE].num : 1;
	if ((total = count_rows(STMT_AUDIT_COUNT, 0)) < 0 || (s = db_stmt(STMT_AUDIT_PAGE)) == NULL) {
		req_error(r, 503, "The directory is busy; reload in a moment.");
		return;
	}
	sqlite3_bind_int(s, 1, AUDIT_PAGE);
	sqlite3_bind_int64(s, 2, (page - 1) * AUDIT_PAGE);
	v = staff_page(r, 200, "Audit log", "audit.tpl");
	body = view_body(v);
	staff_fill_events(body, s, 1);
	view_set_int(body, "TOTAL", total);
	snprintf(route, sizeof route, "%s/audit", staff_base);
	staff_fill_pager(body, &p, KEY_PAGE, route, page, AUDIT_PAGE, total);
	view_page_finish(v, r);
}

/* --- routes ------------------------------------------------------------------------------------ */

/* "/org/123" or "/org/123/approve": the id, and the action's name or "". */
static long long
org_route(const char *path, const char **action)
{
	const char *rest = path + 5;
	long long id;

	if (strncmp(path, "/org/", 5) != 0 || (id = params_path_id(&rest)) == 0 ||
	    (*rest != '\0' && *rest != '/'))
		return -1;
	*action = *rest ? rest + 1 : "";
	return id;
}

static void
handle(struct req *r)
{
	const char *path = r->path_info, *action;
	long long id;

	staff_begin(r);
	if (strcmp(path, "/sign-in") == 0) {
		sign_in(r);
		return;
	}
	if (strcmp(path, "/setup") == 0) {
		if (r->method == METHOD_GET || r->method == METHOD_HEAD || r->method == METHOD_POST)
			setup(r);
		else
			req_method_not_allowed(r, "GET, HEAD, POST");
		return;
	}
	if (strcmp(path, "/sign-out") == 0) {
		if (r->method == METHOD_POST)
			sign_out(r);
		else
			req_method_not_allowed(r, "POST");
		return;
	}
	if (strcmp(path, "") == 0 || strcmp(path, "/") == 0 || strcmp(path, "/queue") == 0)
		show_list(r, "queue");
	else if (strcmp(path, "/entries") == 0)
		show_list(r, "entries");
	else if (strcmp(path, "/stale") == 0)
		show_list(r, "stale");
	else if (strcmp(path, "/audit") == 0)
		show_audit(r);
	else if (strncmp(path, "/accounts", 9) == 0 && (path[9] == '\0' || path[9] == '/'))
		account_page(r, path + 9);
	else if ((id = org_route(path, &action)) > 0) {
		if (*action)
			org_act(r, id, action);
		else if (r->method == METHOD_POST)
			org_save(r, id);
		else if (r->method == METHOD_GET || r->method == METHOD_HEAD)
			org_page(r, id);
		else
			req_method_not_allowed(r, "GET, HEAD, POST");
	} else if (staff_allowed(r, ROLE_BOARD))
		req_error(r, 404, "There is no staff page at this address.");
}

int
main(void)
{
	static const struct program staff = { "staff", handle, NULL };
	return http_serve(&staff);
}
