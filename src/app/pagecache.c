/*
 * pagecache.c - see pagecache.h. A small array searched linearly: with a few dozen pages a
 * string compare per slot costs less than hashing, and eviction is least-recently-used.
 *
 * Under plain CGI the process exits after one request, so the page is kept in the database
 * instead (page_store, schema 008), under the version of the directory it was made from,
 * which triggers move on every change to what it shows. Its key starts with what else a page
 * depends on: this program's file, the templates and the settings pages show, so that an
 * upgrade or an edited template is never answered with an old page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "config.h"
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
	    strlen(pi) + strlen(q) + 6;
	char *k = malloc(n);

	if (k)
		snprintf(k, n, "%s\n%s\n%s\n%s\n%s\n%s", g, sn, r->link_prefix, r->link_suffix, pi, q);
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
