import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import { nameWithRelative } from './name-with-relative.js';

// "Aman Kumar, mere papa Vijay Kumar" had been one applicant's name: the applicant written with
// the father, as on a form, gives each name to its own field
const NOW = new Date('2026-11-24T06:30:00Z');
const LINES = [
  ['Aman Kumar, mere papa Vijay Kumar', 'Aman Kumar', 'Vijay Kumar'],
  ['Ramesh Kumar putra Suresh Kumar', 'Ramesh Kumar', 'Suresh Kumar'],
  ['रमेश कुमार पुत्र सुरेश कुमार', 'रमेश कुमार', 'सुरेश कुमार'],
] as const;

describe('nameWithRelative', () => {
  it.each(LINES)('%j: %j and %j', (text, name, relative) => {
    expect(nameWithRelative(text)).toEqual({ name, relative });
  });

  it.each(['Ram Lakhan', 'Mohd. Irfan', 'S K Sharma'])('%j is one name', (text) => {
    expect(nameWithRelative(text)).toBeNull();
  });
});

describe('the applicant with the father, in the caste and income forms', () => {
  for (const opening of ['caste certificate chahiye', 'income certificate chahiye'])
    it.each(LINES)(`${opening}: %j`, async (text, name, relative) => {
      const d = createDriver({ now: NOW, lang: 'hinglish' });
      await d.send(opening);
      expect(formOf(d).asking).toBe('applicantName');
      await d.send(text);
      expect(formOf(d).fields).toMatchObject({ applicantName: name, fatherOrHusbandName: relative });
      expect(formOf(d).asking).not.toBe('fatherOrHusbandName');
    });
});
