/*
 * pagecache.c - see pagecache.h. A small array searched linearly: with a few dozen pages a
 * string compare per slot costs less than hashing, and eviction is least-recently-used.
 *
 * Under plain CGI the process exits after one request, so the page is kept in the database
 * instead (page_store, schema 008), under the version of the directory it was made from,
 * which triggers move on every change to what it shows. Its key starts with what else a page
 * depends on: this program's file, the templates and the settings pages show, so that an
 * upgrade or an edited template is never answered with an old page.
 *
 * The same things make the validators every public page and CSV file carries for caches in
 * front (pagecache_conditional, at the end), so a cache's copy is answered 304 exactly when
 * this cache would have served the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <dirent.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "config.h"
#include "crypto.h"
#include "db.h"
#include "http.h"
#include "pagecache.h"

#define SLOTS_MAX	256

/* The copy being made of a response, while it is sent. */
struct capture {
	char	*buf;
	size_t	 len, cap;
	int	 overflow;	/* grew past PAGECACHE_PAGE_MAX: will not be kept */
};

static void	capture_append(void *, const char *, size_t);

static struct page {
	char		*key;
	char		*body;		/* the whole response, headers included */
	size_t		 len;
	unsigned long	 last_use;
} pages[SLOTS_MAX];
static sqlite3_int64	version_seen = -1;
static int		day_seen = -1;
static unsigned long	tick;

static int
slots(void)
{
	return config.page_cache < SLOTS_MAX ? config.page_cache : SLOTS_MAX;
}

void
pagecache_clear(void)
{
	for (int i = 0; i < SLOTS_MAX; i++) {
		free(pages[i].key);
		free(pages[i].body);
		memset(&pages[i], 0, sizeof pages[i]);
	}
}

/* Drops every page when the database or the date has changed since the last look. */
static void
expire(void)
{
	sqlite3_int64 v = db_public_version();
	time_t now = time(NULL);
	int day = (int)(now / 86400);

	if (v != version_seen || day != day_seen) {
		pagecache_clear();
		version_seen = v;
		day_seen = day;
	}
}

/* The newest modification time of the files in dir (0 if it cannot be read). */
static long long
newest_in(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;
	char path[1400];
	long long newest = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (e->d_name[0] != '.' && stat(path, &st) == 0 && (long long)st.st_mtime > newest)
			newest = (long long)st.st_mtime;
	}
	closedir(d);
	return newest;
}

/* What a stored page depends on besides the data and its URL, worked out once a process. */
static const char *
generation(void)
{
	static char g[1400];
	struct stat exe;

	if (g[0] == '\0')
		snprintf(g, sizeof g, "%d|%lld|%lld|%s|%s|%s", SCHEMA_VERSION,
		    stat("/proc/self/exe", &exe) == 0 ? (long long)exe.st_mtime : 0LL,
		    newest_in(config.template_root), config.site_name, config.static_url,
		    config.base_url);
	return g;
}

static char *
make_key(const struct req *r)
{
	/* The links' shape is part of the page: one program answers clean and cgi-bin addresses. */
	const char *sn = req_env(r, "SCRIPT_NAME"), *pi = r->path_info, *q = r->query;
	const char *g = r->is_cgi ? generation() : "";
	size_t n = strlen(g) + strlen(sn) + strlen(r->link_prefix) + strlen(r->link_suffix) +
	    strlen(pi) + strlen(q) + strlen(r->cache_headers) + 10;
	char *k = malloc(n);

	/*
	 * HTTPS too: it decides Strict-Transport-Security, which is among the bytes kept. And the
	 * page's validators (pagecache_conditional), which are kept with it: a page is never
	 * answered with an ETag other than the one its request was told, whatever moved it (a
	 * restore's new epoch, a setting).
	 */
	if (k)
		snprintf(k, n, "%s\n%s\n%s\n%s\n%s\n%s\n%d\n%s", g, sn, r->link_prefix, r->link_suffix,
		    pi, q, req_is_https(r), r->cache_headers);
	return k;
}

