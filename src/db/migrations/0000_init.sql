CREATE TABLE `annotations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`turn_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`verdict` text NOT NULL,
	`label` text,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`turn_id`) REFERENCES `turns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `annotations_turn_idx` ON `annotations` (`turn_id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`wa_id` text NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`child_name` text,
	`sex` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`place_of_birth_type` text NOT NULL,
	`place_of_birth` text NOT NULL,
	`mother_name` text NOT NULL,
	`father_name` text NOT NULL,
	`address` text NOT NULL,
	`district` text NOT NULL,
	`pin_code` text NOT NULL,
	`informant_name` text,
	`language` text NOT NULL,
	`fee_paise` integer DEFAULT 0 NOT NULL,
	`fee_rule` text NOT NULL,
	`rejection_reason` text,
	`assigned_to` integer,
	`sla_due_at` integer,
	`status_at` integer NOT NULL,
	`source_message_id` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_reference_uq` ON `applications` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `applications_source_uq` ON `applications` (`source_message_id`);--> statement-breakpoint
CREATE INDEX `applications_wa_id_idx` ON `applications` (`wa_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `applications_status_idx` ON `applications` (`status`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wa_id` text NOT NULL,
	`message_id` integer NOT NULL,
	`complaint_id` integer,
	`media_id` text NOT NULL,
	`mime_type` text,
	`sha256` text,
	`caption` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_wa_id_idx` ON `attachments` (`wa_id`,`complaint_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`detail` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_created_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_type` text NOT NULL,
	`case_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor_user_id` integer,
	`note` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_type`,`case_id`);--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_type` text NOT NULL,
	`case_id` integer NOT NULL,
	`author_user_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `case_notes_case_idx` ON `case_notes` (`case_type`,`case_id`);--> statement-breakpoint
CREATE TABLE `citizens` (
	`wa_id` text PRIMARY KEY NOT NULL,
	`name` text,
	`language` text DEFAULT 'hi' NOT NULL,
	`language_chosen` integer DEFAULT false NOT NULL,
	`privacy_notice_at` integer,
	`last_inbound_at` integer,
	`handoff` text DEFAULT 'none' NOT NULL,
	`handoff_at` integer,
	`handoff_officer_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`wa_id` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`hospital_name` text NOT NULL,
	`district` text NOT NULL,
	`category` text NOT NULL,
	`description` text NOT NULL,
	`incident_date` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`language` text NOT NULL,
	`rejection_reason` text,
	`assigned_to` integer,
	`sla_due_at` integer,
	`status_at` integer NOT NULL,
	`source_message_id` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_reference_uq` ON `complaints` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_source_uq` ON `complaints` (`source_message_id`);--> statement-breakpoint
CREATE INDEX `complaints_wa_id_idx` ON `complaints` (`wa_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `complaints_status_idx` ON `complaints` (`status`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wa_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`last_message_at` integer NOT NULL,
	`language` text,
	`service` text,
	`outcome` text,
	`fell_back` integer DEFAULT false NOT NULL,
	`needs_human` integer DEFAULT false NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`engine` text,
	`closed_at` integer
);
--> statement-breakpoint
CREATE INDEX `conversations_wa_id_idx` ON `conversations` (`wa_id`,`last_message_at`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dialogue_states` (
	`wa_id` text PRIMARY KEY NOT NULL,
	`engine_state` text,
	`pending_action` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `erasures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wa_id_hash` text NOT NULL,
	`requested_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`success` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_key_idx` ON `login_attempts` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wa_id` text NOT NULL,
	`conversation_id` integer,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`text` text,
	`payload` text,
	`wamid` text,
	`wa_timestamp` integer,
	`process_status` text,
	`processed_at` integer,
	`in_reply_to` integer,
	`seq` integer,
	`send_status` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`status_at` integer,
	`turn_id` integer,
	`sent_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_wamid_uq` ON `messages` (`wamid`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_reply_seq_uq` ON `messages` (`in_reply_to`,`seq`);--> statement-breakpoint
CREATE INDEX `messages_inbox_idx` ON `messages` (`process_status`,`wa_id`,`id`);--> statement-breakpoint
CREATE INDEX `messages_outbox_idx` ON `messages` (`send_status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `messages_conversation_idx` ON `messages` (`conversation_id`,`id`);--> statement-breakpoint
CREATE INDEX `messages_wa_id_idx` ON `messages` (`wa_id`,`id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`wa_id` text NOT NULL,
	`for_reference` text,
	`purpose` text NOT NULL,
	`amount_paise` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`upi_uri` text NOT NULL,
	`media_token` text NOT NULL,
	`provider_txn_id` text,
	`paid_at` integer,
	`source_message_id` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_reference_uq` ON `payments` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_media_token_uq` ON `payments` (`media_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_provider_txn_uq` ON `payments` (`provider_txn_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_source_uq` ON `payments` (`source_message_id`);--> statement-breakpoint
CREATE INDEX `payments_wa_id_idx` ON `payments` (`wa_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `staff_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_username_uq` ON `staff_users` (`username`);--> statement-breakpoint
CREATE TABLE `turns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inbound_id` integer NOT NULL,
	`conversation_id` integer,
	`wa_id` text NOT NULL,
	`engine` text NOT NULL,
	`model` text,
	`fell_back` integer DEFAULT false NOT NULL,
	`fallback_reason` text,
	`language` text,
	`intent` text,
	`steps` text NOT NULL,
	`latency_ms` integer NOT NULL,
	`prompt_tokens` integer DEFAULT 0 NOT NULL,
	`completion_tokens` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`inbound_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `turns_inbound_uq` ON `turns` (`inbound_id`);--> statement-breakpoint
CREATE INDEX `turns_conversation_idx` ON `turns` (`conversation_id`);