/*
 * match.c - see match.h. One pass over the org_for_matching index scores every candidate in
 * C: the interests as one AND of bit sets, the shared languages by bisection in the sorted
 * list of organizations that speak one of the target's, the office hours by arithmetic. Only
 * the best MATCH_RESULTS_MAX are kept, and only they are described in words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "directory.h"
#include "match.h"

#define DAY	1440
#define WEEK	(7 * DAY)
#define OPENS	(9 * 60)
#define CLOSES	(17 * 60)

int
match_compatible(const struct match_org *a, const struct match_org *b)
{
	int a_wants_b = a->seeks == 'a' || a->seeks == (b->library ? 'l' : 'c');
	int b_wants_a = b->seeks == 'a' || b->seeks == (a->library ? 'l' : 'c');

	if (!a_wants_b || !b_wants_a || (!a->library && !b->library))
		return 0;
	return a->library == b->library || strcmp(a->country, b->country) == 0;
}

static int
overlap(int a0, int a1, int b0, int b1)
{
	int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
	return hi > lo ? hi - lo : 0;
}

int
match_office_overlap(int offset_a, int offset_b, int *days)
{
	int best = 0;

	*days = 0;
	for (int d = 0; d < 5; d++) {
		/* a's working day d, in minutes of the week since Monday 00:00 UTC */
		int a0 = d * DAY + OPENS - offset_a, a1 = a0 + CLOSES - OPENS, in_common = 0;

		for (int e = 0; e < 5; e++) {
			int b0 = e * DAY + OPENS - offset_b, b1 = b0 + CLOSES - OPENS;
			for (int wrap = -1; wrap <= 1; wrap++)
				in_common += overlap(a0, a1, b0 + wrap * WEEK, b1 + wrap * WEEK);
		}
		if (in_common > 0)
			(*days)++;
		if (in_common > best)
			best = in_common;
	}
	return best;
}

/*
 * match_office_overlap for a scan that asks it for the same zone a against every candidate:
 * zones fall on quarter hours, so each pair is worked out once and remembered.
 */
static int
office_overlap_remembered(int a, int b, int *days)
{
	static int for_a = -1, known[(840 + 720) / 15 + 1], minutes[(840 + 720) / 15 + 1],
	    days_of[(840 + 720) / 15 + 1];
	int i = (b + 720) / 15;

	if (b % 15 != 0 || b < -720 || b > 840)
		return match_office_overlap(a, b, days);
	if (a != for_a) {
		memset(known, 0, sizeof known);
		for_a = a;
	}
	if (!known[i]) {
		minutes[i] = match_office_overlap(a, b, &days_of[i]);
		known[i] = 1;
	}
	*days = days_of[i];
	return minutes[i];
}

