/*
 * report.c - the impact report: GET /report, an HTML page with charts for a board packet, and
 * GET /report?format=csv&table=… for spreadsheets and the state's IMLS survey return.
 *
 *   period   fy=2026 | fy=2026&q=1 | quarter=2026-Q1 | from=2026-01-01&to=2026-03-31
 *            (none: the fiscal year holding today; LIAISON_FISCAL_YEAR_START sets its month)
 *   scope    host=ID (one host organization) | partnership=ID (signed-in readers only)
 *   tables   summary, outcomes, imls (anyone who may read the report);
 *            partnerships, activities (signed-in readers)
 *
 * Anyone may read the report's totals unless LIAISON_REPORT_PUBLIC=0 makes it board-only;
 * costs, partner names and the per-partnership tables are for signed-in staff, admin and
 * board. Every figure comes from one reading of the database (src/report.c), so the page, the
 * summary CSV and the charts cannot disagree. Charts are SVG drawn on the server (src/chart.c),
 * no JavaScript, each with a title, a description and its numbers as a table; the CSV tables
 * are written by src/reportcsv.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "config.h"
#include "db.h"
#include "formview.h"
#include "http.h"
#include "serve.h"
#include "measure.h"
#include "params.h"
#include "pshipreview.h"
#include "reviewpage.h"
#include "period.h"
#include "record.h"
#include "remind.h"
#include "report.h"
#include "reportcsv.h"
#include "route.h"
#include "staffpage.h"
#include "view.h"
#include "mapview.h"
#include "worksheet.h"

enum key { KEY_FY, KEY_Q, KEY_QUARTER, KEY_FROM, KEY_TO, KEY_HOST, KEY_PARTNERSHIP, KEY_FORMAT,
	KEY_TABLE, KEY__MAX };
static const struct param_choice formats[] = { { "html", "HTML" }, { "csv", "CSV" }, { NULL, NULL } };
static const struct param_spec keys[KEY__MAX] = {
	[KEY_FY] = { "fy", PARAM_TEXT, 0, 8, NULL, NULL, NULL },
	[KEY_Q] = { "q", PARAM_INT, 1, 4, NULL, NULL, NULL },
	[KEY_QUARTER] = { "quarter", PARAM_TEXT, 0, 8, NULL, NULL, NULL },
	[KEY_FROM] = { "from", PARAM_TEXT, 0, 10, NULL, NULL, NULL },
	[KEY_TO] = { "to", PARAM_TEXT, 0, 10, NULL, NULL, NULL },
	[KEY_HOST] = { "host", PARAM_INT, 1, 999999999999L, NULL, NULL, NULL },
	[KEY_PARTNERSHIP] = { "partnership", PARAM_INT, 1, 999999999999L, NULL, NULL, NULL },
	[KEY_FORMAT] = { "format", PARAM_ENUM, 0, 0, formats, NULL, NULL },
	[KEY_TABLE] = { "table", PARAM_ENUM, 0, 0, report_tables, NULL, NULL },
};

/* What the address asked for beyond the report itself, for this request. */
static struct page {
	struct params	 p;
	char		 scope_name[420];
	char		 scope_query[64];	/* "&host=12", or "" */
	char		 self[300];		/* the report's own URL */
} page;
static struct report_request rep;

static const char *const month_names[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	"Aug", "Sep", "Oct", "Nov", "Dec" };
static const char *const band_labels[RF_BANDS] = { "Ages 0-5", "Ages 6-11", "Ages 12-18",
	"Adults", "All ages" };

/* --- reading the request ------------------------------------------------------------------- */

