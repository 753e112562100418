import { describe, expect, it } from 'vitest';
import { applicationRows, complaintRows } from '../../cases/legacy-rows.js';
import { payments } from '../../db/schema.js';
import { loadCatalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { STYLE_CASES } from './held-out-style-cases.js';
import { argsOf, createDriver } from './test-driver.js';

const catalogue = loadCatalogue();
const t = (lang: Lang, key: string) => catalogue.t(lang, `offline.${key}`);
const NOW = new Date('2026-11-24T04:30:00Z');

async function talk(lang: Lang, msgs: string[]) {
  const d = createDriver({ now: NOW, lang });
  const turns = [];
  for (const m of msgs) turns.push(await d.send(m));
  return { d, turns, last: turns[turns.length - 1] };
}

describe('conversations as citizens write them', () => {
  it.each(STYLE_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const { d, last } = await talk(c.lang, c.msgs);
    expect(last.summary).toBe(true);
    expect(last.lang).toBe(c.lang);
    expect(argsOf(last, c.tool)).toEqual([c.args]);
    const done = await d.tap('confirm:yes', 'yes');
    const rows = c.tool === 'apply_birth_certificate' ? applicationRows(d.db) : complaintRows(d.db);
    expect(rows).toHaveLength(1);
    expect(done.lang).toBe(c.lang);
  });
});

describe('interruptions and requests in the middle of a form', () => {
  it('a menu request mid-form shows the menu and keeps the draft', async () => {
    const { d, last } = await talk('hi', ['जन्म प्रमाण पत्र बनवाना है', 'मेनू']);
    expect(last.text).toContain(t('hi', 'draft_kept.birth'));
    expect(last.text).toContain(t('hi', 'menu.complaint'));
    expect(d.state).toMatchObject({ form: { service: 'birth_certificate', asking: 'childName' } });
    expect((d.state as { form: { fields: object } }).form.fields).toEqual({});
  });

  it('"too complicated, can I talk to an officer" hands over and takes no name', async () => {
    const { d, last } = await talk('en', [
      "I want to register my son's birth",
      'this is too complicated, can I talk to an officer instead',
    ]);
    expect(last.text).toBe(t('en', 'human'));
    expect(d.state).toMatchObject({ form: { service: 'birth_certificate', fields: { sex: 'male' } } });
  });

  it('a status question mid-form is answered, then the draft question is asked again', async () => {
    const { last } = await talk('hinglish', [
      'birth certificate',
      'naam riya',
      'mera aavedan kahan tak pahuncha',
    ]);
    expect(last.calls.map((c) => c.name)).toEqual(['check_status']);
    expect(last.text).toContain(t('hinglish', 'resume.birth'));
    expect(last.text).toContain(t('hinglish', 'ask.sex'));
  });

  it('changing language mid-way keeps the draft and asks on in the new language', async () => {
    const { d, last } = await talk('hinglish', [
      'beti ka birth certificate chahiye',
      'naam pari',
      'english please',
    ]);
    expect(last.lang).toBe('en');
    expect(last.text).toContain(t('en', 'ask.dateOfBirth'));
    expect(d.state).toMatchObject({ form: { fields: { childName: 'Pari', sex: 'female' } } });
  });

  it('a correction at the summary never takes the cue word as the name', async () => {
    const { d, last } = await talk('hinglish', [
      'beti ka birth certificate, naam pari, 20/11/2026, ghar par, 5 nehru colony lucknow 226016, maa sunita papa ramesh, main maa hu',
      'maa ka naam galat hai sahi naam sunita devi hai',
    ]);
    expect(last.summary).toBe(true);
    expect(argsOf(last, 'apply_birth_certificate')).toMatchObject([{ motherName: 'Sunita Devi' }]);
    await d.send('haan ab theek hai');
    expect(applicationRows(d.db)).toMatchObject([{ motherName: 'Sunita Devi' }]);
  });

  it('two references in one status question are both looked up', async () => {
    const { last } = await talk('en', ['status of bc 2026 417 and HC-2026-000210 please']);
    expect(last.calls.map((c) => [c.name, JSON.parse(c.arguments)])).toEqual([
      ['check_status', { reference: 'BC-2026-000417' }],
      ['check_status', { reference: 'HC-2026-000210' }],
    ]);
  });

  it('"haan bhejo qr" confirms a QR summary, a question about it does not', async () => {
    const { classifyConfirmationText } = await import('../../lang/confirmation.js');
    expect(classifyConfirmationText('haan bhejo qr')).toBe('yes');
    expect(classifyConfirmationText('हाँ अब ठीक है')).toBe('yes');
    expect(classifyConfirmationText('qr kaise bhejoge')).toBe(null);
    expect(classifyConfirmationText('haan par naam galat hai')).toBe('change');
  });
  it('a late registration, then "fees kaise bharun" and "haan bhejo qr" pays the one application', async () => {
    const { d } = await talk('hinglish', [
      'beta hua tha 1 october ko, birth certificate chahiye',
      'naam kabir',
      'ghar',
      '12 nehru nagar agra 282002',
      'maa seema papa raju',
      'papa',
      'haan',
    ]);
    const pay = await d.send('fees kaise bharun');
    expect(pay.summary).toBe(true);
    expect(argsOf(pay, 'create_payment_qr')).toEqual([{ forReference: 'BC-2026-000001' }]);
    const paid = await d.send('haan bhejo qr');
    expect(paid.lang).toBe('hinglish');
    expect(d.db.select().from(payments).all()).toMatchObject([
      { reference: 'PAY-2026-000001', forReference: 'BC-2026-000001', amountPaise: 5000 },
    ]);
  });

  it('Hindi: a late registration, then "फीस कैसे भरें" and "हाँ भेजो" sends the QR', async () => {
    const { d } = await talk('hi', [
      'मेरा बेटा 5 सितंबर को हुआ था, जन्म प्रमाण पत्र चाहिए',
      'नाम आरव',
      'अस्पताल',
      'लोहिया अस्पताल लखनऊ',
      'माँ प्रिया पिता अमित',
      'मकान 9, आलमबाग, लखनऊ 226005',
      'पिता',
      'हाँ',
    ]);
    expect(applicationRows(d.db)).toMatchObject([
      {
        reference: 'BC-2026-000001',
        childName: 'आरव',
        motherName: 'प्रिया',
        fatherName: 'अमित',
        district: 'Lucknow',
      },
    ]);
    const pay = await d.send('फीस कैसे भरें');
    expect(argsOf(pay, 'create_payment_qr')).toEqual([{ forReference: 'BC-2026-000001' }]);
    const paid = await d.send('हाँ भेजो');
    expect(paid.lang).toBe('hi');
    expect(d.db.select().from(payments).all()).toMatchObject([
      { forReference: 'BC-2026-000001', amountPaise: 5000 },
    ]);
  });

  it('"pata nahi naam" on the hospital question is not taken as the hospital', async () => {
    const { d } = await talk('hinglish', ['complaint karni hai', 'pata nahi naam']);
    expect(d.state).toMatchObject({ form: { service: 'hospital_complaint', asking: 'hospitalName' } });
    expect((d.state as { form: { fields: object } }).form.fields).toEqual({});
  });
});
