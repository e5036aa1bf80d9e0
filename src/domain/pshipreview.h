/*
 * pshipreview.h - a partnership's yearly review (issue 20, schema 020): how far each goal was
 * met, communication, shared commitment and a fair give-and-take, each scored 1 (poor) to 5
 * (excellent), whether to continue, change or end it, and a note. One a fiscal year: saving
 * again in the same year replaces it, audited like every other change to a partnership.
 */
#ifndef LIAISON_PSHIPREVIEW_H
#define LIAISON_PSHIPREVIEW_H

#include "audit.h"
#include "db.h"
#include "params.h"

#define REVIEW_GOALS_MAX	10	/* a partnership's goals the form scores (the form's limit too) */
#define REVIEW_NOTE_MAX		4000	/* characters, as the form counts them */
/* Bytes to hold n characters of UTF-8 and the NUL: a goal is at most 300 characters (record.c). */
#define REVIEW_UTF8_BYTES(n)	(4 * (n) + 1)

struct partnership_review {
	long long	id;
	int		fiscal_year;
	char		reviewed_on[11];
	int		ngoals;
	char		goal[REVIEW_GOALS_MAX][REVIEW_UTF8_BYTES(300)];
	int		goal_score[REVIEW_GOALS_MAX];
	int		communication, commitment, give_and_take;
	char		decision[12];		/* continue, change or end */
	char		note[REVIEW_UTF8_BYTES(REVIEW_NOTE_MAX)];
	char		reviewed_by[128];
};

/* The fiscal year day (YYYY-MM-DD) is in, named by the calendar year it ends in. */
int	review_fiscal_year(const char *day);
/* The decisions, as the form offers them (NULL-ended). */
extern const struct param_choice review_decisions[];
/* What a decision code reads as ("Continue as it is"), or NULL for none of them. */
const char *review_decision_label(const char *code);

/* A partnership's reviews, newest year first (only fiscal_year's when it is not 0). */
int	review_list_open(struct db_cursor *, long long partnership_id, int fiscal_year);
/* 1 with *rv filled (goals included), 0 at the end, -1 on a failure. */
int	review_list_next(struct db_cursor *, struct partnership_review *rv);

/*
 * Saves rv (fiscal_year set from reviewed_on) for partnership_id by actor in one transaction,
 * replacing that year's review if there is one; audited on the partnership.
 */
enum change_result review_save(long long partnership_id, struct partnership_review *rv,
	    const char *actor);

#endif
