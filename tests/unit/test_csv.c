/*
 * test_csv.c - the bytes of a CSV download: headers, BOM, quoting, CRLF, formula safety.
 */
#include <string.h>

#include "csvout.h"
#include "unit.h"

/* The body after the blank line that ends the CGI headers. */
static const char *
body_of(const char *out)
{
	const char *b = strstr(out, "\r\n\r\n");
	ck_assert_ptr_nonnull(b);
	return b + 4;
}

START_TEST(headers_bom_quoting_and_crlf)
{
	struct captured c;
	struct csv_out csv;
	const char *out;

	captured_open(&c);
	csv_start(&csv, &c.r, "liaison-directory-2026-01-01.csv");
	csv_cell(&csv, "name");
	csv_cell(&csv, "city");
	csv_row_end(&csv);
	csv_cell(&csv, "Bibliothèque \"Sainte\", Paris");
	csv_cell(&csv, "line one\nline two");
	csv_cell_int(&csv, -5);
	csv_cell(&csv, NULL);
	csv_row_end(&csv);
	csv_finish(&csv);
	out = captured_text(&c);
	ck_assert_ptr_nonnull(strstr(out, "Status: 200 OK\r\n"));
	ck_assert_ptr_nonnull(strstr(out, "Content-Type: text/csv; charset=utf-8\r\n"));
	ck_assert_ptr_nonnull(strstr(out,
	    "Content-Disposition: attachment; filename=\"liaison-directory-2026-01-01.csv\"\r\n"));
	ck_assert_str_eq(body_of(out),
	    "\xEF\xBB\xBF\"name\",\"city\"\r\n"
	    "\"Bibliothèque \"\"Sainte\"\", Paris\",\"line one\nline two\",-5,\"\"\r\n");
	captured_close(&c);
}
END_TEST

START_TEST(formula_cells_are_neutralized)
{
	static const char *const cells[] = { "=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx" };
	static const char *const want[] = {
		"\"'=HYPERLINK(\"\"x\"\")\"", "\"'+1\"", "\"'-2+3\"", "\"'@SUM(A1)\"", "\"'\tx\"", "\"'\rx\""
	};
	struct captured c;
	struct csv_out csv;

	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		char expect[64];

		captured_open(&c);
		csv_start(&csv, &c.r, "x.csv");
		csv_cell(&csv, cells[i]);
		csv_cell(&csv, "a=b");	/* not at the start: harmless, left alone */
		csv_row_end(&csv);
		csv_finish(&csv);
		snprintf(expect, sizeof expect, "\xEF\xBB\xBF%s,\"a=b\"\r\n", want[i]);
		ck_assert_str_eq(body_of(captured_text(&c)), expect);
		captured_close(&c);
	}
	ck_assert_int_eq(csv_formula_start('='), 1);
	ck_assert_int_eq(csv_formula_start('A'), 0);
}
END_TEST

START_TEST(long_cells_grow_the_buffer)
{
	static char big[100000];
	struct captured c;
	struct csv_out csv;
	const char *b;

	memset(big, '"', sizeof big - 1);
	captured_open(&c);
	csv_start(&csv, &c.r, "x.csv");
	csv_cell(&csv, big);
	csv_row_end(&csv);
	csv_finish(&csv);
	b = body_of(captured_text(&c));
	/* BOM + outer quotes + every quote doubled + CRLF */
	ck_assert_uint_eq(strlen(b), 3 + 2 + 2 * (sizeof big - 1) + 2);
	captured_close(&c);
}
END_TEST

Suite *
csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *t = tcase_create("write");

	tcase_add_test(t, headers_bom_quoting_and_crlf);
	tcase_add_test(t, formula_cells_are_neutralized);
	tcase_add_test(t, long_cells_grow_the_buffer);
	suite_add_tcase(s, t);
	return s;
}
