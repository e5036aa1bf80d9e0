/*
 * directory.c - the directory's queries: pages, export, profiles, code lookups. The facet
 * counts beside a page's filters are facets.c's.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "directory.h"

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

void
directory_bind_filter(sqlite3_stmt *s, const struct org_filter *f, enum facet skip)
{
	for (int i = 0; i < FACET__MAX; i++)
		db_bind_text_or_null(s, i + 1, i == (int)skip ? NULL : f->value[i]);
}

const char *
directory_text(sqlite3_stmt *s, int col)
{
	return db_text(s, col);
}

/* read_row reads ORG_COLUMNS (sql.c) from each of these, columns 0 to 22. */
#define ORG_ROW_COLUMNS 23
DB_READER(STMT_ORG_LIST_BY_NAME, ORG_ROW_COLUMNS);
DB_READER(STMT_ORG_LIST_BY_COUNTRY, ORG_ROW_COLUMNS);
DB_READER(STMT_ORG_LIST_BY_CONFIRMED, ORG_ROW_COLUMNS);
DB_READER(STMT_ORG_LIST_IN_COUNTRY_BY_NAME, ORG_ROW_COLUMNS);
DB_READER(STMT_ORG_LIST_IN_COUNTRY_BY_CONFIRMED, ORG_ROW_COLUMNS);
DB_READER(STMT_ORG_GET, ORG_ROW_COLUMNS);

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
