/*
 * run-unit.c - runs every unit suite and exits non-zero if any check failed.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "directory.h"
#include "facets.h"
#include "serve.h"
#include "unit.h"
#include "view.h"

const char *
srcdir(void)
{
	const char *s = getenv("LIAISON_SRCDIR");
	return s && *s ? s : ".";
}

void
captured_open(struct captured *c)
{
	memset(c, 0, sizeof *c);
	c->f = open_memstream(&c->buf, &c->len);
	c->r.is_cgi = 1;
	c->r.cgi_out = c->f;
	req_begin(&c->r, "list");
	strcpy(c->r.link_prefix, "/");
}

const char *
captured_text(struct captured *c)
{
	req_end(&c->r);	/* headers of an answer with no body are still waiting */
	fflush(c->f);
	return c->buf;
}

void
captured_close(struct captured *c)
{
	fclose(c->f);
	free(c->buf);
}

long
query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long n = -1;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

const char *
make_test_db(int demo)
{
	static char path[256];
	char schema[1024], err[512], demo_sql[1024];
	int fd;

	snprintf(path, sizeof path, "/tmp/liaison-unit-XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	unlink(path);
	snprintf(schema, sizeof schema, "%s/schema", srcdir());
	ck_assert_msg(db_migrate_file(path, schema, 1, err, sizeof err) == 0, "migrate: %s", err);
	if (demo) {
		snprintf(demo_sql, sizeof demo_sql, "%s/data/demo.sql", srcdir());
		ck_assert_msg(db_run_file(path, demo_sql, err, sizeof err) == 0, "demo: %s", err);
	}
	return path;
}

void
use_test_db(const char *path)
{
	snprintf(config.database, sizeof config.database, "%s", path);
	db_open_configured();
	ck_assert_int_eq(db_ready(), 1);
}

void
drop_test_db(const char *path)
{
	char f[300];

	directory_cache_clear();
	db_close();
	unlink(path);
	snprintf(f, sizeof f, "%s-wal", path);
	unlink(f);
	snprintf(f, sizeof f, "%s-shm", path);
	unlink(f);
	snprintf(f, sizeof f, "%s-wal-owner", path);
	unlink(f);
}

int
main(void)
{
	SRunner *sr;
	int failed;
	char templates[1024];

	config_load();
	snprintf(templates, sizeof templates, "%s/templates", srcdir());
	view_init(templates);
	serve_connect_request_core();	/* error pages in the site's design, as under http_serve */
	sr = srunner_create(params_suite());
	srunner_add_suite(sr, csv_suite());
	srunner_add_suite(sr, db_suite());
	srunner_add_suite(sr, directory_suite());
	srunner_add_suite(sr, view_suite());
	srunner_add_suite(sr, http_suite());
	srunner_add_suite(sr, searchquery_suite());
	srunner_add_suite(sr, match_suite());
	srunner_add_suite(sr, search_suite());
	srunner_add_suite(sr, entry_suite());
	srunner_add_suite(sr, record_suite());
	srunner_add_suite(sr, import_suite());
	srunner_add_suite(sr, sheet_suite());
	srunner_add_suite(sr, report_suite());
	srunner_add_suite(sr, route_suite());
	srunner_add_suite(sr, mail_suite());
	srunner_add_suite(sr, remind_suite());
	srunner_add_suite(sr, hosting_suite());
	srunner_add_suite(sr, when_suite());
	srunner_add_suite(sr, staffonly_suite());
	srunner_add_suite(sr, survey_suite());
	/* No fork: sanitizers and valgrind then see one process, and it is much faster. */
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	directory_cache_clear();
	db_close();
	return failed == 0 ? 0 : 1;
}
