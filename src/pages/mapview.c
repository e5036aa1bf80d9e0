/*
 * mapview.c - /list/map: the directory's listed organizations per country on a world map
 * (src/web/worldmap.c), each counted country a link to the directory filtered to it. The
 * counts are the directory's own country counts (facets.c), so the map, the filter menu and
 * the filtered list always agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "dirview.h"
#include "facets.h"
#include "http.h"
#include "mapview.h"
#include "params.h"
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
