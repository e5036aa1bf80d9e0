-- 011: failed sign-ins counted per address as well as per name (issue 15). Counting per name
-- alone let anyone lock a named account out with a few wrong passwords, and let one address
-- try a few passwords on every name without ever waiting. Now every failure also counts
-- against the address it came from: past the tenth in a day, that address waits before each
-- attempt, whatever the name; and a name's own wait holds only for addresses that have failed
-- themselves, so a stranger elsewhere cannot keep its owner out (auth.c).
CREATE TABLE signin_address (
	addr_hash	BLOB PRIMARY KEY CHECK (length(addr_hash) = 32),	-- HMAC of the address (token.c), never the address
	failures	INTEGER NOT NULL,
	last_at		INTEGER NOT NULL	-- unix seconds; forgotten a day after the last failure
) WITHOUT ROWID;
CREATE INDEX signin_address_by_time ON signin_address (last_at);
