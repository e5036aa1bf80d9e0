/*
 * contactpage.c - "Contact this organization" and the About page, for the list program.
 *
 *   GET  /list/ID/contact        the form: name, email, message, a copy to oneself
 *   POST /list/ID/contact        checked; sent, then 303 to …/contact/sent
 *   GET  /list/ID/contact/sent   the confirmation
 *   GET  /about                  who runs the directory; how listing and review work; privacy
 *
 * The form has apply's defences: a token bound to the organization that also dates the form
 * (too old is refused, and so is faster than a person types), a honeypot, and, in contact.c,
 * daily limits per sender and per organization. A mistake shows the form again with what was
 * typed and each problem beside its field; nothing is sent until all is right. The
 * organization's address never appears on these pages (unless it is public on its profile).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "contact.h"
#include "contactpage.h"
#include "db.h"
#include "form.h"
#include "formview.h"
#include "http.h"
#include "params.h"
#include "token.h"
#include "view.h"

enum key { KEY_CSRF, KEY_TRAP, KEY__MAX };
static const struct param_spec keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
	/* Named to tempt a robot; people never see it (htdocs/liaison.css hides .trap). */
	[KEY_TRAP] = { "url", PARAM_TEXT, 0, 1000, NULL, NULL, NULL },
};

static struct form form;
static char body_buf[FORM_INPUT_MAX + 1];

/* The entry's links: the directory, its profile, and this form. */
static void
links(struct req *r, long long org, char *list, size_t lsize, char *profile, size_t psize)
{
	req_link(r, list, lsize, "list");
	snprintf(profile, psize, "%s/%lld", list, org);
}

/* The organization the page is about, or an error page answered: 1 to go on, 0 answered. */
static int
find_org(struct req *r, long long org, struct contact_org *o)
{
	int found = contact_org_get(org, o);

	if (found < 0) {
		req_error(r, 503, "The directory is busy or cannot be read just now; try again in a moment.");
		return 0;
	}
	if (found == 0) {
		req_error(r, 404, "No organization with that number is listed in the directory. "
		    "It may have been removed, or the link may be mistyped.");
		return 0;
	}
	if (!o->reachable || !config.mail) {
		req_error(r, 404, "This organization cannot be written to from the directory: it has no "
		    "contact address on file. Its page in the directory says how else to reach it.");
		return 0;
	}
	return 1;
}

static void
show_form(struct req *r, int status, long long org, const struct contact_org *o, time_t token_time)
{
	char token[TOKEN_CHARS + 1], binding[32], list[300], profile[340], self[400];
	struct view *v;
	struct view_dict *body;

	snprintf(binding, sizeof binding, "%lld", org);
	if (token_make(token, "contact", binding, token_time) < 0) {
		req_error(r, 503, "The site's key cannot be read from the database.");
		return;
	}
	links(r, org, list, sizeof list, profile, sizeof profile);
	snprintf(self, sizeof self, "%s/contact", profile);
	/* The page holds a one-time token: no cache may keep it. */
	req_head(r, status, "text/html; charset=utf-8", "Cache-Control: no-store\r\n");
	v = view_page_new(r, form.nerrors ? "Error: contact an organization" : "Contact an organization",
	    "contact.tpl");
	body = view_body(v);
	view_set(body, "SELF", self);
	view_set(body, "LIST", list);
	view_set(body, "PROFILE", profile);
	view_set(body, "ORG_NAME", o->name);
	view_set(body, "CSRF", token);
	if (!o->email_public)
		view_show(body, "PRIVATE");
	formview_fill(view_include(body, "FIELDS", "formfields.tpl"), &form, 0);
	view_page_finish(v, r);
}

void
contactpage_form(struct req *r, long long org)
{
	struct contact_org o;

	if (!find_org(r, org, &o))
		return;
	form_init(&form, contact_fields, CONTACT__MAX);
	show_form(r, 200, org, &o, time(NULL));
}

