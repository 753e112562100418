// The console's writing routes (handoffs, replies, templates, service cases, media views), /readyz,
// /chat, /media/qr and /api/media, through app.request on a store of each database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApi } from '../http/api.js';
import { createChatSimulator } from '../http/chat-simulator.js';
import { createChatUpload } from '../http/chat-upload.js';
import { createHealthRoutes } from '../http/health.js';
import { createMediaRoutes } from '../http/media.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import { createMediaStore, sha256Hex } from '../media/media-store.js';
import { samplePng } from '../media/test-media.js';
import { exec, first, type Op, rows } from '../storage/operation.js';
import { pgSkipNote } from '../testing/pg-test-database.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { addStaffUser } from './accounts.js';
import { createStaffConsole } from './create-staff-console.js';
import { login, PASSWORD, T0 } from './test-support.js';

const HOUR = 60 * 60 * 1000;
const silent = { info() {}, warn() {}, error() {} };

const seedCitizen = (o: {
  waId: string;
  lastInboundAt: number;
  handoff?: 'none' | 'queued' | 'human';
}): Op<{ conversationId: number; messageId: number }> =>
  function* ({ db, t }) {
    yield* exec(
      db.insert(t.citizens).values({
        waId: o.waId,
        language: 'hi',
        lastInboundAt: o.lastInboundAt,
        handoff: o.handoff ?? 'none',
        handoffAt: o.handoff === 'queued' ? o.lastInboundAt : null,
        createdAt: o.lastInboundAt,
      }),
    );
    const [conv] = yield* rows(
      db
        .insert(t.conversations)
        .values({ waId: o.waId, startedAt: o.lastInboundAt, lastMessageAt: o.lastInboundAt, language: 'hi' })
        .returning({ id: t.conversations.id }),
    );
    if (!conv) throw new Error('no conversation');
    const [msg] = yield* rows(
      db
        .insert(t.messages)
        .values({
          waId: o.waId,
          conversationId: conv.id,
          direction: 'in',
          kind: 'image',
          text: 'फोटो',
          wamid: `wamid.${o.waId}`,
          createdAt: o.lastInboundAt,
        })
        .returning({ id: t.messages.id }),
    );
    if (!msg) throw new Error('no message');
    return { conversationId: conv.id, messageId: msg.id };
  };

const outbound = (waId: string) =>
  function* ({ db, t }: Parameters<Op<unknown>>[0]) {
    return yield* rows(
      db
        .select({
          text: t.messages.text,
          sentBy: t.messages.sentBy,
          purpose: t.messages.purpose,
          kind: t.messages.kind,
        })
        .from(t.messages)
        .where(and(eq(t.messages.waId, waId), eq(t.messages.direction, 'out')))
        .orderBy(t.messages.id),
    );
  };

const auditActions = (): Op<string[]> =>
  function* ({ db, t }) {
    const found = yield* rows(
      db.select({ action: t.auditLog.action }).from(t.auditLog).orderBy(t.auditLog.id),
    );
    return found.map((r) => r.action);
  };

