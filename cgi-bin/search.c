/*
 * search.c - searching the directory, and the best partners for an organization.
 *
 *   GET /search                 a search box with tips (nothing searched yet)
 *   GET /search?q=…             ranked results with highlighted snippets, facet counts, pages
 *   GET /search?q=…&format=csv  every result as CSV, best first, streamed
 *   GET /search?match=ID        the organizations that fit ID best, and why
 *
 * The six directory filters combine with q. Parameters are documented in README.md; the table
 * below is what enforces them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "directory.h"
#include "dirview.h"
#include "http.h"
#include "serve.h"
#include "match.h"
#include "pagecache.h"
#include "params.h"
#include "route.h"
#include "search.h"
#include "view.h"

#define PAGE_SIZE	20
#define PAGE_MAX	100000

/* The first six keys are the facets, in enum facet's order, so a filter is keys 0..5. */
enum key {
	KEY_KIND, KEY_TYPE, KEY_COUNTRY, KEY_LANGUAGE, KEY_INTEREST, KEY_SEEKING,
	KEY_Q, KEY_MATCH, KEY_PAGE, KEY_FORMAT,
	KEY__MAX
};

static const struct param_choice formats[] = {
	{ "html", "Web page" }, { "csv", "CSV" }, { NULL, NULL }
};

static const struct param_spec keys[KEY__MAX] = {
	DIRVIEW_FACET_PARAMS,
	[KEY_Q] = { "q", PARAM_TEXT, 0, SEARCHQUERY_INPUT_MAX, NULL, NULL, NULL },
	[KEY_MATCH] = { "match", PARAM_INT, 1, 999999999999999L, NULL, NULL, NULL },
	[KEY_PAGE] = { "page", PARAM_INT, 1, PAGE_MAX, NULL, NULL, NULL },
	[KEY_FORMAT] = { "format", PARAM_ENUM, 0, 0, formats, NULL, NULL },
};

/* The search box: the same on the results and on the tips page. */
static void
fill_form(struct view_dict *body, const struct params *p, const char *self)
{
	view_set(body, "SELF", self);
	view_set(body, "Q", p->v[KEY_Q].str);
}

/* The page for an empty query: what can be searched and how, never the whole directory. */
static void
show_tips(struct req *r, const struct params *p)
{
	char self[300], list[300];
	struct view *v;
	struct view_dict *body;

	req_link(r, self, sizeof self, "search");
	req_link(r, list, sizeof list, "list");
	req_head(r, 200, "text/html; charset=utf-8", NULL);
	v = view_page_new(r, "Search", "search.tpl");
	body = view_body(v);
	fill_form(body, p, self);
	view_set(view_section(body, "TIPS"), "LIST_HREF", list);
	if (p->v[KEY_Q].present)	/* typed, but only punctuation */
		view_show(body, "NOTHING_SEARCHABLE");
	view_page_finish(v, r);
}

/* One result: the directory's row, with the name and snippet marked where the terms are. */
static void
fill_result(struct view_dict *d, const struct search *s, const struct org_row *o,
    const char *profile_base)
{
	struct search_marks m;

	dirview_fill_row(d, o, profile_base);
	search_marks(s, o->id, o->name, o->name_en, &m);
	/* Unmarked text is one plain piece: the template has one way to show each name. */
	dirview_set_marked(view_section(d, "MARKED_NAME"), "PART", m.name ? m.name : o->name);
	if (o->name_en[0])
		dirview_set_marked(view_section(d, "MARKED_NAME_EN"), "PART",
		    m.name_en ? m.name_en : o->name_en);
	if (m.snippet)
		dirview_set_marked(view_section(d, "SNIPPET"), "PART", m.snippet);
	else
		view_show(d, "PLAIN_EXCERPT");
	search_marks_free(&m);
}

