/*
 * survey.h - the IMLS Public Libraries Survey's program items, in the survey's order, with
 * their item numbers and variable names, computed from a report's figures (schema 021's
 * activity_figures holds the counting rules). The imls CSV table and the survey worksheet
 * both list these, so they always agree.
 */
#ifndef LIAISON_SURVEY_H
#define LIAISON_SURVEY_H
#include "report.h"

struct survey_item {
	int		 number;	/* the survey's item number: 600, 601, … */
	const char	*variable;	/* its variable name: TOTPRO, K0_5PRO, … */
	const char	*label;
};

extern const struct survey_item survey_items[];
extern const int survey_item_count;

/* Item i's value for the figures d. */
long long	survey_value(int i, const struct report_data *d);

/* The survey's edit checks: total by age = total by format (600 = 609, 610 = 619). */
struct survey_check {
	const char	*label;		/* "600 = 609" */
	int		 left, right;	/* item numbers */
};
extern const struct survey_check survey_checks[];
extern const int survey_check_count;

/* The value of the item numbered number for d (-1 when there is no such item). */
long long	survey_value_of(int number, const struct report_data *d);
#endif
