import { bigint, doublePrecision, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { epochMs } from './epoch-ms-timestamp.js';

// Tables only several instances on one PostgreSQL need (src/coordination/): SQLite has one
// process and keeps these in memory, so they have no mirror in src/db/schema.ts.

/**
 * Who is running a citizen's turns, until when. A row, not an advisory lock: a lease must
 * outlive no connection (a turn waits seconds on the model; a lock would pin a pooled
 * connection per citizen in a turn) and must expire by itself when its holder hangs.
 * `token` grows with every new holder: a holder whose lease was taken over finds its token
 * stale and does not commit its turn (fencing).
 */
export const turnLeases = pgTable('turn_leases', {
  waId: text('wa_id').primaryKey(),
  owner: text('owner').notNull(),
  token: bigint('token', { mode: 'number' }).notNull(),
  expiresAt: epochMs('expires_at').notNull(),
});

/** The send rate of one WhatsApp number, shared by every instance: a token bucket in a row. */
export const sendRateBuckets = pgTable('send_rate_buckets', {
  key: text('key').primaryKey(),
  // may go below zero: a taker that finds it negative waits until its token is due
  tokens: doublePrecision('tokens').notNull(),
  // microseconds: at 80 messages/s a refill rounded to the millisecond would drift by percents
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 6, mode: 'string' }).notNull(),
});
