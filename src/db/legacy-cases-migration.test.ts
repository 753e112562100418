import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../http/api.js';
import { openDatabase } from './open-database.js';

const migrations = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const journal = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8')) as {
  entries: { idx: number; tag: string }[];
};
const MOVE = '0011_move_birth_complaint_into_cases';
const TOKEN = 'staff-token-123';
const A = '919876543210';
const B = '919123456789';
const T = Date.parse('2026-06-10T04:30:00Z');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The repo's migrations up to (not including) `tag`, in a folder of their own. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sahayak-migrations-'));
  dirs.push(dir);
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  if (upTo < 0) throw new Error(`no migration ${tag}`);
  const entries = journal.entries.slice(0, upTo);
  mkdirSync(join(dir, 'meta'));
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(join(migrations, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  return dir;
}

/** A database as the code before the move made it: birth applications and complaints in their own tables. */
function legacyDatabase(path: string) {
  const client = new Database(path);
  client.pragma('foreign_keys = ON');
  migrate(drizzle(client), { migrationsFolder: migrationsBefore(MOVE) });
  const run = (sql: string, ...params: unknown[]) => client.prepare(sql).run(...params);
  // a caste certificate already in cases: the moved rows must not take its id or reference
  run(
    `insert into cases (service, reference, wa_id, status, language, fields, fee_paise, fee_rule, status_at, created_at, updated_at)
     values ('caste_certificate', 'CC-2026-000001', ?, 'submitted', 'hi', '{"applicantName":"Anil"}', 0, 'free', ?, ?, ?)`,
    A,
    T - 1000,
    T - 1000,
    T - 1000,
  );
  run(
    `insert into applications (reference, wa_id, status, child_name, sex, date_of_birth, place_of_birth_type, place_of_birth,
       mother_name, father_name, address, district, pin_code, informant_name, language, fee_paise, fee_rule, rejection_reason,
       assigned_to, sla_due_at, status_at, source_message_id, created_at)
     values ('BC-2026-000001', ?, 'under_review', null, 'transgender', '2026-06-01', 'home', 'House 12, Gandhi Nagar',
       'Sunita Devi', 'Ramesh Kumar', 'House 12, Gandhi Nagar, Sitapur', 'Sitapur', '261001', 'Kamla (grandmother)', 'hi',
       5000, 'late_fee', null, null, ?, ?, 101, ?)`,
    A,
    T + 7 * 86_400_000,
    T + 1000,
    T,
  );
  run(
    `insert into applications (reference, wa_id, status, child_name, sex, date_of_birth, place_of_birth_type, place_of_birth,
       mother_name, father_name, address, district, pin_code, informant_name, language, fee_paise, fee_rule, rejection_reason,
       status_at, source_message_id, created_at)
     values ('BC-2026-000002', ?, 'rejected', 'रवि', 'male', '2026-05-20', 'hospital', 'जिला अस्पताल, सीतापुर',
       'सीमा देवी', 'राम कुमार', 'गाँव रामपुर, सीतापुर', 'Sitapur', '261001', null, 'hinglish', 0, 'free', 'Mother''s name differs',
       ?, 102, ?)`,
    B,
    T + 3000,
    T + 2000,
  );
  run(
    `insert into complaints (reference, wa_id, status, hospital_name, district, category, description, incident_date,
       anonymous, language, assigned_to, sla_due_at, status_at, source_message_id, created_at)
     values ('HC-2026-000001', ?, 'assigned', 'CHC Biswan', 'Sitapur', 'medicine_unavailable', 'No ORS for two days.',
       '2026-06-09', 1, 'hinglish', 7, ?, ?, 103, ?)`,
    A,
    T + 3 * 86_400_000,
    T + 5000,
    T + 4000,
  );
  run(
    `insert into complaints (reference, wa_id, hospital_name, district, category, description, language, status_at, created_at)
     values ('HC-2026-000002', ?, 'District Hospital', 'Lucknow', 'cleanliness', 'Dirty toilets', 'en', ?, ?)`,
    B,
    T + 6000,
    T + 6000,
  );
  // a photo attached to the first complaint, stored by the media job
  const msg = run(
    `insert into messages (wa_id, direction, kind, created_at) values (?, 'in', 'image', ?)`,
    A,
    T + 3500,
  ).lastInsertRowid;
  run(
    `insert into attachments (wa_id, message_id, complaint_id, media_id, mime_type, caption, created_at)
     values (?, ?, 1, 'wamid-media-1', 'image/jpeg', 'the empty shelf', ?)`,
    A,
    msg,
    T + 3500,
  );
  run(
    `insert into media_files (wa_id, message_id, media_id, kind, mime_type, status, sha256, created_at)
     values (?, ?, 'wamid-media-1', 'image', 'image/jpeg', 'stored', 'ab12cd', ?)`,
    A,
    msg,
    T + 3500,
  );
  run(
    `insert into case_events (case_type, case_id, from_status, to_status, created_at) values
       ('application', 1, null, 'submitted', ?), ('application', 1, 'submitted', 'under_review', ?),
       ('complaint', 1, null, 'received', ?), ('case', 1, null, 'submitted', ?)`,
    T,
    T + 1000,
    T + 4000,
    T,
  );
  run(
    `insert into case_notes (case_type, case_id, author_user_id, body, created_at) values ('complaint', 1, 7, 'Called the CMO', ?)`,
    T + 5000,
  );
  run(
    `insert into payments (reference, wa_id, for_reference, purpose, amount_paise, upi_uri, media_token, created_at)
     values ('PAY-2026-000001', ?, 'BC-2026-000001', 'late_fee', 5000, 'upi://pay', 'tok', ?)`,
    A,
    T + 1500,
  );
  return client;
}

/** What /api/applications and /api/complaints answered before the move, read from the old tables. */
function legacyAnswers(client: Database.Database) {
  const iso = (ms: number) => new Date(ms).toISOString();
  const applications = (
    client.prepare('select * from applications order by created_at desc, id desc').all() as Record<
      string,
      never
    >[]
  ).map((r) => ({
    reference: r.reference,
    status: r.status,
    phone: r.wa_id,
    childName: r.child_name,
    sex: r.sex,
    dateOfBirth: r.date_of_birth,
    placeOfBirthType: r.place_of_birth_type,
    placeOfBirth: r.place_of_birth,
    motherName: r.mother_name,
    fatherName: r.father_name,
    address: r.address,
    district: r.district,
    pinCode: r.pin_code,
    language: r.language,
    createdAt: iso(r.created_at),
  }));
  const complaints = (
    client.prepare('select * from complaints order by created_at desc, id desc').all() as Record<
      string,
      never
    >[]
  ).map((r) => ({
    reference: r.reference,
    status: r.status,
    phone: r.wa_id,
    hospitalName: r.hospital_name,
    district: r.district,
    category: r.category,
    description: r.description,
    incidentDate: r.incident_date,
    anonymous: r.anonymous === 1,
    language: r.language,
    createdAt: iso(r.created_at),
    photos: (
      client
        .prepare(
          `select m.id, m.sha256, m.mime_type as mimeType, coalesce(a.caption, m.caption) as caption
           from attachments a join media_files m on m.message_id = a.message_id and m.media_id = a.media_id
           where a.complaint_id = ? and m.status = 'stored' order by a.id`,
        )
        .all(r.id) as { id: number; sha256: string; mimeType: string; caption: string | null }[]
    ).map(({ id, ...p }) => ({ ...p, url: `/api/media/${id}` })),
  }));
  return { applications, complaints };
}

function tempFile() {
  const dir = mkdtempSync(join(tmpdir(), 'sahayak-legacy-'));
  dirs.push(dir);
  return join(dir, 'sahayak.db');
}

describe('moving birth applications and complaints into cases', () => {
  it('reads back identically through /api/applications, /api/complaints and /api/cases', async () => {
    const path = tempFile();
    const legacy = legacyDatabase(path);
    const before = legacyAnswers(legacy);
    expect(before.complaints[1]?.photos).toHaveLength(1);
    legacy.close();

    const db = openDatabase({ path });
    const api = createApi({ db, token: TOKEN });
    const get = async (p: string) =>
      (await api.request(p, { headers: { Authorization: `Bearer ${TOKEN}` } })).json() as Promise<{
        items: Record<string, unknown>[];
      }>;
    expect((await get('/api/applications')).items).toEqual(before.applications);
    expect((await get('/api/complaints')).items).toEqual(before.complaints);
    expect((await get('/api/applications?phone=919123456789&status=rejected')).items).toEqual([
      before.applications[0],
    ]);

    const cases = (await get('/api/cases')).items;
    expect(cases.map((c) => [c.reference, c.service])).toEqual([
      ['HC-2026-000002', 'hospital_complaint'],
      ['HC-2026-000001', 'hospital_complaint'],
      ['BC-2026-000002', 'birth_certificate'],
      ['BC-2026-000001', 'birth_certificate'],
      ['CC-2026-000001', 'caste_certificate'],
    ]);
    expect(cases[3]).toEqual({
      reference: 'BC-2026-000001',
      service: 'birth_certificate',
      status: 'under_review',
      phone: A,
      language: 'hi',
      fields: {
        childName: null,
        sex: 'transgender',
        dateOfBirth: '2026-06-01',
        placeOfBirthType: 'home',
        placeOfBirth: 'House 12, Gandhi Nagar',
        motherName: 'Sunita Devi',
        fatherName: 'Ramesh Kumar',
        address: 'House 12, Gandhi Nagar, Sitapur',
        district: 'Sitapur',
        pinCode: '261001',
        informantName: 'Kamla (grandmother)',
      },
      createdAt: new Date(T).toISOString(),
      updatedAt: new Date(T + 1000).toISOString(),
    });
    expect(cases[1]?.fields).toEqual({
      hospitalName: 'CHC Biswan',
      district: 'Sitapur',
      category: 'medicine_unavailable',
      description: 'No ORS for two days.',
      incidentDate: '2026-06-09',
      anonymous: true,
    });

    const sql = db.$client;
    // every moved row passes its service's schema, as a new write would
    const { birthCertificate } = await import('../services/birth-certificate/definition.js');
    const { hospitalComplaint } = await import('../services/hospital-complaint/definition.js');
    for (const c of cases.filter((x) => x.service !== 'caste_certificate')) {
      const schema = c.service === 'birth_certificate' ? birthCertificate.schema : hospitalComplaint.schema;
      expect(schema.safeParse(c.fields).success).toBe(true);
    }
    // the workflow columns came along, the old tables are gone
    expect(
      sql
        .prepare(
          "select reference, fee_paise, fee_rule, rejection_reason, assigned_to, sla_due_at, source_message_id from cases where service != 'caste_certificate' order by id",
        )
        .all(),
    ).toEqual([
      {
        reference: 'BC-2026-000001',
        fee_paise: 5000,
        fee_rule: 'late_fee',
        rejection_reason: null,
        assigned_to: null,
        sla_due_at: T + 7 * 86_400_000,
        source_message_id: 101,
      },
      {
        reference: 'BC-2026-000002',
        fee_paise: 0,
        fee_rule: 'free',
        rejection_reason: "Mother's name differs",
        assigned_to: null,
        sla_due_at: null,
        source_message_id: 102,
      },
      {
        reference: 'HC-2026-000001',
        fee_paise: 0,
        fee_rule: null,
        rejection_reason: null,
        assigned_to: 7,
        sla_due_at: T + 3 * 86_400_000,
        source_message_id: 103,
      },
      {
        reference: 'HC-2026-000002',
        fee_paise: 0,
        fee_rule: null,
        rejection_reason: null,
        assigned_to: null,
        sla_due_at: null,
        source_message_id: null,
      },
    ]);
    expect(
      sql
        .prepare(
          "select name from sqlite_master where type = 'table' and name in ('applications', 'complaints')",
        )
        .all(),
    ).toEqual([]);
    // events and notes follow their case; the caste case's own event is untouched
    const idOf = (ref: string) =>
      (sql.prepare('select id from cases where reference = ?').get(ref) as { id: number }).id;
    expect(sql.prepare('select case_type, case_id, to_status from case_events order by id').all()).toEqual([
      { case_type: 'case', case_id: idOf('BC-2026-000001'), to_status: 'submitted' },
      { case_type: 'case', case_id: idOf('BC-2026-000001'), to_status: 'under_review' },
      { case_type: 'case', case_id: idOf('HC-2026-000001'), to_status: 'received' },
      { case_type: 'case', case_id: idOf('CC-2026-000001'), to_status: 'submitted' },
    ]);
    expect(sql.prepare('select case_type, case_id, body from case_notes').all()).toEqual([
      { case_type: 'case', case_id: idOf('HC-2026-000001'), body: 'Called the CMO' },
    ]);
    expect(sql.prepare('select case_id from attachments').all()).toEqual([
      { case_id: idOf('HC-2026-000001') },
    ]);
    // a payment still names its case by reference
    expect(sql.prepare('select for_reference from payments').all()).toEqual([
      { for_reference: 'BC-2026-000001' },
    ]);
    db.$client.close();
  });

  it('copying twice copies nothing more', () => {
    const path = tempFile();
    const legacy = legacyDatabase(path);
    const moveSql = readFileSync(join(migrations, `${MOVE}.sql`), 'utf8').split('--> statement-breakpoint');
    const runMove = () => {
      for (const statement of moveSql) legacy.exec(statement);
    };
    const snapshot = () => ({
      cases: legacy.prepare('select * from cases order by id').all(),
      events: legacy.prepare('select * from case_events order by id').all(),
      notes: legacy.prepare('select * from case_notes order by id').all(),
      attachments: legacy.prepare('select * from attachments order by id').all(),
    });
    runMove();
    const once = snapshot();
    expect(once.cases).toHaveLength(5);
    runMove();
    expect(snapshot()).toEqual(once);
    legacy.close();
  });

  it('the migration folder holds the move before the drop', () => {
    const tags = readdirSync(migrations).filter((f) => f.endsWith('.sql'));
    const move = tags.indexOf(`${MOVE}.sql`);
    const drop = tags.findIndex((t) => t.includes('drop_legacy_case_tables'));
    expect(move).toBeGreaterThan(-1);
    expect(drop).toBeGreaterThan(move);
  });
});
