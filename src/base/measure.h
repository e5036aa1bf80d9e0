/*
 * measure.h - the numbers staff type into activity forms and CSV files, read as people write
 * them and kept as whole numbers: counts ("1,200"), money ("12.50", "$1,234.5") as cents, hours
 * ("1.5", "1:30") as minutes, and dates that exist. No floating point anywhere: 0.1 + 0.2 of a
 * dollar is 30 cents. Pure functions, shared by the form checks (form.c) and the pages that
 * show totals.
 */
#ifndef LIAISON_MEASURE_H
#define LIAISON_MEASURE_H

#include <stddef.h>

enum measure_verdict {
	MEASURE_OK,
	MEASURE_BAD,		/* not a number of this kind */
	MEASURE_NEGATIVE,	/* "-3": a count of people or money spent is never below 0 */
	MEASURE_COMMA_CENTS,	/* "12,50": cents after a comma, as much of the world writes them */
	MEASURE_TOO_PRECISE,	/* more than two digits after the point */
};

/* A whole number, digits optionally grouped in threes by commas or spaces. */
enum measure_verdict measure_count(const char *s, long long *out);
/* An amount with at most two decimals, an optional leading "$", into cents. */
enum measure_verdict measure_cents(const char *s, long long *out);
/* Hours as "1.5" (at most two decimals, rounded to the minute) or "1:30", into minutes. */
enum measure_verdict measure_minutes(const char *s, long long *out);
/* 1 when s is a day that exists, written YYYY-MM-DD, from 1900 on. */
int	measure_date_valid(const char *s);

/* "1,234,567" */
void	measure_grouped(char *buf, size_t size, long long n);
/* Cents as "1,234.50". */
void	measure_money_text(char *buf, size_t size, long long cents);

#endif
