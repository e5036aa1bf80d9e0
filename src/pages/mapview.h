/*
 * mapview.h - /list/map: the directory's organizations per country on a world map.
 */
#ifndef LIAISON_MAPVIEW_H
#define LIAISON_MAPVIEW_H

struct req;
struct report_request;
struct view_dict;

/* Draws the page (a pagecache_process maker: the map changes with the directory's version). */
void	mapview_draw(struct req *, void *unused);

/*
 * The report's reach section (report.tpl): how many countries and languages the period's
 * partners are in, the countries on a map (REACH_MAP) with its table, the languages as a list.
 */
void	mapview_report_reach(struct view_dict *body, const struct report_request *rep);

#endif
