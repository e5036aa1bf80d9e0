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
#endif
