/*
 * fuzz_csv.c - libFuzzer target for the CSV writer: whatever text a cell holds, libcsv's
 * strict parser reads back exactly that text, with an apostrophe in front exactly when it began
 * like a formula, as decided here by a second, byte-wise reading of the rule (csvout.h): past
 * any leading spaces and invisible characters, a sign or a look-alike of one. The writer's
 * output is caught by a sink (sink.h) writing to a buffer.
 */
#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "sink.h"

static char out[1 << 20];
static size_t outlen;

/* The writer's output, caught by a sink of our own. */
static int
into_buffer(void *arg, const char *s, size_t n)
{
	(void)arg;
	if (outlen + n > sizeof out)
		abort();
	memcpy(out + outlen, s, n);
	outlen += n;
	return 0;
}

/* The rule of csvout.h written another way: UTF-8 byte strings matched as prefixes. */
static const char *const blanks[] = {
	" ", "\t", "\r", "\n", "\xC2\xA0", "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82",
	"\xE2\x80\x83", "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86", "\xE2\x80\x87",
	"\xE2\x80\x88", "\xE2\x80\x89", "\xE2\x80\x8A", "\xE2\x80\x8B", "\xE2\x80\x8C",
	"\xE2\x80\x8D", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE2\x81\xA0", "\xE3\x80\x80",
	"\xEF\xBB\xBF",
};
static const char *const signs[] = {
	"=", "+", "-", "@", "\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0",
	"\xEF\xB9\xA2", "\xEF\xB9\xA3", "\xEF\xB9\xA6", "\xE2\x88\x92",
};

/* The length of the entry of list (n entries) that s (len bytes) starts with, or 0. */
static size_t
starts_with(const uint8_t *s, size_t len, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(list[i]);
		if (k <= len && memcmp(s, list[i], k) == 0)
			return k;
	}
	return 0;
}

static int
formula_like(const uint8_t *s, size_t len)
{
	size_t k;

	if (len > 0 && (s[0] == '\t' || s[0] == '\r'))
		return 1;
	while ((k = starts_with(s, len, blanks, sizeof blanks / sizeof blanks[0])) > 0)
		s += k, len -= k;
	return starts_with(s, len, signs, sizeof signs / sizeof signs[0]) > 0;
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
	struct sink sink = { into_buffer, NULL, 0 };
	struct csv_out csv;
	struct csv_parser parser;
	struct readback rb = { 0 };
	const char *text = (const char *)data;
	int neutral = formula_like(data, size);

	if (size > 100000)
		return 0;
	outlen = 0;
	csv_begin(&csv, &sink);
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
