/*
 * worldmap.h - a world map drawn on the server as SVG: countries shaded by how many of
 * something they have, no tiles and no JavaScript, the same on paper as on screen (issue 20).
 * The outlines are Natural Earth's 1:110m, generated once into worldmap_shapes.c by
 * tools/worldmap/make.mjs; countries too small to see at that scale are dots. The map has a
 * title and a description, a legend for its shades, and its figures follow as a table in
 * templates/worldmap.tpl, for screen readers, print and anyone who would rather read.
 */
#ifndef LIAISON_WORLDMAP_H
#define LIAISON_WORLDMAP_H

#include <stddef.h>

struct view_dict;

/* Generated (worldmap_shapes.c): each country's outline as SVG path data, sorted by code. */
struct worldmap_shape {
	char		 code[3];
	const char	*d;
};
/* A country drawn as a dot: its position on the map. */
struct worldmap_dot {
	char	code[3];
	short	x, y;
};
extern const struct worldmap_shape worldmap_shapes[];
extern const size_t worldmap_nshapes;
extern const struct worldmap_dot worldmap_dots[];
extern const size_t worldmap_ndots;
extern const int worldmap_width, worldmap_height;

/* A country with something to show: its code, its name, the count and, for a map whose
 * countries are links, where its link goes (NULL for none). */
struct worldmap_country {
	char		 code[3];
	const char	*name;
	long		 count;
	const char	*href;
};

/*
 * Includes the map at marker of d: countries[0..n) shaded in four geometric steps up to the
 * largest count, every other country drawn plain; what_one and what_many name the counted things
 * ("entry", "entries"); id makes element ids unique on the page. A country of countries[]
 * that the map does not know is still in the table.
 */
void	worldmap_draw(struct view_dict *d, const char *marker, const char *id, const char *title,
	    const char *what_one, const char *what_many, const struct worldmap_country *countries,
	    size_t n);

#endif
