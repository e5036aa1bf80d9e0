/*
 * managepage.c - an entry's self-service pages, reached by its contact from a reminder or from
 * "Manage my entry" on its profile (remind.h). The apply program serves them (cgi-bin/apply.c's
 * route table): they are the way an entry, once in, is kept current by its own organization, and
 * sharing a program keeps the upload bundle within its size (one static program is 3.5 MB).
 *
 *   GET  /apply/manage/ID        asks for a link: the contact types the entry's contact address
 *   POST /apply/manage/ID        sends the link to the address on file if it is the one typed;
 *                                the answer is the same page whether or not it was
 *   GET  /apply/manage/ID/LINK   the entry's page: what it says, and three buttons
 *   POST /apply/manage/ID/LINK   a button: action=confirm ("Still seeking partners": confirmed
 *                                today), update (the application form, filled in), save (the
 *                                changes, sent for review as an application), remove (asks to
 *                                confirm), remove-yes (unlisted at once, audited)
 *
 * Opening a link changes nothing, since mail scanners fetch links before people do; every
 * change is a POST from the page, with a form token bound to the link. A link is checked
 * before anything else on every request: tampered, or for another entry, 403; older than
 * REMIND_LINK_DAYS, 410; either way nothing changes. Pages are never cached (they carry the
 * link) and send no Referer, so the link does not leak to a site the page links to.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "db.h"
#include "entry.h"
#include "form.h"
#include "formview.h"
#include "http.h"
#include "mailmsg.h"
#include "orgform.h"
#include "params.h"
#include "managepage.h"
#include "remind.h"
#include "route.h"
#include "token.h"
#include "view.h"

#define HEADERS	"Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n"
#define ACTOR	"contact"	/* the audit log's name for an entry's contact acting from a link */

static const struct param_choice actions[] = {
	{ "confirm", "" }, { "update", "" }, { "save", "" }, { "remove", "" }, { "remove-yes", "" },
	{ NULL, NULL }
};
enum key { KEY_CSRF, KEY_EMAIL, KEY_ACTION, KEY__MAX };
static const struct param_spec keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
	[KEY_EMAIL] = { "email", PARAM_TEXT, 0, 320, NULL, NULL, NULL },
	[KEY_ACTION] = { "action", PARAM_ENUM, 0, 0, actions, NULL, NULL },
};

/* Forms are large: one per process, not on the stack. */
static struct form form;
static struct params p;
static char body_buf[FORM_INPUT_MAX + 1];

/* --- asking for a link ------------------------------------------------------------------- */

/* The entry, or an answer: 1 found (close c), 0 answered 404, -1 answered 503. */
static int
load_entry(struct req *r, struct db_cursor *c, long long id, struct remind_entry *e, int listed_only)
{
	int found = remind_entry(c, id, e);

	if (found < 0) {
		req_error(r, 503, "The directory is busy; reload in a moment.");
		return -1;
	}
	if (found == 0 || (listed_only && strcmp(e->status, "listed") != 0)) {
		if (found)
			db_cursor_close(c);
		req_error(r, 404, "No organization with that number is listed in the directory.");
		return 0;
	}
	return 1;
}

static void
ask_page(struct req *r, long long id, int status, int sent, const char *problem)
{
	struct db_cursor c;
	struct remind_entry e;
	struct view *v;
	struct view_dict *body;
	char token[TOKEN_CHARS + 1], bind[24], self[400];

	if (load_entry(r, &c, id, &e, 1) != 1)
		return;
	snprintf(bind, sizeof bind, "%lld", id);
	if (token_make(token, "manage-ask", bind, time(NULL)) < 0) {
		db_cursor_close(&c);
		req_error(r, 503, "The site's key cannot be read from the database.");
		return;
	}
	req_head(r, status, "text/html; charset=utf-8", HEADERS);
	v = view_page_new(r, "Manage this entry", "manage.tpl");
	body = view_body(v);
	view_set(body, "NAME", e.name);
	managepage_base(r, self, sizeof self, 0);
	snprintf(self + strlen(self), sizeof self - strlen(self), "/%lld", id);
	view_set(body, "SELF", self);
	if (sent)
		view_show(body, "ASKED");
	else {
		struct view_dict *d = view_section(body, "ASK");
		view_set(d, "CSRF", token);
		if (problem)
			view_set(view_section(d, "PROBLEM"), "TEXT", problem);
	}
	db_cursor_close(&c);
	view_page_finish(v, r);
}

void
managepage_base(const struct req *r, char *buf, size_t size, int absolute)
{
	size_t n;

	if (absolute)
		req_absolute_link(r, buf, size, "apply");
	else
		req_link(r, buf, size, "apply");
	n = strlen(buf);
	snprintf(buf + n, size - n, "/manage");
}

