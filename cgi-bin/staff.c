/*
 * staff.c - the signed-in side: sign-in, the review queue, keeping entries current, the
 * audit log. Routes (under /staff, PATH_INFO), each with the role it needs:
 *
 *   GET  /staff                      → the queue
 *   GET  /staff/sign-in, POST        sign in (anyone)                  (signinpage.c)
 *   GET  /staff/setup, POST          the first admin account, with the code from the file
 *                                    beside the database (anyone, while no admin exists)
 *   POST /staff/sign-out             sign out                          (signinpage.c)
 *   GET  /staff/queue                applications waiting for review, oldest first   board
 *   GET  /staff/entries?status=&q=   every entry, by name                            board
 *   GET  /staff/stale                listed entries not confirmed for 12 months      board
 *   GET  /staff/org/new, POST        record a staff-only entry (never public)      staff
 *   GET  /staff/org/ID               one entry: details, actions, edit form, history board
 *   POST /staff/org/ID               save the edit form (409 if someone saved meanwhile)  staff
 *   POST /staff/org/ID/ACTION        approve, reject, wait, confirm, unlist, relist, staff-only,
 *                                    make-public, archive
 *   GET  /staff/account, POST        your account: your library (ownpage.c)          staff
 *   GET  /staff/audit                every change, newest first                      admin
 *   GET  /staff/mail?state=&page=    the outbox: waiting, sent, failed (mailpage.c)   admin
 *   POST /staff/mail/ID/send-again   send a waiting or failed message again now       admin
 *   …    /staff/accounts             accounts: add, new password, disable (accountpage.c) admin
 *   …    /staff/backups              backups: download one now, the site's copies, restore one
 *                                    or an uploaded copy; the settings' problems (backuppage.c) admin
 *
 * routes[] at the end is what enforces these (route.h). Without a session every route but
 * the sign-in pages answers 303 to the sign-in page, which comes back here after.
 * Every form that changes anything carries a token bound to the session (token.h). Deciding
 * an application queues the message telling the applicant in the same transaction (notify.h).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "accountpage.h"
#include "audit.h"
#include "auth.h"
#include "backuppage.h"
#include "db.h"
#include "entry.h"
#include "form.h"
#include "formview.h"
#include "http.h"
#include "mailpage.h"
#include "notify.h"
#include "orgform.h"
#include "ownpage.h"
#include "params.h"
#include "remind.h"
#include "review.h"
#include "route.h"
#include "serve.h"
#include "signinpage.h"
#include "staffpage.h"
#include "token.h"
#include "view.h"

#define LIST_PAGE	50
#define AUDIT_PAGE	STAFF_EVENTS_MAX

/* Query and small-form parameters of every staff route. */
enum key { KEY_CSRF, KEY_NOTE, KEY_BACK, KEY_DONE, KEY_STATUS, KEY_Q, KEY_PAGE, KEY_NEXT, KEY_SEEN, KEY__MAX };
static const struct param_choice statuses[] = {
	{ "pending", "Waiting for review" }, { "listed", "Listed" }, { "unlisted", "Unlisted" },
	{ "staff_only", "Staff only (never public)" }, { "rejected", "Rejected" },
	{ "archived", "Archived" }, { NULL, NULL }
};
static const struct param_choice backs[] = {
	{ "stale", "" }, { "queue", "" }, { NULL, NULL }
};
static const struct param_choice dones[] = {
	{ "approve", "" }, { "reject", "" }, { "wait", "" }, { "confirm", "" }, { "unlist", "" },
	{ "relist", "" }, { "staff-only", "" }, { "make-public", "" }, { "archive", "" }, { "edited", "" },
	{ "recorded", "" }, { NULL, NULL }
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

static struct form form;
static struct params p;
static char body_buf[FORM_INPUT_MAX + 1];
/* Where posted bodies are read into, and which parameter is the staff token. */
static const struct staff_post post = { body_buf, sizeof body_buf, &p, keys, KEY__MAX, KEY_CSRF };

/* --- lists ------------------------------------------------------------------------------------- */

/* The stale list's reminder columns: when each went for this confirmation date, and the answer. */
static void
stale_reminders(struct view_dict *d, long long id)
{
	struct remind_status st;

	if (remind_status(id, &st) < 0) {
		view_set(d, "FIRST", "?");
		return;
	}
	for (int i = 0; i < 2; i++) {
		long long t = i ? st.second_sent : st.first_sent;
		if (t > 0)
			view_set_day(d, i ? "SECOND" : "FIRST", t);	/* the day in the site's zone */
		else
			view_set(d, i ? "SECOND" : "FIRST", "not sent");
	}
	if (st.answered[0])
		view_set_stored_time(d, "ANSWERED", st.answered);
	else
		view_set(d, "ANSWERED", st.first_sent ? "no" : "");
}

/*
 * The queue, the entries and the stale list share one table: id, name, country, status,
 * a date, a detail and (queue) a reference. which is "queue", "entries" or "stale".
 */
static void
show_list(struct req *r, const char *which)
{
	int queue = strcmp(which, "queue") == 0, stale = strcmp(which, "stale") == 0;
	enum review_list list = queue ? REVIEW_QUEUE : stale ? REVIEW_STALE : REVIEW_ENTRIES;
	long page, total = 0, rows = 0;
	char route[400], href[500], id[24];
	struct view *v;
	struct view_dict *body;
	struct db_cursor c;
	struct review_row row;
	int rc;

	if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
		req_error(r, 400, p.error);
		return;
	}
	page = p.v[KEY_PAGE].present ? p.v[KEY_PAGE].num : 1;
	if (!queue && (total = review_count(list, p.v[KEY_STATUS].str, p.v[KEY_Q].str)) < 0) {
		req_error(r, 503, "The directory is busy; reload in a moment.");
		return;
	}
	if (review_open(&c, list, LIST_PAGE, (page - 1) * LIST_PAGE, p.v[KEY_STATUS].str,
	    p.v[KEY_Q].str) < 0) {
		req_error(r, 503, "The directory cannot be read.");
		return;
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
	while ((rc = review_next(&c, &row)) == 1) {
		struct view_dict *d = view_section(body, "ROW");

		snprintf(href, sizeof href, "%s/org/%lld", staff_base, row.id);
		snprintf(id, sizeof id, "%lld", row.id);
		view_set(d, "HREF", href);
		view_set(d, "ID", id);
		view_set(d, "NAME", row.name);
		view_set(d, "COUNTRY", row.country);
		view_set(d, "STATUS", row.status);
		if (queue)
			view_set_stored_time(d, "DATE", row.date);	/* when it was sent */
		else
			view_set(d, "DATE", row.date);		/* a day: the last confirmation */
		/* A section inside a row reads the row's values only if the row itself shows it. */
		view_show(d, queue ? "QUEUE" : stale ? "STALE" : "ENTRIES");
		if (stale && staff_who.role >= ROLE_STAFF)
			view_show(d, "CAN_CONFIRM");
		if (*row.detail)
			view_set(view_section(d, "DETAIL"), "TEXT", row.detail);
		view_set(d, "REFERENCE", row.reference);
		if (stale) {
			snprintf(href, sizeof href, "%s/org/%lld/confirm", staff_base, row.id);
			view_set(d, "CONFIRM_HREF", href);
			stale_reminders(d, row.id);
		}
		rows++;
	}
	db_cursor_close(&c);
	if (rc < 0)
		view_show(body, "READ_ERROR");
	if (queue)
		total = rows;
	view_set_int(body, "TOTAL", total);
	view_show(body, total == 0 ? "NONE" : "SOME");
	staff_fill_pager(body, &p, KEY_PAGE, route, page, LIST_PAGE, total);
	view_page_finish(v, r);
}

static void
queue(struct req *r, const struct route_args *a)
{
	show_list(r, "queue");
}

static void
entries(struct req *r, const struct route_args *a)
{
	show_list(r, "entries");
}

static void
stale(struct req *r, const struct route_args *a)
{
	show_list(r, "stale");
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

	struct db_cursor c;
	struct review_entry e;
	struct view *v;
	struct view_dict *body;
	char href[500], org_status[16] = "", app_state[16] = "", link[300];
	int found = review_entry(&c, id, &e);

	if (found <= 0) {
		req_error(r, found < 0 ? 503 : 404, found < 0 ? "The directory is busy or cannot be "
		    "read; reload in a moment." : "There is no entry with this number.");
		return;
	}
	v = staff_page(r, status, e.name, "staff_org.tpl");
	body = view_body(v);
	snprintf(org_status, sizeof org_status, "%s", e.status);
	if (e.state)
		snprintf(app_state, sizeof app_state, "%s", e.state);
	snprintf(href, sizeof href, "%s/org/%lld", staff_base, id);
	view_set(body, "SELF", href);
	view_set(body, "NAME", e.name);
	view_set(body, "STATUS", org_status);
	view_set(body, "CONFIRMED", *e.confirmed_on ? e.confirmed_on : "never");
	view_set_stored_time(body, "CREATED", e.created_at);
	view_set(body, "CONTACT_NAME", e.contact_name);
	view_set(body, "CONTACT_EMAIL", e.contact_email);
	if (app_state[0]) {
		struct view_dict *a = view_section(body, "APPLICATION");
		view_set(a, "REFERENCE", e.reference);
		view_set(a, "STATE", app_state);
		view_set_stored_time(a, "SUBMITTED", e.submitted_at);
		if (*e.note)
			view_set(view_section(a, "NOTE"), "TEXT", e.note);
		if (e.decided_at) {
			struct view_dict *d = view_section(a, "DECIDED");
			view_set_stored_time(d, "AT", e.decided_at);
			view_set(d, "BY", e.decided_by);
		}
	}
	db_cursor_close(&c);
	if (strcmp(org_status, "listed") == 0) {
		req_link(r, link, sizeof link, "list");
		snprintf(href, sizeof href, "%s/%lld", link, id);
		view_set(view_section(body, "PUBLIC"), "HREF", href);
	}
	if (params_parse(&p, keys, KEY__MAX, r->query) == 0 && p.v[KEY_DONE].present) {
		int a = entry_action_by_name(p.v[KEY_DONE].str);
		view_set(view_section(body, "DONE"), "TEXT", a >= 0 ? entry_actions[a].past :
		    strcmp(p.v[KEY_DONE].str, "recorded") == 0 ? "recorded as a staff-only entry" : "saved");
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
	/* An entry's history that cannot be read whole is a 503, not a page with events missing. */
	if (audit_open_for_org(&c, id) < 0 || staff_fill_audit(body, &c, 0) < 0) {
		view_page_discard(v);
		req_error(r, 503, "The entry's history cannot be read just now; reload in a moment.");
		return;
	}
	view_page_finish(v, r);
}

static void
org_page(struct req *r, const struct route_args *a)
{
	long long id = a->ids[0];

	if (orgform_load(&form, id) < 0) {
		req_error(r, 404, "There is no entry with this number.");
		return;
	}
	show_org(r, 200, id, &form, -1, NULL, NULL);
}

static void
org_save(struct req *r, const struct route_args *a)
{
	char path[400], fresh[FINGERPRINT_CHARS + 1];
	const char *seen;
	long long id = a->ids[0];

	if (!staff_read_post(r, &post, &form, orgform_fields, ORGF__MAX))
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

/* /org/new: the form for a staff-only entry (entry_record_staff_only), as drawn or as posted. */
static void
org_new_form(struct req *r, int status)
{
	struct view *v = staff_page(r, status, form.nerrors ? "Error: record a staff-only organization" :
	    "Record a staff-only organization", "staff_org_new.tpl");
	struct view_dict *body = view_body(v);
	char self[400];

	snprintf(self, sizeof self, "%s/org/new", staff_base);
	view_set(body, "SELF", self);
	formview_fill(view_include(body, "FIELDS", "formfields.tpl"), &form, 0);
	view_page_finish(v, r);
}

static void
org_new(struct req *r, const struct route_args *a)
{
	char path[400];
	long long id = 0;

	if (r->method != METHOD_POST) {
		form_init(&form, orgform_fields, ORGF__MAX);
		orgform_defaults(&form);
		org_new_form(r, 200);
		return;
	}
	if (!staff_read_post(r, &post, &form, orgform_fields, ORGF__MAX))
		return;
	switch (form.nerrors ? CHANGE_INVALID : entry_record_staff_only(&form, staff_who.name, &id)) {
	case CHANGE_OK:
		snprintf(path, sizeof path, "%s/org/%lld?done=recorded", staff_base, id);
		staff_redirect(r, path, NULL);
		return;
	case CHANGE_INVALID:
		org_new_form(r, 400);
		return;
	default:
		req_error(r, 503, "The directory is busy; nothing was saved. Go back and send the form "
		    "again in a moment.");
		return;
	}
}

/* POST /org/ID/ACTION: ACTION is the rest of the path, one of entry_actions or 404. */
static void
org_act(struct req *r, const struct route_args *args)
{
	long long id = args->ids[0];
	const char *name = args->rest;
	int a = entry_action_by_name(name);
	char path[400], apply_link[512], list_link[512], staff_link[512];
	struct notify_links links = { apply_link, list_link, staff_link };

	if (a < 0) {
		req_error(r, 404, "There is no such action.");
		return;
	}
	if (!staff_read_post(r, &post, &form, NULL, 0))
		return;
	if (orgform_load(&form, id) < 0) {
		req_error(r, 404, "There is no entry with this number.");
		return;
	}
	if (entry_actions[a].needs_note && !p.v[KEY_NOTE].present) {
		show_org(r, 400, id, &form, a, "Write the reason or question: it is sent to the "
		    "applicant and shown on their application's page.", NULL);
		return;
	}
	req_absolute_link(r, apply_link, sizeof apply_link, "apply");
	req_absolute_link(r, list_link, sizeof list_link, "list");
	req_absolute_link(r, staff_link, sizeof staff_link, "staff");
	switch (entry_act_mail(id, (enum entry_action)a, p.v[KEY_NOTE].str, staff_who.name, &links)) {
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
show_audit(struct req *r, const struct route_args *a)
{
	struct view *v;
	struct view_dict *body;
	struct db_cursor c;
	long page, total;
	char route[400];

	if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
		req_error(r, 400, p.error);
		return;
	}
	page = p.v[KEY_PAGE].present ? p.v[KEY_PAGE].num : 1;
	if ((total = audit_count()) < 0 || audit_open_page(&c, AUDIT_PAGE, (page - 1) * AUDIT_PAGE) < 0) {
		req_error(r, 503, "The directory is busy; reload in a moment.");
		return;
	}
	v = staff_page(r, 200, "Audit log", "audit.tpl");
	body = view_body(v);
	if (staff_fill_audit(body, &c, 1) < 0) {
		view_page_discard(v);
		req_error(r, 503, "The audit log cannot be read just now; reload in a moment.");
		return;
	}
	view_set_int(body, "TOTAL", total);
	snprintf(route, sizeof route, "%s/audit", staff_base);
	staff_fill_pager(body, &p, KEY_PAGE, route, page, AUDIT_PAGE, total);
	view_page_finish(v, r);
}

/* --- the outbox (mailpage.c) ------------------------------------------------------------------ */

static void
mail(struct req *r, const struct route_args *a)
{
	mail_page(r);
}

static void
mail_again(struct req *r, const struct route_args *a)
{
	mail_send_again(r, a->ids[0]);
}

/* --- routes ------------------------------------------------------------------------------------ */

/* The accounts pages check their own forms (accountpage.c); their rows are here. */
static void
accounts(struct req *r, const struct route_args *a)
{
	account_page(r, r->path_info + strlen("/accounts"));
}

static void
own_account(struct req *r, const struct route_args *a)
{
	own_account_page(r);
}

static const struct route routes[] = {
	{ "", ROUTE_GET, PAGE_ROLE_QUEUE, queue },
	{ "/queue", ROUTE_GET, PAGE_ROLE_QUEUE, queue },
	{ "/entries", ROUTE_GET, PAGE_ROLE_ENTRIES, entries },
	{ "/stale", ROUTE_GET, PAGE_ROLE_STALE, stale },
	{ "/org/new", ROUTE_GET | ROUTE_POST, PAGE_ROLE_ORG_NEW, org_new },
	{ "/account", ROUTE_GET | ROUTE_POST, PAGE_ROLE_OWN_ACCOUNT, own_account },
	{ "/org/#", ROUTE_GET, ROLE_BOARD, org_page },
	{ "/org/#", ROUTE_POST, ROLE_STAFF, org_save },
	{ "/org/#/*", ROUTE_POST, ROLE_STAFF, org_act },
	{ "/audit", ROUTE_GET, PAGE_ROLE_AUDIT, show_audit },
	{ "/mail", ROUTE_GET, PAGE_ROLE_MAIL, mail },
	{ "/mail/#/send-again", ROUTE_POST, ROLE_ADMIN, mail_again },
	{ "/accounts", ROUTE_GET | ROUTE_POST, PAGE_ROLE_ACCOUNTS, accounts },
	{ "/accounts/password", ROUTE_POST, ROLE_ADMIN, accounts },
	{ "/accounts/disable", ROUTE_POST, ROLE_ADMIN, accounts },
	{ "/accounts/enable", ROUTE_POST, ROLE_ADMIN, accounts },
	/* Backups, restores and the settings' problems (backuppage.c). */
	{ "/backups", ROUTE_GET, PAGE_ROLE_BACKUPS, backup_page },
	{ "/backups/file/*", ROUTE_GET, ROLE_ADMIN, backup_page_file },
	{ "/backups/now", ROUTE_POST, ROLE_ADMIN, backup_page_now },
	{ "/backups/restore", ROUTE_POST, ROLE_ADMIN, backup_page_restore },
	{ "/backups/upload", ROUTE_POST, ROLE_ADMIN, backup_page_upload },
};
static const struct route_table table = { routes, sizeof routes / sizeof routes[0], ROLE_BOARD,
	"There is no staff page at this address." };

static void
handle(struct req *r)
{
	staff_begin(r);
	/* Signing in, out and setting up are for visitors too, each with its own answers. */
	if (!signin_page(r, r->path_info))
		route_dispatch(r, &table);
}

int
main(void)
{
	static const struct program staff = { "staff", handle, NULL };
	return http_serve(&staff);
}
