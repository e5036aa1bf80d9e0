/*
 * backup.c - VACUUM INTO for copies, the backup API for restores, and PRAGMA checks, for
 * liaison-admin and the upload bundle's upgrades. (The CSV export of every table is export.c.)
 *
 * Each of these opens its own connection to the file it works on rather than the process's
 * (db.c's), which refuses a database at another schema version: a backup before an upgrade,
 * or a check of an old copy, must work on exactly those. The SQL is still db.c's table.
 * Making a copy, and the upgrade with its copy, are upgrade.c's: the public programs run those.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "backup.h"
#include "db.h"
#include "upgrade.h"

void
backup_name(const char *db_path, const char *what, char *out, size_t size)
{
	const char *slash = strrchr(db_path, '/');
	char stem[4200], stamp[32], name[4300];
	time_t now = time(NULL);
	struct tm tm;
	int last = 0;

	/*
	 * db_copy_name's shape, but past every copy of this second rather than in the first gap:
	 * once rotation has deleted "…-154500.db", a new copy of that name would sort as the
	 * oldest of its kind and be the next deleted.
	 */
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	snprintf(stem, sizeof stem, "%.*s%sliaison-%s-%s", slash ? (int)(slash - db_path) : 0, db_path,
	    slash ? "/" : "", what, stamp);
	for (int k = 1; k < 100; k++) {
		if (k == 1)
			snprintf(name, sizeof name, "%s.db", stem);
		else
			snprintf(name, sizeof name, "%s-%d.db", stem, k);
		if (access(name, F_OK) == 0)
			last = k;
	}
	if (last == 0)
		snprintf(out, size, "%s.db", stem);
	else
		snprintf(out, size, "%s-%d.db", stem, last + 1);
}


