/*
 * remind.h - entries that stay current: reminders to an entry's contact at 11 and 12 months
 * since it was last confirmed, the signed links they carry to its self-service page
 * (src/pages/managepage.c, under /apply/manage), and links a contact asks for from the profile.
 *
 * A link is /apply/manage/ID/TOKEN, TOKEN a form token (token.h) of purpose "manage-link" bound to
 * the entry's id: the site's secret signs it, it carries its own time, and it is good for
 * REMIND_LINK_DAYS. Nothing is stored per link, so a link can be used for all of its 30 days,
 * for as many actions as its page offers, and a tampered one is told from an expired one.
 *
 * Each reminder is one transaction: the reminder row (schema 014, which keeps a first or a
 * second from going twice for the same confirmation date) and the message in the outbox.
 */
#ifndef LIAISON_REMIND_H
#define LIAISON_REMIND_H

#include <time.h>

#include "audit.h"

#define REMIND_LINK_DAYS	30
#define REMIND_ASK_PER_DAY	3	/* links a profile's "Manage my entry" sends per entry and day */
#define REMIND_PER_REQUEST	3	/* reminders one request queues after its response */
#define REMIND_RUN_SECONDS	300	/* and at most one request in this many seconds tries */
#define REMIND_LINK_MAX		700

enum remind_link { REMIND_LINK_OK, REMIND_LINK_BAD, REMIND_LINK_EXPIRED };

/*
 * The link to entry id's page, made now: manage_base is the absolute address of the manage
 * pages ("https://example.org/apply/manage"). 0, or -1 when the site's key cannot be read.
 */
int	remind_link(char out[REMIND_LINK_MAX], const char *manage_base, long long id, time_t now);
/* Is token a link to entry id made within REMIND_LINK_DAYS? Tampered, or for another entry: BAD. */
enum remind_link remind_check_link(const char *token, long long id, time_t now);

struct remind_result {
	int	first, second;	/* queued */
	int	failed;		/* the database failed: stopped early */
};
/*
 * Queues the due reminders, oldest confirmation first, at most limit (0: all), each in its
 * own transaction with its message. Returns 0, or -1 when the database failed.
 */
int	remind_send_due(const char *manage_base, int limit, time_t now, struct remind_result *);

/*
 * For the serve loop, after the response: 1 when this process may try to send what is due
 * (the day's sending time, LIAISON_REMIND_AT, has passed and it has not looked for a while).
 */
int	remind_wanted(time_t now);
/* Queues at most REMIND_PER_REQUEST due reminders, if no process ran within REMIND_RUN_SECONDS. */
void	remind_after_response(const char *manage_base, time_t now);

/*
 * "Manage my entry": a link to entry id goes to its contact address if email is that address
 * (case aside) and fewer than REMIND_ASK_PER_DAY went today. Which happened is not returned:
 * the page answers the same either way. CHANGE_OK, or CHANGE_BUSY / CHANGE_FAILED.
 */
enum change_result remind_ask(long long id, const char *email, const char *manage_base, time_t now);

/* What the manage page shows of an entry; strings valid until db_cursor_close. */
struct remind_entry {
	const char	*name, *contact_name, *status, *confirmed_on;
	const char	*pending_reference;	/* a change proposed and waiting for review, or "" */
};
/* 1 found, 0 none, -1 the database failed. */
int	remind_entry(struct db_cursor *, long long id, struct remind_entry *);

/* For the staff's out-of-date queue: reminders about the present confirmation date. */
struct remind_status {
	long long	first_sent, second_sent;	/* unix seconds, 0 when none */
	char		answered[32];			/* when its contact first acted since, or "" */
};
/* 0, or -1 when the database failed. */
int	remind_status(long long id, struct remind_status *);

/* The report: listed entries, and how many were confirmed within the last year. 0, or -1. */
int	remind_confirmed_share(long long *listed, long long *confirmed);

#endif
