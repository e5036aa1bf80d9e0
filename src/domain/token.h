/*
 * token.h - form tokens against cross-site request forgery, and keyed hashes of addresses.
 *
 * A token is 72 hex digits: an 8-byte issue time, a 12-byte random nonce and the first 16
 * bytes of HMAC-SHA-256(site secret, purpose, binding, time, nonce). The purpose ("apply",
 * "staff") keeps one form's token from working on another; the binding ties a staff token to
 * its session, so a token taken from one browser is worth nothing in another. Tokens carry
 * their own time, so "too old" and "filled in faster than a person could" need no storage;
 * the nonce lets an application remember which form it came from.
 */
#ifndef LIAISON_TOKEN_H
#define LIAISON_TOKEN_H

#include <stdint.h>
#include <time.h>

#define TOKEN_NONCE_SIZE	12
#define TOKEN_CHARS		72

enum token_verdict {
	TOKEN_OK,
	TOKEN_MISSING,	/* no token at all */
	TOKEN_BAD,	/* malformed, or made with another key, purpose or binding */
	TOKEN_EXPIRED,	/* older than max_age seconds (or from the future) */
	TOKEN_EARLY,	/* younger than min_age seconds */
};

/* Writes a fresh token for purpose and binding into out. Returns 0, or -1 without a secret. */
int	token_make(char out[TOKEN_CHARS + 1], const char *purpose, const char *binding, time_t now);
/* Checks tok; on TOKEN_OK (and TOKEN_EARLY) copies its nonce to nonce when not NULL. */
enum token_verdict token_check(const char *tok, const char *purpose, const char *binding,
	    time_t now, long min_age, long max_age, uint8_t nonce[TOKEN_NONCE_SIZE]);

/* When tok was made: only for a token token_check() found genuine (TOKEN_OK, TOKEN_EARLY). */
time_t	token_issued(const char *tok);

/* HMAC of a client address under the site secret: rate limits count these, never addresses. */
int	token_hash_address(const char *addr, uint8_t out[32]);

/* Forgets the cached secret (tests that replace the database). */
void	token_forget_secret(void);

#endif
