-- 012: the outbox (issue 17). Every message Liaison sends is first a row here, written in the
-- same transaction as the event that causes it (an application received, a partnership
-- recorded), so a message is never lost to a crash and never sent for something that was rolled
-- back. It is handed to the host's sendmail after the response (or by `liaison-admin mail`),
-- retried with backoff when that fails, and its body dropped once delivered (outbox.c).
CREATE TABLE outbox (
	id		INTEGER PRIMARY KEY,
	created		INTEGER NOT NULL,			-- unix seconds
	kind		TEXT NOT NULL,				-- what caused it: 'test', 'receipt', 'contact', …
	to_addr		TEXT NOT NULL,				-- one recipient, a plain address (mailmsg.h)
	to_name		TEXT NOT NULL DEFAULT '',
	reply_to	TEXT NOT NULL DEFAULT '',		-- '' for none
	reply_to_name	TEXT NOT NULL DEFAULT '',
	subject		TEXT NOT NULL,
	body		TEXT,					-- NULL once delivered
	message_id	TEXT NOT NULL UNIQUE,			-- without <>; the same on every attempt
	-- queued: waits for next_attempt; sending: claimed by a process until next_attempt (a
	-- lease: one that crashed gives it back by running out); sent; failed: gave up, see last_error.
	state		TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
	attempts	INTEGER NOT NULL DEFAULT 0,
	next_attempt	INTEGER NOT NULL,
	last_error	TEXT NOT NULL DEFAULT '',
	sent_at		INTEGER
);
-- What is due, without reading what was sent long ago.
CREATE INDEX outbox_due ON outbox (next_attempt) WHERE state IN ('queued', 'sending');
CREATE INDEX outbox_by_state ON outbox (state, id);