void
managepage_ask_form(struct req *r, const struct route_args *a)
{
	ask_page(r, a->ids[0], 200, 0, NULL);
}

void
managepage_ask_send(struct req *r, const struct route_args *a)
{
	char bind[24], base[600];
	const char *email;
	int rc;

	if ((rc = req_read_form(r, body_buf, sizeof body_buf)) != 0) {
		req_error(r, rc, "The form could not be read.");
		return;
	}
	params_parse(&p, keys, KEY__MAX, body_buf);
	snprintf(bind, sizeof bind, "%lld", a->ids[0]);
	if (token_check(p.v[KEY_CSRF].str, "manage-ask", bind, time(NULL), 0,
	    config.form_hours * 3600L, NULL) != TOKEN_OK) {
		ask_page(r, a->ids[0], 403, 0, "This form could not be checked as coming from this "
		    "site, or it was open too long. Type the address again.");
		return;
	}
	email = p.v[KEY_EMAIL].str;
	if (!mailmsg_addr_ok(email)) {
		ask_page(r, a->ids[0], 400, 0, "Type an email address, such as name@example.org.");
		return;
	}
	managepage_base(r, base, sizeof base, 1);
	switch (remind_ask(a->ids[0], email, base, time(NULL))) {
	case CHANGE_OK:
		ask_page(r, a->ids[0], 200, 1, NULL);
		return;
	default:
		ask_page(r, a->ids[0], 503, 0, "The directory is busy. Nothing was sent; try again "
		    "in a moment.");
		return;
	}
}

/* --- the entry's page -------------------------------------------------------------------- */

/* Checks the link in the path; on anything but OK answers 403 or 410 and returns 0. */
static int
link_ok(struct req *r, long long id, const char *link)
{
	switch (remind_check_link(link, id, time(NULL))) {
	case REMIND_LINK_OK:
		return 1;
	case REMIND_LINK_EXPIRED:
		req_error_page(r, 410, HEADERS, "This link has expired: links to manage an entry work "
		    "for 30 days. Ask for a new one with “Manage my entry” on the entry's page in the "
		    "directory. Nothing was changed.");
		return 0;
	default:
		req_error_page(r, 403, HEADERS, "This link is not valid: it may have been cut short or "
		    "changed when it was copied. Copy the whole link from the message, or ask for a "
		    "new one with “Manage my entry” on the entry's page. Nothing was changed.");
		return 0;
	}
}

/* What each page of a link shows: section is the part of manage.tpl to show. */
static void
entry_page(struct req *r, long long id, const char *link, int status, const char *section,
    const char *note)
{
	struct db_cursor c;
	struct remind_entry e;
	struct view *v;
	struct view_dict *body, *d;
	char token[TOKEN_CHARS + 1], self[900], list[400];

	if (load_entry(r, &c, id, &e, 0) != 1)
		return;
	if (token_make(token, "manage", link, time(NULL)) < 0) {
		db_cursor_close(&c);
		req_error(r, 503, "The site's key cannot be read from the database.");
		return;
	}
	req_head(r, status, "text/html; charset=utf-8", HEADERS);
	v = view_page_new(r, section && strcmp(section, "UPDATE") == 0 ? "Update this entry" :
	    "Manage this entry", "manage.tpl");
	body = view_body(v);
	managepage_base(r, self, sizeof self, 0);
	snprintf(self + strlen(self), sizeof self - strlen(self), "/%lld/%s", id, link);
	req_link(r, list, sizeof list, "list");
	snprintf(list + strlen(list), sizeof list - strlen(list), "/%lld", id);
	view_set(body, "NAME", e.name);
	d = view_section(body, "ENTRY");
	view_set(d, "SELF", self);
	view_set(d, "CSRF", token);
	view_set(d, "CONFIRMED", e.confirmed_on[0] ? e.confirmed_on : "never");
	view_set(d, "PROFILE_HREF", list);
	if (e.pending_reference[0])
		view_set(view_section(d, "PENDING"), "REFERENCE", e.pending_reference);
	if (note)
		view_set(view_section(d, "DONE"), "TEXT", note);
	if (strcmp(e.status, "listed") != 0)
		view_show(d, "NOT_LISTED");
	else if (section == NULL)
		view_show(d, "BUTTONS");
	else if (strcmp(section, "UPDATE") == 0)
		formview_fill(view_include(view_section(d, "UPDATE"), "FIELDS", "formfields.tpl"), &form, 0);
	else
		view_show(d, section);
	if (strcmp(e.status, "listed") == 0)
		view_show(d, "LISTED");
	db_cursor_close(&c);
	view_page_finish(v, r);
}

