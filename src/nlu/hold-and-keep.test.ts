import { describe, expect, it } from 'vitest';
import { asksDeathCertificate } from './death-request.js';
import { readHold } from './hold-request.js';
import { keepAsIs } from './keep-as-is.js';
import { asksForStatus } from './status-question.js';

describe('readHold: do not send it (yet)', () => {
  it.each([
    ['submit mat karo abhi', 'dont_submit'],
    ['submit mat karo', 'dont_submit'],
    ['jama mat karo', 'dont_submit'],
    ['abhi submit nahi karna', 'dont_submit'],
    ['अभी जमा मत करो', 'dont_submit'],
    ["don't submit it yet", 'dont_submit'],
    ['abhi nahi', 'pause'],
    ['ruko please', 'pause'],
    ['mat karo', 'pause'],
    ['abhi rehne do', 'pause'],
    ['अभी नहीं', 'pause'],
    ['not yet', 'pause'],
  ] as const)('%j → %s', (text, hold) => {
    expect(readHold(text)).toBe(hold);
  });

  it.each([
    'submit mat karo, cancel kar do',
    'rehne do',
    'cancel',
    'haan submit karo',
    'paise jama nahi hue',
    'nahi',
  ])('%j → null', (text) => {
    expect(readHold(text)).toBeNull();
  });
});

describe('keepAsIs: "rehne do" said of one answer', () => {
  it.each([
    ['wahi rehne do, jatav', 'jatav'],
    ['ye wala rehne do', ''],
    ['isko rehne do', ''],
    ['Jatav hi rehne do', 'Jatav'],
    ['वही रहने दो', ''],
    ['purana wala hi rehne dijiye', ''],
  ])('%j keeps %j', (text, rest) => {
    expect(keepAsIs(text)).toEqual({ rest });
  });

  it.each(['rehne do', 'nahi chahiye ab, rehne do', 'rehne do abhi cancel karo', 'chodo rehne do'])(
    '%j is no such thing (a cancel)',
    (text) => {
      expect(keepAsIs(text)).toBeNull();
    },
  );
});

describe('asksForStatus', () => {
  it.each([
    ['caste certificate ka status', true],
    ['मेरे जाति प्रमाण पत्र की स्थिति', true],
    ['status of my caste certificate', true],
    ['income certificate ka kya hua', true],
    ['caste certificate banwana hai', false],
    ['caste certificate banwana hai, status bhi batana', false],
    ['income certificate chahiye', false],
  ])('%j → %s', (text, asks) => {
    expect(asksForStatus(text)).toBe(asks);
  });
});

describe('asksDeathCertificate', () => {
  it.each([
    ['meri maa ki death ho gayi, certificate banwana hai', true],
    ['papa guzar gaye, praman patra chahiye', true],
    ['मेरे पिता का निधन हो गया, प्रमाण पत्र चाहिए', true],
    ['beti ka janm hua, certificate chahiye', false],
    ['papa ki death ho gayi, income certificate chahiye', false],
    ['meri maa ki death ho gayi', false],
  ])('%j → %s', (text, asks) => {
    expect(asksDeathCertificate(text)).toBe(asks);
  });
});
