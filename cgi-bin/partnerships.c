/*
 * partnerships.c - recording partnerships and the activities done in them (staff pages).
 * Routes (PATH_INFO under /partnerships), each with the role it needs:
 *
 *   GET  /partnerships?status=                  every partnership                      board
 *   GET  /partnerships/new, POST                record a new partnership               staff
 *   GET  /partnerships/ID                       details, goals, running totals,
 *                                               activities newest first, history       board
 *   GET  /partnerships/ID/edit, POST            edit it                                staff
 *   GET  /partnerships/ID/activities/new, POST  record an activity                     staff
 *   GET  /partnerships/ID/activities/AID, POST  an activity: read (board), edit (staff)
 *   GET  /partnerships/ID/activities/AID/delete, POST   confirm, then delete          staff
 *   GET  /partnerships/ID/review, POST          this fiscal year's review (reviewpage.c) staff
 *
 * routes[] at the end is what enforces these (route.h).
 *
 * A saved form answers 303 to the partnership's page, which says what was done. A form with
 * problems comes back (400) with each one beside its field; one that someone else saved over
 * meanwhile comes back (409) with their values named beside the fields they changed.
 */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "form.h"
#include "formview.h"
#include "http.h"
#include "serve.h"
#include "measure.h"
#include "ownpage.h"
#include "params.h"
#include "partnership.h"
#include "record.h"
#include "reviewpage.h"
#include "route.h"
#include "staffpage.h"
#include "token.h"
#include "view.h"

#define ACTIVITY_PAGE	100

enum key { KEY_CSRF, KEY_STATUS, KEY_DONE, KEY_SEEN, KEY_PAGE, KEY__MAX };
static const struct param_choice dones[] = {
	{ "recorded", "the partnership was recorded" }, { "edited", "the partnership was saved" },
	{ "activity", "the activity was recorded" }, { "activity-edited", "the activity was saved" },
	{ "deleted", "the activity was deleted" }, { "reviewed", "the review was saved" },
	{ NULL, NULL }
};
static const struct param_spec keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
	[KEY_STATUS] = { "status", PARAM_ENUM, 0, 0, partnership_statuses, NULL, NULL },
	[KEY_DONE] = { "done", PARAM_ENUM, 0, 0, dones, NULL, NULL },
	[KEY_SEEN] = { "seen", PARAM_TEXT, 0, FINGERPRINT_CHARS, NULL, NULL, NULL },
	[KEY_PAGE] = { "page", PARAM_INT, 1, 100000, NULL, NULL, NULL },
};

static struct form form;
static struct params p;
static char body_buf[FORM_INPUT_MAX + 1];
/* Where posted bodies are read into, and which parameter is the staff token. */
static const struct staff_post post = { body_buf, sizeof body_buf, &p, keys, KEY__MAX, KEY_CSRF };

static const char *
format_name(const char *code)
{
	return strcmp(code, "hybrid") == 0 ? "Hybrid" : strcmp(code, "virtual") == 0 ? "Virtual" :
	    "In person";
}

/* A page whose reading failed is not shown cut short: it is dropped, and a 503 goes instead. */
static void
read_failed(struct req *r, struct view *v, const struct db_cursor *c)
{
	if (v)
		view_page_discard(v);
	req_error(r, 503, db_is_busy(c->rc) ? "The records are busy; reload in a moment." :
	    "The records cannot be read; reload in a moment.");
}


/*
 * A record looked up for a page: found (1) goes on; none (0) is a 404 saying missing; a
 * database that failed (-1) is a 503, never a 404. Returns 1 when found.
 */
static int
looked_up(struct req *r, int found, const char *missing)
{
	if (found == 1)
		return 1;
	if (found < 0)
		req_error(r, 503, "The records cannot be read; reload in a moment.");
	else
		req_error(r, 404, missing);
	return 0;
}

/* --- the list ------------------------------------------------------------------------------ */

