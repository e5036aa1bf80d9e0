/*
 * list.c - the public "Libraries Seeking Partners" directory.
 *
 *   GET /list            the directory: filters, sort, pages of 50, facet counts
 *   GET /list?format=csv the whole filtered list as CSV, streamed
 *   GET /list/ID         one organization's profile
 *   GET /list/map        the directory on a world map, a link per country (mapview.c)
 *   GET /list/ID/contact, POST   "Contact this organization": the form (uncached), then
 *                        303 to GET /list/ID/contact/sent (contactpage.c)
 *   GET /about           who runs the directory, how listing and review work, privacy: served
 *                        here, at /about, by a location of its own in nginx and a rewrite in
 *                        the bundle's .htaccess (…/cgi-bin/list.fcgi/about without mod_rewrite)
 *
 * Parameters are documented in README.md; the table below is what enforces them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contactpage.h"
#include "csvout.h"
#include "directory.h"
#include "dirview.h"
#include "formview.h"
#include "http.h"
#include "serve.h"
#include "pagecache.h"
#include "mapview.h"
#include "params.h"
#include "route.h"
#include "view.h"

#define PAGE_SIZE	50
#define PAGE_MAX	100000

/* The first six keys are the facets, in enum facet's order, so a filter is keys 0..5. */
enum key {
	KEY_KIND, KEY_TYPE, KEY_COUNTRY, KEY_LANGUAGE, KEY_INTEREST, KEY_SEEKING,
	KEY_SORT, KEY_PAGE, KEY_FORMAT,
	KEY__MAX
};

static const struct param_choice sorts[] = {
	{ "name", "Name" }, { "country", "Country" }, { "confirmed", "Most recently confirmed" },
	{ NULL, NULL }
};
static const struct param_choice formats[] = {
	{ "html", "Web page" }, { "csv", "CSV" }, { NULL, NULL }
};

static const struct param_spec keys[KEY__MAX] = {
	DIRVIEW_FACET_PARAMS,
	[KEY_SORT] = { "sort", PARAM_ENUM, 0, 0, sorts, NULL, NULL },
	[KEY_PAGE] = { "page", PARAM_INT, 1, PAGE_MAX, NULL, NULL, NULL },
	[KEY_FORMAT] = { "format", PARAM_ENUM, 0, 0, formats, NULL, NULL },
};

static enum org_sort
read_sort(const struct params *p)
{
	const char *s = p->v[KEY_SORT].str;
	return strcmp(s, "country") == 0 ? SORT_COUNTRY :
	    strcmp(s, "confirmed") == 0 ? SORT_CONFIRMED : SORT_NAME;
}

static void
show_list(struct req *r, const struct params *p)
{
	struct org_filter filter;
	struct directory_summary *sum;
	struct org_cursor cur;
	struct org_row row;
	struct view *v;
	struct view_dict *body;
	char self[300], href[4096], num[32];
	long page = p->v[KEY_PAGE].present ? p->v[KEY_PAGE].num : 1;
	int busy, rc;

	dirview_read_filter(p, &filter);
	if ((sum = directory_summary(&filter, NULL, &busy)) == NULL) {
		dirview_unreadable(r, busy);
		return;
	}
	if (dirview_page_missing(r, page, PAGE_SIZE, sum->total))
		return;
	req_link(r, self, sizeof self, "list");
	if (directory_open(&cur, &filter, read_sort(p), PAGE_SIZE, (page - 1) * PAGE_SIZE) < 0) {
		dirview_unreadable(r, 0);
		return;
	}

	req_head(r, 200, "text/html; charset=utf-8", NULL);
	v = view_page_new(r, "Directory", "list.tpl");
	body = view_body(v);
	view_set(body, "SELF", self);
	snprintf(href, sizeof href, "%s/map", self);
	view_set(body, "MAP", href);
	dirview_format_count(num, sizeof num, sum->total);
	snprintf(href, sizeof href, "%s organization%s", num, sum->total == 1 ? "" : "s");
	view_set(body, "TOTAL_TEXT", href);
	dirview_fill_pages(body, p, self, page, PAGE_SIZE, sum->total, KEY_PAGE, KEY_FORMAT);
	dirview_fill_filters(body, p, sum, self, 1UL << KEY_PAGE);
	if (sum->total == 0) {
		/* A new site's empty directory is not a filter's doing: say how entries arrive. */
		int filtered = 0;
		for (int f = 0; f < FACET__MAX; f++)
			filtered |= p->v[f].present;
		if (filtered)
			view_show(body, "EMPTY_FILTERED");
		else {
			req_link(r, href, sizeof href, "apply");
			view_set(view_section(body, "EMPTY_DIRECTORY"), "APPLY", href);
		}
	}
	formview_menu(body, "SORT", sorts, p->v[KEY_SORT].present ? p->v[KEY_SORT].str : "name");
	while ((rc = directory_next(&cur, &row)) == 1)
		dirview_fill_row(view_section(body, "ORG"), &row, self);
	directory_close(&cur);
	dirview_page_finish(v, r, body, rc);
}

