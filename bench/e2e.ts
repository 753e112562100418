import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, startPgCluster } from '../src/testing/pg-cluster.js';
import { type Delivery, deliveryStream } from './lib/deliveries.js';
import { startGraphSink } from './lib/graph-sink.js';
import { machineBusyMs } from './lib/machine.js';
import { offerOpenLoop } from './lib/open-loop.js';
import { sampleTreeRss, treeCpu, treeCpuMs } from './lib/process-tree.js';
import { openResultDb, type RunDatabase, waitForQuietDb } from './lib/result-db.js';
import { type BenchServer, removeTempDbs, startRealServer, tempDbPath } from './lib/servers.js';
import { quantile, round } from './lib/stats.js';

const SECRET = 'bench-e2e-secret';
const WARMUP_MS = 5_000;
const TOKEN = 'bench-e2e-token';

/**
 * Open-loop load: deliveries are offered at `rate` per second for `durationS` whatever the
 * server's pace (a closed loop would slow down with the server and hide queueing), to
 * citizens who each work through a multi-turn conversation. The bodies are signed before
 * the run, so the load generator only sends. The fake Graph API answers each send after
 * `graphLatencyMs` and then reports it back as Meta does (sent, delivered, read: three more
 * webhook calls per reply). Every reply is matched to the message it answers through the
 * database (reply row → in_reply_to → inbound wamid).
 */
