// The staff console's storage operations, written once, run on SQLite and on a real PostgreSQL.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addStaffUser } from '../staff/accounts.js';
import { auditOp, auditPage } from '../staff/audit.js';
import { createSession, deleteUserSessions, findSession, SESSION_TTL_MS } from '../staff/auth/sessions.js';
import { reserveAttempt, settleSuccess, THROTTLE_LIMITS } from '../staff/auth/throttle.js';
import { conversationDetail, filterOptions, listConversations } from '../staff/conversation-queries.js';
import { replyWindowOpen } from '../staff/notify-citizen.js';
import { handoffQueue } from '../staff/routes/handoffs.js';
import { pgSkipNote } from '../testing/pg-test-database.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { exec, first, type Op, rows } from './operation.js';
import type { PgStore } from './pg-store.js';

const T0 = Date.parse('2026-11-20T10:00:00+05:30');
const HOUR = 60 * 60 * 1000;

/** A conversation with its messages (inbound unless the text starts with '> '), seeded once for both dialects. */
const seedConversation = (
  waId: string,
  texts: string[],
  o: { at?: number; flagged?: boolean; turnFellBack?: boolean; engine?: string } = {},
): Op<number> =>
  function* ({ db, t }) {
    const at = o.at ?? T0;
    yield* exec(db.insert(t.citizens).values({ waId, language: 'hi', lastInboundAt: at, createdAt: at }));
    const [conv] = yield* rows(
      db
        .insert(t.conversations)
        .values({
          waId,
          startedAt: at,
          lastMessageAt: at + texts.length,
          language: 'hi',
          service: 'birth_certificate',
          engine: o.engine ?? 'offline',
          flagged: o.flagged ?? false,
        })
        .returning({ id: t.conversations.id }),
    );
    if (!conv) throw new Error('no conversation');
    let inboundId = 0;
    for (const [i, text] of texts.entries()) {
      const out = text.startsWith('> ');
      const [m] = yield* rows(
        db
          .insert(t.messages)
          .values({
            waId,
            conversationId: conv.id,
            direction: out ? 'out' : 'in',
            kind: out ? 'buttons' : 'text',
            text: out ? text.slice(2) : text,
            payload: out
              ? { kind: 'buttons', text: text.slice(2), buttons: [{ id: 'y', title: 'हाँ' }] }
              : null,
            wamid: out ? null : `wamid.${waId}.${i}`,
            createdAt: at + i,
          })
          .returning({ id: t.messages.id }),
      );
      if (!out && m) inboundId = m.id;
    }
    if (inboundId) {
      yield* exec(
        db.insert(t.turns).values({
          inboundId,
          conversationId: conv.id,
          waId,
          engine: o.engine ?? 'offline',
          fellBack: o.turnFellBack ?? false,
          latencyMs: 5,
          promptTokens: 0,
          completionTokens: 0,
          steps: [{ engine: 'offline', toolCalls: [] }],
          createdAt: at,
        }),
      );
    }
    return conv.id;
  };

