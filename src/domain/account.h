/*
 * account.h - staff accounts made, given a new password, disabled and enabled: what
 * `liaison-admin user` and an administrator's accounts page (/staff/accounts) both do, so that
 * a site on shared hosting, with no shell, can have more than its first administrator.
 *
 * Each change is one transaction with its audit record. Disabling an account ends its
 * sessions at once, and so does a new password (someone who had the old one is out at once),
 * except the session that set it when an administrator changes their own. The last enabled
 * administrator cannot be disabled: a site must always have someone who can make accounts.
 */
#ifndef LIAISON_ACCOUNT_H
#define LIAISON_ACCOUNT_H

#include "form.h"

#define ACCOUNT_PASSWORD_MIN	10	/* characters */

enum account_change {
	ACCOUNT_ADD,
	ACCOUNT_FIRST_ADMIN,	/* an administrator, only while the site has none (the setup page) */
	ACCOUNT_PASSWORD,
	ACCOUNT_DISABLE,
	ACCOUNT_ENABLE,
};
enum account_result {
	ACCOUNT_OK,
	ACCOUNT_NOT_FOUND,	/* no account of that name */
	ACCOUNT_NAME_TAKEN,	/* ACCOUNT_ADD: one has that name already (names ignore case) */
	ACCOUNT_LAST_ADMIN,	/* ACCOUNT_DISABLE: it is the last enabled administrator */
	ACCOUNT_HAS_ADMIN,	/* ACCOUNT_FIRST_ADMIN: someone made one first */
	ACCOUNT_FAILED,		/* the database refused or was busy: nothing changed */
};

/*
 * Makes the change to the account called name, recorded in the audit log as done by actor.
 * ACCOUNT_ADD needs role ("admin", "staff" or "board") and password; ACCOUNT_FIRST_ADMIN and
 * ACCOUNT_PASSWORD need password; the others neither (NULL). The password is hashed here.
 * ACCOUNT_PASSWORD ends every session of the account but keep_session (the SHA-256 of the
 * session making the change, so one's own new password leaves one signed in), or all of them
 * when keep_session is NULL.
 */
enum account_result account_change(enum account_change, const char *name, const char *role,
	    const char *password, const char *actor, const unsigned char *keep_session);

/*
 * 1 when the site has an enabled administrator account, 0 when it has none, -1 when the
 * database cannot tell. The last administrator may not be disabled, and the setup page
 * (setup.h) exists only while there is none.
 */
int	account_admin_exists(void);

/* The accounts page's forms: a new account, and a new password for one. Each names the
 * account in its first field (accountpage.c relies on it). */
enum account_field { AF_NAME, AF_ROLE, AF_PASSWORD, AF_AGAIN, AF__MAX };
extern const struct field_spec account_fields[AF__MAX];
enum password_field { PF_ACCOUNT, PF_PASSWORD, PF_AGAIN, PF__MAX };
extern const struct field_spec password_fields[PF__MAX];
/* The checks across fields: the password's length, and the same one twice. */
void	account_check_passwords(struct form *, int password_field, int again_field);

/*
 * An account's own library (schema 019): a new partnership's host starts on it, before the
 * site's LIAISON_DEFAULT_HOST. Its form is one menu of the partnership form's host choices.
 */
enum host_field { HF_HOST, HF__MAX };
extern const struct field_spec account_host_fields[HF__MAX];
/* Account account_id's library: the organization's id, 0 when none is chosen, -1 on failure. */
long long account_default_host(long long account_id);
/* Sets it (0: none), in one transaction with its audit record as actor's. */
enum account_result account_set_default_host(long long account_id, long long host, const char *actor);
#endif
