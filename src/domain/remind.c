/*
 * remind.c - reminders to confirm an entry, and the signed links to its manage page (remind.h).
 *
 * Why links are form tokens: token.c already signs a time and a purpose with the site's
 * secret and checks them in constant time, so a link needs no table and no cryptography of its
 * own. Binding the token to the entry's id keeps a link for one entry from opening another.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "db.h"
#include "outbox.h"
#include "remind.h"
#include "token.h"

#define LINK_PURPOSE	"manage-link"

int
remind_link(char out[REMIND_LINK_MAX], const char *manage_base, long long id, time_t now)
{
	char tok[TOKEN_CHARS + 1], bind[24];

	snprintf(bind, sizeof bind, "%lld", id);
	if (token_make(tok, LINK_PURPOSE, bind, now) < 0)
		return -1;
	snprintf(out, REMIND_LINK_MAX, "%s/%lld/%s", manage_base, id, tok);
	return 0;
}

enum remind_link
remind_check_link(const char *token, long long id, time_t now)
{
	char bind[24];

	snprintf(bind, sizeof bind, "%lld", id);
	switch (token_check(token, LINK_PURPOSE, bind, now, 0, REMIND_LINK_DAYS * 86400L, NULL)) {
	case TOKEN_OK:
		return REMIND_LINK_OK;
	case TOKEN_EXPIRED:
		return REMIND_LINK_EXPIRED;
	default:
		return REMIND_LINK_BAD;
	}
}

/* The message: plain, short, the link and what it does; kind is "first", "second" or "asked". */
static void
compose(char *body, size_t size, char *subject, size_t ssize, const char *kind,
    const char *name, const char *contact, const char *confirmed_on, const char *link)
{
	int asked = strcmp(kind, "asked") == 0;

	snprintf(subject, ssize, asked ? "Your link to manage %s's entry" :
	    strcmp(kind, "second") == 0 ? "Second reminder: is %s's entry still current?" :
	    "Is %s's entry still current?", name);
	snprintf(body, size,
	    "Hello%s%s,\n\n"
	    "%s"
	    "%s is listed in %s%s%s.\n\n"
	    "On this page you can confirm that it is still seeking partners, update it, or remove\n"
	    "it from the directory. Opening the page changes nothing; each change is a button on it.\n"
	    "The link works for %d days.\n\n"
	    "%s\n\n"
	    "%s",
	    contact[0] ? " " : "", contact,
	    asked ? "Someone asked for a link to manage this entry from its page in the directory.\n\n" :
	    strcmp(kind, "second") == 0 ? "This is our second reminder: entries not confirmed for a year\n"
	    "are shown to visitors as possibly out of date.\n\n" : "",
	    name, config.site_name, confirmed_on[0] ? "; it was last confirmed on " : "", confirmed_on,
	    REMIND_LINK_DAYS, link,
	    asked ? "If you did not ask for it, you can ignore this message.\n" :
	    "If you are no longer the right person to ask, please pass this message on.\n");
}

/* Inside the caller's transaction: the reminder row and its message. */
static int
queue_one(long long id, const char *kind, const char *confirmed_on, const char *name,
    const char *contact, const char *email, const char *manage_base, time_t now)
{
	char link[REMIND_LINK_MAX], body[2048], subject[400];
	struct outbox_mail m;
	sqlite3_stmt *s;
	int rc;

	if (remind_link(link, manage_base, id, now) < 0 || (s = db_stmt(STMT_REMIND_INSERT)) == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
	db_bind_text_or_null(s, 3, strcmp(kind, "asked") == 0 ? NULL : confirmed_on);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)now);
	if ((rc = db_write(s)) != SQLITE_OK)
		return rc;
	compose(body, sizeof body, subject, sizeof subject, kind, name, contact, confirmed_on, link);
	memset(&m, 0, sizeof m);
	m.kind = strcmp(kind, "asked") == 0 ? "manage-link" : "reminder";
	m.to_addr = email;
	m.to_name = contact;
	m.subject = subject;
	m.body = body;
	switch (outbox_queue(&m, NULL)) {
	case OUTBOX_OK:
		return SQLITE_OK;
	case OUTBOX_FAILED:
		return SQLITE_ERROR;
	default:
		/* An address on file that is not a plain address: no message, but remembered as tried,
		 * so it is not picked again at every run; staff see the entry in the stale queue. */
		fprintf(stderr, "liaison: remind: entry %lld: the contact address cannot be mailed\n", id);
		return SQLITE_OK;
	}
}

DB_READER(STMT_REMIND_DUE, 6);

/* One due reminder, in one transaction: 1 queued (*second says which), 0 none due, -1 failed. */
static int
send_one(const char *manage_base, time_t now, int *second)
{
	sqlite3_stmt *s;
	int rc, found = 0;

	if (change_begin() != CHANGE_OK)
		return -1;
	if ((s = db_stmt(STMT_REMIND_DUE)) == NULL) {
		change_finish(CHANGE_FAILED);
		return -1;
	}
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		found = 1;
		*second = strcmp(db_text(s, 5), "second") == 0;
		rc = queue_one(sqlite3_column_int64(s, 0), db_text(s, 5), db_text(s, 4), db_text(s, 1),
		    db_text(s, 2), db_text(s, 3), manage_base, now);
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	db_done(s);
	if (change_finish(rc == SQLITE_OK ? CHANGE_OK : CHANGE_FAILED) != CHANGE_OK)
		return -1;
	return found;
}

