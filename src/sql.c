/*
 * sql.c - every SQL statement Liaison runs, indexed by enum stmt (db.h).
 *
 * Placeholders only, never string building at run time. The directory's filter is written
 * once (ORG_FILTER) and shared by the page, count, facet and export statements so that the
 * counts shown beside each choice always agree with the rows listed. Each filter takes NULL
 * for "any": parameters ?1 kind, ?2 type, ?3 country, ?4 language, ?5 interest, ?6 seeking.
 */
#include "db.h"

#define ORG_FILTER " o.status = 'listed' AND (?3 IS NULL OR o.country = ?3)" ORG_FILTER_OTHERS
/*
 * "(?3 IS NULL OR o.country = ?3)" hides the equality from the query planner, which then walks
 * the whole directory by name to find one country's rows. With a country given, these
 * statements say "o.country = ?3" outright, so org_by_country serves filter and order at once.
 */
#define ORG_FILTER_IN_COUNTRY " o.status = 'listed' AND o.country = ?3" ORG_FILTER_OTHERS
#define ORG_FILTER_OTHERS \
	" AND (?1 IS NULL OR o.kind = ?1)" \
	" AND (?2 IS NULL OR o.type = ?2)" \
	" AND (?4 IS NULL OR EXISTS (SELECT 1 FROM org_language x WHERE x.org_id = o.id AND x.lang = ?4))" \
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM org_interest x WHERE x.org_id = o.id AND x.interest = ?5))" \
	" AND (?6 IS NULL OR o.seeking = ?6)"

/*
 * Column order is struct org_row's (directory.c reads them by these positions). The type's
 * label and the country's name are subqueries in the column list rather than joins, because
 * SQLite evaluates result columns only for the rows it returns: a page 3 then skips its first
 * 100 rows without looking anything up for them.
 */
#define ORG_COLUMNS \
	"SELECT o.id, o.name, o.name_en, o.kind," \
	" (SELECT label FROM org_type WHERE code = o.type), o.country," \
	" (SELECT name FROM country WHERE code = o.country), o.region, o.city," \
	" o.website, o.description, o.seeking, o.seeking_text, o.commitment, o.ages, o.timezone," \
	" o.confirmed_on, (o.confirmed_on IS NULL OR o.confirmed_on < date('now', '-1 year'))," \
	" o.languages_text, o.interests_text, o.type, CASE WHEN o.email_public THEN o.contact_email ELSE '' END, o.contact_name" \
	" FROM org o"

/* ?7 is the page size (-1 for all rows: the CSV export) and ?8 the offset. */
#define PAGE " LIMIT ?7 OFFSET ?8"

const char *const db_sql[STMT__MAX] = {
	[STMT_DATA_VERSION] = "PRAGMA data_version",

	[STMT_COUNTRY_EXISTS] = "SELECT 1 FROM country WHERE code = ?1",
	[STMT_LANGUAGE_EXISTS] = "SELECT 1 FROM language WHERE code = ?1",
	[STMT_INTEREST_EXISTS] = "SELECT 1 FROM interest WHERE code = ?1",
	[STMT_TYPE_EXISTS] = "SELECT 1 FROM org_type WHERE code = ?1",

	[STMT_ORG_LIST_BY_NAME] = ORG_COLUMNS " WHERE" ORG_FILTER
	    " ORDER BY o.name COLLATE NOCASE, o.id" PAGE,
	[STMT_ORG_LIST_BY_COUNTRY] = ORG_COLUMNS " JOIN country c ON c.code = o.country WHERE"
	    ORG_FILTER " ORDER BY c.name, o.name COLLATE NOCASE, o.id" PAGE,
	[STMT_ORG_LIST_BY_CONFIRMED] = ORG_COLUMNS " WHERE" ORG_FILTER
	    " ORDER BY o.confirmed_on DESC, o.name COLLATE NOCASE, o.id" PAGE,
	/* Within one country, sorting by country is sorting by name. */
	[STMT_ORG_LIST_IN_COUNTRY_BY_NAME] = ORG_COLUMNS " WHERE" ORG_FILTER_IN_COUNTRY
	    " ORDER BY o.name COLLATE NOCASE, o.id" PAGE,
	[STMT_ORG_LIST_IN_COUNTRY_BY_CONFIRMED] = ORG_COLUMNS " WHERE" ORG_FILTER_IN_COUNTRY
	    " ORDER BY o.confirmed_on DESC, o.name COLLATE NOCASE, o.id" PAGE,
	[STMT_ORG_COUNT] = "SELECT count(*) FROM org o WHERE" ORG_FILTER,

	/* Facets: (value, label, count). The caller binds NULL for the facet's own filter, so a
	 * choice list shows what picking another value would give, not only the current one. */
	[STMT_FACET_KIND] = "SELECT o.kind, '', count(*) FROM org o WHERE" ORG_FILTER
	    " GROUP BY o.kind ORDER BY o.kind DESC",
	[STMT_FACET_TYPE] = "SELECT o.type, t.label, count(*) FROM org o"
	    " JOIN org_type t ON t.code = o.type WHERE" ORG_FILTER
	    " GROUP BY o.type ORDER BY t.position",
	[STMT_FACET_COUNTRY] = "SELECT o.country, c.name, count(*) FROM org o"
	    " JOIN country c ON c.code = o.country WHERE" ORG_FILTER
	    " GROUP BY o.country ORDER BY c.name",
	[STMT_FACET_LANGUAGE] = "SELECT l.lang, g.name, count(*) FROM org_language l"
	    " JOIN org o ON o.id = l.org_id JOIN language g ON g.code = l.lang WHERE" ORG_FILTER
	    " GROUP BY l.lang ORDER BY g.name",
	[STMT_FACET_INTEREST] = "SELECT n.interest, i.label, count(*) FROM org_interest n"
	    " JOIN org o ON o.id = n.org_id JOIN interest i ON i.code = n.interest WHERE" ORG_FILTER
	    " GROUP BY n.interest ORDER BY i.position",
	[STMT_FACET_SEEKING] = "SELECT o.seeking, '', count(*) FROM org o WHERE" ORG_FILTER
	    " GROUP BY o.seeking ORDER BY o.seeking DESC",

	[STMT_ORG_GET] = ORG_COLUMNS " WHERE o.id = ?1 AND o.status = 'listed'",
	[STMT_ORG_LANGUAGES] = "SELECT g.code, g.name FROM org_language x"
	    " JOIN language g ON g.code = x.lang WHERE x.org_id = ?1 ORDER BY g.name",
	[STMT_ORG_INTERESTS] = "SELECT i.code, i.label FROM org_interest x"
	    " JOIN interest i ON i.code = x.interest WHERE x.org_id = ?1 ORDER BY i.position",
	/* Partnerships of ?1 that are not over, with the other side when it is listed. */
	[STMT_ORG_PARTNERS] = "SELECT o.id, o.name, c.name, p.kind, p.status, p.start_on"
	    " FROM partnership p JOIN org o ON o.id = CASE WHEN p.host_id = ?1 THEN p.partner_id"
	    " ELSE p.host_id END JOIN country c ON c.code = o.country"
	    " WHERE (p.host_id = ?1 OR p.partner_id = ?1) AND p.status <> 'ended'"
	    " AND o.status = 'listed' ORDER BY p.start_on DESC",
};
