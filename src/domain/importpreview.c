/*
 * importpreview.c - a preview's figures in words (import.h): the hours as people read them,
 * and the summary `liaison-admin import --dry-run` prints, so the command line and the page
 * say the same things in the same order; and the edited activities an undo would remove. The figures themselves come from import.c's dry run.
 */
#include <stdio.h>

#include "import.h"
#include "measure.h"

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
