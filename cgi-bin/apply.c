/*
 * apply.c - the public "add me to the list" form.
 *
 *   GET  /apply          the form
 *   POST /apply          check it; a valid application is stored as pending and answered
 *                        with 303 to its confirmation page
 *   GET  /apply/REF      the confirmation: the reference code, and where the application is
 *   GET, POST /apply/manage/ID[/LINK]
 *                        an entry's self-service pages, for its contact (src/pages/managepage.c)
 *
 * Against abuse, without bothering people: a CSRF token that also dates the form (too old is
 * refused, and so is faster than a person can type), a honeypot field people never see, a
 * per-address limit on applications per hour, and duplicate detection. A form sent twice (a
 * reload, a double click) finds the application it already made through the token's nonce.
 * Every refusal shows the form again with everything typed still in it. A stored application
 * queues, in its own transaction, the applicant's receipt and staff's notice (notify.h).
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
#include "notify.h"
#include "managepage.h"
#include "serve.h"
#include "orgform.h"
#include "params.h"
#include "route.h"
#include "token.h"
#include "view.h"

/* The two fields the form has besides the organization's: read with params.c from the body. */
enum key { KEY_CSRF, KEY_TRAP, KEY__MAX };
static const struct param_spec keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
	/* Named to tempt a robot; people never see it (htdocs/liaison.css hides .trap). */
	[KEY_TRAP] = { "url", PARAM_TEXT, 0, 1000, NULL, NULL, NULL },
};

/* Forms are large: one per process, not on the stack. */
static struct form form;
static char body_buf[FORM_INPUT_MAX + 1];

static void
show_form(struct req *r, int status, const struct form *f, time_t token_time)
{
	char token[TOKEN_CHARS + 1], self[300];
	struct view *v;
	struct view_dict *body;

	if (token_make(token, "apply", "", token_time) < 0) {
		req_error(r, 503, "The site's key cannot be read from the database.");
		return;
	}
	/* The page holds a one-time token: no cache may keep it. */
	req_head(r, status, "text/html; charset=utf-8", "Cache-Control: no-store\r\n");
	v = view_page_new(r, f->nerrors ? "Error: apply to be listed" : "Apply to be listed", "apply.tpl");
	body = view_body(v);
	req_link(r, self, sizeof self, "apply");
	view_set(body, "SELF", self);
	view_set(body, "CSRF", token);
	formview_fill(view_include(body, "FIELDS", "formfields.tpl"), f, 0);
	view_page_finish(v, r);
}

static void
new_application(struct req *r, const struct route_args *a)
{
	form_init(&form, orgform_fields, ORGF__MAX);
	orgform_defaults(&form);
	show_form(r, 200, &form, time(NULL));
}

static void
submit(struct req *r, const struct route_args *a)
{
	static struct params extra;
	struct entry_application app;
	char apply_link[512], list_link[512], staff_link[512];
	struct notify_links links = { apply_link, list_link, staff_link };
	uint8_t nonce[TOKEN_NONCE_SIZE], addr[32];
	char where[600];
	time_t now = time(NULL);
	/* A form shown again after a problem, when the form it came from had been open long enough,
	 * may be sent again at once: its token is dated that much back. Never further: a form
	 * still too young comes back with a token of its first one's time (below). */
	time_t again = now - config.apply_min_seconds;
	int rc;

	if ((rc = req_read_form(r, body_buf, sizeof body_buf)) != 0) {
		req_error(r, rc, rc == 413 ? "The form is larger than this site accepts. Shorten the "
		    "longest answers and send it again." : rc == 415 ? "Send the form as the web page "
		    "does (application/x-www-form-urlencoded)." : "The form arrived incomplete.");
		return;
	}
	form_parse(&form, orgform_fields, ORGF__MAX, body_buf);
	params_parse(&extra, keys, KEY__MAX, body_buf);

	switch (token_check(extra.v[KEY_CSRF].str, "apply", "", now, config.apply_min_seconds,
	    config.form_hours * 3600L, nonce)) {
	case TOKEN_OK:
		break;
	case TOKEN_EARLY:
		/* The new token keeps the time the form was first opened: sending it again at once
		 * is as early as the first time, and the minimum is not skipped by one more request. */
		form_fail(&form, -1, "This form was sent faster than a person can fill it in. "
		    "Check it and send it again.");
		show_form(r, 400, &form, token_issued(extra.v[KEY_CSRF].str));
		return;
	case TOKEN_EXPIRED:
		form_fail(&form, -1, "This form was opened more than %d hours ago, so it has "
		    "expired. Check it and send it again.", config.form_hours);
		show_form(r, 403, &form, now);
		return;
	default:
		form_fail(&form, -1, "This form could not be checked as coming from this site. "
		    "Check it and send it again.");
		show_form(r, 403, &form, now);
		return;
	}
	if (extra.v[KEY_TRAP].present) {
		form_fail(&form, -1, "The field “Leave this empty” must be empty.");
		show_form(r, 400, &form, again);
		return;
	}
	if (form.nerrors) {
		show_form(r, 400, &form, again);
		return;
	}

	memset(&app, 0, sizeof app);
	token_hash_address(req_env(r, "REMOTE_ADDR"), addr);
	app.nonce = nonce;
	app.addr_hash = addr;
	app.limit_per_hour = config.apply_per_hour;
	app.now = now;
	/* The messages' links: absolute, in the form this site's addresses take (http.h). */
	req_absolute_link(r, apply_link, sizeof apply_link, "apply");
	req_absolute_link(r, list_link, sizeof list_link, "list");
	req_absolute_link(r, staff_link, sizeof staff_link, "staff");
	app.links = &links;
	switch (entry_apply(&form, &app)) {
	case CHANGE_OK:
	case CHANGE_RESUBMITTED: {
		char link[512], header[700];

		req_absolute_link(r, link, sizeof link, "apply");
		snprintf(where, sizeof where, "%s/%s", link, app.reference);
		snprintf(header, sizeof header, "Location: %s\r\n", where);
		req_head(r, 303, "text/html; charset=utf-8", header);
		req_puts(r, "<!doctype html><title>Application received</title>\n");
		return;
	}
	case CHANGE_LIMITED:
		form_fail(&form, -1, "This connection has already sent %d applications in the last "
		    "hour, the most this site accepts. Please send this one later.",
		    config.apply_per_hour);
		show_form(r, 429, &form, again);
		return;
	case CHANGE_INVALID:
		show_form(r, 400, &form, again);
		return;
	case CHANGE_BUSY:
		form_fail(&form, -1, "The directory is busy. Nothing was saved; send the form "
		    "again in a moment.");
		show_form(r, 503, &form, again);
		return;
	default:
		form_fail(&form, -1, "The application could not be saved (the database refused "
		    "it). Nothing was saved; please try again later.");
		show_form(r, 503, &form, again);
		return;
	}
}

