-- 015: what HTTP validators are made of (issue 22). Public pages carry an ETag and a
-- Last-Modified so that nginx's proxy_cache, Varnish or a CDN can keep them and ask again
-- cheaply (a 304, answered without making the page: src/app/pagecache.c).
--
-- * epoch: a random value made with the database and made afresh by every restore
--   (backup.c). directory_version and report_n count from wherever the restored copy was, so
--   without it a restored site could answer a cache's old ETag with "not modified" for a page
--   that now shows something else.
-- * report_n: moves on every change the report shows and the directory version does not
--   cover: activities (and their daily sums, which imports write directly) and partnerships.
-- * directory_at, report_at: unix seconds of the last move of each, for Last-Modified.
CREATE TABLE cache_validator (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	epoch		TEXT NOT NULL,
	report_n	INTEGER NOT NULL,
	directory_at	INTEGER NOT NULL,
	report_at	INTEGER NOT NULL
);
INSERT INTO cache_validator (id, epoch, report_n, directory_at, report_at)
VALUES (1, lower(hex(randomblob(8))), 0, CAST(strftime('%s', 'now') AS INTEGER),
	CAST(strftime('%s', 'now') AS INTEGER));

CREATE TRIGGER directory_version_moves_at AFTER UPDATE OF n ON directory_version
BEGIN UPDATE cache_validator SET directory_at = CAST(strftime('%s', 'now') AS INTEGER); END;

-- Per row, but on a one-row table: an import of a year of activities adds a few hundred
-- daily rows, each a small update of a page SQLite already holds.
CREATE TRIGGER activity_day_insert_moves_report AFTER INSERT ON activity_day
BEGIN UPDATE cache_validator SET report_n = report_n + 1, report_at = CAST(strftime('%s', 'now') AS INTEGER); END;
CREATE TRIGGER activity_day_update_moves_report AFTER UPDATE ON activity_day
BEGIN UPDATE cache_validator SET report_n = report_n + 1, report_at = CAST(strftime('%s', 'now') AS INTEGER); END;
CREATE TRIGGER activity_day_delete_moves_report AFTER DELETE ON activity_day
BEGIN UPDATE cache_validator SET report_n = report_n + 1, report_at = CAST(strftime('%s', 'now') AS INTEGER); END;
CREATE TRIGGER activity_partnership_day_insert_moves_report AFTER INSERT ON activity_partnership_day
BEGIN UPDATE cache_validator SET report_n = report_n + 1, report_at = CAST(strftime('%s', 'now') AS INTEGER); END;
CREATE TRIGGER activity_partnership_day_update_moves_report AFTER UPDATE ON activity_partnership_day
BEGIN UPDATE cache_validator SET report_n = report_n + 1, report_at = CAST(strftime('%s', 'now') AS INTEGER); END;
CREATE TRIGGER activity_partnership_day_delete_moves_report AFTER DELETE ON activity_partnership_day
BEGIN UPDATE cache_validator SET report_n = report_n + 1, report_at = CAST(strftime('%s', 'now') AS INTEGER); END;
CREATE TRIGGER partnership_insert_moves_report AFTER INSERT ON partnership
BEGIN UPDATE cache_validator SET report_n = report_n + 1, report_at = CAST(strftime('%s', 'now') AS INTEGER); END;
CREATE TRIGGER partnership_update_moves_report AFTER UPDATE ON partnership
BEGIN UPDATE cache_validator SET report_n = report_n + 1, report_at = CAST(strftime('%s', 'now') AS INTEGER); END;
CREATE TRIGGER partnership_delete_moves_report AFTER DELETE ON partnership
BEGIN UPDATE cache_validator SET report_n = report_n + 1, report_at = CAST(strftime('%s', 'now') AS INTEGER); END;
