/*
 * outbox.c - the durable outbox and its delivery through sendmail (see outbox.h).
 *
 * The host's `sendmail -t -i` is the one way out: it is what shared hosts provide and what
 * PHP's mail() runs, and on a VPS a kept Debian client (msmtp) serves the same interface.
 * Liaison never speaks SMTP itself. The program is run without a shell (fork and exec), its
 * words split on spaces, with "-t -i -f FROM" after them: -t takes the recipient from To
 * (mailmsg.c writes only the one), -i keeps a line of one dot from ending the message, and -f
 * sets the envelope sender to LIAISON_MAIL_FROM so SPF checks the domain the From names.
 * The message goes in on standard input; its standard output and error are read for the
 * reason when it fails, and it is stopped after OUTBOX_SENDMAIL_SECONDS.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "crypto.h"
#include "mailmsg.h"
#include "outbox.h"

DB_READER(STMT_OUTBOX_CLAIM, 9);
DB_READER(STMT_OUTBOX_LIST, 13);
DB_READER(STMT_OUTBOX_GET, 14);
DB_READER(STMT_OUTBOX_COUNTS, 3);

static int queued_here;

static enum outbox_result queue_signed(const struct outbox_mail *, const char *, long long *);

/* Seconds to wait after the nth failed try (n from 1). */
static const int backoff[] = { 60, 300, 1800, 7200, 43200, 86400, 86400 };

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
outbox_signature(char *out, size_t size)
{
	snprintf(out, size, "-- \n%s\n%s%s%s%s", config.operator_name,
	    config.operator_address, config.operator_address[0] ? "\n" : "",
	    config.operator_email, config.operator_email[0] ? "\n" : "");
}

enum outbox_result
outbox_queue(const struct outbox_mail *m, long long *id)
{
	char signature[1200], *body;
	size_t len;
	enum outbox_result rc;

	if (!config.mail) {
		if (id)
			*id = 0;
		return OUTBOX_OK;
	}
	if (m->body == NULL)
		return OUTBOX_TOO_LONG;
	/* Every message is signed alike: who runs the directory, and how to reach them. */
	if ((len = strlen(m->body)) > MAIL_BODY_MAX)
		return OUTBOX_TOO_LONG;
	outbox_signature(signature, sizeof signature);
	if ((body = malloc(len + strlen(signature) + 3)) == NULL)
		return OUTBOX_FAILED;
	sprintf(body, "%s%s\n%s", m->body, len > 0 && m->body[len - 1] != '\n' ? "\n" : "", signature);
	rc = queue_signed(m, body, id);
	free(body);
	return rc;
}

static enum outbox_result
queue_signed(const struct outbox_mail *m, const char *body, long long *id)
{
	const char *domain = mailmsg_addr_ok(config.mail_from) ? mailmsg_domain(config.mail_from) : "liaison.invalid";
	unsigned char rnd[8];
	char token[17], mid[MAIL_ID_MAX + 1];
	sqlite3_stmt *s;
	long long row = 0;
	int rc;

	if (id)
		*id = 0;
	if (!mailmsg_addr_ok(m->to_addr))
		return OUTBOX_BAD_ADDRESS;
	if (m->reply_to && m->reply_to[0] && !mailmsg_addr_ok(m->reply_to))
		return OUTBOX_BAD_REPLY_TO;
	if (strlen(body) > MAIL_BODY_MAX || m->subject == NULL || strlen(m->subject) > 1000)
		return OUTBOX_TOO_LONG;
	if (crypto_random(rnd, sizeof rnd) < 0)
		return OUTBOX_FAILED;
	for (int i = 0; i < 8; i++)
		snprintf(token + 2 * i, 3, "%02x", rnd[i]);
	/* The statement puts "outbox-ID." in front: the row's id is part of the Message-ID. */
	snprintf(mid, sizeof mid, "%s@%s", token, domain);
	if ((s = db_stmt(STMT_OUTBOX_INSERT)) == NULL)
		return OUTBOX_FAILED;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)time(NULL));
	sqlite3_bind_text(s, 2, m->kind && m->kind[0] ? m->kind : "message", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, m->to_addr, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, m->to_name ? m->to_name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, m->reply_to ? m->reply_to : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, m->reply_to_name ? m->reply_to_name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, m->subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, mid, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		row = sqlite3_column_int64(s, 0);
	db_done(s);
	if (row <= 0)
		return OUTBOX_FAILED;
	if (id)
		*id = row;
	queued_here = 1;
	return OUTBOX_OK;
}