/* 1 when this request may use the page store: plain CGI, the cache on, templates not being edited. */
static int
stored(const struct req *r)
{
	return r->is_cgi && slots() > 0 && !config.reload_templates;
}

static long
today(void)
{
	return (long)(time(NULL) / 86400);
}

/* Answers from the page store: 1 if it held this page for this version and day. */
static int
store_serve(struct req *r)
{
	sqlite3_stmt *s = db_stmt(STMT_PAGE_STORE_GET);
	char *key = make_key(r);
	int served = 0;

	if (s != NULL && key != NULL) {
		sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, today());
		if (sqlite3_step(s) == SQLITE_ROW) {
			r->headers_sent = 1;
			r->status = 200;
			req_write(r, sqlite3_column_blob(s, 0), (size_t)sqlite3_column_bytes(s, 0));
			served = 1;
		}
	}
	db_done(s);
	free(key);
	return served;
}

/* The directory's version as this page starts to be made: a page is kept under it, so a
 * change while it was being made leaves it under a version that is already old. */
static sqlite3_int64 store_version = -1;

static void
store_keep(struct req *r, const char *body, size_t len)
{
	sqlite3_stmt *s;
	char *key;

	if (store_version < 0 || (key = make_key(r)) == NULL)
		return;
	if ((s = db_stmt(STMT_PAGE_STORE_PRUNE)) != NULL) {
		sqlite3_bind_int64(s, 1, today());
		db_write_best_effort(s);
	}
	if ((s = db_stmt(STMT_PAGE_STORE_PUT)) != NULL) {
		sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, store_version);
		sqlite3_bind_int64(s, 3, today());
		sqlite3_bind_blob(s, 4, body, (int)len, SQLITE_STATIC);
		db_write_best_effort(s);	/* busy, full or read-only: the page is made again */
	}
	free(key);
}

static int
pagecache_serve(struct req *r)
{
	char *key;

	if (slots() <= 0)
		return 0;
	if (stored(r))
		return store_serve(r);
	expire();
	if ((key = make_key(r)) == NULL)
		return 0;
	for (int i = 0; i < slots(); i++) {
		if (pages[i].key && strcmp(pages[i].key, key) == 0) {
			pages[i].last_use = ++tick;
			r->headers_sent = 1;
			r->status = 200;
			req_write(r, pages[i].body, pages[i].len);
			free(key);
			return 1;
		}
	}
	free(key);
	return 0;
}

static void
pagecache_begin(struct req *r)
{
	sqlite3_stmt *s;

	if (slots() <= 0 || r->headers_sent || (r->is_cgi && !stored(r)))
		return;
	if (stored(r)) {
		store_version = -1;
		if ((s = db_stmt(STMT_PAGE_STORE_VERSION)) != NULL && sqlite3_step(s) == SQLITE_ROW)
			store_version = sqlite3_column_int64(s, 0);
		db_done(s);
		if (store_version < 0)
			return;
	}
	if ((r->tee_arg = calloc(1, sizeof(struct capture))) != NULL)
		r->tee = capture_append;
}

static void
pagecache_end(struct req *r)
{
	struct capture *c = r->tee == capture_append ? r->tee_arg : NULL;
	struct page *victim = &pages[0];
	char *key;

	r->tee = NULL;
	r->tee_arg = NULL;
	if (c == NULL)
		return;
	/* Never keep a page made while the database failed: it may be missing rows. */
	if (c->overflow || r->out_error || r->no_keep || r->status != 200 || db_request_error() != 0) {
		free(c->buf);
		free(c);
		return;
	}
	if (stored(r)) {
		store_keep(r, c->buf, c->len);
		free(c->buf);
		free(c);
		return;
	}
	if ((key = make_key(r)) == NULL) {
		free(c->buf);
		free(c);
		return;
	}
	for (int i = 0; i < slots(); i++) {
		if (pages[i].key == NULL) {
			victim = &pages[i];
			break;
		}
		if (pages[i].last_use < victim->last_use)
			victim = &pages[i];
	}
	free(victim->key);
	free(victim->body);
	victim->key = key;
	victim->body = c->buf;
	victim->len = c->len;
	victim->last_use = ++tick;
	free(c);
}

