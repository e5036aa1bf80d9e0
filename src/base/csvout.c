/*
 * csvout.c - the shared CSV writer over libcsv.
 *
 * libcsv's csv_write quotes every field (which RFC 4180 allows and every spreadsheet reads);
 * we write the commas and CRLFs ourselves, as it leaves them to the caller. libcsv does
 * nothing about formula injection: a cell starting with = + - @ tab or CR would be run by
 * Excel or LibreOffice, so such cells get a leading apostrophe, the convention OWASP gives
 * and spreadsheets hide. Spreadsheets also trim leading spaces of many kinds and may read the
 * full-width and small forms of those signs as the signs themselves, so the check looks past
 * the first byte (csv_formula_like). Numbers we write ourselves are never neutralized: -5
 * stays a number.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "sink.h"

/* The code point that starts s (n > 0 bytes), its length in *len; -1 if not valid UTF-8. */
static long
utf8_at(const unsigned char *s, size_t n, size_t *len)
{
	long cp;
	size_t k;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		k = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		k = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		k = 4, cp = s[0] & 0x07;
	else
		return -1;
	if (n < k)
		return -1;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	/* overlong forms and surrogates are not characters */
	if ((k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*len = k;
	return cp;
}

/* Spaces and invisible characters a spreadsheet may skip before reading a formula. */
static int
blank(long cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0 ||
	    (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F || cp == 0x205F || cp == 0x2060 ||
	    cp == 0x3000 || cp == 0xFEFF;
}

/* = + - @, and the forms of them a spreadsheet may take for them. */
static int
formula_sign(long cp)
{
	return cp == '=' || cp == '+' || cp == '-' || cp == '@' || cp == 0xFF1D || cp == 0xFF0B ||
	    cp == 0xFF0D || cp == 0xFF20 || cp == 0xFE62 || cp == 0xFE63 || cp == 0xFE66 ||
	    cp == 0x2212;
}

int
csv_formula_like(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, n;
	long cp;

	if (len > 0 && (s[0] == '\t' || s[0] == '\r'))
		return 1;
	while (i < len && (cp = utf8_at(s + i, len - i, &n)) >= 0) {
		if (!blank(cp))
			return formula_sign(cp);
		i += n;
	}
	return 0;
}

void
csv_begin(struct csv_out *c, struct sink *out)
{
	memset(c, 0, sizeof *c);
	c->out = out;
	sink_write(out, "\xEF\xBB\xBF", 3);
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
		c->out->failed = 1;
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
	int neutralize = csv_formula_like(text, len);

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
		sink_write(c->out, c->line, c->len);
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
