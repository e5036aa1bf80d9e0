/*
 * record.c - partnerships and activities: their forms, the checks across fields, the writes.
 *
 * An edit form carries the fingerprint of the row as it was loaded (audit.h); the save takes
 * the write lock, reads the row again and refuses with CHANGE_STALE if it differs, so two
 * people editing one activity never overwrite each other unawares. The second editor's form
 * comes back with every field the first one changed marked, showing the value now saved.
 *
 * Sane upper bounds are the form's: a typing slip (an extra zero, a year in the attendance)
 * is far likelier than a storytime of 100,000 children, and a bound is cheap to raise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "record.h"

#define MAX_ATTENDANCE	100000
#define MAX_SESSIONS	1000
#define MAX_MINUTES	(10000 * 60)		/* 10,000 hours */
#define MAX_CENTS	(10000000LL * 100)	/* 10 million */
#define MAX_MATERIALS	1000000

static const struct param_choice kinds[] = {
	{ "sister_library", "Sister library" }, { "community", "Community organization" },
	{ "school", "School" }, { "business", "Business" }, { "government", "Government agency" },
	{ "other", "Other" }, { NULL, NULL }
};
static const struct param_choice commitments[] = {
	{ "informal", "Informal" }, { "memorandum", "Memorandum of understanding" },
	{ "formal", "Formal agreement" }, { NULL, NULL }
};
const struct param_choice partnership_statuses[] = {
	{ "exploring", "Exploring" }, { "active", "Active" }, { "paused", "Paused" },
	{ "ended", "Ended" }, { NULL, NULL }
};
static const struct param_choice counted_as[] = {
	{ "program", "A program (planned, with an audience)" },
	{ "outreach", "Outreach (a booth, a visit: counted apart)" }, { NULL, NULL }
};
static const struct param_choice formats[] = {
	{ "in_person", "In person" }, { "virtual", "Virtual" },
	{ "hybrid", "Hybrid (counted once, as in person; remote attendance as virtual)" },
	{ NULL, NULL }
};
/* The survey's onsite (library building and grounds) and offsite; a virtual one has none. */
static const struct param_choice sites[] = {
	{ "library", "At the library" },
	{ "elsewhere", "Elsewhere (a partner's site, a school, a park)" }, { NULL, NULL }
};
/* The survey classes a program by whom it is for, not by who came (schema 021). */
static const struct param_choice audiences[] = {
	{ "0_5", "Children 0–5 (with their caregivers)" }, { "6_11", "Children 6–11" },
	{ "12_18", "Young adults 12–18" }, { "adult", "Adults 19 and older" },
	{ "general", "General interest (all ages)" }, { NULL, NULL }
};

#define GOAL(n) \
	[PF_GOAL##n] = { "goal" #n, "Goal " #n, FIELD_TEXT, 0, 300, NULL, NULL, 0, 0, \
	    n == 1 ? "Goals" : NULL, NULL }, \
	[PF_MEASURE##n] = { "measure" #n, "How goal " #n " is measured", FIELD_TEXT, 0, 300, \
	    n == 1 ? "For example: letters exchanged; attendance and the outcome survey." : NULL, \
	    NULL, 0, 0, NULL, NULL }

