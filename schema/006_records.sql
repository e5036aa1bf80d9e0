-- 006: what staff need to record partnerships and activities by hand and by import.
--
-- Activity types get a table of their own: they are the directory's interests plus "other",
-- which a library may record but no one seeks. The activity table is rebuilt to point at it
-- (SQLite cannot change a foreign key in place). A partnership's goals become a JSON array of
-- {"goal", "measure"}: each goal says how it will be measured, and the audit log, which
-- compares whole rows, still sees a change to any of them as one field. The audit log learns
-- which partnership an event concerns, so a partnership's page can show its own history.

CREATE TABLE activity_type (
	code		TEXT PRIMARY KEY,
	label		TEXT NOT NULL,
	position	INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO activity_type (code, label, position) SELECT code, label, position FROM interest;
INSERT INTO activity_type (code, label, position) VALUES ('other', 'Other', 1000);

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
	respondents	INTEGER NOT NULL DEFAULT 0 CHECK (respondents >= 0),	-- PLA Project Outcome survey
	agree_knowledge	INTEGER NOT NULL DEFAULT 0 CHECK (agree_knowledge BETWEEN 0 AND respondents),
	agree_confidence INTEGER NOT NULL DEFAULT 0 CHECK (agree_confidence BETWEEN 0 AND respondents),
	agree_application INTEGER NOT NULL DEFAULT 0 CHECK (agree_application BETWEEN 0 AND respondents),
	agree_awareness	INTEGER NOT NULL DEFAULT 0 CHECK (agree_awareness BETWEEN 0 AND respondents),
	notes		TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO activity_new SELECT * FROM activity;
DROP TABLE activity;
ALTER TABLE activity_new RENAME TO activity;
CREATE INDEX activity_by_partnership ON activity (partnership_id, held_on);
CREATE INDEX activity_by_date ON activity (held_on);

UPDATE partnership SET goals = CASE
	WHEN json_valid(goals) AND json_type(goals) = 'array' THEN goals
	WHEN trim(goals) = '' THEN '[]'
	ELSE json_array(json_object('goal', goals, 'measure', '')) END;

ALTER TABLE audit ADD COLUMN partnership_id INTEGER REFERENCES partnership (id);
CREATE INDEX audit_by_partnership ON audit (partnership_id, id) WHERE partnership_id IS NOT NULL;

-- Activities as the IMLS Public Libraries Survey counts them: a hybrid program counts once,
-- as in person, and its remote audience is virtual attendance. Reports and a partnership's
-- running totals read this, so the rule is written once.
CREATE VIEW activity_counted AS SELECT a.*,
	CASE WHEN a.format = 'virtual' THEN 0 ELSE a.sessions END AS sessions_in_person,
	CASE WHEN a.format = 'virtual' THEN a.sessions ELSE 0 END AS sessions_virtual,
	a.att_0_5_in + a.att_6_11_in + a.att_12_18_in + a.att_adult_in + a.att_all_in AS attendance_in_person,
	a.att_0_5_virt + a.att_6_11_virt + a.att_12_18_virt + a.att_adult_virt + a.att_all_virt AS attendance_virtual
	FROM activity a;
