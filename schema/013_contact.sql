-- 013: "Contact this organization" (issue 17). A visitor's message goes to an organization's
-- contact address through the outbox (012), whose body is dropped once delivered. What is kept
-- here is counts, never text and never an address:
--
-- contact_day: per organization and day (UTC, YYYY-MM-DD), how many messages the form sent it
-- and how many of those were first contacts (connections: the sender had not written to that
-- organization in the days contact_sender remembers). Kept for good: /report's "connections
-- made" is summed from it. No foreign key: an entry removed later keeps its past counts.
CREATE TABLE contact_day (
	org_id		INTEGER NOT NULL,
	day		TEXT NOT NULL,
	messages	INTEGER NOT NULL DEFAULT 0,
	connections	INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (org_id, day)
) WITHOUT ROWID;
CREATE INDEX contact_day_by_day ON contact_day (day, org_id);

-- contact_sender: who wrote to whom today, for the per-sender daily limit and for telling a
-- first contact from a second message. sender is HMAC-SHA-256 of the lower-cased address under
-- the site secret (token_hash_address), never the address; rows older than two days are deleted
-- by the next message sent (contact.c).
CREATE TABLE contact_sender (
	sender		BLOB NOT NULL,
	org_id		INTEGER NOT NULL,
	day		TEXT NOT NULL,
	messages	INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (sender, org_id, day)
) WITHOUT ROWID;
CREATE INDEX contact_sender_by_day ON contact_sender (day);
