/*
 * sheetin.c - the first sheet of an .xlsx or .ods file through minizip and expat (sheetin.h).
 *
 * One struct reader holds the whole state: the zip, the limits, the shared strings and the
 * styles (.xlsx), and the row being built. Each part of the archive is streamed out of minizip
 * in 64 KB pieces into an expat parser whose handlers are the format's: the unpacked bytes are
 * counted as they come (the limit is checked on every piece), and a handler that meets
 * something wrong records it and stops the parser. Element names are matched by their local
 * part ("row", "table-cell"), attributes of .ods by namespace too, since office:value-type and
 * calcext:value-type share a local name.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "sheetpriv.h"

void
sheet_fail(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	if (r->stop)
		return;
	va_start(ap, fmt);
	vsnprintf(r->out->error, sizeof r->out->error, fmt, ap);
	va_end(ap);
	r->stop = -1;
	if (r->xp)
		XML_StopParser(r->xp, XML_FALSE);
}

const char *
sheet_local(const char *name)
{
	const char *p = name + strlen(name);

	while (p > name && p[-1] != '|' && p[-1] != ':')
		p--;	/* "uri|local" from a namespace-aware parser, "x:local" or "local" otherwise */
	return p;
}

/* The value of attribute ns|name (ns NULL: any namespace, or none), or NULL. */
const char *
sheet_attr(const char **atts, const char *ns, const char *name)
{
	size_t nl = ns ? strlen(ns) : 0;

	for (; atts[0]; atts += 2) {
		if (ns && (strncmp(atts[0], ns, nl) != 0 || atts[0][nl] != '|'))
			continue;
		if (strcmp(sheet_local(atts[0]), name) == 0)
			return atts[1];
	}
	return NULL;
}

/* "A", "Z", "AA": a column's letters (c from 0). */
const char *
sheet_letters(long c, char buf[8])
{
	char rev[8];
	int n = 0, i = 0;

	do {
		rev[n++] = (char)('A' + c % 26);
		c = c / 26;
	} while (c-- > 0 && n < 7);
	while (n > 0)
		buf[i++] = rev[--n];
	buf[i] = '\0';
	return buf;
}

/* --- the row ---------------------------------------------------------------------------------- */

void
sheet_row_begin(struct reader *r, long number)
{
	r->row = number;
	r->ncols = 0;
	r->used = 0;
	for (int c = 0; c < COLS; c++)
		r->at[c] = -1;
}

/* Puts value in column col of the row, repeat times (an .ods repeated cell); "" takes no room. */
void
sheet_put(struct reader *r, long col, long repeat, const char *value)
{
	size_t len = strlen(value);
	char name[8];

	if (len == 0)
		return;
	if (r->out->cells + repeat > r->cells_max) {
		sheet_fail(r, "The sheet holds more than %lld cells, out of all proportion to the file's size: "
		    "it may be a “zip bomb”.", r->cells_max);
		return;
	}
	r->out->cells += repeat;
	for (long i = 0; i < repeat && !r->stop; i++, col++) {
		if (col >= COLS) {
			sheet_fail(r, "Row %ld has something in column %s, beyond the %d columns an import reads: "
			    "is this the right file?", r->row, sheet_letters(col, name), COLS);
			return;
		}
		if (r->used + len + 1 > sizeof r->rowbuf) {
			sheet_fail(r, "Row %ld holds more than %d KB: is this the right file?", r->row,
			    CSVIN_ROW_BYTES / 1024);
			return;
		}
		r->at[col] = (int)r->used;
		memcpy(r->rowbuf + r->used, value, len + 1);
		r->used += len + 1;
		if (col + 1 > r->ncols)
			r->ncols = col + 1;
	}
}

