/*
 * test_searchquery.c - the search box's input becomes a safe FTS5 query: the exact
 * expressions, and every hostile input accepted by a real FTS5 table without an error.
 */
#include <string.h>
#include <sqlite3.h>

#include "searchquery.h"
#include "unit.h"

static struct search_query q;

/* The word expression of input (for org_fts). */
static const char *
built(const char *input)
{
	ck_assert_int_ge(searchquery_parse(input, &q), 0);
	return q.words;
}

START_TEST(words_phrases_and_the_prefix)
{
	ck_assert_str_eq(built("bibli"), "\"bibli\" *");
	ck_assert_str_eq(built("pen pals "), "\"pen\" \"pals\"");
	ck_assert_str_eq(built("pen pals"), "\"pen\" \"pals\" *");
	ck_assert_str_eq(built("\"book exchange\" bogota"), "\"book exchange\" \"bogota\" *");
	ck_assert_str_eq(built("Львів \"storytime\""), "\"Львів\" \"storytime\"");
}
END_TEST

START_TEST(unspaced_scripts_are_substrings)
{
	ck_assert_int_eq(searchquery_parse("  図書館  ", &q), 1);
	ck_assert_str_eq(q.words, "");
	ck_assert_str_eq(q.substrings, "\"図書館\"");
	ck_assert_int_eq(searchquery_parse("上海 library 中央図書館 부산 ห้องสมุด", &q), 5);
	ck_assert_str_eq(q.words, "\"library\"");
	ck_assert_str_eq(q.substrings, "\"中央図書館\" \"ห้องสมุด\"");
	ck_assert_int_eq(q.nshort, 2);
	ck_assert_str_eq(q.shorts[0], "上海");
	ck_assert_str_eq(q.shorts[1], "부산");
	/* A third one- or two-character term is dropped, and not counted. */
	ck_assert_int_eq(searchquery_parse("上 海 市", &q), 2);
	ck_assert_int_eq(searchquery_parse("\"中央 図書館\" x", &q), 2);
	ck_assert_str_eq(q.substrings, "\"中央 図書館\"");
	ck_assert_str_eq(q.words, "\"x\" *");
	/* Cyrillic and Arabic are written with spaces: words, with the prefix. */
	ck_assert_int_eq(searchquery_parse("Бібл مكت", &q), 2);
	ck_assert_str_eq(q.words, "\"Бібл\" \"مكت\" *");
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
	char big[SEARCHQUERY_INPUT_MAX + 2];

	ck_assert_int_eq(searchquery_parse("", &q), 0);
	ck_assert_int_eq(searchquery_parse("   ", &q), 0);
	ck_assert_int_eq(searchquery_parse("- * \"\" ( ) ^", &q), 0);
	ck_assert_str_eq(q.words, "");
	ck_assert_str_eq(q.substrings, "");
	ck_assert_int_eq(searchquery_parse("pen - pals", &q), 2);
	ck_assert_str_eq(q.words, "\"pen\" \"pals\" *");
	ck_assert_int_eq(searchquery_parse("a b c d e f g h i j k l m n o p q r s", &q), 16);
	ck_assert_str_eq(q.words + strlen(q.words) - 3, "\"p\"");	/* the 16th, no prefix: more followed */
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ck_assert_int_eq(searchquery_parse(big, &q), -1);
	big[sizeof big - 2] = '\0';
	ck_assert_int_eq(searchquery_parse(big, &q), 1);
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
	char sql[] = "SELECT count(*) FROM t WHERE t MATCH ?";
	sqlite3_stmt *s;

	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(name, "
	    "tokenize = 'unicode61 remove_diacritics 2');"
	    "INSERT INTO t VALUES ('Biblioteca Pública de Bogotá'), ('NEAR OR AND pen-pal');",
	    NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		int terms = searchquery_parse(hostile[i], &q);
		ck_assert_int_ge(terms, 0);
		if (terms == 0)
			continue;
		ck_assert_str_ne(q.words, "");
		sqlite3_bind_text(s, 1, q.words, -1, SQLITE_STATIC);
		ck_assert_msg(sqlite3_step(s) == SQLITE_ROW, "%s -> %s: %s", hostile[i], q.words,
		    sqlite3_errmsg(db));
		sqlite3_reset(s);
	}
	/* And the folding works through it: no accents, any case, a prefix. */
	searchquery_parse("BOGOTA publ", &q);
	sqlite3_bind_text(s, 1, q.words, -1, SQLITE_STATIC);
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
	tcase_add_test(t, unspaced_scripts_are_substrings);
	tcase_add_test(t, operators_become_plain_words);
	tcase_add_test(t, nothing_searchable_is_zero_terms);
	tcase_add_test(t, every_hostile_input_is_accepted_by_fts5);
	suite_add_tcase(s, t);
	return s;
}
