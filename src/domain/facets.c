/*
 * facets.c - the facet summary and its per-process cache (see facets.h).
 *
 * Facet counts are the expensive part of a directory page (six GROUP BYs over every listed
 * organization) and they change only when the data does, so they are cached per process,
 * keyed on the filter, the search and db_public_version(). The cache is small and bounded: a
 * directory page with a filter nobody else uses costs one computation and is then forgotten.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "directory.h"
#include "facets.h"
#include "search.h"

_Static_assert(SUMMARY_STMTS == 1 + FACET__MAX, "a summary is a count and one statement per facet");

#define CACHE_SLOTS	16
/* Six codes, then a search's expressions (search_key() bounds them), with separators. */
#define SUMMARY_KEY_MAX	(6 * 40 + SEARCH_KEY_MAX)

static struct slot {
	int				used;
	sqlite3_int64			version;
	unsigned long			last_use;
	char				key[SUMMARY_KEY_MAX];
	struct directory_summary	sum;
} cache[CACHE_SLOTS];
static unsigned long clock_tick, serials;

static void
free_summary(struct directory_summary *s)
{
	for (int f = 0; f < FACET__MAX; f++) {
		for (size_t i = 0; i < s->facets[f].n; i++) {
			free(s->facets[f].items[i].value);
			free(s->facets[f].items[i].label);
		}
		free(s->facets[f].items);
		s->facets[f].items = NULL;
		s->facets[f].n = 0;
	}
}

void
directory_cache_clear(void)
{
	for (int i = 0; i < CACHE_SLOTS; i++) {
		if (cache[i].used)
			free_summary(&cache[i].sum);
		cache[i].used = 0;
	}
}

/* The first of a summary's statements: /list's, or those of the way search finds its rows. */
static enum stmt
summary_base(const struct search *q)
{
	return q ? search_summary_base(q) : STMT_LIST_SUMMARY;
}

/*
 * 1 when counts over the whole directory are what is wanted (no search, no filter but skip's
 * own): schema 009 keeps those current in facet_count, so they are read rather than counted,
 * which on a large directory is the difference between 0.4 s and a millisecond.
 */
static int
whole_directory(const struct org_filter *f, const struct search *q, enum facet skip)
{
	if (q)
		return 0;
	for (int i = 0; i < FACET__MAX; i++)
		if (i != (int)skip && f->value[i])
			return 0;
	return 1;
}

/* Runs one facet statement into out; returns the sqlite3_step result that ended it. */
static int
load_facet(enum facet which, const struct org_filter *f, const struct search *q,
    struct facet_list *out)
{
	int kept = whole_directory(f, q, which);
	sqlite3_stmt *s = db_stmt((kept ? STMT_KEPT_SUMMARY : summary_base(q)) + 1 + which);
	size_t cap = 0;
	int rc;

	if (s == NULL)
		return SQLITE_ERROR;
	if (!kept)
		directory_bind_filter(s, f, which);
	if (q)
		search_bind(s, q);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct facet_item *it;

		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct facet_item *items = realloc(out->items, ncap * sizeof *items);
			if (items == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			out->items = items;
			cap = ncap;
		}
		it = &out->items[out->n];
		it->value = strdup(directory_text(s, 0));
		it->label = strdup(directory_text(s, 1));
		it->count = sqlite3_column_int64(s, 2);
		if (it->value == NULL || it->label == NULL) {
			free(it->value);
			free(it->label);
			rc = SQLITE_NOMEM;
			break;
		}
		out->n++;
	}
	db_done(s);
	return rc;
}

static int
compute(const struct org_filter *f, const struct search *q, struct directory_summary *sum)
{
	int kept = whole_directory(f, q, FACET__MAX);
	sqlite3_stmt *s = db_stmt(kept ? STMT_KEPT_SUMMARY : summary_base(q));
	int rc;

	memset(sum, 0, sizeof *sum);
	if (s == NULL)
		return SQLITE_ERROR;
	if (!kept)
		directory_bind_filter(s, f, FACET__MAX);
	if (q)
		search_bind(s, q);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		sum->total = sqlite3_column_int64(s, 0);
	db_done(s);
	if (rc != SQLITE_ROW)
		return rc;
	for (int i = 0; i < FACET__MAX; i++)
		if ((rc = load_facet((enum facet)i, f, q, &sum->facets[i])) != SQLITE_DONE)
			return rc;
	return SQLITE_DONE;
}

struct directory_summary *
directory_summary(const struct org_filter *f, const struct search *q, int *busy)
{
	sqlite3_int64 version = db_public_version();
	struct slot *victim = &cache[0];
	char key[sizeof cache[0].key];
	size_t len;
	int rc;

	*busy = 0;
	len = (size_t)snprintf(key, sizeof key, "%s|%s|%s|%s|%s|%s|",
	    f->value[0] ? f->value[0] : "", f->value[1] ? f->value[1] : "",
	    f->value[2] ? f->value[2] : "", f->value[3] ? f->value[3] : "",
	    f->value[4] ? f->value[4] : "", f->value[5] ? f->value[5] : "");
	if (q && len < sizeof key)
		search_key(q, key + len, sizeof key - len);
	clock_tick++;
	for (int i = 0; i < CACHE_SLOTS; i++) {
		struct slot *sl = &cache[i];
		if (sl->used && sl->version == version && strcmp(sl->key, key) == 0) {
			sl->last_use = clock_tick;
			return &sl->sum;
		}
		/* Prefer an empty or outdated slot, else the least recently used. */
		if (!sl->used || sl->version != version)
			victim = sl;
		else if (victim->used && victim->version == version && sl->last_use < victim->last_use)
			victim = sl;
	}
	if (victim->used)
		free_summary(&victim->sum);
	victim->used = 0;
	rc = compute(f, q, &victim->sum);
	if (rc != SQLITE_DONE) {
		free_summary(&victim->sum);
		*busy = db_is_busy(rc);
		return NULL;
	}
	victim->sum.serial = ++serials;
	victim->used = 1;
	victim->version = version;
	victim->last_use = clock_tick;
	snprintf(victim->key, sizeof victim->key, "%s", key);
	return &victim->sum;
}
