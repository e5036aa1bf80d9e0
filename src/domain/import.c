/*
 * import.c - CSV rows into the database through the same checks as the forms (import.h).
 *
 * The header row names the columns, in any order, by the form's field names; a file with an
 * unknown or missing column is refused before any row is read, naming them. A choice may be
 * given by its code or its label ("videoconference" or "Videoconference"); a many-choice cell
 * separates its values with ";"; yes/no cells take yes, no, 1, 0, true, false or x.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "config.h"
#include "dates.h"
#include "db.h"
#include "entry.h"
#include "import.h"
#include "importcell.h"
#include "orgform.h"
#include "record.h"

const char *const import_kind_names[IMPORT__MAX] = { "activities", "organizations" };

int
import_kind_by_name(const char *name)
{
	for (int k = 0; k < IMPORT__MAX; k++)
		if (strcmp(import_kind_names[k], name) == 0)
			return k;
	return -1;
}

#define PARTNERSHIP_COLUMN	(-1)	/* column_field of the activities' "partnership" column */

/* Examples for the template's second row and the column list. */
static const struct { const char *name, *example; } examples[] = {
	{ "partnership", "1" }, { "held_on", "2026-03-14" }, { "type", "storytime" },
	{ "counted_as", "program" }, { "format", "hybrid" }, { "sessions", "1" },
	{ "att_0_5_in", "12" }, { "att_adult_in", "9" }, { "att_0_5_virt", "4" },
	{ "staff_hours", "2.5" }, { "volunteer_hours", "1" }, { "library_cost", "12.50" },
	{ "in_kind", "40" }, { "materials", "25" }, { "respondents", "8" },
	{ "agree_knowledge", "7" }, { "agree_confidence", "6" }, { "agree_application", "6" },
	{ "agree_awareness", "8" }, { "notes", IMPORT_EXAMPLE_MARK " (a bilingual storytime)" },
	{ "name", IMPORT_EXAMPLE_MARK " (Biblioteca Municipal de Ejemplo)" }, { "type_org", "public" },
	{ "country", "CO" }, { "city", "Pereira" }, { "website", "https://biblioteca.example.org" },
	{ "languages", "es; en" }, { "interests", "pen_pals; storytime" }, { "ages", "Children 6–11" },
	{ "timezone", "America/Bogota" }, { "seeking", "yes" }, { "seeks", "library" },
	{ "commitment", "informal" }, { "contact_name", "Ana Gómez" },
	{ "contact_email", "ana@biblioteca.example.org" }, { "email_public", "no" },
};

static const char *
example_of(enum import_kind kind, const char *name)
{
	if (kind == IMPORT_ORGANIZATIONS && strcmp(name, "type") == 0)
		name = "type_org";
	for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++)
		if (strcmp(examples[i].name, name) == 0)
			return examples[i].example;
	return "";
}

static const struct field_spec *
fields_of(enum import_kind kind, size_t *n)
{
	if (kind == IMPORT_ACTIVITIES) {
		*n = AF__MAX - 1;	/* all but the edit form's fingerprint */
		return activity_fields;
	}
	*n = ORGF__MAX;
	return orgform_fields;
}

const struct import_column *
import_columns(enum import_kind kind, size_t *n)
{
	static struct import_column cols[IMPORT__MAX][FORM_FIELDS_MAX + 1];
	static size_t ncols[IMPORT__MAX];
	size_t nfields;
	const struct field_spec *spec = fields_of(kind, &nfields);

	if (ncols[kind] == 0) {
		if (kind == IMPORT_ACTIVITIES)
			cols[kind][ncols[kind]++] = (struct import_column){ "partnership", "Partnership number",
			    "The number in the partnership's address: …/partnerships/12 is 12.", "1", 1 };
		for (size_t k = 0; k < nfields; k++)
			cols[kind][ncols[kind]++] = (struct import_column){ spec[k].name, spec[k].label,
			    spec[k].hint, example_of(kind, spec[k].name),
			    spec[k].required && !(kind == IMPORT_ORGANIZATIONS &&
			    (k == ORGF_SEEKS || k == ORGF_COMMITMENT)) };
	}
	*n = ncols[kind];
	return cols[kind];
}

/* --- problems ------------------------------------------------------------------------------ */

