/*
 * crypto.c - random bytes, SHA-256, HMAC and password hashing for the rest of Liaison.
 *
 * nettle provides the hash and MAC (Debian's nettle-dev; libnettle8 is on every Debian host
 * through GnuTLS); libxcrypt's crypt_rn provides yescrypt, Debian's own default for
 * /etc/shadow. The secrets these protect are small: a site key, session tokens, form nonces.
 */
#include <crypt.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include <nettle/hmac.h>
#include <nettle/memops.h>
#include <nettle/sha2.h>

#include "crypto.h"
#include "params.h"

int
crypto_random(void *buf, size_t n)
{
	unsigned char *p = buf;

	while (n > 0) {
		ssize_t got = getrandom(p, n, 0);
		if (got <= 0)
			return -1;
		p += got;
		n -= (size_t)got;
	}
	return 0;
}

void
crypto_sha256(const void *msg, size_t len, uint8_t out[CRYPTO_HASH_SIZE])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, len, msg);
	sha256_digest(&ctx, CRYPTO_HASH_SIZE, out);
}

void
crypto_hmac(const uint8_t *key, size_t keylen, const void *const *parts, const size_t *lens,
    size_t nparts, uint8_t out[CRYPTO_HASH_SIZE])
{
	struct hmac_sha256_ctx ctx;

	hmac_sha256_set_key(&ctx, keylen, key);
	for (size_t i = 0; i < nparts; i++)
		hmac_sha256_update(&ctx, lens[i], parts[i]);
	hmac_sha256_digest(&ctx, CRYPTO_HASH_SIZE, out);
}

int
crypto_equal(const void *a, const void *b, size_t n)
{
	return memeql_sec(a, b, n);
}

void
crypto_hex(char *dst, const void *src, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	const unsigned char *s = src;

	for (size_t i = 0; i < n; i++) {
		dst[2 * i] = digits[s[i] >> 4];
		dst[2 * i + 1] = digits[s[i] & 15];
	}
	dst[2 * n] = '\0';
}

int
crypto_unhex(void *dst, size_t n, const char *src)
{
	unsigned char *d = dst;

	for (size_t i = 0; i < n; i++) {
		int hi, lo;
		if ((hi = hex_digit((unsigned char)src[2 * i])) < 0 ||
		    (lo = hex_digit((unsigned char)src[2 * i + 1])) < 0)
			return -1;
		d[i] = (unsigned char)(hi << 4 | lo);
	}
	return src[2 * n] == '\0' ? 0 : -1;
}

int
crypto_password_hash(const char *password, char out[CRYPTO_PASSWORD_MAX])
{
	char setting[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data data;

	/* NULL prefix: libxcrypt's preferred method, yescrypt on Debian 12; its own random salt. */
	if (crypt_gensalt_rn("$y$", 0, NULL, 0, setting, sizeof setting) == NULL)
		return -1;
	memset(&data, 0, sizeof data);
	if (crypt_rn(password, setting, &data, sizeof data) == NULL || data.output[0] == '*')
		return -1;
	snprintf(out, CRYPTO_PASSWORD_MAX, "%s", data.output);
	explicit_bzero(&data, sizeof data);
	return 0;
}

int
crypto_password_check(const char *password, const char *stored)
{
	struct crypt_data data;
	size_t n = strlen(stored);
	int ok;

	if (n == 0 || n >= sizeof data.setting)
		return 0;
	memset(&data, 0, sizeof data);
	/* crypt_rn returns NULL or a "*" string for a hash it cannot read: never a match. */
	ok = crypt_rn(password, stored, &data, sizeof data) != NULL && data.output[0] != '*' &&
	    strlen(data.output) == n && crypto_equal(data.output, stored, n);
	explicit_bzero(&data, sizeof data);
	return ok;
}
