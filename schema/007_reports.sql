-- 007: what impact reports read (issue 6).
--
-- activity_figures holds every counting rule of the reports once, per activity: a program's
-- sessions are in person or virtual (a hybrid counts once, in person, as the IMLS Public
-- Libraries Survey asks); outreach is not a program and is counted apart; an activity's IMLS
-- age class is the band its whole audience falls in, or "general" when it is mixed or unknown,
-- so the survey's totals by age always equal its totals by format. Money is in cents and time
-- in minutes, as stored.
--
-- activity_day keeps the sum of those figures per day, kept current by triggers on activity,
-- so a report over the whole site reads at most 366 rows a year however many activities there
-- are. activity_partnership_day keeps them per day and partnership, for reports of one host or
-- one partnership: a row for each day a partnership did something, however much it did.

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
	materials, respondents, agree_knowledge, agree_confidence, agree_application, agree_awareness,
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
		NOT ((b0_5 > 0) + (b6_11 > 0) + (b12_18 > 0) + (badult > 0) = 1 AND ball = 0) AS imls_gen_atten
FROM (SELECT *, is_program AS p,
	CASE WHEN format = 'virtual' THEN 0 ELSE sessions END AS s_in,
	att_0_5_in + att_0_5_virt AS b0_5,
	att_6_11_in + att_6_11_virt AS b6_11,
	att_12_18_in + att_12_18_virt AS b12_18,
	att_adult_in + att_adult_virt AS badult,
	att_all_in + att_all_virt AS ball
	FROM activity);

CREATE TABLE activity_day (
	held_on	TEXT PRIMARY KEY,
	activities	INTEGER NOT NULL,
	program_sessions_in	INTEGER NOT NULL,
	program_sessions_virt	INTEGER NOT NULL,
	outreach_sessions	INTEGER NOT NULL,
	program_0_5_in	INTEGER NOT NULL,
	program_6_11_in	INTEGER NOT NULL,
	program_12_18_in	INTEGER NOT NULL,
	program_adult_in	INTEGER NOT NULL,
	program_all_in	INTEGER NOT NULL,
	program_0_5_virt	INTEGER NOT NULL,
	program_6_11_virt	INTEGER NOT NULL,
	program_12_18_virt	INTEGER NOT NULL,
	program_adult_virt	INTEGER NOT NULL,
	program_all_virt	INTEGER NOT NULL,
	outreach_attendance	INTEGER NOT NULL,
	staff_minutes	INTEGER NOT NULL,
	volunteer_minutes	INTEGER NOT NULL,
	library_cents	INTEGER NOT NULL,
	partner_cents	INTEGER NOT NULL,
	in_kind_cents	INTEGER NOT NULL,
	materials	INTEGER NOT NULL,
	respondents	INTEGER NOT NULL,
	agree_knowledge	INTEGER NOT NULL,
	agree_confidence	INTEGER NOT NULL,
	agree_application	INTEGER NOT NULL,
	agree_awareness	INTEGER NOT NULL,
	imls_k0_5_pro	INTEGER NOT NULL,
	imls_k6_11_pro	INTEGER NOT NULL,
	imls_ya_pro	INTEGER NOT NULL,
	imls_adult_pro	INTEGER NOT NULL,
	imls_gen_pro	INTEGER NOT NULL,
	imls_k0_5_atten	INTEGER NOT NULL,
	imls_k6_11_atten	INTEGER NOT NULL,
	imls_ya_atten	INTEGER NOT NULL,
	imls_adult_atten	INTEGER NOT NULL,
	imls_gen_atten	INTEGER NOT NULL
) WITHOUT ROWID;

