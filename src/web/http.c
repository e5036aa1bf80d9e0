/*
 * http.c - one request's input and output, under FastCGI or plain CGI: the environment, the
 * body, the status line and headers, links, and writing. It depends on nothing of ours but
 * sink.h: what it needs from above (the error page's look, the check before a page's first
 * byte, the site's addresses) the serve loop (serve.c) gives it through http_settings and
 * http_hooks once at start-up. ARCHITECTURE.md, "The life of one request".
 *
 * We never use libfcgi's stdio header: its macros rewrite FILE and break stdio-based code
 * such as libcsv's writers. FCGX_FPrintF has its own printf that rejects %zu, so everything is
 * formatted with snprintf and written with FCGX_PutStr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http.h"
#include "sink.h"

struct http_settings	http_settings = { "", "", 0 };
struct http_hooks	http_hooks;

const char *
http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 301: return "Moved Permanently";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default:  return "Unknown";
	}
}

const char *
req_env(const struct req *r, const char *name)
{
	const char *v = r->is_cgi ? getenv(name) : FCGX_GetParam(name, r->envp);
	return v ? v : "";
}

/* Appends n bytes of s to out (used so far), anything but printable ASCII as '?': a log line stays one line. */
static size_t
append_printable(char *out, size_t size, size_t used, const char *s, size_t n)
{
	for (size_t i = 0; i < n && used + 1 < size; i++)
		out[used++] = s[i] >= ' ' && s[i] < 0x7f ? s[i] : '?';
	out[used < size ? used : size - 1] = '\0';
	return used;
}

void
http_query_names(const char *query, char *out, size_t size)
{
	size_t used = 0;

	if (size == 0)
		return;
	out[0] = '\0';
	while (query && *query) {
		size_t n = strcspn(query, "&"), name = strcspn(query, "=&");

		if (n > 0) {
			if (used > 0)
				used = append_printable(out, size, used, "&", 1);
			used = append_printable(out, size, used, query, name);
			if (name < n)	/* it had a value: say so, without it */
				used = append_printable(out, size, used, "=", 1);
		}
		query += n + (query[n] == '&');
	}
}

void
req_log_line(const struct req *r, char *buf, size_t size)
{
	const char *uri = req_env(r, "REQUEST_URI");
	char names[600];
	size_t used;

	if (size == 0)
		return;
	buf[0] = '\0';
	used = append_printable(buf, size, 0, r->method_name ? r->method_name : "?",
	    strlen(r->method_name ? r->method_name : "?"));
	used = append_printable(buf, size, used, " ", 1);
	if (*uri)	/* what the client asked for, whichever program's name it took */
		used = append_printable(buf, size, used, uri, strcspn(uri, "?"));
	else {
		const char *sn = req_env(r, "SCRIPT_NAME"), *pi = r->path_info ? r->path_info : "";
		used = append_printable(buf, size, used, sn, strlen(sn));
		used = append_printable(buf, size, used, pi, strlen(pi));
	}
	http_query_names(r->query, names, sizeof names);
	if (names[0]) {
		used = append_printable(buf, size, used, "?", 1);
		append_printable(buf, size, used, names, strlen(names));
	}
}

/* Sends bytes on, under CGI or FastCGI, keeping a copy for the page cache when asked. */
static void
out_write(struct req *r, const char *s, size_t n)
{
	if (r->out_error || n == 0)
		return;
	if (r->tee)
		r->tee(r->tee_arg, s, n);
	if (r->is_cgi) {
		if (fwrite(s, 1, n, (FILE *)r->cgi_out) != n)
			r->out_error = 1;
		return;
	}
	/* FCGX_PutStr takes an int; a template or CSV never hands us 2 GB at once, but be exact. */
	while (n > 0) {
		int chunk = n > (1u << 30) ? (1 << 30) : (int)n;
		if (FCGX_PutStr(s, chunk, r->fcgx.out) != chunk) {
			r->out_error = 1;
			return;
		}
		s += chunk;
		n -= (size_t)chunk;
	}
}

/*
 * The first byte of the body is about to go: the layer above may still answer otherwise
 * (http_hooks.before_body: a 200 page that met a database error is answered 503 instead),
 * and then the rest of this page is dropped. Otherwise the waiting headers go out.
 */
