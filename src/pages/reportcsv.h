/*
 * reportcsv.h - the impact report's CSV tables (GET /report?format=csv&table=…).
 */
#ifndef LIAISON_REPORTCSV_H
#define LIAISON_REPORTCSV_H
#include "params.h"
#include "report.h"

struct req;

/* In report_tables' order; from TABLE_PARTNERSHIPS on, for signed-in readers only. */
enum report_table { TABLE_SUMMARY, TABLE_OUTCOMES, TABLE_IMLS, TABLE_PARTNERSHIPS, TABLE_ACTIVITIES };
extern const struct param_choice report_tables[];

/*
 * Writes table for rq. summary, outcomes and imls need rq->now and rq->before loaded;
 * partnerships and activities read the database as they go. Answers 503 itself when the
 * database cannot be read before anything was sent.
 */
void	report_csv(struct req *, const struct report_request *rq, enum report_table table);
#endif
