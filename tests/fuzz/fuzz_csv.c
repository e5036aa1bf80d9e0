/*
 * fuzz_csv.c - libFuzzer target for the CSV writer: whatever text a cell holds, libcsv's
 * strict parser reads back exactly that text, with an apostrophe in front when it began like
 * a formula. The writer's output is captured by stand-ins for the two request functions it uses.
 */
#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "http.h"

static char out[1 << 20];
static size_t outlen;

void
req_write(struct req *r, const char *s, size_t n)
{
	(void)r;
	if (outlen + n > sizeof out)
		abort();
	memcpy(out + outlen, s, n);
	outlen += n;
}

void
req_head(struct req *r, int status, const char *type, const char *extra)
{
	(void)r; (void)status; (void)type; (void)extra;
}

struct readback {
	int	 fields, rows;
	char	*cell[2];
	size_t	 len[2];
};

static void
on_field(void *s, size_t len, void *data)
{
	struct readback *rb = data;

	if (rb->fields < 2) {
		rb->cell[rb->fields] = malloc(len + 1);
		memcpy(rb->cell[rb->fields], s, len);
		rb->cell[rb->fields][len] = '\0';
		rb->len[rb->fields] = len;
	}
	rb->fields++;
}

static void
on_row(int c, void *data)
{
	(void)c;
	((struct readback *)data)->rows++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req r;
	struct csv_out csv;
	struct csv_parser parser;
	struct readback rb = { 0 };
	const char *text = (const char *)data;
	int neutral = size > 0 && csv_formula_start(data[0]);

	if (size > 100000)
		return 0;
	memset(&r, 0, sizeof r);
	outlen = 0;
	csv_start(&csv, &r, "x.csv");
	csv_cell_n(&csv, text, size);
	csv_cell_int(&csv, -42);
	csv_row_end(&csv);
	csv_finish(&csv);

	if (outlen < 3 || memcmp(out, "\xEF\xBB\xBF", 3) != 0)
		abort();
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		abort();
	/* libcsv trims unquoted spaces by default; our cells are quoted, but be explicit. */
	if (csv_parse(&parser, out + 3, outlen - 3, on_field, on_row, &rb) != outlen - 3)
		abort();
	if (csv_fini(&parser, on_field, on_row, &rb) != 0)
		abort();
	csv_free(&parser);
	if (rb.rows != 1 || rb.fields != 2)
		abort();
	if (rb.len[0] != size + (size_t)neutral || (neutral && rb.cell[0][0] != '\'') ||
	    memcmp(rb.cell[0] + neutral, text, size) != 0)
		abort();
	if (strcmp(rb.cell[1], "-42") != 0)
		abort();
	free(rb.cell[0]);
	free(rb.cell[1]);
	return 0;
}