/* Fills rep's period, scope and reader; on a problem answers and returns -1. */
static int
read_request(struct req *r)
{
	struct params *p = &page.p;
	char err[PARAMS_ERROR_MAX], quarter[16];
	const char *fy, *q;

	memset(&rep.scope, 0, sizeof rep.scope);
	page.scope_name[0] = page.scope_query[0] = '\0';
	rep.signed_in = staff_who.role >= ROLE_BOARD;
	req_link(r, page.self, sizeof page.self, "report");
	if (!config.report_public && !staff_allowed(r, ROLE_BOARD))
		return -1;
	if (params_parse(p, keys, KEY__MAX, r->query) < 0) {
		req_error(r, 400, p->error);
		return -1;
	}
	/* The period form sends fy and q; links send quarter=2026-Q1. Both mean the same. */
	fy = p->v[KEY_FY].str;
	q = p->v[KEY_QUARTER].str;
	if (p->v[KEY_Q].present) {
		if (!p->v[KEY_FY].present || p->v[KEY_QUARTER].present) {
			req_error(r, 400, "q (1 to 4) picks a quarter of the fiscal year fy; give fy with it.");
			return -1;
		}
		snprintf(quarter, sizeof quarter, "%.8s-Q%ld", fy, p->v[KEY_Q].num);
		q = quarter;
		fy = NULL;
	}
	period_today(rep.today);
	if (period_parse(&rep.period, fy, q, p->v[KEY_FROM].str, p->v[KEY_TO].str, rep.today,
	    config.fiscal_year_start, err, sizeof err) < 0) {
		req_error(r, 400, err);
		return -1;
	}
	period_step(&rep.period, -1, &rep.previous, config.fiscal_year_start);
	period_step(&rep.period, 1, &rep.next, config.fiscal_year_start);
	if (p->v[KEY_HOST].present && p->v[KEY_PARTNERSHIP].present) {
		req_error(r, 400, "Give host or partnership, not both: a partnership has one host.");
		return -1;
	}
	if (p->v[KEY_PARTNERSHIP].present) {
		struct span span;
		int found;
		if (!staff_allowed(r, ROLE_BOARD))
			return -1;
		rep.scope.partnership = p->v[KEY_PARTNERSHIP].num;
		found = record_span(rep.scope.partnership, &span);
		if (found <= 0) {
			req_error(r, found < 0 ? 503 : 404, found < 0 ? "The report cannot be read; "
			    "reload in a moment." : "There is no partnership with that number.");
			return -1;
		}
		snprintf(page.scope_name, sizeof page.scope_name, "%s", span.name);
		snprintf(page.scope_query, sizeof page.scope_query, "&partnership=%lld", rep.scope.partnership);
	} else if (p->v[KEY_HOST].present) {
		int found;
		rep.scope.host = p->v[KEY_HOST].num;
		found = report_host_name(rep.scope.host, rep.signed_in, page.scope_name, sizeof page.scope_name);
		if (found <= 0) {
			req_error(r, found < 0 ? 503 : 404, found < 0 ? "The report cannot be read; reload "
			    "in a moment." : "There is no organization with that number in the directory.");
			return -1;
		}
		snprintf(page.scope_query, sizeof page.scope_query, "&host=%lld", rep.scope.host);
	}
	return 0;
}

/* --- words for figures ------------------------------------------------------------------- */

/*
 * "up 12% from 1,234", "down 3% from 40", "up 5.0 points from 75.0%" (a share), "up from 0",
 * "no change", "not asked before"; nothing when there is no figure this period (a cost per
 * attendee with nobody counted). From the unrounded figures (report_change). *direction is
 * for the CSS.
 */
static void
change_text(const struct headline *h, const struct report_data *now, const struct report_data *before,
    char *buf, size_t size, const char **direction)
{
	char was[48];
	long long amount;
	enum report_trend t = report_change(h, now, before, &amount);

	*direction = t == TREND_UP || t == TREND_FROM_ZERO ? "up" : t == TREND_DOWN ? "down" : "same";
	report_format(h, report_value(h, before), was, sizeof was);
	switch (t) {
	case TREND_NO_FIGURE:
		buf[0] = '\0';
		break;
	case TREND_NONE_BEFORE:
		snprintf(buf, size, "%s", h->unit == UNIT_SHARE ? "not asked before" : "none before");
		break;
	case TREND_SAME:
		snprintf(buf, size, "no change");
		break;
	case TREND_FROM_ZERO:
		snprintf(buf, size, "up from 0");
		break;
	default:
		if (h->unit == UNIT_SHARE)
			snprintf(buf, size, "%s %lld.%lld points from %s", *direction, amount / 10,
			    amount % 10, was);
		else
			snprintf(buf, size, "%s %lld%% from %s", *direction, amount, was);
	}
}

