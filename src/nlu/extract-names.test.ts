import { describe, expect, it } from 'vitest';
import { normalise } from '../lang/normalise.js';
import type { SlotName } from './analysis.js';
import { extractNames } from './extract-names.js';
import { tokenise } from './tokenise.js';

const names = (text: string, expecting?: SlotName) => extractNames(tokenise(normalise(text)), expecting);

describe('extractNames', () => {
  it.each([
    ["my daughter's name is Ananya Sharma", { childName: 'Ananya Sharma' }],
    ['the baby name is priya', { childName: 'Priya' }],
    ["mother's name is Rekha Devi", { motherName: 'Rekha Devi' }],
    ["sorry, mother's name is Rekha", { motherName: 'Rekha' }],
    [
      "father's name Suresh Kumar and mother's name Rekha",
      { fatherName: 'Suresh Kumar', motherName: 'Rekha' },
    ],
    ['father Suresh Kumar Yadav', { fatherName: 'Suresh Kumar Yadav' }],
    ['my mother is Sunita', { motherName: 'Sunita' }],
    ['no name yet', { childNameBlank: true }],
  ])('English: %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['नाम प्रिया है', { childName: 'प्रिया' }],
    ['बेटी का नाम प्रिया रखा है', { childName: 'प्रिया' }],
    ['माँ का नाम रेखा देवी, पिता का नाम सुरेश कुमार', { motherName: 'रेखा देवी', fatherName: 'सुरेश कुमार' }],
    ['माता का नाम श्रीमती सुनीता है', { motherName: 'सुनीता' }],
    ['पापा का नाम रमेश', { fatherName: 'रमेश' }],
    ['नाम अभी नहीं रखा', { childNameBlank: true }],
  ])('Hindi: %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['naam Priya hai', { childName: 'Priya' }],
    ['Priya naam hai', { childName: 'Priya' }],
    ['uska naam priya h', { childName: 'Priya' }],
    ['beti ka naam Priya', { childName: 'Priya' }],
    ['bachche ka naam aarav rakha hai', { childName: 'Aarav' }],
    [
      'mata ka naam sunita devi aur pita ka naam ramesh kumar',
      { motherName: 'Sunita Devi', fatherName: 'Ramesh Kumar' },
    ],
    ['maa ka naam Rekha', { motherName: 'Rekha' }],
    ['mummy ka naam geeta', { motherName: 'Geeta' }],
    ['papa ka naam Suresh hai', { fatherName: 'Suresh' }],
    [
      'naam Priya hai, maa Rekha, pita Suresh',
      { childName: 'Priya', motherName: 'Rekha', fatherName: 'Suresh' },
    ],
    ['naam abhi nahi rakha', { childNameBlank: true }],
    ['mera naam Ramesh hai', {}],
    ['naam mat batana', {}],
    ['maa ka address lucknow', {}],
    ['meri maa ne bola', {}],
  ])('Hinglish: %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('takes a bare answer as the name the engine asked for', () => {
    expect(names('Rekha Devi', 'motherName')).toEqual({ motherName: 'Rekha Devi' });
    expect(names('रेखा', 'motherName')).toEqual({ motherName: 'रेखा' });
    expect(names('rekha devi hai', 'motherName')).toEqual({ motherName: 'Rekha Devi' });
    expect(names('SURESH KUMAR', 'fatherName')).toEqual({ fatherName: 'Suresh Kumar' });
    expect(names('mera naam Rekha hai', 'motherName')).toEqual({ motherName: 'Rekha' });
    expect(names('naam Priya', 'childName')).toEqual({ childName: 'Priya' });
  });

  it.each(['haan', 'nahi', 'skip', 'cancel', '12 march', 'kal', 'menu', 'status', 'हाँ', 'ok', 'beta hai'])(
    'does not take %j for a name',
    (text) => {
      expect(names(text, 'motherName')).toEqual({});
    },
  );
});
