-- 021: the Public Libraries Survey's program items as the survey defines them (issue 20).
--
-- The survey (IMLS PLS, FY2024 data element definitions; README names the items) classes a
-- synchronous program by its primary TARGET AUDIENCE, not by who came: a storytime for 0-5
-- with its caregivers is a 0-5 program and everyone who came is counted in its attendance
-- (611), and a children's program nobody attended is still a children's program. It also
-- counts programs by format: in person at the library (onsite), in person elsewhere (offsite,
-- a partner's site), and virtual; a hybrid counts once, in person, with its online audience as
-- virtual attendance. And it counts asynchronous presentations (a recorded program posted for
-- later viewing) and their views within 30 days of posting.
--
-- So an activity gains:
-- * site: where an in-person (or hybrid) activity took place, 'library' or 'elsewhere';
--   NULL for a virtual one (the form refuses one there, and stores a blank as 'library').
-- * audience: the program's target audience, '0_5', '6_11', '12_18', 'adult' or 'general';
--   NULL when no one said (every row before this step, a blank cell): then it is inferred
--   below, and the partnership's page marks the program for staff to check.
-- * recordings and recording_views: asynchronous presentations posted from this activity
--   and their views within 30 days. Two counts rather than a fourth format because the survey
--   counts a live program that is also recorded and posted in both places: once as a
--   synchronous program (600-619) and once as an asynchronous presentation. A presentation
--   made only to be posted is a virtual activity of 0 sessions with its recordings.
--
-- Activities recorded before this step are read as held at the library (what Liaison counted
-- them as until now), an audience not given is inferred from who came: the one band everyone
-- was in, else general, the class the reports gave them before, so no figure moves. ALTER
-- TABLE keeps the rows (no rebuild); "a site exactly when in person" is record.c's check.
-- activity_figures is written again with the survey's rules and the day sums made again from
-- every activity, which moves report_n (schema 015).

DROP TRIGGER activity_day_insert;
DROP TRIGGER activity_day_delete;
DROP TRIGGER activity_day_update_before;
DROP TRIGGER activity_day_update_after;
DROP VIEW activity_figures;

ALTER TABLE activity ADD COLUMN site TEXT CHECK (site IN ('library', 'elsewhere'));
ALTER TABLE activity ADD COLUMN audience TEXT CHECK (audience IN ('0_5', '6_11', '12_18', 'adult', 'general'));
ALTER TABLE activity ADD COLUMN recordings INTEGER NOT NULL DEFAULT 0
	CHECK (recordings BETWEEN 0 AND 10000);
ALTER TABLE activity ADD COLUMN recording_views INTEGER NOT NULL DEFAULT 0
	CHECK (recording_views >= 0);

-- (The triggers are gone until the end, where the sums are made again.)
UPDATE activity SET site = CASE WHEN format = 'virtual' THEN NULL ELSE 'library' END;
CREATE INDEX activity_audience_to_check ON activity (partnership_id, held_on) WHERE audience IS NULL;

-- As 018 wrote it but for the survey's items (imls_…); Liaison's own attendance by age
-- (program_…) stays as recorded.
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
	(1 - p) * (a_in + a_virt) AS outreach_attendance,
	staff_minutes, volunteer_minutes,
	library_cost_cents AS library_cents, partner_cost_cents AS partner_cents, in_kind_cents,
	materials, coalesce(respondents, 0) AS respondents,
	coalesce(agree_knowledge, 0) AS agree_knowledge,
	coalesce(agree_confidence, 0) AS agree_confidence,
	coalesce(agree_application, 0) AS agree_application,
	coalesce(agree_awareness, 0) AS agree_awareness,
	-- 601-605: a program's sessions under its target audience, whoever came.
	p * sessions * (aud = '0_5') AS imls_k0_5_pro,
	p * sessions * (aud = '6_11') AS imls_k6_11_pro,
	p * sessions * (aud = '12_18') AS imls_ya_pro,
	p * sessions * (aud = 'adult') AS imls_adult_pro,
	p * sessions * (aud = 'general') AS imls_gen_pro,
	-- 611-615: everyone who came, in the room and online, under the program's audience.
	p * (a_in + a_virt) * (aud = '0_5') AS imls_k0_5_atten,
	p * (a_in + a_virt) * (aud = '6_11') AS imls_k6_11_atten,
	p * (a_in + a_virt) * (aud = '12_18') AS imls_ya_atten,
	p * (a_in + a_virt) * (aud = 'adult') AS imls_adult_atten,
	p * (a_in + a_virt) * (aud = 'general') AS imls_gen_atten,
	agree_knowledge IS NOT NULL AS asked_knowledge,
	agree_confidence IS NOT NULL AS asked_confidence,
	agree_application IS NOT NULL AS asked_application,
	agree_awareness IS NOT NULL AS asked_awareness,
	CASE WHEN agree_knowledge IS NOT NULL THEN respondents ELSE 0 END AS respondents_knowledge,
	CASE WHEN agree_confidence IS NOT NULL THEN respondents ELSE 0 END AS respondents_confidence,
	CASE WHEN agree_application IS NOT NULL THEN respondents ELSE 0 END AS respondents_application,
	CASE WHEN agree_awareness IS NOT NULL THEN respondents ELSE 0 END AS respondents_awareness,
	-- 606-608 and 616-618: in person at the library or elsewhere (a hybrid among them), or
	-- virtual; a hybrid's online audience is virtual attendance. A site left empty on an
	-- in-person activity (none should be) counts as the library, as before this step.
	p * s_in * (coalesce(site, 'library') = 'library') AS imls_onsite_pro,
	p * s_in * (site IS 'elsewhere') AS imls_offsite_pro,
	p * (sessions - s_in) AS imls_virtual_pro,
	p * a_in * (coalesce(site, 'library') = 'library') AS imls_onsite_atten,
	p * a_in * (site IS 'elsewhere') AS imls_offsite_atten,
	p * a_virt AS imls_virtual_atten,
		p * recordings AS imls_async_pro,
	p * recording_views AS imls_async_views
FROM (SELECT *, is_program AS p,
	CASE WHEN format = 'virtual' THEN 0 ELSE sessions END AS s_in,
	att_0_5_in + att_6_11_in + att_12_18_in + att_adult_in + att_all_in AS a_in,
	att_0_5_virt + att_6_11_virt + att_12_18_virt + att_adult_virt + att_all_virt AS a_virt,
	-- the audience given, else the one band everyone was in, else general
	coalesce(audience, CASE
		WHEN att_0_5_in + att_0_5_virt > 0 AND att_6_11_in + att_6_11_virt + att_12_18_in + att_12_18_virt
			+ att_adult_in + att_adult_virt + att_all_in + att_all_virt = 0 THEN '0_5'
		WHEN att_6_11_in + att_6_11_virt > 0 AND att_0_5_in + att_0_5_virt + att_12_18_in + att_12_18_virt
			+ att_adult_in + att_adult_virt + att_all_in + att_all_virt = 0 THEN '6_11'
		WHEN att_12_18_in + att_12_18_virt > 0 AND att_0_5_in + att_0_5_virt + att_6_11_in + att_6_11_virt
			+ att_adult_in + att_adult_virt + att_all_in + att_all_virt = 0 THEN '12_18'
		WHEN att_adult_in + att_adult_virt > 0 AND att_0_5_in + att_0_5_virt + att_6_11_in + att_6_11_virt
			+ att_12_18_in + att_12_18_virt + att_all_in + att_all_virt = 0 THEN 'adult'
		ELSE 'general' END) AS aud
	FROM activity);

ALTER TABLE activity_day ADD COLUMN imls_onsite_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN imls_offsite_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN imls_virtual_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN imls_onsite_atten INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN imls_offsite_atten INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN imls_virtual_atten INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN imls_async_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_day ADD COLUMN imls_async_views INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN imls_onsite_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN imls_offsite_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN imls_virtual_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN imls_onsite_atten INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN imls_offsite_atten INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN imls_virtual_atten INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN imls_async_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_partnership_day ADD COLUMN imls_async_views INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN imls_onsite_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN imls_offsite_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN imls_virtual_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN imls_onsite_atten INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN imls_offsite_atten INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN imls_virtual_atten INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN imls_async_pro INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_import_sums ADD COLUMN imls_async_views INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER activity_day_insert AFTER INSERT ON activity BEGIN
	INSERT INTO activity_day (held_on,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in, program_6_11_in,
		program_12_18_in, program_adult_in, program_all_in, program_0_5_virt, program_6_11_virt, program_12_18_virt,
		program_adult_virt, program_all_virt, outreach_attendance, staff_minutes, volunteer_minutes, library_cents,
		partner_cents, in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro, imls_k0_5_atten,
		imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten, asked_knowledge, asked_confidence,
		asked_application, asked_awareness, respondents_knowledge, respondents_confidence, respondents_application,
		respondents_awareness, imls_onsite_pro, imls_offsite_pro, imls_virtual_pro, imls_onsite_atten,
		imls_offsite_atten, imls_virtual_atten, imls_async_pro, imls_async_views)
	SELECT held_on,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in, program_6_11_in,
		program_12_18_in, program_adult_in, program_all_in, program_0_5_virt, program_6_11_virt, program_12_18_virt,
		program_adult_virt, program_all_virt, outreach_attendance, staff_minutes, volunteer_minutes, library_cents,
		partner_cents, in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro, imls_k0_5_atten,
		imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten, asked_knowledge, asked_confidence,
		asked_application, asked_awareness, respondents_knowledge, respondents_confidence, respondents_application,
		respondents_awareness, imls_onsite_pro, imls_offsite_pro, imls_virtual_pro, imls_onsite_atten,
		imls_offsite_atten, imls_virtual_atten, imls_async_pro, imls_async_views FROM activity_figures WHERE id = NEW.id
	ON CONFLICT (held_on) DO UPDATE SET
		activities = activities + excluded.activities,
		program_sessions_in = program_sessions_in + excluded.program_sessions_in,
		program_sessions_virt = program_sessions_virt + excluded.program_sessions_virt,
		outreach_sessions = outreach_sessions + excluded.outreach_sessions,
		program_0_5_in = program_0_5_in + excluded.program_0_5_in,
		program_6_11_in = program_6_11_in + excluded.program_6_11_in,
		program_12_18_in = program_12_18_in + excluded.program_12_18_in,
		program_adult_in = program_adult_in + excluded.program_adult_in,
		program_all_in = program_all_in + excluded.program_all_in,
		program_0_5_virt = program_0_5_virt + excluded.program_0_5_virt,
		program_6_11_virt = program_6_11_virt + excluded.program_6_11_virt,
		program_12_18_virt = program_12_18_virt + excluded.program_12_18_virt,
		program_adult_virt = program_adult_virt + excluded.program_adult_virt,
		program_all_virt = program_all_virt + excluded.program_all_virt,
		outreach_attendance = outreach_attendance + excluded.outreach_attendance,
		staff_minutes = staff_minutes + excluded.staff_minutes,
		volunteer_minutes = volunteer_minutes + excluded.volunteer_minutes,
		library_cents = library_cents + excluded.library_cents, partner_cents = partner_cents + excluded.partner_cents,
		in_kind_cents = in_kind_cents + excluded.in_kind_cents, materials = materials + excluded.materials,
		respondents = respondents + excluded.respondents, agree_knowledge = agree_knowledge + excluded.agree_knowledge,
		agree_confidence = agree_confidence + excluded.agree_confidence,
		agree_application = agree_application + excluded.agree_application,
		agree_awareness = agree_awareness + excluded.agree_awareness,
		imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro,
		imls_k6_11_pro = imls_k6_11_pro + excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro + excluded.imls_ya_pro,
		imls_adult_pro = imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro = imls_gen_pro + excluded.imls_gen_pro,
		imls_k0_5_atten = imls_k0_5_atten + excluded.imls_k0_5_atten,
		imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten,
		imls_ya_atten = imls_ya_atten + excluded.imls_ya_atten,
		imls_adult_atten = imls_adult_atten + excluded.imls_adult_atten,
		imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten,
		asked_knowledge = asked_knowledge + excluded.asked_knowledge,
		asked_confidence = asked_confidence + excluded.asked_confidence,
		asked_application = asked_application + excluded.asked_application,
		asked_awareness = asked_awareness + excluded.asked_awareness,
		respondents_knowledge = respondents_knowledge + excluded.respondents_knowledge,
		respondents_confidence = respondents_confidence + excluded.respondents_confidence,
		respondents_application = respondents_application + excluded.respondents_application,
		respondents_awareness = respondents_awareness + excluded.respondents_awareness,
		imls_onsite_pro = imls_onsite_pro + excluded.imls_onsite_pro,
		imls_offsite_pro = imls_offsite_pro + excluded.imls_offsite_pro,
		imls_virtual_pro = imls_virtual_pro + excluded.imls_virtual_pro,
		imls_onsite_atten = imls_onsite_atten + excluded.imls_onsite_atten,
		imls_offsite_atten = imls_offsite_atten + excluded.imls_offsite_atten,
		imls_virtual_atten = imls_virtual_atten + excluded.imls_virtual_atten,
		imls_async_pro = imls_async_pro + excluded.imls_async_pro,
		imls_async_views = imls_async_views + excluded.imls_async_views;
	INSERT INTO activity_partnership_day (held_on, partnership_id,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in, program_6_11_in,
		program_12_18_in, program_adult_in, program_all_in, program_0_5_virt, program_6_11_virt, program_12_18_virt,
		program_adult_virt, program_all_virt, outreach_attendance, staff_minutes, volunteer_minutes, library_cents,
		partner_cents, in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro, imls_k0_5_atten,
		imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten, asked_knowledge, asked_confidence,
		asked_application, asked_awareness, respondents_knowledge, respondents_confidence, respondents_application,
		respondents_awareness, imls_onsite_pro, imls_offsite_pro, imls_virtual_pro, imls_onsite_atten,
		imls_offsite_atten, imls_virtual_atten, imls_async_pro, imls_async_views)
	SELECT held_on, partnership_id,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in, program_6_11_in,
		program_12_18_in, program_adult_in, program_all_in, program_0_5_virt, program_6_11_virt, program_12_18_virt,
		program_adult_virt, program_all_virt, outreach_attendance, staff_minutes, volunteer_minutes, library_cents,
		partner_cents, in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro, imls_k0_5_atten,
		imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten, asked_knowledge, asked_confidence,
		asked_application, asked_awareness, respondents_knowledge, respondents_confidence, respondents_application,
		respondents_awareness, imls_onsite_pro, imls_offsite_pro, imls_virtual_pro, imls_onsite_atten,
		imls_offsite_atten, imls_virtual_atten, imls_async_pro, imls_async_views FROM activity_figures WHERE id = NEW.id
	ON CONFLICT (partnership_id, held_on) DO UPDATE SET
		activities = activities + excluded.activities,
		program_sessions_in = program_sessions_in + excluded.program_sessions_in,
		program_sessions_virt = program_sessions_virt + excluded.program_sessions_virt,
		outreach_sessions = outreach_sessions + excluded.outreach_sessions,
		program_0_5_in = program_0_5_in + excluded.program_0_5_in,
		program_6_11_in = program_6_11_in + excluded.program_6_11_in,
		program_12_18_in = program_12_18_in + excluded.program_12_18_in,
		program_adult_in = program_adult_in + excluded.program_adult_in,
		program_all_in = program_all_in + excluded.program_all_in,
		program_0_5_virt = program_0_5_virt + excluded.program_0_5_virt,
		program_6_11_virt = program_6_11_virt + excluded.program_6_11_virt,
		program_12_18_virt = program_12_18_virt + excluded.program_12_18_virt,
		program_adult_virt = program_adult_virt + excluded.program_adult_virt,
		program_all_virt = program_all_virt + excluded.program_all_virt,
		outreach_attendance = outreach_attendance + excluded.outreach_attendance,
		staff_minutes = staff_minutes + excluded.staff_minutes,
		volunteer_minutes = volunteer_minutes + excluded.volunteer_minutes,
		library_cents = library_cents + excluded.library_cents, partner_cents = partner_cents + excluded.partner_cents,
		in_kind_cents = in_kind_cents + excluded.in_kind_cents, materials = materials + excluded.materials,
		respondents = respondents + excluded.respondents, agree_knowledge = agree_knowledge + excluded.agree_knowledge,
		agree_confidence = agree_confidence + excluded.agree_confidence,
		agree_application = agree_application + excluded.agree_application,
		agree_awareness = agree_awareness + excluded.agree_awareness,
		imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro,
		imls_k6_11_pro = imls_k6_11_pro + excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro + excluded.imls_ya_pro,
		imls_adult_pro = imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro = imls_gen_pro + excluded.imls_gen_pro,
		imls_k0_5_atten = imls_k0_5_atten + excluded.imls_k0_5_atten,
		imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten,
		imls_ya_atten = imls_ya_atten + excluded.imls_ya_atten,
		imls_adult_atten = imls_adult_atten + excluded.imls_adult_atten,
		imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten,
		asked_knowledge = asked_knowledge + excluded.asked_knowledge,
		asked_confidence = asked_confidence + excluded.asked_confidence,
		asked_application = asked_application + excluded.asked_application,
		asked_awareness = asked_awareness + excluded.asked_awareness,
		respondents_knowledge = respondents_knowledge + excluded.respondents_knowledge,
		respondents_confidence = respondents_confidence + excluded.respondents_confidence,
		respondents_application = respondents_application + excluded.respondents_application,
		respondents_awareness = respondents_awareness + excluded.respondents_awareness,
		imls_onsite_pro = imls_onsite_pro + excluded.imls_onsite_pro,
		imls_offsite_pro = imls_offsite_pro + excluded.imls_offsite_pro,
		imls_virtual_pro = imls_virtual_pro + excluded.imls_virtual_pro,
		imls_onsite_atten = imls_onsite_atten + excluded.imls_onsite_atten,
		imls_offsite_atten = imls_offsite_atten + excluded.imls_offsite_atten,
		imls_virtual_atten = imls_virtual_atten + excluded.imls_virtual_atten,
		imls_async_pro = imls_async_pro + excluded.imls_async_pro,
		imls_async_views = imls_async_views + excluded.imls_async_views;
END;

CREATE TRIGGER activity_day_delete BEFORE DELETE ON activity BEGIN
	UPDATE activity_day SET
		activities = activity_day.activities - f.activities,
		program_sessions_in = activity_day.program_sessions_in - f.program_sessions_in,
		program_sessions_virt = activity_day.program_sessions_virt - f.program_sessions_virt,
		outreach_sessions = activity_day.outreach_sessions - f.outreach_sessions,
		program_0_5_in = activity_day.program_0_5_in - f.program_0_5_in,
		program_6_11_in = activity_day.program_6_11_in - f.program_6_11_in,
		program_12_18_in = activity_day.program_12_18_in - f.program_12_18_in,
		program_adult_in = activity_day.program_adult_in - f.program_adult_in,
		program_all_in = activity_day.program_all_in - f.program_all_in,
		program_0_5_virt = activity_day.program_0_5_virt - f.program_0_5_virt,
		program_6_11_virt = activity_day.program_6_11_virt - f.program_6_11_virt,
		program_12_18_virt = activity_day.program_12_18_virt - f.program_12_18_virt,
		program_adult_virt = activity_day.program_adult_virt - f.program_adult_virt,
		program_all_virt = activity_day.program_all_virt - f.program_all_virt,
		outreach_attendance = activity_day.outreach_attendance - f.outreach_attendance,
		staff_minutes = activity_day.staff_minutes - f.staff_minutes,
		volunteer_minutes = activity_day.volunteer_minutes - f.volunteer_minutes,
		library_cents = activity_day.library_cents - f.library_cents,
		partner_cents = activity_day.partner_cents - f.partner_cents,
		in_kind_cents = activity_day.in_kind_cents - f.in_kind_cents, materials = activity_day.materials - f.materials,
		respondents = activity_day.respondents - f.respondents,
		agree_knowledge = activity_day.agree_knowledge - f.agree_knowledge,
		agree_confidence = activity_day.agree_confidence - f.agree_confidence,
		agree_application = activity_day.agree_application - f.agree_application,
		agree_awareness = activity_day.agree_awareness - f.agree_awareness,
		imls_k0_5_pro = activity_day.imls_k0_5_pro - f.imls_k0_5_pro,
		imls_k6_11_pro = activity_day.imls_k6_11_pro - f.imls_k6_11_pro,
		imls_ya_pro = activity_day.imls_ya_pro - f.imls_ya_pro,
		imls_adult_pro = activity_day.imls_adult_pro - f.imls_adult_pro,
		imls_gen_pro = activity_day.imls_gen_pro - f.imls_gen_pro,
		imls_k0_5_atten = activity_day.imls_k0_5_atten - f.imls_k0_5_atten,
		imls_k6_11_atten = activity_day.imls_k6_11_atten - f.imls_k6_11_atten,
		imls_ya_atten = activity_day.imls_ya_atten - f.imls_ya_atten,
		imls_adult_atten = activity_day.imls_adult_atten - f.imls_adult_atten,
		imls_gen_atten = activity_day.imls_gen_atten - f.imls_gen_atten,
		asked_knowledge = activity_day.asked_knowledge - f.asked_knowledge,
		asked_confidence = activity_day.asked_confidence - f.asked_confidence,
		asked_application = activity_day.asked_application - f.asked_application,
		asked_awareness = activity_day.asked_awareness - f.asked_awareness,
		respondents_knowledge = activity_day.respondents_knowledge - f.respondents_knowledge,
		respondents_confidence = activity_day.respondents_confidence - f.respondents_confidence,
		respondents_application = activity_day.respondents_application - f.respondents_application,
		respondents_awareness = activity_day.respondents_awareness - f.respondents_awareness,
		imls_onsite_pro = activity_day.imls_onsite_pro - f.imls_onsite_pro,
		imls_offsite_pro = activity_day.imls_offsite_pro - f.imls_offsite_pro,
		imls_virtual_pro = activity_day.imls_virtual_pro - f.imls_virtual_pro,
		imls_onsite_atten = activity_day.imls_onsite_atten - f.imls_onsite_atten,
		imls_offsite_atten = activity_day.imls_offsite_atten - f.imls_offsite_atten,
		imls_virtual_atten = activity_day.imls_virtual_atten - f.imls_virtual_atten,
		imls_async_pro = activity_day.imls_async_pro - f.imls_async_pro,
		imls_async_views = activity_day.imls_async_views - f.imls_async_views
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_day.held_on = f.held_on;
	DELETE FROM activity_day WHERE held_on = OLD.held_on AND activities = 0;
	UPDATE activity_partnership_day SET
		activities = activity_partnership_day.activities - f.activities,
		program_sessions_in = activity_partnership_day.program_sessions_in - f.program_sessions_in,
		program_sessions_virt = activity_partnership_day.program_sessions_virt - f.program_sessions_virt,
		outreach_sessions = activity_partnership_day.outreach_sessions - f.outreach_sessions,
		program_0_5_in = activity_partnership_day.program_0_5_in - f.program_0_5_in,
		program_6_11_in = activity_partnership_day.program_6_11_in - f.program_6_11_in,
		program_12_18_in = activity_partnership_day.program_12_18_in - f.program_12_18_in,
		program_adult_in = activity_partnership_day.program_adult_in - f.program_adult_in,
		program_all_in = activity_partnership_day.program_all_in - f.program_all_in,
		program_0_5_virt = activity_partnership_day.program_0_5_virt - f.program_0_5_virt,
		program_6_11_virt = activity_partnership_day.program_6_11_virt - f.program_6_11_virt,
		program_12_18_virt = activity_partnership_day.program_12_18_virt - f.program_12_18_virt,
		program_adult_virt = activity_partnership_day.program_adult_virt - f.program_adult_virt,
		program_all_virt = activity_partnership_day.program_all_virt - f.program_all_virt,
		outreach_attendance = activity_partnership_day.outreach_attendance - f.outreach_attendance,
		staff_minutes = activity_partnership_day.staff_minutes - f.staff_minutes,
		volunteer_minutes = activity_partnership_day.volunteer_minutes - f.volunteer_minutes,
		library_cents = activity_partnership_day.library_cents - f.library_cents,
		partner_cents = activity_partnership_day.partner_cents - f.partner_cents,
		in_kind_cents = activity_partnership_day.in_kind_cents - f.in_kind_cents,
		materials = activity_partnership_day.materials - f.materials,
		respondents = activity_partnership_day.respondents - f.respondents,
		agree_knowledge = activity_partnership_day.agree_knowledge - f.agree_knowledge,
		agree_confidence = activity_partnership_day.agree_confidence - f.agree_confidence,
		agree_application = activity_partnership_day.agree_application - f.agree_application,
		agree_awareness = activity_partnership_day.agree_awareness - f.agree_awareness,
		imls_k0_5_pro = activity_partnership_day.imls_k0_5_pro - f.imls_k0_5_pro,
		imls_k6_11_pro = activity_partnership_day.imls_k6_11_pro - f.imls_k6_11_pro,
		imls_ya_pro = activity_partnership_day.imls_ya_pro - f.imls_ya_pro,
		imls_adult_pro = activity_partnership_day.imls_adult_pro - f.imls_adult_pro,
		imls_gen_pro = activity_partnership_day.imls_gen_pro - f.imls_gen_pro,
		imls_k0_5_atten = activity_partnership_day.imls_k0_5_atten - f.imls_k0_5_atten,
		imls_k6_11_atten = activity_partnership_day.imls_k6_11_atten - f.imls_k6_11_atten,
		imls_ya_atten = activity_partnership_day.imls_ya_atten - f.imls_ya_atten,
		imls_adult_atten = activity_partnership_day.imls_adult_atten - f.imls_adult_atten,
		imls_gen_atten = activity_partnership_day.imls_gen_atten - f.imls_gen_atten,
		asked_knowledge = activity_partnership_day.asked_knowledge - f.asked_knowledge,
		asked_confidence = activity_partnership_day.asked_confidence - f.asked_confidence,
		asked_application = activity_partnership_day.asked_application - f.asked_application,
		asked_awareness = activity_partnership_day.asked_awareness - f.asked_awareness,
		respondents_knowledge = activity_partnership_day.respondents_knowledge - f.respondents_knowledge,
		respondents_confidence = activity_partnership_day.respondents_confidence - f.respondents_confidence,
		respondents_application = activity_partnership_day.respondents_application - f.respondents_application,
		respondents_awareness = activity_partnership_day.respondents_awareness - f.respondents_awareness,
		imls_onsite_pro = activity_partnership_day.imls_onsite_pro - f.imls_onsite_pro,
		imls_offsite_pro = activity_partnership_day.imls_offsite_pro - f.imls_offsite_pro,
		imls_virtual_pro = activity_partnership_day.imls_virtual_pro - f.imls_virtual_pro,
		imls_onsite_atten = activity_partnership_day.imls_onsite_atten - f.imls_onsite_atten,
		imls_offsite_atten = activity_partnership_day.imls_offsite_atten - f.imls_offsite_atten,
		imls_virtual_atten = activity_partnership_day.imls_virtual_atten - f.imls_virtual_atten,
		imls_async_pro = activity_partnership_day.imls_async_pro - f.imls_async_pro,
		imls_async_views = activity_partnership_day.imls_async_views - f.imls_async_views
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_partnership_day.held_on = f.held_on AND activity_partnership_day.partnership_id = f.partnership_id;
	DELETE FROM activity_partnership_day WHERE held_on = OLD.held_on AND partnership_id = OLD.partnership_id AND activities = 0;
END;

CREATE TRIGGER activity_day_update_before BEFORE UPDATE ON activity BEGIN
	UPDATE activity_day SET
		activities = activity_day.activities - f.activities,
		program_sessions_in = activity_day.program_sessions_in - f.program_sessions_in,
		program_sessions_virt = activity_day.program_sessions_virt - f.program_sessions_virt,
		outreach_sessions = activity_day.outreach_sessions - f.outreach_sessions,
		program_0_5_in = activity_day.program_0_5_in - f.program_0_5_in,
		program_6_11_in = activity_day.program_6_11_in - f.program_6_11_in,
		program_12_18_in = activity_day.program_12_18_in - f.program_12_18_in,
		program_adult_in = activity_day.program_adult_in - f.program_adult_in,
		program_all_in = activity_day.program_all_in - f.program_all_in,
		program_0_5_virt = activity_day.program_0_5_virt - f.program_0_5_virt,
		program_6_11_virt = activity_day.program_6_11_virt - f.program_6_11_virt,
		program_12_18_virt = activity_day.program_12_18_virt - f.program_12_18_virt,
		program_adult_virt = activity_day.program_adult_virt - f.program_adult_virt,
		program_all_virt = activity_day.program_all_virt - f.program_all_virt,
		outreach_attendance = activity_day.outreach_attendance - f.outreach_attendance,
		staff_minutes = activity_day.staff_minutes - f.staff_minutes,
		volunteer_minutes = activity_day.volunteer_minutes - f.volunteer_minutes,
		library_cents = activity_day.library_cents - f.library_cents,
		partner_cents = activity_day.partner_cents - f.partner_cents,
		in_kind_cents = activity_day.in_kind_cents - f.in_kind_cents, materials = activity_day.materials - f.materials,
		respondents = activity_day.respondents - f.respondents,
		agree_knowledge = activity_day.agree_knowledge - f.agree_knowledge,
		agree_confidence = activity_day.agree_confidence - f.agree_confidence,
		agree_application = activity_day.agree_application - f.agree_application,
		agree_awareness = activity_day.agree_awareness - f.agree_awareness,
		imls_k0_5_pro = activity_day.imls_k0_5_pro - f.imls_k0_5_pro,
		imls_k6_11_pro = activity_day.imls_k6_11_pro - f.imls_k6_11_pro,
		imls_ya_pro = activity_day.imls_ya_pro - f.imls_ya_pro,
		imls_adult_pro = activity_day.imls_adult_pro - f.imls_adult_pro,
		imls_gen_pro = activity_day.imls_gen_pro - f.imls_gen_pro,
		imls_k0_5_atten = activity_day.imls_k0_5_atten - f.imls_k0_5_atten,
		imls_k6_11_atten = activity_day.imls_k6_11_atten - f.imls_k6_11_atten,
		imls_ya_atten = activity_day.imls_ya_atten - f.imls_ya_atten,
		imls_adult_atten = activity_day.imls_adult_atten - f.imls_adult_atten,
		imls_gen_atten = activity_day.imls_gen_atten - f.imls_gen_atten,
		asked_knowledge = activity_day.asked_knowledge - f.asked_knowledge,
		asked_confidence = activity_day.asked_confidence - f.asked_confidence,
		asked_application = activity_day.asked_application - f.asked_application,
		asked_awareness = activity_day.asked_awareness - f.asked_awareness,
		respondents_knowledge = activity_day.respondents_knowledge - f.respondents_knowledge,
		respondents_confidence = activity_day.respondents_confidence - f.respondents_confidence,
		respondents_application = activity_day.respondents_application - f.respondents_application,
		respondents_awareness = activity_day.respondents_awareness - f.respondents_awareness,
		imls_onsite_pro = activity_day.imls_onsite_pro - f.imls_onsite_pro,
		imls_offsite_pro = activity_day.imls_offsite_pro - f.imls_offsite_pro,
		imls_virtual_pro = activity_day.imls_virtual_pro - f.imls_virtual_pro,
		imls_onsite_atten = activity_day.imls_onsite_atten - f.imls_onsite_atten,
		imls_offsite_atten = activity_day.imls_offsite_atten - f.imls_offsite_atten,
		imls_virtual_atten = activity_day.imls_virtual_atten - f.imls_virtual_atten,
		imls_async_pro = activity_day.imls_async_pro - f.imls_async_pro,
		imls_async_views = activity_day.imls_async_views - f.imls_async_views
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_day.held_on = f.held_on;
	DELETE FROM activity_day WHERE held_on = OLD.held_on AND activities = 0;
	UPDATE activity_partnership_day SET
		activities = activity_partnership_day.activities - f.activities,
		program_sessions_in = activity_partnership_day.program_sessions_in - f.program_sessions_in,
		program_sessions_virt = activity_partnership_day.program_sessions_virt - f.program_sessions_virt,
		outreach_sessions = activity_partnership_day.outreach_sessions - f.outreach_sessions,
		program_0_5_in = activity_partnership_day.program_0_5_in - f.program_0_5_in,
		program_6_11_in = activity_partnership_day.program_6_11_in - f.program_6_11_in,
		program_12_18_in = activity_partnership_day.program_12_18_in - f.program_12_18_in,
		program_adult_in = activity_partnership_day.program_adult_in - f.program_adult_in,
		program_all_in = activity_partnership_day.program_all_in - f.program_all_in,
		program_0_5_virt = activity_partnership_day.program_0_5_virt - f.program_0_5_virt,
		program_6_11_virt = activity_partnership_day.program_6_11_virt - f.program_6_11_virt,
		program_12_18_virt = activity_partnership_day.program_12_18_virt - f.program_12_18_virt,
		program_adult_virt = activity_partnership_day.program_adult_virt - f.program_adult_virt,
		program_all_virt = activity_partnership_day.program_all_virt - f.program_all_virt,
		outreach_attendance = activity_partnership_day.outreach_attendance - f.outreach_attendance,
		staff_minutes = activity_partnership_day.staff_minutes - f.staff_minutes,
		volunteer_minutes = activity_partnership_day.volunteer_minutes - f.volunteer_minutes,
		library_cents = activity_partnership_day.library_cents - f.library_cents,
		partner_cents = activity_partnership_day.partner_cents - f.partner_cents,
		in_kind_cents = activity_partnership_day.in_kind_cents - f.in_kind_cents,
		materials = activity_partnership_day.materials - f.materials,
		respondents = activity_partnership_day.respondents - f.respondents,
		agree_knowledge = activity_partnership_day.agree_knowledge - f.agree_knowledge,
		agree_confidence = activity_partnership_day.agree_confidence - f.agree_confidence,
		agree_application = activity_partnership_day.agree_application - f.agree_application,
		agree_awareness = activity_partnership_day.agree_awareness - f.agree_awareness,
		imls_k0_5_pro = activity_partnership_day.imls_k0_5_pro - f.imls_k0_5_pro,
		imls_k6_11_pro = activity_partnership_day.imls_k6_11_pro - f.imls_k6_11_pro,
		imls_ya_pro = activity_partnership_day.imls_ya_pro - f.imls_ya_pro,
		imls_adult_pro = activity_partnership_day.imls_adult_pro - f.imls_adult_pro,
		imls_gen_pro = activity_partnership_day.imls_gen_pro - f.imls_gen_pro,
		imls_k0_5_atten = activity_partnership_day.imls_k0_5_atten - f.imls_k0_5_atten,
		imls_k6_11_atten = activity_partnership_day.imls_k6_11_atten - f.imls_k6_11_atten,
		imls_ya_atten = activity_partnership_day.imls_ya_atten - f.imls_ya_atten,
		imls_adult_atten = activity_partnership_day.imls_adult_atten - f.imls_adult_atten,
		imls_gen_atten = activity_partnership_day.imls_gen_atten - f.imls_gen_atten,
		asked_knowledge = activity_partnership_day.asked_knowledge - f.asked_knowledge,
		asked_confidence = activity_partnership_day.asked_confidence - f.asked_confidence,
		asked_application = activity_partnership_day.asked_application - f.asked_application,
		asked_awareness = activity_partnership_day.asked_awareness - f.asked_awareness,
		respondents_knowledge = activity_partnership_day.respondents_knowledge - f.respondents_knowledge,
		respondents_confidence = activity_partnership_day.respondents_confidence - f.respondents_confidence,
		respondents_application = activity_partnership_day.respondents_application - f.respondents_application,
		respondents_awareness = activity_partnership_day.respondents_awareness - f.respondents_awareness,
		imls_onsite_pro = activity_partnership_day.imls_onsite_pro - f.imls_onsite_pro,
		imls_offsite_pro = activity_partnership_day.imls_offsite_pro - f.imls_offsite_pro,
		imls_virtual_pro = activity_partnership_day.imls_virtual_pro - f.imls_virtual_pro,
		imls_onsite_atten = activity_partnership_day.imls_onsite_atten - f.imls_onsite_atten,
		imls_offsite_atten = activity_partnership_day.imls_offsite_atten - f.imls_offsite_atten,
		imls_virtual_atten = activity_partnership_day.imls_virtual_atten - f.imls_virtual_atten,
		imls_async_pro = activity_partnership_day.imls_async_pro - f.imls_async_pro,
		imls_async_views = activity_partnership_day.imls_async_views - f.imls_async_views
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_partnership_day.held_on = f.held_on AND activity_partnership_day.partnership_id = f.partnership_id;
	DELETE FROM activity_partnership_day WHERE held_on = OLD.held_on AND partnership_id = OLD.partnership_id AND activities = 0;
END;

CREATE TRIGGER activity_day_update_after AFTER UPDATE ON activity BEGIN
	INSERT INTO activity_day (held_on,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in, program_6_11_in,
		program_12_18_in, program_adult_in, program_all_in, program_0_5_virt, program_6_11_virt, program_12_18_virt,
		program_adult_virt, program_all_virt, outreach_attendance, staff_minutes, volunteer_minutes, library_cents,
		partner_cents, in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro, imls_k0_5_atten,
		imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten, asked_knowledge, asked_confidence,
		asked_application, asked_awareness, respondents_knowledge, respondents_confidence, respondents_application,
		respondents_awareness, imls_onsite_pro, imls_offsite_pro, imls_virtual_pro, imls_onsite_atten,
		imls_offsite_atten, imls_virtual_atten, imls_async_pro, imls_async_views)
	SELECT held_on,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in, program_6_11_in,
		program_12_18_in, program_adult_in, program_all_in, program_0_5_virt, program_6_11_virt, program_12_18_virt,
		program_adult_virt, program_all_virt, outreach_attendance, staff_minutes, volunteer_minutes, library_cents,
		partner_cents, in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro, imls_k0_5_atten,
		imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten, asked_knowledge, asked_confidence,
		asked_application, asked_awareness, respondents_knowledge, respondents_confidence, respondents_application,
		respondents_awareness, imls_onsite_pro, imls_offsite_pro, imls_virtual_pro, imls_onsite_atten,
		imls_offsite_atten, imls_virtual_atten, imls_async_pro, imls_async_views FROM activity_figures WHERE id = NEW.id
	ON CONFLICT (held_on) DO UPDATE SET
		activities = activities + excluded.activities,
		program_sessions_in = program_sessions_in + excluded.program_sessions_in,
		program_sessions_virt = program_sessions_virt + excluded.program_sessions_virt,
		outreach_sessions = outreach_sessions + excluded.outreach_sessions,
		program_0_5_in = program_0_5_in + excluded.program_0_5_in,
		program_6_11_in = program_6_11_in + excluded.program_6_11_in,
		program_12_18_in = program_12_18_in + excluded.program_12_18_in,
		program_adult_in = program_adult_in + excluded.program_adult_in,
		program_all_in = program_all_in + excluded.program_all_in,
		program_0_5_virt = program_0_5_virt + excluded.program_0_5_virt,
		program_6_11_virt = program_6_11_virt + excluded.program_6_11_virt,
		program_12_18_virt = program_12_18_virt + excluded.program_12_18_virt,
		program_adult_virt = program_adult_virt + excluded.program_adult_virt,
		program_all_virt = program_all_virt + excluded.program_all_virt,
		outreach_attendance = outreach_attendance + excluded.outreach_attendance,
		staff_minutes = staff_minutes + excluded.staff_minutes,
		volunteer_minutes = volunteer_minutes + excluded.volunteer_minutes,
		library_cents = library_cents + excluded.library_cents, partner_cents = partner_cents + excluded.partner_cents,
		in_kind_cents = in_kind_cents + excluded.in_kind_cents, materials = materials + excluded.materials,
		respondents = respondents + excluded.respondents, agree_knowledge = agree_knowledge + excluded.agree_knowledge,
		agree_confidence = agree_confidence + excluded.agree_confidence,
		agree_application = agree_application + excluded.agree_application,
		agree_awareness = agree_awareness + excluded.agree_awareness,
		imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro,
		imls_k6_11_pro = imls_k6_11_pro + excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro + excluded.imls_ya_pro,
		imls_adult_pro = imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro = imls_gen_pro + excluded.imls_gen_pro,
		imls_k0_5_atten = imls_k0_5_atten + excluded.imls_k0_5_atten,
		imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten,
		imls_ya_atten = imls_ya_atten + excluded.imls_ya_atten,
		imls_adult_atten = imls_adult_atten + excluded.imls_adult_atten,
		imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten,
		asked_knowledge = asked_knowledge + excluded.asked_knowledge,
		asked_confidence = asked_confidence + excluded.asked_confidence,
		asked_application = asked_application + excluded.asked_application,
		asked_awareness = asked_awareness + excluded.asked_awareness,
		respondents_knowledge = respondents_knowledge + excluded.respondents_knowledge,
		respondents_confidence = respondents_confidence + excluded.respondents_confidence,
		respondents_application = respondents_application + excluded.respondents_application,
		respondents_awareness = respondents_awareness + excluded.respondents_awareness,
		imls_onsite_pro = imls_onsite_pro + excluded.imls_onsite_pro,
		imls_offsite_pro = imls_offsite_pro + excluded.imls_offsite_pro,
		imls_virtual_pro = imls_virtual_pro + excluded.imls_virtual_pro,
		imls_onsite_atten = imls_onsite_atten + excluded.imls_onsite_atten,
		imls_offsite_atten = imls_offsite_atten + excluded.imls_offsite_atten,
		imls_virtual_atten = imls_virtual_atten + excluded.imls_virtual_atten,
		imls_async_pro = imls_async_pro + excluded.imls_async_pro,
		imls_async_views = imls_async_views + excluded.imls_async_views;
	INSERT INTO activity_partnership_day (held_on, partnership_id,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in, program_6_11_in,
		program_12_18_in, program_adult_in, program_all_in, program_0_5_virt, program_6_11_virt, program_12_18_virt,
		program_adult_virt, program_all_virt, outreach_attendance, staff_minutes, volunteer_minutes, library_cents,
		partner_cents, in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro, imls_k0_5_atten,
		imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten, asked_knowledge, asked_confidence,
		asked_application, asked_awareness, respondents_knowledge, respondents_confidence, respondents_application,
		respondents_awareness, imls_onsite_pro, imls_offsite_pro, imls_virtual_pro, imls_onsite_atten,
		imls_offsite_atten, imls_virtual_atten, imls_async_pro, imls_async_views)
	SELECT held_on, partnership_id,
		activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in, program_6_11_in,
		program_12_18_in, program_adult_in, program_all_in, program_0_5_virt, program_6_11_virt, program_12_18_virt,
		program_adult_virt, program_all_virt, outreach_attendance, staff_minutes, volunteer_minutes, library_cents,
		partner_cents, in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
		agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro, imls_k0_5_atten,
		imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten, asked_knowledge, asked_confidence,
		asked_application, asked_awareness, respondents_knowledge, respondents_confidence, respondents_application,
		respondents_awareness, imls_onsite_pro, imls_offsite_pro, imls_virtual_pro, imls_onsite_atten,
		imls_offsite_atten, imls_virtual_atten, imls_async_pro, imls_async_views FROM activity_figures WHERE id = NEW.id
	ON CONFLICT (partnership_id, held_on) DO UPDATE SET
		activities = activities + excluded.activities,
		program_sessions_in = program_sessions_in + excluded.program_sessions_in,
		program_sessions_virt = program_sessions_virt + excluded.program_sessions_virt,
		outreach_sessions = outreach_sessions + excluded.outreach_sessions,
		program_0_5_in = program_0_5_in + excluded.program_0_5_in,
		program_6_11_in = program_6_11_in + excluded.program_6_11_in,
		program_12_18_in = program_12_18_in + excluded.program_12_18_in,
		program_adult_in = program_adult_in + excluded.program_adult_in,
		program_all_in = program_all_in + excluded.program_all_in,
		program_0_5_virt = program_0_5_virt + excluded.program_0_5_virt,
		program_6_11_virt = program_6_11_virt + excluded.program_6_11_virt,
		program_12_18_virt = program_12_18_virt + excluded.program_12_18_virt,
		program_adult_virt = program_adult_virt + excluded.program_adult_virt,
		program_all_virt = program_all_virt + excluded.program_all_virt,
		outreach_attendance = outreach_attendance + excluded.outreach_attendance,
		staff_minutes = staff_minutes + excluded.staff_minutes,
		volunteer_minutes = volunteer_minutes + excluded.volunteer_minutes,
		library_cents = library_cents + excluded.library_cents, partner_cents = partner_cents + excluded.partner_cents,
		in_kind_cents = in_kind_cents + excluded.in_kind_cents, materials = materials + excluded.materials,
		respondents = respondents + excluded.respondents, agree_knowledge = agree_knowledge + excluded.agree_knowledge,
		agree_confidence = agree_confidence + excluded.agree_confidence,
		agree_application = agree_application + excluded.agree_application,
		agree_awareness = agree_awareness + excluded.agree_awareness,
		imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro,
		imls_k6_11_pro = imls_k6_11_pro + excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro + excluded.imls_ya_pro,
		imls_adult_pro = imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro = imls_gen_pro + excluded.imls_gen_pro,
		imls_k0_5_atten = imls_k0_5_atten + excluded.imls_k0_5_atten,
		imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten,
		imls_ya_atten = imls_ya_atten + excluded.imls_ya_atten,
		imls_adult_atten = imls_adult_atten + excluded.imls_adult_atten,
		imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten,
		asked_knowledge = asked_knowledge + excluded.asked_knowledge,
		asked_confidence = asked_confidence + excluded.asked_confidence,
		asked_application = asked_application + excluded.asked_application,
		asked_awareness = asked_awareness + excluded.asked_awareness,
		respondents_knowledge = respondents_knowledge + excluded.respondents_knowledge,
		respondents_confidence = respondents_confidence + excluded.respondents_confidence,
		respondents_application = respondents_application + excluded.respondents_application,
		respondents_awareness = respondents_awareness + excluded.respondents_awareness,
		imls_onsite_pro = imls_onsite_pro + excluded.imls_onsite_pro,
		imls_offsite_pro = imls_offsite_pro + excluded.imls_offsite_pro,
		imls_virtual_pro = imls_virtual_pro + excluded.imls_virtual_pro,
		imls_onsite_atten = imls_onsite_atten + excluded.imls_onsite_atten,
		imls_offsite_atten = imls_offsite_atten + excluded.imls_offsite_atten,
		imls_virtual_atten = imls_virtual_atten + excluded.imls_virtual_atten,
		imls_async_pro = imls_async_pro + excluded.imls_async_pro,
		imls_async_views = imls_async_views + excluded.imls_async_views;
END;

DELETE FROM activity_day;
DELETE FROM activity_partnership_day;
INSERT INTO activity_day (held_on,
	activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in, program_6_11_in,
	program_12_18_in, program_adult_in, program_all_in, program_0_5_virt, program_6_11_virt, program_12_18_virt,
	program_adult_virt, program_all_virt, outreach_attendance, staff_minutes, volunteer_minutes, library_cents,
	partner_cents, in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
	agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro, imls_k0_5_atten,
	imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten, asked_knowledge, asked_confidence,
	asked_application, asked_awareness, respondents_knowledge, respondents_confidence, respondents_application,
	respondents_awareness, imls_onsite_pro, imls_offsite_pro, imls_virtual_pro, imls_onsite_atten, imls_offsite_atten,
	imls_virtual_atten, imls_async_pro, imls_async_views)
SELECT held_on,
	sum(activities), sum(program_sessions_in), sum(program_sessions_virt), sum(outreach_sessions),
	sum(program_0_5_in), sum(program_6_11_in), sum(program_12_18_in), sum(program_adult_in), sum(program_all_in),
	sum(program_0_5_virt), sum(program_6_11_virt), sum(program_12_18_virt), sum(program_adult_virt),
	sum(program_all_virt), sum(outreach_attendance), sum(staff_minutes), sum(volunteer_minutes), sum(library_cents),
	sum(partner_cents), sum(in_kind_cents), sum(materials), sum(respondents), sum(agree_knowledge),
	sum(agree_confidence), sum(agree_application), sum(agree_awareness), sum(imls_k0_5_pro), sum(imls_k6_11_pro),
	sum(imls_ya_pro), sum(imls_adult_pro), sum(imls_gen_pro), sum(imls_k0_5_atten), sum(imls_k6_11_atten),
	sum(imls_ya_atten), sum(imls_adult_atten), sum(imls_gen_atten), sum(asked_knowledge), sum(asked_confidence),
	sum(asked_application), sum(asked_awareness), sum(respondents_knowledge), sum(respondents_confidence),
	sum(respondents_application), sum(respondents_awareness), sum(imls_onsite_pro), sum(imls_offsite_pro),
	sum(imls_virtual_pro), sum(imls_onsite_atten), sum(imls_offsite_atten), sum(imls_virtual_atten),
	sum(imls_async_pro), sum(imls_async_views)
FROM activity_figures GROUP BY held_on;
INSERT INTO activity_partnership_day (held_on, partnership_id,
	activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in, program_6_11_in,
	program_12_18_in, program_adult_in, program_all_in, program_0_5_virt, program_6_11_virt, program_12_18_virt,
	program_adult_virt, program_all_virt, outreach_attendance, staff_minutes, volunteer_minutes, library_cents,
	partner_cents, in_kind_cents, materials, respondents, agree_knowledge, agree_confidence, agree_application,
	agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro, imls_adult_pro, imls_gen_pro, imls_k0_5_atten,
	imls_k6_11_atten, imls_ya_atten, imls_adult_atten, imls_gen_atten, asked_knowledge, asked_confidence,
	asked_application, asked_awareness, respondents_knowledge, respondents_confidence, respondents_application,
	respondents_awareness, imls_onsite_pro, imls_offsite_pro, imls_virtual_pro, imls_onsite_atten, imls_offsite_atten,
	imls_virtual_atten, imls_async_pro, imls_async_views)
SELECT held_on, partnership_id,
	sum(activities), sum(program_sessions_in), sum(program_sessions_virt), sum(outreach_sessions),
	sum(program_0_5_in), sum(program_6_11_in), sum(program_12_18_in), sum(program_adult_in), sum(program_all_in),
	sum(program_0_5_virt), sum(program_6_11_virt), sum(program_12_18_virt), sum(program_adult_virt),
	sum(program_all_virt), sum(outreach_attendance), sum(staff_minutes), sum(volunteer_minutes), sum(library_cents),
	sum(partner_cents), sum(in_kind_cents), sum(materials), sum(respondents), sum(agree_knowledge),
	sum(agree_confidence), sum(agree_application), sum(agree_awareness), sum(imls_k0_5_pro), sum(imls_k6_11_pro),
	sum(imls_ya_pro), sum(imls_adult_pro), sum(imls_gen_pro), sum(imls_k0_5_atten), sum(imls_k6_11_atten),
	sum(imls_ya_atten), sum(imls_adult_atten), sum(imls_gen_atten), sum(asked_knowledge), sum(asked_confidence),
	sum(asked_application), sum(asked_awareness), sum(respondents_knowledge), sum(respondents_confidence),
	sum(respondents_application), sum(respondents_awareness), sum(imls_onsite_pro), sum(imls_offsite_pro),
	sum(imls_virtual_pro), sum(imls_onsite_atten), sum(imls_offsite_atten), sum(imls_virtual_atten),
	sum(imls_async_pro), sum(imls_async_views)
FROM activity_figures GROUP BY held_on, partnership_id;
