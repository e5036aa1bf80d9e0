/*
 * period.h - the span of days a report covers, read from its URL, and the span before it.
 *
 * A period is a fiscal year (fy=2026), a fiscal quarter (quarter=2026-Q1) or any run of days
 * (from=2026-01-01&to=2026-03-31); with none of them, the fiscal year that holds today. A
 * fiscal year is named by the calendar year it ends in, as libraries and the IMLS survey name
 * theirs: with a year starting in July, FY2026 runs from 2025-07-01 to 2026-06-30, and its Q1
 * is July to September 2025. Dates are ISO text, which SQLite compares as it should.
 */
#ifndef LIAISON_PERIOD_H
#define LIAISON_PERIOD_H
#include <stddef.h>

#define PERIOD_DAYS_MAX	3660	/* ten years: a chart of 121 months at most */
#define PERIOD_MONTHS_MAX 122

enum period_kind { PERIOD_YEAR, PERIOD_QUARTER, PERIOD_RANGE };

struct period {
	enum period_kind kind;
	int		 year, quarter;		/* the fiscal year (and quarter 1-4) it names */
	char		 from[11], to[11];	/* first and last day, both included */
	char		 name[64];		/* "FY2026", "FY2026 Q1", "2026-01-05 to 2026-02-01" */
};

/*
 * Reads the period from its URL parameters (each NULL or "" when absent): fy is a year,
 * quarter "YYYY-Qn", from and to ISO dates. today is "YYYY-MM-DD"; first_month (1-12) starts
 * the fiscal year. Returns 0, or -1 with err saying what was wrong and what is allowed.
 */
int	period_parse(struct period *, const char *fy, const char *quarter, const char *from,
	    const char *to, const char *today, int first_month, char *err, size_t errsize);
/*
 * The period of the same kind and length just before p (direction -1: last year, last
 * quarter, as many days before) or just after it (+1).
 */
void	period_step(const struct period *p, int direction, struct period *out, int first_month);
/* The URL parameters that name p: "fy=2026", "quarter=2026-Q1" or "from=…&to=…". */
void	period_query(const struct period *p, char *buf, size_t size);
/* How many days p holds. */
long	period_days(const struct period *);
/* The first days of the months p touches ("YYYY-MM"), in order; returns how many (≤ max). */
int	period_months(const struct period *, char (*months)[8], int max);
/* Today's date in UTC as "YYYY-MM-DD". */
void	period_today(char today[11]);
/* The day n days after (or before, n < 0) the ISO date day, into out. */
void	period_add_days(const char *day, long n, char out[11]);
#endif
