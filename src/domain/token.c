/*
 * token.c - CSRF form tokens and address hashes under the site secret (see token.h).
 *
 * The secret is one row of site_secret, made by migration 005 with randomblob(32). It is read
 * once per process and kept; replacing it in the database takes effect as processes restart.
 */
#include <string.h>

#include "crypto.h"
#include "db.h"
#include "token.h"

static uint8_t	secret[32];
static int	have_secret;

void
token_forget_secret(void)
{
	explicit_bzero(secret, sizeof secret);
	have_secret = 0;
}

static int
load_secret(void)
{
	sqlite3_stmt *s;

	if (have_secret)
		return 0;
	if ((s = db_stmt(STMT_SITE_SECRET)) == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_bytes(s, 0) == (int)sizeof secret) {
		memcpy(secret, sqlite3_column_blob(s, 0), sizeof secret);
		have_secret = 1;
	}
	db_done(s);
	return have_secret ? 0 : -1;
}

/* The 16 bytes of MAC a token carries for (purpose, binding, stamp, nonce). */
static void
mac(const char *purpose, const char *binding, const uint8_t stamp[8],
    const uint8_t nonce[TOKEN_NONCE_SIZE], uint8_t out[32])
{
	/* Lengths are part of the message through the NUL terminators: "ab"+"c" ≠ "a"+"bc". */
	const void *parts[] = { purpose, binding, stamp, nonce };
	size_t lens[] = { strlen(purpose) + 1, strlen(binding) + 1, 8, TOKEN_NONCE_SIZE };

	crypto_hmac(secret, sizeof secret, parts, lens, 4, out);
}

int
token_make(char out[TOKEN_CHARS + 1], const char *purpose, const char *binding, time_t now)
{
	uint8_t raw[8 + TOKEN_NONCE_SIZE + 16], full[32];
	uint64_t t = (uint64_t)now;

	out[0] = '\0';
	if (load_secret() < 0)
		return -1;
	for (int i = 0; i < 8; i++)
		raw[i] = (uint8_t)(t >> (56 - 8 * i));
	if (crypto_random(raw + 8, TOKEN_NONCE_SIZE) < 0)
		return -1;
	mac(purpose, binding, raw, raw + 8, full);
	memcpy(raw + 8 + TOKEN_NONCE_SIZE, full, 16);
	crypto_hex(out, raw, sizeof raw);
	return 0;
}

enum token_verdict
token_check(const char *tok, const char *purpose, const char *binding, time_t now,
    long min_age, long max_age, uint8_t nonce[TOKEN_NONCE_SIZE])
{
	uint8_t raw[8 + TOKEN_NONCE_SIZE + 16], full[32];
	uint64_t t = 0;
	long long age;

	if (tok == NULL || *tok == '\0')
		return TOKEN_MISSING;
	if (strlen(tok) != TOKEN_CHARS || crypto_unhex(raw, sizeof raw, tok) < 0 ||
	    load_secret() < 0)
		return TOKEN_BAD;
	mac(purpose, binding, raw, raw + 8, full);
	if (!crypto_equal(full, raw + 8 + TOKEN_NONCE_SIZE, 16))
		return TOKEN_BAD;
	for (int i = 0; i < 8; i++)
		t = t << 8 | raw[i];
	if (nonce)
		memcpy(nonce, raw + 8, TOKEN_NONCE_SIZE);
	age = (long long)now - (long long)t;
	/* A minute of clock skew between processes is forgiven; more is not a real token. */
	if (age > max_age || age < -60)
		return TOKEN_EXPIRED;
	if (age < min_age)
		return TOKEN_EARLY;
	return TOKEN_OK;
}

time_t
token_issued(const char *tok)
{
	uint8_t raw[8];
	uint64_t t = 0;
	char stamp[17];

	if (tok == NULL || strlen(tok) != TOKEN_CHARS)
		return 0;
	memcpy(stamp, tok, 16);
	stamp[16] = '\0';
	if (crypto_unhex(raw, sizeof raw, stamp) < 0)
		return 0;
	for (int i = 0; i < 8; i++)
		t = t << 8 | raw[i];
	return (time_t)t;
}

int
token_hash_address(const char *addr, uint8_t out[32])
{
	const void *parts[] = { "address", addr };
	size_t lens[] = { 8, strlen(addr) };

	if (load_secret() < 0)
		return -1;
	crypto_hmac(secret, sizeof secret, parts, lens, 2, out);
	return 0;
}
