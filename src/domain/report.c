/*
 * report.c - reads a report's figures for a period and scope, and names its headline figures.
 *
 * A report of the whole site reads activity_day (a row a day); one of a host or a partnership
 * reads activity_partnership_day (a row a day for each partnership), the same columns. Both give the sums in enum rf order,
 * so what follows never knows which was read. Partnership counts and the countries and
 * languages reached are counted apart, from the partnerships themselves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "db.h"
#include "measure.h"
#include "report.h"

#define END	-1
#define NONE	{ END }
#define ATTENDANCE_IN	RF_PROGRAM_0_5_IN, RF_PROGRAM_6_11_IN, RF_PROGRAM_12_18_IN, RF_PROGRAM_ADULT_IN, RF_PROGRAM_ALL_IN
#define ATTENDANCE_VIRT	RF_PROGRAM_0_5_VIRT, RF_PROGRAM_6_11_VIRT, RF_PROGRAM_12_18_VIRT, RF_PROGRAM_ADULT_VIRT, RF_PROGRAM_ALL_VIRT

const struct headline report_headlines[] = {
	{ "partnerships_active", "Partnerships active", UNIT_COUNT, 0, { RF_PARTNERSHIPS_ACTIVE, END }, NONE },
	{ "partnerships_new", "Partnerships begun", UNIT_COUNT, 0, { RF_PARTNERSHIPS_NEW, END }, NONE },
	{ "partnerships_ended", "Partnerships ended", UNIT_COUNT, 0, { RF_PARTNERSHIPS_ENDED, END }, NONE },
	{ "activities", "Activities", UNIT_COUNT, 0, { RF_ACTIVITIES, END }, NONE },
	{ "program_sessions", "Program sessions", UNIT_COUNT, 0,
	    { RF_PROGRAM_SESSIONS_IN, RF_PROGRAM_SESSIONS_VIRT, END }, NONE },
	{ "program_sessions_in_person", "Program sessions in person", UNIT_COUNT, 0, { RF_PROGRAM_SESSIONS_IN, END }, NONE },
	{ "program_sessions_virtual", "Program sessions online", UNIT_COUNT, 0, { RF_PROGRAM_SESSIONS_VIRT, END }, NONE },
	{ "outreach_sessions", "Outreach sessions", UNIT_COUNT, 0, { RF_OUTREACH_SESSIONS, END }, NONE },
	{ "program_attendance", "Program attendance", UNIT_COUNT, 0, { ATTENDANCE_IN, ATTENDANCE_VIRT, END }, NONE },
	{ "program_attendance_in_person", "Program attendance in person", UNIT_COUNT, 0, { ATTENDANCE_IN, END }, NONE },
	{ "program_attendance_virtual", "Program attendance online", UNIT_COUNT, 0, { ATTENDANCE_VIRT, END }, NONE },
	{ "attendance_0_5", "Program attendance, ages 0-5", UNIT_COUNT, 0, { RF_PROGRAM_0_5_IN, RF_PROGRAM_0_5_VIRT, END }, NONE },
	{ "attendance_6_11", "Program attendance, ages 6-11", UNIT_COUNT, 0, { RF_PROGRAM_6_11_IN, RF_PROGRAM_6_11_VIRT, END }, NONE },
	{ "attendance_12_18", "Program attendance, ages 12-18", UNIT_COUNT, 0, { RF_PROGRAM_12_18_IN, RF_PROGRAM_12_18_VIRT, END }, NONE },
	{ "attendance_adult", "Program attendance, adults", UNIT_COUNT, 0, { RF_PROGRAM_ADULT_IN, RF_PROGRAM_ADULT_VIRT, END }, NONE },
	{ "attendance_all_ages", "Program attendance, all ages", UNIT_COUNT, 0, { RF_PROGRAM_ALL_IN, RF_PROGRAM_ALL_VIRT, END }, NONE },
	{ "outreach_attendance", "Outreach attendance", UNIT_COUNT, 0, { RF_OUTREACH_ATTENDANCE, END }, NONE },
	{ "staff_hours", "Staff hours", UNIT_HOURS, 0, { RF_STAFF_MINUTES, END }, NONE },
	{ "volunteer_hours", "Volunteer hours", UNIT_HOURS, 0, { RF_VOLUNTEER_MINUTES, END }, NONE },
	{ "materials", "Materials exchanged", UNIT_COUNT, 0, { RF_MATERIALS, END }, NONE },
	{ "survey_respondents", "Survey respondents", UNIT_COUNT, 0, { RF_RESPONDENTS, END }, NONE },
	{ "countries_reached", "Countries reached", UNIT_COUNT, 0, { RF_COUNTRIES, END }, NONE },
	{ "languages_reached", "Languages reached", UNIT_COUNT, 0, { RF_LANGUAGES, END }, NONE },
	{ "connections_made", "Connections made (first contacts through the directory)", UNIT_COUNT, 0,
	    { RF_CONNECTIONS, END }, NONE },
	{ "organizations_contacted", "Organizations contacted through the directory", UNIT_COUNT, 0,
	    { RF_CONNECTED_ORGS, END }, NONE },
	{ "library_cost", "Library's cost", UNIT_MONEY, 1, { RF_LIBRARY_CENTS, END }, NONE },
	{ "partner_cost", "Partners' cost", UNIT_MONEY, 1, { RF_PARTNER_CENTS, END }, NONE },
	{ "in_kind_value", "In-kind value", UNIT_MONEY, 1, { RF_IN_KIND_CENTS, END }, NONE },
	/* everyone who came, to programs and outreach alike: the cost covers both */
	{ "library_cost_per_attendee", "Library's cost per attendee", UNIT_MONEY, 1, { RF_LIBRARY_CENTS, END },
	    { ATTENDANCE_IN, ATTENDANCE_VIRT, RF_OUTREACH_ATTENDANCE, END } },
};
const size_t report_headline_count = sizeof report_headlines / sizeof report_headlines[0];

