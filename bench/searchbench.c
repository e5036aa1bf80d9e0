/*
 * searchbench.c - in-process latency of search and matchmaking on a bench database, for
 * `make bench` (bench/run.sh). No HTTP: this is the time the core spends per request.
 *
 *   build/searchbench DB [iterations]
 *
 * For each query kind it prints the rows found and the median and 99th percentile, in ms, of
 *   page   what a results page asks of the database: the ids of the best 20, then each row
 *          and its marked name and snippet (facet counts come from the per-process cache)
 *   facets the total and six facet counts over every row found, as on a cache miss
 * and for match=ID the whole ranking plus the reasons for the 20 shown, over many IDs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "db.h"
#include "directory.h"
#include "facets.h"
#include "match.h"
#include "search.h"

static double
now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void
report(const char *what, const char *kind, long rows, double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, by_value);
	printf("%-28s %-7s rows %7ld  median %7.3f ms  p99 %7.3f ms\n", what, kind, rows,
	    t[n / 2], t[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1]);
}

static void
page(const struct search *s)
{
	struct org_filter none = { { NULL } };
	struct org_cursor c, one;
	struct org_row row;
	struct search_marks m;
	sqlite3_int64 id;

	if (search_open(&c, &none, s, 20, 0) < 0)
		exit(1);
	while (search_next_id(&c, &id) == 1) {
		if (directory_get(&one, id, &row) == 1) {
			search_marks(s, id, row.name, row.name_en, &m);
			search_marks_free(&m);
		}
		directory_close(&one);
	}
	directory_close(&c);
}

int
main(int argc, char **argv)
{
	static const char *const queries[][2] = {
		{ "common word", "library" },
		{ "rare word", "a1234" },
		{ "prefix", "bibli" },
		{ "three words", "bilingual storytime spanish" },
		{ "trigram (Japanese)", "図書館" },
		{ "two characters (scan)", "書館" },
	};
	int iterations = argc > 2 ? atoi(argv[2]) : 200, busy;
	double *t;

	if (argc < 2 || iterations < 1) {
		fprintf(stderr, "usage: searchbench DB [iterations]\n");
		return 2;
	}
	t = calloc((size_t)iterations, sizeof *t);
	config_load();
	snprintf(config.database, sizeof config.database, "%s", argv[1]);
	db_open_configured();
	if (!db_ready() || t == NULL) {
		fprintf(stderr, "searchbench: %s\n", db_unavailable_reason());
		return 1;
	}
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		struct org_filter none = { { NULL } };
		struct search s;
		long rows = 0;
		char label[80];

		search_prepare(&s, queries[q][1]);
		snprintf(label, sizeof label, "%s \"%s\"", queries[q][0], queries[q][1]);
		page(&s);	/* warm the page cache of SQLite, as a running server has it */
		for (int i = 0; i < iterations; i++) {
			double t0 = now_ms();
			page(&s);
			t[i] = now_ms() - t0;
		}
		rows = directory_summary(&none, &s, &busy)->total;
		report(label, "page", rows, t, iterations);
		for (int i = 0; i < iterations; i++) {
			double t0 = now_ms();
			directory_cache_clear();
			if (directory_summary(&none, &s, &busy) == NULL)
				return 1;
			t[i] = now_ms() - t0;
		}
		report(label, "facets", rows, t, iterations);
	}
	/* match=ID for iterations different organizations seeking partners. */
	{
		struct match_result best[MATCH_RESULTS_MAX];
		const char *reasons[MATCH_REASON_MAX];
		char buf[1024];
		long found, total = 0;
		size_t n;

		for (int i = 0; i < iterations; i++) {
			sqlite3_int64 id = 1 + (sqlite3_int64)i * 487 % 99991;
			double t0 = now_ms();
			if (match_find(id, best, &n, &found, &busy) < 0)
				return 1;
			for (size_t k = 0; k < n; k++)
				match_reasons(id, &best[k], reasons, buf, sizeof buf);
			t[i] = now_ms() - t0;
			total += found;
		}
		report("match=ID (many IDs)", "match", total / iterations, t, iterations);
	}
	directory_cache_clear();
	db_close();
	free(t);
	return 0;
}
