/*
 * http.h - one request, whether it arrived over FastCGI or as a plain CGI run: its
 * environment, body, headers, links and output.
 *
 * Handlers see the same struct req either way (the serve loop, serve.h, makes it) and write
 * through req_write() or the request's sink (req_sink), so templates and CSV stream straight
 * to the client. This is the request core: it depends on nothing of ours but sink.h, and
 * learns what it must of the layers above through http_settings and http_hooks.
 */
#ifndef LIAISON_HTTP_H
#define LIAISON_HTTP_H

#include <stddef.h>
#include <fcgiapp.h>

#include "sink.h"

enum method { METHOD_GET, METHOD_HEAD, METHOD_POST, METHOD_OTHER };

struct req {
	FCGX_Request	 fcgx;		/* valid when !is_cgi */
	int		 is_cgi;
	void		*cgi_out;	/* FILE * written under CGI: stdout, or a memory stream in tests */
	void		*cgi_in;	/* FILE * read under CGI: stdin, or a memory stream in tests */
	char		**envp;		/* request environment (environ under CGI) */
	enum method	 method;
	const char	*method_name;
	const char	*path_info;	/* "" when absent */
	const char	*query;		/* "" when absent */
	char		 link_prefix[256]; /* SCRIPT_NAME up to this program's name */
	char		 link_suffix[16];  /* ".cgi"/".fcgi" under shared hosting, else "" */
	char		 static_url[512];  /* where htdocs/ is: the setting, or found from SCRIPT_NAME */
	int		 headers_sent;	/* req_head was called: the status is chosen */
	int		 status;	/* what was sent, for logs and tests */
	int		 out_error;	/* the client went away; stop writing */
	/*
	 * The status line and headers wait here until the first byte of the body, so that a page
	 * whose reading met a hard database error can still be answered with a 503 instead of the
	 * 200 it began as (http_hooks.before_body); the rest of that page is then dropped.
	 */
	char		 head[4096];
	size_t		 head_len;
	int		 body_started;
	int		 discarding;
	const char	*content_type;	/* of what was sent: a string constant */
	/* A copy of every byte sent goes to tee as well (the page cache keeping a page), or NULL. */
	void		(*tee)(void *arg, const char *bytes, size_t len);
	void		*tee_arg;
	int		 no_keep;	/* this answer must not be kept by any cache (an error shown as 200) */
	/*
	 * A public page's validators and caching policy ("ETag: …\r\nCache-Control: public, …"),
	 * set by the layer above before the handler runs (pagecache_conditional), or "". req_head
	 * sends them on a 200 that sets no cookie; every other answer, and every answer of a
	 * request without them, says "Cache-Control: private, no-store", whatever the handler
	 * asked for: one place decides what a shared cache may keep.
	 */
	char		 cache_headers[640];
	size_t		 cache_at, cache_len;	/* where they are in head, until it is sent */
	struct sink	 body;		/* req_sink(): writes to the body, fails once the client has gone */
};

/* What the request core needs of the site, given once by the serve loop. */
struct http_settings {
	const char	*base_url;	/* LIAISON_BASE_URL, or "" */
	const char	*static_url;	/* LIAISON_STATIC_URL, or "" to find htdocs/ beside cgi-bin/ */
	int		 bundled;	/* running from the upload bundle: links may keep mod_rewrite's form */
};
extern struct http_settings http_settings;

/* What the request core asks of the layers above it (serve.c sets them); each may be NULL. */
struct http_hooks {
	/* Draws the error page for status (its headers, then the page). */
	void	(*error_page)(struct req *, int status, const char *extra, const char *detail);
	/* Before the first body byte of a 200 answer: 1 if it answered otherwise instead. */
	int	(*before_body)(struct req *);
};
extern struct http_hooks http_hooks;

