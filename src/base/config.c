/*
 * config.c - loads struct config from an optional file and the environment.
 *
 * The file format is deliberately tiny (KEY = value, # comments) so a librarian can edit it
 * in a hosting panel's text editor. Unknown keys, bad values and quoted values never stop a
 * site (an older binary still starts with a newer file), but each is kept as a problem with
 * its line and what is allowed, which the administrator's pages and `liaison-admin check` show.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "dates.h"
#include "hosting.h"
#include "when.h"

#ifndef LIAISON_DEFAULT_DB
#define LIAISON_DEFAULT_DB "/var/lib/liaison/liaison.db"
#endif
#ifndef LIAISON_DEFAULT_TEMPLATES
#define LIAISON_DEFAULT_TEMPLATES "/usr/local/share/liaison/templates"
#endif
#ifndef LIAISON_DEFAULT_SCHEMA
#define LIAISON_DEFAULT_SCHEMA "/usr/local/share/liaison/schema"
#endif

struct config config;

/*
 * Every setting, named once: the list gives the names read from the environment and offered
 * for a misspelt key, and the enum that set_key() switches on, so a setting missing a case
 * there is a compiler warning (-Wswitch) rather than a key that is silently never read.
 */
#define SETTINGS(X) \
	X(DB) X(TEMPLATES) X(SCHEMA) X(SITE_NAME) X(BASE_URL) X(STATIC_URL) X(BUSY_TIMEOUT_MS) \
	X(RELOAD_TEMPLATES) X(PAGE_CACHE) X(TRUST_REMOTE_USER) X(SESSION_HOURS) X(FORM_HOURS) \
	X(APPLY_PER_HOUR) X(APPLY_MIN_SECONDS) X(FISCAL_YEAR_START) X(REPORT_PUBLIC) \
	X(DB_MAX_MB) X(BACKUPS_KEEP) X(BACKUP_UPLOAD_MB) X(OPERATOR_NAME) X(OPERATOR_EMAIL) \
	X(OPERATOR_ADDRESS) X(OPERATOR_LOGO) X(MAIL_FROM) X(SENDMAIL) X(MAIL) \
	X(CONTACT_PER_SENDER) X(CONTACT_PER_ORG) X(NOTIFY_APPLICATIONS) X(REMIND_AT) \
	X(DATE_ORDER) X(PUBLIC_MAX_AGE) X(TIME_ZONE) X(DEFAULT_HOST)

#define AS_ENUM(name)	S_##name,
#define AS_KEY(name)	"LIAISON_" #name,
enum setting { SETTINGS(AS_ENUM) S__COUNT };
static const char *const keys[S__COUNT] = { SETTINGS(AS_KEY) };

static void
copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

/*
 * What was wrong in the settings (config.h): each problem once, with where it was and what
 * is allowed, so that a misspelt key or a month written out is not silently a default.
 */
static struct config_problem problems[CONFIG_PROBLEMS_MAX];
static int nproblems, more_problems;
static const char *where_file;	/* the file being read, or NULL for the environment */
static int where_line;

static void
problem(const char *key, const char *fmt, ...)
{
	struct config_problem *p;
	va_list ap;

	if (nproblems == CONFIG_PROBLEMS_MAX) {
		more_problems++;
		return;
	}
	p = &problems[nproblems++];
	snprintf(p->file, sizeof p->file, "%s", where_file ? where_file : "the environment");
	p->line = where_file ? where_line : 0;
	snprintf(p->key, sizeof p->key, "%s", key);
	va_start(ap, fmt);
	vsnprintf(p->text, sizeof p->text, fmt, ap);
	va_end(ap);
}

const struct config_problem *
config_problems(int *n, int *more)
{
	*n = nproblems;
	if (more)
		*more = more_problems;
	return problems;
}

/* A whole number from lo to hi into *dst; anything else is reported and leaves *dst as it was. */
static void
set_int(int *dst, const char *key, const char *val, int lo, int hi, const char *allowed)
{
	char *end;
	long v;

	if (*val == '\0')
		return;		/* "KEY =" keeps the default, as it always has */
	errno = 0;
	v = strtol(val, &end, 10);
	if (*val == '\0' || *end != '\0' || errno || v < lo || v > hi) {
		problem(key, "\"%s\" is not allowed: %s. The default (%d) is used.", val, allowed, *dst);
		return;
	}
	*dst = (int)v;
}

static void
set_flag(int *dst, const char *key, const char *val)
{
	static const char *const yes[] = { "1", "yes", "true", "on" }, *const no[] = { "0", "no", "false", "off", "" };

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcasecmp(val, yes[i]) == 0) {
			*dst = 1;
			return;
		}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcasecmp(val, no[i]) == 0) {
			*dst = 0;	/* "KEY =" has always meant 0 */
			return;
		}
	problem(key, "\"%s\" is not allowed: 0 (no) or 1 (yes). The default (%d) is used.", val, *dst);
}