static void
month_label(const char *ym, char *buf, size_t size)
{
	int m = atoi(ym + 5);

	snprintf(buf, size, "%s %.4s", month_names[(m >= 1 && m <= 12 ? m : 1) - 1], ym);
}

/* A figure, its change against the previous period, under section name of d. */
static void
fill_figure(struct view_dict *d, const char *name, const struct headline *h)
{
	struct view_dict *f = view_section(d, name);
	long long now = report_value(h, &rep.now), before = report_value(h, &rep.before);
	char text[64], change[128];
	const char *direction;

	view_set(f, "LABEL", h->label);
	report_format(h, now, text, sizeof text);
	view_set(f, "VALUE", text);
	report_format(h, before, text, sizeof text);
	view_set(f, "PREVIOUS_VALUE", text);
	change_text(h, &rep.now, &rep.before, change, sizeof change, &direction);
	view_set(f, "CHANGE", change);
	view_set(f, "DIRECTION", direction);
}

/* Everyone who came: program attendance and outreach. */
static long long
attendance(const struct report_data *d)
{
	return report_value(report_headline("program_attendance"), d) + d->v[RF_OUTREACH_ATTENDANCE];
}

static void
fill_month_charts(struct view_dict *body)
{
	static struct report_data months[PERIOD_MONTHS_MAX];
	static struct chart_bar bars[PERIOD_MONTHS_MAX];
	char names[PERIOD_MONTHS_MAX][8];
	int n = period_months(&rep.period, names, PERIOD_MONTHS_MAX);

	if (report_months(&rep.period, &rep.scope, months, names, n) < 0)
		n = 0;
	for (int i = 0; i < n; i++) {
		month_label(names[i], bars[i].label, sizeof bars[i].label);
		bars[i].value = months[i].v[RF_ACTIVITIES];
		measure_grouped(bars[i].text, sizeof bars[i].text, bars[i].value);
	}
	chart_bars(body, "MONTH_CHARTS", "chart-activities", "Activities per month", "Month", "Activities",
	    bars, n, 0);
	for (int i = 0; i < n; i++) {
		bars[i].value = attendance(&months[i]);
		measure_grouped(bars[i].text, sizeof bars[i].text, bars[i].value);
	}
	chart_bars(body, "MONTH_CHARTS", "chart-attendance", "Attendance per month, programs and outreach",
	    "Month", "Attendance", bars, n, 0);
}

static void
fill_who(struct view_dict *body)
{
	struct chart_bar bars[RF_BANDS];
	const struct report_data *d = &rep.now;
	char num[32];

	for (int i = 0; i < RF_BANDS; i++) {
		struct view_dict *row = view_section(body, "BAND");
		long long in = d->v[RF_PROGRAM_0_5_IN + i], virt = d->v[RF_PROGRAM_0_5_VIRT + i];
		snprintf(bars[i].label, sizeof bars[i].label, "%s", band_labels[i]);
		bars[i].value = in + virt;
		measure_grouped(bars[i].text, sizeof bars[i].text, in + virt);
		view_set(row, "LABEL", band_labels[i]);
		measure_grouped(num, sizeof num, in);
		view_set(row, "IN", num);
		measure_grouped(num, sizeof num, virt);
		view_set(row, "VIRT", num);
		view_set(row, "TOTAL", bars[i].text);
	}
	chart_bars(body, "AGE_CHART", "chart-ages", "Program attendance by age", "Age band",
	    "Program attendance", bars, RF_BANDS, 0);
	measure_grouped(num, sizeof num, report_value(report_headline("program_sessions"), d));
	view_set(body, "PROGRAM_SESSIONS", num);
	measure_grouped(num, sizeof num, report_value(report_headline("program_attendance_in_person"), d));
	view_set(body, "PROGRAM_IN", num);
	measure_grouped(num, sizeof num, report_value(report_headline("program_attendance_virtual"), d));
	view_set(body, "PROGRAM_VIRT", num);
	measure_grouped(num, sizeof num, report_value(report_headline("program_attendance"), d));
	view_set(body, "PROGRAM_TOTAL", num);
	measure_grouped(num, sizeof num, d->v[RF_OUTREACH_SESSIONS]);
	view_set(body, "OUTREACH_SESSIONS", num);
	measure_grouped(num, sizeof num, d->v[RF_OUTREACH_ATTENDANCE]);
	view_set(body, "OUTREACH", num);
}

