/*
 * reviewpage.c - the yearly review of a partnership, as staff fill it in and as the
 * partnership's page shows it. The form is drawn and checked by the same form code as every
 * other staff form; its fields are the partnership's own goals (each scored) and the four
 * questions partnership guides ask every year.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "formview.h"
#include "http.h"
#include "partnership.h"
#include "period.h"
#include "pshipreview.h"
#include "record.h"
#include "reviewpage.h"
#include "staffpage.h"
#include "token.h"
#include "view.h"

static const struct param_choice scores[] = {
	{ "5", "5, excellent" }, { "4", "4, good" }, { "3", "3, fair" }, { "2", "2, weak" },
	{ "1", "1, poor" }, { NULL, NULL }
};
static const char *const goal_names[REVIEW_GOALS_MAX] = {
	"goal1", "goal2", "goal3", "goal4", "goal5", "goal6", "goal7", "goal8", "goal9", "goal10"
};

/* The fixed fields, after the goals' (filled in per partnership by make_spec). */
enum { RF_DAY, RF_COMMUNICATION, RF_COMMITMENT, RF_GIVE_AND_TAKE, RF_DECISION, RF_NOTE, RF__FIXED };
static const struct field_spec fixed[RF__FIXED] = {
	[RF_DAY] = { "reviewed_on", "Reviewed on", FIELD_DATE, 1, 0,
	    "The review counts for the fiscal year this day is in; saving another in the same year "
	    "replaces it.", NULL, 0, 0, NULL, NULL },
	[RF_COMMUNICATION] = { "communication", "Communication between the partners", FIELD_CHOICE, 1, 0,
	    "Were messages answered, meetings kept, changes told in time?", scores, 0, 0,
	    "The partnership", NULL },
	[RF_COMMITMENT] = { "commitment", "Shared commitment", FIELD_CHOICE, 1, 0,
	    "Did both partners put in what they said they would?", scores, 0, 0, NULL, NULL },
	[RF_GIVE_AND_TAKE] = { "give_and_take", "A fair give-and-take", FIELD_CHOICE, 1, 0,
	    "Did each partner get something worth its effort?", scores, 0, 0, NULL, NULL },
	[RF_DECISION] = { "decision", "Next year", FIELD_CHOICE, 1, 0, NULL, review_decisions, 0, 0,
	    "What next", NULL },
	[RF_NOTE] = { "note", "Note", FIELD_LONGTEXT, 0, REVIEW_NOTE_MAX,
	    "What went well, what to change, what the partner said.", NULL, 0, 0, NULL, NULL },
};

static struct field_spec spec[REVIEW_GOALS_MAX + RF__FIXED + 1];
static char goal_text[REVIEW_GOALS_MAX][REVIEW_UTF8_BYTES(300)];
static int ngoals;
static struct form form;
static struct params p;
static char body_buf[FORM_INPUT_MAX + 1];
enum { KEY_CSRF, KEY__MAX };
static const struct param_spec keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
};
static const struct staff_post post = { body_buf, sizeof body_buf, &p, keys, KEY__MAX, KEY_CSRF };

/* The spec: the day, one field per goal of the partnership, then the fixed questions. */
static int
make_spec(long long partnership_id, size_t *n)
{
	struct db_cursor c;
	struct partnership_goal g;
	int rc;

	ngoals = 0;
	if (partnership_goals_open(&c, partnership_id) < 0)
		return -1;
	while ((rc = partnership_goal_next(&c, &g)) == 1 && ngoals < REVIEW_GOALS_MAX)
		snprintf(goal_text[ngoals++], sizeof goal_text[0], "%s", g.goal);
	db_cursor_close(&c);
	if (rc < 0)
		return -1;
	*n = 0;
	spec[(*n)++] = fixed[RF_DAY];
	for (int i = 0; i < ngoals; i++)
		spec[(*n)++] = (struct field_spec){ goal_names[i], goal_text[i], FIELD_CHOICE, 1, 0,
		    NULL, scores, 0, 0, i == 0 ? "How far was each goal met?" : NULL, NULL };
	for (int k = RF_COMMUNICATION; k < RF__FIXED; k++)
		spec[(*n)++] = fixed[k];
	return 0;
}

/* Field k of the fixed ones, past the goals. */
#define FIXED(k)	((k) == RF_DAY ? 0 : ngoals + (k))

