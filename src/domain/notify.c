/*
 * notify.c - the texts of the messages about applications, and when they are queued (see
 * notify.h). Each text names the organization and the reference, and carries the one link the
 * reader needs; the outbox signs it with who runs the directory and how to reach them.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "config.h"
#include "db.h"
#include "mailmsg.h"
#include "notify.h"
#include "outbox.h"

DB_READER(STMT_NOTIFY_REFERENCE, 1);
DB_READER(STMT_NOTIFY_LAST_DIGEST, 1);
DB_READER(STMT_NOTIFY_SINCE, 5);
DB_READER(STMT_NOTIFY_FIRST_SINCE, 1);
DB_READER(STMT_NOTIFY_OUTBOX_COUNT, 1);

#define DIGEST_MAX	200		/* applications listed one by one; more are counted */
#define DAY		86400
/* A digest may come this much early, so a cron job every few minutes does not make it drift. */
#define DIGEST_SLACK	600
#define CHECK_EVERY	300		/* how often a serving process looks whether one is due */

/* Reply-To for what an applicant receives: the staff, who can answer. */
static const char *
staff_reply_to(void)
{
	return mailmsg_addr_ok(config.operator_email) ? config.operator_email : NULL;
}

/* Queues m; an address the outbox refuses skips the message. 0, or -1: roll back. */
static int
queue(const struct outbox_mail *m)
{
	enum outbox_result rc = outbox_queue(m, NULL);

	return rc == OUTBOX_OK || rc == OUTBOX_BAD_ADDRESS || rc == OUTBOX_BAD_REPLY_TO ? 0 : -1;
}

/* LINK MID REST ("https://x.org/list" "/" "12") into buf, or "" when the link is not known. */
static const char *
link_to(char *buf, size_t size, const char *link, const char *mid, const char *rest)
{
	/* A relative link (the request named no plausible host) would be useless in a message. */
	if (link == NULL || (strncmp(link, "http://", 7) != 0 && strncmp(link, "https://", 8) != 0)) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, size, "%s%s%s", link, mid, rest);
	return buf;
}

int
notify_application(const struct notify_links *l, const struct notify_entry *e)
{
	char subject[600], body[2400], where[700], id[24];
	struct outbox_mail m = { .kind = "receipt", .to_addr = e->contact_email,
	    .to_name = e->contact_name, .reply_to = staff_reply_to(), .subject = subject, .body = body };

	link_to(where, sizeof where, l->apply, "/", e->reference);
	snprintf(subject, sizeof subject, "Application received: %s (%s)", e->name, e->reference);
	snprintf(body, sizeof body,
	    "Thank you for applying to list %s in %s.\n\n"
	    "Your reference: %s\n%s%s%s\n"
	    "Staff review every application by hand. You will get another message when they\n"
	    "decide. Quote the reference if you write to us about it.\n",
	    e->name, config.site_name, e->reference, where[0] ? "Your application's page: " : "",
	    where, where[0] ? "\n" : "");
	if (e->contact_email && e->contact_email[0] && queue(&m) < 0)
		return -1;
	if (config.notify_applications != NOTIFY_EACH || !mailmsg_addr_ok(config.operator_email))
		return 0;
	snprintf(id, sizeof id, "%lld", e->id);
	link_to(where, sizeof where, l->staff, "/org/", id);
	m = (struct outbox_mail){ .kind = "new-application", .to_addr = config.operator_email,
	    .reply_to = mailmsg_addr_ok(e->contact_email) ? e->contact_email : NULL,
	    .reply_to_name = e->contact_name, .subject = subject, .body = body };
	snprintf(subject, sizeof subject, "New application: %s (%s)", e->name, e->country);
	snprintf(body, sizeof body,
	    "%s (%s) applied to be listed.\n\n"
	    "Reference: %s\nContact: %s <%s>\n%s%s%s\n"
	    "Replying to this message writes to the applicant.\n",
	    e->name, e->country, e->reference, e->contact_name, e->contact_email,
	    where[0] ? "Review it: " : "", where, where[0] ? "\n" : "");
	return queue(&m);
}

