/*
 * test_searchquery.c - the search box's input becomes a safe FTS5 query: the exact
 * expressions, and every hostile input accepted by a real FTS5 table without an error.
 */
#include <string.h>
#include <sqlite3.h>

#include "searchquery.h"
#include "unit.h"

static const char *
built(const char *input)
{
	static char out[1024];
	ck_assert_int_ge(searchquery_build(input, out, sizeof out), 0);
	return out;
}

START_TEST(words_phrases_and_the_prefix)
{
	ck_assert_str_eq(built("bibli"), "\"bibli\" *");
	ck_assert_str_eq(built("pen pals "), "\"pen\" \"pals\"");
	ck_assert_str_eq(built("pen pals"), "\"pen\" \"pals\" *");
	ck_assert_str_eq(built("\"book exchange\" bogota"), "\"book exchange\" \"bogota\" *");
	ck_assert_str_eq(built("Львів \"storytime\""), "\"Львів\" \"storytime\"");
	ck_assert_str_eq(built("  図書館  "), "\"図書館\"");
}
END_TEST

START_TEST(operators_become_plain_words)
{
	ck_assert_str_eq(built("pen OR NOT pals AND NEAR(x y)"),
	    "\"pen\" \"OR\" \"NOT\" \"pals\" \"AND\" \"NEAR(x\" \"y)\" *");
	ck_assert_str_eq(built("name:bogota ^start x*"), "\"name:bogota\" \"^start\" \"x*\" *");
	ck_assert_str_eq(built("say \"hi"), "\"say\" \"\"\"hi\" *");	/* unbalanced quote */
	ck_assert_str_eq(built("a\"b\"c"), "\"a\"\"b\"\"c\" *");
}
END_TEST

START_TEST(nothing_searchable_is_zero_terms)
{
	char out[64];

	ck_assert_int_eq(searchquery_build("", out, sizeof out), 0);
	ck_assert_int_eq(searchquery_build("   ", out, sizeof out), 0);
	ck_assert_int_eq(searchquery_build("- * \"\" ( ) ^", out, sizeof out), 0);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(searchquery_build("pen - pals", out, sizeof out), 2);
	ck_assert_str_eq(out, "\"pen\" \"pals\" *");
	ck_assert_int_eq(searchquery_build("a b c d e f g h i j k l m n o p q r s", out, sizeof out), -1);
	ck_assert_int_eq(searchquery_build("a b c d e f g h i j k l m n o p q r s", out, 200), 16);
	ck_assert_str_eq(out + strlen(out) - 3, "\"p\"");	/* the 16th, no prefix: more followed */
}
END_TEST

START_TEST(every_hostile_input_is_accepted_by_fts5)
{
	static const char *const hostile[] = {
		"\"", "\"\"\"", "-", "*", "^", "NEAR", "NEAR(", "a OR", "AND b", "NOT", "(a", "a)",
		"name:x", "{name desc}: x", "x:", "\"a\" \"", "a\"", "*a", "a**", "+", "'", "''",
		"\\\"", "a NEAR/2 b", "\"unterminated phrase", "COLUMN:\"x\"", ") OR (",
	};
	sqlite3 *db;
	char out[256], sql[] = "SELECT count(*) FROM t WHERE t MATCH ?";
	sqlite3_stmt *s;

	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(name, "
	    "tokenize = 'unicode61 remove_diacritics 2');"
	    "INSERT INTO t VALUES ('Biblioteca Pública de Bogotá'), ('NEAR OR AND pen-pal');",
	    NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		int terms = searchquery_build(hostile[i], out, sizeof out);
		ck_assert_int_ge(terms, 0);
		if (terms == 0)
			continue;
		sqlite3_bind_text(s, 1, out, -1, SQLITE_STATIC);
		ck_assert_msg(sqlite3_step(s) == SQLITE_ROW, "%s -> %s: %s", hostile[i], out,
		    sqlite3_errmsg(db));
		sqlite3_reset(s);
	}
	/* And the folding works through it: no accents, any case, a prefix. */
	searchquery_build("BOGOTA publ", out, sizeof out);
	sqlite3_bind_text(s, 1, out, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 1);
	sqlite3_finalize(s);
	sqlite3_close(db);
}
END_TEST

Suite *
searchquery_suite(void)
{
	Suite *s = suite_create("searchquery");
	TCase *t = tcase_create("build");

	tcase_add_test(t, words_phrases_and_the_prefix);
	tcase_add_test(t, operators_become_plain_words);
	tcase_add_test(t, nothing_searchable_is_zero_terms);
	tcase_add_test(t, every_hostile_input_is_accepted_by_fts5);
	suite_add_tcase(s, t);
	return s;
}
