/*
 * walguard.c - db_open_guarded (db.h): opening a database without ever applying to it the
 * write-ahead log of another file.
 *
 * SQLite ties a -wal file to its database by name only: a database moved over the live one
 * (a backup uploaded under its name) while the old one's -wal still lies beside it gets that
 * log applied to it on the next open, which corrupts it. So beside the database Liaison keeps
 * DB-wal-owner, naming the database file (device and inode) that the -wal it last saw belongs
 * to, and the -wal's own inode. Before a connection reads anything, a -wal that was seen with
 * another database file is moved aside (to DB-wal.stale-STAMP-INODE, kept for whoever wants
 * to look) and its -shm removed; a -wal of unknown origin (the marker is missing, or another
 * program made the -wal) is left to SQLite as before. The marker is read and written under
 * flock(2), which is apart from SQLite's own fcntl locks, so only one process moves a log aside.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db.h"

static int said_unopenable;

struct wal_owner {
	unsigned long long dev, ino, wal_ino;
};

static int
owner_read(int fd, struct wal_owner *o)
{
	char buf[128];
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);

	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return sscanf(buf, "%llu %llu %llu", &o->dev, &o->ino, &o->wal_ino) == 3 ? 0 : -1;
}

static void
owner_write(int fd, const struct wal_owner *o)
{
	char buf[128];
	int n = snprintf(buf, sizeof buf, "%llu %llu %llu\n", o->dev, o->ino, o->wal_ino);

	/* A failed truncate leaves an old line's tail, which owner_read's sscanf ignores. */
	if (pwrite(fd, buf, (size_t)n, 0) == n && ftruncate(fd, n) != 0)
		return;
}

/*
 * The marker for path, opened and locked; -1 when it cannot be (a read-only folder: no WAL
 * either). Made only for a database opened to write: a backup read for a restore or a check
 * gets no file beside it.
 */
static int
owner_lock(const char *path, int create)
{
	char name[4200];
	struct stat db;
	int fd;

	snprintf(name, sizeof name, "%s-wal-owner", path);
	if ((fd = open(name, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0600)) < 0) {
		if (create && errno != ENOENT) {
			char line[4400];
			snprintf(line, sizeof line, "%s cannot be opened (%s): a -wal left by a file that "
			    "replaced this one would not be noticed", name, strerror(errno));
			if (!said_unopenable++)
				fprintf(stderr, "liaison: %s\n", line);
		}
		return -1;
	}
	/* Made by root (liaison-admin, an install script): the site's own user must open it too,
	 * as SQLite gives root's -wal and -shm to the database's owner. */
	if (create && geteuid() == 0 && stat(path, &db) == 0 && fchown(fd, db.st_uid, db.st_gid) != 0)
		fprintf(stderr, "liaison: %s-wal-owner could not be given to the database's owner\n", path);
	if (flock(fd, LOCK_EX) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Before the first read of path: moves a -wal that belongs to another database file aside. */
static void
wal_set_aside_if_foreign(const char *path, int fd)
{
	struct wal_owner o;
	struct stat db, wal;
	char wal_name[4200], shm_name[4200], aside[4300], line[9000], stamp[32];
	time_t now = time(NULL);
	struct tm tm;

	snprintf(wal_name, sizeof wal_name, "%s-wal", path);
	snprintf(shm_name, sizeof shm_name, "%s-shm", path);
	if (stat(path, &db) != 0 || stat(wal_name, &wal) != 0 || owner_read(fd, &o) != 0)
		return;
	if ((o.dev == (unsigned long long)db.st_dev && o.ino == (unsigned long long)db.st_ino) ||
	    o.wal_ino != (unsigned long long)wal.st_ino)
		return;		/* its own log, or one we never saw: SQLite's as usual */
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	snprintf(aside, sizeof aside, "%s-wal.stale-%s-%llu", path, stamp, o.ino);
	if (rename(wal_name, aside) != 0) {
		snprintf(line, sizeof line, "%s was replaced, and its old log %s could not be moved "
		    "aside: %s", path, wal_name, strerror(errno));
		fprintf(stderr, "liaison: %s\n", line);
		return;
	}
	unlink(shm_name);	/* an index of the old log only; SQLite makes a new one */
	snprintf(line, sizeof line, "%s was replaced by another file: the old file's log was moved "
	    "to %s so that it is never applied to the new one", path, aside);
	fprintf(stderr, "liaison: %s\n", line);
}

/* After the first read of path: records which database file the -wal now beside it belongs to. */
static void
wal_owner_record(const char *path, int fd)
{
	struct wal_owner o = { 0, 0, 0 }, now;
	struct stat db, wal;
	char wal_name[4200];

	snprintf(wal_name, sizeof wal_name, "%s-wal", path);
	if (stat(path, &db) != 0)
		return;
	now.dev = (unsigned long long)db.st_dev;
	now.ino = (unsigned long long)db.st_ino;
	now.wal_ino = stat(wal_name, &wal) == 0 ? (unsigned long long)wal.st_ino : 0;
	if (owner_read(fd, &o) != 0 || o.dev != now.dev || o.ino != now.ino || o.wal_ino != now.wal_ino)
		owner_write(fd, &now);
}

int
db_open_guarded(const char *path, int flags, sqlite3 **out)
{
	sqlite3_stmt *s;
	char real[PATH_MAX];
	const char *file = realpath(path, real) ? real : path;	/* SQLite's -wal is beside the link's target */
	int owner = owner_lock(file, (flags & SQLITE_OPEN_READWRITE) != 0), rc;

	if (owner >= 0)
		wal_set_aside_if_foreign(file, owner);
	rc = sqlite3_open_v2(path, out, flags, NULL);
	if (rc == SQLITE_OK && owner >= 0) {
		/* A first read opens (or makes) the -wal, which is then recorded as this file's. */
		sqlite3_busy_timeout(*out, 2000);
		if (sqlite3_prepare_v2(*out, "PRAGMA schema_version", -1, &s, NULL) == SQLITE_OK)
			sqlite3_step(s);
		sqlite3_finalize(s);
		wal_owner_record(file, owner);
	}
	if (owner >= 0)
		close(owner);
	return rc;
}

