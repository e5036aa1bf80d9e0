/*
 * search.c - see search.h. Which statement finds a search's rows, and the bindings that all
 * search statements share: ?9 the words, ?10 the substrings, ?11 and ?12 the short ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"

static const enum stmt page_stmt[] = {
	[SEARCH_WORDS] = STMT_SEARCH_WORDS_PAGE,
	[SEARCH_SUBSTRINGS] = STMT_SEARCH_SUBSTRINGS_PAGE,
	[SEARCH_SCAN] = STMT_SEARCH_SCAN_PAGE,
};
static const enum stmt summary_stmt[] = {
	[SEARCH_WORDS] = STMT_SEARCH_WORDS_SUMMARY,
	[SEARCH_SUBSTRINGS] = STMT_SEARCH_SUBSTRINGS_SUMMARY,
	[SEARCH_SCAN] = STMT_SEARCH_SCAN_SUMMARY,
};

int
search_prepare(struct search *s, const char *input)
{
	int terms = searchquery_parse(input, &s->q);

	s->driver = s->q.words[0] ? SEARCH_WORDS : s->q.substrings[0] ? SEARCH_SUBSTRINGS :
	    SEARCH_SCAN;
	return terms;
}

void
search_bind(sqlite3_stmt *st, const struct search *s)
{
	db_bind_text_or_null(st, 9, s->q.words);
	db_bind_text_or_null(st, 10, s->q.substrings);
	db_bind_text_or_null(st, 11, s->q.nshort > 0 ? s->q.shorts[0] : NULL);
	db_bind_text_or_null(st, 12, s->q.nshort > 1 ? s->q.shorts[1] : NULL);
}

enum stmt
search_summary_base(const struct search *s)
{
	return summary_stmt[s->driver];
}

void
search_key(const struct search *s, char *buf, size_t size)
{
	snprintf(buf, size, "%s\x1f%s\x1f%s\x1f%s", s->q.words, s->q.substrings,
	    s->q.nshort > 0 ? s->q.shorts[0] : "", s->q.nshort > 1 ? s->q.shorts[1] : "");
}

int
search_open(struct org_cursor *c, const struct org_filter *f, const struct search *s,
    long limit, long offset)
{
	c->rc = SQLITE_OK;
	if ((c->stmt = db_stmt(page_stmt[s->driver])) == NULL)
		return -1;
	directory_bind_filter(c->stmt, f, FACET__MAX);
	search_bind(c->stmt, s);
	sqlite3_bind_int64(c->stmt, 7, limit);
	sqlite3_bind_int64(c->stmt, 8, offset);
	return 0;
}

/* search_next_id reads the id, column 0, of each way of finding a page of results. */
DB_READER(STMT_SEARCH_WORDS_PAGE, 1);
DB_READER(STMT_SEARCH_SUBSTRINGS_PAGE, 1);
DB_READER(STMT_SEARCH_SCAN_PAGE, 1);

int
search_next_id(struct org_cursor *c, long long *id)
{
	c->rc = sqlite3_step(c->stmt);
	if (c->rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(c->stmt, 0);
		return 1;
	}
	return c->rc == SQLITE_DONE ? 0 : -1;
}

/* A copy of column col if it holds a mark, else NULL (the plain text is shown instead). */
static char *
marked(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	return t && strchr(t, SEARCH_MARK_ON) ? strdup(t) : NULL;
}

/*
 * text with every occurrence of the short substrings marked, or NULL if none occurs: what
 * highlight() would give had an index found them (a scan has none to ask).
 */
static char *
mark_shorts(const struct search *s, const char *text)
{
	size_t n = strlen(text), o = 0;
	char *out = malloc(3 * n + 1);	/* at worst two marks around every byte */
	int any = 0;

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n;) {
		size_t hit = 0;
		for (int k = 0; k < s->q.nshort && !hit; k++)
			if (strncmp(text + i, s->q.shorts[k], strlen(s->q.shorts[k])) == 0)
				hit = strlen(s->q.shorts[k]);
		if (hit) {
			out[o++] = SEARCH_MARK_ON;
			memcpy(out + o, text + i, hit);
			o += hit;
			out[o++] = SEARCH_MARK_OFF;
			i += hit;
			any = 1;
		} else {
			out[o++] = text[i++];
		}
	}
	out[o] = '\0';
	if (!any) {
		free(out);
		return NULL;
	}
	return out;
}

void
search_marks(const struct search *s, sqlite3_int64 id, const char *name, const char *name_en,
    struct search_marks *m)
{
	sqlite3_stmt *st;

	memset(m, 0, sizeof *m);
	if (s->driver == SEARCH_SCAN) {
		m->name = mark_shorts(s, name);
		m->name_en = mark_shorts(s, name_en);
		return;
	}
	st = db_stmt(s->driver == SEARCH_WORDS ? STMT_SEARCH_WORDS_MARKS :
	    STMT_SEARCH_SUBSTRINGS_MARKS);
	if (st == NULL)
		return;
	search_bind(st, s);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		m->name = marked(st, 0);
		m->name_en = marked(st, 1);
		/* The description's snippet if a term is in it, else what it seeks if one is there. */
		if ((m->snippet = marked(st, 2)) == NULL)
			m->snippet = marked(st, 3);
	}
	db_done(st);
}

void
search_marks_free(struct search_marks *m)
{
	free(m->name);
	free(m->name_en);
	free(m->snippet);
	memset(m, 0, sizeof *m);
}