-- The same sums per day and partnership, for reports of one host or one partnership.
CREATE TABLE activity_partnership_day (
	held_on	TEXT NOT NULL,
	partnership_id	INTEGER NOT NULL,
	activities	INTEGER NOT NULL,
	program_sessions_in	INTEGER NOT NULL,
	program_sessions_virt	INTEGER NOT NULL,
	outreach_sessions	INTEGER NOT NULL,
	program_0_5_in	INTEGER NOT NULL,
	program_6_11_in	INTEGER NOT NULL,
	program_12_18_in	INTEGER NOT NULL,
	program_adult_in	INTEGER NOT NULL,
	program_all_in	INTEGER NOT NULL,
	program_0_5_virt	INTEGER NOT NULL,
	program_6_11_virt	INTEGER NOT NULL,
	program_12_18_virt	INTEGER NOT NULL,
	program_adult_virt	INTEGER NOT NULL,
	program_all_virt	INTEGER NOT NULL,
	outreach_attendance	INTEGER NOT NULL,
	staff_minutes	INTEGER NOT NULL,
	volunteer_minutes	INTEGER NOT NULL,
	library_cents	INTEGER NOT NULL,
	partner_cents	INTEGER NOT NULL,
	in_kind_cents	INTEGER NOT NULL,
	materials	INTEGER NOT NULL,
	respondents	INTEGER NOT NULL,
	agree_knowledge	INTEGER NOT NULL,
	agree_confidence	INTEGER NOT NULL,
	agree_application	INTEGER NOT NULL,
	agree_awareness	INTEGER NOT NULL,
	imls_k0_5_pro	INTEGER NOT NULL,
	imls_k6_11_pro	INTEGER NOT NULL,
	imls_ya_pro	INTEGER NOT NULL,
	imls_adult_pro	INTEGER NOT NULL,
	imls_gen_pro	INTEGER NOT NULL,
	imls_k0_5_atten	INTEGER NOT NULL,
	imls_k6_11_atten	INTEGER NOT NULL,
	imls_ya_atten	INTEGER NOT NULL,
	imls_adult_atten	INTEGER NOT NULL,
	imls_gen_atten	INTEGER NOT NULL,
	PRIMARY KEY (partnership_id, held_on)
) WITHOUT ROWID;

-- Scratch space for a bulk import, empty outside one: the import's own figures per partnership
-- and day, summed once and then added to both tables above (report_sums_resume, report.c).
CREATE TABLE activity_import_sums (
	held_on	TEXT NOT NULL,
	partnership_id	INTEGER NOT NULL,
	activities	INTEGER NOT NULL,
	program_sessions_in	INTEGER NOT NULL,
	program_sessions_virt	INTEGER NOT NULL,
	outreach_sessions	INTEGER NOT NULL,
	program_0_5_in	INTEGER NOT NULL,
	program_6_11_in	INTEGER NOT NULL,
	program_12_18_in	INTEGER NOT NULL,
	program_adult_in	INTEGER NOT NULL,
	program_all_in	INTEGER NOT NULL,
	program_0_5_virt	INTEGER NOT NULL,
	program_6_11_virt	INTEGER NOT NULL,
	program_12_18_virt	INTEGER NOT NULL,
	program_adult_virt	INTEGER NOT NULL,
	program_all_virt	INTEGER NOT NULL,
	outreach_attendance	INTEGER NOT NULL,
	staff_minutes	INTEGER NOT NULL,
	volunteer_minutes	INTEGER NOT NULL,
	library_cents	INTEGER NOT NULL,
	partner_cents	INTEGER NOT NULL,
	in_kind_cents	INTEGER NOT NULL,
	materials	INTEGER NOT NULL,
	respondents	INTEGER NOT NULL,
	agree_knowledge	INTEGER NOT NULL,
	agree_confidence	INTEGER NOT NULL,
	agree_application	INTEGER NOT NULL,
	agree_awareness	INTEGER NOT NULL,
	imls_k0_5_pro	INTEGER NOT NULL,
	imls_k6_11_pro	INTEGER NOT NULL,
	imls_ya_pro	INTEGER NOT NULL,
	imls_adult_pro	INTEGER NOT NULL,
	imls_gen_pro	INTEGER NOT NULL,
	imls_k0_5_atten	INTEGER NOT NULL,
	imls_k6_11_atten	INTEGER NOT NULL,
	imls_ya_atten	INTEGER NOT NULL,
	imls_adult_atten	INTEGER NOT NULL,
	imls_gen_atten	INTEGER NOT NULL
);

