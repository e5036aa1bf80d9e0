/*
 * setup.h - the first administrator of a site installed without a shell.
 *
 * While no enabled admin account exists, /staff/setup asks for a one-time code that the site
 * wrote into a file beside its database (liaison-setup-token.txt): only someone who can reach
 * the host's files (an FTP client, the hosting panel's file manager) can read it, which is the
 * proof that they run the site. With the code, a name and a password, the first admin account
 * is made, the file is removed, and the page is gone for good.
 */
#ifndef LIAISON_SETUP_H
#define LIAISON_SETUP_H
#include <stddef.h>
#include "account.h"
#include "form.h"

#define SETUP_TOKEN_CHARS	32	/* 16 random bytes in hex */
#define SETUP_TOKEN_FILE	"liaison-setup-token.txt"

/* 1 while the site has no enabled admin account, 0 once it has, -1 if it cannot tell
 * (account_admin_exists(), the other way round: the page asks "is setup still needed?"). */
int	setup_needed(void);
/* The setup form, in form order. */
enum setup_field { UF_CODE, UF_NAME, UF_PASSWORD, UF_AGAIN, UF__MAX };
extern const struct field_spec setup_fields[UF__MAX];
/* What needs more than one field or the file: the code, the password's length, both alike. */
void	setup_check(struct form *);

/* Where the code lives (the database's folder): path, size bytes. */
void	setup_token_path(char *path, size_t size);
/* Reads the code, writing a new one (owner-only) when there is none. 0, or -1 with err. */
int	setup_token(char token[SETUP_TOKEN_CHARS + 1], char *err, size_t errsize);
/* 1 when given is the code in the file, compared in constant time. */
int	setup_token_matches(const char *given);

/*
 * Makes the first admin account, name and password, through account_change() (which checks,
 * in its transaction, that there is still none: ACCOUNT_HAS_ADMIN if there is); then removes
 * the code's file.
 */
enum account_result setup_create_admin(const char *name, const char *password);
#endif