const struct field_spec partnership_fields[PF__MAX] = {
	[PF_HOST] = { "host", "Host library", FIELD_CHOICE, 1, 0, "The library that runs the partnership.",
	    NULL, STMT_PARTNERSHIP_ORGS, STMT_PARTNERSHIP_ORG_EXISTS, "Who", NULL },
	[PF_PARTNER] = { "partner", "Partner", FIELD_CHOICE, 1, 0, NULL, NULL, STMT_PARTNERSHIP_ORGS,
	    STMT_PARTNERSHIP_ORG_EXISTS, NULL, NULL },
	[PF_KIND] = { "kind", "Kind of partnership", FIELD_CHOICE, 1, 0, NULL, kinds, 0, 0, NULL, NULL },
	[PF_COMMITMENT] = { "commitment", "Level of commitment", FIELD_CHOICE, 1, 0, NULL, commitments,
	    0, 0, NULL, NULL },
	[PF_STATUS] = { "status", "Status", FIELD_CHOICE, 1, 0, NULL, partnership_statuses, 0, 0, "Status and dates",
	    NULL },
	[PF_START_ON] = { "start_on", "Start date", FIELD_DATE, 1, 0, NULL, NULL, 0, 0, NULL, NULL },
	[PF_END_ON] = { "end_on", "End date", FIELD_DATE, 0, 0,
	    "Leave it blank while the partnership goes on.", NULL, 0, 0, NULL, NULL },
	GOAL(1), GOAL(2), GOAL(3), GOAL(4), GOAL(5),
	[PF_HOST_CONTRIBUTION] = { "host_contribution", "What the host library contributes",
	    FIELD_LONGTEXT, 0, 2000, NULL, NULL, 0, 0, "Contributions and lead", NULL },
	[PF_PARTNER_CONTRIBUTION] = { "partner_contribution", "What the partner contributes",
	    FIELD_LONGTEXT, 0, 2000, NULL, NULL, 0, 0, NULL, NULL },
	[PF_STAFF_LEAD] = { "staff_lead", "Staff lead", FIELD_TEXT, 0, 120, NULL, NULL, 0, 0, NULL, "off" },
	[PF_SEEN] = { "seen", "Version", FIELD_HIDDEN, 0, FINGERPRINT_CHARS, NULL, NULL, 0, 0, NULL, NULL },
};

#define COUNT(k, name, label, max, legend) \
	[k] = { name, label, FIELD_COUNT, 0, max, NULL, NULL, 0, 0, legend, NULL }
#define ATTENDANCE(k, name, label, legend) COUNT(k, name, label, MAX_ATTENDANCE, legend)
/* A survey tally: blank is "not asked", kept as NULL (schema 018), never read as 0. */
#define TALLY(k, name, label, hint, legend) \
	[k] = { name, label, FIELD_TALLY, 0, MAX_ATTENDANCE, hint, NULL, 0, 0, legend, NULL }

