/*
 * mapview.h - /list/map: the directory's organizations per country on a world map.
 */
#ifndef LIAISON_MAPVIEW_H
#define LIAISON_MAPVIEW_H

struct req;

/* Draws the page (a pagecache_process maker: the map changes with the directory's version). */
void	mapview_draw(struct req *, void *unused);

#endif