enum outbox_result
outbox_send_again(long long id)
{
	sqlite3_stmt *s = db_stmt(STMT_OUTBOX_SEND_AGAIN);

	if (s == NULL)
		return OUTBOX_FAILED;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)time(NULL));
	if (db_write(s) != SQLITE_OK)
		return OUTBOX_FAILED;
	if (sqlite3_changes(sqlite3_db_handle(s)) == 0)
		return OUTBOX_NOT_FOUND;
	queued_here = 1;
	return OUTBOX_OK;
}

int
outbox_all_due_now(void)
{
	sqlite3_stmt *s = db_stmt(STMT_OUTBOX_ALL_DUE_NOW);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)time(NULL));
	if (db_write(s) != SQLITE_OK)
		return -1;
	return sqlite3_changes(sqlite3_db_handle(s));
}

/* --- running sendmail -------------------------------------------------------------------- */

#define MAX_ARGS 32

/* The first line of what the program said, made one printable line, after "prefix: ". */
static void
say_why(char *err, size_t errsize, const char *what, const char *said)
{
	char line[200];
	size_t n = strcspn(said, "\n");

	snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line - 1 ? n : sizeof line - 1), said);
	for (char *p = line; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	/* Cut to fit: what comes first, so the reason is seen even when what the program said is long. */
	if (snprintf(err, errsize, "%s%s%s", what, line[0] ? ": " : "", line) >= (int)errsize && errsize > 4)
		memcpy(err + errsize - 4, "...", 4);
}

/*
 * Runs config.sendmail with -t -i -f FROM, feeds it msg, and waits for it up to timeout_s.
 * 0 when it exited 0 having read the whole message, else -1 with err saying why.
 */
