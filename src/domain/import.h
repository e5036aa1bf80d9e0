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

#include <nettle/sha2.h>
#include <stdio.h>

#include "audit.h"
#include "csvin.h"
#include "report.h"
#include "form.h"

#define IMPORT_PROBLEMS_MAX	100
#define IMPORT_DUPLICATES_MAX	50	/* likely duplicates listed; the rest are counted */
/* What a template's example row starts with, so that left in it is refused, never counted. */
#define IMPORT_EXAMPLE_MARK	"EXAMPLE ROW - delete this row"
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
	char	message[FORM_ERROR_MAX + 440];	/* with the allowed values of a choice */
};

enum import_result {
	IMPORT_DONE,		/* every row went in */
	IMPORT_REFUSED,		/* bad rows, or a bad file: nothing went in */
	IMPORT_BUSY,		/* the database stayed locked; nothing went in */
	IMPORT_FAILED,		/* the database refused (full, read-only) */
};

/* One import as it was recorded (schema 016). */
struct import_batch {
	long long	id;
	char		kind[16];
	char		file[256];
	char		actor[128];
	char		created_at[24];
	long		rows, duplicates;
	char		undone_at[24];	/* "" while it stands */
	char		undone_by[128];
};

/*
 * What a preview shows (import.dry_run): read from the rows the import wrote in its own
 * transaction just before rolling it back, so it is what confirming adds, never an estimate.
 */
#define IMPORT_SUMMARY_PARTNERSHIPS	20	/* named; the rest are counted */
#define IMPORT_SAMPLE_ROWS		10	/* the first rows, as read */
#define IMPORT_SAMPLE_CELL		64
struct import_summary {
	/* Activities: what the rows add to the reports' figures. */
	long long	 sessions, attendance, staff_minutes, volunteer_minutes;
	long long	 library_cost_cents, partner_cost_cents, in_kind_cents, materials;
	int		 npartnerships;		/* every partnership the rows name */
	struct {
		long long	 id;
		char		 name[200];
		long		 rows;
	} partnership[IMPORT_SUMMARY_PARTNERSHIPS];
	/* Both kinds: the first good rows, each cell as the checks read it (an ISO date, a code). */
	int		 nsample;
	long		 sample_line[IMPORT_SAMPLE_ROWS];
	char		 sample[IMPORT_SAMPLE_ROWS][CSVIN_FIELDS_MAX][IMPORT_SAMPLE_CELL];
};

struct import {
	enum import_kind	 kind;
	const char		*actor;
	const char		*source;	/* the file's name, for the audit log */
	int			 sheet;		/* enum sheetin_kind: a spreadsheet's first sheet, not CSV */
	/* Set between import_start and the first import_feed: */
	int			 date_order;	/* enum date_order (dates.h): the site's, or the page's */
	int			 include_duplicates;	/* import rows that match a recorded activity */
	int			 dry_run;	/* check and sum up, then roll back: a preview */
	int			 expecting;	/* refuse (the records changed since the preview) */
	long			 expect;	/* unless exactly this many rows go in */
	/* The outcome: */
	long long		 batch_id;	/* the batch the rows went in as */
	struct import_batch	 earlier;	/* the same file's batch, when refused for it (id > 0) */
	long			 nduplicates;	/* likely duplicates left out */
	long			 duplicate_line[IMPORT_DUPLICATES_MAX];
	long long		 duplicate_of[IMPORT_DUPLICATES_MAX];	/* the activity each matches */
	long long		 duplicate_partnership[IMPORT_DUPLICATES_MAX];
	long			 rows;		/* data rows read so far */
	long			 imported;
	long			 bad_rows;
	struct import_summary	 summary;	/* dry_run: what confirming would add */
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
	struct sha256_ctx	 hash;		/* of every byte fed */
	char			 hex[2 * SHA256_DIGEST_SIZE + 1];
};

/*
 * Starts an import of kind by actor: takes the write lock. Returns IMPORT_DONE to go on, or
 * IMPORT_BUSY / IMPORT_FAILED.
 */
enum import_result import_start(struct import *, enum import_kind, const char *actor, const char *source);
/* Reads the next piece of the file. 0 to go on, -1 when the file as a whole is wrong (fatal). */
int	import_feed(struct import *, const char *buf, size_t len);
/*
 * Ends the file: commits if every row was good and the same file is not already imported
 * (earlier then names its batch), else rolls back. The rows go in as a new batch.
 */
