/*
 * staffpage.h - what every signed-in page shares: who is asking, the staff menu around the
 * page, the answer to someone without the right role (303 to sign-in, or 403), the check of
 * a posted form's token, and the pieces several staff pages draw (pager, audit events).
 *
 * A process serves one request at a time, so who is asking is module state, set per request
 * by staff_begin() (like config).
 */
#ifndef LIAISON_STAFFPAGE_H
#define LIAISON_STAFFPAGE_H

#include <stddef.h>

#include <sqlite3.h>

#include "auth.h"

struct params;
struct req;
struct view;
struct view_dict;

extern struct who	staff_who;
/* What auth needs of this request (its cookies, address, REMOTE_USER, HTTPS or not). */
extern struct auth_client staff_client;
extern char		staff_base[300];	/* "/staff", or "/…/cgi-bin/staff.cgi" */
extern char		partnerships_base[300];	/* the same for the partnerships program */
extern char		import_base[300];	/* and for import */

/* Reads who is asking (staff_client, then staff_who) and where the staff program lives, for
 * this request. */
void	staff_begin(struct req *);
/* Sends the head and starts a page in the layout with the staff menu; BASE and (for those who
 * may change things) CSRF are set in the body. */
struct view *staff_page(struct req *, int status, const char *title, const char *tpl);
/* The same with more header lines ("Name: value\r\n", a cookie), or NULL. */
struct view *staff_page_with(struct req *, int status, const char *title, const char *tpl,
	    const char *extra_header);
/* 303 to path (on this site: "/staff/…"), with extra header lines (a cookie) or NULL. */
void	staff_redirect(struct req *, const char *path, const char *extra_header);
/* 1 when who has at least role need; otherwise answers (303 to sign-in, or 403) and returns 0. */
int	staff_allowed(struct req *, enum role need);
/*
 * Where a staff program reads its posted bodies: its buffer, its parameters and their table,
 * and which of them is the staff token. Each program has one, a static const, so that
 * reading a post is one call with what changes from route to route (the form).
 */
struct param_spec;
struct staff_post {
	char			*buf;
	size_t			 size;
	struct params		*params;
	const struct param_spec	*keys;
	size_t			 nkeys;
	int			 csrf_key;
};
/*
 * Reads a posted urlencoded body into post's buffer, parses it into f against spec (unless
 * spec is NULL) and into post's parameters, and checks the staff token among them. 1 when
 * all is well; otherwise the answer (413, 415, 400, 403) is sent.
 */
struct field_spec;
struct form;
int	staff_read_post(struct req *, const struct staff_post *, struct form *f,
	    const struct field_spec *spec, size_t n);
/* 1 when token is a live staff token of this session; otherwise answers 403 and returns 0. */
int	staff_token_ok(struct req *, const char *token);
/* A pager under body for route when total rows need more than one page of per. */
void	staff_fill_pager(struct view_dict *body, const struct params *, int page_key,
	    const char *route, long page, long per, long total);
#define STAFF_EVENTS_MAX	100	/* audit events drawn on one page, at most */

/*
 * Adds an EVENT to body for each audit event the cursor gives (audit.h's audit_open_for_org,
 * _for_partnership or _page), at most STAFF_EVENTS_MAX, each with its CHANGEs, and closes it;
 * show_org links each to its entry and partnership (the audit log does, an entry's own
 * history need not). Returns 0, or -1 when the events or their changes could not be read to
 * the end: the page must not be shown as it is, but answered 503.
 */
struct db_cursor;
int	staff_fill_audit(struct view_dict *body, struct db_cursor *events, int show_org);
/*
 * The same from the cursor's statement, for partnerships.c until its rewrite calls
 * staff_fill_audit (its dispatch is being rewritten: not touched here).
 */
int	staff_fill_events(struct view_dict *body, sqlite3_stmt *s, int show_org);

#endif
