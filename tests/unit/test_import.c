/*
 * test_import.c - CSV files as spreadsheets make them (BOM, CRLF, quoted line breaks, fed in
 * any chunks) and as they go wrong (a stray quote, a quote left open, Latin-1, UTF-16, wrong
 * columns, bad rows); an import that fails, or a dry run, leaves the database file byte for
 * byte as it was, and the dry run's sums are what the import then adds; and the multipart
 * bodies uploads arrive in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto.h"
#include "csvin.h"
#include "db.h"
#include "import.h"
#include "multipart.h"
#include "unit.h"

/* --- csvin -------------------------------------------------------------------------------- */

struct seen {
	long	lines[8];
	char	cells[8][4][32];
	size_t	ncells[8];
	int	rows;
};

static int
keep_row(void *ctx, long line, char **cells, size_t n)
{
	struct seen *s = ctx;

	if (s->rows < 8) {
		s->lines[s->rows] = line;
		s->ncells[s->rows] = n;
		for (size_t i = 0; i < n && i < 4; i++)
			snprintf(s->cells[s->rows][i], sizeof s->cells[0][0], "%s", cells[i]);
	}
	s->rows++;
	return 0;
}

static struct csvin in;

/* Reads text (len bytes) fed chunk bytes at a time; returns what csvin ended with. */
static int
read_csv(struct seen *s, const char *text, size_t len, size_t chunk)
{
	int rc = 0;

	memset(s, 0, sizeof *s);
	ck_assert_int_eq(csvin_init(&in, keep_row, s), 0);
	for (size_t o = 0; o < len && rc == 0; o += chunk)
		rc = csvin_feed(&in, text + o, len - o < chunk ? len - o : chunk);
	if (rc == 0)
		rc = csvin_finish(&in);
	csvin_free(&in);
	return rc;
}

START_TEST(csv_rows_come_with_the_line_they_start_on_whatever_the_chunks)
{
	static const char text[] = "\xef\xbb\xbf" "a,b\r\n\"one\r\ntwo\",\"say \"\"hi\"\"\"\r\n\r\nlast, x \n";
	struct seen s;

	for (size_t chunk = 1; chunk <= sizeof text; chunk++) {
		ck_assert_int_eq(read_csv(&s, text, sizeof text - 1, chunk), 0);
		ck_assert_int_eq(s.rows, 3);
		ck_assert_str_eq(s.cells[0][0], "a");	/* the BOM is gone */
		ck_assert_int_eq(s.lines[1], 2);
		ck_assert_str_eq(s.cells[1][0], "one\r\ntwo");
		ck_assert_str_eq(s.cells[1][1], "say \"hi\"");
		ck_assert_int_eq(s.lines[2], 5);	/* the blank line is skipped, and counted */
		ck_assert_str_eq(s.cells[2][1], "x");
	}
	/* No line end after the last row, LF only. */
	ck_assert_int_eq(read_csv(&s, "a,b\nc,d", 7, 64), 0);
	ck_assert_int_eq(s.rows, 2);
	ck_assert_str_eq(s.cells[1][1], "d");
}
END_TEST

START_TEST(csv_problems_name_the_line_and_what_to_do)
{
	struct seen s;
	static const char stray[] = "a,b\nok,1\nbad\"quote,2\n";
	static const char open[] = "a,b\nok,1\n\"never closed,2\nmore\n";

	ck_assert_int_eq(read_csv(&s, "a,b\nx,\"q\"x\n", 12, 64), -1);
	ck_assert(strstr(in.error, "Line 2 has a quote in the middle of a cell") != NULL);
	/* Strict: a quote inside an unquoted cell is refused, not merged with the rows after it. */
	ck_assert_int_eq(read_csv(&s, stray, sizeof stray - 1, 5), -1);
	ck_assert(strncmp(in.error, "Line 3 has a quote in the middle of a cell", 42) == 0);
	ck_assert_int_eq(s.rows, 2);
	ck_assert_int_eq(read_csv(&s, open, sizeof open - 1, 3), -1);
	ck_assert_str_eq(in.error, "The file ends inside a quoted cell that starts on line 3. "
	    "Close the quote (\"), or double a quote meant as text (\"\").");
	ck_assert_int_eq(s.rows, 2);
	ck_assert_int_eq(read_csv(&s, "a,b\nBiblioth\xe8que,1\n", 20, 64), -1);
	ck_assert(strncmp(in.error, "Line 2 is not UTF-8 text.", 25) == 0);
	ck_assert(strstr(in.error, "CSV UTF-8") != NULL);
	ck_assert_int_eq(read_csv(&s, "\xff\xfe" "a\0,\0b\0", 8, 64), -1);
	ck_assert(strncmp(in.error, "The file is UTF-16", 18) == 0);
}
END_TEST

