-- 016: each import is a batch, so that the same file is not counted twice and a batch can be
-- undone as a whole.
--
-- A batch keeps the file's name and SHA-256 (the same bytes again are refused, naming the
-- batch, while it stands), who imported it and when, and how many rows went in. The activities
-- it added are listed in import_batch_activity rather than in a new column of activity, so the
-- activity table, its view and everything that reads it by column stay as they are; an
-- activity deleted by hand leaves the list with it (ON DELETE CASCADE). Undoing deletes the
-- batch's activities in one transaction (the day sums' triggers take them back out of the
-- reports) and marks the batch undone, which lets the same file in again.

CREATE TABLE import_batch (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind IN ('activities', 'organizations')),
	file_name	TEXT NOT NULL,
	file_hash	TEXT NOT NULL,		-- SHA-256 of the file's bytes, in hex
	actor		TEXT NOT NULL,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	rows		INTEGER NOT NULL DEFAULT 0,
	duplicates	INTEGER NOT NULL DEFAULT 0,	-- likely duplicates left out
	undone_at	TEXT,
	undone_by	TEXT
);
CREATE INDEX import_batch_by_hash ON import_batch (kind, file_hash) WHERE undone_at IS NULL;

CREATE TABLE import_batch_activity (
	batch_id	INTEGER NOT NULL REFERENCES import_batch (id),
	activity_id	INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
	PRIMARY KEY (batch_id, activity_id)
) WITHOUT ROWID;
CREATE INDEX import_batch_activity_by_activity ON import_batch_activity (activity_id);