static void
send_head(struct req *r)
{
	if (r->head_len == 0)
		return;
	/* A replacement is never a 200, so its own first byte does not come back in here. */
	if (r->status == 200 && http_hooks.before_body && http_hooks.before_body(r)) {
		r->discarding = 1;
		return;
	}
	/* A page marked no_keep while it was made (it met a read error, shown as 200) is not for
	 * any cache either: its public validators give way to private, no-store. */
	if (r->no_keep && r->cache_len >= sizeof "Cache-Control: private, no-store\r\n" - 1) {
		static const char priv[] = "Cache-Control: private, no-store\r\n";
		size_t end = r->cache_at + r->cache_len;

		memcpy(r->head + r->cache_at, priv, sizeof priv - 1);
		memmove(r->head + r->cache_at + sizeof priv - 1, r->head + end, r->head_len - end);
		r->head_len -= r->cache_len - (sizeof priv - 1);
		r->cache_len = 0;
	}
	r->body_started = 1;
	out_write(r, r->head, r->head_len);
	r->head_len = 0;
}

void
req_write(struct req *r, const char *s, size_t n)
{
	if (r->out_error || r->discarding || n == 0)
		return;
	send_head(r);
	if (!r->discarding)
		out_write(r, s, n);
}

void
req_puts(struct req *r, const char *s)
{
	req_write(r, s, strlen(s));
}

/* Headers wait in r->head for the first byte of the body (send_head). */
static void
head_append(struct req *r, const char *s, size_t n)
{
	if (r->head_len + n > sizeof r->head) {
		fprintf(stderr, "liaison: response headers over %zu bytes: cut\n", sizeof r->head);
		n = sizeof r->head - r->head_len;
	}
	memcpy(r->head + r->head_len, s, n);
	r->head_len += n;
}

/* extra's header lines, less any Cache-Control: req_head sends the one policy itself. */
static void
append_extra(struct req *r, const char *extra)
{
	while (*extra) {
		size_t n = strcspn(extra, "\n");

		n += extra[n] == '\n';
		if (strncasecmp(extra, "Cache-Control:", 14) != 0)
			head_append(r, extra, n);
		extra += n;
	}
}

int
req_is_https(const struct req *r)
{
	const char *https = req_env(r, "HTTPS");

	return *https && strcasecmp(https, "off") != 0;
}

void
req_head(struct req *r, int status, const char *content_type, const char *extra)
{
	char buf[512];
	int n;

	if (r->headers_sent)
		return;
	r->headers_sent = 1;
	r->status = status;
	/* base-uri and form-action: markup slipped into a page can neither move its relative links
	 * nor send a form (with its token) elsewhere. HSTS only over HTTPS, where it means something. */
	n = snprintf(buf, sizeof buf,
	    "Status: %d %s\r\n"
	    "Content-Type: %s\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "Content-Security-Policy: default-src 'self'; script-src 'self'; frame-ancestors 'none'; "
	    "base-uri 'none'; form-action 'self'\r\n%s",
	    status, http_reason(status), content_type,
	    req_is_https(r) ? "Strict-Transport-Security: max-age=31536000\r\n" : "");
	r->content_type = content_type;
	head_append(r, buf, (size_t)n);
	if (extra)
		append_extra(r, extra);
	/*
	 * What a shared cache may keep is decided here and nowhere else: a public page's own
	 * validators on a 200, never on an answer that sets a cookie (a cache would hand that
	 * cookie, a session or a form's, to everyone); everything else is private and not stored.
	 */
	if (status == 200 && r->cache_headers[0] && (extra == NULL || strcasestr(extra, "Set-Cookie:") == NULL)) {
		r->cache_at = r->head_len;
		head_append(r, r->cache_headers, strlen(r->cache_headers));
		r->cache_len = r->head_len - r->cache_at;
	} else
		head_append(r, "Cache-Control: private, no-store\r\n", strlen("Cache-Control: private, no-store\r\n"));
	/* Every 503 says when to come back, whichever page or form answered it. */
	if (status == 503 && (extra == NULL || strstr(extra, "Retry-After:") == NULL))
		head_append(r, "Retry-After: 5\r\n", strlen("Retry-After: 5\r\n"));
	head_append(r, "\r\n", 2);
}