int
notify_decision(const struct notify_links *l, const struct notify_entry *e, const char *state,
    const char *note)
{
	char subject[600], body[6000], where[700], id[24];
	struct outbox_mail m = { .kind = "decision", .to_addr = e->contact_email,
	    .to_name = e->contact_name, .reply_to = staff_reply_to(), .subject = subject, .body = body };

	if (e->contact_email == NULL || e->contact_email[0] == '\0')
		return 0;
	snprintf(id, sizeof id, "%lld", e->id);
	if (strcmp(state, "approved") == 0) {
		link_to(where, sizeof where, l->list, "/", id);
		snprintf(subject, sizeof subject, "Approved: %s is listed", e->name);
		snprintf(body, sizeof body,
		    "Your application %s was approved: %s is now listed in %s.\n\n"
		    "%s%s%s"
		    "Other organizations can find you there. Please keep the entry current: we will\n"
		    "ask you once a year to confirm it.\n",
		    e->reference, e->name, config.site_name, where[0] ? "Its page: " : "", where,
		    where[0] ? "\n\n" : "");
	} else if (strcmp(state, "rejected") == 0) {
		snprintf(subject, sizeof subject, "Not approved: %s", e->name);
		snprintf(body, sizeof body,
		    "Your application %s to list %s in %s was not approved.\n\n"
		    "%s%s%s\n"
		    "If something has changed, you may apply again, or write to us quoting the\n"
		    "reference.\n",
		    e->reference, e->name, config.site_name,
		    note && note[0] ? "The reason staff gave:\n\n" : "Staff gave no reason.",
		    note && note[0] ? note : "", note && note[0] ? "\n" : "");
	} else if (strcmp(state, "waiting") == 0) {
		link_to(where, sizeof where, l->apply, "/", e->reference);
		snprintf(subject, sizeof subject, "More information needed: %s", e->name);
		snprintf(body, sizeof body,
		    "Before deciding on your application %s to list %s, staff ask:\n\n%s\n\n"
		    "Reply to this message with the answer.%s%s\n",
		    e->reference, e->name, note ? note : "", where[0] ? " Your application's page: " : "",
		    where);
	} else
		return 0;
	return queue(&m);
}

