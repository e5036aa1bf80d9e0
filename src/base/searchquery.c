/*
 * searchquery.c - see searchquery.h. One pass over the input: split on white space outside
 * quotes, keep a quoted run whole, sort each kept term by the index that can find it, and
 * write it there as "…" with inner quotes doubled.
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

/* Decodes the (valid) UTF-8 character at *s and moves past it. */
static unsigned long
next_codepoint(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	unsigned long c = p[0];
	int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;

	if (extra)
		c &= 0x3fUL >> extra;
	for (int i = 1; i <= extra && p[i]; i++)
		c = (c << 6) | (p[i] & 0x3f);
	*s += 1 + extra;
	return c;
}

/* Scripts written without spaces between words, whose words unicode61 cannot split. */
static int
unspaced_script(unsigned long c)
{
	return (c >= 0x0e00 && c <= 0x0eff) ||	/* Thai, Lao */
	    (c >= 0x0f00 && c <= 0x0fff) ||	/* Tibetan */
	    (c >= 0x1000 && c <= 0x109f) ||	/* Myanmar */
	    (c >= 0x1100 && c <= 0x11ff) ||	/* Hangul Jamo */
	    (c >= 0x1780 && c <= 0x17ff) ||	/* Khmer */
	    (c >= 0x2e80 && c <= 0x2fdf) ||	/* CJK radicals */
	    (c >= 0x3040 && c <= 0x31ff) ||	/* Hiragana, Katakana, Bopomofo, Hangul compatibility */
	    (c >= 0x3400 && c <= 0x4dbf) ||	/* CJK extension A */
	    (c >= 0x4e00 && c <= 0x9fff) ||	/* CJK unified ideographs */
	    (c >= 0xac00 && c <= 0xd7af) ||	/* Hangul syllables */
	    (c >= 0xf900 && c <= 0xfaff) ||	/* CJK compatibility ideographs */
	    (c >= 0xff66 && c <= 0xff9f) ||	/* half-width Katakana */
	    (c >= 0x20000 && c <= 0x3134f);	/* CJK extensions B to G */
}

/* Appends s[0..n) to expr as one quoted FTS5 string, then " *" when prefix. */
static void
put_term(char *expr, const char *s, size_t n, int prefix)
{
	size_t o = strlen(expr);

	if (o > 0)
		expr[o++] = ' ';
	expr[o++] = '"';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			expr[o++] = '"';	/* FTS5 escapes a quote inside a string by doubling it */
		expr[o++] = s[i];
	}
	expr[o++] = '"';
	if (prefix) {
		expr[o++] = ' ';
		expr[o++] = '*';
	}
	expr[o] = '\0';
}

/* Files the term s[0..n) under the index that can find it. */
static void
add_term(struct search_query *q, const char *s, size_t n, int prefix)
{
	const char *p = s;
	size_t chars = 0;
	int unspaced = 0;

	while (p < s + n) {
		unspaced |= unspaced_script(next_codepoint(&p));
		chars++;
	}
	if (!unspaced) {
		put_term(q->words, s, n, prefix);
	} else if (chars >= 3) {
		put_term(q->substrings, s, n, 0);	/* a substring query is a prefix already */
	} else if (q->nshort < SEARCHQUERY_SHORT_MAX) {
		memcpy(q->shorts[q->nshort], s, n);	/* two characters of four bytes at most */
		q->shorts[q->nshort][n] = '\0';
		q->nshort++;
	} else {
		return;
	}
	q->terms++;
}

int
searchquery_parse(const char *input, struct search_query *q)
{
	const char *s = input;

	memset(q, 0, sizeof *q);
	if (strlen(input) > SEARCHQUERY_INPUT_MAX)
		return -1;
	while (*s && q->terms < SEARCHQUERY_TERMS_MAX) {
		const char *start, *end;
		int phrase = 0, keep = 0;

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
			/* A word; a stray quote inside it is just a character (escaped above). */
			start = s;
			while (*s && !space((unsigned char)*s))
				s++;
			end = s;
		}
		for (const char *p = start; p < end; p++)
			keep |= searchable((unsigned char)*p);
		/* Prefix only for a bare last word the visitor may still be typing. */
		if (keep)
			add_term(q, start, (size_t)(end - start), !phrase && *s == '\0');
	}
	return q->terms;
}