/* How staff hear of applications: each, daily or off. */
static void
set_notify(int *dst, const char *key, const char *val)
{
	if (strcmp(val, "each") == 0)
		*dst = NOTIFY_EACH;
	else if (strcmp(val, "daily") == 0)
		*dst = NOTIFY_DAILY;
	else if (strcmp(val, "off") == 0)
		*dst = NOTIFY_OFF;
	else if (*val)
		problem(key, "\"%s\" is not allowed: each, daily or off. The default is used.", val);
}

/* "HH:MM" (UTC) from which requests may send the day's reminders (remind.h), or "off". */
static void
set_remind_at(int *dst, const char *key, const char *val)
{
	int h, m;
	char end;

	if (strcmp(val, "off") == 0)
		*dst = -1;
	else if (sscanf(val, "%d:%d%c", &h, &m, &end) == 2 && h >= 0 && h < 24 && m >= 0 && m < 60)
		*dst = h * 60 + m;
	else if (*val)
		problem(key, "\"%s\" is not allowed: a time as HH:MM (UTC), or off. The default is used.", val);
}

/* The order of days and months in imported dates (dates.h): dmy, mdy, or unset. */
static void
set_date_order(int *dst, const char *key, const char *val)
{
	int o = date_order_by_name(val);

	if (o < 0)
		problem(key, "\"%s\" is not allowed: dmy (15/03/2026), mdy (3/15/2026), or empty (a date "
		    "that reads both ways is asked about). It is left unset.", val);
	else
		*dst = o;
}

/* The zone every time is shown in (when.h): an IANA name this host's zoneinfo has. */
static void
set_time_zone(char *dst, size_t size, const char *key, const char *val)
{
	if (*val == '\0')
		return;
	if (!when_zone_ok(val)) {
		problem(key, "\"%s\" is not a time zone this host knows: an IANA name such as "
		    "Europe/Paris or America/Chicago (a file under %s), or UTC. Times are shown in %s.",
		    val, getenv("TZDIR") ? getenv("TZDIR") : "/usr/share/zoneinfo", dst);
		return;
	}
	copy(dst, size, val);
}

/* The fiscal year's first month: 1 to 12, or the month's English name as people write it. */
static void
set_month(int *dst, const char *key, const char *val)
{
	static const char *const months[] = { "january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december" };

	for (int m = 0; m < 12; m++)
		if (strcasecmp(val, months[m]) == 0 || (strlen(val) == 3 && strncasecmp(val, months[m], 3) == 0)) {
			*dst = m + 1;
			return;
		}
	set_int(dst, key, val, 1, 12, "a month, 1 (January) to 12 (December), or its name");
}

