CREATE TABLE "annotations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"turn_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"verdict" text NOT NULL,
	"label" text,
	"note" text,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wa_id" text NOT NULL,
	"message_id" bigint NOT NULL,
	"case_id" bigint,
	"media_id" text NOT NULL,
	"mime_type" text,
	"sha256" text,
	"caption" text,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"detail" jsonb,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_type" text NOT NULL,
	"case_id" bigint NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" bigint,
	"note" text,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_type" text NOT NULL,
	"case_id" bigint NOT NULL,
	"author_user_id" bigint NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"reference" text NOT NULL,
	"wa_id" text NOT NULL,
	"status" text NOT NULL,
	"language" text NOT NULL,
	"fields" jsonb NOT NULL,
	"fee_paise" bigint DEFAULT 0 NOT NULL,
	"fee_rule" text,
	"rejection_reason" text,
	"assigned_to" bigint,
	"sla_due_at" timestamp(3) with time zone,
	"status_at" timestamp(3) with time zone NOT NULL,
	"source_message_id" bigint,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"wa_id" text PRIMARY KEY NOT NULL,
	"name" text,
	"language" text DEFAULT 'hi' NOT NULL,
	"language_chosen" boolean DEFAULT false NOT NULL,
	"privacy_notice_at" timestamp(3) with time zone,
	"last_inbound_at" timestamp(3) with time zone,
	"handoff" text DEFAULT 'none' NOT NULL,
	"handoff_at" timestamp(3) with time zone,
	"handoff_officer_id" bigint,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wa_id" text NOT NULL,
	"started_at" timestamp(3) with time zone NOT NULL,
	"last_message_at" timestamp(3) with time zone NOT NULL,
	"language" text,
	"service" text,
	"outcome" text,
	"fell_back" boolean DEFAULT false NOT NULL,
	"needs_human" boolean DEFAULT false NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"engine" text,
	"closed_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_states" (
	"wa_id" text PRIMARY KEY NOT NULL,
	"engine_state" jsonb,
	"pending_action" jsonb,
	"updated_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erasures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wa_id_hash" text NOT NULL,
	"requested_at" timestamp(3) with time zone NOT NULL,
	"completed_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"success" boolean NOT NULL,
	"at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wa_id" text NOT NULL,
	"message_id" bigint,
	"media_id" text NOT NULL,
	"kind" text NOT NULL,
	"mime_type" text,
	"expected_sha256" text,
	"caption" text,
	"file_name" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"sha256" text,
	"size_bytes" bigint,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp(3) with time zone,
	"last_error" text,
	"transcript" text,
	"stored_at" timestamp(3) with time zone,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wa_id" text NOT NULL,
	"conversation_id" bigint,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"text" text,
	"payload" jsonb,
	"wamid" text,
	"wa_timestamp" bigint,
	"process_status" text,
	"processed_at" timestamp(3) with time zone,
	"in_reply_to" bigint,
	"seq" integer,
	"send_status" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp(3) with time zone,
	"last_error" text,
	"status_at" timestamp(3) with time zone,
	"turn_id" bigint,
	"sent_by" text,
	"purpose" text,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"wa_id" text NOT NULL,
	"for_reference" text,
	"purpose" text NOT NULL,
	"amount_paise" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"upi_uri" text NOT NULL,
	"media_token" text NOT NULL,
	"provider_txn_id" text,
	"paid_at" timestamp(3) with time zone,
	"checkout" text DEFAULT 'qr' NOT NULL,
	"wa_payment_status" text,
	"wa_payment_status_at" timestamp(3) with time zone,
	"order_status_sent_at" timestamp(3) with time zone,
	"source_message_id" bigint,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"csrf_token" text NOT NULL,
	"expires_at" timestamp(3) with time zone NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "turns" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inbound_id" bigint NOT NULL,
	"conversation_id" bigint,
	"wa_id" text NOT NULL,
	"engine" text NOT NULL,
	"model" text,
	"fell_back" boolean DEFAULT false NOT NULL,
	"fallback_reason" text,
	"language" text,
	"intent" text,
	"steps" jsonb NOT NULL,
	"latency_ms" integer NOT NULL,
	"prompt_tokens" integer DEFAULT 0 NOT NULL,
	"completion_tokens" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_turn_id_turns_id_fk" FOREIGN KEY ("turn_id") REFERENCES "public"."turns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "turns" ADD CONSTRAINT "turns_inbound_id_messages_id_fk" FOREIGN KEY ("inbound_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "turns" ADD CONSTRAINT "turns_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annotations_turn_idx" ON "annotations" USING btree ("turn_id");--> statement-breakpoint
CREATE INDEX "attachments_wa_id_idx" ON "attachments" USING btree ("wa_id","case_id");--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_type","case_id");--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_type","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_reference_uq" ON "cases" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_source_uq" ON "cases" USING btree ("source_message_id");--> statement-breakpoint
CREATE INDEX "cases_wa_id_idx" ON "cases" USING btree ("wa_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_service_status_idx" ON "cases" USING btree ("service","status");--> statement-breakpoint
CREATE INDEX "conversations_wa_id_idx" ON "conversations" USING btree ("wa_id","last_message_at");--> statement-breakpoint
CREATE INDEX "login_attempts_key_idx" ON "login_attempts" USING btree ("key","at");--> statement-breakpoint
CREATE UNIQUE INDEX "media_files_media_id_uq" ON "media_files" USING btree ("media_id");--> statement-breakpoint
CREATE INDEX "media_files_due_idx" ON "media_files" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "media_files_message_idx" ON "media_files" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "media_files_wa_id_idx" ON "media_files" USING btree ("wa_id");--> statement-breakpoint
CREATE INDEX "media_files_sha_idx" ON "media_files" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_wamid_uq" ON "messages" USING btree ("wamid");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_reply_seq_uq" ON "messages" USING btree ("in_reply_to","seq");--> statement-breakpoint
CREATE INDEX "messages_pending_idx" ON "messages" USING btree ("wa_id","id") WHERE process_status = 'pending';--> statement-breakpoint
CREATE INDEX "messages_queued_idx" ON "messages" USING btree ("next_attempt_at") WHERE send_status = 'queued';--> statement-breakpoint
CREATE INDEX "messages_sending_idx" ON "messages" USING btree ("next_attempt_at") WHERE send_status = 'sending';--> statement-breakpoint
CREATE INDEX "messages_unsent_idx" ON "messages" USING btree ("wa_id","id") WHERE send_status in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "messages_conversation_idx" ON "messages" USING btree ("conversation_id","id");--> statement-breakpoint
CREATE INDEX "messages_wa_id_idx" ON "messages" USING btree ("wa_id","id");--> statement-breakpoint
CREATE INDEX "messages_text_trgm_idx" ON "messages" USING gin ("text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "payments_reference_uq" ON "payments" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_media_token_uq" ON "payments" USING btree ("media_token");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_txn_uq" ON "payments" USING btree ("provider_txn_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_source_uq" ON "payments" USING btree ("source_message_id");--> statement-breakpoint
CREATE INDEX "payments_wa_id_idx" ON "payments" USING btree ("wa_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_username_lower_uq" ON "staff_users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "turns_inbound_uq" ON "turns" USING btree ("inbound_id");--> statement-breakpoint
CREATE INDEX "turns_conversation_idx" ON "turns" USING btree ("conversation_id");