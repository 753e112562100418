DROP INDEX `messages_inbox_idx`;--> statement-breakpoint
DROP INDEX `messages_outbox_idx`;--> statement-breakpoint
CREATE INDEX `messages_pending_idx` ON `messages` (`wa_id`,`id`) WHERE process_status = 'pending';--> statement-breakpoint
CREATE INDEX `messages_queued_idx` ON `messages` (`next_attempt_at`) WHERE send_status = 'queued';--> statement-breakpoint
CREATE INDEX `messages_sending_idx` ON `messages` (`next_attempt_at`) WHERE send_status = 'sending';