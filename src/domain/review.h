/*
 * review.h - what the staff pages read about entries: the review queue, the list of all
 * entries (filtered by status and name), the entries not confirmed for a year, and one
 * entry's record with its application. Row readers over a db_cursor (db.h): each _next()
 * tells the end of the rows (0) from a failure (-1), so a list is never shown cut short.
 */
#ifndef LIAISON_REVIEW_H
#define LIAISON_REVIEW_H

#include "db.h"

enum review_list { REVIEW_QUEUE, REVIEW_ENTRIES, REVIEW_STALE };

/* One row of a list; strings valid until the next row or the close. */
struct review_row {
	long long	 id;
	const char	*name, *country, *status, *date;
	const char	*detail;	/* the queue: staff's note; stale: the contact; entries: the city */
	const char	*reference;	/* the queue's application reference, else "" */
};

/* How many rows the entries list (status and q may be NULL: any) or the stale list has; -1 failed. */
long	review_count(enum review_list, const char *status, const char *q);
/* The queue whole, or one page (limit, offset) of the others: 0, or -1. */
int	review_open(struct db_cursor *, enum review_list, long limit, long offset,
	    const char *status, const char *q);
int	review_next(struct db_cursor *, struct review_row *);

/* One entry as the staff page shows it; strings valid until db_cursor_close. */
struct review_entry {
	const char	*name, *status, *confirmed_on, *created_at, *contact_name, *contact_email;
	/* Its application, when it came through the form: state NULL when it did not. */
	const char	*reference, *state, *note, *submitted_at, *decided_at, *decided_by;
};
/* The entry id: 1 found, 0 none, -1 failed (db_is_busy(c->rc) says whether busy). */
int	review_entry(struct db_cursor *, long long id, struct review_entry *);

#endif
