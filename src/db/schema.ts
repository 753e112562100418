import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { paymentStatuses } from '../domain/enums.js';

// Timestamps are epoch milliseconds (integer) everywhere: cheap to compare and index,
// turned into ISO strings only at the API edge.
const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** A citizen, identified by WhatsApp id (wa_id). Language is what we reply in. */
export const citizens = sqliteTable('citizens', {
  waId: text('wa_id').primaryKey(),
  name: text('name'),
  language: text('language', { enum: ['en', 'hi', 'hinglish'] })
    .notNull()
    .default('hi'),
  // true once the citizen chose a language explicitly; detection then no longer overrides it
  languageChosen: integer('language_chosen', { mode: 'boolean' }).notNull().default(false),
  privacyNoticeAt: integer('privacy_notice_at'),
  lastInboundAt: integer('last_inbound_at'),
  handoff: text('handoff', { enum: ['none', 'queued', 'human'] })
    .notNull()
    .default('none'),
  handoffAt: integer('handoff_at'),
  handoffOfficerId: integer('handoff_officer_id'),
  createdAt: integer('created_at').notNull().default(now),
});

/** A conversation: the messages of one citizen until 24 h of silence. */
export const conversations = sqliteTable(
  'conversations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    waId: text('wa_id').notNull(),
    startedAt: integer('started_at').notNull(),
    lastMessageAt: integer('last_message_at').notNull(),
    language: text('language', { enum: ['en', 'hi', 'hinglish'] }),
    service: text('service'),
    outcome: text('outcome'),
    fellBack: integer('fell_back', { mode: 'boolean' }).notNull().default(false),
    needsHuman: integer('needs_human', { mode: 'boolean' }).notNull().default(false),
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
    engine: text('engine'),
    closedAt: integer('closed_at'),
  },
  (t) => [index('conversations_wa_id_idx').on(t.waId, t.lastMessageAt)],
);

/**
 * Every message, in and out. Inbound rows are the durable inbox (processStatus);
 * outbound rows are the outbox (sendStatus). One table so a transcript is one query.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    waId: text('wa_id').notNull(),
    conversationId: integer('conversation_id').references(() => conversations.id),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    kind: text('kind').notNull(),
    text: text('text'),
    payload: text('payload', { mode: 'json' }),
    // inbound: Meta's wamid (unique: the same delivery twice is one row); outbound: the wamid Graph returned
    wamid: text('wamid'),
    waTimestamp: integer('wa_timestamp'),
    processStatus: text('process_status', { enum: ['pending', 'done', 'failed'] }),
    processedAt: integer('processed_at'),
    inReplyTo: integer('in_reply_to'),
    seq: integer('seq'),
    sendStatus: text('send_status', {
      enum: ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'simulated'],
    }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    lastError: text('last_error'),
    statusAt: integer('status_at'),
    turnId: integer('turn_id'),
    sentBy: text('sent_by'),
    // outbound: what the message is for ('status_update' | 'payment_receipt' | 'reminder'), so
    // outside the 24-hour window the outbox can send that purpose's approved template instead
    purpose: text('purpose'),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('messages_wamid_uq').on(t.wamid),
    uniqueIndex('messages_reply_seq_uq').on(t.inReplyTo, t.seq),
    // Partial indexes hold only the rows in flight: a turn's mark 'done' and Meta's three
    // receipts per reply (sent, delivered, read) then touch no index entry, where full
    // indexes led by the status moved an entry at each change. The queries repeat each
    // WHERE term verbatim (SQLite's rule for using a partial index).
    index('messages_pending_idx').on(t.waId, t.id).where(sql`process_status = 'pending'`),
    index('messages_queued_idx').on(t.nextAttemptAt).where(sql`send_status = 'queued'`),
    index('messages_sending_idx').on(t.nextAttemptAt).where(sql`send_status = 'sending'`),
    index('messages_conversation_idx').on(t.conversationId, t.id),
    index('messages_wa_id_idx').on(t.waId, t.id),
  ],
);

/** One agent turn: the engine's steps for one inbound message (the transcript's detail). */
export const turns = sqliteTable(
  'turns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inboundId: integer('inbound_id')
      .notNull()
      .references(() => messages.id),
    conversationId: integer('conversation_id').references(() => conversations.id),
    waId: text('wa_id').notNull(),
    engine: text('engine').notNull(),
    model: text('model'),
    fellBack: integer('fell_back', { mode: 'boolean' }).notNull().default(false),
    fallbackReason: text('fallback_reason'),
    language: text('language'),
    intent: text('intent'),
    steps: text('steps', { mode: 'json' }).notNull(),
    latencyMs: integer('latency_ms').notNull(),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('turns_inbound_uq').on(t.inboundId),
    index('turns_conversation_idx').on(t.conversationId),
  ],
);

