import { describe, expect, it } from 'vitest';
import { withTurnMemo } from '../../nlu/turn-memo.js';
import { serviceById } from '../registry.js';
import { cuedSegments } from './read-cues.js';

const birth = serviceById('birth_certificate');
if (!birth) throw new Error('the registry has no birth_certificate');

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
