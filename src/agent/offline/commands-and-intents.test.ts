import { describe, expect, it } from 'vitest';
import { cases } from '../../db/schema.js';
import { loadCatalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { serviceById } from '../../services/registry.js';
import { INCOME_TO_SUMMARY } from '../../testing/form-lines.js';
import { inSentence } from './prompts.js';
import { createDriver, formOf } from './test-driver.js';

// What a tester found (2026-12-07): a whole filled form cancelled by "submit mat karo", the
// erasure offered for "delete mat karna", a new application for "caste certificate ka status",
// a form started for "shikayat nahi karni hai".

const catalogue = loadCatalogue();
const t = (lang: Lang, key: string, params?: Record<string, string | number>) =>
  catalogue.t(lang, `offline.${key}`, params);
// "the form is kept": said of the service whose form is open, never "anything else?" past its question
const held = (lang: Lang, id: string) =>
  t(lang, 'form.held', { service: inSentence(serviceById(id)?.names[lang] ?? id, lang) });
const NOW = new Date('2026-06-15T04:30:00Z');

const INCOME = INCOME_TO_SUMMARY;

/** An income form filled to its summary (the tool's confirmation shown). */
async function incomeAtSummary(lang: Lang = 'hinglish') {
  const d = createDriver({ now: NOW, lang });
  let turn = await d.send(INCOME[0]);
  for (const m of INCOME.slice(1)) turn = await d.send(m);
  expect(turn.summary).toBe(true);
  return d;
}

const CASTE = ['caste certificate banwana hai', 'Rajesh Kumar', 'father Ram Lal', 'jatav', 'SC'];

/** A caste form at its optional sub-caste question. */
async function casteAtSubCaste() {
  const d = createDriver({ now: NOW, lang: 'hinglish' });
  for (const m of CASTE) await d.send(m);
  expect(formOf(d).asking).toBe('subCaste');
  return d;
}

const caseCount = (d: ReturnType<typeof createDriver>) => d.db.select().from(cases).all().length;

describe('"don\'t submit (yet)" keeps the form', () => {
  it.each([
    ['submit mat karo abhi', 'hinglish'],
    ['submit mat karo', 'hinglish'],
    ['jama mat karo', 'hinglish'],
    ['submit mat karna', 'hinglish'],
    ['abhi submit nahi karna', 'hinglish'],
    ['जमा मत करो', 'hi'],
    ["don't submit it yet", 'en'],
  ] as const)('%j: not submitted, not cancelled, and it says so', async (text, lang) => {
    const d = await incomeAtSummary(lang);
    const turn = await d.send(text);
    expect(turn.calls).toEqual([]);
    expect(turn.intent).not.toBe('cancel');
    expect(turn.text).toContain(held(lang, 'income_certificate'));
    expect(turn.text).not.toContain(t(lang, 'left_as_is'));
    expect(formOf(d).fields).toMatchObject({
      applicantName: 'Rajesh Kumar Gupta',
      annualIncomeRupees: 120000,
    });
    // how to go on: the summary is one tap away
    expect(turn.text).toContain(t(lang, 'button_show_summary'));
    const shown = await d.tap('confirm:yes', t(lang, 'button_show_summary'));
    expect(shown.summary).toBe(true);
    expect(caseCount(d)).toBe(0);
  });

  it('"submit mat karo, cancel kar do" still cancels: the cancel is said outright', async () => {
    const d = await incomeAtSummary();
    const turn = await d.send('submit mat karo, cancel kar do');
    expect(turn.intent).toBe('cancel');
    expect(formOf(d)).toBeNull();
  });

  it('"abhi rehne do" in the middle of a form is a pause, a bare "rehne do" still a cancel', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send(CASTE[0]);
    await d.send(CASTE[1]);
    let turn = await d.send('abhi rehne do');
    expect(turn.text).toContain(held('hinglish', 'caste_certificate'));
    expect(formOf(d).fields).toMatchObject({ applicantName: 'Rajesh Kumar' });
    turn = await d.send('rehne do');
    expect(turn.intent).toBe('cancel');
    expect(formOf(d)).toBeNull();
  });
});

