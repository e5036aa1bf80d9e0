/*
 * outbox.h - every message Liaison sends: queued in the database with the event that causes
 * it, delivered through the host's sendmail after the response, retried until it goes.
 *
 * For whoever adds a message (a receipt, a reminder, the contact form):
 *
 *	change_begin();				(audit.h: your write's one transaction)
 *	… your rows …
 *	struct outbox_mail m = { .kind = "receipt", .to_addr = email, .to_name = name,
 *	    .subject = "…", .body = text };
 *	if (outbox_queue(&m, NULL) != OUTBOX_OK) → roll back, show the form again saying why
 *	change_finish(CHANGE_OK);
 *
 * The message commits or rolls back with your rows, so none is sent for a change that did not
 * happen and none is lost for one that did. The serve loop delivers what this process queued
 * once the response has gone (serve.c calls outbox_after_response), so a visitor never waits
 * on the mail server; a hosting panel's cron job running `liaison-admin mail` delivers what
 * that missed or what is due for a retry. Check an address a visitor typed with
 * mailmsg_addr_ok() when checking the form, so the form can say so next to the field.
 *
 * Guarantees: at least once (a crash between sendmail taking a message and its row being
 * marked sent sends it again, with the same Message-ID, so a reader can tell); exactly once
 * without a crash. Two processes never send a message at the same time: a sender claims it
 * with a lease (OUTBOX_LEASE_SECONDS). A failed hand-over is tried again after 1 min, 5 min,
 * 30 min, 2 h, 12 h, 24 h and 24 h; after OUTBOX_MAX_ATTEMPTS it is 'failed', with its reason,
 * until someone presses "send again" (outbox_send_again). A body is deleted once delivered.
 *
 * What is put in a message: plain text, short. From is LIAISON_MAIL_FROM, named after
 * LIAISON_OPERATOR_NAME; no field can add a header or a recipient (mailmsg.h).
 */
#ifndef LIAISON_OUTBOX_H
#define LIAISON_OUTBOX_H

#include "db.h"

#define OUTBOX_MAX_ATTEMPTS	8
#define OUTBOX_LEASE_SECONDS	600	/* well past the sendmail timeout */
#define OUTBOX_SENDMAIL_SECONDS	60	/* a sendmail that takes longer is stopped and retried */

enum outbox_result {
	OUTBOX_OK,
	OUTBOX_BAD_ADDRESS,	/* to_addr is not a plain address (mailmsg_addr_ok) */
	OUTBOX_BAD_REPLY_TO,	/* reply_to is neither "" nor a plain address */
	OUTBOX_TOO_LONG,	/* the body is over MAIL_BODY_MAX, or the subject over 1000 bytes */
	OUTBOX_NOT_FOUND,	/* outbox_send_again: no such message, or it was sent (its body is gone) */
	OUTBOX_FAILED,		/* the database refused the write (busy, full, …): roll back */
};

struct outbox_mail {
	const char	*kind;		/* what caused it, a short word: "receipt", "contact", "test" */
	const char	*to_addr;	/* required */
	const char	*to_name;	/* may be NULL */
	const char	*reply_to;	/* may be NULL: replies go to From */
	const char	*reply_to_name;
	const char	*subject;
	const char	*body;		/* UTF-8 plain text, lines ending in LF */
};

/*
 * Queues m, its body signed (outbox_signature). Call it INSIDE your own write transaction (BEGIN IMMEDIATE … COMMIT): it neither
 * begins nor commits. *id (if not NULL) gets the message's row, 0 when mail is turned off
 * (LIAISON_MAIL=0: nothing is queued or sent, and OUTBOX_OK is returned so pages go on).
 * Anything but OUTBOX_OK wrote nothing.
 */
enum outbox_result outbox_queue(const struct outbox_mail *m, long long *id);

/*
 * The signature outbox_queue puts under every body: "-- ", then LIAISON_OPERATOR_NAME, the
 * postal line and the contact address, one a line (those set). For a page showing a preview.
 */
void	outbox_signature(char *out, size_t size);

/*
 * Makes a queued or failed message due now, its tries counted afresh ("send again"). Inside
 * the caller's write transaction, like outbox_queue (so a staff page can audit it).
 */
enum outbox_result outbox_send_again(long long id);

/*
 * Makes every waiting or failed message due now (liaison-admin mail --now, for when the relay
 * has been mended): the number made due, or -1. Inside the caller's write transaction.
 */
int	outbox_all_due_now(void);

/* What one delivery run did. */
struct outbox_run {
	int	sent;		/* handed to sendmail, which said yes */
	int	retrying;	/* sendmail failed: queued for a later try */
	int	gave_up;	/* sendmail failed for the last time: now 'failed' */
	int	db_failed;	/* the database was busy or failed: the run stopped early */
	char	last_error[300];	/* the last failure's reason, "" when none */
};

/*
 * Delivers due messages, oldest first, until none is due, limit were tried or budget_ms has
 * passed (a message started is finished: sendmail is never stopped before its timeout). Each
 * claim and each outcome is its own short transaction, so the site's writers never wait on
 * sendmail. The database must be ready (db_ready). Mail turned off delivers nothing.
 * Returns the number of failed attempts plus database failures: 0 when all went well.
 */
int	outbox_deliver_due(int limit, int budget_ms, struct outbox_run *run);

/* For the serve loop, after the response has gone: delivers a few if this process queued any. */
void	outbox_after_response(void);
/* 1 when this process queued a message that outbox_after_response has not yet tried. */
int	outbox_wanted(void);

/* One message as a staff page shows it. Strings are valid until the next step or close. */
struct outbox_row {
	long long	 id;
	long long	 created;	/* unix seconds */
	const char	*kind;
	const char	*to_addr;
	const char	*to_name;
	const char	*reply_to;
	const char	*subject;
	const char	*message_id;	/* without <> */
	const char	*state;		/* "queued", "sending", "sent" or "failed" */
	int		 attempts;
	long long	 next_attempt;	/* when queued: the next try; when sending: the lease's end */
	const char	*last_error;	/* why the last try failed, "" if none */
	long long	 sent_at;	/* 0 until sent */
	const char	*body;		/* outbox_get only; "" once delivered */
};

/* Newest first; state NULL for all, or one of the four. Close with db_cursor_close. */
void	outbox_list_open(struct db_cursor *c, const char *state, int limit, int offset);
/* 1 a row, 0 the end, -1 the database failed. */
int	outbox_next(struct db_cursor *c, struct outbox_row *row);
/* One message with its body: 1, 0 no such message, -1 the database failed. Close c after. */
int	outbox_get(struct db_cursor *c, long long id, struct outbox_row *row);

struct outbox_counts {
	long long	waiting;	/* queued or being sent */
	long long	failed;
	long long	next_due;	/* the earliest next_attempt of those waiting, 0 when none */
};
/* 0, or -1 when the database failed: for a warning on the staff pages. */
int	outbox_counts(struct outbox_counts *out);

#endif
