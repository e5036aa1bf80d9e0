/*
 * searchquery.h - turns whatever a visitor types into safe FTS5 queries.
 *
 * FTS5 has its own syntax (AND, OR, NOT, NEAR, *, ^, column filters, parentheses, quotes)
 * and an unbalanced quote or a lone "-" is a syntax error. A search box must never answer
 * with an error or run an operator nobody meant, so every term becomes a quoted FTS5 string
 * (operators inside quotes are plain words): terms are ANDed; text in balanced double quotes
 * stays one phrase; the last bare word, when the input does not end in a space, matches as a
 * prefix ("bibli" finds "biblioteca"). Terms with no letter or digit are dropped: as FTS5
 * phrases they would hold no token and make the whole query match nothing.
 *
 * Terms are sorted by the index that can find them (see schema/004_search.sql). A term with a
 * character of a script written without spaces between words (Chinese, Japanese, Korean,
 * Thai, Lao, Khmer, Myanmar, Tibetan) is a substring to find anywhere in a name: three
 * characters or more through the trigram index, one or two (上海) by scanning names, since a
 * trigram index holds nothing shorter. Every other term is a word for the unicode61 index.
 */
#ifndef LIAISON_SEARCHQUERY_H
#define LIAISON_SEARCHQUERY_H

#include <stddef.h>

#define SEARCHQUERY_INPUT_MAX	256	/* bytes of query the search accepts */
#define SEARCHQUERY_TERMS_MAX	16	/* further terms are ignored: no one types more */
#define SEARCHQUERY_SHORT_MAX	2	/* further one- or two-character substrings are ignored */
/* Quoting at most doubles a term, plus quotes, spaces and " *": always enough. */
#define SEARCHQUERY_EXPR_MAX	(3 * SEARCHQUERY_INPUT_MAX + 8)

struct search_query {
	int	terms;				/* kept; 0 means nothing searchable */
	char	words[SEARCHQUERY_EXPR_MAX];	/* for org_fts MATCH, "" if none */
	char	substrings[SEARCHQUERY_EXPR_MAX]; /* for org_tri MATCH, "" if none */
	int	nshort;
	char	shorts[SEARCHQUERY_SHORT_MAX][16]; /* raw text, for instr() on the names */
};

/*
 * Fills q from input (valid UTF-8 of at most SEARCHQUERY_INPUT_MAX bytes). Returns q->terms,
 * or -1 when input is longer than that.
 */
int	searchquery_parse(const char *input, struct search_query *q);

#endif