static int
run_sendmail(const char *msg, size_t len, int timeout_s, char *err, size_t errsize)
{
	char words[sizeof config.sendmail], *argv[MAX_ARGS + 5], said[1024] = "", *save = NULL;
	int argc = 0, in[2], out[2], status = 0, timed_out = 0, in_open = 1, out_open = 1;
	size_t written = 0, heard = 0;
	long long deadline = now_ms() + (long long)timeout_s * 1000;
	struct sigaction ignore, old;
	pid_t pid;

	snprintf(words, sizeof words, "%s", config.sendmail);
	for (char *w = strtok_r(words, " \t", &save); w && argc < MAX_ARGS; w = strtok_r(NULL, " \t", &save))
		argv[argc++] = w;
	if (argc == 0) {
		snprintf(err, errsize, "no sendmail program is set (LIAISON_SENDMAIL)");
		return -1;
	}
	argv[argc++] = "-t";
	argv[argc++] = "-i";
	argv[argc++] = "-f";
	argv[argc++] = config.mail_from;	/* checked by mailmsg_write: a plain address, no leading '-' */
	argv[argc] = NULL;
	if (pipe2(in, O_CLOEXEC) < 0)
		goto no_pipe;
	if (pipe2(out, O_CLOEXEC) < 0) {
		close(in[0]), close(in[1]);
		goto no_pipe;
	}
	/* A sendmail that exits without reading must not kill us with SIGPIPE: write sees EPIPE. */
	memset(&ignore, 0, sizeof ignore);
	ignore.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ignore, &old);
	if ((pid = fork()) == 0) {
		sigset_t none;

		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(out[1], 2);
		/* Nothing of ours (the FastCGI socket, the database) goes to the child. */
		if (close_range(3, ~0U, 0) < 0)
			for (int fd = 3; fd < 1024; fd++)
				close(fd);
		signal(SIGPIPE, SIG_DFL);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		execvp(argv[0], argv);
		fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	if (pid < 0) {
		close(in[1]), close(out[0]);
		sigaction(SIGPIPE, &old, NULL);
		snprintf(err, errsize, "cannot start %s: %s", argv[0], strerror(errno));
		return -1;
	}
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	while (in_open || out_open) {
		struct pollfd p[2];
		int np = 0, wait = (int)(deadline - now_ms());

		if (wait <= 0) {
			timed_out = 1;
			break;
		}
		if (in_open)
			p[np++] = (struct pollfd){ in[1], POLLOUT, 0 };
		if (out_open)
			p[np++] = (struct pollfd){ out[0], POLLIN, 0 };
		if (poll(p, (nfds_t)np, wait) < 0 && errno != EINTR)
			break;
		for (int i = 0; i < np; i++) {
			if (p[i].fd == in[1] && p[i].revents) {
				ssize_t n = write(in[1], msg + written, len - written);
				if (n > 0)
					written += (size_t)n;
				if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == len) {
					close(in[1]);
					in_open = 0;
				}
			} else if (p[i].fd == out[0] && p[i].revents) {
				char buf[512];
				ssize_t n = read(out[0], buf, sizeof buf);
				if (n > 0 && heard < sizeof said - 1) {
					size_t keep = (size_t)n < sizeof said - 1 - heard ? (size_t)n : sizeof said - 1 - heard;
					memcpy(said + heard, buf, keep);
					said[heard += keep] = '\0';
				}
				if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
					close(out[0]);
					out_open = 0;
				}
			}
		}
	}
	if (in_open)
		close(in[1]);
	if (out_open)
		close(out[0]);
	/* Its output closed: it is about to exit. Waits for it, up to the deadline. */
	while (!timed_out && waitpid(pid, &status, WNOHANG) == 0) {
		if (now_ms() >= deadline)
			timed_out = 1;
		else
			usleep(2000);
	}
	if (timed_out) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	sigaction(SIGPIPE, &old, NULL);
	if (timed_out) {
		snprintf(err, errsize, "%s did not finish within %d seconds and was stopped", argv[0], timeout_s);
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && written == len)
		return 0;
	{
		char what[300];
		if (WIFEXITED(status))
			snprintf(what, sizeof what, "%s exited with status %d", argv[0], WEXITSTATUS(status));
		else
			snprintf(what, sizeof what, "%s was stopped by signal %d", argv[0],
			    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
		say_why(err, errsize, what, said);
	}
	return -1;
no_pipe:
	snprintf(err, errsize, "cannot make a pipe to sendmail: %s", strerror(errno));
	return -1;
}

/* --- delivering -------------------------------------------------------------------------- */

struct claimed {
	long long	 id;
	char		*to_addr, *to_name, *reply_to, *reply_to_name, *subject, *body, *message_id;
	int		 attempts;
};

static void
claimed_free(struct claimed *c)
{
	free(c->to_addr), free(c->to_name), free(c->reply_to), free(c->reply_to_name);
	free(c->subject), free(c->body), free(c->message_id);
	memset(c, 0, sizeof *c);
}

