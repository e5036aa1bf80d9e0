-- 015: a placeholder, so that the numbers have no gap: another change (in progress when 016
-- was written) takes this number. It does nothing.
SELECT 1;