/** Per-citizen agent state that must survive restarts: the offline engine's draft and the pending confirmation. */
export const dialogueStates = sqliteTable('dialogue_states', {
  waId: text('wa_id').primaryKey(),
  engineState: text('engine_state', { mode: 'json' }),
  pendingAction: text('pending_action', { mode: 'json' }),
  updatedAt: integer('updated_at').notNull(),
});

/** Monotonic counters behind readable references (BC-2026-000123). */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

/**
 * The cases of every service defined in src/services/ (birth, complaint, caste, income, death, …): one row a
 * submission, its fields as JSON validated by the service's zod schema on write. A new
 * service needs no migration.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    service: text('service').notNull(),
    reference: text('reference').notNull(),
    waId: text('wa_id').notNull(),
    status: text('status').notNull(),
    language: text('language').notNull(),
    fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    feePaise: integer('fee_paise').notNull().default(0),
    feeRule: text('fee_rule'),
    rejectionReason: text('rejection_reason'),
    assignedTo: integer('assigned_to'),
    slaDueAt: integer('sla_due_at'),
    statusAt: integer('status_at').notNull(),
    // the confirming inbound message: a re-processed message finds its case instead of making a second
    sourceMessageId: integer('source_message_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_reference_uq').on(t.reference),
    uniqueIndex('cases_source_uq').on(t.sourceMessageId),
    index('cases_wa_id_idx').on(t.waId, t.createdAt),
    index('cases_service_status_idx').on(t.service, t.status),
  ],
);

/** Photos (and other media) a citizen sent; attached to the case (a complaint, a service's documents) filed with them. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    waId: text('wa_id').notNull(),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id),
    // the case (a hospital complaint, or any service's documents) the file is attached to
    caseId: integer('case_id').references(() => cases.id),
    mediaId: text('media_id').notNull(),
    mimeType: text('mime_type'),
    sha256: text('sha256'),
    caption: text('caption'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('attachments_wa_id_idx').on(t.waId, t.caseId)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull(),
    waId: text('wa_id').notNull(),
    forReference: text('for_reference'),
    purpose: text('purpose').notNull(),
    amountPaise: integer('amount_paise').notNull(),
    status: text('status', { enum: paymentStatuses }).notNull().default('pending'),
    upiUri: text('upi_uri').notNull(),
    // unguessable path segment of the QR image under /media/
    mediaToken: text('media_token').notNull(),
    providerTxnId: text('provider_txn_id'),
    paidAt: integer('paid_at'),
    // 'qr' (UPI QR image) or 'whatsapp' (native order_details checkout)
    checkout: text('checkout', { enum: ['qr', 'whatsapp'] })
      .notNull()
      .default('qr'),
    // the last WhatsApp payment status seen (pending|captured|failed) and when; drives reconciliation
    waPaymentStatus: text('wa_payment_status'),
    waPaymentStatusAt: integer('wa_payment_status_at'),
    orderStatusSentAt: integer('order_status_sent_at'),
    sourceMessageId: integer('source_message_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('payments_reference_uq').on(t.reference),
    uniqueIndex('payments_media_token_uq').on(t.mediaToken),
    uniqueIndex('payments_provider_txn_uq').on(t.providerTxnId),
    uniqueIndex('payments_source_uq').on(t.sourceMessageId),
    index('payments_wa_id_idx').on(t.waId, t.createdAt),
  ],
);

/**
 * Inbound media (photos, documents, voice notes): Meta's media id, and once fetched, the bytes'
 * sha256, under which the file is stored content-addressed in MEDIA_DIR. Pending rows are the
 * fetch job's queue (Meta's ids expire after 7 days, their download URLs after 5 minutes).
 */
