import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { asApplication, asComplaint } from '../cases/legacy-rows.js';
import { newestCases } from '../cases/newest-cases.js';
import { casePhotos } from '../media/photos-for.js';
import { birthCertificate } from '../services/birth-certificate/definition.js';
import { hospitalComplaint } from '../services/hospital-complaint/definition.js';
import { type Op, type Q, rows } from '../storage/operation.js';

export interface ListQuery {
  phone?: string;
  status?: string;
  limit: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const where = (...conds: (SQL | undefined)[]) => and(...conds.filter(Boolean));

/** Birth or complaint cases newest first, filtered like the old tables were. */
function newest(q: Q, service: string, l: ListQuery) {
  return newestCases({
    service,
    ...(l.phone ? { waId: l.phone } : {}),
    ...(l.status ? { status: l.status } : {}),
    limit: l.limit,
  })(q);
}

/** DESIGN.md §4 application shape: the birth_certificate cases. */
export const listApplications = (l: ListQuery) =>
  function* (q: Q) {
    return (yield* newest(q, birthCertificate.id, l)).map(asApplication).map((r) => ({
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
  };

/** DESIGN.md §4 complaint shape (the hospital_complaint cases), with the photos attached. */
export const listComplaints = (l: ListQuery) =>
  function* (q: Q) {
    const out = [];
    for (const r of (yield* newest(q, hospitalComplaint.id, l)).map(asComplaint)) {
      out.push({
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
        photos: yield* casePhotos({ waId: r.waId, caseId: r.id })(q),
      });
    }
    return out;
  };

/** DESIGN.md §4 payment shape. */
export const listPayments = (l: ListQuery) =>
  function* ({ db, t }: Q) {
    const p = t.payments;
    const found = yield* rows(
      db
        .select()
        .from(p)
        .where(
          where(
            l.phone ? eq(p.waId, l.phone) : undefined,
            l.status ? eq(p.status, l.status as 'pending') : undefined,
          ),
        )
        .orderBy(desc(p.createdAt), desc(p.id))
        .limit(l.limit),
    );
    return found.map((r) => ({
      reference: r.reference,
      forReference: r.forReference,
      purpose: r.purpose,
      amountPaise: r.amountPaise,
      status: r.status,
      upiUri: r.upiUri,
      createdAt: iso(r.createdAt),
    }));
  };

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
 * The citizen's latest `limit` messages, newest first (DESIGN.md §4: every list is). Outbound
 * replies carry the engine of their turn; the turn's first reply (the earliest of it in the
 * page) also carries that turn's tool calls, once, whichever order the page is read in.
 */
export const conversationMessages = (phone: string, limit: number): Op<TranscriptItem[]> =>
  function* ({ db, t }) {
    const { messages, turns } = t;
    const latest = (yield* rows(
      db
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
        .limit(limit),
    )).reverse(); // oldest first while deciding which reply is a turn's first
    const turnIds = [
      ...new Set(latest.filter((r) => r.direction === 'out' && r.turnId != null).map((r) => r.turnId!)),
    ];
    const turnRows =
      turnIds.length === 0
        ? []
        : yield* rows(
            db
              .select({ id: turns.id, engine: turns.engine, steps: turns.steps })
              .from(turns)
              .where(inArray(turns.id, turnIds))
              .orderBy(asc(turns.id)),
          );
    const byId = new Map(turnRows.map((t) => [t.id, t]));
    const described = new Set<number>();
    const items = latest.map((r) => {
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
    return items.reverse();
  };