static void
fill_effort(struct view_dict *body)
{
	static const char *const effort[] = { "staff_hours", "volunteer_hours", "materials" };
	static const char *const money[] = { "library_cost", "partner_cost", "in_kind_value",
		"library_cost_per_attendee" };
	struct chart_bar bars[3];

	for (size_t i = 0; i < sizeof effort / sizeof effort[0]; i++)
		fill_figure(body, "EFFORT", report_headline(effort[i]));
	if (!rep.signed_in)
		return;
	for (size_t i = 0; i < sizeof money / sizeof money[0]; i++)
		fill_figure(body, "EFFORT", report_headline(money[i]));
	for (int i = 0; i < 3; i++) {
		const struct headline *h = report_headline(money[i]);
		snprintf(bars[i].label, sizeof bars[i].label, "%s", h->label);
		bars[i].value = report_value(h, &rep.now);
		report_format(h, bars[i].value, bars[i].text, sizeof bars[i].text);
	}
	chart_bars(view_section(body, "COSTS"), "COST_CHART", "chart-costs",
	    "Cost split: the library, its partners, and in kind", "Who paid", "Amount", bars, 3, 0);
}

/*
 * Each question's share over the activities that asked it, with how many did, against the
 * period before; a question no activity asked reads "not asked", never 0 %.
 */
static void
fill_outcomes(struct view_dict *body)
{
	long long respondents = rep.now.v[RF_RESPONDENTS], asked_now = 0, asked_before = 0;
	struct chart_bar bars[4];
	struct view_dict *sec;
	char num[32], text[64], change[128];

	for (int i = 0; i < 4; i++) {
		asked_now += rep.now.v[report_outcomes[i].asked];
		asked_before += rep.before.v[report_outcomes[i].asked];
	}
	if (respondents > 0) {
		measure_grouped(num, sizeof num, respondents);
		view_set(view_section(body, "RESPONDENTS"), "COUNT", num);
	}
	if (asked_now == 0)
		view_show(body, respondents > 0 ? "NO_QUESTIONS" : "NO_RESPONDENTS");
	if (asked_now == 0 && asked_before == 0)
		return;
	sec = view_section(body, "OUTCOMES");
	for (int i = 0; i < 4; i++) {
		const struct outcome *o = &report_outcomes[i];
		const struct headline *h = report_headline(o->headline);
		struct view_dict *row = view_section(sec, "OUTCOME");
		long long asked = rep.now.v[o->asked];
		const char *direction;

		snprintf(bars[i].label, sizeof bars[i].label, "%s", o->label);
		bars[i].value = report_value(h, &rep.now);
		report_format(h, bars[i].value, bars[i].text, sizeof bars[i].text);
		if (bars[i].value == REPORT_NONE)	/* not asked: no bar, the words instead */
			bars[i].value = 0;
		view_set(row, "LABEL", o->label);
		view_set(row, "SHARE", bars[i].text);
		measure_grouped(num, sizeof num, asked);
		snprintf(text, sizeof text, "%s %s", num, asked == 1 ? "activity" : "activities");
		view_set(row, "ASKED", text);
		measure_grouped(num, sizeof num, rep.now.v[o->respondents]);
		view_set(row, "RESPONDENTS", num);
		report_format(h, report_value(h, &rep.before), text, sizeof text);
		view_set(row, "PREVIOUS_SHARE", text);
		change_text(h, &rep.now, &rep.before, change, sizeof change, &direction);
		view_set(row, "CHANGE", change);
		view_set(row, "DIRECTION", direction);
	}
	if (asked_now > 0)
		chart_bars(view_section(sec, "CHART"), "OUTCOME_CHART", "chart-outcomes",
		    "Share of respondents who agree, over the activities that asked", "Outcome",
		    "Share who agree", bars, 4, 1000);
}

/* The directory's own upkeep, as of today whatever the period: the share of listed entries
 * confirmed within the last year (remind.h: their contacts are reminded at 11 months). */