CREATE TRIGGER activity_day_insert AFTER INSERT ON activity BEGIN
	INSERT INTO activity_day (held_on, activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence,
		agree_application, agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro,
		imls_adult_pro, imls_gen_pro, imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten,
		imls_adult_atten, imls_gen_atten)
	SELECT held_on, activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence,
		agree_application, agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro,
		imls_adult_pro, imls_gen_pro, imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten,
		imls_adult_atten, imls_gen_atten FROM activity_figures WHERE id = NEW.id
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
		excluded.program_adult_virt, program_all_virt = program_all_virt +
		excluded.program_all_virt, outreach_attendance = outreach_attendance +
		excluded.outreach_attendance, staff_minutes = staff_minutes + excluded.staff_minutes,
		volunteer_minutes = volunteer_minutes + excluded.volunteer_minutes, library_cents =
		library_cents + excluded.library_cents, partner_cents = partner_cents +
		excluded.partner_cents, in_kind_cents = in_kind_cents + excluded.in_kind_cents, materials
		= materials + excluded.materials, respondents = respondents + excluded.respondents,
		agree_knowledge = agree_knowledge + excluded.agree_knowledge, agree_confidence =
		agree_confidence + excluded.agree_confidence, agree_application = agree_application +
		excluded.agree_application, agree_awareness = agree_awareness + excluded.agree_awareness,
		imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro, imls_k6_11_pro = imls_k6_11_pro +
		excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro + excluded.imls_ya_pro, imls_adult_pro
		= imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro = imls_gen_pro +
		excluded.imls_gen_pro, imls_k0_5_atten = imls_k0_5_atten + excluded.imls_k0_5_atten,
		imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten, imls_ya_atten =
		imls_ya_atten + excluded.imls_ya_atten, imls_adult_atten = imls_adult_atten +
		excluded.imls_adult_atten, imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten;
	INSERT INTO activity_partnership_day (held_on, partnership_id, activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence,
		agree_application, agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro,
		imls_adult_pro, imls_gen_pro, imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten,
		imls_adult_atten, imls_gen_atten)
	SELECT held_on, partnership_id, activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence,
		agree_application, agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro,
		imls_adult_pro, imls_gen_pro, imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten,
		imls_adult_atten, imls_gen_atten FROM activity_figures WHERE id = NEW.id
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
		excluded.program_adult_virt, program_all_virt = program_all_virt +
		excluded.program_all_virt, outreach_attendance = outreach_attendance +
		excluded.outreach_attendance, staff_minutes = staff_minutes + excluded.staff_minutes,
		volunteer_minutes = volunteer_minutes + excluded.volunteer_minutes, library_cents =
		library_cents + excluded.library_cents, partner_cents = partner_cents +
		excluded.partner_cents, in_kind_cents = in_kind_cents + excluded.in_kind_cents, materials
		= materials + excluded.materials, respondents = respondents + excluded.respondents,
		agree_knowledge = agree_knowledge + excluded.agree_knowledge, agree_confidence =
		agree_confidence + excluded.agree_confidence, agree_application = agree_application +
		excluded.agree_application, agree_awareness = agree_awareness + excluded.agree_awareness,
		imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro, imls_k6_11_pro = imls_k6_11_pro +
		excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro + excluded.imls_ya_pro, imls_adult_pro
		= imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro = imls_gen_pro +
		excluded.imls_gen_pro, imls_k0_5_atten = imls_k0_5_atten + excluded.imls_k0_5_atten,
		imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten, imls_ya_atten =
		imls_ya_atten + excluded.imls_ya_atten, imls_adult_atten = imls_adult_atten +
		excluded.imls_adult_atten, imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten;
END;

