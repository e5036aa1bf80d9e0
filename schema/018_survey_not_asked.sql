-- 018: a survey question that was not asked is not a zero (issue 19).
--
-- The Project Outcome tallies of an activity (respondents and the four agree_ counts) were
-- NOT NULL DEFAULT 0, so a question left blank was stored as 0 and the report counted it as
-- "0 % agree". They may now be NULL, meaning "not asked":
--
-- * respondents NULL: no survey was run at that activity; every agree_ is NULL too.
-- * agree_X NULL with respondents given: the survey did not ask question X. agree_X 0 means
--   it was asked and nobody agreed.
--
-- How the rows already recorded are read: an activity with respondents 0 had no survey (the
-- form and the import wrote 0 for a blank), so its five tallies become NULL; one with
-- respondents above 0 was surveyed, and its tallies are kept as they are, zeros included,
-- since nothing recorded tells a question asked with no one agreeing from one not asked.
--
-- A share is then counted only over the activities that asked its question: activity_figures
-- gains, per question, asked_X (1 when the activity asked it) and respondents_X (its
-- respondents when it asked it, else 0), and the day sums gain the same columns. The share of
-- question X over any period is sum(agree_X) / sum(respondents_X), and sum(asked_X) is how
-- many activities asked it.
--
-- SQLite cannot loosen a NOT NULL in place, so the activity table is rebuilt, as 006 did. Its
-- views and triggers name it and go first; the import batches' list of activities refers to
-- it with ON DELETE CASCADE, and dropping a table with foreign keys on deletes its rows first,
-- so that list is kept aside and put back. The sums are then made again from every activity,
-- which moves report_n (schema 015): every report a cache kept is made afresh.

DROP TRIGGER activity_day_insert;
DROP TRIGGER activity_day_delete;
DROP TRIGGER activity_day_update_before;
DROP TRIGGER activity_day_update_after;
DROP VIEW activity_figures;
DROP VIEW activity_counted;

CREATE TEMP TABLE batch_activity_kept AS SELECT * FROM import_batch_activity;

