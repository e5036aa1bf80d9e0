/*
 * search.h - full-text search over the directory (GET /search?q=…).
 *
 * A search is the visitor's text parsed into index queries (searchquery.h) and the way its
 * rows are found: through the word index when it has words, else through the trigram index
 * when it has substrings of three characters or more, else by scanning names for one or two
 * characters. Whatever finds the rows also ranks them (bm25, or by name for a scan); the
 * other parts of the query narrow them. Results are listed organizations only, and combine
 * with the directory's filters; their facet counts come from facets.h.
 */
#ifndef LIAISON_SEARCH_H
#define LIAISON_SEARCH_H

#include <sqlite3.h>

#include "db.h"
#include "directory.h"
#include "searchquery.h"

enum search_driver { SEARCH_WORDS, SEARCH_SUBSTRINGS, SEARCH_SCAN };

struct search {
	struct search_query	q;
	enum search_driver	driver;
};

/* The longest key search_key() writes. */
#define SEARCH_KEY_MAX	(2 * SEARCHQUERY_EXPR_MAX + SEARCHQUERY_SHORT_MAX * 16 + 8)

/* Parses input. Returns the number of terms (0: nothing to search for), or -1 if too long. */
int	search_prepare(struct search *, const char *input);
/* Binds the search's expressions to ?9..?12 of a search statement. */
void	search_bind(sqlite3_stmt *, const struct search *);
/* The first statement of the summary (count and facets) for this search's rows. */
enum stmt search_summary_base(const struct search *);
/* Writes a text that is equal for two searches exactly when they find the same rows. */
void	search_key(const struct search *, char *buf, size_t size);

/* The ids of a page of results, best first (limit -1: all of them). 0, or -1 on error. */
int	search_open(struct org_cursor *, const struct org_filter *, const struct search *,
	    long limit, long offset);
/* 1 with *id set, 0 at the end, -1 on error (directory_busy() says if it was contention). */
int	search_next_id(struct org_cursor *, long long *id);

/*
 * One result's name, other name (both as stored, given) and snippet with the matched terms between SEARCH_MARK_ON
 * and SEARCH_MARK_OFF, each NULL when there is nothing to mark. Freed by search_marks_free().
 * The marks are control characters that no stored text holds, so a page can split on them
 * and escape every piece: highlighting never puts stored text into markup.
 */
#define SEARCH_MARK_ON	'\x02'
#define SEARCH_MARK_OFF	'\x03'
struct search_marks {
	char	*name, *name_en, *snippet;
};
void	search_marks(const struct search *, sqlite3_int64 id, const char *name,
	    const char *name_en, struct search_marks *);
void	search_marks_free(struct search_marks *);

#endif