const struct field_spec activity_fields[AF__MAX] = {
	[AF_HELD_ON] = { "held_on", "Date", FIELD_DATE, 1, 0, "The day it took place (the first, for a series).",
	    NULL, 0, 0, "What and when", NULL },
	[AF_TYPE] = { "type", "Type of activity", FIELD_CHOICE, 1, 0, NULL, NULL, STMT_ACTIVITY_TYPES,
	    STMT_ACTIVITY_TYPE_EXISTS, NULL, NULL },
	[AF_COUNTED_AS] = { "counted_as", "Counted as", FIELD_CHOICE, 1, 0, NULL, counted_as, 0, 0, NULL, NULL },
	[AF_FORMAT] = { "format", "Format", FIELD_CHOICE, 1, 0, NULL, formats, 0, 0, NULL, NULL },
	[AF_SITE] = { "site", "Where it took place", FIELD_CHOICE, 0, 0,
	    "In person or hybrid: blank is at the library. Virtual: leave blank.", sites, 0, 0, NULL, NULL },
	[AF_SESSIONS] = { "sessions", "Number of sessions", FIELD_COUNT, 1, MAX_SESSIONS, NULL, NULL, 0, 0,
	    NULL, NULL },
	[AF_AUDIENCE] = { "audience", "Target audience", FIELD_CHOICE, 0, 0,
	    "Whom the program is for, whoever came: the survey counts everyone who came there. "
	    "Blank: taken from who came (the one age band all were in, else general) and marked "
	    "to check.", audiences, 0, 0, NULL, NULL },
	ATTENDANCE(AF_0_5_IN, "att_0_5_in", "Ages 0–5", "Attendance in person"),
	ATTENDANCE(AF_6_11_IN, "att_6_11_in", "Ages 6–11", NULL),
	ATTENDANCE(AF_12_18_IN, "att_12_18_in", "Ages 12–18", NULL),
	ATTENDANCE(AF_ADULT_IN, "att_adult_in", "Adults", NULL),
	ATTENDANCE(AF_ALL_IN, "att_all_in", "General, all ages", NULL),
	ATTENDANCE(AF_0_5_VIRT, "att_0_5_virt", "Ages 0–5 (virtual)", "Attendance online"),
	ATTENDANCE(AF_6_11_VIRT, "att_6_11_virt", "Ages 6–11 (virtual)", NULL),
	ATTENDANCE(AF_12_18_VIRT, "att_12_18_virt", "Ages 12–18 (virtual)", NULL),
	ATTENDANCE(AF_ADULT_VIRT, "att_adult_virt", "Adults (virtual)", NULL),
	ATTENDANCE(AF_ALL_VIRT, "att_all_virt", "General, all ages (virtual)", NULL),
	[AF_RECORDINGS] = { "recordings", "Recordings posted", FIELD_COUNT, 0, MAX_SESSIONS,
	    "Recorded presentations of this program posted for later viewing.", NULL, 0, 0,
	    "Recorded for later viewing", NULL },
	COUNT(AF_RECORDING_VIEWS, "recording_views", "Views within 30 days of posting", MAX_ATTENDANCE * 10,
	    NULL),
	[AF_STAFF_HOURS] = { "staff_hours", "Staff hours", FIELD_HOURS, 0, MAX_MINUTES,
	    "Hours like 1.5 or 1:30.", NULL, 0, 0, "Time, money and materials", NULL },
	[AF_VOLUNTEER_HOURS] = { "volunteer_hours", "Volunteer hours", FIELD_HOURS, 0, MAX_MINUTES,
	    NULL, NULL, 0, 0, NULL, NULL },
	[AF_LIBRARY_COST] = { "library_cost", "Library's cost", FIELD_MONEY, 0, MAX_CENTS,
	    "Amounts like 12.50.", NULL, 0, 0, NULL, NULL },
	[AF_PARTNER_COST] = { "partner_cost", "Partner's cost", FIELD_MONEY, 0, MAX_CENTS, NULL, NULL, 0, 0,
	    NULL, NULL },
	[AF_IN_KIND] = { "in_kind", "In-kind value", FIELD_MONEY, 0, MAX_CENTS, NULL, NULL, 0, 0, NULL, NULL },
	COUNT(AF_MATERIALS, "materials", "Materials exchanged", MAX_MATERIALS, NULL),
	TALLY(AF_RESPONDENTS, "respondents", "Survey respondents",
	    "Leave blank when no survey was run. Leave a question blank when the survey did not "
	    "ask it: blank is “not asked”, 0 is asked with no one agreeing.",
	    "Outcome survey (PLA Project Outcome)"),
	TALLY(AF_AGREE_KNOWLEDGE, "agree_knowledge", "Agree: learned something", NULL, NULL),
	TALLY(AF_AGREE_CONFIDENCE, "agree_confidence", "Agree: more confident", NULL, NULL),
	TALLY(AF_AGREE_APPLICATION, "agree_application", "Agree: will use it", NULL, NULL),
	TALLY(AF_AGREE_AWARENESS, "agree_awareness", "Agree: more aware of the library", NULL, NULL),
	[AF_NOTES] = { "notes", "Notes", FIELD_LONGTEXT, 0, 2000,
	    "What happened, in a few words. No names of patrons.", NULL, 0, 0, "Notes", NULL },
	[AF_SEEN] = { "seen", "Version", FIELD_HIDDEN, 0, FINGERPRINT_CHARS, NULL, NULL, 0, 0, NULL, NULL },
};

/* --- loading ----------------------------------------------------------------------------------- */

/* Fills f from sn, with the fingerprint in field seen. */
static void
form_from_snapshot(struct form *f, const struct snapshot *sn, int seen)
{
	char fp[FINGERPRINT_CHARS + 1];

	audit_form_fill(f, sn);
	snapshot_fingerprint(sn, fp);
	form_set(f, seen, fp);
}

const char *
record_label(const struct field_spec *spec, const char *value)
{
	if (value == NULL)
		return "";
	for (size_t i = 0; spec->choices && spec->choices[i].value; i++)
		if (strcmp(spec->choices[i].value, value) == 0)
			return spec->choices[i].label;
	return value;
}

int
record_span(long long id, struct span *sp)
{
	struct db_cursor c = { db_stmt(STMT_PARTNERSHIP_SPAN), SQLITE_OK };
	int found;

	if (c.stmt == NULL)
		return -1;
	sqlite3_bind_int64(c.stmt, 1, id);
	if ((found = db_cursor_step(&c)) == 1) {
		snprintf(sp->start, sizeof sp->start, "%s", sqlite3_column_text(c.stmt, 0));
		snprintf(sp->end, sizeof sp->end, "%s", sqlite3_column_text(c.stmt, 1));
		snprintf(sp->name, sizeof sp->name, "%s", sqlite3_column_text(c.stmt, 2));
	}
	db_cursor_close(&c);
	return found;
}

