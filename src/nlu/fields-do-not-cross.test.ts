import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { detectCommand } from './detect-command.js';
import { extractDates } from './extract-date.js';
import { extractPinCode } from './extract-pin-code.js';

// Property tests: an extractor for one field never returns a value shaped like another field's.
const now = new Date('2026-11-24T04:30:00Z');

const pin = fc.integer({ min: 110001, max: 855117 }).map(String);
const houseNumber = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 })).map(([a, b]) => `${a}/${b}`),
  fc.integer({ min: 1, max: 999 }).map(String),
);
const locality = fc.constantFrom(
  'aliganj',
  'gomti nagar',
  'Civil Lines',
  'Shastri Nagar',
  'rajendra nagar',
  'गांधी नगर',
  'Sector 12',
  'Mohalla Qazi',
  'ward 7',
);
const town = fc.constantFrom('lucknow', 'Bareilly', 'Kanpur', 'आगरा', 'Varanasi', 'Meerut', 'gorakhpur');
const prefix = fc.constantFrom('', 'H.No. ', 'house ', 'makan no ', 'flat ', 'मकान ');
const address = fc
  .tuple(prefix, houseNumber, locality, town, pin, fc.constantFrom(' ', ', '))
  .map(([p, h, l, t, c, sep]) => `${p}${h} ${l}${sep}${t} ${c}`);

const names = fc.constantFrom(
  'Rekha Devi',
  'Mohd. Irfan Khan',
  'R. K. Sharma',
  'Smt. Kamla',
  'Diya',
  'Pooja',
  'सुनीता यादव',
  'Aarav',
  'Kiran',
  'Prem Prakash',
);

describe('fields do not cross', () => {
  it('a PIN code is never a date', () => {
    fc.assert(
      fc.property(pin, fc.constantFrom('', 'pin ', 'pincode ', 'पिन '), (p, cue) => {
        expect(extractDates(`${cue}${p}`, now)).toEqual([]);
      }),
    );
  });

  it('an address answer never yields a date, and keeps its PIN', () => {
    fc.assert(
      fc.property(address, (a) => {
        const s = analyse(a, { now, expecting: 'address' }).slots;
        expect(s.dateOfBirth).toBeUndefined();
        expect(s.incidentDate).toBeUndefined();
        expect(s.pinCode).toBe(extractPinCode(a));
      }),
    );
  });

  it('an address written with its PIN yields no date even unasked', () => {
    fc.assert(
      fc.property(address, (a) => {
        expect(extractDates(a, now)).toEqual([]);
      }),
    );
  });

  it('a name answer sets only the name asked for', () => {
    fc.assert(
      fc.property(
        names,
        fc.constantFrom('childName', 'motherName', 'fatherName') as fc.Arbitrary<
          'childName' | 'motherName' | 'fatherName'
        >,
        (name, field) => {
          const s = analyse(name, { now, expecting: field }).slots;
          expect(Object.keys(s)).toEqual([field]);
        },
      ),
    );
  });

  it('a date answer sets no name, PIN or address', () => {
    const date = fc
      .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('/', '-', ' '))
      .map(([d, m, sep]) =>
        sep === ' '
          ? `${d} ${['jan', 'feb', 'march', 'april', 'may', 'june', 'july', 'aug', 'sept', 'oct', 'nov', 'dec'][m - 1]}`
          : `${d}${sep}${m}${sep}2026`,
      );
    fc.assert(
      fc.property(date, (d) => {
        const s = analyse(d, { now, expecting: 'dateOfBirth' }).slots;
        for (const k of ['childName', 'motherName', 'fatherName', 'pinCode', 'address', 'district'] as const)
          expect(s[k]).toBeUndefined();
      }),
    );
  });
});

describe('answers are not commands', () => {
  const commonNames = fc.constantFrom(
    ...'Suman Raman Aman Kiran Asha Pooja Diya Jyoti Prem Sagar Rekha Sunita Ramesh Suresh Mahesh Naresh Dinesh Rakesh Mukesh Anil Sunil Sushil Kavita Savita Sarita Anita Nisha Usha Meena Reena Seema Neha Sneha Priya Riya Siya Tara Sara Zoya Ayesha Fatima Nazia Shabana Imran Irfan Salim Arif Kaleem Hasan Husain Mohan Sohan Rohan Karan Arjun Dev Om Ira Myra Kabir Ayaan Vihaan Reyansh Atharv Shaurya Aarav Ishaan Ananya Navya Kavya Sumana Humaira Hemant Hemlata Rajesh Ranjit Ravinder'.split(
      ' ',
    ),
  );
  it('a name (with a surname) is never a command', () => {
    fc.assert(
      fc.property(commonNames, fc.option(commonNames, { nil: undefined }), (first, last) => {
        const name = last ? `${first} ${last}` : first;
        expect(detectCommand(name)).toBeNull();
      }),
    );
  });

  it('an address with its PIN is never a command', () => {
    fc.assert(
      fc.property(address, (a) => {
        expect(detectCommand(a)).toBeNull();
      }),
    );
  });
});
