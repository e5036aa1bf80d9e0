/*
 * form.h - HTML forms that are posted back: every field checked, every problem kept.
 *
 * Where params.h reads query strings (a problem there is the link's fault, one message is
 * enough), a form is typed by a person: each field gets its own message, shown beside it, and
 * everything typed comes back as it was. A form is a const table of struct field_spec; choices
 * come from a fixed list or from the database (a statement listing value, label, group and one
 * checking a value), the same tables the directory's filters are drawn from. This is the
 * checking; drawing a form into a page is the page layer's (formview.c).
 */
#ifndef LIAISON_FORM_H
#define LIAISON_FORM_H

#include <stddef.h>

#include "params.h"

#define FORM_FIELDS_MAX		48
#define FORM_ITEMS_MAX		256	/* values of all many-choice fields together */
#define FORM_INPUT_MAX		32768	/* bytes of urlencoded body: larger gets 413 */
#define FORM_ERROR_MAX		200

enum field_type {
	FIELD_TEXT,	/* one line */
	FIELD_LONGTEXT,	/* paragraphs (a textarea) */
	FIELD_EMAIL,
	FIELD_URL,	/* http(s) only; "www.x.org" is taken as https://www.x.org */
	FIELD_CHOICE,	/* one of the choices (a select, or radios when there are few) */
	FIELD_CHOICES,	/* any number of the choices (checkboxes) */
	FIELD_FLAG,	/* one checkbox: "1" or "" */
	FIELD_PASSWORD,	/* never shown again */
	FIELD_HIDDEN,
	/* Measures: typed as people write them, kept as whole numbers in num. Blank is 0 unless
	 * the field is required; max is in the kept unit. */
	FIELD_COUNT,	/* a whole number: "1200" or "1,200" */
	FIELD_TALLY,	/* a whole number that may stay blank: blank is NULL, not 0 (a survey
			 * question not asked); str[0] tells which */
	FIELD_MONEY,	/* an amount: "12.50", "12", "1,234.50" → cents */
	FIELD_HOURS,	/* hours: "1.5", "1:30" → minutes */
	FIELD_DATE,	/* a day that exists, YYYY-MM-DD (what a date input sends) */
};

struct field_spec {
	const char			*name;
	const char			*label;
	enum field_type			 type;
	int				 required;
	size_t				 max;		/* bytes of text, or number of choices */
	const char			*hint;		/* a sentence under the label, or NULL */
	const struct param_choice	*choices;	/* fixed choices, or NULL */
	int				 options_stmt;	/* else: SELECT value, label, group */
	int				 exists_stmt;	/* and: a row if ?1 is one of them */
	const char			*legend;	/* starts a new fieldset with this legend */
	const char			*autocomplete;	/* the autocomplete attribute, or NULL */
};

struct field_value {
	const char	*str;		/* trimmed text; "" when absent */
	const char	**items;	/* FIELD_CHOICES: the values chosen, in form order */
	size_t		 nitems;
	long long	 num;		/* a measure's value in its kept unit */
	int		 given;		/* the key was in the body at all */
	char		 error[FORM_ERROR_MAX];
};

struct form {
	const struct field_spec	*spec;
	size_t			 n;
	struct field_value	 v[FORM_FIELDS_MAX];
	const char		*items[FORM_ITEMS_MAX];
	size_t			 nitems;
	int			 nerrors;
	char			 error[FORM_ERROR_MAX];	/* about the form as a whole */
	char			 buf[FORM_INPUT_MAX + 1];
	char			 scratch[FORM_INPUT_MAX];	/* values set or rewritten (a URL given a scheme) */
	size_t			 nscratch;
};

/*
 * Reads body (urlencoded, may be NULL for an empty form) against spec[0..n), checking every
 * field. Returns the number of fields with a problem; each has its message in v[k].error.
 */
int	form_parse(struct form *, const struct field_spec *spec, size_t n, const char *body);
/*
 * Checks every field of a form filled by form_set and form_add_item (a CSV row, say) exactly
 * as form_parse checks a posted one. Returns the number of fields with a problem.
 */
int	form_check(struct form *);
/* Starts a form with the given values (k → string) rather than a body: for editing a row. */
void	form_init(struct form *, const struct field_spec *spec, size_t n);
/* Sets field k's value to a copy of s (kept in the form's buffer). Returns -1 if full. */
int	form_set(struct form *, int k, const char *s);
/* Adds value s to FIELD_CHOICES field k. Returns -1 if full. */
int	form_add_item(struct form *, int k, const char *s);
/* Marks field k (or the form as a whole, k = -1) wrong with a message; keeps the first. */
void	form_fail(struct form *, int k, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* 1 when value is among field k's chosen items (or is its value). */
int	form_has(const struct form *, int k, const char *value);
/* 1 for the measure types (counts, money, hours, dates): typed as text, kept as numbers. */
int	form_is_measure(enum field_type);

#endif
