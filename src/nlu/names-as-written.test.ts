import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import type { SlotName } from './analysis.js';

const now = new Date('2026-11-24T04:30:00Z');
const slots = (text: string, expecting?: SlotName) => analyse(text, { now, expecting }).slots;

describe('names as people write them', () => {
  it.each([
    ['papa ka naam Mohd. Salim Qureshi hai', { fatherName: 'Mohd. Salim Qureshi' }],
    ['father: Md. Arif', { fatherName: 'Md. Arif' }],
    ["mother's name Smt. Geeta Rani", { motherName: 'Geeta Rani' }],
    ['mata ka naam Shrimati Usha Devi', { motherName: 'Usha Devi' }],
    ['father is Dr. Vikas Tripathi', { fatherName: 'Vikas Tripathi' }],
    ['pita ka naam Shri Ram Naresh Yadav', { fatherName: 'Ram Naresh Yadav' }],
    ['F/N Mohd. Yusuf', { fatherName: 'Mohd. Yusuf' }],
    ['M/N Smt. Shahnaz Begum', { motherName: 'Shahnaz Begum' }],
    ['pita: स्व. श्री रामनाथ', { fatherName: 'रामनाथ' }],
    ['माता का नाम श्रीमती सुनीता यादव', { motherName: 'सुनीता यादव' }],
    ['पिता का नाम डॉ. अनिल कुमार', { fatherName: 'अनिल कुमार' }],
  ])('%j keeps the name and drops the title', (text, expected) => {
    expect(slots(text)).toMatchObject(expected);
  });

  it.each([
    ['S. P. Mishra', 'fatherName', 'S. P. Mishra'],
    ['A.K. Verma', 'fatherName', 'A. K. Verma'],
    ['Km. Neelam', 'motherName', 'Neelam'],
    ['Mohd. Ayaan', 'childName', 'Mohd. Ayaan'],
    ['Late Shri Hari Prasad', 'fatherName', 'Hari Prasad'],
  ] as const)('%j answering %s → %j', (text, field, name) => {
    expect(slots(text, field)[field]).toBe(name);
  });

  it.each([
    ['Aditya Narayan Singh', 'fatherName', 'Aditya Narayan Singh'],
    ['sita ram', 'fatherName', 'Sita Ram'],
    ['Fatima Bi', 'motherName', 'Fatima Bi'],
    ['राम किशोर वर्मा', 'fatherName', 'राम किशोर वर्मा'],
  ] as const)('two- and three-part name %j', (text, field, name) => {
    expect(slots(text, field)[field]).toBe(name);
  });

  it.each([
    'Diya',
    'diya',
    'Pooja',
    'Kiran',
    'Asha',
    'Prem',
    'Jyoti',
    'Aman',
    'Sagar',
    'Rakhi',
    'दिया',
    'ज्योति',
  ])('the ordinary word %j is a name when it answers "child\'s name?"', (name) => {
    expect(slots(name, 'childName').childName?.toLowerCase()).toBe(name.toLowerCase());
  });

  it.each([
    ['beti hui hai, uska naam Diya rakha hai', 'Diya'],
    ['hamne uska naam kiran rakha', 'Kiran'],
    ['baby ka naam Sagar hai', 'Sagar'],
    ['बेटी का नाम आशा रखा है', 'आशा'],
    ['its name is Prem', 'Prem'],
    ['naam abhi Ayush rakha hai', 'Ayush'],
    ['Aman hai naam', 'Aman'],
    ['she was born at home on sunday, we named her Diya', 'Diya'],
  ])('a word-name after a name cue: %j', (text, name) => {
    expect(slots(text).childName).toBe(name);
  });

  it('reads a whole Hinglish message with a word-name and every fact', () => {
    const s = slots(
      'mere ghar beti hui 20 nov ko, uska naam Diya hai, maa ka naam Farzana, papa ka naam Mohd. Imran, district hospital bareilly me hui',
    );
    expect(s).toMatchObject({
      childName: 'Diya',
      dateOfBirth: '2026-11-20',
      motherName: 'Farzana',
      fatherName: 'Mohd. Imran',
      sex: 'female',
    });
  });

  it('does not take a word-name where no name is asked for', () => {
    expect(slots('maine form bhar diya hai').childName).toBeUndefined();
    expect(slots('usne paise le liye aur kuch nahi diya').childName).toBeUndefined();
  });
});

describe('initials written without dots', () => {
  it.each([
    ['S K Sharma', 'fatherName', 'S K Sharma'],
    ['A P J Kalam', 'fatherName', 'A P J Kalam'],
    ['a k yadav', 'fatherName', 'A K Yadav'],
    ['M S Dhoni', 'fatherName', 'M S Dhoni'],
    ['S. K Sharma', 'fatherName', 'S. K Sharma'],
    ['एस के शर्मा', 'fatherName', 'एस के शर्मा'],
    ['आर के वर्मा', 'motherName', 'आर के वर्मा'],
  ] as const)('%j answering %s → %j', (text, field, name) => {
    expect(slots(text, field)[field]).toBe(name);
  });

  it('after a cue too, and the sentence after the name stays out', () => {
    expect(slots('papa ka naam S K Sharma hai').fatherName).toBe('S K Sharma');
    expect(slots('पिता का नाम एस के शर्मा है').fatherName).toBe('एस के शर्मा');
    expect(slots('mummy ka naam R S Devi aur papa ka naam S K Sharma')).toMatchObject({
      motherName: 'R S Devi',
      fatherName: 'S K Sharma',
    });
  });

  it('letters alone, or before no name, are no name', () => {
    expect(slots('S K', 'fatherName')).not.toHaveProperty('fatherName');
    expect(slots('a boy', 'childName')).not.toHaveProperty('childName');
    expect(slots('पिता के', 'fatherName')).not.toHaveProperty('fatherName');
  });
});
