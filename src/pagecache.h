/*
 * pagecache.h - whole public pages kept per process until the data changes.
 *
 * A directory page is the same for every visitor until the database changes (or the day
 * does: "possibly out of date" marks depend on today's date), and libraries link to a few
 * pages over and over. A program asks pagecache_serve() first; on a miss it renders as usual
 * between pagecache_begin() and pagecache_end(), which keep a copy of what was streamed.
 * Only complete 200 answers of at most PAGECACHE_PAGE_MAX bytes are kept; LIAISON_PAGE_CACHE
 * sets how many pages (0 turns the cache off).
 */
#ifndef LIAISON_PAGECACHE_H
#define LIAISON_PAGECACHE_H

#include <stddef.h>

#define PAGECACHE_PAGE_MAX	(256 * 1024)

struct req;

/* The copy being made of a response: owned by the request while it runs. */
struct capture {
	char	*buf;
	size_t	 len, cap;
	int	 overflow;	/* grew past PAGECACHE_PAGE_MAX: will not be kept */
};

/* 1 if a fresh copy of this request's page was written out, 0 if the caller must render it. */
int	pagecache_serve(struct req *);
void	pagecache_begin(struct req *);
void	pagecache_end(struct req *);
/* The page being made must not be kept (it reports an error, though its status is 200). */
void	pagecache_discard(struct req *);
/* Frees every page (at exit, so leak checkers see a clean process). */
void	pagecache_clear(void);

/* Called by req_write for every byte sent while capturing. */
void	capture_append(struct capture *, const char *, size_t);

#endif
