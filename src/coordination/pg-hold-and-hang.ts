import pg from 'pg';
import { tryRunExclusive } from './pg-exclusive-job.js';
import { createPgOutboxStore } from './pg-outbox-claim.js';
import { createPgTurnLeases } from './pg-turn-lease.js';

// A test instance for pg-sigkill.test.ts: takes a citizen's turn lease, claims outbox rows
// and a background job's lock, says so on stdout, and hangs until it is SIGKILLed.
const [url, waId, leaseMsText] = process.argv.slice(2);
if (!url || !waId || !leaseMsText) throw new Error('usage: pg-hold-and-hang.ts URL WA_ID LEASE_MS');
const leaseMs = Number(leaseMsText);
const pool = new pg.Pool({ connectionString: url, max: 3, application_name: 'doomed-instance' });
const lease = await createPgTurnLeases({ pool, owner: `doomed-${process.pid}`, leaseMs }).acquire(waId);
const claimed = await createPgOutboxStore(pool).claim(100, leaseMs);
void tryRunExclusive(pool, 'retention', async () => {
  console.log(JSON.stringify({ lease, claimed: claimed.map((r) => r.id) }));
  await new Promise(() => undefined);
});