static void
show_results(struct req *r, const struct params *p, const struct search *s)
{
	struct org_filter filter;
	struct directory_summary *sum;
	struct org_cursor cur, one;
	struct org_row row;
	struct view *v;
	struct view_dict *body;
	char self[300], list[300], href[4096], num[32], title[400];
	long page = p->v[KEY_PAGE].present ? p->v[KEY_PAGE].num : 1;
	long long id;
	int busy, rc;

	dirview_read_filter(p, &filter);
	if ((sum = directory_summary(&filter, s, &busy)) == NULL) {
		dirview_unreadable(r, busy);
		return;
	}
	if (dirview_page_missing(r, page, PAGE_SIZE, sum->total))
		return;
	if (search_open(&cur, &filter, s, PAGE_SIZE, (page - 1) * PAGE_SIZE) < 0) {
		dirview_unreadable(r, 0);
		return;
	}
	req_link(r, self, sizeof self, "search");
	req_link(r, list, sizeof list, "list");
	snprintf(title, sizeof title, "Search: %s", p->v[KEY_Q].str);
	req_head(r, 200, "text/html; charset=utf-8", NULL);
	v = view_page_new(r, title, "search.tpl");
	body = view_body(v);
	fill_form(body, p, self);
	body = view_section(body, "RESULTS");
	view_set(body, "LIST_HREF", list);
	dirview_fill_filters(body, p, sum, self, 1UL << KEY_PAGE);
	dirview_format_count(num, sizeof num, sum->total);
	snprintf(href, sizeof href, "%s organization%s", num, sum->total == 1 ? " matches" : "s match");
	view_set(body, "TOTAL_TEXT", href);
	dirview_fill_pages(body, p, self, page, PAGE_SIZE, sum->total, KEY_PAGE, KEY_FORMAT);
	while ((rc = search_next_id(&cur, &id)) == 1) {
		/* A row deleted since the count was taken is skipped, not an error. */
		if (directory_get(&one, id, &row) == 1)
			fill_result(view_section(body, "ORG"), s, &row, list);
		directory_close(&one);
	}
	directory_close(&cur);
	dirview_page_finish(v, r, body, rc);
}

static void
export_csv(struct req *r, const struct params *p, const struct search *s)
{
	struct org_filter filter;
	struct org_cursor cur, one;
	struct org_row o;
	struct csv_out csv;
	char filename[200], base[600];
	long long id;
	int rc;

	dirview_read_filter(p, &filter);
	if (search_open(&cur, &filter, s, -1, 0) < 0) {
		dirview_unreadable(r, 0);
		return;
	}
	/* Ask for the first row before sending headers, so a busy database can still get a 503. */
	if ((rc = search_next_id(&cur, &id)) < 0) {
		int busy = directory_busy(&cur);
		directory_close(&cur);
		dirview_unreadable(r, busy);
		return;
	}
	dirview_csv_filename(p, "liaison-search", filename, sizeof filename);
	req_absolute_link(r, base, sizeof base, "list");
	dirview_csv_start(&csv, r, filename);
	for (; rc == 1 && !r->out_error; rc = search_next_id(&cur, &id)) {
		if (directory_get(&one, id, &o) == 1)
			dirview_csv_row(&csv, &o, base);
		directory_close(&one);
	}
	if (rc < 0)	/* headers are gone: a short file is the only signal, and the log says why */
		fprintf(stderr, "liaison: search export stopped early (sqlite %d)\n", cur.rc);
	directory_close(&cur);
	csv_finish(&csv);
}

