-- 004: full-text search over the directory, and what matchmaking needs.
--
-- Two FTS5 indexes, because no single tokenizer of SQLite 3.40 does both jobs:
--   org_fts  unicode61 with remove_diacritics 2: words, case and accents folded ("bogota" finds
--            "Bogotá", "bibliotheque" finds "Bibliothèque"), prefixes and phrases, bm25. It
--            keeps a run of Chinese or Japanese characters as one token, so "図書館" would not
--            be found inside "掛川市立中央図書館".
--   org_tri  trigram over the short name fields: finds any substring of three or more
--            characters, which is how a name written without spaces (Chinese, Japanese,
--            Korean, Thai) is found by typing part of it. It cannot fold accents before
--            SQLite 3.45, which is why it is not the only index.
-- Both are ordinary FTS5 tables holding their own copy of the text (snippets need it), keyed by
-- org.id, and kept in step with org by the triggers below, in the same transaction as every
-- change: an organization added, edited or removed is found, re-found or gone at once. They
-- index every status; the queries keep to listed organizations.
-- No stemming: porter would make "communi" (a word being typed) miss "community".

CREATE VIRTUAL TABLE org_fts USING fts5 (
	name, name_en, city, region, country, description, seeking_text, interests, languages,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);

CREATE VIRTUAL TABLE org_tri USING fts5 (
	name, name_en, city, region,
	tokenize = 'trigram'
);

INSERT INTO org_fts (rowid, name, name_en, city, region, country, description, seeking_text,
	interests, languages)
SELECT o.id, o.name, o.name_en, o.city, o.region, (SELECT name FROM country WHERE code = o.country),
	o.description, o.seeking_text, o.interests_text, o.languages_text
FROM org o;
INSERT INTO org_tri (rowid, name, name_en, city, region)
SELECT id, name, name_en, city, region FROM org;

CREATE TRIGGER org_search_insert AFTER INSERT ON org BEGIN
	INSERT INTO org_fts (rowid, name, name_en, city, region, country, description,
		seeking_text, interests, languages)
	VALUES (NEW.id, NEW.name, NEW.name_en, NEW.city, NEW.region,
		(SELECT name FROM country WHERE code = NEW.country), NEW.description,
		NEW.seeking_text, NEW.interests_text, NEW.languages_text);
	INSERT INTO org_tri (rowid, name, name_en, city, region)
	VALUES (NEW.id, NEW.name, NEW.name_en, NEW.city, NEW.region);
END;

-- Only changes to indexed text rewrite the index: approving or confirming an entry does not,
-- nor does saving a form whose text is unchanged.
-- languages_text and interests_text are themselves kept by 001's triggers, which fire this one.
CREATE TRIGGER org_search_update AFTER UPDATE OF name, name_en, city, region, country,
	description, seeking_text, interests_text, languages_text ON org
WHEN OLD.name IS NOT NEW.name OR OLD.name_en IS NOT NEW.name_en OR OLD.city IS NOT NEW.city
	OR OLD.region IS NOT NEW.region OR OLD.country IS NOT NEW.country
	OR OLD.description IS NOT NEW.description OR OLD.seeking_text IS NOT NEW.seeking_text
	OR OLD.interests_text IS NOT NEW.interests_text OR OLD.languages_text IS NOT NEW.languages_text
BEGIN
	UPDATE org_fts SET name = NEW.name, name_en = NEW.name_en, city = NEW.city,
		region = NEW.region, country = (SELECT name FROM country WHERE code = NEW.country),
		description = NEW.description, seeking_text = NEW.seeking_text,
		interests = NEW.interests_text, languages = NEW.languages_text
	WHERE rowid = NEW.id;
	UPDATE org_tri SET name = NEW.name, name_en = NEW.name_en, city = NEW.city,
		region = NEW.region
	WHERE rowid = NEW.id;
END;

CREATE TRIGGER org_search_delete AFTER DELETE ON org BEGIN
	DELETE FROM org_fts WHERE rowid = OLD.id;
	DELETE FROM org_tri WHERE rowid = OLD.id;
END;

CREATE TRIGGER country_search_rename AFTER UPDATE OF name ON country BEGIN
	UPDATE org_fts SET country = NEW.name
	WHERE rowid IN (SELECT id FROM org WHERE country = NEW.code);
END;

-- What kind of partner an organization is looking for: a sister library ('library'), a
-- community partner ('community'), or either. The matchmaking pairs only organizations that
-- want each other's kind.
ALTER TABLE org ADD COLUMN seeks TEXT NOT NULL DEFAULT 'any'
	CHECK (seeks IN ('library', 'community', 'any'));

-- The interests as bits (bit n for interest.position n), kept by the triggers below, so that
-- the matchmaking can compare one organization's interests with every other's by one AND
-- instead of a join per candidate.
ALTER TABLE org ADD COLUMN interest_bits INTEGER NOT NULL DEFAULT 0;
UPDATE org SET interest_bits = (SELECT coalesce(sum(1 << i.position), 0)
	FROM org_interest x JOIN interest i ON i.code = x.interest WHERE x.org_id = org.id);

DROP TRIGGER org_interest_added;
DROP TRIGGER org_interest_removed;
CREATE TRIGGER org_interest_added AFTER INSERT ON org_interest BEGIN
	UPDATE org SET interests_text = (SELECT coalesce(group_concat(label, '; '), '') FROM
		(SELECT i.label FROM org_interest x JOIN interest i ON i.code = x.interest
		 WHERE x.org_id = NEW.org_id ORDER BY i.position)),
		interest_bits = (SELECT coalesce(sum(1 << i.position), 0) FROM org_interest x
		 JOIN interest i ON i.code = x.interest WHERE x.org_id = NEW.org_id)
	WHERE id = NEW.org_id;
END;
CREATE TRIGGER org_interest_removed AFTER DELETE ON org_interest BEGIN
	UPDATE org SET interests_text = (SELECT coalesce(group_concat(label, '; '), '') FROM
		(SELECT i.label FROM org_interest x JOIN interest i ON i.code = x.interest
		 WHERE x.org_id = OLD.org_id ORDER BY i.position)),
		interest_bits = (SELECT coalesce(sum(1 << i.position), 0) FROM org_interest x
		 JOIN interest i ON i.code = x.interest WHERE x.org_id = OLD.org_id)
	WHERE id = OLD.org_id;
END;

-- A bit per interest only works while positions stay small.
CREATE TRIGGER interest_position_insert BEFORE INSERT ON interest
WHEN NEW.position NOT BETWEEN 1 AND 62
BEGIN SELECT RAISE(ABORT, 'interest.position must be between 1 and 62'); END;
CREATE TRIGGER interest_position_update BEFORE UPDATE OF position ON interest
WHEN NEW.position NOT BETWEEN 1 AND 62
BEGIN SELECT RAISE(ABORT, 'interest.position must be between 1 and 62'); END;

-- The matchmaking reads these columns of every listed organization seeking partners; with
-- them in one index it never touches the wide rows (descriptions) of the candidates.
CREATE INDEX org_for_matching ON org (status, seeking, kind, seeks, country, city,
	interest_bits, ages, utc_offset_min, confirmed_on, id);

-- A search looks up every organization it finds by id, for its status and the filters; this
-- narrow index answers that without reading the wide rows (a third faster on 50,000 hits).
CREATE INDEX org_facets ON org (id, status, kind, type, country, seeking);
