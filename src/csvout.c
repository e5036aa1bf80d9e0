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

	memset(c, 0, sizeof *c);
	c->r = r;
	snprintf(extra, sizeof extra,
	    "Content-Disposition: attachment; filename=\"%s\"\r\n"
	    "Cache-Control: no-store\r\n", filename);
	req_head(r, 200, "text/csv; charset=utf-8", extra);
	req_write(r, "\xEF\xBB\xBF", 3);
}

void
csv_cell_n(struct csv_out *c, const char *text, size_t len)
{
	size_t need = 2 * len + 4, n;	/* every byte a quote, two outer quotes, an apostrophe */
	int neutralize = len > 0 && csv_formula_start((unsigned char)text[0]);

	if (c->col++ > 0)
		req_write(c->r, ",", 1);
	if (need > c->cap) {
		char *b = realloc(c->buf, need);
		if (b == NULL) {
			c->r->out_error = 1;	/* the export is cut short; no half-quoted cell */
			return;
		}
		c->buf = b;
		c->cap = need;
	}
	if (neutralize) {
		/* Quote into buf+1, then turn its opening quote into the apostrophe: "'=1+1". */
		n = csv_write(c->buf + 1, c->cap - 1, text, len);
		c->buf[0] = '"';
		c->buf[1] = '\'';
		req_write(c->r, c->buf, n + 1);
		return;
	}
	n = csv_write(c->buf, c->cap, text, len);
	req_write(c->r, c->buf, n);
}

void
csv_cell(struct csv_out *c, const char *text)
{
	csv_cell_n(c, text ? text : "", text ? strlen(text) : 0);
}

void
csv_cell_int(struct csv_out *c, long long v)
{
	char num[32];
	int n = snprintf(num, sizeof num, "%lld", v);

	if (c->col++ > 0)
		req_write(c->r, ",", 1);
	req_write(c->r, num, (size_t)n);
}

void
csv_row_end(struct csv_out *c)
{
	req_write(c->r, "\r\n", 2);
	c->col = 0;
}

void
csv_finish(struct csv_out *c)
{
	free(c->buf);
	c->buf = NULL;
	c->cap = 0;
}
