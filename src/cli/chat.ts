import { createInterface } from 'node:readline/promises';
import { and, asc, eq, gt } from 'drizzle-orm';
import { allTools } from '../../tools/index.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { openPg } from '../db/pg/open-pg.js';
import { createLogger } from '../logging/create-logger.js';
import { createPgPipeline } from '../pipeline/create-pg-pipeline.js';
import { createPipeline } from '../pipeline/create-pipeline.js';
import { type Op, rows } from '../storage/operation.js';
import { type PgStore, pgStore } from '../storage/pg-store.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import type { Store } from '../storage/store.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import { loadRuntime, StartupError } from '../wiring/load-runtime.js';

// `npm run chat [-- --phone sim919000000001]`: the assistant in the terminal, through the same
// inbox, turn runner and store as WhatsApp. A number answers the numbered button or list row.
const config = loadConfig();
const phoneArg = process.argv.indexOf('--phone');
const waId = phoneArg > 0 ? process.argv[phoneArg + 1] : `sim${Date.now().toString().slice(-10)}`;
let runtime: ReturnType<typeof loadRuntime>;
try {
  runtime = loadRuntime(config);
} catch (err) {
  if (!(err instanceof StartupError)) throw err;
  console.error(`sahayak chat: ${err.message}`);
  process.exit(1);
}
const { catalogue, engine, offline } = runtime;
const common = {
  engine,
  fallbackEngine: offline,
  tools: allTools,
  catalogue,
  now: () => new Date(),
  logger: createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }),
  // the terminal is its own simulator, and a prompt engineer types faster than a citizen
  settings: { ...runtime.settings, simulated: true, rateLimitPerMinute: 1000 },
};
// DATABASE_URL set: the same PostgreSQL database as the server (its own turn-lease name); else SQLite
const db = config.databaseUrl ? undefined : openDatabase({ path: config.databasePath });
const store: Store = db ? sqliteStore(db) : pgStore(await openPg({ url: config.databaseUrl as string }));
const pipeline = db
  ? createPipeline({ ...common, db })
  : createPgPipeline({ ...common, store: store as PgStore, instanceId: `chat-${process.pid}` });

/** This citizen's replies after `after`, oldest first. */
const repliesAfter = (after: number): Op<{ id: number; payload: unknown }[]> =>
  function* ({ db, t }) {
    const m = t.messages;
    return yield* rows(
      db
        .select({ id: m.id, payload: m.payload })
        .from(m)
        .where(and(eq(m.waId, waId), eq(m.direction, 'out'), gt(m.id, after)))
        .orderBy(asc(m.id)),
    );
  };

let choices: { id: string; title: string; kind: 'button' | 'list' }[] = [];
let lastSeen = 0;

function show(m: OutboundMessage) {
  const bot = '\x1b[32msahayak>\x1b[0m';
  if (m.kind === 'buttons' || m.kind === 'list') {
    console.log(`${bot} ${m.text}`);
    const opts = m.kind === 'buttons' ? m.buttons : m.rows;
    choices = opts.map((o) => ({ id: o.id, title: o.title, kind: m.kind === 'buttons' ? 'button' : 'list' }));
    for (const [i, c] of choices.entries()) console.log(`   ${i + 1}) ${c.title}`);
  } else if (m.kind === 'image') {
    console.log(`${bot} [image] ${m.url}${m.caption ? `\n${m.caption}` : ''}`);
  } else {
    console.log(`${bot} ${m.text}`);
  }
}

console.log(
  `Sahayak — engine ${engine.name}${engine.model ? ` (${engine.model})` : ''}, citizen ${waId}. Ctrl+D to quit.`,
);
const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
rl.prompt();
for await (const line of rl) {
  const input = line.trim();
  if (input) {
    const n = Number(input);
    const choice = Number.isInteger(n) && n >= 1 && n <= choices.length ? choices[n - 1] : undefined;
    const event: InboundEvent = choice
      ? { kind: choice.kind, id: choice.id, title: choice.title }
      : { kind: 'text', text: input };
    choices = [];
    await pipeline.receive({ waId, wamid: `cli.${Date.now()}.${Math.random()}`, event });
    pipeline.kick(waId);
    await pipeline.idle();
    const out = await store.read(repliesAfter(lastSeen));
    for (const m of out) {
      show(m.payload as OutboundMessage);
      lastSeen = m.id;
    }
  }
  rl.prompt();
}
await pipeline.close();
await store.close();
db?.$client.close();
