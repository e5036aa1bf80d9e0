/*
 * csvin.h - reading CSV files people make in spreadsheets, row by row, in constant memory.
 *
 * libcsv parses (strict: a stray quote is an error, not a silently merged row); this adds
 * what a person needs to fix their file: the line each row starts on, a UTF-8 BOM dropped,
 * CRLF or LF, and one clear message for a file that is not UTF-8 (a Latin-1 or UTF-16
 * spreadsheet export), a stray quote, a quote left open at the end, or a row too long. The
 * input is fed in chunks of any size, so a file of any length reads in the same memory.
 *
 * The delimiter is found from the first line: a comma, or the semicolon a spreadsheet set to a
 * language with a decimal comma writes, or a tab ("Text (tab delimited)"), whichever the first
 * line holds most of outside quotes (a comma when none). The caller may read which in delim.
 */
#ifndef LIAISON_CSVIN_H
#define LIAISON_CSVIN_H

#include <stddef.h>

#include <csv.h>

#define CSVIN_FIELDS_MAX	64
#define CSVIN_ROW_BYTES		65536	/* one row's cells together */
#define CSVIN_FIRST_BYTES	8192	/* of the first line, looked at for the delimiter */

/*
 * Called for each row with its cells (NUL-terminated, valid UTF-8) and the line it starts
 * on. Returns 0 to go on, anything else to stop (csvin_feed then returns it).
 */
typedef int (*csvin_row_fn)(void *ctx, long line, char **cells, size_t ncells);

struct csvin {
	struct csv_parser	 parser;
	csvin_row_fn		 row_fn;
	void			*ctx;
	long			 line;		/* the line being fed, from 1 */
	long			 row_line;	/* the line the current row starts on */
	long			 rows;		/* rows handed to row_fn */
	int			 started;	/* the first bytes were looked at (for a BOM) */
	int			 decided;	/* the delimiter was chosen */
	char			 delim;		/* ',', ';' or '\t' once decided */
	char			 head[3];	/* the first bytes, until there are enough to tell */
	size_t			 nhead;
	int			 stop;		/* what row_fn or an error stopped with */
	char			 error[300];	/* what is wrong with the file, when stop is -1 */
	char			*cells[CSVIN_FIELDS_MAX];
	size_t			 ncells;
	size_t			 used;
	size_t			 nfirst;
	char			 first[CSVIN_FIRST_BYTES];	/* the first line, until decided */
	char			 row[CSVIN_ROW_BYTES];
};

/* Starts reading; row_fn(ctx, …) gets each row. Returns 0, or -1 if libcsv cannot start. */
int	csvin_init(struct csvin *, csvin_row_fn, void *ctx);
/*
 * Feeds the next len bytes. Returns 0 to go on; -1 when the file is wrong (error says how
 * and where, in words for the person who made it); or what row_fn stopped with.
 */
int	csvin_feed(struct csvin *, const char *buf, size_t len);
/* Ends the input (a last row without a line end is handed over now). Same returns. */
int	csvin_finish(struct csvin *);
void	csvin_free(struct csvin *);
/* The delimiter's name for a person: "commas", "semicolons", "tabs". */
const char *csvin_delim_name(char delim);

#endif
