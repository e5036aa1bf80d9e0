-- 005: the way in and the way through. Applications from the public form and their review;
-- staff accounts, sessions and sign-in limits; the per-address limit on applications; the
-- audit log of every change staff make; and the IANA time zones the form offers.

-- Time zones offered on the form, with their standard offsets (what matchmaking compares).
-- Generated once from Debian's tzdata 2024a (zone.tab's zones and UTC); the offset is the
-- smaller of 15 January and 15 July 2026's, so daylight saving time is left out.
CREATE TABLE timezone (
	name		TEXT PRIMARY KEY,
	utc_offset_min	INTEGER NOT NULL CHECK (utc_offset_min BETWEEN -720 AND 840)
) WITHOUT ROWID;

-- The key for form tokens (CSRF) and for hashing addresses: made here, once per database, and
-- never shown or sent anywhere. Replacing it signs every form token and session out at once.
CREATE TABLE site_secret (
	id	INTEGER PRIMARY KEY CHECK (id = 1),
	secret	BLOB NOT NULL CHECK (length(secret) = 32)
);
INSERT INTO site_secret (id, secret) VALUES (1, randomblob(32));

CREATE TABLE account (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
	role		TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'board')),
	-- crypt(3) yescrypt; '' when the account signs in only through the web server (REMOTE_USER)
	password_hash	TEXT NOT NULL DEFAULT '',
	disabled	INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is kept, so a copy of
-- the database lets no one in.
CREATE TABLE session (
	token_hash	BLOB PRIMARY KEY CHECK (length(token_hash) = 32),
	account_id	INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	expires_at	INTEGER NOT NULL	-- unix seconds
) WITHOUT ROWID;
CREATE INDEX session_by_account ON session (account_id);

-- Failed sign-ins per name typed (known or not, so the delay says nothing about which names
-- exist): each failure past the third doubles the wait before the next attempt is checked.
CREATE TABLE signin_failure (
	name_key	TEXT PRIMARY KEY,	-- the name as typed, lower-cased
	failures	INTEGER NOT NULL,
	last_at		INTEGER NOT NULL	-- unix seconds
) WITHOUT ROWID;

-- Accepted applications per address and hour. Only an HMAC of the address is kept.
CREATE TABLE apply_attempt (
	addr_hash	BLOB NOT NULL,
	at		INTEGER NOT NULL	-- unix seconds
);
CREATE INDEX apply_attempt_by_addr ON apply_attempt (addr_hash, at);
CREATE INDEX apply_attempt_by_time ON apply_attempt (at);

-- An application is an org row (status 'pending' until approved) plus its review.
CREATE TABLE application (
	org_id		INTEGER PRIMARY KEY REFERENCES org (id),
	reference	TEXT NOT NULL UNIQUE,	-- shown to the applicant: 5 + 5 hex digits
	form_nonce	BLOB UNIQUE,	-- the form token's nonce: a form sent twice finds this row
	state		TEXT NOT NULL DEFAULT 'new'
			CHECK (state IN ('new', 'waiting', 'approved', 'rejected')),
	note		TEXT NOT NULL DEFAULT '',	-- why rejected, or what information is awaited
	submitted_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	decided_at	TEXT,
	decided_by	TEXT	-- account name
);
CREATE INDEX application_queue ON application (state, submitted_at);

-- Pending entries made before this version become applications waiting for review.
INSERT INTO application (org_id, reference, submitted_at)
WITH p AS MATERIALIZED (SELECT id, created_at, upper(hex(randomblob(5))) AS h FROM org
	WHERE status = 'pending')
SELECT id, substr(h, 1, 5) || '-' || substr(h, 6, 5), created_at FROM p;