CREATE TRIGGER activity_day_delete BEFORE DELETE ON activity BEGIN
	UPDATE activity_day SET
		activities = activity_day.activities - f.activities, program_sessions_in =
		activity_day.program_sessions_in - f.program_sessions_in, program_sessions_virt =
		activity_day.program_sessions_virt - f.program_sessions_virt, outreach_sessions =
		activity_day.outreach_sessions - f.outreach_sessions, program_0_5_in =
		activity_day.program_0_5_in - f.program_0_5_in, program_6_11_in =
		activity_day.program_6_11_in - f.program_6_11_in, program_12_18_in =
		activity_day.program_12_18_in - f.program_12_18_in, program_adult_in =
		activity_day.program_adult_in - f.program_adult_in, program_all_in =
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
		activity_day.materials - f.materials, respondents = activity_day.respondents -
		f.respondents, agree_knowledge = activity_day.agree_knowledge - f.agree_knowledge,
		agree_confidence = activity_day.agree_confidence - f.agree_confidence, agree_application =
		activity_day.agree_application - f.agree_application, agree_awareness =
		activity_day.agree_awareness - f.agree_awareness, imls_k0_5_pro =
		activity_day.imls_k0_5_pro - f.imls_k0_5_pro, imls_k6_11_pro = activity_day.imls_k6_11_pro
		- f.imls_k6_11_pro, imls_ya_pro = activity_day.imls_ya_pro - f.imls_ya_pro, imls_adult_pro
		= activity_day.imls_adult_pro - f.imls_adult_pro, imls_gen_pro = activity_day.imls_gen_pro
		- f.imls_gen_pro, imls_k0_5_atten = activity_day.imls_k0_5_atten - f.imls_k0_5_atten,
		imls_k6_11_atten = activity_day.imls_k6_11_atten - f.imls_k6_11_atten, imls_ya_atten =
		activity_day.imls_ya_atten - f.imls_ya_atten, imls_adult_atten =
		activity_day.imls_adult_atten - f.imls_adult_atten, imls_gen_atten =
		activity_day.imls_gen_atten - f.imls_gen_atten
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_day.held_on = f.held_on;
	DELETE FROM activity_day WHERE held_on = OLD.held_on AND activities = 0;
	UPDATE activity_partnership_day SET
		activities = activity_partnership_day.activities - f.activities, program_sessions_in =
		activity_partnership_day.program_sessions_in - f.program_sessions_in,
		program_sessions_virt = activity_partnership_day.program_sessions_virt -
		f.program_sessions_virt, outreach_sessions = activity_partnership_day.outreach_sessions -
		f.outreach_sessions, program_0_5_in = activity_partnership_day.program_0_5_in -
		f.program_0_5_in, program_6_11_in = activity_partnership_day.program_6_11_in -
		f.program_6_11_in, program_12_18_in = activity_partnership_day.program_12_18_in -
		f.program_12_18_in, program_adult_in = activity_partnership_day.program_adult_in -
		f.program_adult_in, program_all_in = activity_partnership_day.program_all_in -
		f.program_all_in, program_0_5_virt = activity_partnership_day.program_0_5_virt -
		f.program_0_5_virt, program_6_11_virt = activity_partnership_day.program_6_11_virt -
		f.program_6_11_virt, program_12_18_virt = activity_partnership_day.program_12_18_virt -
		f.program_12_18_virt, program_adult_virt = activity_partnership_day.program_adult_virt -
		f.program_adult_virt, program_all_virt = activity_partnership_day.program_all_virt -
		f.program_all_virt, outreach_attendance = activity_partnership_day.outreach_attendance -
		f.outreach_attendance, staff_minutes = activity_partnership_day.staff_minutes -
		f.staff_minutes, volunteer_minutes = activity_partnership_day.volunteer_minutes -
		f.volunteer_minutes, library_cents = activity_partnership_day.library_cents -
		f.library_cents, partner_cents = activity_partnership_day.partner_cents - f.partner_cents,
		in_kind_cents = activity_partnership_day.in_kind_cents - f.in_kind_cents, materials =
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
		activity_partnership_day.imls_gen_atten - f.imls_gen_atten
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_partnership_day.held_on = f.held_on AND activity_partnership_day.partnership_id = f.partnership_id;
	DELETE FROM activity_partnership_day WHERE held_on = OLD.held_on AND partnership_id = OLD.partnership_id AND activities = 0;
