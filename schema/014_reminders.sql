-- 014: entries that stay current (issue 17). At 11 months since an entry was last confirmed its
-- contact is sent a link to a page where the entry can be confirmed, changed or removed; a
-- second at 12 months; and a contact may ask for such a link from the profile (remind.c).
-- Each message sent is a row here, so nobody is reminded twice for the same confirmation date
-- and the staff's out-of-date queue can say when each went. Whether one was answered is not
-- stored: it shows in the entry itself (confirmed since, unlisted, or a change proposed).
CREATE TABLE reminder (
	id		INTEGER PRIMARY KEY,
	org_id		INTEGER NOT NULL REFERENCES org (id),
	kind		TEXT NOT NULL CHECK (kind IN ('first', 'second', 'asked')),
	-- The confirmation date it was about: a first or second reminder goes once per date, and an
	-- entry confirmed again starts afresh. NULL for a link asked for.
	confirmed_on	TEXT,
	sent_at		INTEGER NOT NULL	-- unix seconds (queued in the outbox then)
);
CREATE UNIQUE INDEX reminder_once ON reminder (org_id, kind, confirmed_on) WHERE kind <> 'asked';
CREATE INDEX reminder_by_org ON reminder (org_id, sent_at);

-- When the last bounded run after a response started (remind_after_response): on a shared host
-- without cron, requests send what is due, but only one request every few minutes tries.
CREATE TABLE remind_run (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	last_at		INTEGER NOT NULL
);
INSERT INTO remind_run (id, last_at) VALUES (1, 0);

-- An application made from a manage link proposes changes to a listed entry: its own org row
-- (pending, never shown) holds the proposed values, and approving it writes them over this
-- entry (entry.c) and archives the proposal's row. NULL for an ordinary application.
ALTER TABLE application ADD COLUMN updates INTEGER REFERENCES org (id);
