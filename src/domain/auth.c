/*
 * auth.c - sessions, sign-in and roles (see auth.h).
 *
 * The delay after failed sign-ins is a wait, not a sleep: a request that comes too soon is
 * answered at once with how long to wait, and its password is not even checked, so guessing
 * costs the guesser time without tying up a FastCGI process. Failures are counted per name
 * typed, known or not, and an unknown name costs a yescrypt computation like a known one, so
 * neither the delay nor the timing tells which names exist. They are counted per address too
 * (an HMAC of it, as for applications): an address that keeps failing waits whatever name it
 * tries, and a name's wait holds only for addresses that have failed themselves, so that a
 * stranger's wrong passwords cannot keep the name's owner out from their own desk.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "token.h"

#define COOKIE_NAME	"liaison_session"
#define PRESESSION_NAME	"liaison_presession"
#define WAIT_MAX	900	/* seconds */
#define ADDRESS_MEMORY	86400	/* an address's failures are forgotten a day after its last */

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

/* The value of cookie name in the Cookie header h, into out (64 hex digits); 0 or -1. */
static int
cookie_value(const char *h, const char *name, char out[65])
{
	const char *p = h;
	size_t n = strlen(name);

	while ((p = strstr(p, name)) != NULL) {
		int at_start = p == h || p[-1] == ' ' || p[-1] == ';';
		p += n;
		if (at_start && *p == '=') {
			size_t len = strcspn(p + 1, "; ");
			if (len != 64 || strspn(p + 1, "0123456789abcdef") < 64)
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
auth_who(const struct auth_client *c, struct who *w)
{
	char hex[65];
	uint8_t token[32], hash[32];
	sqlite3_stmt *s;
	const char *remote = c->remote_user;

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
	if (cookie_value(c->cookies, COOKIE_NAME, hex) < 0 || crypto_unhex(token, sizeof token, hex) < 0)
		return ROLE_NONE;
	crypto_sha256(token, sizeof token, hash);
	if ((s = db_stmt(STMT_SESSION_WHO)) == NULL)
		return ROLE_NONE;
	sqlite3_bind_blob(s, 1, hash, sizeof hash, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)time(NULL));
	if (sqlite3_step(s) == SQLITE_ROW) {
		fill_who(w, s);
		crypto_hex(w->binding, hash, 16);
		memcpy(w->session_hash, hash, sizeof hash);
		w->has_session = 1;
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

/* The wait (seconds) after failures, when free of them are allowed first. */
static long
wait_after(int failures, int free)
{
	long w;

	if (failures < free)
		return 0;
	w = 1L << (failures - free < 10 ? failures - free : 10);
	return w < WAIT_MAX ? w : WAIT_MAX;
}

/* Seconds still to wait at now after failures, the last within second last_at. Times are whole
 * seconds, so the wait ends a second after last_at + wait, or a 1 s wait could be none. */
static long
left_to_wait(int failures, int free, sqlite3_int64 last_at, time_t now)
{
	long w = wait_after(failures, free);

	return w > 0 ? (long)(last_at + w + 1 - now) : 0;
}

static void
cookie_line(const struct auth_client *c, char *out, size_t size, const char *name,
    const char *value, long max_age, const char *same_site)
{
	/* Path is where the programs live ("/" or "/…/cgi-bin/"), so every program sees it. */
	snprintf(out, size, "Set-Cookie: %s=%s; Path=%s; Max-Age=%ld; HttpOnly; SameSite=%s%s\r\n",
	    name, value, c->cookie_path[0] ? c->cookie_path : "/", max_age, same_site,
	    c->https ? "; Secure" : "");
}

void
auth_presession_of(const struct auth_client *c, char value[65])
{
	if (cookie_value(c->cookies, PRESESSION_NAME, value) < 0)
		value[0] = '\0';
}

int
auth_presession(const struct auth_client *c, char value[65], char *cookie, size_t size)
{
	uint8_t raw[32];

	cookie[0] = '\0';
	auth_presession_of(c, value);
	if (value[0])
		return 0;
	if (crypto_random(raw, sizeof raw) < 0)
		return -1;
	crypto_hex(value, raw, sizeof raw);
	/* Lax: a visitor arriving from a link elsewhere keeps the value other open forms hold;
	 * a form posted from elsewhere still comes without it. */
	cookie_line(c, cookie, size, PRESESSION_NAME, value, config.form_hours * 3600L, "Lax");
	return 0;
}

/* Records a failed sign-in for name key and address addr, in one transaction. */
static int
record_failure(const char *key, const uint8_t addr[32], time_t now)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = db_run(STMT_BEGIN)) != SQLITE_OK)
		return rc;
	if ((s = db_stmt(STMT_SIGNIN_FAILED)) != NULL) {
		sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)now);
	}
	if ((rc = db_write(s)) == SQLITE_OK && (s = db_stmt(STMT_SIGNIN_ADDRESS_FAILED)) != NULL) {
		sqlite3_bind_blob(s, 1, addr, 32, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)now);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)now - ADDRESS_MEMORY);
	}
	if (rc == SQLITE_OK && (rc = db_write(s)) == SQLITE_OK &&
	    (s = db_stmt(STMT_SIGNIN_ADDRESS_PRUNE)) != NULL)
		sqlite3_bind_int64(s, 1, (sqlite3_int64)now - ADDRESS_MEMORY);
	if (rc == SQLITE_OK && (rc = db_write(s)) == SQLITE_OK && (rc = db_run(STMT_COMMIT)) == SQLITE_OK)
		return SQLITE_OK;
	db_run(STMT_ROLLBACK);
	return rc;
}

