import { describe, expect, it } from 'vitest';
import { fieldOfCue } from './field-cues.js';
import { fieldHolding, readCorrection } from './read-correction.js';

describe('readCorrection', () => {
  it.each([
    // English
    ['Kavya, not Kavita', { newValueText: 'Kavya', oldValueText: 'Kavita' }],
    ['not Sharma, Verma', { newValueText: 'Verma', oldValueText: 'Sharma' }],
    ['the pin is 243001, not 243010', { field: 'pinCode', newValueText: '243001', oldValueText: '243010' }],
    [
      "mother's name is not Savita but Sarita",
      { field: 'motherName', newValueText: 'Sarita', oldValueText: 'Savita' },
    ],
    ["change the mother's name to Nazia Parveen", { field: 'motherName', newValueText: 'Nazia Parveen' }],
    [
      'please update the address to 9 Civil Lines, Jhansi',
      { field: 'address', newValueText: '9 Civil Lines, Jhansi' },
    ],
    [
      'the birth date is 2 October, not 3 October',
      { field: 'dateOfBirth', newValueText: '2 October', oldValueText: '3 October' },
    ],
    ['sorry, father is Md. Kaleem', { field: 'fatherName', newValueText: 'Md. Kaleem' }],
    ['change Anjali to Anjana', { newValueText: 'Anjana', oldValueText: 'Anjali' }],
    ['Ayesha instead of Aisha', { newValueText: 'Ayesha', oldValueText: 'Aisha' }],
    // Hinglish
    ['Sunil galat hai, Sushil hai', { newValueText: 'Sushil', oldValueText: 'Sunil' }],
    [
      'pita ka naam Mahesh nahi, Naresh hai',
      { field: 'fatherName', newValueText: 'Naresh', oldValueText: 'Mahesh' },
    ],
    ['nahi nahi, Tanvi', { newValueText: 'Tanvi' }],
    ['dob galat likha hai, sahi 14 nov hai', { field: 'dateOfBirth', newValueText: '14 nov' }],
    ['mummy ka naam badal ke Shabana kar do', { field: 'motherName', newValueText: 'Shabana' }],
    ['pata me 22 ki jagah 27 likho', { field: 'address', newValueText: '27', oldValueText: '22' }],
    ['district Kanpur nahi, Unnao hai', { field: 'district', newValueText: 'Unnao', oldValueText: 'Kanpur' }],
    ['arre hospital ka naam Nirmal Hospital hai', { field: 'hospitalName', newValueText: 'Nirmal Hospital' }],
    // Hindi
    ['पिता का नाम गलत लिख दिया, सही नाम सुरेश चंद है', { field: 'fatherName', newValueText: 'सुरेश चंद' }],
    ['बच्चे का नाम बदलकर आरव करो', { field: 'childName', newValueText: 'आरव' }],
    ['सीमा नहीं, सुषमा', { newValueText: 'सुषमा', oldValueText: 'सीमा' }],
    ['पता भी गलत है, भी 18 राम नगर, मेरठ ही', { field: 'address', newValueText: '18 राम नगर, मेरठ' }],
    [
      'जन्म तिथि 5 नवंबर है, 6 नवंबर नहीं',
      { field: 'dateOfBirth', newValueText: '5 नवंबर', oldValueText: '6 नवंबर' },
    ],
    ['नहीं, माँ का नाम रुबीना है', { field: 'motherName', newValueText: 'रुबीना' }],
  ])('%j', (text, expected) => {
    expect(readCorrection(text)).toEqual(expected);
  });

  it('a plain name in the generic label carries the cue', () => {
    expect(readCorrection('naam galat hai, sahi naam Ishaan hai')).toEqual({
      cue: 'name',
      newValueText: 'Ishaan',
    });
  });

  it.each([
    'Kavita',
    "mother's name is Kavita",
    'haan sahi hai',
    'nahi',
    'no',
    'ok',
    'House 4, Station Road',
    '',
  ])('%j corrects nothing', (text) => {
    expect(readCorrection(text)).toBeNull();
  });
});

