import { bigint, customType, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from './epoch-ms-timestamp.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The bytes of citizens' photos, documents and voice notes when the app runs on PostgreSQL,
 * by sha256 (the same content addressing as the files of MEDIA_DIR on SQLite). In the
 * database rather than an S3-compatible store by default: every instance reaches it with the
 * connection it already has, it is backed up, replicated and restored with the records that
 * point at it, and erasure deletes row and bytes in one place. WhatsApp caps media at 16 MB
 * (documents 100 MB) and a state's volume is gigabytes a month, well inside what PostgreSQL
 * stores as TOASTed bytea; an object store becomes worth its second system to run past that.
 * SQLite has no mirror of this table (its bytes stay files).
 */
export const mediaBlobs = pgTable('media_blobs', {
  sha256: text('sha256').primaryKey(),
  bytes: bytea('bytes').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  createdAt: epochMs('created_at').notNull(),
});