describe.each(testDialects)(`staff console routes on the store, %s${pgSkipNote}`, (dialect) => {
  const store = useStore(dialect);

  async function setup() {
    const s = store();
    const media = createMediaStore(mkdtempSync(join(tmpdir(), 'sahayak-media-')));
    let wakes = 0;
    const app = createStaffConsole({
      store: s,
      catalogue: loadCatalogue(),
      now: () => T0,
      simulated: true,
      onOutbound: () => {
        wakes++;
      },
      logger: silent,
      secureCookies: false,
      mediaStore: media,
    }) as unknown as Hono;
    const officerId = await addStaffUser(
      s,
      { username: 'officer', role: 'officer', password: PASSWORD },
      T0,
      {
        N: 1024,
      },
    );
    const officer = await login(app, 'officer');
    return { s, app, media, officer, officerId, wakes: () => wakes };
  }

  it('take and release a handoff: the citizen state, the notice in the outbox and the audit move together', async () => {
    const { s, officer, officerId, wakes } = await setup();
    const waId = '919800000001';
    const { conversationId } = await s.transaction(
      seedCitizen({ waId, lastInboundAt: T0 - HOUR, handoff: 'queued' }),
    );
    const take = await officer.post(`/staff/handoffs/${conversationId}/take`, {});
    expect(take.status).toBe(303);
    const citizen = () =>
      s.read(function* ({ db, t }) {
        return yield* first(db.select().from(t.citizens).where(eq(t.citizens.waId, waId)));
      });
    expect(await citizen()).toMatchObject({ handoff: 'human', handoffOfficerId: officerId });
    const afterTake = await s.read(outbound(waId));
    expect(afterTake).toHaveLength(1);
    expect(afterTake[0]?.sentBy).toBe(`staff:${officerId}`);
    expect(afterTake[0]?.text).toBe(loadCatalogue().t('hi', 'staff.handoff_taken'));

    expect((await officer.post(`/staff/handoffs/${conversationId}/release`, {})).status).toBe(303);
    expect(await citizen()).toMatchObject({ handoff: 'none', handoffOfficerId: null });
    expect(await s.read(outbound(waId))).toHaveLength(2);
    // released already: nothing to release, and nothing queued or recorded for it
    expect((await officer.post(`/staff/handoffs/${conversationId}/release`, {})).status).toBe(409);
    expect(await s.read(outbound(waId))).toHaveLength(2);
    expect((await s.read(auditActions())).filter((a) => a.startsWith('handoff.'))).toEqual([
      'handoff.take',
      'handoff.release',
    ]);
    expect(wakes()).toBe(2);
  });

  it('a request nobody took, handed back, is declined: the citizen is not told an officer left', async () => {
    const { s, officer } = await setup();
    const waId = '919800000004';
    const { conversationId } = await s.transaction(
      seedCitizen({ waId, lastInboundAt: T0 - HOUR, handoff: 'queued' }),
    );
    expect((await officer.post(`/staff/handoffs/${conversationId}/release`, {})).status).toBe(303);
    const sent = await s.read(outbound(waId));
    expect(sent.map((m) => m.text)).toEqual([loadCatalogue().t('hi', 'staff.handoff_declined')]);
  });

  it('a staff reply is queued with its audit row; outside the 24-hour window it is refused and nothing is queued', async () => {
    const { s, officer, officerId } = await setup();
    const open = await s.transaction(seedCitizen({ waId: '919800000002', lastInboundAt: T0 - HOUR }));
    const closed = await s.transaction(seedCitizen({ waId: '919800000003', lastInboundAt: T0 - 25 * HOUR }));
    expect(
      (await officer.post(`/staff/conversations/${open.conversationId}/reply`, { text: 'नमस्ते' })).status,
    ).toBe(303);
    expect(await s.read(outbound('919800000002'))).toEqual([
      { text: 'नमस्ते', sentBy: `staff:${officerId}`, purpose: null, kind: 'text' },
    ]);
    expect(
      (await officer.post(`/staff/conversations/${closed.conversationId}/reply`, { text: 'hi' })).status,
    ).toBe(409);
    expect(await s.read(outbound('919800000003'))).toEqual([]);
    expect((await officer.post('/staff/conversations/99999/reply', { text: 'hi' })).status).toBe(404);
    expect((await s.read(auditActions())).filter((a) => a === 'citizen.reply')).toHaveLength(1);
  });

  it('a template reply is queued as a template tagged with its purpose', async () => {
    const { s, officer } = await setup();
    const { conversationId } = await s.transaction(
      seedCitizen({ waId: '919800000004', lastInboundAt: T0 - 25 * HOUR }),
    );
    const res = await officer.post(`/staff/conversations/${conversationId}/template`, {
      purpose: 'reminder',
      text: 'अपना आवेदन पूरा करें',
    });
    expect(res.status).toBe(303);
    const out = await s.read(outbound('919800000004'));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'template', purpose: 'reminder' });
    expect(await s.read(auditActions())).toContain('citizen.template');
  });

  it('a service case: its page (fee standing, transcript link) and assigning it to oneself', async () => {
    const { s, officer, officerId } = await setup();
    const waId = '919800000005';
    const { conversationId } = await s.transaction(seedCitizen({ waId, lastInboundAt: T0 - HOUR }));
    const caseId = await s.transaction(function* ({ db, t }) {
      const [row] = yield* rows(
        db
          .insert(t.cases)
          .values({
            service: 'birth_certificate',
            reference: 'BC-2026-000042',
            waId,
            status: 'submitted',
            language: 'hi',
            fields: { childName: 'Anaya', district: 'Sitapur' },
            feePaise: 2000,
            feeRule: 'late_registration',
            statusAt: T0,
            createdAt: T0,
            updatedAt: T0,
          })
          .returning({ id: t.cases.id }),
      );
      if (!row) throw new Error('no case');
      yield* exec(
        db.insert(t.payments).values({
          reference: 'PAY-1',
          waId,
          forReference: 'BC-2026-000042',
          purpose: 'certificate fee',
          amountPaise: 2000,
          status: 'pending',
          upiUri: 'upi://pay?pa=x@y',
          mediaToken: 'a'.repeat(43),
          createdAt: T0,
        }),
      );
      return row.id;
    });
    const page = await officer.get(`/staff/services/birth_certificate/${caseId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('not paid yet (a payment QR is open)');
    expect(html).toContain(`/staff/conversations/${conversationId}`);
    expect((await officer.get(`/staff/services/birth_certificate/${caseId + 1000}`)).status).toBe(404);

    expect((await officer.post(`/staff/services/birth_certificate/${caseId}/assign`, {})).status).toBe(303);
    const assigned = await s.read(function* ({ db, t }) {
      return yield* first(db.select({ to: t.cases.assignedTo }).from(t.cases).where(eq(t.cases.id, caseId)));
    });
    expect(assigned?.to).toBe(officerId);
    expect(await s.read(auditActions())).toEqual(
      expect.arrayContaining(['case.view.full_phone', 'case.assign']),
    );
  });

  it('media views: by id and by message, each audited; a file not stored is a 404; /api/media the same', async () => {
    const { s, officer, media } = await setup();
    const waId = '919800000006';
    const { messageId } = await s.transaction(seedCitizen({ waId, lastInboundAt: T0 - HOUR }));
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const sha = await media.put(bytes);
    const [stored, pending] = await s.transaction(function* ({ db, t }) {
      const base = { waId, kind: 'image' as const, mimeType: 'image/jpeg', createdAt: T0 };
      const a = yield* rows(
        db
          .insert(t.mediaFiles)
          .values({ ...base, messageId, mediaId: 'm1', status: 'stored', sha256: sha })
          .returning({ id: t.mediaFiles.id }),
      );
      const b = yield* rows(
        db
          .insert(t.mediaFiles)
          .values({ ...base, mediaId: 'm2' })
          .returning({ id: t.mediaFiles.id }),
      );
      return [a[0]?.id ?? 0, b[0]?.id ?? 0];
    });
    const byId = await officer.get(`/staff/media/${stored}`);
    expect(byId.status).toBe(200);
    expect(byId.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await byId.arrayBuffer())).toEqual(bytes);
    expect((await officer.get(`/staff/media/message/${messageId}`)).status).toBe(200);
    expect((await officer.get(`/staff/media/${pending}`)).status).toBe(404);

    const api = createApi({ store: s, token: 'tok', mediaStore: media, now: () => T0 });
    const viaApi = await api.request(`/api/media/${stored}`, { headers: { authorization: 'Bearer tok' } });
    expect(viaApi.status).toBe(200);
    expect((await s.read(auditActions())).filter((a) => a === 'media.view')).toHaveLength(3);
  });

  it('/readyz answers from the store; /media/qr finds the payment by its token; /chat polls the citizen’s messages', async () => {
    const s = store();
    const health = createHealthRoutes({ store: s });
    const ready = await health.request('/readyz');
    expect(await ready.json()).toEqual({ ok: true, database: true, migrations: true });

    await s.transaction(function* ({ db, t }) {
      yield* exec(
        db.insert(t.payments).values({
          reference: 'PAY-2',
          waId: 'sim123456',
          forReference: 'BC-1',
          purpose: 'certificate fee',
          amountPaise: 100,
          status: 'pending',
          upiUri: 'upi://pay?pa=x@y&am=1',
          mediaToken: 'b'.repeat(43),
          createdAt: T0,
        }),
      );
    });
    const qr = createMediaRoutes({ store: s });
    const png = await qr.request(`/media/qr/${'b'.repeat(43)}.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await qr.request(`/media/qr/${'c'.repeat(43)}.png`)).status).toBe(404);

    const received: string[] = [];
    const chat = createChatSimulator({
      store: s,
      // the PostgreSQL pipeline's receive answers with a Promise
      receive: async (m) => {
        received.push(m.waId);
        const [row] = await s.transaction(function* ({ db, t }) {
          return yield* rows(
            db
              .insert(t.messages)
              .values({
                waId: m.waId,
                direction: 'in',
                kind: 'text',
                text: 'hi',
                wamid: m.wamid,
                createdAt: T0,
              })
              .returning({ id: t.messages.id }),
          );
        });
        return { id: row?.id ?? 0, duplicate: false };
      },
      kick: () => {},
    });
    const me = await chat.request('/chat/api/me');
    const cookie = me.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { waId } = (await me.json()) as { waId: string };
    const sent = await chat.request('/chat/api/messages', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ message: { kind: 'text', text: 'hi' } }),
    });
    expect(sent.status).toBe(202);
    const { id } = (await sent.json()) as { id: number };
    expect(id).toBeGreaterThan(0);
    expect(received).toEqual([waId]);
    const polled = (await (await chat.request('/chat/api/messages', { headers: { cookie } })).json()) as {
      items: { id: number; text: string }[];
    };
    expect(polled.items.map((m) => [m.id, m.text])).toEqual([[id, 'hi']]);
  });

  it('/chat/api/upload: the file the (async) inbox recorded is marked stored with its bytes', async () => {
    const s = store();
    const media = createMediaStore(mkdtempSync(join(tmpdir(), 'sahayak-upload-')));
    const chat = createChatSimulator({
      store: s,
      receive: () => ({ id: 0, duplicate: false }),
      kick: () => {},
    });
    const upload = createChatUpload({
      store: s,
      mediaStore: media,
      // what the inbox does with an image event: a message and its pending media row
      receive: async (m) =>
        s.transaction(function* ({ db, t }) {
          const [msg] = yield* rows(
            db
              .insert(t.messages)
              .values({ waId: m.waId, direction: 'in', kind: 'image', wamid: m.wamid, createdAt: T0 })
              .returning({ id: t.messages.id }),
          );
          if (!msg || m.event.kind !== 'image') throw new Error('expected an image');
          yield* exec(
            db.insert(t.mediaFiles).values({
              waId: m.waId,
              messageId: msg.id,
              mediaId: m.event.mediaId,
              kind: 'image',
              mimeType: m.event.mimeType,
              nextAttemptAt: T0,
              createdAt: T0,
            }),
          );
          return { id: msg.id, duplicate: false };
        }),
      kick: async () => {},
    });
    const me = await chat.request('/chat/api/me');
    const cookie = me.headers.get('set-cookie')?.split(';')[0] ?? '';
    const png = await samplePng();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'ward.png');
    const res = await upload.request('/chat/api/upload', { method: 'POST', body: form, headers: { cookie } });
    expect(res.status).toBe(202);
    const file = await s.read(function* ({ db, t }) {
      return yield* first(
        db
          .select({
            status: t.mediaFiles.status,
            sha256: t.mediaFiles.sha256,
            size: t.mediaFiles.sizeBytes,
            next: t.mediaFiles.nextAttemptAt,
          })
          .from(t.mediaFiles),
      );
    });
    expect(file).toEqual({ status: 'stored', sha256: sha256Hex(png), size: png.byteLength, next: null });
  });
});