static void
show_list(struct req *r, const struct route_args *a)
{
	struct db_cursor c;
	struct partnership_list_row row;
	struct view *v;
	struct view_dict *body;
	char href[400];
	int rows = 0, rc;

	if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
		req_error(r, 400, p.error);
		return;
	}
	if (partnership_list_open(&c, p.v[KEY_STATUS].present ? p.v[KEY_STATUS].str : NULL) < 0) {
		req_error(r, 503, "The records cannot be read; reload in a moment.");
		return;
	}
	v = staff_page(r, 200, "Partnerships", "partnerships.tpl");
	body = view_body(v);
	view_set(body, "SELF", partnerships_base);
	if (staff_who.role >= ROLE_STAFF)
		view_show(body, "CAN_WRITE");
	formview_menu(body, "STATUS_OPTION", partnership_statuses,
	    p.v[KEY_STATUS].present ? p.v[KEY_STATUS].str : NULL);
	while ((rc = partnership_list_next(&c, &row)) == 1) {
		struct view_dict *d = view_section(body, "ROW");
		snprintf(href, sizeof href, "%s/%lld", partnerships_base, row.id);
		view_set(d, "HREF", href);
		view_set(d, "HOST", row.host);
		view_set(d, "PARTNER", row.partner);
		view_set(d, "KIND", record_label(&partnership_fields[PF_KIND], row.kind));
		view_set(d, "STATUS", record_label(&partnership_fields[PF_STATUS], row.status));
		view_set(d, "START", row.start_on);
		view_set(d, "LAST", row.last ? row.last : "none yet");
		view_set_int(d, "COUNT", row.activities);
		view_set(d, "LEAD", row.lead);
		rows++;
	}
	db_cursor_close(&c);
	if (rc < 0) {
		read_failed(r, v, &c);
		return;
	}
	view_set_int(body, "TOTAL", rows);
	view_show(body, rows ? "SOME" : "NONE");
	view_page_finish(v, r);
}

/* --- one partnership ---------------------------------------------------------------------- */

/* The running totals, in the order of enum partnership_total (partnership.h). */
enum total_kind { T_COUNT, T_HOURS, T_MONEY, T_SHARE };
static const struct { const char *label; enum total_kind kind; } totals[PT__MAX] = {
	{ "Activities", T_COUNT },
	{ "Program sessions in person", T_COUNT }, { "Program sessions virtual", T_COUNT },
	{ "Program attendance in person", T_COUNT }, { "Program attendance virtual", T_COUNT },
	{ "Outreach sessions", T_COUNT }, { "Outreach attendance", T_COUNT },
	{ "Staff hours", T_HOURS }, { "Volunteer hours", T_HOURS },
	{ "Library's cost", T_MONEY }, { "Partner's cost", T_MONEY }, { "In-kind value", T_MONEY },
	{ "Materials exchanged", T_COUNT }, { "Survey respondents", T_COUNT },
	{ "Learned something", T_SHARE }, { "More confident", T_SHARE },
	{ "Will use it", T_SHARE }, { "More aware of the library", T_SHARE },
};

static void
fill_totals(struct view_dict *body, const struct partnership_totals *pt)
{
	for (int c = 0; c < PT__MAX; c++) {
		struct view_dict *t = view_section(body, "TOTAL");
		long long n = pt->v[c];
		char text[48];

		switch (totals[c].kind) {
		case T_COUNT: measure_grouped(text, sizeof text, n); break;
		case T_HOURS: snprintf(text, sizeof text, "%.1f", (double)n / 60.0); break;
		case T_MONEY: measure_money_text(text, sizeof text, n); break;
		case T_SHARE: {
			/* over the activities that asked this question only: a blank is not a 0 */
			long long asked = pt->asked_respondents[c - PT_AGREE_KNOWLEDGE];
			if (asked)
				snprintf(text, sizeof text, "%lld%%", (n * 100 + asked / 2) / asked);
			else
				snprintf(text, sizeof text, "not asked");
			break;
		}
		}
		view_set(t, "LABEL", totals[c].label);
		view_set(t, "VALUE", text);
	}
	if (pt->last[0])
		view_set(view_section(body, "LAST"), "DAY", pt->last);
}

