import { loadavg } from 'node:os';
import { join } from 'node:path';
import { type Delivery, deliveryStream } from './lib/deliveries.js';
import { startGraphSink } from './lib/graph-sink.js';
import { offerOpenLoop } from './lib/open-loop.js';
import { treeCpuMs } from './lib/process-tree.js';
import { startProcessServer } from './lib/servers.js';
import { round } from './lib/stats.js';

const SECRET = 'bench-floor-secret';
const WARMUP_MS = 5_000;

/**
 * The transport floor: the end-to-end run's traffic (the same open-loop deliveries, the same
 * fake Graph API and its three receipts a reply) against `transport-floor-server.ts`, which
 * only reads, verifies and parses each webhook call and sends one reply a message through
 * the real Graph client. Its CPU per HTTP exchange, times the real server's exchanges per
 * turn, is what Meta's protocol over node:http costs a turn here before any of Sahayak's own work.
 */
export async function benchTransportFloor({
  rate,
  durationS,
  citizens,
  graphLatencyMs,
  sendRate,
}: {
  rate: number;
  durationS: number;
  citizens: number;
  graphLatencyMs: number;
  sendRate: number;
}) {
  const sink = await startGraphSink({ latencyMs: graphLatencyMs });
  // the loader compiles the file once at start; what runs afterwards is the same JavaScript
  const server = await startProcessServer(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'transport-floor-server.ts')],
    {
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_ACCESS_TOKEN: 'bench-floor-token',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_API_URL: sink.url,
      WHATSAPP_SEND_RATE: String(sendRate),
    },
  );
  sink.sendReceiptsTo({ webhookUrl: `${server.url}/webhook/whatsapp`, secret: SECRET });
  const next = deliveryStream({ run: `floor${rate}x${graphLatencyMs}`, citizens, secret: SECRET });
  const planned: Delivery[] = Array.from({ length: Math.ceil(rate * durationS * 1.01) + 10 }, next);

  // the server's own counts of webhook posts and sends, beside its CPU
  const mark = async () => {
    const c = (await (await fetch(`${server.url}/counts`)).json()) as { posts: number; sends: number };
    return { ...c, cpuMs: treeCpuMs(server.pid) };
  };
  const atStart = await mark();
  const load1mAtStart = loadavg()[0];
  let atWarm: Promise<Awaited<ReturnType<typeof mark>>> | undefined;
  const warmTimer = setTimeout(() => {
    atWarm = mark();
  }, WARMUP_MS);
  const loop = await offerOpenLoop({ urls: [`${server.url}/webhook/whatsapp`], planned, rate, durationS });
  clearTimeout(warmTimer);
  await sink.receiptsSettled(10_000);
  const atEnd = await mark();
  const load1mAtEnd = loadavg()[0];
  await server.stop();
  await sink.close();

  const perExchange = (from: Awaited<ReturnType<typeof mark>>) => {
    const exchanges = atEnd.posts - from.posts + (atEnd.sends - from.sends);
    return exchanges > 0 ? round((1000 * (atEnd.cpuMs - from.cpuMs)) / exchanges, 1) : null;
  };
  const warm = atWarm ? await atWarm : undefined;
  return {
    offeredRate: rate,
    durationS,
    graphLatencyMs,
    offered: loop.offered,
    acknowledged: loop.acked.size,
    rejectedOrFailed: loop.failed,
    shedByClient: loop.shed,
    graphSends: sink.arrivals.size,
    receiptsPosted: sink.receipts.posted,
    receiptsFailed: sink.receipts.failed,
    /** webhook calls in (messages, redeliveries, receipts) and sends out */
    httpExchanges: atEnd.posts - atStart.posts + (atEnd.sends - atStart.sends),
    serverCpuUsPerExchange: perExchange(atStart),
    /** from 5 s on, once the JIT has warmed */
    serverCpuUsPerExchangeAfterWarmup: warm ? perExchange(warm) : null,
    /** per message answered: the message in, one send out, its three receipts in */
    serverCpuMsPerTurn:
      atEnd.sends > atStart.sends
        ? round((atEnd.cpuMs - atStart.cpuMs) / (atEnd.sends - atStart.sends), 3)
        : null,
    loadAverage1m: { start: round(load1mAtStart, 2), end: round(load1mAtEnd, 2) },
  };
}
