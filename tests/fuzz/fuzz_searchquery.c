/*
 * fuzz_searchquery.c - libFuzzer target: any valid UTF-8 a visitor can type becomes an FTS5
 * query that fits in 3 * length + 8 bytes and that a real FTS5 table runs without an error.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "params.h"
#include "searchquery.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sqlite3 *db;
	static sqlite3_stmt *s;
	static char input[512], out[3 * 512 + 8];
	int terms;

	if (db == NULL) {
		if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
		    sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(name, description,"
		    " tokenize = 'unicode61 remove_diacritics 2');"
		    "INSERT INTO t VALUES ('Biblioteca Pública', 'pen pals NEAR OR AND');",
		    NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &s, NULL))
			abort();
	}
	if (size >= sizeof input)
		return 0;
	memcpy(input, data, size);
	input[size] = '\0';
	if (!utf8_valid(input, size))
		return 0;	/* the parameter table never lets such text through */
	terms = searchquery_build(input, out, 3 * size + 8);
	if (terms < 0 || terms > SEARCHQUERY_TERMS_MAX || (terms == 0 && out[0] != '\0'))
		abort();
	if (terms == 0)
		return 0;
	sqlite3_bind_text(s, 1, out, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_ROW)
		abort();	/* an FTS5 syntax error: exactly what must never happen */
	sqlite3_reset(s);
	return 0;
}
