import { describe, expect, it } from 'vitest';
import { addressField, districtField, pinField } from '../../services/_fields/common-fields.js';
import { readField } from '../../services/_fields/read-field.js';
import { casteCertificate } from '../../services/caste-certificate/definition.js';
import { deathCertificate } from '../../services/death-certificate/definition.js';
import { complaintFields } from '../../services/hospital-complaint/fields.js';
import { incomeCertificate } from '../../services/income-certificate/definition.js';
import type { FieldMeta } from '../../services/types.js';
import { closedAnswerText, readClosedAnswer } from './closed-answer.js';
import { readDeniedOrDoubted } from './negated-answer.js';

// 2026-11-24 10:00 IST, the evals' clock
const NOW = new Date('2026-11-24T04:30:00Z');
const death = deathCertificate.fields;
const income = incomeCertificate.fields.annualIncomeRupees as FieldMeta;
const category = casteCertificate.fields.category as FieldMeta;

const kind = (meta: FieldMeta, text: string, scope: 'answer' | 'message' = 'answer') =>
  readClosedAnswer(meta, text, NOW, {}, scope).kind;

describe('a closed answer that denies a value', () => {
  it.each([
    [death.sex, 'mahila nahi'],
    [death.sex, 'male nahi'],
    [death.sex, 'purush nahi'],
    [death.sex, 'not female'],
    [category, 'OBC nahi'],
    [category, 'not SC'],
    [death.placeOfDeathType, 'ghar nahi'],
    [death.placeOfDeathType, 'ghar pe nahi hui'],
    [death.placeOfDeathType, 'not in hospital'],
    [death.placeOfDeathType, 'घर पर नहीं हुई'],
    [death.dateOfDeath, '2 december nahi'],
    [death.ageAtDeath, '67 nahi'],
    [districtField, 'Lucknow nahi'],
    [districtField, 'not Agra'],
    [districtField, 'लखनऊ नहीं'],
    [pinField, '226001 nahi'],
  ])('%#: "%s" is no value: asked again', (meta, text) => {
    expect(readClosedAnswer(meta as FieldMeta, text, NOW)).toEqual({ kind: 'unsure', why: 'negated' });
  });

  it.each([
    [death.sex, 'purush nahi, mahila', 'female'],
    [death.sex, 'पुरुष नहीं, महिला थीं', 'female'],
    [category, 'OBC nahi SC', 'sc'],
    [category, 'hum OBC mein nahi aate, SC hain', 'sc'],
    [death.placeOfDeathType, 'ghar pe nahi hui, hospital mein hui', 'hospital'],
    [death.dateOfDeath, 'kal nahi parso', '2026-11-22'],
    [death.dateOfDeath, 'कल नहीं परसों', '2026-11-22'],
    [death.dateOfDeath, '1 dec nahi 2 dec', '2025-12-02'],
    [death.dateOfDeath, 'not yesterday, day before', '2026-11-22'],
    [death.dateOfDeath, 'it was 20 November, not 21 November', '2026-11-20'],
    [death.ageAtDeath, '67 nahi 68', 68],
    [death.ageAtDeath, '70 saal nahi, 72', 72],
    [districtField, 'Lucknow nahi, Kanpur', 'Kanpur Nagar'],
    [districtField, 'not Agra but Mathura', 'Mathura'],
    [income, '1 lakh nahi, 80 hazaar', 80000],
    [pinField, '226001 nahi 226010', '226010'],
  ])('%#: "%s": the replacement is the answer', (meta, text, value) => {
    const said = closedAnswerText(meta as FieldMeta, text, NOW);
    expect(said).not.toBeNull();
    expect(readField(meta as FieldMeta, said ?? '', NOW)).toEqual(value);
  });

  it('"on the way to hospital" is not at the hospital', () => {
    expect(kind(death.placeOfDeathType, 'hospital le jaate samay raste mein')).toBe('unsure');
    expect(kind(death.placeOfDeathType, 'अस्पताल ले जाते समय रास्ते में')).toBe('unsure');
    expect(kind(death.placeOfDeathType, 'on the way to the hospital')).toBe('unsure');
  });
});