static sqlite3_stmt *
prepare_on(sqlite3 *h, enum stmt id)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(h, db_stmt_sql(id), -1, &s, NULL) != SQLITE_OK) {
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

long
backup_version(const char *path)
{
	return db_file_version(path);
}

/* The admin tool's upgrade is the bundle's (upgrade.c), with the copy checked as every backup is. */
int
backup_then_migrate(const char *path, const char *schema_dir, char *made, size_t made_size,
    char *err, size_t errsize)
{
	return db_upgrade_file(path, schema_dir, backup_write, made, made_size, err, errsize);
}

int
backup_check(const char *path, FILE *out)
{
	char err[600];
	sqlite3 *h;
	sqlite3_stmt *s;
	int problems = 0;
	long long version;

	if (access(path, R_OK) != 0) {
		fprintf(out, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	if ((h = db_open_file(path, SQLITE_OPEN_READONLY, err, sizeof err)) == NULL) {
		fprintf(out, "%s\n", err);
		return -1;
	}
	if (db_value_on(h, STMT_CHECK_IS_LIAISON, 0) != 4) {
		fprintf(out, "%s is not a Liaison database (or not a database at all)\n", path);
		sqlite3_close(h);
		return 1;
	}
	if ((s = prepare_on(h, STMT_CHECK_INTEGRITY)) == NULL) {
		fprintf(out, "%s cannot be read: %s\n", path, sqlite3_errmsg(h));
		problems++;
	}
	while (s && sqlite3_step(s) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(s, 0);
		if (line && strcmp(line, "ok") != 0) {
			fprintf(out, "integrity: %s\n", line);
			problems++;
		}
	}
	sqlite3_finalize(s);
	if ((s = prepare_on(h, STMT_CHECK_FOREIGN_KEYS)) != NULL)
		while (sqlite3_step(s) == SQLITE_ROW) {
			fprintf(out, "foreign key: row %lld of %s points to a missing row of %s\n",
			    (long long)sqlite3_column_int64(s, 1), sqlite3_column_text(s, 0),
			    sqlite3_column_text(s, 2));
			problems++;
		}
	sqlite3_finalize(s);
	version = db_value_on(h, STMT_CHECK_VERSION, -1);
	if (version > SCHEMA_VERSION) {
		fprintf(out, "%s is at schema version %lld, newer than this Liaison (%d): use the "
		    "version that made it\n", path, version, SCHEMA_VERSION);
		problems++;
	}
	sqlite3_close(h);
	return problems;
}

int
backup_write(const char *db_path, const char *dest, char *err, size_t errsize)
{
	char problems[2048] = "";
	FILE *mem;
	int rc;

	if (db_copy_into(db_path, dest, err, errsize) < 0)
		return -1;
	if ((mem = fmemopen(problems, sizeof problems - 1, "w")) != NULL) {
		rc = backup_check(dest, mem);
		fclose(mem);
		if (rc != 0) {
			snprintf(err, errsize, "the copy %s did not check out: %s", dest, problems);
			return -1;
		}
	}
	return 0;
}

/* 0 if src is a copy backup_check accepts; else -1 with err saying what is wrong with it. */
static int
check_restorable(const char *src, char *err, size_t errsize)
{
	char problems[2048] = "";
	FILE *mem;
	int rc;

	if ((mem = fmemopen(problems, sizeof problems - 1, "w")) == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	rc = backup_check(src, mem);
	fclose(mem);
	if (rc != 0) {
		snprintf(err, errsize, "%s cannot be restored: %s", src, problems);
		return -1;
	}
	return 0;
}

int
backup_restore(const char *db_path, const char *src, char *err, size_t errsize)
{
	sqlite3 *from, *to;
	sqlite3_backup *b;
	sqlite3_stmt *s;
	long long before;
	int rc, waited = 0;

	if (check_restorable(src, err, errsize) < 0)
		return -1;
	if ((from = db_open_file(src, SQLITE_OPEN_READONLY, err, errsize)) == NULL)
		return -1;
	if ((to = db_open_file(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err, errsize)) == NULL) {
		sqlite3_close(from);
		return -1;
	}
	if ((b = sqlite3_backup_init(to, "main", from, "main")) == NULL) {
		snprintf(err, errsize, "cannot restore into %s: %s", db_path, sqlite3_errmsg(to));
		sqlite3_close(from);
		sqlite3_close(to);
		return -1;
	}
	before = db_value_on(to, STMT_PAGE_STORE_VERSION, 0);
	/* A few pages at a time, so that the site's writers wait moments, not the whole copy. */
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (rc != SQLITE_OK) {
			if (++waited > 600) {	/* 30 s of a database too busy to give way */
				break;
			}
			sqlite3_sleep(50);
		}
	}
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE && (s = prepare_on(to, STMT_DIRECTORY_VERSION_PASS)) != NULL) {
		/*
		 * The copy's directory version may be one the running site has already shown other
		 * pages under: move past both, so that no kept page of either is served as current.
		 */
		sqlite3_bind_int64(s, 1, before);
		sqlite3_step(s);
		sqlite3_finalize(s);
		/*
		 * And a new epoch (schema 015): the copy's versions may equal ones a cache in front
		 * was told before, so its ETags must not match theirs. A copy from before 015 has no
		 * such table; the migration that follows (restore_safely) makes a fresh one.
		 */
		if ((s = prepare_on(to, STMT_VALIDATOR_RENEW)) != NULL) {
			sqlite3_step(s);
			sqlite3_finalize(s);
		}
	}
	if (rc != SQLITE_DONE)
		snprintf(err, errsize, "the restore into %s stopped: %s (the database is as it was)",
		    db_path, sqlite3_errstr(rc));
	sqlite3_close(from);
	sqlite3_close(to);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
backup_restore_safely(const char *db_path, const char *src, const char *schema_dir,
    char *kept, size_t kept_size, char *err, size_t errsize)
{
	char made[4200];
	struct stat a, b;

	kept[0] = '\0';
	if (stat(db_path, &a) == 0 && stat(src, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
		snprintf(err, errsize, "%s is the database itself, not a copy of it", src);
		return -1;
	}
	/* Checked before anything is written: a refused copy leaves not even a backup behind. */
	if (check_restorable(src, err, errsize) < 0)
		return -1;
	/* The database as it is now is kept, in case the wrong copy was chosen. */
	if (access(db_path, F_OK) == 0 && backup_version(db_path) > 0) {
		backup_name(db_path, "before-restore", kept, kept_size);
		if (backup_write(db_path, kept, err, errsize) < 0) {
			kept[0] = '\0';
			return -2;
		}
	}
	if (backup_restore(db_path, src, err, errsize) < 0)
		return -1;
	/* An older copy is brought up to this version; its own copy first, as every upgrade. */
	if (backup_then_migrate(db_path, schema_dir, made, sizeof made, err, errsize) < 0)
		return -1;
	return 0;
}

/* --- the copies beside the database ------------------------------------------------------------ */

static int
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/*
 * Reads "liaison-KIND-YYYYMMDD-HHMMSS[-N].db": 1 with its parts, else 0. stamp gets
 * "YYYYMMDD-HHMMSS" and count N (1 when absent), which together order copies of a kind.
 */
static int
parse_name(const char *name, char *kind, size_t ksize, char *stamp, int *count)
{
	size_t n = strlen(name), end, klen;
	const char *dash;

	*count = 1;
	if (n < 8 + 1 + 16 + 3 || n >= 128 || strncmp(name, "liaison-", 8) != 0 || strcmp(name + n - 3, ".db") != 0)
		return 0;
	end = n - 3;
	/* An optional "-N" after the time (N of one or two digits; the time has six). */
	dash = memrchr(name, '-', end);
	if (dash && all_digits(dash + 1, end - (size_t)(dash + 1 - name)) && end - (size_t)(dash + 1 - name) <= 2) {
		*count = atoi(dash + 1);
		end = (size_t)(dash - name);
	}
	if (end < 8 + 16 + 1 || name[end - 16] != '-' || name[end - 7] != '-' ||
	    !all_digits(name + end - 15, 8) || !all_digits(name + end - 6, 6))
		return 0;
	klen = end - 16 - 8;
	if (klen == 0 || klen >= ksize)
		return 0;
	for (size_t i = 0; i < klen; i++) {
		char c = name[8 + i];
		if (!((c >= 'a' && c <= 'z') || (c == '-' && i > 0 && i < klen - 1)))
			return 0;
	}
	memcpy(kind, name + 8, klen);
	kind[klen] = '\0';
	memcpy(stamp, name + end - 15, 15);
	stamp[15] = '\0';
	return 1;
}

int
backup_name_ok(const char *name)
{
	char kind[32], stamp[16];
	int count;

	return parse_name(name, kind, sizeof kind, stamp, &count);
}

struct listed {
	struct backup_file f;
	char	stamp[16];
	int	count;
};

/* Newest first: the later time, then the higher count within one second. */
static int
newest_first(const void *x, const void *y)
{
	const struct listed *a = x, *b = y;
	int c = strcmp(b->stamp, a->stamp);

	return c ? c : b->count - a->count;
}

static int
list_all(const char *db_path, struct listed **out)
{
	char dir[4096];
	const char *slash = strrchr(db_path, '/');
	struct listed *all = NULL;
	struct dirent *e;
	DIR *d;
	int n = 0, cap = 0;

	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - db_path) : 1, slash ? db_path : ".");
	if (dir[0] == '\0')
		strcpy(dir, "/");
	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		struct listed l;
		char path[4300];
		struct stat st;

		memset(&l, 0, sizeof l);
		if (!parse_name(e->d_name, l.f.kind, sizeof l.f.kind, l.stamp, &l.count))
			continue;
		snprintf(path, sizeof path, "%.4096s/%.127s", dir, e->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		memcpy(l.f.name, e->d_name, strlen(e->d_name) + 1);	/* under 128: parse_name saw to it */
		l.f.size = (long long)st.st_size;
		snprintf(l.f.when, sizeof l.f.when, "%.4s-%.2s-%.2s %.2s:%.2s:%.2s UTC", l.stamp, l.stamp + 4,
		    l.stamp + 6, l.stamp + 9, l.stamp + 11, l.stamp + 13);
		if (n == cap) {
			struct listed *more = realloc(all, (size_t)(cap = cap ? cap * 2 : 32) * sizeof *all);
			if (more == NULL)
				break;
			all = more;
		}
		all[n++] = l;
	}
	closedir(d);
	if (n > 1)
		qsort(all, (size_t)n, sizeof *all, newest_first);
	*out = all;
	return n;
}

int
backup_list(const char *db_path, struct backup_file *out, int max)
{
	struct listed *all = NULL;
	int n = list_all(db_path, &all), i;

	for (i = 0; i < n && i < max; i++)
		out[i] = all[i].f;
	free(all);
	return n < 0 ? -1 : i;
}

int
backup_rotate(const char *db_path, int keep, char *err, size_t errsize)
{
	struct listed *all = NULL;
	const char *slash = strrchr(db_path, '/');
	int n, deleted = 0, failed = 0;

	if (keep <= 0)
		return 0;
	if ((n = list_all(db_path, &all)) < 0) {
		snprintf(err, errsize, "cannot read the folder of %s: %s", db_path, strerror(errno));
		return -1;
	}
	/* Newest first, so the copies past the keep-th of their kind are the old ones. */
	for (int i = 0; i < n; i++) {
		int newer = 0;
		char path[4300];

		for (int j = 0; j < i; j++)
			newer += strcmp(all[j].f.kind, all[i].f.kind) == 0;
		if (newer < keep)
			continue;
		snprintf(path, sizeof path, "%.*s%s%s", slash ? (int)(slash - db_path) : 0, db_path,
		    slash ? "/" : "", all[i].f.name);
		if (unlink(path) == 0)
			deleted++;
		else if (!failed++)
			snprintf(err, errsize, "cannot delete the old copy %s: %s", path, strerror(errno));
	}
	free(all);
	return failed ? -1 : deleted;
}
