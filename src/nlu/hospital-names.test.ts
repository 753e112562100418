import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import type { SlotName } from './analysis.js';

const now = new Date('2026-11-24T04:30:00Z');
const hospital = (text: string, expecting?: SlotName) =>
  analyse(text, { now, ...(expecting ? { expecting } : {}) }).slots.hospitalName;

describe('a hospital keeps every word of its name', () => {
  it.each([
    ['Apollo Cradle Hospital', 'Apollo Cradle Hospital'],
    ['apollo cradle hospital', 'Apollo Cradle Hospital'],
    ['complaint against Apollo Cradle Hospital, staff was rude', 'Apollo Cradle Hospital'],
    ['Fortis Memorial Hospital mein paise maange', 'Fortis Memorial Hospital'],
    ['Max Super Speciality Hospital', 'Max Super Speciality Hospital'],
    ['24 Care Hospital', '24 Care Hospital'],
    ['complaint: 24 Care Hospital me doctor ne paise maange', '24 Care Hospital'],
    ['Sector 12 Hospital', 'Sector 12 Hospital'],
  ])('"%s" is %s', (text, name) => {
    expect(hospital(text, 'hospitalName')).toBe(name);
  });

  it('an institution alone, or before a sentence, is still only the institution', () => {
    expect(hospital('AIIMS Delhi', 'hospitalName')).toBe('AIIMS Delhi');
    expect(hospital('Apollo me doctor ne paise maange')).toBe('Apollo');
    expect(hospital('Fortis ke doctor ne hospital ka bill zyada banaya')).toBe('Fortis');
  });

  it('a number that counts something is not part of the name', () => {
    expect(hospital('ward 24 hospital me safai nahi')).not.toBe('24 Hospital');
    expect(hospital('2 ghante se Civil Hospital me wait kar rahe')).toBe('Civil Hospital');
    expect(hospital('maine 500 rupaye diye District Hospital Sitapur me')).toBe('District Hospital Sitapur');
  });
});

// every Devanagari word looks capitalised to the name reader: "2 दिन पहले जिला अस्पताल बहराइच"
// was the hospital "दिन पहले जिला अस्पताल बहराइच"
describe('when it happened is no part of the name', () => {
  it.each([
    ['2 दिन पहले जिला अस्पताल बहराइच में डॉक्टर ने पैसे मांगे', 'जिला अस्पताल बहराइच'],
    ['कल जिला अस्पताल बहराइच में गए थे', 'जिला अस्पताल बहराइच'],
    ['पिताजी का देहांत 3 दिन पहले जिला अस्पताल बहराइच में हुआ', 'जिला अस्पताल बहराइच'],
    ['aaj Lohia Hospital mein', 'Lohia Hospital'],
  ])('"%s" names %s', (text, name) => {
    expect(hospital(text)).toBe(name);
  });
});
