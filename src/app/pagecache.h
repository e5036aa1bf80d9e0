/*
 * pagecache.h - whole public pages kept until what they show changes.
 *
 * A directory page is the same for every visitor until the directory changes (or the day
 * does: "possibly out of date" marks depend on today's date), and libraries link to a few
 * pages over and over. A program hands its page-drawing function to pagecache_process(),
 * after cgit's cache_process. Only complete 200 answers of at most PAGECACHE_PAGE_MAX bytes
 * are kept; LIAISON_PAGE_CACHE sets how many pages (0 turns the cache off).
 */
#ifndef LIAISON_PAGECACHE_H
#define LIAISON_PAGECACHE_H

#include <stddef.h>

#define PAGECACHE_PAGE_MAX	(256 * 1024)

struct req;

/*
 * Answers r from a kept copy of its page if there is a fresh one; otherwise make(r, arg)
 * draws it as usual while a copy of what it sends is kept (a tee on the request, http.h),
 * and a complete 200 answer of at most PAGECACHE_PAGE_MAX bytes is kept for next time. An
 * answer marked r->no_keep (an error shown as 200) or made while the database failed is not.
 */
void	pagecache_process(struct req *r, void (*make)(struct req *, void *), void *arg);
/*
 * Before a program's handler, once the database is ready: when r asks for a public page or
 * CSV file (the directory's, search's, and the report's for readers not signed in), its
 * validators and caching policy go into r->cache_headers: an ETag made of what the page
 * shows (the database's epoch, the directory's version, the report's for the report, the
 * day, the address, the build, the templates and the settings pages show), Last-Modified,
 * and Cache-Control public for LIAISON_PUBLIC_MAX_AGE with stale-while-revalidate. A request
 * whose If-None-Match names that ETag (or, without one, whose If-Modified-Since is not older)
 * is answered 304 here, before anything is made: returns 1 then. Anything else stays private.
 */
int	pagecache_conditional(struct req *r, const char *program);
/* Frees every page (at exit, so leak checkers see a clean process). */
void	pagecache_clear(void);

#endif