static void
defaults(long long partnership_id, size_t n)
{
	struct db_cursor c;
	struct partnership_review *rv = malloc(sizeof *rv);
	char today[11], num[4];

	form_init(&form, spec, n);
	period_today(today);
	form_set(&form, FIXED(RF_DAY), today);
	if (rv == NULL || review_list_open(&c, partnership_id, review_fiscal_year(today)) < 0) {
		free(rv);
		return;
	}
	/* This year's review, to be changed: its scores (a goal by its words, should they have
	 * moved), its decision and note. */
	if (review_list_next(&c, rv) == 1) {
		form_set(&form, FIXED(RF_DAY), rv->reviewed_on);
		for (int i = 0; i < ngoals; i++)
			for (int j = 0; j < rv->ngoals; j++)
				if (strcmp(rv->goal[j], goal_text[i]) == 0) {
					snprintf(num, sizeof num, "%d", rv->goal_score[j]);
					form_set(&form, 1 + i, num);
				}
		snprintf(num, sizeof num, "%d", rv->communication);
		form_set(&form, FIXED(RF_COMMUNICATION), num);
		snprintf(num, sizeof num, "%d", rv->commitment);
		form_set(&form, FIXED(RF_COMMITMENT), num);
		snprintf(num, sizeof num, "%d", rv->give_and_take);
		form_set(&form, FIXED(RF_GIVE_AND_TAKE), num);
		form_set(&form, FIXED(RF_DECISION), rv->decision);
		form_set(&form, FIXED(RF_NOTE), rv->note);
	}
	db_cursor_close(&c);
	free(rv);
}

static void
show(struct req *r, int status, long long partnership_id, const struct span *span, const char *problem)
{
	struct view *v = staff_page(r, status, "Review the partnership", "record.tpl");
	struct view_dict *body = view_body(v), *parent;
	char href[400], lede[600];

	view_set(body, "HEADING", "Review the partnership");
	view_set(body, "LIST", partnerships_base);
	snprintf(href, sizeof href, "%s/%lld/review", partnerships_base, partnership_id);
	view_set(body, "ACTION", href);
	view_set(body, "BUTTON", "Save the review");
	parent = view_section(body, "PARENT");
	snprintf(href, sizeof href, "%s/%lld", partnerships_base, partnership_id);
	view_set(parent, "HREF", href);
	view_set(parent, "NAME", span->name);
	snprintf(lede, sizeof lede, "Once a year, score how the partnership went, from 1 (poor) to 5 "
	    "(excellent), and say whether it should go on.%s", ngoals ? "" : " It has no goals "
	    "written down: edit the partnership to add them, and they will be scored here.");
	view_set(view_section(body, "LEDE"), "TEXT", lede);
	if (problem)
		view_set(view_section(body, "PROBLEM"), "TEXT", problem);
	view_show(body, "EDITABLE");
	formview_fill(view_include(body, "FIELDS", "formfields.tpl"), &form, 0);
	view_page_finish(v, r);
}

void
reviewpage_form(struct req *r, long long partnership_id)
{
	struct span span;
	struct partnership_review *rv;
	enum change_result rc;
	size_t n;
	char done[450];
	int found = record_span(partnership_id, &span);

	if (found <= 0 || make_spec(partnership_id, &n) < 0) {
		req_error(r, found == 0 ? 404 : 503, found == 0 ? "There is no partnership with this "
		    "number." : "The partnership cannot be read just now; try again in a moment.");
		return;
	}
	if (r->method != METHOD_POST) {
		defaults(partnership_id, n);
		show(r, 200, partnership_id, &span, NULL);
		return;
	}
	if (!staff_read_post(r, &post, &form, spec, n))
		return;
	if (form.nerrors) {
		show(r, 400, partnership_id, &span, "Nothing was saved: correct what is marked.");
		return;
	}
	if ((rv = calloc(1, sizeof *rv)) == NULL) {
		req_error(r, 503, "The review cannot be saved just now; try again in a moment.");
		return;
	}
	snprintf(rv->reviewed_on, sizeof rv->reviewed_on, "%s", form.v[FIXED(RF_DAY)].str);
	rv->ngoals = ngoals;
	for (int i = 0; i < ngoals; i++) {
		memcpy(rv->goal[i], goal_text[i], sizeof rv->goal[i]);	/* the same size, NUL within */
		rv->goal_score[i] = atoi(form.v[1 + i].str);
	}
	rv->communication = atoi(form.v[FIXED(RF_COMMUNICATION)].str);
	rv->commitment = atoi(form.v[FIXED(RF_COMMITMENT)].str);
	rv->give_and_take = atoi(form.v[FIXED(RF_GIVE_AND_TAKE)].str);
	snprintf(rv->decision, sizeof rv->decision, "%s", form.v[FIXED(RF_DECISION)].str);
	snprintf(rv->note, sizeof rv->note, "%s", form.v[FIXED(RF_NOTE)].str);
	rc = review_save(partnership_id, rv, staff_who.name);
	free(rv);
	if (rc == CHANGE_OK) {
		snprintf(done, sizeof done, "%s/%lld?done=reviewed", partnerships_base, partnership_id);
		staff_redirect(r, done, NULL);
		return;
	}
	show(r, rc == CHANGE_BUSY ? 503 : 500, partnership_id, &span, rc == CHANGE_BUSY ?
	    "The records are busy: nothing was saved. Send the form again in a moment." :
	    "The database refused the review: nothing was saved.");
}