/* Hands the row over repeat times (a copy each time: row_fn may write in its cells). */
void
sheet_row_end(struct reader *r, long repeat)
{
	char *cells[COLS];

	if (r->ncols == 0 || r->stop)
		return;
	if (repeat > 1 && r->out->cells + r->ncols * (repeat - 1) > r->cells_max) {
		sheet_fail(r, "The sheet holds more than %lld cells, out of all proportion to the file's size: "
		    "it may be a “zip bomb”.", r->cells_max);
		return;
	}
	r->out->cells += r->ncols * (repeat - 1);
	for (long i = 0; i < repeat && !r->stop; i++) {
		size_t used = r->used;
		memcpy(r->work, r->rowbuf, r->used);
		for (long c = 0; c < r->ncols; c++) {
			if (r->at[c] >= 0)
				cells[c] = r->work + r->at[c];
			else {
				if (used + 1 > sizeof r->work) {
					sheet_fail(r, "Row %ld holds more than %d KB: is this the right file?", r->row,
					    CSVIN_ROW_BYTES / 1024);
					return;
				}
				cells[c] = r->work + used;
				r->work[used++] = '\0';
			}
		}
		r->out->rows++;
		if ((r->stop = r->row_fn(r->ctx, r->row + i, cells, (size_t)r->ncols)) != 0 && r->xp)
			XML_StopParser(r->xp, XML_FALSE);
	}
}

/* --- the archive ------------------------------------------------------------------------------ */

static voidpf ZCALLBACK
mem_open(voidpf opaque, const void *name, int mode)
{
	return opaque;
}

static uLong ZCALLBACK
mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct mem *m = stream;
	size_t n = m->len - m->pos < size ? m->len - m->pos : size;

	memcpy(buf, m->buf + m->pos, n);
	m->pos += n;
	return (uLong)n;
}

static uLong ZCALLBACK
mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	return 0;
}

static ZPOS64_T ZCALLBACK
mem_tell(voidpf opaque, voidpf stream)
{
	return ((struct mem *)stream)->pos;
}

static long ZCALLBACK
mem_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
	struct mem *m = stream;
	ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos : m->len;

	if (offset > m->len || base + offset > m->len)
		return -1;
	m->pos = (size_t)(base + offset);
	return 0;
}

static int ZCALLBACK
mem_close(voidpf opaque, voidpf stream)
{
	return 0;
}

static int ZCALLBACK
mem_error(voidpf opaque, voidpf stream)
{
	return 0;
}

static void XMLCALL
on_doctype(void *v, const XML_Char *name, const XML_Char *sys, const XML_Char *pub, int internal)
{
	struct reader *r = v;

	sheet_fail(r, "The spreadsheet is damaged or not what it seems: its part %s declares a DTD, which "
	    "spreadsheets never do.", r->part);
}

const char sheet_damaged[] = "Open it in a spreadsheet, save it again, and send that file.";

/* Every part's elements pass here first, counted, so that nesting never runs past the cap. */
static void XMLCALL
depth_start(void *v, const XML_Char *name, const XML_Char **atts)
{
	struct reader *r = v;

	if (++r->depth > SHEET_DEPTH_MAX) {
		sheet_fail(r, "The spreadsheet is damaged or not what it seems: its part %s nests more than "
		    "%d elements deep, which no spreadsheet does. %s", r->part, SHEET_DEPTH_MAX, sheet_damaged);
		return;
	}
	if (r->on_start)
		r->on_start(v, name, atts);
}

static void XMLCALL
depth_end(void *v, const XML_Char *name)
{
	struct reader *r = v;

	r->depth--;
	if (r->on_end)
		r->on_end(v, name);
}

/*
 * Streams the part called name through expat with the given handlers. 0 when read (or, not
 * required, absent: *absent set), -1 when it stopped (r->stop, or r->done at the sheet's end).
 */
