/*
 * import.h - bulk import of organizations or activities from a CSV file, all or nothing.
 *
 * Each row is checked exactly as the staff form checks it (the same field tables, the same
 * messages), inside one write transaction: good rows are written as they come, so a row is
 * also checked against the rows above it (the same organization twice), and if any row is
 * bad the transaction is rolled back and the database is as it was, byte for byte. The page
 * or the command line then lists every bad row with its line, column and reason.
 *
 * The file is fed in chunks of any size; memory does not grow with it (the problems kept
 * are capped, the rest counted).
 */
#ifndef LIAISON_IMPORT_H
#define LIAISON_IMPORT_H

#include "csvin.h"
#include "report.h"
#include "form.h"

#define IMPORT_PROBLEMS_MAX	100
#define IMPORT_WEB_BYTES	(128 * 1024)	/* mod_fcgid's default FcgidMaxRequestLen */

enum import_kind { IMPORT_ACTIVITIES, IMPORT_ORGANIZATIONS, IMPORT__MAX };

/* Names in URLs and on the command line ("activities"), and what the page calls them. */
extern const char *const import_kind_names[IMPORT__MAX];
/* -1 if name is none of them. */
int	import_kind_by_name(const char *name);

/* One column of a kind's file: its header name, what it holds, whether it must be there. */
struct import_column {
	const char	*name;
	const char	*label;
	const char	*hint;
	const char	*example;
	int		 required;
};
/* The columns of kind, in template order; *n is set to their number. */
const struct import_column *import_columns(enum import_kind, size_t *n);

struct import_problem {
	long	line;
	char	column[64];	/* "held_on (column A)", or "" for the row as a whole */
	char	message[FORM_ERROR_MAX + 40];
};

enum import_result {
	IMPORT_DONE,		/* every row went in */
	IMPORT_REFUSED,		/* bad rows, or a bad file: nothing went in */
	IMPORT_BUSY,		/* the database stayed locked; nothing went in */
	IMPORT_FAILED,		/* the database refused (full, read-only) */
};

struct import {
	enum import_kind	 kind;
	const char		*actor;
	const char		*source;	/* the file's name, for the audit log */
	long			 rows;		/* data rows read so far */
	long			 imported;
	long			 bad_rows;
	char			 fatal[512];	/* what is wrong with the file as a whole */
	int			 nproblems;
	long			 more;		/* problems beyond those kept */
	struct import_problem	 problems[IMPORT_PROBLEMS_MAX];
	/* private */
	int			 started, header_done;
	size_t			 ncolumns;
	int			 column_field[CSVIN_FIELDS_MAX];
	char			 column_name[CSVIN_FIELDS_MAX][40];
	struct form		 form;
	struct csvin		 csv;
	struct report_pause	 pause;		/* activities: the day sums' upkeep, set aside */
};

/*
 * Starts an import of kind by actor: takes the write lock. Returns IMPORT_DONE to go on, or
 * IMPORT_BUSY / IMPORT_FAILED.
 */
enum import_result import_start(struct import *, enum import_kind, const char *actor, const char *source);
/* Reads the next piece of the file. 0 to go on, -1 when the file as a whole is wrong (fatal). */
int	import_feed(struct import *, const char *buf, size_t len);
/* Ends the file: commits if every row was good, else rolls back. */
enum import_result import_finish(struct import *);

#endif
