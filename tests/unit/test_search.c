/*
 * test_search.c - search over the demo directory at the level of the core: every facet count
 * beside a search's results equals the rows that choosing it returns, for each way a search
 * finds rows (words, trigram substrings, a name scan), with and without filters; ranking puts
 * a name match above a description match; the marks fall on the matched words.
 */
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "directory.h"
#include "facets.h"
#include "search.h"
#include "unit.h"

static const char *path;

static void
setup(void)
{
	path = make_test_db(1);
	use_test_db(path);
}

static void
teardown(void)
{
	drop_test_db(path);
}

static long
rows(const struct org_filter *f, const struct search *s)
{
	struct org_cursor c;
	sqlite3_int64 id;
	long n = 0;

	ck_assert_int_eq(search_open(&c, f, s, -1, 0), 0);
	while (search_next_id(&c, &id) == 1)
		n++;
	ck_assert_int_eq(c.rc, SQLITE_DONE);
	directory_close(&c);
	return n;
}

/* Every choice of every facet: its count is the rows returned once it is chosen. */
static void
check_facets(const char *q, const struct org_filter *base, long expect_total)
{
	struct search s;
	struct directory_summary *sum;
	int busy;

	ck_assert_int_gt(search_prepare(&s, q), 0);
	sum = directory_summary(base, &s, &busy);
	ck_assert_ptr_nonnull(sum);
	ck_assert_int_eq(sum->total, rows(base, &s));
	if (expect_total >= 0)
		ck_assert_int_eq(sum->total, expect_total);
	for (int f = 0; f < FACET__MAX; f++) {
		struct facet_list list;

		/* The summary is replaced by the next call: copy what is being walked. */
		list = sum->facets[f];
		for (size_t i = 0; i < list.n; i++) {
			struct org_filter chosen = *base;
			char value[64];
			long count = list.items[i].count;

			snprintf(value, sizeof value, "%s", list.items[i].value);
			chosen.value[f] = value;
			ck_assert_msg(rows(&chosen, &s) == count, "q=%s facet %d value %s: %ld rows, "
			    "count %ld", q, f, value, rows(&chosen, &s), count);
			sum = directory_summary(base, &s, &busy);	/* from the cache: same lists */
			list = sum->facets[f];
		}
	}
}

START_TEST(facet_counts_are_the_rows_returned)
{
	struct org_filter none = { { NULL } }, in_fr = { { NULL } }, spanish = { { NULL } };

	in_fr.value[FACET_COUNTRY] = "FR";
	spanish.value[FACET_LANGUAGE] = "es";
	check_facets("bibli", &none, -1);
	check_facets("library", &none, -1);
	check_facets("pen pals", &spanish, -1);
	check_facets("bibliotheque", &in_fr, -1);
	check_facets("図書館", &none, 2);	/* trigram: 掛川市立中央図書館, 大阪府立中央図書館 */
	check_facets("上海", &none, 1);		/* two characters: a name scan */
	check_facets("中央 図書館", &none, 2);	/* a trigram and a scan together */
	check_facets("library 図書館", &none, -1);	/* words and a substring */
}
END_TEST

START_TEST(folding_prefix_and_phrase)
{
	struct org_filter none = { { NULL } };
	struct search s;

	search_prepare(&s, "BOGOTA");
	ck_assert_int_eq(rows(&none, &s), query_int(path, "SELECT count(*) FROM org WHERE status ="
	    " 'listed' AND (name LIKE '%Bogotá%' OR city = 'Bogotá' OR description LIKE '%Bogotá%')"));
	ck_assert_int_gt(rows(&none, &s), 0);
	search_prepare(&s, "bibliotheque");
	ck_assert_int_eq(rows(&none, &s), query_int(path, "SELECT count(*) FROM org WHERE status ="
	    " 'listed' AND (name LIKE '%bibliothèque%' OR name_en LIKE '%bibliothèque%' OR"
	    " description LIKE '%bibliothèque%' OR seeking_text LIKE '%bibliothèque%')"));
	ck_assert_int_gt(rows(&none, &s), 0);
	/* "bibli" as a prefix finds at least every Biblioteca and Bibliothèque by name. */
	search_prepare(&s, "bibli");
	ck_assert_int_ge(rows(&none, &s), query_int(path, "SELECT count(*) FROM org WHERE status"
	    " = 'listed' AND (name LIKE 'Biblioteca%' OR name LIKE 'Bibliothèque%')"));
	/* Not a prefix when followed by a space: a whole word only. */
	search_prepare(&s, "bibli ");
	ck_assert_int_eq(rows(&none, &s), 0);
	/* A phrase needs its words side by side; the same words apart are not enough. */
	search_prepare(&s, "\"public library\"");
	ck_assert_int_eq(rows(&none, &s), query_int(path, "SELECT count(*) FROM org WHERE status"
	    " = 'listed' AND (name || ' ' || name_en || ' ' || description || ' ' || seeking_text)"
	    " LIKE '%public library%'"));
	search_prepare(&s, "\"library public\"");
	ck_assert_int_eq(rows(&none, &s), 0);
}
END_TEST

START_TEST(name_ranks_above_description_and_marks_fall_on_terms)
{
	struct org_filter none = { { NULL } };
	struct org_cursor c;
	struct search s;
	struct search_marks m;
	sqlite3_int64 first;
	sqlite3 *other;

	/* Two new entries: "Zanzibar" in the name of one and the description of the other. */
	ck_assert_int_eq(sqlite3_open(path, &other), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(other,
	    "INSERT INTO org (id, name, kind, type, country, description, status) VALUES"
	    " (9001, 'Harbour Reading Room', 'library', 'public', 'TZ', 'Books about Zanzibar and its history.', 'listed'),"
	    " (9002, 'Zanzibar Stone Town Library', 'library', 'public', 'TZ', 'A town library.', 'listed');",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	search_prepare(&s, "zanzibar");
	ck_assert_int_eq(rows(&none, &s), 2);
	ck_assert_int_eq(search_open(&c, &none, &s, 1, 0), 0);
	ck_assert_int_eq(search_next_id(&c, &first), 1);
	directory_close(&c);
	ck_assert_int_eq(first, 9002);
	search_marks(&s, 9002, "", "", &m);
	ck_assert_str_eq(m.name, "\x02Zanzibar\x03 Stone Town Library");
	ck_assert_ptr_null(m.snippet);	/* nothing to mark in its description */
	search_marks_free(&m);
	search_marks(&s, 9001, "", "", &m);
	ck_assert_ptr_null(m.name);
	ck_assert_str_eq(m.snippet, "Books about \x02Zanzibar\x03 and its history.");
	search_marks_free(&m);
	/* A scan marks its short substring itself. */
	search_prepare(&s, "上海");
	search_marks(&s, 98, "上海图书馆", "", &m);
	ck_assert_str_eq(m.name, "\x02上海\x03图书馆");
	ck_assert_ptr_null(m.name_en);
	search_marks_free(&m);
}
END_TEST

Suite *
search_suite(void)
{
	Suite *s = suite_create("search");
	TCase *t = tcase_create("demo");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 60);
	tcase_add_test(t, facet_counts_are_the_rows_returned);
	tcase_add_test(t, folding_prefix_and_phrase);
	tcase_add_test(t, name_ranks_above_description_and_marks_fall_on_terms);
	suite_add_tcase(s, t);
	return s;
}