export async function benchEndToEnd({
  rate,
  durationS,
  citizens,
  sendRate,
  graphLatencyMs,
  drainTimeoutMs,
  profileDir,
  serverRoot,
  database = 'sqlite',
  instances = 1,
  receipts = true,
}: {
  rate: number;
  durationS: number;
  citizens: number;
  sendRate: number;
  graphLatencyMs: number;
  drainTimeoutMs: number;
  /** a directory for a V8 CPU profile of the server (then run as node, not npm start) */
  profileDir?: string;
  /** run `npm start` in this directory instead (a baseline build, for same-run ratios) */
  serverRoot?: string;
  /** 'postgres': a local PostgreSQL 15 cluster started for the run, with its durability on */
  database?: 'sqlite' | 'postgres';
  /** servers on the one database, the deliveries and receipts spread over them in turn */
  instances?: number;
  /** false: no status receipts posted back (what a turn costs without Meta's ~4 webhooks) */
  receipts?: boolean;
}) {
  const sink = await startGraphSink({ latencyMs: graphLatencyMs });
  const cluster = database === 'postgres' ? await startPgCluster({ durable: true }) : null;
  const run: RunDatabase = cluster
    ? { kind: 'postgres', url: databaseUrl(cluster.url, 'postgres') }
    : { kind: 'sqlite', path: tempDbPath() };
  // the database server's CPU is part of a turn's cost (SQLite's is inside the node process)
  const postmaster = cluster
    ? Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0])
    : null;
  // `npm start`; only the outbox's send rate is raised above the 80/s of a new Cloud API
  // number, so the run measures Sahayak rather than Meta's throughput tier. The instances
  // start one after the other: the first applies the migrations.
  const servers: BenchServer[] = [];
  for (let i = 0; i < instances; i++) {
    servers.push(
      await startRealServer(
        {
          // on PostgreSQL the number's rate is one bucket in the database that every instance
          // draws from, so each is given the whole rate; SQLite has one instance
          WHATSAPP_SEND_RATE: String(run.kind === 'postgres' ? sendRate : sendRate / instances),
          ...(run.kind === 'sqlite'
            ? { DATABASE_PATH: run.path }
            : { DATABASE_URL: run.url, INSTANCE_ID: `bench-${i}` }),
          WHATSAPP_APP_SECRET: SECRET,
          WHATSAPP_ACCESS_TOKEN: TOKEN,
          WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
          WHATSAPP_API_URL: sink.url,
          RATE_LIMIT_PER_MINUTE: '100000',
        },
        { profileDir, serverRoot },
      ),
    );
  }
  const server = servers[0];
  if (receipts)
    sink.sendReceiptsTo({ webhookUrl: servers.map((s) => `${s.url}/webhook/whatsapp`), secret: SECRET });

  // signed in advance: the generator's CPU during the run is sending, not HMAC
  const next = deliveryStream({ run: `e2e${rate}x${graphLatencyMs}`, citizens, secret: SECRET });
  const planned: Delivery[] = Array.from({ length: Math.ceil(rate * durationS * 1.01) + 10 }, next);

  const rss = servers.map((s) => sampleTreeRss(s.pid));
  const dbRss = postmaster ? sampleTreeRss(postmaster) : null;
  const dbCpuNow = () => (postmaster ? treeCpuMs(postmaster) : 0);
  const serversCpuNow = () => servers.reduce((sum, s) => sum + treeCpuMs(s.pid), 0);
  const cpuNow = () => serversCpuNow() + dbCpuNow();
  // each read once: the servers' and PostgreSQL's parts are also what limited the run
  const serversCpuAtStart = serversCpuNow();
  const dbCpuAtStart = dbCpuNow();
  const cpuAtStart = serversCpuAtStart + dbCpuAtStart;
  const machineBusyAtStart = machineBusyMs();
  const sysNow = () => servers.reduce((sum, s) => sum + treeCpu(s.pid).systemMs, 0);
  const sysAtStart = sysNow();
  const genCpuAtStart = process.cpuUsage();
  const load1mAtStart = loadavg()[0];
  const wall = () => performance.now() + performance.timeOrigin;
  // the servers' CPU once the JIT has warmed: the steady state, beside the whole run's
  let cpuAtWarm: number | null = null;
  const warmTimer = setTimeout(() => {
    cpuAtWarm = cpuNow();
  }, WARMUP_MS);
  const { sentAt, acked, offered, shed, resent, failed, ackMs, start } = await offerOpenLoop({
    urls: servers.map((s) => `${s.url}/webhook/whatsapp`),
    planned,
    rate,
    durationS,
  });
  clearTimeout(warmTimer);
  const sendEnd = wall();
  const genCpu = process.cpuUsage(genCpuAtStart);
  const offeringMs = performance.now() - start;
  // each server's and PostgreSQL's CPU while the deliveries were offered: what limited the run
  const serversCpuWhileOffered = serversCpuNow() - serversCpuAtStart;
  const dbCpuWhileOffered = dbCpuNow() - dbCpuAtStart;
  // every process on the machine, ours or not: whether the cores were full
  const machineBusyWhileOffered = machineBusyMs() - machineBusyAtStart;
  const drained = await waitForQuietDb(run, drainTimeoutMs);
  const drainedMs = drained ? round(wall() - sendEnd, 0) : null;
  // the receipts of the last replies (read comes ~0.5 s after the send)
  await sink.receiptsSettled(10_000);
  const dbCpuAtEnd = dbCpuNow();
  const cpuAtEnd = serversCpuNow() + dbCpuAtEnd;
  const sysAtEnd = sysNow();
  const load1mAtEnd = loadavg()[0];
  // the servers' trees side by side (an operator runs them on separate machines): the largest
  const peakRss = Math.max(...rss.map((r) => r.stop()));
  const databaseRss = dbRss?.stop() ?? null;
  for (const s of servers) await s.stop();
  await sink.close();

  const db = await openResultDb(run);
  const rows = await db.all<{ inWamid: string; outWamid: string | null; status: string }>(
    `select i.wamid as "inWamid", o.wamid as "outWamid", o.send_status as status
     from messages o join messages i on i.id = o.in_reply_to where o.direction = 'out'`,
  );
  const turnDupes = await db.count('select count(*) - count(distinct inbound_id) as d from turns');
  const inboundRows = await db.count(`select count(*) as n from messages where direction = 'in'`);
  const stored = new Set(
    (await db.all<{ wamid: string }>(`select wamid from messages where direction = 'in'`)).map(
      (r) => r.wamid,
    ),
  );
  const unprocessed = await db.count(
    `select count(*) as n from messages where direction = 'in' and process_status != 'done'`,
  );
  const failedSends = await db.count(
    `select count(*) as n from messages where direction = 'out' and send_status = 'failed'`,
  );
  const receiptStatuses = Object.fromEntries(
    (
      await db.all<{ s: string; n: number | string }>(
        `select send_status as s, count(*) as n from messages where direction = 'out' group by send_status`,
      )
    ).map((r) => [r.s, Number(r.n)]),
  );
  await db.close();
  removeTempDbs();
  await cluster?.stop();

  let firstSend = Number.POSITIVE_INFINITY;
  for (const t of sentAt.values()) firstSend = Math.min(firstSend, t);
  const firstReply = new Map<string, number>();
  const lastReply = new Map<string, number>();
  let known = 0;
  for (const r of rows) {
    const at = r.outWamid ? sink.arrivals.get(r.outWamid) : undefined;
    if (at === undefined) continue;
    known++;
    firstReply.set(r.inWamid, Math.min(firstReply.get(r.inWamid) ?? Number.POSITIVE_INFINITY, at));
    lastReply.set(r.inWamid, Math.max(lastReply.get(r.inWamid) ?? 0, at));
  }
  const latencies: number[] = [];
  const firstLatencies: number[] = [];
  const warm: number[] = [];
  const warmFirst: number[] = [];
  // first-reply latencies by the second they were sent in: where in the run the tail is
  const bySecond: number[][] = [];
  let unanswered = 0;
  let lastAt = 0;
  for (const wamid of acked) {
    const at = lastReply.get(wamid);
    const first = firstReply.get(wamid);
    if (at === undefined || first === undefined) {
      unanswered++;
      continue;
    }
    const sent = sentAt.get(wamid) ?? at;
    latencies.push(at - sent);
    firstLatencies.push(first - sent);
    const second = Math.floor((sent - firstSend) / 1000);
    const inSecond = bySecond[second] ?? [];
    bySecond[second] = inSecond;
    inSecond.push(first - sent);
    if (sent - firstSend >= WARMUP_MS) {
      warm.push(at - sent);
      warmFirst.push(first - sent);
    }
    lastAt = Math.max(lastAt, at);
  }
  const notStored = [...acked].filter((w) => !stored.has(w)).length;
  return {
    database,
    instances,
    offeredRate: rate,
    durationS,
    graphLatencyMs,
    citizens,
    outboxSendRate: sendRate,
    offered,
    shedByClient: shed,
    acknowledged: acked.size,
    rejectedOrFailed: failed,
    redeliveredDuplicates: resent,
    inboundRows,
    webhookAckP99Ms: round(quantile(ackMs, 0.99), 1),
    turnsPerSecond: round(latencies.length / ((lastAt - firstSend) / 1000), 0),
    // to the first message of the reply (the citizen sees an answer) and to its last (a
    // reply of n messages waits n − 1 Graph round trips: each citizen's sends are in order)
    firstReplyP50Ms: round(quantile(firstLatencies, 0.5), 1),
    firstReplyP99Ms: round(quantile(firstLatencies, 0.99), 1),
    p50Ms: round(quantile(latencies, 0.5), 1),
    p99Ms: round(quantile(latencies, 0.99), 1),
    maxMs: round(quantile(latencies, 1), 1),
    firstReplyP99BySecondMs: Array.from(bySecond, (l) => (l ? round(quantile(l, 0.99), 0) : null)),
    // the same without the first seconds, while the fresh process warms its JIT
    afterWarmup: {
      firstReplyP99Ms: round(quantile(warmFirst, 0.99), 1),
      p50Ms: round(quantile(warm, 0.5), 1),
      p99Ms: round(quantile(warm, 0.99), 1),
      turns: warm.length,
      /** the servers' CPU from 5 s on, per turn of a message sent from then on */
      serverCpuMsPerTurn:
        cpuAtWarm !== null && warm.length > 0 ? round((cpuAtEnd - cpuAtWarm) / warm.length, 2) : null,
    },
    // acknowledged (200) with no reply at Graph when the run ended (not stored, or stored
    // and never answered or sent within the drain timeout): what a citizen would call lost
    lost: unanswered,
    lostNotStored: notStored,
    unprocessed,
    duplicates: turnDupes + (sink.arrivals.size - known),
    duplicateTurns: turnDupes,
    // Graph sends the database has no wamid for: a send cut off at the drain deadline (its
    // row is still leased and would be sent again after a restart) or a send repeated
    unknownGraphSends: sink.arrivals.size - known,
    failedSends,
    graphSends: sink.arrivals.size,
    readReceiptsToGraph: sink.readMarks(),
    /** webhook calls in (messages, redeliveries, receipts) and calls to Graph (sends, read marks) a turn */
    httpExchangesPerTurn:
      latencies.length > 0
        ? round(
            (offered + resent + sink.receipts.posted + sink.arrivals.size + sink.readMarks()) /
              latencies.length,
            2,
          )
        : null,
    receiptsPosted: sink.receipts.posted,
    receiptsFailed: sink.receipts.failed,
    outboundStatuses: receiptStatuses,
    drainedWithinMs: drainedMs,
    healthzMs: round(server.healthzMs, 0),
    peakRssMb: peakRss,
    /** PostgreSQL's own processes (shared buffers counted once per process that touched them) */
    databasePeakRssMb: databaseRss,
    // the whole tree's CPU time (npm, node) per answered turn: ingest of the message and
    // its receipts, the turn, the sends. Least sensitive to other load on the machine.
    serverCpuMsPerTurn: latencies.length > 0 ? round((cpuAtEnd - cpuAtStart) / latencies.length, 2) : null,
    /** of which the servers' time in the kernel */
    serverSystemCpuMsPerTurn:
      latencies.length > 0 ? round((sysAtEnd - sysAtStart) / latencies.length, 2) : null,
    /** of which PostgreSQL's processes (0 on SQLite, which runs inside the server) */
    databaseCpuMsPerTurn:
      latencies.length > 0 ? round((dbCpuAtEnd - dbCpuAtStart) / latencies.length, 2) : null,
    generatorCpuShareOfCore: round((genCpu.user + genCpu.system) / 1000 / offeringMs, 2),
    /** one server tree's CPU while the deliveries were offered, as a share of one core */
    serverCpuShareOfCore: round(serversCpuWhileOffered / instances / offeringMs, 2),
    databaseCpuShareOfCore: round(dbCpuWhileOffered / offeringMs, 2),
    /** every core's busy time while the deliveries were offered, in cores */
    machineBusyCores: round(machineBusyWhileOffered / offeringMs, 2),
    loadAverage1m: { start: round(load1mAtStart, 2), end: round(load1mAtEnd, 2) },
    targets: {
      firstReplyP99Ms: 150,
      lost: 0,
      duplicates: 0,
      peakRssMb: 200,
      serverCpuMsPerTurn: 0.8,
      healthzMs: 1000,
    },
  };
}