describe('a closed answer that offers two values or guesses', () => {
  it.each([
    [death.dateOfDeath, '3 ya 4 december'],
    [death.dateOfDeath, 'kal ya parso'],
    [districtField, 'Gonda ya Bahraich'],
    [districtField, 'लखनऊ या कानपुर'],
    [death.placeOfDeathType, 'ghar or hospital'],
    [income, '1 ya 2 lakh'],
    [pinField, '226001 or 226010'],
  ])('%#: "%s": two values, asked again', (meta, text) => {
    expect(readClosedAnswer(meta as FieldMeta, text, NOW)).toEqual({ kind: 'unsure', why: 'alternatives' });
  });

  it.each([
    [income, 'pata nahi, shayad 1 lakh'],
    [income, 'not sure, maybe 2 lakh'],
    [death.dateOfDeath, 'shayad 20 nov'],
    [death.dateOfDeath, 'lagbhag 20 nov'],
    [death.dateOfDeath, 'about 20 november'],
    [districtField, 'shayad Lucknow'],
    [districtField, 'शायद लखनऊ'],
    [districtField, 'Lucknow ke aas paas'],
    [death.placeOfDeathType, 'ghar ke aas paas'],
  ])('%#: "%s": a guess, asked again', (meta, text) => {
    expect(readClosedAnswer(meta as FieldMeta, text, NOW)).toEqual({ kind: 'unsure', why: 'hedged' });
  });

  it('an exact date after a guessed one is the answer', () => {
    expect(readClosedAnswer(death.dateOfDeath, 'about 2 weeks back, 9th october', NOW)).toEqual({
      kind: 'instead',
      text: '9th october',
    });
  });

  it('an income is an estimate: "lagbhag 1 lakh" is read as written', () => {
    expect(kind(income, 'lagbhag 1 lakh')).toBe('as_written');
  });
});

describe('answers the rule leaves as they are', () => {
  it.each([
    [death.dateOfDeath, '2 din pehle'],
    [death.dateOfDeath, 'kal'],
    [death.dateOfDeath, 'nahi nahi, 2 december'],
    [death.sex, 'mahila'],
    [districtField, 'complaint about AIIMS Delhi'],
    // a negation of something else than the value
    [death.dateOfDeath, 'certificate nahi mila, 20 nov ko hua'],
    [districtField, 'ज़िला अस्पताल ग़ाज़ियाबाद में सफ़ाई नहीं है'],
    [districtField, 'district hospital gorakhpur me safai bilkul nahi hai, toilet bahut gande hai'],
    // "nahi" is the answer to a yes/no question
    [complaintFields.anonymous as FieldMeta, 'nahi'],
    [complaintFields.anonymous as FieldMeta, 'naam gupt na rakhein'],
    // the complaint's category is read from what happened: "dawai nahi mili" is its value
    [complaintFields.category as FieldMeta, 'dawai nahi mili'],
    [complaintFields.category as FieldMeta, 'kisi ne rishwat nahi maangi, lekin MRI machine kharab hai'],
    // free text is taken as written
    [addressField, 'makaan 12, mandir ke paas nahi, school ke paas, Sitapur'],
    [death.deceasedName, 'Ram nahi Shyam'],
  ])('%#: "%s"', (meta, text) => {
    expect(kind(meta as FieldMeta, text)).toBe('as_written');
  });

  it('in a whole message, not knowing one thing doubts only its own clause', () => {
    expect(readClosedAnswer(districtField, 'district Lucknow, pin pata nahi', NOW, {}, 'message')).toEqual({
      kind: 'instead',
      text: 'district Lucknow',
    });
    expect(kind(districtField, 'district Lucknow, pin pata nahi')).toBe('unsure');
  });
});

describe('readDeniedOrDoubted with plain readers', () => {
  const colour = (t: string) => /\b(red|blue)\b/.exec(t)?.[1] ?? null;
  const readers = {
    read: colour,
    names: colour,
    glue: new Set<string>(),
    negates: true,
    approximate: true,
    completes: false,
    scope: 'answer' as const,
  };

  it('reads what replaces a denied value, and nothing when none does', () => {
    expect(readDeniedOrDoubted('red nahi, blue', readers)).toEqual({ kind: 'instead', text: 'blue' });
    expect(readDeniedOrDoubted('not red', readers)).toEqual({ kind: 'unsure', why: 'negated' });
    expect(readDeniedOrDoubted('red', readers)).toEqual({ kind: 'as_written' });
    expect(readDeniedOrDoubted('red nahi', { ...readers, negates: false })).toEqual({ kind: 'as_written' });
  });
});
