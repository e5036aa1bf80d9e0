/*
 * route.c - the dispatcher every program's route table goes through (see route.h).
 *
 * It lives in the page layer, not in web/, because the role check is the staff session's
 * (staffpage.c): the request core knows nothing of who is signed in.
 */
#include <stdio.h>
#include <string.h>

#include "http.h"
#include "params.h"
#include "route.h"
#include "staffpage.h"

int
route_match(const char *pattern, const char *path, struct route_args *a)
{
	const char *p = pattern, *s = path;

	memset(a, 0, sizeof *a);
	a->rest = "";
	/* "/" is the program's own address, as "" is: /list/ is /list. */
	if (strcmp(s, "/") == 0)
		s = "";
	for (; *p; p++) {
		if (*p == '#') {
			long long id;
			if (a->nids == ROUTE_IDS_MAX || (id = params_path_id(&s)) == 0)
				return 0;
			a->ids[a->nids++] = id;
		} else if (*p == '*' && p[1] == '\0') {
			if (*s == '\0')
				return 0;
			a->rest = s;
			return 1;
		} else if (*s++ != *p)
			return 0;
	}
	return *s == '\0';
}

/* "GET, HEAD", "POST" or "GET, HEAD, POST": the Allow of these methods. */
static void
allow_text(unsigned methods, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s", methods & ROUTE_GET ? "GET, HEAD" : "",
	    (methods & ROUTE_GET) && (methods & ROUTE_POST) ? ", " : "",
	    methods & ROUTE_POST ? "POST" : "");
}

/* 1 when who is asking has role (ROLE_NONE: anyone, and no one is asked); else answered. */
static int
allowed(struct req *r, enum role role)
{
	return role == ROLE_NONE || staff_allowed(r, role);
}

void
route_dispatch(struct req *r, const struct route_table *t)
{
	const struct route *hit = NULL;
	struct route_args a, args;
	unsigned method = 1u << r->method, path_methods = 0, all_methods = 0;
	enum role least = ROLE_ADMIN;
	int matched = 0;
	char allow[32];

	for (size_t i = 0; i < t->n; i++) {
		const struct route *rt = &t->routes[i];

		all_methods |= rt->methods;
		if (!route_match(rt->pattern, r->path_info, &a))
			continue;
		matched = 1;
		path_methods |= rt->methods;
		if (rt->role < least)
			least = rt->role;
		if (hit == NULL && (rt->methods & method)) {
			hit = rt;
			args = a;
		}
	}
	if (!matched) {
		if (!allowed(r, t->unknown_role))
			return;
		if (all_methods & method)
			req_error(r, 404, t->not_found);
		else {
			allow_text(all_methods, allow, sizeof allow);
			req_method_not_allowed(r, allow);
		}
		return;
	}
	if (!allowed(r, least))
		return;
	if (hit == NULL) {
		allow_text(path_methods, allow, sizeof allow);
		req_method_not_allowed(r, allow);
		return;
	}
	if (!allowed(r, hit->role))
		return;
	hit->handler(r, &args);
}
