/*
 * importpreview.c - previews (import.h): what a dry run keeps of the rows it checks, what it
 * sums up from the rows it wrote before rolling them back, and the words for both: the hours
 * as people read them, and the summary `liaison-admin import --dry-run` prints, so that the
 * command line and the page say the same things in the same order; and the edited
 * activities an undo would remove.
 *
 * Kept apart from import.c, which calls import_keep_sample for each good row of a dry run and
 * import_preview_end instead of committing, so that import.c stays about reading files.
 */
#include <stdio.h>

#include "audit.h"
#include "db.h"
#include "import.h"
#include "sheetin.h"
#include "measure.h"

/* A preview's first rows: each cell as the checks read it (the form's value, not the text). */
void
import_keep_sample(struct import *im, long line, char **cells, size_t n)
{
	struct import_summary *sm = &im->summary;
	const struct form *f = &im->form;

	if (sm->nsample == IMPORT_SAMPLE_ROWS)
		return;
	sm->sample_line[sm->nsample] = line;
	for (size_t c = 0; c < n; c++) {
		char *out = sm->sample[sm->nsample][c];
		int k = im->column_field[c];
		size_t o = 0;

		if (k >= 0 && f->spec[k].type == FIELD_FLAG) {
			snprintf(out, IMPORT_SAMPLE_CELL, "%s", f->v[k].str[0] ? "yes" : "no");
			continue;
		}
		if (k < 0 || f->spec[k].type != FIELD_CHOICES) {
			snprintf(out, IMPORT_SAMPLE_CELL, "%s", k < 0 ? cells[c] : f->v[k].str);
			continue;
		}
		out[0] = '\0';
		for (size_t i = 0; i < f->v[k].nitems && o < IMPORT_SAMPLE_CELL; i++)
			o += (size_t)snprintf(out + o, IMPORT_SAMPLE_CELL - o, "%s%s", i ? "; " : "",
			    f->v[k].items[i]);
	}
	sm->nsample++;
}

DB_READER(STMT_IMPORT_SUMMARY, 11);

/* The preview's totals, read from the rows this import wrote, per partnership. */
static int
summarize(struct import *im)
{
	struct import_summary *sm = &im->summary;
	struct db_cursor c = { db_stmt(STMT_IMPORT_SUMMARY), SQLITE_OK };
	int rc;

	if (c.stmt == NULL)
		return -1;
	sqlite3_bind_int64(c.stmt, 1, im->pause.after_id);
	while ((rc = db_cursor_step(&c)) == 1) {
		sqlite3_stmt *q = c.stmt;
		if (sm->npartnerships < IMPORT_SUMMARY_PARTNERSHIPS) {
			sm->partnership[sm->npartnerships].id = sqlite3_column_int64(q, 0);
			snprintf(sm->partnership[sm->npartnerships].name,
			    sizeof sm->partnership[0].name, "%s", db_text(q, 1));
			sm->partnership[sm->npartnerships].rows = (long)sqlite3_column_int64(q, 2);
		}
		sm->npartnerships++;
		sm->sessions += sqlite3_column_int64(q, 3);
		sm->attendance += sqlite3_column_int64(q, 4);
		sm->staff_minutes += sqlite3_column_int64(q, 5);
		sm->volunteer_minutes += sqlite3_column_int64(q, 6);
		sm->library_cost_cents += sqlite3_column_int64(q, 7);
		sm->partner_cost_cents += sqlite3_column_int64(q, 8);
		sm->in_kind_cents += sqlite3_column_int64(q, 9);
		sm->materials += sqlite3_column_int64(q, 10);
	}
	db_cursor_close(&c);
	return rc;
}

/*
 * Ends an import that checked out but is not to be kept: a preview, summed up from its own
 * rows first, or a confirmed preview that would now put in a different number of rows (the
 * records changed in between: another import, an activity recorded that a row now matches).
 * Rolls back; CHANGE_INVALID when it did so as asked.
 */
enum change_result
import_preview_end(struct import *im)
{
	if (!im->dry_run) {
		snprintf(im->fatal, sizeof im->fatal, "The records changed since the preview: this file "
		    "would now add %ld rows, not %ld. Nothing was imported; send the file again to see "
		    "what it would add now.", im->imported, im->expect);
		im->imported = 0;
	} else if (im->kind == IMPORT_ACTIVITIES && summarize(im) < 0) {
		change_finish(CHANGE_INVALID);
		return CHANGE_FAILED;
	}
	return change_finish(CHANGE_INVALID);
}

