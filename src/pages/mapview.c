/*
 * mapview.c - the world maps (src/web/worldmap.c) of the directory and the report. /list/map:
 * the directory's listed organizations per country, each counted country a link to the
 * directory filtered to it; the counts are the directory's own country counts (facets.c), so
 * the map, the filter menu and the filtered list always agree. The report's reach: the
 * countries of the period's partners on a map, and their languages as a list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "dirview.h"
#include "facets.h"
#include "http.h"
#include "measure.h"
#include "mapview.h"
#include "params.h"
#include "report.h"
#include "view.h"
#include "worldmap.h"

void
mapview_draw(struct req *r, void *unused)
{
	struct org_filter filter;
	struct directory_summary *sum;
	const struct facet_list *countries;
	struct worldmap_country *shown;
	char list[300], num[32], (*hrefs)[340];
	struct view *v;
	struct view_dict *body;
	int busy;

	(void)unused;
	memset(&filter, 0, sizeof filter);
	if ((sum = directory_summary(&filter, NULL, &busy)) == NULL) {
		dirview_unreadable(r, busy);
		return;
	}
	countries = &sum->facets[FACET_COUNTRY];
	shown = calloc(countries->n + 1, sizeof *shown);
	hrefs = calloc(countries->n + 1, sizeof *hrefs);
	if (shown == NULL || hrefs == NULL) {
		free(shown), free(hrefs);
		req_error(r, 503, "The map cannot be drawn just now; try again in a moment.");
		return;
	}
	req_link(r, list, sizeof list, "list");
	for (size_t i = 0; i < countries->n; i++) {
		snprintf(shown[i].code, sizeof shown[i].code, "%s", countries->items[i].value);
		shown[i].name = countries->items[i].label;
		shown[i].count = countries->items[i].count;
		snprintf(hrefs[i], sizeof hrefs[i], "%s?country=%s", list, shown[i].code);
		shown[i].href = hrefs[i];
	}
	req_head(r, 200, "text/html; charset=utf-8", NULL);
	v = view_page_new(r, "The directory on a map", "list-map.tpl");
	body = view_body(v);
	view_set(body, "LIST", list);
	dirview_format_count(num, sizeof num, sum->total);
	view_set(body, "TOTAL", num);
	worldmap_draw(body, "MAP", "directory-map", "Organizations listed, by country", "organization",
	    "organizations", shown, countries->n);
	view_page_finish(v, r);
	free(shown);
	free(hrefs);
}

/* The countries of the period's partners, for the map: names copied, as the cursor's are
 * gone at its next step. At most one row a country of the reference table. */
static struct worldmap_country map_countries[300];
static size_t map_n;

static void
add_map_country(const struct report_reach_row *row)
{
	struct worldmap_country *c;

	if (map_n == sizeof map_countries / sizeof map_countries[0] || row->code == NULL)
		return;
	c = &map_countries[map_n];
	snprintf(c->code, sizeof c->code, "%s", row->code);
	if ((c->name = strdup(row->name ? row->name : row->code)) == NULL)
		return;
	c->count = (long)row->organizations;
	c->href = NULL;
	map_n++;
}

void
mapview_report_reach(struct view_dict *body, const struct report_request *rep)
{
	static const struct { enum report_reach which; const char *section; } lists[] = {
		{ REPORT_REACH_COUNTRIES, "COUNTRIES" }, { REPORT_REACH_LANGUAGES, "LANGUAGES" } };
	char num[32];

	measure_grouped(num, sizeof num, rep->now.v[RF_COUNTRIES]);
	view_set(body, "COUNTRY_COUNT", num);
	view_set(body, "COUNTRY_WORD", rep->now.v[RF_COUNTRIES] == 1 ? "country" : "countries");
	measure_grouped(num, sizeof num, rep->now.v[RF_LANGUAGES]);
	view_set(body, "LANGUAGE_COUNT", num);
	view_set(body, "LANGUAGE_WORD", rep->now.v[RF_LANGUAGES] == 1 ? "language" : "languages");
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
		struct db_cursor c;
		struct report_reach_row row;
		struct view_dict *list = NULL;
		if (report_reach_open(&c, lists[l].which, rep) < 0)
			continue;	/* the serve loop answers 503 for a page that met a failure */
		while (report_reach_next(&c, &row) == 1) {
			struct view_dict *item;
			if (lists[l].which == REPORT_REACH_COUNTRIES) {
				add_map_country(&row);
				continue;
			}
			if (list == NULL)
				list = view_section(body, lists[l].section);
			item = view_section(list, "ITEM");
			view_set(item, "NAME", row.name);
			view_set_int(item, "COUNT", (long)row.organizations);
		}
		db_cursor_close(&c);
	}
	/* The countries on a world map, with its table of the same figures (no links: a partner
	 * need not be listed in the directory). */
	worldmap_draw(body, "REACH_MAP", "reach-map", "Partners active in this period, by country",
	    "partner", "partners", map_countries, map_n);
	for (size_t i = 0; i < map_n; i++)
		free((char *)map_countries[i].name);
	map_n = 0;
}
