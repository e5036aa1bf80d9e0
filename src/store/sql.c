/*
 * sql.c - every SQL statement Liaison runs, indexed by enum stmt (db.h).
 *
 * Placeholders only, never string building at run time. The directory's filter is written
 * once (ORG_FILTER) and shared by the page, count, facet and export statements so that the
 * counts shown beside each choice always agree with the rows listed. Each filter takes NULL
 * for "any": parameters ?1 kind, ?2 type, ?3 country, ?4 language, ?5 interest, ?6 seeking.
 * Search statements add ?9 to ?12 (see below); matchmaking has its own at the end.
 */
#include "db.h"

/*
 * Reports (report.c, cgi-bin/report.c): ?1 and ?2 the first and last day. A report of the whole
 * site sums activity_day, one row a day; one of a host (?3) or a partnership (?4), 0 for any,
 * sums activity_partnership_day, a row a day for each partnership. REPORT_SUMS is in the
 * column order of both and of enum rf (report.h).
 */
#include "sqlsums.h"	/* REPORT_SUMS, REPORT_COLUMNS, REPORT_ADD */
#define REPORT_SCOPE "(SELECT id FROM partnership WHERE (?3 = 0 OR host_id = ?3) AND (?4 = 0 OR id = ?4))"
#define REPORT_SCOPED " FROM activity_partnership_day WHERE partnership_id IN " REPORT_SCOPE \
	" AND held_on BETWEEN ?1 AND ?2"
/* The partnerships in scope with an activity in the period: who was reached. */
#define REPORT_REACHED " FROM partnership p WHERE p.id IN " REPORT_SCOPE \
	" AND EXISTS (SELECT 1 FROM activity a WHERE a.partnership_id = p.id AND a.held_on BETWEEN ?1 AND ?2)"

/* "Host — Partner", the name a partnership goes by, for the partnership whose id is col. */
#define PARTNERSHIP_NAME(col) "(SELECT h.name || ' — ' || q.name FROM partnership x" \
	" JOIN org h ON h.id = x.host_id JOIN org q ON q.id = x.partner_id WHERE x.id = " col ")"

/*
 * A language or interest filter is written two ways. Statements that visit every entry the
 * filter keeps (the counts, a search ranked over all its hits) test membership of a set SQLite
 * makes once per statement: "o.id IN (SELECT …)". A list page stops after one page of rows, so
 * making the whole set first would cost more than it saves (a common interest holds 24,000 of
 * 100,000 entries): its statements test each entry they pass with EXISTS instead.
 */
#define ORG_FILTER " o.status = 'listed' AND (?3 IS NULL OR o.country = ?3)" ORG_FILTER_OTHERS(SETS)
#define ORG_FILTER_PAGE " o.status = 'listed' AND (?3 IS NULL OR o.country = ?3)" ORG_FILTER_OTHERS(PROBES)
/*
 * "(?3 IS NULL OR o.country = ?3)" hides the equality from the query planner, which then walks
 * the whole directory by name to find one country's rows. With a country given, these
 * statements say "o.country = ?3" outright, so org_by_country serves filter and order at once.
 */
#define ORG_FILTER_IN_COUNTRY " o.status = 'listed' AND o.country = ?3" ORG_FILTER_OTHERS(PROBES)
#define SETS(table, column, param) " o.id IN (SELECT org_id FROM " table " WHERE " column " = " param ")"
#define PROBES(table, column, param) \
	" EXISTS (SELECT 1 FROM " table " x WHERE x.org_id = o.id AND x." column " = " param ")"
#define ORG_FILTER_OTHERS(HOW) \
	" AND (?1 IS NULL OR o.kind = ?1)" \
	" AND (?2 IS NULL OR o.type = ?2)" \
	" AND (?4 IS NULL OR" HOW("org_language", "lang", "?4") ")" \
	" AND (?5 IS NULL OR" HOW("org_interest", "interest", "?5") ")" \
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

/*
 * A search finds its rows one of three ways (search.h): through org_fts when it has words,
 * else through org_tri when it has substrings of three or more characters, else by
 * scanning names for one- or two-character substrings. ?9 is the words' FTS5 expression,
 * ?10 the substrings', ?11 and ?12 the short substrings; NULL when absent. Each HITS_ names
 * the rows for the facet counts, driven from the index the page uses.
 */
#define ALSO_SUBSTRINGS \
	" AND (?10 IS NULL OR o.id IN (SELECT rowid FROM org_tri WHERE org_tri MATCH ?10))"
/* One- or two-character substrings are looked for in org_tri's copy of the names: a narrow
 * table to scan, and it leaves the facet statements needing only what org_facets holds. */
#define IN_NAMES(p) \
	" o.id IN (SELECT rowid FROM org_tri WHERE instr(name, " p ") OR instr(name_en, " p ")" \
	" OR instr(city, " p ") OR instr(region, " p "))"
#define ALSO_SHORT " AND (?11 IS NULL OR" IN_NAMES("?11") ") AND (?12 IS NULL OR" IN_NAMES("?12") ")"
#define HITS_WORDS \
	" o.id IN (SELECT rowid FROM org_fts WHERE org_fts MATCH ?9)" ALSO_SUBSTRINGS ALSO_SHORT " AND"
#define HITS_SUBSTRINGS \
	" o.id IN (SELECT rowid FROM org_tri WHERE org_tri MATCH ?10)" ALSO_SHORT " AND"
#define HITS_SCAN IN_NAMES("?11") " AND (?12 IS NULL OR" IN_NAMES("?12") ") AND"

/*
 * A summary: the total, then the facets as (value, label, count), in enum facet's order
 * (these fill SUMMARY_STMTS consecutive entries of the table). The caller binds NULL for a
 * facet's own filter, so a choice list shows what picking another value would give.
 */
#define SUMMARY(HITS) \
	"SELECT count(*) FROM org o WHERE" HITS ORG_FILTER, \
	"SELECT o.kind, '', count(*) FROM org o WHERE" HITS ORG_FILTER \
	    " GROUP BY o.kind ORDER BY o.kind DESC", \
	"SELECT o.type, t.label, count(*) FROM org o" \
	    " JOIN org_type t ON t.code = o.type WHERE" HITS ORG_FILTER \
	    " GROUP BY o.type ORDER BY t.position", \
	"SELECT o.country, c.name, count(*) FROM org o" \
	    " JOIN country c ON c.code = o.country WHERE" HITS ORG_FILTER \
	    " GROUP BY o.country ORDER BY c.name", \
	"SELECT l.lang, g.name, count(*) FROM org_language l" \
	    " JOIN org o ON o.id = l.org_id JOIN language g ON g.code = l.lang WHERE" HITS ORG_FILTER \
	    " GROUP BY l.lang ORDER BY g.name", \
	"SELECT n.interest, i.label, count(*) FROM org_interest n" \
	    " JOIN org o ON o.id = n.org_id JOIN interest i ON i.code = n.interest WHERE" HITS ORG_FILTER \
	    " GROUP BY n.interest ORDER BY i.position", \
	"SELECT o.seeking, '', count(*) FROM org o WHERE" HITS ORG_FILTER \
	    " GROUP BY o.seeking ORDER BY o.seeking DESC"

