/*
 * auth.h - who is asking: staff sessions, roles, sign-in with its growing delay, and the
 * option of trusting a web server that has already authenticated the user (REMOTE_USER).
 *
 * A session is a random 32-byte token in an HttpOnly, SameSite=Strict cookie (Secure under
 * HTTPS); the database keeps only its SHA-256. Roles are ordered: board reads, staff also
 * changes entries, admin also reads the audit log.
 *
 * auth never sees a request: the page layer reads what it needs of one into a struct
 * auth_client (staffpage.c does, for every staff program), so that sessions and sign-in are
 * domain logic that a tool or a test can call with plain strings.
 */
#ifndef LIAISON_AUTH_H
#define LIAISON_AUTH_H

#include <stddef.h>
#include <time.h>

enum role { ROLE_NONE, ROLE_BOARD, ROLE_STAFF, ROLE_ADMIN };

/* What of a request auth uses; every string "" when the request has none, never NULL. */
struct auth_client {
	const char	*cookies;	/* the Cookie header (HTTP_COOKIE) */
	const char	*remote_user;	/* REMOTE_USER, the name a trusted web server signed in */
	const char	*address;	/* REMOTE_ADDR, what failed sign-ins are counted against */
	const char	*cookie_path;	/* where the programs live ("/…/cgi-bin/"): "" means "/" */
	int		 https;		/* the request came over HTTPS: cookies are marked Secure */
};

struct who {
	enum role	 role;		/* ROLE_NONE: not signed in */
	long long	 account_id;
	char		 name[65];
	/* What this user's form tokens are bound to: the session, or the REMOTE_USER name. */
	char		 binding[72];
	int		 via_remote_user;
	/* Set when REMOTE_USER names no enabled account: say so rather than show sign-in. */
	int		 unknown_remote_user;
	/* The SHA-256 of this request's session token, when it came with one (a new password
	 * set from this session ends the account's other sessions, not this one). */
	int		 has_session;
	unsigned char	 session_hash[32];
};

/* Fills who from the client's session cookie (or REMOTE_USER when trusted). Returns who->role. */
enum role auth_who(const struct auth_client *, struct who *);

/* AUTH_WAIT: this name failed too often, from an address that has failed too;
 * AUTH_WAIT_ADDRESS: this address failed too often, whatever the name. */
enum auth_result { AUTH_OK, AUTH_WRONG, AUTH_WAIT, AUTH_WAIT_ADDRESS, AUTH_BUSY };

/*
 * Checks name and password from the client's address. On AUTH_OK starts a
 * session and writes its Set-Cookie header line into cookie (size bytes); on AUTH_WAIT and
 * AUTH_WAIT_ADDRESS sets *wait to the seconds left before the next attempt will be checked at
 * all. The rule (README, "Staff pages"): after AUTH_FREE_FAILURES failures for a name, each
 * next attempt for it waits twice as long, but only from an address that has failed itself
 * in the last day; after AUTH_FREE_ADDRESS_FAILURES failures from an address in a day, each
 * next attempt from it waits twice as long, whatever the name. Waits stop at 15 minutes.
 */
#define AUTH_FREE_FAILURES		3
#define AUTH_FREE_ADDRESS_FAILURES	10
enum auth_result auth_sign_in(const struct auth_client *, const char *name, const char *password,
	    time_t now, char *cookie, size_t size, long *wait);
/*
 * The sign-in form's pre-session: a random value in its own cookie that the form's token is
 * bound to, so that a token taken from one browser is worth nothing in another (login CSRF: a
 * page elsewhere cannot sign a visitor into an account it controls). Writes the client's
 * value (64 hex digits) into value and, when there was none, a new one with its Set-Cookie
 * line into cookie (else cookie is ""). 0, or -1 when no random value could be had.
 */
int	auth_presession(const struct auth_client *, char value[65], char *cookie, size_t size);
/* The client's pre-session value, as auth_presession() set it; "" when it has none. */
void	auth_presession_of(const struct auth_client *, char value[65]);
/* Ends the client's session (if any) and writes the header line that clears the cookie. */
void	auth_sign_out(const struct auth_client *, char *cookie, size_t size);

const char *auth_role_name(enum role);
enum role auth_role_by_name(const char *);

#endif
