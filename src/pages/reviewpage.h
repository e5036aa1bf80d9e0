/*
 * reviewpage.h - /partnerships/ID/review, a partnership's yearly review (pshipreview.h), and
 * the reviews on the partnership's own page.
 */
#ifndef LIAISON_REVIEWPAGE_H
#define LIAISON_REVIEWPAGE_H

struct req;
struct view_dict;

/* The form (GET) or its saving (POST, then 303 to the partnership with done=reviewed). */
void	reviewpage_form(struct req *, long long partnership_id);
/* Fills the REVIEWS section of partnership.tpl: every year's review, newest first. 0, or -1. */
int	reviewpage_history(struct view_dict *body, long long partnership_id);

/*
 * Fills a row of the report's partnerships table (report.tpl's REVIEWED, or NOT_REVIEWED) with
 * the partnership's review of fiscal year fy: 1 when it has one, 0 when not (or unreadable).
 */
int	reviewpage_report_cell(struct view_dict *row, long long partnership_id, int fy);

#endif
