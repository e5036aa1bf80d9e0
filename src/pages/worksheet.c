/*
 * worksheet.c - the printable IMLS survey worksheet (worksheet.h). The items and their values
 * come from survey.c, as the imls CSV table's do, so the two never disagree.
 */
#include <stdio.h>

#include "measure.h"
#include "staffpage.h"
#include "survey.h"
#include "view.h"
#include "worksheet.h"

void
report_worksheet(struct req *r, const struct report_request *rq, const char *scope_name,
    const char *report_href)
{
	char title[600], num[32];
	struct view *v;
	struct view_dict *body;
	int failed = 0;

	snprintf(title, sizeof title, "IMLS survey worksheet %s%s%s", rq->period.name,
	    scope_name[0] ? ", " : "", scope_name);
	v = staff_page(r, 200, title, "worksheet.tpl");
	body = view_body(v);
	view_set(body, "PERIOD", rq->period.name);
	view_set(body, "FROM", rq->period.from);
	view_set(body, "TO", rq->period.to);
	view_set(body, "REPORT_HREF", report_href);
	if (scope_name[0])
		view_set(view_section(body, "SCOPE"), "NAME", scope_name);
	for (int i = 0; i < survey_item_count; i++) {
		struct view_dict *d = view_section(body, "ITEM");
		view_set_int(d, "NUMBER", survey_items[i].number);
		view_set(d, "VARIABLE", survey_items[i].variable);
		view_set(d, "LABEL", survey_items[i].label);
		measure_grouped(num, sizeof num, survey_value(i, &rq->now));
		view_set(d, "VALUE", num);
		/* the totals stand out: they are what the edit checks compare */
		if (survey_items[i].number % 10 == 0 || survey_items[i].number % 10 == 9)
			view_show(d, "TOTAL");
	}
	for (int i = 0; i < survey_check_count; i++) {
		struct view_dict *d = view_section(body, "CHECK");
		long long a = survey_value_of(survey_checks[i].left, &rq->now);
		long long b = survey_value_of(survey_checks[i].right, &rq->now);
		view_set(d, "LABEL", survey_checks[i].label);
		measure_grouped(num, sizeof num, a);
		view_set(d, "LEFT", num);
		measure_grouped(num, sizeof num, b);
		view_set(d, "RIGHT", num);
		view_show(d, a == b ? "PASSED" : "FAILED");
		failed += a != b;
	}
	if (failed)
		view_show(body, "ANY_FAILED");
	view_page_finish(v, r);
}
