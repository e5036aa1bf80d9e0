/*
 * worldmap.c - the world map of worldmap.h: every country's outline as a path, the counted
 * ones shaded by their step (four, geometric up to the largest count) with their figure in a
 * tooltip and, where given, a link; the small ones as dots ringed so that they show. The
 * steps are named in a legend, so a shade is never the only way to read a figure: the
 * table after the map says the same in words.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"
#include "worldmap.h"

#define WORLDMAP_STEPS	4

static int
by_code(const void *key, const void *elem)
{
	return strncmp(key, ((const struct worldmap_shape *)elem)->code, 2);
}

/*
 * The upper bound of each step of a map whose largest count is top: geometric, top^(s/4),
 * because counts per country run from one to hundreds (the host's own country) and a linear
 * scale would shade every country but one alike. Each bound at least one above the last.
 */
static void
step_bounds(long top, long bound[WORLDMAP_STEPS + 1])
{
	bound[0] = 0;
	for (int s = 1; s <= WORLDMAP_STEPS; s++) {
		long b = s == WORLDMAP_STEPS ? top : lround(pow((double)top, (double)s / WORLDMAP_STEPS));
		bound[s] = b > bound[s - 1] ? b : bound[s - 1] + 1;
		if (bound[s] > top)
			bound[s] = top;
	}
}

/* The shaded step of count, 1..WORLDMAP_STEPS. */
static int
step_of(long count, const long bound[WORLDMAP_STEPS + 1])
{
	for (int s = 1; s < WORLDMAP_STEPS; s++)
		if (count <= bound[s])
			return s;
	return WORLDMAP_STEPS;
}

static const struct worldmap_country *
counted(const struct worldmap_country *countries, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strncmp(countries[i].code, code, 2) == 0 && countries[i].count > 0)
			return &countries[i];
	return NULL;
}

/* "France: 12 entries" */
static void
figure_text(char *buf, size_t size, const struct worldmap_country *c, const char *one, const char *many)
{
	snprintf(buf, size, "%s: %ld %s", c->name, c->count, c->count == 1 ? one : many);
}

static void
shade(struct view_dict *item, const struct worldmap_country *c, const long *bound,
    const char *one, const char *many)
{
	char text[200];

	figure_text(text, sizeof text, c, one, many);
	view_set(item, "TEXT", text);
	view_set_int(item, "STEP", step_of(c->count, bound));
	if (c->href)
		view_set(view_section(item, "LINK"), "HREF", c->href);
	else
		view_show(item, "NO_LINK");
}

void
worldmap_draw(struct view_dict *d, const char *marker, const char *id, const char *title,
    const char *what_one, const char *what_many, const struct worldmap_country *countries,
    size_t n)
{
	struct view_dict *m = view_include(d, marker, "worldmap.tpl");
	char desc[600], range[80];
	long top = 0, total = 0, bound[WORLDMAP_STEPS + 1];
	size_t shown = 0, biggest = 0;

	for (size_t i = 0; i < n; i++) {
		if (countries[i].count <= 0)
			continue;
		shown++;
		total += countries[i].count;
		if (countries[i].count > top) {
			top = countries[i].count;
			biggest = i;
		}
	}
	step_bounds(top, bound);
	view_set(m, "ID", id);
	view_set(m, "TITLE", title);
	view_set_int(m, "WIDTH", worldmap_width);
	view_set_int(m, "HEIGHT", worldmap_height);
	if (shown == 0)
		snprintf(desc, sizeof desc, "A world map. %s: none yet.", title);
	else
		snprintf(desc, sizeof desc, "A world map with %zu countr%s shaded: %ld %s in all; the "
		    "most in %s (%ld). The table after the map lists every country.", shown,
		    shown == 1 ? "y" : "ies", total, total == 1 ? what_one : what_many,
		    countries[biggest].name, top);
	view_set(m, "DESC", desc);

	for (size_t i = 0; i < worldmap_nshapes; i++) {
		const struct worldmap_shape *s = &worldmap_shapes[i];
		const struct worldmap_country *c = counted(countries, n, s->code);

		if (c == NULL)
			view_set(view_section(m, "LAND"), "D", s->d);
		else {
			struct view_dict *item = view_section(m, "SHADED");
			view_set(item, "D", s->d);
			shade(item, c, bound, what_one, what_many);
		}
	}
	/* Dots after the land, so that no outline covers them. */
	for (size_t i = 0; i < worldmap_ndots; i++) {
		const struct worldmap_country *c = counted(countries, n, worldmap_dots[i].code);
		struct view_dict *item;

		if (c == NULL)
			continue;
		item = view_section(m, "DOT");
		view_set_int(item, "X", worldmap_dots[i].x);
		view_set_int(item, "Y", worldmap_dots[i].y);
		shade(item, c, bound, what_one, what_many);
	}
	/* The legend: each step's range of counts; with a small largest count some steps are
	 * empty and left out. */
	for (int s = 1; s <= WORLDMAP_STEPS && top > 0; s++) {
		long lo = bound[s - 1] + 1, hi = bound[s];
		struct view_dict *key;

		if (hi < lo)
			continue;
		if (lo == hi)
			snprintf(range, sizeof range, "%ld", lo);
		else
			snprintf(range, sizeof range, "%ld–%ld", lo, hi);
		key = view_section(m, "KEY");
		view_set_int(key, "STEP", s);
		view_set(key, "RANGE", range);
	}
	if (shown > 0)
		view_show(m, "HAS_KEY");
	/* The table: every counted country, the map's figures in words (and links). */
	for (size_t i = 0; i < n; i++) {
		struct view_dict *row;

		if (countries[i].count <= 0)
			continue;
		row = view_section(m, "ROW");
		view_set(row, "NAME", countries[i].name);
		view_set_int(row, "COUNT", countries[i].count);
		if (countries[i].href)
			view_set(view_section(row, "ROW_LINK"), "HREF", countries[i].href);
		else
			view_show(row, "ROW_PLAIN");
		if (bsearch(countries[i].code, worldmap_shapes, worldmap_nshapes, sizeof worldmap_shapes[0],
		    by_code) == NULL) {
			int dot = 0;
			for (size_t k = 0; k < worldmap_ndots; k++)
				dot |= strncmp(worldmap_dots[k].code, countries[i].code, 2) == 0;
			if (dot)
				view_show(row, "AS_DOT");
		}
	}
	view_set(m, "WHAT_MANY", what_many);
}
