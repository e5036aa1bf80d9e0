/*
 * sheetcells.c - what the elements of .xlsx and .ods mean (sheetin.h): the workbook, its
 * relationships, styles and shared strings, a sheet's rows and cells, an .ods table's rows and
 * cells with their repeats; numbers, dates, times and booleans as text. sheetin.c streams each
 * part through these handlers.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sheetpriv.h"

/* --- text and values ------------------------------------------------------------------------ */

static void
add_text(struct reader *r, const char *s, size_t len)
{
	char name[8];

	if (r->ntext + len >= sizeof r->text) {
		sheet_fail(r, "Cell %s%ld holds more than %d KB of text: is this the right file?",
		    sheet_letters(r->col, name), r->row, SHEETIN_CELL_BYTES / 1024);
		return;
	}
	memcpy(r->text + r->ntext, s, len);
	r->ntext += len;
	r->text[r->ntext] = '\0';
}

static void XMLCALL
on_text(void *v, const XML_Char *s, int len)
{
	struct reader *r = v;

	if (r->collect && !r->stop)
		add_text(r, s, (size_t)len);
}

/* The shortest decimal that reads back as the value stored (12, 12.5, 0.3, 1E+20). */
static void
number_text(double d, char *buf, size_t size)
{
	if (d == 0)
		d = 0;	/* not "-0" */
	if (fabs(d) < 1e15 && d == floor(d))
		snprintf(buf, size, "%.0f", d);
	else
		snprintf(buf, size, "%.15g", d);
}

/*
 * Whether s is already the shortest decimal of its value, as spreadsheets write most numbers
 * (12, 12.5, -3): then it is taken as it is, without strtod and snprintf.
 */
