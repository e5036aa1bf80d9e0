/*
 * hosting.c - the upload bundle on a shared-hosting account: where each site's data folder
 * goes, how its place is shown, suEXEC, and uploads damaged by FTP (see hosting.h). The rules
 * are in words in INSTALL.md, "Where each site keeps its data".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hosting.h"

/* What hosting panels name an account's public folders (cPanel, Plesk, DirectAdmin, …). */
static const char *const public_names[] = { "public_html", "httpdocs", "htdocs", "private_html" };
/* …and the main one, whose site keeps the plain name liaison-data (as earlier versions did). */
static const char *const main_names[] = { "public_html", "httpdocs", "htdocs", "www", "html", "web", "public" };
/* A folder holding one of these is served by the web server: a site's, not the account's. */
static const char *const web_files[] = { ".htaccess", "index.html", "index.htm", "index.php" };

void
hosting_parent_folder(char *path, int n)
{
	while (n-- > 0) {
		char *slash = strrchr(path, '/');
		if (slash == NULL)
			return;
		*slash = '\0';
	}
	if (path[0] == '\0')
		strcpy(path, "/");
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static int
named(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return 1;
	return 0;
}

static int
is_public(const char *folder)
{
	char path[1100];

	if (named(base_name(folder), public_names, sizeof public_names / sizeof public_names[0]))
		return 1;
	for (size_t i = 0; i < sizeof web_files / sizeof web_files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", folder, web_files[i]);
		if (access(path, F_OK) == 0)
			return 1;
	}
	return 0;
}

/* document_root without trailing slashes into out; -1 unless it is an absolute folder. */
static int
clean_root(const char *document_root, char *out, size_t size)
{
	size_t n;

	if (document_root == NULL || document_root[0] != '/' || strlen(document_root) >= size)
		return -1;
	strcpy(out, document_root);
	while ((n = strlen(out)) > 1 && out[n - 1] == '/')
		out[n - 1] = '\0';
	return strcmp(out, "/") == 0 ? -1 : 0;
}

int
hosting_account_folder(const char *document_root, char *out, size_t size)
{
	char top[1024];

	if (clean_root(document_root, top, sizeof top) < 0)
		return -1;
	hosting_parent_folder(top, 1);
	while (strcmp(top, "/") != 0 && is_public(top))
		hosting_parent_folder(top, 1);
	if (strlen(top) >= size)
		return -1;
	strcpy(out, top);
	return 0;
}

/* The first line of folder/HOSTING_MARK_FILE into mark; -1 when there is none. */
static int
read_mark(const char *folder, char *mark, size_t size)
{
	char path[1300];
	FILE *f;
	int ok;

	snprintf(path, sizeof path, "%s/" HOSTING_MARK_FILE, folder);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	ok = fgets(mark, (int)size, f) != NULL;
	fclose(f);
	if (!ok)
		return -1;
	mark[strcspn(mark, "\r\n")] = '\0';
	return 0;
}

int
hosting_folder_is_other_site(const char *folder, const char *bundle_root, char *other, size_t othersize)
{
	char mark[1024];

	if (read_mark(folder, mark, sizeof mark) < 0 || strcmp(mark, bundle_root) == 0)
		return 0;
	if (other)
		snprintf(other, othersize, "%s", mark);
	return 1;
}

/*
 * Takes folder for bundle_root if it is free or already this site's: 1 taken, 0 another
 * site's, -1 with errno when it cannot be made or marked. O_EXCL: of two first requests at
 * once, one mark wins and both read it back.
 */
static int
claim(const char *folder, const char *bundle_root)
{
	char path[1300], mark[1024], line[1300];
	struct stat st;
	int fd, n;

	if (mkdir(folder, 0700) < 0 && errno != EEXIST)
		return -1;
	if (read_mark(folder, mark, sizeof mark) == 0)
		return strcmp(mark, bundle_root) == 0;
	snprintf(path, sizeof path, "%s/liaison.db", folder);
	if (stat(path, &st) == 0 && st.st_size > 0) {
		/* An older version's site made this folder, for the bundle it had then. */
		fprintf(stderr, "liaison: %s holds a database without a mark: taken as this site's\n", folder);
	}
	snprintf(path, sizeof path, "%s/" HOSTING_MARK_FILE, folder);
	n = snprintf(line, sizeof line, "%s\n", bundle_root);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644)) >= 0) {
		ssize_t w = write(fd, line, (size_t)n);
		close(fd);
		if (w != n) {
			unlink(path);
			errno = EIO;
			return -1;
		}
	} else if (errno != EEXIST)
		return -1;
	return read_mark(folder, mark, sizeof mark) == 0 && strcmp(mark, bundle_root) == 0;
}

