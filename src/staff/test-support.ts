// Shared by the staff console's tests (unit and browser): a seeded database and a logged-in client.
import type { Hono } from 'hono';
import { insertLegacyCase } from '../cases/legacy-rows.js';
import { type Db, openDatabase } from '../db/open-database.js';
import { citizens, conversations, messages, turns } from '../db/schema.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import { createStaffUser } from './accounts.js';
import type { StaffDeps } from './context.js';
import { createStaffConsole } from './create-staff-console.js';

export const PASSWORD = 'correct horse battery';
export const T0 = Date.parse('2026-11-20T10:00:00+05:30');
const silent = { info() {}, warn() {}, error() {} };

export function consoleFixture(over: Partial<StaffDeps> = {}) {
  const db = openDatabase({ path: ':memory:' });
  const clock = { now: T0 };
  const wakes = { count: 0 };
  const deps: StaffDeps = {
    store: sqliteStore(db),
    db,
    catalogue: loadCatalogue(),
    now: () => clock.now,
    simulated: true,
    onOutbound: () => {
      wakes.count++;
    },
    logger: silent,
    secureCookies: false,
    exportCase: ({ conversationId }) => {
      const rows = db.$client
        .prepare("select text from messages where conversation_id = ? and direction = 'in' order by id")
        .all(conversationId) as { text: string }[];
      return `id: conversation-${conversationId}\nturns:\n${rows.map((r) => `  - user: ${JSON.stringify(r.text)}`).join('\n')}\n`;
    },
    ...over,
  };
  return { db, deps, clock, wakes, app: createStaffConsole(deps) as unknown as Hono };
}

export async function addUsers(db: Db) {
  const ids: Record<'reviewer' | 'officer' | 'admin', number> = { reviewer: 0, officer: 0, admin: 0 };
  for (const role of ['reviewer', 'officer', 'admin'] as const) {
    ids[role] = await createStaffUser(db, { username: role, role, password: PASSWORD }, T0, { N: 1024 });
  }
  return ids;
}

/** A Hindi conversation: a birth-certificate request, one tool call, a submitted application. */
export function seedHindiCase(
  db: Db,
  o: { waId?: string; lastInboundAt?: number; language?: 'hi' | 'en' | 'hinglish' } = {},
) {
  const waId = o.waId ?? '919876545678';
  const at = T0 - 60 * 60 * 1000;
  db.insert(citizens)
    .values({ waId, language: o.language ?? 'hi', lastInboundAt: o.lastInboundAt ?? at, createdAt: at })
    .run();
  const conv = db
    .insert(conversations)
    .values({
      waId,
      startedAt: at,
      lastMessageAt: at + 5000,
      language: o.language ?? 'hi',
      service: 'birth_certificate',
      outcome: 'completed',
      engine: 'offline',
    })
    .returning()
    .get();
  const inbound = db
    .insert(messages)
    .values({
      waId,
      conversationId: conv.id,
      direction: 'in',
      kind: 'text',
      text: 'मुझे बेटी का जन्म प्रमाण पत्र चाहिए',
      wamid: `wamid.${waId}.1`,
      processStatus: 'done',
      createdAt: at,
    })
    .returning()
    .get();
  const turn = db
    .insert(turns)
    .values({
      inboundId: inbound.id,
      conversationId: conv.id,
      waId,
      engine: 'offline',
      language: 'hi',
      intent: 'birth_certificate',
      latencyMs: 42,
      promptTokens: 0,
      completionTokens: 0,
      steps: [
        {
          engine: 'offline',
          latencyMs: 40,
          toolCalls: [
            {
              name: 'apply_birth_certificate',
              arguments: '{"childName":"Anaya"}',
              parsedArguments: { childName: 'Anaya' },
              result: { status: 'confirmation_required' },
              status: 'confirmation_required',
            },
          ],
        },
      ],
      createdAt: at + 40,
    })
    .returning()
    .get();
  db.insert(messages)
    .values({
      waId,
      conversationId: conv.id,
      direction: 'out',
      kind: 'buttons',
      text: 'क्या सब कुछ सही है?',
      payload: {
        kind: 'buttons',
        text: 'क्या सब कुछ सही है?',
        buttons: [{ id: 'confirm:yes', title: 'हाँ, जमा करें' }],
      },
      inReplyTo: inbound.id,
      seq: 0,
      turnId: turn.id,
      sentBy: 'assistant',
      sendStatus: 'failed',
      lastError: '(#131047) Re-engagement message',
      createdAt: at + 50,
    })
    .run();
  const app = insertLegacyCase(db, 'application', {
    reference: 'BC-2026-000001',
    waId,
    childName: 'अनाया',
    sex: 'female',
    dateOfBirth: '2026-11-10',
    placeOfBirthType: 'hospital',
    placeOfBirth: 'जिला अस्पताल, सीतापुर',
    motherName: 'सीमा देवी',
    fatherName: 'राम कुमार',
    address: 'गाँव रामपुर, सीतापुर',
    district: 'Sitapur',
    pinCode: '261001',
    language: 'hi',
    feeRule: 'within_21_days',
    slaDueAt: T0 - 1000,
    statusAt: at,
    createdAt: at,
  });
  return { waId, conversationId: conv.id, turnId: turn.id, inboundId: inbound.id, applicationId: app.id };
}

export function seedComplaint(db: Db, waId: string) {
  return insertLegacyCase(db, 'complaint', {
    reference: 'HC-2026-000001',
    waId,
    hospitalName: 'District Hospital Sitapur',
    district: 'Sitapur',
    category: 'cleanliness',
    description: 'Dirty ward',
    language: 'hi',
    slaDueAt: T0 + 86_400_000,
    statusAt: T0,
    createdAt: T0,
  });
}

/** Logs in through the form like a browser: login CSRF cookie first, then the session cookie. */
export async function login(app: Hono, username: string, password = PASSWORD) {
  const form = await app.request('/staff/login');
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair.split('=');
      jar.set(k, v);
    }
  };
  keep(form);
  const loginCsrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await app.request('/staff/login', {
    method: 'POST',
    headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: loginCsrf, username, password }),
  });
  keep(res);
  const home = await app.request('/staff', { headers: { cookie: cookie() } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await home.text())?.[1] ?? '';
  return {
    status: res.status,
    cookie: cookie(),
    csrf,
    get: (path: string) => app.request(path, { headers: { cookie: cookie() } }),
    post: (path: string, fields: Record<string, string>, withCsrf = true) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(withCsrf ? { _csrf: csrf, ...fields } : fields),
      }),
  };
}
