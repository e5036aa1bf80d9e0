/*
 * importsheet.c - an import from the first sheet of an .xlsx or .ods file (import.h): the
 * sheet reader (sheetin.h) hands its rows to import_row, the code every CSV line goes
 * through, so a sheet is checked with exactly the same rules and messages; a problem names
 * the cell (B12) instead of the line and column.
 *
 * The file's hash, which tells the same file sent twice, is of its bytes as sent, as for CSV.
 */
#include <stdio.h>
#include <string.h>

#include "import.h"
#include "sheetin.h"

/*
 * A sheet leaves out the empty cells at the end of a row, which a CSV line writes as ",,":
 * such a row is filled out to the header's width before it is checked.
 */
static int
sheet_row(void *ctx, long row, char **cells, size_t n)
{
	static char *full[CSVIN_FIELDS_MAX];
	static char empty[CSVIN_FIELDS_MAX][1];
	struct import *im = ctx;

	if (im->header_done && n < im->ncolumns) {
		for (size_t c = 0; c < im->ncolumns; c++) {
			empty[c][0] = '\0';
			full[c] = c < n ? cells[c] : empty[c];
		}
		cells = full;
		n = im->ncolumns;
	}
	return import_row(im, row, cells, n);
}

int
import_is_sheet(struct import *im, const char *name, const void *head, size_t len)
{
	return sheetin_sniff(name ? name : "", head, len, im->fatal, sizeof im->fatal);
}

/* The file's bytes into the import's hash. */
static int
hash_file(struct import *im, const char *path)
{
	static char buf[65536];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sha256_update(&im->hash, n, (const uint8_t *)buf);
	n = (size_t)ferror(f);
	fclose(f);
	return n ? -1 : 0;
}

int
import_sheet(struct import *im, const char *path, const void *buf, size_t len)
{
	static struct sheetin in;

	if (im->fatal[0])
		return -1;
	if (path == NULL && buf == NULL) {	/* liaison-admin import … - */
		snprintf(im->fatal, sizeof im->fatal, "A spreadsheet (.xlsx, .ods) cannot be read from "
		    "standard input: give its file name.");
		return -1;
	}
	im->sheet = SHEETIN_XLSX;	/* until the reader says which */
	if (path && hash_file(im, path) < 0) {
		snprintf(im->fatal, sizeof im->fatal, "The file could not be read to the end.");
		return -1;
	}
	if (path == NULL)
		sha256_update(&im->hash, len, buf);
	if (sheetin_read(&in, path, buf, len, sheet_row, im) != 0 || in.error[0]) {
		if (in.kind != SHEETIN_NONE)
			im->sheet = in.kind;
		if (im->fatal[0] == '\0')
			snprintf(im->fatal, sizeof im->fatal, "%s", in.error);
		return -1;
	}
	im->sheet = in.kind;
	return 0;
}
