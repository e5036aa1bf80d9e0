/*
 * importpending.c - an uploaded file kept between its preview and the confirmation (import.h,
 * schema 017).
 *
 * The import page checks a file with a dry run and shows what it would add; the browser then
 * confirms, but cannot send the file input again, so the bytes wait in import_pending under a
 * random token. The table keeps the token's SHA-256, not the token, so a copy of the database
 * (a backup, an export) holds nothing that confirms an import. A token works only for the
 * account that sent the file, for an hour, and once: the confirmed import deletes the row in
 * its own transaction, so a second confirm, racing or late, finds nothing. Each new preview
 * deletes the expired rows and all but an account's last few, which bounds the table.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "crypto.h"
#include "db.h"
#include "import.h"

DB_READER(STMT_IMPORT_PENDING_GET, 5);

static void
token_hash(const char *token, char hex[2 * CRYPTO_HASH_SIZE + 1])
{
	uint8_t digest[CRYPTO_HASH_SIZE];

	crypto_sha256(token, strlen(token), digest);
	crypto_hex(hex, digest, sizeof digest);
}

enum import_result
import_pending_put(const char *actor, enum import_kind kind, const char *file, int date_order,
    const void *data, size_t len, char token[IMPORT_PENDING_CHARS + 1])
{
	uint8_t raw[IMPORT_PENDING_CHARS / 2];
	char hex[2 * CRYPTO_HASH_SIZE + 1];
	enum change_result r;
	sqlite3_stmt *q;
	int rc = SQLITE_ERROR;

	if (crypto_random(raw, sizeof raw) < 0)
		return IMPORT_FAILED;
	crypto_hex(token, raw, sizeof raw);
	token_hash(token, hex);
	if ((r = change_begin()) != CHANGE_OK)
		return r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
	if ((q = db_stmt(STMT_IMPORT_PENDING_EXPIRE)) != NULL)
		rc = db_write(q);
	if (rc == SQLITE_OK && (rc = SQLITE_ERROR, q = db_stmt(STMT_IMPORT_PENDING_TRIM)) != NULL) {
		sqlite3_bind_text(q, 1, actor, -1, SQLITE_STATIC);
		rc = db_write(q);
	}
	if (rc == SQLITE_OK && (rc = SQLITE_ERROR, q = db_stmt(STMT_IMPORT_PENDING_INSERT)) != NULL) {
		sqlite3_bind_text(q, 1, hex, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, actor, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, import_kind_names[kind], -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 4, file, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 5, date_order);
		sqlite3_bind_blob(q, 6, data, (int)len, SQLITE_STATIC);
		rc = db_write(q);
	}
	r = change_finish(rc == SQLITE_OK ? CHANGE_OK : change_failed(rc));
	return r == CHANGE_OK ? IMPORT_DONE : r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
}

int
import_pending_get(const char *token, const char *actor, struct import_pending *pe, char *buf, size_t size)
{
	struct db_cursor c = { db_stmt(STMT_IMPORT_PENDING_GET), SQLITE_OK };
	char hex[2 * CRYPTO_HASH_SIZE + 1];
	int found;

	if (strlen(token) != IMPORT_PENDING_CHARS)
		return 0;	/* not one of ours: no need to ask */
	if (c.stmt == NULL)
		return -1;
	token_hash(token, hex);
	sqlite3_bind_text(c.stmt, 1, hex, -1, SQLITE_STATIC);
	sqlite3_bind_text(c.stmt, 2, actor, -1, SQLITE_STATIC);
	if ((found = db_cursor_step(&c)) == 1) {
		size_t len = (size_t)sqlite3_column_bytes(c.stmt, 4);
		pe->id = sqlite3_column_int64(c.stmt, 0);
		snprintf(pe->kind, sizeof pe->kind, "%s", db_text(c.stmt, 1));
		snprintf(pe->file, sizeof pe->file, "%s", db_text(c.stmt, 2));
		pe->date_order = sqlite3_column_int(c.stmt, 3);
		if (len > size)
			found = -1;	/* larger than any upload the page takes: not ours */
		else {
			if (len)
				memcpy(buf, sqlite3_column_blob(c.stmt, 4), len);
			pe->len = len;
		}
	}
	db_cursor_close(&c);
	return found;
}

int
import_pending_claim(struct import *im, long long id)
{
	sqlite3_stmt *q = db_stmt(STMT_IMPORT_PENDING_DELETE);

	if (q == NULL || (sqlite3_bind_int64(q, 1, id), db_write(q)) != SQLITE_OK) {
		snprintf(im->fatal, sizeof im->fatal, "The records could not be written; nothing was "
		    "imported. Try again in a moment.");
		return -1;
	}
	if (sqlite3_changes(sqlite3_db_handle(q)) == 1)
		return 0;
	snprintf(im->fatal, sizeof im->fatal, "This preview was confirmed already, or has expired. "
	    "Nothing more was imported: send the file again to see what it would add now.");
	return -1;
}
