/*
 * serve.c - the serve loop every program runs: settings, templates, the database, then
 * requests over FastCGI, or the one request of a plain CGI run; and what the request core
 * (http.c) asks of the layers above it: the error page in the site's design, and the check,
 * before a page's first byte, that the database did not fail while the page was being made.
 *
 * libfcgi's FCGX_Accept_r does not fall back to CGI, so we ask FCGX_IsCGI() first and, under
 * CGI, serve one request from getenv/stdin/stdout. SIGTERM while idle must make Accept return
 * <0 for a clean exit: that takes both a handler installed without SA_RESTART and the request
 * flag FCGI_FAIL_ACCEPT_ON_INTR, as libfcgi otherwise retries accept() after EINTR. A SIGTERM
 * during a request lets the request finish, then the loop ends.
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bundle.h"
#include "config.h"
#include "db.h"
#include "http.h"
#include "notify.h"
#include "outbox.h"
#include "remind.h"
#include "pagecache.h"
#include "serve.h"
#include "view.h"

extern char **environ;

static volatile sig_atomic_t stopping;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

/* The error page in the site's design (templates/error.tpl). */
static void
error_page(struct req *r, int status, const char *extra, const char *detail)
{
	struct view *v;

	/* "Not found" or "could not be read" after a hard database error is the database's doing. */
	if ((status == 404 || status == 500) && db_request_error() != 0) {
		status = 503;
		extra = "Retry-After: 30\r\n";
		detail = db_error_text(db_request_error());
	}
	req_head(r, status, "text/html; charset=utf-8", extra);
	v = view_page_new(r, http_reason(status), "error.tpl");
	view_set_int(view_body(v), "STATUS", status);
	view_set(view_body(v), "REASON", http_reason(status));
	view_set(view_body(v), "DETAIL", detail);
	view_page_finish(v, r);
}

/*
 * Before the first byte of a 200 page: one that met a hard database error while it was being
 * read (a damaged page halfway through a list, an I/O error) may show fewer rows than it says,
 * so the 503 page goes in its place. 1 if so.
 */
static int
before_body(struct req *r)
{
	int rc = db_request_error();

	if (rc == 0)
		return 0;
	req_error_page(r, 503, "Retry-After: 30\r\n", db_error_text(rc));
	return 1;
}

/* The site's public folder: Apache's CONTEXT_DOCUMENT_ROOT (right under /~name/ too), else DOCUMENT_ROOT. */
static const char *
document_root(const struct req *r)
{
	const char *d = req_env(r, "CONTEXT_DOCUMENT_ROOT");
	return *d ? d : req_env(r, "DOCUMENT_ROOT");
}

/*
 * A hard database error after the body began (a CSV streamed row by row): the status is
 * gone, so the log says so (log_failure) and the reader is told in the file itself. (Dropping
 * the FastCGI connection was tried: nginx still ends the transfer as complete, so it would
 * add nothing.)
 */
static void
cut_short(struct req *r)
{
	int html = r->content_type && strncmp(r->content_type, "text/html", 9) == 0;

	if (html)
		req_puts(r, "\n<p role=\"alert\"><strong>This page was cut short: the directory's "
		    "database could not be read to the end. Please try again later.</strong></p>\n");
	else if (r->content_type && strncmp(r->content_type, "text/csv", 8) == 0)
		req_puts(r, "\"This file was cut short: the directory's database could not be read "
		    "past the row above. Please download it again later.\"\r\n");
}

/*
 * The one line the log keeps of a request that met a database error, wherever it was met:
 * the program, the statement, SQLite's words, the request without its values, and what the
 * person got. Nothing else writes a request's SQLite error, so each is told once.
 */