describe('"rehne do" about one answer keeps or skips it', () => {
  it('"ye wala rehne do" at an optional question skips it; the form goes on', async () => {
    const d = await casteAtSubCaste();
    const turn = await d.send('ye wala rehne do');
    expect(turn.intent).not.toBe('cancel');
    expect(formOf(d).fields).toMatchObject({ applicantName: 'Rajesh Kumar', caste: 'jatav', subCaste: null });
    expect(formOf(d).asking).toBe('address');
  });

  it('"wahi rehne do, jatav" while the caste is changed keeps it Jatav', async () => {
    const d = await casteAtSubCaste();
    for (const m of ['skip', 'H.No. 5, Gandhi Nagar, Agra 282001', 'agra', 'scholarship', 'skip'])
      await d.send(m);
    await d.tap('confirm:change', 'Kuch badalna hai');
    await d.send('jati');
    expect(formOf(d).asking).toBe('caste');
    const turn = await d.send('wahi rehne do, jatav');
    expect(turn.intent).not.toBe('cancel');
    expect(turn.summary).toBe(true);
    expect(formOf(d).fields).toMatchObject({ caste: 'jatav', applicantName: 'Rajesh Kumar' });
  });

  it('"wahi rehne do" to a needed question with no value says it is needed and asks again', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    for (const m of CASTE.slice(0, 3)) await d.send(m);
    expect(formOf(d).asking).toBe('caste');
    const turn = await d.send('wahi rehne do');
    expect(formOf(d).asking).toBe('caste');
    expect(formOf(d).fields).toMatchObject({ applicantName: 'Rajesh Kumar' });
    const label = { en: 'Caste', hi: 'जाति', hinglish: 'Jati' }[turn.lang];
    expect(turn.text).toContain(t(turn.lang, 'form.needed', { label }));
  });
});

describe('a refused erasure asks nothing', () => {
  it.each([
    ['mera data delete mat karna', 'hinglish'],
    ['delete nahi karna', 'hinglish'],
    ['मेरा डेटा डिलीट मत करना', 'hi'],
    ["please don't delete my data", 'en'],
  ] as const)('%j: no erasure summary, "nothing deleted"', async (text, lang) => {
    const d = createDriver({ now: NOW, lang });
    const turn = await d.send(text);
    expect(turn.calls).toEqual([]);
    expect(turn.summary).toBe(false);
    expect(turn.text).toContain(t(lang, 'delete_kept'));
    // a "haan" after it erases nothing: there was nothing to confirm
    const yes = await d.send(lang === 'hi' ? 'हाँ' : 'haan');
    expect(yes.calls.map((c) => c.name)).not.toContain('delete_my_data');
  });

  it('inside a form the form is kept', async () => {
    const d = await incomeAtSummary();
    const turn = await d.send('mera data delete mat karna');
    expect(turn.calls).toEqual([]);
    expect(turn.text).toContain(t('hinglish', 'delete_kept'));
    expect(formOf(d).fields).toMatchObject({ applicantName: 'Rajesh Kumar Gupta' });
  });
});

describe('the status of a registry service is a status check', () => {
  it.each([
    ['caste certificate ka status', 'hinglish'],
    ['मेरे जाति प्रमाण पत्र की स्थिति', 'hi'],
    ['income certificate ka status', 'hinglish'],
    ['death certificate ka status kya hai', 'hinglish'],
    ['status of my caste certificate', 'en'],
  ] as const)('%j: check_status, no new form', async (text, lang) => {
    const d = createDriver({ now: NOW, lang });
    const turn = await d.send(text);
    expect(turn.calls.map((c) => c.name)).toEqual(['check_status']);
    expect((d.state as { form?: unknown }).form ?? null).toBeNull();
  });

  it('an open form stays open and is not replaced', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send(INCOME[0]);
    await d.send(INCOME[1]);
    const turn = await d.send('caste certificate ka status');
    expect(turn.calls.map((c) => c.name)).toEqual(['check_status']);
    expect(formOf(d).service).toBe('income_certificate');
    expect(formOf(d).fields).toMatchObject({ applicantName: 'Rajesh Kumar Gupta' });
  });

  it('a filed caste certificate is found by "caste certificate ka status" and by its reference in Devanagari digits', async () => {
    const d = await casteAtSubCaste();
    for (const m of ['skip', 'H.No. 5, Gandhi Nagar, Agra 282001', 'agra', 'scholarship', 'skip'])
      await d.send(m);
    await d.tap('confirm:yes', 'Haan, submit karo');
    expect(caseCount(d)).toBe(1);
    for (const text of [
      'caste certificate ka status',
      'CC-२०२६-०००००१',
      'application number CC 2026 000001',
    ]) {
      const turn = await d.send(text);
      expect(turn.calls.map((c) => c.name)).toEqual(['check_status']);
      expect(turn.text).toContain('CC-2026-000001');
    }
    expect(caseCount(d)).toBe(1);
  });
});

