/*
 * backup.h - copies of the database, checks and restores:
 * what `liaison-admin backup | restore | check` and upgrades do. All of it is safe
 * while the site is serving: a copy is one read transaction, which writers do not wait for.
 */
#ifndef LIAISON_BACKUP_H
#define LIAISON_BACKUP_H
#include <stddef.h>
#include <stdio.h>

/* "DIR/liaison-WHAT-20261129-154500.db" beside the database at db_path, in UTC; a name not
 * taken yet ("…-154500-2.db" for a second in the same second). */
void	backup_name(const char *db_path, const char *what, char *out, size_t size);
/*
 * Writes a consistent copy of the database at db_path to dest, which must not exist yet;
 * readable by its owner only, and checked once written. 0, or -1 with err saying why.
 */
int	backup_write(const char *db_path, const char *dest, char *err, size_t errsize);
/* The schema version of the database at path, or -1 when there is none to read. */
long	backup_version(const char *path);
/*
 * An upgrade: when the database at path is older than this version, a copy beside it first
 * (its name in made, "" when none was needed), then the migrations from schema_dir. 0; -1
 * with err when a migration failed; -2 with err when the copy failed, and nothing changed.
 */
int	backup_then_migrate(const char *path, const char *schema_dir, char *made, size_t made_size,
	    char *err, size_t errsize);
/*
 * Checks the database at path: SQLite's integrity check, every foreign key, and that it is
 * a Liaison database this version can use. Writes what it finds to out (each problem on a
 * line) and returns the number of problems, or -1 if path cannot be opened at all.
 */
int	backup_check(const char *path, FILE *out);
/*
 * Replaces the contents of the database at db_path with the copy at src (checked first, and
 * refused with any problem), page by page while other connections wait their turn. The
 * schema may then be older than this version: run the migrations after. 0, or -1 with err.
 */
int	backup_restore(const char *db_path, const char *src, char *err, size_t errsize);
/*
 * A restore as the site's administrator asks for it, from liaison-admin or the backups page
 * (the same code for both): src is checked first and refused with any problem, nothing
 * changed; then the database as it is is backed up beside it ("liaison-before-restore-…",
 * its path in kept, "" when there was no database to keep); then src is copied in page by
 * page while the site runs, and the migrations from schema_dir bring it up to this version.
 * 0; -1 with err (nothing restored, or, when kept is set and err says so, the migrations failed
 * after the restore); -2 when the copy of the current database failed, and nothing changed.
 */
int	backup_restore_safely(const char *db_path, const char *src, const char *schema_dir,
	    char *kept, size_t kept_size, char *err, size_t errsize);

/* One of the copies kept beside the database: liaison-KIND-YYYYMMDD-HHMMSS[-N].db. */
struct backup_file {
	char	name[128];	/* the file's name, without its folder */
	char	kind[32];	/* "backup", "before-restore", "before-upgrade", "uploaded", … */
	char	when[32];	/* "2026-11-29 15:45:00 UTC", from the name */
	long long size;		/* bytes */
};
#define BACKUP_LIST_MAX	200
/*
 * The copies beside the database at db_path, newest first, at most max of them: how many,
 * or -1 when the folder cannot be read. Only names of that exact shape are listed.
 */
int	backup_list(const char *db_path, struct backup_file *out, int max);
/* 1 when name is the shape backup_list lists (no folder, no "..", the right pattern). */
int	backup_name_ok(const char *name);
/*
 * Keeps the newest keep copies of each kind beside the database and deletes the older ones
 * (keep 0: keeps them all). How many were deleted, or -1 with err when one could not be.
 */
int	backup_rotate(const char *db_path, int keep, char *err, size_t errsize);
#endif
