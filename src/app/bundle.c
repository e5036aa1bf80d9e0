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
#include "hosting.h"
#include "upgrade.h"

/*
 * A data folder and database the programs own (they run as the hosting account: suEXEC, or
 * a server of one's own) are kept to the account alone: the folder 700, the files 600. A
 * copy moved from another host arrives as the upload left it (755, 644), and on a host
 * without per-account isolation other accounts could read it. Without suEXEC (the programs
 * run as the web server's user, which every site on the host shares) no mode keeps the data
 * from the other sites' programs; the files are then left readable and writable by all
 * (666), so that the account's own cron backup, which runs as the account, can still open
 * the database (SQLite gives its -wal and -shm the database's mode). Files of another owner
 * are left as they are: the programs could not change them.
 */
static void
keep_private(const char *folder, const char *database)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-wal-owner" };
	const char *name = strrchr(folder, '/');
	int own = hosting_runs_as_owner(config.bundle_root);
	char path[1200];
	struct stat st;

	/*
	 * Only a data folder of the bundle's (liaison-data, liaison-data-NAME): a database named
	 * with LIAISON_DB may sit in a folder that is not the site's to close (/tmp, a home folder).
	 */
	if (own && name && strncmp(name + 1, BUNDLE_DATA_DIR, strlen(BUNDLE_DATA_DIR)) == 0 &&
	    stat(folder, &st) == 0 && S_ISDIR(st.st_mode) && !(st.st_mode & S_ISVTX) &&
	    st.st_uid == geteuid() && (st.st_mode & 077))
		chmod(folder, st.st_mode & 0700);
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(path, sizeof path, "%s%s", database, suffixes[i]);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid())
			continue;
		if (own && (st.st_mode & 077))
			chmod(path, st.st_mode & 0600);
		else if (!own && (st.st_mode & 0666) != 0666)
			chmod(path, 0666);
	}
}

/* Why the data folder could not be made, for the 503 page any visitor may see. */
static const char *
no_folder(const char *document_root, const char *folder, int error)
{
	static char why[3000];
	char shown[1200];

	hosting_shown_path(document_root, folder, shown, sizeof shown);
	if (!hosting_runs_as_owner(config.bundle_root))
		snprintf(why, sizeof why, "This host runs Liaison's programs as the web server's own "
		    "user, not as your hosting account: it has no suEXEC. So they cannot make the folder "
		    "%s (in your account's top folder, beside your public folder) for this site's data. "
		    "Best: ask your host to turn on suEXEC for your account, so that the data is yours "
		    "alone. Otherwise make that folder yourself in the file manager with permissions 777: "
		    "the web server's user can then write in it (and so can every other site's programs "
		    "on this host, whatever permissions you choose: that is what a host without suEXEC "
		    "means). Liaison then leaves its files there readable and writable by your account, so "
		    "your cron backup still works. cgi-bin/check.cgi says more (INSTALL.md, \"Without "
		    "suEXEC\").", shown);
	else
		snprintf(why, sizeof why, "Liaison could not make the folder %s (in your account's top "
		    "folder, beside your public folder) for this site's data: %s. Make that folder "
		    "yourself in the file manager, with permissions 700, or name another place outside "
		    "every public folder with LIAISON_DB in liaison.conf. (If you copied liaison.conf "
		    "from another account, delete its LIAISON_DB line.) cgi-bin/check.cgi says more.",
		    shown, strerror(error));
	return why;
}

const char *
bundle_prepare(const char *document_root)
{
	static int ready;
	static char why[4096];
	char folder[1024], err[2048], made[1200], shown[1200];
	long version;

	if (ready)
		return NULL;
	if (config.database[0] == '\0') {
		if (document_root == NULL || document_root[0] != '/')
			return "The web server did not say where this site's public folder is "
			    "(DOCUMENT_ROOT), so Liaison cannot choose a place for its database: name one "
			    "with LIAISON_DB in liaison.conf.";
		/* Chosen once, then kept in liaison.conf: the site's own, outside every public folder. */
		if (hosting_choose_database(document_root, config.bundle_root, config.database,
		    sizeof config.database) < 0) {
			int error = errno;
			snprintf(folder, sizeof folder, "%s", config.database);
			config.database[0] = '\0';	/* chosen again on the next request */
			return no_folder(document_root, folder, error);
		}
		if (hosting_remember_database(config.bundle_root, config.database) < 0)
			fprintf(stderr, "liaison: could not write LIAISON_DB = %s into %s/liaison.conf: %s\n",
			    config.database, config.bundle_root, strerror(errno));
	}
	snprintf(folder, sizeof folder, "%s", config.database);
	hosting_parent_folder(folder, 1);
	if (access(config.database, F_OK) != 0) {
		if (mkdir(folder, 0700) < 0 && errno != EEXIST)
			return no_folder(document_root, folder, errno);
		if (db_create(config.database, config.schema_dir, NULL, 0, 0, err, sizeof err) < 0) {
			fprintf(stderr, "liaison: could not make %s: %s\n", config.database, err);
			hosting_shown_path(document_root, folder, shown, sizeof shown);
			snprintf(why, sizeof why, "Liaison could not make its database in the folder %s: "
			    "the programs cannot write there. cgi-bin/check.cgi says why and what to do.", shown);
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
