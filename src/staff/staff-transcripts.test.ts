import { describe, expect, it } from 'vitest';
import { citizens, conversations, messages } from '../db/schema.js';
import { addUsers, consoleFixture, login, seedHindiCase, T0 } from './test-support.js';

function seedEnglish(db: ReturnType<typeof consoleFixture>['db'], textBody: string) {
  const waId = '14155550123';
  db.insert(citizens).values({ waId, language: 'en', lastInboundAt: T0, createdAt: T0 }).run();
  const conv = db
    .insert(conversations)
    .values({ waId, startedAt: T0, lastMessageAt: T0, language: 'en', engine: 'openai', fellBack: true })
    .returning()
    .get();
  db.insert(messages)
    .values({
      waId,
      conversationId: conv.id,
      direction: 'in',
      kind: 'text',
      text: textBody,
      wamid: 'wamid.en.1',
      createdAt: T0,
    })
    .run();
  return conv.id;
}

const ids = (html: string) =>
  [...html.matchAll(/href="\/staff\/conversations\/(\d+)">#/g)].map((m) => Number(m[1]));

describe('transcripts', () => {
  it('finds a Hindi conversation by a Devanagari word, an English one by a short query, and filters', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const hi = seedHindiCase(f.db);
    const en = seedEnglish(f.db, 'The hospital ward is dirty');
    const r = await login(f.app, 'reviewer');
    const q = async (qs: string) => ids(await (await r.get(`/staff/conversations?${qs}`)).text());
    expect(await q(`q=${encodeURIComponent('प्रमाण')}`)).toEqual([hi.conversationId]);
    expect(await q('q=HOSPITAL')).toEqual([en]);
    expect(await q('q=wa')).toEqual([en]);
    expect(await q('q=zzzz')).toEqual([]);
    expect(await q('language=hi')).toEqual([hi.conversationId]);
    expect(await q('fellBack=1')).toEqual([en]);
    expect(await q('engine=offline')).toEqual([hi.conversationId]);
    expect(await q('service=birth_certificate&outcome=completed')).toEqual([hi.conversationId]);
    expect(await q('from=2026-11-21')).toEqual([]);
    expect(await q('from=2026-11-20&to=2026-11-20')).toEqual([en, hi.conversationId]);
  });

  it('shows citizen text literally, never as markup', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const id = seedEnglish(f.db, '<script>alert(1)</script>');
    const r = await login(f.app, 'reviewer');
    for (const page of ['/staff/conversations', `/staff/conversations/${id}`]) {
      const html = await (await r.get(page)).text();
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>alert(1)</script>');
    }
  });

  it('renders the chat with buttons, the failed send and its Meta error, and the turn steps collapsed', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const { conversationId, turnId } = seedHindiCase(f.db);
    const html = await (
      await (await login(f.app, 'reviewer')).get(`/staff/conversations/${conversationId}`)
    ).text();
    expect(html).toContain('<span class="choice">हाँ, जमा करें</span>');
    expect(html).toContain('not delivered: (#131047) Re-engagement message');
    expect(html).toMatch(new RegExp(`<div class="turn" id="turn-${turnId}"><details><summary>`));
    expect(html).toContain('apply_birth_certificate');
    expect(html).toContain('&quot;childName&quot;: &quot;Anaya&quot;');
  });

  it('records a reviewer annotation with an audit row, and exports the conversation as an eval case', async () => {
    const f = consoleFixture();
    const users = await addUsers(f.db);
    const { conversationId, turnId } = seedHindiCase(f.db);
    const r = await login(f.app, 'reviewer');
    const res = await r.post(`/staff/turns/${turnId}/annotations`, {
      verdict: 'bad',
      label: 'asked_twice',
      note: 'पिता का नाम दो बार पूछा',
    });
    expect(res.status).toBe(303);
    expect(
      f.db.$client.prepare('select turn_id, user_id, verdict, label, note from annotations').all(),
    ).toEqual([
      {
        turn_id: turnId,
        user_id: users.reviewer,
        verdict: 'bad',
        label: 'asked_twice',
        note: 'पिता का नाम दो बार पूछा',
      },
    ]);
    const yaml = await r.get(`/staff/conversations/${conversationId}/eval-case.yaml`);
    expect(yaml.headers.get('content-disposition')).toBe(
      `attachment; filename="conversation-${conversationId}.eval.yaml"`,
    );
    expect(await yaml.text()).toContain('मुझे बेटी का जन्म प्रमाण पत्र चाहिए');
    expect((await r.post(`/staff/conversations/${conversationId}/flag`, { flagged: '1' })).status).toBe(303);
    expect(ids(await (await r.get('/staff/conversations?flagged=1')).text())).toEqual([conversationId]);
    const audit = f.db.$client
      .prepare("select action from audit_log where action not like 'login%' order by id")
      .all();
    expect(audit).toEqual([
      { action: 'turn.annotate' },
      { action: 'transcript.export_eval_case' },
      { action: 'transcript.flag' },
      { action: 'conversation.list' },
    ]);
  });

  it('runs a human handoff: queue, take, reply through the outbox, hand back', async () => {
    const f = consoleFixture();
    const users = await addUsers(f.db);
    const { conversationId, waId } = seedHindiCase(f.db);
    f.db.$client.prepare("update citizens set handoff = 'queued', handoff_at = ?").run(T0);
    const officer = await login(f.app, 'officer');
    expect(await (await officer.get('/staff/handoffs')).text()).toContain(
      `/staff/handoffs/${conversationId}/take`,
    );
    expect((await officer.post(`/staff/handoffs/${conversationId}/take`, {})).status).toBe(303);
    expect(f.db.$client.prepare('select handoff, handoff_officer_id from citizens').get()).toEqual({
      handoff: 'human',
      handoff_officer_id: users.officer,
    });
    expect(
      (await officer.post(`/staff/conversations/${conversationId}/reply`, { text: 'नमस्ते, मैं आपकी मदद करूँगा।' }))
        .status,
    ).toBe(303);
    expect((await officer.post(`/staff/handoffs/${conversationId}/release`, {})).status).toBe(303);
    expect(f.db.$client.prepare('select handoff, handoff_officer_id from citizens').get()).toEqual({
      handoff: 'none',
      handoff_officer_id: null,
    });
    const sent = f.db.$client
      .prepare(
        "select wa_id, conversation_id, text, sent_by from messages where direction = 'out' and sent_by != 'assistant' order by id",
      )
      .all();
    expect(sent).toEqual([
      {
        wa_id: waId,
        conversation_id: conversationId,
        text: 'एक अधिकारी इस चैट में जुड़ गए हैं और यहीं आपको जवाब देंगे।',
        sent_by: `staff:${users.officer}`,
      },
      {
        wa_id: waId,
        conversation_id: conversationId,
        text: 'नमस्ते, मैं आपकी मदद करूँगा।',
        sent_by: `staff:${users.officer}`,
      },
      {
        wa_id: waId,
        conversation_id: conversationId,
        text: expect.stringContaining('वापस सहायक को सौंप दी'),
        sent_by: `staff:${users.officer}`,
      },
    ]);
    expect(f.wakes.count).toBe(3);
    const reviewer = await login(f.app, 'reviewer');
    expect((await reviewer.post(`/staff/conversations/${conversationId}/reply`, { text: 'hi' })).status).toBe(
      403,
    );
  });

  it('draws the dashboard as inline SVG with the day counts and open cases', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    seedHindiCase(f.db);
    const html = await (await (await login(f.app, 'reviewer')).get('/staff')).text();
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('aria-label="Messages and conversations per day"');
    expect(html).toContain('हिंदी (hi)');
    expect(html).toContain('100%'); // one conversation with a service, completed
    expect(html).toMatch(/<title>2026-11-20: 2 messages<\/title>/);
  });
});
