-- Indexing each message for search inside the insert cost more than the rest of the
-- webhook's write. The index now catches up in batches (src/db/search-index.ts), before
-- every staff search and every few seconds; a delete still removes what was indexed.
DROP TRIGGER IF EXISTS `messages_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `messages_fts_au`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `messages_fts_ad`;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_ad` AFTER DELETE ON `messages`
WHEN old.text IS NOT NULL AND old.id <= coalesce((SELECT value FROM counters WHERE name = 'search_indexed_id'), 0)
BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
--> statement-breakpoint
INSERT INTO counters(name, value) SELECT 'search_indexed_id', coalesce(max(id), 0) FROM messages WHERE true
ON CONFLICT(name) DO UPDATE SET value = excluded.value;
--> statement-breakpoint
-- the outbox's "each citizen's oldest unsent message" without scanning their history
CREATE INDEX `messages_unsent_idx` ON `messages` (`wa_id`, `id`) WHERE send_status IN ('queued', 'sending');
