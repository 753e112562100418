import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db, DbTx } from '../db/open-database.js';
import { cases } from '../db/schema.js';
import type { ComplaintCategory, PlaceOfBirthType, Sex } from '../domain/enums.js';
import { birthCertificate } from '../services/birth-certificate/definition.js';
import { hospitalComplaint } from '../services/hospital-complaint/definition.js';
import type { AnyService } from '../services/types.js';
import type { CaseRow } from './case-store.js';
import type { ApplicationStatus, CaseType, ComplaintStatus } from './case-workflow.js';

/**
 * Birth applications and hospital complaints are ordinary `cases` rows (service
 * birth_certificate / hospital_complaint). The staff console's /staff/applications and
 * /staff/complaints pages, the transition rules with their per-category SLAs and several
 * readers still think in the flat shape the two old tables had; this module gives that
 * shape from a case, so nothing reads JSON field by field.
 */
type CaseColumns = {
  id: number;
  reference: string;
  waId: string;
  language: string;
  feePaise: number;
  rejectionReason: string | null;
  assignedTo: number | null;
  slaDueAt: number | null;
  statusAt: number;
  sourceMessageId: number | null;
  createdAt: number;
  updatedAt: number;
};

// types, not interfaces: a flat row is also a plain record (the eval store compares them so)
export type ApplicationRow = CaseColumns & {
  status: ApplicationStatus;
  childName: string | null;
  sex: Sex;
  dateOfBirth: string;
  placeOfBirthType: PlaceOfBirthType;
  placeOfBirth: string;
  motherName: string;
  fatherName: string;
  address: string;
  district: string;
  pinCode: string;
  informantName: string | null;
  feeRule: string;
};

export type ComplaintRow = CaseColumns & {
  status: ComplaintStatus;
  hospitalName: string;
  district: string;
  category: ComplaintCategory;
  description: string;
  incidentDate: string | null;
  anonymous: boolean;
};

export const legacyService: Record<CaseType, AnyService> = {
  application: birthCertificate,
  complaint: hospitalComplaint,
};

/** The staff console's case type of a service, when it has one of the two old pages. */
export function legacyTypeOf(serviceId: string): CaseType | null {
  if (serviceId === birthCertificate.id) return 'application';
  if (serviceId === hospitalComplaint.id) return 'complaint';
  return null;
}

