/*
 * test_sheet.c - the spreadsheet reader (src/base/sheetin.c) against LibreOffice's own reading:
 * each good fixture of tests/import/fixtures (made by LibreOffice, Gnumeric and openpyxl) gives
 * the same cells as LibreOffice's CSV of it (lo-csv/, saved by make-fixtures.sh), read from the
 * file and from memory alike; the only difference allowed is that a date cell is an ISO date
 * where LibreOffice writes it as the cell shows it (03/15/2026, or a date-time). Also: which
 * files are taken for spreadsheets, and a row function that stops the reading.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "dates.h"
#include "sheetin.h"
#include "unit.h"

#define ROWS	8
#define CELLS	16

struct grid {
	int	rows;
	long	number[ROWS];
	size_t	n[ROWS];
	char	cell[ROWS][CELLS][64];
	int	stop_at;
};

static int
keep(void *ctx, long number, char **cells, size_t n)
{
	struct grid *g = ctx;

	ck_assert_int_lt(g->rows, ROWS);
	ck_assert_uint_le(n, CELLS);
	g->number[g->rows] = number;
	g->n[g->rows] = n;
	for (size_t c = 0; c < n; c++)
		snprintf(g->cell[g->rows][c], sizeof g->cell[0][0], "%s", cells[c]);
	g->rows++;
	return g->stop_at && g->rows == g->stop_at ? 7 : 0;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(1 << 20);

	ck_assert_ptr_nonnull(f);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

/* The sheet's cell s is what LibreOffice wrote as csv: the same, or the same date shown otherwise. */
static int
same_value(const char *s, const char *csv)
{
	char iso[11];

	if (strcmp(s, csv) == 0)
		return 1;
	if (strlen(s) != 10 || s[4] != '-')
		return 0;
	if (strncmp(csv, s, 10) == 0 && csv[10] == ' ')
		return 1;	/* a date-time cell: its day */
	return date_read(csv, DATE_ORDER_MDY, iso, NULL, NULL) == DATE_OK && strcmp(iso, s) == 0;
}

START_TEST(sheets_read_as_libreoffice_reads_them)
{
	static const char *const good[] = { "lo-us-dates.xlsx", "lo-eu-dates.ods", "lo-formulas.xlsx",
		"lo-formulas.ods", "lo-1904.xlsx", "lo-orgs-booleans.ods", "gnumeric-us.xlsx", "gnumeric-us.ods",
		"openpyxl-labels.xlsx", "openpyxl-1904.xlsx" };
	char path[512];

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		static struct grid sheet, mem, lo;
		static struct sheetin in;
		static struct csvin csv;
		size_t len;
		char *buf;

		memset(&sheet, 0, sizeof sheet);
		memset(&mem, 0, sizeof mem);
		memset(&lo, 0, sizeof lo);
		snprintf(path, sizeof path, "%s/tests/import/fixtures/%s", srcdir(), good[i]);
		ck_assert_msg(sheetin_read(&in, path, NULL, 0, keep, &sheet) == 0, "%s: %s", good[i], in.error);
		ck_assert_int_eq(in.kind, strstr(good[i], ".ods") ? SHEETIN_ODS : SHEETIN_XLSX);
		ck_assert_int_eq(in.date1904, strstr(good[i], "1904") != NULL);
		buf = slurp(path, &len);
		ck_assert_int_eq(sheetin_read(&in, NULL, buf, len, keep, &mem), 0);
		free(buf);
		ck_assert_int_eq(memcmp(&sheet, &mem, sizeof sheet), 0);

		snprintf(path, sizeof path, "%s/tests/import/fixtures/lo-csv/%s.csv", srcdir(), good[i]);
		buf = slurp(path, &len);
		ck_assert_int_eq(csvin_init(&csv, keep, &lo), 0);
		ck_assert_int_eq(csvin_feed(&csv, buf, len), 0);
		ck_assert_int_eq(csvin_finish(&csv), 0);
		csvin_free(&csv);
		free(buf);

		ck_assert_msg(sheet.rows == lo.rows && sheet.rows >= 4, "%s: %d rows, LibreOffice %d", good[i],
		    sheet.rows, lo.rows);
		for (int r = 0; r < sheet.rows; r++) {
			ck_assert_int_eq(sheet.number[r], r + 1);
			/* LibreOffice's CSV writes every column of the sheet; the reader stops at the last filled cell. */
			ck_assert_uint_le(sheet.n[r], lo.n[r]);
			for (size_t c = 0; c < lo.n[r]; c++)
				ck_assert_msg(same_value(c < sheet.n[r] ? sheet.cell[r][c] : "", lo.cell[r][c]),
				    "%s row %d column %zu: “%s”, LibreOffice “%s”", good[i], r + 1, c,
				    c < sheet.n[r] ? sheet.cell[r][c] : "", lo.cell[r][c]);
		}
	}
}
END_TEST

START_TEST(files_are_taken_for_spreadsheets_by_their_bytes_and_refused_by_their_name)
{
	char why[400];

	ck_assert_int_eq(sheetin_sniff("a.csv", "PK\3\4\24\0\0\0", 8, why, sizeof why), 1);
	ck_assert_int_eq(sheetin_sniff("a.xlsx", "PK\3\4\24\0\0\0", 8, why, sizeof why), 1);
	ck_assert_int_eq(sheetin_sniff("a.XLS", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, why, sizeof why), 1);
	ck_assert_int_eq(sheetin_sniff("a.csv", "date,typ", 8, why, sizeof why), 0);
	ck_assert_int_eq(sheetin_sniff("a", "date,typ", 8, why, sizeof why), 0);
	ck_assert_int_eq(sheetin_sniff("a.ODS", "date,typ", 8, why, sizeof why), -1);
	ck_assert_str_eq(why, "The file is named .ODS but holds text, not a spreadsheet: it is probably a CSV "
	    "file renamed. Send it named .csv, or open it in a spreadsheet and save it as .ODS.");
}
END_TEST

START_TEST(a_row_function_that_stops_stops_the_reading)
{
	static struct grid g;
	struct sheetin in;
	char path[512];

	memset(&g, 0, sizeof g);
	g.stop_at = 2;
	snprintf(path, sizeof path, "%s/tests/import/fixtures/lo-eu-dates.ods", srcdir());
	ck_assert_int_eq(sheetin_read(&in, path, NULL, 0, keep, &g), 7);
	ck_assert_int_eq(g.rows, 2);
	ck_assert_int_eq(in.rows, 2);
	ck_assert_int_eq(sheetin_read(&in, NULL, "PK\3\4", 4, keep, &g), -1);
	ck_assert_ptr_nonnull(strstr(in.error, "table of contents cannot be read"));
}
END_TEST

Suite *
sheet_suite(void)
{
	Suite *s = suite_create("sheet");
	TCase *tc = tcase_create("sheet");

	tcase_add_test(tc, sheets_read_as_libreoffice_reads_them);
	tcase_add_test(tc, files_are_taken_for_spreadsheets_by_their_bytes_and_refused_by_their_name);
	tcase_add_test(tc, a_row_function_that_stops_stops_the_reading);
	suite_add_tcase(s, tc);
	return s;
}