/* "A", "B", … "Z", "AA": the spreadsheet's name for column c (from 0). */
static void
column_letters(char *buf, size_t size, size_t c)
{
	char rev[8];
	size_t n = 0;

	do {
		rev[n++] = (char)('A' + c % 26);
		c = c / 26;
	} while (c-- > 0 && n < sizeof rev);
	for (size_t i = 0; i < n && i + 1 < size; i++)
		buf[i] = rev[n - 1 - i];
	buf[n < size ? n : size - 1] = '\0';
}

static void
problem(struct import *im, long line, int column, const char *message)
{
	struct import_problem *p;

	if (im->nproblems == IMPORT_PROBLEMS_MAX) {
		im->more++;
		return;
	}
	p = &im->problems[im->nproblems++];
	p->line = line;
	p->column[0] = '\0';
	if (column >= 0) {
		char letters[8], name[sizeof im->column_name[0]];
		column_letters(letters, sizeof letters, (size_t)column);
		memcpy(name, im->column_name[column], sizeof name);
		if (im->sheet)	/* a spreadsheet's cell has a name of its own */
			snprintf(p->column, sizeof p->column, "%s (cell %s%ld)", name, letters, line);
		else
			snprintf(p->column, sizeof p->column, "%s (column %s)", name, letters);
	}
	/* message may lie in im itself (a field's error in the row's form): copy with memmove. */
	size_t len = strnlen(message, sizeof p->message - 1);
	memmove(p->message, message, len);
	p->message[len] = '\0';
}

/* --- the header ------------------------------------------------------------------------------- */

/* "Held on", " HELD_ON " or "Type  of activity" → "held_on", "type_of_activity". */
static void
column_key(char *dst, size_t size, const char *s)
{
	size_t o = 0;

	for (; *s && o + 1 < size; s++) {
		if (*s == ' ' || *s == '-' || *s == '_' || *s == '\t') {
			if (o > 0 && dst[o - 1] != '_')
				dst[o++] = '_';
		} else
			dst[o++] = (char)tolower((unsigned char)*s);
	}
	while (o > 0 && dst[o - 1] == '_')
		o--;
	dst[o] = '\0';
}

static int
read_header(struct import *im, char **cells, size_t n)
{
	size_t nfields, ncols, o;
	const struct field_spec *spec = fields_of(im->kind, &nfields);
	const struct import_column *cols = import_columns(im->kind, &ncols);
	char missing[300] = "";

	while (n > 0 && cells[n - 1][0] == '\0')
		n--;	/* empty cells a spreadsheet leaves after the last column */
	im->ncolumns = n;
	for (size_t c = 0; c < n; c++) {
		column_key(im->column_name[c], sizeof im->column_name[c], cells[c]);
		im->column_field[c] = -2;
		if (im->kind == IMPORT_ACTIVITIES && strcmp(im->column_name[c], "partnership") == 0)
			im->column_field[c] = PARTNERSHIP_COLUMN;
		for (size_t k = 0; k < nfields; k++)
			if (strcmp(spec[k].name, im->column_name[c]) == 0)
				im->column_field[c] = (int)k;
		/* The label the page shows ("Date", "Type of activity") names the column too. */
		for (size_t i = 0; im->column_field[c] == -2 && i < ncols; i++) {
			char key[sizeof im->column_name[c]];
			column_key(key, sizeof key, cols[i].label);
			if (strcmp(key, im->column_name[c]) == 0) {
				snprintf(im->column_name[c], sizeof im->column_name[c], "%s", cols[i].name);
				im->column_field[c] = PARTNERSHIP_COLUMN;
				for (size_t k = 0; k < nfields; k++)
					if (strcmp(spec[k].name, cols[i].name) == 0)
						im->column_field[c] = (int)k;
			}
		}
		for (size_t d = 0; d < c; d++)
			if (strcmp(im->column_name[d], im->column_name[c]) == 0) {
				snprintf(im->fatal, sizeof im->fatal, "The column “%s” is in the header row "
				    "twice. Remove one of them.", im->column_name[c]);
				return -1;
			}
		if (im->column_field[c] == -2) {
			snprintf(im->fatal, sizeof im->fatal, "The header row (line 1) has a column "
			    "“%.60s” that is not one of the %s columns. Is this the right file? The "
			    "columns are listed on the import page, and the template has them all.",
			    cells[c], import_kind_names[im->kind]);
			return -1;
		}
	}
	for (size_t i = 0; i < ncols; i++) {
		size_t c;
		if (!cols[i].required)
			continue;
		for (c = 0; c < n && strcmp(im->column_name[c], cols[i].name) != 0; c++)
			;
		if (c == n && (o = strlen(missing)) + strlen(cols[i].name) + 3 < sizeof missing)
			snprintf(missing + o, sizeof missing - o, "%s%s", o ? ", " : "", cols[i].name);
	}
	if (missing[0]) {
		snprintf(im->fatal, sizeof im->fatal, "The header row (line 1) lacks these columns, which "
		    "every row needs: %s. Is this the right file? The template has them all.", missing);
		return -1;
	}
	im->header_done = 1;
	return 0;
}

