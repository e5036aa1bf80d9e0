/*
 * liaison-admin.c - the command-line tool for whoever runs a Liaison site.
 *
 *   liaison-admin migrate [DB]            apply new schema/ migrations to an existing database
 *   liaison-admin create DB [SQL-FILE…]   make a new database and load data files into it
 *   liaison-admin demo DB                 create DB with the demo data, or upgrade it if it exists
 *   liaison-admin user add NAME ROLE      a staff account (ROLE admin, staff or board); asks for
 *                                         the password, or reads one line from standard input
 *   liaison-admin user password NAME      set a new password (same way)
 *   liaison-admin user disable NAME       no more sign-ins; its sessions end at once
 *   liaison-admin user enable NAME
 *   liaison-admin user list
 *   liaison-admin import activities|organizations FILE [--as NAME] [--dates dmy|mdy]
 *                        [--include-duplicates] [--dry-run]
 *                                         check every row of a CSV, .xlsx or .ods file (its
 *                                         first sheet) and import them all as
 *                                         a batch, or none and list each bad row (FILE - is
 *                                         standard input); likely duplicates are left out;
 *                                         --dry-run prints what it would add, writing nothing
 *   liaison-admin import undo BATCH [--as NAME] [--force]   delete a batch's activities,
 *                                         audited; --force even those edited since
 *   liaison-admin backup [--quiet] [FILE] a checked copy, safe while the site serves (default:
 *                                         liaison-backup-DATE-TIME.db beside the database, the
 *                                         oldest beyond LIAISON_BACKUPS_KEEP deleted); --quiet
 *                                         prints nothing unless it fails (for cron)
 *   liaison-admin restore FILE            put a copy back (checked first; the database as it was
 *                                         is backed up first), then bring it up to this version's
 *                                         schema: the backups page's restore, the same code
 *   liaison-admin check [DB]              integrity, foreign keys, schema version, and the
 *                                         settings' problems (unknown keys, bad values, quotes)
 *   liaison-admin export DIR              every table as DIR/TABLE.csv
 *   liaison-admin mail [--now]            deliver the outbox's due messages through sendmail:
 *                                         quiet unless one fails (for cron); --now also what
 *                                         waits for a later try or was given up; with
 *                                         LIAISON_NOTIFY_APPLICATIONS=daily, first queues the
 *                                         day's digest of new applications when it is due
 *   liaison-admin mail --test ADDRESS [NAME]
 *                                         queue a test message to ADDRESS and deliver it now
 *   liaison-admin remind [SITE-URL]       send the reminders that are due (11 and 12 months since an
 *                                         entry was confirmed), then deliver the mail: for cron.
 *                                         Links are SITE-URL/apply/manage/…, by default from
 *                                         LIAISON_BASE_URL
 *
 * migrate backs the database up first whenever it has migrations to apply.
 * The user commands work on LIAISON_DB (or the config file's) and are written to the audit log.
 * A new database is built beside its final name and renamed into place only when complete,
 * so an interrupted run never leaves a half-made database where the site would open it.
 * DB defaults to LIAISON_DB; the schema folder is LIAISON_SCHEMA. Run from an upload bundle
 * (bin/liaison-admin), both come from the bundle: its schema/, and the database the site made
 * in the nearest liaison-data folder above it, so that a hosting panel's cron job can run
 * "…/partners/bin/liaison-admin backup" with nothing else to say.
 */
#include <errno.h>
#include <time.h>
#include <stdio.h>
#include <termios.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "auth.h"
#include "account.h"
#include "backup.h"
#include "export.h"
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "mailmsg.h"
#include "notify.h"
#include "outbox.h"
#include "remind.h"
#include "admin-import.h"

#ifndef LIAISON_DEFAULT_DEMO
#define LIAISON_DEFAULT_DEMO "/usr/local/share/liaison/data/demo.sql"
#endif

