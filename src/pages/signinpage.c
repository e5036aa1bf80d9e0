/*
 * signinpage.c - the staff program's signed-out pages: signing in, the first administrator's
 * setup page, and signing out. Kept apart from cgi-bin/staff.c, which routes here first,
 * because that file is full (as accountpage.c is). Routes:
 *
 *   GET  /staff/sign-in, POST        sign in (anyone); ?next= is where to go after
 *   GET  /staff/setup, POST          the first admin account, with the code from the file
 *                                    beside the database (anyone, while no admin exists)
 *   POST /staff/sign-out             sign out
 *
 * The sign-in form's token is bound to the browser's pre-session cookie, the setup form's to
 * nothing (the code is the proof), sign-out's to the session like every staff form.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "account.h"
#include "auth.h"
#include "config.h"
#include "form.h"
#include "formview.h"
#include "hosting.h"
#include "http.h"
#include "params.h"
#include "setup.h"
#include "signinpage.h"
#include "staffpage.h"
#include "token.h"
#include "view.h"

/* The parameters these pages read: the token of every form, and where to go after signing in.
 * Named as in staff.c's table, which also holds them. */
enum key { KEY_CSRF, KEY_NEXT, KEY__MAX };
static const struct param_spec keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
	[KEY_NEXT] = { "next", PARAM_TEXT, 0, 1000, NULL, NULL, NULL },
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

/*
 * The site's public folder, from which the account's folder is found: under Apache's /~name/
 * (mod_userdir) DOCUMENT_ROOT is the server's, and only CONTEXT_DOCUMENT_ROOT is the account's
 * public_html (serve.c chooses the data folder by the same rule).
 */
static const char *
public_folder(const struct req *r)
{
	const char *d = req_env(r, "CONTEXT_DOCUMENT_ROOT");
	return *d ? d : req_env(r, "DOCUMENT_ROOT");
}

/*
 * What the setup page tells the person installing an upload bundle about its host: the data
 * folder chosen (from the account's folder, never the server path with the username: anyone
 * may see this page), whether the programs run as the account (suEXEC) or not, and programs
 * an FTP client damaged.
 */
static void
fill_hosting(const struct req *r, struct view_dict *body)
{
	char folder[1024], shown[1200], damaged[1024];
	const char *docroot = public_folder(r);
	struct view_dict *d;

	if (config.bundle_root[0] == '\0')
		return;
	snprintf(folder, sizeof folder, "%s", config.database);
	hosting_parent_folder(folder, 1);
	hosting_shown_path(docroot, folder, shown, sizeof shown);
	view_set(view_section(body, "DATA"), "FOLDER", shown);
	view_show(body, hosting_runs_as_owner(config.bundle_root) ? "SUEXEC" : "NO_SUEXEC");
	if (hosting_damaged(config.bundle_root, damaged, sizeof damaged) > 0) {
		d = view_section(body, "DAMAGED");
		view_set(d, "FILES", damaged);
	}
}

/* The setup page, with the form as it stands (status 200, or 400 with its errors). */
static void
show_setup(struct req *r, int status)
{
	char token[TOKEN_CHARS + 1], code[SETUP_TOKEN_CHARS + 1], err[1400], path[1200], shown[1200];
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
	hosting_shown_path(public_folder(r), path, shown, sizeof shown);
	view_set(body, "FILE", shown);
	fill_hosting(r, body);
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

int
signin_page(struct req *r, const char *path)
{
	if (strcmp(path, "/sign-in") == 0) {
		sign_in(r);
		return 1;
	}
	if (strcmp(path, "/setup") == 0) {
		if (r->method == METHOD_GET || r->method == METHOD_HEAD || r->method == METHOD_POST)
			setup(r);
		else
			req_method_not_allowed(r, "GET, HEAD, POST");
		return 1;
	}
	if (strcmp(path, "/sign-out") == 0) {
		if (r->method == METHOD_POST)
			sign_out(r);
		else
			req_method_not_allowed(r, "POST");
		return 1;
	}
	return 0;
}