/* --- one row ------------------------------------------------------------------------------------ */

/* Sets field k of the row's form from cell s; a "yes/no" it cannot read is a problem. */
static int
set_cell(struct import *im, int k, char *s)
{
	struct form *f = &im->form;
	const struct field_spec *spec = &f->spec[k];

	switch (spec->type) {
	case FIELD_FLAG:
		if (strcasecmp(s, "yes") == 0 || strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0 ||
		    strcasecmp(s, "x") == 0)
			return form_set(f, k, "1");
		if (*s == '\0' || strcasecmp(s, "no") == 0 || strcasecmp(s, "false") == 0 || strcmp(s, "0") == 0)
			return form_set(f, k, "");
		form_fail(f, k, "Write yes or no.");
		return 0;
	case FIELD_CHOICE:
		return form_set(f, k, import_choice_code(spec, s));
	case FIELD_CHOICES:
		f->v[k].nitems = 0;
		for (char *item = strtok(s, ";"); item; item = strtok(NULL, ";")) {
			while (*item == ' ')
				item++;
			for (char *e = item + strlen(item); e > item && e[-1] == ' '; )
				*--e = '\0';
			if (*item && !form_has(f, k, import_choice_code(spec, item)) &&
			    form_add_item(f, k, import_choice_code(spec, item)) < 0)
				return -1;
		}
		f->v[k].given = 1;
		return 0;
	case FIELD_DATE:
		return import_cell_date(f, k, s, im->date_order);
	case FIELD_MONEY:
	case FIELD_HOURS: {
		/* A file with semicolons comes from a spreadsheet that writes 1,5 for one and a half. */
		char buf[64];
		return form_set(f, k, im->csv.delim == ';' ? import_decimal_comma(s, buf, sizeof buf) : s);
	}
	default:
		return form_set(f, k, s);
	}
}

/*
 * The spans of the partnerships rows name, cached: most files are about a few partnerships.
 * Read inside the import's transaction, and forgotten when the next import starts.
 */
static struct { long long id; struct span span; } spans[32];
static unsigned next_span;

static const struct span *
span_of(long long id)
{
	struct span *sp;

	for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++)
		if (spans[i].id == id)
			return &spans[i].span;
	sp = &spans[next_span].span;
	if (record_span(id, sp) != 1)
		return NULL;
	spans[next_span].id = id;
	next_span = (next_span + 1) % (sizeof spans / sizeof spans[0]);
	return sp;
}

/* A field's problem; one about a choice names what the list holds. */
static void
choice_problem(struct import *im, long line, int c, const struct field_spec *spec, const char *error,
    const char *given)
{
	char msg[sizeof im->problems[0].message], allowed[sizeof msg - FORM_ERROR_MAX - 2];

	if ((spec->type != FIELD_CHOICE && spec->type != FIELD_CHOICES) || strstr(error, "from the list") == NULL) {
		problem(im, line, c, error);
		return;
	}
	import_allowed(spec, given, allowed, sizeof allowed);
	snprintf(msg, sizeof msg, "%s %s", error, allowed);
	problem(im, line, c, msg);
}

/*
 * An activity recorded before this import with the same partnership, day, type, format,
 * sessions and attendance: left out and listed, unless the person asked for them. Returns 1
 * when the row is one, 0 when not, -1 when the database failed (fatal set).
 */
