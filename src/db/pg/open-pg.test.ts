import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../testing/pg-cluster.js';
import { pgSkipNote, pgTestServer, usePgTestDatabase } from '../../testing/pg-test-database.js';
import { DatabaseUnavailableError } from '../open-database.js';
import { openPg, type PgDb, pgMigrationsApplied, pgMigrationsFolder } from './open-pg.js';
import { citizens, messages } from './schema.js';

/** tables in the public and drizzle schemas of the database at `url` */
async function tablesIn(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>(
      `select count(*) as n from information_schema.tables where table_schema in ('public', 'drizzle')`,
    );
    return Number(rows[0]?.n);
  } finally {
    await c.end();
  }
}

describe('openPg: unreachable server', () => {
  it('fails fast with one line that names the server, not the password', async () => {
    const port = await freePort();
    const err = await openPg({
      url: `postgres://u:secret@127.0.0.1:${port}/x`,
      connectTimeoutMs: 2000,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    const message = (err as Error).message;
    expect(message).toContain(`127.0.0.1:${port}/x`);
    expect(message).toContain('ECONNREFUSED');
    expect(message).not.toContain('secret');
    expect(message).not.toContain('\n');
  });
});

describe.skipIf(!pgTestServer.available)(`openPg on PostgreSQL${pgSkipNote}`, () => {
  const database = usePgTestDatabase();
  const opened: PgDb[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.$client.end()));
  });

  it('applies every migration, also when two instances start at once, and says so', async () => {
    const [a, b] = await Promise.all([openPg({ url: database.url() }), openPg({ url: database.url() })]);
    opened.push(a, b);
    expect(await pgMigrationsApplied(a)).toBe(true);
    const { rows } = await a.$client.query<{ n: string }>(
      'select count(*) as n from drizzle.__drizzle_migrations',
    );
    const journal = JSON.parse(readFileSync(join(pgMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(journal.entries.length).toBeGreaterThanOrEqual(5);
    expect(Number(rows[0]?.n)).toBe(journal.entries.length);
    // opening again changes nothing
    const c = await openPg({ url: database.url() });
    opened.push(c);
    const again = await c.$client.query<{ n: string }>(
      'select count(*) as n from drizzle.__drizzle_migrations',
    );
    expect(again.rows[0]?.n).toBe(rows[0]?.n);
  });

  it('reads and writes timestamps as epoch milliseconds, jsonb as values', async () => {
    const db = opened[0] as PgDb;
    const before = Date.now();
    await db.insert(citizens).values({ waId: '919800000001', privacyNoticeAt: 1_796_236_244_036 });
    const row = (await db.select().from(citizens).where(eq(citizens.waId, '919800000001')))[0];
    expect(row?.privacyNoticeAt).toBe(1_796_236_244_036);
    expect(row?.createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(row?.createdAt).toBeLessThanOrEqual(Date.now() + 1000);
    expect(row?.languageChosen).toBe(false);
    const [m] = await db
      .insert(messages)
      .values({ waId: '919800000001', direction: 'out', kind: 'text', payload: { text: { body: 'नमस्ते' } } })
      .returning();
    expect(typeof m?.id).toBe('number');
    expect(m?.payload).toEqual({ text: { body: 'नमस्ते' } });
    const { rows } = await db.$client.query<{ t: string }>(
      `select to_char(privacy_notice_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') as t from citizens`,
    );
    expect(rows[0]?.t).toBe(new Date(1_796_236_244_036).toISOString().replace('T', ' ').replace('Z', ''));
  });

  it('finds Devanagari and romanized text by substring through the trigram index', async () => {
    const db = opened[0] as PgDb;
    const texts = ['मुझे जन्म प्रमाणपत्र चाहिए', 'janm praman patra chahiye', 'अस्पताल में दवा नहीं है', null];
    await db
      .insert(messages)
      .values(texts.map((text) => ({ waId: '919800000002', direction: 'in' as const, kind: 'text', text })));
    const find = async (needle: string) =>
      (
        await db
          .select({ text: messages.text })
          .from(messages)
          .where(sql`${messages.text} ilike ${`%${needle}%`}`)
      ).map((r) => r.text);
    expect(await find('माणप')).toEqual(['मुझे जन्म प्रमाणपत्र चाहिए']);
    expect(await find('PRAMAN')).toEqual(['janm praman patra chahiye']);
    expect(await find('दवा नही')).toEqual(['अस्पताल में दवा नहीं है']);
    // the plan, with sequential scans priced out as on a big table: the GIN index answers
    const client = await db.$client.connect();
    try {
      await client.query('begin');
      await client.query('set local enable_seqscan = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `explain select id from messages where text ilike '%माणप%'`,
      );
      await client.query('rollback');
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('messages_text_trgm_idx');
    } finally {
      client.release();
    }
    // the index holds the Devanagari trigrams themselves, not just blanks
    const { rows } = await db.$client.query<{ t: string[] }>(`select show_trgm('प्रमाणपत्र') as t`);
    expect(rows[0]?.t.length).toBeGreaterThan(5);
  });

  it('warns when the database cannot index Devanagari trigrams (a C LC_CTYPE)', async () => {
    const url = new URL(database.url());
    const name = `${url.pathname.slice(1)}_c`;
    const admin = opened[0] as PgDb;
    await admin.$client.query(
      `create database "${name}" template template0 encoding 'UTF8' lc_ctype 'C' lc_collate 'C'`,
    );
    try {
      url.pathname = `/${name}`;
      const warnings: string[] = [];
      const c = await openPg({ url: url.toString(), onWarning: (m) => warnings.push(m) });
      await c.$client.end();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('LC_CTYPE');
      const ok: string[] = [];
      const d = await openPg({ url: database.url(), onWarning: (m) => ok.push(m) });
      await d.$client.end();
      expect(ok).toEqual([]);
    } finally {
      await admin.$client.query(`drop database if exists "${name}" with (force)`);
    }
  });

  it('opened to read only, leaves the schema alone: refuses an unmigrated database in one line', async () => {
    const url = new URL(database.url());
    const name = `${url.pathname.slice(1)}_bare`;
    const admin = opened[0] as PgDb;
    await admin.$client.query(`create database "${name}"`);
    try {
      url.pathname = `/${name}`;
      const err = await openPg({ url: url.toString(), applyMigrations: false }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseUnavailableError);
      expect((err as Error).message).toMatch(/lacks this version's migrations: start the server on it once/);
      expect((err as Error).message).not.toContain('\n');
      // nothing was created in it: no table, not even drizzle's journal
      expect(await tablesIn(url.toString())).toBe(0);
    } finally {
      await admin.$client.query(`drop database if exists "${name}" with (force)`);
    }
  });

  it("replaces an erased citizen's number on their last reply once it is sent, and only then", async () => {
    const db = opened[0] as PgDb;
    await db.insert(citizens).values({ waId: '919800000003' });
    const [kept, erased] = await db
      .insert(messages)
      .values([
        { waId: '919800000003', direction: 'out', kind: 'text', sendStatus: 'queued' },
        { waId: '919800000004', direction: 'out', kind: 'text', sendStatus: 'queued' },
      ])
      .returning({ id: messages.id });
    const waIdOf = async (id: number) =>
      (await db.select({ waId: messages.waId }).from(messages).where(eq(messages.id, id)))[0]?.waId;
    await db
      .update(messages)
      .set({ sendStatus: 'sending' })
      .where(eq(messages.id, erased?.id ?? 0));
    expect(await waIdOf(erased?.id ?? 0)).toBe('919800000004');
    await db
      .update(messages)
      .set({ sendStatus: 'sent' })
      .where(sql`${messages.id} in (${kept?.id}, ${erased?.id})`);
    expect(await waIdOf(kept?.id ?? 0)).toBe('919800000003');
    expect(await waIdOf(erased?.id ?? 0)).toMatch(/^erased:[0-9a-f]{24}$/);
  });
});
