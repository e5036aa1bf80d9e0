-- 020: a yearly review of each partnership (issue 20). Library partnership guides ask staff to
-- evaluate each partnership once a year with an assessment checklist: were its goals met, how
-- was communication, is the commitment shared, is the give-and-take fair, and should it
-- continue, change or end. Each is scored 1 (poor) to 5 (excellent), with a note. One review
-- per partnership and fiscal year (the year is named by the calendar year it ends in, as
-- reports name it, under LIAISON_FISCAL_YEAR_START when the review is saved); saving again in
-- the same year replaces that year's review, and the audit log keeps what it was.
CREATE TABLE partnership_review (
	id		INTEGER PRIMARY KEY,
	partnership_id	INTEGER NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
	fiscal_year	INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1901 AND 9999),
	reviewed_on	TEXT NOT NULL CHECK (date(reviewed_on) IS reviewed_on),
	communication	INTEGER NOT NULL CHECK (communication BETWEEN 1 AND 5),
	commitment	INTEGER NOT NULL CHECK (commitment BETWEEN 1 AND 5),
	give_and_take	INTEGER NOT NULL CHECK (give_and_take BETWEEN 1 AND 5),
	decision	TEXT NOT NULL CHECK (decision IN ('continue', 'change', 'end')),
	note		TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
	reviewed_by	TEXT NOT NULL,
	UNIQUE (partnership_id, fiscal_year)
);
-- How far each of the partnership's goals was met, as the goal read when it was reviewed (a goal
-- edited later does not rewrite an old review).
CREATE TABLE partnership_review_goal (
	review_id	INTEGER NOT NULL REFERENCES partnership_review (id) ON DELETE CASCADE,
	position	INTEGER NOT NULL CHECK (position BETWEEN 1 AND 20),
	goal		TEXT NOT NULL,
	score		INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
	PRIMARY KEY (review_id, position)
) WITHOUT ROWID;
