/*
 * mailpage.c - the administrator's outbox page, part of the staff program (staff.c routes
 * here; kept apart because that file is nearly full). Routes, for administrators:
 *
 *   GET  /staff/mail?state=&page=      how many wait and how many failed, then the messages,
 *                                      newest first, 50 a page, each with its state, tries,
 *                                      and the reason its last try failed
 *   POST /staff/mail/ID/send-again     a queued or failed message is due now, its tries
 *                                      counted afresh; audited; delivered once this response
 *                                      has gone (outbox.h), and 303 back to the page
 *
 * A message's body is not shown: it may be a visitor's words to an organization, and it is
 * deleted once delivered. What a person needs here is whether mail goes out, and why not.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "form.h"
#include "http.h"
#include "mailpage.h"
#include "notify.h"
#include "outbox.h"
#include "params.h"
#include "staffpage.h"
#include "token.h"
#include "view.h"

#define MAIL_PAGE	50

enum key { KEY_CSRF, KEY_STATE, KEY_PAGE, KEY_DONE, KEY__MAX };
static const struct param_choice states[] = {
	{ "queued", "Waiting" }, { "sending", "Being sent" }, { "sent", "Sent" }, { "failed", "Failed" },
	{ NULL, NULL }
};
static const struct param_choice dones[] = {
	{ "again", "The message will be sent again now. Reload in a moment to see how it went." },
	{ NULL, NULL }
};
static const struct param_spec keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
	[KEY_STATE] = { "state", PARAM_ENUM, 0, 0, states, NULL, NULL },
	[KEY_PAGE] = { "page", PARAM_INT, 1, 100000, NULL, NULL, NULL },
	[KEY_DONE] = { "done", PARAM_ENUM, 0, 0, dones, NULL, NULL },
};

static struct params p;
static char body_buf[4096];
static const struct staff_post post = { body_buf, sizeof body_buf, &p, keys, KEY__MAX, KEY_CSRF };

/* The label of value among choices. */
static const char *
label_of(const struct param_choice *choices, const char *value)
{
	for (; choices->value; choices++)
		if (strcmp(choices->value, value) == 0)
			return choices->label;
	return "";
}

void
mail_page(struct req *r)
{
	struct outbox_counts counts;
	struct outbox_row row;
	struct db_cursor c;
	struct view *v;
	struct view_dict *body;
	const char *state;
	char route[400], href[500];
	long long total, sent;
	long page;
	int rc, n = 0;

	if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
		req_error(r, 400, p.error);
		return;
	}
	state = p.v[KEY_STATE].present ? p.v[KEY_STATE].str : NULL;
	page = p.v[KEY_PAGE].present ? p.v[KEY_PAGE].num : 1;
	if (outbox_counts(&counts) < 0 || (total = notify_outbox_count(state)) < 0 ||
	    (sent = notify_outbox_count("sent")) < 0) {
		req_error(r, 503, "The outbox cannot be read just now; reload in a moment.");
		return;
	}
	v = staff_page(r, 200, "Outgoing mail", "staff_mail.tpl");
	body = view_body(v);
	view_set_int(body, "WAITING", counts.waiting);
	view_set_int(body, "FAILED", counts.failed);
	view_set_int(body, "SENT", sent);
	if (counts.failed > 0)
		view_show(body, "SOME_FAILED");
	if (p.v[KEY_DONE].present)
		view_set(view_section(body, "DONE"), "TEXT", label_of(dones, p.v[KEY_DONE].str));
	snprintf(route, sizeof route, "%s/mail", staff_base);
	view_set(body, "ROUTE", route);
	for (const struct param_choice *s = states; s->value; s++) {
		struct view_dict *d = view_section(body, "STATE_OPTION");
		view_set(d, "VALUE", s->value);
		view_set(d, "LABEL", s->label);
		if (state && strcmp(state, s->value) == 0)
			view_show(d, "SELECTED");
	}
	view_set(body, "SHOWING", state ? label_of(states, state) : "All");
	outbox_list_open(&c, state, MAIL_PAGE, (int)((page - 1) * MAIL_PAGE));
	while ((rc = outbox_next(&c, &row)) == 1) {
		struct view_dict *d = view_section(body, "ROW");

		view_set_int(d, "ID", row.id);
		view_set_time(d, "CREATED", row.created);
		view_set(d, "KIND", row.kind);
		view_set(d, "TO", row.to_addr);
		view_set(d, "TO_NAME", row.to_name);
		view_set(d, "SUBJECT", row.subject);
		view_set(d, "STATE", row.state);
		view_set_int(d, "ATTEMPTS", row.attempts);
		if (strcmp(row.state, "sent") == 0)
			view_set_time(view_section(d, "SENT"), "AT", row.sent_at);
		else if (strcmp(row.state, "queued") == 0 && row.attempts > 0)
			view_set_time(view_section(d, "NEXT"), "AT", row.next_attempt);
		if (row.last_error[0] && strcmp(row.state, "sent") != 0)
			view_set(view_section(d, "ERROR"), "TEXT", row.last_error);
		if (strcmp(row.state, "queued") == 0 || strcmp(row.state, "failed") == 0) {
			snprintf(href, sizeof href, "%s/mail/%lld/send-again", staff_base, row.id);
			view_set(view_section(d, "AGAIN"), "HREF", href);
		}
		n++;
	}
	db_cursor_close(&c);
	if (rc < 0)
		view_show(body, "READ_ERROR");
	view_set_int(body, "TOTAL", total);
	view_show(body, n ? "SOME" : "NONE");
	staff_fill_pager(body, &p, KEY_PAGE, route, page, MAIL_PAGE, total);
	view_page_finish(v, r);
}

void
mail_send_again(struct req *r, long long id)
{
	enum outbox_result rc = OUTBOX_FAILED;
	char note[80], path[400];

	if (!staff_read_post(r, &post, NULL, NULL, 0))
		return;
	snprintf(note, sizeof note, "message %lld", id);
	if (change_begin() != CHANGE_OK) {
		req_error(r, 503, "The directory is busy; nothing was changed. Try again in a moment.");
		return;
	}
	if ((rc = outbox_send_again(id)) == OUTBOX_OK && audit_open(staff_who.name, "sent mail again", 0, 0, note) < 0)
		rc = OUTBOX_FAILED;
	if (change_finish(rc == OUTBOX_OK ? CHANGE_OK : CHANGE_FAILED) != CHANGE_OK && rc == OUTBOX_OK)
		rc = OUTBOX_FAILED;
	if (rc == OUTBOX_NOT_FOUND) {
		req_error(r, 404, "There is no message with this number waiting to be sent: it may "
		    "have been sent meanwhile.");
		return;
	}
	if (rc != OUTBOX_OK) {
		req_error(r, 503, "The directory is busy; nothing was changed. Try again in a moment.");
		return;
	}
	snprintf(path, sizeof path, "%s/mail?done=again", staff_base);
	staff_redirect(r, path, NULL);
}