static void
show_matches(struct req *r, long long id)
{
	struct match_result best[MATCH_RESULTS_MAX];
	struct org_cursor cur;
	struct org_row target, o;
	struct view *v;
	struct view_dict *body;
	char list[300], self[300], href[400], title[400], buf[1024];
	const char *reasons[MATCH_REASON_MAX];
	size_t n;
	long found;
	int busy, rc;

	rc = directory_get(&cur, id, &target);
	if (rc <= 0) {
		busy = directory_busy(&cur);
		directory_close(&cur);
		if (rc == 0)
			req_error(r, 404, "No organization with that number is listed in the directory, "
			    "so there is nothing to match it with.");
		else
			dirview_unreadable(r, busy);
		return;
	}
	snprintf(title, sizeof title, "Best partners for %s", target.name);
	req_link(r, list, sizeof list, "list");
	req_link(r, self, sizeof self, "search");
	snprintf(href, sizeof href, "%s/%lld", list, id);
	directory_close(&cur);	/* target's strings are gone now: title and href hold them */

	if (match_find(id, best, &n, &found, &busy) < 0) {
		dirview_unreadable(r, busy);
		return;
	}
	req_head(r, 200, "text/html; charset=utf-8", NULL);
	v = view_page_new(r, title, "match.tpl");
	body = view_body(v);
	view_set(body, "TITLE", title);
	view_set(body, "TARGET_HREF", href);
	view_set(body, "SELF", self);
	view_set_int(body, "FOUND", found);
	view_set_int(body, "SHOWN", (long)n);
	view_set_int(body, "POINTS_INTEREST", MATCH_POINTS_INTEREST);
	view_set_int(body, "POINTS_LANGUAGE", MATCH_POINTS_LANGUAGE);
	view_set_int(body, "POINTS_AGES", MATCH_POINTS_AGES);
	view_set_int(body, "POINTS_HOURS_MAX", MATCH_POINTS_HOURS_MAX);
	view_set_int(body, "POINTS_SAME_CITY", MATCH_POINTS_SAME_CITY);
	view_set_int(body, "POINTS_FRESH", MATCH_POINTS_FRESH);
	if (n == 0)
		view_show(body, "NONE");
	for (size_t i = 0; i < n; i++) {
		struct view_dict *d;
		int k;

		if (directory_get(&cur, best[i].id, &o) != 1) {
			directory_close(&cur);
			continue;
		}
		d = view_section(body, "ORG");
		dirview_fill_row(d, &o, list);
		view_set_int(d, "SCORE", best[i].score);
		directory_close(&cur);
		k = match_reasons(id, &best[i], reasons, buf, sizeof buf);
		for (int j = 0; j < k; j++)
			view_set(view_section(d, "REASON"), "TEXT", reasons[j]);
	}
	view_page_finish(v, r);
}

/* The two pages kept by the page cache, in the shape pagecache_process() draws them. */
static void
draw_matches(struct req *r, void *id)
{
	show_matches(r, *(const long *)id);
}

struct results_page {
	const struct params	*p;
	const struct search	*s;
};

static void
draw_results(struct req *r, void *arg)
{
	struct results_page *page = arg;

	show_results(r, page->p, page->s);
}

static void
search_page(struct req *r, const struct route_args *a)
{
	struct params p;
	struct search s;
	int terms;

	if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
		req_error(r, 400, p.error);
		return;
	}
	if (p.v[KEY_MATCH].present) {
		if (p.v[KEY_Q].present || strcmp(p.v[KEY_FORMAT].str, "csv") == 0)
			req_error(r, 400, "The parameter match shows one organization's best partners "
			    "as a web page: use it without q and without format=csv.");
		else
			pagecache_process(r, draw_matches, &p.v[KEY_MATCH].num);
		return;
	}
	terms = search_prepare(&s, p.v[KEY_Q].str);	/* the table bounds q: never -1 here */
	if (terms <= 0)
		show_tips(r, &p);
	else if (strcmp(p.v[KEY_FORMAT].str, "csv") == 0)
		export_csv(r, &p, &s);	/* streamed, never cached: it may be any size */
	else {
		struct results_page page = { &p, &s };
		pagecache_process(r, draw_results, &page);
	}
}

static const struct route routes[] = {
	{ "", ROUTE_GET, ROLE_NONE, search_page },
};
static const struct route_table table = { routes, sizeof routes / sizeof routes[0], ROLE_NONE,
	"There is no such page. Search from /search?q=your+words." };

static void
handle(struct req *r)
{
	route_dispatch(r, &table);
}

static const struct program search_program = { "search", handle, NULL };

int
main(void)
{
	return http_serve(&search_program);
}