/* The request's tee (http.h): every byte sent is copied here too. */
static void
capture_append(void *arg, const char *s, size_t n)
{
	struct capture *c = arg;

	if (c->overflow)
		return;
	if (c->len + n > PAGECACHE_PAGE_MAX) {
		c->overflow = 1;
		free(c->buf);
		c->buf = NULL;
		return;
	}
	if (c->len + n > c->cap) {
		size_t cap = c->cap ? c->cap : 16384;
		char *b;

		while (cap < c->len + n)
			cap *= 2;
		if ((b = realloc(c->buf, cap)) == NULL) {
			c->overflow = 1;
			free(c->buf);
			c->buf = NULL;
			return;
		}
		c->buf = b;
		c->cap = cap;
	}
	memcpy(c->buf + c->len, s, n);
	c->len += n;
}

void
pagecache_process(struct req *r, void (*make)(struct req *, void *), void *arg)
{
	if (pagecache_serve(r))
		return;
	pagecache_begin(r);
	make(r, arg);
	pagecache_end(r);
}

/* --- validators for caches in front (issue 22) ---------------------------------------------- */

/* 1 when path is "/" followed by an id as the route tables take it: 1 to 15 digits, no leading 0. */
static int
id_path(const char *path)
{
	size_t n = strspn(path + 1, "0123456789");

	return path[0] == '/' && n >= 1 && n <= 15 && path[1] != '0' && path[1 + n] == '\0';
}

/*
 * Which of a program's answers a shared cache may keep: 0 none, 1 the directory's pages, 2 the
 * report. Only the pages every visitor sees alike: the directory, a profile, /about, search
 * and matches, their CSV files; the report when it is public and the request is not from a
 * signed-in reader, whose report shows more (a session cookie, or the web server's own
 * sign-in under LIAISON_TRUST_REMOTE_USER). Contact forms, staff programs and the rest: none.
 */
static int
public_kind(const struct req *r, const char *program)
{
	const char *pi = r->path_info;
	int top = pi[0] == '\0' || strcmp(pi, "/") == 0;

	if (r->method != METHOD_GET && r->method != METHOD_HEAD)
		return 0;
	if (strcmp(program, "list") == 0)
		return top || id_path(pi) || strcmp(pi, "/about") == 0;
	if (strcmp(program, "search") == 0)
		return top;
	if (strcmp(program, "report") == 0 && top && config.report_public &&
	    strstr(req_env(r, "HTTP_COOKIE"), "liaison_session=") == NULL &&	/* auth.c's name */
	    req_env(r, "REMOTE_USER")[0] == '\0' && req_env(r, "HTTP_AUTHORIZATION")[0] == '\0')
		return 2;
	return 0;
}

/* What a page shows besides the data, its address and the day: the build, the templates, the
 * settings pages show or their headers say; and the newest file time among them. */
static const char *
build_and_settings(long long *newest)
{
	static char b[3000];
	static long long t;
	struct stat exe;

	if (b[0] == '\0' || config.reload_templates) {
		long long e = stat("/proc/self/exe", &exe) == 0 ? (long long)exe.st_mtime : 0LL;
		long long tpl = newest_in(config.template_root);

		t = e > tpl ? e : tpl;
		snprintf(b, sizeof b, "%d|%lld|%lld|%s|%s|%s|%s|%s|%s|%s|%d|%d|%d|%d", SCHEMA_VERSION, e,
		    tpl, config.site_name, config.static_url, config.base_url, config.operator_name,
		    config.operator_email, config.operator_address, config.operator_logo,
		    config.report_public, config.fiscal_year_start, config.public_max_age,
		    config.trust_remote_user);
	}
	*newest = t;
	return b;
}