static void
fill_partners(struct view_dict *body, long long id, const char *self)
{
	struct org_cursor cur;
	struct partner_row pr;
	struct view_dict *list = NULL;
	char href[512];

	if (directory_partners_open(&cur, id) < 0)
		return;
	while (directory_partner_next(&cur, &pr) == 1) {
		struct view_dict *d;
		if (list == NULL)
			list = view_section(body, "PARTNERS");
		d = view_section(list, "PARTNER");
		snprintf(href, sizeof href, "%s/%lld", self, (long long)pr.id);
		view_set(d, "HREF", href);
		view_set(d, "NAME", pr.name);
		view_set(d, "COUNTRY_NAME", pr.country_name);
		view_set(d, "STATUS", pr.status);
		view_set(d, "SINCE", pr.start_on);
	}
	if (list == NULL)
		view_show(body, "NO_PARTNERS");
	directory_close(&cur);
}

static void
show_profile(struct req *r, long long id)
{
	struct org_cursor cur;
	struct org_row o;
	struct view *v;
	struct view_dict *body;
	char self[300], href[512], ages[128];
	int found;

	found = directory_get(&cur, id, &o);
	if (found <= 0) {
		int busy = directory_busy(&cur);
		directory_close(&cur);
		if (found == 0)
			req_error(r, 404, "No organization with that number is listed in the directory. "
			    "It may have been removed, or the link may be mistyped.");
		else
			dirview_unreadable(r, busy);
		return;
	}
	req_link(r, self, sizeof self, "list");
	req_head(r, 200, "text/html; charset=utf-8", NULL);
	v = view_page_new(r, o.name, "org.tpl");
	body = view_body(v);
	view_set(body, "SELF", self);
	view_set(body, "NAME", o.name);
	if (o.name_en[0])
		view_set(view_section(body, "NAME_EN"), "NAME_EN", o.name_en);
	view_set(body, "KIND_LABEL", directory_kind_label(o.kind));
	req_link(r, href, sizeof href, "search");
	snprintf(href + strlen(href), sizeof href - strlen(href), "?match=%lld", id);
	view_set(body, "MATCH_HREF", href);
	req_link(r, href, sizeof href, "apply");	/* "Manage my entry" (managepage.c) */
	snprintf(href + strlen(href), sizeof href - strlen(href), "/manage/%lld", id);
	view_set(body, "MANAGE_HREF", href);
	view_set(body, "TYPE_LABEL", o.type_label);
	snprintf(href, sizeof href, "%s?type=%s", self, o.type);
	view_set(body, "TYPE_HREF", href);
	view_set(body, "CITY", o.city);
	view_set(body, "REGION", o.region);
	view_set(body, "COUNTRY_NAME", o.country_name);
	snprintf(href, sizeof href, "%s?country=%s", self, o.country);
	view_set(body, "COUNTRY_HREF", href);
	if (strncmp(o.website, "https://", 8) == 0 || strncmp(o.website, "http://", 7) == 0)
		view_set(view_section(body, "WEBSITE"), "URL", o.website);
	view_set(body, "DESCRIPTION", o.description);
	if (o.seeking) {
		struct view_dict *s = view_section(body, "SEEKING");
		view_set(s, "SEEKING_TEXT", o.seeking_text);
	} else
		view_show(body, "NOT_SEEKING");
	view_set(body, "COMMITMENT", directory_commitment_label(o.commitment));
	directory_ages_text(o.ages, ages, sizeof ages);
	view_set(body, "AGES", ages);
	view_set(body, "TIMEZONE", o.timezone);
	view_set(body, "LANGUAGES", o.languages[0] ? o.languages : "not stated");
	view_set(body, "INTERESTS", o.interests[0] ? o.interests : "not stated");
	view_set(body, "CONFIRMED", o.confirmed_on[0] ? o.confirmed_on : "never");
	if (o.stale)
		view_show(body, "STALE");
	if (o.public_email[0]) {
		struct view_dict *c = view_section(body, "CONTACT");
		view_set(c, "EMAIL", o.public_email);
		view_set(c, "CONTACT_NAME", o.contact_name);
	}
	contactpage_profile_link(r, body, id, strncmp(o.website, "https://", 8) == 0 ||
	    strncmp(o.website, "http://", 7) == 0 ? o.website : "");
	directory_close(&cur);
	fill_partners(body, id, self);
	view_page_finish(v, r);
}