static void
log_failure(const struct program *p, const struct req *r, int cut)
{
	const struct db_failure *f = db_request_failure();
	char line[1200];

	if (f == NULL)
		return;
	req_log_line(r, line, sizeof line);
	fprintf(stderr, "liaison: %s: %s: %s: %s: %s %d%s\n", p->name, f->statement, f->message,
	    line, cut ? "cut short after" : "answered", r->status, cut ? " was sent" : "");
}

static void
run_one(const struct program *p, struct req *r)
{
	const char *why;
	int opened = 0, cut;

	req_begin(r, p->name);
	if (r->method != METHOD_GET && r->method != METHOD_HEAD && (why = req_cross_site(r)) != NULL)
		req_error(r, 403, why);
	else if (config.bundle_root[0] && (why = bundle_prepare(document_root(r))) != NULL)
		req_error(r, 503, why);
	else if (opened = 1, !db_ready())
		req_error(r, 503, db_unavailable_reason());
	else if (!pagecache_conditional(r, p->name))	/* 1: answered 304, nothing to make */
		p->handle(r);
	if (!r->headers_sent)
		req_error(r, 500, "The program produced no answer.");
	req_end(r);
	/* Before db_ready() the database's record is the last request's: not this one's to tell. */
	cut = opened && r->body_started && r->status == 200 && !r->discarding &&
	    db_request_error() != 0;
	if (cut)
		cut_short(r);
	if (opened)
		log_failure(p, r, cut);
}

/*
 * Mail a plain CGI request queued (outbox.h), once its response is complete: the web server
 * sees the end when our standard output closes, so it is closed first. Apache's mod_cgi then
 * sends SIGTERM, and SIGKILL 3 s later: the first is ignored, and the delivery's 2 s fit.
 */
static void
mail_after_cgi(const char *manage_base, const char *staff_link)
{
	int null;

	if (!outbox_wanted() && !manage_base[0] && !staff_link[0])
		return;
	if ((null = open("/dev/null", O_WRONLY)) >= 0) {
		dup2(null, 1);
		close(null);
	}
	signal(SIGTERM, SIG_IGN);
	if (staff_link[0])
		notify_after_response(staff_link);
	if (manage_base[0])
		remind_after_response(manage_base, time(NULL));
	outbox_after_response();
}

/*
 * 1 when a request waits on the FastCGI listening socket (fd 0, as spawn-fcgi hands it) or
 * arrives within ms: a process is quiet only when nothing came for a little while, since
 * between two requests of a busy stream there is often an instant with none waiting.
 */
static int
request_within(int ms)
{
	struct pollfd l = { 0, POLLIN, 0 };

	return poll(&l, 1, ms) > 0 && (l.revents & POLLIN);
}

/*
 * The FastCGI loop's mail after a response: one message at a time, once no request has come
 * for MAIL_QUIET_MS, so that a visitor's request does not queue behind sendmail (a busy apply
 * process would otherwise serve one application per hand-over: bench/README.md, "Mail on and
 * mail off"). Under a steady stream of requests one message still goes every
 * MAIL_STARVED_MS, so mail is never held up for long; the rest waits for a quiet moment, or
 * for cron's liaison-admin mail. A failed hand-over stops the run: the outbox has scheduled
 * its retry.
 */
#define MAIL_QUIET_MS	25	/* no request for this long: the process may hand over mail */
#define MAIL_STARVED_MS	10000	/* under a steady stream, still one message this often */

static long long
monotonic_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void
mail_while_idle(void)
{
	static int backlog;
	static long long last_sent;
	long long start = monotonic_ms(), now;

	backlog |= outbox_wanted();
	if (last_sent == 0)
		last_sent = start;	/* the first wait is counted from the first mail */
	while (backlog && (now = monotonic_ms()) - start < 2000 &&
	    (now - last_sent >= MAIL_STARVED_MS || !request_within(MAIL_QUIET_MS))) {
		struct outbox_run run;

		last_sent = now;
		if (outbox_deliver_due(1, (int)(2000 - (now - start)), &run) > 0) {
			fprintf(stderr, "liaison: mail: %d sent, %d to be retried, %d given up%s%s%s\n",
			    run.sent, run.retrying, run.gave_up, run.db_failed ? ", the database failed" : "",
			    run.last_error[0] ? "; last error: " : "", run.last_error);
			backlog = 0;
		} else if (run.sent == 0)
			backlog = 0;	/* nothing more is due */
	}
}

