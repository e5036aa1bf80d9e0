/*
 * facets.h - the directory's facet summary: how many organizations match a filter (and a
 * search, if any), and beside each choice of each filter how many switching to it would give.
 *
 * This sits above directory.h and search.h, the two ways rows are found: a summary is
 * counted over either, so it belongs to neither (each used to include the other for it).
 * Summaries are cached per process until the database changes.
 */
#ifndef LIAISON_FACETS_H
#define LIAISON_FACETS_H

#include <stddef.h>

#include "directory.h"
#include "search.h"

struct facet_item {
	char	*value;
	char	*label;
	long	 count;
};

struct facet_list {
	size_t			 n;
	struct facet_item	*items;
};

struct directory_summary {
	long			total;	/* organizations matching the whole filter */
	struct facet_list	facets[FACET__MAX];
	/* A number no other summary this process computed has had (never 0): what the page
	 * layer keys what it draws of these counts on (dirview.c keeps the filter menus), so
	 * that a drawing lives exactly as long as the counts it shows. */
	unsigned long		serial;
};

/*
 * Total and facet counts for filter over the rows search finds (search NULL: the whole
 * directory, as /list shows it). Each facet counts with every other filter applied but its
 * own, so a choice list shows what switching to another value would give. Cached per process
 * until the database changes; the result stays valid until the next call. Returns NULL on
 * error, with *busy set when the database was locked past its timeout.
 */
struct directory_summary *directory_summary(const struct org_filter *, const struct search *,
	    int *busy);
/* Forgets every cached summary (tests, and benchmarks timing the uncached case). */
void	directory_cache_clear(void);

#endif
