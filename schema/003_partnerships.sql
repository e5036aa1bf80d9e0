-- 003: partnerships between two organizations of the directory, and the activities done in
-- them, in the terms boards and the IMLS Public Libraries Survey use. Counts only: attendance
-- is a number per age band and format, never a person. Money is integer cents.

CREATE TABLE partnership (
	id		INTEGER PRIMARY KEY,
	host_id		INTEGER NOT NULL REFERENCES org (id),
	partner_id	INTEGER NOT NULL REFERENCES org (id),
	kind		TEXT NOT NULL CHECK (kind IN ('sister_library', 'community', 'school', 'business', 'government', 'other')),
	commitment	TEXT NOT NULL DEFAULT 'informal' CHECK (commitment IN ('informal', 'memorandum', 'formal')),
	status		TEXT NOT NULL DEFAULT 'exploring' CHECK (status IN ('exploring', 'active', 'paused', 'ended')),
	start_on	TEXT NOT NULL CHECK (date(start_on) = start_on),
	end_on		TEXT CHECK (end_on IS NULL OR (date(end_on) = end_on AND end_on >= start_on)),
	goals		TEXT NOT NULL DEFAULT '',
	host_contribution	TEXT NOT NULL DEFAULT '',
	partner_contribution	TEXT NOT NULL DEFAULT '',
	staff_lead	TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	CHECK (host_id <> partner_id)
);
CREATE INDEX partnership_by_host ON partnership (host_id);
CREATE INDEX partnership_by_partner ON partnership (partner_id);

CREATE TABLE activity (
	id		INTEGER PRIMARY KEY,
	partnership_id	INTEGER NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
	held_on		TEXT NOT NULL CHECK (date(held_on) = held_on),
	type		TEXT NOT NULL REFERENCES interest (code),
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
CREATE INDEX activity_by_partnership ON activity (partnership_id, held_on);
CREATE INDEX activity_by_date ON activity (held_on);
