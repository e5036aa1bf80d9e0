/*
 * sheetin.h - the first sheet of a spreadsheet file (.xlsx or .ods), row by row, handed over
 * in the shape csvin.h hands CSV rows over, so that an import checks a sheet's cells with the
 * same code and the same messages as a CSV file's.
 *
 * Debian's libraries do the reading: minizip (zlib's contrib, libminizip-dev) opens the zip
 * container, zlib inflates, expat parses the XML as it streams out; nothing here unzips or
 * parses XML by hand. What this adds is what each format means:
 *
 *   - .xlsx (Office Open XML): the workbook's first sheet (workbook.xml and its relationships,
 *     not whatever is called sheet1.xml), shared strings and inline strings, numbers, booleans
 *     (TRUE, FALSE), error values as their text (#DIV/0!), a formula's cached result, dates and
 *     times stored as serial numbers in a cell whose number format is a date (built-in formats
 *     14-22, 27-36, 45-47, 50-58, or a custom format with d, m, y, h or s in it), in the 1900
 *     date system or the 1904 one (workbookPr date1904), written as 2026-03-15 (a date-time
 *     cell gives its day) or 10:30:00 (a time alone).
 *   - .ods (OpenDocument): the first table of content.xml; office:value of numbers,
 *     percentages and currencies, office:date-value (its day), booleans, text as its
 *     paragraphs (text:s, text:tab, text:line-break kept; comments left out);
 *     number-columns-repeated and number-rows-repeated, without ever expanding the empty
 *     million rows and thousand columns LibreOffice writes after the data.
 *
 * A number is written as its shortest decimal (12, 12.5, 0.3). A row's cells run from column
 * A to its last cell with something in it; cells between are "". Rows with nothing in them are
 * skipped, as libcsv skips empty lines. The row number handed over is the sheet's own (12 for
 * cells B12, C12), so a message can name the cell a person sees.
 *
 * Refused with a message for the person who sent the file: text named .xlsx or .ods (a CSV
 * renamed), an old .xls or a password-protected workbook (both an OLE2 container), a zip that
 * is neither format (or a .docx), an encrypted or damaged archive or part, a DTD (spreadsheets
 * never have one; no entity is ever expanded), a formula with no saved result, more than
 * CSVIN_FIELDS_MAX columns with something in them, a cell or row too long, and a "zip bomb":
 *
 *   - unpacked: the parts read may unpack to at most SHEETIN_UNPACKED_FLOOR plus
 *     SHEETIN_UNPACKED_RATIO times the file's size. Real spreadsheets' XML is 5 to 30 times
 *     their zip; a bomb is a thousand times, and is stopped when the limit is crossed (the
 *     sizes the archive declares are not trusted; they are counted as they come out);
 *   - cells: at most SHEETIN_CELLS_FLOOR plus SHEETIN_CELLS_RATIO per byte of the file,
 *     counting each repetition of a repeated cell or row (.ods can say "this row, a billion
 *     times" in a few bytes);
 *   - shared strings held in memory: at most SHEETIN_STRINGS_BYTES. The strings table is the
 *     only thing whose memory grows with the file; rows stream through in constant memory.
 */
#ifndef LIAISON_SHEETIN_H
#define LIAISON_SHEETIN_H

#include <stddef.h>

#include "csvin.h"

#define SHEETIN_UNPACKED_FLOOR	(16LL << 20)
#define SHEETIN_UNPACKED_RATIO	100
#define SHEETIN_CELLS_FLOOR	200000LL
#define SHEETIN_CELLS_RATIO	20
#define SHEETIN_STRINGS_BYTES	(64u << 20)
#define SHEETIN_CELL_BYTES	32768	/* one cell's text */

enum sheetin_kind { SHEETIN_NONE, SHEETIN_XLSX, SHEETIN_ODS };

/* Called for each row, as csvin_row_fn: row is the sheet's row number. 0 to go on. */
typedef int (*sheetin_row_fn)(void *ctx, long row, char **cells, size_t ncells);

struct sheetin {
	enum sheetin_kind	 kind;		/* what the file turned out to be */
	int			 date1904;	/* .xlsx: dates counted from 1904 */
	long			 rows;		/* rows handed over */
	long long		 cells;		/* cells read, each repetition counted */
	long long		 unpacked;	/* bytes the parts read unpacked to */
	char			 error[400];	/* what is wrong, when sheetin_read returned -1 */
};

/*
 * Whether a file called name that starts with head[len] (8 bytes are enough) is to be read
 * as a spreadsheet: 1 for a zip or an OLE2 container whatever its name (sheetin_read says
 * which, or why not), 0 for text to read as CSV, -1 (why set) for text named like a
 * spreadsheet (.xlsx, .xlsm, .xls, .ods): a CSV file renamed.
 */
int	sheetin_sniff(const char *name, const void *head, size_t len, char *why, size_t size);

/*
 * Reads the first sheet of the file at path, or, when path is NULL, of buf[len], handing each
 * row to row_fn(ctx, …). Returns 0 when every row was handed over; -1 when the file is wrong
 * (error says how, in words for the person who sent it; rows before it may have been handed
 * over); or what row_fn stopped with.
 */
int	sheetin_read(struct sheetin *, const char *path, const void *buf, size_t len,
	    sheetin_row_fn row_fn, void *ctx);

/* "an .xlsx workbook", "an .ods spreadsheet": for "the first sheet of …". */
const char *sheetin_kind_name(enum sheetin_kind);

#endif
