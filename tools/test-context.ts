import type { Db } from '../src/db/open-database.js';
import { messages } from '../src/db/schema.js';
import type { Lang } from '../src/lang/language.js';
import { sqliteStore } from '../src/storage/sqlite-store.js';
import { defaultFeeSchedule } from './fee-schedule.js';
import type { ToolContext } from './tool.js';

/** Test helper: stores an inbound message (the one a tool call answers) and returns its id. */
export function storeInbound(
  db: Db,
  waId: string,
  o: { text?: string; kind?: string; conversationId?: number | null; at?: number } = {},
): number {
  return db
    .insert(messages)
    .values({
      waId,
      direction: 'in',
      kind: o.kind ?? 'text',
      text: o.text ?? 'haan',
      conversationId: o.conversationId ?? null,
      processStatus: 'pending',
      createdAt: o.at ?? Date.now(),
    })
    .returning({ id: messages.id })
    .get().id;
}

/** Test helper: the context the runtime would build for a tool call of this citizen. */
export function toolContext(
  db: Db,
  o: { waId?: string; lang?: Lang; now?: Date; inboundId?: number; conversationId?: number | null } = {},
): ToolContext {
  const waId = o.waId ?? '919876543210';
  return {
    store: sqliteStore(db),
    waId,
    lang: o.lang ?? 'en',
    now: o.now ?? new Date('2026-06-15T04:30:00Z'),
    inboundId: o.inboundId ?? storeInbound(db, waId, { conversationId: o.conversationId }),
    conversationId: o.conversationId ?? null,
    publicBaseUrl: 'https://sahayak.example',
    upi: { payeeVpa: 'health.dept@sbi', payeeName: 'District Health Office' },
    fees: defaultFeeSchedule,
  };
}
