/*
 * sqlmail.c - the statements of mail and of what sends it (the outbox, contact messages,
 * reminders and the links they carry), of import batches and of partnership reviews, the
 * second part of the statement table: sql.c holds
 * the first and db_stmt_sql() looks a statement up in either, so each file stays readable.
 * Same rules as sql.c: placeholders only, never string building at run time.
 */
#include "db.h"

/* An entry of this table, indexed by the statement's enum stmt. */
#define AT(id)	[(id) - STMT_MAIL_FIRST]

const char *const db_sql_mail[STMT__MAX - STMT_MAIL_FIRST] = {
	/*
	 * The outbox (outbox.c). A message is claimed for sending by one UPDATE under BEGIN
	 * IMMEDIATE: it becomes 'sending' with next_attempt a lease's end, so that no other process
	 * takes it meanwhile and one that crashed hands it back by letting the lease run out. Every
	 * later change requires 'sending', so a lease that ran out and was taken by another process
	 * is not overwritten by the first.
	 */
	/*
	 * The row's id is part of its Message-ID (?9 is the rest, "TOKEN@DOMAIN"), so the id is
	 * chosen here: the caller holds the write lock (BEGIN IMMEDIATE), so max(id) + 1 is free,
	 * and one INSERT writes the row whole instead of an INSERT and an UPDATE of the unique
	 * message_id (bench/README.md, "Mail on and mail off").
	 */
	AT(STMT_OUTBOX_INSERT) = "INSERT INTO outbox (id, created, kind, to_addr, to_name, reply_to, reply_to_name,"
	    " subject, body, message_id, next_attempt)"
	    " SELECT n, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'outbox-' || n || '.' || ?9, ?1"
	    " FROM (SELECT ifnull(max(id), 0) + 1 AS n FROM outbox) RETURNING id",
	AT(STMT_OUTBOX_CLAIM) = "UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt = ?2"
	    " WHERE id = (SELECT id FROM outbox WHERE state IN ('queued', 'sending') AND next_attempt <= ?1"
	    "   ORDER BY next_attempt, id LIMIT 1)"
	    " RETURNING id, to_addr, to_name, reply_to, reply_to_name, subject, body, message_id, attempts",
	AT(STMT_OUTBOX_SENT) = "UPDATE outbox SET state = 'sent', sent_at = ?2, body = NULL, last_error = ''"
	    " WHERE id = ?1 AND state = 'sending'",
	AT(STMT_OUTBOX_RETRY_LATER) = "UPDATE outbox SET state = CASE WHEN attempts >= ?4 THEN 'failed' ELSE 'queued' END,"
	    " next_attempt = ?2, last_error = ?3 WHERE id = ?1 AND state = 'sending' RETURNING state",
	/* "Send again": a failed message, or one waiting for its next try, is due now with its tries counted afresh. */
	AT(STMT_OUTBOX_SEND_AGAIN) = "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt = ?2"
	    " WHERE id = ?1 AND state IN ('queued', 'failed') AND body IS NOT NULL",
	/* Everything waiting or given up, due now (liaison-admin mail --now, once the relay is fixed). */
	AT(STMT_OUTBOX_ALL_DUE_NOW) = "UPDATE outbox SET state = 'queued', next_attempt = ?1,"
	    " attempts = CASE WHEN state = 'failed' THEN 0 ELSE attempts END"
	    " WHERE ((state = 'queued' AND next_attempt > ?1) OR state = 'failed') AND body IS NOT NULL",
	/* Newest first; ?1 a state or NULL for all, ?2 how many, ?3 rows to skip. */
	AT(STMT_OUTBOX_LIST) = "SELECT id, created, kind, to_addr, to_name, reply_to, subject, message_id, state,"
	    " attempts, next_attempt, last_error, sent_at FROM outbox"
	    " WHERE ?1 IS NULL OR state = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3",
	AT(STMT_OUTBOX_GET) = "SELECT id, created, kind, to_addr, to_name, reply_to, subject, message_id, state,"
	    " attempts, next_attempt, last_error, sent_at, body FROM outbox WHERE id = ?1",
	AT(STMT_OUTBOX_COUNTS) = "SELECT count(*) FILTER (WHERE state IN ('queued', 'sending')),"
	    " count(*) FILTER (WHERE state = 'failed'),"
	    " ifnull(min(next_attempt) FILTER (WHERE state IN ('queued', 'sending')), 0) FROM outbox",
	/*
	 * "Contact this organization" (contact.c, schema 013): the entry a message goes to (listed
	 * only), the day's counts for the limits, a first contact told from a second, the counts
	 * kept, and the report's figures. Senders are keyed hashes, never addresses.
	 */
	AT(STMT_CONTACT_ORG) = "SELECT name, contact_name, contact_email, email_public FROM org"
	    " WHERE id = ?1 AND status = 'listed'",
	AT(STMT_CONTACT_SENDER_TODAY) = "SELECT ifnull(sum(messages), 0) FROM contact_sender"
	    " WHERE sender = ?1 AND day = ?2",
	AT(STMT_CONTACT_ORG_TODAY) = "SELECT ifnull(sum(messages), 0) FROM contact_day WHERE org_id = ?1 AND day = ?2",
	/* Has this sender written to this organization since day ?3 (what contact_sender remembers)? */
	AT(STMT_CONTACT_PAIR_SEEN) = "SELECT 1 FROM contact_sender WHERE sender = ?1 AND org_id = ?2 AND day >= ?3 LIMIT 1",
	AT(STMT_CONTACT_SENDER_ADD) = "INSERT INTO contact_sender (sender, org_id, day, messages) VALUES (?1, ?2, ?3, 1)"
	    " ON CONFLICT (sender, org_id, day) DO UPDATE SET messages = messages + 1",
	/* ?3: 1 when this message is a first contact, else 0. */
	AT(STMT_CONTACT_DAY_ADD) = "INSERT INTO contact_day (org_id, day, messages, connections) VALUES (?1, ?2, 1, ?3)"
	    " ON CONFLICT (org_id, day) DO UPDATE SET messages = messages + 1,"
	    " connections = connections + excluded.connections",
	AT(STMT_CONTACT_PRUNE) = "DELETE FROM contact_sender WHERE day < ?1",
	/* First contacts, organizations that had at least one, and messages, from ?1 to ?2 (days,
	 * both included); ?3 one organization, or NULL for the whole directory. */
	AT(STMT_CONTACT_FIGURES) = "SELECT ifnull(sum(connections), 0), count(DISTINCT org_id) FILTER (WHERE connections > 0),"
	    " ifnull(sum(messages), 0) FROM contact_day WHERE day BETWEEN ?1 AND ?2 AND (?3 IS NULL OR org_id = ?3)",

	/*
	 * The messages about applications (notify.c). The last digest is the newest outbox row of
	 * its kind; the applications since it are compared as the ISO text submitted_at is kept in.
	 */
	AT(STMT_NOTIFY_REFERENCE) = "SELECT reference FROM application WHERE org_id = ?1",
	/* Read backwards from the newest message: at most a day's worth, not the whole outbox. */
	AT(STMT_NOTIFY_LAST_DIGEST) = "SELECT ifnull((SELECT created FROM outbox WHERE kind = 'digest'"
	    " ORDER BY id DESC LIMIT 1), 0)",
	AT(STMT_NOTIFY_SINCE) = "SELECT o.id, o.name, o.country, a.reference, a.submitted_at"
	    " FROM application a JOIN org o ON o.id = a.org_id"
	    " WHERE a.submitted_at >= strftime('%Y-%m-%dT%H:%M:%SZ', ?1, 'unixepoch')"
	    " ORDER BY a.submitted_at, o.id",
	AT(STMT_NOTIFY_FIRST_SINCE) = "SELECT ifnull(min(submitted_at), '') FROM application"
	    " WHERE submitted_at >= strftime('%Y-%m-%dT%H:%M:%SZ', ?1, 'unixepoch')",
	AT(STMT_NOTIFY_OUTBOX_COUNT) = "SELECT count(*) FROM outbox WHERE ?1 IS NULL OR state = ?1",
	/*
	 * Reminders and manage links (remind.c, schema 014). An entry is due a first reminder 11
	 * months after its confirmation date and a second at 12 months, a week at least after the
	 * first; each goes once per confirmation date (reminder_once), so confirming starts afresh.
	 * Entries without a contact address are left to the staff's out-of-date queue. ?1 is now.
	 */
#define REMIND_SENT(kind) "EXISTS (SELECT 1 FROM reminder r WHERE r.org_id = o.id AND r.kind = '" kind "'" \
	" AND r.confirmed_on = o.confirmed_on"
	AT(STMT_REMIND_DUE) = "SELECT o.id, o.name, o.contact_name, o.contact_email, o.confirmed_on,"
	    " CASE WHEN " REMIND_SENT("first") ") THEN 'second' ELSE 'first' END FROM org o"
	    " WHERE o.status = 'listed' AND o.contact_email <> ''"
	    " AND o.confirmed_on <= date(?1, 'unixepoch', '-11 months')"
	    " AND (NOT " REMIND_SENT("first") ")"
	    "  OR (o.confirmed_on <= date(?1, 'unixepoch', '-12 months') AND NOT " REMIND_SENT("second") ")"
	    "   AND " REMIND_SENT("first") " AND r.sent_at <= ?1 - 7 * 86400)))"
	    " ORDER BY o.confirmed_on, o.id LIMIT 1",
	AT(STMT_REMIND_INSERT) = "INSERT INTO reminder (org_id, kind, confirmed_on, sent_at) VALUES (?1, ?2, ?3, ?4)",
	/* Links asked for from the profile since ?2: a few a day per entry at most. */
	AT(STMT_REMIND_ASKED_RECENT) = "SELECT count(*) FROM reminder WHERE org_id = ?1 AND kind = 'asked'"
	    " AND sent_at > ?2",
	/* What the manage page and the messages show of an entry. */
	AT(STMT_REMIND_ENTRY) = "SELECT name, contact_name, contact_email, status, coalesce(confirmed_on, ''),"
	    " (SELECT a.reference FROM application a JOIN org p ON p.id = a.org_id WHERE a.updates = o.id"
	    "  AND a.state IN ('new', 'waiting') ORDER BY a.submitted_at DESC LIMIT 1)"
	    " FROM org o WHERE id = ?1",
	/*
	 * The staff's out-of-date queue: when the reminders about the entry's present confirmation
	 * date went, and when its contact first acted from a link since (the audit log's 'contact').
	 */
	AT(STMT_REMIND_STATUS) = "SELECT f.sent_at, (SELECT max(sent_at) FROM reminder WHERE org_id = ?1"
	    " AND kind = 'second' AND confirmed_on IS o.confirmed_on),"
	    " (SELECT min(at) FROM audit WHERE org_id = ?1 AND actor = 'contact'"
	    "  AND at >= strftime('%Y-%m-%dT%H:%M:%SZ', f.sent_at, 'unixepoch'))"
	    " FROM org o LEFT JOIN (SELECT max(sent_at) AS sent_at FROM reminder WHERE org_id = ?1"
	    "  AND kind = 'first' AND confirmed_on IS (SELECT confirmed_on FROM org WHERE id = ?1)) f"
	    " WHERE o.id = ?1",
	/* Sending after a response: one request every ?2 seconds claims the run (?1 now). */
	AT(STMT_REMIND_RUN_LAST) = "SELECT last_at FROM remind_run WHERE id = 1",
	AT(STMT_REMIND_RUN_CLAIM) = "UPDATE remind_run SET last_at = ?1 WHERE id = 1 AND last_at <= ?1 - ?2",
	/* The report: listed entries, and those confirmed within the last year. */
	AT(STMT_REMIND_CONFIRMED_SHARE) = "SELECT count(*), count(*) FILTER (WHERE confirmed_on >="
	    " date('now', '-1 year')) FROM org WHERE status = 'listed'",
	/*
	 * Proposed changes (entry.c): an application whose row holds new values for entry
	 * `updates`. Approving it copies them over (with the languages and interests, as JSON
	 * arrays of codes for the statements that set them), confirmed today.
	 */
	AT(STMT_APPLICATION_SET_UPDATES) = "UPDATE application SET updates = ?2 WHERE org_id = ?1",
	AT(STMT_APPLICATION_UPDATES) = "SELECT a.updates, a.reference,"
	    " (SELECT json_group_array(lang) FROM org_language WHERE org_id = a.org_id),"
	    " (SELECT json_group_array(interest) FROM org_interest WHERE org_id = a.org_id)"
	    " FROM application a WHERE a.org_id = ?1 AND a.updates IS NOT NULL",
	AT(STMT_ORG_MERGE) = "UPDATE org SET (name, name_en, kind, type, country, region, city, website,"
	    " description, seeking, seeking_text, seeks, commitment, ages, timezone, utc_offset_min,"
	    " contact_name, contact_email, email_public) = (SELECT name, name_en, kind, type, country,"
	    " region, city, website, description, seeking, seeking_text, seeks, commitment, ages,"
	    " timezone, utc_offset_min, contact_name, contact_email, email_public FROM org"
	    " WHERE id = ?2), confirmed_on = date('now') WHERE id = ?1",
	/*
	 * Import batches (import.c, schema 016). A file already imported is found by its hash
	 * while its batch stands. The activities a batch added are those after the last id
	 * before the import (?2), all of them written inside the import's one transaction. A
	 * likely duplicate matches an activity recorded before the import (id <= ?1) on its
	 * partnership, day, type, format, sessions and every attendance count.
	 */
#define BATCH_COLUMNS "id, kind, file_name, actor, created_at, rows, duplicates, undone_at, undone_by"
	AT(STMT_IMPORT_BATCH_BY_HASH) = "SELECT " BATCH_COLUMNS " FROM import_batch"
	    " WHERE kind = ?1 AND file_hash = ?2 AND undone_at IS NULL ORDER BY id LIMIT 1",
	AT(STMT_IMPORT_BATCH_INSERT) = "INSERT INTO import_batch (kind, file_name, file_hash, actor, rows,"
	    " duplicates) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
	AT(STMT_IMPORT_BATCH_LINK) = "INSERT INTO import_batch_activity (batch_id, activity_id)"
	    " SELECT ?1, id FROM activity WHERE id > ?2",
	AT(STMT_IMPORT_DUPLICATE) = "SELECT id FROM activity WHERE partnership_id = ?2 AND held_on = ?3"
	    " AND id <= ?1 AND type = ?4 AND format = ?5 AND sessions = ?6 AND att_0_5_in = ?7"
	    " AND att_6_11_in = ?8 AND att_12_18_in = ?9 AND att_adult_in = ?10 AND att_all_in = ?11"
	    " AND att_0_5_virt = ?12 AND att_6_11_virt = ?13 AND att_12_18_virt = ?14"
	    " AND att_adult_virt = ?15 AND att_all_virt = ?16 LIMIT 1",
	AT(STMT_IMPORT_BATCH_GET) = "SELECT " BATCH_COLUMNS " FROM import_batch WHERE id = ?1",
	AT(STMT_IMPORT_BATCH_LIST) = "SELECT " BATCH_COLUMNS " FROM import_batch ORDER BY id DESC LIMIT ?1",
	AT(STMT_IMPORT_BATCH_DELETE_ROWS) = "DELETE FROM activity WHERE id IN"
	    " (SELECT activity_id FROM import_batch_activity WHERE batch_id = ?1)",
	AT(STMT_IMPORT_BATCH_UNDONE) = "UPDATE import_batch SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
	    " undone_by = ?2 WHERE id = ?1 AND undone_at IS NULL",
	/*
	 * A preview (import.c): what the rows written so far in the import's transaction (id > ?1)
	 * add, per partnership, before the transaction is rolled back.
	 */
	AT(STMT_IMPORT_SUMMARY) = "SELECT a.partnership_id, h.name || ' – ' || q.name, count(*),"
	    " sum(a.sessions), sum(a.attendance_in_person + a.attendance_virtual), sum(a.staff_minutes),"
	    " sum(a.volunteer_minutes), sum(a.library_cost_cents), sum(a.partner_cost_cents),"
	    " sum(a.in_kind_cents), sum(a.materials)"
	    " FROM activity_counted a JOIN partnership p ON p.id = a.partnership_id"
	    " JOIN org h ON h.id = p.host_id JOIN org q ON q.id = p.partner_id"
	    " WHERE a.id > ?1 GROUP BY a.partnership_id ORDER BY a.partnership_id",
	/*
	 * A batch's activities edited since the import (importbatch.c): the staff form audits
	 * each save as "edited activity" with the note "activity N" (record.c). Only events from
	 * the batch's own time on count, so an id SQLite reused after a delete is not mistaken
	 * for an edited one. The bare actor is the latest editor's (SQLite takes it from max()'s row).
	 */
	AT(STMT_IMPORT_BATCH_EDITED) = "SELECT a.id, a.partnership_id, a.held_on, a.type, count(*),"
	    " max(au.at), au.actor"
	    " FROM import_batch b JOIN import_batch_activity ba ON ba.batch_id = b.id"
	    " JOIN activity a ON a.id = ba.activity_id"
	    " JOIN audit au ON au.partnership_id = a.partnership_id AND au.action = 'edited activity'"
	    " AND au.note = 'activity ' || a.id AND au.at >= b.created_at"
	    " WHERE b.id = ?1 GROUP BY a.id ORDER BY a.id",
	/*
	 * Uploads waiting for their preview to be confirmed (schema 017): an hour at most, the
	 * last four of an account, used once.
	 */
	AT(STMT_IMPORT_PENDING_EXPIRE) = "DELETE FROM import_pending"
	    " WHERE created_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 hour')",
	AT(STMT_IMPORT_PENDING_TRIM) = "DELETE FROM import_pending WHERE actor = ?1 AND id NOT IN"
	    " (SELECT id FROM import_pending WHERE actor = ?1 ORDER BY id DESC LIMIT 3)",
	AT(STMT_IMPORT_PENDING_INSERT) = "INSERT INTO import_pending (token_hash, actor, kind, file_name,"
	    " date_order, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	AT(STMT_IMPORT_PENDING_GET) = "SELECT id, kind, file_name, date_order, content FROM import_pending"
	    " WHERE token_hash = ?1 AND actor = ?2"
	    " AND created_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 hour')",
	AT(STMT_IMPORT_PENDING_DELETE) = "DELETE FROM import_pending WHERE id = ?1",

	/* A partnership's yearly review (schema 020): one per fiscal year, saved again it is replaced. */
	AT(STMT_REVIEW_UPSERT) = "INSERT INTO partnership_review (partnership_id, fiscal_year, reviewed_on,"
	    " communication, commitment, give_and_take, decision, note, reviewed_by)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	    " ON CONFLICT (partnership_id, fiscal_year) DO UPDATE SET reviewed_on = excluded.reviewed_on,"
	    " communication = excluded.communication, commitment = excluded.commitment,"
	    " give_and_take = excluded.give_and_take, decision = excluded.decision, note = excluded.note,"
	    " reviewed_by = excluded.reviewed_by RETURNING id",
	AT(STMT_REVIEW_GOALS_CLEAR) = "DELETE FROM partnership_review_goal WHERE review_id = ?1",
	AT(STMT_REVIEW_GOAL_INSERT) = "INSERT INTO partnership_review_goal (review_id, position, goal, score)"
	    " VALUES (?1, ?2, ?3, ?4)",
	AT(STMT_REVIEW_LIST) = "SELECT id, fiscal_year, reviewed_on, communication, commitment, give_and_take,"
	    " decision, note, reviewed_by FROM partnership_review WHERE partnership_id = ?1"
	    " AND (?2 = 0 OR fiscal_year = ?2) ORDER BY fiscal_year DESC",
	AT(STMT_REVIEW_GOALS) = "SELECT position, goal, score FROM partnership_review_goal WHERE review_id = ?1"
	    " ORDER BY position",
	/* What the audit log compares: a year's review as one row, its goals' scores in one column. */
	AT(STMT_REVIEW_SNAPSHOT) = "SELECT r.fiscal_year, r.reviewed_on, r.communication, r.commitment,"
	    " r.give_and_take, r.decision, r.note, (SELECT group_concat(g.position || ': ' || g.score, '; ')"
	    " FROM partnership_review_goal g WHERE g.review_id = r.id) AS goals"
	    " FROM partnership_review r WHERE r.id = ?1",
};