static int
plain_decimal(const char *s)
{
	const char *p = s + (*s == '-');
	size_t digits = 0;

	if (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (digits == 0)
		return 0;
	if (*p == '.') {
		const char *frac = ++p;
		for (; *p >= '0' && *p <= '9'; p++)
			digits++;
		if (p == frac || p[-1] == '0')
			return 0;
	}
	return *p == '\0' && digits <= 15 && strcmp(s, "-0") != 0;
}

/* Days since 1970-01-01 → y, m, d (H. Hinnant's civil_from_days). */
static void
civil(long long z, int *y, int *m, int *d)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* An .xlsx serial number in a date or time cell as 2026-03-15 or 10:30:00; 0 if out of range. */
static int
serial_text(const struct reader *r, double serial, enum fmt kind, char *buf, size_t size)
{
	int y, m, d;
	long long days;

	if (!(serial >= 0 && serial < 2958466))
		return 0;
	days = (long long)floor(serial + 1e-9);
	if (kind == FMT_TIME) {
		long secs = lround((serial - floor(serial)) * 86400) % 86400;
		snprintf(buf, size, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
		return 1;
	}
	if (r->out->date1904)
		days += -24107;		/* 1904-01-01 is day -24107 of 1970 */
	else if (days == 60) {
		snprintf(buf, size, "1900-02-29");	/* Lotus's leap day, kept by Excel */
		return 1;
	} else
		days += days < 60 ? -25568 : -25569;	/* serial 1 is 1900-01-01, 61 is 1900-03-01 */
	civil(days, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
	return 1;
}

/* Whether an .xlsx number format shows a date or a time: its codes outside quotes and [ ]. */
static enum fmt
format_kind(const char *code)
{
	int date = 0, time = 0, month = 0;

	for (const char *p = code; *p && *p != ';'; p++) {
		int c = tolower((unsigned char)*p);
		if (c == '"') {
			while (p[1] && p[1] != '"')
				p++;
			p += p[1] != '\0';
		} else if (c == '\\' || c == '_' || c == '*')
			p += p[1] != '\0';
		else if (c == '[') {
			const char *q = strchr(p, ']');
			if (q == NULL)
				break;
			if (strspn(p + 1, "hHmMsS") == (size_t)(q - p - 1) && q > p + 1)
				time = 1;	/* [h]:mm elapsed time; [Red], [$€-407] say nothing */
			p = q;
		} else if (c == 'd' || c == 'y')
			date = 1;
		else if (c == 'h' || c == 's')
			time = 1;
		else if (c == 'm')
			month = 1;
	}
	return date || (month && !time) ? FMT_DATE : time ? FMT_TIME : FMT_NUMBER;
}

static enum fmt
builtin_kind(unsigned id)
{
	if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return FMT_DATE;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
		return FMT_TIME;
	return FMT_NUMBER;
}

/* --- .xlsx ------------------------------------------------------------------------------------ */

static void XMLCALL
workbook_start(void *v, const XML_Char *name, const XML_Char **atts)
{
	struct reader *r = v;
	const char *n = sheet_local(name), *a;

	if (strcmp(n, "workbookPr") == 0 && (a = sheet_attr(atts, NULL, "date1904")) != NULL)
		r->out->date1904 = strcmp(a, "1") == 0 || strcasecmp(a, "true") == 0;
	else if (strcmp(n, "sheet") == 0 && r->sheet_rid[0] == '\0' && (a = sheet_attr(atts, NULL, "id")) != NULL)
		snprintf(r->sheet_rid, sizeof r->sheet_rid, "%s", a);
}

/* A relationship's target as the part's name in the zip: "/xl/x.xml" or, from xl/, "x.xml". */
static void
target(char *dst, size_t size, const char *t)
{
	snprintf(dst, size, t[0] == '/' ? "%s" : "xl/%s", t[0] == '/' ? t + 1 : t);
}

static void XMLCALL
rels_start(void *v, const XML_Char *name, const XML_Char **atts)
{
	struct reader *r = v;
	const char *id = sheet_attr(atts, NULL, "Id"), *t = sheet_attr(atts, NULL, "Target"), *type = sheet_attr(atts, NULL, "Type");
	size_t tl = type ? strlen(type) : 0;

	if (strcmp(sheet_local(name), "Relationship") != 0 || t == NULL)
		return;
	if (id && strcmp(id, r->sheet_rid) == 0)
		target(r->sheet_part, sizeof r->sheet_part, t);
	else if (tl > 14 && strcmp(type + tl - 14, "/sharedStrings") == 0)
		target(r->strings_part, sizeof r->strings_part, t);
	else if (tl > 7 && strcmp(type + tl - 7, "/styles") == 0)
		target(r->styles_part, sizeof r->styles_part, t);
}

static void XMLCALL
styles_start(void *v, const XML_Char *name, const XML_Char **atts)
{
	struct reader *r = v;
	const char *n = sheet_local(name), *id = sheet_attr(atts, NULL, "numFmtId"), *code;

	if (strcmp(n, "numFmt") == 0 && id && (code = sheet_attr(atts, NULL, "formatCode")) && r->nfmt < FMT_MAX) {
		r->fmt_id[r->nfmt] = (unsigned)strtoul(id, NULL, 10);
		r->fmt_kind[r->nfmt++] = (unsigned char)format_kind(code);
	} else if (strcmp(n, "cellXfs") == 0)
		r->in_xfs = 1;
	else if (strcmp(n, "xf") == 0 && r->in_xfs && r->nxf < XF_MAX) {
		unsigned f = id ? (unsigned)strtoul(id, NULL, 10) : 0;
		enum fmt kind = builtin_kind(f);
		for (size_t i = 0; i < r->nfmt; i++)
			if (r->fmt_id[i] == f)
				kind = (enum fmt)r->fmt_kind[i];
		r->xf[r->nxf++] = (unsigned char)kind;
	}
}

static void XMLCALL
styles_end(void *v, const XML_Char *name)
{
	struct reader *r = v;

	if (strcmp(sheet_local(name), "cellXfs") == 0)
		r->in_xfs = 0;
}

static void XMLCALL
strings_start(void *v, const XML_Char *name, const XML_Char **atts)
{
	struct reader *r = v;
	const char *n = sheet_local(name);

	if (strcmp(n, "si") == 0)
		r->ntext = 0, r->text[0] = '\0';
	else if (strcmp(n, "rPh") == 0)
		r->in_rph++;	/* a phonetic reading: not part of the text */
	else if (strcmp(n, "t") == 0 && r->in_rph == 0)
		r->collect = 1;
}

static void XMLCALL
strings_end(void *v, const XML_Char *name)
{
	struct reader *r = v;
	const char *n = sheet_local(name);

	if (strcmp(n, "t") == 0)
		r->collect = 0;
	else if (strcmp(n, "rPh") == 0)
		r->in_rph--;
	else if (strcmp(n, "si") == 0) {
		if (r->sst_len + r->ntext + 1 > SHEETIN_STRINGS_BYTES) {
			sheet_fail(r, "The workbook's strings take more than %u MB: is this the right file?",
			    SHEETIN_STRINGS_BYTES >> 20);
			return;
		}
		while (r->sst_len + r->ntext + 1 > r->sst_size || r->nsst == r->sst_max) {
			if (r->sst_len + r->ntext + 1 > r->sst_size) {
				char *p = realloc(r->sst, r->sst_size = r->sst_size * 2 + r->ntext + 4096);
				if (p == NULL) {
					sheet_fail(r, "The workbook's strings do not fit in memory.");
					return;
				}
				r->sst = p;
			}
			if (r->nsst == r->sst_max) {
				size_t *p = realloc(r->sst_at, (r->sst_max = r->sst_max * 2 + 1024) * sizeof *p);
				if (p == NULL) {
					sheet_fail(r, "The workbook's strings do not fit in memory.");
					return;
				}
				r->sst_at = p;
			}
		}
		r->sst_at[r->nsst++] = r->sst_len;
		memcpy(r->sst + r->sst_len, r->text, r->ntext + 1);
		r->sst_len += r->ntext + 1;
	}
}

/* "B12" → column 1 (and the row in *row); -1 when it names none. */
static long
cell_ref(const char *s, long *row)
{
	long c = 0;
	int n = 0;

	for (; isupper((unsigned char)*s) && n < 4; s++, n++)
		c = c * 26 + (*s - 'A' + 1);
	if (n == 0 || n == 4)
		return -1;
	*row = strtol(s, NULL, 10);
	return c - 1;
}

static void XMLCALL
sheet_start(void *v, const XML_Char *name, const XML_Char **atts)
{
	struct reader *r = v;
	const char *n = sheet_local(name), *a;
	long rownum;

	if (strcmp(n, "sheetData") == 0)
		r->in_data = 1;
	else if (!r->in_data)
		return;
	else if (strcmp(n, "row") == 0) {
		a = sheet_attr(atts, NULL, "r");
		rownum = a ? strtol(a, NULL, 10) : 0;
		sheet_row_begin(r, rownum > r->row && rownum <= 1048576 ? rownum : r->row + 1);
	} else if (strcmp(n, "c") == 0) {
		long c = -1, rr;
		if ((a = sheet_attr(atts, NULL, "r")) != NULL)
			c = cell_ref(a, &rr);
		r->col = c >= 0 && c >= r->col + 1 ? c : r->col + 1;
		snprintf(r->type, sizeof r->type, "%s", (a = sheet_attr(atts, NULL, "t")) ? a : "n");
		r->style = (a = sheet_attr(atts, NULL, "s")) ? atoi(a) : 0;
		r->in_cell = 1;
		r->has_v = r->has_f = r->in_is = 0;
		r->ntext = 0;
		r->text[0] = '\0';
	} else if (!r->in_cell)
		return;
	else if (strcmp(n, "v") == 0)
		r->collect = r->has_v = 1;
	else if (strcmp(n, "f") == 0)
		r->has_f = 1;
	else if (strcmp(n, "is") == 0)
		r->in_is = 1;
	else if (strcmp(n, "rPh") == 0)
		r->in_rph++;
	else if (strcmp(n, "t") == 0 && r->in_is && r->in_rph == 0)
		r->collect = r->has_v = 1;
}

/* The value of the .xlsx cell just read, as text. */
static void
xlsx_cell(struct reader *r)
{
	char num[64], name[8];
	const char *value = r->text;

	if (!r->has_v || (r->has_f && r->ntext == 0 && strcmp(r->type, "str") != 0)) {
		if (r->has_f)
			sheet_fail(r, "Cell %s%ld holds a formula whose result was never saved (the program that "
			    "wrote the file does not calculate). Open the file in a spreadsheet, save it "
			    "again, and send that file.", sheet_letters(r->col, name), r->row);
		return;
	}
	if (strcmp(r->type, "s") == 0) {
		char *end;
		unsigned long i = strtoul(r->text, &end, 10);
		if (end == r->text || *end || i >= r->nsst) {
			sheet_fail(r, "The workbook is damaged: cell %s%ld names a string it does not have. Open it "
			    "in a spreadsheet, save it again, and send that file.", sheet_letters(r->col, name), r->row);
			return;
		}
		value = r->sst + r->sst_at[i];
	} else if (strcmp(r->type, "b") == 0)
		value = strcmp(r->text, "1") == 0 ? "TRUE" : "FALSE";
	else if (strcmp(r->type, "d") == 0)
		r->text[r->ntext > 10 ? 10 : r->ntext] = '\0';	/* an ISO date-time: its day */
	else if (strcmp(r->type, "n") == 0) {
		char *end;
		enum fmt kind = r->style >= 0 && (size_t)r->style < r->nxf ? (enum fmt)r->xf[r->style] : FMT_NUMBER;
		double d = kind == FMT_NUMBER && plain_decimal(r->text) ? 0 : strtod(r->text, &end);
		if (kind == FMT_NUMBER && plain_decimal(r->text))
			;	/* value is r->text */
		else if (end != r->text && *end == '\0') {
			if (kind == FMT_NUMBER || !serial_text(r, d, kind, num, sizeof num))
				number_text(d, num, sizeof num);
			value = num;
		}
	}	/* "str" (a formula's text), "inlineStr", "e" (#N/A): the text itself */
	sheet_put(r, r->col, 1, value);
}

static void XMLCALL
sheet_end(void *v, const XML_Char *name)
{
	struct reader *r = v;
	const char *n = sheet_local(name);

	if (!r->in_data)
		return;
	if (strcmp(n, "v") == 0 || strcmp(n, "t") == 0)
		r->collect = 0;
	else if (strcmp(n, "rPh") == 0)
		r->in_rph--;
	else if (strcmp(n, "is") == 0)
		r->in_is = 0;
	else if (strcmp(n, "c") == 0) {
		r->in_cell = 0;
		xlsx_cell(r);
	} else if (strcmp(n, "row") == 0) {
		sheet_row_end(r, 1);
		r->col = -1;
	} else if (strcmp(n, "sheetData") == 0) {
		r->done = 1;
		XML_StopParser(r->xp, XML_FALSE);
	}
}

/* --- .ods ------------------------------------------------------------------------------------- */

static long
repeat_of(const char **atts, const char *name)
{
	const char *a = sheet_attr(atts, NS_TABLE, name);
	long n = a ? strtol(a, NULL, 10) : 1;

	return n < 1 ? 1 : n > 1048576 ? 1048576 : n;
}

static void XMLCALL
ods_start(void *v, const XML_Char *name, const XML_Char **atts)
{
	struct reader *r = v;
	const char *n = sheet_local(name), *a;

	if (strcmp(n, "table") == 0 && strncmp(name, NS_TABLE "|", sizeof NS_TABLE) == 0) {
		if (r->depth_table++ == 0)
			r->tables++;
		return;
	}
	if (r->depth_table != 1 || r->tables != 1)
		return;	/* only the first table, not one inside it */
	if (strcmp(n, "table-row") == 0) {
		r->row_repeat = repeat_of(atts, "number-rows-repeated");
		sheet_row_begin(r, r->row + 1);
		r->col = 0;
	} else if (strcmp(n, "table-cell") == 0 || strcmp(n, "covered-table-cell") == 0) {
		r->cell_repeat = repeat_of(atts, "number-columns-repeated");
		snprintf(r->type, sizeof r->type, "%s", (a = sheet_attr(atts, NS_OFFICE, "value-type")) ? a : "");
		snprintf(r->attr_value, sizeof r->attr_value, "%s", (a = sheet_attr(atts, NS_OFFICE, "value")) ? a : "");
		snprintf(r->attr_date, sizeof r->attr_date, "%s", (a = sheet_attr(atts, NS_OFFICE, "date-value")) ? a : "");
		snprintf(r->attr_bool, sizeof r->attr_bool, "%s", (a = sheet_attr(atts, NS_OFFICE, "boolean-value")) ? a : "");
		r->error_cell = (a = sheet_attr(atts, NS_CALCEXT, "value-type")) != NULL && strcmp(a, "error") == 0;
		r->has_text = (a = sheet_attr(atts, NS_OFFICE, "string-value")) != NULL;
		r->ntext = 0;
		r->text[0] = '\0';
		if (r->has_text)
			add_text(r, a, strlen(a));
		r->in_cell = 1;
		r->npara = 0;
	} else if (!r->in_cell)
		return;
	else if (strcmp(n, "annotation") == 0)
		r->in_annot++;
	else if (r->in_annot || r->has_text)
		return;
	else if (strcmp(n, "p") == 0 || strcmp(n, "h") == 0) {
		if (r->npara++ > 0)
			add_text(r, "\n", 1);
		r->collect = r->in_p = 1;
	} else if (r->in_p && strcmp(n, "s") == 0) {
		long k = (a = sheet_attr(atts, NS_TEXT, "c")) ? strtol(a, NULL, 10) : 1;
		for (long i = 0; i < k && i < 1024 && !r->stop; i++)
			add_text(r, " ", 1);
	} else if (r->in_p && strcmp(n, "tab") == 0)
		add_text(r, "\t", 1);
	else if (r->in_p && strcmp(n, "line-break") == 0)
		add_text(r, "\n", 1);
}

/* The value of the .ods cell just read, as text. */
static const char *
ods_value(struct reader *r, char *num, size_t size)
{
	if (r->error_cell || strcmp(r->type, "string") == 0 || strcmp(r->type, "time") == 0)
		return r->text;
	if (strcmp(r->type, "float") == 0 || strcmp(r->type, "percentage") == 0 ||
	    strcmp(r->type, "currency") == 0) {
		char *end;
		double d = strtod(r->attr_value, &end);
		if (end == r->attr_value || *end)
			return r->text;
		number_text(d, num, size);
		return num;
	}
	if (strcmp(r->type, "date") == 0) {
		snprintf(num, size, "%.10s", r->attr_date);
		return num;
	}
	if (strcmp(r->type, "boolean") == 0)
		return strcmp(r->attr_bool, "true") == 0 ? "TRUE" : "FALSE";
	return "";	/* no value: an empty cell, whatever it shows */
}

static void XMLCALL
ods_end(void *v, const XML_Char *name)
{
	struct reader *r = v;
	const char *n = sheet_local(name);
	char num[64];

	if (strcmp(n, "table") == 0 && strncmp(name, NS_TABLE "|", sizeof NS_TABLE) == 0) {
		if (--r->depth_table == 0 && r->tables == 1) {
			r->done = 1;
			XML_StopParser(r->xp, XML_FALSE);
		}
		return;
	}
	if (r->depth_table != 1 || r->tables != 1)
		return;
	if (strcmp(n, "annotation") == 0 && r->in_annot)
		r->in_annot--;
	else if ((strcmp(n, "p") == 0 || strcmp(n, "h") == 0) && !r->in_annot)
		r->collect = r->in_p = 0;
	else if (strcmp(n, "table-cell") == 0 || strcmp(n, "covered-table-cell") == 0) {
		r->in_cell = 0;
		sheet_put(r, r->col, r->cell_repeat, ods_value(r, num, sizeof num));
		r->col += r->cell_repeat;
	} else if (strcmp(n, "table-row") == 0) {
		sheet_row_end(r, r->row_repeat);
		r->row += r->row_repeat - 1;
	}
}

/* --- the parts, in order -------------------------------------------------------------------- */

void
sheet_read_xlsx(struct reader *r)
{
	r->out->kind = SHEETIN_XLSX;
	/* Its elements are told apart by their local names alone; the namespace processing expat
	 * would do for each of the millions of cells of a large sheet is a third of its time. */
	r->plain_names = 1;
	if (sheet_parse(r, "xl/workbook.xml", 1, workbook_start, NULL, NULL) < 0)
		return;
	if (sheet_parse(r, "xl/_rels/workbook.xml.rels", 1, rels_start, NULL, NULL) < 0)
		return;
	if (r->sheet_part[0] == '\0') {
		sheet_fail(r, "The workbook is damaged or has no sheet. %s", sheet_damaged);
		return;
	}
	if (r->styles_part[0] && sheet_parse(r, r->styles_part, 0, styles_start, styles_end, NULL) < 0)
		return;
	if (r->strings_part[0] && sheet_parse(r, r->strings_part, 0, strings_start, strings_end, on_text) < 0)
		return;
	r->row = 0;
	r->col = -1;
	sheet_parse(r, r->sheet_part, 1, sheet_start, sheet_end, on_text);
}

void
sheet_read_ods(struct reader *r)
{
	r->out->kind = SHEETIN_ODS;
	if (sheet_slurp(r, "META-INF/manifest.xml", r->text, sizeof r->text) == 0 &&
	    strstr(r->text, "encryption-data") != NULL) {
		sheet_fail(r, "The spreadsheet is protected with a password. Open it, save it without the "
		    "password, and send that file.");
		return;
	}
	r->row = 0;
	sheet_parse(r, "content.xml", 1, ods_start, ods_end, on_text);
}

