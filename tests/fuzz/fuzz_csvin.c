/*
 * fuzz_csvin.c - libFuzzer target for the CSV reader (src/csvin.c) that every import goes
 * through, on top of libcsv.
 *
 * Whatever the bytes, reading must not crash, every cell handed over must be valid UTF-8
 * without NUL, lines must never go backwards, and the result must not depend on how the
 * input is cut into pieces: the first byte picks a cut, and reading whole and reading in two
 * pieces must give the same rows and the same verdict. The delimiter, found from the first
 * line, must be a comma, semicolon or tab and the same however the input is cut.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "csvin.h"
#include "params.h"

struct digest {
	uint64_t	hash;
	long		rows, last_line;
};

static int
on_row(void *ctx, long line, char **cells, size_t n)
{
	struct digest *d = ctx;

	assert(line >= 1 && line >= d->last_line);
	d->last_line = line;
	d->rows++;
	d->hash = d->hash * 1099511628211u + (uint64_t)line;
	for (size_t i = 0; i < n; i++) {
		assert(utf8_valid(cells[i], strlen(cells[i])));
		for (const char *c = cells[i]; *c; c++)
			d->hash = (d->hash ^ (uint8_t)*c) * 1099511628211u;
		d->hash = d->hash * 31 + 1;
	}
	return 0;
}

static struct csvin in;

static char delim;

static int
read_in_pieces(const uint8_t *data, size_t size, size_t cut, struct digest *d, char *error)
{
	int rc;

	memset(d, 0, sizeof *d);
	assert(csvin_init(&in, on_row, d) == 0);
	rc = csvin_feed(&in, (const char *)data, cut);
	if (rc == 0)
		rc = csvin_feed(&in, (const char *)data + cut, size - cut);
	if (rc == 0)
		rc = csvin_finish(&in);
	strcpy(error, in.error);
	delim = in.delim;
	assert(delim == ',' || delim == ';' || delim == '\t');
	csvin_free(&in);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct digest whole, cut;
	static char e1[sizeof in.error], e2[sizeof in.error];
	int r1, r2;

	if (size < 1)
		return 0;
	char d1;

	r1 = read_in_pieces(data + 1, size - 1, size - 1, &whole, e1);
	d1 = delim;
	r2 = read_in_pieces(data + 1, size - 1, data[0] % size, &cut, e2);
	assert(d1 == delim);
	assert(r1 == r2 && whole.rows == cut.rows && whole.hash == cut.hash);
	assert(strcmp(e1, e2) == 0);
	return 0;
}