int
notify_reference(long long id, char *out, size_t size)
{
	sqlite3_stmt *s = db_stmt(STMT_NOTIFY_REFERENCE);
	int rc;

	out[0] = '\0';
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		snprintf(out, size, "%s", db_text(s, 0));
	db_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* When the last digest was queued (unix seconds), 0 never, -1 the database failed. */
static long long
last_digest(void)
{
	sqlite3_stmt *s = db_stmt(STMT_NOTIFY_LAST_DIGEST);
	long long t = -1;

	if (s != NULL && sqlite3_step(s) == SQLITE_ROW)
		t = sqlite3_column_int64(s, 0);
	db_done(s);
	return t;
}

/*
 * Whether a digest is due now, and from when it lists (*since, unix seconds): a day after the
 * last one, or, when none was ever sent, a day after the oldest application of the last week
 * (so that switching to "daily" does not send one at once for the first application). Never
 * when nothing came since. Reads only, so that a request finds out without the write lock.
 * 1, 0, or -1 when the database failed.
 */
static int
digest_due(time_t now, long long *since)
{
	long long last = last_digest();
	sqlite3_stmt *s;
	char first[32] = "", day_ago[32];
	time_t t = now - DAY + DIGEST_SLACK;
	struct tm tm;
	int rc;

	if (last < 0)
		return -1;
	if (last > 0 && now - last < DAY - DIGEST_SLACK)
		return 0;
	/* A second's overlap with the last digest lists one application twice rather than miss it. */
	*since = last > 0 ? last : (long long)now - 7 * DAY;
	if ((s = db_stmt(STMT_NOTIFY_FIRST_SINCE)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, *since);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		snprintf(first, sizeof first, "%s", db_text(s, 0));
	db_done(s);
	if (rc != SQLITE_ROW)
		return -1;
	gmtime_r(&t, &tm);
	strftime(day_ago, sizeof day_ago, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return first[0] != '\0' && (last > 0 || strcmp(first, day_ago) <= 0);
}

static int
append(char **buf, size_t *len, size_t *cap, const char *text)
{
	size_t n = strlen(text);
	char *grown;

	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		if ((grown = realloc(*buf, *cap)) == NULL)
			return -1;
		*buf = grown;
	}
	memcpy(*buf + *len, text, n + 1);
	*len += n;
	return 0;
}

/* Under the write lock: lists what came since the last digest and queues it. n, or -1. */
static int
queue_digest(const struct notify_links *l, time_t now)
{
	long long since = 0;
	sqlite3_stmt *s;
	char *body = NULL, line[1200], where[700], subject[400], id[24];
	size_t len = 0, cap = 0;
	int n = 0, rc, failed = 0;

	if ((rc = digest_due(now, &since)) <= 0)
		return rc;
	if ((s = db_stmt(STMT_NOTIFY_SINCE)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, since);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (++n > DIGEST_MAX)
			continue;
		snprintf(id, sizeof id, "%lld", sqlite3_column_int64(s, 0));
		link_to(where, sizeof where, l->staff, "/org/", id);
		snprintf(line, sizeof line, "- %s (%s), %s, received %s%s%s\n", db_text(s, 1),
		    db_text(s, 2), db_text(s, 3), db_text(s, 4), where[0] ? "\n  " : "", where);
		failed |= append(&body, &len, &cap, line);
	}
	db_done(s);
	if (rc != SQLITE_DONE || failed) {
		free(body);
		return -1;
	}
	if (n == 0)
		return 0;
	if (n > DIGEST_MAX) {
		snprintf(line, sizeof line, "… and %d more: see the review queue.\n", n - DIGEST_MAX);
		failed |= append(&body, &len, &cap, line);
	}
	snprintf(line, sizeof line, "\n%d new application%s to review since the last digest.\n%s%s%s",
	    n, n == 1 ? "" : "s", l->staff && l->staff[0] ? "The review queue: " : "",
	    l->staff ? l->staff : "", l->staff && l->staff[0] ? "/queue\n" : "");
	failed |= append(&body, &len, &cap, line);
	snprintf(subject, sizeof subject, "%d new application%s: %s", n, n == 1 ? "" : "s",
	    config.site_name);
	if (!failed) {
		struct outbox_mail m = { .kind = "digest", .to_addr = config.operator_email,
		    .subject = subject, .body = body };
		failed = queue(&m);
	}
	free(body);
	return failed ? -1 : n;
}

int
notify_digest(const struct notify_links *l, time_t now)
{
	long long since;
	int n;

	if (config.notify_applications != NOTIFY_DAILY || !config.mail ||
	    !mailmsg_addr_ok(config.operator_email))
		return 0;
	/* A read first, so that a request finds out without taking the write lock. */
	if ((n = digest_due(now, &since)) <= 0)
		return n;
	if (change_begin() != CHANGE_OK)
		return -1;
	n = queue_digest(l, now);
	if (change_finish(n > 0 ? CHANGE_OK : CHANGE_FAILED) != CHANGE_OK && n > 0)
		return -1;
	return n;
}

static time_t checked;

int
notify_digest_check_wanted(time_t now)
{
	return config.notify_applications == NOTIFY_DAILY && config.mail && now - checked >= CHECK_EVERY;
}

void
notify_after_response(const char *staff_link)
{
	struct notify_links l = { "", "", staff_link };
	time_t now = time(NULL);

	if (!notify_digest_check_wanted(now))
		return;
	checked = now;
	notify_digest(&l, now);	/* the caller delivers it (outbox_after_response) */
}

long long
notify_outbox_count(const char *state)
{
	sqlite3_stmt *s = db_stmt(STMT_NOTIFY_OUTBOX_COUNT);
	long long n = -1;

	if (s == NULL)
		return -1;
	db_bind_text_or_null(s, 1, state);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	db_done(s);
	return n;
}