/* --- import ------------------------------------------------------------------------------- */

static struct import im;

static enum import_result
import_text(enum import_kind kind, const char *text)
{
	enum import_result r = import_start(&im, kind, "tester", "test.csv");

	ck_assert_int_eq(r, IMPORT_DONE);
	import_feed(&im, text, strlen(text));
	return import_finish(&im);
}

/* The SHA-256 of the file at path, in hex. */
static void
file_hash(const char *path, char hex[65])
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	uint8_t out[32];

	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n);
	ck_assert_int_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	crypto_sha256(buf, (size_t)n, out);
	crypto_hex(hex, out, 32);
	free(buf);
}

#define ACT_HEADER "partnership,held_on,type,counted_as,format,sessions,att_adult_in,att_adult_virt," \
	"respondents,agree_knowledge,library_cost,notes\r\n"

START_TEST(a_failed_import_leaves_the_database_byte_for_byte_as_it_was)
{
	const char *path = make_test_db(1);
	char before[65], after[65], text[200000];
	size_t o;

	/* Many good rows first (enough to spill pages), then one bad one at the end. */
	o = (size_t)snprintf(text, sizeof text, ACT_HEADER);
	for (int i = 0; i < 1500; i++)
		o += (size_t)snprintf(text + o, sizeof text - o,
		    "1,2026-01-%02d,storytime,program,hybrid,1,%d,2,3,3,1.50,\"row %d, fine\"\r\n", 1 + i % 28, i % 50 + 1, i);
	snprintf(text + o, sizeof text - o, "1,2026-01-05,storytime,program,in_person,1,5,0,3,4,1,bad\r\n");
	file_hash(path, before);
	use_test_db(path);
	ck_assert_int_eq(import_text(IMPORT_ACTIVITIES, text), IMPORT_REFUSED);
	ck_assert_int_eq(im.rows, 1501);
	ck_assert_int_eq(im.bad_rows, 1);
	ck_assert_int_eq(im.imported, 0);
	ck_assert_int_eq(im.nproblems, 1);
	ck_assert_int_eq(im.problems[0].line, 1502);
	ck_assert_str_eq(im.problems[0].column, "agree_knowledge (column J)");
	db_close();	/* the last connection checkpoints and removes the WAL */
	file_hash(path, after);
	ck_assert_str_eq(before, after);
	/* Without the bad row, every row goes in, with one audit record for the file. */
	text[o] = '\0';
	use_test_db(path);
	ck_assert_int_eq(import_text(IMPORT_ACTIVITIES, text), IMPORT_DONE);
	ck_assert_int_eq(im.imported, 1500);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity WHERE notes LIKE 'row %, fine'"), 1500);
	ck_assert_int_eq(query_int(path, "SELECT sum(library_cost_cents) FROM activity WHERE notes LIKE 'row %'"), 225000);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM audit WHERE action = 'imported 1500 activities'"), 1);
	drop_test_db(path);
}
END_TEST

START_TEST(a_file_with_the_wrong_columns_is_refused_naming_them)
{
	const char *path = make_test_db(1);

	use_test_db(path);
	ck_assert_int_eq(import_text(IMPORT_ACTIVITIES, "partnership,held_on,typ\n1,2026-01-01,x\n"), IMPORT_REFUSED);
	ck_assert(strstr(im.fatal, "a column “typ” that is not one of the activities columns") != NULL);
	ck_assert_int_eq(import_text(IMPORT_ACTIVITIES, "partnership,held_on\n1,2026-01-01\n"), IMPORT_REFUSED);
	ck_assert(strstr(im.fatal, "lacks these columns, which every row needs: type, counted_as, format, sessions") != NULL);
	ck_assert_int_eq(import_text(IMPORT_ACTIVITIES, ""), IMPORT_REFUSED);
	ck_assert(strncmp(im.fatal, "The file is empty", 17) == 0);
	/* A row with a cell too many or too few, and choices by their words. */
	ck_assert_int_eq(import_text(IMPORT_ACTIVITIES, "Partnership,Held on,Type,Counted as,Format,Sessions\n"
	    "1,2026-01-01,Storytime or reading,Program,In person,1,extra\n"
	    "1,2026-01-01,Videoconference,outreach,HYBRID\n"), IMPORT_REFUSED);
	ck_assert_int_eq(im.bad_rows, 2);
	ck_assert(strstr(im.problems[0].message, "This row has 7 cells and the header row 6") != NULL);
	ck_assert_int_eq(import_text(IMPORT_ACTIVITIES, "Partnership,Held on,Type,Counted as,Format,Sessions,,\n"
	    "1,2026-01-01,Storytime or reading,Program,In person,1,,\n"
	    "1,2026-01-01,Videoconference,outreach,HYBRID,1\n"), IMPORT_DONE);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity WHERE held_on = '2026-01-01'"
	    " AND type IN ('storytime', 'videoconference')"), 2);
	drop_test_db(path);
}
END_TEST

