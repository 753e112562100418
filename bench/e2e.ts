import { Agent, request } from 'node:http';
import { readDb, waitForQuiet } from '../src/reliability/read-db.js';
import { spawnServer } from '../src/reliability/spawn-server.js';
import { type Delivery, deliveryStream } from './lib/deliveries.js';
import { startGraphSink } from './lib/graph-sink.js';
import { cpuTimeMs, peakRssMb } from './lib/machine.js';
import { stopServer, tempDbPath } from './lib/servers.js';
import { quantile, round } from './lib/stats.js';

const SECRET = 'bench-e2e-secret';
const WARMUP_MS = 5_000;
const TOKEN = 'bench-e2e-token';

/**
 * Open-loop load: deliveries are offered at `rate` per second for `durationS` whatever the
 * server's pace (a closed loop would slow down with the server and hide queueing), to
 * citizens who each work through a multi-turn conversation. Every reply is matched to the
 * message it answers through the database (reply row → in_reply_to → inbound wamid).
 */
export async function benchEndToEnd({
  rate,
  durationS,
  citizens,
  sendRate,
  drainTimeoutMs,
  nodeArgs = [],
}: {
  rate: number;
  durationS: number;
  citizens: number;
  sendRate: number;
  drainTimeoutMs: number;
  nodeArgs?: string[];
}) {
  const sink = await startGraphSink();
  const dbPath = tempDbPath();
  // the real server (src/main.ts); only the outbox's send rate is raised above the 80/s of
  // a new Cloud API number, so the run measures Sahayak rather than Meta's throughput tier
  const server = await spawnServer({
    nodeArgs,
    env: {
      WHATSAPP_SEND_RATE: String(sendRate),
      DATABASE_PATH: dbPath,
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_ACCESS_TOKEN: TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_API_URL: sink.url,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  const cpuAtStart = await cpuTimeMs(server.pid);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const next = deliveryStream({ run: 'e2e', citizens, secret: SECRET });
  const sentAt = new Map<string, number>();
  const acked = new Set<string>();
  let failed = 0;
  let inflight = 0;
  let resent = 0;
  // Beyond this many unanswered requests the client stops offering (Meta too backs off and
  // retries later): counted as shed, so an overloaded server cannot stretch the run forever.
  const maxInflight = Math.max(500, rate);
  let shed = 0;

  const post = (d: Delivery) =>
    new Promise<void>((resolve) => {
      inflight++;
      const req = request(
        `${server.url}/webhook/whatsapp`,
        { method: 'POST', agent, headers: { ...d.headers, 'content-length': Buffer.byteLength(d.body) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            inflight--;
            if (res.statusCode === 200) acked.add(d.wamid);
            else failed++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        inflight--;
        failed++;
        resolve();
      });
      req.end(d.body);
    });

  const start = performance.now();
  const wall = () => performance.now() + performance.timeOrigin;
  let offered = 0;
  let last: Delivery | undefined;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = (performance.now() - start) / 1000;
      if (elapsed >= durationS) return resolve();
      const due = Math.floor(elapsed * rate);
      while (offered + shed < due) {
        if (inflight >= maxInflight) {
          shed++;
          continue;
        }
        // one delivery in a hundred comes twice, as Meta's retries do: it must have one effect
        if (last && offered % 100 === 50) {
          resent++;
          void post(last);
        }
        const d = next();
        sentAt.set(d.wamid, wall());
        void post(d);
        last = d;
        offered++;
      }
      setTimeout(tick, 2);
    };
    tick();
  });
  while (inflight > 0) await new Promise((r) => setTimeout(r, 10));
  const sendEnd = wall();
  const drained = await waitForQuiet(dbPath, drainTimeoutMs);
  const rssMb = await peakRssMb(server.pid);
  const cpuAtEnd = await cpuTimeMs(server.pid);
  await stopServer(server);
  await sink.close();

  const db = readDb(dbPath);
  const rows = db.all<{ inWamid: string; outWamid: string | null; status: string }>(
    `select i.wamid as inWamid, o.wamid as outWamid, o.send_status as status
     from messages o join messages i on i.id = o.in_reply_to where o.direction = 'out'`,
  );
  const turnDupes = db.get<{ d: number }>('select count(*) - count(distinct inbound_id) as d from turns').d;
  const inboundRows = db.get<{ n: number }>(`select count(*) as n from messages where direction = 'in'`).n;
  const stored = new Set(
    db.all<{ wamid: string }>(`select wamid from messages where direction = 'in'`).map((r) => r.wamid),
  );
  const unprocessed = db.get<{ n: number }>(
    `select count(*) as n from messages where direction = 'in' and process_status != 'done'`,
  ).n;
  const failedSends = db.get<{ n: number }>(
    `select count(*) as n from messages where direction = 'out' and send_status = 'failed'`,
  ).n;
  db.close();

  let firstSend = Number.POSITIVE_INFINITY;
  for (const t of sentAt.values()) firstSend = Math.min(firstSend, t);
  const lastReply = new Map<string, number>();
  let known = 0;
  for (const r of rows) {
    const at = r.outWamid ? sink.arrivals.get(r.outWamid) : undefined;
    if (at === undefined) continue;
    known++;
    lastReply.set(r.inWamid, Math.max(lastReply.get(r.inWamid) ?? 0, at));
  }
  const latencies: number[] = [];
  const warm: number[] = [];
  let unanswered = 0;
  let lastAt = 0;
  for (const wamid of acked) {
    const at = lastReply.get(wamid);
    if (at === undefined) {
      unanswered++;
      continue;
    }
    const sent = sentAt.get(wamid) ?? at;
    latencies.push(at - sent);
    if (sent - firstSend >= WARMUP_MS) warm.push(at - sent);
    lastAt = Math.max(lastAt, at);
  }
  return {
    offeredRate: rate,
    durationS,
    citizens,
    outboxSendRate: sendRate,
    offered,
    shedByClient: shed,
    acknowledged: acked.size,
    rejectedOrFailed: failed,
    redeliveredDuplicates: resent,
    inboundRows,
    turnsPerSecond: round(latencies.length / ((lastAt - firstSend) / 1000), 0),
    p50Ms: round(quantile(latencies, 0.5), 1),
    p99Ms: round(quantile(latencies, 0.99), 1),
    maxMs: round(quantile(latencies, 1), 1),
    // the same without the first seconds, while the fresh process compiles and warms its JIT
    afterWarmup: {
      p50Ms: round(quantile(warm, 0.5), 1),
      p99Ms: round(quantile(warm, 0.99), 1),
      turns: warm.length,
    },
    // acknowledged (200) but not in the inbox: the durability promise broken
    lost: [...acked].filter((w) => !stored.has(w)).length,
    // still waiting (inbox or outbox) when the drain timeout ended the run: delayed, not lost
    unansweredAtCutoff: unanswered,
    unprocessed,
    duplicates: turnDupes + (sink.arrivals.size - known),
    failedSends,
    graphSends: sink.arrivals.size,
    drainedWithinMs: drained ? round(wall() - sendEnd, 0) : null,
    peakRssMb: rssMb,
    // the server's own CPU time per answered turn (ingest + turn + send): what bounds
    // throughput on one core, and less sensitive to other load on the machine than latency
    serverCpuMsPerTurn:
      cpuAtStart !== null && cpuAtEnd !== null && latencies.length > 0
        ? round((cpuAtEnd - cpuAtStart) / latencies.length, 2)
        : null,
    targets: { turnsPerSecond: 1_000, p99Ms: 100, rssMb: 250 },
  };
}
