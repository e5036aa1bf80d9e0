/*
 * upgrade.h - a database file brought up to this version, a copy of it kept first; and the
 * small pieces a copy is made of, which backup.c's backups share (upgrade.c says why they are
 * apart from it).
 */
#ifndef LIAISON_UPGRADE_H
#define LIAISON_UPGRADE_H
#include <stddef.h>

#include "db.h"

/* "DIR/liaison-WHAT-20261129-154500.db" beside the database at db_path, in UTC; a name not
 * taken yet ("…-154500-2.db" for a second in the same second). */
void	 db_copy_name(const char *db_path, const char *what, char *out, size_t size);
/*
 * Writes a consistent copy of the database at db_path to dest (VACUUM INTO), which must not
 * exist yet, readable by its owner only; not checked. 0, or -1 with err saying why.
 */
int	 db_copy_into(const char *db_path, const char *dest, char *err, size_t errsize);
/* The schema version of the database at path, or -1 when there is none to read. */
long	 db_file_version(const char *path);
/* A connection of its own to path (never the process's: db.c refuses other versions), or NULL with err. */
sqlite3	*db_open_file(const char *path, int flags, char *err, size_t errsize);
/* The first column of the first row of statement id on h, or fallback. */
long long db_value_on(sqlite3 *h, enum stmt id, long long fallback);

/* Writes a checked copy of db_path to dest: 0, or -1 with err. */
typedef int (*db_copy_fn)(const char *db_path, const char *dest, char *err, size_t errsize);
/*
 * When the database at path is older than this version: a copy beside it first (its name in
 * made, "" when none was needed), written by copy (NULL: db_copy_into, then the copy's
 * integrity and version are checked), then the migrations from schema_dir. 0; -1 with err
 * when a migration failed; -2 with err when the copy failed, and nothing changed.
 */
int	 db_upgrade_file(const char *path, const char *schema_dir, db_copy_fn copy, char *made,
	    size_t made_size, char *err, size_t errsize);
#endif
