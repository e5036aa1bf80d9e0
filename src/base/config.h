/*
 * config.h - where the database and templates are, and what the site is called.
 *
 * Read once per process: first a small "KEY = value" file, then the environment, which wins.
 * The file is LIAISON_CONFIG if set; else an installed build's own (make install); else, for
 * the upload bundle, liaison.conf at the bundle's top (bundle.c). Every key and its default
 * is listed in README.md.
 */
#ifndef LIAISON_CONFIG_H
#define LIAISON_CONFIG_H

#include <stddef.h>

#include "hosting.h"

struct config {
	char	database[1024];		/* LIAISON_DB; "" in a bundle until a request names the site's folder */
	char	template_root[1024];	/* LIAISON_TEMPLATES, absolute */
	char	schema_dir[1024];	/* LIAISON_SCHEMA: the migrations */
	char	bundle_root[960];	/* the upload bundle's folder when running from one, else "" */
	char	site_name[256];		/* LIAISON_SITE_NAME */
	char	base_url[512];		/* LIAISON_BASE_URL, for absolute links; may be "" */
	char	static_url[512];	/* LIAISON_STATIC_URL, where htdocs/ is served; "" in a
					   bundle: found from each request's address (http.c) */
	int	busy_timeout_ms;	/* LIAISON_BUSY_TIMEOUT_MS */
	int	reload_templates;	/* LIAISON_RELOAD_TEMPLATES=1 while editing templates */
	int	page_cache;		/* LIAISON_PAGE_CACHE: pages kept per process, 0 for none */
	int	public_max_age;		/* LIAISON_PUBLIC_MAX_AGE: seconds a shared cache keeps a public page */
	int	trust_remote_user;	/* LIAISON_TRUST_REMOTE_USER=1: the web server signs staff in */
	int	session_hours;		/* LIAISON_SESSION_HOURS: how long a sign-in lasts */
	int	form_hours;		/* LIAISON_FORM_HOURS: how long a form may stay open */
	int	apply_per_hour;		/* LIAISON_APPLY_PER_HOUR: applications per address and hour */
	int	apply_min_seconds;	/* LIAISON_APPLY_MIN_SECONDS: faster than this is a robot */
	int	fiscal_year_start;	/* LIAISON_FISCAL_YEAR_START: the fiscal year's first month, 1-12 */
	int	db_max_mb;		/* LIAISON_DB_MAX_MB: the database grows no larger (0: no cap) */
	int	report_public;		/* LIAISON_REPORT_PUBLIC=0: reports for signed-in readers only */
	int	backups_keep;		/* LIAISON_BACKUPS_KEEP: copies of each kind kept (0: all) */
	int	backup_upload_mb;	/* LIAISON_BACKUP_UPLOAD_MB: the largest backup the page takes */
	/* Who runs the directory: shown in the footer and on /about, signed under every message. */
	char	operator_name[256];	/* LIAISON_OPERATOR_NAME; default the site's name */
	char	operator_email[256];	/* LIAISON_OPERATOR_EMAIL: the staff's contact address, may be "" */
	char	operator_address[512];	/* LIAISON_OPERATOR_ADDRESS: a postal or city line, may be "" */
	char	operator_logo[512];	/* LIAISON_OPERATOR_LOGO: the logo's URL, may be "" */
	/* Outgoing mail (outbox.h). */
	char	mail_from[256];		/* LIAISON_MAIL_FROM; default LIAISON_OPERATOR_EMAIL */
	char	sendmail[1024];		/* LIAISON_SENDMAIL: program and arguments, split on spaces */
	int	mail;			/* LIAISON_MAIL=0: messages wait in the outbox, none is sent */
	/* "Contact this organization" (contact.h): messages a day per sender address and per entry. */
	int	contact_per_sender;	/* LIAISON_CONTACT_PER_SENDER */
	int	contact_per_org;	/* LIAISON_CONTACT_PER_ORG */
	int	notify_applications;	/* LIAISON_NOTIFY_APPLICATIONS: NOTIFY_EACH, _DAILY or _OFF */
	int	remind_at;		/* LIAISON_REMIND_AT: minutes after 00:00 UTC from which requests
					   send due reminders (remind.h); -1 ("off"): only liaison-admin remind */
	int	date_order;		/* LIAISON_DATE_ORDER: enum date_order (dates.h), unset by default */
	char	time_zone[65];		/* LIAISON_TIME_ZONE: the IANA zone times are shown in (when.h), "UTC" */
	int	default_host;		/* LIAISON_DEFAULT_HOST: the organization a new partnership's host
					   menu starts on, 0 for none (an account's own choice wins) */
};

/* How staff hear of new applications: a message each, a daily digest, or not at all. */
enum { NOTIFY_EACH, NOTIFY_DAILY, NOTIFY_OFF };

extern struct config config;

void	config_load(void);

/* Something config_load() found wrong in a setting: shown to administrators, never fatal. */
struct config_problem {
	char	file[1024];	/* the settings file, or "the environment" */
	int	line;		/* its line, 1 up; 0 for the environment */
	char	key[64];	/* the key as written, or "" for a line that is no setting */
	char	text[400];	/* what is wrong and what is allowed, a sentence or two */
};
#define CONFIG_PROBLEMS_MAX	32
/* The problems of the last config_load(), n of them, and how many more were not kept. */
const struct config_problem *config_problems(int *n, int *more);

#define BUNDLE_DATA_DIR	HOSTING_DATA_DIR	/* in the account's folder (hosting.h) */

/* The upload bundle's database in parent's data folder: PARENT/liaison-data/liaison.db. */
void	config_bundle_database_beside(const char *parent, char *out, size_t size);
/*
 * For the admin tool, which has no request to learn the site's folder from: the database in
 * the nearest folder above the bundle that holds BUNDLE_DATA_DIR/liaison.db and is not
 * marked as another site's (hosting.h), into config.database. 0, or -1 when there is none.
 * (A site set up by this version has LIAISON_DB in its liaison.conf and needs no search.)
 */
int	config_find_bundle_database(void);

#endif
