-- 008: public pages kept between processes, for sites that run Liaison as plain CGI (issue 7).
--
-- A FastCGI process keeps the directory and search pages it made until the data changes
-- (pagecache.c). A CGI process answers one request and exits, so it would make every page from
-- nothing: on a directory of 100,000 entries, half a second for the filter menus' counts. So
-- under CGI a finished page is kept here, with the version of the directory it was made from;
-- every change to what those pages show moves the version, and a page of another version (or
-- of another day: "out of date" marks depend on the date) is never served.
--
-- A later migration that changes what public pages show must move the version too.

CREATE TABLE directory_version (
	id	INTEGER PRIMARY KEY CHECK (id = 1),
	n	INTEGER NOT NULL
);
INSERT INTO directory_version (id, n) VALUES (1, 0);

CREATE TABLE page_store (
	key	TEXT PRIMARY KEY,	-- the program's build, the settings pages show, the URL
	version	INTEGER NOT NULL,	-- directory_version.n when the page was made
	day	INTEGER NOT NULL,	-- days since 1970 (UTC) when it was made
	body	BLOB NOT NULL		-- the whole response, headers included
);

CREATE TRIGGER org_insert_moves_version AFTER INSERT ON org BEGIN UPDATE directory_version SET n = n + 1; END;
CREATE TRIGGER org_update_moves_version AFTER UPDATE ON org BEGIN UPDATE directory_version SET n = n + 1; END;
CREATE TRIGGER org_delete_moves_version AFTER DELETE ON org BEGIN UPDATE directory_version SET n = n + 1; END;
CREATE TRIGGER org_language_insert_moves_version AFTER INSERT ON org_language BEGIN UPDATE directory_version SET n = n + 1; END;
CREATE TRIGGER org_language_delete_moves_version AFTER DELETE ON org_language BEGIN UPDATE directory_version SET n = n + 1; END;
CREATE TRIGGER org_interest_insert_moves_version AFTER INSERT ON org_interest BEGIN UPDATE directory_version SET n = n + 1; END;
CREATE TRIGGER org_interest_delete_moves_version AFTER DELETE ON org_interest BEGIN UPDATE directory_version SET n = n + 1; END;
-- Matches leave out current partners.
CREATE TRIGGER partnership_insert_moves_version AFTER INSERT ON partnership BEGIN UPDATE directory_version SET n = n + 1; END;
CREATE TRIGGER partnership_update_moves_version AFTER UPDATE ON partnership BEGIN UPDATE directory_version SET n = n + 1; END;
CREATE TRIGGER partnership_delete_moves_version AFTER DELETE ON partnership BEGIN UPDATE directory_version SET n = n + 1; END;
