/*
 * csvout.h - CSV for spreadsheets, streamed a row at a time to a sink (sink.h): the client,
 * or a file for liaison-admin export.
 *
 * Every export (directory, search, reports) goes through here so they all get the same
 * guarantees: a UTF-8 byte-order mark (Excel shows accents), RFC 4180 quoting by libcsv,
 * CRLF line ends, and cells that a spreadsheet would run as a formula neutralized.
 */
#ifndef LIAISON_CSVOUT_H
#define LIAISON_CSVOUT_H

#include <stddef.h>

struct sink;

/*
 * A row is built in line and written with one call when it ends: a million-row export makes a
 * million writes, not thirty million. line grows to the longest row and no further.
 */
struct csv_out {
	struct sink	*out;		/* failed once a row could not be written */
	int		 col;		/* cells in the current row */
	char		*line;		/* the row so far, freed by csv_finish */
	size_t		 len, cap;
};

/* Starts a file on out with the byte-order mark (the headers, for a download, are the page's). */
void	csv_begin(struct csv_out *, struct sink *out);
void	csv_cell(struct csv_out *, const char *text);
void	csv_cell_n(struct csv_out *, const char *text, size_t len);
void	csv_cell_int(struct csv_out *, long long value);
/* A cell with nothing in it, not even quotes: how a database NULL differs from "". */
void	csv_cell_null(struct csv_out *);
void	csv_row_end(struct csv_out *);
void	csv_finish(struct csv_out *);

/*
 * 1 when a spreadsheet might run a cell holding text (len bytes of UTF-8) as a formula, so it
 * gets a leading apostrophe: it starts with a tab or a carriage return, or, after any spaces
 * and invisible characters (space, tab, CR, LF, U+00A0, U+2000-U+200D, U+202F, U+205F, U+2060,
 * U+3000, U+FEFF), with = + - @ or a look-alike a spreadsheet may take for one (the full-width
 * U+FF1D U+FF0B U+FF0D U+FF20, the small U+FE62 U+FE63 U+FE66, the minus sign U+2212).
 */
int	csv_formula_like(const char *text, size_t len);

#endif
