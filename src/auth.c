/*
 * auth.c - sessions, sign-in and roles (see auth.h).
 *
 * The delay after failed sign-ins is a wait, not a sleep: a request that comes too soon is
 * answered at once with how long to wait, and its password is not even checked, so guessing
 * costs the guesser time without tying up a FastCGI process. Failures are counted per name
 * typed, known or not, and an unknown name costs a yescrypt computation like a known one, so
 * neither the delay nor the timing tells which names exist.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "http.h"

#define COOKIE_NAME	"liaison_session"
#define FREE_FAILURES	3	/* failures before any wait */
#define WAIT_MAX	900	/* seconds */

static const char *const role_names[] = { "", "board", "staff", "admin" };

const char *
auth_role_name(enum role r)
{
	return r <= ROLE_ADMIN ? role_names[r] : "";
}

enum role
auth_role_by_name(const char *s)
{
	for (int r = ROLE_BOARD; r <= ROLE_ADMIN; r++)
		if (s && strcmp(s, role_names[r]) == 0)
			return (enum role)r;
	return ROLE_NONE;
}

/* The value of our cookie in the Cookie header, into out (64 hex digits); 0 or -1. */
static int
cookie_token(struct req *r, char out[65])
{
	const char *h = req_env(r, "HTTP_COOKIE"), *p = h;
	size_t n = strlen(COOKIE_NAME);

	while ((p = strstr(p, COOKIE_NAME)) != NULL) {
		int at_start = p == h || p[-1] == ' ' || p[-1] == ';';
		p += n;
		if (at_start && *p == '=') {
			size_t len = strcspn(p + 1, "; ");
			if (len != 64)
				return -1;
			memcpy(out, p + 1, 64);
			out[64] = '\0';
			return 0;
		}
	}
	return -1;
}

static void
fill_who(struct who *w, sqlite3_stmt *s)
{
	w->account_id = sqlite3_column_int64(s, 0);
	snprintf(w->name, sizeof w->name, "%s", sqlite3_column_text(s, 1));
	w->role = auth_role_by_name((const char *)sqlite3_column_text(s, 2));
}

enum role
auth_who(struct req *r, struct who *w)
{
	char hex[65];
	uint8_t token[32], hash[32];
	sqlite3_stmt *s;
	const char *remote = req_env(r, "REMOTE_USER");

	memset(w, 0, sizeof *w);
	if (config.trust_remote_user && *remote) {
		if ((s = db_stmt(STMT_ACCOUNT_BY_NAME)) == NULL)
			return ROLE_NONE;
		sqlite3_bind_text(s, 1, remote, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 4) == 0) {
			fill_who(w, s);
			w->via_remote_user = 1;
			snprintf(w->binding, sizeof w->binding, "user:%lld", w->account_id);
		} else
			w->unknown_remote_user = 1;
		db_done(s);
		return w->role;
	}
	if (cookie_token(r, hex) < 0 || crypto_unhex(token, sizeof token, hex) < 0)
		return ROLE_NONE;
	crypto_sha256(token, sizeof token, hash);
	if ((s = db_stmt(STMT_SESSION_WHO)) == NULL)
		return ROLE_NONE;
	sqlite3_bind_blob(s, 1, hash, sizeof hash, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)time(NULL));
	if (sqlite3_step(s) == SQLITE_ROW) {
		fill_who(w, s);
		crypto_hex(w->binding, hash, 16);
	}
	db_done(s);
	return w->role;
}

