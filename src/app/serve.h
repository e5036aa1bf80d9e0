/*
 * serve.h - the serve loop every program in cgi-bin/ hands its handler to.
 *
 * http_serve() loads the settings, the templates and the database, then loops over FastCGI
 * requests or, when started as plain CGI (FCGX_IsCGI()), serves exactly one request from the
 * environment, stdin and stdout. Before each request the database is made ready (db_ready:
 * opened afresh when its file was replaced or recovered); a form from another site, an
 * unready bundle or an unavailable database is answered here, before the program's handler.
 */
#ifndef LIAISON_SERVE_H
#define LIAISON_SERVE_H

struct req;

/* What a program is: its name (for links and logs) and its one handler. */
struct program {
	const char	*name;
	void		(*handle)(struct req *);
	void		(*init)(void);	/* once per process, after config; may be NULL */
};

int	 http_serve(const struct program *);
/* Serves one request under CGI rules from the process environment, writing to out (a FILE *). */
void	 http_serve_cgi_once(const struct program *, struct req *, void *in, void *out);

/*
 * Gives the request core (http.c) the settings as loaded and what it asks of the layers
 * above: the error page in the site's design and the database check before a page's first
 * byte. http_serve does it; tests that make requests of their own call it once.
 */
void	 serve_connect_request_core(void);

#endif
