-- 017: an upload waiting for its preview to be confirmed (the import page, issue 19).
--
-- The import page checks an uploaded file and shows what it would add before anything is
-- written; the person then confirms. A browser cannot send a file input again, so the file
-- waits here between the two requests: its bytes, its name, how its dates were to be read,
-- and who sent it. A random token (kept as its SHA-256, so a copy of the database holds no
-- working token) names it in the confirm form; only the same account can use it, within an
-- hour, once: the import's own transaction deletes it. Uploads are capped in size (the page's
-- limit; the CHECK is a second guard) and in number per account (a new preview deletes all
-- but the account's last few); the expired are deleted whenever a preview is stored.

CREATE TABLE import_pending (
	id		INTEGER PRIMARY KEY,
	token_hash	TEXT NOT NULL UNIQUE,	-- hex SHA-256 of the token in the confirm form
	actor		TEXT NOT NULL,		-- the account that sent it; only it may confirm
	kind		TEXT NOT NULL CHECK (kind IN ('activities', 'organizations')),
	file_name	TEXT NOT NULL,
	date_order	INTEGER NOT NULL DEFAULT 0,	-- enum date_order: the order chosen for this file
	content		BLOB NOT NULL CHECK (length(content) <= 262144),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX import_pending_by_actor ON import_pending (actor, id);