static void
fill_current(struct view_dict *body)
{
	long long listed, confirmed;
	struct view_dict *d;
	char num[32];

	if (rep.scope.host || rep.scope.partnership || remind_confirmed_share(&listed, &confirmed) < 0 ||
	    listed == 0)
		return;
	d = view_section(body, "CURRENT");
	snprintf(num, sizeof num, "%lld%%", (confirmed * 100 + listed / 2) / listed);
	view_set(d, "SHARE", num);
	measure_grouped(num, sizeof num, confirmed);
	view_set(d, "CONFIRMED", num);
	measure_grouped(num, sizeof num, listed);
	view_set(d, "LISTED", num);
}

static void
fill_partnerships(struct view_dict *body)
{
	struct view_dict *sec = view_section(body, "PARTNERSHIPS"), *table = NULL;
	struct db_cursor c;
	struct report_partnership_row p;
	char href[400], num[32];
	int review_fy, reviewed = 0, total = 0;

	/* The yearly reviews are of the fiscal year the period ends in. */
	review_fy = review_fiscal_year(rep.period.to);
	view_set_int(sec, "REVIEW_FY", review_fy);
	view_set(sec, "AS_OF", report_as_of(&rep));
	if (report_partnerships_open(&c, &rep) < 0)
		return;
	while (report_partnership_next(&c, &rep, &p) == 1) {
		struct view_dict *row;
		if (table == NULL)
			table = view_section(sec, "TABLE");
		row = view_section(table, "ROW");
		snprintf(href, sizeof href, "%s/%lld", partnerships_base, p.id);
		view_set(row, "HREF", href);
		view_set(row, "HOST", p.host);
		view_set(row, "PARTNER", p.partner);
		view_set(row, "COUNTRY", p.country);
		view_set(row, "COMMITMENT", record_label(&partnership_fields[PF_COMMITMENT], p.commitment));
		view_set(row, "STATUS", record_label(&partnership_fields[PF_STATUS], p.status));
		view_set(row, "LAST", p.last ? p.last : "none yet");
		measure_grouped(num, sizeof num, p.activities);
		view_set(row, "ACTIVITIES", num);
		measure_grouped(num, sizeof num, p.attendance);
		view_set(row, "ATTENDANCE", num);
		if (p.quiet)
			view_show(row, "QUIET");
		total++;
		reviewed += reviewpage_report_cell(row, p.id, review_fy);
	}
	db_cursor_close(&c);
	if (table == NULL)
		view_show(sec, "NONE");
	else {
		struct view_dict *count = view_section(sec, "REVIEW_COUNT");
		view_set_int(count, "REVIEWED", reviewed);
		view_set_int(count, "TOTAL", total);
	}
}

/* The fiscal years the period menu offers: the next one, this one and the five before. */
#define FY_CHOICES	7

static void
fill_period_forms(struct view_dict *body)
{
	static const struct param_choice quarters[] = {
		{ "1", "Q1" }, { "2", "Q2" }, { "3", "Q3" }, { "4", "Q4" }, { NULL, NULL }
	};
	struct param_choice years[FY_CHOICES + 1];
	char year_text[FY_CHOICES][12], shown_text[12], quarter_text[12];
	int current = 0, shown = rep.period.year;
	struct period now;
	char err[8];

	period_parse(&now, NULL, NULL, NULL, NULL, rep.today, config.fiscal_year_start, err, sizeof err);
	current = now.year;
	if (shown == 0)
		shown = current;
	/* Newest first; the template writes "FY" before each value itself. */
	for (int i = 0; i < FY_CHOICES; i++) {
		snprintf(year_text[i], sizeof year_text[i], "%d", current + 1 - i);
		years[i] = (struct param_choice){ year_text[i], year_text[i] };
	}
	years[FY_CHOICES] = (struct param_choice){ NULL, NULL };
	snprintf(shown_text, sizeof shown_text, "%d", shown);
	formview_menu(body, "FY_OPTION", years, shown_text);
	/* Quarter 0 (the whole year) matches none of them: "Whole year" stays the choice. */
	snprintf(quarter_text, sizeof quarter_text, "%d", rep.period.quarter);
	formview_menu(body, "Q_OPTION", quarters, quarter_text);
	view_set(body, "RANGE_FROM", rep.period.from);
	view_set(body, "RANGE_TO", rep.period.to);
	if (rep.scope.host || rep.scope.partnership) {
		struct view_dict *f = view_section(body, "SCOPE_FIELD");
		view_set(f, "NAME", rep.scope.host ? "host" : "partnership");
		view_set_int(f, "VALUE", (long)(rep.scope.host ? rep.scope.host : rep.scope.partnership));
	}
}