describe.each(testDialects)(`staff storage on %s${pgSkipNote}`, (dialect) => {
  const store = useStore(dialect);
  const officer = () =>
    addStaffUser(store(), { username: 'Asha', role: 'officer', password: 'long enough pw' }, T0, { N: 1024 });

  it('sessions: found while live, gone when expired, when the account is disabled, or after delete', async () => {
    const s = store();
    const id = await officer();
    const { token } = await s.transaction(createSession(id, T0));
    const found = await s.read(findSession(token, T0 + 1000));
    expect(found?.user).toEqual({ id, username: 'asha', displayName: null, role: 'officer' });
    expect(await s.read(findSession(token, T0 + SESSION_TTL_MS))).toBeNull();
    expect(await s.read(findSession('not-a-token', T0))).toBeNull();
    await s.read(function* ({ db, t }) {
      yield* exec(db.update(t.staffUsers).set({ disabled: true }).where(eq(t.staffUsers.id, id)));
    });
    expect(await s.read(findSession(token, T0 + 1000))).toBeNull();
    await s.read(function* ({ db, t }) {
      yield* exec(db.update(t.staffUsers).set({ disabled: false }).where(eq(t.staffUsers.id, id)));
    });
    expect(await s.read(findSession(token, T0 + 1000))).not.toBeNull();
    await s.read(deleteUserSessions(id));
    expect(await s.read(findSession(token, T0 + 1000))).toBeNull();
  });

  it('usernames are one account whatever the case', async () => {
    await officer();
    await expect(
      addStaffUser(store(), { username: 'ASHA', role: 'admin', password: 'long enough pw' }, T0, { N: 1024 }),
    ).rejects.toThrow(/taken/);
  });

  it('login throttle: parallel guesses for one user, at most the limit are let through; a success resets', async () => {
    const s = store();
    const tickets = await Promise.all(
      Array.from({ length: 12 }, (_, i) => s.transaction(reserveAttempt('asha', `10.0.0.${i}`, T0))),
    );
    const through = tickets.filter((x) => x != null);
    expect(through).toHaveLength(THROTTLE_LIMITS.user);
    expect(await s.transaction(reserveAttempt('ASHA ', '10.0.1.1', T0 + 1))).toBeNull();
    await s.read(settleSuccess(through[0]!));
    // the success is older than the later failures: they still count; a fresh window is clear
    expect(await s.transaction(reserveAttempt('asha', '10.0.1.1', T0 + 16 * 60 * 1000))).not.toBeNull();
  });

  it('a transaction that throws leaves nothing behind', async () => {
    const s = store();
    await expect(
      s.transaction(function* (q) {
        yield* auditOp({ userId: null, action: 'doomed', now: T0 })(q);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await s.read(auditPage(Number.MAX_SAFE_INTEGER, null))).toEqual([]);
  });

  it('audit page: newest first, by action prefix (its % and _ literal), detail as JSON text', async () => {
    const s = store();
    for (const [i, action] of ['login', 'case.view', 'case.note', 'case_x'].entries()) {
      await s.read(auditOp({ userId: null, action, detail: { n: i }, now: T0 + i }));
    }
    const page = await s.read(auditPage(Number.MAX_SAFE_INTEGER, 'case.'));
    expect(page.map((r) => r.action)).toEqual(['case.note', 'case.view']);
    expect(JSON.parse(page[0]?.detail ?? 'null')).toEqual({ n: 2 });
    expect(page[0]?.createdAt).toBe(T0 + 2);
    expect((await s.read(auditPage(Number.MAX_SAFE_INTEGER, 'case_'))).map((r) => r.action)).toEqual([
      'case_x',
    ]);
  });

  it('transcript search: Devanagari inside a word, English whatever the case, short needles, quotes', async () => {
    const s = store();
    const hindi = await s.read(seedConversation('911000000001', ['मुझे प्रमाणपत्र चाहिए', '> क्या सब सही है?']));
    const english = await s.read(
      seedConversation('911000000002', ['I need a Birth Certificate'], { at: T0 + HOUR }),
    );
    await s.read(seedConversation('911000000003', ['say "hi" 100%'], { at: T0 + 2 * HOUR }));
    const ids = async (q: string) => (await s.read(listConversations({ q }))).map((r) => r.id);
    expect(await ids('माणप')).toEqual([hindi]);
    expect((await s.read(listConversations({ q: 'माणप' })))[0]?.snippet).toBe('मुझे प्रमाणपत्र चाहिए');
    expect(await ids('birth certificate')).toEqual([english]);
    expect(await ids('BIRTH')).toEqual([english]);
    expect(await ids('"hi"')).toHaveLength(1);
    expect(await ids('0%')).toHaveLength(1);
    expect(await ids('%')).toHaveLength(1);
    expect(await ids('nothing like this')).toEqual([]);
  });

  it('conversation list filters: flagged, a turn that fell back, engine, message counts and snippet', async () => {
    const s = store();
    const plain = await s.read(seedConversation('912000000001', ['नमस्ते', '> जी'], { at: T0 }));
    const flagged = await s.read(
      seedConversation('912000000002', ['hello'], { at: T0 + HOUR, flagged: true }),
    );
    const fell = await s.read(
      seedConversation('912000000003', ['help'], { at: T0 + 2 * HOUR, turnFellBack: true, engine: 'openai' }),
    );
    const all = await s.read(listConversations({}));
    expect(all.map((r) => r.id)).toEqual([fell, flagged, plain]);
    expect(all[2]).toMatchObject({ messageCount: 2, snippet: 'नमस्ते', flagged: false, fellBack: false });
    expect((await s.read(listConversations({ flagged: true }))).map((r) => r.id)).toEqual([flagged]);
    expect((await s.read(listConversations({ fellBack: true }))).map((r) => r.id)).toEqual([fell]);
    expect((await s.read(listConversations({ engine: 'openai' }))).map((r) => r.id)).toEqual([fell]);
    expect((await s.read(listConversations({}, 1))).map((r) => r.id)).toEqual([fell]);
    expect(await s.read(filterOptions())).toEqual({
      services: ['birth_certificate'],
      outcomes: [],
      engines: ['offline', 'openai'],
    });
  });

  it('conversation detail: payload and steps as JSON text, booleans, the citizen', async () => {
    const s = store();
    const id = await s.read(seedConversation('913000000001', ['नमस्ते', '> जी']));
    const d = await s.read(conversationDetail(id));
    expect(d?.conversation).toMatchObject({ id, waId: '913000000001', flagged: false, startedAt: T0 });
    expect(d?.messages.map((m) => m.direction)).toEqual(['in', 'out']);
    expect(JSON.parse(d?.messages[1]?.payload ?? 'null')).toEqual({
      kind: 'buttons',
      text: 'जी',
      buttons: [{ id: 'y', title: 'हाँ' }],
    });
    expect(JSON.parse(d?.turns[0]?.steps ?? '[]')).toEqual([{ engine: 'offline', toolCalls: [] }]);
    expect(d?.turns[0]?.fellBack).toBe(false);
    expect(d?.citizen).toEqual({
      language: 'hi',
      handoff: 'none',
      handoffOfficerId: null,
      lastInboundAt: T0,
    });
    expect(await s.read(conversationDetail(id + 1000))).toBeNull();
  });

  it('handoff queue: waiting citizens first, oldest request first, with their latest conversation and text', async () => {
    const s = store();
    const asha = await officer();
    const a = await s.read(seedConversation('919000000001', ['मदद चाहिए', '> जी']));
    const b = await s.read(seedConversation('919000000002', ['need a person'], { at: T0 + HOUR }));
    await s.read(seedConversation('919000000003', ['no handoff']));
    await s.read(function* ({ db, t }) {
      const set = (waId: string, handoff: 'queued' | 'human', at: number, by: number | null) =>
        exec(
          db
            .update(t.citizens)
            .set({ handoff, handoffAt: at, handoffOfficerId: by })
            .where(eq(t.citizens.waId, waId)),
        );
      yield* set('919000000001', 'human', T0, asha);
      yield* set('919000000002', 'queued', T0 + 2 * HOUR, null);
    });
    expect(await s.read(handoffQueue())).toEqual([
      {
        waId: '919000000002',
        language: 'hi',
        handoff: 'queued',
        handoffAt: T0 + 2 * HOUR,
        officer: null,
        conversationId: b,
        lastText: 'need a person',
      },
      {
        waId: '919000000001',
        language: 'hi',
        handoff: 'human',
        handoffAt: T0,
        officer: 'asha',
        conversationId: a,
        lastText: 'मदद चाहिए',
      },
    ]);
    expect(await s.read(replyWindowOpen('919000000001', T0 + HOUR))).toBe(true);
    expect(await s.read(replyWindowOpen('919000000001', T0 + 25 * HOUR))).toBe(false);
    expect(await s.read(replyWindowOpen('910000000000', T0))).toBe(false);
  });

  it.runIf(dialect === 'postgres')('Devanagari search can use the pg_trgm GIN index', async () => {
    const s = store() as PgStore;
    await s.read(seedConversation('914000000001', ['मुझे प्रमाणपत्र चाहिए']));
    // with a handful of rows the planner would rather scan: forbid that, and see the index serve ILIKE
    const plan = await s.db.transaction(async (tx): Promise<string> => {
      await tx.execute('set local enable_seqscan = off');
      const r = await tx.execute("explain select id from messages where text ilike '%माणप%'");
      return r.rows.map((x) => String(Object.values(x)[0])).join('\n');
    });
    expect(plan).toContain('messages_text_trgm_idx');
    const hit = await s.read(function* ({ db, t, d }) {
      return yield* first(
        db.select({ id: t.messages.id }).from(t.messages).where(d.textContains(t.messages.text, 'माणप')),
      );
    });
    expect(hit).toBeDefined();
  });
});
