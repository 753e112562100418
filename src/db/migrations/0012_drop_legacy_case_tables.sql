DROP TABLE `applications`;--> statement-breakpoint
DROP TABLE `complaints`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wa_id` text NOT NULL,
	`message_id` integer NOT NULL,
	`case_id` integer,
	`media_id` text NOT NULL,
	`mime_type` text,
	`sha256` text,
	`caption` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_attachments`("id", "wa_id", "message_id", "case_id", "media_id", "mime_type", "sha256", "caption", "created_at") SELECT "id", "wa_id", "message_id", "case_id", "media_id", "mime_type", "sha256", "caption", "created_at" FROM `attachments`;--> statement-breakpoint
DROP TABLE `attachments`;--> statement-breakpoint
ALTER TABLE `__new_attachments` RENAME TO `attachments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `attachments_wa_id_idx` ON `attachments` (`wa_id`,`case_id`);