CREATE TABLE activity_new (
	id		INTEGER PRIMARY KEY,
	partnership_id	INTEGER NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
	held_on		TEXT NOT NULL CHECK (date(held_on) = held_on),
	type		TEXT NOT NULL REFERENCES activity_type (code),
	is_program	INTEGER NOT NULL DEFAULT 1 CHECK (is_program IN (0, 1)),	-- 0: outreach, not a program
	format		TEXT NOT NULL CHECK (format IN ('in_person', 'virtual', 'hybrid')),
	sessions	INTEGER NOT NULL DEFAULT 1 CHECK (sessions BETWEEN 0 AND 10000),
	-- attendance by age band, in the room and online (a hybrid's remote audience is virtual)
	att_0_5_in	INTEGER NOT NULL DEFAULT 0 CHECK (att_0_5_in >= 0),
	att_6_11_in	INTEGER NOT NULL DEFAULT 0 CHECK (att_6_11_in >= 0),
	att_12_18_in	INTEGER NOT NULL DEFAULT 0 CHECK (att_12_18_in >= 0),
	att_adult_in	INTEGER NOT NULL DEFAULT 0 CHECK (att_adult_in >= 0),
	att_all_in	INTEGER NOT NULL DEFAULT 0 CHECK (att_all_in >= 0),
	att_0_5_virt	INTEGER NOT NULL DEFAULT 0 CHECK (att_0_5_virt >= 0),
	att_6_11_virt	INTEGER NOT NULL DEFAULT 0 CHECK (att_6_11_virt >= 0),
	att_12_18_virt	INTEGER NOT NULL DEFAULT 0 CHECK (att_12_18_virt >= 0),
	att_adult_virt	INTEGER NOT NULL DEFAULT 0 CHECK (att_adult_virt >= 0),
	att_all_virt	INTEGER NOT NULL DEFAULT 0 CHECK (att_all_virt >= 0),
	staff_minutes	INTEGER NOT NULL DEFAULT 0 CHECK (staff_minutes >= 0),
	volunteer_minutes INTEGER NOT NULL DEFAULT 0 CHECK (volunteer_minutes >= 0),
	library_cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (library_cost_cents >= 0),
	partner_cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (partner_cost_cents >= 0),
	in_kind_cents	INTEGER NOT NULL DEFAULT 0 CHECK (in_kind_cents >= 0),
	materials	INTEGER NOT NULL DEFAULT 0 CHECK (materials >= 0),	-- books, artwork, letters exchanged
	-- PLA Project Outcome survey; NULL: not asked. A NULL bound makes a CHECK pass, so each
	-- agree_ says outright that it needs respondents.
	respondents	INTEGER CHECK (respondents >= 0),
	agree_knowledge	INTEGER CHECK (agree_knowledge IS NULL OR (respondents IS NOT NULL AND agree_knowledge BETWEEN 0 AND respondents)),
	agree_confidence INTEGER CHECK (agree_confidence IS NULL OR (respondents IS NOT NULL AND agree_confidence BETWEEN 0 AND respondents)),
	agree_application INTEGER CHECK (agree_application IS NULL OR (respondents IS NOT NULL AND agree_application BETWEEN 0 AND respondents)),
	agree_awareness	INTEGER CHECK (agree_awareness IS NULL OR (respondents IS NOT NULL AND agree_awareness BETWEEN 0 AND respondents)),
	notes		TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO activity_new SELECT id, partnership_id, held_on, type, is_program, format, sessions,
	att_0_5_in, att_6_11_in, att_12_18_in, att_adult_in, att_all_in,
	att_0_5_virt, att_6_11_virt, att_12_18_virt, att_adult_virt, att_all_virt,
	staff_minutes, volunteer_minutes, library_cost_cents, partner_cost_cents, in_kind_cents, materials,
	nullif(respondents, 0),
	CASE WHEN respondents > 0 THEN agree_knowledge END,
	CASE WHEN respondents > 0 THEN agree_confidence END,
	CASE WHEN respondents > 0 THEN agree_application END,
	CASE WHEN respondents > 0 THEN agree_awareness END,
	notes, created_at
	FROM activity;
DROP TABLE activity;
ALTER TABLE activity_new RENAME TO activity;
CREATE INDEX activity_by_partnership ON activity (partnership_id, held_on);
CREATE INDEX activity_by_date ON activity (held_on);
INSERT INTO import_batch_activity SELECT * FROM batch_activity_kept;
DROP TABLE batch_activity_kept;

-- As 006 wrote it: a hybrid counted once, in person, its remote audience virtual.
CREATE VIEW activity_counted AS SELECT a.*,
	CASE WHEN a.format = 'virtual' THEN 0 ELSE a.sessions END AS sessions_in_person,
	CASE WHEN a.format = 'virtual' THEN a.sessions ELSE 0 END AS sessions_virtual,
	a.att_0_5_in + a.att_6_11_in + a.att_12_18_in + a.att_adult_in + a.att_all_in AS attendance_in_person,
	a.att_0_5_virt + a.att_6_11_virt + a.att_12_18_virt + a.att_adult_virt + a.att_all_virt AS attendance_virtual
	FROM activity a;

-- As 007 wrote it (every counting rule of the reports), with the survey read as above: a
-- tally not asked adds nothing to any sum, and each question carries its own denominator.
CREATE VIEW activity_figures AS SELECT id, partnership_id, held_on,
	1 AS activities,
	p * s_in AS program_sessions_in,
	p * (sessions - s_in) AS program_sessions_virt,
	(1 - p) * sessions AS outreach_sessions,
	p * att_0_5_in AS program_0_5_in,
	p * att_6_11_in AS program_6_11_in,
	p * att_12_18_in AS program_12_18_in,
	p * att_adult_in AS program_adult_in,
	p * att_all_in AS program_all_in,
	p * att_0_5_virt AS program_0_5_virt,
	p * att_6_11_virt AS program_6_11_virt,
	p * att_12_18_virt AS program_12_18_virt,
	p * att_adult_virt AS program_adult_virt,
	p * att_all_virt AS program_all_virt,
	(1 - p) * (b0_5 + b6_11 + b12_18 + badult + ball) AS outreach_attendance,
	staff_minutes, volunteer_minutes,
	library_cost_cents AS library_cents, partner_cost_cents AS partner_cents, in_kind_cents,
	materials, coalesce(respondents, 0) AS respondents,
	coalesce(agree_knowledge, 0) AS agree_knowledge,
	coalesce(agree_confidence, 0) AS agree_confidence,
	coalesce(agree_application, 0) AS agree_application,
	coalesce(agree_awareness, 0) AS agree_awareness,
	-- A program is in one age class when its whole audience is in one band; else "general".
	-- Written band by band rather than through a shared total: SQLite copies a subquery's
	-- expression into every place that names it, and this keeps each copy small.
	p * sessions * (b0_5 > 0 AND b6_11 + b12_18 + badult + ball = 0) AS imls_k0_5_pro,
	p * sessions * (b6_11 > 0 AND b0_5 + b12_18 + badult + ball = 0) AS imls_k6_11_pro,
	p * sessions * (b12_18 > 0 AND b0_5 + b6_11 + badult + ball = 0) AS imls_ya_pro,
	p * sessions * (badult > 0 AND b0_5 + b6_11 + b12_18 + ball = 0) AS imls_adult_pro,
	p * sessions * NOT ((b0_5 > 0) + (b6_11 > 0) + (b12_18 > 0) + (badult > 0) = 1 AND ball = 0) AS imls_gen_pro,
	p * b0_5 * (b6_11 + b12_18 + badult + ball = 0) AS imls_k0_5_atten,
	p * b6_11 * (b0_5 + b12_18 + badult + ball = 0) AS imls_k6_11_atten,
	p * b12_18 * (b0_5 + b6_11 + badult + ball = 0) AS imls_ya_atten,
	p * badult * (b0_5 + b6_11 + b12_18 + ball = 0) AS imls_adult_atten,
	p * (b0_5 + b6_11 + b12_18 + badult + ball) *
		NOT ((b0_5 > 0) + (b6_11 > 0) + (b12_18 > 0) + (badult > 0) = 1 AND ball = 0) AS imls_gen_atten,
	-- Per question: did this activity ask it, and how many answered the survey if so.
	agree_knowledge IS NOT NULL AS asked_knowledge,
	agree_confidence IS NOT NULL AS asked_confidence,
	agree_application IS NOT NULL AS asked_application,
	agree_awareness IS NOT NULL AS asked_awareness,
	CASE WHEN agree_knowledge IS NOT NULL THEN respondents ELSE 0 END AS respondents_knowledge,
	CASE WHEN agree_confidence IS NOT NULL THEN respondents ELSE 0 END AS respondents_confidence,
	CASE WHEN agree_application IS NOT NULL THEN respondents ELSE 0 END AS respondents_application,
	CASE WHEN agree_awareness IS NOT NULL THEN respondents ELSE 0 END AS respondents_awareness
FROM (SELECT *, is_program AS p,
	CASE WHEN format = 'virtual' THEN 0 ELSE sessions END AS s_in,
	att_0_5_in + att_0_5_virt AS b0_5,
	att_6_11_in + att_6_11_virt AS b6_11,
	att_12_18_in + att_12_18_virt AS b12_18,
	att_adult_in + att_adult_virt AS badult,
	att_all_in + att_all_virt AS ball
	FROM activity);

-- The day sums and the import's scratch sums gain the same columns.
ALTER TABLE activity_day ADD COLUMN asked_knowledge INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN asked_confidence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN asked_application INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN asked_awareness INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN respondents_knowledge INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN respondents_confidence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN respondents_application INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN respondents_awareness INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN asked_knowledge INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN asked_confidence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN asked_application INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN asked_awareness INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN respondents_knowledge INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN respondents_confidence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN respondents_application INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN respondents_awareness INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN asked_knowledge INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN asked_confidence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN asked_application INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN asked_awareness INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN respondents_knowledge INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN respondents_confidence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN respondents_application INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN respondents_awareness INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER activity_day_insert AFTER INSERT ON activity BEGIN
	INSERT INTO activity_day (held_on,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro,
		imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten,
		asked_knowledge, asked_confidence, asked_application, asked_awareness, respondents_knowledge,
		respondents_confidence, respondents_application, respondents_awareness)
	SELECT held_on,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro,
		imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten,
		asked_knowledge, asked_confidence, asked_application, asked_awareness, respondents_knowledge,
		respondents_confidence, respondents_application, respondents_awareness FROM activity_figures WHERE id = NEW.id
	ON CONFLICT (held_on) DO UPDATE SET
		activities = activities + excluded.activities, program_sessions_in = program_sessions_in +
		excluded.program_sessions_in, program_sessions_virt = program_sessions_virt +
		excluded.program_sessions_virt, outreach_sessions = outreach_sessions +
		excluded.outreach_sessions, program_0_5_in = program_0_5_in + excluded.program_0_5_in,
		program_6_11_in = program_6_11_in + excluded.program_6_11_in, program_12_18_in =
		program_12_18_in + excluded.program_12_18_in, program_adult_in = program_adult_in +
		excluded.program_adult_in, program_all_in = program_all_in + excluded.program_all_in,
		program_0_5_virt = program_0_5_virt + excluded.program_0_5_virt, program_6_11_virt =
		program_6_11_virt + excluded.program_6_11_virt, program_12_18_virt = program_12_18_virt +
		excluded.program_12_18_virt, program_adult_virt = program_adult_virt +
		excluded.program_adult_virt, program_all_virt = program_all_virt + excluded.program_all_virt,
		outreach_attendance = outreach_attendance + excluded.outreach_attendance, staff_minutes =
		staff_minutes + excluded.staff_minutes, volunteer_minutes = volunteer_minutes +
		excluded.volunteer_minutes, library_cents = library_cents + excluded.library_cents,
		partner_cents = partner_cents + excluded.partner_cents, in_kind_cents = in_kind_cents +
		excluded.in_kind_cents, materials = materials + excluded.materials, respondents = respondents
		+ excluded.respondents, agree_knowledge = agree_knowledge + excluded.agree_knowledge,
		agree_confidence = agree_confidence + excluded.agree_confidence, agree_application =
		agree_application + excluded.agree_application, agree_awareness = agree_awareness +
		excluded.agree_awareness, imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro,
		imls_k6_11_pro = imls_k6_11_pro + excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro +
		excluded.imls_ya_pro, imls_adult_pro = imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro
		= imls_gen_pro + excluded.imls_gen_pro, imls_k0_5_atten = imls_k0_5_atten +
		excluded.imls_k0_5_atten, imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten,
		imls_ya_atten = imls_ya_atten + excluded.imls_ya_atten, imls_adult_atten = imls_adult_atten +
		excluded.imls_adult_atten, imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten,
		asked_knowledge = asked_knowledge + excluded.asked_knowledge, asked_confidence =
		asked_confidence + excluded.asked_confidence, asked_application = asked_application +
		excluded.asked_application, asked_awareness = asked_awareness + excluded.asked_awareness,
		respondents_knowledge = respondents_knowledge + excluded.respondents_knowledge,
		respondents_confidence = respondents_confidence + excluded.respondents_confidence,
		respondents_application = respondents_application + excluded.respondents_application,
		respondents_awareness = respondents_awareness + excluded.respondents_awareness;
	INSERT INTO activity_partnership_day (held_on, partnership_id,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro,
		imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten,
		asked_knowledge, asked_confidence, asked_application, asked_awareness, respondents_knowledge,
		respondents_confidence, respondents_application, respondents_awareness)
	SELECT held_on, partnership_id,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro,
		imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten,
		asked_knowledge, asked_confidence, asked_application, asked_awareness, respondents_knowledge,
		respondents_confidence, respondents_application, respondents_awareness FROM activity_figures WHERE id = NEW.id
	ON CONFLICT (partnership_id, held_on) DO UPDATE SET
		activities = activities + excluded.activities, program_sessions_in = program_sessions_in +
		excluded.program_sessions_in, program_sessions_virt = program_sessions_virt +
		excluded.program_sessions_virt, outreach_sessions = outreach_sessions +
		excluded.outreach_sessions, program_0_5_in = program_0_5_in + excluded.program_0_5_in,
		program_6_11_in = program_6_11_in + excluded.program_6_11_in, program_12_18_in =
		program_12_18_in + excluded.program_12_18_in, program_adult_in = program_adult_in +
		excluded.program_adult_in, program_all_in = program_all_in + excluded.program_all_in,
		program_0_5_virt = program_0_5_virt + excluded.program_0_5_virt, program_6_11_virt =
		program_6_11_virt + excluded.program_6_11_virt, program_12_18_virt = program_12_18_virt +
		excluded.program_12_18_virt, program_adult_virt = program_adult_virt +
		excluded.program_adult_virt, program_all_virt = program_all_virt + excluded.program_all_virt,
		outreach_attendance = outreach_attendance + excluded.outreach_attendance, staff_minutes =
		staff_minutes + excluded.staff_minutes, volunteer_minutes = volunteer_minutes +
		excluded.volunteer_minutes, library_cents = library_cents + excluded.library_cents,
		partner_cents = partner_cents + excluded.partner_cents, in_kind_cents = in_kind_cents +
		excluded.in_kind_cents, materials = materials + excluded.materials, respondents = respondents
		+ excluded.respondents, agree_knowledge = agree_knowledge + excluded.agree_knowledge,
		agree_confidence = agree_confidence + excluded.agree_confidence, agree_application =
		agree_application + excluded.agree_application, agree_awareness = agree_awareness +
		excluded.agree_awareness, imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro,
		imls_k6_11_pro = imls_k6_11_pro + excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro +
		excluded.imls_ya_pro, imls_adult_pro = imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro
		= imls_gen_pro + excluded.imls_gen_pro, imls_k0_5_atten = imls_k0_5_atten +
		excluded.imls_k0_5_atten, imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten,
		imls_ya_atten = imls_ya_atten + excluded.imls_ya_atten, imls_adult_atten = imls_adult_atten +
		excluded.imls_adult_atten, imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten,
		asked_knowledge = asked_knowledge + excluded.asked_knowledge, asked_confidence =
		asked_confidence + excluded.asked_confidence, asked_application = asked_application +
		excluded.asked_application, asked_awareness = asked_awareness + excluded.asked_awareness,
		respondents_knowledge = respondents_knowledge + excluded.respondents_knowledge,
		respondents_confidence = respondents_confidence + excluded.respondents_confidence,
		respondents_application = respondents_application + excluded.respondents_application,
		respondents_awareness = respondents_awareness + excluded.respondents_awareness;
END;

CREATE TRIGGER activity_day_delete BEFORE DELETE ON activity BEGIN
	UPDATE activity_day SET
		activities = activity_day.activities - f.activities, program_sessions_in =
		activity_day.program_sessions_in - f.program_sessions_in, program_sessions_virt =
		activity_day.program_sessions_virt - f.program_sessions_virt, outreach_sessions =
		activity_day.outreach_sessions - f.outreach_sessions, program_0_5_in =
		activity_day.program_0_5_in - f.program_0_5_in, program_6_11_in = activity_day.program_6_11_in
		- f.program_6_11_in, program_12_18_in = activity_day.program_12_18_in - f.program_12_18_in,
		program_adult_in = activity_day.program_adult_in - f.program_adult_in, program_all_in =
		activity_day.program_all_in - f.program_all_in, program_0_5_virt =
		activity_day.program_0_5_virt - f.program_0_5_virt, program_6_11_virt =
		activity_day.program_6_11_virt - f.program_6_11_virt, program_12_18_virt =
		activity_day.program_12_18_virt - f.program_12_18_virt, program_adult_virt =
		activity_day.program_adult_virt - f.program_adult_virt, program_all_virt =
		activity_day.program_all_virt - f.program_all_virt, outreach_attendance =
		activity_day.outreach_attendance - f.outreach_attendance, staff_minutes =
		activity_day.staff_minutes - f.staff_minutes, volunteer_minutes =
		activity_day.volunteer_minutes - f.volunteer_minutes, library_cents =
		activity_day.library_cents - f.library_cents, partner_cents = activity_day.partner_cents -
		f.partner_cents, in_kind_cents = activity_day.in_kind_cents - f.in_kind_cents, materials =
		activity_day.materials - f.materials, respondents = activity_day.respondents - f.respondents,
		agree_knowledge = activity_day.agree_knowledge - f.agree_knowledge, agree_confidence =
		activity_day.agree_confidence - f.agree_confidence, agree_application =
		activity_day.agree_application - f.agree_application, agree_awareness =
		activity_day.agree_awareness - f.agree_awareness, imls_k0_5_pro = activity_day.imls_k0_5_pro -
		f.imls_k0_5_pro, imls_k6_11_pro = activity_day.imls_k6_11_pro - f.imls_k6_11_pro, imls_ya_pro
		= activity_day.imls_ya_pro - f.imls_ya_pro, imls_adult_pro = activity_day.imls_adult_pro -
		f.imls_adult_pro, imls_gen_pro = activity_day.imls_gen_pro - f.imls_gen_pro, imls_k0_5_atten =
		activity_day.imls_k0_5_atten - f.imls_k0_5_atten, imls_k6_11_atten =
		activity_day.imls_k6_11_atten - f.imls_k6_11_atten, imls_ya_atten = activity_day.imls_ya_atten
		- f.imls_ya_atten, imls_adult_atten = activity_day.imls_adult_atten - f.imls_adult_atten,
		imls_gen_atten = activity_day.imls_gen_atten - f.imls_gen_atten, asked_knowledge =
		activity_day.asked_knowledge - f.asked_knowledge, asked_confidence =
		activity_day.asked_confidence - f.asked_confidence, asked_application =
		activity_day.asked_application - f.asked_application, asked_awareness =
		activity_day.asked_awareness - f.asked_awareness, respondents_knowledge =
		activity_day.respondents_knowledge - f.respondents_knowledge, respondents_confidence =
		activity_day.respondents_confidence - f.respondents_confidence, respondents_application =
		activity_day.respondents_application - f.respondents_application, respondents_awareness =
		activity_day.respondents_awareness - f.respondents_awareness
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_day.held_on = f.held_on;
	DELETE FROM activity_day WHERE held_on = OLD.held_on AND activities = 0;
	UPDATE activity_partnership_day SET
		activities = activity_partnership_day.activities - f.activities, program_sessions_in =
		activity_partnership_day.program_sessions_in - f.program_sessions_in, program_sessions_virt =
		activity_partnership_day.program_sessions_virt - f.program_sessions_virt, outreach_sessions =
		activity_partnership_day.outreach_sessions - f.outreach_sessions, program_0_5_in =
		activity_partnership_day.program_0_5_in - f.program_0_5_in, program_6_11_in =
		activity_partnership_day.program_6_11_in - f.program_6_11_in, program_12_18_in =
		activity_partnership_day.program_12_18_in - f.program_12_18_in, program_adult_in =
		activity_partnership_day.program_adult_in - f.program_adult_in, program_all_in =
		activity_partnership_day.program_all_in - f.program_all_in, program_0_5_virt =
		activity_partnership_day.program_0_5_virt - f.program_0_5_virt, program_6_11_virt =
		activity_partnership_day.program_6_11_virt - f.program_6_11_virt, program_12_18_virt =
		activity_partnership_day.program_12_18_virt - f.program_12_18_virt, program_adult_virt =
		activity_partnership_day.program_adult_virt - f.program_adult_virt, program_all_virt =
		activity_partnership_day.program_all_virt - f.program_all_virt, outreach_attendance =
		activity_partnership_day.outreach_attendance - f.outreach_attendance, staff_minutes =
		activity_partnership_day.staff_minutes - f.staff_minutes, volunteer_minutes =
		activity_partnership_day.volunteer_minutes - f.volunteer_minutes, library_cents =
		activity_partnership_day.library_cents - f.library_cents, partner_cents =
		activity_partnership_day.partner_cents - f.partner_cents, in_kind_cents =
		activity_partnership_day.in_kind_cents - f.in_kind_cents, materials =
		activity_partnership_day.materials - f.materials, respondents =
		activity_partnership_day.respondents - f.respondents, agree_knowledge =
		activity_partnership_day.agree_knowledge - f.agree_knowledge, agree_confidence =
		activity_partnership_day.agree_confidence - f.agree_confidence, agree_application =
		activity_partnership_day.agree_application - f.agree_application, agree_awareness =
		activity_partnership_day.agree_awareness - f.agree_awareness, imls_k0_5_pro =
		activity_partnership_day.imls_k0_5_pro - f.imls_k0_5_pro, imls_k6_11_pro =
		activity_partnership_day.imls_k6_11_pro - f.imls_k6_11_pro, imls_ya_pro =
		activity_partnership_day.imls_ya_pro - f.imls_ya_pro, imls_adult_pro =
		activity_partnership_day.imls_adult_pro - f.imls_adult_pro, imls_gen_pro =
		activity_partnership_day.imls_gen_pro - f.imls_gen_pro, imls_k0_5_atten =
		activity_partnership_day.imls_k0_5_atten - f.imls_k0_5_atten, imls_k6_11_atten =
		activity_partnership_day.imls_k6_11_atten - f.imls_k6_11_atten, imls_ya_atten =
		activity_partnership_day.imls_ya_atten - f.imls_ya_atten, imls_adult_atten =
		activity_partnership_day.imls_adult_atten - f.imls_adult_atten, imls_gen_atten =
		activity_partnership_day.imls_gen_atten - f.imls_gen_atten, asked_knowledge =
		activity_partnership_day.asked_knowledge - f.asked_knowledge, asked_confidence =
		activity_partnership_day.asked_confidence - f.asked_confidence, asked_application =
		activity_partnership_day.asked_application - f.asked_application, asked_awareness =
		activity_partnership_day.asked_awareness - f.asked_awareness, respondents_knowledge =
		activity_partnership_day.respondents_knowledge - f.respondents_knowledge,
		respondents_confidence = activity_partnership_day.respondents_confidence -
		f.respondents_confidence, respondents_application =
		activity_partnership_day.respondents_application - f.respondents_application,
		respondents_awareness = activity_partnership_day.respondents_awareness -
		f.respondents_awareness
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_partnership_day.held_on = f.held_on
		AND activity_partnership_day.partnership_id = f.partnership_id;
	DELETE FROM activity_partnership_day WHERE held_on = OLD.held_on AND partnership_id = OLD.partnership_id AND activities = 0;
END;

-- An edit takes the activity's old figures away before it, and adds its new ones after.
CREATE TRIGGER activity_day_update_before BEFORE UPDATE ON activity BEGIN
	UPDATE activity_day SET
		activities = activity_day.activities - f.activities, program_sessions_in =
		activity_day.program_sessions_in - f.program_sessions_in, program_sessions_virt =
		activity_day.program_sessions_virt - f.program_sessions_virt, outreach_sessions =
		activity_day.outreach_sessions - f.outreach_sessions, program_0_5_in =
		activity_day.program_0_5_in - f.program_0_5_in, program_6_11_in = activity_day.program_6_11_in
		- f.program_6_11_in, program_12_18_in = activity_day.program_12_18_in - f.program_12_18_in,
		program_adult_in = activity_day.program_adult_in - f.program_adult_in, program_all_in =
		activity_day.program_all_in - f.program_all_in, program_0_5_virt =
		activity_day.program_0_5_virt - f.program_0_5_virt, program_6_11_virt =
		activity_day.program_6_11_virt - f.program_6_11_virt, program_12_18_virt =
		activity_day.program_12_18_virt - f.program_12_18_virt, program_adult_virt =
		activity_day.program_adult_virt - f.program_adult_virt, program_all_virt =
		activity_day.program_all_virt - f.program_all_virt, outreach_attendance =
		activity_day.outreach_attendance - f.outreach_attendance, staff_minutes =
		activity_day.staff_minutes - f.staff_minutes, volunteer_minutes =
		activity_day.volunteer_minutes - f.volunteer_minutes, library_cents =
		activity_day.library_cents - f.library_cents, partner_cents = activity_day.partner_cents -
		f.partner_cents, in_kind_cents = activity_day.in_kind_cents - f.in_kind_cents, materials =
		activity_day.materials - f.materials, respondents = activity_day.respondents - f.respondents,
		agree_knowledge = activity_day.agree_knowledge - f.agree_knowledge, agree_confidence =
		activity_day.agree_confidence - f.agree_confidence, agree_application =
		activity_day.agree_application - f.agree_application, agree_awareness =
		activity_day.agree_awareness - f.agree_awareness, imls_k0_5_pro = activity_day.imls_k0_5_pro -
		f.imls_k0_5_pro, imls_k6_11_pro = activity_day.imls_k6_11_pro - f.imls_k6_11_pro, imls_ya_pro
		= activity_day.imls_ya_pro - f.imls_ya_pro, imls_adult_pro = activity_day.imls_adult_pro -
		f.imls_adult_pro, imls_gen_pro = activity_day.imls_gen_pro - f.imls_gen_pro, imls_k0_5_atten =
		activity_day.imls_k0_5_atten - f.imls_k0_5_atten, imls_k6_11_atten =
		activity_day.imls_k6_11_atten - f.imls_k6_11_atten, imls_ya_atten = activity_day.imls_ya_atten
		- f.imls_ya_atten, imls_adult_atten = activity_day.imls_adult_atten - f.imls_adult_atten,
		imls_gen_atten = activity_day.imls_gen_atten - f.imls_gen_atten, asked_knowledge =
		activity_day.asked_knowledge - f.asked_knowledge, asked_confidence =
		activity_day.asked_confidence - f.asked_confidence, asked_application =
		activity_day.asked_application - f.asked_application, asked_awareness =
		activity_day.asked_awareness - f.asked_awareness, respondents_knowledge =
		activity_day.respondents_knowledge - f.respondents_knowledge, respondents_confidence =
		activity_day.respondents_confidence - f.respondents_confidence, respondents_application =
		activity_day.respondents_application - f.respondents_application, respondents_awareness =
		activity_day.respondents_awareness - f.respondents_awareness
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_day.held_on = f.held_on;
	DELETE FROM activity_day WHERE held_on = OLD.held_on AND activities = 0;
	UPDATE activity_partnership_day SET
		activities = activity_partnership_day.activities - f.activities, program_sessions_in =
		activity_partnership_day.program_sessions_in - f.program_sessions_in, program_sessions_virt =
		activity_partnership_day.program_sessions_virt - f.program_sessions_virt, outreach_sessions =
		activity_partnership_day.outreach_sessions - f.outreach_sessions, program_0_5_in =
		activity_partnership_day.program_0_5_in - f.program_0_5_in, program_6_11_in =
		activity_partnership_day.program_6_11_in - f.program_6_11_in, program_12_18_in =
		activity_partnership_day.program_12_18_in - f.program_12_18_in, program_adult_in =
		activity_partnership_day.program_adult_in - f.program_adult_in, program_all_in =
		activity_partnership_day.program_all_in - f.program_all_in, program_0_5_virt =
		activity_partnership_day.program_0_5_virt - f.program_0_5_virt, program_6_11_virt =
		activity_partnership_day.program_6_11_virt - f.program_6_11_virt, program_12_18_virt =
		activity_partnership_day.program_12_18_virt - f.program_12_18_virt, program_adult_virt =
		activity_partnership_day.program_adult_virt - f.program_adult_virt, program_all_virt =
		activity_partnership_day.program_all_virt - f.program_all_virt, outreach_attendance =
		activity_partnership_day.outreach_attendance - f.outreach_attendance, staff_minutes =
		activity_partnership_day.staff_minutes - f.staff_minutes, volunteer_minutes =
		activity_partnership_day.volunteer_minutes - f.volunteer_minutes, library_cents =
		activity_partnership_day.library_cents - f.library_cents, partner_cents =
		activity_partnership_day.partner_cents - f.partner_cents, in_kind_cents =
		activity_partnership_day.in_kind_cents - f.in_kind_cents, materials =
		activity_partnership_day.materials - f.materials, respondents =
		activity_partnership_day.respondents - f.respondents, agree_knowledge =
		activity_partnership_day.agree_knowledge - f.agree_knowledge, agree_confidence =
		activity_partnership_day.agree_confidence - f.agree_confidence, agree_application =
		activity_partnership_day.agree_application - f.agree_application, agree_awareness =
		activity_partnership_day.agree_awareness - f.agree_awareness, imls_k0_5_pro =
		activity_partnership_day.imls_k0_5_pro - f.imls_k0_5_pro, imls_k6_11_pro =
		activity_partnership_day.imls_k6_11_pro - f.imls_k6_11_pro, imls_ya_pro =
		activity_partnership_day.imls_ya_pro - f.imls_ya_pro, imls_adult_pro =
		activity_partnership_day.imls_adult_pro - f.imls_adult_pro, imls_gen_pro =
		activity_partnership_day.imls_gen_pro - f.imls_gen_pro, imls_k0_5_atten =
		activity_partnership_day.imls_k0_5_atten - f.imls_k0_5_atten, imls_k6_11_atten =
		activity_partnership_day.imls_k6_11_atten - f.imls_k6_11_atten, imls_ya_atten =
		activity_partnership_day.imls_ya_atten - f.imls_ya_atten, imls_adult_atten =
		activity_partnership_day.imls_adult_atten - f.imls_adult_atten, imls_gen_atten =
		activity_partnership_day.imls_gen_atten - f.imls_gen_atten, asked_knowledge =
		activity_partnership_day.asked_knowledge - f.asked_knowledge, asked_confidence =
		activity_partnership_day.asked_confidence - f.asked_confidence, asked_application =
		activity_partnership_day.asked_application - f.asked_application, asked_awareness =
		activity_partnership_day.asked_awareness - f.asked_awareness, respondents_knowledge =
		activity_partnership_day.respondents_knowledge - f.respondents_knowledge,
		respondents_confidence = activity_partnership_day.respondents_confidence -
		f.respondents_confidence, respondents_application =
		activity_partnership_day.respondents_application - f.respondents_application,
		respondents_awareness = activity_partnership_day.respondents_awareness -
		f.respondents_awareness
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_partnership_day.held_on = f.held_on
		AND activity_partnership_day.partnership_id = f.partnership_id;
	DELETE FROM activity_partnership_day WHERE held_on = OLD.held_on AND partnership_id = OLD.partnership_id AND activities = 0;
END;

CREATE TRIGGER activity_day_update_after AFTER UPDATE ON activity BEGIN
	INSERT INTO activity_day (held_on,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro,
		imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten,
		asked_knowledge, asked_confidence, asked_application, asked_awareness, respondents_knowledge,
		respondents_confidence, respondents_application, respondents_awareness)
	SELECT held_on,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro,
		imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten,
		asked_knowledge, asked_confidence, asked_application, asked_awareness, respondents_knowledge,
		respondents_confidence, respondents_application, respondents_awareness FROM activity_figures WHERE id = NEW.id
	ON CONFLICT (held_on) DO UPDATE SET
		activities = activities + excluded.activities, program_sessions_in = program_sessions_in +
		excluded.program_sessions_in, program_sessions_virt = program_sessions_virt +
		excluded.program_sessions_virt, outreach_sessions = outreach_sessions +
		excluded.outreach_sessions, program_0_5_in = program_0_5_in + excluded.program_0_5_in,
		program_6_11_in = program_6_11_in + excluded.program_6_11_in, program_12_18_in =
		program_12_18_in + excluded.program_12_18_in, program_adult_in = program_adult_in +
		excluded.program_adult_in, program_all_in = program_all_in + excluded.program_all_in,
		program_0_5_virt = program_0_5_virt + excluded.program_0_5_virt, program_6_11_virt =
		program_6_11_virt + excluded.program_6_11_virt, program_12_18_virt = program_12_18_virt +
		excluded.program_12_18_virt, program_adult_virt = program_adult_virt +
		excluded.program_adult_virt, program_all_virt = program_all_virt + excluded.program_all_virt,
		outreach_attendance = outreach_attendance + excluded.outreach_attendance, staff_minutes =
		staff_minutes + excluded.staff_minutes, volunteer_minutes = volunteer_minutes +
		excluded.volunteer_minutes, library_cents = library_cents + excluded.library_cents,
		partner_cents = partner_cents + excluded.partner_cents, in_kind_cents = in_kind_cents +
		excluded.in_kind_cents, materials = materials + excluded.materials, respondents = respondents
		+ excluded.respondents, agree_knowledge = agree_knowledge + excluded.agree_knowledge,
		agree_confidence = agree_confidence + excluded.agree_confidence, agree_application =
		agree_application + excluded.agree_application, agree_awareness = agree_awareness +
		excluded.agree_awareness, imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro,
		imls_k6_11_pro = imls_k6_11_pro + excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro +
		excluded.imls_ya_pro, imls_adult_pro = imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro
		= imls_gen_pro + excluded.imls_gen_pro, imls_k0_5_atten = imls_k0_5_atten +
		excluded.imls_k0_5_atten, imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten,
		imls_ya_atten = imls_ya_atten + excluded.imls_ya_atten, imls_adult_atten = imls_adult_atten +
		excluded.imls_adult_atten, imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten,
		asked_knowledge = asked_knowledge + excluded.asked_knowledge, asked_confidence =
		asked_confidence + excluded.asked_confidence, asked_application = asked_application +
		excluded.asked_application, asked_awareness = asked_awareness + excluded.asked_awareness,
		respondents_knowledge = respondents_knowledge + excluded.respondents_knowledge,
		respondents_confidence = respondents_confidence + excluded.respondents_confidence,
		respondents_application = respondents_application + excluded.respondents_application,
		respondents_awareness = respondents_awareness + excluded.respondents_awareness;
	INSERT INTO activity_partnership_day (held_on, partnership_id,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro,
		imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten,
		asked_knowledge, asked_confidence, asked_application, asked_awareness, respondents_knowledge,
		respondents_confidence, respondents_application, respondents_awareness)
	SELECT held_on, partnership_id,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro,
		imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten,
		asked_knowledge, asked_confidence, asked_application, asked_awareness, respondents_knowledge,
		respondents_confidence, respondents_application, respondents_awareness FROM activity_figures WHERE id = NEW.id
	ON CONFLICT (partnership_id, held_on) DO UPDATE SET
		activities = activities + excluded.activities, program_sessions_in = program_sessions_in +
		excluded.program_sessions_in, program_sessions_virt = program_sessions_virt +
		excluded.program_sessions_virt, outreach_sessions = outreach_sessions +
		excluded.outreach_sessions, program_0_5_in = program_0_5_in + excluded.program_0_5_in,
		program_6_11_in = program_6_11_in + excluded.program_6_11_in, program_12_18_in =
		program_12_18_in + excluded.program_12_18_in, program_adult_in = program_adult_in +
		excluded.program_adult_in, program_all_in = program_all_in + excluded.program_all_in,
		program_0_5_virt = program_0_5_virt + excluded.program_0_5_virt, program_6_11_virt =
		program_6_11_virt + excluded.program_6_11_virt, program_12_18_virt = program_12_18_virt +
		excluded.program_12_18_virt, program_adult_virt = program_adult_virt +
		excluded.program_adult_virt, program_all_virt = program_all_virt + excluded.program_all_virt,
		outreach_attendance = outreach_attendance + excluded.outreach_attendance, staff_minutes =
		staff_minutes + excluded.staff_minutes, volunteer_minutes = volunteer_minutes +
		excluded.volunteer_minutes, library_cents = library_cents + excluded.library_cents,
		partner_cents = partner_cents + excluded.partner_cents, in_kind_cents = in_kind_cents +
		excluded.in_kind_cents, materials = materials + excluded.materials, respondents = respondents
		+ excluded.respondents, agree_knowledge = agree_knowledge + excluded.agree_knowledge,
		agree_confidence = agree_confidence + excluded.agree_confidence, agree_application =
		agree_application + excluded.agree_application, agree_awareness = agree_awareness +
		excluded.agree_awareness, imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro,
		imls_k6_11_pro = imls_k6_11_pro + excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro +
		excluded.imls_ya_pro, imls_adult_pro = imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro
		= imls_gen_pro + excluded.imls_gen_pro, imls_k0_5_atten = imls_k0_5_atten +
		excluded.imls_k0_5_atten, imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten,
		imls_ya_atten = imls_ya_atten + excluded.imls_ya_atten, imls_adult_atten = imls_adult_atten +
		excluded.imls_adult_atten, imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten,
		asked_knowledge = asked_knowledge + excluded.asked_knowledge, asked_confidence =
		asked_confidence + excluded.asked_confidence, asked_application = asked_application +
		excluded.asked_application, asked_awareness = asked_awareness + excluded.asked_awareness,
		respondents_knowledge = respondents_knowledge + excluded.respondents_knowledge,
		respondents_confidence = respondents_confidence + excluded.respondents_confidence,
		respondents_application = respondents_application + excluded.respondents_application,
		respondents_awareness = respondents_awareness + excluded.respondents_awareness;
END;

-- The sums again from every activity, the new columns with them.
DELETE FROM activity_day;
DELETE FROM activity_partnership_day;
INSERT INTO activity_day (held_on,
	activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
	program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
	program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
	outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
	in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
	agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro,
	imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten,
	asked_knowledge, asked_confidence, asked_application, asked_awareness, respondents_knowledge,
	respondents_confidence, respondents_application, respondents_awareness)
SELECT held_on,
	sum(activities), sum(program_sessions_in), sum(program_sessions_virt), sum(outreach_sessions),
	sum(program_0_5_in), sum(program_6_11_in), sum(program_12_18_in), sum(program_adult_in),
	sum(program_all_in), sum(program_0_5_virt), sum(program_6_11_virt), sum(program_12_18_virt),
	sum(program_adult_virt), sum(program_all_virt), sum(outreach_attendance), sum(staff_minutes),
	sum(volunteer_minutes), sum(library_cents), sum(partner_cents), sum(in_kind_cents),
	sum(materials), sum(respondents), sum(agree_knowledge), sum(agree_confidence),
	sum(agree_application), sum(agree_awareness), sum(imls_k0_5_pro), sum(imls_k6_11_pro),
	sum(imls_ya_pro), sum(imls_adult_pro), sum(imls_gen_pro), sum(imls_k0_5_atten),
	sum(imls_k6_11_atten), sum(imls_ya_atten), sum(imls_adult_atten), sum(imls_gen_atten),
	sum(asked_knowledge), sum(asked_confidence), sum(asked_application), sum(asked_awareness),
	sum(respondents_knowledge), sum(respondents_confidence), sum(respondents_application),
	sum(respondents_awareness)
FROM activity_figures GROUP BY held_on;
INSERT INTO activity_partnership_day (held_on, partnership_id,
	activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
	program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
	program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
	outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
	in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
	agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro,
	imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten,
	asked_knowledge, asked_confidence, asked_application, asked_awareness, respondents_knowledge,
	respondents_confidence, respondents_application, respondents_awareness)
SELECT held_on, partnership_id,
	sum(activities), sum(program_sessions_in), sum(program_sessions_virt), sum(outreach_sessions),
	sum(program_0_5_in), sum(program_6_11_in), sum(program_12_18_in), sum(program_adult_in),
	sum(program_all_in), sum(program_0_5_virt), sum(program_6_11_virt), sum(program_12_18_virt),
	sum(program_adult_virt), sum(program_all_virt), sum(outreach_attendance), sum(staff_minutes),
	sum(volunteer_minutes), sum(library_cents), sum(partner_cents), sum(in_kind_cents),
	sum(materials), sum(respondents), sum(agree_knowledge), sum(agree_confidence),
	sum(agree_application), sum(agree_awareness), sum(imls_k0_5_pro), sum(imls_k6_11_pro),
	sum(imls_ya_pro), sum(imls_adult_pro), sum(imls_gen_pro), sum(imls_k0_5_atten),
	sum(imls_k6_11_atten), sum(imls_ya_atten), sum(imls_adult_atten), sum(imls_gen_atten),
	sum(asked_knowledge), sum(asked_confidence), sum(asked_application), sum(asked_awareness),
	sum(respondents_knowledge), sum(respondents_confidence), sum(respondents_application),
	sum(respondents_awareness)
FROM activity_figures GROUP BY held_on, partnership_id;