/* Reads the method, path and query of a new request and works out its links' shape. */
void	 req_begin(struct req *, const char *program);
/* Sends whatever is still waiting (the headers of an answer without a body). */
void	 req_end(struct req *);
/* The body as a sink, for writers that take one (csvout.h). */
struct sink *req_sink(struct req *);
/* Headers for a download named filename ("Content-Disposition: attachment"); a public CSV
 * file is kept by caches like a public page (cache_headers), anything else is no-store. */
void	 req_attachment(struct req *, const char *content_type, const char *filename);
/*
 * NULL, or why this request must be refused: a form sent from another site's page (cross-site
 * request forgery; signing a visitor into an account someone else controls). Browsers name
 * where a request comes from: Sec-Fetch-Site (same-origin and none pass; cross-site and
 * same-site, another subdomain, do not) and, where that is absent, Origin, whose host must be
 * LIAISON_BASE_URL's or the Host the request was sent to. A request with neither (curl,
 * scripts, old browsers) passes: the form tokens still guard it.
 */
const char *req_cross_site(const struct req *);

const char *req_env(const struct req *, const char *name);
/*
 * The request line as the log may keep it: the method, the path, and of the query only the
 * parameters' names ("GET /search?q=&type="), since a value may be what someone typed (a
 * name, an address). Anything but printable ASCII becomes '?', so it stays one line.
 */
void	 req_log_line(const struct req *, char *buf, size_t size);
/* The names of query's parameters, "=" after each that had a value: "q=&type=". */
void	 http_query_names(const char *query, char *out, size_t size);
void	 req_write(struct req *, const char *, size_t);
void	 req_puts(struct req *, const char *);
/* 1 when the request came over HTTPS (the web server's HTTPS variable, set and not "off"). */
int	 req_is_https(const struct req *);
/*
 * Status line and headers; extra is zero or more "Name: value\r\n" lines, may be NULL. Every
 * answer carries nosniff, a same-origin Referrer-Policy and a Content-Security-Policy that
 * also pins base-uri and form-action; over HTTPS, Strict-Transport-Security for a year; and
 * its caching policy (cache_headers above): a Cache-Control line in extra is replaced by it.
 */
void	 req_head(struct req *, int status, const char *content_type, const char *extra);
/*
 * Reads an application/x-www-form-urlencoded request body into buf (size bytes, so at most
 * size - 1 of body) and NUL-terminates it. Returns 0, or the status to answer with: 413 when
 * CONTENT_LENGTH is over the limit (nothing is read, so nothing is half-handled), 415 for
 * another content type, 400 when the body is shorter than announced. Bodies are never
 * streamed into anything else: a form is small, and a limit is the point.
 */
int	 req_read_form(struct req *, char *buf, size_t size);
/* The same for a body of content type type ("multipart/form-data"), whose length (it may
 * hold NUL bytes) is written to *len. */
int	 req_read_body(struct req *, const char *type, char *buf, size_t size, size_t *len);

/* Builds a link to another program (or this one) that works at / and under /cgi-bin/x.cgi. */
void	 req_link(const struct req *, char *buf, size_t size, const char *program);

/*
 * Like req_link but absolute: LIAISON_BASE_URL, else the web server's own name and port
 * (SERVER_NAME, SERVER_PORT), never the client's Host header; a path when neither is known.
 */
void	 req_absolute_link(const struct req *, char *buf, size_t size, const char *program);

/*
 * The one error page: status, a headline and a sentence saying what was wrong. The page
 * comes from templates/error.tpl; detail is escaped there like any other value.
 */
void	 req_error(struct req *, int status, const char *detail);
/* The same with extra header lines ("Name: value\r\n"), or NULL. */
void	 req_error_page(struct req *, int status, const char *extra, const char *detail);
/* 304 Not Modified: the cache_headers again (RFC 9110 15.4.5), no body, no page made. */
void	 req_not_modified(struct req *);
/* 405 with the Allow header the spec requires. */
void	 req_method_not_allowed(struct req *, const char *allow);

const char *http_reason(int status);

#endif
