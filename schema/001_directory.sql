-- 001: the directory. Organizations, their languages and interests, and the reference tables
-- (countries, languages, interests, organization types) that every choice list is drawn from.
-- Counts only: nothing here describes a patron.

CREATE TABLE country (
	code	TEXT PRIMARY KEY CHECK (length(code) = 2 AND code = upper(code)),	-- ISO 3166-1 alpha-2
	name	TEXT NOT NULL
) WITHOUT ROWID;

-- Unique, so that a directory sorted by country name comes straight from the indexes.
CREATE UNIQUE INDEX country_by_name ON country (name);

CREATE TABLE language (
	code	TEXT PRIMARY KEY CHECK (length(code) BETWEEN 2 AND 3 AND code = lower(code)),	-- ISO 639
	name	TEXT NOT NULL
) WITHOUT ROWID;

-- Activity types a partner may want; the same codes name activities in 002.
CREATE TABLE interest (
	code		TEXT PRIMARY KEY,
	label		TEXT NOT NULL,
	position	INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE org_type (
	code		TEXT PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind IN ('library', 'community')),
	label		TEXT NOT NULL,
	position	INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE org (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	name_en		TEXT NOT NULL DEFAULT '',	-- other name, usually English, for those who cannot read the first
	kind		TEXT NOT NULL CHECK (kind IN ('library', 'community')),	-- copied from org_type for cheap filtering
	type		TEXT NOT NULL REFERENCES org_type (code),
	country		TEXT NOT NULL REFERENCES country (code),
	region		TEXT NOT NULL DEFAULT '',
	city		TEXT NOT NULL DEFAULT '',
	website		TEXT NOT NULL DEFAULT '',
	description	TEXT NOT NULL DEFAULT '',
	seeking		INTEGER NOT NULL DEFAULT 1 CHECK (seeking IN (0, 1)),
	seeking_text	TEXT NOT NULL DEFAULT '',	-- what partnership it seeks, in its own words
	commitment	TEXT NOT NULL DEFAULT 'informal' CHECK (commitment IN ('informal', 'memorandum', 'formal')),
	ages		INTEGER NOT NULL DEFAULT 0 CHECK (ages BETWEEN 0 AND 31),	-- bits: 1 ages 0-5, 2 ages 6-11, 4 ages 12-18, 8 adults, 16 all ages
	timezone	TEXT NOT NULL DEFAULT 'UTC',	-- IANA name
	utc_offset_min	INTEGER NOT NULL DEFAULT 0 CHECK (utc_offset_min BETWEEN -720 AND 840),	-- standard time
	contact_name	TEXT NOT NULL DEFAULT '',
	contact_email	TEXT NOT NULL DEFAULT '',
	email_public	INTEGER NOT NULL DEFAULT 0 CHECK (email_public IN (0, 1)),
	status		TEXT NOT NULL DEFAULT 'pending'
			CHECK (status IN ('pending', 'listed', 'rejected', 'unlisted', 'archived')),
	confirmed_on	TEXT CHECK (confirmed_on IS NULL OR date(confirmed_on) = confirmed_on),
	-- The names of its languages and interests, kept by the triggers below: the directory shows
	-- them on every row, and reading one column is far cheaper than two joins per row.
	languages_text	TEXT NOT NULL DEFAULT '',
	interests_text	TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- kind is a copy of org_type.kind so that the directory filters on one table; keep it honest.
CREATE TRIGGER org_kind_insert BEFORE INSERT ON org
WHEN NEW.kind IS NOT (SELECT kind FROM org_type WHERE code = NEW.type)
BEGIN SELECT RAISE(ABORT, 'org.kind does not match its type'); END;
CREATE TRIGGER org_kind_update BEFORE UPDATE OF kind, type ON org
WHEN NEW.kind IS NOT (SELECT kind FROM org_type WHERE code = NEW.type)
BEGIN SELECT RAISE(ABORT, 'org.kind does not match its type'); END;

CREATE TABLE org_language (
	org_id	INTEGER NOT NULL REFERENCES org (id) ON DELETE CASCADE,
	lang	TEXT NOT NULL REFERENCES language (code),
	PRIMARY KEY (org_id, lang)
) WITHOUT ROWID;
CREATE INDEX org_language_by_lang ON org_language (lang, org_id);

CREATE TABLE org_interest (
	org_id		INTEGER NOT NULL REFERENCES org (id) ON DELETE CASCADE,
	interest	TEXT NOT NULL REFERENCES interest (code),
	PRIMARY KEY (org_id, interest)
) WITHOUT ROWID;
CREATE INDEX org_interest_by_interest ON org_interest (interest, org_id);

CREATE TRIGGER org_language_added AFTER INSERT ON org_language BEGIN
	UPDATE org SET languages_text = (SELECT coalesce(group_concat(name, '; '), '') FROM
		(SELECT g.name FROM org_language x JOIN language g ON g.code = x.lang
		 WHERE x.org_id = NEW.org_id ORDER BY g.name)) WHERE id = NEW.org_id;
END;
CREATE TRIGGER org_language_removed AFTER DELETE ON org_language BEGIN
	UPDATE org SET languages_text = (SELECT coalesce(group_concat(name, '; '), '') FROM
		(SELECT g.name FROM org_language x JOIN language g ON g.code = x.lang
		 WHERE x.org_id = OLD.org_id ORDER BY g.name)) WHERE id = OLD.org_id;
END;
CREATE TRIGGER org_interest_added AFTER INSERT ON org_interest BEGIN
	UPDATE org SET interests_text = (SELECT coalesce(group_concat(label, '; '), '') FROM
		(SELECT i.label FROM org_interest x JOIN interest i ON i.code = x.interest
		 WHERE x.org_id = NEW.org_id ORDER BY i.position)) WHERE id = NEW.org_id;
END;
CREATE TRIGGER org_interest_removed AFTER DELETE ON org_interest BEGIN
	UPDATE org SET interests_text = (SELECT coalesce(group_concat(label, '; '), '') FROM
		(SELECT i.label FROM org_interest x JOIN interest i ON i.code = x.interest
		 WHERE x.org_id = OLD.org_id ORDER BY i.position)) WHERE id = OLD.org_id;
END;

-- The directory's three orders, each served straight from an index.
CREATE INDEX org_by_name ON org (status, name COLLATE NOCASE, id);
CREATE INDEX org_by_confirmed ON org (status, confirmed_on DESC, name COLLATE NOCASE, id);
CREATE INDEX org_by_country ON org (status, country, name COLLATE NOCASE, id);

INSERT INTO org_type (code, kind, label, position) VALUES
	('public',		'library',	'Public library',		1),
	('school',		'library',	'School library',		2),
	('academic',		'library',	'Academic library',		3),
	('special',		'library',	'Special library',		4),
	('national',		'library',	'National library',		5),
	('religious',		'community',	'Church or religious institution', 10),
	('refugee',		'community',	'Refugee or immigrant center',	11),
	('cultural',		'community',	'Cultural organization',	12),
	('health',		'community',	'Clinic or hospital',		13),
	('government',		'community',	'Government agency (WIC and others)', 14),
	('park',		'community',	'Park or recreation center',	15),
	('shelter',		'community',	'Shelter',			16),
	('education',		'community',	'School or ESL class',		17),
	('business',		'community',	'Local business',		18),
	('service_club',	'community',	'Service club (Rotary and others)', 19),
	('sister_cities',	'community',	'Sister Cities committee',	20),
	('american_corner',	'community',	'American Corner or embassy space', 21);

INSERT INTO interest (code, label, position) VALUES
	('pen_pals',		'Pen-pal exchange',		1),
	('book_exchange',	'Book or material exchange',	2),
	('videoconference',	'Videoconference',		3),
	('cultural_program',	'Cultural program',		4),
	('storytime',		'Storytime or reading',		5),
	('workshop',		'Workshop or class',		6),
	('staff_exchange',	'Staff exchange',		7),
	('book_drive',		'Book drive',			8),
	('joint_website',	'Joint website or blog',	9),
	('exhibit',		'Exhibit or display',		10);
