/*
 * report.h - the figures of an impact report: read once per period and scope, then shown as
 * headline figures, charts and CSV tables that all come from the same numbers.
 *
 * The raw figures (enum rf) are the columns of activity_figures and activity_day
 * (schema/007_reports.sql, rewritten by 018), where every counting rule lives. The headline
 * figures (report_headlines) are sums and ratios of those, named once here so the HTML page
 * and the summary CSV cannot disagree. A ratio over nothing is no figure (REPORT_NONE), and
 * changes are compared unrounded (report_change). Money is in cents and time in minutes,
 * 64-bit throughout.
 */
#ifndef LIAISON_REPORT_H
#define LIAISON_REPORT_H
#include <limits.h>
#include <stddef.h>
#include <sqlite3.h>

#include "db.h"
#include "period.h"

/* The raw figures, in the column order of activity_day; then what is counted apart. */
enum rf {
	RF_ACTIVITIES, RF_PROGRAM_SESSIONS_IN, RF_PROGRAM_SESSIONS_VIRT, RF_OUTREACH_SESSIONS,
	RF_PROGRAM_0_5_IN, RF_PROGRAM_6_11_IN, RF_PROGRAM_12_18_IN, RF_PROGRAM_ADULT_IN,
	RF_PROGRAM_ALL_IN, RF_PROGRAM_0_5_VIRT, RF_PROGRAM_6_11_VIRT, RF_PROGRAM_12_18_VIRT,
	RF_PROGRAM_ADULT_VIRT, RF_PROGRAM_ALL_VIRT, RF_OUTREACH_ATTENDANCE, RF_STAFF_MINUTES,
	RF_VOLUNTEER_MINUTES, RF_LIBRARY_CENTS, RF_PARTNER_CENTS, RF_IN_KIND_CENTS, RF_MATERIALS,
	RF_RESPONDENTS, RF_AGREE_KNOWLEDGE, RF_AGREE_CONFIDENCE, RF_AGREE_APPLICATION,
	RF_AGREE_AWARENESS, RF_IMLS_K0_5_PRO, RF_IMLS_K6_11_PRO, RF_IMLS_YA_PRO, RF_IMLS_ADULT_PRO,
	RF_IMLS_GEN_PRO, RF_IMLS_K0_5_ATTEN, RF_IMLS_K6_11_ATTEN, RF_IMLS_YA_ATTEN,
	RF_IMLS_ADULT_ATTEN, RF_IMLS_GEN_ATTEN,
	/* Per survey question (schema 018): the activities that asked it, and their respondents,
	 * the denominator of its share. A question left blank is not asked, not 0. */
	RF_ASKED_KNOWLEDGE, RF_ASKED_CONFIDENCE, RF_ASKED_APPLICATION, RF_ASKED_AWARENESS,
	RF_RESPONDENTS_KNOWLEDGE, RF_RESPONDENTS_CONFIDENCE, RF_RESPONDENTS_APPLICATION,
	RF_RESPONDENTS_AWARENESS,
	/* The survey's items by format and its asynchronous ones (schema 021): programs and
	 * attendance in person at the library, elsewhere, and virtual; recordings and views. */
	RF_IMLS_ONSITE_PRO, RF_IMLS_OFFSITE_PRO, RF_IMLS_VIRTUAL_PRO, RF_IMLS_ONSITE_ATTEN,
	RF_IMLS_OFFSITE_ATTEN, RF_IMLS_VIRTUAL_ATTEN, RF_IMLS_ASYNC_PRO, RF_IMLS_ASYNC_VIEWS,
	RF_PARTNERSHIPS_ACTIVE, RF_PARTNERSHIPS_NEW, RF_PARTNERSHIPS_ENDED, RF_COUNTRIES,
	RF_LANGUAGES,
	/* "Contact this organization" (contact.h): first contacts the directory produced, and the
	 * organizations that received at least one; counted per day, not from activities. */
	RF_CONNECTIONS, RF_CONNECTED_ORGS,
	RF__MAX
};
#define RF_SUMMED	RF_PARTNERSHIPS_ACTIVE	/* the figures summed from activities */
#define RF_BANDS	5			/* 0-5, 6-11, 12-18, adult, all ages */

/* What a report covers besides its period: everything (both 0), one host, or one partnership. */
struct report_scope {
	long long	host;
	long long	partnership;
};

struct report_data {
	long long	v[RF__MAX];
};

/* One report as a request asked for it: the period, the ones either side, the scope, who reads
 * it, and (once report_load has run for both) its figures and the previous period's. */
struct report_request {
	struct period		 period, previous, next;
	struct report_scope	 scope;
	char			 today[11];
	int			 signed_in;	/* board, staff or admin: costs, names, tables */
	struct report_data	 now, before;
};

/* Reads every figure for the period and scope. 0, or -1 if the database cannot be read. */
int	report_load(const struct period *, const struct report_scope *, struct report_data *);
/*
 * The summed figures per month of the period, months[i] for the month names[i] from
 * period_months(); months with nothing recorded stay zero. 0, or -1.
 */
int	report_months(const struct period *, const struct report_scope *, struct report_data *months,
	    char (*names)[8], int n);

