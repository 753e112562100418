import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import { Document, isMap, isSeq } from 'yaml';
import type { Db } from '../../src/db/open-database.js';
import { applications, complaints, conversations, messages, payments, turns } from '../../src/db/schema.js';
import type { InboundEvent } from '../../src/whatsapp/inbound-event.js';
import type { OutboundMessage } from '../../src/whatsapp/outbound-message.js';
import { DEFAULT_WA_ID, type EvalCase, TABLES, type TableName } from './case-schema.js';
import { readableText } from './scorers/turn-checks.js';

export class TranscriptNotFoundError extends Error {
  override name = 'TranscriptNotFoundError';
}

const tables = { applications, complaints, payments } as const;

// The fields a regression case compares; ids, timestamps and tokens change on every run.
const FIELDS: Record<TableName, string[]> = {
  applications: [
    'childName',
    'sex',
    'dateOfBirth',
    'placeOfBirthType',
    'placeOfBirth',
    'motherName',
    'fatherName',
    'address',
    'district',
    'pinCode',
    'feeRule',
  ],
  complaints: ['hospitalName', 'district', 'category', 'description', 'incidentDate', 'anonymous'],
  payments: ['forReference', 'purpose', 'amountPaise'],
};
const SEED_FIELDS: Record<TableName, string[]> = {
  applications: ['reference', 'status', ...FIELDS.applications, 'feePaise', 'language'],
  complaints: ['reference', 'status', ...FIELDS.complaints, 'language'],
  payments: ['reference', 'status', ...FIELDS.payments],
};

const pick = (row: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => row[k] !== null && row[k] !== undefined).map((k) => [k, row[k]]));

function turnOf(e: InboundEvent): Record<string, unknown> {
  switch (e.kind) {
    case 'text':
      return { text: e.text };
    case 'button':
      return { button: { id: e.id, title: e.title } };
    case 'list':
      return { list: { id: e.id, title: e.title, ...(e.description ? { description: e.description } : {}) } };
    case 'image':
      return { image: e.caption ? { caption: e.caption } : {} };
    case 'audio':
      return { audio: {} };
    default:
      return { text: `[${e.kind}]` };
  }
}

/**
 * A stored conversation (the latest of a phone, or one by id) as a YAML eval case skeleton:
 * the citizen's messages, the tools each turn called, the reply language, the citizen's
 * earlier records as setup and the records the conversation created as the expected end
 * state. Review it (and remove personal data) before committing it as a regression case.
 */
export function caseFromTranscript(db: Db, by: { phone: string } | { conversationId: number }): string {
  const conv =
    'phone' in by
      ? db
          .select()
          .from(conversations)
          .where(eq(conversations.waId, by.phone))
          .orderBy(desc(conversations.id))
          .limit(1)
          .get()
      : db.select().from(conversations).where(eq(conversations.id, by.conversationId)).get();
  if (!conv)
    throw new TranscriptNotFoundError(
      `no conversation for ${'phone' in by ? `phone ${by.phone}` : `id ${by.conversationId}`}`,
    );

  const inbound = db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conv.id), eq(messages.direction, 'in')))
    .orderBy(asc(messages.id))
    .all();
  if (!inbound.length) throw new TranscriptNotFoundError(`conversation ${conv.id} has no citizen message`);
  const ids = inbound.map((m) => m.id);
  const turnRows = db.select().from(turns).where(inArray(turns.inboundId, ids)).all();
  const replies = db
    .select()
    .from(messages)
    .where(inArray(messages.inReplyTo, ids))
    .orderBy(asc(messages.id))
    .all();

  const caseTurns: Record<string, unknown>[] = [];
  const replyNotes: string[] = [];
  for (const m of inbound) {
    const t = turnRows.find((r) => r.inboundId === m.id);
    const steps = (Array.isArray(t?.steps) ? t.steps : []) as {
      toolCalls?: { name: string; status: string; parsedArguments?: Record<string, unknown> }[];
    }[];
    const calls = steps.flatMap((s) => s.toolCalls ?? []);
    const called = [...new Set(calls.map((c) => c.name))];
    const lastArgs = calls.findLast((c) => c.parsedArguments)?.parsedArguments;
    const out = replies.filter((r) => r.inReplyTo === m.id).map((r) => r.payload as OutboundMessage);
    caseTurns.push({
      ...turnOf(m.payload as InboundEvent),
      ...(t ? { tool: called.length === 0 ? 'none' : called.length === 1 ? called[0] : called } : {}),
      ...(lastArgs ? { args: lastArgs } : {}),
      ...(calls.some((c) => c.status === 'confirmation_required') ? { confirmation: true } : {}),
      ...(t?.language ? { replyLanguage: t.language } : {}),
    });
    replyNotes.push(readableText(out).replace(/\s+/g, ' ').slice(0, 300) || '(no reply)');
  }

  const setup: Record<string, unknown[]> = {};
  const expect: Record<string, unknown> = {};
  for (const table of TABLES) {
    const t = tables[table];
    const before = db
      .select()
      .from(t)
      .where(and(eq(t.waId, conv.waId), lt(t.createdAt, inbound[0].createdAt)))
      .all();
    if (before.length)
      setup[table] = before.map((r) => ({ waId: DEFAULT_WA_ID, ...pick(r, SEED_FIELDS[table]) }));
    const made = db.select().from(t).where(inArray(t.sourceMessageId, ids)).all();
    expect[table] = made.length
      ? { count: made.length, records: made.map((r) => pick(r, FIELDS[table])) }
      : { count: 0 };
  }

  const lang = (conv.language ?? turnRows[0]?.language ?? 'hi') as EvalCase['language'];
  const c = {
    id: `regression-${conv.id}-${conv.waId.slice(-4)}`,
    description: `from conversation ${conv.id} (${new Date(conv.startedAt).toISOString()}); engine ${conv.engine ?? 'unknown'}`,
    language: lang,
    tags: ['regression'],
    now: new Date(inbound[0].createdAt).toISOString(),
    ...(Object.keys(setup).length ? { setup } : {}),
    turns: caseTurns,
    expect,
  };
  const doc = new Document({ suite: 'regressions', cases: [c] });
  doc.commentBefore =
    ' yaml-language-server: $schema=../case.schema.json\n' +
    ' Generated by `npm run eval:case-from-transcript`: the observed behaviour, not yet the correct one.\n' +
    ' Fix the expectations that were wrong, remove personal data, then save under evals/suites/.';
  const seq = doc.getIn(['cases', 0, 'turns'], true);
  if (isSeq(seq)) {
    seq.items.forEach((item, i) => {
      if (isMap(item)) item.comment = ` assistant: ${replyNotes[i]}`;
    });
  }
  return doc.toString({ lineWidth: 0 });
}