const struct outcome report_outcomes[4] = {
	{ "knowledge", "Learned something new", RF_AGREE_KNOWLEDGE },
	{ "confidence", "Feel more confident", RF_AGREE_CONFIDENCE },
	{ "application", "Will use what they learned", RF_AGREE_APPLICATION },
	{ "awareness", "More aware of the library", RF_AGREE_AWARENESS },
};

const struct headline *
report_headline(const char *key)
{
	for (size_t i = 0; i < report_headline_count; i++)
		if (strcmp(report_headlines[i].key, key) == 0)
			return &report_headlines[i];
	return &report_headlines[0];
}

static long long
sum_of(const signed char *terms, const struct report_data *d)
{
	long long total = 0;

	for (int i = 0; i < HEADLINE_TERMS && terms[i] != END; i++)
		total += d->v[terms[i]];
	return total;
}

long long
report_value(const struct headline *h, const struct report_data *d)
{
	long long top = sum_of(h->sum, d), bottom;

	if (h->per[0] == END)
		return top;
	bottom = sum_of(h->per, d);
	return bottom == 0 ? 0 : (top + bottom / 2) / bottom;
}

void
report_format_plain(enum headline_unit unit, long long v, char *buf, size_t size)
{
	const char *sign = v < 0 ? "-" : "";
	long long a = v < 0 ? -v : v;

	if (unit == UNIT_MONEY)
		snprintf(buf, size, "%s%lld.%02lld", sign, a / 100, a % 100);
	else if (unit == UNIT_HOURS)	/* minutes as hours to the hundredth, rounded half up */
		snprintf(buf, size, "%s%lld.%02lld", sign, (a * 100 / 60 + (a * 100 % 60 >= 30)) / 100,
		    (a * 100 / 60 + (a * 100 % 60 >= 30)) % 100);
	else
		snprintf(buf, size, "%lld", v);
}

void
report_format(const struct headline *h, long long v, char *buf, size_t size)
{
	if (h->unit == UNIT_MONEY)
		measure_money_text(buf, size, v);
	else if (h->unit == UNIT_HOURS) {
		long long tenths = (v * 10 + 30) / 60;	/* hours to the tenth */
		char whole[32];
		measure_grouped(whole, sizeof whole, tenths / 10);
		snprintf(buf, size, "%s.%lld", whole, tenths % 10);
	} else
		measure_grouped(buf, size, v);
}

long
report_share_permille(long long agree, long long respondents)
{
	return respondents <= 0 ? -1 : (long)((agree * 1000 + respondents / 2) / respondents);
}

/* Binds the period and scope, which every report statement takes as ?1 to ?4. */
static sqlite3_stmt *
report_stmt(enum stmt id, const struct period *p, const struct report_scope *sc)
{
	sqlite3_stmt *s = db_stmt(id);

	if (s == NULL)
		return NULL;
	sqlite3_bind_text(s, 1, p->from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, p->to, -1, SQLITE_TRANSIENT);
	if (sqlite3_bind_parameter_count(s) >= 4) {
		sqlite3_bind_int64(s, 3, sc->host);
		sqlite3_bind_int64(s, 4, sc->partnership);
	}
	return s;
}

