import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { argsOf, createDriver } from './test-driver.js';

// What a citizen types at a birth application's summary that is neither a plain yes nor a
// change the engine can read. Shown the same summary without a word, they would take it as
// corrected and confirm the old value.
const catalogue = loadCatalogue();
const t = (lang: Lang, key: string) => catalogue.t(lang, `offline.${key}`);
const NOW = new Date('2026-12-07T04:30:00Z');
const WHOLE =
  'birth certificate for my daughter Priya, born on 3 December 2026 at Sawai Man Singh Hospital Jaipur, mother Sunita, father Ramesh Kumar, address 12 Gandhi Nagar Jaipur 302001';

async function atSummary() {
  const d = createDriver({ now: NOW, lang: 'en' });
  await d.send(WHOLE);
  const turn = await d.tap('skip', 'Skip');
  expect(turn.summary).toBe(true);
  return d;
}

describe('answers at the summary', () => {
  it('a change it cannot read is said to have changed nothing, and the summary is shown again', async () => {
    const d = await atSummary();
    const turn = await d.send('date 2 december hai');
    expect(turn.summary).toBe(true);
    expect(turn.text).toContain(t(turn.lang, 'form.unchanged'));
    expect(turn.text.indexOf(t(turn.lang, 'form.unchanged'))).toBeLessThan(turn.text.indexOf('03/12/2026'));
  });

  it('a change it reads is named before the new summary', async () => {
    const d = await atSummary();
    const turn = await d.send('no, the date is wrong, it is 2 December');
    expect(turn.summary).toBe(true);
    expect(argsOf(turn, 'apply_birth_certificate')[0]).toMatchObject({ dateOfBirth: '2026-12-02' });
    expect(turn.text.indexOf('02/12/2026')).toBeLessThan(turn.text.lastIndexOf('Priya'));
    expect(turn.text).not.toContain(t(turn.lang, 'form.unchanged'));
  });

  it.each([
    'theek hai par date 2 december hai',
    'sab sahi hai bas mummy ka naam Sunita Devi likho',
    'yes but the date is wrong',
  ])('%j: a yes with a "but" is not a yes', async (text) => {
    const d = await atSummary();
    const turn = await d.send(text);
    expect(turn.summary).toBe(false);
    expect(turn.calls.filter((c) => c.status === 'ok')).toEqual([]);
  });

  it.each(['sahi hai?', 'ok?'])('%j, asked back, submits nothing', async (text) => {
    const d = await atSummary();
    const turn = await d.send(text);
    expect(turn.summary).toBe(true);
    expect(turn.calls.filter((c) => c.status === 'ok')).toEqual([]);
  });
});

describe('cancelling forbidden', () => {
  it.each(['mat cancel karo', 'cancel nahi karna', 'मत कैंसिल करो'])(
    '%j keeps the form and asks its question again, taking the words for no answer',
    async (text) => {
      const d = createDriver({ now: NOW, lang: 'en' });
      await d.send('I want to complain about a hospital');
      await d.send('civil hospital');
      expect((await d.send('lucknow')).text).toContain(t('en', 'ask.description'));
      const turn = await d.send(text);
      expect(turn.intent).not.toBe('cancel');
      expect(turn.text).toContain(t(turn.lang, 'form.not_cancelled'));
      // the question of before, not the next one: the words were not taken as the description
      expect(turn.text).toContain(t(turn.lang, 'ask.description'));
    },
  );
});
