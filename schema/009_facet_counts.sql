-- 009: the whole directory's filter-menu counts, kept current as entries change (issue 7).
--
-- Beside each choice of /list's filter menus is how many listed entries it would show. Counting
-- them over 100,000 entries takes 0.4 s, nearly all of it the languages and interests, which
-- join every one of their rows to its entry. A FastCGI process does it once per change; a CGI
-- process (plain CGI on shared hosting) does it for the first visitor after every change. So
-- the counts over the whole directory are kept here instead, moved by the triggers below
-- whenever a listed entry is added, changes or leaves, and directory.c reads them wherever a
-- menu is counted without any other filter: all of /list's menus, and a filtered list's own
-- menu. Counts with filters, and those of searches, are still counted when asked for.
--
-- facet is the menu (directory.h's enum facet, in words), '' for the total; value is the
-- choice's code ("1"/"0" for seeking). A count of 0 stays as a row; readers skip it.

CREATE TABLE facet_count (
	facet	TEXT NOT NULL,
	value	TEXT NOT NULL,
	n	INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (facet, value)
) WITHOUT ROWID;

INSERT INTO facet_count (facet, value, n)
	SELECT '', '', count(*) FROM org WHERE status = 'listed'
	UNION ALL SELECT 'kind', kind, count(*) FROM org WHERE status = 'listed' GROUP BY kind
	UNION ALL SELECT 'type', type, count(*) FROM org WHERE status = 'listed' GROUP BY type
	UNION ALL SELECT 'country', country, count(*) FROM org WHERE status = 'listed' GROUP BY country
	UNION ALL SELECT 'seeking', seeking, count(*) FROM org WHERE status = 'listed' GROUP BY seeking
	UNION ALL SELECT 'language', l.lang, count(*) FROM org_language l JOIN org o ON o.id = l.org_id
		WHERE o.status = 'listed' GROUP BY l.lang
	UNION ALL SELECT 'interest', n.interest, count(*) FROM org_interest n JOIN org o ON o.id = n.org_id
		WHERE o.status = 'listed' GROUP BY n.interest;

-- An entry's own menus: when it becomes listed, changes while listed, or stops being listed.
CREATE TRIGGER facet_org_insert AFTER INSERT ON org WHEN NEW.status = 'listed' BEGIN
	INSERT INTO facet_count (facet, value, n)
		SELECT column1, column2, 1 FROM (VALUES ('', ''), ('kind', NEW.kind), ('type', NEW.type),
		    ('country', NEW.country), ('seeking', NEW.seeking)) WHERE true
		ON CONFLICT (facet, value) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER facet_org_update AFTER UPDATE OF status, kind, type, country, seeking ON org
WHEN OLD.status = 'listed' OR NEW.status = 'listed' BEGIN
	UPDATE facet_count SET n = n - 1 WHERE OLD.status = 'listed' AND (facet, value) IN
	    (VALUES ('', ''), ('kind', OLD.kind), ('type', OLD.type), ('country', OLD.country),
	     ('seeking', CAST(OLD.seeking AS TEXT)));
	INSERT INTO facet_count (facet, value, n)
		SELECT column1, column2, 1 FROM (VALUES ('', ''), ('kind', NEW.kind), ('type', NEW.type),
		    ('country', NEW.country), ('seeking', NEW.seeking)) WHERE NEW.status = 'listed'
		ON CONFLICT (facet, value) DO UPDATE SET n = n + 1;
	-- Its languages and interests count while it is listed.
	UPDATE facet_count SET n = n - 1 WHERE OLD.status = 'listed' AND NEW.status <> 'listed'
	    AND ((facet = 'language' AND value IN (SELECT lang FROM org_language WHERE org_id = NEW.id))
	     OR (facet = 'interest' AND value IN (SELECT interest FROM org_interest WHERE org_id = NEW.id)));
	INSERT INTO facet_count (facet, value, n)
		SELECT 'language', lang, 1 FROM org_language WHERE org_id = NEW.id
		    AND OLD.status <> 'listed' AND NEW.status = 'listed'
		UNION ALL SELECT 'interest', interest, 1 FROM org_interest WHERE org_id = NEW.id
		    AND OLD.status <> 'listed' AND NEW.status = 'listed'
		ON CONFLICT (facet, value) DO UPDATE SET n = n + 1;
END;

-- Entries are archived, not deleted; should one be, its rows of org_language and org_interest
-- go by ON DELETE CASCADE after the entry has gone, when their own triggers can no longer see
-- that it was listed. So its languages and interests are taken off here, before.
CREATE TRIGGER facet_org_delete BEFORE DELETE ON org WHEN OLD.status = 'listed' BEGIN
	UPDATE facet_count SET n = n - 1 WHERE (facet, value) IN
	    (VALUES ('', ''), ('kind', OLD.kind), ('type', OLD.type), ('country', OLD.country),
	     ('seeking', CAST(OLD.seeking AS TEXT)))
	    OR (facet = 'language' AND value IN (SELECT lang FROM org_language WHERE org_id = OLD.id))
	    OR (facet = 'interest' AND value IN (SELECT interest FROM org_interest WHERE org_id = OLD.id));
END;

-- A listed entry's languages and interests, as they are ticked and unticked.
CREATE TRIGGER facet_language_insert AFTER INSERT ON org_language
WHEN (SELECT status FROM org WHERE id = NEW.org_id) = 'listed' BEGIN
	INSERT INTO facet_count (facet, value, n) VALUES ('language', NEW.lang, 1)
		ON CONFLICT (facet, value) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER facet_language_delete AFTER DELETE ON org_language
WHEN (SELECT status FROM org WHERE id = OLD.org_id) = 'listed' BEGIN
	UPDATE facet_count SET n = n - 1 WHERE facet = 'language' AND value = OLD.lang;
END;
CREATE TRIGGER facet_interest_insert AFTER INSERT ON org_interest
WHEN (SELECT status FROM org WHERE id = NEW.org_id) = 'listed' BEGIN
	INSERT INTO facet_count (facet, value, n) VALUES ('interest', NEW.interest, 1)
		ON CONFLICT (facet, value) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER facet_interest_delete AFTER DELETE ON org_interest
WHEN (SELECT status FROM org WHERE id = OLD.org_id) = 'listed' BEGIN
	UPDATE facet_count SET n = n - 1 WHERE facet = 'interest' AND value = OLD.interest;
END;