static const char *
schema_dir(void)
{
	return config.schema_dir;
}

int
usage(void)
{
	fprintf(stderr,
	    "usage: liaison-admin migrate [DB]\n"
	    "       liaison-admin create DB [SQL-FILE ...]\n"
	    "       liaison-admin demo DB\n"
	    "       liaison-admin user add NAME admin|staff|board\n"
	    "       liaison-admin user password|disable|enable NAME\n"
	    "       liaison-admin user list\n"
	    "       liaison-admin import activities|organizations FILE [--as NAME] [--dates dmy|mdy] [--include-duplicates] [--dry-run]\n"
	    "       liaison-admin import undo BATCH [--as NAME] [--force]\n"
	    "       liaison-admin backup [--quiet] [FILE]\n"
	    "       liaison-admin restore FILE\n"
	    "       liaison-admin check [DB]\n"
	    "       liaison-admin export DIR\n"
	    "       liaison-admin mail [--now]\n"
	    "       liaison-admin mail --test ADDRESS [NAME]\n"
	    "       liaison-admin remind [SITE-URL]\n");
	return 2;
}

/* Builds a new database from the schema and files and puts it in DB's place. */
static int
create(const char *path, char **files, int nfiles)
{
	char err[1024];

	if (db_create(path, schema_dir(), files, nfiles, 1, err, sizeof err) < 0) {
		fprintf(stderr, "liaison-admin: %s\n", err);
		return 1;
	}
	printf("created %s\n", path);
	return 0;
}

/*
 * A checked copy; then, for the site's own copies (no FILE named), the oldest beyond
 * LIAISON_BACKUPS_KEEP of that kind are deleted. quiet: nothing on standard output, for a
 * cron job whose mail should come only when something failed.
 */
static int
backup(const char *db, const char *dest, const char *what, int quiet)
{
	char name[4200], err[2400];
	struct stat st;
	int own = dest == NULL;

	if (own) {
		backup_name(db, what, name, sizeof name);
		dest = name;
	}
	if (backup_write(db, dest, err, sizeof err) < 0) {
		fprintf(stderr, "liaison-admin: %s\n", err);
		return 1;
	}
	if (!quiet)
		printf("backed up %s to %s (%lld KB, checked)\n", db, dest,
		    stat(dest, &st) == 0 ? (long long)st.st_size / 1024 : 0LL);
	if (own && backup_rotate(db, config.backups_keep, err, sizeof err) < 0) {
		fprintf(stderr, "liaison-admin: the backup was made, but %s\n", err);
		return 1;
	}
	return 0;
}

static int
migrate(const char *path)
{
	char err[2400], made[4200];
	int rc;

	/* An upgrade is the moment a copy is most wanted: before it, not after. */
	if ((rc = backup_then_migrate(path, schema_dir(), made, sizeof made, err, sizeof err)) < 0) {
		fprintf(stderr, "liaison-admin: %s\n", err);
		if (rc == -2)
			fprintf(stderr, "liaison-admin: nothing was upgraded, as the backup failed\n");
		return 1;
	}
	if (made[0])
		printf("backed up %s to %s (checked)\n", path, made);
	printf("%s is at schema version %d\n", path, SCHEMA_VERSION);
	return 0;
}

