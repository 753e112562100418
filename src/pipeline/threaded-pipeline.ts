import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { and, eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db/open-database.js';
import { messages } from '../db/schema.js';
import type { Logger } from '../logging/create-logger.js';
import { type InboundMessage, insertInbound } from './insert-inbound.js';
import type { FromWorker, ToWorker } from './turn-worker.js';

export interface ThreadedPipelineDeps {
  /** the webhook thread's connection: receive() stores the durable inbox row on it */
  db: Db;
  /** the validated Config, handed to the worker as data */
  config: Config;
  /** shared with the worker: see preferImmediateTransactions */
  writeLock: SharedArrayBuffer;
  logger: Logger;
  /** called when the worker committed turns that queued replies, to wake the outbox sender */
  onOutbound?: () => void;
}

const tsxApi = () =>
  pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
const workerUrl = new URL(`./turn-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * The pipeline's surface (receive, kick, recover, idle, close) with the turns run on a
 * worker thread: the webhook thread only stores and acknowledges. A worker that dies is
 * started again and picks up what was left pending, as after a crash.
 */
export function createThreadedPipeline({ db, config, writeLock, logger, onOutbound }: ThreadedPipelineDeps) {
  let closing = false;
  let closed: Promise<void> | null = null;
  let nextId = 0;
  const waiting = new Map<number, () => void>();
  let worker = start();

  function start(): Worker {
    const w = workerUrl.pathname.endsWith('.ts')
      ? // From source (npm start, tests): tsx's loader hooks do not reach a worker thread
        // on Node 20, so the worker registers them itself before importing its entry.
        new Worker(
          `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`,
          { eval: true, workerData: { config, writeLock } },
        )
      : new Worker(workerUrl, { workerData: { config, writeLock } });
    let ready = false;
    w.on('message', (m: FromWorker) => {
      if (m.type === 'ready') ready = true;
      else if (m.type === 'outbound') onOutbound?.();
      else if (m.type === 'idle') {
        waiting.get(m.id)?.();
        waiting.delete(m.id);
      }
    });
    w.on('error', (err) => logger.error({ err }, 'turn worker failed'));
    w.on('exit', (code) => {
      for (const done of waiting.values()) done();
      waiting.clear();
      if (closing) return;
      // a worker that never got ready (a broken build) would fail the same way again
      if (!ready) {
        logger.fatal({ code }, 'turn worker could not start; messages stay pending for the next start');
        return;
      }
      logger.error({ code }, 'turn worker exited; starting another');
      worker = start();
      send({ type: 'recover' });
    });
    return w;
  }
  const send = (m: ToWorker) => worker.postMessage(m);

  return {
    /** Stores one message durably (on this thread); safe to call twice with the same wamid. */
    receive(m: InboundMessage): { id: number; duplicate: boolean } {
      return insertInbound(db, m, Date.now());
    },
    /** Schedules processing of a citizen's pending messages on the worker. */
    kick(waId: string): void {
      if (!closing) send({ type: 'kick', waId });
    },
    /** Resolves when the worker has no turn in flight (including those kicked before). */
    idle(): Promise<void> {
      if (closing) return closed ?? Promise.resolve();
      const id = ++nextId;
      return new Promise<void>((resolve) => {
        waiting.set(id, resolve);
        send({ type: 'idle', id });
      });
    },
    /** Processes what a previous process left pending; returns how many citizens have some. */
    recover(): number {
      const n = db
        .selectDistinct({ waId: messages.waId })
        .from(messages)
        .where(and(eq(messages.direction, 'in'), eq(messages.processStatus, 'pending')))
        .all().length;
      if (n) send({ type: 'recover' });
      return n;
    },
    /** Stops taking new turns, lets the worker finish the ones in flight, and ends it. */
    close(): Promise<void> {
      if (closed) return closed;
      closing = true;
      closed = new Promise<void>((resolve) => {
        const w = worker;
        w.on('message', (m: FromWorker) => {
          if (m.type === 'closed') resolve();
        });
        w.once('exit', () => resolve());
        w.postMessage({ type: 'close' } satisfies ToWorker);
      });
      return closed;
    },
  };
}

export type ThreadedPipeline = ReturnType<typeof createThreadedPipeline>;
