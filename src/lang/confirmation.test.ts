import { describe, expect, it } from 'vitest';
import { classifyConfirmation, classifyConfirmationText } from './confirmation.js';

const text = (t: string) => classifyConfirmation({ kind: 'text', text: t });

describe('classifyConfirmation', () => {
  it.each([
    ['confirm:yes', 'yes'],
    ['confirm:change', 'change'],
    ['confirm:cancel', 'no'],
    ['menu:status', null],
  ] as const)('button %s → %s', (id, expected) => {
    expect(classifyConfirmation({ kind: 'button', id, title: 'x' })).toBe(expected);
  });

  it('ignores images, audio and locations', () => {
    expect(classifyConfirmation({ kind: 'image', mediaId: 'm1', caption: 'yes' })).toBeNull();
    expect(classifyConfirmation({ kind: 'audio', mediaId: 'm2' })).toBeNull();
  });

  it.each([
    'yes',
    'Y',
    'ok',
    'Okay 👍',
    'okk',
    'sure',
    'correct',
    'Confirm',
    'submit',
    'yes please submit',
    'haan',
    'han',
    'haa',
    'ha',
    'ji',
    'ji haan',
    'Haan ji',
    'theek hai',
    'thik hai',
    'sahi hai',
    'bilkul',
    'bilkul sahi hai',
    'haan sab sahi hai',
    'हाँ',
    'हां',
    'जी',
    'जी हाँ',
    'ठीक है',
    'सही है',
    'जमा करें',
    'जमा करो',
    'हाँ, जमा कर दो',
    '👍',
    '✅',
    'kar do',
  ])('%j → yes', (t) => {
    expect(text(t)).toBe('yes');
  });

  it.each([
    'no',
    'No.',
    'nahi',
    'nhi',
    'nahin',
    'na',
    'नहीं',
    'mat karo',
    'cancel',
    'cancel karo',
    'रद्द',
    'रद्द करें',
    'no thanks',
    'nahi chahiye',
    '❌',
  ])('%j → no', (t) => {
    expect(text(t)).toBe('no');
  });

  it.each([
    'change',
    'badlo',
    'बदलना है',
    'edit',
    'haan date galat hai',
    'sahi nahi hai',
    'not correct',
    'नाम गलत है',
    'nahi, date 5 march hai',
    'haan lekin naam badlo',
    'theek karna hai',
  ])('%j → change', (t) => {
    expect(text(t)).toBe('change');
  });

  // a false yes submits what the citizen did not agree to: anything more than an affirmation is not a yes
  it.each([
    'yes my daughter name is priya',
    'haan mujhe complaint karni hai',
    'hello',
    'ok what is the fee',
    'haan par pehle status batao',
    '🙏',
    '',
    'haan? kya matlab',
  ])('%j is not a yes', (t) => {
    expect(classifyConfirmationText(t)).not.toBe('yes');
  });
});
