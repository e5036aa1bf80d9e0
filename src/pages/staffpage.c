/*
 * staffpage.c - the frame of every signed-in page (see staffpage.h).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "config.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "params.h"
#include "pageroles.h"
#include "staffpage.h"
#include "token.h"
#include "view.h"

struct who	staff_who;
struct auth_client staff_client;
char		staff_base[300];
char		partnerships_base[300];
char		import_base[300];

/* The request's side of auth: read here, in the page layer, so that auth.c needs no request.
 * The strings are the request's own and live as long as it does. */
static void
read_client(struct req *r, struct auth_client *c)
{
	c->cookies = req_env(r, "HTTP_COOKIE");
	c->remote_user = req_env(r, "REMOTE_USER");
	c->address = req_env(r, "REMOTE_ADDR");
	c->cookie_path = r->link_prefix;
	c->https = req_is_https(r);
}

void
staff_begin(struct req *r)
{
	req_link(r, staff_base, sizeof staff_base, "staff");
	req_link(r, partnerships_base, sizeof partnerships_base, "partnerships");
	req_link(r, import_base, sizeof import_base, "import");
	read_client(r, &staff_client);
	auth_who(&staff_client, &staff_who);
}

struct view *
staff_page(struct req *r, int status, const char *title, const char *tpl)
{
	return staff_page_with(r, status, title, tpl, NULL);
}

/*
 * The staff menu: each link with the role its page's route needs (pageroles.h's PAGE_ROLE_*,
 * the same names the route tables use), so an account is offered only what it may open.
 */
static const struct {
	const char	*label;
	const char	*base;		/* the program's address: staff_base, partnerships_base, … */
	const char	*path;
	enum role	 role;
} staff_menu[] = {
	{ "Queue",		staff_base,		"/queue",	PAGE_ROLE_QUEUE },
	{ "Entries",		staff_base,		"/entries",	PAGE_ROLE_ENTRIES },
	{ "Out of date",	staff_base,		"/stale",	PAGE_ROLE_STALE },
	{ "New organization",	staff_base,		"/org/new",	PAGE_ROLE_ORG_NEW },
	{ "Partnerships",	partnerships_base,	"",		PAGE_ROLE_PARTNERSHIPS },
	{ "Import",		import_base,		"",		PAGE_ROLE_IMPORT },
	{ "Your account",	staff_base,		"/account",	PAGE_ROLE_OWN_ACCOUNT },
	{ "Accounts",		staff_base,		"/accounts",	PAGE_ROLE_ACCOUNTS },
	{ "Audit log",		staff_base,		"/audit",	PAGE_ROLE_AUDIT },
	{ "Mail",		staff_base,		"/mail",	PAGE_ROLE_MAIL },
	{ "Backups",		staff_base,		"/backups",	PAGE_ROLE_BACKUPS },
};

/* A staff page: the layout with the staff menu and the sign-out button. */
struct view *
staff_page_with(struct req *r, int status, const char *title, const char *tpl, const char *extra_header)
{
	struct view *v;
	struct view_dict *nav;
	char token[TOKEN_CHARS + 1], href[400], head[700];
	/* One token serves every form on the page: the sign-out button and the body's. */
	int have_token = token_make(token, "staff", staff_who.binding, time(NULL)) == 0;

	snprintf(head, sizeof head, "Cache-Control: no-store\r\n%s", extra_header ? extra_header : "");
	req_head(r, status, "text/html; charset=utf-8", head);
	v = view_page_new(r, title, tpl);
	view_set(view_body(v), "BASE", staff_base);
	if (staff_who.role == ROLE_NONE)
		return v;
	nav = view_section(view_layout(v), "STAFF_NAV");
	view_set(nav, "BASE", staff_base);
	for (size_t i = 0; i < sizeof staff_menu / sizeof staff_menu[0]; i++) {
		struct view_dict *item;

		if (staff_who.role < staff_menu[i].role)
			continue;
		item = view_section(nav, "MENU");
		snprintf(href, sizeof href, "%s%s", staff_menu[i].base, staff_menu[i].path);
		view_set(item, "HREF", href);
		view_set(item, "LABEL", staff_menu[i].label);
	}
	view_set(nav, "WHO", staff_who.name);
	view_set(nav, "ROLE", auth_role_name(staff_who.role));
	if (staff_who.role == ROLE_ADMIN) {
		int nproblems, more;

		/* Settings that were ignored or corrected, for whoever can correct them (backuppage.c). */
		config_problems(&nproblems, &more);
		if (nproblems + more > 0) {
			struct view_dict *sp = view_section(nav, "SETTINGS_PROBLEMS");
			view_set_int(sp, "COUNT", nproblems + more);
			view_set(sp, "BASE", staff_base);
		}
	}
	if (!staff_who.via_remote_user && have_token) {
		struct view_dict *out = view_section(nav, "SIGN_OUT");
		snprintf(href, sizeof href, "%s/sign-out", staff_base);
		view_set(out, "HREF", href);
		view_set(out, "CSRF", token);
	}
	if (staff_who.role >= ROLE_STAFF && have_token)
		view_set(view_body(v), "CSRF", token);
	return v;
}

int
staff_read_post(struct req *r, const struct staff_post *post, struct form *f,
    const struct field_spec *spec, size_t n)
{
	int rc;

	if ((rc = req_read_form(r, post->buf, post->size)) != 0) {
		req_error(r, rc, rc == 413 ? "The form is larger than this site accepts." :
		    "The form could not be read.");
		return 0;
	}
	if (spec)
		form_parse(f, spec, n, post->buf);
	params_parse(post->params, post->keys, post->nkeys, post->buf);
	return staff_token_ok(r, post->params->v[post->csrf_key].str);
}