static int
scoped(const struct report_scope *sc)
{
	return sc->host != 0 || sc->partnership != 0;
}

/* Reads the summed columns of the row s is on (column 0 is the month, or NULL) into d. */
static void
read_sums(sqlite3_stmt *s, struct report_data *d)
{
	for (int i = 0; i < RF_SUMMED; i++)
		d->v[i] = sqlite3_column_int64(s, i + 1);
}

static long long
count_rows(sqlite3_stmt *s)
{
	long long n = 0;

	while (sqlite3_step(s) == SQLITE_ROW)
		n++;
	db_done(s);
	return n;
}

int
report_load(const struct period *p, const struct report_scope *sc, struct report_data *d)
{
	sqlite3_stmt *s;
	int rc;

	memset(d, 0, sizeof *d);
	s = report_stmt(scoped(sc) ? STMT_REPORT_TOTALS_SCOPED : STMT_REPORT_TOTALS_SITE, p, sc);
	if (s == NULL || (rc = sqlite3_step(s)) != SQLITE_ROW) {
		db_done(s);
		return -1;
	}
	read_sums(s, d);
	db_done(s);
	if ((s = report_stmt(STMT_REPORT_PARTNERSHIP_COUNTS, p, sc)) == NULL || sqlite3_step(s) != SQLITE_ROW) {
		db_done(s);
		return -1;
	}
	d->v[RF_PARTNERSHIPS_ACTIVE] = sqlite3_column_int64(s, 0);
	d->v[RF_PARTNERSHIPS_NEW] = sqlite3_column_int64(s, 1);
	d->v[RF_PARTNERSHIPS_ENDED] = sqlite3_column_int64(s, 2);
	db_done(s);
	if ((s = report_stmt(STMT_REPORT_COUNTRIES, p, sc)) == NULL)
		return -1;
	d->v[RF_COUNTRIES] = count_rows(s);
	if ((s = report_stmt(STMT_REPORT_LANGUAGES, p, sc)) == NULL)
		return -1;
	d->v[RF_LANGUAGES] = count_rows(s);
	/* Connections: the whole directory's, or one host's; a partnership's report has none. */
	if (sc->partnership == 0) {
		struct contact_figures cf;
		if (contact_figures(p->from, p->to, sc->host, &cf) < 0)
			return -1;
		d->v[RF_CONNECTIONS] = cf.connections;
		d->v[RF_CONNECTED_ORGS] = cf.organizations;
	}
	return 0;
}

int
report_months(const struct period *p, const struct report_scope *sc, struct report_data *months,
    char (*names)[8], int n)
{
	sqlite3_stmt *s = report_stmt(scoped(sc) ? STMT_REPORT_MONTHS_SCOPED : STMT_REPORT_MONTHS_SITE, p, sc);
	int i = 0, rc;

	memset(months, 0, sizeof *months * (size_t)n);
	if (s == NULL)
		return -1;
	/* Both lists are in month order: walk them together. */
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *m = (const char *)sqlite3_column_text(s, 0);
		while (i < n && strcmp(names[i], m) < 0)
			i++;
		if (i < n && strcmp(names[i], m) == 0)
			read_sums(s, &months[i]);
	}
	db_done(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
report_sums_pause(struct report_pause *rp)
{
	sqlite3_stmt *s = db_stmt(STMT_REPORT_TRIGGER_TEXT);
	int rc;

	memset(rp, 0, sizeof *rp);
	if (s == NULL)
		return SQLITE_ERROR;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		rp->trigger_sql = strdup((const char *)sqlite3_column_text(s, 0));
	db_done(s);
	if (rp->trigger_sql == NULL)
		return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_NOMEM : rc;
	if ((s = db_stmt(STMT_REPORT_LAST_ACTIVITY)) == NULL || (rc = sqlite3_step(s)) != SQLITE_ROW) {
		db_done(s);
		return s == NULL ? SQLITE_ERROR : rc;
	}
	rp->after_id = sqlite3_column_int64(s, 0);
	db_done(s);
	return db_run(STMT_REPORT_TRIGGER_DROP);
}

int
report_sums_resume(struct report_pause *rp)
{
	/* One pass over the new rows, summed per partnership and day; then those few rows are
	 * added to both tables, and the scratch table is left empty. */
	static const enum stmt steps[] = { STMT_REPORT_IMPORT_SUMS, STMT_REPORT_PARTNERSHIP_DAY_ADD,
		STMT_REPORT_DAY_ADD, STMT_REPORT_IMPORT_SUMS_CLEAR };
	int rc;

	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		sqlite3_stmt *s = db_stmt(steps[i]);
		if (s == NULL)
			return SQLITE_ERROR;
		if (steps[i] == STMT_REPORT_IMPORT_SUMS)
			sqlite3_bind_int64(s, 1, rp->after_id);
		if ((rc = db_write(s)) != SQLITE_OK)
			return rc;
	}
	return rp->trigger_sql ? db_run_schema_sql(rp->trigger_sql) : SQLITE_ERROR;
}

