import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertLegacyCase } from '../cases/legacy-rows.js';
import { syncSearchIndex } from '../db/search-index.js';
import { type ServedSahayak, serveSahayak } from '../testing/serve-sahayak.js';
import { ERASURE_REPLY_GRACE_MS, forgetErasureReplies, isErasedWaId } from './erase-citizen.js';

// this browser's simulator id and its cookie (set in beforeAll)
let WA = '';
let simCookie = '';
// distinctive strings: found anywhere in the file, they are the erased citizen's data
const CAPTION = 'Wardphoto Zxqvyl caption';
const TEXT = 'Meri beti Qjxwvk ka janm hua hai';
const STAFF_REPLY = 'Namaste Kzvqpx ji, officer here';
const NOTE = 'Annotation Vwqzxj about this turn';
// a trigram only the citizen's text contains: the search index stores such fragments
const FRAGMENT = 'qqq';

let s: ServedSahayak;
let dir: string;
let dbPath: string;
let before = '';
let after = '';
let forgotten = 0;

async function say(message: Record<string, unknown>) {
  const res = await fetch(`${s.base}/chat/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: simCookie },
    body: JSON.stringify({ waId: WA, message }),
  });
  if (res.status !== 202) throw new Error(`chat answered ${res.status}`);
  await s.sahayak.pipeline.idle();
}

const fileBytes = () =>
  Buffer.concat([dbPath, `${dbPath}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p))).toString(
    'latin1',
  );

// The conversation, the staff's traces and the erasure happen here (several turns on the
// worker thread); the tests below read the file as it was before and after.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahayak-erase-'));
  dbPath = join(dir, 'sahayak.db');
  s = await serveSahayak({ DATABASE_PATH: dbPath, STAFF_API_TOKEN: 'api-token' });
  const me = await fetch(`${s.base}/chat/api/me`);
  simCookie = me.headers.getSetCookie()[0].split(';')[0];
  WA = ((await me.json()) as { waId: string }).waId;
  const sql = s.sahayak.db.$client;
  await say({ kind: 'text', text: `${TEXT} qqqq` });
  await say({ kind: 'image', caption: CAPTION, mimeType: 'image/jpeg' });
  const turn = sql.prepare('select id from turns where wa_id = ? order by id limit 1').get(WA) as {
    id: number;
  };
  sql
    .prepare(
      `insert into messages (wa_id, direction, kind, text, send_status, sent_by, created_at) values (?, 'out', 'text', ?, 'simulated', 'staff:1', ?)`,
    )
    .run(WA, STAFF_REPLY, Date.now());
  sql
    .prepare(
      `insert into annotations (turn_id, user_id, verdict, note, created_at) values (?, 1, 'bad', ?, ?)`,
    )
    .run(turn.id, NOTE, Date.now());
  insertLegacyCase(s.sahayak.db, 'application', {
    reference: 'BC-2026-009001',
    waId: WA,
    childName: 'Anaya',
    sex: 'female',
    dateOfBirth: '2026-11-10',
    placeOfBirthType: 'hospital',
    placeOfBirth: 'District Hospital',
    motherName: 'Seema',
    fatherName: 'Ram',
    address: 'Rampur',
    district: 'Sitapur',
    pinCode: '261001',
    language: 'hinglish',
    feeRule: 'within_21_days',
    slaDueAt: 0,
    statusAt: 0,
    createdAt: 0,
  });
  syncSearchIndex(s.sahayak.db);
  sql.pragma('wal_checkpoint(TRUNCATE)');
  before = fileBytes();

  await say({ kind: 'text', text: 'mera data delete karo' });
  await say({ kind: 'text', text: 'haan' });
  // the "data deleted" reply keeps the number only until it has gone out
  forgotten = forgetErasureReplies(s.sahayak.db, Date.now() + ERASURE_REPLY_GRACE_MS + 1);
  sql.pragma('wal_checkpoint(TRUNCATE)');
  after = fileBytes();
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('erasure leaves nothing recoverable (real server, database file)', () => {
  it('before: the citizen’s text, caption, staff reply, annotation, number and index fragments are in the file', () => {
    for (const x of [TEXT, CAPTION, STAFF_REPLY, NOTE, WA, FRAGMENT]) expect(before).toContain(x);
  });

  it('after the erasure and a checkpoint: none of it is left in the file', () => {
    expect(s.sahayak.db.$client.prepare('select count(*) n from citizens where wa_id = ?').get(WA)).toEqual({
      n: 0,
    });
    expect(forgotten).toBeGreaterThan(0);
    for (const x of [TEXT, CAPTION, STAFF_REPLY, NOTE, WA, 'Qjxwvk', 'Kzvqpx', 'Vwqzxj', FRAGMENT])
      expect(after.includes(x), `"${x}" is still in the database file`).toBe(false);
  });

  it('the kept application carries a random pseudonym that the API refuses to look up', async () => {
    const row = s.sahayak.db.$client
      .prepare(`select wa_id from cases where reference = 'BC-2026-009001'`)
      .get() as { wa_id: string };
    expect(isErasedWaId(row.wa_id)).toBe(true);
    // not derived from the number: 24 random hex digits
    expect(row.wa_id).toMatch(/^erased:[0-9a-f]{24}$/);
    const auth = { authorization: 'Bearer api-token' };
    const res = await fetch(`${s.base}/api/applications?phone=${encodeURIComponent(row.wa_id)}`, {
      headers: auth,
    });
    expect(res.status).toBe(400);
    const msgs = await fetch(`${s.base}/api/conversations/${encodeURIComponent(row.wa_id)}/messages`, {
      headers: auth,
    });
    expect(msgs.status).toBe(400);
  });
});