enum auth_result
auth_sign_in(const struct auth_client *c, const char *name, const char *password, time_t now,
    char *cookie, size_t size, long *wait)
{
	/* A real yescrypt hash of a random password: what an unknown name is checked against. */
	static const char decoy[] = "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$6foLM1JhGupouWKMU70wxK61Kw9ZnecbACjJwRadqM2";
	char key[65], stored[CRYPTO_PASSWORD_MAX] = "", hex[65];
	uint8_t token[32], hash[32], addr[32];
	long long account = 0;
	long name_wait = 0, addr_wait = 0;
	int failures = 0, addr_failures = 0, disabled = 1, ok, rc;
	sqlite3_stmt *s;

	*wait = 0;
	cookie[0] = '\0';
	name_key(key, sizeof key, name);
	if (token_hash_address(c->address, addr) < 0)
		return AUTH_BUSY;
	if ((s = db_stmt(STMT_SIGNIN_ADDRESS_FAILURES)) == NULL)
		return AUTH_BUSY;
	sqlite3_bind_blob(s, 1, addr, sizeof addr, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)now - ADDRESS_MEMORY);
	if (sqlite3_step(s) == SQLITE_ROW) {
		addr_failures = sqlite3_column_int(s, 0);
		addr_wait = left_to_wait(addr_failures, AUTH_FREE_ADDRESS_FAILURES,
		    sqlite3_column_int64(s, 1), now);
	}
	db_done(s);
	if ((s = db_stmt(STMT_SIGNIN_FAILURES)) == NULL)
		return AUTH_BUSY;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		failures = sqlite3_column_int(s, 0);
		name_wait = left_to_wait(failures, AUTH_FREE_FAILURES, sqlite3_column_int64(s, 1), now);
	}
	db_done(s);
	/* An address with no failures of its own is not kept waiting for a name: its owner, at
	 * their desk, signs in while strangers elsewhere guess. */
	if (addr_failures == 0)
		name_wait = 0;
	if (addr_wait > 0 && addr_wait >= name_wait) {
		*wait = addr_wait;
		return AUTH_WAIT_ADDRESS;
	}
	if (name_wait > 0) {
		*wait = name_wait;
		return AUTH_WAIT;
	}

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
		rc = record_failure(key, addr, now);
		*wait = wait_after(failures + 1, AUTH_FREE_FAILURES) +
		    wait_after(addr_failures + 1, AUTH_FREE_ADDRESS_FAILURES);
		return rc != SQLITE_OK ? AUTH_BUSY : AUTH_WRONG;
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
	cookie_line(c, cookie, size, COOKIE_NAME, hex, config.session_hours * 3600L, "Strict");
	return AUTH_OK;
}

void
auth_sign_out(const struct auth_client *c, char *cookie, size_t size)
{
	char hex[65];
	uint8_t token[32], hash[32];
	sqlite3_stmt *s;

	if (cookie_value(c->cookies, COOKIE_NAME, hex) == 0 && crypto_unhex(token, sizeof token, hex) == 0 &&
	    (s = db_stmt(STMT_SESSION_DELETE)) != NULL) {
		crypto_sha256(token, sizeof token, hash);
		sqlite3_bind_blob(s, 1, hash, sizeof hash, SQLITE_STATIC);
		db_write(s);
	}
	cookie_line(c, cookie, size, COOKIE_NAME, "", 0, "Strict");
}