static int
likely_duplicate(struct import *im, long long partnership, long line)
{
	static const int counts[] = { AF_SESSIONS, AF_0_5_IN, AF_6_11_IN, AF_12_18_IN, AF_ADULT_IN, AF_ALL_IN,
		AF_0_5_VIRT, AF_6_11_VIRT, AF_12_18_VIRT, AF_ADULT_VIRT, AF_ALL_VIRT };
	const struct form *f = &im->form;
	sqlite3_stmt *q = db_stmt(STMT_IMPORT_DUPLICATE);
	long long of = 0;
	int rc;

	if (q == NULL) {
		snprintf(im->fatal, sizeof im->fatal, "The records could not be read; nothing was imported.");
		return -1;
	}
	sqlite3_bind_int64(q, 1, im->pause.after_id);
	sqlite3_bind_int64(q, 2, partnership);
	sqlite3_bind_text(q, 3, f->v[AF_HELD_ON].str, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, f->v[AF_TYPE].str, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, f->v[AF_FORMAT].str, -1, SQLITE_STATIC);
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		sqlite3_bind_int64(q, 6 + (int)i, f->v[counts[i]].num);
	if ((rc = sqlite3_step(q)) == SQLITE_ROW)
		of = sqlite3_column_int64(q, 0);
	db_done(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		snprintf(im->fatal, sizeof im->fatal, "The records could not be read; nothing was imported.");
		return -1;
	}
	if (of == 0)
		return 0;
	if (im->nduplicates < IMPORT_DUPLICATES_MAX) {
		im->duplicate_line[im->nduplicates] = line;
		im->duplicate_of[im->nduplicates] = of;
		im->duplicate_partnership[im->nduplicates] = partnership;
	}
	im->nduplicates++;
	return 1;
}

static int
on_row(void *ctx, long line, char **cells, size_t n)
{
	struct import *im = ctx;
	struct form *f = &im->form;
	size_t nfields;
	const struct field_spec *spec = fields_of(im->kind, &nfields);
	const struct span *span = NULL;
	long long partnership = 0;
	int bad = 0, rc;
	char msg[160];

	if (!im->header_done)
		return read_header(im, cells, n);
	im->rows++;
	while (n > im->ncolumns && cells[n - 1][0] == '\0')
		n--;
	if (n != im->ncolumns) {
		char letters[8];
		column_letters(letters, sizeof letters, n - 1);
		if (im->sheet)	/* a sheet's short rows are filled out: this one is too long */
			snprintf(msg, sizeof msg, "Cell %s%ld holds something, right of the header row's "
			    "last column: is it in the right column?", letters, line);
		else
			snprintf(msg, sizeof msg, "This row has %zu cells and the header row %zu: is one of "
			    "the %s between them missing, or one too many?", n, im->ncolumns,
			    csvin_delim_name(im->csv.delim));
		problem(im, line, -1, msg);
		im->bad_rows++;
		return 0;
	}
	/* The template's example row, left in: never data, whatever else it holds. */
	for (size_t c = 0; c < n; c++)
		if (strncasecmp(cells[c], IMPORT_EXAMPLE_MARK, strlen(IMPORT_EXAMPLE_MARK)) == 0) {
			problem(im, line, -1, "This is the template's example row: delete the example row, "
			    "then send the file again.");
			im->bad_rows++;
			return 0;
		}
	form_init(f, spec, nfields);
	if (im->kind == IMPORT_ORGANIZATIONS)
		orgform_defaults(f);
	for (size_t c = 0; c < n; c++) {
		int k = im->column_field[c];
		if (k == PARTNERSHIP_COLUMN) {
			char *end;
			partnership = strtoll(cells[c], &end, 10);
			if (*end || partnership <= 0 || (span = span_of(partnership)) == NULL) {
				snprintf(msg, sizeof msg, "There is no partnership number “%.20s”: the number "
				    "is in the address of its page.", cells[c]);
				problem(im, line, (int)c, msg);
				bad = 1;
			}
		} else if (set_cell(im, k, cells[c]) < 0) {
			problem(im, line, (int)c, "This cell is too long to read.");
			bad = 1;
		}
	}
	form_check(f);
	if (im->kind == IMPORT_ACTIVITIES)
		record_activity_check(f, span);
	if (!bad && f->nerrors == 0) {
		long long id;
		if (im->kind == IMPORT_ACTIVITIES && !im->include_duplicates &&
		    (rc = likely_duplicate(im, partnership, line)) != 0)
			return rc < 0 ? -1 : 0;
		if (im->kind == IMPORT_ACTIVITIES)
			rc = record_activity_insert(partnership, f) == SQLITE_OK ? CHANGE_OK : CHANGE_FAILED;
		else
			rc = entry_import(f, im->actor, im->source, &id);
		if (rc == CHANGE_OK) {
			im->imported++;
			if (im->dry_run)
				import_keep_sample(im, line, cells, n);
			return 0;
		}
		if (rc != CHANGE_INVALID) {
			snprintf(im->fatal, sizeof im->fatal, "The database refused row %ld (line %ld); "
			    "nothing was imported. Try again in a moment.", im->rows, line);
			return -1;
		}
	}
	/* Each field's problem, under the column that holds it. */
	for (size_t c = 0; c < n; c++) {
		int k = im->column_field[c];
		if (k >= 0 && f->v[k].error[0])
			choice_problem(im, line, (int)c, &spec[k], f->v[k].error, cells[c]);
	}
	for (size_t k = 0; k < nfields; k++) {
		size_t c;
		for (c = 0; c < n && im->column_field[c] != (int)k; c++)
			;
		if (c == n && f->v[k].error[0]) {	/* a field whose column is absent */
			snprintf(msg, sizeof msg, "%s: %s", spec[k].name, f->v[k].error);
			problem(im, line, -1, msg);
		}
	}
	if (f->error[0])
		problem(im, line, -1, f->error);
	im->bad_rows++;
	return 0;
}