END;

-- An edit takes the activity's old figures away before it, and adds its new ones after.
CREATE TRIGGER activity_day_update_before BEFORE UPDATE ON activity BEGIN
	UPDATE activity_day SET
		activities = activity_day.activities - f.activities, program_sessions_in =
		activity_day.program_sessions_in - f.program_sessions_in, program_sessions_virt =
		activity_day.program_sessions_virt - f.program_sessions_virt, outreach_sessions =
		activity_day.outreach_sessions - f.outreach_sessions, program_0_5_in =
		activity_day.program_0_5_in - f.program_0_5_in, program_6_11_in =
		activity_day.program_6_11_in - f.program_6_11_in, program_12_18_in =
		activity_day.program_12_18_in - f.program_12_18_in, program_adult_in =
		activity_day.program_adult_in - f.program_adult_in, program_all_in =
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
		activity_day.materials - f.materials, respondents = activity_day.respondents -
		f.respondents, agree_knowledge = activity_day.agree_knowledge - f.agree_knowledge,
		agree_confidence = activity_day.agree_confidence - f.agree_confidence, agree_application =
		activity_day.agree_application - f.agree_application, agree_awareness =
		activity_day.agree_awareness - f.agree_awareness, imls_k0_5_pro =
		activity_day.imls_k0_5_pro - f.imls_k0_5_pro, imls_k6_11_pro = activity_day.imls_k6_11_pro
		- f.imls_k6_11_pro, imls_ya_pro = activity_day.imls_ya_pro - f.imls_ya_pro, imls_adult_pro
		= activity_day.imls_adult_pro - f.imls_adult_pro, imls_gen_pro = activity_day.imls_gen_pro
		- f.imls_gen_pro, imls_k0_5_atten = activity_day.imls_k0_5_atten - f.imls_k0_5_atten,
		imls_k6_11_atten = activity_day.imls_k6_11_atten - f.imls_k6_11_atten, imls_ya_atten =
		activity_day.imls_ya_atten - f.imls_ya_atten, imls_adult_atten =
		activity_day.imls_adult_atten - f.imls_adult_atten, imls_gen_atten =
		activity_day.imls_gen_atten - f.imls_gen_atten
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_day.held_on = f.held_on;
	DELETE FROM activity_day WHERE held_on = OLD.held_on AND activities = 0;
	UPDATE activity_partnership_day SET
		activities = activity_partnership_day.activities - f.activities, program_sessions_in =
		activity_partnership_day.program_sessions_in - f.program_sessions_in,
		program_sessions_virt = activity_partnership_day.program_sessions_virt -
		f.program_sessions_virt, outreach_sessions = activity_partnership_day.outreach_sessions -
		f.outreach_sessions, program_0_5_in = activity_partnership_day.program_0_5_in -
		f.program_0_5_in, program_6_11_in = activity_partnership_day.program_6_11_in -
		f.program_6_11_in, program_12_18_in = activity_partnership_day.program_12_18_in -
		f.program_12_18_in, program_adult_in = activity_partnership_day.program_adult_in -
		f.program_adult_in, program_all_in = activity_partnership_day.program_all_in -
		f.program_all_in, program_0_5_virt = activity_partnership_day.program_0_5_virt -
		f.program_0_5_virt, program_6_11_virt = activity_partnership_day.program_6_11_virt -
		f.program_6_11_virt, program_12_18_virt = activity_partnership_day.program_12_18_virt -
		f.program_12_18_virt, program_adult_virt = activity_partnership_day.program_adult_virt -
		f.program_adult_virt, program_all_virt = activity_partnership_day.program_all_virt -
		f.program_all_virt, outreach_attendance = activity_partnership_day.outreach_attendance -
		f.outreach_attendance, staff_minutes = activity_partnership_day.staff_minutes -
		f.staff_minutes, volunteer_minutes = activity_partnership_day.volunteer_minutes -
		f.volunteer_minutes, library_cents = activity_partnership_day.library_cents -
		f.library_cents, partner_cents = activity_partnership_day.partner_cents - f.partner_cents,
		in_kind_cents = activity_partnership_day.in_kind_cents - f.in_kind_cents, materials =
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
		activity_partnership_day.imls_gen_atten - f.imls_gen_atten
	FROM (SELECT * FROM activity_figures WHERE id = OLD.id) AS f WHERE activity_partnership_day.held_on = f.held_on AND activity_partnership_day.partnership_id = f.partnership_id;
	DELETE FROM activity_partnership_day WHERE held_on = OLD.held_on AND partnership_id = OLD.partnership_id AND activities = 0;