void
import_hours_text(char *buf, size_t size, long long minutes)
{
	long long hundredths = (minutes * 100 + 30) / 60;

	snprintf(buf, size, "%lld.%02lld", hundredths / 100, hundredths % 100);
}

void
import_preview_print(const struct import *im, FILE *out)
{
	const struct import_summary *sm = &im->summary;
	char a[32], b[32], c[32], d[32], e[32], f[32];

	if (im->sheet)
		fprintf(out, "dry run: nothing was written\nwould import %ld %s (the first sheet of %s)\n",
		    im->imported, im->imported == 1 ? "row" : "rows", sheetin_kind_name(im->sheet));
	else
		fprintf(out, "dry run: nothing was written\nwould import %ld %s (cells separated by %s)\n",
		    im->imported, im->imported == 1 ? "row" : "rows", csvin_delim_name(im->csv.delim));
	if (im->kind == IMPORT_ACTIVITIES) {
		for (int i = 0; i < sm->npartnerships && i < IMPORT_SUMMARY_PARTNERSHIPS; i++)
			fprintf(out, "  partnership %lld, %s: %ld %s\n", sm->partnership[i].id,
			    sm->partnership[i].name, sm->partnership[i].rows,
			    sm->partnership[i].rows == 1 ? "row" : "rows");
		if (sm->npartnerships > IMPORT_SUMMARY_PARTNERSHIPS)
			fprintf(out, "  …and %d more partnerships\n", sm->npartnerships - IMPORT_SUMMARY_PARTNERSHIPS);
		measure_grouped(a, sizeof a, sm->sessions);
		measure_grouped(b, sizeof b, sm->attendance);
		import_hours_text(c, sizeof c, sm->staff_minutes);
		import_hours_text(d, sizeof d, sm->volunteer_minutes);
		measure_money_text(e, sizeof e, sm->library_cost_cents);
		measure_money_text(f, sizeof f, sm->partner_cost_cents);
		fprintf(out, "adds: %s sessions, %s attendance, %s staff hours, %s volunteer hours, "
		    "library cost %s, partner cost %s", a, b, c, d, e, f);
		measure_money_text(a, sizeof a, sm->in_kind_cents);
		measure_grouped(b, sizeof b, sm->materials);
		fprintf(out, ", in kind %s, %s materials\n", a, b);
	}
	if (im->nduplicates)
		fprintf(out, "%ld likely %s left out (--include-duplicates imports them):\n", im->nduplicates,
		    im->nduplicates == 1 ? "duplicate" : "duplicates");
	for (long i = 0; i < im->nduplicates && i < IMPORT_DUPLICATES_MAX; i++)
		fprintf(out, "  line %ld: the same as activity %lld of partnership %lld\n",
		    im->duplicate_line[i], im->duplicate_of[i], im->duplicate_partnership[i]);
	if (sm->nsample)
		fprintf(out, "the first rows as read:\n");
	for (int r = 0; r < sm->nsample; r++) {
		fprintf(out, "  line %ld:", sm->sample_line[r]);
		for (size_t k = 0; k < im->ncolumns && k < CSVIN_FIELDS_MAX; k++)
			fprintf(out, "%s %s=%s", k ? "," : "", im->column_name[k], sm->sample[r][k]);
		fputc('\n', out);
	}
}

void
import_edited_print(long long id, FILE *out)
{
	struct import_edited e[IMPORT_EDITED_SHOWN];
	long n = import_batch_edited(id, e, IMPORT_EDITED_SHOWN);

	for (long i = 0; i < n && i < IMPORT_EDITED_SHOWN; i++)
		fprintf(out, "  activity %lld of partnership %lld (%s, %s): edited %ld %s, last by %s on %.10s\n",
		    e[i].id, e[i].partnership_id, e[i].held_on, e[i].type, e[i].edits,
		    e[i].edits == 1 ? "time" : "times", e[i].last_by, e[i].last_at);
	if (n > IMPORT_EDITED_SHOWN)
		fprintf(out, "  …and %ld more\n", n - IMPORT_EDITED_SHOWN);
}