static void
name_key(char *dst, size_t size, const char *name)
{
	size_t i;

	for (i = 0; name[i] && i + 1 < size; i++)
		dst[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
	dst[i] = '\0';
}

static long
wait_after(int failures)
{
	long w;

	if (failures < FREE_FAILURES)
		return 0;
	w = 1L << (failures - FREE_FAILURES < 10 ? failures - FREE_FAILURES : 10);
	return w < WAIT_MAX ? w : WAIT_MAX;
}

static void
cookie_line(struct req *r, char *out, size_t size, const char *value, long max_age)
{
	const char *https = req_env(r, "HTTPS");
	int secure = *https && strcmp(https, "off") != 0;

	/* Path is where the programs live ("/" or "/…/cgi-bin/"), so every program sees it. */
	snprintf(out, size, "Set-Cookie: " COOKIE_NAME "=%s; Path=%s; Max-Age=%ld; HttpOnly; "
	    "SameSite=Strict%s\r\n", value, r->link_prefix[0] ? r->link_prefix : "/", max_age,
	    secure ? "; Secure" : "");
}

enum auth_result
auth_sign_in(struct req *r, const char *name, const char *password, time_t now, char *cookie,
    size_t size, long *wait)
{
	/* A real yescrypt hash of a random password: what an unknown name is checked against. */
	static const char decoy[] = "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$6foLM1JhGupouWKMU70wxK61Kw9ZnecbACjJwRadqM2";
	char key[65], stored[CRYPTO_PASSWORD_MAX] = "", hex[65];
	uint8_t token[32], hash[32];
	long long account = 0;
	int failures = 0, disabled = 1, ok, rc;
	sqlite3_stmt *s;

	*wait = 0;
	cookie[0] = '\0';
	name_key(key, sizeof key, name);
	if ((s = db_stmt(STMT_SIGNIN_FAILURES)) == NULL)
		return AUTH_BUSY;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		failures = sqlite3_column_int(s, 0);
		/* Times are whole seconds: the last failure came somewhere within second last_at, so
		 * the wait ends a second after last_at + wait, or a 1 s wait could be no wait at all. */
		if (wait_after(failures) > 0)
			*wait = (long)(sqlite3_column_int64(s, 1) + wait_after(failures) + 1 - now);
	}
	db_done(s);
	if (*wait > 0)
		return AUTH_WAIT;
	*wait = 0;

	if ((s = db_stmt(STMT_ACCOUNT_BY_NAME)) == NULL)
		return AUTH_BUSY;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		account = sqlite3_column_int64(s, 0);
		snprintf(stored, sizeof stored, "%s", sqlite3_column_text(s, 3));
		disabled = sqlite3_column_int(s, 4);
	}
	db_done(s);
	/* The slow part runs outside any transaction: no writer waits for a password check. */
	ok = crypto_password_check(password, stored[0] ? stored : decoy) && account && !disabled &&
	    stored[0];

	if (!ok) {
		if ((s = db_stmt(STMT_SIGNIN_FAILED)) == NULL)
			return AUTH_BUSY;
		sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)now);
		rc = db_write(s);
		*wait = wait_after(failures + 1);
		return db_is_busy(rc) ? AUTH_BUSY : AUTH_WRONG;
	}
	if (crypto_random(token, sizeof token) < 0)
		return AUTH_BUSY;
	crypto_sha256(token, sizeof token, hash);
	/* One transaction: forget expired sessions and this name's failures, start the session. */
	if ((rc = db_run(STMT_BEGIN)) != SQLITE_OK)
		return AUTH_BUSY;
	if ((s = db_stmt(STMT_SESSION_PRUNE)) != NULL)
		sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	if ((rc = db_write(s)) == SQLITE_OK && (s = db_stmt(STMT_SIGNIN_CLEAR)) != NULL)
		sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK && (rc = db_write(s)) == SQLITE_OK &&
	    (s = db_stmt(STMT_SESSION_INSERT)) != NULL) {
		sqlite3_bind_blob(s, 1, hash, sizeof hash, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, account);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)now + config.session_hours * 3600L);
	}
	if (rc == SQLITE_OK)
		rc = db_write(s);
	if (rc != SQLITE_OK || db_run(STMT_COMMIT) != SQLITE_OK) {
		db_run(STMT_ROLLBACK);
		return AUTH_BUSY;
	}
	crypto_hex(hex, token, sizeof token);
	cookie_line(r, cookie, size, hex, config.session_hours * 3600L);
	return AUTH_OK;
}

void
auth_sign_out(struct req *r, char *cookie, size_t size)
{
	char hex[65];
	uint8_t token[32], hash[32];
	sqlite3_stmt *s;

	if (cookie_token(r, hex) == 0 && crypto_unhex(token, sizeof token, hex) == 0 &&
	    (s = db_stmt(STMT_SESSION_DELETE)) != NULL) {
		crypto_sha256(token, sizeof token, hash);
		sqlite3_bind_blob(s, 1, hash, sizeof hash, SQLITE_STATIC);
		db_write(s);
	}
	cookie_line(r, cookie, size, "", 0);
}
