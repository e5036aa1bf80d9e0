/*
 * fuzz_searchquery.c - libFuzzer target: any valid UTF-8 a visitor can type becomes queries
 * that real FTS5 tables (unicode61 and trigram, as in schema/004_search.sql) run without an
 * error, with the terms counted right and the short substrings within their bounds.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "params.h"
#include "searchquery.h"

static void
must_run(sqlite3_stmt *s, const char *expr)
{
	if (expr[0] == '\0')
		return;
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_ROW)
		abort();	/* an FTS5 syntax error: exactly what must never happen */
	sqlite3_reset(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sqlite3 *db;
	static sqlite3_stmt *words, *substrings;
	static struct search_query q;
	char input[SEARCHQUERY_INPUT_MAX + 1];
	int terms;

	if (db == NULL) {
		if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
		    sqlite3_exec(db, "CREATE VIRTUAL TABLE w USING fts5(name, description,"
		    " tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
		    "CREATE VIRTUAL TABLE t USING fts5(name, tokenize = 'trigram');"
		    "INSERT INTO w VALUES ('Biblioteca Pública', 'pen pals NEAR OR AND');"
		    "INSERT INTO t VALUES ('掛川市立中央図書館');",
		    NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_prepare_v2(db, "SELECT count(*) FROM w WHERE w MATCH ?", -1, &words, NULL) ||
		    sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &substrings, NULL))
			abort();
	}
	if (size >= sizeof input)
		return 0;
	memcpy(input, data, size);
	input[size] = '\0';
	if (!utf8_valid(input, size))
		return 0;	/* the parameter table never lets such text through */
	terms = searchquery_parse(input, &q);
	if (terms < 0 || terms > SEARCHQUERY_TERMS_MAX || q.nshort > SEARCHQUERY_SHORT_MAX)
		abort();
	if ((terms == 0) != (q.words[0] == '\0' && q.substrings[0] == '\0' && q.nshort == 0))
		abort();
	for (int i = 0; i < q.nshort; i++)
		if (q.shorts[i][0] == '\0' || strlen(q.shorts[i]) > 8)
			abort();
	must_run(words, q.words);
	must_run(substrings, q.substrings);
	return 0;
}
