import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { Document, isMap, isSeq } from 'yaml';
import type { CaseRow } from '../../src/cases/case-store.js';
import { asApplication, asComplaint } from '../../src/cases/legacy-rows.js';
import { birthCertificate } from '../../src/services/birth-certificate/definition.js';
import { hospitalComplaint } from '../../src/services/hospital-complaint/definition.js';
import { first, type Op, rows } from '../../src/storage/operation.js';
import type { Store } from '../../src/storage/store.js';
import type { InboundEvent } from '../../src/whatsapp/inbound-event.js';
import type { OutboundMessage } from '../../src/whatsapp/outbound-message.js';
import { expectationsFromAnnotation, type StaffAnnotation } from './annotation-expectations.js';
import { DEFAULT_WA_ID, type EvalCase, TABLES, type TableName } from './case-schema.js';
import { istDay } from './placeholders.js';
import { readableText } from './scorers/turn-checks.js';

export class TranscriptNotFoundError extends Error {
  override name = 'TranscriptNotFoundError';
}

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

type Row = Record<string, unknown>;
type Message = { id: number; payload: unknown; inReplyTo: number | null; createdAt: number };

/** What a case is built from: one conversation as stored, and the citizen's records. */
export interface Transcript {
  conv: { id: number; waId: string; language: string | null; engine: string | null; startedAt: number };
  inbound: Message[];
  turnRows: { id: number; inboundId: number; steps: unknown; language: string | null }[];
  replies: Message[];
  notes: StaffAnnotation[];
  /** the citizen's birth applications and complaints (flat, as cases of their service) and payments, oldest first */
  records: Record<TableName, Row[]>;
}

/**
 * Reads a stored conversation (the latest of a phone, or one by id) and the citizen's records:
 * an operation of the store, so the same read runs on SQLite and on PostgreSQL.
 */
export const transcriptOp = (by: { phone: string } | { conversationId: number }): Op<Transcript> =>
  function* ({ db, t }) {
    const conv = yield* first(
      'phone' in by
        ? db
            .select()
            .from(t.conversations)
            .where(eq(t.conversations.waId, by.phone))
            .orderBy(desc(t.conversations.id))
            .limit(1)
        : db.select().from(t.conversations).where(eq(t.conversations.id, by.conversationId)),
    );
    if (!conv)
      throw new TranscriptNotFoundError(
        `no conversation for ${'phone' in by ? `phone ${by.phone}` : `id ${by.conversationId}`}`,
      );
    const inbound = yield* rows(
      db
        .select()
        .from(t.messages)
        .where(and(eq(t.messages.conversationId, conv.id), eq(t.messages.direction, 'in')))
        .orderBy(asc(t.messages.id)),
    );
    if (!inbound.length) throw new TranscriptNotFoundError(`conversation ${conv.id} has no citizen message`);
    const ids = inbound.map((m) => m.id);
    const turnRows = yield* rows(db.select().from(t.turns).where(inArray(t.turns.inboundId, ids)));
    const replies = yield* rows(
      db.select().from(t.messages).where(inArray(t.messages.inReplyTo, ids)).orderBy(asc(t.messages.id)),
    );
    const notes = turnRows.length
      ? yield* rows(
          db
            .select()
            .from(t.annotations)
            .where(
              inArray(
                t.annotations.turnId,
                turnRows.map((r) => r.id),
              ),
            )
            .orderBy(asc(t.annotations.id)),
        )
      : [];
    // the citizen's own records: what the conversation made, and what came before it (setup)
    const ofService = (service: string) =>
      rows(
        db
          .select()
          .from(t.cases)
          .where(and(eq(t.cases.service, service), eq(t.cases.waId, conv.waId)))
          .orderBy(asc(t.cases.id)),
      );
    const applications = (yield* ofService(birthCertificate.id)) as unknown as CaseRow[];
    const complaints = (yield* ofService(hospitalComplaint.id)) as unknown as CaseRow[];
    const payments = yield* rows(
      db.select().from(t.payments).where(eq(t.payments.waId, conv.waId)).orderBy(asc(t.payments.id)),
    );
    return {
      conv,
      inbound,
      turnRows,
      replies,
      notes: notes as StaffAnnotation[],
      records: {
        applications: applications.map(asApplication),
        complaints: complaints.map(asComplaint),
        payments,
      },
    };
  };

