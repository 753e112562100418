-- Erasure and retention must leave nothing readable: FTS5 then removes a deleted
-- message's tokens from the index at once, instead of keeping them in older segments
-- until the next merge. (secure_delete, set on every connection, zeroes freed space.)
INSERT INTO messages_fts(messages_fts, rank) VALUES ('secure-delete', 1);
