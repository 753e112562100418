CREATE TABLE `erased_wamids` (
	`wamid_hash` text PRIMARY KEY NOT NULL,
	`erased_at` integer NOT NULL
);