/*
 * Where reminders due now link to, when this process should send a few after this response
 * (remind.h: a site without cron has its reminders sent by requests); "" when not. Taken
 * from the request, as it must be before the request is finished.
 */
static void
remind_base(struct req *r, char *buf, size_t size)
{
	size_t n;

	buf[0] = '\0';
	if (!remind_wanted(time(NULL)) || !db_ready())
		return;
	/* The manage pages' address, as managepage_base() makes it (the apply program serves them). */
	req_absolute_link(r, buf, size, "apply");
	n = strlen(buf);
	snprintf(buf + n, size - n, "/manage");
}

/*
 * What this request's process should do once the response has gone, as links taken while
 * the request's address is still known: due reminders (manage, remind.h) and the staff's
 * daily digest of applications (staff_link, notify.h); each "" when there is nothing to do.
 */
static void
after_response_links(struct req *r, char *manage, size_t msize, char *staff_link, size_t ssize)
{
	remind_base(r, manage, msize);
	staff_link[0] = '\0';
	if (notify_digest_check_wanted(time(NULL)))
		req_absolute_link(r, staff_link, ssize, "staff");
}

void
serve_connect_request_core(void)
{
	http_settings.base_url = config.base_url;
	http_settings.static_url = config.static_url;
	http_settings.bundled = config.bundle_root[0] != '\0';
	http_hooks.error_page = error_page;
	http_hooks.before_body = before_body;
}

void
http_serve_cgi_once(const struct program *p, struct req *r, void *in, void *out)
{
	serve_connect_request_core();
	r->is_cgi = 1;
	r->cgi_in = in;
	r->cgi_out = out;
	r->envp = environ;
	run_one(p, r);
}

int
http_serve(const struct program *p)
{
	struct sigaction sa;
	struct req r;
	char manage[600], staff_link[512];

	memset(&r, 0, sizeof r);
	config_load();
	view_init(config.template_root);
	db_open_configured();
	if (p->init)
		p->init();

	serve_connect_request_core();
	if (FCGX_IsCGI()) {
		static char outbuf[1 << 16];

		setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
		http_serve_cgi_once(p, &r, stdin, stdout);
		after_response_links(&r, manage, sizeof manage, staff_link, sizeof staff_link);
		fflush(stdout);
		mail_after_cgi(manage, staff_link);
		db_close();
		return 0;
	}

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;	/* no SA_RESTART: Accept must see EINTR and return */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	FCGX_Init();
	/* Without this flag libfcgi retries accept() after EINTR and SIGTERM never ends us. */
	FCGX_InitRequest(&r.fcgx, 0, FCGI_FAIL_ACCEPT_ON_INTR);
	while (!stopping && FCGX_Accept_r(&r.fcgx) >= 0) {
		r.envp = r.fcgx.envp;
		run_one(p, &r);
		after_response_links(&r, manage, sizeof manage, staff_link, sizeof staff_link);
		FCGX_Finish_r(&r.fcgx);
		if (staff_link[0])
			notify_after_response(staff_link);	/* queues the digest, when a day has passed */
		if (manage[0])		/* a few due reminders, queued for the delivery below */
			remind_after_response(manage, time(NULL));
		mail_while_idle();	/* the mail they queued, now that the response has gone */
		if (config.reload_templates) {
			view_reload_if_changed();
			pagecache_clear();	/* a page may show an edited template */
		}
	}
	FCGX_Free(&r.fcgx, 1);
	pagecache_clear();
	db_close();
	return 0;
}
