/*
 * pagecache.c - see pagecache.h. A small array searched linearly: with a few dozen pages a
 * string compare per slot costs less than hashing, and eviction is least-recently-used.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "db.h"
#include "http.h"
#include "pagecache.h"

#define SLOTS_MAX	256

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
	sqlite3_int64 v = db_change_counter();
	time_t now = time(NULL);
	int day = (int)(now / 86400);

	if (v != version_seen || day != day_seen) {
		pagecache_clear();
		version_seen = v;
		day_seen = day;
	}
}

static char *
make_key(const struct req *r)
{
	const char *sn = req_env(r, "SCRIPT_NAME"), *pi = r->path_info, *q = r->query;
	size_t n = strlen(sn) + strlen(pi) + strlen(q) + 3;
	char *k = malloc(n);

	if (k)
		snprintf(k, n, "%s\n%s\n%s", sn, pi, q);
	return k;
}

int
pagecache_serve(struct req *r)
{
	char *key;

	if (slots() <= 0)
		return 0;
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

void
pagecache_begin(struct req *r)
{
	/* A CGI process answers one request and exits: nothing would ever be served from it. */
	if (slots() > 0 && !r->headers_sent && !r->is_cgi)
		r->capture = calloc(1, sizeof *r->capture);
}

void
pagecache_end(struct req *r)
{
	struct capture *c = r->capture;
	struct page *victim = &pages[0];
	char *key;

	r->capture = NULL;
	if (c == NULL)
		return;
	if (c->overflow || r->out_error || r->status != 200 || (key = make_key(r)) == NULL) {
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

void
pagecache_discard(struct req *r)
{
	if (r->capture) {
		r->capture->overflow = 1;
		free(r->capture->buf);
		r->capture->buf = NULL;
	}
}

void
capture_append(struct capture *c, const char *s, size_t n)
{
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
