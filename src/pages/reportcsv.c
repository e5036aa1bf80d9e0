/*
 * reportcsv.c - the impact report's CSV tables, written through the shared CSV writer (BOM,
 * quoting, formulas neutralized) and streamed: summary, outcomes and imls from the figures
 * report.c read, partnerships and activities row by row from the database.
 */
#include <stdio.h>
#include <string.h>

#include "csvout.h"
#include "db.h"
#include "http.h"
#include "report.h"
#include "reportcsv.h"
#include "survey.h"

const struct param_choice report_tables[] = {
	{ "summary", "Every figure, this period and the one before" },
	{ "outcomes", "Survey outcomes" },
	{ "imls", "IMLS Public Libraries Survey program items, with item numbers" },
	{ "partnerships", "Each partnership" },
	{ "activities", "Every activity, every field" },
	{ NULL, NULL }
};

static void
report_csv_begin(struct csv_out *c, struct req *r, const struct report_request *rq, const char *table)
{
	char name[128];

	snprintf(name, sizeof name, "liaison-%s-%s-%s.csv", table, rq->period.from, rq->period.to);
	req_attachment(r, "text/csv; charset=utf-8", name);
	csv_begin(c, req_sink(r));
}

static void
csv_header(struct csv_out *c, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csv_cell(c, names[i]);
	csv_row_end(c);
}

static void
csv_plain(struct csv_out *c, enum headline_unit unit, long long v)
{
	char text[48];

	report_format_plain(unit, v, text, sizeof text);
	csv_cell(c, text);
}

static void
csv_summary(struct req *r, const struct report_request *rq)
{
	static const char *const head[] = { "figure", "label", "period", "from", "to", "value" };
	const struct period *periods[2] = { &rq->period, &rq->previous };
	const struct report_data *data[2] = { &rq->now, &rq->before };
	struct csv_out c;

	report_csv_begin(&c, r, rq, "summary");
	csv_header(&c, head, 6);
	for (size_t i = 0; i < report_headline_count; i++) {
		const struct headline *h = &report_headlines[i];
		if (h->restricted && !rq->signed_in)
			continue;
		for (int k = 0; k < 2; k++) {
			csv_cell(&c, h->key);
			csv_cell(&c, h->label);
			csv_cell(&c, periods[k]->name);
			csv_cell(&c, periods[k]->from);
			csv_cell(&c, periods[k]->to);
			csv_plain(&c, h->unit, report_value(h, data[k]));
			csv_row_end(&c);
		}
	}
	csv_finish(&c);
}

/*
 * Each question over the activities that asked it: their respondents, how many agreed, the
 * share (empty where no one was asked: not 0), and, last so older columns keep their places,
 * how many activities asked it.
 */
static void
csv_outcomes(struct req *r, const struct report_request *rq)
{
	static const char *const head[] = { "outcome", "label", "respondents", "agree",
		"share_percent", "from", "to", "activities_asked" };
	struct csv_out c;

	report_csv_begin(&c, r, rq, "outcomes");
	csv_header(&c, head, sizeof head / sizeof head[0]);
	for (int i = 0; i < 4; i++) {
		const struct outcome *o = &report_outcomes[i];
		const struct headline *h = report_headline(o->headline);
		csv_cell(&c, o->key);
		csv_cell(&c, o->label);
		csv_cell_int(&c, rq->now.v[o->respondents]);
		csv_cell_int(&c, rq->now.v[o->agree]);
		csv_plain(&c, h->unit, report_value(h, &rq->now));
		csv_cell(&c, rq->period.from);
		csv_cell(&c, rq->period.to);
		csv_cell_int(&c, rq->now.v[o->asked]);
		csv_row_end(&c);
	}
	csv_finish(&c);
}

/* The IMLS Public Libraries Survey's program items, one a row in the survey's order, with
 * the item number and variable name the return asks for (survey.h; the rules are schema 021's). */
static void
csv_imls(struct req *r, const struct report_request *rq)
{
	static const char *const head[] = { "item", "variable", "label", "value", "from", "to" };
	struct csv_out c;

	report_csv_begin(&c, r, rq, "imls");
	csv_header(&c, head, 6);
	for (int i = 0; i < survey_item_count; i++) {
		csv_cell_int(&c, survey_items[i].number);
		csv_cell(&c, survey_items[i].variable);
		csv_cell(&c, survey_items[i].label);
		csv_cell_int(&c, survey_value(i, &rq->now));
		csv_cell(&c, rq->period.from);
		csv_cell(&c, rq->period.to);
		csv_row_end(&c);
	}
	csv_finish(&c);
}