static void
today(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	strftime(buf, size, "%Y-%m-%d", gmtime_r(&now, &tm));
}

void
record_partnership_defaults(struct form *f)
{
	char day[11];

	today(day, sizeof day);
	form_init(f, partnership_fields, PF__MAX);
	form_set(f, PF_KIND, "sister_library");
	form_set(f, PF_COMMITMENT, "informal");
	form_set(f, PF_STATUS, "exploring");
	form_set(f, PF_START_ON, day);
}

int
record_partnership_load(struct form *f, long long id)
{
	struct snapshot sn;
	struct db_cursor c;
	int goal = 0, found, rc = 0;

	form_init(f, partnership_fields, PF__MAX);
	if ((found = snapshot_find(&sn, STMT_PARTNERSHIP_SNAPSHOT, id)) != 1)
		return found;
	form_from_snapshot(f, &sn, PF_SEEN);
	snapshot_free(&sn);
	if ((c.stmt = db_stmt(STMT_PARTNERSHIP_GOALS)) == NULL)
		return -1;
	sqlite3_bind_int64(c.stmt, 1, id);
	while (goal < PF_GOALS && (rc = db_cursor_step(&c)) == 1) {
		const char *g = (const char *)sqlite3_column_text(c.stmt, 0);
		const char *m = (const char *)sqlite3_column_text(c.stmt, 1);
		form_set(f, PF_GOAL1 + 2 * goal, g ? g : "");
		form_set(f, PF_MEASURE1 + 2 * goal, m ? m : "");
		goal++;
	}
	db_cursor_close(&c);
	return rc < 0 ? -1 : 1;	/* goals cut short would be lost at the next save */
}

void
record_activity_defaults(struct form *f, const struct span *sp)
{
	char day[11];

	today(day, sizeof day);
	form_init(f, activity_fields, AF__MAX);
	/* Today, unless the partnership has ended: then its last day. */
	form_set(f, AF_HELD_ON, sp->end[0] && strcmp(day, sp->end) > 0 ? sp->end : day);
	form_set(f, AF_COUNTED_AS, "program");
	form_set(f, AF_FORMAT, "in_person");
	form_set(f, AF_SESSIONS, "1");
}

int
record_activity_load(struct form *f, long long id, long long *partnership_id)
{
	struct snapshot sn;
	const char *p;
	int found;

	form_init(f, activity_fields, AF__MAX);
	if ((found = snapshot_find(&sn, STMT_ACTIVITY_SNAPSHOT, id)) != 1)
		return found;
	form_from_snapshot(f, &sn, AF_SEEN);
	p = snapshot_value(&sn, "partnership");
	*partnership_id = p ? strtoll(p, NULL, 10) : 0;
	snapshot_free(&sn);
	return 1;
}

/* --- checks across fields -------------------------------------------------------------------- */

static long long
sum(const struct form *f, int from, int n)
{
	long long total = 0;

	for (int k = from; k < from + n; k++)
		total += f->v[k].num;
	return total;
}

