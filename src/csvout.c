/*
 * csvout.c - the shared CSV writer over libcsv.
 *
 * libcsv's csv_write quotes every field (which RFC 4180 allows and every spreadsheet reads);
 * we write the commas and CRLFs ourselves, as it leaves them to the caller. libcsv does
 * nothing about formula injection: a cell starting with = + - @ tab or CR would be run by
 * Excel or LibreOffice, so such cells get a leading apostrophe, the convention OWASP gives
 * and spreadsheets hide. Numbers we write ourselves are never neutralized: -5 stays a number.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "http.h"

int
csv_formula_start(int c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

void
csv_start(struct csv_out *c, struct req *r, const char *filename)
{
	char extra[256];

	snprintf(extra, sizeof extra,
	    "Content-Disposition: attachment; filename=\"%s\"\r\n"
	    "Cache-Control: no-store\r\n", filename);
	req_head(r, 200, "text/csv; charset=utf-8", extra);
	csv_start_body(c, r);
}

void
csv_start_body(struct csv_out *c, struct req *r)
{
	memset(c, 0, sizeof *c);
	c->r = r;
	req_write(r, "\xEF\xBB\xBF", 3);
}

/* Makes room for need more bytes in the row; 0, or -1 (the export is cut short, never garbled). */
static int
room(struct csv_out *c, size_t need)
{
	size_t cap;
	char *b;

	if (c->len + need <= c->cap)
		return 0;
	cap = c->cap ? c->cap : 256;
	while (cap < c->len + need)
		cap *= 2;
	if ((b = realloc(c->line, cap)) == NULL) {
		c->r->out_error = 1;
		return -1;
	}
	c->line = b;
	c->cap = cap;
	return 0;
}

void
csv_cell_n(struct csv_out *c, const char *text, size_t len)
{
	/* a comma, two outer quotes, every byte a quote, an apostrophe */
	int neutralize = len > 0 && csv_formula_start((unsigned char)text[0]);

	if (room(c, 2 * len + 4) < 0)
		return;
	if (c->col++ > 0)
		c->line[c->len++] = ',';
	if (neutralize) {
		/* Quote one byte further on, then turn the opening quote into "'": "'=1+1". */
		size_t n = csv_write(c->line + c->len + 1, c->cap - c->len - 1, text, len);
		c->line[c->len] = '"';
		c->line[c->len + 1] = '\'';
		c->len += n + 1;
		return;
	}
	c->len += csv_write(c->line + c->len, c->cap - c->len, text, len);
}

void
csv_cell(struct csv_out *c, const char *text)
{
	csv_cell_n(c, text ? text : "", text ? strlen(text) : 0);
}

void
csv_cell_null(struct csv_out *c)
{
	if (room(c, 1) == 0 && c->col++ > 0)
		c->line[c->len++] = ',';
}

void
csv_cell_int(struct csv_out *c, long long v)
{
	char digits[24];
	int n = 0;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	if (room(c, sizeof digits + 2) < 0)
		return;
	if (c->col++ > 0)
		c->line[c->len++] = ',';
	do
		digits[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		c->line[c->len++] = '-';
	while (n > 0)
		c->line[c->len++] = digits[--n];
}

void
csv_row_end(struct csv_out *c)
{
	if (room(c, 2) == 0) {
		c->line[c->len++] = '\r';
		c->line[c->len++] = '\n';
		req_write(c->r, c->line, c->len);
	}
	c->len = 0;
	c->col = 0;
}

void
csv_finish(struct csv_out *c)
{
	free(c->line);
	c->line = NULL;
	c->len = c->cap = 0;
}
