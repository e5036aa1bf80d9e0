/*
 * bundle.c - the upload bundle's own arrangements: where it is, where its database goes, and
 * making or upgrading that database from a request, since a shared host may offer no shell.
 * See bundle.h for the layout; INSTALL.md tells the person installing the same story.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup.h"
#include "bundle.h"
#include "config.h"
#include "db.h"

/* Drops the last n components of path, in place. */
static void
strip_components(char *path, int n)
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

int
bundle_find_root(char *root, size_t size)
{
	char exe[1024], conf[1100];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return -1;
	exe[n] = '\0';
	strip_components(exe, 2);	/* ROOT/cgi-bin/list.fcgi, ROOT/bin/liaison-admin */
	snprintf(conf, sizeof conf, "%s/liaison.conf", exe);
	if (access(conf, R_OK) != 0 || strlen(exe) >= size)
		return -1;
	strcpy(root, exe);
	return 0;
}

void
bundle_defaults(void)
{
	snprintf(config.template_root, sizeof config.template_root, "%s/templates", config.bundle_root);
	snprintf(config.schema_dir, sizeof config.schema_dir, "%s/schema", config.bundle_root);
	config.database[0] = '\0';
	config.static_url[0] = '\0';
}

static void
resolve(char *path, size_t size)
{
	char full[2200];

	if (path[0] == '\0' || path[0] == '/')
		return;
	/* Too long to hold is left as it is, to fail where it is used, with its name. */
	if (snprintf(full, sizeof full, "%s/%s", config.bundle_root, path) < (int)size)
		memcpy(path, full, strlen(full) + 1);
}

void
bundle_resolve_paths(void)
{
	resolve(config.database, sizeof config.database);
	resolve(config.template_root, sizeof config.template_root);
	resolve(config.schema_dir, sizeof config.schema_dir);
}

/* The database's place in parent's data folder: PARENT/liaison-data/liaison.db. */
static void
database_beside(const char *parent, char *out, size_t size)
{
	snprintf(out, size, "%s%s" BUNDLE_DATA_DIR "/liaison.db", parent, strcmp(parent, "/") ? "/" : "");
}

/* DOCUMENT_ROOT/../liaison-data/liaison.db, into config.database. -1 if it names no folder. */
static int
choose_database(const char *document_root)
{
	char parent[900];
	size_t n;

	if (document_root == NULL || document_root[0] != '/' || strlen(document_root) >= sizeof parent)
		return -1;
	strcpy(parent, document_root);
	while ((n = strlen(parent)) > 1 && parent[n - 1] == '/')
		parent[n - 1] = '\0';
	strip_components(parent, 1);
	database_beside(parent, config.database, sizeof config.database);
	return 0;
}

int
bundle_find_database(void)
{
	char dir[960], db[1000];

	snprintf(dir, sizeof dir, "%s", config.bundle_root);
	while (strcmp(dir, "/") != 0) {
		strip_components(dir, 1);
		database_beside(dir, db, sizeof db);
		if (access(db, F_OK) == 0) {
			snprintf(config.database, sizeof config.database, "%s", db);
			return 0;
		}
	}
	return -1;
}

const char *
bundle_prepare(const char *document_root)
{
	static int ready;
	static char why[4096];
	char folder[1024], err[2048], made[1200];
	long version;

	if (ready)
		return NULL;
	if (config.database[0] == '\0' && choose_database(document_root) < 0)
		return "The web server did not say where this site's public folder is (DOCUMENT_ROOT), "
		    "so Liaison cannot choose a place for its database: name one with LIAISON_DB in "
		    "liaison.conf.";
	snprintf(folder, sizeof folder, "%s", config.database);
	strip_components(folder, 1);
	if (access(config.database, F_OK) != 0) {
		if (mkdir(folder, 0700) < 0 && errno != EEXIST) {
			snprintf(why, sizeof why, "Liaison could not make the folder %s for its database: "
			    "%s. Make that folder (outside the public web folder) and let the web server "
			    "write to it, or name another place with LIAISON_DB in liaison.conf.",
			    folder, strerror(errno));
			return why;
		}
		if (db_create(config.database, config.schema_dir, NULL, 0, 0, err, sizeof err) < 0) {
			snprintf(why, sizeof why, "Liaison could not make its database in %s: %s. Let "
			    "the web server write to that folder, or name another place with LIAISON_DB "
			    "in liaison.conf.", folder, err);
			return why;
		}
		fprintf(stderr, "liaison: made a new database at %s\n", config.database);
	} else if ((version = backup_version(config.database)) > 0 && version < SCHEMA_VERSION) {
		/* A newer bundle over an older database: keep a copy, then upgrade, as migrate does. */
		if (backup_then_migrate(config.database, config.schema_dir, made, sizeof made,
		    err, sizeof err) < 0) {
			snprintf(why, sizeof why, "Liaison could not upgrade its database %s: %s.",
			    config.database, err);
			return why;
		}
		fprintf(stderr, "liaison: upgraded %s to schema version %d, after a copy in %s\n",
		    config.database, SCHEMA_VERSION, made);
	}
	ready = 1;
	return NULL;
}
