/*
 * importpage.c - the import page's preview and batch list, and the undo page (importpage.h).
 *
 * Everything drawn here was computed by the domain: the preview's figures by the dry run
 * (import.c), so the page cannot show a figure the import would not add; the edited
 * activities by the query the undo itself asks (importbatch.c).
 */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "importpage.h"
#include "sheetin.h"
#include "measure.h"
#include "staffpage.h"
#include "view.h"
#include "when.h"

static const char *
kind_words(const char *kind, long n)
{
	if (strcmp(kind, "activities") == 0)
		return n == 1 ? "activity" : "activities";
	return n == 1 ? "organization" : "organizations";
}

/* "2026-11-23T19:03:42Z" in words in the site's zone (when.h): "23 November 2026, 20:03 CET". */
static void
when_text(char *buf, size_t size, const char *at)
{
	when_words_of(buf, size, at, config.time_zone);
}

static void
set_grouped(struct view_dict *d, const char *key, long long n)
{
	char buf[32];

	measure_grouped(buf, sizeof buf, n);
	view_set(d, key, buf);
}

static void
set_money(struct view_dict *d, const char *key, long long cents)
{
	char buf[40];

	measure_money_text(buf, sizeof buf, cents);
	view_set(d, key, buf);
}

static void
set_hours(struct view_dict *d, const char *key, long long minutes)
{
	char buf[40];

	import_hours_text(buf, sizeof buf, minutes);
	view_set(d, key, buf);
}

void
importpage_preview(struct view_dict *body, const struct import *im, const char *file,
    const char *token, const char *action, int include_duplicates)
{
	const struct import_summary *sm = &im->summary;
	struct view_dict *d = view_section(body, "PREVIEW");
	const char *kind = import_kind_names[im->kind];
	char href[400];

	view_set(d, "FILE", file);
	view_set_int(d, "ROWS", im->imported);
	view_set(d, "KIND", kind_words(kind, im->imported));
	if (im->sheet)	/* a spreadsheet has no delimiter: say which sheet was read */
		view_set(view_section(d, "SHEET"), "SHEETKIND", sheetin_kind_name(im->sheet));
	else
		view_set(view_section(d, "CSV"), "DELIM", csvin_delim_name(im->csv.delim));
	view_set(d, "ACTION", action);
	view_set(d, "TOKEN", token);
	view_set_int(d, "NDUP", im->nduplicates);
	if (im->imported == 0)
		view_show(d, "NONE");
	if (im->kind == IMPORT_ACTIVITIES && sm->npartnerships > 0) {
		struct view_dict *ps = view_section(d, "PARTNERSHIPS");
		for (int i = 0; i < sm->npartnerships && i < IMPORT_SUMMARY_PARTNERSHIPS; i++) {
			struct view_dict *p = view_section(ps, "P");
			snprintf(href, sizeof href, "%s/%lld", partnerships_base, sm->partnership[i].id);
			view_set(p, "HREF", href);
			view_set(p, "NAME", sm->partnership[i].name);
			view_set_int(p, "ROWS", sm->partnership[i].rows);
		}
		if (sm->npartnerships > IMPORT_SUMMARY_PARTNERSHIPS)
			view_set_int(view_section(ps, "MORE"), "COUNT",
			    sm->npartnerships - IMPORT_SUMMARY_PARTNERSHIPS);
		set_grouped(ps, "SESSIONS", sm->sessions);
		set_grouped(ps, "ATTENDANCE", sm->attendance);
		set_hours(ps, "STAFF_HOURS", sm->staff_minutes);
		set_hours(ps, "VOLUNTEER_HOURS", sm->volunteer_minutes);
		set_money(ps, "LIBRARY_COST", sm->library_cost_cents);
		set_money(ps, "PARTNER_COST", sm->partner_cost_cents);
		set_money(ps, "IN_KIND", sm->in_kind_cents);
		set_grouped(ps, "MATERIALS", sm->materials);
	}
	if (sm->nsample > 0) {
		struct view_dict *s = view_section(d, "SAMPLE");
		for (size_t c = 0; c < im->ncolumns; c++)
			view_set(view_section(s, "HEAD"), "NAME", im->column_name[c]);
		for (int r = 0; r < sm->nsample; r++) {
			struct view_dict *row = view_section(s, "ROW");
			view_set_int(row, "LINE", sm->sample_line[r]);
			for (size_t c = 0; c < im->ncolumns; c++)
				view_set(view_section(row, "CELL"), "TEXT", sm->sample[r][c]);
		}
	}
	if (im->nduplicates > 0) {
		struct view_dict *dd = view_section(d, "DUPLICATES");
		view_set_int(dd, "COUNT", im->nduplicates);
		for (long i = 0; i < im->nduplicates && i < IMPORT_DUPLICATES_MAX; i++) {
			struct view_dict *row = view_section(dd, "ROW");
			view_set_int(row, "LINE", im->duplicate_line[i]);
			snprintf(href, sizeof href, "%s/%lld/activities/%lld", partnerships_base,
			    im->duplicate_partnership[i], im->duplicate_of[i]);
			view_set(row, "HREF", href);
			view_set_int(row, "OF", im->duplicate_of[i]);
		}
		if (im->nduplicates > IMPORT_DUPLICATES_MAX)
			view_set_int(view_section(dd, "MORE"), "COUNT", im->nduplicates - IMPORT_DUPLICATES_MAX);
		/* Nothing else to import: the button imports them, which is all it could do. */
		view_set_int(view_section(d, im->imported ? "DUPLICATES_BOX" : "ONLY_DUPLICATES"), "COUNT",
		    im->nduplicates);
	}
	if (im->imported)
		view_show(d, "IMPORT_BUTTON");
	if (include_duplicates)
		view_show(d, "INCLUDED");	/* the preview counted them in: say so, keep them in */
}

