import { describe, expect, it } from 'vitest';
import type { Lang } from '../../lang/language.js';
import { createDriver, formOf } from './test-driver.js';

// A wrong value on a record is worse than a question asked twice: an answer to a closed question
// that denies a value ("mahila nahi"), offers two ("Gonda ya Bahraich") or guesses ("shayad 1 lakh")
// stores nothing and asks again; a replacement after the denial ("kal nahi parso") is the answer.
const NOW = new Date('2026-11-24T04:30:00Z'); // 10:00 IST

const DEATH = ['mrityu praman patra', 'Ram Pyari'];
const DEATH_DATE = [...DEATH, 'mahila'];
const DEATH_AGE = [...DEATH_DATE, 'kal'];
const DEATH_PLACE = [...DEATH_AGE, '70'];
const DEATH_DISTRICT = [...DEATH_PLACE, 'ghar', 'gaon sarai', 'Ram Lal', '12 station road, lucknow'];
const DEATH_PIN = [...DEATH_DISTRICT, 'Lucknow'];
const CASTE_CATEGORY = ['caste certificate', 'Ramesh Kumar', 'Suresh Kumar', 'jatav'];
const INCOME = ['income certificate', 'Ramesh Kumar', 'Suresh Kumar'];

/** The form after the lead-in messages and the answer: its fields and the question it asks now. */
async function answer(lead: string[], text: string, lang: Lang = 'hinglish') {
  const d = createDriver({ now: NOW, lang });
  for (const m of lead) await d.send(m);
  const asked = formOf(d).asking;
  const before = { ...formOf(d).fields };
  const turn = await d.send(text);
  return { asked, before, fields: formOf(d).fields, asking: formOf(d).asking, turn };
}

describe('a denied or doubted answer to a closed field is asked again', () => {
  it.each([
    [DEATH, 'sex', 'mahila nahi'],
    [DEATH, 'sex', 'male nahi'],
    [DEATH, 'sex', 'purush nahi'],
    [DEATH, 'sex', 'not female'],
    [CASTE_CATEGORY, 'category', 'OBC nahi'],
    [CASTE_CATEGORY, 'category', 'not SC'],
    [DEATH_PLACE, 'placeOfDeathType', 'ghar nahi'],
    [DEATH_PLACE, 'placeOfDeathType', 'ghar pe nahi hui'],
    [DEATH_PLACE, 'placeOfDeathType', 'not in hospital'],
    [DEATH_PLACE, 'placeOfDeathType', 'hospital le jaate samay raste mein'],
    [DEATH_DATE, 'dateOfDeath', '2 december nahi'],
    [DEATH_DATE, 'dateOfDeath', '3 ya 4 december'],
    [DEATH_DATE, 'dateOfDeath', 'shayad 20 november'],
    [DEATH_DISTRICT, 'district', 'Lucknow nahi'],
    [DEATH_DISTRICT, 'district', 'not Agra'],
    [DEATH_DISTRICT, 'district', 'Gonda ya Bahraich'],
    [DEATH_AGE, 'ageAtDeath', '67 nahi'],
    [DEATH_PIN, 'pinCode', '226001 nahi'],
    [INCOME, 'annualIncomeRupees', 'pata nahi, shayad 1 lakh'],
  ])('%#: %s → %s: "%s" stores nothing', async (lead, field, text) => {
    const r = await answer(lead, text);
    expect(r.asked).toBe(field);
    expect(r.fields).toEqual(r.before);
    expect(r.asking).toBe(field);
  });
});

describe('a replacement after the denial is the answer, read by the field', () => {
  it.each([
    [DEATH, 'sex', 'purush nahi, mahila', 'female'],
    [DEATH, 'sex', 'पुरुष नहीं, महिला थीं', 'female'],
    [CASTE_CATEGORY, 'category', 'OBC nahi SC', 'sc'],
    [DEATH_PLACE, 'placeOfDeathType', 'ghar pe nahi hui, hospital mein hui', 'hospital'],
    [DEATH_DATE, 'dateOfDeath', 'kal nahi parso', '2026-11-22'],
    [DEATH_DATE, 'dateOfDeath', 'कल नहीं परसों', '2026-11-22'],
    [DEATH_DATE, 'dateOfDeath', '1 dec nahi 2 dec', '2025-12-02'],
    [DEATH_DATE, 'dateOfDeath', 'not yesterday, day before', '2026-11-22'],
    [DEATH_AGE, 'ageAtDeath', '67 nahi 68', 68],
    [DEATH_PIN, 'pinCode', '226001 nahi 226010', '226010'],
    [INCOME, 'annualIncomeRupees', '1 lakh nahi, 80 hazaar', 80000],
  ])('%#: %s → %s: "%s"', async (lead, field, text, value) => {
    const r = await answer(lead, text);
    expect(r.asked).toBe(field);
    expect(r.fields[field]).toEqual(value);
    expect(r.asking).not.toBe(field);
  });

  it('"Lucknow nahi, Kanpur" to the district question is the district, and the address stays', async () => {
    const r = await answer(DEATH_DISTRICT, 'Lucknow nahi, Kanpur');
    expect(r.fields.district).toBe('Kanpur Nagar');
    expect(r.fields.address).toBe(r.before.address);
  });

  it('a denied date in a message for another question is not stored either', async () => {
    // the birth form's whole-message reading took "kal nahi parso" for yesterday
    const r = await answer(['janm praman patra banwana hai'], 'kal nahi parso');
    expect(r.fields.dateOfBirth).not.toBe('2026-11-23');
  });
});

describe('readings that stay as they were', () => {
  it.each([
    [DEATH_DATE, 'dateOfDeath', '2 din pehle', '2026-11-22'],
    [DEATH_DATE, 'dateOfDeath', 'kal', '2026-11-23'],
    [INCOME, 'annualIncomeRupees', 'lagbhag 1 lakh', 100000],
    [DEATH, 'sex', 'mahila', 'female'],
  ])('%#: %s → %s: "%s"', async (lead, field, text, value) => {
    const r = await answer(lead, text);
    expect(r.fields[field]).toEqual(value);
  });

  it('"koi nahi" skips an optional field', async () => {
    const r = await answer([...CASTE_CATEGORY, 'OBC'], 'koi nahi');
    expect(r.asked).toBe('subCaste');
    expect(r.fields.subCaste).toBeNull();
  });

  it('"nahi" answers a yes/no question', async () => {
    const r = await answer(
      ['mujhe hospital ki shikayat karni hai', 'civil hospital', 'lucknow', 'doctor ne paise maange', 'kal'],
      'nahi',
    );
    expect(r.asked).toBe('anonymous');
    expect(r.fields.anonymous).toBe(false);
  });

  it('the complaint category "dawai nahi mili" is the medicine category', async () => {
    const r = await answer(
      ['mujhe hospital ki shikayat karni hai', 'civil hospital', 'lucknow'],
      'dawai nahi mili',
    );
    expect(r.fields.category).toBe('medicine_unavailable');
  });

  it('the birth form reads "ladka nahi, ladki hai" as a girl', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('janm praman patra banwana hai');
    await d.send('Aarav');
    expect(formOf(d).asking).toBe('sex');
    await d.send('ladka nahi, ladki hai');
    expect(formOf(d).fields.sex).toBe('female');
  });
});