static void
link_to(const struct period *p, const char *extra, char *buf, size_t size)
{
	char q[64];

	period_query(p, q, sizeof q);
	snprintf(buf, size, "%s?%s%s%s", page.self, q, page.scope_query, extra);
}

/*
 * 1 when the period a step leads to is one the report itself accepts (FY1901 to FY2999 and the
 * dates they span): FY1901's "previous" would link to FY1900, a 400. Checked by reading it
 * back as its link would be read, so the rule stays period.c's alone.
 */
static int
linkable(const struct period *p)
{
	char fy[16] = "", quarter[16] = "", err[200];
	struct period back;

	if (p->kind == PERIOD_YEAR)
		snprintf(fy, sizeof fy, "%d", p->year);
	else if (p->kind == PERIOD_QUARTER)
		snprintf(quarter, sizeof quarter, "%d-Q%d", p->year, p->quarter);
	return period_parse(&back, fy, quarter, p->kind == PERIOD_RANGE ? p->from : NULL,
	    p->kind == PERIOD_RANGE ? p->to : NULL, rep.today, config.fiscal_year_start, err, sizeof err) == 0;
}

static void
show_page(struct req *r)
{
	static const char *const cards[] = { "partnerships_active", "partnerships_new", "activities",
		"program_sessions", "program_attendance", "outreach_attendance", "connections_made" };
	/* Whose report, for the printed packet's title: one host's own, else the library that runs
	 * the site (with its logo, if set); a partnership's report names the partnership too. */
	const char *library = rep.scope.host ? page.scope_name : config.operator_name[0] ?
	    config.operator_name : config.site_name;
	char title[1000], href[600], extra[48];
	struct view *v;
	struct view_dict *body;

	snprintf(title, sizeof title, "Impact report %s, %s%s%s", rep.period.name, library,
	    rep.scope.partnership ? ", " : "", rep.scope.partnership ? page.scope_name : "");
	v = staff_page(r, 200, title, "report.tpl");
	body = view_body(v);
	view_set(body, "SELF", page.self);
	view_set(body, "PERIOD", rep.period.name);
	view_set(body, "FROM", rep.period.from);
	view_set(body, "TO", rep.period.to);
	view_set(body, "PREVIOUS", rep.previous.name);
	view_set(body, "PREVIOUS_FROM", rep.previous.from);
	view_set(body, "PREVIOUS_TO", rep.previous.to);
	view_set(body, "NEXT", rep.next.name);
	link_to(&rep.previous, "", href, sizeof href);
	if (linkable(&rep.previous))
		view_set(view_section(body, "PREV_LINK"), "HREF", href);
	link_to(&rep.next, "", href, sizeof href);
	if (linkable(&rep.next))
		view_set(view_section(body, "NEXT_LINK"), "HREF", href);
	view_set(body, "LIBRARY", library);
	view_set(body, "MADE", rep.today);
	if (!rep.scope.host && config.operator_logo[0])
		view_show(body, "LOGO");
	if (rep.scope.partnership)
		view_set(view_section(body, "SCOPE"), "NAME", page.scope_name);
	if (!rep.signed_in)
		view_show(body, "PUBLIC");
	fill_period_forms(body);
	for (size_t i = 0; i < sizeof cards / sizeof cards[0]; i++)
		fill_figure(body, "CARD", report_headline(cards[i]));
	if (rep.now.v[RF_ACTIVITIES] == 0)
		view_show(body, "EMPTY");
	if (rep.scope.partnership == 0) {	/* a partnership's report has no connections */
		struct view_dict *c = view_section(body, "CONNECTIONS");
		char num[32];
		measure_grouped(num, sizeof num, rep.now.v[RF_CONNECTIONS]);
		view_set(c, "COUNT", num);
		view_set(c, "CONTACT_WORD", rep.now.v[RF_CONNECTIONS] == 1 ? "contact" : "contacts");
		measure_grouped(num, sizeof num, rep.now.v[RF_CONNECTED_ORGS]);
		view_set(c, "ORGS", num);
		view_set(c, "ORG_WORD", rep.now.v[RF_CONNECTED_ORGS] == 1 ? "organization" : "organizations");
	}
	fill_month_charts(body);
	fill_who(body);
	fill_effort(body);
	fill_outcomes(body);
	mapview_report_reach(body, &rep);
	fill_current(body);
	if (rep.signed_in)
		fill_partnerships(body);
	for (size_t i = 0; i < report_headline_count; i++)
		if (rep.signed_in || !report_headlines[i].restricted)
			fill_figure(body, "FIGURE", &report_headlines[i]);
	for (int t = 0; report_tables[t].value; t++) {
		struct view_dict *d;
		if (t >= TABLE_PARTNERSHIPS && !rep.signed_in)
			break;
		d = view_section(body, "DOWNLOAD");
		snprintf(extra, sizeof extra, "&format=csv&table=%s", report_tables[t].value);
		link_to(&rep.period, extra, href, sizeof href);
		view_set(d, "HREF", href);
		view_set(d, "LABEL", report_tables[t].value);
		view_set(d, "HINT", report_tables[t].label);
	}
	link_to(&rep.period, "", href, sizeof href);	/* the worksheet: the same query, its own path */
	snprintf(title, sizeof title, "%s/worksheet%s", page.self, href + strlen(page.self));
	view_set(body, "WORKSHEET_HREF", title);
	view_page_finish(v, r);
}

