-- 013: PLACEHOLDER in the 'remind' branch only, so that its 014 applies (migrations have no
-- gaps). The 'contact' branch owns 013_contact.sql: at the merge, take that branch's file.
SELECT 1;