START_TEST(organizations_are_checked_like_applications_and_listed)
{
	const char *path = make_test_db(1);
	static const char header[] = "name,type,country,city,languages,interests,timezone,contact_name,contact_email,seeking\n";
	char text[2048];

	use_test_db(path);
	/* The same organization twice in one file: the second row is the duplicate. */
	snprintf(text, sizeof text, "%s\"Biblioteca Nueva, Sede Norte\",Public library,Colombia,Cali,"
	    "Spanish; en,Pen-pal exchange;storytime,America/Bogota,Ana,ana@x.org,yes\n"
	    "biblioteca nueva sede norte,public,CO,Cali,es,pen_pals,America/Bogota,Ana,ana@x.org,no\n", header);
	ck_assert_int_eq(import_text(IMPORT_ORGANIZATIONS, text), IMPORT_REFUSED);
	ck_assert_int_eq(im.bad_rows, 1);
	ck_assert_int_eq(im.problems[0].line, 3);
	ck_assert(strstr(im.problems[0].message, "already in the directory") != NULL);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM org WHERE name LIKE 'Biblioteca Nueva%'"), 0);
	snprintf(text, sizeof text, "%s\"Biblioteca Nueva, Sede Norte\",Public library,Colombia,Cali,"
	    "Spanish; en,Pen-pal exchange;storytime,America/Bogota,Ana,ana@x.org,maybe\n", header);
	ck_assert_int_eq(import_text(IMPORT_ORGANIZATIONS, text), IMPORT_REFUSED);
	ck_assert_str_eq(im.problems[0].message, "Write yes or no.");
	text[strlen(text) - 6] = '\0';
	strcat(text, "yes\n");
	ck_assert_int_eq(import_text(IMPORT_ORGANIZATIONS, text), IMPORT_DONE);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM org WHERE name = 'Biblioteca Nueva, Sede Norte'"
	    " AND status = 'listed' AND confirmed_on = date('now') AND seeking = 1"
	    " AND languages_text = 'English; Spanish' AND interests_text = 'Pen-pal exchange; Storytime or reading'"), 1);
	drop_test_db(path);
}
END_TEST