int
req_read_body(struct req *r, const char *want_type, char *buf, size_t size, size_t *len)
{
	const char *type = req_env(r, "CONTENT_TYPE"), *cl = req_env(r, "CONTENT_LENGTH");
	size_t tlen = strlen(want_type);
	char *end;
	unsigned long long want;
	size_t got = 0;

	buf[0] = '\0';
	*len = 0;
	if (strncasecmp(type, want_type, tlen) != 0 || (type[tlen] != '\0' && type[tlen] != ';'))
		return 415;
	if (*cl == '\0')
		return 0;	/* no body at all: an empty form */
	want = strtoull(cl, &end, 10);
	if (*end != '\0' || cl[0] == '-' || cl[0] == '+')
		return 400;
	if (want >= size)
		return 413;
	while (got < want) {
		int n;

		if (r->is_cgi)
			n = (int)fread(buf + got, 1, (size_t)want - got, (FILE *)r->cgi_in);
		else
			n = FCGX_GetStr(buf + got, (int)(want - got), r->fcgx.in);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	*len = got;
	return got == want ? 0 : 400;
}

int
req_read_form(struct req *r, char *buf, size_t size)
{
	size_t len;

	return req_read_body(r, "application/x-www-form-urlencoded", buf, size, &len);
}

void
req_link(const struct req *r, char *buf, size_t size, const char *program)
{
	snprintf(buf, size, "%s%s%s", r->link_prefix, program, r->link_suffix);
}

/* A host name fit for a link: letters, digits, dots, dashes, or an IPv6 literal in brackets. */
static int
plausible_host(const char *h)
{
	if (*h == '\0' || strlen(h) > 255)
		return 0;
	for (; *h; h++)
		if (!((*h >= 'a' && *h <= 'z') || (*h >= 'A' && *h <= 'Z') || (*h >= '0' && *h <= '9') ||
		    *h == '.' || *h == '-' || *h == ':' || *h == '[' || *h == ']'))
			return 0;
	return 1;
}

/*
 * The scheme and host of the site, into buf: LIAISON_BASE_URL without its trailing slash, else
 * the web server's own name and port (SERVER_NAME, SERVER_PORT: nginx's server_name, Apache's
 * ServerName). Never the Host header, which the client types: "Host: evil.example" must not
 * reach a redirect or a CSV file. "" when the server has no usable name; links are then paths.
 */
static void
site_origin(const struct req *r, char *buf, size_t size)
{
	const char *name = req_env(r, "SERVER_NAME"), *port = req_env(r, "SERVER_PORT");
	int https = req_is_https(r);
	size_t n = strlen(http_settings.base_url), plen = strlen(port);

	if (n) {
		snprintf(buf, size, "%.*s", (int)(http_settings.base_url[n - 1] == '/' ? n - 1 : n), http_settings.base_url);
		return;
	}
	buf[0] = '\0';
	/* A name with a port or a colon outside brackets is not a plain name. */
	if (!plausible_host(name) || (strchr(name, ':') && name[0] != '['))
		return;
	if (plen == 0 || plen > 5 || strspn(port, "0123456789") != plen ||
	    strcmp(port, https ? "443" : "80") == 0)
		port = "";
	snprintf(buf, size, "%s://%s%s%s", https ? "https" : "http", name, *port ? ":" : "", port);
}

void
req_absolute_link(const struct req *r, char *buf, size_t size, const char *program)
{
	char link[512], origin[512];

	req_link(r, link, sizeof link, program);
	site_origin(r, origin, sizeof origin);
	snprintf(buf, size, "%s%s", origin, link);
}

/* A path fit to start links with: absolute, plain characters, no "//", "." or ".." step. */
static int
plain_path(const char *p, size_t n)
{
	if (n == 0 || p[0] != '/')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '/' || c == '-' || c == '_' || c == '~' || c == '.'))
			return 0;
		if (c == '/' && i + 1 < n && (p[i + 1] == '/' || p[i + 1] == '.'))
			return 0;
	}
	return 1;
}

/*
 * Apache's mod_rewrite (the bundle's .htaccess) serves /x/partners/list/5 by the program
 * /x/partners/cgi-bin/list.fcgi, and names the address asked for in REDIRECT_URL. When that
 * address is this program's clean one (…/list, …/list/5, or the bundle's top for the
 * directory), links keep the clean shape: prefix "/x/partners/", no suffix. 1 if so.
 */
