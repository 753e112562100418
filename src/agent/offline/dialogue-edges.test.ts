import { describe, expect, it } from 'vitest';
import { defaultFeeSchedule } from '../../../tools/fee-schedule.js';
import { applicationRows } from '../../cases/legacy-rows.js';

import { loadCatalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { createOfflineEngine } from './offline-engine.js';
import { argsOf, createDriver } from './test-driver.js';

const catalogue = loadCatalogue();
const t = (lang: Lang, key: string, params?: Record<string, string | number>) =>
  catalogue.t(lang, `offline.${key}`, params);
const NOW = new Date('2026-06-15T04:30:00Z');
const HOUR = 60 * 60 * 1000;

/** A birth draft in English filled up to the mother's name question. */
async function birthUpToMother(lang: Lang = 'en') {
  const d = createDriver({ now: NOW, lang });
  await d.tap('menu:birth', 'Birth certificate');
  await d.send('Aarav');
  await d.tap('sex:male', 'Boy');
  await d.send('10/06/2026');
  await d.tap('place:hospital', 'Hospital');
  const turn = await d.send('District Hospital Agra');
  expect(turn.text).toContain(t(lang, 'ask.motherName'));
  return d;
}

/** The rest of the form, ending at the summary. */
async function finishForm(d: Awaited<ReturnType<typeof birthUpToMother>>) {
  await d.send('Sunita Devi');
  await d.send('Ramesh Kumar');
  await d.send('12 Gandhi Nagar');
  await d.send('282001');
  return d.tap('skip', 'Skip');
}

describe('corrections', () => {
  it('a correction in the middle of the form replaces the earlier answer and the form goes on', async () => {
    const d = await birthUpToMother();
    await d.send('Sunita Devi');
    const turn = await d.send("sorry, mother's name is Rekha Devi");
    expect(turn.text).toContain(t('en', 'ask.fatherName'));
    await d.send('Ramesh Kumar');
    await d.send('12 Gandhi Nagar');
    await d.send('282001');
    const summary = await d.tap('skip', 'Skip');
    expect(argsOf(summary, 'apply_birth_certificate')).toEqual([
      expect.objectContaining({ motherName: 'Rekha Devi' }),
    ]);
  });

  it('a correction given as the answer to the summary shows a new summary, nothing is submitted', async () => {
    const d = await birthUpToMother('en');
    await finishForm(d);
    const turn = await d.send('nahi, date 5 june hai');
    expect(turn.summary).toBe(true);
    expect(argsOf(turn, 'apply_birth_certificate')).toEqual([
      expect.objectContaining({ dateOfBirth: '2026-06-05' }),
    ]);
    expect(applicationRows(d.db)).toEqual([]);
  });

  it('"Change something" lists the fields; the picked one is asked again and re-summarised', async () => {
    const d = await birthUpToMother();
    await finishForm(d);
    let turn = await d.tap('confirm:change', 'Change something');
    expect(turn.reply.at(-1)).toMatchObject({ kind: 'list', text: t('en', 'change_which') });
    turn = await d.send({ kind: 'list', id: 'field:fatherName', title: "Father's name" });
    expect(turn.text).toContain(t('en', 'ask.fatherName'));
    turn = await d.send('Suresh Kumar');
    expect(turn.summary).toBe(true);
    expect(argsOf(turn, 'apply_birth_certificate')).toEqual([
      expect.objectContaining({ fatherName: 'Suresh Kumar' }),
    ]);
  });
});

describe('cancel and skip', () => {
  it('cancel drops the draft and says so, in Hindi', async () => {
    const d = createDriver({ now: NOW, lang: 'hi' });
    await d.send('मुझे जन्म प्रमाण पत्र चाहिए');
    const turn = await d.send('रद्द करो');
    expect(turn.text).toBe(t('hi', 'cancelled.birth'));
    expect(d.state).toMatchObject({ form: null });
  });

  it('cancel on the summary submits nothing', async () => {
    const d = await birthUpToMother();
    await finishForm(d);
    const turn = await d.tap('confirm:cancel', 'Cancel');
    expect(turn.text).toBe(t('en', 'cancelled.birth'));
    expect(turn.calls).toEqual([]);
    expect(applicationRows(d.db)).toEqual([]);
  });

  it('a required field cannot be skipped', async () => {
    const d = await birthUpToMother();
    const turn = await d.tap('skip', 'Skip');
    // the engine names the field it cannot skip (issue 10: the form engine's own message), and
    // shows what an answer looks like
    const label = catalogue.t('en', 'tools.label.mother_name');
    expect(turn.text).toBe(
      `${t('en', 'form.needed', { label })}\n\n${t('en', 'ask.motherName')}\nFor example: Sunita Devi`,
    );
  });
});

describe('interruptions and language', () => {
  it('a status question in the middle is answered and the draft resumed (Hinglish)', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('janm praman patra banwana hai');
    const turn = await d.send('meri applications ka status kya hai?');
    expect(argsOf(turn, 'check_status')).toEqual([{ reference: null }]);
    const body = [
      t('hinglish', 'status.none'),
      t('hinglish', 'resume.birth'),
      t('hinglish', 'ask.childName'),
    ];
    expect(turn.reply).toEqual([
      {
        kind: 'buttons',
        text: body.join('\n\n'),
        buttons: [{ id: 'noname', title: t('hinglish', 'button_no_name') }],
      },
    ]);
  });

  it('"English please" switches the language, remembers it, and repeats the question in English', async () => {
    const d = await birthUpToMother('hi');
    let turn = await d.send('English please');
    expect(turn.lang).toBe('en');
    expect(turn.text).toBe(`${t('en', 'lang_switched')}\n\n${t('en', 'ask.motherName')}`);
    turn = await d.send('सुनीता देवी');
    expect(turn.lang).toBe('en');
    expect(turn.text).toContain(t('en', 'ask.fatherName'));
  });

  it('a lang: button switches too', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    const turn = await d.tap('lang:hi', 'हिंदी');
    expect(turn.lang).toBe('hi');
    expect(turn.text).toContain(t('hi', 'lang_switched'));
  });
});

