/*
 * auth.h - who is asking: staff sessions, roles, sign-in with its growing delay, and the
 * option of trusting a web server that has already authenticated the user (REMOTE_USER).
 *
 * A session is a random 32-byte token in an HttpOnly, SameSite=Strict cookie (Secure under
 * HTTPS); the database keeps only its SHA-256. Roles are ordered: board reads, staff also
 * changes entries, admin also reads the audit log.
 */
#ifndef LIAISON_AUTH_H
#define LIAISON_AUTH_H

#include <time.h>

struct req;

enum role { ROLE_NONE, ROLE_BOARD, ROLE_STAFF, ROLE_ADMIN };

struct who {
	enum role	 role;		/* ROLE_NONE: not signed in */
	long long	 account_id;
	char		 name[65];
	/* What this user's form tokens are bound to: the session, or the REMOTE_USER name. */
	char		 binding[72];
	int		 via_remote_user;
	/* Set when REMOTE_USER names no enabled account: say so rather than show sign-in. */
	int		 unknown_remote_user;
};

/* Fills who from the request's cookie (or REMOTE_USER when trusted). Returns who->role. */
enum role auth_who(struct req *, struct who *);

enum auth_result { AUTH_OK, AUTH_WRONG, AUTH_WAIT, AUTH_BUSY };

/*
 * Checks name and password. On AUTH_OK starts a session and writes its Set-Cookie header
 * line into cookie (size bytes); on AUTH_WAIT sets *wait to the seconds left before the next
 * attempt for this name will be checked at all.
 */
enum auth_result auth_sign_in(struct req *, const char *name, const char *password, time_t now,
	    char *cookie, size_t size, long *wait);
/* Ends the request's session (if any) and writes the header line that clears the cookie. */
void	auth_sign_out(struct req *, char *cookie, size_t size);

const char *auth_role_name(enum role);
enum role auth_role_by_name(const char *);

#endif