/* ?7 is the page size (-1 for all rows: the CSV export) and ?8 the offset. */
#define PAGE " LIMIT ?7 OFFSET ?8"

static const char *const core_sql[STMT_MAIL_FIRST] = {
	[STMT_DATA_VERSION] = "PRAGMA data_version",

	[STMT_COUNTRY_EXISTS] = "SELECT 1 FROM country WHERE code = ?1",
	[STMT_LANGUAGE_EXISTS] = "SELECT 1 FROM language WHERE code = ?1",
	[STMT_INTEREST_EXISTS] = "SELECT 1 FROM interest WHERE code = ?1",
	[STMT_TYPE_EXISTS] = "SELECT 1 FROM org_type WHERE code = ?1",

	[STMT_ORG_LIST_BY_NAME] = ORG_COLUMNS " WHERE" ORG_FILTER_PAGE
	    " ORDER BY o.name COLLATE NOCASE, o.id" PAGE,
	[STMT_ORG_LIST_BY_COUNTRY] = ORG_COLUMNS " JOIN country c ON c.code = o.country WHERE"
	    ORG_FILTER_PAGE " ORDER BY c.name, o.name COLLATE NOCASE, o.id" PAGE,
	[STMT_ORG_LIST_BY_CONFIRMED] = ORG_COLUMNS " WHERE" ORG_FILTER_PAGE
	    " ORDER BY o.confirmed_on DESC, o.name COLLATE NOCASE, o.id" PAGE,
	/* Within one country, sorting by country is sorting by name. */
	[STMT_ORG_LIST_IN_COUNTRY_BY_NAME] = ORG_COLUMNS " WHERE" ORG_FILTER_IN_COUNTRY
	    " ORDER BY o.name COLLATE NOCASE, o.id" PAGE,
	[STMT_ORG_LIST_IN_COUNTRY_BY_CONFIRMED] = ORG_COLUMNS " WHERE" ORG_FILTER_IN_COUNTRY
	    " ORDER BY o.confirmed_on DESC, o.name COLLATE NOCASE, o.id" PAGE,
	[STMT_LIST_SUMMARY] = SUMMARY(""),
	[STMT_SEARCH_WORDS_SUMMARY] = SUMMARY(HITS_WORDS),
	[STMT_SEARCH_SUBSTRINGS_SUMMARY] = SUMMARY(HITS_SUBSTRINGS),
	[STMT_SEARCH_SCAN_SUMMARY] = SUMMARY(HITS_SCAN),
	/* Columns and order as SUMMARY's, from the kept counts; a count that fell to 0 is no choice. */
	[STMT_KEPT_SUMMARY] = "SELECT n FROM facet_count WHERE facet = '' AND value = ''",
	"SELECT value, '', n FROM facet_count WHERE facet = 'kind' AND n > 0 ORDER BY value DESC",
	"SELECT f.value, t.label, f.n FROM facet_count f JOIN org_type t ON t.code = f.value"
	    " WHERE f.facet = 'type' AND f.n > 0 ORDER BY t.position",
	"SELECT f.value, c.name, f.n FROM facet_count f JOIN country c ON c.code = f.value"
	    " WHERE f.facet = 'country' AND f.n > 0 ORDER BY c.name",
	"SELECT f.value, g.name, f.n FROM facet_count f JOIN language g ON g.code = f.value"
	    " WHERE f.facet = 'language' AND f.n > 0 ORDER BY g.name",
	"SELECT f.value, i.label, f.n FROM facet_count f JOIN interest i ON i.code = f.value"
	    " WHERE f.facet = 'interest' AND f.n > 0 ORDER BY i.position",
	"SELECT value, '', n FROM facet_count WHERE facet = 'seeking' AND n > 0 ORDER BY value DESC",

	/*
	 * A page of search results: ids only, best first. Ranking scores every match, so the
	 * other columns, and the marked-up name and snippet (STMT_SEARCH_*_MARKS), are read
	 * afterwards for the page's rows alone. bm25 weights follow org_fts's columns: the name
	 * counts ten times the description, then the other name, city, region, country,
	 * interests and languages, and what is sought.
	 */
	[STMT_SEARCH_WORDS_PAGE] = "SELECT o.id FROM org_fts f JOIN org o ON o.id = f.rowid"
	    " WHERE org_fts MATCH ?9 AND" ORG_FILTER ALSO_SUBSTRINGS ALSO_SHORT
	    " ORDER BY bm25(org_fts, 10, 8, 4, 3, 3, 1, 2, 3, 3), o.id" PAGE,
	[STMT_SEARCH_SUBSTRINGS_PAGE] = "SELECT o.id FROM org_tri t JOIN org o ON o.id = t.rowid"
	    " WHERE org_tri MATCH ?10 AND" ORG_FILTER ALSO_SHORT
	    " ORDER BY bm25(org_tri, 10, 8, 4, 3), o.id" PAGE,
	[STMT_SEARCH_SCAN_PAGE] = "SELECT o.id FROM org o WHERE" HITS_SCAN ORG_FILTER
	    " ORDER BY o.name COLLATE NOCASE, o.id" PAGE,
	/* Name, other name and two snippets, matched terms between \x02 and \x03 (search.c). */
	[STMT_SEARCH_WORDS_MARKS] = "SELECT highlight(org_fts, 0, char(2), char(3)),"
	    " highlight(org_fts, 1, char(2), char(3)),"
	    " snippet(org_fts, 5, char(2), char(3), '…', 28),"
	    " snippet(org_fts, 6, char(2), char(3), '…', 28)"
	    " FROM org_fts WHERE org_fts MATCH ?9 AND rowid = ?1",
	[STMT_SEARCH_SUBSTRINGS_MARKS] = "SELECT highlight(org_tri, 0, char(2), char(3)),"
	    " highlight(org_tri, 1, char(2), char(3)), NULL, NULL"
	    " FROM org_tri WHERE org_tri MATCH ?10 AND rowid = ?1",

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

	/*
	 * Matchmaking (match.c). The candidates come whole from the org_for_matching index;
	 * the organizations sharing a language with ?1 come sorted, to be looked up by bisection.
	 */
	[STMT_MATCH_TARGET] = "SELECT id, kind = 'library', seeks, country, city, interest_bits,"
	    " ages, utc_offset_min, coalesce(confirmed_on >= ?2, 0)"
	    " FROM org WHERE id = ?1 AND status = 'listed'",
	/*
	 * The candidates that could want the target, straight from org_for_matching's ranges:
	 * libraries anywhere and community organizations in the target's country (?3), that seek
	 * the target's kind (?2) or either; ?4 and ?5 say whether the target wants libraries or
	 * community partners at all (a constant false skips its half). ?1 is the date a year ago,
	 * for "confirmed within the last year". match_compatible() has the last word.
	 */
#define MATCH_COLUMNS "SELECT id, kind = 'library', seeks, country, city, interest_bits," \
	" ages, utc_offset_min, coalesce(confirmed_on >= ?1, 0) FROM org"
	[STMT_MATCH_CANDIDATES] = MATCH_COLUMNS " WHERE ?4 AND status = 'listed' AND seeking = 1"
	    " AND kind = 'library' AND seeks IN (?2, 'any')"
	    " UNION ALL " MATCH_COLUMNS " WHERE ?5 AND status = 'listed' AND seeking = 1"
	    " AND kind = 'community' AND seeks IN (?2, 'any') AND country = ?3",
	[STMT_MATCH_LANGUAGE_PEERS] = "SELECT DISTINCT b.org_id FROM org_language a"
	    " JOIN org_language b ON b.lang = a.lang WHERE a.org_id = ?1 ORDER BY b.org_id",
	[STMT_MATCH_CURRENT_PARTNERS] = "SELECT CASE WHEN host_id = ?1 THEN partner_id"
	    " ELSE host_id END FROM partnership"
	    " WHERE (host_id = ?1 OR partner_id = ?1) AND status <> 'ended'",
	[STMT_MATCH_SHARED_LANGUAGES] = "SELECT g.name FROM org_language a"
	    " JOIN org_language b ON b.lang = a.lang AND b.org_id = ?2"
	    " JOIN language g ON g.code = a.lang WHERE a.org_id = ?1 ORDER BY g.name",
	[STMT_INTEREST_LABELS] = "SELECT position, label FROM interest ORDER BY position",

	[STMT_BEGIN] = "BEGIN IMMEDIATE",
	[STMT_COMMIT] = "COMMIT",
	[STMT_ROLLBACK] = "ROLLBACK",
	[STMT_SITE_SECRET] = "SELECT secret FROM site_secret WHERE id = 1",

	/* The organization form's choices: value, label and the group it is listed under. */
	[STMT_FORM_TYPES] = "SELECT code, label, CASE kind WHEN 'library' THEN 'Libraries'"
	    " ELSE 'Community organizations' END FROM org_type ORDER BY position",
	[STMT_FORM_COUNTRIES] = "SELECT code, name FROM country ORDER BY name",
	[STMT_FORM_LANGUAGES] = "SELECT code, name FROM language ORDER BY name",
	[STMT_FORM_INTERESTS] = "SELECT code, label FROM interest ORDER BY position",
	[STMT_FORM_TIMEZONES] = "SELECT name, replace(name, '_', ' ') || printf(' (UTC%s%02d:%02d)',"
	    " CASE WHEN utc_offset_min < 0 THEN '−' ELSE '+' END, abs(utc_offset_min) / 60,"
	    " abs(utc_offset_min) % 60), CASE WHEN instr(name, '/') THEN"
	    " substr(name, 1, instr(name, '/') - 1) ELSE '' END FROM timezone"
	    " ORDER BY instr(name, '/') = 0, name",
	[STMT_TIMEZONE_EXISTS] = "SELECT 1 FROM timezone WHERE name = ?1",

	/*
	 * An entry as the audit log compares it before and after a change. Columns named like
	 * the organization form's fields also fill that form for editing (orgform.c).
	 */
	[STMT_ORG_SNAPSHOT] = "SELECT name, name_en, type, country, region, city, website,"
	    " description, languages_text AS languages, interests_text AS interests, ages,"
	    " timezone, seeking, seeks, seeking_text, commitment, contact_name, contact_email,"
	    " email_public, status, confirmed_on,"
	    " (SELECT state FROM application WHERE org_id = o.id) AS application"
	    " FROM org o WHERE id = ?1",
#define ORG_FORM_OFFSET "(SELECT utc_offset_min FROM timezone WHERE name = :timezone)"
/*
 * The names of the chosen languages and interests and the interest bits, from JSON arrays of
 * codes (:languages, :interests), by the same formulas as the org_language and org_interest
 * triggers. Written with the row itself; for a pending entry the triggers stand aside (005).
 */
#define CHOSEN_TEXTS \
	"(SELECT coalesce(group_concat(name, '; '), '') FROM (SELECT name FROM language" \
	" WHERE code IN (SELECT value FROM json_each(:languages)) ORDER BY name))," \
	" (SELECT coalesce(group_concat(label, '; '), '') FROM (SELECT label FROM interest" \
	" WHERE code IN (SELECT value FROM json_each(:interests)) ORDER BY position))," \
	" (SELECT coalesce(sum(1 << position), 0) FROM interest" \
	" WHERE code IN (SELECT value FROM json_each(:interests)))"
	[STMT_ORG_INSERT] = "INSERT INTO org (name, name_en, kind, type, country, region, city,"
	    " website, description, seeking, seeking_text, seeks, commitment, ages, timezone,"
	    " utc_offset_min, contact_name, contact_email, email_public, status, languages_text,"
	    " interests_text, interest_bits) VALUES (:name,"
	    " :name_en, (SELECT kind FROM org_type WHERE code = :type), :type, :country, :region,"
	    " :city, :website, :description, :seeking, :seeking_text, :seeks, :commitment, :ages,"
	    " :timezone, " ORG_FORM_OFFSET ", :contact_name, :contact_email, :email_public, 'pending',"
	    " " CHOSEN_TEXTS ")",
	[STMT_ORG_UPDATE] = "UPDATE org SET name = :name, name_en = :name_en,"
	    " kind = (SELECT kind FROM org_type WHERE code = :type), type = :type,"
	    " country = :country, region = :region, city = :city, website = :website,"
	    " description = :description, seeking = :seeking, seeking_text = :seeking_text,"
	    " seeks = :seeks, commitment = :commitment, ages = :ages, timezone = :timezone,"
	    " utc_offset_min = coalesce(" ORG_FORM_OFFSET ", utc_offset_min),"
	    " contact_name = :contact_name, contact_email = :contact_email,"
	    " email_public = :email_public, (languages_text, interests_text, interest_bits) ="
	    " (SELECT " CHOSEN_TEXTS ") WHERE id = :id",
	/* ?2 is a JSON array of the codes the entry should have. */
	[STMT_ORG_LANGUAGES_REMOVE] = "DELETE FROM org_language WHERE org_id = ?1"
	    " AND lang NOT IN (SELECT value FROM json_each(?2))",
	[STMT_ORG_LANGUAGES_ADD] = "INSERT OR IGNORE INTO org_language (org_id, lang)"
	    " SELECT ?1, value FROM json_each(?2)",
	[STMT_ORG_INTERESTS_REMOVE] = "DELETE FROM org_interest WHERE org_id = ?1"
	    " AND interest NOT IN (SELECT value FROM json_each(?2))",
	[STMT_ORG_INTERESTS_ADD] = "INSERT OR IGNORE INTO org_interest (org_id, interest)"
	    " SELECT ?1, value FROM json_each(?2)",
	/* ?1 is the name as an anchored phrase (entry.c); the marks show what it matched. */
	[STMT_ORG_DUPLICATES] = "SELECT o.status, highlight(org_fts, 0, char(2), char(3))"
	    " FROM org_fts f JOIN org o ON o.id = f.rowid WHERE org_fts MATCH ?1"
	    " AND o.country = ?2 AND o.status IN ('pending', 'listed') AND o.id <> ?3",
	/* The same name, letter for letter but for ASCII case: org_by_country answers it. */
	[STMT_ORG_SAME_NAME] = "SELECT status FROM org WHERE status IN ('pending', 'listed')"
	    " AND country = ?2 AND name = ?1 COLLATE NOCASE AND id <> ?3",
	[STMT_ENTRY_SET_STATUS] = "UPDATE org SET status = ?2, confirmed_on = CASE WHEN ?3"
	    " THEN date('now') ELSE confirmed_on END WHERE id = ?1",

	[STMT_APPLICATION_INSERT] = "INSERT INTO application (org_id, reference, form_nonce)"
	    " VALUES (?1, ?2, ?3)",
	[STMT_APPLICATION_BY_NONCE] = "SELECT reference, org_id FROM application WHERE form_nonce = ?1",
	[STMT_APPLICATION_BY_REFERENCE] = "SELECT a.reference, a.state, o.name, o.status, o.id,"
	    " a.submitted_at, a.note FROM application a JOIN org o ON o.id = a.org_id"
	    " WHERE a.reference = ?1",
	[STMT_APPLICATION_STATE] = "SELECT state FROM application WHERE org_id = ?1",
	[STMT_APPLICATION_DECIDE] = "UPDATE application SET state = ?2, note = ?3,"
	    " decided_at = CASE WHEN ?2 IN ('approved', 'rejected')"
	    " THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END,"
	    " decided_by = CASE WHEN ?2 IN ('approved', 'rejected') THEN ?4 END WHERE org_id = ?1",
	[STMT_APPLY_RECENT] = "SELECT count(*) FROM apply_attempt WHERE addr_hash = ?1 AND at > ?2",
	[STMT_APPLY_PRUNE] = "DELETE FROM apply_attempt WHERE at <= ?1",
	[STMT_APPLY_NOTE_ATTEMPT] = "INSERT INTO apply_attempt (addr_hash, at) VALUES (?1, ?2)",
	[STMT_AUDIT_INSERT] = "INSERT INTO audit (actor, action, org_id, note, partnership_id)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_AUDIT_CHANGE] = "INSERT INTO audit_change (audit_id, seq, field, old_value, new_value)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",

	/* Staff lists: id, name, country, a status, a date, a note. ?1 limit, ?2 offset. */
	[STMT_STAFF_QUEUE] = "SELECT o.id, o.name, c.name, a.state, a.submitted_at, a.note,"
	    " a.reference FROM application a JOIN org o ON o.id = a.org_id"
	    " JOIN country c ON c.code = o.country WHERE a.state IN ('new', 'waiting')"
	    " ORDER BY a.submitted_at, a.org_id",
	[STMT_STAFF_STALE] = "SELECT o.id, o.name, c.name, o.status, coalesce(o.confirmed_on, 'never'),"
	    " o.contact_email, '' FROM org o JOIN country c ON c.code = o.country"
	    " WHERE o.status = 'listed' AND (o.confirmed_on IS NULL OR o.confirmed_on < date('now', '-12 months'))"
	    " ORDER BY o.confirmed_on, o.id LIMIT ?1 OFFSET ?2",
	[STMT_STAFF_STALE_COUNT] = "SELECT count(*) FROM org o WHERE o.status = 'listed'"
	    " AND (o.confirmed_on IS NULL OR o.confirmed_on < date('now', '-12 months'))",
	/* ?3 a status or NULL for all, ?4 part of the name (either name) or NULL. */
#define STAFF_ENTRIES_WHERE " WHERE (?3 IS NULL OR o.status = ?3) AND (?4 IS NULL" \
	" OR instr(lower(o.name), lower(?4)) OR instr(lower(o.name_en), lower(?4)))"
	[STMT_STAFF_ENTRIES] = "SELECT o.id, o.name, c.name, o.status, coalesce(o.confirmed_on, 'never'),"
	    " o.city, '' FROM org o JOIN country c ON c.code = o.country" STAFF_ENTRIES_WHERE
	    " ORDER BY o.name COLLATE NOCASE, o.id LIMIT ?1 OFFSET ?2",
	[STMT_STAFF_ENTRIES_COUNT] = "SELECT count(*) FROM org o" STAFF_ENTRIES_WHERE,
	[STMT_STAFF_ORG] = "SELECT o.id, o.name, o.status, coalesce(o.confirmed_on, ''), o.created_at,"
	    " a.reference, a.state, a.note, a.submitted_at, a.decided_at, a.decided_by,"
	    " o.contact_name, o.contact_email"
	    " FROM org o LEFT JOIN application a ON a.org_id = o.id WHERE o.id = ?1",
	/*
	 * Audit events: id, at, actor, action, note, org id, org name, partnership id, partnership
	 * name (staffpage.c's staff_fill_events).
	 */
	[STMT_AUDIT_FOR_ORG] = "SELECT id, at, actor, action, note, org_id, '', partnership_id, ''"
	    " FROM audit WHERE org_id = ?1 ORDER BY id DESC LIMIT 100",
	[STMT_AUDIT_FOR_PARTNERSHIP] = "SELECT id, at, actor, action, note, NULL, '', partnership_id, ''"
	    " FROM audit WHERE partnership_id = ?1 ORDER BY id DESC LIMIT 100",
	[STMT_AUDIT_CHANGES] = "SELECT field, coalesce(old_value, ''), coalesce(new_value, '')"
	    " FROM audit_change WHERE audit_id = ?1 ORDER BY seq",
	[STMT_AUDIT_PAGE] = "SELECT a.id, a.at, a.actor, a.action, a.note, a.org_id, coalesce(o.name, ''),"
	    " a.partnership_id, " PARTNERSHIP_NAME("a.partnership_id")
	    " FROM audit a LEFT JOIN org o ON o.id = a.org_id ORDER BY a.id DESC LIMIT ?1 OFFSET ?2",
	[STMT_AUDIT_COUNT] = "SELECT count(*) FROM audit",

	/*
	 * Partnerships and activities. Snapshots name their columns like the form fields and give
	 * measures in the units people type (hours, 12.50), so the audit log reads as the form
	 * does and record.c fills an edit form straight from them.
	 */
	[STMT_PARTNERSHIP_SNAPSHOT] = "SELECT host_id AS host, partner_id AS partner, kind, commitment,"
	    " status, start_on, coalesce(end_on, '') AS end_on, goals, host_contribution,"
	    " partner_contribution, staff_lead FROM partnership WHERE id = ?1",
	[STMT_PARTNERSHIP_GOALS] = "SELECT json_extract(g.value, '$.goal'), json_extract(g.value, '$.measure')"
	    " FROM partnership p, json_each(p.goals) g WHERE p.id = ?1 ORDER BY g.key",
#define PARTNERSHIP_GOALS_JSON \
	"(SELECT json_group_array(json_object('goal', column2, 'measure', column3)) FROM" \
	" (SELECT * FROM (VALUES (1, :goal1, :measure1), (2, :goal2, :measure2), (3, :goal3, :measure3)," \
	" (4, :goal4, :measure4), (5, :goal5, :measure5)) WHERE column2 <> '' ORDER BY column1))"
	[STMT_PARTNERSHIP_INSERT] = "INSERT INTO partnership (host_id, partner_id, kind, commitment,"
	    " status, start_on, end_on, goals, host_contribution, partner_contribution, staff_lead)"
	    " VALUES (:host, :partner, :kind, :commitment, :status, :start_on, nullif(:end_on, ''),"
	    " " PARTNERSHIP_GOALS_JSON ", :host_contribution, :partner_contribution, :staff_lead)",
	[STMT_PARTNERSHIP_UPDATE] = "UPDATE partnership SET host_id = :host, partner_id = :partner,"
	    " kind = :kind, commitment = :commitment, status = :status, start_on = :start_on,"
	    " end_on = nullif(:end_on, ''), goals = " PARTNERSHIP_GOALS_JSON ","
	    " host_contribution = :host_contribution, partner_contribution = :partner_contribution,"
	    " staff_lead = :staff_lead WHERE id = :id",
	/*
	 * The organizations a partnership may join: any reviewed entry, staff-only ones (019)
	 * included, grouped by country.
	 */
	[STMT_PARTNERSHIP_ORGS] = "SELECT o.id, o.name || CASE WHEN o.city <> '' THEN ' (' || o.city || ')'"
	    " ELSE '' END || CASE WHEN o.status = 'listed' THEN '' ELSE ' - ' || replace(o.status, '_', ' ')"
	    " END, c.name FROM org o JOIN country c ON c.code = o.country"
	    " WHERE o.status IN ('listed', 'unlisted', 'archived', 'staff_only')"
	    " ORDER BY c.name, o.name COLLATE NOCASE",
	[STMT_PARTNERSHIP_ORG_EXISTS] = "SELECT 1 FROM org WHERE id = ?1"
	    " AND status IN ('listed', 'unlisted', 'archived', 'staff_only')",
	/* The days a partnership's activities may fall on. */
	[STMT_PARTNERSHIP_SPAN] = "SELECT p.start_on, coalesce(p.end_on, ''), " PARTNERSHIP_NAME("p.id")
	    " FROM partnership p WHERE p.id = ?1",
	/* The days its activities do fall on: earliest, latest, how many. */
	[STMT_PARTNERSHIP_ACTIVITY_SPAN] = "SELECT min(held_on), max(held_on), count(*) FROM activity"
	    " WHERE partnership_id = ?1",
	[STMT_PARTNERSHIP_PAGE] = "SELECT p.id, h.name, q.name, p.kind, p.commitment, p.status, p.start_on,"
	    " coalesce(p.end_on, ''), p.host_contribution, p.partner_contribution, p.staff_lead,"
	    " p.host_id, p.partner_id, p.created_at, (SELECT name FROM country WHERE code = q.country)"
	    " FROM partnership p JOIN org h ON h.id = p.host_id JOIN org q ON q.id = p.partner_id"
	    " WHERE p.id = ?1",
	/* ?1 a status or NULL for all. */
	[STMT_PARTNERSHIP_LIST] = "SELECT p.id, h.name, q.name, p.kind, p.status, p.start_on,"
	    " (SELECT max(held_on) FROM activity WHERE partnership_id = p.id),"
	    " (SELECT count(*) FROM activity WHERE partnership_id = p.id), p.staff_lead"
	    " FROM partnership p JOIN org h ON h.id = p.host_id JOIN org q ON q.id = p.partner_id"
	    " WHERE ?1 IS NULL OR p.status = ?1"
	    " ORDER BY p.status = 'ended', h.name COLLATE NOCASE, q.name COLLATE NOCASE LIMIT 1000",
	/*
	 * Running totals, counted the way the IMLS survey counts (activity_counted, 006): programs
	 * by format with a hybrid's sessions in person, outreach apart. Columns in the order of
	 * partnerships.c's total_labels.
	 */
	[STMT_PARTNERSHIP_TOTALS] = "SELECT count(*),"
	    " coalesce(sum(CASE WHEN is_program THEN sessions_in_person END), 0),"
	    " coalesce(sum(CASE WHEN is_program THEN sessions_virtual END), 0),"
	    " coalesce(sum(CASE WHEN is_program THEN attendance_in_person END), 0),"
	    " coalesce(sum(CASE WHEN is_program THEN attendance_virtual END), 0),"
	    " coalesce(sum(CASE WHEN NOT is_program THEN sessions END), 0),"
	    " coalesce(sum(CASE WHEN NOT is_program THEN attendance_in_person + attendance_virtual END), 0),"
	    " coalesce(sum(staff_minutes), 0), coalesce(sum(volunteer_minutes), 0),"
	    " coalesce(sum(library_cost_cents), 0), coalesce(sum(partner_cost_cents), 0),"
	    " coalesce(sum(in_kind_cents), 0), coalesce(sum(materials), 0),"
	    " coalesce(sum(respondents), 0), coalesce(sum(agree_knowledge), 0),"
	    " coalesce(sum(agree_confidence), 0), coalesce(sum(agree_application), 0),"
	    " coalesce(sum(agree_awareness), 0), max(held_on),"
	    /* each share's denominator: the respondents of the activities that asked it (018) */
	    " coalesce(sum(CASE WHEN agree_knowledge IS NOT NULL THEN respondents END), 0),"
	    " coalesce(sum(CASE WHEN agree_confidence IS NOT NULL THEN respondents END), 0),"
	    " coalesce(sum(CASE WHEN agree_application IS NOT NULL THEN respondents END), 0),"
	    " coalesce(sum(CASE WHEN agree_awareness IS NOT NULL THEN respondents END), 0)"
	    " FROM activity_counted WHERE partnership_id = ?1",
#define HOURS(col) "rtrim(rtrim(printf('%.2f', " col " / 60.0), '0'), '.')"
#define MONEY(col) "(" col " / 100) || '.' || printf('%02d', " col " % 100)"
	[STMT_ACTIVITY_SNAPSHOT] = "SELECT held_on, type,"
	    " CASE is_program WHEN 1 THEN 'program' ELSE 'outreach' END AS counted_as, format, sessions,"
	    " att_0_5_in, att_6_11_in, att_12_18_in, att_adult_in, att_all_in,"
	    " att_0_5_virt, att_6_11_virt, att_12_18_virt, att_adult_virt, att_all_virt,"
	    " " HOURS("staff_minutes") " AS staff_hours, " HOURS("volunteer_minutes") " AS volunteer_hours,"
	    " " MONEY("library_cost_cents") " AS library_cost, " MONEY("partner_cost_cents") " AS partner_cost,"
	    " " MONEY("in_kind_cents") " AS in_kind, materials, respondents, agree_knowledge,"
	    " agree_confidence, agree_application, agree_awareness, notes, partnership_id AS partnership,"
	    " site, audience, recordings, recording_views"
	    " FROM activity WHERE id = ?1",
#define ACTIVITY_VALUES \
	":held_on, :type, :counted_as = 'program', :format, :sessions, :att_0_5_in, :att_6_11_in," \
	" :att_12_18_in, :att_adult_in, :att_all_in, :att_0_5_virt, :att_6_11_virt, :att_12_18_virt," \
	" :att_adult_virt, :att_all_virt, :staff_hours, :volunteer_hours, :library_cost, :partner_cost," \
	" :in_kind, :materials, :respondents, :agree_knowledge, :agree_confidence, :agree_application," \
	" :agree_awareness, :notes, CASE WHEN :format = 'virtual' THEN NULL ELSE coalesce(nullif(:site, ''), 'library') END," \
	" nullif(:audience, ''), :recordings, :recording_views"
/* An audience left blank is NULL: inferred from who came, and marked to check (schema 021). */
#define ACTIVITY_COLUMNS \
	"held_on, type, is_program, format, sessions, att_0_5_in, att_6_11_in, att_12_18_in," \
	" att_adult_in, att_all_in, att_0_5_virt, att_6_11_virt, att_12_18_virt, att_adult_virt," \
	" att_all_virt, staff_minutes, volunteer_minutes, library_cost_cents, partner_cost_cents," \
	" in_kind_cents, materials, respondents, agree_knowledge, agree_confidence," \
	" agree_application, agree_awareness, notes, site, audience, recordings, recording_views"
	[STMT_ACTIVITY_INSERT] = "INSERT INTO activity (partnership_id, " ACTIVITY_COLUMNS ")"
	    " VALUES (:partnership, " ACTIVITY_VALUES ")",
	[STMT_ACTIVITY_UPDATE] = "UPDATE activity SET (" ACTIVITY_COLUMNS ") = (" ACTIVITY_VALUES ")"
	    " WHERE id = :id",
	[STMT_ACTIVITY_DELETE] = "DELETE FROM activity WHERE id = ?1",
	/* A partnership's activities, newest first, with what the list shows of each. */
	[STMT_ACTIVITY_LIST] = "SELECT a.id, a.held_on, t.label, a.is_program, a.format, a.sessions,"
	    " a.attendance_in_person, a.attendance_virtual, a.staff_minutes + a.volunteer_minutes,"
	    " a.library_cost_cents + a.partner_cost_cents + a.in_kind_cents, a.respondents, a.notes,"
	    " a.is_program AND a.audience IS NULL"
	    " FROM activity_counted a JOIN activity_type t ON t.code = a.type"
	    " WHERE a.partnership_id = ?1 ORDER BY a.held_on DESC, a.id DESC LIMIT ?2 OFFSET ?3",
	[STMT_ACTIVITY_TYPES] = "SELECT code, label FROM activity_type ORDER BY position",
	[STMT_ACTIVITY_TYPE_EXISTS] = "SELECT 1 FROM activity_type WHERE code = ?1",
	[STMT_ACTIVITY_TYPE_LABEL] = "SELECT label FROM activity_type WHERE code = ?1",
	/* A choice typed as its label (in a CSV file): the code, whatever the case. */
	[STMT_CHOICE_BY_LABEL_TYPE] = "SELECT code FROM org_type WHERE label = ?1 COLLATE NOCASE",
	[STMT_CHOICE_BY_LABEL_COUNTRY] = "SELECT code FROM country WHERE name = ?1 COLLATE NOCASE"
	    " OR code = upper(?1)",
	[STMT_CHOICE_BY_LABEL_LANGUAGE] = "SELECT code FROM language WHERE name = ?1 COLLATE NOCASE"
	    " OR code = lower(?1)",
	[STMT_CHOICE_BY_LABEL_INTEREST] = "SELECT code FROM interest WHERE label = ?1 COLLATE NOCASE",
	[STMT_CHOICE_BY_LABEL_ACTIVITY_TYPE] = "SELECT code FROM activity_type WHERE label = ?1 COLLATE NOCASE",
	[STMT_ACCOUNT_BY_NAME] = "SELECT id, name, role, password_hash, disabled FROM account"
	    " WHERE name = ?1",
	[STMT_ACCOUNT_INSERT] = "INSERT INTO account (name, role, password_hash) VALUES (?1, ?2, ?3)",
	[STMT_ACCOUNT_SET_PASSWORD] = "UPDATE account SET password_hash = ?2 WHERE name = ?1",
	[STMT_ACCOUNT_SET_DISABLED] = "UPDATE account SET disabled = ?2 WHERE name = ?1",
	[STMT_ACCOUNT_LIST] = "SELECT name, role, disabled, password_hash <> '', created_at FROM account"
	    " ORDER BY name",
	[STMT_ACCOUNT_CHOICES] = "SELECT name, name || ' (' || role || CASE WHEN disabled"
	    " THEN ', disabled' ELSE '' END || ')' FROM account ORDER BY name",
	[STMT_ACCOUNT_EXISTS] = "SELECT 1 FROM account WHERE name = ?1",
	[STMT_ACCOUNT_ADMIN_EXISTS] = "SELECT EXISTS (SELECT 1 FROM account WHERE role = 'admin' AND disabled = 0)",
	/* The library an account records partnerships for (019); 0 when none is chosen. */
	[STMT_ACCOUNT_DEFAULT_HOST] = "SELECT coalesce(default_host, 0) FROM account WHERE id = ?1",
	[STMT_ACCOUNT_SET_DEFAULT_HOST] = "UPDATE account SET default_host = nullif(?2, 0) WHERE id = ?1",
	[STMT_PAGE_STORE_VERSION] = "SELECT n FROM directory_version",
	[STMT_PAGE_STORE_GET] = "SELECT body FROM page_store WHERE key = ?1 AND day = ?2"
	    " AND version = (SELECT n FROM directory_version)",
	/* Pages of an old version or day go, and the oldest beyond 500: some 10 MB on a directory of
	 * a few hundred entries, 30 MB at most on one of 100,000. */
	[STMT_PAGE_STORE_PRUNE] = "DELETE FROM page_store WHERE version <> (SELECT n FROM directory_version)"
	    " OR day <> ?1 OR rowid IN (SELECT rowid FROM page_store ORDER BY rowid"
	    " LIMIT max(0, (SELECT count(*) FROM page_store) - 500))",
	[STMT_DIRECTORY_VERSION_PASS] = "UPDATE directory_version SET n = max(n, ?1) + 1",
	[STMT_VALIDATOR_GET] = "SELECT epoch, report_n, directory_at, report_at FROM cache_validator",
	[STMT_VALIDATOR_RENEW] = "UPDATE cache_validator SET epoch = lower(hex(randomblob(8))),"
	    " directory_at = CAST(strftime('%s', 'now') AS INTEGER), report_at = CAST(strftime('%s', 'now') AS INTEGER)",
	[STMT_PAGE_STORE_PUT] = "INSERT INTO page_store (key, version, day, body) VALUES (?1, ?2, ?3, ?4)"
	    " ON CONFLICT (key) DO UPDATE SET version = excluded.version, day = excluded.day, body = excluded.body",
	[STMT_SESSION_WHO] = "SELECT a.id, a.name, a.role FROM session s"
	    " JOIN account a ON a.id = s.account_id WHERE s.token_hash = ?1 AND s.expires_at > ?2"
	    " AND a.disabled = 0",
	[STMT_SESSION_INSERT] = "INSERT INTO session (token_hash, account_id, expires_at) VALUES (?1, ?2, ?3)",
	[STMT_SESSION_DELETE] = "DELETE FROM session WHERE token_hash = ?1",
	[STMT_SESSION_DELETE_ACCOUNT] = "DELETE FROM session WHERE account_id ="
	    " (SELECT id FROM account WHERE name = ?1)",
	[STMT_SESSION_PRUNE] = "DELETE FROM session WHERE expires_at <= ?1",
	[STMT_SIGNIN_FAILURES] = "SELECT failures, last_at FROM signin_failure WHERE name_key = ?1",
	[STMT_SIGNIN_FAILED] = "INSERT INTO signin_failure (name_key, failures, last_at) VALUES (?1, 1, ?2)"
	    " ON CONFLICT (name_key) DO UPDATE SET failures = failures + 1, last_at = excluded.last_at",
	[STMT_SIGNIN_CLEAR] = "DELETE FROM signin_failure WHERE name_key = ?1",
	/* Failures from one address (?1, its HMAC) since ?2; a row older than that counts from 1 again. */
	[STMT_SIGNIN_ADDRESS_FAILURES] = "SELECT failures, last_at FROM signin_address"
	    " WHERE addr_hash = ?1 AND last_at > ?2",
	[STMT_SIGNIN_ADDRESS_FAILED] = "INSERT INTO signin_address (addr_hash, failures, last_at) VALUES (?1, 1, ?2)"
	    " ON CONFLICT (addr_hash) DO UPDATE SET failures = CASE WHEN last_at > ?3 THEN failures + 1 ELSE 1 END,"
	    " last_at = excluded.last_at",
	[STMT_SIGNIN_ADDRESS_PRUNE] = "DELETE FROM signin_address WHERE last_at <= ?1",
	/* A new password: every session of the account ends but ?2, the one that set it (or NULL). */
	[STMT_SESSION_DELETE_ACCOUNT_EXCEPT] = "DELETE FROM session WHERE account_id ="
	    " (SELECT id FROM account WHERE name = ?1) AND token_hash IS NOT ?2",
	[STMT_REPORT_TOTALS_SITE] = "SELECT NULL, " REPORT_SUMS " FROM activity_day WHERE held_on BETWEEN ?1 AND ?2",
	[STMT_REPORT_TOTALS_SCOPED] = "SELECT NULL, " REPORT_SUMS REPORT_SCOPED,
	[STMT_REPORT_MONTHS_SITE] = "SELECT substr(held_on, 1, 7), " REPORT_SUMS
	    " FROM activity_day WHERE held_on BETWEEN ?1 AND ?2 GROUP BY 1",
	[STMT_REPORT_MONTHS_SCOPED] = "SELECT substr(held_on, 1, 7), " REPORT_SUMS REPORT_SCOPED " GROUP BY 1",
	[STMT_REPORT_PARTNERSHIP_COUNTS] = "SELECT"
	    " count(*) FILTER (WHERE start_on <= ?2 AND (end_on IS NULL OR end_on >= ?1)),"
	    " count(*) FILTER (WHERE start_on BETWEEN ?1 AND ?2),"
	    " count(*) FILTER (WHERE end_on BETWEEN ?1 AND ?2)"
	    " FROM partnership WHERE (?3 = 0 OR host_id = ?3) AND (?4 = 0 OR id = ?4)",
	[STMT_REPORT_COUNTRIES] = "SELECT c.name, count(DISTINCT o.id), c.code FROM org o JOIN country c ON c.code = o.country"
	    " WHERE o.id IN (SELECT p.partner_id" REPORT_REACHED ") GROUP BY c.code ORDER BY 2 DESC, 1",
	[STMT_REPORT_LANGUAGES] = "SELECT g.name, count(DISTINCT x.org_id), g.code FROM org_language x"
	    " JOIN language g ON g.code = x.lang"
	    " WHERE x.org_id IN (SELECT p.partner_id" REPORT_REACHED ") GROUP BY g.code ORDER BY 2 DESC, 1",
	/*
	 * Partnerships whose dates overlap the period, with what they did in it and their last
	 * activity on or before ?5, the day the report looks back from (report_as_of): one planned
	 * for a later day has not happened yet.
	 */
	[STMT_REPORT_PARTNERSHIPS] = "SELECT p.id, h.name, q.name, c.name, p.kind, p.commitment, p.status,"
	    " p.start_on, p.end_on,"
	    " (SELECT max(held_on) FROM activity a WHERE a.partnership_id = p.id AND a.held_on <= ?5),"
	    " ifnull(t.activities, 0), ifnull(t.attendance, 0)"
	    " FROM partnership p JOIN org h ON h.id = p.host_id JOIN org q ON q.id = p.partner_id"
	    " JOIN country c ON c.code = q.country"
	    " LEFT JOIN (SELECT partnership_id, sum(activities) AS activities,"
	    "   sum(program_0_5_in + program_6_11_in + program_12_18_in + program_adult_in + program_all_in"
	    "   + program_0_5_virt + program_6_11_virt + program_12_18_virt + program_adult_virt + program_all_virt"
	    "   + outreach_attendance) AS attendance"
	    "   FROM activity_partnership_day WHERE partnership_id IN " REPORT_SCOPE
	    "   AND held_on BETWEEN ?1 AND ?2 GROUP BY partnership_id) t"
	    "   ON t.partnership_id = p.id"
	    " WHERE p.id IN " REPORT_SCOPE " AND p.start_on <= ?2 AND (p.end_on IS NULL OR p.end_on >= ?1)"
	    " ORDER BY h.name, q.name, p.id",
	/* Every field of every activity in the period, for the activities CSV. */
	[STMT_REPORT_ACTIVITIES] = "SELECT a.id, a.partnership_id, h.name, q.name, a.held_on, a.type,"
	    " a.is_program, a.format, a.sessions,"
	    " a.att_0_5_in, a.att_6_11_in, a.att_12_18_in, a.att_adult_in, a.att_all_in,"
	    " a.att_0_5_virt, a.att_6_11_virt, a.att_12_18_virt, a.att_adult_virt, a.att_all_virt,"
	    " a.staff_minutes, a.volunteer_minutes, a.library_cost_cents, a.partner_cost_cents, a.in_kind_cents,"
	    " a.materials, a.respondents, a.agree_knowledge, a.agree_confidence, a.agree_application,"
	    " a.agree_awareness, a.notes"
	    /* CROSS JOIN keeps activity the outer loop, walked in date order by its index: rows
	     * stream as they are read, with no sort of the whole period first. */
	    " FROM activity a CROSS JOIN partnership p ON p.id = a.partnership_id"
	    " JOIN org h ON h.id = p.host_id JOIN org q ON q.id = p.partner_id"
	    " WHERE a.held_on BETWEEN ?1 AND ?2 AND (?3 = 0 OR p.host_id = ?3) AND (?4 = 0 OR p.id = ?4)"
	    " ORDER BY a.held_on, a.id",
	/*
	 * A bulk import of activities sets the per-row upkeep of the day sums aside inside its
	 * transaction, then sums its rows' figures once and adds them to both tables
	 * (report_sums_pause/resume).
	 */
	[STMT_REPORT_TRIGGER_TEXT] = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'activity_day_insert'",
	[STMT_REPORT_TRIGGER_DROP] = "DROP TRIGGER activity_day_insert",
	[STMT_REPORT_LAST_ACTIVITY] = "SELECT ifnull(max(id), 0) FROM activity",
	[STMT_REPORT_IMPORT_SUMS] = "INSERT INTO activity_import_sums (held_on, partnership_id, " REPORT_COLUMNS ")"
	    " SELECT held_on, partnership_id, " REPORT_SUMS " FROM activity_figures WHERE id > ?1"
	    " GROUP BY partnership_id, held_on",
	[STMT_REPORT_PARTNERSHIP_DAY_ADD] = "INSERT INTO activity_partnership_day (held_on, partnership_id, " REPORT_COLUMNS ")"
	    " SELECT held_on, partnership_id, " REPORT_COLUMNS " FROM activity_import_sums WHERE true"
	    " ON CONFLICT (partnership_id, held_on) DO UPDATE SET " REPORT_ADD,
	[STMT_REPORT_DAY_ADD] = "INSERT INTO activity_day (held_on, " REPORT_COLUMNS ")"
	    " SELECT held_on, " REPORT_SUMS " FROM activity_import_sums WHERE true GROUP BY held_on"
	    " ON CONFLICT (held_on) DO UPDATE SET " REPORT_ADD,
	[STMT_REPORT_IMPORT_SUMS_CLEAR] = "DELETE FROM activity_import_sums",
	/* A host named in a report's scope: its name, and whether the public may see it named. */
	[STMT_REPORT_HOST] = "SELECT name, status = 'listed' FROM org WHERE id = ?1",
	/* VACUUM INTO writes a consistent, compact copy while the site goes on reading and writing. */
	[STMT_BACKUP_INTO] = "VACUUM INTO ?1",
	[STMT_CHECK_INTEGRITY] = "PRAGMA integrity_check",
	[STMT_CHECK_FOREIGN_KEYS] = "PRAGMA foreign_key_check",
	[STMT_CHECK_VERSION] = "PRAGMA user_version",
	[STMT_CHECK_IS_LIAISON] = "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
	    " AND name IN ('org', 'partnership', 'activity', 'account')",
	/*
	 * Everything a site holds, table by table, for `liaison-admin export`. Left out on purpose:
	 * password hashes, sessions, the site secret, sign-in failures and the per-address
	 * application counts (secrets and short-lived records), the outbox (messages kept only
	 * until sent), and the sums and search indexes that are rebuilt from the rest.
	 */
	[STMT_EXPORT_ORG] = "SELECT * FROM org ORDER BY id",
	[STMT_EXPORT_ORG_LANGUAGE] = "SELECT * FROM org_language ORDER BY org_id, lang",
	[STMT_EXPORT_ORG_INTEREST] = "SELECT * FROM org_interest ORDER BY org_id, interest",
	[STMT_EXPORT_APPLICATION] = "SELECT org_id, reference, state, note, submitted_at, decided_at, decided_by"
	    " FROM application ORDER BY org_id",
	[STMT_EXPORT_PARTNERSHIP] = "SELECT * FROM partnership ORDER BY id",
	[STMT_EXPORT_ACTIVITY] = "SELECT * FROM activity ORDER BY id",
	[STMT_EXPORT_AUDIT] = "SELECT * FROM audit ORDER BY id",
	[STMT_EXPORT_AUDIT_CHANGE] = "SELECT * FROM audit_change ORDER BY audit_id, seq",
	[STMT_EXPORT_ACCOUNT] = "SELECT id, name, role, disabled, created_at FROM account ORDER BY id",
	[STMT_EXPORT_COUNTRY] = "SELECT * FROM country ORDER BY code",
	[STMT_EXPORT_LANGUAGE] = "SELECT * FROM language ORDER BY code",
	[STMT_EXPORT_INTEREST] = "SELECT * FROM interest ORDER BY position",
	[STMT_EXPORT_ORG_TYPE] = "SELECT * FROM org_type ORDER BY position",
	[STMT_EXPORT_ACTIVITY_TYPE] = "SELECT * FROM activity_type ORDER BY position",
	[STMT_EXPORT_TIMEZONE] = "SELECT * FROM timezone ORDER BY name",
	[STMT_EXPORT_PARTNERSHIP_REVIEW] = "SELECT * FROM partnership_review ORDER BY id",
	[STMT_EXPORT_PARTNERSHIP_REVIEW_GOAL] = "SELECT * FROM partnership_review_goal ORDER BY review_id, position",

};

const char *
db_stmt_sql(enum stmt id)
{
	if ((unsigned)id >= STMT__MAX)
		return NULL;
	return id < STMT_MAIL_FIRST ? core_sql[id] : db_sql_mail[id - STMT_MAIL_FIRST];
}