static int
plausible_reference(const char *s)
{
	if (strlen(s) != 11 || s[5] != '-')
		return 0;
	for (int i = 0; i < 11; i++)
		if (i != 5 && !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'F')))
			return 0;
	return 1;
}

static void
confirmation(struct req *r, const char *ref)
{
	struct db_cursor c;
	struct application_status a;
	struct view *v;
	struct view_dict *body;
	char link[400], href[450];
	const char *state_section;
	int found = plausible_reference(ref) ? entry_application_find(&c, ref, &a) : 0;

	if (found < 0) {
		req_error(r, db_is_busy(c.rc) ? 503 : 500, db_is_busy(c.rc) ? "The directory is busy; "
		    "reload in a moment." : "The application could not be read.");
		return;
	}
	if (found == 0) {
		req_error(r, 404, "There is no application with this reference.");
		return;
	}
	req_head(r, 200, "text/html; charset=utf-8", "Cache-Control: no-store\r\n");
	v = view_page_new(r, "Application received", "applied.tpl");
	body = view_body(v);
	view_set(body, "REFERENCE", a.reference);
	view_set(body, "NAME", a.name);
	view_set_stored_time(body, "SUBMITTED", a.submitted_at);
	state_section = strcmp(a.org_status, "listed") == 0 ? "LISTED" :
	    strcmp(a.state, "rejected") == 0 ? "REJECTED" : strcmp(a.state, "waiting") == 0 ? "WAITING" :
	    "PENDING";
	/* What staff wrote when rejecting or asking: the applicant's only way to see it here. */
	view_set(view_section(body, state_section), "NOTE", a.note);
	req_link(r, link, sizeof link, "list");
	snprintf(href, sizeof href, "%s/%lld", link, a.org_id);
	view_set(body, "PROFILE_HREF", href);
	db_cursor_close(&c);
	view_page_finish(v, r);
}

/* /apply/REFERENCE: the applicant's page (the reference is checked there: 404 if unknown). */
static void
application_page(struct req *r, const struct route_args *a)
{
	confirmation(r, a->rest);
}

static const struct route routes[] = {
	{ "", ROUTE_GET, ROLE_NONE, new_application },
	{ "", ROUTE_POST, ROLE_NONE, submit },
	{ "/manage/#", ROUTE_GET, ROLE_NONE, managepage_ask_form },
	{ "/manage/#", ROUTE_POST, ROLE_NONE, managepage_ask_send },
	{ "/manage/#/*", ROUTE_GET, ROLE_NONE, managepage_show },
	{ "/manage/#/*", ROUTE_POST, ROLE_NONE, managepage_post },
	/* After the rows above: a reference is never "manage/…". */
	{ "/*", ROUTE_GET, ROLE_NONE, application_page },
};
static const struct route_table table = { routes, sizeof routes / sizeof routes[0], ROLE_NONE,
	"There is no application with this reference." };

static void
handle(struct req *r)
{
	route_dispatch(r, &table);
}

int
main(void)
{
	static const struct program apply = { "apply", handle, NULL };
	return http_serve(&apply);
}