-- Storing an application writes its org row with the names of its languages and interests
-- (and interest_bits) already filled in (entry.c), then its org_language and org_interest
-- rows. Were the triggers of 001 and 004 to recompute the names after each of those rows, each
-- would rewrite the row's search index entry, and FTS5 writes its pending index out at every
-- statement after a change: most of an application's cost. So for a pending entry the
-- triggers stand aside; for every other entry they keep the names exactly as before.
DROP TRIGGER org_language_added;
DROP TRIGGER org_language_removed;
DROP TRIGGER org_interest_added;
DROP TRIGGER org_interest_removed;
CREATE TRIGGER org_language_added AFTER INSERT ON org_language
WHEN (SELECT status FROM org WHERE id = NEW.org_id) <> 'pending' BEGIN
	UPDATE org SET languages_text = (SELECT coalesce(group_concat(name, '; '), '') FROM
		(SELECT g.name FROM org_language x JOIN language g ON g.code = x.lang
		 WHERE x.org_id = NEW.org_id ORDER BY g.name)) WHERE id = NEW.org_id;
END;
CREATE TRIGGER org_language_removed AFTER DELETE ON org_language
WHEN (SELECT status FROM org WHERE id = OLD.org_id) <> 'pending' BEGIN
	UPDATE org SET languages_text = (SELECT coalesce(group_concat(name, '; '), '') FROM
		(SELECT g.name FROM org_language x JOIN language g ON g.code = x.lang
		 WHERE x.org_id = OLD.org_id ORDER BY g.name)) WHERE id = OLD.org_id;
END;
CREATE TRIGGER org_interest_added AFTER INSERT ON org_interest
WHEN (SELECT status FROM org WHERE id = NEW.org_id) <> 'pending' BEGIN
	UPDATE org SET interests_text = (SELECT coalesce(group_concat(label, '; '), '') FROM
		(SELECT i.label FROM org_interest x JOIN interest i ON i.code = x.interest
		 WHERE x.org_id = NEW.org_id ORDER BY i.position)),
		interest_bits = (SELECT coalesce(sum(1 << i.position), 0) FROM org_interest x
		 JOIN interest i ON i.code = x.interest WHERE x.org_id = NEW.org_id)
	WHERE id = NEW.org_id;
END;
CREATE TRIGGER org_interest_removed AFTER DELETE ON org_interest
WHEN (SELECT status FROM org WHERE id = OLD.org_id) <> 'pending' BEGIN
	UPDATE org SET interests_text = (SELECT coalesce(group_concat(label, '; '), '') FROM
		(SELECT i.label FROM org_interest x JOIN interest i ON i.code = x.interest
		 WHERE x.org_id = OLD.org_id ORDER BY i.position)),
		interest_bits = (SELECT coalesce(sum(1 << i.position), 0) FROM org_interest x
		 JOIN interest i ON i.code = x.interest WHERE x.org_id = OLD.org_id)
	WHERE id = OLD.org_id;
END;