describe('dates', () => {
  it('a date of birth in the future is refused and asked again', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.tap('menu:birth', 'Birth certificate');
    await d.send('Aarav');
    await d.tap('sex:male', 'Boy');
    const turn = await d.send('20/06/2026');
    expect(turn.calls).toEqual([]);
    expect(turn.text).toBe(
      `${t('en', 'form.future_date', { date: '20/06/2026' })}\n\n${t('en', 'ask.dateOfBirth')}`,
    );
  });

  it('a birth more than a year ago ends the draft with the magistrate explanation, nothing submitted', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('janm praman patra banwana hai');
    await d.send('Aarav');
    await d.tap('sex:male', 'Ladka');
    const turn = await d.send('10/03/2025');
    expect(turn.text).toBe(t('hinglish', 'too_old', { date: '10/03/2025' }));
    expect(d.state).toMatchObject({ form: null });
  });

  it("the tool's magistrate-order refusal is rendered in the citizen's language and ends the draft", async () => {
    // an engine configured with a laxer schedule than the tool's: the tool's precheck decides
    const engine = createOfflineEngine({
      catalogue,
      fees: { ...defaultFeeSchedule, authorityPermissionWithinDays: 100_000 },
    });
    const d = createDriver({ now: NOW, lang: 'en', engine });
    await d.tap('menu:birth', 'Birth certificate');
    await d.send('Aarav');
    await d.tap('sex:male', 'Boy');
    await d.send('10/03/2025');
    await d.tap('place:hospital', 'Hospital');
    await d.send('District Hospital Agra');
    const turn = await finishForm(d);
    expect(turn.summary).toBe(false);
    expect(turn.calls.map((c) => [c.name, c.status])).toEqual([['apply_birth_certificate', 'error']]);
    expect(turn.text).toBe(t('en', 'too_old', { date: '10/03/2025' }));
    expect(d.state).toMatchObject({ form: null });
  });
});

describe('drafts over time', () => {
  it('a draft kept less than 24 h continues; after 24 h of silence it is dropped with a notice', async () => {
    const d = await birthUpToMother();
    let turn = await d.send('Sunita Devi', new Date(NOW.getTime() + 23 * HOUR));
    expect(turn.text).toContain(t('en', 'ask.fatherName'));
    turn = await d.send('Ramesh Kumar', new Date(NOW.getTime() + 48 * HOUR));
    expect(turn.text.startsWith(t('en', 'expired.birth'))).toBe(true);
    expect(d.state).toMatchObject({ form: null });
  });
});

describe('what the citizen means', () => {
  it('"nahi ruko" on the child-name question is not a name, and nothing is summarised', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('janm praman patra banwana hai');
    const turn = await d.send('nahi ruko');
    expect(turn.calls).toEqual([]);
    expect(d.state).not.toMatchObject({ form: { fields: { childName: 'nahi ruko' } } });
  });

  it('"I am the father" inside a long message makes the father the informant', async () => {
    const d = await birthUpToMother();
    await d.send('Sunita Devi');
    await d.send("father's name is Ramesh Kumar and I am the father");
    await d.send('12 Gandhi Nagar');
    const turn = await d.send('282001');
    expect(turn.summary).toBe(true);
    expect(argsOf(turn, 'apply_birth_certificate')).toEqual([
      expect.objectContaining({ fatherName: 'Ramesh Kumar', informantName: 'Ramesh Kumar' }),
    ]);
  });

  it('"change the PIN code" on the summary asks for the PIN again', async () => {
    const d = await birthUpToMother();
    await finishForm(d);
    let turn = await d.send('I want to change the pin code');
    expect(turn.text).toBe(t('en', 'ask.pinCode'));
    turn = await d.send('282002');
    expect(argsOf(turn, 'apply_birth_certificate')).toEqual([expect.objectContaining({ pinCode: '282002' })]);
  });

  it('a reference in the middle of a draft is a status question, never a new application', async () => {
    const d = await birthUpToMother('hi');
    const turn = await d.send('शिकायत HC-2026-000001 पर क्या कार्रवाई हुई');
    expect(argsOf(turn, 'check_status')).toEqual([{ reference: 'HC-2026-000001' }]);
    expect(turn.text).toBe(
      [
        t('hi', 'status.not_found', { reference: 'HC-2026-000001' }),
        t('hi', 'resume.birth'),
        t('hi', 'ask.motherName'),
      ].join('\n\n'),
    );
  });
});
