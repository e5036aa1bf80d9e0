/*
 * searchquery.c - see searchquery.h. One pass over the input: split on white space outside
 * quotes, keep a quoted run whole, write each kept term as "…" with inner quotes doubled.
 */
#include <string.h>

#include "searchquery.h"

/* Bytes of a UTF-8 character above ASCII may be letters of any script: keep them. */
static int
searchable(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c >= 0x80;
}

static int
space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Appends s[0..n) as one quoted FTS5 string, then " *" when prefix. */
static int
put_term(char *out, size_t size, size_t *len, const char *s, size_t n, int prefix, int first)
{
	size_t need = (first ? 0 : 1) + 2 + n * 2 + (prefix ? 2 : 0) + 1;
	size_t o = *len;

	if (o + need > size)
		return -1;
	if (!first)
		out[o++] = ' ';
	out[o++] = '"';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			out[o++] = '"';	/* FTS5 escapes a quote inside a string by doubling it */
		out[o++] = s[i];
	}
	out[o++] = '"';
	if (prefix) {
		out[o++] = ' ';
		out[o++] = '*';
	}
	out[o] = '\0';
	*len = o;
	return 0;
}

int
searchquery_build(const char *input, char *out, size_t size)
{
	const char *s = input;
	size_t len = 0;
	int terms = 0;

	if (size == 0)
		return -1;
	out[0] = '\0';
	while (*s && terms < SEARCHQUERY_TERMS_MAX) {
		const char *start, *end;
		int phrase = 0, keep = 0, prefix;

		while (space((unsigned char)*s))
			s++;
		if (*s == '\0')
			break;
		if (*s == '"' && strchr(s + 1, '"')) {
			/* A balanced quote: everything up to the closing one is a phrase. */
			start = s + 1;
			end = strchr(start, '"');
			s = end + 1;
			phrase = 1;
		} else {
			/* A word; a stray quote inside it is just a character (escaped below). */
			start = s;
			while (*s && !space((unsigned char)*s))
				s++;
			end = s;
		}
		for (const char *p = start; p < end; p++)
			keep |= searchable((unsigned char)*p);
		if (!keep)
			continue;
		/* Prefix only for a bare last word the visitor may still be typing. */
		prefix = !phrase && *s == '\0';
		if (put_term(out, size, &len, start, (size_t)(end - start), prefix, terms == 0) < 0)
			return -1;
		terms++;
	}
	return terms;
}