describe('the erasure reply sent through WhatsApp', () => {
  it('loses its number as soon as it is sent; a live citizen’s message keeps it', async () => {
    const { openDatabase } = await import('../db/open-database.js');
    const db = openDatabase({ path: ':memory:' });
    const sql = db.$client;
    sql.prepare(`insert into citizens (wa_id, created_at) values ('919800000002', 0)`).run();
    const insert = sql.prepare(
      `insert into messages (wa_id, direction, kind, text, send_status, created_at) values (?, 'out', 'text', 'done', 'queued', 0)`,
    );
    const erased = Number(insert.run('919800000001').lastInsertRowid);
    const live = Number(insert.run('919800000002').lastInsertRowid);
    sql.prepare(`update messages set send_status = 'sending'`).run();
    expect(sql.prepare('select wa_id from messages where id = ?').get(erased)).toEqual({
      wa_id: '919800000001',
    });
    sql.prepare(`update messages set send_status = 'sent', wamid = 'wamid.' || id`).run();
    const rows = sql.prepare('select id, wa_id from messages order by id').all() as {
      id: number;
      wa_id: string;
    }[];
    expect(isErasedWaId(rows.find((r) => r.id === erased)?.wa_id ?? '')).toBe(true);
    expect(rows.find((r) => r.id === live)?.wa_id).toBe('919800000002');
  });
});

describe('the erasure’s periodic tail (retention job)', () => {
  it('checkpoints and truncates the WAL after a recent erasure, so its old pages go too', async () => {
    const { openDatabase } = await import('../db/open-database.js');
    const { eraseCitizen, finishErasures } = await import('./erase-citizen.js');
    const d = mkdtempSync(join(tmpdir(), 'sahayak-wal-'));
    const path = join(d, 'sahayak.db');
    const db = openDatabase({ path });
    const sql = db.$client;
    const wa = '919800000077';
    const marker = 'Walmarker Pqzvxk';
    sql.prepare(`insert into citizens (wa_id, created_at) values (?, 0)`).run(wa);
    sql
      .prepare(
        `insert into messages (wa_id, direction, kind, text, process_status, created_at) values (?, 'in', 'text', ?, 'done', 0)`,
      )
      .run(wa, marker);
    const now = Date.now();
    db.transaction((tx) => eraseCitizen(tx, wa, now));
    const read = () =>
      Buffer.concat([path, `${path}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p))).toString(
        'latin1',
      );
    // before: the log still has the page as it was when the message was written
    expect(read()).toContain(marker);
    finishErasures(db, now + 1000);
    expect(readFileSync(`${path}-wal`).length).toBe(0);
    expect(read()).not.toContain(marker);
    sql.close();
    rmSync(d, { recursive: true, force: true });
  });
});