/* Takes the next due message for this process: 1, 0 none due, -1 the database failed. */
static int
claim(struct claimed *c)
{
	sqlite3_stmt *s;
	time_t now = time(NULL);
	int found = 0, rc;

	memset(c, 0, sizeof *c);
	if (db_run(STMT_BEGIN) != SQLITE_OK)
		return -1;
	if ((s = db_stmt(STMT_OUTBOX_CLAIM)) == NULL) {
		db_run(STMT_ROLLBACK);
		return -1;
	}
	sqlite3_bind_int64(s, 1, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)now + OUTBOX_LEASE_SECONDS);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		c->id = sqlite3_column_int64(s, 0);
		c->to_addr = strdup(db_text(s, 1));
		c->to_name = strdup(db_text(s, 2));
		c->reply_to = strdup(db_text(s, 3));
		c->reply_to_name = strdup(db_text(s, 4));
		c->subject = strdup(db_text(s, 5));
		c->body = strdup(db_text(s, 6));
		c->message_id = strdup(db_text(s, 7));
		c->attempts = sqlite3_column_int(s, 8);
		found = 1;
		rc = sqlite3_step(s);	/* to its end, so the UPDATE is complete */
	}
	db_done(s);
	if (rc != SQLITE_DONE || db_run(STMT_COMMIT) != SQLITE_OK) {
		db_run(STMT_ROLLBACK);
		claimed_free(c);
		return -1;
	}
	if (found && (!c->to_addr || !c->to_name || !c->reply_to || !c->reply_to_name || !c->subject ||
	    !c->body || !c->message_id)) {
		claimed_free(c);
		return -1;	/* out of memory: the lease runs out and it is tried again */
	}
	return found;
}

/* Records what became of a claimed message, in a transaction of its own. 0, or -1. */
static int
record(const struct claimed *c, const char *error, struct outbox_run *run)
{
	sqlite3_stmt *s;
	time_t now = time(NULL);
	int rc, gave_up = 0;

	if (db_run(STMT_BEGIN) != SQLITE_OK)
		return -1;
	if (error == NULL) {
		if ((s = db_stmt(STMT_OUTBOX_SENT)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, c->id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)now);
		if (db_write(s) != SQLITE_OK)
			goto fail;
	} else {
		int n = c->attempts < 1 ? 1 : c->attempts;
		int wait = backoff[n - 1 < (int)(sizeof backoff / sizeof backoff[0]) ? n - 1 :
		    (int)(sizeof backoff / sizeof backoff[0]) - 1];

		if ((s = db_stmt(STMT_OUTBOX_RETRY_LATER)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, c->id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)now + wait);
		sqlite3_bind_text(s, 3, error, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 4, OUTBOX_MAX_ATTEMPTS);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW)
			gave_up = strcmp(db_text(s, 0), "failed") == 0;
		db_done(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			goto fail;
	}
	if (db_run(STMT_COMMIT) != SQLITE_OK)
		goto fail;
	if (error == NULL)
		run->sent++;
	else if (gave_up)
		run->gave_up++;
	else
		run->retrying++;
	return 0;
fail:
	db_run(STMT_ROLLBACK);
	return -1;
}

static int
into_memstream(void *arg, const char *bytes, size_t len)
{
	return fwrite(bytes, 1, len, arg) == len ? 0 : -1;
}

/* Composes c and hands it to sendmail: 0, or -1 with err. */
static int
send_one(const struct claimed *c, char *err, size_t errsize)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct sink sink = { into_memstream, f, 0 };
	struct mail_message m = {
		.from_addr = config.mail_from, .from_name = config.operator_name,
		.to_addr = c->to_addr, .to_name = c->to_name,
		.reply_to_addr = c->reply_to, .reply_to_name = c->reply_to_name,
		.subject = c->subject, .body = c->body, .message_id = c->message_id, .date = time(NULL),
	};
	int rc;

	if (f == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	rc = mailmsg_write(&m, &sink, err, errsize);
	if (fclose(f) != 0 && rc == 0) {
		snprintf(err, errsize, "out of memory");
		rc = -1;
	}
	if (rc == 0)
		rc = run_sendmail(buf, len, OUTBOX_SENDMAIL_SECONDS, err, errsize);
	free(buf);
	return rc;
}