describe('a refused service is not started', () => {
  it('"mujhe jati praman patra nahi chahiye, aay praman patra chahiye" starts the income certificate', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('mujhe jati praman patra nahi chahiye, aay praman patra chahiye');
    expect(formOf(d).service).toBe('income_certificate');
  });

  it('the same in Hindi', async () => {
    const d = createDriver({ now: NOW, lang: 'hi' });
    await d.send('मुझे जाति प्रमाण पत्र नहीं चाहिए, आय प्रमाण पत्र चाहिए');
    expect(formOf(d).service).toBe('income_certificate');
  });

  it.each([
    ['shikayat nahi karni hai', 'hinglish'],
    ['death certificate nahi chahiye', 'hinglish'],
    ['शिकायत नहीं करनी है', 'hi'],
    ["I don't want to file a complaint", 'en'],
  ] as const)('%j: no form, the menu', async (text, lang) => {
    const d = createDriver({ now: NOW, lang });
    const turn = await d.send(text);
    expect((d.state as { form?: unknown }).form ?? null).toBeNull();
    expect(turn.text).toContain(t(lang, 'left_as_is'));
    expect(turn.reply.at(-1)).toMatchObject({ kind: 'list' });
  });

  it('"shikayat nahi karni" inside a form: nothing started, the form said kept and its question asked', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send(CASTE[0]);
    await d.send(CASTE[1]);
    const turn = await d.send('shikayat nahi karni hai');
    expect(formOf(d).service).toBe('caste_certificate');
    expect(formOf(d).asking).toBe('fatherOrHusbandName');
    expect(turn.text).toContain(t('hinglish', 'form.not_started', { service: 'jati praman patra' }));
    expect(turn.text).not.toContain(t('hinglish', 'left_as_is'));
  });

  it('"complaint nahi karni, bas jaankari chahiye": no form, what the assistant can do', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    const turn = await d.send('complaint nahi karni, bas jaankari chahiye');
    expect((d.state as { form?: unknown }).form ?? null).toBeNull();
    expect(turn.intent).toBe('help');
    // the help names every service of the registry, the three added ones too
    expect(turn.text).toContain('Main inmein madad kar sakta hoon: janm praman patra, aspatal ki shikayat,');
    for (const name of ['jati praman patra', 'aay praman patra', 'aur mrityu praman patra'])
      expect(turn.text).toContain(name);
  });

  it('"nahi, shikayat karni hai" still files a complaint: the "nahi" answers something else', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('nahi, shikayat karni hai');
    expect(formOf(d).service).toBe('hospital_complaint');
  });
});

describe('a death told, a certificate asked', () => {
  it('"meri maa ki death ho gayi, certificate banwana hai" starts the death certificate', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('meri maa ki death ho gayi, certificate banwana hai');
    expect(formOf(d).service).toBe('death_certificate');
  });

  it('"papa guzar gaye, unka praman patra chahiye" too; a birth is not a death', async () => {
    let d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('papa guzar gaye, unka praman patra chahiye');
    expect(formOf(d).service).toBe('death_certificate');
    d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('beti ka janm hua, certificate banwana hai');
    expect(formOf(d).service).toBe('birth_certificate');
  });
});

describe('inside an answer these words are the answer', () => {
  async function atDescription() {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('mujhe hospital ki shikayat karni hai');
    await d.send('district hospital sitapur');
    expect(formOf(d).asking).toBe('description');
    return d;
  }

  it.each([
    'doctor ne kaha ye rehne do, kuch nahi hoga, aur ilaj nahi kiya',
    'staff ne form jama nahi karne diya, paise maange',
  ])('%j is the description, whole', async (text) => {
    const d = await atDescription();
    await d.send(text);
    expect(formOf(d).fields.description).toBe(text);
    expect(formOf(d).asking).toBe('incidentDate');
  });
});
