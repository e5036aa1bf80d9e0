/*
 * sheetpriv.h - what the two halves of the spreadsheet reader share (sheetin.h says what it
 * does): sheetin.c opens the archive, streams its parts through expat and builds the rows;
 * sheetcells.c knows what the elements of each format mean.
 */
#ifndef LIAISON_SHEETPRIV_H
#define LIAISON_SHEETPRIV_H

#include <expat.h>

#include <minizip/unzip.h>

#include "sheetin.h"

#define NS_OFFICE	"urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE	"urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT		"urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_CALCEXT	"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
#define XF_MAX		65536	/* cell formats kept (.xlsx styles) */
#define FMT_MAX		1024	/* custom number formats kept */
#define COLS		CSVIN_FIELDS_MAX

enum fmt { FMT_NUMBER, FMT_DATE, FMT_TIME };

struct mem { const char *buf; size_t len, pos; };

/*
 * Elements open at once: a sheet nests five or six deep. Expat keeps each open element's name
 * and attributes, so a few megabytes of "<a><a><a>…" unpacked would cost gigabytes: refused.
 */
#define SHEET_DEPTH_MAX	256

struct reader {
	struct sheetin	*out;
	sheetin_row_fn	 row_fn;
	void		*ctx;
	unzFile		 zf;
	XML_Parser	 xp;
	const char	*part;		/* the part being parsed, for messages */
	long long	 unpacked_max, cells_max;
	int		 stop;		/* row_fn's or -1 (out->error) */
	int		 plain_names;	/* .xlsx: names as written (x:c or c), no namespace work */
	int		 done;		/* the sheet's end was reached: stop parsing, no error */
	/* The part's own handlers, behind sheet_parse's depth count. */
	XML_StartElementHandler	 on_start;
	XML_EndElementHandler	 on_end;
	int		 depth;		/* elements open now: capped at SHEET_DEPTH_MAX */
	/* .xlsx: the workbook */
	char		 sheet_rid[64], sheet_part[256], strings_part[256], styles_part[256];
	char		*sst;		/* the shared strings, each NUL-terminated */
	size_t		 sst_len, sst_size, nsst, sst_max;
	size_t		*sst_at;
	unsigned char	 xf[XF_MAX];	/* enum fmt of each cell format */
	size_t		 nxf;
	unsigned	 fmt_id[FMT_MAX];
	unsigned char	 fmt_kind[FMT_MAX];
	size_t		 nfmt;
	int		 in_xfs, in_rph, in_is, in_data;
	/* the cell being read */
	int		 collect, in_cell, in_p, npara, in_annot, has_v, has_f, has_text;
	long		 col;		/* its column, from 0 */
	char		 type[16];	/* .xlsx t, or .ods office:value-type */
	char		 attr_value[64], attr_date[40], attr_bool[8];
	int		 style, error_cell, depth_table, tables;
	long		 cell_repeat, row_repeat;
	char		 text[SHEETIN_CELL_BYTES];
	size_t		 ntext;
	/* the row being built */
	long		 row;		/* its number in the sheet */
	long		 ncols;		/* columns up to its last non-empty cell */
	int		 at[COLS];	/* where each cell is in rowbuf, -1 for none */
	char		 rowbuf[CSVIN_ROW_BYTES], work[CSVIN_ROW_BYTES];
	size_t		 used;
	char		 buf[65536];
};

extern const char sheet_damaged[];	/* "Open it in a spreadsheet, save it again, …" */

/* Records what is wrong (the first time) and stops the parser. */
void	sheet_fail(struct reader *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The local part of an expat name "uri|local". */
const char *sheet_local(const char *name);
/* The value of attribute ns|name (ns NULL: any namespace, or none), or NULL. */
const char *sheet_attr(const char **atts, const char *ns, const char *name);
/* "A", "Z", "AA": a column's letters (c from 0). */
const char *sheet_letters(long c, char buf[8]);
/* The row being built: begun, a cell put in (repeat times), handed over (repeat times). */
void	sheet_row_begin(struct reader *, long number);
void	sheet_put(struct reader *, long col, long repeat, const char *value);
void	sheet_row_end(struct reader *, long repeat);
/*
 * Streams the part called name through expat with the given handlers. 0 when read (or, not
 * required, absent), -1 when it stopped (r->stop, or r->done at the sheet's end).
 */
int	sheet_parse(struct reader *, const char *name, int required, XML_StartElementHandler,
	    XML_EndElementHandler, XML_CharacterDataHandler);
/* A small part's text, cut at size - 1: 0, or -1 when it is absent. */
int	sheet_slurp(struct reader *, const char *name, char *dst, size_t size);
/* The first sheet of the workbook, or the first table of the spreadsheet. */
void	sheet_read_xlsx(struct reader *);
void	sheet_read_ods(struct reader *);

#endif
