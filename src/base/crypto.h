/*
 * crypto.h - the few cryptographic pieces Liaison needs: random bytes from the kernel,
 * SHA-256 and HMAC-SHA-256 from nettle, constant-time comparison, and crypt(3) yescrypt
 * from libxcrypt for passwords. Nothing here is home-made cryptography; this file only gives
 * the callers one small, hard-to-misuse face for it.
 */
#ifndef LIAISON_CRYPTO_H
#define LIAISON_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#define CRYPTO_HASH_SIZE	32

/* Fills buf with n bytes from getrandom(2). Returns 0, or -1 if the kernel would not. */
int	crypto_random(void *buf, size_t n);
void	crypto_sha256(const void *msg, size_t len, uint8_t out[CRYPTO_HASH_SIZE]);
/* HMAC-SHA-256 over the concatenation of parts[0..nparts) (lengths in lens). */
void	crypto_hmac(const uint8_t *key, size_t keylen, const void *const *parts,
	    const size_t *lens, size_t nparts, uint8_t out[CRYPTO_HASH_SIZE]);
/* 1 when a and b are equal, taking the same time wherever they differ. */
int	crypto_equal(const void *a, const void *b, size_t n);

/* Lower-case hex of src[0..n) into dst (2n + 1 bytes). */
void	crypto_hex(char *dst, const void *src, size_t n);
/* Decodes exactly 2n hex digits of src into dst; returns 0, or -1 if src is anything else. */
int	crypto_unhex(void *dst, size_t n, const char *src);

/*
 * A yescrypt hash of password (crypt(3), "$y$…", libxcrypt's default cost) into out
 * (CRYPTO_PASSWORD_MAX bytes). Returns 0, or -1 when no salt could be made.
 */
#define CRYPTO_PASSWORD_MAX	384
int	crypto_password_hash(const char *password, char out[CRYPTO_PASSWORD_MAX]);
/* 1 when password matches stored (any crypt(3) hash); 0 otherwise, also for an empty stored. */
int	crypto_password_check(const char *password, const char *stored);

#endif
