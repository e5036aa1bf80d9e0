/*
 * export.c - every table a site's people made as CSV files (liaison-admin export), through
 * the shared CSV writer on a file sink: the same quoting and formula rule as the downloads.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvout.h"
#include "db.h"
#include "export.h"
#include "sink.h"

/* Every table a site's people made, in the order of enum stmt's exports. */
static const struct { const char *file; enum stmt id; } exports[] = {
	{ "org", STMT_EXPORT_ORG }, { "org_language", STMT_EXPORT_ORG_LANGUAGE },
	{ "org_interest", STMT_EXPORT_ORG_INTEREST }, { "application", STMT_EXPORT_APPLICATION },
	{ "partnership", STMT_EXPORT_PARTNERSHIP }, { "activity", STMT_EXPORT_ACTIVITY },
	{ "audit", STMT_EXPORT_AUDIT }, { "audit_change", STMT_EXPORT_AUDIT_CHANGE },
	{ "account", STMT_EXPORT_ACCOUNT }, { "country", STMT_EXPORT_COUNTRY },
	{ "language", STMT_EXPORT_LANGUAGE }, { "interest", STMT_EXPORT_INTEREST },
	{ "org_type", STMT_EXPORT_ORG_TYPE }, { "activity_type", STMT_EXPORT_ACTIVITY_TYPE },
	{ "timezone", STMT_EXPORT_TIMEZONE },
	{ "partnership_review", STMT_EXPORT_PARTNERSHIP_REVIEW },
	{ "partnership_review_goal", STMT_EXPORT_PARTNERSHIP_REVIEW_GOAL },
};

/* Writes the rows of s (not yet stepped) to f as CSV with a header row. Rows, or -1. */
static long
export_rows(sqlite3_stmt *s, FILE *f)
{
	struct sink out = sink_to_file(f);
	struct csv_out c;
	int n = sqlite3_column_count(s), rc;
	long rows = 0;

	csv_begin(&c, &out);
	for (int i = 0; i < n; i++)
		csv_cell(&c, sqlite3_column_name(s, i));
	csv_row_end(&c);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !out.failed) {
		for (int i = 0; i < n; i++) {
			if (sqlite3_column_type(s, i) == SQLITE_INTEGER)
				csv_cell_int(&c, sqlite3_column_int64(s, i));
			else if (sqlite3_column_type(s, i) == SQLITE_NULL)
				csv_cell_null(&c);
			else
				csv_cell_n(&c, (const char *)sqlite3_column_text(s, i),
				    (size_t)sqlite3_column_bytes(s, i));
		}
		csv_row_end(&c);
		rows++;
	}
	csv_finish(&c);
	return rc == SQLITE_DONE && !out.failed ? rows : -1;
}

int
export_all(const char *dir, FILE *progress, char *err, size_t errsize)
{
	int files = 0;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		snprintf(err, errsize, "cannot make the folder %s: %s", dir, strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < sizeof exports / sizeof exports[0]; i++) {
		char path[4200];
		sqlite3_stmt *s = db_stmt(exports[i].id);
		long rows;
		int fd;
		FILE *f;

		snprintf(path, sizeof path, "%s/%s.csv", dir, exports[i].file);
		if (s == NULL) {
			snprintf(err, errsize, "cannot read the %s table", exports[i].file);
			return -1;
		}
		if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 || (f = fdopen(fd, "w")) == NULL) {
			snprintf(err, errsize, "cannot write %s: %s", path, strerror(errno));
			if (fd >= 0)
				close(fd);
			db_done(s);
			return -1;
		}
		rows = export_rows(s, f);
		db_done(s);
		if (fclose(f) != 0 || rows < 0) {
			snprintf(err, errsize, "%s was not written completely (disk full?)", path);
			return -1;
		}
		if (progress)
			fprintf(progress, "%s: %ld rows\n", path, rows);
		files++;
	}
	return files;
}
