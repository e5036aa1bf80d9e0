/*
 * dirview.h - the parts of a directory page that /list and /search share.
 *
 * Both programs take the same six filters (their parameter tables start with
 * DIRVIEW_FACET_PARAMS, in enum facet's order), show the same facet menus with counts, the
 * same "remove this filter" chips and the same result rows, and answer the same way when the
 * directory cannot be read.
 */
#ifndef LIAISON_DIRVIEW_H
#define LIAISON_DIRVIEW_H

#include <stddef.h>

#include "directory.h"
#include "facets.h"
#include "params.h"

struct csv_out;
struct req;
struct view;
struct view_dict;

extern const struct param_choice dirview_kinds[], dirview_seeking[];

/* The first FACET__MAX entries of a program's parameter table. */
#define DIRVIEW_FACET_PARAMS \
	{ "kind", PARAM_ENUM, 0, 0, dirview_kinds, NULL, NULL }, \
	{ "type", PARAM_LOOKUP, 0, 32, NULL, directory_type_known, \
	    "use a type code from the directory's Type filter, such as public or refugee" }, \
	{ "country", PARAM_LOOKUP, 0, 2, NULL, directory_country_known, \
	    "use a two-letter ISO 3166 country code in capitals, such as FR or BR" }, \
	{ "language", PARAM_LOOKUP, 0, 3, NULL, directory_language_known, \
	    "use an ISO 639 language code in lower case, such as es, ar or hmn" }, \
	{ "interest", PARAM_LOOKUP, 0, 32, NULL, directory_interest_known, \
	    "use an interest code from the directory's Interest filter, such as pen_pals" }, \
	{ "seeking", PARAM_ENUM, 0, 0, dirview_seeking, NULL, NULL }

/* The filter the first FACET__MAX parameters describe. */
void	dirview_read_filter(const struct params *, struct org_filter *);

/* The answer when the directory cannot be read: 503 (try again) if it was busy, else 500. */
void	dirview_unreadable(struct req *, int busy);

/*
 * A page's filter area: FILTERS_HTML, the facet menus (drawn once per summary from
 * templates/filters.tpl and kept here while facets.c keeps the summary: a large directory has
 * hundreds of choices, the same for every visitor), and an ACTIVE chip per filter in force,
 * each linking to the same view without it (and without the parameters whose bits are set in
 * also_drop, such as page).
 */
void	dirview_fill_filters(struct view_dict *, const struct params *,
	    const struct directory_summary *, const char *self, unsigned long also_drop);

/* 1 after answering 404 when page is past the last of total rows, page_size a page. */
int	dirview_page_missing(struct req *, long page, long page_size, long total);

/* Expands the page; rc < 0 (the rows could not all be read) shows READ_ERROR and keeps it
 * out of the page cache. */
void	dirview_page_finish(struct view *, struct req *, struct view_dict *body, int rc);

/* One result row: name, type, place, interests, languages, confirmation, an excerpt. */
void	dirview_fill_row(struct view_dict *, const struct org_row *, const char *profile_base);

/*
 * text as repetitions of section PART, each with TEXT and, for the pieces between
 * SEARCH_MARK_ON and SEARCH_MARK_OFF, HIT shown: the template wraps those in <mark>.
 */
void	dirview_set_marked(struct view_dict *, const char *section, const char *text);

/*
 * Page numbers (PAGE, PAGES, FIRST, LAST), PREV and NEXT links that keep every other
 * parameter, the CSV link of the same view, and EMPTY when there is nothing to show.
 */
void	dirview_fill_pages(struct view_dict *, const struct params *, const char *self, long page,
	    long page_size, long total, int page_key, int format_key);

/* prefix, the filter codes in force and today's date: "liaison-directory-FR-2026-11-22.csv". */
void	dirview_csv_filename(const struct params *, const char *prefix, char *buf, size_t size);
/* The directory's CSV: the header row, then one row per organization (the same columns for
 * /list and /search, documented in README.md). */
void	dirview_csv_start(struct csv_out *, struct req *, const char *filename);
void	dirview_csv_row(struct csv_out *, const struct org_row *, const char *profile_base);

/* 12345 → "12,345". */
void	dirview_format_count(char *buf, size_t size, long n);

#endif
