/*
 * admin-import.c - `liaison-admin import`: a file of activities or organizations imported the
 * way the web page imports it (src/domain/import.c), in any size, with a progress line, a
 * summary for --dry-run, and `import undo BATCH [--force]`. Apart from liaison-admin.c so that
 * each stays a size one can read; it is linked into the same program.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "admin-import.h"
#include "config.h"
#include "dates.h"
#include "db.h"
#include "import.h"
#include "sheetin.h"

/* Seconds since some fixed point, for the progress line and the rate. */
static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Imports FILE the way the web page does, in any size: read in 64 KB pieces, with a progress
 * line on standard error (rewritten in place on a terminal, a line every few seconds in a log).
 */
int
import_cmd(int argc, char **argv)
{
	static struct import im;
	static char buf[65536];
	const char *actor = getenv("USER"), *path;
	char who[100];
	int kind, tty = isatty(2);
	FILE *in;
	off_t size = 0, done = 0;
	size_t n;
	double start = now_seconds(), shown = start;
	enum import_result how;
	struct rusage ru;
	int order = config.date_order, with_duplicates = 0, dry_run = 0, force = 0, sheet = 0;
	char why[300];
	long edited;

	for (int i = 2; i < argc; i++)
		if (strcmp(argv[i], "--as") == 0 && i + 1 < argc)
			actor = argv[++i];
		else if (strcmp(argv[i], "--dates") == 0 && i + 1 < argc && date_order_by_name(argv[i + 1]) > 0)
			order = date_order_by_name(argv[++i]);
		else if (strcmp(argv[i], "--include-duplicates") == 0)
			with_duplicates = 1;
		else if (strcmp(argv[i], "--dry-run") == 0)
			dry_run = 1;
		else if (strcmp(argv[i], "--force") == 0)
			force = 1;
		else
			return usage();
	snprintf(who, sizeof who, "%s (liaison-admin)", actor && *actor ? actor : "admin");
	if (strcmp(argv[0], "undo") == 0) {
		long long id = atoll(argv[1]);
		if (id <= 0 || !db_ready())
			return id <= 0 ? usage() : (fprintf(stderr, "liaison-admin: %s\n", db_unavailable_reason()), 1);
		how = import_undo(id, who, force ? -1 : 0, &edited, why, sizeof why);
		if (how == IMPORT_DONE)
			printf("undid import batch %lld\n", id);
		else
			fprintf(stderr, "liaison-admin: %s%s\n", how == IMPORT_REFUSED ? why :
			    "the database is busy or not writable; nothing was undone", how == IMPORT_REFUSED
			    && edited > 0 ? " Nothing was undone; --force undoes it all the same:" : "");
		if (how == IMPORT_REFUSED && edited > 0)
			import_edited_print(id, stderr);
		db_close();
		return how == IMPORT_DONE ? 0 : 1;
	}
	if ((kind = import_kind_by_name(argv[0])) < 0)
		return usage();
	path = argv[1];
	if (strcmp(path, "-") == 0)
		in = stdin;
	else if ((in = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "liaison-admin: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (in != stdin) {
		struct stat st;
		if (fstat(fileno(in), &st) == 0)
			size = st.st_size;
	}
	if (!db_ready()) {
		fprintf(stderr, "liaison-admin: %s\n", db_unavailable_reason());
		return 1;
	}
	if ((how = import_start(&im, (enum import_kind)kind, who, path)) != IMPORT_DONE) {
		fprintf(stderr, "liaison-admin: the database is %s; nothing was imported\n",
		    how == IMPORT_BUSY ? "busy" : "not writable");
		return 1;
	}
	im.date_order = order;
	im.include_duplicates = with_duplicates;
	im.dry_run = dry_run;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
		double t;
		/* An .xlsx or .ods file is read by name below (a zip is read from its end). */
		if (done == 0 && (sheet = import_is_sheet(&im, path, buf, n)) != 0)
			break;
		done += (off_t)n;
		if (import_feed(&im, buf, n) < 0)
			break;
		if ((t = now_seconds()) - shown >= (tty ? 0.25 : 5.0)) {
			shown = t;
			if (size > 0)
				fprintf(stderr, "%schecked %ld rows (%d%%)%s", tty ? "\r" : "", im.rows,
				    (int)(100 * done / size), tty ? "" : "\n");
			else
				fprintf(stderr, "%schecked %ld rows%s", tty ? "\r" : "", im.rows, tty ? "" : "\n");
		}
	}
	if (sheet == 1)
		import_sheet(&im, in == stdin ? NULL : path, NULL, 0);
	else if (ferror(in))
		snprintf(im.fatal, sizeof im.fatal, "%s could not be read to the end", path);
	if (in != stdin)
		fclose(in);
	if (tty && shown > start)
		fputc('\n', stderr);
	how = import_finish(&im);
	getrusage(RUSAGE_SELF, &ru);
	if (how == IMPORT_DONE && dry_run) {
		import_preview_print(&im, stdout);
		db_close();
		return 0;
	}
	if (how == IMPORT_DONE) {
		double secs = now_seconds() - start;
		printf("imported %ld %s in %.2f s (%.0f rows/s, peak memory %ld KB)\n", im.imported,
		    im.imported == 1 ? "row" : "rows", secs, secs > 0 ? (double)im.imported / secs : 0.0, ru.ru_maxrss);
		if (im.batch_id)
			printf("as batch %lld (%s%s)\n", im.batch_id, im.sheet ? "the first sheet of " : "cells separated by ",
			    im.sheet ? sheetin_kind_name(im.sheet) : csvin_delim_name(im.csv.delim));
		for (long i = 0; i < im.nduplicates && i < IMPORT_DUPLICATES_MAX; i++)
			fprintf(stderr, "line %ld left out: the same as activity %lld of partnership %lld "
			    "(--include-duplicates imports such rows)\n", im.duplicate_line[i],
			    im.duplicate_of[i], im.duplicate_partnership[i]);
		if (im.nduplicates > IMPORT_DUPLICATES_MAX)
			fprintf(stderr, "…and %ld more likely duplicates left out\n", im.nduplicates - IMPORT_DUPLICATES_MAX);
		db_close();
		return 0;
	}
	if (how != IMPORT_REFUSED)
		fprintf(stderr, "liaison-admin: the database is busy or not writable; nothing was imported\n");
	else if (im.fatal[0])
		fprintf(stderr, "liaison-admin: %s: nothing was imported. %s\n", path, im.fatal);
	else {
		fprintf(stderr, "liaison-admin: %s: nothing was imported: %ld of %ld rows have problems\n",
		    path, im.bad_rows, im.rows);
		for (int i = 0; i < im.nproblems; i++)
			fprintf(stderr, "line %ld%s%s: %s\n", im.problems[i].line,
			    im.problems[i].column[0] ? ", " : "", im.problems[i].column, im.problems[i].message);
		if (im.more)
			fprintf(stderr, "…and %ld more problems\n", im.more);
	}
	db_close();
	return 1;
}

/* The backups page's restore (backup.c): checked, the current database kept, then upgraded. */
