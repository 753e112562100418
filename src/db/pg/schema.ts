import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { paymentStatuses } from '../../domain/enums.js';
import { epochMs } from './epoch-ms-timestamp.js';

// The PostgreSQL mirror of src/db/schema.ts: the same tables, columns and indexes under
// the same names (src/db/pg/schema-parity.test.ts fails on a difference). Types are
// PostgreSQL's own: timestamptz (read and written as epoch ms, like SQLite's integers),
// bigserial ids, boolean, jsonb. What SQLite does with FTS5 and triggers is in the
// custom migrations of src/db/pg-migrations (pg_trgm, the erasure-reply trigger).

/** an id column referencing a bigserial id: a JS number (ids stay far below 2^53) */
const id = (name: string) => bigint(name, { mode: 'number' });

export const citizens = pgTable('citizens', {
  waId: text('wa_id').primaryKey(),
  name: text('name'),
  language: text('language', { enum: ['en', 'hi', 'hinglish'] })
    .notNull()
    .default('hi'),
  languageChosen: boolean('language_chosen').notNull().default(false),
  privacyNoticeAt: epochMs('privacy_notice_at'),
  lastInboundAt: epochMs('last_inbound_at'),
  handoff: text('handoff', { enum: ['none', 'queued', 'human'] })
    .notNull()
    .default('none'),
  handoffAt: epochMs('handoff_at'),
  handoffOfficerId: id('handoff_officer_id'),
  createdAt: epochMs('created_at').notNull().default(sql`now()`),
});

export const conversations = pgTable(
  'conversations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    waId: text('wa_id').notNull(),
    startedAt: epochMs('started_at').notNull(),
    lastMessageAt: epochMs('last_message_at').notNull(),
    language: text('language', { enum: ['en', 'hi', 'hinglish'] }),
    service: text('service'),
    outcome: text('outcome'),
    fellBack: boolean('fell_back').notNull().default(false),
    needsHuman: boolean('needs_human').notNull().default(false),
    flagged: boolean('flagged').notNull().default(false),
    engine: text('engine'),
    closedAt: epochMs('closed_at'),
  },
  (t) => [index('conversations_wa_id_idx').on(t.waId, t.lastMessageAt)],
);

export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    waId: text('wa_id').notNull(),
    conversationId: id('conversation_id').references(() => conversations.id),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    kind: text('kind').notNull(),
    text: text('text'),
    payload: jsonb('payload'),
    wamid: text('wamid'),
    // Meta's send time of an inbound message in epoch seconds, as the webhook gives it
    waTimestamp: bigint('wa_timestamp', { mode: 'number' }),
    processStatus: text('process_status', { enum: ['pending', 'done', 'failed'] }),
    processedAt: epochMs('processed_at'),
    inReplyTo: id('in_reply_to'),
    seq: integer('seq'),
    sendStatus: text('send_status', {
      enum: ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'simulated'],
    }),
    attempts: integer('attempts').notNull().default(0),
    // queued: when the row may be sent; sending: when its lease ends (src/coordination/pg-outbox-claim.ts)
    nextAttemptAt: epochMs('next_attempt_at'),
    lastError: text('last_error'),
    statusAt: epochMs('status_at'),
    turnId: id('turn_id'),
    sentBy: text('sent_by'),
    purpose: text('purpose'),
    createdAt: epochMs('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('messages_wamid_uq').on(t.wamid),
    uniqueIndex('messages_reply_seq_uq').on(t.inReplyTo, t.seq),
    index('messages_pending_idx').on(t.waId, t.id).where(sql`process_status = 'pending'`),
    index('messages_queued_idx').on(t.nextAttemptAt).where(sql`send_status = 'queued'`),
    index('messages_sending_idx').on(t.nextAttemptAt).where(sql`send_status = 'sending'`),
    // each citizen's oldest unsent row (SQLite has it from migration 0002, outside schema.ts)
    index('messages_unsent_idx').on(t.waId, t.id).where(sql`send_status in ('queued', 'sending')`),
    index('messages_conversation_idx').on(t.conversationId, t.id),
    index('messages_wa_id_idx').on(t.waId, t.id),
    // transcript search, where SQLite has the FTS5 trigram table messages_fts: trigrams index
    // Devanagari and romanized Hindi alike, and `text ilike '%…%'` uses this index
    index('messages_text_trgm_idx').using('gin', t.text.op('gin_trgm_ops')),
  ],
);

export const turns = pgTable(
  'turns',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    inboundId: id('inbound_id')
      .notNull()
      .references(() => messages.id),
    conversationId: id('conversation_id').references(() => conversations.id),
    waId: text('wa_id').notNull(),
    engine: text('engine').notNull(),
    model: text('model'),
    fellBack: boolean('fell_back').notNull().default(false),
    fallbackReason: text('fallback_reason'),
    language: text('language'),
    intent: text('intent'),
    steps: jsonb('steps').notNull(),
    latencyMs: integer('latency_ms').notNull(),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    createdAt: epochMs('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('turns_inbound_uq').on(t.inboundId),
    index('turns_conversation_idx').on(t.conversationId),
  ],
);

export const dialogueStates = pgTable('dialogue_states', {
  waId: text('wa_id').primaryKey(),
  engineState: jsonb('engine_state'),
  pendingAction: jsonb('pending_action'),
  updatedAt: epochMs('updated_at').notNull(),
});

export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});

