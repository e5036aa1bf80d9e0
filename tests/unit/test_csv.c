/*
 * test_csv.c - the bytes of a CSV download: headers, BOM, quoting, CRLF, formula safety.
 */
#include <string.h>

#include "csvout.h"
#include "http.h"
#include "unit.h"

/* A download on the captured request, as the pages start one. */
static void
csv_start(struct csv_out *csv, struct req *r, const char *filename)
{
	req_attachment(r, "text/csv; charset=utf-8", filename);
	csv_begin(csv, req_sink(r));
}

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
}
END_TEST

/* What a spreadsheet may skip or take for a sign: each of these cells is run as a formula by
 * some spreadsheet unless neutralized, and each must come out with the apostrophe in front. */
START_TEST(formulas_behind_invisible_characters_and_look_alikes)
{
	static const char *const cells[] = {
		"\xC2\xA0=1+1",		/* no-break space */
		"\xE3\x80\x80=1+1",	/* ideographic space */
		"\xE2\x80\x8B=1+1",	/* zero-width space */
		"\xEF\xBB\xBF@SUM(A1)",	/* zero-width no-break space (a BOM) */
		"\xE2\x80\x83\xE2\x80\x8C\xE2\x81\xA0+1",	/* em space, ZWNJ, word joiner */
		" \n=1",		/* an ordinary space and a line break */
		"\xE2\x80\xAF\xE2\x81\x9F-1",	/* narrow no-break and medium mathematical space */
		"\xEF\xBC\x9D" "1+1",	/* full-width = */
		"\xEF\xBC\x8B" "1",		/* full-width + */
		"\xEF\xBC\x8D" "1",		/* full-width - */
		"\xEF\xBC\xA0SUM(A1)",	/* full-width @ */
		"\xEF\xB9\xA2" "1",	/* small + */
		"\xEF\xB9\xA3" "1",	/* small - */
		"\xEF\xB9\xA6" "1",	/* small = */
		"\xE2\x88\x92" "1",	/* minus sign */
		"\xC2\xA0\xEF\xBC\x9D" "1",	/* both */
	};
	/* Left alone: text after the invisible ones, a sign further in, a sign's neighbours. */
	static const char *const plain[] = {
		"\xC2\xA0Paris", "\xE2\x80\x8B", " ", "a=1", "\xEF\xBC\x9E" "1", "\xE2\x88\x93" "1",
		"\xC2=1", "\xE2\x80=1", "\xE2\x80\x8E=1", "",
	};
	struct captured c;
	struct csv_out csv;
	char expect[128];

	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		captured_open(&c);
		csv_start(&csv, &c.r, "x.csv");
		csv_cell(&csv, cells[i]);
		csv_row_end(&csv);
		csv_finish(&csv);
		snprintf(expect, sizeof expect, "\xEF\xBB\xBF\"'%s\"\r\n", cells[i]);
		ck_assert_msg(strcmp(body_of(captured_text(&c)), expect) == 0, "cell %zu: %s", i,
		    body_of(captured_text(&c)));
		captured_close(&c);
	}
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		captured_open(&c);
		csv_start(&csv, &c.r, "x.csv");
		csv_cell(&csv, plain[i]);
		csv_row_end(&csv);
		csv_finish(&csv);
		snprintf(expect, sizeof expect, "\xEF\xBB\xBF\"%s\"\r\n", plain[i]);
		ck_assert_msg(strcmp(body_of(captured_text(&c)), expect) == 0, "plain %zu", i);
		captured_close(&c);
	}
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
	tcase_add_test(t, formulas_behind_invisible_characters_and_look_alikes);
	tcase_add_test(t, long_cells_grow_the_buffer);
	suite_add_tcase(s, t);
	return s;
}