/* 1 when key is a setting (its value taken, or reported when wrong); 0 when it is none. */
static int
set_key(const char *key, const char *val)
{
	size_t i;

	for (i = 0; i < S__COUNT && strcmp(key, keys[i]) != 0; i++)
		;
	switch ((enum setting)i) {
	case S_DB:
		copy(config.database, sizeof config.database, val);
		break;
	case S_TEMPLATES:
		copy(config.template_root, sizeof config.template_root, val);
		break;
	case S_SCHEMA:
		copy(config.schema_dir, sizeof config.schema_dir, val);
		break;
	case S_SITE_NAME:
		copy(config.site_name, sizeof config.site_name, val);
		break;
	case S_BASE_URL:
		copy(config.base_url, sizeof config.base_url, val);
		break;
	case S_STATIC_URL:
		copy(config.static_url, sizeof config.static_url, val);
		break;
	case S_BUSY_TIMEOUT_MS:
		set_int(&config.busy_timeout_ms, key, val, 1, 600000, "milliseconds, a whole number from 1 to 600000");
		break;
	case S_RELOAD_TEMPLATES:
		set_flag(&config.reload_templates, key, val);
		break;
	case S_PUBLIC_MAX_AGE:
		set_int(&config.public_max_age, key, val, 0, 86400, "seconds a shared cache may keep a "
		    "public page, a whole number from 0 (ask every time) to 86400");
		break;
	case S_PAGE_CACHE:
		set_int(&config.page_cache, key, val, 0, 100000, "how many pages, a whole number from 0 (none) up");
		break;
	case S_TRUST_REMOTE_USER:
		set_flag(&config.trust_remote_user, key, val);
		break;
	case S_SESSION_HOURS:
		set_int(&config.session_hours, key, val, 1, 24 * 366, "hours, a whole number from 1 up");
		break;
	case S_FORM_HOURS:
		set_int(&config.form_hours, key, val, 1, 24 * 366, "hours, a whole number from 1 up");
		break;
	case S_APPLY_PER_HOUR:
		set_int(&config.apply_per_hour, key, val, 1, 1000000, "a whole number from 1 up");
		break;
	case S_CONTACT_PER_SENDER:
		set_int(&config.contact_per_sender, key, val, 1, 1000000, "messages a day, a whole number from 1 up");
		break;
	case S_CONTACT_PER_ORG:
		set_int(&config.contact_per_org, key, val, 1, 1000000, "messages a day, a whole number from 1 up");
		break;
	case S_APPLY_MIN_SECONDS:
		set_int(&config.apply_min_seconds, key, val, 0, 3600, "seconds, a whole number from 0 to 3600");
		break;
	case S_FISCAL_YEAR_START:
		set_month(&config.fiscal_year_start, key, val);
		break;
	case S_REPORT_PUBLIC:
		set_flag(&config.report_public, key, val);
		break;
	case S_DB_MAX_MB:
		set_int(&config.db_max_mb, key, val, 0, 1000000, "megabytes, a whole number from 0 (no cap) up");
		break;
	case S_BACKUPS_KEEP:
		set_int(&config.backups_keep, key, val, 0, 10000, "how many copies of each kind, from 0 (all) up");
		break;
	case S_BACKUP_UPLOAD_MB:
		set_int(&config.backup_upload_mb, key, val, 1, 4096, "megabytes, a whole number from 1 to 4096");
		break;
	case S_OPERATOR_NAME:
		copy(config.operator_name, sizeof config.operator_name, val);
		break;
	case S_OPERATOR_EMAIL:
		copy(config.operator_email, sizeof config.operator_email, val);
		break;
	case S_OPERATOR_ADDRESS:
		copy(config.operator_address, sizeof config.operator_address, val);
		break;
	case S_OPERATOR_LOGO:
		copy(config.operator_logo, sizeof config.operator_logo, val);
		break;
	case S_MAIL_FROM:
		copy(config.mail_from, sizeof config.mail_from, val);
		break;
	case S_SENDMAIL:
		copy(config.sendmail, sizeof config.sendmail, val);
		break;
	case S_MAIL:
		set_flag(&config.mail, key, val);
		break;
	case S_NOTIFY_APPLICATIONS:
		set_notify(&config.notify_applications, key, val);
		break;
	case S_REMIND_AT:
		set_remind_at(&config.remind_at, key, val);
		break;
	case S_DATE_ORDER:
		set_date_order(&config.date_order, key, val);
		break;
	case S_TIME_ZONE:
		set_time_zone(config.time_zone, sizeof config.time_zone, key, val);
		break;
	case S_DEFAULT_HOST:
		set_int(&config.default_host, key, val, 0, 2000000000, "an organization's number (the one "
		    "in its address, /staff/org/ID), or 0 for none");
		break;
	case S__COUNT:
		return 0;
	}
	return 1;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* How many single-character edits turn a into b (at most 63 characters are compared). */
static int
distance(const char *a, const char *b)
{
	int prev[64], cur[64];
	size_t la = strlen(a) < 63 ? strlen(a) : 63, lb = strlen(b) < 63 ? strlen(b) : 63;

	for (size_t j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int sub = prev[j - 1] + (toupper((unsigned char)a[i - 1]) != b[j - 1]);
			int del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, sizeof cur);
	}
	return prev[lb];
}

static void
unknown_key(const char *key)
{
	const char *best = NULL;
	int d, least = 4;	/* a few letters off: a slip, not another word */

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if ((d = distance(key, keys[i])) < least) {
			least = d;
			best = keys[i];
		}
	if (best)
		problem(key, "is not a setting, and was ignored. Did you mean %s?", best);
	else
		problem(key, "is not a setting, and was ignored. README.md, \"Configuration\", lists "
		    "every setting.");
}

static void
load_file(const char *path)
{
	char line[2048], *eq;
	FILE *f = fopen(path, "r");

	if (f == NULL) {
		fprintf(stderr, "liaison: cannot read config file %s; using defaults\n", path);
		where_file = NULL;
		problem("", "the settings file %s cannot be read; every setting has its default", path);
		return;
	}
	where_file = path;
	where_line = 0;
	while (fgets(line, sizeof line, f)) {
		char *s = trim(line), *key, *val;
		size_t n;

		where_line++;
		if (*s == '\0' || *s == '#')
			continue;
		if ((eq = strchr(s, '=')) == NULL) {
			problem("", "\"%.60s\" is not a setting: a line is KEY = value, or starts with # "
			    "for a comment. It was ignored.", s);
			continue;
		}
		*eq = '\0';
		key = trim(s);
		val = trim(eq + 1);
		/* "My Library" or 'My Library': the quotes were surely not meant as part of the name. */
		n = strlen(val);
		if (n >= 2 && (val[0] == '"' || val[0] == '\'') && val[n - 1] == val[0]) {
			val[n - 1] = '\0';
			val++;
			problem(key, "the value is in quotes, which settings do not need: the quotes were "
			    "taken off. Write it without them.");
		}
		if (!set_key(key, val))
			unknown_key(key);
	}
	fclose(f);
	where_file = NULL;
}

