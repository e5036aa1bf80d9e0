/*
 * fuzz_sheetin.c - libFuzzer target for the spreadsheet reader (src/base/sheetin.c,
 * sheetcells.c) over minizip, zlib and expat: the bytes are an upload, read from memory as the
 * /import page reads one.
 *
 * Whatever the bytes, reading must not crash or leak; every cell handed over must be valid
 * UTF-8 without NUL; rows must come in the sheet's order, with at most CSVIN_FIELDS_MAX cells,
 * the last of them not empty; the cells counted must stay within the file's cap; and a refusal
 * must say why. The seeds (tests/fuzz/corpus/sheetin) are small .xlsx and .ods files whose
 * parts are stored, not deflated, so that mutations reach the XML.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "params.h"
#include "sheetin.h"

static long last;

static int
on_row(void *ctx, long row, char **cells, size_t n)
{
	assert(row > last);
	last = row;
	assert(n >= 1 && n <= CSVIN_FIELDS_MAX);
	assert(cells[n - 1][0] != '\0');
	for (size_t i = 0; i < n; i++)
		assert(utf8_valid(cells[i], strlen(cells[i])));
	cells[0][0] = 'x';	/* the import may write in its cells (strtok): the reader must not mind */
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sheetin in;
	int rc;

	last = 0;
	rc = sheetin_read(&in, NULL, data, size, on_row, NULL);
	assert(rc == 0 || rc == -1);
	assert(rc == 0 || in.error[0] != '\0');
	assert(in.cells <= SHEETIN_CELLS_FLOOR + SHEETIN_CELLS_RATIO * (long long)size);
	return 0;
}