/* Page page of the activities (count in all); 0, or -1 with c telling why they could not be read. */
static int
fill_activities(struct view_dict *body, struct db_cursor *c, long long id, long long count, long page)
{
	struct partnership_activity_row a;
	struct view_dict *list;
	char href[500], text[48];
	int shown = 0, rc;

	c->rc = SQLITE_OK;
	if (count == 0) {
		view_show(body, "NO_ACTIVITIES");
		return 0;
	}
	if (partnership_activities_open(c, id, ACTIVITY_PAGE, (page - 1) * ACTIVITY_PAGE) < 0)
		return -1;
	list = view_section(body, "ACTIVITIES");
	while ((rc = partnership_activity_next(c, &a)) == 1) {
		struct view_dict *d = view_section(list, "ACTIVITY");
		snprintf(href, sizeof href, "%s/%lld/activities/%lld", partnerships_base, id, a.id);
		view_set(d, "HREF", href);
		view_set(d, "DAY", a.held_on);
		view_set(d, "TYPE", a.type);
		view_set(d, "COUNTED", a.is_program ? "program" : "outreach");
		view_set(d, "FORMAT", format_name(a.format));
		view_set_int(d, "SESSIONS", a.sessions);
		measure_grouped(text, sizeof text, a.in_person);
		view_set(d, "IN_PERSON", text);
		measure_grouped(text, sizeof text, a.online);
		view_set(d, "ONLINE", text);
		snprintf(text, sizeof text, "%.1f", (double)a.minutes / 60.0);
		view_set(d, "HOURS", text);
		measure_money_text(text, sizeof text, a.cost_cents);
		view_set(d, "COST", text);
		view_set(d, "NOTES", a.notes);
		/* a program whose target audience no one gave: inferred (schema 021), to check */
		if (a.audience_inferred) {
			view_show(d, "TO_CHECK");
			view_show(list, "ANY_TO_CHECK");
		}
		shown++;
	}
	db_cursor_close(c);
	if (rc < 0)
		return -1;
	if ((page - 1) * ACTIVITY_PAGE + shown < count) {
		struct view_dict *more = view_section(list, "MORE");
		view_set_int(more, "SHOWN", (page - 1) * ACTIVITY_PAGE + shown);
		view_set_int(more, "COUNT", count);
		snprintf(href, sizeof href, "%s/%lld?page=%ld", partnerships_base, id, page + 1);
		view_set(more, "HREF", href);
	}
	return 0;
}

static void
show_partnership(struct req *r, const struct route_args *a)
{
	long long id = a->ids[0];
	struct db_cursor c;
	struct partnership_page pg;
	struct partnership_goal g;
	struct partnership_totals pt;
	struct view *v;
	struct view_dict *body, *goals = NULL;
	char title[500], self[400];
	long long count = 0;
	int rc;

	if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
		req_error(r, 400, p.error);
		return;
	}
	if ((rc = partnership_find(&c, id, &pg)) != 1) {
		if (rc < 0)
			read_failed(r, NULL, &c);
		else
			req_error(r, 404, "There is no partnership with this number.");
		return;
	}
	snprintf(title, sizeof title, "%s — %s", pg.host, pg.partner);
	v = staff_page(r, 200, title, "partnership.tpl");
	body = view_body(v);
	snprintf(self, sizeof self, "%s/%lld", partnerships_base, id);
	view_set(body, "SELF", self);
	view_set(body, "LIST", partnerships_base);
	view_set(body, "HOST", pg.host);
	view_set(body, "PARTNER", pg.partner);
	view_set(body, "KIND", record_label(&partnership_fields[PF_KIND], pg.kind));
	view_set(body, "COMMITMENT", record_label(&partnership_fields[PF_COMMITMENT], pg.commitment));
	view_set(body, "STATUS", pg.status);
	view_set(body, "STATUS_LABEL", record_label(&partnership_fields[PF_STATUS], pg.status));
	view_set(body, "START", pg.start_on);
	if (pg.end_on[0])
		view_set(view_section(body, "END"), "DAY", pg.end_on);
	else
		view_show(body, "ONGOING");
	if (pg.host_gives[0])
		view_set(view_section(body, "HOST_GIVES"), "TEXT", pg.host_gives);
	if (pg.partner_gives[0])
		view_set(view_section(body, "PARTNER_GIVES"), "TEXT", pg.partner_gives);
	if (pg.lead[0])
		view_set(view_section(body, "LEAD"), "NAME", pg.lead);
	view_set(body, "COUNTRY", pg.country);
	db_cursor_close(&c);
	if (staff_who.role >= ROLE_STAFF)
		view_show(body, "CAN_WRITE");
	if (p.v[KEY_DONE].present)
		for (int i = 0; dones[i].value; i++)
			if (strcmp(dones[i].value, p.v[KEY_DONE].str) == 0)
				view_set(view_section(body, "DONE"), "TEXT", dones[i].label);
	if (partnership_goals_open(&c, id) < 0) {
		read_failed(r, v, &c);
		return;
	}
	while ((rc = partnership_goal_next(&c, &g)) == 1) {
		struct view_dict *d;
		if (goals == NULL)
			goals = view_section(body, "GOALS");
		d = view_section(goals, "GOAL");
		view_set(d, "GOAL", g.goal);
		if (g.measure[0])
			view_set(view_section(d, "MEASURE"), "TEXT", g.measure);
	}
	db_cursor_close(&c);
	if (rc < 0 || partnership_totals(id, &pt) < 0 || partnership_activity_count(id, &count) < 0) {
		read_failed(r, v, &c);
		return;
	}
	fill_totals(body, &pt);
	if (fill_activities(body, &c, id, count, p.v[KEY_PAGE].present ? p.v[KEY_PAGE].num : 1) < 0) {
		read_failed(r, v, &c);
		return;
	}
	if (reviewpage_history(body, id) < 0) {
		c.rc = SQLITE_ERROR;
		read_failed(r, v, &c);
		return;
	}
	rc = audit_open_for_partnership(&c, id) < 0 ? -1 : staff_fill_events(body, c.stmt, 0);
	db_cursor_close(&c);
	if (rc < 0) {
		c.rc = SQLITE_ERROR;	/* why is not kept: say "cannot be read" */
		read_failed(r, v, &c);
		return;
	}
	view_page_finish(v, r);
}