export const mediaFiles = sqliteTable(
  'media_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    waId: text('wa_id').notNull(),
    messageId: integer('message_id'),
    mediaId: text('media_id').notNull(),
    kind: text('kind', { enum: ['image', 'document', 'audio'] }).notNull(),
    mimeType: text('mime_type'),
    // what the webhook said the file hashes to (hex or base64), checked again after download
    expectedSha256: text('expected_sha256'),
    caption: text('caption'),
    fileName: text('file_name'),
    status: text('status', { enum: ['pending', 'stored', 'failed'] })
      .notNull()
      .default('pending'),
    sha256: text('sha256'),
    sizeBytes: integer('size_bytes'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    lastError: text('last_error'),
    transcript: text('transcript'),
    storedAt: integer('stored_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('media_files_media_id_uq').on(t.mediaId),
    index('media_files_due_idx').on(t.status, t.nextAttemptAt),
    index('media_files_message_idx').on(t.messageId),
    index('media_files_wa_id_idx').on(t.waId),
    index('media_files_sha_idx').on(t.sha256),
  ],
);

/** Every status change of a case, by whom, and why (case_type 'case'; migration 0011 rewrote the old 'application' and 'complaint' rows). */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseType: text('case_type', { enum: ['application', 'complaint', 'case'] }).notNull(),
    caseId: integer('case_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: integer('actor_user_id'),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseType, t.caseId)],
);

export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseType: text('case_type', { enum: ['application', 'complaint', 'case'] }).notNull(),
    caseId: integer('case_id').notNull(),
    authorUserId: integer('author_user_id').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseType, t.caseId)],
);

export const staffUsers = sqliteTable(
  'staff_users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['reviewer', 'officer', 'admin'] }).notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
  },
  // unique whatever the case: "Asha" and "asha" would otherwise share one lockout
  (t) => [uniqueIndex('staff_users_username_lower_uq').on(sql`lower(${t.username})`)],
);

export const staffSessions = sqliteTable('staff_sessions', {
  // sha256 of the cookie value: a leaked database does not yield live sessions
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => staffUsers.id),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: integer('expires_at').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    success: integer('success', { mode: 'boolean' }).notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_attempts_key_idx').on(t.key, t.at)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: text('detail', { mode: 'json' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt)],
);

/** A reviewer's verdict on one turn. */
export const annotations = sqliteTable(
  'annotations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    turnId: integer('turn_id')
      .notNull()
      .references(() => turns.id),
    userId: integer('user_id').notNull(),
    verdict: text('verdict', { enum: ['good', 'bad'] }).notNull(),
    label: text('label'),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('annotations_turn_idx').on(t.turnId)],
);

/**
 * The inbound wamids of erased citizens, as SHA-256 hashes: with the messages gone, the inbox's
 * unique wamid no longer catches Meta's redeliveries (it retries for up to 7 days), which were
 * answered again and brought the erased text back. Kept 8 days (src/privacy/retention-job.ts).
 */
export const erasedWamids = sqliteTable('erased_wamids', {
  wamidHash: text('wamid_hash').primaryKey(),
  erasedAt: integer('erased_at').notNull(),
});

/** Data-deletion requests (DPDP Act), kept without personal data as proof they were honoured. */
export const erasures = sqliteTable('erasures', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  waIdHash: text('wa_id_hash').notNull(),
  requestedAt: integer('requested_at').notNull(),
  completedAt: integer('completed_at'),
});