static void
csv_partnerships(struct req *r, const struct report_request *rq)
{
	static const char *const head[] = { "id", "host", "partner", "partner_country", "kind",
		"commitment", "status", "start_on", "end_on", "last_activity", "activities",
		"attendance", "health" };
	struct db_cursor cur;
	struct report_partnership_row p;
	struct csv_out c;

	if (report_partnerships_open(&cur, rq) < 0) {
		req_error(r, 503, "The report cannot be read; reload in a moment.");
		return;
	}
	report_csv_begin(&c, r, rq, "partnerships");
	csv_header(&c, head, 13);
	while (report_partnership_next(&cur, rq, &p) == 1) {
		const char *text[] = { p.host, p.partner, p.country, p.kind, p.commitment, p.status,
			p.start_on, p.end_on, p.last };

		csv_cell_int(&c, p.id);
		for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
			csv_cell(&c, text[i]);	/* no last activity: an empty cell, "" */
		csv_cell_int(&c, p.activities);
		csv_cell_int(&c, p.attendance);
		csv_cell(&c, p.quiet ? "no activity in 90 days" : "");
		csv_row_end(&c);
	}
	db_cursor_close(&cur);
	csv_finish(&c);
}

/* Every activity, streamed row by row: memory stays flat however many there are. */
static void
csv_activities(struct req *r, const struct report_request *rq)
{
	static const char *const head[] = { "id", "partnership", "host", "partner", "held_on", "type",
		"counted_as", "format", "sessions", "att_0_5_in", "att_6_11_in", "att_12_18_in",
		"att_adult_in", "att_all_in", "att_0_5_virt", "att_6_11_virt", "att_12_18_virt",
		"att_adult_virt", "att_all_virt", "staff_minutes", "volunteer_minutes", "library_cost",
		"partner_cost", "in_kind", "materials", "respondents", "agree_knowledge",
		"agree_confidence", "agree_application", "agree_awareness", "notes" };
	sqlite3_stmt *s = db_stmt(STMT_REPORT_ACTIVITIES);
	struct csv_out c;

	if (s == NULL) {
		req_error(r, 503, "The report cannot be read; reload in a moment.");
		return;
	}
	sqlite3_bind_text(s, 1, rq->period.from, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, rq->period.to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, rq->scope.host);
	sqlite3_bind_int64(s, 4, rq->scope.partnership);
	report_csv_begin(&c, r, rq, "activities");
	csv_header(&c, head, sizeof head / sizeof head[0]);
	while (sqlite3_step(s) == SQLITE_ROW && !r->out_error) {
		csv_cell_int(&c, sqlite3_column_int64(s, 0));
		csv_cell_int(&c, sqlite3_column_int64(s, 1));
		for (int i = 2; i <= 5; i++)
			csv_cell_n(&c, (const char *)sqlite3_column_text(s, i), (size_t)sqlite3_column_bytes(s, i));
		csv_cell(&c, sqlite3_column_int(s, 6) ? "program" : "outreach");
		csv_cell_n(&c, (const char *)sqlite3_column_text(s, 7), (size_t)sqlite3_column_bytes(s, 7));
		for (int i = 8; i <= 20; i++)
			csv_cell_int(&c, sqlite3_column_int64(s, i));
		for (int i = 21; i <= 23; i++)
			csv_plain(&c, UNIT_MONEY, sqlite3_column_int64(s, i));
		csv_cell_int(&c, sqlite3_column_int64(s, 24));
		for (int i = 25; i <= 29; i++)	/* survey tallies: empty where not asked (018) */
			if (sqlite3_column_type(s, i) == SQLITE_NULL)
				csv_cell(&c, "");
			else
				csv_cell_int(&c, sqlite3_column_int64(s, i));
		csv_cell_n(&c, (const char *)sqlite3_column_text(s, 30), (size_t)sqlite3_column_bytes(s, 30));
		csv_row_end(&c);
	}
	db_done(s);
	csv_finish(&c);
}

void
report_csv(struct req *r, const struct report_request *rq, enum report_table table)
{
	/* In enum report_table's order. */
	static void (*const writers[])(struct req *, const struct report_request *) = {
		csv_summary, csv_outcomes, csv_imls, csv_partnerships, csv_activities
	};

	writers[table](r, rq);
}