/* --- the request --------------------------------------------------------------------------- */

/* The report, or one of its tables as CSV. Public or not by the settings (read_request). */
static void
report_page(struct req *r, const struct route_args *a)
{
	int table = -1;

	if (read_request(r) < 0)
		return;
	if (page.p.v[KEY_TABLE].present) {
		for (table = 0; strcmp(report_tables[table].value, page.p.v[KEY_TABLE].str) != 0; table++)
			;
	} else if (page.p.v[KEY_FORMAT].present && strcmp(page.p.v[KEY_FORMAT].str, "csv") == 0) {
		req_error(r, 400, "format=csv needs a table: summary, outcomes, imls, partnerships "
		    "or activities.");
		return;
	}
	if (table >= TABLE_PARTNERSHIPS && !staff_allowed(r, ROLE_BOARD))
		return;
	if (table >= TABLE_PARTNERSHIPS) {	/* rows straight from the database: no totals needed */
		report_csv(r, &rep, (enum report_table)table);
		return;
	}
	if (report_load(&rep.period, &rep.scope, &rep.now) < 0 ||
	    report_load(&rep.previous, &rep.scope, &rep.before) < 0) {
		req_error(r, 503, "The report cannot be read; reload in a moment.");
		return;
	}
	if (table >= 0)
		report_csv(r, &rep, (enum report_table)table);
	else
		show_page(r);
}

/* The survey worksheet for the same period and scope, read as the report is. */
static void
worksheet_page(struct req *r, const struct route_args *a)
{
	char href[600];

	if (read_request(r) < 0)
		return;
	if (report_load(&rep.period, &rep.scope, &rep.now) < 0) {
		req_error(r, 503, "The report cannot be read; reload in a moment.");
		return;
	}
	link_to(&rep.period, "", href, sizeof href);
	report_worksheet(r, &rep, page.scope_name, href);
}

static const struct route routes[] = {
	{ "", ROUTE_GET, ROLE_NONE, report_page },
	{ "/worksheet", ROUTE_GET, ROLE_NONE, worksheet_page },
};
static const struct route_table routing = { routes, sizeof routes / sizeof routes[0], ROLE_NONE,
	"There is no page at this address. The report is at /report." };

static void
handle(struct req *r)
{
	staff_begin(r);
	route_dispatch(r, &routing);
}

int
main(void)
{
	static const struct program report = { "report", handle, NULL };
	return http_serve(&report);
}
