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

#include "bundle.h"
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

void
config_load(void)
{
	static const char *const keys[] = {
		"LIAISON_DB", "LIAISON_TEMPLATES", "LIAISON_SCHEMA", "LIAISON_SITE_NAME", "LIAISON_BASE_URL",
		"LIAISON_STATIC_URL", "LIAISON_BUSY_TIMEOUT_MS", "LIAISON_RELOAD_TEMPLATES",
		"LIAISON_PAGE_CACHE", "LIAISON_TRUST_REMOTE_USER", "LIAISON_SESSION_HOURS",
		"LIAISON_FORM_HOURS", "LIAISON_APPLY_PER_HOUR", "LIAISON_APPLY_MIN_SECONDS",
		"LIAISON_FISCAL_YEAR_START", "LIAISON_REPORT_PUBLIC", "LIAISON_DB_MAX_MB",
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

	if ((file = getenv("LIAISON_CONFIG")) != NULL && *file)
		load_file(file);
#ifdef LIAISON_DEFAULT_CONFIG
	/* An installed build (make install) reads its own file when none is named, so that the
	 * admin tool and the services need no environment at all. A dev build has none. */
	else if (access(LIAISON_DEFAULT_CONFIG, R_OK) == 0)
		load_file(LIAISON_DEFAULT_CONFIG);
#else
	/* Not installed: perhaps unpacked from the upload bundle, which carries its own file. */
	else if (bundle_find_root(config.bundle_root, sizeof config.bundle_root) == 0) {
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
}
