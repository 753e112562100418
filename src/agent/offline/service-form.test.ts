import { describe, expect, it } from 'vitest';
import { services } from '../../services/registry.js';
import { createDriver } from './test-driver.js';

const NOW = new Date('2026-11-24T06:30:00Z');
type FormState = { form?: { fields: Record<string, unknown>; asking: string | null } | null };
const form = (d: ReturnType<typeof createDriver>) => (d.state as FormState | null)?.form ?? null;

describe('the form engine of the registry services', () => {
  it('an answer to field F changes no other field without a label (property over many answers)', async () => {
    // answers without any label: names, places, numbers, filler; only the asked field (or a PIN by its shape) may change
    const answers = [
      'Diya',
      'Prem Kumar',
      'R. K. Sharma',
      'lucknow',
      'Rampur village near Varanasi',
      'ok',
      '45',
      '2 lakh',
      'house 7 station road',
      'haan',
      'kal',
      'पता नहीं',
      'जी हाँ',
    ];
    for (const service of services.filter((s) => s.storage === 'cases')) {
      for (const answer of answers) {
        const d = createDriver({ now: NOW, lang: 'en' });
        await d.send(service.intentPhrases[0]);
        for (let i = 0; i < 4; i++) {
          const before = { ...(form(d)?.fields ?? {}) };
          const asked = form(d)?.asking;
          if (!asked || asked.startsWith('@')) break;
          await d.send(answer);
          const after = form(d)?.fields ?? {};
          const changed = Object.keys({ ...before, ...after }).filter(
            (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
          );
          const allowed = new Set([asked, 'pinCode']);
          expect({
            service: service.id,
            answer,
            asked,
            changed: changed.filter((k) => !allowed.has(k)),
          }).toEqual({
            service: service.id,
            answer,
            asked,
            changed: [],
          });
        }
      }
    }
  });

  it('giving back a value already given changes nothing and asks nothing about it', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.send('caste certificate');
    await d.send('Sunita Devi');
    await d.send("father's name is Ram Prasad");
    const before = JSON.stringify(form(d)?.fields);
    const t = await d.send("father's name is Ram Prasad");
    expect(JSON.stringify(form(d)?.fields)).toBe(before);
    expect(t.text).not.toContain('Change');
  });

  it('a different value for a field already given is asked about; a correction word changes it', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.send('caste certificate');
    await d.send('Sunita Devi');
    await d.send("father's name is Ram Prasad");
    let t = await d.send("father's name is Shyam Prasad");
    expect(t.text).toContain('Change the Father\'s / husband\'s name from "Ram Prasad" to "Shyam Prasad"?');
    t = await d.tap('form:no', 'No');
    expect(form(d)?.fields.fatherOrHusbandName).toBe('Ram Prasad');
    await d.send("no, father's name is not Ram Prasad, it is Shyam Prasad");
    expect(form(d)?.fields.fatherOrHusbandName).toBe('Shyam Prasad');
  });

  it('misread twice on a shaped field: the example and buttons, then a person and cancel, never a fourth ask', async () => {
    const i = createDriver({ now: NOW, lang: 'en' });
    await i.send('income certificate');
    await i.send('Anil');
    await i.send('father is Ram');
    let t = await i.send('not sure, varies');
    expect(t.text).toContain("couldn't read that");
    t = await i.send('depends on the crop');
    expect(t.text).toContain('For example');
    expect(t.reply.at(-1)).toMatchObject({ kind: 'buttons' });
    t = await i.send('no fixed amount');
    // the same question is never asked a fourth time in a row: a person and cancel are offered
    expect(t.text).toContain('talk to a person');
    expect(t.text).not.toContain("family's total income");
  });

  it('misread twice on a name: the answer is shown back as written and a yes takes it', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.send('caste certificate');
    await d.send('Sunita 2');
    const t = await d.send('Sunita 2');
    expect(t.text).toContain('I have written the Applicant\'s name as: "Sunita 2"');
    await d.tap('form:yes', 'Yes');
    expect(form(d)?.fields.applicantName).toBe('Sunita 2');
    expect(form(d)?.asking).toBe('fatherOrHusbandName');
  });

  it('commands win over a pending question: cancel, a person, a status check', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.send('income certificate');
    let t = await d.send('i want to talk to an officer');
    expect(t.intent).toBe('human');
    expect(form(d)?.fields.applicantName).toBeUndefined();
    t = await d.send('cancel');
    expect(t.text).toContain('cancelled the income certificate application');
    expect(form(d)).toBeNull();
  });

  it('several labelled facts in the first message are all taken; the asking phrase can name the category', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.send(
      'I am applying for OBC certificate. Name: Ravi Yadav, Father: Mohan Yadav, caste yadav, address 12 Lanka Varanasi 221005, district varanasi, purpose: govt job',
    );
    expect(form(d)?.fields).toEqual({
      category: 'obc',
      applicantName: 'Ravi Yadav',
      fatherOrHusbandName: 'Mohan Yadav',
      caste: 'yadav',
      address: '12 Lanka Varanasi 221005',
      district: 'Varanasi',
      pinCode: '221005',
      purpose: 'govt job',
    });
    expect(form(d)?.asking).toBe('subCaste');
  });

  it('"sorry, naam galat likha, sahi naam …" corrects the name and is not taken as the pending answer', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('income certificate chahiye. naam - Pooja Gupta, pati - Rahul Gupta, salana aay 3 lakh');
    expect(form(d)?.asking).toBe('incomeSources');
    const t = await d.send('sorry naam galat likha, sahi naam Pooja Agarwal hai');
    expect(t.text).toContain('Pooja Agarwal');
    expect(form(d)?.fields).toMatchObject({ applicantName: 'Pooja Agarwal', annualIncomeRupees: 300000 });
    expect(form(d)?.fields.incomeSources).toBeUndefined();
  });

  it('a form untouched for a day is dropped, like a draft', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.send('caste certificate');
    await d.send('Sunita Devi');
    expect(form(d)?.fields.applicantName).toBe('Sunita Devi');
    await d.send('hello', new Date(NOW.getTime() + 25 * 60 * 60 * 1000));
    expect(form(d)).toBeNull();
  });

  it('a status check by a registry reference finds that case only', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    const income = ['income certificate', 'Anil', 'father Ram', '2 lakh', 'kheti'];
    const caste = ['caste certificate', 'Anil', 'father Ram', 'kori', 'sc', 'skip'];
    const place = ['gaon belwa pratapgarh 230204', 'pratapgarh', 'scholarship'];
    for (const m of [...income, ...place, 'haan', ...caste, ...place, 'skip', 'haan']) await d.send(m);
    const t = await d.send('CC-2026-000001 ka status kya hai');
    expect(t.text).toContain('CC-2026-000001');
    expect(t.text).not.toContain('IC-2026-000001');
  });

  it('the menu lists every registry service; a tap starts its form', async () => {
    const d = createDriver({ now: NOW, lang: 'hi' });
    const menu = await d.send('नमस्ते');
    expect(menu.text).toContain('मृत्यु प्रमाण पत्र');
    const t = await d.tap('menu:svc.death_certificate', 'मृत्यु प्रमाण पत्र');
    expect(t.text).toContain('जिनका निधन हुआ, उनका पूरा नाम क्या था?');
    expect(form(d)?.asking).toBe('deceasedName');
  });
});
