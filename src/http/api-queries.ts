import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { listCases } from '../cases/case-store.js';
import { asApplication, asComplaint } from '../cases/legacy-rows.js';
import type { Db } from '../db/open-database.js';
import { messages, payments, turns } from '../db/schema.js';
import { photosFor } from '../media/photos-for.js';
import { birthCertificate } from '../services/birth-certificate/definition.js';
import { hospitalComplaint } from '../services/hospital-complaint/definition.js';

export interface ListQuery {
  phone?: string;
  status?: string;
  limit: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const where = (...conds: (SQL | undefined)[]) => and(...conds.filter(Boolean));

/** Birth or complaint cases newest first, filtered like the old tables were. */
function newest(db: Db, service: string, q: ListQuery) {
  return listCases(db, {
    service,
    ...(q.phone ? { waId: q.phone } : {}),
    ...(q.status ? { status: q.status } : {}),
    limit: q.limit,
  });
}

/** DESIGN.md §4 application shape: the birth_certificate cases. */
export function listApplications(db: Db, q: ListQuery) {
  return newest(db, birthCertificate.id, q)
    .map(asApplication)
    .map((r) => ({
      reference: r.reference,
      status: r.status,
      phone: r.waId,
      childName: r.childName,
      sex: r.sex,
      dateOfBirth: r.dateOfBirth,
      placeOfBirthType: r.placeOfBirthType,
      placeOfBirth: r.placeOfBirth,
      motherName: r.motherName,
      fatherName: r.fatherName,
      address: r.address,
      district: r.district,
      pinCode: r.pinCode,
      language: r.language,
      createdAt: iso(r.createdAt),
    }));
}

/** DESIGN.md §4 complaint shape (the hospital_complaint cases), with the photos attached. */
export function listComplaints(db: Db, q: ListQuery) {
  return newest(db, hospitalComplaint.id, q)
    .map(asComplaint)
    .map((r) => ({
      reference: r.reference,
      status: r.status,
      phone: r.waId,
      hospitalName: r.hospitalName,
      district: r.district,
      category: r.category,
      description: r.description,
      incidentDate: r.incidentDate,
      anonymous: r.anonymous,
      language: r.language,
      createdAt: iso(r.createdAt),
      photos: photosFor(db, { waId: r.waId, caseId: r.id }),
    }));
}

/** DESIGN.md §4 payment shape. */
export function listPayments(db: Db, q: ListQuery) {
  return db
    .select()
    .from(payments)
    .where(
      where(
        q.phone ? eq(payments.waId, q.phone) : undefined,
        q.status ? eq(payments.status, q.status as 'pending') : undefined,
      ),
    )
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(q.limit)
    .all()
    .map((r) => ({
      reference: r.reference,
      forReference: r.forReference,
      purpose: r.purpose,
      amountPaise: r.amountPaise,
      status: r.status,
      upiUri: r.upiUri,
      createdAt: iso(r.createdAt),
    }));
}

interface StoredToolCall {
  name: string;
  arguments: string;
  parsedArguments?: unknown;
  result: unknown;
  status: string;
}
interface StoredStep {
  engine?: string;
  toolCalls?: StoredToolCall[];
}

export interface TranscriptItem {
  direction: 'in' | 'out';
  text: string | null;
  kind: string;
  toolCalls?: { name: string; arguments: unknown; result: unknown; status: string }[];
  engine?: string;
  createdAt: string;
}

/**
 * The citizen's latest `limit` messages, oldest first. Outbound replies carry the engine of
 * their turn; the first reply of a turn also carries that turn's tool calls (once, not per message).
 */
export function conversationMessages(db: Db, phone: string, limit: number): TranscriptItem[] {
  const rows = db
    .select({
      id: messages.id,
      direction: messages.direction,
      text: messages.text,
      kind: messages.kind,
      turnId: messages.turnId,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(eq(messages.waId, phone))
    .orderBy(desc(messages.id))
    .limit(limit)
    .all()
    .reverse();
  const turnIds = [
    ...new Set(rows.filter((r) => r.direction === 'out' && r.turnId != null).map((r) => r.turnId!)),
  ];
  const turnRows =
    turnIds.length === 0
      ? []
      : db
          .select({ id: turns.id, engine: turns.engine, steps: turns.steps })
          .from(turns)
          .where(inArray(turns.id, turnIds))
          .orderBy(asc(turns.id))
          .all();
  const byId = new Map(turnRows.map((t) => [t.id, t]));
  const described = new Set<number>();
  return rows.map((r) => {
    const item: TranscriptItem = {
      direction: r.direction,
      text: r.text,
      kind: r.kind,
      createdAt: iso(r.createdAt),
    };
    const turn = r.direction === 'out' && r.turnId != null ? byId.get(r.turnId) : undefined;
    if (!turn) return item;
    item.engine = turn.engine;
    if (!described.has(turn.id)) {
      described.add(turn.id);
      const steps = Array.isArray(turn.steps) ? (turn.steps as StoredStep[]) : [];
      const calls = steps.flatMap((s) => s.toolCalls ?? []);
      if (calls.length > 0) {
        item.toolCalls = calls.map((c) => ({
          name: c.name,
          arguments: c.parsedArguments ?? c.arguments,
          result: c.result,
          status: c.status,
        }));
      }
    }
    return item;
  });
}