END;

CREATE TRIGGER activity_day_update_after AFTER UPDATE ON activity BEGIN
	INSERT INTO activity_day (held_on, activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence,
		agree_application, agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro,
		imls_adult_pro, imls_gen_pro, imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten,
		imls_adult_atten, imls_gen_atten)
	SELECT held_on, activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence,
		agree_application, agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro,
		imls_adult_pro, imls_gen_pro, imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten,
		imls_adult_atten, imls_gen_atten FROM activity_figures WHERE id = NEW.id
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
		excluded.program_adult_virt, program_all_virt = program_all_virt +
		excluded.program_all_virt, outreach_attendance = outreach_attendance +
		excluded.outreach_attendance, staff_minutes = staff_minutes + excluded.staff_minutes,
		volunteer_minutes = volunteer_minutes + excluded.volunteer_minutes, library_cents =
		library_cents + excluded.library_cents, partner_cents = partner_cents +
		excluded.partner_cents, in_kind_cents = in_kind_cents + excluded.in_kind_cents, materials
		= materials + excluded.materials, respondents = respondents + excluded.respondents,
		agree_knowledge = agree_knowledge + excluded.agree_knowledge, agree_confidence =
		agree_confidence + excluded.agree_confidence, agree_application = agree_application +
		excluded.agree_application, agree_awareness = agree_awareness + excluded.agree_awareness,
		imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro, imls_k6_11_pro = imls_k6_11_pro +
		excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro + excluded.imls_ya_pro, imls_adult_pro
		= imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro = imls_gen_pro +
		excluded.imls_gen_pro, imls_k0_5_atten = imls_k0_5_atten + excluded.imls_k0_5_atten,
		imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten, imls_ya_atten =
		imls_ya_atten + excluded.imls_ya_atten, imls_adult_atten = imls_adult_atten +
		excluded.imls_adult_atten, imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten;
	INSERT INTO activity_partnership_day (held_on, partnership_id, activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence,
		agree_application, agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro,
		imls_adult_pro, imls_gen_pro, imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten,
		imls_adult_atten, imls_gen_atten)
	SELECT held_on, partnership_id, activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
		program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
		program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
		outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
		in_kind_cents, materials, respondents, agree_knowledge, agree_confidence,
		agree_application, agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro,
		imls_adult_pro, imls_gen_pro, imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten,
		imls_adult_atten, imls_gen_atten FROM activity_figures WHERE id = NEW.id
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
		excluded.program_adult_virt, program_all_virt = program_all_virt +
		excluded.program_all_virt, outreach_attendance = outreach_attendance +
		excluded.outreach_attendance, staff_minutes = staff_minutes + excluded.staff_minutes,
		volunteer_minutes = volunteer_minutes + excluded.volunteer_minutes, library_cents =
		library_cents + excluded.library_cents, partner_cents = partner_cents +
		excluded.partner_cents, in_kind_cents = in_kind_cents + excluded.in_kind_cents, materials
		= materials + excluded.materials, respondents = respondents + excluded.respondents,
		agree_knowledge = agree_knowledge + excluded.agree_knowledge, agree_confidence =
		agree_confidence + excluded.agree_confidence, agree_application = agree_application +
		excluded.agree_application, agree_awareness = agree_awareness + excluded.agree_awareness,
		imls_k0_5_pro = imls_k0_5_pro + excluded.imls_k0_5_pro, imls_k6_11_pro = imls_k6_11_pro +
		excluded.imls_k6_11_pro, imls_ya_pro = imls_ya_pro + excluded.imls_ya_pro, imls_adult_pro
		= imls_adult_pro + excluded.imls_adult_pro, imls_gen_pro = imls_gen_pro +
		excluded.imls_gen_pro, imls_k0_5_atten = imls_k0_5_atten + excluded.imls_k0_5_atten,
		imls_k6_11_atten = imls_k6_11_atten + excluded.imls_k6_11_atten, imls_ya_atten =
		imls_ya_atten + excluded.imls_ya_atten, imls_adult_atten = imls_adult_atten +
		excluded.imls_adult_atten, imls_gen_atten = imls_gen_atten + excluded.imls_gen_atten;
