CREATE TABLE "send_rate_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"updated_at" timestamp(6) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "turn_leases" (
	"wa_id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"token" bigint NOT NULL,
	"expires_at" timestamp(3) with time zone NOT NULL
);
