/*
 * record.h - partnerships and the activities done in them, as staff record them: the form
 * fields (which are also the columns of the import CSV), the checks that span several fields,
 * and the writes, each one transaction with its audit record.
 *
 * Measures are checked field by field by form.c (whole numbers, 12.50 as cents, hours as
 * minutes, dates that exist); this file adds what needs more than one field or the database:
 * a day within the partnership's dates, attendance that fits the format, agrees never above
 * respondents, partnership dates that still hold every activity.
 */
#ifndef LIAISON_RECORD_H
#define LIAISON_RECORD_H

#include "audit.h"
#include "form.h"

/* The partnership form, in form order. */
enum pf {
	PF_HOST, PF_PARTNER, PF_KIND, PF_COMMITMENT, PF_STATUS, PF_START_ON, PF_END_ON,
	PF_GOAL1, PF_MEASURE1, PF_GOAL2, PF_MEASURE2, PF_GOAL3, PF_MEASURE3, PF_GOAL4, PF_MEASURE4,
	PF_GOAL5, PF_MEASURE5,
	PF_HOST_CONTRIBUTION, PF_PARTNER_CONTRIBUTION, PF_STAFF_LEAD, PF_SEEN,
	PF__MAX
};
#define PF_GOALS	5

/* The activity form, in form order; the names are the import CSV's columns too. */
enum af {
	AF_HELD_ON, AF_TYPE, AF_COUNTED_AS, AF_FORMAT, AF_SITE, AF_SESSIONS, AF_AUDIENCE,
	AF_0_5_IN, AF_6_11_IN, AF_12_18_IN, AF_ADULT_IN, AF_ALL_IN,
	AF_0_5_VIRT, AF_6_11_VIRT, AF_12_18_VIRT, AF_ADULT_VIRT, AF_ALL_VIRT,
	AF_RECORDINGS, AF_RECORDING_VIEWS,
	AF_STAFF_HOURS, AF_VOLUNTEER_HOURS, AF_LIBRARY_COST, AF_PARTNER_COST, AF_IN_KIND,
	AF_MATERIALS, AF_RESPONDENTS, AF_AGREE_KNOWLEDGE, AF_AGREE_CONFIDENCE, AF_AGREE_APPLICATION,
	AF_AGREE_AWARENESS, AF_NOTES, AF_SEEN,
	AF__MAX
};
#define AF_ATTENDANCE_BANDS	5	/* AF_0_5_IN … AF_ALL_IN, then the same virtual */

extern const struct field_spec partnership_fields[PF__MAX];
/* A partnership's statuses, in order: the form's choices and the list's filter. */
extern const struct param_choice partnership_statuses[];
extern const struct field_spec activity_fields[AF__MAX];

/* The label of a choice field's stored value (a partnership's kind, status, …), or the value itself. */
const char *record_label(const struct field_spec *, const char *value);

/* The days a partnership's activities may fall on, and what it is called. */
struct span {
	char	start[11];
	char	end[11];	/* "" while it goes on */
	char	name[420];
};

/* Fills s for partnership id: 1, 0 if there is none, -1 if it cannot be read. */
int	record_span(long long id, struct span *s);

/* A blank partnership form (exploring, informal, starting today). */
void	record_partnership_defaults(struct form *);
/*
 * Loads partnership id into f, with the fingerprint it will be saved against: 1, 0 there is
 * none, -1 it cannot be read (goals included).
 */
int	record_partnership_load(struct form *, long long id);
/* A blank activity form (a program, in person, one session, today if within span). */
void	record_activity_defaults(struct form *, const struct span *);
/* Loads activity id into f and sets *partnership_id: 1, 0 there is none, -1 it cannot be read. */
int	record_activity_load(struct form *, long long id, long long *partnership_id);

/*
 * The partnership's checks across fields: different partners, dates in order, goals with
 * measures, and dates that still hold the activities already recorded (id 0: a new one has
 * none). Returns the form's number of problems.
 */
int	record_partnership_check(struct form *, long long id);
/* The checks across fields of a form that form.c has checked field by field; sp NULL skips
 * the dates (the partnership is unknown). */
int	record_activity_check(struct form *, const struct span *);

/*
 * Saves the partnership form: a new partnership when *id is 0 (its id is written back), else
 * over partnership *id provided it is as the form's fingerprint says. On CHANGE_STALE the
 * fields someone else changed meanwhile are marked, and the fingerprint is brought up to date,
 * so that sending the form again saves it over theirs knowingly.
 */
enum change_result record_partnership_save(long long *id, struct form *, const char *actor);
/* The same for an activity of partnership partnership_id (*id 0: a new one). */
enum change_result record_activity_save(long long partnership_id, long long *id, struct form *,
	    const char *actor);
/* Deletes activity id of partnership_id if it is still as seen (its fingerprint, or NULL). */
enum change_result record_activity_delete(long long partnership_id, long long id, const char *seen,
	    const char *actor);

/*
 * For import, inside a transaction the caller holds: adds a checked activity form to
 * partnership_id without an audit record of its own (the import writes one for the file).
 */
int	record_activity_insert(long long partnership_id, const struct form *);

#endif
