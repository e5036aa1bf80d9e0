/*
 * http.h - one request, whether it arrived over FastCGI or as a plain CGI run.
 *
 * Every program in cgi-bin/ hands its handler to http_serve(), which loops over FastCGI
 * requests or, when started as CGI (FCGX_IsCGI()), serves exactly one request from the
 * environment, stdin and stdout. Handlers see the same struct req either way and write
 * through req_write(), so templates and CSV stream straight to the client.
 */
#ifndef LIAISON_HTTP_H
#define LIAISON_HTTP_H

#include <stddef.h>
#include <fcgiapp.h>

struct params;
struct capture;

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
	 * whose reading met a hard database error (db_request_error) can still be answered with a
	 * 503 instead of the 200 it began as; then the rest of that page is dropped (discarding).
	 */
	char		 head[4096];
	size_t		 head_len;
	int		 body_started;
	int		 discarding;
	const char	*content_type;	/* of what was sent: a string constant */
	struct capture	*capture;	/* a copy being kept for the page cache, or NULL */
};

/* What a program is: its name (for links and logs) and its one handler. */
struct program {
	const char	*name;
	void		(*handle)(struct req *);
	void		(*init)(void);	/* once per process, after config; may be NULL */
};

int	 http_serve(const struct program *);
/* Serves one request under CGI rules from the process environment, writing to out (a FILE *). */
void	 http_serve_cgi_once(const struct program *, struct req *, void *in, void *out);

const char *req_env(const struct req *, const char *name);
void	 req_write(struct req *, const char *, size_t);
void	 req_puts(struct req *, const char *);
/* 1 when the request came over HTTPS (the web server's HTTPS variable, set and not "off"). */
int	 req_is_https(const struct req *);
/*
 * Status line and headers; extra is zero or more "Name: value\r\n" lines, may be NULL. Every
 * answer carries nosniff, a same-origin Referrer-Policy and a Content-Security-Policy that
 * also pins base-uri and form-action; over HTTPS, Strict-Transport-Security for a year.
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
/* 405 with the Allow header the spec requires. */
void	 req_method_not_allowed(struct req *, const char *allow);

const char *http_reason(int status);

#endif