int
import_row(struct import *im, long line, char **cells, size_t n)
{
	return on_row(im, line, cells, n);
}

/* --- batches ------------------------------------------------------------------------------------ */

/*
 * The file's hash into hex; SQLITE_CONSTRAINT (fatal naming the earlier batch) when the same
 * bytes were imported as a batch that still stands.
 */
static int
same_file(struct import *im)
{
	uint8_t digest[SHA256_DIGEST_SIZE];
	int rc;

	sha256_digest(&im->hash, sizeof digest, digest);
	for (size_t i = 0; i < sizeof digest; i++)
		snprintf(im->hex + 2 * i, 3, "%02x", digest[i]);
	if ((rc = import_batch_by_hash(import_kind_names[im->kind], im->hex, &im->earlier)) < 0)
		return SQLITE_ERROR;
	if (rc == 1) {
		snprintf(im->fatal, sizeof im->fatal, "This file was imported already, as batch %lld "
		    "(%.120s, %ld %s, by %.60s on %.10s): importing it again would count its rows twice. "
		    "If that import was wrong, an administrator can undo batch %lld first.",
		    im->earlier.id, im->earlier.file, im->earlier.rows, import_kind_names[im->kind],
		    im->earlier.actor, im->earlier.created_at, im->earlier.id);
		return SQLITE_CONSTRAINT;
	}
	return SQLITE_OK;
}

