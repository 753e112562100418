DROP INDEX `staff_users_username_uq`;--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_username_lower_uq` ON `staff_users` (lower("username"));