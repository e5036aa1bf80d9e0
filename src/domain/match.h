/*
 * match.h - "the best partners for this organization" (GET /search?match=ID).
 *
 * Candidates are the listed organizations seeking partners that want each other's kind (see
 * match_compatible), other than the organization itself and its current partners. Each gets
 * points for what the two have in common, and the reasons are kept so that a page can say
 * why in words. The scoring, which README.md explains to librarians:
 *
 *   each interest in common (pen pals, videoconferences, ...)     3
 *   a language in common                                          4
 *   ages served that overlap                                      2
 *   office hours in common on a working day: per full 2 hours     1 (at most 4)
 *   a community partner in the same city                          2
 *   entry confirmed within the last year                          1
 *
 * A candidate with neither an interest nor a language in common is not a match at all.
 * Ties go to more office hours in common, then to the older entry (lower id).
 */
#ifndef LIAISON_MATCH_H
#define LIAISON_MATCH_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#define MATCH_RESULTS_MAX	20
#define MATCH_REASON_MAX	8

#define MATCH_POINTS_INTEREST	3
#define MATCH_POINTS_LANGUAGE	4
#define MATCH_POINTS_AGES	2
#define MATCH_POINTS_HOURS_MAX	4	/* one per full 2 hours */
#define MATCH_POINTS_SAME_CITY	2
#define MATCH_POINTS_FRESH	1

/* What matchmaking knows of an organization (the columns of org_for_matching). */
struct match_org {
	sqlite3_int64	 id;
	int		 library;	/* kind: 1 library, 0 community organization */
	char		 seeks;		/* 'l' a library, 'c' a community partner, 'a' either */
	char		 country[3];
	const char	*city;		/* valid while the row is read */
	uint64_t	 interest_bits;	/* bit n: interest.position n */
	int		 ages;		/* org.ages bits */
	int		 utc_offset_min;
	int		 fresh;		/* confirmed within the last year */
};

struct match_result {
	sqlite3_int64	 id;
	int		 score;
	uint64_t	 interests;	/* in common */
	int		 language;	/* 1 if a language in common */
	int		 ages;		/* age bits in common (16 "all ages" counts with any) */
	int		 hours_min;	/* office minutes in common on the best working day */
	int		 hours_days;	/* working days (of the first) with any in common */
	int		 same_city;
	int		 sister;	/* two libraries; else a library and a community partner */
	int		 fresh;
};

/*
 * 1 when a and b want each other: each seeks the other's kind (or either), at least one is a
 * library, and a community partner is in the library's own country (it works locally).
 */
int	match_compatible(const struct match_org *a, const struct match_org *b);

/*
 * Office hours (09:00-17:00 local, Monday to Friday, standard time) in common between zones
 * a and b, in minutes east of UTC. Returns the most minutes in common on one of a's working
 * days, and sets *days to how many of a's working days have some. Across the date line,
 * a's Tuesday may meet b's Monday: the week wraps around.
 */
int	match_office_overlap(int offset_a, int offset_b, int *days);

/* Scores b for a, whose language in common is given. Returns 0 if b is no match at all. */
int	match_score(const struct match_org *a, const struct match_org *b, int share_language,
	    struct match_result *);

/*
 * The best matches for organization id, best first, into out[MATCH_RESULTS_MAX]; *n is how
 * many, *found how many candidates matched at all. Returns 1, 0 if id is not listed, or -1
 * on a database error (with *busy set for contention).
 */
int	match_find(sqlite3_int64 id, struct match_result *out, size_t *n, long *found, int *busy);

/*
 * The reasons for result m, in words ("both want pen-pal exchange and videoconference",
 * "share Spanish", "3 h 30 min of office hours in common"), for organization a_id: up to
 * MATCH_REASON_MAX strings written into buf and pointed to by reasons. Returns how many.
 */
int	match_reasons(sqlite3_int64 a_id, const struct match_result *m, const char **reasons,
	    char *buf, size_t size);

#endif
