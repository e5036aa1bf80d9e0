/*
 * config.c - loads struct config from an optional file and the environment.
 *
 * The file format is deliberately tiny (KEY = value, # comments) so a librarian can edit it
 * in a hosting panel's text editor; unknown keys are ignored rather than fatal so an older
 * binary still starts with a newer file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

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

static void
copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

static void
set_key(const char *key, const char *val)
{
	if (strcmp(key, "LIAISON_DB") == 0)
		copy(config.database, sizeof config.database, val);
	else if (strcmp(key, "LIAISON_TEMPLATES") == 0)
		copy(config.template_root, sizeof config.template_root, val);
	else if (strcmp(key, "LIAISON_SCHEMA") == 0)
		copy(config.schema_dir, sizeof config.schema_dir, val);
	else if (strcmp(key, "LIAISON_SITE_NAME") == 0)
		copy(config.site_name, sizeof config.site_name, val);
	else if (strcmp(key, "LIAISON_BASE_URL") == 0)
		copy(config.base_url, sizeof config.base_url, val);
	else if (strcmp(key, "LIAISON_STATIC_URL") == 0)
		copy(config.static_url, sizeof config.static_url, val);
	else if (strcmp(key, "LIAISON_BUSY_TIMEOUT_MS") == 0)
		config.busy_timeout_ms = atoi(val) > 0 ? atoi(val) : config.busy_timeout_ms;
	else if (strcmp(key, "LIAISON_RELOAD_TEMPLATES") == 0)
		config.reload_templates = atoi(val) != 0;
	else if (strcmp(key, "LIAISON_PAGE_CACHE") == 0)
		config.page_cache = atoi(val) >= 0 ? atoi(val) : config.page_cache;
	else if (strcmp(key, "LIAISON_TRUST_REMOTE_USER") == 0)
		config.trust_remote_user = atoi(val) != 0;
	else if (strcmp(key, "LIAISON_SESSION_HOURS") == 0)
		config.session_hours = atoi(val) > 0 ? atoi(val) : config.session_hours;
	else if (strcmp(key, "LIAISON_FORM_HOURS") == 0)
		config.form_hours = atoi(val) > 0 ? atoi(val) : config.form_hours;
	else if (strcmp(key, "LIAISON_APPLY_PER_HOUR") == 0)
		config.apply_per_hour = atoi(val) > 0 ? atoi(val) : config.apply_per_hour;
	else if (strcmp(key, "LIAISON_APPLY_MIN_SECONDS") == 0)
		config.apply_min_seconds = atoi(val) >= 0 ? atoi(val) : config.apply_min_seconds;
	else if (strcmp(key, "LIAISON_FISCAL_YEAR_START") == 0)
		config.fiscal_year_start = atoi(val) >= 1 && atoi(val) <= 12 ? atoi(val) : config.fiscal_year_start;
	else if (strcmp(key, "LIAISON_REPORT_PUBLIC") == 0)
		config.report_public = atoi(val) != 0;
	else if (strcmp(key, "LIAISON_DB_MAX_MB") == 0)
		config.db_max_mb = atoi(val) >= 0 ? atoi(val) : config.db_max_mb;
	else if (strcmp(key, "LIAISON_OPERATOR_NAME") == 0)
		copy(config.operator_name, sizeof config.operator_name, val);
	else if (strcmp(key, "LIAISON_OPERATOR_EMAIL") == 0)
		copy(config.operator_email, sizeof config.operator_email, val);
	else if (strcmp(key, "LIAISON_OPERATOR_ADDRESS") == 0)
		copy(config.operator_address, sizeof config.operator_address, val);
	else if (strcmp(key, "LIAISON_OPERATOR_LOGO") == 0)
		copy(config.operator_logo, sizeof config.operator_logo, val);
	else if (strcmp(key, "LIAISON_MAIL_FROM") == 0)
		copy(config.mail_from, sizeof config.mail_from, val);
	else if (strcmp(key, "LIAISON_SENDMAIL") == 0)
		copy(config.sendmail, sizeof config.sendmail, val);
	else if (strcmp(key, "LIAISON_MAIL") == 0)
		config.mail = atoi(val) != 0;
	else if (strcmp(key, "LIAISON_REMIND_AT") == 0) {
		/* "HH:MM" (UTC) when requests may send the day's reminders, or "off" (cron does). */
		int h, m;
		char end;
		if (strcmp(val, "off") == 0)
			config.remind_at = -1;
		else if (sscanf(val, "%d:%d%c", &h, &m, &end) == 2 && h >= 0 && h < 24 && m >= 0 && m < 60)
			config.remind_at = h * 60 + m;
	}
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