static int
clean_links(struct req *r, const char *program)
{
	const char *url = req_env(r, "REDIRECT_URL");
	size_t ulen = strlen(url), plen = strlen(r->path_info), nlen = strlen(program);

	if (ulen == 0 || plen > ulen || strcmp(url + ulen - plen, r->path_info) != 0)
		return 0;
	ulen -= plen;
	if (plen == 0 && ulen > 0 && url[ulen - 1] == '/' && strcmp(program, "list") == 0)
		;	/* the directory is the bundle's front page */
	else if (strcmp(program, "list") == 0 && strcmp(r->path_info, "/about") == 0 &&
	    (ulen == 0 || url[ulen - 1] != '/') && (ulen < 5 || strncmp(url + ulen - 5, "/list", 5) != 0))
		ulen++;	/* …/partners/about, the list program's About page at the bundle's top */
	else if (ulen > nlen && url[ulen - nlen - 1] == '/' && strncmp(url + ulen - nlen, program, nlen) == 0)
		ulen -= nlen;
	else
		return 0;
	if (ulen >= sizeof r->link_prefix || !plain_path(url, ulen))
		return 0;
	memcpy(r->link_prefix, url, ulen);
	r->link_prefix[ulen] = '\0';
	r->link_suffix[0] = '\0';
	return 1;
}

/*
 * SCRIPT_NAME is "/list" behind the bundled nginx and "/x/cgi-bin/list.cgi" on a shared
 * host: split it around the program's own name so links to any program keep the same shape.
 * A bundle's stylesheet is beside its cgi-bin: "/x/htdocs".
 */
static void
split_script_name(struct req *r, const char *program)
{
	const char *sn = req_env(r, "SCRIPT_NAME");
	const char *base = strrchr(sn, '/'), *cgi_bin;
	size_t plen, nlen = strlen(program);

	base = base ? base + 1 : sn;
	plen = (size_t)(base - sn);
	if (plen >= sizeof r->link_prefix)
		plen = 0;
	if (http_settings.static_url[0])
		snprintf(r->static_url, sizeof r->static_url, "%s", http_settings.static_url);
	else if ((cgi_bin = strstr(sn, "/cgi-bin/")) != NULL && plain_path(sn, (size_t)(cgi_bin - sn) + 1))
		snprintf(r->static_url, sizeof r->static_url, "%.*shtdocs", (int)(cgi_bin - sn) + 1, sn);
	else
		strcpy(r->static_url, "/static");
	if (http_settings.bundled && clean_links(r, program))
		return;
	memcpy(r->link_prefix, sn, plen);
	r->link_prefix[plen] = '\0';
	if (plen == 0 && sn[0] != '/')
		strcpy(r->link_prefix, "/");
	r->link_suffix[0] = '\0';
	if (strncmp(base, program, nlen) == 0 && strlen(base + nlen) < sizeof r->link_suffix)
		strcpy(r->link_suffix, base + nlen);
}

/* The one error page, drawn by the layer above; extra is more header lines, or NULL. */
void
req_error_page(struct req *r, int status, const char *extra, const char *detail)
{
	if (r->headers_sent && r->body_started) {
		/* Too late for a status; the truncated body is the best signal left. */
		r->out_error = 1;
		return;
	}
	r->head_len = 0;	/* headers chosen but not sent: this answer replaces them */
	r->cache_len = 0;
	r->headers_sent = 0;
	if (http_hooks.error_page)
		http_hooks.error_page(r, status, extra, detail);
	else {
		req_head(r, status, "text/plain; charset=utf-8", extra);
		req_puts(r, detail);
		req_puts(r, "\n");
	}
}

void
req_error(struct req *r, int status, const char *detail)
{
	req_error_page(r, status, status == 503 ? "Retry-After: 5\r\n" : NULL, detail);
}

void
req_not_modified(struct req *r)
{
	char buf[64];
	int n;

	if (r->headers_sent)
		return;
	r->headers_sent = 1;
	r->status = 304;
	n = snprintf(buf, sizeof buf, "Status: 304 %s\r\n", http_reason(304));
	head_append(r, buf, (size_t)n);
	head_append(r, r->cache_headers, strlen(r->cache_headers));
	head_append(r, "\r\n", 2);
}

void
req_method_not_allowed(struct req *r, const char *allow)
{
	char extra[64];
	char detail[128];

	snprintf(extra, sizeof extra, "Allow: %s\r\n", allow);
	snprintf(detail, sizeof detail, "This address answers only these requests: %s.", allow);
	req_error_page(r, 405, extra, detail);
}