/* The name for a data folder: "liaison-data-" and name, with anything odd made a '-'. */
static void
suffixed(char *out, size_t size, const char *name, int number)
{
	size_t n = (size_t)snprintf(out, size, HOSTING_DATA_DIR "-");

	for (const char *c = name; *c && n + 1 < size && n < 80; c++, n++)
		out[n] = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		    *c == '.' || *c == '_' ? *c : '-';
	out[n] = '\0';
	if (number > 1 && n + 8 < size)
		snprintf(out + n, size - n, "-%d", number);
}

int
hosting_choose_database(const char *document_root, const char *bundle_root, char *db, size_t size)
{
	char top[1024], account[1024], names[12][100], folder[1200], parent[1024];
	int count = 0, rc;

	if (clean_root(document_root, top, sizeof top) < 0 ||
	    hosting_account_folder(document_root, account, sizeof account) < 0) {
		errno = EINVAL;
		return -1;
	}
	snprintf(parent, sizeof parent, "%s", top);
	hosting_parent_folder(parent, 1);
	if (strcmp(parent, account) == 0 &&
	    named(base_name(top), main_names, sizeof main_names / sizeof main_names[0]))
		snprintf(names[count++], sizeof names[0], HOSTING_DATA_DIR);
	else
		suffixed(names[count++], sizeof names[0], base_name(top), 1);
	suffixed(names[count++], sizeof names[0], base_name(bundle_root), 1);
	for (int i = 2; count < 12; i++)
		suffixed(names[count++], sizeof names[0], base_name(bundle_root), i);
	for (int i = 0; i < count; i++) {
		snprintf(folder, sizeof folder, "%.1023s%s%.99s", account, strcmp(account, "/") ? "/" : "", names[i]);
		if ((rc = claim(folder, bundle_root)) < 0) {
			snprintf(db, size, "%.*s", (int)(size - 1), folder);	/* for the message */
			return -1;
		}
		if (rc == 1) {
			snprintf(db, size, "%s/liaison.db", folder);
			return 0;
		}
	}
	errno = EEXIST;
	return -1;
}

int
hosting_remember_database(const char *bundle_root, const char *db)
{
	char path[1100];
	FILE *f;
	int bad;

	snprintf(path, sizeof path, "%s/liaison.conf", bundle_root);
	/* Under mod_fcgid two programs may choose at once: the one that writes second leaves it. */
	if ((f = fopen(path, "r")) != NULL) {
		char line[1200];
		int there = 0;
		while (!there && fgets(line, sizeof line, f))
			there = strncmp(line + strspn(line, " \t"), "LIAISON_DB", 10) == 0;
		fclose(f);
		if (there)
			return 0;
	}
	if ((f = fopen(path, "a")) == NULL)
		return -1;
	fprintf(f, "\n# This site's data folder, chosen on its first visit: outside every public folder and\n"
	    "# for this site alone. Keep this line when you upgrade; when you move the site to another\n"
	    "# account, delete it (the new site chooses its own). INSTALL.md, \"Where each site keeps its data\".\n"
	    "LIAISON_DB = %s\n", db);
	bad = ferror(f);
	return fclose(f) != 0 || bad ? -1 : 0;
}

void
hosting_shown_path(const char *document_root, const char *path, char *out, size_t size)
{
	char account[1024];
	const char *cut = NULL;
	size_t n;

	if (hosting_account_folder(document_root, account, sizeof account) == 0) {
		n = strlen(account);
		if (n > 1 && strncmp(path, account, n) == 0 && path[n] == '/')
			cut = path + n + 1;
	}
	if (cut == NULL) {	/* the last two names */
		cut = strrchr(path, '/');
		while (cut && cut > path && cut[-1] != '/')
			cut--;
		cut = cut && cut > path ? cut : path;
		cut = cut[0] == '/' ? cut + 1 : cut;
	}
	snprintf(out, size, "%s", cut);
}

int
hosting_runs_as_owner(const char *bundle_root)
{
	char path[1100];
	struct stat st;

	snprintf(path, sizeof path, "%s/liaison.conf", bundle_root);
	return stat(path, &st) != 0 || st.st_uid == geteuid();
}

int
hosting_damaged(const char *bundle_root, char *out, size_t size)
{
	char path[1100], line[1200], file[1024];
	unsigned long sum;
	long long bytes;
	struct stat st;
	int count = 0;
	FILE *f;

	out[0] = '\0';
	snprintf(path, sizeof path, "%s/bin/checksums", bundle_root);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof line, f)) {
		if (sscanf(line, "%lu %lld %1023s", &sum, &bytes, file) != 3 || strstr(file, ".."))
			continue;
		snprintf(path, sizeof path, "%s/%s", bundle_root, file);
		if (stat(path, &st) == 0 && st.st_size == bytes)
			continue;
		if (count++ && strlen(out) + 2 < size)
			strcat(out, ", ");
		if (strlen(out) + strlen(file) < size)
			strcat(out, file);
	}
	fclose(f);
	return count;
}