int
reviewpage_history(struct view_dict *body, long long partnership_id)
{
	struct db_cursor c;
	struct partnership_review *rv = malloc(sizeof *rv);
	struct view_dict *list = NULL;
	char text[64];
	int rc;

	if (rv == NULL || review_list_open(&c, partnership_id, 0) < 0) {
		free(rv);
		return -1;
	}
	while ((rc = review_list_next(&c, rv)) == 1) {
		struct view_dict *d;
		if (list == NULL)
			list = view_section(body, "REVIEWS");
		d = view_section(list, "REVIEW");
		view_set_int(d, "FY", rv->fiscal_year);
		view_set(d, "DAY", rv->reviewed_on);
		view_set(d, "BY", rv->reviewed_by);
		for (int i = 0; i < rv->ngoals; i++) {
			struct view_dict *g = view_section(d, "GOAL");
			view_set(g, "GOAL", rv->goal[i]);
			view_set_int(g, "SCORE", rv->goal_score[i]);
		}
		view_set_int(d, "COMMUNICATION", rv->communication);
		view_set_int(d, "COMMITMENT", rv->commitment);
		view_set_int(d, "GIVE_AND_TAKE", rv->give_and_take);
		snprintf(text, sizeof text, "%s", review_decision_label(rv->decision) ?
		    review_decision_label(rv->decision) : rv->decision);
		view_set(d, "DECISION", text);
		if (rv->note[0])
			view_set(view_section(d, "NOTE"), "TEXT", rv->note);
	}
	db_cursor_close(&c);
	free(rv);
	if (list == NULL && rc == 0)
		view_show(body, "NO_REVIEWS");
	return rc < 0 ? -1 : 0;
}

/* The partnership's review of fiscal year fy, in its table row, or "Not reviewed": 1 if it has one. */
int
reviewpage_report_cell(struct view_dict *row, long long partnership_id, int fy)
{
	struct db_cursor c;
	struct partnership_review *rv = malloc(sizeof *rv);
	char goals[120] = "";
	int found = 0;

	if (rv && review_list_open(&c, partnership_id, fy) == 0) {
		if ((found = review_list_next(&c, rv)) == 1) {
			struct view_dict *d = view_section(row, "REVIEWED");
			const char *label = review_decision_label(rv->decision);
			size_t o = 0;

			view_set(d, "DECISION", label ? label : rv->decision);
			view_set(d, "DAY", rv->reviewed_on);
			for (int i = 0; i < rv->ngoals && o < sizeof goals - 8; i++)
				o += (size_t)snprintf(goals + o, sizeof goals - o, "%s%d", i ? ", " : "",
				    rv->goal_score[i]);
			view_set(d, "GOALS", rv->ngoals ? goals : "none set");
			view_set_int(d, "COMMUNICATION", rv->communication);
			view_set_int(d, "COMMITMENT", rv->commitment);
			view_set_int(d, "GIVE_AND_TAKE", rv->give_and_take);
		}
		db_cursor_close(&c);
	}
	free(rv);
	if (found != 1)
		view_show(row, "NOT_REVIEWED");
	return found == 1;
}
