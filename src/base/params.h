/*
 * params.h - declarative parameter tables and the one validator that reads them.
 *
 * Each program declares its keys as an enum ending in __MAX and a matching const table of
 * struct param_spec (name, type, bounds, allowed values). params_parse() decodes a query
 * string or urlencoded body against that table, so the checks and the error messages both
 * come from the table; handlers only ever read values that passed.
 */
#ifndef LIAISON_PARAMS_H
#define LIAISON_PARAMS_H

#include <stddef.h>

#define PARAMS_MAX		32
#define PARAMS_INPUT_MAX	32768	/* bytes of query string or body we accept at all */
#define PARAMS_ERROR_MAX	320

enum param_type {
	PARAM_INT,	/* a whole number within [min, max] */
	PARAM_ENUM,	/* one of choices[].value */
	PARAM_LOOKUP,	/* a code that lookup() finds in the database, at most max bytes */
	PARAM_TEXT,	/* free text, valid UTF-8, at most max bytes */
};

struct param_choice {
	const char	*value;
	const char	*label;
};

struct param_spec {
	const char			*name;
	enum param_type			 type;
	long				 min, max;
	const struct param_choice	*choices;	/* PARAM_ENUM, ends with {NULL, NULL} */
	int				(*lookup)(const char *); /* PARAM_LOOKUP: 1 if known */
	const char			*allowed;	/* PARAM_LOOKUP: what is allowed, in words */
};

struct param_value {
	int		 present;	/* given and not empty */
	const char	*str;		/* decoded, NUL-terminated; "" when absent */
	long		 num;		/* PARAM_INT only */
};

struct params {
	const struct param_spec	*spec;
	size_t			 n;
	struct param_value	 v[PARAMS_MAX];
	char			 error[PARAMS_ERROR_MAX];	/* first problem, in words */
	int			 error_key;	/* its key, or -1 for the input as a whole */
	char			 buf[PARAMS_INPUT_MAX + 1];
};

/*
 * Decodes input (may be NULL) against spec[0..n). Returns 0 when every given parameter is
 * valid; otherwise -1 with p->error naming the parameter, what was wrong and what is allowed.
 * Empty values count as absent, so a GET form's "any" choice needs no special case.
 * Parameters not in the table are ignored: links from other sites may carry tracking tags.
 */
int	params_parse(struct params *p, const struct param_spec *spec, size_t n, const char *input);

/*
 * Writes base, then "?" and the present parameters as name=value pairs, URL-encoded, leaving
 * out keys whose bit is set in skip and appending extra_key=extra_val when extra_key is not
 * NULL. This keeps the whole view in the URL: pagination, sort and "remove this filter"
 * links all come from here. Returns 0, or -1 if buf was too small.
 */
int	params_href(const struct params *p, const char *base, unsigned long skip,
	    const char *extra_key, const char *extra_val, char *buf, size_t size);

/*
 * The id at *s in a path ("12/edit" of "/partnerships/12/edit"), moving *s past its digits: a
 * whole number of at most PARAMS_PATH_ID_DIGITS digits, the first not 0, so that each id has
 * one address and none overflows. Returns it, or 0 with *s unmoved when there is none. What
 * follows it (the end, or "/" and more) is for the caller's routes to check.
 */
#define PARAMS_PATH_ID_DIGITS	15
long long params_path_id(const char **s);

/* The value of hex digit c (either case), or -1. */
int	hex_digit(int c);

/* Decodes s[0..len) in place ('+' is a space); returns the new length, or -1 on a bad escape. */
long	url_decode(char *s, size_t len);

/* 1 when s[0..len) is well-formed UTF-8 with no NUL (shortest forms only, no surrogates). */
int	utf8_valid(const char *s, size_t len);

#endif
