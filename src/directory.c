/*
 * directory.c - the directory's queries: pages, export, facets, profiles, code lookups.
 *
 * Facet counts are the expensive part of a directory page (six GROUP BYs over every listed
 * organization) and they change only when the data does, so they are cached per process,
 * keyed on the filter and db_public_version(). The cache is small and bounded: a directory
 * page with a filter nobody else uses costs one computation and is then forgotten.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "directory.h"
#include "search.h"

/* The statement for each order, without and with a country filter (see sql.c for why). */
static const enum stmt by_sort[2][3] = {
	{
		[SORT_NAME] = STMT_ORG_LIST_BY_NAME,
		[SORT_COUNTRY] = STMT_ORG_LIST_BY_COUNTRY,
		[SORT_CONFIRMED] = STMT_ORG_LIST_BY_CONFIRMED,
	}, {
		[SORT_NAME] = STMT_ORG_LIST_IN_COUNTRY_BY_NAME,
		[SORT_COUNTRY] = STMT_ORG_LIST_IN_COUNTRY_BY_NAME,
		[SORT_CONFIRMED] = STMT_ORG_LIST_IN_COUNTRY_BY_CONFIRMED,
	},
};

_Static_assert(SUMMARY_STMTS == 1 + FACET__MAX, "a summary is a count and one statement per facet");

void
directory_bind_filter(sqlite3_stmt *s, const struct org_filter *f, enum facet skip)
{
	for (int i = 0; i < FACET__MAX; i++)
		db_bind_text_or_null(s, i + 1, i == (int)skip ? NULL : f->value[i]);
}

const char *
directory_text(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t ? (const char *)t : "";
}

static void
read_row(sqlite3_stmt *s, struct org_row *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->name = directory_text(s, 1);
	r->name_en = directory_text(s, 2);
	r->kind = directory_text(s, 3);
	r->type_label = directory_text(s, 4);
	r->country = directory_text(s, 5);
	r->country_name = directory_text(s, 6);
	r->region = directory_text(s, 7);
	r->city = directory_text(s, 8);
	r->website = directory_text(s, 9);
	r->description = directory_text(s, 10);
	r->seeking = sqlite3_column_int(s, 11);
	r->seeking_text = directory_text(s, 12);
	r->commitment = directory_text(s, 13);
	r->ages = sqlite3_column_int(s, 14);
	r->timezone = directory_text(s, 15);
	r->confirmed_on = directory_text(s, 16);
	r->stale = sqlite3_column_int(s, 17);
	r->languages = directory_text(s, 18);
	r->interests = directory_text(s, 19);
	r->type = directory_text(s, 20);
	r->public_email = directory_text(s, 21);
	r->contact_name = directory_text(s, 22);
}

int
directory_open(struct org_cursor *c, const struct org_filter *f, enum org_sort sort, long limit,
    long offset)
{
	c->rc = SQLITE_OK;
	if ((c->stmt = db_stmt(by_sort[f->value[FACET_COUNTRY] != NULL][sort])) == NULL)
		return -1;
	directory_bind_filter(c->stmt, f, FACET__MAX);
	sqlite3_bind_int64(c->stmt, 7, limit);
	sqlite3_bind_int64(c->stmt, 8, offset);
	return 0;
}

int
directory_next(struct org_cursor *c, struct org_row *r)
{
	c->rc = sqlite3_step(c->stmt);
	if (c->rc == SQLITE_ROW) {
		read_row(c->stmt, r);
		return 1;
	}
	return c->rc == SQLITE_DONE ? 0 : -1;
}

void
directory_close(struct org_cursor *c)
{
	db_done(c->stmt);
	c->stmt = NULL;
}

int
directory_busy(const struct org_cursor *c)
{
	return db_is_busy(c->rc);
}

int
directory_get(struct org_cursor *c, sqlite3_int64 id, struct org_row *r)
{
	c->rc = SQLITE_OK;
	if ((c->stmt = db_stmt(STMT_ORG_GET)) == NULL)
		return -1;
	sqlite3_bind_int64(c->stmt, 1, id);
	return directory_next(c, r);
}

int
directory_partners_open(struct org_cursor *c, sqlite3_int64 org_id)
{
	c->rc = SQLITE_OK;
	if ((c->stmt = db_stmt(STMT_ORG_PARTNERS)) == NULL)
		return -1;
	sqlite3_bind_int64(c->stmt, 1, org_id);
	return 0;
}

int
directory_partner_next(struct org_cursor *c, struct partner_row *p)
{
	c->rc = sqlite3_step(c->stmt);
	if (c->rc != SQLITE_ROW)
		return c->rc == SQLITE_DONE ? 0 : -1;
	p->id = sqlite3_column_int64(c->stmt, 0);
	p->name = directory_text(c->stmt, 1);
	p->country_name = directory_text(c->stmt, 2);
	p->kind = directory_text(c->stmt, 3);
	p->status = directory_text(c->stmt, 4);
	p->start_on = directory_text(c->stmt, 5);
	return 1;
}

/* --- facet counts, cached ----------------------------------------------------------------- */

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
static unsigned long clock_tick;

static void
free_summary(struct directory_summary *s)
{
	free(s->rendered);
	s->rendered = NULL;
	s->rendered_len = 0;
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
	victim->used = 1;
	victim->version = version;
	victim->last_use = clock_tick;
	snprintf(victim->key, sizeof victim->key, "%s", key);
	return &victim->sum;
}

/* --- lookups for the parameter tables ---------------------------------------------------- */

static int
exists(enum stmt id, const char *code)
{
	sqlite3_stmt *s = db_stmt(id);
	int found;

	if (s == NULL)
		return 0;
	sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	found = sqlite3_step(s) == SQLITE_ROW;
	db_done(s);
	return found;
}

int directory_country_known(const char *c) { return exists(STMT_COUNTRY_EXISTS, c); }
int directory_language_known(const char *c) { return exists(STMT_LANGUAGE_EXISTS, c); }
int directory_interest_known(const char *c) { return exists(STMT_INTEREST_EXISTS, c); }
int directory_type_known(const char *c) { return exists(STMT_TYPE_EXISTS, c); }

/* --- words for codes ------------------------------------------------------------------- */

const char *
directory_kind_label(const char *kind)
{
	return strcmp(kind, "library") == 0 ? "Library" :
	    strcmp(kind, "community") == 0 ? "Community organization" : kind;
}

const char *
directory_commitment_label(const char *c)
{
	return strcmp(c, "informal") == 0 ? "Informal" :
	    strcmp(c, "memorandum") == 0 ? "Memorandum of understanding" :
	    strcmp(c, "formal") == 0 ? "Formal agreement" : c;
}

void
directory_ages_text(int ages, char *buf, size_t size)
{
	static const char *const band[] = {
		"children 0–5", "children 6–11", "teens 12–18", "adults", "all ages"
	};
	size_t len = 0;
	int shown = 0, total = 0;

	for (int i = 0; i < 5; i++)
		total += (ages >> i) & 1;
	buf[0] = '\0';
	for (int i = 0; i < 5 && len < size; i++) {
		if (!((ages >> i) & 1))
			continue;
		shown++;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    shown == 1 ? "" : shown == total ? " and " : ", ", band[i]);
	}
	if (total == 0)
		snprintf(buf, size, "not stated");
	else
		buf[0] = (char)(buf[0] >= 'a' && buf[0] <= 'z' ? buf[0] - 32 : buf[0]);
}
