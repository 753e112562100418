import { and, desc, eq, gt, lt, or, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { PendingAction } from '../agent/engine.js';
import { epochMsOf } from '../coordination/pg-queryable.js';
import { commitUnderLease, type TurnLease } from '../coordination/pg-turn-lease.js';
import type { PgDb } from '../db/pg/open-pg.js';
import { pgSchema } from '../db/pg/open-pg.js';
import type { Lang } from '../lang/language.js';
import { enqueueOutboundOp } from '../outbox/enqueue-outbound.js';
import { eraseCitizenOp } from '../privacy/erase-citizen.js';
import { exec, first, num, type Op, type Q, rows } from '../storage/operation.js';
import { type PgStore, pgDialect, runAsync } from '../storage/pg-store.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import { quotedTap, staleTapReplyOp } from '../whatsapp/quoted-reply.js';
import {
  type CitizenRow,
  type ConversationRow,
  historyItems,
  type InboundRow,
  type TurnStore,
  type TurnWrite,
} from './turn-store.js';

const citizenOp = (waId: string) =>
  function* ({ db, t }: Q) {
    const c = t.citizens;
    return yield* first(
      db
        .select({
          language: c.language,
          languageChosen: c.languageChosen,
          name: c.name,
          privacyNoticeAt: c.privacyNoticeAt,
          handoff: c.handoff,
          handoffAt: c.handoffAt,
        })
        .from(c)
        .where(eq(c.waId, waId)),
    );
  };

const dialogueOp = (waId: string) =>
  function* ({ db, t }: Q) {
    const d = t.dialogueStates;
    const r = yield* first(
      db
        .select({ engineState: d.engineState, pendingAction: d.pendingAction })
        .from(d)
        .where(eq(d.waId, waId)),
    );
    return (
      r && { engineState: r.engineState, pendingAction: (r.pendingAction ?? null) as PendingAction | null }
    );
  };

const lastConversationOp = (waId: string) =>
  function* ({ db, t }: Q) {
    const c = t.conversations;
    return yield* first(
      db
        .select({ id: c.id, lastMessageAt: c.lastMessageAt, closedAt: c.closedAt })
        .from(c)
        .where(eq(c.waId, waId))
        .orderBy(desc(c.id))
        .limit(1),
    );
  };

const newConversationOp = (waId: string, nowMs: number) =>
  function* ({ db, t }: Q) {
    const [r] = yield* rows(
      db
        .insert(t.conversations)
        .values({ waId, startedAt: nowMs, lastMessageAt: nowMs })
        .returning({ id: t.conversations.id }),
    );
    return r.id;
  };

const recentInboundOp = (waId: string, sinceMs: number) =>
  function* ({ db, t }: Q) {
    const m = t.messages;
    const r = yield* first(
      db
        .select({ n: sql<string>`count(*)` })
        .from(m)
        .where(and(eq(m.waId, waId), eq(m.direction, 'in'), gt(m.createdAt, sinceMs))),
    );
    return num(r?.n);
  };

// the same order as turn-statements.ts: each reply right after the message it answers
const historyOp = (conversationId: number, beforeId: number, limit: number) =>
  function* ({ db, t }: Q) {
    const m = t.messages;
    return yield* rows(
      db
        .select({ direction: m.direction, text: m.text })
        .from(m)
        .where(and(eq(m.conversationId, conversationId), or(eq(m.direction, 'out'), lt(m.id, beforeId))))
        .orderBy(desc(sql`coalesce(${m.inReplyTo}, ${m.id})`), desc(sql`${m.direction} = 'out'`), desc(m.id))
        .limit(limit),
    );
  };

/** The turn's one write (turn-store.ts), on PostgreSQL, inside the caller's transaction. */
export const turnWriteOp = (w: TurnWrite): Op<void> =>
  function* (q) {
    const { db, t } = q;
    if (w.kind === 'erase') {
      yield* eraseCitizenOp(w.waId, w.nowMs)(q);
      yield* enqueueOutboundOp(w.notice, {
        waId: w.waId,
        simulated: w.simulated,
        now: w.nowMs,
        sentBy: 'assistant',
      })(q);
      return;
    }
    let turnId: number | null = null;
    if (w.turn) {
      const [r] = yield* rows(db.insert(t.turns).values(w.turn).returning({ id: t.turns.id }));
      turnId = r.id;
      if (w.dialogue) {
        const d = t.dialogueStates;
        yield* exec(
          db
            .insert(d)
            .values({
              waId: w.waId,
              engineState: w.dialogue.engineState ?? null,
              pendingAction: w.dialogue.pending ?? null,
              updatedAt: w.nowMs,
            })
            .onConflictDoUpdate({
              target: d.waId,
              set: {
                engineState: sql`excluded.engine_state`,
                pendingAction: sql`excluded.pending_action`,
                updatedAt: sql`excluded.updated_at`,
              },
            }),
        );
      }
    }
    yield* enqueueOutboundOp(w.replies, {
      waId: w.waId,
      conversationId: w.conversationId,
      inReplyTo: w.inboundId,
      turnId,
      simulated: w.simulated,
      now: w.nowMs,
    })(q);
    yield* exec(
      db
        .update(t.messages)
        .set({ processStatus: 'done', processedAt: w.nowMs, conversationId: w.conversationId })
        .where(eq(t.messages.id, w.inboundId)),
    );
    const c = w.citizen;
    yield* exec(
      db
        .update(t.citizens)
        .set({
          language: c.language,
          ...(c.chosen ? { languageChosen: true } : {}),
          ...(c.noticeAt !== null ? { privacyNoticeAt: c.noticeAt } : {}),
          ...(c.handoffAt !== null ? { handoff: 'queued' as const, handoffAt: c.handoffAt } : {}),
        })
        .where(eq(t.citizens.waId, w.waId)),
    );
    const v = w.conversation;
    yield* exec(
      db
        .update(t.conversations)
        .set({
          lastMessageAt: v.now,
          language: v.language,
          // null keeps what the conversation had (coalesce on SQLite)
          ...(v.service !== null ? { service: v.service } : {}),
          ...(v.outcome !== null ? { outcome: v.outcome } : {}),
          ...(v.fellBack ? { fellBack: true } : {}),
          ...(v.needsHuman ? { needsHuman: true } : {}),
          ...(v.engine !== null ? { engine: v.engine } : {}),
        })
        .where(eq(t.conversations.id, w.conversationId)),
    );
  };

/**
 * A failed turn on PostgreSQL: the row kept as failed for staff and the citizen told that
 * something went wrong, in one transaction.
 */
export const markTurnFailedOp = (
  o: { inboundId: number; waId: string; error: string; nowMs: number; simulated: boolean },
  apology: (lang: Lang) => OutboundMessage[],
): Op<void> =>
  function* (q) {
    const { db, t } = q;
    const c = yield* first(
      db.select({ language: t.citizens.language }).from(t.citizens).where(eq(t.citizens.waId, o.waId)),
    );
    yield* exec(
      db
        .update(t.messages)
        .set({ processStatus: 'failed', processedAt: o.nowMs, lastError: o.error })
        .where(eq(t.messages.id, o.inboundId)),
    );
    yield* enqueueOutboundOp(apology(c?.language ?? 'hi'), {
      waId: o.waId,
      inReplyTo: o.inboundId,
      simulated: o.simulated,
      now: o.nowMs,
    })(q);
  };

const tables = pgSchema as unknown as Q['t'];

/**
 * Runs `op` in one transaction that first checks the citizen's turn lease (FOR SHARE, so no
 * takeover until it ends): a holder that lost its lease commits nothing (TurnLeaseLostError).
 */
export function commitOpUnderLease<T>(pool: pg.Pool, lease: TurnLease, op: Op<T>): Promise<T> {
  return commitUnderLease(pool, lease, (tx) =>
    // drizzle over the transaction's client (no relational schema: operations use the tables)
    runAsync(op({ db: drizzle(tx) as unknown as PgDb, t: tables, d: pgDialect })),
  );
}

type Snapshot = {
  waId: string;
  citizen: CitizenRow | undefined;
  dialogue: { engineState: unknown; pendingAction: PendingAction | null } | undefined;
  lastConversation: ConversationRow | undefined;
};

/**
 * The message and what the turn reads about its citizen first (citizen, dialogue state, last
 * conversation) in one statement: on PostgreSQL every statement is a round trip and costs
 * both processes CPU, and these four are read at every turn, one after the other.
 */
async function readSnapshot(
  pool: pg.Pool,
  id: number,
): Promise<{ inbound: InboundRow | undefined; snapshot: Snapshot | undefined }> {
  const { rows } = await pool.query<{
    id: number;
    waId: string;
    direction: 'in' | 'out';
    processStatus: InboundRow['processStatus'];
    payload: InboundEvent;
    hasCitizen: boolean;
    language: Lang;
    languageChosen: boolean;
    name: string | null;
    privacyNoticeAt: number | null;
    handoff: CitizenRow['handoff'];
    handoffAt: number | null;
    hasDialogue: boolean;
    engineState: unknown;
    pendingAction: PendingAction | null;
    conversationId: number | null;
    lastMessageAt: number;
    closedAt: number | null;
  }>(
    `select m.id::float8 as id, m.wa_id as "waId", m.direction, m.process_status as "processStatus", m.payload,
       c.wa_id is not null as "hasCitizen", c.language, c.language_chosen as "languageChosen", c.name,
       ${epochMsOf('c.privacy_notice_at')} as "privacyNoticeAt", c.handoff, ${epochMsOf('c.handoff_at')} as "handoffAt",
       d.wa_id is not null as "hasDialogue", d.engine_state as "engineState", d.pending_action as "pendingAction",
       lc.id::float8 as "conversationId", ${epochMsOf('lc.last_message_at')} as "lastMessageAt", ${epochMsOf('lc.closed_at')} as "closedAt"
     from messages m
       left join citizens c on c.wa_id = m.wa_id
       left join dialogue_states d on d.wa_id = m.wa_id
       left join lateral (select id, last_message_at, closed_at from conversations
                          where wa_id = m.wa_id order by id desc limit 1) lc on true
     where m.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return { inbound: undefined, snapshot: undefined };
  return {
    inbound: {
      id: r.id,
      waId: r.waId,
      direction: r.direction,
      processStatus: r.processStatus,
      payload: r.payload,
    },
    snapshot: {
      waId: r.waId,
      citizen: r.hasCitizen
        ? {
            language: r.language,
            languageChosen: r.languageChosen,
            name: r.name,
            privacyNoticeAt: r.privacyNoticeAt,
            handoff: r.handoff,
            handoffAt: r.handoffAt,
          }
        : undefined,
      dialogue: r.hasDialogue
        ? { engineState: r.engineState, pendingAction: r.pendingAction ?? null }
        : undefined,
      lastConversation:
        r.conversationId == null
          ? undefined
          : { id: r.conversationId, lastMessageAt: r.lastMessageAt, closedAt: r.closedAt },
    },
  };
}

/**
 * The turn on PostgreSQL for the holder of the citizen's `lease` (src/coordination/pg-turn-lease.ts).
 * Made for one turn: the first reads come from the snapshot taken with the message (nothing
 * else writes this citizen's rows while the lease is ours); any other read goes to the database.
 */
export function pgTurnStore(store: PgStore, lease: TurnLease): TurnStore {
  let snapshot: Snapshot | undefined;
  // each part of the snapshot is used once: a second read (after a write) asks the database
  const once = <K extends 'citizen' | 'dialogue' | 'lastConversation'>(k: K, waId: string) => {
    if (!snapshot || snapshot.waId !== waId || !(k in snapshot)) return null;
    const value = snapshot[k];
    delete (snapshot as Partial<Snapshot>)[k];
    return { value };
  };
  return {
    inbound: async (id) => {
      const r = await readSnapshot(store.db.$client, id);
      snapshot = r.snapshot;
      return r.inbound;
    },
    citizen: (waId) => {
      const hit = once('citizen', waId);
      return hit ? hit.value : store.read(citizenOp(waId));
    },
    dialogue: (waId) => {
      const hit = once('dialogue', waId);
      return hit ? hit.value : store.read(dialogueOp(waId));
    },
    lastConversation: (waId) => {
      const hit = once('lastConversation', waId);
      return hit ? hit.value : store.read(lastConversationOp(waId));
    },
    newConversation: (waId, nowMs) => store.read(newConversationOp(waId, nowMs)),
    recentInbound: (waId, sinceMs) => store.read(recentInboundOp(waId, sinceMs)),
    history: async (conversationId, beforeId, limit) =>
      historyItems(await store.read(historyOp(conversationId, beforeId, limit))),
    staleTap: (o) => (quotedTap(o.payload) ? store.read(staleTapReplyOp(o)) : null),
    commit: (w) => commitOpUnderLease(store.db.$client, lease, turnWriteOp(w)),
  };
}
