CREATE TABLE `media_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wa_id` text NOT NULL,
	`message_id` integer,
	`media_id` text NOT NULL,
	`kind` text NOT NULL,
	`mime_type` text,
	`expected_sha256` text,
	`caption` text,
	`file_name` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`sha256` text,
	`size_bytes` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`transcript` text,
	`stored_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_files_media_id_uq` ON `media_files` (`media_id`);--> statement-breakpoint
CREATE INDEX `media_files_due_idx` ON `media_files` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `media_files_message_idx` ON `media_files` (`message_id`);--> statement-breakpoint
CREATE INDEX `media_files_wa_id_idx` ON `media_files` (`wa_id`);--> statement-breakpoint
CREATE INDEX `media_files_sha_idx` ON `media_files` (`sha256`);--> statement-breakpoint
ALTER TABLE `messages` ADD `purpose` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `checkout` text DEFAULT 'qr' NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `wa_payment_status` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `wa_payment_status_at` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `order_status_sent_at` integer;