-- 010: directory_version moves only when what the public sees changes (issue 15).
--
-- Schema 008 moved the version on every change to org, org_language and org_interest, pending
-- rows included, so each application posted to /apply threw away every public page kept by
-- every process: under a stream of applications the directory and search were made from
-- nothing on nearly every request. The public pages show listed entries only, so:
--
-- * an org row moves the version when it is listed before or after the change, and the change
--   touches a column the pages show (every column but created_at);
-- * a language or interest moves it when its organization is listed (an application's rows
--   are written while it is pending; approving it moves the version through org.status);
-- * a partnership moves it when one that profiles or matches show changes (not its goals,
--   contributions or staff lead, which only staff see).
--
-- Since then the in-process caches (pagecache.c, directory.c) are keyed on this version too,
-- so a pending application, a sign-in, an audit record or any other staff-only write leaves
-- every public page warm. A later migration that changes what public pages show must move it.

DROP TRIGGER org_insert_moves_version;
DROP TRIGGER org_update_moves_version;
DROP TRIGGER org_delete_moves_version;
DROP TRIGGER org_language_insert_moves_version;
DROP TRIGGER org_language_delete_moves_version;
DROP TRIGGER org_interest_insert_moves_version;
DROP TRIGGER org_interest_delete_moves_version;
DROP TRIGGER partnership_update_moves_version;

CREATE TRIGGER org_insert_moves_version AFTER INSERT ON org
WHEN NEW.status = 'listed'
BEGIN UPDATE directory_version SET n = n + 1; END;

CREATE TRIGGER org_update_moves_version AFTER UPDATE OF
	name, name_en, kind, type, country, region, city, website, description, seeking,
	seeking_text, commitment, ages, timezone, utc_offset_min, contact_name, contact_email,
	email_public, status, confirmed_on, languages_text, interests_text, seeks, interest_bits
ON org
WHEN OLD.status = 'listed' OR NEW.status = 'listed'
BEGIN UPDATE directory_version SET n = n + 1; END;

CREATE TRIGGER org_delete_moves_version AFTER DELETE ON org
WHEN OLD.status = 'listed'
BEGIN UPDATE directory_version SET n = n + 1; END;

CREATE TRIGGER org_language_insert_moves_version AFTER INSERT ON org_language
WHEN (SELECT status FROM org WHERE id = NEW.org_id) = 'listed'
BEGIN UPDATE directory_version SET n = n + 1; END;

CREATE TRIGGER org_language_delete_moves_version AFTER DELETE ON org_language
WHEN (SELECT status FROM org WHERE id = OLD.org_id) = 'listed'
BEGIN UPDATE directory_version SET n = n + 1; END;

CREATE TRIGGER org_interest_insert_moves_version AFTER INSERT ON org_interest
WHEN (SELECT status FROM org WHERE id = NEW.org_id) = 'listed'
BEGIN UPDATE directory_version SET n = n + 1; END;

CREATE TRIGGER org_interest_delete_moves_version AFTER DELETE ON org_interest
WHEN (SELECT status FROM org WHERE id = OLD.org_id) = 'listed'
BEGIN UPDATE directory_version SET n = n + 1; END;

CREATE TRIGGER partnership_update_moves_version AFTER UPDATE OF
	host_id, partner_id, kind, status, start_on, end_on
ON partnership
BEGIN UPDATE directory_version SET n = n + 1; END;
