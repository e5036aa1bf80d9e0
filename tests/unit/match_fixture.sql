-- A hand-made directory for test_match.c whose best matches for organization 1 are known:
-- 4 (16 points, 8 h), 2 (16 points, 7 h), 12 (12, 5 h), 3 (12, 0 h), 11 (10). Every other
-- organization is left out for one reason each, named beside it.
CREATE TEMP TABLE m (id, name, type, country, city, seeks, seeking, status, ages, off, days_ago,
	langs, interests);
INSERT INTO m VALUES
	(1, 'Springfield Library', 'public', 'US', 'Springfield', 'any', 1, 'listed', 2, -300, 0, 'en es', 'pen_pals videoconference storytime'),
	(2, 'Biblioteca de Monterrey', 'public', 'MX', 'Monterrey', 'library', 1, 'listed', 2, -360, 0, 'es', 'pen_pals videoconference'),
	(3, '東京こども図書館', 'public', 'JP', 'Tokyo', 'library', 1, 'listed', 2, 540, 0, 'ja', 'pen_pals videoconference storytime'),
	(4, 'Springfield Refugee Center', 'refugee', 'US', 'Springfield', 'library', 1, 'listed', 16, -300, 0, 'en', 'storytime'),
	(5, 'Centre culturel de Lyon', 'cultural', 'FR', 'Lyon', 'library', 1, 'listed', 2, 60, 0, 'en', 'storytime'),		-- a community partner abroad
	(6, 'Leeds Library', 'public', 'GB', 'Leeds', 'community', 1, 'listed', 2, 0, 0, 'en', 'pen_pals'),		-- wants community partners only
	(7, 'Toronto Library', 'public', 'CA', 'Toronto', 'any', 0, 'listed', 2, -300, 0, 'en', 'pen_pals'),		-- not seeking
	(8, 'Biblioteca de Recife', 'public', 'BR', 'Recife', 'library', 1, 'pending', 2, -180, 0, 'pt es', 'pen_pals'),	-- not listed
	(9, 'Stadtbibliothek Köln', 'public', 'DE', 'Köln', 'library', 1, 'listed', 2, 60, 0, 'de', 'exhibit'),	-- nothing in common
	(10, 'Biblioteca de Bogotá', 'public', 'CO', 'Bogotá', 'library', 1, 'listed', 2, -300, 0, 'es', 'pen_pals'),	-- a current partner
	(11, 'Biblioteca de Rosario', 'public', 'AR', 'Rosario', 'library', 1, 'listed', 8, -180, 800, 'es', 'pen_pals'),	-- a partner once
	(12, 'Fresno Family Center', 'education', 'US', 'Fresno', 'library', 1, 'listed', 2, -480, 0, 'en', 'videoconference');
INSERT INTO org (id, name, kind, type, country, city, seeks, seeking, status, ages, utc_offset_min,
	confirmed_on, description)
SELECT m.id, m.name, t.kind, m.type, m.country, m.city, m.seeks, m.seeking, m.status, m.ages, m.off,
	date('now', '-' || m.days_ago || ' days'), 'Made for the matchmaking test.'
FROM m JOIN org_type t ON t.code = m.type;
INSERT INTO org_language SELECT m.id, j.value FROM m, json_each('["' || replace(m.langs, ' ', '","') || '"]') j;
INSERT INTO org_interest SELECT m.id, j.value FROM m, json_each('["' || replace(m.interests, ' ', '","') || '"]') j;
INSERT INTO partnership (host_id, partner_id, kind, status, start_on, end_on) VALUES
	(1, 10, 'sister_library', 'active', '2024-01-01', NULL),
	(11, 1, 'sister_library', 'ended', '2020-01-01', '2021-01-01');