export const cases = pgTable(
  'cases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    service: text('service').notNull(),
    reference: text('reference').notNull(),
    waId: text('wa_id').notNull(),
    status: text('status').notNull(),
    language: text('language').notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    feePaise: bigint('fee_paise', { mode: 'number' }).notNull().default(0),
    feeRule: text('fee_rule'),
    rejectionReason: text('rejection_reason'),
    assignedTo: id('assigned_to'),
    slaDueAt: epochMs('sla_due_at'),
    statusAt: epochMs('status_at').notNull(),
    sourceMessageId: id('source_message_id'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_reference_uq').on(t.reference),
    uniqueIndex('cases_source_uq').on(t.sourceMessageId),
    index('cases_wa_id_idx').on(t.waId, t.createdAt),
    index('cases_service_status_idx').on(t.service, t.status),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    waId: text('wa_id').notNull(),
    messageId: id('message_id')
      .notNull()
      .references(() => messages.id),
    caseId: id('case_id').references(() => cases.id),
    mediaId: text('media_id').notNull(),
    mimeType: text('mime_type'),
    sha256: text('sha256'),
    caption: text('caption'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('attachments_wa_id_idx').on(t.waId, t.caseId)],
);

export const payments = pgTable(
  'payments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reference: text('reference').notNull(),
    waId: text('wa_id').notNull(),
    forReference: text('for_reference'),
    purpose: text('purpose').notNull(),
    amountPaise: bigint('amount_paise', { mode: 'number' }).notNull(),
    status: text('status', { enum: paymentStatuses }).notNull().default('pending'),
    upiUri: text('upi_uri').notNull(),
    mediaToken: text('media_token').notNull(),
    providerTxnId: text('provider_txn_id'),
    paidAt: epochMs('paid_at'),
    checkout: text('checkout', { enum: ['qr', 'whatsapp'] })
      .notNull()
      .default('qr'),
    waPaymentStatus: text('wa_payment_status'),
    waPaymentStatusAt: epochMs('wa_payment_status_at'),
    orderStatusSentAt: epochMs('order_status_sent_at'),
    sourceMessageId: id('source_message_id'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('payments_reference_uq').on(t.reference),
    uniqueIndex('payments_media_token_uq').on(t.mediaToken),
    uniqueIndex('payments_provider_txn_uq').on(t.providerTxnId),
    uniqueIndex('payments_source_uq').on(t.sourceMessageId),
    index('payments_wa_id_idx').on(t.waId, t.createdAt),
  ],
);

export const mediaFiles = pgTable(
  'media_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    waId: text('wa_id').notNull(),
    messageId: id('message_id'),
    mediaId: text('media_id').notNull(),
    kind: text('kind', { enum: ['image', 'document', 'audio'] }).notNull(),
    mimeType: text('mime_type'),
    expectedSha256: text('expected_sha256'),
    caption: text('caption'),
    fileName: text('file_name'),
    status: text('status', { enum: ['pending', 'stored', 'failed'] })
      .notNull()
      .default('pending'),
    sha256: text('sha256'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: epochMs('next_attempt_at'),
    lastError: text('last_error'),
    transcript: text('transcript'),
    storedAt: epochMs('stored_at'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('media_files_media_id_uq').on(t.mediaId),
    index('media_files_due_idx').on(t.status, t.nextAttemptAt),
    index('media_files_message_idx').on(t.messageId),
    index('media_files_wa_id_idx').on(t.waId),
    index('media_files_sha_idx').on(t.sha256),
  ],
);

export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseType: text('case_type', { enum: ['application', 'complaint', 'case'] }).notNull(),
    caseId: id('case_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: id('actor_user_id'),
    note: text('note'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseType, t.caseId)],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseType: text('case_type', { enum: ['application', 'complaint', 'case'] }).notNull(),
    caseId: id('case_id').notNull(),
    authorUserId: id('author_user_id').notNull(),
    body: text('body').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseType, t.caseId)],
);

export const staffUsers = pgTable(
  'staff_users',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['reviewer', 'officer', 'admin'] }).notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('staff_users_username_lower_uq').on(sql`lower(${t.username})`)],
);

export const staffSessions = pgTable('staff_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: id('user_id')
    .notNull()
    .references(() => staffUsers.id),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: epochMs('expires_at').notNull(),
  createdAt: epochMs('created_at').notNull(),
});

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    success: boolean('success').notNull(),
    at: epochMs('at').notNull(),
  },
  (t) => [index('login_attempts_key_idx').on(t.key, t.at)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: id('user_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: jsonb('detail'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt)],
);

export const annotations = pgTable(
  'annotations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    turnId: id('turn_id')
      .notNull()
      .references(() => turns.id),
    userId: id('user_id').notNull(),
    verdict: text('verdict', { enum: ['good', 'bad'] }).notNull(),
    label: text('label'),
    note: text('note'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('annotations_turn_idx').on(t.turnId)],
);

/** SQLite's erased_wamids (src/db/schema.ts): redeliveries of an erased citizen's messages are duplicates. */
export const erasedWamids = pgTable('erased_wamids', {
  wamidHash: text('wamid_hash').primaryKey(),
  erasedAt: epochMs('erased_at').notNull(),
});

export const erasures = pgTable('erasures', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  waIdHash: text('wa_id_hash').notNull(),
  requestedAt: epochMs('requested_at').notNull(),
  completedAt: epochMs('completed_at'),
});