describe('fieldOfCue', () => {
  it.each([
    ["father's name", 'fatherName'],
    ['pati ka naam', 'fatherOrHusbandName'],
    ['DOB', 'dateOfBirth'],
    ['जन्म तिथि', 'dateOfBirth'],
    ['घर का पता', 'address'],
    ['zila', 'district'],
    ['pin code', 'pinCode'],
    ['aspatal', 'hospitalName'],
    ['माँ का नाम', 'motherName'],
    ['naam', 'name'],
  ])('%j → %s', (cue, field) => {
    expect(fieldOfCue(cue)).toBe(field);
  });
});

describe('fieldHolding', () => {
  const now = new Date('2026-11-24T04:30:00Z');
  const draft = {
    childName: 'Kavya',
    motherName: 'Kavita Devi',
    fatherName: 'Suresh Gupta',
    dateOfBirth: '2026-11-17',
    pinCode: '243010',
  };

  it.each([
    ['Kavita', 'motherName'],
    ['kavita devi', 'motherName'],
    ['Suresh', 'fatherName'],
    ['17 November', 'dateOfBirth'],
    ['17/11', 'dateOfBirth'],
    ['243010', 'pinCode'],
  ])('%j is held by %s', (old, field) => {
    expect(fieldHolding(draft, old, now)).toBe(field);
  });

  it('is undefined when nothing or two fields hold it', () => {
    expect(fieldHolding(draft, 'Reena', now)).toBeUndefined();
    expect(fieldHolding({ motherName: 'Asha', childName: 'Asha' }, 'Asha', now)).toBeUndefined();
  });

  it('finds the field for the value a correction denies', () => {
    const c = readCorrection('Kavitha, not Kavita');
    expect(c?.oldValueText ? fieldHolding(draft, c.oldValueText, now) : null).toBe('motherName');
  });
});

describe('a complaint story is no correction', () => {
  it.each([
    'the doctor did not come',
    'the medicine was not available, we bought it outside',
    'doctor nahi aaye, nurse ne daanta',
    'dawai nahi mili',
    'डॉक्टर नहीं आए, नर्स ने डांटा',
    'bed not given, they asked for money',
    'staff was rude, not helpful at all',
    'baby ka naam abhi nahi rakha',
    'emergency me koi doctor nahi tha raat ko',
    'बच्चे का नाम अभी नहीं रखा',
    'nahi naam chalega',
  ])('%j', (text) => {
    expect(readCorrection(text)).toBeNull();
  });
});

describe('answers and commands after a lead "no" are no corrections', () => {
  it.each([
    'no, you can share my name',
    'nahi naam bata sakte ho',
    'no problem sharing my name',
    'no wait',
    'nahi ruko',
    'नहीं अभी रुको',
    'actually forget it, cancel',
    'nahi abhi nahi, cancel',
    'nahi chahiye ab, rehne do',
    'no name yet',
    'no, show my name',
    'nahi, naam chhupa do',
    'ज़िला अस्पताल ग़ाज़ियाबाद में सफ़ाई नहीं है, वार्ड में गंदगी है, शिकायत लिखिए',
    'सरकारी अस्पताल उन्नाव में बहुत गंदगी है, शौचालय में पानी तक नहीं',
  ])('%j', (text) => {
    expect(readCorrection(text)).toBeNull();
  });

  it("a full stop ends a clause, an abbreviation's dot does not", () => {
    expect(readCorrection('no, the date is wrong. it is 13 november 2026')).toEqual({
      cue: 'date',
      newValueText: '13 november 2026',
    });
    expect(readCorrection('sorry, father is Mohd. Kaleem Ansari')).toEqual({
      field: 'fatherName',
      newValueText: 'Mohd. Kaleem Ansari',
    });
  });
});
