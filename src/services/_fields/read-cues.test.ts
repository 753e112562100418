import { describe, expect, it } from 'vitest';
import { withTurnMemo } from '../../nlu/turn-memo.js';
import { serviceById } from '../registry.js';
import { cuedSegments, ledByLabel } from './read-cues.js';

const birth = serviceById('birth_certificate');
const complaint = serviceById('hospital_complaint');
if (!birth || !complaint) throw new Error('the registry has no birth_certificate or hospital_complaint');
const now = new Date('2026-11-24T04:30:00Z');

describe('cuedSegments', () => {
  it('reads labels in any case, Latin or Devanagari', () => {
    expect(cuedSegments(birth, "MOTHER'S NAME is Rekha Devi, pin 226001", null)).toEqual([
      { field: 'motherName', words: 'Rekha Devi', start: 0, cue: "mother's name" },
      { field: 'pinCode', words: '226001', start: 29, cue: 'pin' },
    ]);
    expect(cuedSegments(birth, 'माँ का नाम रेखा देवी', null)).toEqual([
      { field: 'motherName', words: 'रेखा देवी', start: 0, cue: 'माँ का नाम' },
    ]);
  });

  it('reads a label written with a letter that only case-folds to ASCII (long s, Kelvin sign)', () => {
    // /s/iu matches "ſ" and /k/iu matches "K": the quick test for absent labels must not skip them
    expect(cuedSegments(birth, 'ſex: girl', null).map((s) => [s.field, s.words])).toEqual([['sex', 'girl']]);
    expect(cuedSegments(birth, 'ma \u212Aa naam Rekha', null).map((s) => [s.field, s.words])).toEqual([
      ['motherName', 'Rekha'],
    ]);
  });

  it('gives the same segments inside a turn, and copies a caller cannot change for the next', () => {
    const text = "child's name Aarav, father's name Ramesh";
    const outside = cuedSegments(birth, text, null);
    withTurnMemo(() => {
      const first = cuedSegments(birth, text, null);
      expect(first).toEqual(outside);
      first[0].words = 'changed';
      expect(cuedSegments(birth, text, null)).toEqual(outside);
      expect(cuedSegments(birth, text, 'childName')).toEqual(outside.filter((s) => s.field !== 'childName'));
    });
  });
});

describe("the summary's own labels", () => {
  it('"Hospital:" written back opens a line or follows a comma', () => {
    expect(cuedSegments(complaint, 'Hospital: AIIMS Delhi', null).map((s) => [s.field, s.words])).toEqual([
      ['hospitalName', 'AIIMS Delhi'],
    ]);
    expect(cuedSegments(complaint, 'ok Hospital: AIIMS Delhi', null).map((s) => s.field)).toEqual([
      'hospitalName',
    ]);
    expect(
      cuedSegments(complaint, 'District: Lucknow, Hospital: KGMU', null).map((s) => [s.field, s.words]),
    ).toEqual([
      ['district', 'Lucknow'],
      ['hospitalName', 'KGMU'],
    ]);
  });

  it('in "Safdarjung hospital: staff was rude" the word ends a name: no label of the hospital', () => {
    for (const text of [
      'Safdarjung hospital: staff was rude, not about money',
      'सफदरजंग अस्पताल: स्टाफ ने बदतमीजी की',
    ])
      expect(cuedSegments(complaint, text, null).filter((s) => s.field === 'hospitalName')).toEqual([]);
  });
});

describe('ledByLabel', () => {
  it("an answer that opens with another field's label and value is that field's", () => {
    expect(ledByLabel(birth, 'mummy ka naam Sunita', 'placeOfBirth', now)).toEqual({
      field: 'motherName',
      rest: '',
    });
    expect(ledByLabel(birth, 'माँ का नाम सुनीता', 'address', now)).toEqual({ field: 'motherName', rest: '' });
    expect(ledByLabel(birth, 'pin 208001', 'address', now)).toEqual({ field: 'pinCode', rest: '' });
    expect(ledByLabel(birth, 'ok pin 208001, 12 Gandhi Nagar', 'address', now)).toEqual({
      field: 'pinCode',
      rest: '12 Gandhi Nagar',
    });
  });

  it('a label later in the answer, or of an address, leads nothing', () => {
    expect(ledByLabel(birth, '12 Gandhi Nagar, pin 208001', 'address', now)).toBeNull();
    expect(ledByLabel(birth, 'Address: 12 Civil Lines, Aliganj', 'placeOfBirth', now)).toBeNull();
    expect(ledByLabel(birth, 'Vaishno Mata Colony, Rampur', 'address', now)).toBeNull();
    // a relation's word alone opens many a place's name
    expect(ledByLabel(birth, 'Mata Mandir Road, Rampur', 'address', now)).toBeNull();
    expect(ledByLabel(birth, 'Pita Ji Nagar', 'placeOfBirth', now)).toBeNull();
  });
});