int
remind_send_due(const char *manage_base, int limit, time_t now, struct remind_result *res)
{
	memset(res, 0, sizeof *res);
	for (int n = 0; limit == 0 || n < limit; n++) {
		int second = 0, got = send_one(manage_base, now, &second);

		if (got < 0) {
			res->failed = 1;
			return -1;
		}
		if (got == 0)
			break;
		if (second)
			res->second++;
		else
			res->first++;
	}
	return 0;
}

/* When this process last looked; a process answers many requests, and looks every few minutes. */
static time_t	last_look;

int
remind_wanted(time_t now)
{
	struct tm tm;

	if (config.remind_at < 0 || now - last_look < REMIND_RUN_SECONDS)
		return 0;
	gmtime_r(&now, &tm);
	return tm.tm_hour * 60 + tm.tm_min >= config.remind_at;
}

void
remind_after_response(const char *manage_base, time_t now)
{
	struct remind_result res;
	sqlite3_stmt *s;
	long long last = now;
	int rc;

	last_look = now;
	/* A read first: most requests find the run taken and write nothing. */
	if ((s = db_stmt(STMT_REMIND_RUN_LAST)) == NULL)
		return;
	if (sqlite3_step(s) == SQLITE_ROW)
		last = sqlite3_column_int64(s, 0);
	db_done(s);
	if (now - last < REMIND_RUN_SECONDS || change_begin() != CHANGE_OK)
		return;
	if ((s = db_stmt(STMT_REMIND_RUN_CLAIM)) == NULL) {
		change_finish(CHANGE_FAILED);
		return;
	}
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	sqlite3_bind_int(s, 2, REMIND_RUN_SECONDS);
	rc = db_write(s);
	if (change_finish(rc == SQLITE_OK && sqlite3_changes(sqlite3_db_handle(s)) == 1 ? CHANGE_OK :
	    CHANGE_CONFLICT) != CHANGE_OK)
		return;
	if (remind_send_due(manage_base, REMIND_PER_REQUEST, now, &res) < 0)
		fprintf(stderr, "liaison: remind: the database failed after %d reminders\n",
		    res.first + res.second);
}

DB_READER(STMT_REMIND_ENTRY, 6);
DB_READER(STMT_REMIND_ASKED_RECENT, 1);

enum change_result
remind_ask(long long id, const char *email, const char *manage_base, time_t now)
{
	enum change_result r;
	sqlite3_stmt *s;
	int rc = SQLITE_OK, recent = REMIND_ASK_PER_DAY;
	char name[256] = "", contact[256] = "", addr[320] = "", status[16] = "", confirmed[16] = "";

	if ((r = change_begin()) != CHANGE_OK)
		return r;
	if ((s = db_stmt(STMT_REMIND_ENTRY)) == NULL)
		return change_finish(CHANGE_FAILED);
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		snprintf(name, sizeof name, "%s", db_text(s, 0));
		snprintf(contact, sizeof contact, "%s", db_text(s, 1));
		snprintf(addr, sizeof addr, "%s", db_text(s, 2));
		snprintf(status, sizeof status, "%s", db_text(s, 3));
		snprintf(confirmed, sizeof confirmed, "%s", db_text(s, 4));
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	db_done(s);
	if (rc != SQLITE_OK)
		return change_finish(change_failed(rc));
	/* Only the address on file is ever written to, and only when the one typed is it. */
	if (addr[0] == '\0' || strcasecmp(addr, email) != 0 || strcmp(status, "listed") != 0)
		return change_finish(CHANGE_OK);
	if ((s = db_stmt(STMT_REMIND_ASKED_RECENT)) == NULL)
		return change_finish(CHANGE_FAILED);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)now - 86400);
	if (sqlite3_step(s) == SQLITE_ROW)
		recent = sqlite3_column_int(s, 0);
	db_done(s);
	if (recent >= REMIND_ASK_PER_DAY)
		return change_finish(CHANGE_OK);
	rc = queue_one(id, "asked", confirmed, name, contact, addr, manage_base, now);
	return change_finish(rc == SQLITE_OK ? CHANGE_OK : change_failed(rc));
}

int
remind_entry(struct db_cursor *c, long long id, struct remind_entry *e)
{
	int found;

	if ((c->stmt = db_stmt(STMT_REMIND_ENTRY)) == NULL) {
		c->rc = SQLITE_ERROR;
		return -1;
	}
	sqlite3_bind_int64(c->stmt, 1, id);
	if ((found = db_cursor_step(c)) != 1) {
		db_cursor_close(c);
		return found;
	}
	e->name = db_text(c->stmt, 0);
	e->contact_name = db_text(c->stmt, 1);
	e->status = db_text(c->stmt, 3);
	e->confirmed_on = db_text(c->stmt, 4);
	e->pending_reference = db_text(c->stmt, 5);
	return 1;
}

DB_READER(STMT_REMIND_STATUS, 3);

int
remind_status(long long id, struct remind_status *st)
{
	sqlite3_stmt *s = db_stmt(STMT_REMIND_STATUS);
	int rc;

	memset(st, 0, sizeof *st);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		st->first_sent = sqlite3_column_int64(s, 0);
		st->second_sent = sqlite3_column_int64(s, 1);
		snprintf(st->answered, sizeof st->answered, "%s", db_text(s, 2));
	}
	db_done(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

DB_READER(STMT_REMIND_CONFIRMED_SHARE, 2);

int
remind_confirmed_share(long long *listed, long long *confirmed)
{
	sqlite3_stmt *s = db_stmt(STMT_REMIND_CONFIRMED_SHARE);
	int rc;

	*listed = *confirmed = 0;
	if (s == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*listed = sqlite3_column_int64(s, 0);
		*confirmed = sqlite3_column_int64(s, 1);
	}
	db_done(s);
	return rc == SQLITE_ROW ? 0 : -1;
}
