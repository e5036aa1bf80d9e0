/*
 * contact.c - "Contact this organization": checking the visitor's message, the daily limits,
 * queueing it (and the visitor's copy) with its counts in one transaction, and the report's
 * figures. See contact.h for what is kept and for how long.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "contact.h"
#include "db.h"
#include "mailmsg.h"
#include "outbox.h"
#include "token.h"

DB_READER(STMT_CONTACT_ORG, 4);
DB_READER(STMT_CONTACT_FIGURES, 3);

const struct field_spec contact_fields[CONTACT__MAX] = {
	[CONTACT_NAME] = { "name", "Your name", FIELD_TEXT, 1, 100,
	    "The organization sees it in the message.", NULL, 0, 0, NULL, "name" },
	[CONTACT_EMAIL] = { "email", "Your email address", FIELD_EMAIL, 1, MAIL_ADDR_MAX,
	    "Their reply comes to this address. It is not stored by the directory.", NULL, 0, 0, NULL, "email" },
	[CONTACT_MESSAGE] = { "message", "Your message", FIELD_LONGTEXT, 1, CONTACT_MESSAGE_MAX,
	    "Who you are, and the partnership you have in mind. At most 5,000 characters.", NULL, 0, 0, NULL, NULL },
	[CONTACT_COPY] = { "copy", "Send me a copy", FIELD_FLAG, 0, 1, NULL, NULL, 0, 0, NULL, NULL },
};

static void
copy_text(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

/* Reads the listed organization id into o: 1, 0 none, -1 failed. Inside or outside a transaction. */
static int
read_org(long long id, struct contact_org *o)
{
	sqlite3_stmt *s = db_stmt(STMT_CONTACT_ORG);
	int rc;

	memset(o, 0, sizeof *o);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		copy_text(o->name, sizeof o->name, (const char *)sqlite3_column_text(s, 0));
		copy_text(o->contact_name, sizeof o->contact_name, (const char *)sqlite3_column_text(s, 1));
		copy_text(o->email, sizeof o->email, (const char *)sqlite3_column_text(s, 2));
		o->email_public = sqlite3_column_int(s, 3);
		o->reachable = mailmsg_addr_ok(o->email);
	}
	db_done(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
contact_org_get(long long id, struct contact_org *o)
{
	return read_org(id, o);
}

int
contact_check(struct form *f)
{
	const struct field_value *e = &f->v[CONTACT_EMAIL];

	/* form.c's test is for people; a Reply-To must also be an addr-spec mail can carry. */
	if (e->error[0] == '\0' && e->str[0] && !mailmsg_addr_ok(e->str))
		form_fail(f, CONTACT_EMAIL, "Enter a plain email address like name@library.org, "
		    "without spaces, quotes or accented letters.");
	return f->nerrors;
}

/* The day of t in UTC, YYYY-MM-DD: what contact_day and contact_sender are kept by. */
static void
day_of(time_t t, char out[11])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* The sender's key: HMAC under the site secret of the address in lower case, never the address. */
static int
sender_key(const char *email, uint8_t out[32])
{
	char lower[MAIL_ADDR_MAX + 16];
	size_t i, n;

	n = (size_t)snprintf(lower, sizeof lower, "contact\n%s", email);
	for (i = 0; i < n && i < sizeof lower - 1; i++)
		lower[i] = (char)tolower((unsigned char)lower[i]);
	return token_hash_address(lower, out);
}

/* A count read by stmt with a key blob or id and a day: >= 0, or -1. */
static long long
count_today(enum stmt id, const uint8_t *key, long long org, const char *day)
{
	sqlite3_stmt *s = db_stmt(id);
	long long n = -1;

	if (s == NULL)
		return -1;
	if (key)
		sqlite3_bind_blob(s, 1, key, 32, SQLITE_STATIC);
	else
		sqlite3_bind_int64(s, 1, org);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	db_done(s);
	return n;
}

/* 1 when this sender wrote to org since day since, 0 not, -1 failed. */
static int
pair_seen(const uint8_t *key, long long org, const char *since)
{
	sqlite3_stmt *s = db_stmt(STMT_CONTACT_PAIR_SEEN);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_blob(s, 1, key, 32, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, org);
	sqlite3_bind_text(s, 3, since, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	db_done(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Adds this message to the counts: the sender's row, the day's, and old senders forgotten. */
static int
count_message(const uint8_t *key, long long org, const char *day, const char *forget_before, int first)
{
	sqlite3_stmt *s;
	int rc;

	if ((s = db_stmt(STMT_CONTACT_SENDER_ADD)) == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_blob(s, 1, key, 32, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, org);
	sqlite3_bind_text(s, 3, day, -1, SQLITE_STATIC);
	if ((rc = db_write(s)) != SQLITE_OK || (s = db_stmt(STMT_CONTACT_DAY_ADD)) == NULL)
		return rc != SQLITE_OK ? rc : SQLITE_ERROR;
	sqlite3_bind_int64(s, 1, org);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, first);
	if ((rc = db_write(s)) != SQLITE_OK || (s = db_stmt(STMT_CONTACT_PRUNE)) == NULL)
		return rc != SQLITE_OK ? rc : SQLITE_ERROR;
	sqlite3_bind_text(s, 1, forget_before, -1, SQLITE_STATIC);
	return db_write(s);
}

/* The two messages' texts, malloc'd: to the organization, and the sender's copy. */
static int
compose(const struct contact_send *c, const struct contact_org *o, char **to_org, char **copy,
    char *subject, size_t ssize, char *copy_subject, size_t csize)
{
	const char *name = c->form->v[CONTACT_NAME].str, *email = c->form->v[CONTACT_EMAIL].str;
	const char *message = c->form->v[CONTACT_MESSAGE].str;
	char clean[MAIL_NAME_MAX + 1];

	/* The name goes into text lines too: one line, as the header will show it. */
	mailmsg_clean_text(name, clean, sizeof clean);
	snprintf(subject, ssize, "Message from %s through %s", clean, c->site_name);
	snprintf(copy_subject, csize, "Your message to %s", o->name);
	if (asprintf(to_org, "%s (%s) wrote to %s through %s, the partnership directory "
	    "that lists you:\n\n%s\n\n"
	    "-----\n"
	    "Reply to this message to answer %s: your reply goes to %s.\n"
	    "%s"
	    "Your entry in the directory: %s\n",
	    clean, email, o->name, c->site_name, message, clean, email,
	    o->email_public ? "" : "Your address was not shown to them; they see it only if you reply.\n",
	    c->profile_url) < 0) {
		*to_org = NULL;
		return -1;
	}
	if (asprintf(copy, "This is a copy of your message to %s, sent through %s.\n"
	    "If they answer, their reply comes to %s.\n\n"
	    "-----\n%s\n-----\n\n"
	    "Their entry in the directory: %s\n",
	    o->name, c->site_name, email, message, c->profile_url) < 0) {
		free(*to_org);
		*to_org = *copy = NULL;
		return -1;
	}
	return 0;
}

enum contact_result
contact_send(const struct contact_send *c)
{
	const struct form *f = c->form;
	struct contact_org o;
	uint8_t key[32];
	char today[11], since[11], subject[600], copy_subject[400];
	char *to_org = NULL, *copy = NULL;
	long long sent, received;
	enum change_result r;
	enum contact_result result = CONTACT_FAILED;
	int first, rc;

	if (sender_key(f->v[CONTACT_EMAIL].str, key) < 0)
		return CONTACT_FAILED;
	day_of(c->now, today);
	day_of(c->now - (time_t)(CONTACT_SENDER_DAYS - 1) * 86400, since);
	if ((r = change_begin()) != CHANGE_OK)
		return r == CHANGE_BUSY ? CONTACT_BUSY : CONTACT_FAILED;
	/* Read again under the write lock: the entry may have been unlisted since the form was shown. */
	if ((rc = read_org(c->org_id, &o)) <= 0 || !o.reachable) {
		change_finish(CHANGE_CONFLICT);
		return rc < 0 ? CONTACT_FAILED : CONTACT_UNREACHABLE;
	}
	if ((sent = count_today(STMT_CONTACT_SENDER_TODAY, key, 0, today)) < 0 ||
	    (received = count_today(STMT_CONTACT_ORG_TODAY, NULL, c->org_id, today)) < 0 ||
	    (first = pair_seen(key, c->org_id, since)) < 0) {
		change_finish(CHANGE_FAILED);
		return CONTACT_FAILED;
	}
	first = !first;
	if (sent >= c->per_sender || received >= c->per_org) {
		change_finish(CHANGE_CONFLICT);
		return sent >= c->per_sender ? CONTACT_SENDER_LIMIT : CONTACT_ORG_LIMIT;
	}
	if (compose(c, &o, &to_org, &copy, subject, sizeof subject, copy_subject, sizeof copy_subject) < 0) {
		change_finish(CHANGE_FAILED);
		return CONTACT_FAILED;
	}
	{
		struct outbox_mail m = { .kind = "contact", .to_addr = o.email, .to_name = o.contact_name[0] ?
		    o.contact_name : o.name, .reply_to = f->v[CONTACT_EMAIL].str,
		    .reply_to_name = f->v[CONTACT_NAME].str, .subject = subject, .body = to_org };
		struct outbox_mail mc = { .kind = "contact-copy", .to_addr = f->v[CONTACT_EMAIL].str,
		    .to_name = f->v[CONTACT_NAME].str, .subject = copy_subject, .body = copy };

		if (outbox_queue(&m, NULL) != OUTBOX_OK ||
		    (f->v[CONTACT_COPY].str[0] == '1' && outbox_queue(&mc, NULL) != OUTBOX_OK) ||
		    (rc = count_message(key, c->org_id, today, since, first)) != SQLITE_OK) {
			r = change_finish(CHANGE_FAILED);
			result = CONTACT_FAILED;
		} else {
			r = change_finish(CHANGE_OK);
			result = r == CHANGE_OK ? CONTACT_SENT : r == CHANGE_BUSY ? CONTACT_BUSY : CONTACT_FAILED;
		}
	}
	free(to_org);
	free(copy);
	return result;
}

int
contact_figures(const char *from, const char *to, long long org, struct contact_figures *out)
{
	sqlite3_stmt *s = db_stmt(STMT_CONTACT_FIGURES);
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, to, -1, SQLITE_STATIC);
	if (org > 0)
		sqlite3_bind_int64(s, 3, org);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->connections = sqlite3_column_int64(s, 0);
		out->organizations = sqlite3_column_int64(s, 1);
		out->messages = sqlite3_column_int64(s, 2);
	}
	db_done(s);
	return rc == SQLITE_ROW ? 0 : -1;
}
