import {
  applicationRows,
  complaintRows,
  insertLegacyCase,
  legacyTypeOf,
} from '../../src/cases/legacy-rows.js';
import type { Db } from '../../src/db/open-database.js';
import { cases, payments } from '../../src/db/schema.js';
import type { CaseSetup, TableName } from './case-schema.js';
import type { StoreState } from './types.js';

const tables = ['applications', 'complaints', 'payments'] as const satisfies readonly TableName[];
const DAY = 86_400_000;

function defaults(table: TableName, nowMs: number, i: number): Record<string, unknown> {
  const common = { createdAt: nowMs - 3 * DAY, statusAt: nowMs - 3 * DAY };
  if (table === 'applications') {
    return {
      ...common,
      childName: null,
      sex: 'female',
      dateOfBirth: '2026-11-01',
      placeOfBirthType: 'hospital',
      placeOfBirth: 'District Hospital',
      motherName: 'Sunita Sharma',
      fatherName: 'Rakesh Sharma',
      address: '12 Gandhi Nagar',
      district: 'Lucknow',
      pinCode: '226001',
      language: 'hi',
      feePaise: 0,
      feeRule: 'free',
    };
  }
  if (table === 'complaints') {
    return {
      ...common,
      hospitalName: 'District Hospital',
      district: 'Lucknow',
      category: 'cleanliness',
      description: 'Toilets were dirty',
      language: 'hi',
    };
  }
  return {
    createdAt: common.createdAt,
    purpose: 'birth_certificate_fee',
    amountPaise: 5000,
    upiUri: 'upi://pay?pa=sahayak.demo@upi&pn=Sahayak&am=50.00&cu=INR',
    mediaToken: `seed-media-token-${i}-${Math.random().toString(36).slice(2)}`,
  };
}

/**
 * Inserts a case's seed records (another citizen's application, the citizen's own
 * complaint) and moves the reference counters past them so new references never collide.
 */
export function seedStore(db: Db, setup: CaseSetup | undefined, nowMs: number): Set<string> {
  const refs = new Set<string>();
  if (!setup) return refs;
  let i = 0;
  for (const table of tables) {
    for (const seed of setup[table] ?? []) {
      const values = { ...defaults(table, nowMs, i++), ...seed } as never;
      // birth applications and complaints are cases of their service, seeded in the old flat shape
      if (table === 'applications') insertLegacyCase(db, 'application', values, nowMs);
      else if (table === 'complaints') insertLegacyCase(db, 'complaint', values, nowMs);
      else db.insert(payments).values(values).run();
      refs.add(seed.reference);
      const m = /^([A-Z]+)-(\d{4})-(\d+)$/.exec(seed.reference);
      if (m) {
        db.$client
          .prepare(
            'insert into counters (name, value) values (?, ?) on conflict(name) do update set value = max(value, excluded.value)',
          )
          .run(`${m[1]}-${m[2]}`, Number(m[3]));
      }
    }
  }
  return refs;
}

/** Every application, complaint and payment in the store. */
export function readStore(db: Db): StoreState {
  return {
    applications: applicationRows(db),
    complaints: complaintRows(db),
    payments: db.select().from(payments).all(),
    // birth and complaint cases are compared as `applications` and `complaints` (expect.applications, …)
    cases: db
      .select()
      .from(cases)
      .all()
      .filter((c) => legacyTypeOf(c.service) === null)
      .map(({ fields, ...c }) => ({
        ...(fields as Record<string, unknown>),
        reference: c.reference,
        service: c.service,
        status: c.status,
        language: c.language,
        feeRule: c.feeRule,
        feePaise: c.feePaise,
      })),
  };
}

/** Only the records the conversation created. */
export function createdRecords(all: StoreState, seeded: Set<string>): StoreState {
  const keep = (rows: Record<string, unknown>[]) => rows.filter((r) => !seeded.has(String(r.reference)));
  return {
    applications: keep(all.applications),
    complaints: keep(all.complaints),
    payments: keep(all.payments),
    cases: keep(all.cases ?? []),
  };
}
