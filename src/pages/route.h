/*
 * route.h - each program's table of routes and the one dispatcher that reads it (after cgit's
 * cmd.c). A program lists its pages as rows: the methods, a path pattern, the role needed and
 * the handler. route_dispatch() then answers, in one place and the same way for every program,
 * what used to be written out in each: the ids parsed from the path, 405 with the Allow the
 * path takes, 303 to sign in or 403, and 404 (ARCHITECTURE.md, "Where a change goes").
 */
#ifndef LIAISON_ROUTE_H
#define LIAISON_ROUTE_H

#include <stddef.h>

#include "auth.h"
#include "http.h"

/* Methods a row answers: GET brings HEAD with it (the request writes no body for HEAD). */
#define ROUTE_GET	((1u << METHOD_GET) | (1u << METHOD_HEAD))
#define ROUTE_POST	(1u << METHOD_POST)

#define ROUTE_IDS_MAX	4

/* The roles of the pages the staff menu links to, which the route tables use too. */
#include "pageroles.h"

/* What the dispatcher read from the path for the handler. */
struct route_args {
	long long	 ids[ROUTE_IDS_MAX];	/* each "#" of the pattern, in order; then 0 */
	size_t		 nids;
	const char	*rest;			/* what "*" matched, or "" */
};

/*
 * One page. pattern is matched against PATH_INFO whole, "/" being the same as "": "" for the
 * program's own address, "#" for an id (params_path_id(): 1 to 15 digits, no leading zero),
 * "*" as the last character for the rest of the path (one character or more), anything else
 * literally. Several rows may share a pattern with other methods and roles.
 */
struct route {
	const char	*pattern;
	unsigned	 methods;	/* ROUTE_GET, ROUTE_POST, or both */
	enum role	 role;		/* ROLE_NONE: anyone, without asking who */
	void		(*handler)(struct req *, const struct route_args *);
};

/*
 * A program's routes, first match wins. unknown_role is whom a staff program tells that an
 * address does not exist (a visitor is asked to sign in first, as for any staff address);
 * ROLE_NONE for a public program. not_found is the 404's text.
 */
struct route_table {
	const struct route	*routes;
	size_t			 n;
	enum role		 unknown_role;
	const char		*not_found;
};

/*
 * 1 when path matches pattern (see struct route), with the ids and rest in *a; else 0 and *a
 * is not to be used.
 */
int	route_match(const char *pattern, const char *path, struct route_args *a);

/*
 * Answers r from t, in this order:
 *  - no row matches the path: unknown_role is checked (staff_allowed: 303 to sign in, 403);
 *    then 405 if no row of the program takes the method (Allow: what the program takes),
 *    else 404 with not_found;
 *  - the rows that match: the least role among them is checked first (so a visitor learns no
 *    more of a staff address than that it needs signing in), then 405 if none takes the
 *    method (Allow: what they take), then the role of the row that does;
 *  - its handler, with the ids.
 * The staff programs call staff_begin() first.
 */
void	route_dispatch(struct req *, const struct route_table *t);

#endif