/* --- the forms --------------------------------------------------------------------------------- */

/*
 * A form page: heading, the form posting to action, its problem (or NULL), parent (the
 * partnership's page, or NULL) and a delete link (or NULL).
 */
static void
show_form(struct req *r, int status, const char *heading, const char *action, const char *button,
    const char *problem, const struct span *parent, long long partnership_id, const char *delete_href)
{
	struct view *v = staff_page(r, status, heading, "record.tpl");
	struct view_dict *body = view_body(v);
	char href[400];

	view_set(body, "HEADING", heading);
	view_set(body, "LIST", partnerships_base);
	view_set(body, "ACTION", action);
	view_set(body, "BUTTON", button);
	if (parent) {
		struct view_dict *pd = view_section(body, "PARENT");
		snprintf(href, sizeof href, "%s/%lld", partnerships_base, partnership_id);
		view_set(pd, "HREF", href);
		view_set(pd, "NAME", parent->name);
		if (parent->end[0])
			snprintf(href, sizeof href, "The partnership ran from %s to %s.", parent->start, parent->end);
		else
			snprintf(href, sizeof href, "The partnership began on %s.", parent->start);
		view_set(view_section(body, "LEDE"), "TEXT", href);
	}
	if (problem)
		view_set(view_section(body, "PROBLEM"), "TEXT", problem);
	if (staff_who.role >= ROLE_STAFF) {
		view_show(body, "EDITABLE");
		if (delete_href)
			view_set(view_section(body, "DELETE"), "HREF", delete_href);
	} else
		view_show(body, "READONLY");
	formview_fill(view_include(body, "FIELDS", "formfields.tpl"), &form, 0);
	view_page_finish(v, r);
}

/* What a failed save says, and its status. */
static int
save_problem(enum change_result rc, const char **problem)
{
	switch (rc) {
	case CHANGE_INVALID:
		*problem = "Nothing was saved: correct what is marked.";
		return 400;
	case CHANGE_STALE:
		form_fail(&form, -1, "Someone else saved this record while you were editing it.");
		*problem = "Nothing was saved: someone else saved this record while you were editing. "
		    "Their values are named beside each field they changed; yours are still in the form. "
		    "Check them, then save again to keep yours.";
		return 409;
	case CHANGE_NOT_FOUND:
		*problem = "This record no longer exists: someone deleted it.";
		return 404;
	default:
		*problem = "The records are busy; nothing was saved. Send the form again in a moment.";
		return 503;
	}
}

