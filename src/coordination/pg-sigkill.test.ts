import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pgSkipNote, pgTestServer } from '../testing/pg-test-database.js';
import { tryRunExclusive } from './pg-exclusive-job.js';
import { createPgOutboxStore } from './pg-outbox-claim.js';
import { sleep, usePgInstances } from './pg-test-instances.js';
import { createPgTurnLeases } from './pg-turn-lease.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'pg-hold-and-hang.ts');

describe.skipIf(!pgTestServer.available)(`an instance SIGKILLed mid-work${pgSkipNote}`, () => {
  const instances = usePgInstances(1);

  it('keeps its leases until they expire, then the survivor takes its citizen and its sends; its job lock goes at once', async () => {
    const pool = instances.pool(0);
    await pool.query(
      `insert into messages (wa_id, direction, kind, payload, send_status, next_attempt_at)
       select w, 'out', 'text', '{}', 'queued', clock_timestamp() from unnest(array['916000000001', '916000000001', '916000000002']) w`,
    );
    // long enough that a loaded machine still checks the live leases before they expire
    const leaseMs = 5_000;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fixture, instances.url(), '916000000009', String(leaseMs)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      out += b.toString();
    });
    for (let i = 0; i < 300 && !out.includes('\n'); i++) await sleep(50);
    const held = JSON.parse(out) as { lease: { token: number } | null; claimed: number[] };
    expect(held.lease).not.toBeNull();
    expect(held.claimed.length).toBe(2);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();

    const outbox = createPgOutboxStore(pool);
    const leases = createPgTurnLeases({ pool, owner: 'survivor' });
    // the job lock died with the connection: the survivor runs the job without waiting for any expiry
    let job: { ran: boolean } = { ran: false };
    while (!job.ran && Date.now() - killedAt < 2_000) {
      job = await tryRunExclusive(pool, 'retention', async () => true);
      if (!job.ran) await sleep(20);
    }
    expect(job.ran).toBe(true);
    // the dead instance's live leases are left alone: it might only be paused, mid-send
    expect(await outbox.claim(100, 10_000)).toEqual([]);
    expect(await outbox.recover()).toBe(0);
    expect(await leases.acquire('916000000009')).toBeNull();
    expect(Date.now() - killedAt).toBeLessThan(leaseMs - 1_000);
    await sleep(leaseMs - (Date.now() - killedAt) + 100);
    const taken = await outbox.claim(100, 10_000);
    expect(taken.map((r) => r.id).sort()).toEqual([...held.claimed].sort());
    const lease = await leases.acquire('916000000009');
    expect(lease?.owner).toBe('survivor');
    expect(lease!.token).toBeGreaterThan(held.lease!.token);
  }, 30_000);
});