static int
bits(uint64_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

int
match_score(const struct match_org *a, const struct match_org *b, int share_language,
    struct match_result *m)
{
	int hour_points;

	memset(m, 0, sizeof *m);
	m->id = b->id;
	m->interests = a->interest_bits & b->interest_bits;
	m->language = share_language != 0;
	if (m->interests == 0 && !m->language)
		return 0;
	m->ages = a->ages & b->ages;
	if (m->ages == 0 && ((a->ages & 16 && b->ages) || (b->ages & 16 && a->ages)))
		m->ages = 16;	/* "all ages" meets whatever the other serves */
	m->hours_min = office_overlap_remembered(a->utc_offset_min, b->utc_offset_min, &m->hours_days);
	m->sister = a->library && b->library;
	m->same_city = !m->sister && a->city && b->city && a->city[0] &&
	    strcmp(a->city, b->city) == 0;
	m->fresh = b->fresh;
	hour_points = m->hours_min / 120;
	if (hour_points > MATCH_POINTS_HOURS_MAX)
		hour_points = MATCH_POINTS_HOURS_MAX;
	m->score = MATCH_POINTS_INTEREST * bits(m->interests) +
	    (m->language ? MATCH_POINTS_LANGUAGE : 0) + (m->ages ? MATCH_POINTS_AGES : 0) +
	    hour_points + (m->same_city ? MATCH_POINTS_SAME_CITY : 0) +
	    (m->fresh ? MATCH_POINTS_FRESH : 0);
	return m->score;
}

/* --- reading the database ---------------------------------------------------------------- */

/*
 * Columns: id, kind = 'library', seeks, country, city, interest_bits, ages, utc_offset_min,
 * fresh. Called once per candidate: only whole numbers and short codes are read.
 */
static void
read_org(sqlite3_stmt *s, struct match_org *o)
{
	const unsigned char *seeks = sqlite3_column_text(s, 2);
	const unsigned char *country = sqlite3_column_text(s, 3);

	o->id = sqlite3_column_int64(s, 0);
	o->library = sqlite3_column_int(s, 1);
	o->seeks = seeks && seeks[0] == 'l' ? 'l' : seeks && seeks[0] == 'c' ? 'c' : 'a';
	o->country[0] = country && country[0] ? (char)country[0] : '\0';
	o->country[1] = o->country[0] ? (char)country[1] : '\0';
	o->country[2] = '\0';
	o->city = directory_text(s, 4);
	o->interest_bits = (uint64_t)sqlite3_column_int64(s, 5);
	o->ages = sqlite3_column_int(s, 6);
	o->utc_offset_min = sqlite3_column_int(s, 7);
	o->fresh = sqlite3_column_int(s, 8);
}

/* The ids statement id yields for ?1 = of, in a malloc'd array. Returns the step result. */
static int
load_ids(enum stmt id, sqlite3_int64 of, sqlite3_int64 **ids, size_t *n)
{
	sqlite3_stmt *s = db_stmt(id);
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (s == NULL)
		return SQLITE_ERROR;
	sqlite3_bind_int64(s, 1, of);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			sqlite3_int64 *grown = realloc(*ids, (cap = cap ? cap * 2 : 64) * sizeof **ids);
			if (grown == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			*ids = grown;
		}
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	db_done(s);
	return rc;
}

static int
in_sorted(const sqlite3_int64 *ids, size_t n, sqlite3_int64 id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ids[mid] == id)
			return 1;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int
in_list(const sqlite3_int64 *ids, size_t n, sqlite3_int64 id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

static int
better(const struct match_result *x, const struct match_result *y)
{
	if (x->score != y->score)
		return x->score > y->score;
	if (x->hours_min != y->hours_min)
		return x->hours_min > y->hours_min;
	return x->id < y->id;
}

/* Keeps out[0..*n) the best, best first, with m offered. */
static void
keep_best(struct match_result *out, size_t *n, const struct match_result *m)
{
	size_t at = *n;

	if (*n == MATCH_RESULTS_MAX) {
		if (!better(m, &out[*n - 1]))
			return;
		at = --*n;
	}
	while (at > 0 && better(m, &out[at - 1])) {
		out[at] = out[at - 1];
		at--;
	}
	out[at] = *m;
	(*n)++;
}

int
match_find(sqlite3_int64 id, struct match_result *out, size_t *n, long *found, int *busy)
{
	sqlite3_int64 *peers = NULL, *partners = NULL;
	size_t npeers = 0, npartners = 0;
	struct match_org target, cand;
	char target_city[256], year_ago[16];
	sqlite3_stmt *s;
	struct tm tm;
	time_t t;
	int rc, result = -1;

	*n = 0;
	*found = 0;
	*busy = 0;
	/* A year ago today, for "confirmed within the last year", bound once, not worked out per row. */
	t = time(NULL) - 365L * 24 * 3600;
	gmtime_r(&t, &tm);
	strftime(year_ago, sizeof year_ago, "%Y-%m-%d", &tm);
	if ((s = db_stmt(STMT_MATCH_TARGET)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, year_ago, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_org(s, &target);
		snprintf(target_city, sizeof target_city, "%s", target.city);
		target.city = target_city;
	}
	db_done(s);
	if (rc != SQLITE_ROW) {
		*busy = db_is_busy(rc);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	if ((rc = load_ids(STMT_MATCH_LANGUAGE_PEERS, id, &peers, &npeers)) != SQLITE_DONE ||
	    (rc = load_ids(STMT_MATCH_CURRENT_PARTNERS, id, &partners, &npartners)) != SQLITE_DONE)
		goto out;
	if ((s = db_stmt(STMT_MATCH_CANDIDATES)) == NULL)
		goto out;
	sqlite3_bind_text(s, 1, year_ago, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, target.library ? "library" : "community", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, target.country, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, target.seeks != 'c');
	sqlite3_bind_int(s, 5, target.library && target.seeks != 'l');
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct match_result m;

		read_org(s, &cand);
		if (cand.id == id || !match_compatible(&target, &cand) ||
		    in_list(partners, npartners, cand.id))
			continue;
		if (match_score(&target, &cand, in_sorted(peers, npeers, cand.id), &m) == 0)
			continue;
		(*found)++;
		keep_best(out, n, &m);
	}
	db_done(s);
	if (rc == SQLITE_DONE)
		result = 1;
out:
	if (result < 0)
		*busy = db_is_busy(rc);
	free(peers);
	free(partners);
	return result;
}

/* --- reasons in words ------------------------------------------------------------------- */

/* Appends "a", "a and b", "a, b and c" item by item: i is the item's index of total. */
static size_t
put_listed(char *buf, size_t size, size_t len, const char *item, int i, int total)
{
	if (len >= size)
		return len;
	return len + (size_t)snprintf(buf + len, size - len, "%s%s",
	    i == 0 ? "" : i == total - 1 ? " and " : ", ", item);
}

/* The next reason starts at buf + *len; this ends it and records it. */
static void
end_reason(const char **reasons, int *n, char *buf, size_t size, size_t *len, size_t start)
{
	if (*len >= size || *n >= MATCH_REASON_MAX)
		return;
	reasons[(*n)++] = buf + start;
	(*len)++;	/* past the NUL snprintf wrote */
}

int
match_reasons(sqlite3_int64 a_id, const struct match_result *m, const char **reasons, char *buf,
    size_t size)
{
	size_t len = 0, start;
	int n = 0;
	sqlite3_stmt *s;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	start = len;
	len += (size_t)snprintf(buf + len, size - len, "%s", m->sister ? "sister libraries" :
	    m->same_city ? "a local partner in the same city" : "a partner in the same country");
	end_reason(reasons, &n, buf, size, &len, start);

	if (m->interests && len < size && (s = db_stmt(STMT_INTEREST_LABELS)) != NULL) {
		int total = 0, i = 0;
		for (uint64_t x = m->interests; x; x &= x - 1)
			total++;
		start = len;
		len += (size_t)snprintf(buf + len, size - len, "both want ");
		while (sqlite3_step(s) == SQLITE_ROW) {
			int pos = sqlite3_column_int(s, 0);
			char label[128];
			if (pos < 0 || pos > 63 || !(m->interests >> pos & 1))
				continue;
			snprintf(label, sizeof label, "%s", directory_text(s, 1));
			if (label[0] >= 'A' && label[0] <= 'Z')
				label[0] = (char)(label[0] + 32);
			len = put_listed(buf, size, len, label, i++, total);
		}
		db_done(s);
		end_reason(reasons, &n, buf, size, &len, start);
	}
	if (m->language && len < size && (s = db_stmt(STMT_MATCH_SHARED_LANGUAGES)) != NULL) {
		const char *names[3];
		char held[3][64];
		int k = 0;

		sqlite3_bind_int64(s, 1, a_id);
		sqlite3_bind_int64(s, 2, m->id);
		while (k < 3 && sqlite3_step(s) == SQLITE_ROW) {
			snprintf(held[k], sizeof held[k], "%s", directory_text(s, 0));
			names[k] = held[k];
			k++;
		}
		db_done(s);
		start = len;
		len += (size_t)snprintf(buf + len, size - len, "share ");
		for (int i = 0; i < k; i++)
			len = put_listed(buf, size, len, names[i], i, k);
		end_reason(reasons, &n, buf, size, &len, start);
	}
	if (m->ages && len < size) {
		char ages[128];

		start = len;
		if (m->ages & 15) {
			directory_ages_text(m->ages & 15, ages, sizeof ages);
			ages[0] = (char)(ages[0] >= 'A' && ages[0] <= 'Z' ? ages[0] + 32 : ages[0]);
			len += (size_t)snprintf(buf + len, size - len, "both serve %s", ages);
		} else {
			len += (size_t)snprintf(buf + len, size - len, "ages served overlap");
		}
		end_reason(reasons, &n, buf, size, &len, start);
	}
	if (len < size) {
		int h = m->hours_min / 60, min = m->hours_min % 60;
		char span[32], days[40] = "";

		if (h && min)
			snprintf(span, sizeof span, "%d h %d min", h, min);
		else if (h)
			snprintf(span, sizeof span, "%d h", h);
		else
			snprintf(span, sizeof span, "%d min", min);
		if (m->hours_days < 5)
			snprintf(days, sizeof days, " on %d of 5 working days", m->hours_days);
		start = len;
		if (m->hours_min == 0)
			len += (size_t)snprintf(buf + len, size - len, "no office hours in common");
		else
			len += (size_t)snprintf(buf + len, size - len, "%s of office hours in common%s",
			    span, days);
		end_reason(reasons, &n, buf, size, &len, start);
	}
	return n;
}
