/*
 * bundle.c - the upload bundle's first request: choosing where its database goes from the
 * site's public folder, and making or upgrading that database, since a shared host may offer
 * no shell. Finding the bundle and its settings is config.c's. See bundle.h for the layout;
 * INSTALL.md tells the person installing the same story.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"
#include "config.h"
#include "db.h"
#include "upgrade.h"

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
	config_parent_folder(parent, 1);
	config_bundle_database_beside(parent, config.database, sizeof config.database);
	return 0;
}

/*
 * A data folder and database the programs own (they run as the hosting account: suEXEC, or
 * a server of one's own) are kept to the account alone: the folder 700, the files 600. A
 * copy moved from another host arrives as the upload left it (755, 644), and on a host
 * without per-account isolation other accounts could read it. Files of another owner are
 * left as they are: the programs could not change them, and the account's own cron backup
 * needs them readable (cgi-bin/check.cgi and INSTALL say why a host runs them so).
 */
static void
keep_private(const char *folder, const char *database)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-wal-owner" };
	char path[1200];
	struct stat st;

	if (stat(folder, &st) == 0 && st.st_uid == geteuid() && (st.st_mode & 077))
		chmod(folder, st.st_mode & 0700);
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(path, sizeof path, "%s%s", database, suffixes[i]);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 077))
			chmod(path, st.st_mode & 0600);
	}
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
	config_parent_folder(folder, 1);
	if (access(config.database, F_OK) != 0) {
		if (mkdir(folder, 0700) < 0 && errno != EEXIST) {
			snprintf(why, sizeof why, "Liaison could not make the folder %s for its database: "
			    "%s. Make that folder (outside the public web folder) and let the web server "
			    "write to it, or name another place with LIAISON_DB in liaison.conf. (A host "
			    "without suEXEC runs this program as its own user, not as your account: then "
			    "only the host can help. cgi-bin/check.cgi says which.)",
			    folder, strerror(errno));
			return why;
		}
		if (db_create(config.database, config.schema_dir, NULL, 0, 0, err, sizeof err) < 0) {
			snprintf(why, sizeof why, "Liaison could not make its database in %s: %s. Let "
			    "the web server write to that folder, or name another place with LIAISON_DB "
			    "in liaison.conf. (Without suEXEC only the host can help: cgi-bin/check.cgi "
			    "says.)", folder, err);
			return why;
		}
		fprintf(stderr, "liaison: made a new database at %s\n", config.database);
	} else if ((version = db_file_version(config.database)) > 0 && version < SCHEMA_VERSION) {
		/* A newer bundle over an older database: keep a copy, then upgrade, as migrate does. */
		if (db_upgrade_file(config.database, config.schema_dir, NULL, made, sizeof made,
		    err, sizeof err) < 0) {
			snprintf(why, sizeof why, "Liaison could not upgrade its database %s: %s.",
			    config.database, err);
			return why;
		}
		fprintf(stderr, "liaison: upgraded %s to schema version %d, after a copy in %s\n",
		    config.database, SCHEMA_VERSION, made);
	}
	keep_private(folder, config.database);
	ready = 1;
	return NULL;
}