/*
 * A new partnership's host starts on the library of whoever records it ("Your account"), else
 * the site's (LIAISON_DEFAULT_HOST), so staff do not look for it among every library each
 * time; a number that is no choice of the menu simply selects nothing.
 */
static void
preselect_host(struct form *f)
{
	long long id = own_default_host();
	char host[24];

	if (id > 0) {
		snprintf(host, sizeof host, "%lld", id);
		form_set(f, PF_HOST, host);
	}
}

static void
partnership_form(struct req *r, const struct route_args *a)
{
	long long id = a->ids[0];	/* 0 for /new */
	char action[400], done[500];
	const char *heading = id ? "Edit the partnership" : "Record a new partnership", *problem = NULL;
	enum change_result rc;
	int status;

	if (id)
		snprintf(action, sizeof action, "%s/%lld/edit", partnerships_base, id);
	else
		snprintf(action, sizeof action, "%s/new", partnerships_base);
	if (r->method != METHOD_POST) {
		if (id == 0) {
			record_partnership_defaults(&form);
			preselect_host(&form);
		} else if (!looked_up(r, record_partnership_load(&form, id),
		    "There is no partnership with this number."))
			return;
		show_form(r, 200, heading, action, "Save the partnership", NULL, NULL, 0, NULL);
		return;
	}
	if (!staff_read_post(r, &post, &form, partnership_fields, PF__MAX))
		return;
	record_partnership_check(&form, id);
	rc = form.nerrors ? CHANGE_INVALID : record_partnership_save(&id, &form, staff_who.name);
	if (rc == CHANGE_OK) {
		snprintf(done, sizeof done, "%s/%lld?done=%s", partnerships_base, id,
		    strstr(action, "/edit") ? "edited" : "recorded");
		staff_redirect(r, done, NULL);
		return;
	}
	status = save_problem(rc, &problem);
	show_form(r, status, heading, action, "Save the partnership", problem, NULL, 0, NULL);
}

static void
activity_form(struct req *r, const struct route_args *a)
{
	long long pid = a->ids[0], id = a->ids[1];	/* 0 for /activities/new */
	struct span span;
	char action[400], done[500], del[450];
	const char *heading = id ? "Activity" : "Record an activity", *problem = NULL;
	long long owner = pid;
	enum change_result rc;
	int status, found;

	if ((found = record_span(pid, &span)) == 1 && id &&
	    (found = record_activity_load(&form, id, &owner)) == 1 && owner != pid)
		found = 0;
	if (!looked_up(r, found, id ? "There is no such activity in this partnership." :
	    "There is no partnership with this number."))
		return;
	if (id) {
		snprintf(action, sizeof action, "%s/%lld/activities/%lld", partnerships_base, pid, id);
		snprintf(del, sizeof del, "%s/delete", action);
	} else
		snprintf(action, sizeof action, "%s/%lld/activities/new", partnerships_base, pid);
	if (r->method != METHOD_POST) {
		if (id == 0)
			record_activity_defaults(&form, &span);
		show_form(r, 200, heading, action, "Save the activity", NULL, &span, pid, id ? del : NULL);
		return;
	}
	if (!staff_read_post(r, &post, &form, activity_fields, AF__MAX))
		return;
	record_activity_check(&form, &span);
	rc = form.nerrors ? CHANGE_INVALID : record_activity_save(pid, &id, &form, staff_who.name);
	if (rc == CHANGE_OK) {
		snprintf(done, sizeof done, "%s/%lld?done=%s", partnerships_base, pid,
		    strstr(action, "/new") ? "activity" : "activity-edited");
		staff_redirect(r, done, NULL);
		return;
	}
	status = save_problem(rc, &problem);
	show_form(r, status, heading, action, "Save the activity", problem, &span, pid,
	    strstr(action, "/new") ? NULL : del);
}