void
managepage_show(struct req *r, const struct route_args *a)
{
	if (link_ok(r, a->ids[0], a->rest))
		entry_page(r, a->ids[0], a->rest, 200, NULL, NULL);
}

/* An entry_act or entry_propose_update result that is not CHANGE_OK, in words. */
static void
failed(struct req *r, long long id, const char *link, enum change_result c)
{
	if (c == CHANGE_CONFLICT || c == CHANGE_NOT_FOUND)
		entry_page(r, id, link, 409, NULL, "This entry is no longer listed, so nothing was "
		    "changed.");
	else
		entry_page(r, id, link, 503, NULL, "The directory is busy. Nothing was changed; press "
		    "the button again in a moment.");
}

static void
save_changes(struct req *r, long long id, const char *link, const uint8_t nonce[TOKEN_NONCE_SIZE])
{
	struct entry_application app;
	uint8_t addr[32];
	char note[200];

	if (form.nerrors) {
		entry_page(r, id, link, 400, "UPDATE", NULL);
		return;
	}
	memset(&app, 0, sizeof app);
	token_hash_address(req_env(r, "REMOTE_ADDR"), addr);
	app.nonce = nonce;
	app.addr_hash = addr;
	app.limit_per_hour = config.apply_per_hour;
	app.now = time(NULL);
	switch (entry_propose_update(id, &form, &app, ACTOR)) {
	case CHANGE_OK:
	case CHANGE_RESUBMITTED:
		snprintf(note, sizeof note, "Thank you. Your changes were sent to the directory's staff "
		    "for review (reference %s); the entry shows them once they are approved.", app.reference);
		entry_page(r, id, link, 200, NULL, note);
		return;
	case CHANGE_INVALID:
		entry_page(r, id, link, 400, "UPDATE", NULL);
		return;
	case CHANGE_LIMITED:
		form_fail(&form, -1, "This connection has sent too many applications in the last hour. "
		    "Please send the changes later.");
		entry_page(r, id, link, 429, "UPDATE", NULL);
		return;
	default:
		form_fail(&form, -1, "The directory is busy. Nothing was saved; send the changes again "
		    "in a moment.");
		entry_page(r, id, link, 503, "UPDATE", NULL);
		return;
	}
}

void
managepage_post(struct req *r, const struct route_args *a)
{
	long long id = a->ids[0];
	const char *link = a->rest, *action;
	uint8_t nonce[TOKEN_NONCE_SIZE];
	enum change_result c;
	int rc;

	if (!link_ok(r, id, link))
		return;
	if ((rc = req_read_form(r, body_buf, sizeof body_buf)) != 0) {
		req_error(r, rc, "The form could not be read.");
		return;
	}
	params_parse(&p, keys, KEY__MAX, body_buf);
	if (token_check(p.v[KEY_CSRF].str, "manage", link, time(NULL), 0, config.form_hours * 3600L,
	    nonce) != TOKEN_OK) {
		entry_page(r, id, link, 403, NULL, "That button's page was open too long, or did not come "
		    "from this site. Nothing was changed; press the button again.");
		return;
	}
	action = p.v[KEY_ACTION].str;
	if (strcmp(action, "confirm") == 0) {
		if ((c = entry_act(id, ACT_CONFIRM, "from a manage link", ACTOR)) != CHANGE_OK)
			failed(r, id, link, c);
		else
			entry_page(r, id, link, 200, NULL, "Thank you: the entry is confirmed as of today, "
			    "and the directory shows it as current.");
	} else if (strcmp(action, "update") == 0) {
		if (orgform_load(&form, id) < 0) {
			req_error(r, 503, "The entry could not be read.");
			return;
		}
		entry_page(r, id, link, 200, "UPDATE", NULL);
	} else if (strcmp(action, "save") == 0) {
		form_parse(&form, orgform_fields, ORGF__MAX, body_buf);
		save_changes(r, id, link, nonce);
	} else if (strcmp(action, "remove") == 0)
		entry_page(r, id, link, 200, "REMOVE_ASK", NULL);
	else if (strcmp(action, "remove-yes") == 0) {
		if ((c = entry_act(id, ACT_UNLIST, "removed by its contact from a manage link",
		    ACTOR)) != CHANGE_OK)
			failed(r, id, link, c);
		else
			entry_page(r, id, link, 200, NULL, "The entry has been removed from the directory. "
			    "To list it again, write to the directory's staff.");
	} else
		entry_page(r, id, link, 400, NULL, "Choose one of the buttons below.");
}