/* 1 when the If-None-Match list names etag, or is "*"; weak or strong alike (RFC 9110 13.1.2
 * compares weakly, and nginx's gzip turns a strong ETag weak). */
static int
etag_listed(const char *list, const char *etag)
{
	size_t elen = strlen(etag);

	while (*list) {
		size_t n;

		list += strspn(list, " \t,");
		if (strncmp(list, "W/", 2) == 0)
			list += 2;
		n = strcspn(list, " \t,");
		if ((n == 1 && list[0] == '*') || (n == elen && strncmp(list, etag, n) == 0))
			return 1;
		list += n;
	}
	return 0;
}

/* An HTTP date (IMF-fixdate, what we send) as unix seconds; -1 when it is not one. */
static long long
http_date(const char *s)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof tm);
	if ((end = strptime(s, "%a, %d %b %Y %H:%M:%S GMT", &tm)) == NULL || *end != '\0')
		return -1;
	return (long long)timegm(&tm);
}

int
pagecache_conditional(struct req *r, const char *program)
{
	struct db_validators v;
	sqlite3_int64 n;
	long long built, modified, day = (long long)today();
	const char *settings, *inm, *ims;
	char material[4800], hex[2 * CRYPTO_HASH_SIZE + 1], etag[48], date[64];
	uint8_t hash[CRYPTO_HASH_SIZE];
	int kind = public_kind(r, program);
	time_t lm;

	if (kind == 0 || (n = db_public_version()) < 0 || db_validators(&v) < 0)
		return 0;	/* private, and made as usual */
	n &= ((sqlite3_int64)1 << 44) - 1;	/* the table's own number, not this process's opens */
	settings = build_and_settings(&built);
	/* The address and the links' shape (one program answers clean and cgi-bin addresses). */
	snprintf(material, sizeof material, "%s\n%s\n%lld\n%lld\n%lld\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%d",
	    v.epoch, program, (long long)n, kind == 2 ? (long long)v.report_n : 0LL, day, settings,
	    req_env(r, "SCRIPT_NAME"), r->link_prefix, r->link_suffix, r->static_url, r->path_info,
	    r->query, req_is_https(r));
	crypto_sha256(material, strlen(material), hash);
	for (int i = 0; i < 12; i++)
		snprintf(hex + 2 * i, 3, "%02x", hash[i]);
	snprintf(etag, sizeof etag, "\"%.24s\"", hex);
	/* Last-Modified: the last change it shows, or the day's start, the build or templates if later. */
	modified = kind == 2 && v.report_at > v.directory_at ? v.report_at : v.directory_at;
	if (day * 86400 > modified)
		modified = day * 86400;
	if (built > modified)
		modified = built;
	lm = (time_t)modified;
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", gmtime(&lm));
	snprintf(r->cache_headers, sizeof r->cache_headers,
	    "ETag: %s\r\nLast-Modified: %s\r\n"
	    /* Browsers ask again every time (max-age=0: a 304 costs little, and a person who
	     * just changed an entry sees it at once); shared caches keep it s-maxage seconds. */
	    "Cache-Control: public, max-age=0, s-maxage=%d, stale-while-revalidate=%d\r\n%s",
	    etag, date, config.public_max_age, config.public_max_age,
	    kind == 2 ? "Vary: Cookie\r\n" : "");
	inm = req_env(r, "HTTP_IF_NONE_MATCH");
	ims = req_env(r, "HTTP_IF_MODIFIED_SINCE");
	/*
	 * If-Modified-Since only without If-None-Match (RFC 9110 13.2.2), and not within a second
	 * of the change: two changes in one second share a Last-Modified, never an ETag.
	 */
	if (*inm ? etag_listed(inm, etag) :
	    (*ims && http_date(ims) >= modified && modified < (long long)time(NULL) - 1)) {
		req_not_modified(r);
		return 1;
	}
	return 0;
}
