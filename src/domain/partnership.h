/*
 * partnership.h - what the partnership pages read: the list, one partnership with its goals,
 * running totals and activities, and an activity type's label (its history is
 * audit.h's audit_open_for_partnership). record.h has the forms and the writes.
 *
 * Lists are read row by row through a struct db_cursor (db.h): *_open (0, or -1), then *_next
 * until it is 0 (the end) or -1 (failed: db_is_busy(c->rc) says whether busy), then
 * db_cursor_close. A row's strings are valid until the next row or the close; a text that is
 * NULL in the database reads as "".
 */
#ifndef LIAISON_PARTNERSHIP_H
#define LIAISON_PARTNERSHIP_H

#include <stddef.h>

#include "db.h"

/* One partnership of the list. */
struct partnership_list_row {
	long long	 id, activities;
	const char	*host, *partner, *kind, *status, *start_on, *lead;
	const char	*last;		/* its last activity's day, or NULL when it has none yet */
};
/* Every partnership (status NULL) or those of one status, ended ones last, at most 1000. */
int	partnership_list_open(struct db_cursor *, const char *status);
int	partnership_list_next(struct db_cursor *, struct partnership_list_row *);

/* One partnership as its page shows it. */
struct partnership_page {
	const char	*host, *partner, *kind, *commitment, *status, *start_on;
	const char	*end_on;	/* "" while it goes on */
	const char	*host_gives, *partner_gives, *lead, *country;
};
/*
 * Partnership id: 1 found (pg filled; its strings live until db_cursor_close(c), which the
 * caller calls), 0 there is none, -1 the database failed (c is closed for both).
 */
int	partnership_find(struct db_cursor *c, long long id, struct partnership_page *pg);

/* Its goals, in the order they were typed: the goal, and how it is measured ("" if unsaid). */
struct partnership_goal {
	const char	*goal, *measure;
};
int	partnership_goals_open(struct db_cursor *, long long id);
int	partnership_goal_next(struct db_cursor *, struct partnership_goal *);

/*
 * The running totals of a partnership's activities, counted as the IMLS survey counts them:
 * v[] in this order (minutes for hours, cents for money, survey agrees as counts).
 */
enum partnership_total {
	PT_ACTIVITIES, PT_PROGRAM_SESSIONS_IN_PERSON, PT_PROGRAM_SESSIONS_VIRTUAL,
	PT_PROGRAM_ATTENDANCE_IN_PERSON, PT_PROGRAM_ATTENDANCE_VIRTUAL, PT_OUTREACH_SESSIONS,
	PT_OUTREACH_ATTENDANCE, PT_STAFF_MINUTES, PT_VOLUNTEER_MINUTES, PT_LIBRARY_COST,
	PT_PARTNER_COST, PT_IN_KIND, PT_MATERIALS, PT_RESPONDENTS, PT_AGREE_KNOWLEDGE,
	PT_AGREE_CONFIDENCE, PT_AGREE_APPLICATION, PT_AGREE_AWARENESS,
	PT__MAX
};
struct partnership_totals {
	long long	 v[PT__MAX];
	char		 last[11];	/* the last activity's day, or "" when there is none */
	/* For each agree (PT_AGREE_KNOWLEDGE on), the respondents of the activities that asked
	 * it: its share's denominator; 0 when no activity asked it (schema 018). */
	long long	 asked_respondents[4];
};
/* Fills t for partnership id (all zero when it has no activities): 0, or -1 if it cannot be read. */
int	partnership_totals(long long id, struct partnership_totals *t);
/* The number of activities recorded for partnership id into *count: 0, or -1 if it cannot be read. */
int	partnership_activity_count(long long id, long long *count);

/* One activity of a partnership's page, newest first. */
struct partnership_activity_row {
	long long	 id, sessions, in_person, online, minutes, cost_cents, respondents;
	int		 is_program;	/* a program; else outreach */
	int		 audience_inferred;	/* a program with no audience given: inferred */
	const char	*held_on, *type, *format, *notes;	/* type is the label */
};
/* Its activities, at most limit of them after skipping offset. */
int	partnership_activities_open(struct db_cursor *, long long id, int limit, long long offset);
int	partnership_activity_next(struct db_cursor *, struct partnership_activity_row *);

/*
 * The label of activity type code into buf: 1 found, 0 no such type, -1 the database failed
 * (for both, buf holds the code itself).
 */
int	partnership_activity_type_label(const char *code, char *buf, size_t size);

#endif