int
record_activity_check(struct form *f, const struct span *sp)
{
	const char *day = f->v[AF_HELD_ON].str, *format = f->v[AF_FORMAT].str;
	long long in_person = sum(f, AF_0_5_IN, AF_ATTENDANCE_BANDS);
	long long online = sum(f, AF_0_5_VIRT, AF_ATTENDANCE_BANDS);
	long long respondents = f->v[AF_RESPONDENTS].num;
	int surveyed = f->v[AF_RESPONDENTS].str[0] != '\0';	/* blank: no survey run */

	if (sp && !f->v[AF_HELD_ON].error[0] && day[0]) {
		if (strcmp(day, sp->start) < 0)
			form_fail(f, AF_HELD_ON, "Enter a date on or after %s, when the partnership began.",
			    sp->start);
		else if (sp->end[0] && strcmp(day, sp->end) > 0)
			form_fail(f, AF_HELD_ON, "Enter a date on or before %s, when the partnership ended.",
			    sp->end);
	}
	/* 0 sessions: a recording made only to be posted (virtual, with its recordings). */
	if (!f->v[AF_SESSIONS].error[0] && f->v[AF_SESSIONS].str[0] && f->v[AF_SESSIONS].num < 1 &&
	    !(strcmp(format, "virtual") == 0 && f->v[AF_RECORDINGS].num > 0))
		form_fail(f, AF_SESSIONS, "Enter at least 1 session (0 only for a virtual "
		    "presentation recorded to be posted, with its recordings below).");
	if (strcmp(format, "virtual") == 0 && f->v[AF_SITE].str[0] && !f->v[AF_SITE].error[0])
		form_fail(f, AF_SITE, "A virtual activity took place online: leave this blank, or "
		    "choose the in-person or hybrid format.");
	if (!f->v[AF_RECORDING_VIEWS].error[0] && f->v[AF_RECORDING_VIEWS].num > 0 &&
	    !f->v[AF_RECORDINGS].error[0] && f->v[AF_RECORDINGS].num == 0)
		form_fail(f, AF_RECORDING_VIEWS, "Enter the recordings posted too: views are of a "
		    "recording.");
	/* Attendance that cannot have happened in this format is a slip of the format or the row. */
	if (strcmp(format, "in_person") == 0 && online > 0)
		for (int k = AF_0_5_VIRT; k < AF_0_5_VIRT + AF_ATTENDANCE_BANDS; k++) {
			if (f->v[k].num > 0)
				form_fail(f, k, "An in-person activity has no online audience: choose the "
				    "hybrid format, or count these people in person.");
		}
	if (strcmp(format, "virtual") == 0 && in_person > 0)
		for (int k = AF_0_5_IN; k < AF_0_5_IN + AF_ATTENDANCE_BANDS; k++) {
			if (f->v[k].num > 0)
				form_fail(f, k, "A virtual activity has no audience in the room: choose the "
				    "hybrid format, or count these people online.");
		}
	for (int k = AF_AGREE_KNOWLEDGE; k <= AF_AGREE_AWARENESS; k++) {
		if (f->v[k].error[0] || f->v[k].str[0] == '\0')
			continue;	/* blank: the question was not asked */
		if (!surveyed && !f->v[AF_RESPONDENTS].error[0])
			form_fail(f, k, "Enter the survey respondents too, or leave this blank: people "
			    "who agree are counted among those who answered.");
		else if (surveyed && f->v[k].num > respondents)
			form_fail(f, k, "Enter at most %lld: no more people can agree than answered the "
			    "survey.", respondents);
	}
	if (!f->v[AF_RESPONDENTS].error[0] && respondents > in_person + online)
		form_fail(f, AF_RESPONDENTS, "Enter at most %lld, the attendance recorded above: only "
		    "people who came can answer the survey.", in_person + online);
	return f->nerrors;
}

int
record_partnership_check(struct form *f, long long id)
{
	const char *start = f->v[PF_START_ON].str, *end = f->v[PF_END_ON].str;
	sqlite3_stmt *s;

	if (f->v[PF_HOST].str[0] && strcmp(f->v[PF_HOST].str, f->v[PF_PARTNER].str) == 0)
		form_fail(f, PF_PARTNER, "Choose a partner other than the host library.");
	if (end[0] && start[0] && !f->v[PF_END_ON].error[0] && strcmp(end, start) < 0)
		form_fail(f, PF_END_ON, "Enter an end date on or after the start date, %s.", start);
	if (strcmp(f->v[PF_STATUS].str, "ended") == 0 && end[0] == '\0')
		form_fail(f, PF_END_ON, "Enter the date the partnership ended.");
	for (int g = 0; g < PF_GOALS; g++) {
		int goal = PF_GOAL1 + 2 * g, measure = goal + 1;
		if (f->v[goal].str[0] && !f->v[measure].str[0])
			form_fail(f, measure, "Say how goal %d will be measured: a count, a survey, a date.",
			    g + 1);
		else if (!f->v[goal].str[0] && f->v[measure].str[0])
			form_fail(f, goal, "Write goal %d, or clear how it is measured.", g + 1);
	}
	if (id == 0 || f->v[PF_START_ON].error[0] || f->v[PF_END_ON].error[0] ||
	    (s = db_stmt(STMT_PARTNERSHIP_ACTIVITY_SPAN)) == NULL)
		return f->nerrors;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 2) > 0) {
		const char *first = (const char *)sqlite3_column_text(s, 0);
		const char *last = (const char *)sqlite3_column_text(s, 1);
		if (strcmp(start, first) > 0)
			form_fail(f, PF_START_ON, "Enter %s or earlier: an activity of this partnership "
			    "is dated %s. Change that activity first to start later.", first, first);
		if (end[0] && strcmp(end, last) < 0)
			form_fail(f, PF_END_ON, "Enter %s or later: an activity of this partnership is "
			    "dated %s. Change that activity first to end earlier.", last, last);
	}
	db_done(s);
	return f->nerrors;
}

