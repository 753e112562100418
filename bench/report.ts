import { limitOf } from './lib/limit.js';

type Row = [string, string, string, string];

const fmt = (n: number | null | undefined, unit = '') =>
  n === null || n === undefined || Number.isNaN(n) ? '—' : `${n.toLocaleString('en-US')}${unit}`;
const round2 = (n: number) => Math.round(n * 100) / 100;
const ok = (met: boolean | undefined) => (met === undefined ? '' : met ? 'yes' : 'NO');

/** The printed summary: one line a figure, its target, and whether it is met. */
export function table(r: BenchResults): string {
  const rows: Row[] = [['measure', 'value', 'target', 'met']];
  const i = r.ingest;
  if (i) {
    rows.push([
      'ingest: real server req/s',
      fmt(i.server.requestsPerSecond),
      '≥ 5,000',
      ok(i.server.requestsPerSecond >= 5000),
    ]);
    rows.push([
      'ingest: real server p50 / p99',
      `${fmt(i.server.p50Ms, ' ms')} / ${fmt(i.server.p99Ms, ' ms')}`,
      '',
      '',
    ]);
    const st = i.serverStatusesOnly;
    rows.push(['ingest: status receipts only req/s', fmt(st.requestsPerSecond), '', '']);
    rows.push([
      'ingest: status receipts p50 / p99',
      `${fmt(st.p50Ms, ' ms')} / ${fmt(st.p99Ms, ' ms')}`,
      '',
      '',
    ]);
    rows.push(['ingest: bare Hono req/s', fmt(i.bare.requestsPerSecond), '', '']);
    rows.push([
      'ingest: bare Hono p50 / p99',
      `${fmt(i.bare.p50Ms, ' ms')} / ${fmt(i.bare.p99Ms, ' ms')}`,
      '',
      '',
    ]);
    rows.push(['ingest: real / bare', fmt(i.ratio), '≥ 0.5', ok(i.ratio >= 0.5)]);
    rows.push(['ingest: status receipts / bare', fmt(i.statusesRatio), '', '']);
    rows.push([
      'ingest: non-2xx / errors',
      `${i.server.non2xx} / ${i.server.errors}`,
      '0 / 0',
      ok(i.server.non2xx + i.server.errors === 0),
    ]);
  }
  if (i) {
    rows.push([
      'ingest: generator CPU (bare / real)',
      `${fmt(i.bare.generatorCpuShareOfCore)} / ${fmt(i.server.generatorCpuShareOfCore)} core`,
      '',
      '',
    ]);
  }
  for (const e of r.endToEnd ?? []) {
    const where = e.database === 'postgres' ? `, ${e.instances} × PostgreSQL` : '';
    const tag = `e2e ${e.offeredRate}/s, Graph ${e.graphLatencyMs} ms, ${e.durationS}s${where}`;
    rows.push([
      `${tag}: turns/s`,
      fmt(e.turnsPerSecond),
      `${fmt(e.offeredRate)}`,
      ok(e.turnsPerSecond >= e.offeredRate * 0.98),
    ]);
    rows.push([
      `${tag}: first reply p50 / p99`,
      `${fmt(e.firstReplyP50Ms, ' ms')} / ${fmt(e.firstReplyP99Ms, ' ms')}`,
      'p99 < 150 ms',
      ok(e.firstReplyP99Ms < 150),
    ]);
    rows.push([`${tag}: whole reply p50 / p99`, `${fmt(e.p50Ms, ' ms')} / ${fmt(e.p99Ms, ' ms')}`, '', '']);
    rows.push([
      `${tag}: first reply p99 after 5 s warm-up`,
      fmt(e.afterWarmup.firstReplyP99Ms, ' ms'),
      'p99 < 150 ms',
      ok(e.afterWarmup.firstReplyP99Ms < 150),
    ]);
    rows.push([
      `${tag}: lost / duplicates`,
      `${e.lost} / ${e.duplicates}`,
      '0 / 0',
      ok(e.lost === 0 && e.duplicates === 0),
    ]);
    rows.push([
      `${tag}: offered / shed (overload)`,
      `${fmt(e.offered)} / ${fmt(e.shedByClient)}`,
      '— / 0',
      ok(e.shedByClient === 0),
    ]);
    rows.push([
      `${tag}: receipts posted / failed`,
      `${fmt(e.receiptsPosted)} / ${fmt(e.receiptsFailed)}`,
      '',
      '',
    ]);
    rows.push([
      `${tag}: server CPU per turn`,
      fmt(e.serverCpuMsPerTurn, ' ms'),
      '≤ 0.8 ms',
      ok(e.serverCpuMsPerTurn !== null && e.serverCpuMsPerTurn <= 0.8),
    ]);
    rows.push([`${tag}:   of which in the kernel`, fmt(e.serverSystemCpuMsPerTurn, ' ms'), '', '']);
    const floorUs =
      r.transportFloor?.serverCpuUsPerExchangeAfterWarmup ?? r.transportFloor?.serverCpuUsPerExchange;
    if (floorUs != null && e.httpExchangesPerTurn !== null)
      rows.push([
        `${tag}:   of which the transport floor (${e.httpExchangesPerTurn} HTTP exchanges)`,
        fmt(round2((floorUs * e.httpExchangesPerTurn) / 1000), ' ms'),
        '',
        '',
      ]);
    if (e.databasePeakRssMb !== null)
      rows.push([`${tag}:   of which PostgreSQL`, fmt(e.databaseCpuMsPerTurn, ' ms'), '', '']);
    rows.push([
      `${tag}: server CPU per turn after 5 s warm-up`,
      fmt(e.afterWarmup.serverCpuMsPerTurn, ' ms'),
      '≤ 0.8 ms',
      ok(e.afterWarmup.serverCpuMsPerTurn !== null && e.afterWarmup.serverCpuMsPerTurn <= 0.8),
    ]);
    rows.push([
      `${tag}: peak RSS (npm start tree)`,
      fmt(e.peakRssMb, ' MB'),
      '< 200 MB',
      ok(e.peakRssMb !== null && e.peakRssMb < 200),
    ]);
    if (e.databasePeakRssMb !== null)
      rows.push([`${tag}: peak RSS of PostgreSQL`, fmt(e.databasePeakRssMb, ' MB'), '', '']);
    rows.push([
      `${tag}: /healthz after start`,
      fmt(e.healthzMs, ' ms'),
      '< 1,000 ms',
      ok(e.healthzMs < 1000),
    ]);
    rows.push([
      `${tag}: load average 1m (start → end)`,
      `${e.loadAverage1m.start} → ${e.loadAverage1m.end}`,
      '',
      '',
    ]);
    rows.push([`${tag}: generator CPU`, `${fmt(e.generatorCpuShareOfCore)} core`, '', '']);
    rows.push([`${tag}: server CPU while offered`, `${fmt(e.serverCpuShareOfCore)} core`, '', '']);
    const cpus = Number(r.machine.cpus);
    rows.push([`${tag}: machine busy while offered`, `${fmt(e.machineBusyCores)} of ${cpus} cores`, '', '']);
    const limit = limitOf({ ...e, cpus });
    if (limit) rows.push([`${tag}: limited by`, limit, '', '']);
  }
  const f = r.transportFloor;
  if (f) {
    const tag = `transport floor ${f.offeredRate}/s, Graph ${f.graphLatencyMs} ms, ${f.durationS}s`;
    rows.push([
      `${tag}: CPU per HTTP exchange (after warm-up)`,
      `${fmt(f.serverCpuUsPerExchange, ' µs')} (${fmt(f.serverCpuUsPerExchangeAfterWarmup, ' µs')})`,
      '',
      '',
    ]);
    rows.push([
      `${tag}: CPU per turn (1 message, 1 send, 3 receipts)`,
      fmt(f.serverCpuMsPerTurn, ' ms'),
      '',
      '',
    ]);
    rows.push([
      `${tag}: acknowledged / failed, receipts failed`,
      `${fmt(f.acknowledged)} / ${fmt(f.rejectedOrFailed)}, ${fmt(f.receiptsFailed)}`,
      '',
      '',
    ]);
  }
  const o = r.openaiOverhead;
  if (o)
    rows.push([
      'openai engine overhead / turn (median)',
      fmt(o.medianOverheadMs, ' ms'),
      '< 2 ms',
      ok(o.met),
    ]);
  if (o) rows.push(['  of which HTTP + SDK round trip', fmt(o.medianEngineCallMs, ' ms'), '', '']);
  const p = r.promptSize;
  if (p) {
    rows.push([
      'prompt + tool schemas (o200k tokens, largest request)',
      `${p.systemPromptTokens} + ${p.toolSchemaTokens} = ${p.totalTokens}`,
      '< 1,500',
      ok(p.totalTokens < 1500),
    ]);
    rows.push([
      '  with a confirmation pending',
      `${p.withPendingConfirmation.systemPromptTokens} + ${p.withPendingConfirmation.toolSchemaTokens} = ${p.withPendingConfirmation.totalTokens}`,
      '< 1,500',
      ok(p.withPendingConfirmation.totalTokens < 1500),
    ]);
  }
  const c = r.offlineCpu;
  if (c)
    rows.push([
      'offline engine decide() median / p99',
      `${fmt(c.medianUs, ' µs')} / ${fmt(c.p99Us, ' µs')}`,
      '≪ 1,000 µs',
      ok(c.met),
    ]);
  const widths = [0, 1, 2, 3].map((k) => Math.max(...rows.map((row) => row[k].length)));
  const line = (row: Row) => row.map((cell, k) => cell.padEnd(widths[k])).join('  ');
  return [line(rows[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export interface BenchResults {
  startedAt: string;
  totalSeconds?: number;
  machine: Record<string, unknown>;
  ingest?: Awaited<ReturnType<typeof import('./ingest.js').benchIngest>>;
  endToEnd?: Awaited<ReturnType<typeof import('./e2e.js').benchEndToEnd>>[];
  openaiOverhead?: Awaited<ReturnType<typeof import('./openai-overhead.js').benchOpenAIOverhead>>;
  promptSize?: Awaited<ReturnType<typeof import('./prompt-size.js').benchPromptSize>>;
  offlineCpu?: Awaited<ReturnType<typeof import('./offline-cpu.js').benchOfflineCpu>>;
  transportFloor?: Awaited<ReturnType<typeof import('./transport-floor.js').benchTransportFloor>>;
}
