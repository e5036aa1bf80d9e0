/*
 * liaison-admin.c - the command-line tool for whoever runs a Liaison site.
 *
 *   liaison-admin migrate [DB]            apply new schema/ migrations to an existing database
 *   liaison-admin create DB [SQL-FILE…]   make a new database and load data files into it
 *   liaison-admin demo DB                 create DB with the demo data, or upgrade it if it exists
 *
 * A new database is built beside its final name and renamed into place only when complete,
 * so an interrupted run never leaves a half-made database where the site would open it.
 * DB defaults to LIAISON_DB; the schema folder is LIAISON_SCHEMA.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "db.h"

#ifndef LIAISON_DEFAULT_SCHEMA
#define LIAISON_DEFAULT_SCHEMA "/usr/local/share/liaison/schema"
#endif
#ifndef LIAISON_DEFAULT_DEMO
#define LIAISON_DEFAULT_DEMO "/usr/local/share/liaison/data/demo.sql"
#endif

static const char *
schema_dir(void)
{
	const char *s = getenv("LIAISON_SCHEMA");
	return s && *s ? s : LIAISON_DEFAULT_SCHEMA;
}

static int
usage(void)
{
	fprintf(stderr,
	    "usage: liaison-admin migrate [DB]\n"
	    "       liaison-admin create DB [SQL-FILE ...]\n"
	    "       liaison-admin demo DB\n");
	return 2;
}

/* Builds DB.new from the schema and files, then renames it over DB. */
static int
create(const char *path, char **files, int nfiles)
{
	char tmp[4096], err[1024];
	const char *suffix[] = { "", "-wal", "-shm", "-journal" };

	if (snprintf(tmp, sizeof tmp, "%s.new", path) >= (int)sizeof tmp)
		return 1;
	for (size_t i = 0; i < 4; i++) {
		char f[4200];
		snprintf(f, sizeof f, "%s%s", tmp, suffix[i]);
		unlink(f);	/* leftovers of an interrupted earlier run */
	}
	if (db_migrate_file(tmp, schema_dir(), 1, err, sizeof err) < 0) {
		fprintf(stderr, "liaison-admin: %s\n", err);
		return 1;
	}
	for (int i = 0; i < nfiles; i++)
		if (db_run_file(tmp, files[i], err, sizeof err) < 0) {
			fprintf(stderr, "liaison-admin: %s\n", err);
			return 1;
		}
	/* Fold the WAL into the main file so the rename moves one complete file. */
	{
		sqlite3 *db;
		if (sqlite3_open(tmp, &db) == SQLITE_OK)
			sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;",
			    NULL, NULL, NULL);
		sqlite3_close(db);
	}
	chmod(tmp, 0600);
	if (rename(tmp, path) < 0) {
		fprintf(stderr, "liaison-admin: cannot move %s into place: %s\n", tmp, strerror(errno));
		return 1;
	}
	printf("created %s\n", path);
	return 0;
}

static int
migrate(const char *path)
{
	char err[1024];

	if (db_migrate_file(path, schema_dir(), 0, err, sizeof err) < 0) {
		fprintf(stderr, "liaison-admin: %s\n", err);
		return 1;
	}
	printf("%s is at schema version %d\n", path, SCHEMA_VERSION);
	return 0;
}

int
main(int argc, char **argv)
{
	config_load();
	if (argc < 2)
		return usage();
	if (strcmp(argv[1], "migrate") == 0 && argc <= 3)
		return migrate(argc == 3 ? argv[2] : config.database);
	if (strcmp(argv[1], "create") == 0 && argc >= 3)
		return create(argv[2], argv + 3, argc - 3);
	if (strcmp(argv[1], "demo") == 0 && argc == 3) {
		const char *demo = getenv("LIAISON_DEMO");
		char *files[1];

		if (access(argv[2], F_OK) == 0)
			return migrate(argv[2]);
		files[0] = (char *)(demo && *demo ? demo : LIAISON_DEFAULT_DEMO);
		return create(argv[2], files, 1);
	}
	return usage();
}