void
staff_redirect(struct req *r, const char *path, const char *extra_header)
{
	char abs[2100], link[512], header[2500];

	/* Absolute: under CGI a Location starting with "/" would be followed inside the server. */
	req_absolute_link(r, link, sizeof link, "staff");
	snprintf(abs, sizeof abs, "%.*s%s", (int)(strlen(link) - strlen(staff_base)), link, path);
	snprintf(header, sizeof header, "Location: %s\r\n%s", abs, extra_header ? extra_header : "");
	req_head(r, 303, "text/html; charset=utf-8", header);
	req_puts(r, "<!doctype html><title>See other</title>\n");
}

int
staff_allowed(struct req *r, enum role need)
{
	char path[1700], enc[1300];
	size_t o = 0;

	if (staff_who.unknown_remote_user) {
		req_error(r, 403, "The web server signed you in, but this site has no staff account "
		    "with that name. Ask an administrator to create one.");
		return 0;
	}
	if (staff_who.role == ROLE_NONE) {
		/* Back to this page after signing in: GET pages only, as a path on this site. */
		const char *here = req_env(r, "REQUEST_URI");
		for (const unsigned char *c = (const unsigned char *)(r->method == METHOD_GET ? here : "");
		    *c && o + 4 < sizeof enc; c++) {
			if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
			    *c == '/' || *c == '-' || *c == '_' || *c == '.')
				enc[o++] = (char)*c;
			else
				o += (size_t)snprintf(enc + o, sizeof enc - o, "%%%02X", *c);
		}
		enc[o] = '\0';
		snprintf(path, sizeof path, "%s/sign-in%s%s", staff_base, o ? "?next=" : "", enc);
		staff_redirect(r, path, NULL);
		return 0;
	}
	if (staff_who.role < need) {
		req_error(r, 403, need == ROLE_ADMIN ? "Only administrators may see this page." :
		    "Board accounts can read these pages but not change anything.");
		return 0;
	}
	return 1;
}

int
staff_token_ok(struct req *r, const char *token)
{
	switch (token_check(token, "staff", staff_who.binding, time(NULL), 0,
	    config.form_hours * 3600L, NULL)) {
	case TOKEN_OK:
		return 1;
	case TOKEN_EXPIRED:
		req_error(r, 403, "This form was open too long and has expired. Go back, reload the "
		    "page and do it again.");
		return 0;
	default:
		req_error(r, 403, "This form could not be checked as coming from your session. Go "
		    "back, reload the page and do it again.");
		return 0;
	}
}

void
staff_fill_pager(struct view_dict *body, const struct params *p, int page_key, const char *route,
    long page, long per, long total)
{
	char href[1200];

	if (total > per) {
		struct view_dict *pg = view_section(body, "PAGER");
		view_set_int(pg, "PAGE", page);
		view_set_int(pg, "PAGES", (total + per - 1) / per);
		if (page > 1) {
			char num[24];
			snprintf(num, sizeof num, "%ld", page - 1);
			params_href(p, route, 1UL << page_key, "page", num, href, sizeof href);
			view_set(view_section(pg, "PREV"), "HREF", href);
		}
		if (page * per < total) {
			char num[24];
			snprintf(num, sizeof num, "%ld", page + 1);
			params_href(p, route, 1UL << page_key, "page", num, href, sizeof href);
			view_set(view_section(pg, "NEXT"), "HREF", href);
		}
	}
}

int
staff_fill_audit(struct view_dict *body, struct db_cursor *events, int show_org)
{
	long long ids[STAFF_EVENTS_MAX];
	struct view_dict *rows[STAFF_EVENTS_MAX];
	struct audit_event ev;
	struct audit_field_change ch;
	struct db_cursor c;
	char href[500];
	int n = 0, rc = 1;

	while (n < STAFF_EVENTS_MAX && (rc = audit_event_next(events, &ev)) == 1) {
		struct view_dict *e = view_section(body, "EVENT");
		ids[n] = ev.id;
		view_set_stored_time(e, "AT", ev.at);
		view_set(e, "ACTOR", ev.actor);
		view_set(e, "ACTION", ev.action);
		if (ev.note[0])
			view_set(view_section(e, "NOTE"), "TEXT", ev.note);
		if (show_org && ev.org_id) {
			struct view_dict *o = view_section(e, "ORG");
			snprintf(href, sizeof href, "%s/org/%lld", staff_base, ev.org_id);
			view_set(o, "HREF", href);
			view_set(o, "NAME", ev.org_name);
		}
		if (show_org && ev.partnership_id) {
			struct view_dict *o = view_section(e, "PARTNERSHIP");
			snprintf(href, sizeof href, "%s/%lld", partnerships_base, ev.partnership_id);
			view_set(o, "HREF", href);
			view_set(o, "NAME", ev.partnership_name);
		}
		rows[n++] = e;
	}
	db_cursor_close(events);
	if (rc < 0)
		return -1;
	/* The changes are read after the events: one statement at a time keeps this simple. */
	for (int i = 0; i < n; i++) {
		if (audit_changes_open(&c, ids[i]) < 0)
			return -1;
		while ((rc = audit_change_next(&c, &ch)) == 1) {
			struct view_dict *d = view_section(rows[i], "CHANGE");
			view_set(d, "FIELD", ch.field);
			view_set(d, "OLD", ch.old_value);
			view_set(d, "NEW", ch.new_value);
		}
		db_cursor_close(&c);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int
staff_fill_events(struct view_dict *body, sqlite3_stmt *s, int show_org)
{
	struct db_cursor c = { s, SQLITE_OK };

	return staff_fill_audit(body, &c, show_org);
}
