/*
 * unit.h - shared helpers for the C unit tests (Check): the suites and a captured request.
 */
#ifndef LIAISON_UNIT_H
#define LIAISON_UNIT_H

#include <check.h>
#include <stdio.h>

#include "http.h"

Suite	*params_suite(void);
Suite	*csv_suite(void);
Suite	*db_suite(void);
Suite	*directory_suite(void);
Suite	*view_suite(void);
Suite	*http_suite(void);
Suite	*searchquery_suite(void);
Suite	*match_suite(void);
Suite	*search_suite(void);
Suite	*entry_suite(void);
Suite	*record_suite(void);
Suite	*import_suite(void);
Suite	*sheet_suite(void);
Suite	*report_suite(void);
Suite	*route_suite(void);
Suite	*mail_suite(void);
Suite	*remind_suite(void);
Suite	*hosting_suite(void);
Suite	*when_suite(void);
Suite	*staffonly_suite(void);
Suite	*survey_suite(void);

/* A CGI-mode request whose output goes to memory; captured_text() flushes and returns it. */
struct captured {
	struct req	 r;
	FILE		*f;
	char		*buf;
	size_t		 len;
};
void		 captured_open(struct captured *);
const char	*captured_text(struct captured *);
void		 captured_close(struct captured *);

/* The repository root (LIAISON_SRCDIR, set by tests/run.sh), for schema/, data/, templates/. */
const char	*srcdir(void);
/* The first column of the first row of sql on the database at path, read on its own connection. */
long		 query_int(const char *path, const char *sql);
/* Makes a fresh database with every migration and, if demo, the demo data; returns its path. */
const char	*make_test_db(int demo);

/* Opens path as the process's database (config.database), as a program would. */
void		 use_test_db(const char *path);
/* Closes it, forgets cached summaries, and removes the file with its -wal and -shm. */
void		 drop_test_db(const char *path);

#endif
