/*
 * setup.c - the one-time code file and the first admin account (see setup.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "crypto.h"
#include "hosting.h"
#include "account.h"
#include "setup.h"

const struct field_spec setup_fields[UF__MAX] = {
	[UF_CODE] = { "code", "The code from liaison-setup-token.txt", FIELD_TEXT, 1, 64,
	    "Open the file with your hosting's file manager or FTP, copy the one line in it, and paste it here.",
	    NULL, 0, 0, NULL, "off" },
	[UF_NAME] = { "name", "Your account name", FIELD_TEXT, 1, 64, NULL, NULL, 0, 0, NULL, "username" },
	[UF_PASSWORD] = { "password", "A password", FIELD_PASSWORD, 1, 1000,
	    "At least 10 characters; a few words you will remember are good.", NULL, 0, 0, NULL, "new-password" },
	[UF_AGAIN] = { "again", "The password again", FIELD_PASSWORD, 1, 1000, NULL, NULL, 0, 0, NULL,
	    "new-password" },
};

void
setup_check(struct form *f)
{
	if (f->v[UF_CODE].str[0] && !setup_token_matches(f->v[UF_CODE].str))
		form_fail(f, UF_CODE, "This is not the code in the file: copy the whole line, and only that.");
	account_check_passwords(f, UF_PASSWORD, UF_AGAIN);
}

int
setup_needed(void)
{
	int exists = account_admin_exists();

	return exists < 0 ? -1 : !exists;
}

void
setup_token_path(char *path, size_t size)
{
	const char *slash = strrchr(config.database, '/');

	if (slash)
		snprintf(path, size, "%.*s/%s", (int)(slash - config.database), config.database, SETUP_TOKEN_FILE);
	else
		snprintf(path, size, "%s", SETUP_TOKEN_FILE);
}

/* Reads the code from path into token: 0, or -1 when there is no file or no code in it. */
static int
read_token(const char *path, char token[SETUP_TOKEN_CHARS + 1])
{
	char buf[SETUP_TOKEN_CHARS + 8];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return -1;
	n = fread(buf, 1, SETUP_TOKEN_CHARS, f);
	fclose(f);
	if (n != SETUP_TOKEN_CHARS)
		return -1;
	memcpy(token, buf, SETUP_TOKEN_CHARS);
	token[SETUP_TOKEN_CHARS] = '\0';
	return 0;
}

int
setup_token(char token[SETUP_TOKEN_CHARS + 1], char *err, size_t errsize)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[SETUP_TOKEN_CHARS / 2];
	char path[1200], line[SETUP_TOKEN_CHARS + 2];
	mode_t mode;
	int fd;

	setup_token_path(path, sizeof path);
	if (read_token(path, token) == 0)
		return 0;
	if (crypto_random(raw, sizeof raw) < 0) {
		snprintf(err, errsize, "no random numbers to make a code from");
		return -1;
	}
	for (size_t i = 0; i < sizeof raw; i++) {
		line[2 * i] = hex[raw[i] >> 4];
		line[2 * i + 1] = hex[raw[i] & 15];
	}
	line[SETUP_TOKEN_CHARS] = '\n';
	/*
	 * O_EXCL: if two first visits race, one file wins and both read it back. For the account
	 * alone (600), except where the host runs the programs as the web server's user (no
	 * suEXEC): then the account could not open a 600 file to read the code (hosting.h).
	 */
	mode = config.bundle_root[0] && !hosting_runs_as_owner(config.bundle_root) ? 0644 : 0600;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)) >= 0) {
		fchmod(fd, mode);	/* whatever the umask */
		ssize_t w = write(fd, line, SETUP_TOKEN_CHARS + 1);
		close(fd);
		if (w != SETUP_TOKEN_CHARS + 1)
			unlink(path);
	} else if (errno != EEXIST) {
		snprintf(err, errsize, "the code cannot be written to %s: %s (the site's folder must be "
		    "writable by the web server)", path, strerror(errno));
		return -1;
	}
	if (read_token(path, token) < 0) {
		snprintf(err, errsize, "the code in %s cannot be read back", path);
		return -1;
	}
	return 0;
}

int
setup_token_matches(const char *given)
{
	char path[1200], token[SETUP_TOKEN_CHARS + 1];

	setup_token_path(path, sizeof path);
	return read_token(path, token) == 0 && strlen(given) == SETUP_TOKEN_CHARS &&
	    crypto_equal(given, token, SETUP_TOKEN_CHARS);
}

enum account_result
setup_create_admin(const char *name, const char *password)
{
	char path[1200];
	enum account_result rc = account_change(ACCOUNT_FIRST_ADMIN, name, "admin", password, name, NULL);

	if (rc == ACCOUNT_OK) {
		setup_token_path(path, sizeof path);
		unlink(path);	/* used once: the page is gone, and so is the code */
	}
	return rc;
}
