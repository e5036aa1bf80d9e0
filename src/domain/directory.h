/*
 * directory.h - reading the "Libraries Seeking Partners" directory.
 *
 * A filter (any field NULL for "any"), a cursor over matching organizations in one of three
 * orders (a page of them, or all of them for export), and one organization's profile. Only
 * listed organizations are ever returned. The total and the counts beside each choice of a
 * filter are facets.h's.
 */
#ifndef LIAISON_DIRECTORY_H
#define LIAISON_DIRECTORY_H

#include <stddef.h>
#include <sqlite3.h>

enum facet {
	FACET_KIND,
	FACET_TYPE,
	FACET_COUNTRY,
	FACET_LANGUAGE,
	FACET_INTEREST,
	FACET_SEEKING,
	FACET__MAX
};

enum org_sort { SORT_NAME, SORT_COUNTRY, SORT_CONFIRMED };

/* One value per facet, NULL for "any". seeking is "1" or "0". */
struct org_filter {
	const char	*value[FACET__MAX];
};

/* Column values of one organization; the strings live until the next directory_next(). */
struct org_row {
	sqlite3_int64	 id;
	const char	*name, *name_en, *kind, *type, *type_label;
	const char	*country, *country_name, *region, *city, *website;
	const char	*description, *seeking_text, *commitment, *timezone, *confirmed_on;
	const char	*languages, *interests;	/* names joined by "; " */
	const char	*public_email, *contact_name;
	int		 seeking, ages, stale;
};

struct org_cursor {
	sqlite3_stmt	*stmt;
	int		 rc;		/* last sqlite3_step result */
};

/* limit -1 means every row. Returns 0, or -1 if the statement could not be prepared. */
int	directory_open(struct org_cursor *, const struct org_filter *, enum org_sort,
	    long limit, long offset);
/* 1 with *row filled, 0 at the end, -1 on error (directory_busy() says if it was contention). */
int	directory_next(struct org_cursor *, struct org_row *);
void	directory_close(struct org_cursor *);
int	directory_busy(const struct org_cursor *);

/* The listed organization id: 1 found (row valid until directory_close), 0 none, -1 error. */
int	directory_get(struct org_cursor *, sqlite3_int64 id, struct org_row *);

/* Partnerships of an organization that are not over, with the other side (if listed). */
struct partner_row {
	sqlite3_int64	 id;
	const char	*name, *country_name, *kind, *status, *start_on;
};
int	directory_partners_open(struct org_cursor *, sqlite3_int64 org_id);
int	directory_partner_next(struct org_cursor *, struct partner_row *);

/* Binds ?1..?6; skip is a facet whose own filter is left NULL, or FACET__MAX for none. */
void	directory_bind_filter(sqlite3_stmt *, const struct org_filter *, enum facet skip);
/* Column col as text, "" for NULL. */
const char *directory_text(sqlite3_stmt *, int col);

/* Validators for the parameter tables: 1 when the code exists in the reference tables. */
int	directory_country_known(const char *);
int	directory_language_known(const char *);
int	directory_interest_known(const char *);
int	directory_type_known(const char *);

/* Words for codes stored in org, as the pages and the CSV show them. */
const char *directory_kind_label(const char *kind);
const char *directory_commitment_label(const char *commitment);
/* "Ages 0–5, 6–11 and adults" style text for the ages bit set, into buf. */
void	directory_ages_text(int ages, char *buf, size_t size);

#endif
