import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileHospitalComplaint } from '../../../tools/file-hospital-complaint.js';
import { toolContext } from '../../../tools/test-context.js';
import { transitionCase } from '../../cases/transition-case.js';
import { loadCatalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { createDriver, type DriverTurn } from './test-driver.js';

// Issue 10, "only honest promises": every catalogue sentence that offers the citizen an action
// ("tell me and I will …", "ask me for …") is walked here with messages people write, and the
// engine must do what the sentence offers. A new sentence of that kind fails until it is added.
const catalogue = loadCatalogue();
const t = (lang: Lang, key: string) => catalogue.t(lang, `offline.${key}`);
const NOW = new Date('2026-11-24T04:30:00Z');
const DAY = 24 * 60 * 60 * 1000;
const OFFER = /\b(?:ask me|tell me (?:here )?and i will|reply here [^.]* to)\b/i;

const dir = join(process.cwd(), 'prompts/messages');
const offers = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) =>
    Object.entries(parse(readFileSync(join(dir, f), 'utf8')) as Record<string, { en?: string }>),
  )
  .filter(([, v]) => typeof v?.en === 'string' && OFFER.test(v.en))
  .map(([k]) => k);

type Driver = ReturnType<typeof createDriver>;
type Check = {
  lang: Lang;
  messages: string[];
  /** records the citizen already has */
  given?: (d: Driver) => Promise<void>;
  expect: (turn: DriverTurn, d: Driver) => void;
};
// the citizen's complaint was resolved two days ago: "still not resolved" and a yes reopen it
const reopen = (lang: Lang, message: string): Check => ({
  lang,
  messages: [message, lang === 'hi' ? 'हाँ' : lang === 'hinglish' ? 'haan' : 'yes'],
  given: async (d) => {
    const filed = await fileHospitalComplaint.run(
      {
        hospitalName: 'CHC Biswan',
        district: 'Sitapur',
        category: 'bribery_or_fees',
        description: 'Ward boy asked for money.',
        incidentDate: null,
        anonymous: false,
      },
      toolContext(d.db, { waId: d.waId, now: new Date(NOW.getTime() - 5 * DAY) }),
    );
    if (!filed.ok) throw new Error('not filed');
    for (const to of ['assigned', 'resolved'])
      transitionCase(d.db, {
        type: 'complaint',
        id: 1,
        to,
        actorUserId: 3,
        now: new Date(NOW.getTime() - 2 * DAY),
      });
  },
  expect: (turn, d) => {
    expect(turn.intent).toBe('reopen_complaint');
    expect(turn.text).toBe(catalogue.t(lang, 'tools.reopen.done', { reference: 'HC-2026-000001' }));
    expect(d.db.$client.prepare('select status from cases where id = 1').pluck().get()).toBe('reopened');
  },
});
const status: Check = {
  lang: 'en',
  messages: ['what is the status of my application'],
  expect: (turn) => expect(turn.calls.map((c) => c.name)).toContain('check_status'),
};
const copy = (lang: Lang, message: string): Check => ({
  lang,
  messages: [message],
  // no reference given: the citizen's own records decide which certificate it is for
  expect: (turn) => {
    expect(turn.intent).toBe('pay_fee');
    expect(turn.calls.map((c) => c.name)).toContain('check_status');
  },
});

const WALKS: Record<string, Check[]> = {
  'case.complaint.resolved.next': [
    reopen('en', 'still not resolved'),
    reopen('hinglish', 'abhi bhi paise maang rahe hain'),
    reopen('hi', 'समस्या अभी भी है'),
  ],
  'case.complaint.closed.next': [reopen('en', 'please reopen my complaint')],
  'offline.next.resolved': [reopen('hinglish', 'complaint dobara kholo')],
  // "…; if the problem is still there, ask me to reopen it again" (an officer's change won the race)
  'tools.reopen.changed': [
    reopen('en', 'please reopen it again, the problem is still there'),
    reopen('hinglish', 'phir se dobara kholo, problem ab bhi hai'),
  ],
  'case.application.certificate_issued.next': [
    copy('hinglish', 'pramanit prati chahiye'),
    copy('en', 'I need a certified copy'),
  ],
  'offline.collect_certificate': [status, copy('en', 'I need a certified copy')],
  'offline.form.faq.time': [status],
  'case.payment.expired.next': [
    {
      lang: 'en',
      messages: ['send me a new QR code to pay'],
      expect: (turn) => expect(turn.intent).toBe('pay_fee'),
    },
  ],
};

describe('every sentence that offers an action', () => {
  it('is walked by this test', () => {
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.filter((k) => !(k in WALKS))).toEqual([]);
  });

  it.each(
    Object.entries(WALKS).flatMap(([k, checks]) => checks.map((c, i) => [`${k} #${i + 1}`, c] as const)),
  )('%s works', async (_name, check) => {
    const d = createDriver({ now: NOW, lang: check.lang });
    await check.given?.(d);
    let turn: DriverTurn | undefined;
    for (const m of check.messages) turn = await d.send(m);
    if (!turn) throw new Error('no message');
    check.expect(turn, d);
  });

  it('"certificate kaha se milega? download link do" is answered, and starts no application', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    const turn = await d.send('certificate kaha se milega? download link do');
    expect(turn.text).toContain(t('hinglish', 'collect_certificate'));
    expect((d.state as { form?: unknown }).form ?? null).toBeNull();
  });
});