int
sheet_parse(struct reader *r, const char *name, int required, XML_StartElementHandler start,
    XML_EndElementHandler end, XML_CharacterDataHandler text)
{
	unz_file_info64 info;
	int n, rc = 0;

	r->part = name;
	if (unzLocateFile(r->zf, name, 2) != UNZ_OK) {
		if (required)
			sheet_fail(r, "The spreadsheet is damaged: it has no part %s. %s", name, sheet_damaged);
		return required ? -1 : 0;
	}
	if (unzGetCurrentFileInfo64(r->zf, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
	    unzOpenCurrentFile(r->zf) != UNZ_OK) {
		sheet_fail(r, "The spreadsheet is damaged: its part %s cannot be opened. %s", name, sheet_damaged);
		return -1;
	}
	if (info.flag & 1) {
		unzCloseCurrentFile(r->zf);
		sheet_fail(r, "The spreadsheet is protected with a password. Open it, save it without the "
		    "password, and send that file.");
		return -1;
	}
	r->xp = r->plain_names ? XML_ParserCreate(NULL) : XML_ParserCreateNS(NULL, '|');
	if (r->xp == NULL) {
		unzCloseCurrentFile(r->zf);
		sheet_fail(r, "The spreadsheet could not be read: out of memory.");
		return -1;
	}
	XML_SetUserData(r->xp, r);
	r->on_start = start;
	r->on_end = end;
	r->depth = 0;
	XML_SetElementHandler(r->xp, depth_start, depth_end);
	XML_SetCharacterDataHandler(r->xp, text);
	XML_SetStartDoctypeDeclHandler(r->xp, on_doctype);
	r->collect = r->in_rph = r->in_xfs = 0;
	do {
		if ((n = unzReadCurrentFile(r->zf, r->buf, sizeof r->buf)) < 0) {
			sheet_fail(r, "The spreadsheet is damaged: its part %s cannot be unpacked (was the file cut "
			    "short?). %s", name, sheet_damaged);
			break;
		}
		if ((r->out->unpacked += n) > r->unpacked_max) {
			sheet_fail(r, "The file unpacks to more than %lld MB, out of all proportion to its size: "
			    "a spreadsheet unpacks to a few dozen times its size at most. It may be a “zip "
			    "bomb”.", r->unpacked_max >> 20);
			break;
		}
		if (XML_Parse(r->xp, r->buf, n, n == 0) == XML_STATUS_ERROR) {
			if (!r->stop && !r->done)
				sheet_fail(r, "The spreadsheet is damaged: its part %s is not well-formed XML (line "
				    "%lu: %s). %s", name, (unsigned long)XML_GetCurrentLineNumber(r->xp),
				    XML_ErrorString(XML_GetErrorCode(r->xp)), sheet_damaged);
			break;
		}
	} while (n > 0);
	XML_ParserFree(r->xp);
	r->xp = NULL;
	rc = unzCloseCurrentFile(r->zf);
	if (n == 0 && rc == UNZ_CRCERROR)
		sheet_fail(r, "The spreadsheet is damaged: its part %s fails its checksum. %s", name, sheet_damaged);
	return r->stop || r->done ? -1 : 0;
}

/* A small part's text (the .ods mimetype, its manifest), cut at size - 1. */
int
sheet_slurp(struct reader *r, const char *name, char *dst, size_t size)
{
	int n = 0, got;

	dst[0] = '\0';
	if (unzLocateFile(r->zf, name, 2) != UNZ_OK || unzOpenCurrentFile(r->zf) != UNZ_OK)
		return -1;
	while ((size_t)n + 1 < size && (got = unzReadCurrentFile(r->zf, dst + n, (unsigned)(size - 1 - n))) > 0)
		n += got;
	dst[n] = '\0';
	unzCloseCurrentFile(r->zf);
	return 0;
}

static void
read_zip(struct reader *r)
{
	char mime[128];

	if (unzLocateFile(r->zf, "xl/workbook.xml", 2) == UNZ_OK)
		sheet_read_xlsx(r);
	else if (sheet_slurp(r, "mimetype", mime, sizeof mime) == 0 &&
	    strcmp(mime, "application/vnd.oasis.opendocument.spreadsheet") == 0)
		sheet_read_ods(r);
	else if (strncmp(mime, "application/vnd.oasis.opendocument.", 35) == 0)
		sheet_fail(r, "This is an OpenDocument file of another kind (%.60s), not a spreadsheet.",
		    mime + 35);
	else if (unzLocateFile(r->zf, "word/document.xml", 2) == UNZ_OK)
		sheet_fail(r, "This is a Word document (.docx), not a spreadsheet.");
	else
		sheet_fail(r, "The file is a zip archive but not a spreadsheet: an .xlsx workbook holds "
		    "xl/workbook.xml and an .ods spreadsheet says so in its mimetype, and it has neither. "
		    "Is this the right file?");
}

static const char ole2[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

int
sheetin_sniff(const char *name, const void *head, size_t len, char *why, size_t size)
{
	const char *ext = strrchr(name, '.');

	if (len >= 4 && (memcmp(head, "PK\3\4", 4) == 0 || memcmp(head, "PK\5\6", 4) == 0))
		return 1;
	if (len >= 8 && memcmp(head, ole2, 8) == 0)
		return 1;
	if (ext && (strcasecmp(ext, ".xlsx") == 0 || strcasecmp(ext, ".xlsm") == 0 ||
	    strcasecmp(ext, ".xls") == 0 || strcasecmp(ext, ".ods") == 0)) {
		snprintf(why, size, "The file is named %s but holds text, not a spreadsheet: it is "
		    "probably a CSV file renamed. Send it named .csv, or open it in a spreadsheet and "
		    "save it as %s.", ext, ext);
		return -1;
	}
	return 0;
}

int
sheetin_read(struct sheetin *out, const char *path, const void *buf, size_t len,
    sheetin_row_fn row_fn, void *ctx)
{
	struct reader *r;
	struct mem m = { buf, len, 0 };
	zlib_filefunc64_def io = { mem_open, mem_read, mem_write, mem_tell, mem_seek, mem_close, mem_error, &m };
	char head[8] = "";
	int rc;

	memset(out, 0, sizeof *out);
	if (path) {
		struct stat st;
		FILE *f = fopen(path, "rb");
		if (f == NULL || fstat(fileno(f), &st) != 0) {
			snprintf(out->error, sizeof out->error, "The file cannot be opened.");
			if (f)
				fclose(f);
			return -1;
		}
		len = (size_t)st.st_size;
		if (fread(head, 1, sizeof head, f) != sizeof head)
			head[0] = '\0';
		fclose(f);
	} else
		memcpy(head, buf, len < sizeof head ? len : sizeof head);
	if (memcmp(head, ole2, 8) == 0) {
		snprintf(out->error, sizeof out->error, "This is an Excel 97–2003 workbook (.xls), or a "
		    "workbook protected with a password, which Excel keeps in that older container. Open "
		    "it in a spreadsheet and save it as .xlsx (without a password), or as CSV UTF-8.");
		return -1;
	}
	if (memcmp(head, "PK\3\4", 4) != 0 && memcmp(head, "PK\5\6", 4) != 0) {
		snprintf(out->error, sizeof out->error, "The file is not an .xlsx or .ods spreadsheet "
		    "(those are zip archives, and it is not one).");
		return -1;
	}
	if ((r = calloc(1, sizeof *r)) == NULL) {
		snprintf(out->error, sizeof out->error, "The spreadsheet could not be read: out of memory.");
		return -1;
	}
	r->out = out;
	r->row_fn = row_fn;
	r->ctx = ctx;
	r->unpacked_max = SHEETIN_UNPACKED_FLOOR + SHEETIN_UNPACKED_RATIO * (long long)len;
	r->cells_max = SHEETIN_CELLS_FLOOR + SHEETIN_CELLS_RATIO * (long long)len;
	r->zf = path ? unzOpen64(path) : unzOpen2_64("", &io);
	if (r->zf == NULL)
		sheet_fail(r, "The file is damaged: it starts as a zip archive, as .xlsx and .ods files do, but "
		    "its table of contents cannot be read (was it cut short?). %s", sheet_damaged);
	else {
		read_zip(r);
		unzClose(r->zf);
	}
	rc = r->stop;
	free(r->sst);
	free(r->sst_at);
	free(r);
	return rc;
}

const char *
sheetin_kind_name(enum sheetin_kind kind)
{
	return kind == SHEETIN_ODS ? "an .ods spreadsheet" : "an .xlsx workbook";
}
