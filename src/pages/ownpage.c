/*
 * ownpage.c - "Your account", part of the staff program (see ownpage.h). Staff and
 * administrators choose their library here; board accounts record no partnerships, so the
 * page and its menu link are not theirs (route.h, PAGE_ROLE_OWN_ACCOUNT).
 *
 *   GET  /staff/account          the page (?done=1 after a change)
 *   POST /staff/account          default_host: an organization a partnership may join, or ""
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "config.h"
#include "form.h"
#include "formview.h"
#include "http.h"
#include "ownpage.h"
#include "params.h"
#include "staffpage.h"
#include "token.h"
#include "view.h"

enum key { KEY_CSRF, KEY_DONE, KEY__MAX };
static const struct param_choice dones[] = { { "1", "" }, { NULL, NULL } };
static const struct param_spec keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
	[KEY_DONE] = { "done", PARAM_ENUM, 0, 0, dones, NULL, NULL },
};

static struct form form;
static struct params p;
static char body_buf[FORM_INPUT_MAX + 1];
static const struct staff_post post = { body_buf, sizeof body_buf, &p, keys, KEY__MAX, KEY_CSRF };

long long
own_default_host(void)
{
	long long host = staff_who.account_id > 0 ? account_default_host(staff_who.account_id) : 0;

	return host > 0 ? host : config.default_host;
}

static void
show(struct req *r, int status, int done)
{
	struct view *v = staff_page(r, status, form.nerrors ? "Error: your account" : "Your account",
	    "own_account.tpl");
	struct view_dict *body = view_body(v);
	char self[400];

	snprintf(self, sizeof self, "%s/account", staff_base);
	view_set(body, "SELF", self);
	view_set(body, "NAME", staff_who.name);
	view_set(body, "ROLE", auth_role_name(staff_who.role));
	if (done)
		view_show(body, "DONE");
	if (config.default_host > 0)
		view_set_int(view_section(body, "SITE_HOST"), "ID", config.default_host);
	formview_fill(view_include(body, "FIELDS", "formfields.tpl"), &form, 0);
	view_page_finish(v, r);
}

void
own_account_page(struct req *r)
{
	char path[400], host[24];
	long long id;

	form_init(&form, account_host_fields, HF__MAX);
	if (r->method != METHOD_POST) {
		if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
			req_error(r, 400, p.error);
			return;
		}
		if ((id = account_default_host(staff_who.account_id)) < 0) {
			req_error(r, 503, "The accounts cannot be read just now; reload in a moment.");
			return;
		}
		if (id > 0) {
			snprintf(host, sizeof host, "%lld", id);
			form_set(&form, HF_HOST, host);
		}
		show(r, 200, p.v[KEY_DONE].present);
		return;
	}
	if (!staff_read_post(r, &post, &form, account_host_fields, HF__MAX))
		return;
	if (form.nerrors) {
		show(r, 400, 0);
		return;
	}
	switch (account_set_default_host(staff_who.account_id, atoll(form.v[HF_HOST].str), staff_who.name)) {
	case ACCOUNT_OK:
		snprintf(path, sizeof path, "%s/account?done=1", staff_base);
		staff_redirect(r, path, NULL);
		return;
	case ACCOUNT_NOT_FOUND:
		req_error(r, 404, "Your account no longer exists.");
		return;
	default:
		req_error(r, 503, "The directory is busy; nothing was changed. Try again in a moment.");
		return;
	}
}
