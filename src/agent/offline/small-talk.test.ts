import { describe, expect, it } from 'vitest';
import { insertLegacyCase } from '../../cases/legacy-rows.js';

import { loadCatalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { services } from '../../services/registry.js';
import { argsOf, createDriver } from './test-driver.js';

const catalogue = loadCatalogue();
const t = (lang: Lang, key: string, params?: Record<string, string | number>) =>
  catalogue.t(lang, `offline.${key}`, params);
const NOW = new Date('2026-06-15T04:30:00Z');

const row = (lang: Lang) => (id: string) => ({
  id: `menu:${id}`,
  title: t(lang, `menu.${id}`),
  description: t(lang, `menu.${id}_desc`),
});
// the registry's services (caste, income, death, …) sit between the first two and status
const menuRows = (lang: Lang) => [
  ...['birth', 'complaint'].map(row(lang)),
  ...services
    .filter((s) => s.storage === 'cases')
    .map((s) => ({ id: `menu:svc.${s.id}`, title: s.names[lang] })),
  ...['status', 'pay', 'human'].map(row(lang)),
];

function seedApplication(d: ReturnType<typeof createDriver>, reference: string) {
  insertLegacyCase(d.db, 'application', {
    reference,
    waId: d.waId,
    sex: 'female',
    dateOfBirth: '2026-05-10',
    placeOfBirthType: 'home',
    placeOfBirth: 'Rampur',
    motherName: 'Sita',
    fatherName: 'Ram',
    address: 'Rampur, Agra',
    district: 'Agra',
    pinCode: '282001',
    language: 'en',
    feePaise: 5000,
    feeRule: 'late_fee_affidavit',
    statusAt: NOW.getTime(),
    slaDueAt: NOW.getTime(),
    createdAt: NOW.getTime(),
  });
}

describe('menu, help and small talk', () => {
  it('a greeting gets the menu as a list, in the language of the message', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    const turn = await d.send('नमस्ते');
    expect(turn.reply).toEqual([
      {
        kind: 'list',
        text: `${t('hi', 'greeting')}\n\n${t('hi', 'menu_prompt')}`,
        buttonLabel: t('hi', 'menu_button'),
        rows: menuRows('hi'),
      },
    ]);
  });

  it('gibberish is not guessed at: the menu is offered', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    const turn = await d.send('asdf qwerty');
    expect(turn.calls).toEqual([]);
    expect(turn.reply.at(-1)).toMatchObject({
      kind: 'list',
      text: `${t('en', 'not_sure')}\n\n${t('en', 'menu_prompt')}`,
    });
  });

  it('"talk to a human" sets the handoff intent; abuse gets a calm answer', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    let turn = await d.send('mujhe kisi adhikari se baat karni hai');
    expect(turn.intent).toBe('human');
    expect(turn.text).toBe(t('hinglish', 'human'));
    turn = await d.send('you are a useless stupid bot');
    expect(turn.intent).toBe('abuse');
    expect(turn.text.startsWith(t('en', 'abuse'))).toBe(true);
  });

  it('delete my data: the erasure tool is summarised, then run on yes', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    let turn = await d.send('please delete my data');
    expect(turn.intent).toBe('delete_data');
    expect(turn.summary).toBe(true);
    expect(argsOf(turn, 'delete_my_data')).toEqual([{ reason: null }]);
    turn = await d.tap('confirm:yes', 'Yes, submit');
    expect(turn.calls.map((c) => [c.name, c.status])).toEqual([['delete_my_data', 'ok']]);
    expect(turn.text).toBe(t('en', 'delete_done'));
  });

  it('a photo with no complaint in progress is acknowledged and the menu offered', async () => {
    const d = createDriver({ now: NOW, lang: 'hi' });
    const turn = await d.send({ kind: 'image', mediaId: 'm-1' });
    expect(turn.reply.at(-1)).toMatchObject({
      kind: 'list',
      text: `${t('hi', 'photo_no_draft')}\n\n${t('hi', 'menu_prompt')}`,
    });
  });
});

describe('payment with several applications', () => {
  it('asks which application, then summarises the one picked', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    seedApplication(d, 'BC-2026-000011');
    seedApplication(d, 'BC-2026-000012');
    let turn = await d.send('I want to pay the fee');
    expect(turn.reply).toEqual([
      {
        kind: 'buttons',
        text: t('en', 'pay.choose'),
        buttons: [
          { id: 'payref:BC-2026-000012', title: 'BC-2026-000012' },
          { id: 'payref:BC-2026-000011', title: 'BC-2026-000011' },
        ],
      },
    ]);
    turn = await d.tap('payref:BC-2026-000011', 'BC-2026-000011');
    expect(turn.summary).toBe(true);
    expect(argsOf(turn, 'create_payment_qr')).toEqual([{ forReference: 'BC-2026-000011' }]);
  });

  it('a typed reference after the question is the one paid for', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    seedApplication(d, 'BC-2026-000011');
    seedApplication(d, 'BC-2026-000012');
    await d.send('fees bharni hai');
    const turn = await d.send('bc 2026 000012');
    expect(argsOf(turn, 'create_payment_qr')).toEqual([{ forReference: 'BC-2026-000012' }]);
  });
});