void
contactpage_submit(struct req *r, long long org)
{
	static struct params extra;
	struct contact_org o;
	struct contact_send c;
	char binding[32], list[300], profile[340], abs_list[600], abs_profile[640], header[800];
	time_t now = time(NULL);
	/* As apply.c: a form shown again after a problem may be sent again at once, if the one
	 * it came from was open long enough; never sooner than the first one's time allows. */
	time_t again = now - config.apply_min_seconds;
	int rc;

	if (!find_org(r, org, &o))
		return;
	if ((rc = req_read_form(r, body_buf, sizeof body_buf)) != 0) {
		req_error(r, rc, rc == 413 ? "The message is larger than this site accepts. Shorten it "
		    "and send it again." : rc == 415 ? "Send the form as the web page does "
		    "(application/x-www-form-urlencoded)." : "The form arrived incomplete.");
		return;
	}
	form_parse(&form, contact_fields, CONTACT__MAX, body_buf);
	params_parse(&extra, keys, KEY__MAX, body_buf);
	snprintf(binding, sizeof binding, "%lld", org);
	switch (token_check(extra.v[KEY_CSRF].str, "contact", binding, now, config.apply_min_seconds,
	    config.form_hours * 3600L, NULL)) {
	case TOKEN_OK:
		break;
	case TOKEN_EARLY:
		form_fail(&form, -1, "This form was sent faster than a person can fill it in. "
		    "Nothing was sent. Check it and send it again.");
		show_form(r, 400, org, &o, token_issued(extra.v[KEY_CSRF].str));
		return;
	case TOKEN_EXPIRED:
		form_fail(&form, -1, "This form was opened more than %d hours ago, so it has "
		    "expired. Nothing was sent. Check it and send it again.", config.form_hours);
		show_form(r, 403, org, &o, now);
		return;
	default:
		form_fail(&form, -1, "This form could not be checked as coming from this site. "
		    "Nothing was sent. Check it and send it again.");
		show_form(r, 403, org, &o, now);
		return;
	}
	if (extra.v[KEY_TRAP].present) {
		form_fail(&form, -1, "The field “Leave this empty” must be empty. Nothing was sent.");
		show_form(r, 400, org, &o, again);
		return;
	}
	if (contact_check(&form)) {
		show_form(r, 400, org, &o, again);
		return;
	}

	links(r, org, list, sizeof list, profile, sizeof profile);
	req_absolute_link(r, abs_list, sizeof abs_list, "list");
	snprintf(abs_profile, sizeof abs_profile, "%s/%lld", abs_list, org);
	memset(&c, 0, sizeof c);
	c.org_id = org;
	c.form = &form;
	c.site_name = config.site_name;
	c.profile_url = abs_profile;
	c.per_sender = config.contact_per_sender;
	c.per_org = config.contact_per_org;
	c.now = now;
	switch (contact_send(&c)) {
	case CONTACT_SENT:
		snprintf(header, sizeof header, "Location: %s/contact/sent\r\n", abs_profile);
		req_head(r, 303, "text/html; charset=utf-8", header);
		req_puts(r, "<!doctype html><title>Message sent</title>\n");
		return;
	case CONTACT_SENDER_LIMIT:
		form_fail(&form, CONTACT_EMAIL, "This address has already sent %d messages through the "
		    "directory today, the most it accepts. Nothing was sent; please try again tomorrow.",
		    config.contact_per_sender);
		show_form(r, 429, org, &o, again);
		return;
	case CONTACT_ORG_LIMIT:
		form_fail(&form, -1, "This organization has already received %d messages through the "
		    "directory today, the most it accepts in a day. Nothing was sent; please try again "
		    "tomorrow.", config.contact_per_org);
		show_form(r, 429, org, &o, again);
		return;
	case CONTACT_UNREACHABLE:
		req_error(r, 404, "This organization is no longer listed, or no longer has a contact "
		    "address. Nothing was sent.");
		return;
	case CONTACT_BUSY:
		form_fail(&form, -1, "The directory is busy. Nothing was sent; send the form again in a moment.");
		show_form(r, 503, org, &o, again);
		return;
	default:
		form_fail(&form, -1, "The message could not be sent (the database refused it). "
		    "Nothing was sent; please try again later.");
		show_form(r, 503, org, &o, again);
		return;
	}
}

void
contactpage_sent(struct req *r, long long org)
{
	struct contact_org o;
	char list[300], profile[340];
	struct view *v;
	struct view_dict *body;
	int found = contact_org_get(org, &o);

	if (found <= 0) {
		req_error(r, found < 0 ? 503 : 404, found < 0 ? "The directory is busy; reload in a moment."
		    : "No organization with that number is listed in the directory.");
		return;
	}
	links(r, org, list, sizeof list, profile, sizeof profile);
	req_head(r, 200, "text/html; charset=utf-8", "Cache-Control: no-store\r\n");
	v = view_page_new(r, "Message sent", "contact_sent.tpl");
	body = view_body(v);
	view_set(body, "ORG_NAME", o.name);
	view_set(body, "PROFILE", profile);
	view_set(body, "LIST", list);
	view_page_finish(v, r);
}

void
contactpage_profile_link(struct req *r, struct view_dict *body, long long org, const char *website)
{
	struct contact_org o;
	char list[300], profile[340], href[400];

	if (contact_org_get(org, &o) == 1 && o.reachable && config.mail) {
		links(r, org, list, sizeof list, profile, sizeof profile);
		snprintf(href, sizeof href, "%s/contact", profile);
		view_set(view_section(body, "CONTACT_FORM"), "HREF", href);
		return;
	}
	/* A read that failed shows this too: the page is the profile, not the form. */
	body = view_section(body, "NO_CONTACT_FORM");
	if (website[0])
		view_set(view_section(body, "WEBSITE"), "URL", website);
	if (config.operator_email[0])
		view_set(view_section(body, "MAIL"), "EMAIL", config.operator_email);
}

void
aboutpage_draw(struct req *r, void *unused)
{
	struct view *v;
	struct view_dict *body;

	(void)unused;
	req_head(r, 200, "text/html; charset=utf-8", NULL);
	v = view_page_new(r, "About this directory", "about.tpl");
	body = view_body(v);
	if (config.operator_address[0])
		view_set(view_section(body, "POSTAL"), "ADDRESS", config.operator_address);
	if (config.operator_email[0]) {
		view_set(view_section(body, "MAIL"), "EMAIL", config.operator_email);
	} else
		view_show(body, "NO_MAIL");
	view_page_finish(v, r);
}