int
importpage_batches(struct view_dict *body)
{
	struct import_batch b[IMPORTPAGE_BATCHES];
	struct view_dict *d;
	char href[400], when[40];
	int n = import_batch_list(b, IMPORTPAGE_BATCHES);

	if (n < 0)
		return -1;
	d = view_section(body, "BATCHES");
	if (n == 0)
		view_show(d, "NONE");
	else
		view_show(d, "SOME");
	for (int i = 0; i < n; i++) {
		struct view_dict *row = view_section(d, "B");
		view_set_int(row, "ID", b[i].id);
		view_set(row, "KIND", b[i].kind);
		view_set(row, "FILE", b[i].file);
		view_set(row, "ACTOR", b[i].actor);
		when_text(when, sizeof when, b[i].created_at);
		view_set(row, "WHEN", when);
		view_set_int(row, "ROWS", b[i].rows);
		view_set_int(row, "DUPS", b[i].duplicates);
		if (b[i].undone_at[0]) {
			struct view_dict *u = view_section(row, "UNDONE");
			when_text(when, sizeof when, b[i].undone_at);
			view_set(u, "AT", when);
			view_set(u, "BY", b[i].undone_by);
		} else if (strcmp(b[i].kind, "activities") == 0) {
			snprintf(href, sizeof href, "%s/batches/%lld/undo", import_base, b[i].id);
			view_set(view_section(row, "UNDO"), "HREF", href);
		} else
			view_show(row, "KEPT");
	}
	return 0;
}

int
importpage_undo(struct view_dict *body, const struct import_batch *b)
{
	struct import_edited e[IMPORT_EDITED_SHOWN];
	char href[400], when[40];
	long n = 0;

	view_set(body, "IMPORT", import_base);
	view_set_int(body, "ID", b->id);
	view_set(body, "FILE", b->file);
	view_set_int(body, "ROWS", b->rows);
	view_set(body, "KIND", kind_words(b->kind, b->rows));
	view_set(body, "ACTOR", b->actor);
	when_text(when, sizeof when, b->created_at);
	view_set(body, "WHEN", when);
	if (b->undone_at[0]) {
		when_text(when, sizeof when, b->undone_at);
		view_set(view_section(body, "UNDONE"), "TEXT", when);
		view_set(body, "BY", b->undone_by);
		return 0;
	}
	if (strcmp(b->kind, "activities") != 0) {
		view_show(body, "ORGANIZATIONS");
		return 0;
	}
	if ((n = import_batch_edited(b->id, e, IMPORT_EDITED_SHOWN)) < 0)
		return -1;
	struct view_dict *s = view_section(body, "STANDS");
	snprintf(href, sizeof href, "%s/batches/%lld/undo", import_base, b->id);
	view_set(s, "ACTION", href);
	if (n > 0) {
		struct view_dict *ed = view_section(s, "EDITED");
		view_set_int(ed, "COUNT", n);
		view_set_int(view_section(s, "FORCE"), "COUNT", n);
		for (long i = 0; i < n && i < IMPORT_EDITED_SHOWN; i++) {
			struct view_dict *row = view_section(ed, "A");
			snprintf(href, sizeof href, "%s/%lld/activities/%lld", partnerships_base,
			    e[i].partnership_id, e[i].id);
			view_set(row, "HREF", href);
			view_set_int(row, "ID", e[i].id);
			view_set(row, "DAY", e[i].held_on);
			view_set(row, "TYPE", e[i].type);
			view_set_int(row, "EDITS", e[i].edits);
			view_set(row, "BY", e[i].last_by);
			when_text(when, sizeof when, e[i].last_at);
			view_set(row, "AT", when);
		}
		if (n > IMPORT_EDITED_SHOWN)
			view_set_int(view_section(ed, "MORE"), "COUNT", n - IMPORT_EDITED_SHOWN);
	}
	return 0;
}