/* The host name of an authority ("Host: a.example:8080", "[::1]:80"), without the port: its
 * start and length. */
static size_t
host_part(const char *authority, const char **host)
{
	const char *end;

	*host = authority;
	if (authority[0] == '[')
		return (end = strchr(authority, ']')) ? (size_t)(end - authority) + 1 : strlen(authority);
	return strcspn(authority, ":/");
}

/* 1 when the authority a (or the host of URL a, "https://a.example/x") has the host name h. */
static int
same_host(const char *a, const char *h, size_t hlen)
{
	const char *ah, *sep = strstr(a, "://");
	size_t alen = host_part(sep ? sep + 3 : a, &ah);

	return hlen > 0 && alen == hlen && strncasecmp(ah, h, hlen) == 0;
}

/*
 * A form sent to us from another site's page (cross-site request forgery; signing a visitor
 * into an account someone else controls) is refused here, for every program, before any of
 * them reads it. Browsers name where a request comes from: Sec-Fetch-Site (same-origin and
 * none, a typed address or bookmark, pass; cross-site and same-site, another subdomain, do not)
 * and, where that is absent or unknown, Origin, whose host must be LIAISON_BASE_URL's or the
 * Host the request was sent to. A request with neither (curl, scripts, old browsers) passes: the form
 * tokens still guard it. Returns NULL, or why the request is refused.
 */
const char *
req_cross_site(const struct req *r)
{
	static const char refused[] = "This form was sent from a page on another site, so nothing "
	    "was done. If you meant to send it, open the form on this site and send it from there.";
	const char *fetch_site = req_env(r, "HTTP_SEC_FETCH_SITE"), *origin = req_env(r, "HTTP_ORIGIN");
	const char *oh, *sep;
	size_t olen;

	if (strcasecmp(fetch_site, "same-origin") == 0 || strcasecmp(fetch_site, "none") == 0)
		return NULL;
	if (strcasecmp(fetch_site, "cross-site") == 0 || strcasecmp(fetch_site, "same-site") == 0)
		return refused;
	if (*origin == '\0')
		return NULL;
	/* "null" (a sandboxed frame, a redirect across sites) or anything not scheme://host */
	if ((sep = strstr(origin, "://")) == NULL)
		return refused;
	olen = host_part(sep + 3, &oh);
	if (same_host(req_env(r, "HTTP_HOST"), oh, olen) ||
	    (http_settings.base_url[0] && same_host(http_settings.base_url, oh, olen)))
		return NULL;
	return refused;
}


static int
write_to_request(void *arg, const char *bytes, size_t len)
{
	struct req *r = arg;

	req_write(r, bytes, len);
	return r->out_error ? -1 : 0;
}

void
req_begin(struct req *r, const char *program)
{
	const char *m = req_env(r, "REQUEST_METHOD");

	r->method_name = m;
	r->method = strcmp(m, "GET") == 0 ? METHOD_GET :
	    strcmp(m, "HEAD") == 0 ? METHOD_HEAD :
	    strcmp(m, "POST") == 0 ? METHOD_POST : METHOD_OTHER;
	r->path_info = req_env(r, "PATH_INFO");
	r->query = req_env(r, "QUERY_STRING");
	r->headers_sent = 0;
	r->status = 0;
	r->out_error = 0;
	r->head_len = 0;
	r->body_started = 0;
	r->discarding = 0;
	r->no_keep = 0;
	r->cache_headers[0] = '\0';
	r->cache_at = r->cache_len = 0;
	r->content_type = NULL;
	r->tee = NULL;
	r->tee_arg = NULL;
	r->body.write = write_to_request;
	r->body.arg = r;
	r->body.failed = 0;
	split_script_name(r, program);
}

void
req_end(struct req *r)
{
	send_head(r);	/* an answer with no body, such as a redirect, has its headers still waiting */
}

struct sink *
req_sink(struct req *r)
{
	return &r->body;
}

void
req_attachment(struct req *r, const char *content_type, const char *filename)
{
	char extra[256];

	snprintf(extra, sizeof extra,
	    "Content-Disposition: attachment; filename=\"%s\"\r\n", filename);
	req_head(r, 200, content_type, extra);
}