/*
 * A bulk import of activities, inside its transaction: pause sets aside the trigger that adds
 * each new activity to the day sums (about 40 µs a row), remembering where the new rows begin;
 * resume adds all their figures at once and puts the trigger back. Rolling the transaction back
 * instead restores the trigger by itself. Both return 0, or an SQLite error code.
 */
struct report_pause {
	long long	 after_id;	/* the last activity before the import */
	char		*trigger_sql;	/* the trigger as the schema wrote it */
};
int	report_sums_pause(struct report_pause *);
int	report_sums_resume(struct report_pause *);
/* Frees what pause kept (after resume, or after a rollback). */
void	report_pause_free(struct report_pause *);

/* One partnership of the report's table; strings valid until the next row or the close. */
struct report_partnership_row {
	long long	 id, activities, attendance;
	const char	*host, *partner, *country, *kind, *commitment, *status, *start_on, *end_on;
	const char	*last;		/* its last activity's day, or NULL when it has none yet */
	int		 quiet;		/* active, and nothing recorded in the REPORT_QUIET_DAYS up to as_of */
};
/*
 * Quiet: an active partnership with nothing recorded in the 90 days up to report_as_of (that
 * day and the 89 before it), activities dated after that day left out. One with nothing
 * recorded yet counts from its start day as if from an activity, so a partnership is never
 * Quiet before it has had those 90 days (README states it).
 */
#define REPORT_QUIET_DAYS	90
/*
 * The partnerships whose dates overlap the period, in scope, by host and partner name:
 * report_partnerships_open (0, or -1), then report_partnership_next until it is 0 (the end)
 * or -1 (failed: db_is_busy(c->rc) says whether busy), then db_cursor_close.
 */
int	report_partnerships_open(struct db_cursor *, const struct report_request *);
int	report_partnership_next(struct db_cursor *, const struct report_request *,
	    struct report_partnership_row *);
/* The day the health flag looks back from: the period's end, or today if that is sooner. */
const char *report_as_of(const struct report_request *);

/* The countries or languages of the partners that did something in the period, most first. */
enum report_reach { REPORT_REACH_COUNTRIES, REPORT_REACH_LANGUAGES };
struct report_reach_row {
	const char	*name;
	long long	 organizations;
	const char	*code;		/* the country's or language's code */
};
int	report_reach_open(struct db_cursor *, enum report_reach, const struct report_request *);
int	report_reach_next(struct db_cursor *, struct report_reach_row *);

/*
 * The organization a report of one host is about, its name into name: 1 found, 0 none (or,
 * for the public, not listed in the directory), -1 the database failed.
 */
int	report_host_name(long long host, int signed_in, char *name, size_t size);

/* UNIT_SHARE: a share in tenths of a percent (permille), "75.0%". */
enum headline_unit { UNIT_COUNT, UNIT_HOURS, UNIT_MONEY, UNIT_SHARE };
#define HEADLINE_TERMS	12
struct headline {
	const char		*key;		/* the summary CSV's figure name */
	const char		*label;
	enum headline_unit	 unit;
	int			 restricted;	/* money: for signed-in readers only */
	signed char		 sum[HEADLINE_TERMS];	/* rf indexes added up, ending with -1 */
	signed char		 per[HEADLINE_TERMS];	/* when per[0] >= 0: divided by their sum */
	const char		*none;		/* a ratio over nothing: how it reads ("—", "not asked") */
};
extern const struct headline report_headlines[];
extern const size_t report_headline_count;
/* The headline named key (one of report_headlines' keys). */
const struct headline *report_headline(const char *key);
/*
 * The headline's value: a sum, or a ratio rounded to the nearest unit (a share to the tenth
 * of a percent); REPORT_NONE for a ratio over nothing (a cost per attendee where nobody was
 * counted, a share of a question nobody asked), which is no figure at all, not 0.
 */
#define REPORT_NONE	LLONG_MIN
long long report_value(const struct headline *, const struct report_data *);
/* v in the headline's unit for people: "1,234", "12.5" hours, "1,234.50" (money), "75.0%";
 * REPORT_NONE as the headline's none. */
void	report_format(const struct headline *, long long v, char *buf, size_t size);
/* v for spreadsheets: "1234", "12.50" hours, "1234.50" dollars, "75.0" percent; REPORT_NONE
 * as an empty cell. */
void	report_format_plain(enum headline_unit, long long v, char *buf, size_t size);

/*
 * A figure against the previous period's, from the unrounded sums and ratios (a cost per
 * attendee of 3.333… is not compared as 3.33): percent for most figures, tenths of a
 * percentage point for shares.
 */
enum report_trend {
	TREND_NO_FIGURE,	/* no figure this period: nothing to compare */
	TREND_NONE_BEFORE,	/* none the period before */
	TREND_SAME,
	TREND_FROM_ZERO,	/* the period before was exactly 0 (not for shares) */
	TREND_UP, TREND_DOWN	/* by amount */
};
enum report_trend report_change(const struct headline *, const struct report_data *now,
	    const struct report_data *before, long long *amount);

/* The four Project Outcome measures: label, the rf of those who agree, of the activities that
 * asked, of their respondents, and the share's headline (report_headline(key)). */
struct outcome {
	const char	*key;
	const char	*label;
	enum rf		 agree, asked, respondents;
	const char	*headline;
};
extern const struct outcome report_outcomes[4];
#endif