/* Records the import as a batch, with the activities it added, inside its transaction. */
static int
record_batch(struct import *im)
{
	sqlite3_stmt *q;
	int rc;

	if ((q = db_stmt(STMT_IMPORT_BATCH_INSERT)) == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_text(q, 1, import_kind_names[im->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, im->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, im->hex, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, im->actor, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 5, im->imported);
	sqlite3_bind_int64(q, 6, im->nduplicates);
	if ((rc = sqlite3_step(q)) == SQLITE_ROW)
		im->batch_id = sqlite3_column_int64(q, 0);
	db_done(q);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? SQLITE_ERROR : rc;
	if (im->kind != IMPORT_ACTIVITIES)
		return SQLITE_OK;
	if ((q = db_stmt(STMT_IMPORT_BATCH_LINK)) == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_int64(q, 1, im->batch_id);
	sqlite3_bind_int64(q, 2, im->pause.after_id);
	return db_write(q);
}

/* --- the whole file ----------------------------------------------------------------------------- */

enum import_result
import_start(struct import *im, enum import_kind kind, const char *actor, const char *source)
{
	enum change_result r;
	int rc;

	memset(im, 0, offsetof(struct import, form));
	memset(&im->pause, 0, sizeof im->pause);
	im->kind = kind;
	im->actor = actor;
	im->source = source;
	im->date_order = config.date_order;
	sha256_init(&im->hash);
	memset(spans, 0, sizeof spans);
	if (csvin_init(&im->csv, on_row, im) < 0)
		return IMPORT_FAILED;
	if ((r = change_begin()) != CHANGE_OK) {
		csvin_free(&im->csv);
		return r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
	}
	/* Adding each row's figures to the day sums as it goes in would take five times as long
	 * as the rest of the import; they are added all at once at the end instead. */
	if (kind == IMPORT_ACTIVITIES && (rc = report_sums_pause(&im->pause)) != SQLITE_OK) {
		report_pause_free(&im->pause);
		csvin_free(&im->csv);
		r = change_finish(change_failed(rc));
		return r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
	}
	im->started = 1;
	return IMPORT_DONE;
}

int
import_feed(struct import *im, const char *buf, size_t len)
{
	if (im->fatal[0])
		return -1;
	sha256_update(&im->hash, len, (const uint8_t *)buf);
	if (csvin_feed(&im->csv, buf, len) != 0) {
		if (im->fatal[0] == '\0')
			snprintf(im->fatal, sizeof im->fatal, "%s", im->csv.error);
		return -1;
	}
	return 0;
}

enum import_result
import_finish(struct import *im)
{
	enum change_result r = CHANGE_OK;
	char action[64], note[300];
	long long audit_id;
	int rc;

	if (!im->started)
		return IMPORT_FAILED;
	im->started = 0;
	if (!im->fatal[0] && csvin_finish(&im->csv) != 0 && im->fatal[0] == '\0')
		snprintf(im->fatal, sizeof im->fatal, "%s", im->csv.error);
	csvin_free(&im->csv);
	if (!im->fatal[0] && (rc = same_file(im)) != SQLITE_OK && rc != SQLITE_CONSTRAINT) {
		report_pause_free(&im->pause);
		im->imported = 0;
		r = change_finish(change_failed(rc));
		return r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
	}
	if (!im->fatal[0] && !im->header_done)
		snprintf(im->fatal, sizeof im->fatal, "The file is empty: it needs a header row naming "
		    "the columns, then a row for each of the %s.", import_kind_names[im->kind]);
	if (!im->fatal[0] && im->rows == 0)
		snprintf(im->fatal, sizeof im->fatal, "The file has a header row but no %s under it.",
		    import_kind_names[im->kind]);
	if (im->fatal[0] || im->bad_rows) {
		im->imported = 0;
		change_finish(CHANGE_INVALID);	/* the rollback puts the trigger back too */
		report_pause_free(&im->pause);
		return IMPORT_REFUSED;
	}
	if ((im->expecting && im->imported != im->expect) || im->dry_run) {
		r = import_preview_end(im);
		report_pause_free(&im->pause);
		return r == CHANGE_INVALID ? (im->dry_run ? IMPORT_DONE : IMPORT_REFUSED) :
		    r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
	}
	if (im->imported == 0) {
		/* Every row a likely duplicate: nothing to record, and the file may come again. */
		change_finish(CHANGE_INVALID);
		report_pause_free(&im->pause);
		return IMPORT_DONE;
	}
	if ((rc = record_batch(im)) != SQLITE_OK) {
		report_pause_free(&im->pause);
		im->imported = 0;
		r = change_finish(change_failed(rc));
		return r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
	}
	snprintf(action, sizeof action, "imported %ld %s", im->imported, import_kind_names[im->kind]);
	snprintf(note, sizeof note, "from %.200s (batch %lld)", im->source, im->batch_id);
	if (im->kind == IMPORT_ACTIVITIES && (rc = report_sums_resume(&im->pause)) != SQLITE_OK)
		r = change_failed(rc);
	report_pause_free(&im->pause);
	if (r == CHANGE_OK && (audit_id = audit_open(im->actor, action, 0, 0, note)) < 0)
		r = change_failed((int)-audit_id);
	r = change_finish(r);
	if (r != CHANGE_OK)
		im->imported = 0;
	return r == CHANGE_OK ? IMPORT_DONE : r == CHANGE_BUSY ? IMPORT_BUSY : IMPORT_FAILED;
}