static void
export_csv(struct req *r, const struct params *p)
{
	struct org_filter filter;
	struct org_cursor cur;
	struct org_row o;
	struct csv_out csv;
	char filename[200], base[600];
	int rc;

	dirview_read_filter(p, &filter);
	if (directory_open(&cur, &filter, read_sort(p), -1, 0) < 0) {
		dirview_unreadable(r, 0);
		return;
	}
	/* Ask for the first row before sending headers, so a busy database can still get a 503. */
	rc = directory_next(&cur, &o);
	if (rc < 0) {
		int busy = directory_busy(&cur);
		directory_close(&cur);
		dirview_unreadable(r, busy);
		return;
	}
	dirview_csv_filename(p, "liaison-directory", filename, sizeof filename);
	req_absolute_link(r, base, sizeof base, "list");

	dirview_csv_start(&csv, r, filename);
	for (; rc == 1 && !r->out_error; rc = directory_next(&cur, &o))
		dirview_csv_row(&csv, &o, base);
	if (rc < 0)	/* headers are gone: a short file is the only signal, and the log says why */
		fprintf(stderr, "liaison: directory export stopped early (sqlite %d)\n", cur.rc);
	directory_close(&cur);
	csv_finish(&csv);
}

/* The directory page in the shape pagecache_process() draws it. */
static void
draw_list(struct req *r, void *p)
{
	show_list(r, p);
}

static void
profile(struct req *r, const struct route_args *a)
{
	show_profile(r, a->ids[0]);
}

static void
directory(struct req *r, const struct route_args *a)
{
	struct params p;

	if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
		req_error(r, 400, p.error);
		return;
	}
	if (strcmp(p.v[KEY_FORMAT].str, "csv") == 0)
		export_csv(r, &p);	/* streamed, never cached: it may be any size */
	else
		pagecache_process(r, draw_list, &p);
}

static void
contact(struct req *r, const struct route_args *a)
{
	if (r->method == METHOD_POST)
		contactpage_submit(r, a->ids[0]);
	else
		contactpage_form(r, a->ids[0]);
}

static void
contact_sent(struct req *r, const struct route_args *a)
{
	contactpage_sent(r, a->ids[0]);
}

/*
 * /about. Behind nginx and mod_rewrite it is the list program's too, so /list/about reaches it:
 * that address is sent on to /about (301), so the page has one address where clean ones exist.
 */
static void
about(struct req *r, const struct route_args *a)
{
	const char *uri = req_env(r, "REQUEST_URI");
	size_t n = strcspn(uri, "?");

	(void)a;
	if (r->link_suffix[0] == '\0' && n >= 11 && strncmp(uri + n - 11, "/list/about", 11) == 0) {
		char to[600], header[700];

		req_absolute_link(r, to, sizeof to, "list");
		snprintf(to + strlen(to) - 4, sizeof to - (strlen(to) - 4), "about");
		snprintf(header, sizeof header, "Location: %s\r\n", to);
		req_head(r, 301, "text/html; charset=utf-8", header);
		req_puts(r, "<!doctype html><title>Moved</title>\n");
		return;
	}
	pagecache_process(r, aboutpage_draw, NULL);
}

/* /list/map: the directory on a world map, kept in the page store like the other pages. */
static void
map(struct req *r, const struct route_args *a)
{
	(void)a;
	pagecache_process(r, mapview_draw, NULL);
}

static const struct route routes[] = {
	{ "", ROUTE_GET, ROLE_NONE, directory },
	{ "/map", ROUTE_GET, ROLE_NONE, map },
	{ "/#", ROUTE_GET, ROLE_NONE, profile },
	{ "/#/contact", ROUTE_GET | ROUTE_POST, ROLE_NONE, contact },
	{ "/#/contact/sent", ROUTE_GET, ROLE_NONE, contact_sent },
	{ "/about", ROUTE_GET, ROLE_NONE, about },
};
static const struct route_table table = { routes, sizeof routes / sizeof routes[0], ROLE_NONE,
	"There is no such page in the directory." };

static void
handle(struct req *r)
{
	route_dispatch(r, &table);
}

static const struct program list_program = { "list", handle, NULL };

int
main(void)
{
	return http_serve(&list_program);
}