START_TEST(a_dry_run_writes_nothing_and_sums_what_the_import_then_adds)
{
	const char *path = make_test_db(1);
	char before[65], after[65], text[60000];
	struct import_summary sm;
	size_t o;

	o = (size_t)snprintf(text, sizeof text, "partnership,held_on,type,counted_as,format,sessions,"
	    "att_adult_in,att_0_5_virt,staff_hours,library_cost,materials\n");
	for (int i = 0; i < 400; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "%d,2026-02-%02d,storytime,program,hybrid,%d,%d,%d,1:%02d,%d.%02d,%d\n",
		    1 + i % 2, 1 + i % 28, 1 + i % 3, i % 40, i % 7, i % 60, i, i % 100, i % 5);
	file_hash(path, before);
	use_test_db(path);
	ck_assert_int_eq(import_start(&im, IMPORT_ACTIVITIES, "tester", "dry.csv"), IMPORT_DONE);
	im.dry_run = 1;
	import_feed(&im, text, o);
	ck_assert_int_eq(import_finish(&im), IMPORT_DONE);
	ck_assert_int_eq(im.imported, 400);
	ck_assert_int_eq(im.batch_id, 0);
	ck_assert_int_eq(im.summary.npartnerships, 2);
	ck_assert_int_eq(im.summary.partnership[0].id, 1);
	ck_assert_int_eq(im.summary.partnership[0].rows + im.summary.partnership[1].rows, 400);
	ck_assert_int_eq(im.summary.nsample, IMPORT_SAMPLE_ROWS);
	ck_assert_int_eq(im.summary.sample_line[0], 2);
	ck_assert_str_eq(im.summary.sample[0][1], "2026-02-01");
	memcpy(&sm, &im.summary, sizeof sm);
	db_close();
	file_hash(path, after);
	ck_assert_str_eq(before, after);
	/* The import itself adds exactly what the dry run said. */
	use_test_db(path);
	ck_assert_int_eq(import_text(IMPORT_ACTIVITIES, text), IMPORT_DONE);
	ck_assert_int_eq(im.imported, 400);
	ck_assert_int_eq(query_int(path, "SELECT sum(sessions) FROM activity WHERE id IN"
	    " (SELECT activity_id FROM import_batch_activity)"), (int)sm.sessions);
	ck_assert_int_eq(query_int(path, "SELECT sum(att_adult_in + att_0_5_virt) FROM activity WHERE id IN"
	    " (SELECT activity_id FROM import_batch_activity)"), (int)sm.attendance);
	ck_assert_int_eq(query_int(path, "SELECT sum(staff_minutes) FROM activity WHERE id IN"
	    " (SELECT activity_id FROM import_batch_activity)"), (int)sm.staff_minutes);
	ck_assert_int_eq(query_int(path, "SELECT sum(library_cost_cents) FROM activity WHERE id IN"
	    " (SELECT activity_id FROM import_batch_activity)"), (int)sm.library_cost_cents);
	ck_assert_int_eq(query_int(path, "SELECT sum(materials) FROM activity WHERE id IN"
	    " (SELECT activity_id FROM import_batch_activity)"), (int)sm.materials);
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM activity WHERE partnership_id = 1 AND id IN"
	    " (SELECT activity_id FROM import_batch_activity)"), (int)sm.partnership[0].rows);
	drop_test_db(path);
}
END_TEST

/* --- multipart ---------------------------------------------------------------------------- */

START_TEST(multipart_bodies_are_split_into_their_parts)
{
	static const char body[] = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "abc\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.csv\"\r\n"
	    "Content-Type: text/csv\r\n\r\nx,y\r\n1,2\r\n\r\n--XyZ--\r\n";
	struct multipart_part parts[MULTIPART_PARTS_MAX];
	const struct multipart_part *file;
	int n = multipart_parse("multipart/form-data; boundary=XyZ", body, sizeof body - 1, parts,
	    MULTIPART_PARTS_MAX);

	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(parts[0].name, "csrf");
	ck_assert_int_eq(parts[0].len, 3);
	ck_assert(!parts[0].is_file);
	file = multipart_find(parts, n, "file");
	ck_assert_ptr_nonnull(file);
	ck_assert(file->is_file);
	ck_assert_str_eq(file->filename, "a b.csv");
	ck_assert_int_eq(file->len, 10);
	ck_assert_int_eq(memcmp(file->data, "x,y\r\n1,2\r\n", 10), 0);
	ck_assert_int_eq(multipart_parse("multipart/form-data; boundary=\"XyZ\"", body, sizeof body - 1,
	    parts, MULTIPART_PARTS_MAX), 2);
	ck_assert_int_eq(multipart_parse("multipart/form-data; boundary=Other", body, sizeof body - 1,
	    parts, MULTIPART_PARTS_MAX), -1);
	ck_assert_int_eq(multipart_parse("text/plain; boundary=XyZ", body, sizeof body - 1, parts, 8), -1);
	ck_assert_int_eq(multipart_parse("multipart/form-data; boundary=XyZ", body, 60, parts, 8), -1);
	ck_assert_int_eq(multipart_parse("multipart/form-data; boundary=XyZ", body, sizeof body - 1, parts, 1), -1);
}
END_TEST

Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, csv_rows_come_with_the_line_they_start_on_whatever_the_chunks);
	tcase_add_test(tc, csv_problems_name_the_line_and_what_to_do);
	tcase_add_test(tc, a_failed_import_leaves_the_database_byte_for_byte_as_it_was);
	tcase_add_test(tc, a_file_with_the_wrong_columns_is_refused_naming_them);
	tcase_add_test(tc, organizations_are_checked_like_applications_and_listed);
	tcase_add_test(tc, a_dry_run_writes_nothing_and_sums_what_the_import_then_adds);
	tcase_add_test(tc, multipart_bodies_are_split_into_their_parts);
	suite_add_tcase(s, tc);
	return s;
}