/* --- writing ------------------------------------------------------------------------------------ */

/*
 * The index of each field's :name parameter in statement s (0: it has none), found once per
 * statement: statements are prepared once per process, and looking names up for every row of
 * an import cost a quarter of its time.
 */
static const int *
param_indexes(sqlite3_stmt *s, const struct form *f)
{
	static struct { sqlite3_stmt *s; const struct field_spec *spec; int idx[FORM_FIELDS_MAX + 2]; } known[4];
	static unsigned next;

	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (known[i].s == s && known[i].spec == f->spec)
			return known[i].idx;
	next = (next + 1) % (sizeof known / sizeof known[0]);
	known[next].s = s;
	known[next].spec = f->spec;
	for (size_t k = 0; k < f->n; k++) {
		char param[64];
		snprintf(param, sizeof param, ":%s", f->spec[k].name);
		known[next].idx[k] = sqlite3_bind_parameter_index(s, param);
	}
	known[next].idx[FORM_FIELDS_MAX] = sqlite3_bind_parameter_index(s, ":id");
	known[next].idx[FORM_FIELDS_MAX + 1] = sqlite3_bind_parameter_index(s, ":partnership");
	return known[next].idx;
}

/*
 * Binds each field to the statement's :name parameter (measures as numbers, the rest as text),
 * and id to :id or :partnership, whichever the statement has.
 */
static void
bind_fields(sqlite3_stmt *s, const struct form *f, long long id)
{
	const int *idx = param_indexes(s, f);

	for (size_t k = 0; k < f->n; k++) {
		if (idx[k] == 0)
			continue;
		switch (f->spec[k].type) {
		case FIELD_TALLY:	/* blank: not asked, NULL */
			if (f->v[k].str[0])
				sqlite3_bind_int64(s, idx[k], f->v[k].num);
			else
				sqlite3_bind_null(s, idx[k]);
			break;
		case FIELD_COUNT: case FIELD_MONEY: case FIELD_HOURS:
			sqlite3_bind_int64(s, idx[k], f->v[k].num);
			break;
		default:
			sqlite3_bind_text(s, idx[k], f->v[k].str, -1, SQLITE_STATIC);
		}
	}
	if (idx[FORM_FIELDS_MAX])
		sqlite3_bind_int64(s, idx[FORM_FIELDS_MAX], id);
	if (idx[FORM_FIELDS_MAX + 1])
		sqlite3_bind_int64(s, idx[FORM_FIELDS_MAX + 1], id);
}

/* Under the write lock: is the row still as the form saw it? If not, the form says why
 * (audit_form_as_seen) and carries the row's fingerprint now. */
static int
still_as_seen(struct form *f, int seen, const struct snapshot *before)
{
	char fresh[FINGERPRINT_CHARS + 1];

	if (audit_form_as_seen(f, f->v[seen].str, before, fresh))
		return 1;
	form_set(f, seen, fresh);
	return 0;
}

/* What differs between saving a partnership and saving an activity. */
struct save {
	enum stmt	 snapshot;
	enum stmt	 insert, update;
	int		 seen;
	const char	*what;		/* "partnership", "activity" */
	long long	 partnership_id;
};

/*
 * The common path of every save: begin; for an edit, check the row is as the form saw it;
 * insert or update; audit every changed column; commit.
 */
