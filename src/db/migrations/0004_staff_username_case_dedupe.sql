-- Usernames become unique whatever their case (next migration). Accounts that differ only
-- in case get the id appended, all but the oldest, so the unique index can be built and
-- nobody loses an account; an admin can rename them. Idempotent: no duplicates, no change.
UPDATE staff_users SET username = username || '-' || id
WHERE id NOT IN (SELECT min(id) FROM staff_users GROUP BY lower(username));
