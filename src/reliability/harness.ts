import { Writable } from 'node:stream';
import { defaultFeeSchedule } from '../../tools/fee-schedule.js';
import { allTools } from '../../tools/index.js';
import type { AnyToolDef } from '../../tools/tool.js';
import type { Engine } from '../agent/engine.js';
import { createOfflineEngine } from '../agent/offline/offline-engine.js';
import { openDatabase } from '../db/open-database.js';
import { type Catalogue, loadCatalogue } from '../i18n/catalogue.js';
import { createLogger, type Logger } from '../logging/create-logger.js';
import { createPipeline } from '../pipeline/create-pipeline.js';
import type { PipelineSettings } from '../pipeline/process-inbound.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';

let catalogueOnce: Catalogue | undefined;
export const catalogue = () => {
  catalogueOnce ??= loadCatalogue();
  return catalogueOnce;
};

/** A logger whose JSON lines are kept in memory, to check what the logs would reveal. */
export function capturedLogger(level = 'info'): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({
    level,
    destination: destination as unknown as Parameters<typeof createLogger>[0]['destination'],
  });
  return { logger, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

export interface Harness extends ReturnType<typeof createHarness> {}

/**
 * The real pipeline in-process on a fresh :memory: database: the offline engine as the
 * fallback (and as the engine, unless one is given), all tools, replies to the simulator
 * unless `simulated: false` (then they wait in the outbox for a Graph sender).
 */
export function createHarness({
  engine,
  logger = capturedLogger().logger,
  settings = {},
  tools = allTools,
  now = () => new Date(),
}: {
  engine?: Engine;
  logger?: Logger;
  settings?: Partial<PipelineSettings>;
  tools?: AnyToolDef[];
  now?: () => Date;
} = {}) {
  const db = openDatabase({ path: ':memory:' });
  const offline = createOfflineEngine({ catalogue: catalogue() });
  let kicks = 0;
  const pipeline = createPipeline({
    db,
    engine: engine ?? offline,
    fallbackEngine: offline,
    tools,
    catalogue: catalogue(),
    now,
    logger,
    onOutbound: () => {
      kicks++;
    },
    settings: {
      publicBaseUrl: 'http://127.0.0.1:3000',
      upi: { payeeVpa: 'sahayak.demo@upi', payeeName: 'Sahayak Demo Department' },
      fees: defaultFeeSchedule,
      simulated: true,
      rateLimitPerMinute: 1000,
      ...settings,
    },
  });
  let n = 0;

  /** Delivers one message and waits for its turn; resolves with the inbound row id. */
  async function send(waId: string, event: InboundEvent): Promise<number> {
    const { id } = pipeline.receive({
      waId,
      wamid: `wamid.H${Date.now()}.${++n}`,
      event,
      name: 'Test Citizen',
    });
    pipeline.kick(waId);
    await pipeline.idle();
    return id;
  }

  /** The texts of the replies to one inbound message, in order. */
  function repliesTo(inboundId: number): string[] {
    return (
      db.$client
        .prepare(`select text from messages where direction = 'out' and in_reply_to = ? order by seq, id`)
        .all(inboundId) as { text: string | null }[]
    ).map((r) => r.text ?? '');
  }

  return {
    db,
    pipeline,
    send,
    repliesTo,
    /** sends a text and returns the reply texts joined */
    async say(waId: string, text: string): Promise<string> {
      return repliesTo(await send(waId, { kind: 'text', text })).join('\n');
    },
    async press(waId: string, id: string, title: string): Promise<string> {
      return repliesTo(await send(waId, { kind: 'button', id, title })).join('\n');
    },
    get outboundKicks() {
      return kicks;
    },
  };
}
