import { describe, expect, it } from 'vitest';
import { fieldMatches, matchFields, textContains } from './match.js';

describe('textContains', () => {
  it('matches a nukta variant: "ज़िला" (precomposed and combining) equals "जिला"', () => {
    expect(textContains('आपका जिला लखनऊ है', 'ज़िला')).toBe(true);
    expect(textContains('आपका \u091C\u093C\u093F\u0932\u093E लखनऊ है', 'जिला')).toBe(true);
    expect(textContains('लड़की', 'लडकी')).toBe(true);
  });

  it('ignores zero-width joiners, case, punctuation and Devanagari digits', () => {
    expect(textContains('गं\u200dदगी की शिकायत', 'गंदगी')).toBe(true);
    expect(textContains('Your reference is BC-2026-000001.', 'bc-2026-000001')).toBe(true);
    expect(textContains('पिन २२६०१० है', '226010')).toBe(true);
  });

  it('does not match what is not there', () => {
    expect(textContains('माँ का नाम रेखा', 'सुनीता')).toBe(false);
  });
});

describe('fieldMatches', () => {
  it('accepts BFCL-style alternatives, objects and absence', () => {
    expect(fieldMatches(['Rekha', 'Rekha Devi'], 'rekha devi')).toBe(true);
    expect(fieldMatches({ anyOf: ['Lucknow', 'लखनऊ'] }, 'लखनऊ')).toBe(true);
    expect(fieldMatches({ contains: 'City Care' }, 'City Care Hospital, Aliganj')).toBe(true);
    expect(fieldMatches([null, ''], undefined)).toBe(true);
    expect(fieldMatches({ absent: true }, 'Aarav')).toBe(false);
    expect(fieldMatches({ present: true }, 'Aarav')).toBe(true);
    expect(fieldMatches(false, 0)).toBe(true);
    expect(fieldMatches(5000, 5000)).toBe(true);
    expect(fieldMatches('2026-03-12', '2026-03-21')).toBe(false);
  });
});

describe('matchFields', () => {
  it('counts matches and lists mismatches; exact mode flags extra fields', () => {
    const actual = { childName: 'Aarav', dateOfBirth: '2026-11-12', district: 'Lucknow' };
    expect(matchFields({ childName: 'aarav', dateOfBirth: ['2026-11-13'] }, actual)).toEqual({
      matched: 1,
      total: 2,
      mismatches: [{ field: 'dateOfBirth', expected: ['2026-11-13'], actual: '2026-11-12' }],
    });
    expect(matchFields({ childName: 'Aarav', dateOfBirth: '2026-11-12' }, actual, true)).toEqual({
      matched: 2,
      total: 3,
      mismatches: [{ field: 'district', expected: { absent: true }, actual: 'Lucknow' }],
    });
  });
});