static void
load_file(const char *path)
{
	char line[2048], *eq;
	FILE *f = fopen(path, "r");

	if (f == NULL) {
		fprintf(stderr, "liaison: cannot read config file %s; using defaults\n", path);
		return;
	}
	while (fgets(line, sizeof line, f)) {
		char *s = trim(line);
		if (*s == '#' || (eq = strchr(s, '=')) == NULL)
			continue;
		*eq = '\0';
		set_key(trim(s), trim(eq + 1));
	}
	fclose(f);
}

/* --- the upload bundle: where it is and what its paths are relative to (bundle.h) --- */

void
config_parent_folder(char *path, int n)
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

static int
find_bundle_root(char *root, size_t size)
{
	char exe[1024], conf[1100];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return -1;
	exe[n] = '\0';
	config_parent_folder(exe, 2);	/* ROOT/cgi-bin/list.fcgi, ROOT/bin/liaison-admin */
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

int
config_find_bundle_database(void)
{
	char dir[960], db[1000];

	snprintf(dir, sizeof dir, "%s", config.bundle_root);
	while (strcmp(dir, "/") != 0) {
		config_parent_folder(dir, 1);
		config_bundle_database_beside(dir, db, sizeof db);
		if (access(db, F_OK) == 0) {
			snprintf(config.database, sizeof config.database, "%s", db);
			return 0;
		}
	}
	return -1;
}

void
config_load(void)
{
	static const char *const keys[] = {
		"LIAISON_DB", "LIAISON_TEMPLATES", "LIAISON_SCHEMA", "LIAISON_SITE_NAME", "LIAISON_BASE_URL",
		"LIAISON_STATIC_URL", "LIAISON_BUSY_TIMEOUT_MS", "LIAISON_RELOAD_TEMPLATES",
		"LIAISON_PAGE_CACHE", "LIAISON_TRUST_REMOTE_USER", "LIAISON_SESSION_HOURS",
		"LIAISON_FORM_HOURS", "LIAISON_APPLY_PER_HOUR", "LIAISON_APPLY_MIN_SECONDS",
		"LIAISON_FISCAL_YEAR_START", "LIAISON_REPORT_PUBLIC", "LIAISON_DB_MAX_MB",
		"LIAISON_OPERATOR_NAME", "LIAISON_OPERATOR_EMAIL", "LIAISON_OPERATOR_ADDRESS",
		"LIAISON_OPERATOR_LOGO", "LIAISON_MAIL_FROM", "LIAISON_SENDMAIL", "LIAISON_MAIL",
		"LIAISON_REMIND_AT",
	};
	const char *file;
	size_t i;

	memset(&config, 0, sizeof config);
	copy(config.database, sizeof config.database, LIAISON_DEFAULT_DB);
	copy(config.template_root, sizeof config.template_root, LIAISON_DEFAULT_TEMPLATES);
	copy(config.schema_dir, sizeof config.schema_dir, LIAISON_DEFAULT_SCHEMA);
	copy(config.site_name, sizeof config.site_name, "Libraries Seeking Partners");
	copy(config.static_url, sizeof config.static_url, "/static");
	config.busy_timeout_ms = 3000;
	config.page_cache = 32;
	config.session_hours = 12;
	config.form_hours = 12;
	config.apply_per_hour = 5;
	config.apply_min_seconds = 3;
	config.fiscal_year_start = 1;
	config.report_public = 1;
	/* What PHP's mail() runs, and what every MTA package (and msmtp-mta) installs. */
	copy(config.sendmail, sizeof config.sendmail, "/usr/sbin/sendmail");
	config.mail = 1;
	config.remind_at = 8 * 60;

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