function columns(r: CaseRow): CaseColumns {
  return {
    id: r.id,
    reference: r.reference,
    waId: r.waId,
    language: r.language,
    feePaise: r.feePaise,
    rejectionReason: r.rejectionReason,
    assignedTo: r.assignedTo,
    slaDueAt: r.slaDueAt,
    statusAt: r.statusAt,
    sourceMessageId: r.sourceMessageId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function asApplication(r: CaseRow): ApplicationRow {
  const f = r.fields as Record<string, unknown>;
  return {
    ...columns(r),
    status: r.status as ApplicationStatus,
    childName: (f.childName as string | null) ?? null,
    sex: f.sex as ApplicationRow['sex'],
    dateOfBirth: f.dateOfBirth as string,
    placeOfBirthType: f.placeOfBirthType as ApplicationRow['placeOfBirthType'],
    placeOfBirth: f.placeOfBirth as string,
    motherName: f.motherName as string,
    fatherName: f.fatherName as string,
    address: f.address as string,
    district: f.district as string,
    pinCode: f.pinCode as string,
    informantName: (f.informantName as string | null) ?? null,
    feeRule: r.feeRule ?? 'free',
  };
}

export function asComplaint(r: CaseRow): ComplaintRow {
  const f = r.fields as Record<string, unknown>;
  return {
    ...columns(r),
    status: r.status as ComplaintStatus,
    hospitalName: f.hospitalName as string,
    district: f.district as string,
    category: f.category as ComplaintCategory,
    description: f.description as string,
    incidentDate: (f.incidentDate as string | null) ?? null,
    anonymous: f.anonymous === true,
  };
}

export interface LegacyFilter {
  waId?: string;
  status?: string;
  reference?: string;
  sourceMessageId?: number;
}

function rowsOf(db: Db | DbTx, service: AnyService, f: LegacyFilter): CaseRow[] {
  const where: SQL[] = [eq(cases.service, service.id)];
  if (f.waId) where.push(eq(cases.waId, f.waId));
  if (f.status) where.push(eq(cases.status, f.status));
  if (f.reference) where.push(eq(cases.reference, f.reference));
  if (f.sourceMessageId != null) where.push(eq(cases.sourceMessageId, f.sourceMessageId));
  return db
    .select()
    .from(cases)
    .where(and(...where))
    .orderBy(asc(cases.id))
    .all();
}

/** Birth applications, oldest first. */
export function applicationRows(db: Db | DbTx, f: LegacyFilter = {}): ApplicationRow[] {
  return rowsOf(db, birthCertificate, f).map(asApplication);
}

/** Hospital complaints, oldest first. */
export function complaintRows(db: Db | DbTx, f: LegacyFilter = {}): ComplaintRow[] {
  return rowsOf(db, hospitalComplaint, f).map(asComplaint);
}

/** The case with this id if it is of the type's service. */
export function legacyCase(db: Db | DbTx, type: CaseType, id: number): CaseRow | undefined {
  const row = db.select().from(cases).where(eq(cases.id, id)).get();
  return row && row.service === legacyService[type].id ? row : undefined;
}

type Seed<R> = Partial<Omit<R, 'id'>> & { reference: string; waId: string };

const COLUMN_KEYS = [
  'reference',
  'waId',
  'status',
  'language',
  'feePaise',
  'feeRule',
  'rejectionReason',
  'assignedTo',
  'slaDueAt',
  'statusAt',
  'sourceMessageId',
  'createdAt',
  'updatedAt',
] as const;

/**
 * Writes a birth application or complaint given in the old flat shape (seeded eval stores,
 * fixtures, tests) as a case of its service; the fields are parsed by the service's schema.
 */
export function insertLegacyCase(
  db: Db | DbTx,
  type: 'application',
  seed: Seed<ApplicationRow>,
  nowMs?: number,
): ApplicationRow;
export function insertLegacyCase(
  db: Db | DbTx,
  type: 'complaint',
  seed: Seed<ComplaintRow>,
  nowMs?: number,
): ComplaintRow;
export function insertLegacyCase(
  db: Db | DbTx,
  type: CaseType,
  seed: Seed<ApplicationRow> | Seed<ComplaintRow>,
  nowMs = Date.now(),
): ApplicationRow | ComplaintRow {
  const service = legacyService[type];
  const given = seed as Record<string, unknown>;
  const fieldNames = Object.keys(service.schema.shape);
  const raw = Object.fromEntries(fieldNames.map((k) => [k, given[k] ?? null]));
  if (type === 'complaint') raw.anonymous = given.anonymous === true;
  const fields = service.schema.parse(raw) as Record<string, unknown>;
  const col = Object.fromEntries(COLUMN_KEYS.filter((k) => given[k] !== undefined).map((k) => [k, given[k]]));
  const createdAt = (col.createdAt as number | undefined) ?? nowMs;
  const statusAt = (col.statusAt as number | undefined) ?? createdAt;
  const row = db
    .insert(cases)
    .values({
      service: service.id,
      status: service.workflow.initial,
      language: 'hi',
      feeRule: type === 'application' ? 'free' : null,
      ...col,
      reference: seed.reference,
      waId: seed.waId,
      fields,
      createdAt,
      statusAt,
      updatedAt: (col.updatedAt as number | undefined) ?? statusAt,
    })
    .returning()
    .get();
  return type === 'application' ? asApplication(row) : asComplaint(row);
}