int
outbox_deliver_due(int limit, int budget_ms, struct outbox_run *run)
{
	long long start = now_ms();
	int failures = 0;

	memset(run, 0, sizeof *run);
	queued_here = 0;
	if (!config.mail)
		return 0;
	for (int i = 0; i < limit && now_ms() - start < budget_ms; i++) {
		struct claimed c;
		char err[300] = "";
		int got = claim(&c), rc;

		if (got <= 0) {
			if (got < 0)
				run->db_failed++, failures++;
			break;
		}
		rc = send_one(&c, err, sizeof err);
		if (rc < 0) {
			failures++;
			snprintf(run->last_error, sizeof run->last_error, "%s", err);
		}
		if (record(&c, rc < 0 ? err : NULL, run) < 0) {
			/* Still 'sending': its lease runs out and it is tried again (perhaps sent twice). */
			run->db_failed++, failures++;
			claimed_free(&c);
			break;
		}
		claimed_free(&c);
	}
	return failures;
}

int
outbox_wanted(void)
{
	return queued_here;
}

void
outbox_after_response(void)
{
	struct outbox_run run;

	if (!queued_here)
		return;
	/* A few, briefly: the process answers no one meanwhile. Cron's liaison-admin mail does the rest. */
	if (outbox_deliver_due(3, 2000, &run) > 0)
		fprintf(stderr, "liaison: mail: %d sent, %d to be retried, %d given up%s%s%s\n",
		    run.sent, run.retrying, run.gave_up, run.db_failed ? ", the database failed" : "",
		    run.last_error[0] ? "; last error: " : "", run.last_error);
}

/* --- reading ----------------------------------------------------------------------------- */

static void
read_row(sqlite3_stmt *s, struct outbox_row *r, int with_body)
{
	r->id = sqlite3_column_int64(s, 0);
	r->created = sqlite3_column_int64(s, 1);
	r->kind = db_text(s, 2);
	r->to_addr = db_text(s, 3);
	r->to_name = db_text(s, 4);
	r->reply_to = db_text(s, 5);
	r->subject = db_text(s, 6);
	r->message_id = db_text(s, 7);
	r->state = db_text(s, 8);
	r->attempts = sqlite3_column_int(s, 9);
	r->next_attempt = sqlite3_column_int64(s, 10);
	r->last_error = db_text(s, 11);
	r->sent_at = sqlite3_column_int64(s, 12);
	r->body = with_body ? db_text(s, 13) : "";
}

void
outbox_list_open(struct db_cursor *c, const char *state, int limit, int offset)
{
	c->rc = 0;
	if ((c->stmt = db_stmt(STMT_OUTBOX_LIST)) == NULL)
		return;
	db_bind_text_or_null(c->stmt, 1, state);
	sqlite3_bind_int(c->stmt, 2, limit);
	sqlite3_bind_int(c->stmt, 3, offset);
}

int
outbox_next(struct db_cursor *c, struct outbox_row *row)
{
	int got = db_cursor_step(c);

	if (got == 1)
		read_row(c->stmt, row, 0);
	return got;
}

int
outbox_get(struct db_cursor *c, long long id, struct outbox_row *row)
{
	int got;

	c->rc = 0;
	if ((c->stmt = db_stmt(STMT_OUTBOX_GET)) != NULL)
		sqlite3_bind_int64(c->stmt, 1, id);
	if ((got = db_cursor_step(c)) == 1)
		read_row(c->stmt, row, 1);
	return got;
}

int
outbox_counts(struct outbox_counts *out)
{
	sqlite3_stmt *s = db_stmt(STMT_OUTBOX_COUNTS);
	int rc = s ? sqlite3_step(s) : SQLITE_ERROR;

	memset(out, 0, sizeof *out);
	if (rc == SQLITE_ROW) {
		out->waiting = sqlite3_column_int64(s, 0);
		out->failed = sqlite3_column_int64(s, 1);
		out->next_due = sqlite3_column_int64(s, 2);
	}
	db_done(s);
	return rc == SQLITE_ROW ? 0 : -1;
}