static enum change_result
save(const struct save *sv, long long *id, struct form *f, const char *actor)
{
	struct snapshot before = { 0 };
	enum change_result r;
	sqlite3_stmt *s;
	long long audit_id, pid = sv->partnership_id;
	char action[64], note[40] = "";
	int rc;

	if ((r = change_begin()) != CHANGE_OK)
		return r;
	if (*id && snapshot_take(&before, sv->snapshot, *id) < 0)
		return change_finish(CHANGE_NOT_FOUND);
	if (*id && !still_as_seen(f, sv->seen, &before)) {
		snapshot_free(&before);
		return change_finish(CHANGE_STALE);
	}
	if (sv->snapshot == STMT_PARTNERSHIP_SNAPSHOT && record_partnership_check(f, *id)) {
		snapshot_free(&before);
		return change_finish(CHANGE_INVALID);
	}
	if ((s = db_stmt(*id ? sv->update : sv->insert)) == NULL) {
		snapshot_free(&before);
		return change_finish(CHANGE_FAILED);
	}
	bind_fields(s, f, *id ? *id : pid);
	if ((rc = db_write(s)) != SQLITE_OK) {
		snapshot_free(&before);
		return change_finish(change_failed(rc));
	}
	if (*id == 0)
		*id = sqlite3_last_insert_rowid(sqlite3_db_handle(s));
	if (sv->snapshot == STMT_PARTNERSHIP_SNAPSHOT)
		pid = *id;
	snprintf(action, sizeof action, "%s %s", before.n ? "edited" : "recorded", sv->what);
	/* An activity's events name it: the partnership's history holds all of its activities'. */
	if (sv->snapshot == STMT_ACTIVITY_SNAPSHOT)
		snprintf(note, sizeof note, "activity %lld", *id);
	if ((audit_id = audit_open(actor, action, 0, pid, note)) < 0) {
		snapshot_free(&before);
		return change_finish(change_failed((int)-audit_id));
	}
	return audit_finish(SQLITE_OK, audit_id, sv->snapshot, *id, &before);
}

enum change_result
record_partnership_save(long long *id, struct form *f, const char *actor)
{
	static const struct save sv = { STMT_PARTNERSHIP_SNAPSHOT, STMT_PARTNERSHIP_INSERT,
	    STMT_PARTNERSHIP_UPDATE, PF_SEEN, "partnership", 0 };

	if (record_partnership_check(f, 0))	/* the checks that need no lock, before taking it */
		return CHANGE_INVALID;
	return save(&sv, id, f, actor);
}

enum change_result
record_activity_save(long long partnership_id, long long *id, struct form *f, const char *actor)
{
	struct save sv = { STMT_ACTIVITY_SNAPSHOT, STMT_ACTIVITY_INSERT, STMT_ACTIVITY_UPDATE,
	    AF_SEEN, "activity", partnership_id };

	return save(&sv, id, f, actor);
}

enum change_result
record_activity_delete(long long partnership_id, long long id, const char *seen, const char *actor)
{
	struct snapshot before;
	enum change_result r;
	sqlite3_stmt *s;
	long long audit_id;
	const char *p;
	char fp[FINGERPRINT_CHARS + 1], note[40];
	int rc;

	if ((r = change_begin()) != CHANGE_OK)
		return r;
	if (snapshot_take(&before, STMT_ACTIVITY_SNAPSHOT, id) < 0)
		return change_finish(CHANGE_NOT_FOUND);
	p = snapshot_value(&before, "partnership");
	snapshot_fingerprint(&before, fp);
	if (p == NULL || strtoll(p, NULL, 10) != partnership_id) {
		snapshot_free(&before);
		return change_finish(CHANGE_NOT_FOUND);
	}
	if (seen && strcmp(seen, fp) != 0) {
		snapshot_free(&before);
		return change_finish(CHANGE_STALE);
	}
	snprintf(note, sizeof note, "activity %lld", id);
	if ((audit_id = audit_open(actor, "deleted activity", 0, partnership_id, note)) < 0) {
		snapshot_free(&before);
		return change_finish(change_failed((int)-audit_id));
	}
	if ((s = db_stmt(STMT_ACTIVITY_DELETE)) == NULL)
		rc = SQLITE_ERROR;
	else {
		sqlite3_bind_int64(s, 1, id);
		rc = db_write(s);
	}
	return audit_finish(rc, audit_id, STMT_ACTIVITY_SNAPSHOT, id, &before);
}

int
record_activity_insert(long long partnership_id, const struct form *f)
{
	sqlite3_stmt *s = db_stmt(STMT_ACTIVITY_INSERT);

	if (s == NULL)
		return SQLITE_ERROR;
	bind_fields(s, f, partnership_id);
	return db_write(s);
}