-- Every change made through Liaison: who, when, what, and for edits each field's old and new
-- value. actor is the account's name (or 'applicant', 'liaison-admin'), kept as text so the
-- log outlives accounts.
CREATE TABLE audit (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	actor		TEXT NOT NULL,
	action		TEXT NOT NULL,
	org_id		INTEGER REFERENCES org (id),
	note		TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_org ON audit (org_id, id);

CREATE TABLE audit_change (
	audit_id	INTEGER NOT NULL REFERENCES audit (id),
	seq		INTEGER NOT NULL,	-- the field's place on the form, to show them in order
	field		TEXT NOT NULL,
	old_value	TEXT,
	new_value	TEXT,
	PRIMARY KEY (audit_id, seq)
) WITHOUT ROWID;

INSERT INTO timezone (name, utc_offset_min) VALUES
	('Africa/Abidjan', 0),
	('Africa/Accra', 0),
	('Africa/Addis_Ababa', 180),
	('Africa/Algiers', 60),
	('Africa/Asmara', 180),
	('Africa/Bamako', 0),
	('Africa/Bangui', 60),
	('Africa/Banjul', 0),
	('Africa/Bissau', 0),
	('Africa/Blantyre', 120),
	('Africa/Brazzaville', 60),
	('Africa/Bujumbura', 120),
	('Africa/Cairo', 120),
	('Africa/Casablanca', 60),
	('Africa/Ceuta', 60),
	('Africa/Conakry', 0),
	('Africa/Dakar', 0),
	('Africa/Dar_es_Salaam', 180),
	('Africa/Djibouti', 180),
	('Africa/Douala', 60),
	('Africa/El_Aaiun', 60),
	('Africa/Freetown', 0),
	('Africa/Gaborone', 120),
	('Africa/Harare', 120),
	('Africa/Johannesburg', 120),
	('Africa/Juba', 120),
	('Africa/Kampala', 180),
	('Africa/Khartoum', 120),
	('Africa/Kigali', 120),
	('Africa/Kinshasa', 60),
	('Africa/Lagos', 60),
	('Africa/Libreville', 60),
	('Africa/Lome', 0),
	('Africa/Luanda', 60),
	('Africa/Lubumbashi', 120),
	('Africa/Lusaka', 120),
	('Africa/Malabo', 60),
	('Africa/Maputo', 120),
	('Africa/Maseru', 120),
	('Africa/Mbabane', 120),
	('Africa/Mogadishu', 180),
	('Africa/Monrovia', 0),
	('Africa/Nairobi', 180),
	('Africa/Ndjamena', 60),
	('Africa/Niamey', 60),
	('Africa/Nouakchott', 0),
	('Africa/Ouagadougou', 0),
	('Africa/Porto-Novo', 60),
	('Africa/Sao_Tome', 0),
	('Africa/Tripoli', 120),
	('Africa/Tunis', 60),
	('Africa/Windhoek', 120),
	('America/Adak', -600),
	('America/Anchorage', -540),
	('America/Anguilla', -240),
	('America/Antigua', -240),
	('America/Araguaina', -180),
	('America/Argentina/Buenos_Aires', -180),
	('America/Argentina/Catamarca', -180),
	('America/Argentina/Cordoba', -180),
	('America/Argentina/Jujuy', -180),
	('America/Argentina/La_Rioja', -180),
	('America/Argentina/Mendoza', -180),
	('America/Argentina/Rio_Gallegos', -180),
	('America/Argentina/Salta', -180),
	('America/Argentina/San_Juan', -180),
	('America/Argentina/San_Luis', -180),
	('America/Argentina/Tucuman', -180),
	('America/Argentina/Ushuaia', -180),
	('America/Aruba', -240),
	('America/Asuncion', -180),
	('America/Atikokan', -300),
	('America/Bahia', -180),
	('America/Bahia_Banderas', -360),
	('America/Barbados', -240),
	('America/Belem', -180),
	('America/Belize', -360),
	('America/Blanc-Sablon', -240),
	('America/Boa_Vista', -240),
	('America/Bogota', -300),
	('America/Boise', -420),
	('America/Cambridge_Bay', -420),
	('America/Campo_Grande', -240),
	('America/Cancun', -300),
	('America/Caracas', -240),
	('America/Cayenne', -180),
	('America/Cayman', -300),
	('America/Chicago', -360),
	('America/Chihuahua', -360),
	('America/Ciudad_Juarez', -420),
	('America/Costa_Rica', -360),
	('America/Coyhaique', -180),
	('America/Creston', -420),
	('America/Cuiaba', -240),
	('America/Curacao', -240),
	('America/Danmarkshavn', 0),
	('America/Dawson', -420),
	('America/Dawson_Creek', -420),
	('America/Denver', -420),
	('America/Detroit', -300),
	('America/Dominica', -240),
	('America/Edmonton', -420),
	('America/Eirunepe', -300),
	('America/El_Salvador', -360),
	('America/Fort_Nelson', -420),
	('America/Fortaleza', -180),
	('America/Glace_Bay', -240),
	('America/Goose_Bay', -240),
	('America/Grand_Turk', -300),
	('America/Grenada', -240),
	('America/Guadeloupe', -240),
	('America/Guatemala', -360),
	('America/Guayaquil', -300),
	('America/Guyana', -240),
	('America/Halifax', -240),
	('America/Havana', -300),
	('America/Hermosillo', -420),
	('America/Indiana/Indianapolis', -300),
	('America/Indiana/Knox', -360),
	('America/Indiana/Marengo', -300),
	('America/Indiana/Petersburg', -300),
	('America/Indiana/Tell_City', -360),
	('America/Indiana/Vevay', -300),
	('America/Indiana/Vincennes', -300),
	('America/Indiana/Winamac', -300),
	('America/Inuvik', -420),
	('America/Iqaluit', -300),
	('America/Jamaica', -300),
	('America/Juneau', -540),
	('America/Kentucky/Louisville', -300),
	('America/Kentucky/Monticello', -300),
	('America/Kralendijk', -240),
	('America/La_Paz', -240),
	('America/Lima', -300),
	('America/Los_Angeles', -480),
	('America/Lower_Princes', -240),
	('America/Maceio', -180),
	('America/Managua', -360),
	('America/Manaus', -240),
	('America/Marigot', -240),
	('America/Martinique', -240),
	('America/Matamoros', -360),
	('America/Mazatlan', -420),
	('America/Menominee', -360),
	('America/Merida', -360),
	('America/Metlakatla', -540),
	('America/Mexico_City', -360),
	('America/Miquelon', -180),
	('America/Moncton', -240),
	('America/Monterrey', -360),
	('America/Montevideo', -180),
	('America/Montserrat', -240),
	('America/Nassau', -300),
	('America/New_York', -300),
	('America/Nome', -540),
	('America/Noronha', -120),
	('America/North_Dakota/Beulah', -360),
	('America/North_Dakota/Center', -360),
	('America/North_Dakota/New_Salem', -360),
	('America/Nuuk', -120),
	('America/Ojinaga', -360),
	('America/Panama', -300),
	('America/Paramaribo', -180),
	('America/Phoenix', -420),
	('America/Port-au-Prince', -300),
	('America/Port_of_Spain', -240),
	('America/Porto_Velho', -240),
	('America/Puerto_Rico', -240),
	('America/Punta_Arenas', -180),
	('America/Rankin_Inlet', -360),
	('America/Recife', -180),
	('America/Regina', -360),
	('America/Resolute', -360),
	('America/Rio_Branco', -300),
	('America/Santarem', -180),
	('America/Santiago', -240),
	('America/Santo_Domingo', -240),
	('America/Sao_Paulo', -180),
	('America/Scoresbysund', -120),
	('America/Sitka', -540),
	('America/St_Barthelemy', -240),
	('America/St_Johns', -210),
	('America/St_Kitts', -240),
	('America/St_Lucia', -240),
	('America/St_Thomas', -240),
	('America/St_Vincent', -240),
	('America/Swift_Current', -360),
	('America/Tegucigalpa', -360),
	('America/Thule', -240),
	('America/Tijuana', -480),
	('America/Toronto', -300),
	('America/Tortola', -240),
	('America/Vancouver', -480),
	('America/Whitehorse', -420),
	('America/Winnipeg', -360),
	('America/Yakutat', -540),
	('Antarctica/Casey', 480),
	('Antarctica/Davis', 420),
	('Antarctica/DumontDUrville', 600),
	('Antarctica/Macquarie', 600),
	('Antarctica/Mawson', 300),
	('Antarctica/McMurdo', 720),
	('Antarctica/Palmer', -180),
	('Antarctica/Rothera', -180),
	('Antarctica/Syowa', 180),
	('Antarctica/Troll', 0),
	('Antarctica/Vostok', 300),
	('Arctic/Longyearbyen', 60),
	('Asia/Aden', 180),
	('Asia/Almaty', 300),
	('Asia/Amman', 180),
	('Asia/Anadyr', 720),
	('Asia/Aqtau', 300),
	('Asia/Aqtobe', 300),
	('Asia/Ashgabat', 300),
	('Asia/Atyrau', 300),
	('Asia/Baghdad', 180),
	('Asia/Bahrain', 180),
	('Asia/Baku', 240),
	('Asia/Bangkok', 420),
	('Asia/Barnaul', 420),
	('Asia/Beirut', 120),
	('Asia/Bishkek', 360),
	('Asia/Brunei', 480),
	('Asia/Chita', 540),
	('Asia/Colombo', 330),
	('Asia/Damascus', 180),
	('Asia/Dhaka', 360),
	('Asia/Dili', 540),
	('Asia/Dubai', 240),
	('Asia/Dushanbe', 300),
	('Asia/Famagusta', 120),
	('Asia/Gaza', 120),
	('Asia/Hebron', 120),
	('Asia/Ho_Chi_Minh', 420),
	('Asia/Hong_Kong', 480),
	('Asia/Hovd', 420),
	('Asia/Irkutsk', 480),
	('Asia/Jakarta', 420),
	('Asia/Jayapura', 540),
	('Asia/Jerusalem', 120),
	('Asia/Kabul', 270),
	('Asia/Kamchatka', 720),
	('Asia/Karachi', 300),
	('Asia/Kathmandu', 345),
	('Asia/Khandyga', 540),
	('Asia/Kolkata', 330),
	('Asia/Krasnoyarsk', 420),
	('Asia/Kuala_Lumpur', 480),
	('Asia/Kuching', 480),
	('Asia/Kuwait', 180),
	('Asia/Macau', 480),
	('Asia/Magadan', 660),
	('Asia/Makassar', 480),
	('Asia/Manila', 480),
	('Asia/Muscat', 240),
	('Asia/Nicosia', 120),
	('Asia/Novokuznetsk', 420),
	('Asia/Novosibirsk', 420),
	('Asia/Omsk', 360),
	('Asia/Oral', 300),
	('Asia/Phnom_Penh', 420),
	('Asia/Pontianak', 420),
	('Asia/Pyongyang', 540),
	('Asia/Qatar', 180),
	('Asia/Qostanay', 300),
	('Asia/Qyzylorda', 300),
	('Asia/Riyadh', 180),
	('Asia/Sakhalin', 660),
	('Asia/Samarkand', 300),
	('Asia/Seoul', 540),
	('Asia/Shanghai', 480),
	('Asia/Singapore', 480),
	('Asia/Srednekolymsk', 660),
	('Asia/Taipei', 480),
	('Asia/Tashkent', 300),
	('Asia/Tbilisi', 240),
	('Asia/Tehran', 210),
	('Asia/Thimphu', 360),
	('Asia/Tokyo', 540),
	('Asia/Tomsk', 420),
	('Asia/Ulaanbaatar', 480),
	('Asia/Urumqi', 360),
	('Asia/Ust-Nera', 600),
	('Asia/Vientiane', 420),
	('Asia/Vladivostok', 600),
	('Asia/Yakutsk', 540),
	('Asia/Yangon', 390),
	('Asia/Yekaterinburg', 300),
	('Asia/Yerevan', 240),
	('Atlantic/Azores', -60),
	('Atlantic/Bermuda', -240),
	('Atlantic/Canary', 0),
	('Atlantic/Cape_Verde', -60),
	('Atlantic/Faroe', 0),
	('Atlantic/Madeira', 0),
	('Atlantic/Reykjavik', 0),
	('Atlantic/South_Georgia', -120),
	('Atlantic/St_Helena', 0),
	('Atlantic/Stanley', -180),
	('Australia/Adelaide', 570),
	('Australia/Brisbane', 600),
	('Australia/Broken_Hill', 570),
	('Australia/Darwin', 570),
	('Australia/Eucla', 525),
	('Australia/Hobart', 600),
	('Australia/Lindeman', 600),
	('Australia/Lord_Howe', 630),
	('Australia/Melbourne', 600),
	('Australia/Perth', 480),
	('Australia/Sydney', 600),
	('Europe/Amsterdam', 60),
	('Europe/Andorra', 60),
	('Europe/Astrakhan', 240),
	('Europe/Athens', 120),
	('Europe/Belgrade', 60),
	('Europe/Berlin', 60),
	('Europe/Bratislava', 60),
	('Europe/Brussels', 60),
	('Europe/Bucharest', 120),
	('Europe/Budapest', 60),
	('Europe/Busingen', 60),
	('Europe/Chisinau', 120),
	('Europe/Copenhagen', 60),
	('Europe/Dublin', 0),
	('Europe/Gibraltar', 60),
	('Europe/Guernsey', 0),
	('Europe/Helsinki', 120),
	('Europe/Isle_of_Man', 0),
	('Europe/Istanbul', 180),
	('Europe/Jersey', 0),
	('Europe/Kaliningrad', 120),
	('Europe/Kirov', 180),
	('Europe/Kyiv', 120),
	('Europe/Lisbon', 0),
	('Europe/Ljubljana', 60),
	('Europe/London', 0),
	('Europe/Luxembourg', 60),
	('Europe/Madrid', 60),
	('Europe/Malta', 60),
	('Europe/Mariehamn', 120),
	('Europe/Minsk', 180),
	('Europe/Monaco', 60),
	('Europe/Moscow', 180),
	('Europe/Oslo', 60),
	('Europe/Paris', 60),
	('Europe/Podgorica', 60),
	('Europe/Prague', 60),
	('Europe/Riga', 120),
	('Europe/Rome', 60),
	('Europe/Samara', 240),
	('Europe/San_Marino', 60),
	('Europe/Sarajevo', 60),
	('Europe/Saratov', 240),
	('Europe/Simferopol', 180),
	('Europe/Skopje', 60),
	('Europe/Sofia', 120),
	('Europe/Stockholm', 60),
	('Europe/Tallinn', 120),
	('Europe/Tirane', 60),
	('Europe/Ulyanovsk', 240),
	('Europe/Vaduz', 60),
	('Europe/Vatican', 60),
	('Europe/Vienna', 60),
	('Europe/Vilnius', 120),
	('Europe/Volgograd', 180),
	('Europe/Warsaw', 60),
	('Europe/Zagreb', 60),
	('Europe/Zurich', 60),
	('Indian/Antananarivo', 180),
	('Indian/Chagos', 360),
	('Indian/Christmas', 420),
	('Indian/Cocos', 390),
	('Indian/Comoro', 180),
	('Indian/Kerguelen', 300),
	('Indian/Mahe', 240),
	('Indian/Maldives', 300),
	('Indian/Mauritius', 240),
	('Indian/Mayotte', 180),
	('Indian/Reunion', 240),
	('Pacific/Apia', 780),
	('Pacific/Auckland', 720),
	('Pacific/Bougainville', 660),
	('Pacific/Chatham', 765),
	('Pacific/Chuuk', 600),
	('Pacific/Easter', -360),
	('Pacific/Efate', 660),
	('Pacific/Fakaofo', 780),
	('Pacific/Fiji', 720),
	('Pacific/Funafuti', 720),
	('Pacific/Galapagos', -360),
	('Pacific/Gambier', -540),
	('Pacific/Guadalcanal', 660),
	('Pacific/Guam', 600),
	('Pacific/Honolulu', -600),
	('Pacific/Kanton', 780),
	('Pacific/Kiritimati', 840),
	('Pacific/Kosrae', 660),
	('Pacific/Kwajalein', 720),
	('Pacific/Majuro', 720),
	('Pacific/Marquesas', -570),
	('Pacific/Midway', -660),
	('Pacific/Nauru', 720),
	('Pacific/Niue', -660),
	('Pacific/Norfolk', 660),
	('Pacific/Noumea', 660),
	('Pacific/Pago_Pago', -660),
	('Pacific/Palau', 540),
	('Pacific/Pitcairn', -480),
	('Pacific/Pohnpei', 660),
	('Pacific/Port_Moresby', 600),
	('Pacific/Rarotonga', -600),
	('Pacific/Saipan', 600),
	('Pacific/Tahiti', -600),
	('Pacific/Tarawa', 720),
	('Pacific/Tongatapu', 780),
	('Pacific/Wake', 720),
	('Pacific/Wallis', 720),
	('UTC', 0);