static void
activity_delete(struct req *r, const struct route_args *a)
{
	long long pid = a->ids[0], id = a->ids[1];
	struct span span;
	struct view *v;
	struct view_dict *body;
	struct db_cursor failed = { NULL, SQLITE_OK };
	char action[450], parent[400], done[450], text[64], type[64];
	long long owner = 0, attendance = 0;
	const char *problem = NULL;
	int status = 200, found;

	if ((found = record_span(pid, &span)) == 1 &&
	    (found = record_activity_load(&form, id, &owner)) == 1 && owner != pid)
		found = 0;
	if (!looked_up(r, found, "There is no such activity in this partnership."))
		return;
	snprintf(parent, sizeof parent, "%s/%lld", partnerships_base, pid);
	snprintf(action, sizeof action, "%s/activities/%lld/delete", parent, id);
	if (r->method == METHOD_POST) {
		if (!staff_read_post(r, &post, &form, NULL, 0))
			return;
		switch (record_activity_delete(pid, id, p.v[KEY_SEEN].present ? p.v[KEY_SEEN].str : "",
		    staff_who.name)) {
		case CHANGE_OK:
			snprintf(done, sizeof done, "%s?done=deleted", parent);
			staff_redirect(r, done, NULL);
			return;
		case CHANGE_STALE:
			status = 409;
			problem = "Someone changed this activity since you opened this page; here it is "
			    "as it is now. Delete it still?";
			break;
		case CHANGE_NOT_FOUND:
			req_error(r, 404, "There is no such activity in this partnership.");
			return;
		default:
			status = 503;
			problem = "The records are busy; nothing was deleted. Try again in a moment.";
		}
		/* As it is now; one deleted meanwhile shows as a blank form, as before. */
		if (record_activity_load(&form, id, &owner) < 0) {
			read_failed(r, NULL, &failed);
			return;
		}
	}
	if (partnership_activity_type_label(form.v[AF_TYPE].str, type, sizeof type) < 0) {
		read_failed(r, NULL, &failed);
		return;
	}
	v = staff_page(r, status, "Delete this activity?", "activity_delete.tpl");
	body = view_body(v);
	view_set(body, "LIST", partnerships_base);
	view_set(body, "PARENT", parent);
	view_set(body, "NAME", span.name);
	view_set(body, "ACTION", action);
	snprintf(done, sizeof done, "%s/activities/%lld", parent, id);
	view_set(body, "BACK", done);
	view_set(body, "SEEN", form.v[AF_SEEN].str);
	view_set(body, "DAY", form.v[AF_HELD_ON].str);
	view_set(body, "TYPE", type);
	form_check(&form);	/* reads the counts into num */
	for (int k = AF_0_5_IN; k < AF_0_5_IN + 2 * AF_ATTENDANCE_BANDS; k++)
		attendance += form.v[k].num;
	measure_grouped(text, sizeof text, attendance);
	view_set(body, "ATTENDANCE", text);
	if (form.v[AF_NOTES].str[0])
		view_set(view_section(body, "NOTES"), "TEXT", form.v[AF_NOTES].str);
	if (problem)
		view_set(view_section(body, "PROBLEM"), "TEXT", problem);
	view_page_finish(v, r);
}

/* --- routes ------------------------------------------------------------------------------------ */

/* The yearly review: reviewpage.c has the form, its goals and its saving. */
static void
review_form(struct req *r, const struct route_args *a)
{
	reviewpage_form(r, a->ids[0]);
}

static const struct route routes[] = {
	{ "", ROUTE_GET, PAGE_ROLE_PARTNERSHIPS, show_list },
	{ "/new", ROUTE_GET | ROUTE_POST, ROLE_STAFF, partnership_form },
	{ "/#", ROUTE_GET, ROLE_BOARD, show_partnership },
	{ "/#/edit", ROUTE_GET | ROUTE_POST, ROLE_STAFF, partnership_form },
	{ "/#/activities/new", ROUTE_GET | ROUTE_POST, ROLE_STAFF, activity_form },
	{ "/#/activities/#", ROUTE_GET, ROLE_BOARD, activity_form },
	{ "/#/activities/#", ROUTE_POST, ROLE_STAFF, activity_form },
	{ "/#/activities/#/delete", ROUTE_GET | ROUTE_POST, ROLE_STAFF, activity_delete },
	{ "/#/review", ROUTE_GET | ROUTE_POST, ROLE_STAFF, review_form },
};
static const struct route_table table = { routes, sizeof routes / sizeof routes[0], ROLE_BOARD,
	"There is no page at this address." };

static void
handle(struct req *r)
{
	staff_begin(r);
	route_dispatch(r, &table);
}

int
main(void)
{
	static const struct program partnerships = { "partnerships", handle, NULL };
	return http_serve(&partnerships);
}
