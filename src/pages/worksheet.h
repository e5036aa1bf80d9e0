/*
 * worksheet.h - the printable IMLS survey worksheet (GET /report/worksheet?fy=…): each program
 * item with its number, variable name, label and value for the period, and the survey's edit
 * checks shown as passed or failed, for whoever fills in the state's return.
 */
#ifndef LIAISON_WORKSHEET_H
#define LIAISON_WORKSHEET_H
#include "report.h"

struct req;

/* Draws the worksheet of rq (rq->now loaded); scope_name is "" or the host or partnership. */
void	report_worksheet(struct req *, const struct report_request *rq, const char *scope_name,
	    const char *report_href);
#endif