END;

INSERT INTO activity_day (held_on, activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
	program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
	program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
	outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
	in_kind_cents, materials, respondents, agree_knowledge, agree_confidence,
	agree_application, agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro,
	imls_adult_pro, imls_gen_pro, imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten,
	imls_adult_atten, imls_gen_atten)
SELECT held_on,
	sum(activities), sum(program_sessions_in), sum(program_sessions_virt),
	sum(outreach_sessions), sum(program_0_5_in), sum(program_6_11_in), sum(program_12_18_in),
	sum(program_adult_in), sum(program_all_in), sum(program_0_5_virt), sum(program_6_11_virt),
	sum(program_12_18_virt), sum(program_adult_virt), sum(program_all_virt),
	sum(outreach_attendance), sum(staff_minutes), sum(volunteer_minutes), sum(library_cents),
	sum(partner_cents), sum(in_kind_cents), sum(materials), sum(respondents),
	sum(agree_knowledge), sum(agree_confidence), sum(agree_application), sum(agree_awareness),
	sum(imls_k0_5_pro), sum(imls_k6_11_pro), sum(imls_ya_pro), sum(imls_adult_pro),
	sum(imls_gen_pro), sum(imls_k0_5_atten), sum(imls_k6_11_atten), sum(imls_ya_atten),
	sum(imls_adult_atten), sum(imls_gen_atten)
FROM activity_figures GROUP BY held_on;

INSERT INTO activity_partnership_day (held_on, partnership_id, activities, program_sessions_in, program_sessions_virt, outreach_sessions, program_0_5_in,
	program_6_11_in, program_12_18_in, program_adult_in, program_all_in, program_0_5_virt,
	program_6_11_virt, program_12_18_virt, program_adult_virt, program_all_virt,
	outreach_attendance, staff_minutes, volunteer_minutes, library_cents, partner_cents,
	in_kind_cents, materials, respondents, agree_knowledge, agree_confidence,
	agree_application, agree_awareness, imls_k0_5_pro, imls_k6_11_pro, imls_ya_pro,
	imls_adult_pro, imls_gen_pro, imls_k0_5_atten, imls_k6_11_atten, imls_ya_atten,
	imls_adult_atten, imls_gen_atten)
SELECT held_on, partnership_id,
	sum(activities), sum(program_sessions_in), sum(program_sessions_virt),
	sum(outreach_sessions), sum(program_0_5_in), sum(program_6_11_in), sum(program_12_18_in),
	sum(program_adult_in), sum(program_all_in), sum(program_0_5_virt), sum(program_6_11_virt),
	sum(program_12_18_virt), sum(program_adult_virt), sum(program_all_virt),
	sum(outreach_attendance), sum(staff_minutes), sum(volunteer_minutes), sum(library_cents),
	sum(partner_cents), sum(in_kind_cents), sum(materials), sum(respondents),
	sum(agree_knowledge), sum(agree_confidence), sum(agree_application), sum(agree_awareness),
	sum(imls_k0_5_pro), sum(imls_k6_11_pro), sum(imls_ya_pro), sum(imls_adult_pro),
	sum(imls_gen_pro), sum(imls_k0_5_atten), sum(imls_k6_11_atten), sum(imls_ya_atten),
	sum(imls_adult_atten), sum(imls_gen_atten)
FROM activity_figures GROUP BY held_on, partnership_id;
