/*
 * csvin.c - CSV in, with libcsv in strict mode and line numbers a person can find.
 *
 * libcsv reports no positions, so input is fed one physical line at a time: whatever libcsv
 * does during a feed happens on the line being fed. A row starts on the line where its first
 * cell ends, less the line ends inside that cell (a quoted cell may span lines). libcsv's
 * callbacks cannot stop it, so they set stop and the feeding loop stops at the next line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "csvin.h"
#include "params.h"

static const char not_utf8[] = "is not UTF-8 text. The file was probably saved as Latin-1 or "
    "“Windows” text: in Excel choose Save As → “CSV UTF-8”; in LibreOffice tick “Edit filter "
    "settings” and choose “Unicode (UTF-8)”. Then send the file again.";

static void fail(struct csvin *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int feed_body(struct csvin *, const char *, size_t);

static void
fail(struct csvin *in, const char *fmt, ...)
{
	va_list ap;

	if (in->stop)
		return;
	va_start(ap, fmt);
	vsnprintf(in->error, sizeof in->error, fmt, ap);
	va_end(ap);
	in->stop = -1;
}

static void
on_cell(void *data, size_t len, void *vin)
{
	struct csvin *in = vin;
	const char *s = data;

	if (in->stop)
		return;
	if (in->ncells == 0) {
		in->row_line = in->line;
		for (size_t i = 0; i < len; i++)
			in->row_line -= s[i] == '\n';
	}
	if (memchr(s, '\0', len) != NULL || !utf8_valid(s, len)) {
		fail(in, "Line %ld %s", in->row_line, not_utf8);
		return;
	}
	if (in->ncells == CSVIN_FIELDS_MAX) {
		fail(in, "Line %ld has more than %d cells: is it the right file?", in->row_line, CSVIN_FIELDS_MAX);
		return;
	}
	if (in->used + len + 1 > sizeof in->row) {
		fail(in, "Line %ld is longer than %d KB: is a quote left open above it?", in->row_line, CSVIN_ROW_BYTES / 1024);
		return;
	}
	in->cells[in->ncells++] = memcpy(in->row + in->used, s, len);
	in->row[in->used + len] = '\0';
	in->used += len + 1;
}

static void
on_row_end(int c, void *vin)
{
	struct csvin *in = vin;

	(void)c;
	if (!in->stop) {

		in->rows++;
		in->stop = in->row_fn(in->ctx, in->row_line, in->cells, in->ncells);
	}
	in->ncells = 0;
	in->used = 0;
	in->row_line = in->line + 1;
}

int
csvin_init(struct csvin *in, csvin_row_fn row_fn, void *ctx)
{
	memset(in, 0, offsetof(struct csvin, first));
	in->delim = ',';
	in->row_fn = row_fn;
	in->ctx = ctx;
	in->line = 1;
	in->row_line = 1;
	if (csv_init(&in->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return -1;
	return 0;
}

/* Feeds one piece that holds at most one line end, at its end. */
static int
feed_line(struct csvin *in, const char *s, size_t len)
{
	if (csv_parse(&in->parser, s, len, on_cell, on_row_end, in) != len && !in->stop) {
		if (csv_error(&in->parser) == CSV_EPARSE)
			fail(in, "Line %ld has a quote in the middle of a cell, or a quoted cell followed "
			    "by more text. %s", in->line, "A cell with a quote, comma or line break in it "
			    "must be in quotes as a whole, with each quote inside doubled (\"\").");
		else
			fail(in, "Line %ld could not be read: %s.", in->line, csv_strerror(csv_error(&in->parser)));
	}
	if (len && s[len - 1] == '\n')
		in->line++;
	return in->stop;
}

/* Looks at the file's first bytes: a UTF-16 mark is refused, a UTF-8 one dropped. */
static int
start(struct csvin *in)
{
	const char *h = in->head;

	in->started = 1;
	if (in->nhead >= 2 && ((h[0] == '\xff' && h[1] == '\xfe') || (h[0] == '\xfe' && h[1] == '\xff'))) {
		fail(in, "The file is UTF-16 “Unicode text”, not CSV. %s",
		    "In Excel choose Save As → “CSV UTF-8” and send that file.");
		return in->stop;
	}
	if (in->nhead == 3 && memcmp(h, "\xef\xbb\xbf", 3) == 0)
		return 0;	/* the UTF-8 mark Excel puts first */
	return feed_body(in, h, in->nhead);
}

/* The bytes after the delimiter is chosen: a BOM looked for, then line by line to libcsv. */
static int
feed_body(struct csvin *in, const char *buf, size_t len)
{
	while (!in->started && len > 0) {
		in->head[in->nhead++] = *buf++;
		len--;
		if (in->nhead == sizeof in->head && start(in) != 0)
			return in->stop;
	}
	while (len > 0 && !in->stop) {
		const char *nl = memchr(buf, '\n', len);
		size_t n = nl ? (size_t)(nl - buf) + 1 : len;

		feed_line(in, buf, n);
		buf += n;
		len -= n;
	}
	return in->stop;
}

/*
 * Chooses the delimiter from the first line held in first: the most frequent of comma,
 * semicolon and tab outside quotes, a comma on a tie (a header of one column has none), then
 * feeds that line on.
 */
static int
decide(struct csvin *in)
{
	static const char delims[] = { ',', ';', '\t' };
	size_t count[3] = { 0, 0, 0 }, best = 0;
	int quoted = 0;

	in->decided = 1;
	for (size_t i = 0; i < in->nfirst; i++) {
		char c = in->first[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted)
			for (size_t d = 0; d < 3; d++)
				count[d] += c == delims[d];
	}
	for (size_t d = 1; d < 3; d++)
		if (count[d] > count[best])
			best = d;
	in->delim = delims[best];
	csv_set_delim(&in->parser, (unsigned char)in->delim);
	return feed_body(in, in->first, in->nfirst);
}

int
csvin_feed(struct csvin *in, const char *buf, size_t len)
{
	if (!in->decided) {
		const char *nl = memchr(buf, '\n', len);
		size_t room = sizeof in->first - in->nfirst;
		size_t n = nl ? (size_t)(nl - buf) + 1 : len;
		int line_ends = nl != NULL && n <= room;

		if (n > room)
			n = room;
		memcpy(in->first + in->nfirst, buf, n);
		in->nfirst += n;
		buf += n;
		len -= n;
		if (!line_ends && in->nfirst < sizeof in->first)
			return in->stop;	/* the first line goes on in the next piece */
		if (decide(in) != 0)
			return in->stop;
	}
	return feed_body(in, buf, len);
}

const char *
csvin_delim_name(char delim)
{
	return delim == ';' ? "semicolons" : delim == '\t' ? "tabs" : "commas";
}

int
csvin_finish(struct csvin *in)
{
	if (!in->decided && decide(in) != 0)
		return in->stop;
	if (!in->started && start(in) != 0)
		return in->stop;
	if (!in->stop && csv_fini(&in->parser, on_cell, on_row_end, in) != 0 && !in->stop)
		fail(in, "The file ends inside a quoted cell that starts on line %ld. %s", in->row_line,
		    "Close the quote (\"), or double a quote meant as text (\"\").");
	return in->stop;
}

void
csvin_free(struct csvin *in)
{
	csv_free(&in->parser);
}
