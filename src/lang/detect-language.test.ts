import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['मुझे जन्म प्रमाण पत्र चाहिए', 'hi', 'devanagari'],
    ['मेरी बेटी का नाम Priya है', 'hi', 'devanagari'],
    ['beti ka janm praman patra banwana hai', 'hinglish', 'latin'],
    ['mujhko shikayat krni h', 'hinglish', 'latin'],
    ['kia hua meri application ka', 'hinglish', 'latin'],
    ['doctor ne paise mange aur dawai nhi di', 'hinglish', 'latin'],
    ['hospital me bahut ganda tha', 'hinglish', 'latin'],
    ['mera birth certificate chahiye please', 'hinglish', 'latin'],
    ['I want to apply for a birth certificate', 'en', 'latin'],
    ['The staff at the hospital was very rude to my mother', 'en', 'latin'],
    ['What is the status of my application?', 'en', 'latin'],
    ['Please register the birth of my daughter', 'en', 'latin'],
    ['Hello, good morning', 'en', 'latin'],
    ['complaint number 210 status?', 'en', 'latin'],
    ['makan 45 ward 7 rajendra nagar', 'hinglish', 'latin'],
  ] as const)('%j → %s', (text, lang, script) => {
    expect(detectLanguage(text)).toMatchObject({ lang, script });
  });

  it.each([
    'ok',
    '1234',
    '👍🙏',
    'Rekha Devi',
    'Lucknow',
    '22 sector 4 ashok vihar',
    'certificate',
    'District Hospital Agra',
    'Civil Hospital',
    'yes please',
    '',
    '   ',
  ])('leaves %j undecided', (text) => {
    expect(detectLanguage(text).lang).toBeNull();
  });

  it('reports no script for digits and emoji', () => {
    expect(detectLanguage('123 👍')).toEqual({ lang: null, script: 'none', hinglishScore: 0 });
  });

  it('scores romanized Hindi against English evidence', () => {
    expect(detectLanguage('mera naam Priya hai')).toEqual({
      lang: 'hinglish',
      script: 'latin',
      hinglishScore: 1,
    });
    expect(detectLanguage('my name is Priya')).toEqual({ lang: 'en', script: 'latin', hinglishScore: 0 });
  });

  it('decides mixed scripts by the majority of letters', () => {
    expect(detectLanguage('मेरी बेटी का जन्म AIIMS में हुआ').lang).toBe('hi');
    expect(detectLanguage('my daughter was born in एम्स hospital yesterday').lang).toBe('en');
  });

  it('reads an address with its PIN as neutral unless the words clearly tell', () => {
    expect(detectLanguage('c-45 lajpat nagar new delhi 110024').lang).toBe(null);
    expect(detectLanguage('my address is 12 park street kolkata 700016').lang).toBe('en');
    expect(detectLanguage('hamara pata gali 3 lucknow 226001 hai').lang).toBe('hinglish');
  });
});