enum import_result import_finish(struct import *);

/*
 * Hands one row of cells to the import, as the CSV reader does for each line: line is the
 * file's line or the sheet's row. The same checks and messages whatever the file was.
 */
int	import_row(struct import *, long line, char **cells, size_t n);
/*
 * Whether the file called name, starting with head[len], is a spreadsheet (importsheet.c):
 * 1 (import_sheet reads it), 0 (CSV: import_feed), -1 when it is text named like a
 * spreadsheet (fatal set; import_finish refuses it). Between import_start and the first feed.
 */
int	import_is_sheet(struct import *, const char *name, const void *head, size_t len);
/*
 * Reads the first sheet of the .xlsx or .ods file at path (or, path NULL, buf[len]; both NULL:
 * standard input, refused) into the import, instead of import_feed: 0, or -1 when the file as
 * a whole is wrong (fatal).
 */
int	import_sheet(struct import *, const char *path, const void *buf, size_t len);

/* The standing batch of kind whose file had hash hex: 1, 0 when none, -1 on a failure. */
int	import_batch_by_hash(const char *kind, const char *hex, struct import_batch *);
/* The batch id: 1, or 0 when there is none (a failure is -1). */
int	import_batch_get(long long id, struct import_batch *);
/* The last n batches, newest first, into out; the number read, or -1. */
int	import_batch_list(struct import_batch *out, int n);
/* For import.c (importpreview.c): keeps a preview's good row; ends a dry run or a confirmed
 * preview that would now add another number of rows (rolled back: CHANGE_INVALID). */
void	import_keep_sample(struct import *, long line, char **cells, size_t n);
enum change_result import_preview_end(struct import *);
/* Minutes as hours with two decimals ("2.50"), as a preview shows them. */
void	import_hours_text(char *buf, size_t size, long long minutes);
/* A dry run's summary (import_finish with dry_run set) as liaison-admin prints it. */
void	import_preview_print(const struct import *, FILE *out);

/* An activity of a batch that was edited (on its form) since the batch went in. */
struct import_edited {
	long long	id, partnership_id;
	char		held_on[11], type[40];
	long		edits;
	char		last_at[24], last_by[128];
};
#define IMPORT_EDITED_SHOWN	50
/* Batch id's edited activities, up to n into out; how many there are in all, or -1. */
long	import_batch_edited(long long id, struct import_edited *out, long n);
/* The first IMPORT_EDITED_SHOWN of them, a line each, as liaison-admin prints them. */
void	import_edited_print(long long id, FILE *out);
/*
 * Undoes batch id by actor in one transaction: its activities deleted (the report's sums
 * follow), the batch marked undone, the audit log told. IMPORT_REFUSED with why set for a
 * batch that does not exist, is undone already, or is of organizations, and for one with
 * activities edited since it went in (*edited, when not NULL, is their number;
 * import_batch_edited lists them) unless agreed is their number, or -1 for any number.
 */
enum import_result import_undo(long long id, const char *actor, long agreed, long *edited, char *why,
	    size_t size);

/*
 * Uploads waiting for their preview to be confirmed (importpending.c, schema 017). A token is
 * IMPORT_PENDING_CHARS hex digits; the table keeps only its hash.
 */
#define IMPORT_PENDING_CHARS	32
struct import_pending {
	long long	 id;
	char		 kind[16];
	char		 file[256];
	int		 date_order;
	size_t		 len;		/* the file's bytes, copied into the caller's buffer */
};
/*
 * Keeps a previewed file for actor, in its own transaction, and writes the token that names
 * it into token. IMPORT_DONE, or IMPORT_BUSY / IMPORT_FAILED.
 */
enum import_result import_pending_put(const char *actor, enum import_kind, const char *file,
	    int date_order, const void *data, size_t len, char token[IMPORT_PENDING_CHARS + 1]);
/*
 * The file token names, if actor sent it within the hour and it is unused: 1 with its bytes
 * in buf (size at least the page's limit), 0 when there is none, -1 on a failure.
 */
int	import_pending_get(const char *token, const char *actor, struct import_pending *,
	    char *buf, size_t size);
/*
 * Inside an import begun with import_start: deletes the pending file, so the import's commit
 * uses it up. 0, or -1 with im->fatal set when another request used it first.
 */
int	import_pending_claim(struct import *, long long id);

#endif
