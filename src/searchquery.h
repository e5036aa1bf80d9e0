/*
 * searchquery.h - turns whatever a visitor types into a safe FTS5 query.
 *
 * FTS5 has its own syntax (AND, OR, NOT, NEAR, *, ^, column filters, parentheses, quotes)
 * and an unbalanced quote or a lone "-" is a syntax error. A search box must never answer
 * with an error or run an operator nobody meant, so every term becomes a quoted FTS5 string
 * (operators inside quotes are plain words): words are ANDed; text in balanced double quotes
 * stays one phrase; the last bare word, when the input does not end in a space, matches as a
 * prefix ("bibli" finds "biblioteca"). Terms with no letter or digit are dropped: as FTS5
 * phrases they would hold no token and make the whole query match nothing.
 */
#ifndef LIAISON_SEARCHQUERY_H
#define LIAISON_SEARCHQUERY_H

#include <stddef.h>

#define SEARCHQUERY_TERMS_MAX	16	/* further terms are ignored: no one types more */

/*
 * Writes the FTS5 expression for input (valid UTF-8) into out. Returns the number of terms
 * (0: nothing searchable, show the empty-query page), or -1 if out was too small. An out of
 * 3 * strlen(input) + 8 bytes is always large enough.
 */
int	searchquery_build(const char *input, char *out, size_t size);

#endif