/* One line from the terminal with echo off, or from standard input when it is not one. */
static int
read_line(const char *prompt, char *buf, size_t size)
{
	struct termios old, quiet;
	int tty = isatty(0) && tcgetattr(0, &old) == 0;
	char *nl;

	if (tty) {
		fputs(prompt, stderr);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(0, TCSAFLUSH, &quiet);
	}
	if (fgets(buf, (int)size, stdin) == NULL)
		buf[0] = '\0';
	if (tty) {
		tcsetattr(0, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if ((nl = strchr(buf, '\n')) != NULL)
		*nl = '\0';
	return 0;
}

/* Asks for a new password (twice on a terminal) into pw (1024 bytes). */
static int
new_password(char *pw)
{
	char again[1024];

	read_line("New password: ", pw, 1024);
	if (strlen(pw) < ACCOUNT_PASSWORD_MIN) {
		fprintf(stderr, "liaison-admin: a password needs at least %d characters\n", ACCOUNT_PASSWORD_MIN);
		return -1;
	}
	if (isatty(0)) {
		read_line("Again: ", again, sizeof again);
		if (strcmp(pw, again) != 0) {
			fprintf(stderr, "liaison-admin: the two passwords differ; nothing changed\n");
			return -1;
		}
	}
	return 0;
}

static int
user(int argc, char **argv)
{
	char pw[1024] = "";
	const char *cmd = argv[0], *name = argc > 1 ? argv[1] : "";
	sqlite3_stmt *s;
	enum account_result rc;

	if (!db_ready()) {
		fprintf(stderr, "liaison-admin: %s\n", db_unavailable_reason());
		return 1;
	}
	if (strcmp(cmd, "list") == 0 && argc == 1) {
		if ((s = db_stmt(STMT_ACCOUNT_LIST)) == NULL)
			return 1;
		printf("%-24s %-6s %-8s %s\n", "name", "role", "state", "created");
		while (sqlite3_step(s) == SQLITE_ROW)
			printf("%-24s %-6s %-8s %s\n", sqlite3_column_text(s, 0), sqlite3_column_text(s, 1),
			    sqlite3_column_int(s, 2) ? "disabled" : sqlite3_column_int(s, 3) ? "active" :
			    "web only", sqlite3_column_text(s, 4));
		db_done(s);
		return 0;
	}
	if (strcmp(cmd, "add") == 0 && argc == 3) {
		if (auth_role_by_name(argv[2]) == ROLE_NONE || strlen(name) < 1 || strlen(name) > 64) {
			fprintf(stderr, "liaison-admin: give a name of 1 to 64 characters and a role: "
			    "admin, staff or board\n");
			return 2;
		}
		if (new_password(pw) < 0)
			return 1;
		rc = account_change(ACCOUNT_ADD, name, argv[2], pw, "liaison-admin", NULL);
	} else if (strcmp(cmd, "password") == 0 && argc == 2) {
		if (new_password(pw) < 0)
			return 1;
		rc = account_change(ACCOUNT_PASSWORD, name, NULL, pw, "liaison-admin", NULL);	/* every session ends */
	} else if ((strcmp(cmd, "disable") == 0 || strcmp(cmd, "enable") == 0) && argc == 2)
		rc = account_change(strcmp(cmd, "disable") == 0 ? ACCOUNT_DISABLE : ACCOUNT_ENABLE,
		    name, NULL, NULL, "liaison-admin", NULL);
	else
		return usage();
	explicit_bzero(pw, sizeof pw);
	if (rc == ACCOUNT_NOT_FOUND)
		fprintf(stderr, "liaison-admin: there is no account named %s\n", name);
	else if (rc == ACCOUNT_NAME_TAKEN)
		fprintf(stderr, "liaison-admin: there is already an account named %s\n", name);
	else if (rc == ACCOUNT_LAST_ADMIN)
		fprintf(stderr, "liaison-admin: %s is the last enabled administrator; enable or add "
		    "another first\n", name);
	else if (rc != ACCOUNT_OK)
		fprintf(stderr, "liaison-admin: the database was busy or refused the change; nothing changed\n");
	else
		printf("%s: done\n", name);
	db_close();
	return rc == ACCOUNT_OK ? 0 : 1;
}

static int
restore(const char *db, const char *src)
{
	char err[2400], kept[4200];
	int rc = backup_restore_safely(db, src, schema_dir(), kept, sizeof kept, err, sizeof err);

	if (kept[0])
		printf("backed up %s to %s (checked)\n", db, kept);
	if (rc == -2)
		fprintf(stderr, "liaison-admin: %s\nliaison-admin: nothing was restored, as the backup "
		    "of %s failed\n", err, db);
	else if (rc < 0)
		fprintf(stderr, "liaison-admin: %s\n", err);
	else
		printf("restored %s from %s\n%s is at schema version %d\n", db, src, db, SCHEMA_VERSION);
	return rc == 0 ? 0 : 1;
}

/*
 * The database's integrity, keys and version, then the settings' problems (config.h): each
 * on standard error with its file, line and what is allowed. Any of either exits 1, so a
 * cron job running check mails exactly when something wants the administrator.
 */
static int
check(const char *db)
{
	int problems = backup_check(db, stderr), nset, more;
	const struct config_problem *cp = config_problems(&nset, &more);

	if (problems == 0)
		printf("%s: ok (schema version %ld)\n", db, backup_version(db));
	else if (problems > 0)
		fprintf(stderr, "%s: %d problem%s\n", db, problems, problems == 1 ? "" : "s");
	for (int i = 0; i < nset; i++) {
		if (cp[i].line)
			fprintf(stderr, "%s, line %d: ", cp[i].file, cp[i].line);
		else
			fprintf(stderr, "%s: ", cp[i].file);
		fprintf(stderr, "%s%s%s\n", cp[i].key, cp[i].key[0] ? " " : "", cp[i].text);
	}
	if (more)
		fprintf(stderr, "…and %d more problems in the settings\n", more);
	if (nset + more > 0)
		fprintf(stderr, "settings: %d problem%s (the site runs, with the defaults named above)\n",
		    nset + more, nset + more == 1 ? "" : "s");
	return problems == 0 && nset + more == 0 ? 0 : 1;
}

static int
export(const char *dir)
{
	char err[4400];
	int files;

	if (!db_ready()) {
		fprintf(stderr, "liaison-admin: %s\n", db_unavailable_reason());
		return 1;
	}
	files = export_all(dir, stdout, err, sizeof err);
	db_close();
	if (files < 0) {
		fprintf(stderr, "liaison-admin: %s\n", err);
		return 1;
	}
	printf("exported %d tables to %s\n", files, dir);
	return 0;
}

/* Queues the test message to addr in a transaction of its own: its row, or 0 with the reason said. */
static long long
queue_test(const char *addr, const char *name)
{
	char subject[400], body[1200];
	struct outbox_mail m = { .kind = "test", .to_addr = addr, .to_name = name,
	    .reply_to = config.operator_email, .subject = subject, .body = body };
	enum outbox_result rc;
	long long id = 0;

	snprintf(subject, sizeof subject, "Test message from %s", config.site_name);
	snprintf(body, sizeof body, "This is a test message from %s, sent by liaison-admin mail --test.\n\n"
	    "If you can read it, mail from the directory reaches this address: its receipts and\n"
	    "notices will too. Nothing needs to be done.\n", config.site_name);
	if (change_begin() != CHANGE_OK) {
		fprintf(stderr, "liaison-admin: the database is busy or not writable; nothing was queued\n");
		return 0;
	}
	rc = outbox_queue(&m, &id);
	if (change_finish(rc == OUTBOX_OK ? CHANGE_OK : CHANGE_FAILED) != CHANGE_OK && rc == OUTBOX_OK)
		rc = OUTBOX_FAILED;
	if (rc == OUTBOX_BAD_ADDRESS)
		fprintf(stderr, "liaison-admin: %s is not a plain e-mail address (name@example.org)\n", addr);
	else if (rc == OUTBOX_BAD_REPLY_TO)
		fprintf(stderr, "liaison-admin: LIAISON_OPERATOR_EMAIL is not a plain e-mail address\n");
	else if (rc != OUTBOX_OK)
		fprintf(stderr, "liaison-admin: the database is busy or not writable; nothing was queued\n");
	return rc == OUTBOX_OK ? id : 0;
}

/*
 * Delivers what is due, quietly unless something fails: for a cron job (a hosting panel's,
 * every few minutes), whose mail shows only the failures. --test ADDRESS queues a message
 * and says what became of it, to check the host's sendmail.
 */
static int
mail(int argc, char **argv)
{
	struct outbox_run run;
	struct db_cursor c;
	struct outbox_row row;
	long long test = 0;
	int failures, now = argc == 2 && strcmp(argv[1], "--now") == 0, rc = 0;

	if (!(argc == 1 || now || (argc >= 3 && argc <= 4 && strcmp(argv[1], "--test") == 0)))
		return usage();
	if (!db_ready()) {
		fprintf(stderr, "liaison-admin: %s\n", db_unavailable_reason());
		return 1;
	}
	if (!config.mail) {
		/* A site that sends no mail has nothing for cron to do; a test must say why it sent none. */
		db_close();
		if (argc == 1)
			return 0;
		fprintf(stderr, "liaison-admin: mail is turned off (LIAISON_MAIL=0): nothing was sent\n");
		return 1;
	}
	if (argc >= 3 && (test = queue_test(argv[2], argc == 4 ? argv[3] : "")) == 0) {
		db_close();
		return 1;
	}
	/* The daily digest of new applications, when the setting asks for one and it is due. */
	{
		char staff[600] = "";
		struct notify_links links = { "", "", staff };
		size_t n = strlen(config.base_url);

		if (n)
			snprintf(staff, sizeof staff, "%.*s/staff", (int)(config.base_url[n - 1] == '/' ? n - 1 : n),
			    config.base_url);
		if (notify_digest(&links, time(NULL)) < 0) {
			fprintf(stderr, "liaison-admin: the database is busy or not writable; the digest of new "
			    "applications was not queued\n");
			rc = 1;
		}
	}
	if (now) {
		if (change_begin() != CHANGE_OK || outbox_all_due_now() < 0 || change_finish(CHANGE_OK) != CHANGE_OK) {
			fprintf(stderr, "liaison-admin: the database is busy or not writable; nothing was sent\n");
			db_close();
			return 1;
		}
	}
	failures = outbox_deliver_due(10000, 10 * 60 * 1000, &run);
	if (failures > 0) {
		fprintf(stderr, "liaison-admin: mail: %d sent, %d not sent and to be tried again, %d not sent "
		    "and given up%s\n", run.sent, run.retrying, run.gave_up,
		    run.db_failed ? "; the database was busy or failed" : "");
		if (run.last_error[0])
			fprintf(stderr, "liaison-admin: mail: %s\n", run.last_error);
		rc = 1;
	} else if (now || test)
		printf("%d sent\n", run.sent);
	if (test) {
		int got = outbox_get(&c, test, &row);
		if (got == 1 && strcmp(row.state, "sent") == 0)
			printf("sent a test message to %s (Message-ID <%s>)\n", row.to_addr, row.message_id);
		else {
			fprintf(stderr, "liaison-admin: the test message was not sent%s%s; it stays in the "
			    "outbox (liaison-admin mail tries it again)\n", got == 1 && row.last_error[0] ? ": " : "",
			    got == 1 ? row.last_error : "");
			rc = 1;
		}
		db_cursor_close(&c);
	}
	db_close();
	return rc;
}

/*
 * Queues every reminder that is due and delivers the outbox, quietly unless something fails
 * (for a daily cron job). Links in the messages start from the site's address: SITE-URL, or
 * LIAISON_BASE_URL (scheme and host: a site served at the top, as the nginx setup is). Without
 * a request there is no other way to know it, so without either nothing is sent.
 */
static int
remind(int argc, char **argv)
{
	struct remind_result res;
	struct outbox_run run;
	char base[600];
	const char *site = argc == 2 ? argv[1] : config.base_url;
	size_t n = strlen(site);

	if (argc > 2 || (argc == 2 && strncmp(site, "https://", 8) != 0 && strncmp(site, "http://", 7) != 0))
		return usage();
	if (n == 0 || n > 500) {
		fprintf(stderr, "liaison-admin: name the site's address (liaison-admin remind "
		    "https://example.org/partners) or set LIAISON_BASE_URL: reminders link to it; "
		    "nothing was sent\n");
		return 1;
	}
	if (!db_ready()) {
		fprintf(stderr, "liaison-admin: %s\n", db_unavailable_reason());
		return 1;
	}
	/* The manage pages' clean address, which nginx and the bundle's .htaccess both serve. */
	snprintf(base, sizeof base, "%.*s/apply/manage", (int)(site[n - 1] == '/' ? n - 1 : n), site);
	if (remind_send_due(base, 0, time(NULL), &res) < 0) {
		fprintf(stderr, "liaison-admin: remind: the database is busy or not writable after %d "
		    "reminders; run it again\n", res.first + res.second);
		db_close();
		return 1;
	}
	if (config.mail && outbox_deliver_due(10000, 10 * 60 * 1000, &run) > 0) {
		fprintf(stderr, "liaison-admin: remind: %d first and %d second reminders queued; mail: %d "
		    "sent, %d to be tried again (liaison-admin mail), %d given up%s%s\n", res.first,
		    res.second, run.sent, run.retrying, run.gave_up, run.last_error[0] ? ": " : "",
		    run.last_error);
		db_close();
		return 1;
	}
	db_close();
	return 0;
}

int
main(int argc, char **argv)
{
	config_load();
	/* Someone at a terminal would rather wait a few seconds for the site's writes to finish
	 * than be told "busy": the web programs' short timeout is for visitors. */
	if (config.busy_timeout_ms < 10000)
		config.busy_timeout_ms = 10000;
	/* From a bundle, the database is where the site made it: no request says where that is. */
	if (config.bundle_root[0] && config.database[0] == '\0' && config_find_bundle_database() < 0 &&
	    argc >= 2 && strcmp(argv[1], "create") != 0 && strcmp(argv[1], "demo") != 0) {
		fprintf(stderr, "liaison-admin: %s/liaison.conf names no database (LIAISON_DB), and no "
		    "folder " BUNDLE_DATA_DIR " of this site's is above it (one marked as another "
		    "site's is never used): open the site once, which chooses its data folder and "
		    "writes LIAISON_DB into liaison.conf, or name the database with LIAISON_DB=PATH\n",
		    config.bundle_root);
		return 1;
	}
	if (argc < 2)
		return usage();
	if (strcmp(argv[1], "migrate") == 0 && argc <= 3)
		return migrate(argc == 3 ? argv[2] : config.database);
	if (strcmp(argv[1], "user") == 0 && argc >= 3)
		return user(argc - 2, argv + 2);
	if (strcmp(argv[1], "import") == 0 && argc >= 4)
		return import_cmd(argc - 2, argv + 2);
	if (strcmp(argv[1], "backup") == 0 && argc <= 4) {
		int quiet = argc >= 3 && strcmp(argv[2], "--quiet") == 0;
		if (argc == 4 && !quiet)
			return usage();
		return backup(config.database, argc == 3 + quiet ? argv[2 + quiet] : NULL, "backup", quiet);
	}
	if (strcmp(argv[1], "restore") == 0 && argc == 3)
		return restore(config.database, argv[2]);
	if (strcmp(argv[1], "check") == 0 && argc <= 3)
		return check(argc == 3 ? argv[2] : config.database);
	if (strcmp(argv[1], "export") == 0 && argc == 3)
		return export(argv[2]);
	if (strcmp(argv[1], "mail") == 0)
		return mail(argc - 1, argv + 1);
	if (strcmp(argv[1], "remind") == 0)
		return remind(argc - 1, argv + 1);
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