void
report_pause_free(struct report_pause *rp)
{
	free(rp->trigger_sql);
	rp->trigger_sql = NULL;
}

const char *
report_as_of(const struct report_request *rq)
{
	return strcmp(rq->period.to, rq->today) < 0 ? rq->period.to : rq->today;
}

/* The columns of STMT_REPORT_PARTNERSHIPS, in order. */
enum { RP_ID, RP_HOST, RP_PARTNER, RP_COUNTRY, RP_KIND, RP_COMMITMENT, RP_STATUS, RP_START_ON,
    RP_END_ON, RP_LAST, RP_ACTIVITIES, RP_ATTENDANCE, RP_COLUMNS };
DB_READER(STMT_REPORT_PARTNERSHIPS, RP_COLUMNS);

int
report_partnerships_open(struct db_cursor *c, const struct report_request *rq)
{
	c->stmt = report_stmt(STMT_REPORT_PARTNERSHIPS, &rq->period, &rq->scope);
	c->rc = c->stmt ? SQLITE_OK : SQLITE_ERROR;
	return c->stmt ? 0 : -1;
}

int
report_partnership_next(struct db_cursor *c, const struct report_request *rq,
    struct report_partnership_row *p)
{
	sqlite3_stmt *s = c->stmt;
	char since[11];
	int rc = db_cursor_step(c);

	if (rc != 1)
		return rc;
	p->id = sqlite3_column_int64(s, RP_ID);
	p->host = db_text(s, RP_HOST);
	p->partner = db_text(s, RP_PARTNER);
	p->country = db_text(s, RP_COUNTRY);
	p->kind = db_text(s, RP_KIND);
	p->commitment = db_text(s, RP_COMMITMENT);
	p->status = db_text(s, RP_STATUS);
	p->start_on = db_text(s, RP_START_ON);
	p->end_on = db_text(s, RP_END_ON);
	p->last = sqlite3_column_type(s, RP_LAST) == SQLITE_NULL ? NULL : db_text(s, RP_LAST);
	p->activities = sqlite3_column_int64(s, RP_ACTIVITIES);
	p->attendance = sqlite3_column_int64(s, RP_ATTENDANCE);
	/* Never active yet: quiet once it has gone 90 days from its start with nothing. */
	period_add_days(report_as_of(rq), -REPORT_QUIET_DAYS, since);
	p->quiet = strcmp(p->status, "active") == 0 &&
	    strcmp(p->last ? p->last : p->start_on, since) < 0;
	return 1;
}

DB_READER(STMT_REPORT_COUNTRIES, 3);
DB_READER(STMT_REPORT_LANGUAGES, 3);

int
report_reach_open(struct db_cursor *c, enum report_reach which, const struct report_request *rq)
{
	c->stmt = report_stmt(which == REPORT_REACH_COUNTRIES ? STMT_REPORT_COUNTRIES :
	    STMT_REPORT_LANGUAGES, &rq->period, &rq->scope);
	c->rc = c->stmt ? SQLITE_OK : SQLITE_ERROR;
	return c->stmt ? 0 : -1;
}

int
report_reach_next(struct db_cursor *c, struct report_reach_row *row)
{
	int rc = db_cursor_step(c);

	if (rc == 1) {
		row->name = db_text(c->stmt, 0);
		row->organizations = sqlite3_column_int64(c->stmt, 1);
		row->code = db_text(c->stmt, 2);
	}
	return rc;
}

DB_READER(STMT_REPORT_HOST, 2);

int
report_host_name(long long host, int signed_in, char *name, size_t size)
{
	struct db_cursor c = { db_stmt(STMT_REPORT_HOST), SQLITE_OK };
	int found;

	if (c.stmt == NULL)
		return -1;
	sqlite3_bind_int64(c.stmt, 1, host);
	found = db_cursor_step(&c);
	/* The public may name a host that is listed in the directory, and no other. */
	if (found == 1 && (signed_in || sqlite3_column_int(c.stmt, 1)))
		snprintf(name, size, "%s", db_text(c.stmt, 0));
	else if (found == 1)
		found = 0;
	db_cursor_close(&c);
	return found;
}
