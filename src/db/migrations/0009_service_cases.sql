CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service` text NOT NULL,
	`reference` text NOT NULL,
	`wa_id` text NOT NULL,
	`status` text NOT NULL,
	`language` text NOT NULL,
	`fields` text NOT NULL,
	`fee_paise` integer DEFAULT 0 NOT NULL,
	`fee_rule` text,
	`rejection_reason` text,
	`assigned_to` integer,
	`sla_due_at` integer,
	`status_at` integer NOT NULL,
	`source_message_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference_uq` ON `cases` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_source_uq` ON `cases` (`source_message_id`);--> statement-breakpoint
CREATE INDEX `cases_wa_id_idx` ON `cases` (`wa_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `cases_service_status_idx` ON `cases` (`service`,`status`);