/* --- the upload bundle: where it is and what its paths are relative to (bundle.h) --- */


static int
find_bundle_root(char *root, size_t size)
{
	char exe[1024], conf[1100];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return -1;
	exe[n] = '\0';
	hosting_parent_folder(exe, 2);	/* ROOT/cgi-bin/list.fcgi, ROOT/bin/liaison-admin */
	snprintf(conf, sizeof conf, "%s/liaison.conf", exe);
	if (access(conf, R_OK) != 0 || strlen(exe) >= size)
		return -1;
	strcpy(root, exe);
	return 0;
}

static void
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

static void
bundle_resolve_paths(void)
{
	resolve(config.database, sizeof config.database);
	resolve(config.template_root, sizeof config.template_root);
	resolve(config.schema_dir, sizeof config.schema_dir);
}

void
config_bundle_database_beside(const char *parent, char *out, size_t size)
{
	snprintf(out, size, "%s%s" BUNDLE_DATA_DIR "/liaison.db", parent, strcmp(parent, "/") ? "/" : "");
}

/* db's folder, in a buffer of its own. */
static const char *
dirname_of(const char *db)
{
	static char folder[1000];

	snprintf(folder, sizeof folder, "%s", db);
	hosting_parent_folder(folder, 1);
	return folder;
}

int
config_find_bundle_database(void)
{
	char dir[960], db[1000];

	snprintf(dir, sizeof dir, "%s", config.bundle_root);
	while (strcmp(dir, "/") != 0) {
		hosting_parent_folder(dir, 1);
		config_bundle_database_beside(dir, db, sizeof db);
		/* Never another site's: a second bundle elsewhere in the account has its own. */
		if (access(db, F_OK) == 0 && !hosting_folder_is_other_site(dirname_of(db), config.bundle_root, NULL, 0)) {
			snprintf(config.database, sizeof config.database, "%s", db);
			return 0;
		}
	}
	return -1;
}

void
config_load(void)
{
	const char *file;
	size_t i;

	memset(&config, 0, sizeof config);
	nproblems = more_problems = 0;
	where_file = NULL;
	copy(config.database, sizeof config.database, LIAISON_DEFAULT_DB);
	copy(config.template_root, sizeof config.template_root, LIAISON_DEFAULT_TEMPLATES);
	copy(config.schema_dir, sizeof config.schema_dir, LIAISON_DEFAULT_SCHEMA);
	copy(config.site_name, sizeof config.site_name, "Libraries Seeking Partners");
	copy(config.static_url, sizeof config.static_url, "/static");
	config.busy_timeout_ms = 3000;
	config.page_cache = 32;
	config.public_max_age = 60;
	config.session_hours = 12;
	config.form_hours = 12;
	config.apply_per_hour = 5;
	config.contact_per_sender = 5;
	config.contact_per_org = 20;
	config.apply_min_seconds = 3;
	config.fiscal_year_start = 1;
	config.report_public = 1;
	config.backups_keep = 14;
	config.backup_upload_mb = 64;
	/* What PHP's mail() runs, and what every MTA package (and msmtp-mta) installs. */
	copy(config.sendmail, sizeof config.sendmail, "/usr/sbin/sendmail");
	config.mail = 1;
	config.remind_at = 8 * 60;
	copy(config.time_zone, sizeof config.time_zone, "UTC");

	if ((file = getenv("LIAISON_CONFIG")) != NULL && *file)
		load_file(file);
#ifdef LIAISON_DEFAULT_CONFIG
	/* An installed build (make install) reads its own file when none is named, so that the
	 * admin tool and the services need no environment at all. A dev build has none. */
	else if (access(LIAISON_DEFAULT_CONFIG, R_OK) == 0)
		load_file(LIAISON_DEFAULT_CONFIG);
#else
	/* Not installed: perhaps unpacked from the upload bundle, which carries its own file. */
	else if (find_bundle_root(config.bundle_root, sizeof config.bundle_root) == 0) {
		char own[1100];

		bundle_defaults();
		snprintf(own, sizeof own, "%s/liaison.conf", config.bundle_root);
		load_file(own);
	}
#endif
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *v = getenv(keys[i]);
		if (v != NULL)
			set_key(keys[i], v);
	}
	if (config.bundle_root[0])
		bundle_resolve_paths();
	/* Derived last, so that either may come from the file and the other from the environment. */
	if (config.operator_name[0] == '\0')
		copy(config.operator_name, sizeof config.operator_name, config.site_name);
	if (config.mail_from[0] == '\0')
		copy(config.mail_from, sizeof config.mail_from, config.operator_email);
}