/**
 * A stored conversation (the latest of a phone, or one by id) as a YAML eval case skeleton:
 * the citizen's messages, the tools each turn called, the reply language, the citizen's
 * earlier records as setup and the records the conversation created as the expected end
 * state. Review it (and remove personal data) before committing it as a regression case.
 */
export async function caseFromTranscript(
  store: Store,
  by: { phone: string } | { conversationId: number },
): Promise<string> {
  return caseFromRead(await store.read(transcriptOp(by)));
}

/** The case of a transcript already read. */
export function caseFromRead({ conv, inbound, turnRows, replies, notes, records }: Transcript): string {
  const ids = inbound.map((m) => m.id);
  const storeRows = (table: TableName) => records[table];
  const madeByConversation = Object.fromEntries(
    TABLES.map((table) => [
      table,
      storeRows(table)
        .filter((r) => ids.includes(r.sourceMessageId as number))
        .map((r) => pick(r, FIELDS[table])),
    ]),
  ) as Record<TableName, Record<string, unknown>[]>;
  const caseTurns: Record<string, unknown>[] = [];
  const replyNotes: string[] = [];
  const staffNotes: string[][] = [];
  const recordFixes: ReturnType<typeof expectationsFromAnnotation>['record'][] = [];
  for (const m of inbound) {
    const t = turnRows.find((r) => r.inboundId === m.id);
    const steps = (Array.isArray(t?.steps) ? t.steps : []) as {
      toolCalls?: { name: string; status: string; parsedArguments?: Record<string, unknown> }[];
    }[];
    const calls = steps.flatMap((s) => s.toolCalls ?? []);
    const called = [...new Set(calls.map((c) => c.name))];
    const lastArgs = calls.findLast((c) => c.parsedArguments)?.parsedArguments;
    const out = replies.filter((r) => r.inReplyTo === m.id).map((r) => r.payload as OutboundMessage);
    const turnCase: Record<string, unknown> = {
      ...turnOf(m.payload as InboundEvent),
      ...(t ? { tool: called.length === 0 ? 'none' : called.length === 1 ? called[0] : called } : {}),
      ...(lastArgs ? { args: { ...lastArgs } } : {}),
      ...(calls.some((c) => c.status === 'confirmation_required') ? { confirmation: true } : {}),
      ...(t?.language ? { replyLanguage: t.language } : {}),
    };
    // the staff's verdicts on this turn become what the replay expects of it
    const mine = notes.filter((a) => a.turnId === t?.id) as StaffAnnotation[];
    staffNotes.push(
      mine.map((a) => `staff (${a.verdict}): ${[a.label, a.note].filter(Boolean).join(' — ')}`),
    );
    for (const a of mine) {
      const fix = expectationsFromAnnotation(a, {
        args: (lastArgs ?? {}) as Record<string, unknown>,
        created: madeByConversation,
        tools: called,
        conversationLanguage: conv.language ?? null,
      });
      Object.assign(turnCase, fix.turn);
      if (fix.turn.args) turnCase.args = { ...((turnCase.args as object) ?? {}), ...fix.turn.args };
      recordFixes.push(fix.record);
    }
    caseTurns.push(turnCase);
    replyNotes.push(readableText(out).replace(/\s+/g, ' ').slice(0, 300) || '(no reply)');
  }

  const setup: Record<string, unknown[]> = {};
  const expect: Record<string, unknown> = {};
  for (const table of TABLES) {
    const rows = storeRows(table);
    const before = rows.filter((r) => r.waId === conv.waId && (r.createdAt as number) < inbound[0].createdAt);
    if (before.length)
      setup[table] = before.map((r) => ({ waId: DEFAULT_WA_ID, ...pick(r, SEED_FIELDS[table]) }));
    const made = rows.filter((r) => ids.includes(r.sourceMessageId as number));
    expect[table] = made.length
      ? { count: made.length, records: made.map((r) => pick(r, FIELDS[table])) }
      : { count: 0 };
  }

  // a field the staff marked wrong is expected to be different (or the value they wrote)
  for (const fix of recordFixes)
    for (const [table, fields] of Object.entries(fix) as [TableName, Record<string, unknown>][]) {
      const e = expect[table] as { records?: Record<string, unknown>[] } | undefined;
      for (const r of e?.records ?? []) Object.assign(r, fields);
    }

  // references the conversation created are made afresh by a replay: placeholders bound at run time
  const refMap = new Map<string, string>();
  for (const table of TABLES) {
    storeRows(table)
      .filter((r) => ids.includes(r.sourceMessageId as number))
      .forEach((r, i) => {
        refMap.set(String(r.reference), `{{ref:${table}[${i}]}}`);
      });
  }
  // a date the citizen never wrote out (they said "kal", "yesterday") is relative to the case's clock
  const said = inbound.map((m) => JSON.stringify(m.payload)).join('\n');
  const day0 = istDay(inbound[0].createdAt, 0);
  const relative = (iso: string) => {
    const [y, mo, d] = iso.split('-');
    if (
      said.includes(iso) ||
      said.includes(`${d}/${mo}/${y}`) ||
      said.includes(`${Number(d)}/${Number(mo)}/${y}`)
    )
      return iso;
    const days = Math.round((Date.parse(iso) - Date.parse(day0)) / 86_400_000);
    return Math.abs(days) <= 31 ? `{{date:${days}}}` : iso;
  };
  const placeholders = (x: unknown): unknown => {
    if (typeof x === 'string') {
      let s = x;
      for (const [ref, ph] of refMap) s = s.split(ref).join(ph);
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? relative(s) : s;
    }
    if (Array.isArray(x)) return x.map(placeholders);
    if (x && typeof x === 'object')
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, placeholders(v)]));
    return x;
  };
  caseTurns.forEach((t, i) => {
    caseTurns[i] = placeholders(t) as Record<string, unknown>;
  });
  for (const k of Object.keys(expect)) expect[k] = placeholders(expect[k]);
  replyNotes.forEach((n, i) => {
    replyNotes[i] = placeholders(n) as string;
  });

  const lang = (conv.language ?? turnRows[0]?.language ?? 'hi') as EvalCase['language'];
  const c = {
    id: `regression-${conv.id}-${conv.waId.slice(-4)}`,
    description: `from conversation ${conv.id} (${new Date(conv.startedAt).toISOString()}); engine ${conv.engine ?? 'unknown'}`,
    language: lang,
    tags: ['regression', ...(notes.some((a) => a.verdict === 'bad') ? ['staff-flagged'] : [])],
    now: new Date(inbound[0].createdAt).toISOString(),
    ...(Object.keys(setup).length ? { setup } : {}),
    turns: caseTurns,
    expect,
  };
  const doc = new Document({ suite: 'regressions', cases: [c] });
  doc.commentBefore =
    ' yaml-language-server: $schema=../../case.schema.json\n' +
    ' Generated by `npm run -s eval:case-from-transcript`: the observed behaviour, except where staff\n' +
    ' marked a turn bad (`not:` / their value). {{ref:…}} and {{date:…}} are bound when the case runs.\n' +
    ' Check the expectations, remove personal data, then keep it in evals/suites/regressions/.';
  const seq = doc.getIn(['cases', 0, 'turns'], true);
  if (isSeq(seq)) {
    seq.items.forEach((item, i) => {
      if (isMap(item))
        item.comment = [` assistant: ${replyNotes[i]}`, ...staffNotes[i].map((n) => ` ${n}`)].join('\n');
    });
  }
  return doc.toString({ lineWidth: 0 });
}
