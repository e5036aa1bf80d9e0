/*
 * import.c - CSV rows into the database through the same checks as the forms (import.h).
 *
 * The header row names the columns, in any order, by the form's field names; a file with an
 * unknown or missing column is refused before any row is read, naming them. A choice may be
 * given by its code or its label ("videoconference" or "Videoconference"); a many-choice cell
 * separates its values with ";"; yes/no cells take yes, no, 1, 0, true, false or x.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "db.h"
#include "entry.h"
#include "import.h"
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
	{ "agree_awareness", "8" }, { "notes", "Bilingual storytime" },
	{ "name", "Biblioteca Municipal de Ejemplo" }, { "type_org", "public_library" },
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
		snprintf(p->column, sizeof p->column, "%s (column %s)", name, letters);
	}
	/* message may lie in im itself (a field's error in the row's form): copy with memmove. */
	size_t len = strnlen(message, sizeof p->message - 1);
	memmove(p->message, message, len);
	p->message[len] = '\0';
}

/* --- the header ------------------------------------------------------------------------------- */

/* "Held on" or " HELD_ON " → "held_on". */
static void
column_key(char *dst, size_t size, const char *s)
{
	size_t o = 0;

	while (*s == ' ')
		s++;
	for (; *s && o + 1 < size; s++)
		dst[o++] = *s == ' ' || *s == '-' ? '_' : (char)tolower((unsigned char)*s);
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

/* A choice typed as its label ("In person", "Hybrid"): the code, or s as it is. */
static const char *
choice_code(const struct field_spec *spec, const char *s)
{
	static const struct { int options; enum stmt by_label; } lookups[] = {
		{ STMT_FORM_TYPES, STMT_CHOICE_BY_LABEL_TYPE },
		{ STMT_FORM_COUNTRIES, STMT_CHOICE_BY_LABEL_COUNTRY },
		{ STMT_FORM_LANGUAGES, STMT_CHOICE_BY_LABEL_LANGUAGE },
		{ STMT_FORM_INTERESTS, STMT_CHOICE_BY_LABEL_INTEREST },
		{ STMT_ACTIVITY_TYPES, STMT_CHOICE_BY_LABEL_ACTIVITY_TYPE },
	};
	/* The last few answers: a file names the same few types and countries row after row. */
	static struct { const struct field_spec *spec; char in[64], out[64]; } seen[16];
	static unsigned next;
	char *code;

	if (spec->choices) {
		for (size_t i = 0; spec->choices[i].value; i++) {
			const char *label = spec->choices[i].label;
			size_t n = strlen(s);
			if (strcasecmp(spec->choices[i].value, s) == 0 || strcasecmp(label, s) == 0 ||
			    (n && strncasecmp(label, s, n) == 0 && (label[n] == ' ' || label[n] == ':')))
				return spec->choices[i].value;
		}
		return s;
	}
	if (strlen(s) >= sizeof seen[0].in)
		return s;	/* no code or label is this long */
	for (size_t i = 0; i < sizeof seen / sizeof seen[0]; i++)
		if (seen[i].spec == spec && strcmp(seen[i].in, s) == 0)
			return seen[i].out;
	for (size_t i = 0; i < sizeof lookups / sizeof lookups[0]; i++) {
		sqlite3_stmt *q;
		if (lookups[i].options != spec->options_stmt || (q = db_stmt(lookups[i].by_label)) == NULL)
			continue;
		next = (next + 1) % (sizeof seen / sizeof seen[0]);
		seen[next].spec = spec;
		snprintf(seen[next].in, sizeof seen[next].in, "%s", s);
		code = seen[next].out;
		sqlite3_bind_text(q, 1, s, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			snprintf(code, sizeof seen[0].out, "%s", sqlite3_column_text(q, 0));
		else
			snprintf(code, sizeof seen[0].out, "%s", s);
		db_done(q);
		return code;
	}
	return s;
}

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
		return form_set(f, k, choice_code(spec, s));
	case FIELD_CHOICES:
		f->v[k].nitems = 0;
		for (char *item = strtok(s, ";"); item; item = strtok(NULL, ";")) {
			while (*item == ' ')
				item++;
			for (char *e = item + strlen(item); e > item && e[-1] == ' '; )
				*--e = '\0';
			if (*item && !form_has(f, k, choice_code(spec, item)) &&
			    form_add_item(f, k, choice_code(spec, item)) < 0)
				return -1;
		}
		f->v[k].given = 1;
		return 0;
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
		snprintf(msg, sizeof msg, "This row has %zu cells and the header row %zu: is a comma "
		    "missing, or one too many?", n, im->ncolumns);
		problem(im, line, -1, msg);
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
		if (im->kind == IMPORT_ACTIVITIES)
			rc = record_activity_insert(partnership, f) == SQLITE_OK ? CHANGE_OK : CHANGE_FAILED;
		else
			rc = entry_import(f, im->actor, im->source, &id);
		if (rc == CHANGE_OK) {
			im->imported++;
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
			problem(im, line, (int)c, f->v[k].error);
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
	snprintf(action, sizeof action, "imported %ld %s", im->imported, import_kind_names[im->kind]);
	snprintf(note, sizeof note, "from %.200s", im->source);
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
