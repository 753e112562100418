import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { isSameAsEarlier } from './same-as-earlier.js';
import { stripFillers } from './strip-fillers.js';

const now = new Date('2026-11-24T04:30:00Z');

describe('isSameAsEarlier', () => {
  it.each([
    'same as above',
    'Same as above.',
    'same address',
    'same hai',
    'wahi hai',
    'wahi jo upar bataya tha',
    'upar wala hi',
    'upar wala address',
    'वही',
    'वही है जी',
    'वही जो ऊपर लिखा है',
    'वही जो ऊपर बताया था',
    'ऊपर वाला पता',
    'pehle wala',
    'same as the house where he was born',
    'same as where the baby was born',
  ])('%j points back at the earlier address', (text) => {
    expect(isSameAsEarlier(text)).toBe(true);
  });

  it.each([
    '45 Gandhi Nagar, Bareilly',
    'Upar Bazar, Agra',
    'wahi gali jahan mandir hai, Kanpur',
    'haan',
    'same house but flat 5 now',
  ])('%j is an address of its own', (text) => {
    expect(isSameAsEarlier(text)).toBe(false);
  });

  it('is never stored as the address', () => {
    expect(analyse('वही जो ऊपर लिखा है', { now, expecting: 'address' }).slots.address).toBeUndefined();
    expect(analyse('same as above', { now, expecting: 'address' }).slots.address).toBeUndefined();
  });
});

describe('stripFillers', () => {
  it.each([
    ['भी मकान नं 12, शिवाजी नगर, कानपुर ही', 'मकान नं 12, शिवाजी नगर, कानपुर'],
    ['Sunita hi hai', 'Sunita'],
    ['bhi 7 civil lines wala', '7 civil lines'],
    ['to Rekha Devi hai ji', 'Rekha Devi'],
    ['नया वाला 22, सेक्टर 4 है', '22, सेक्टर 4'],
    ['Hira Lal', 'Hira Lal'],
  ])('%j → %j', (value, clean) => {
    expect(stripFillers(value)).toBe(clean);
  });

  it('an address answer loses its particles', () => {
    expect(analyse('भी मकान नं 12, शिवाजी नगर, कानपुर ही', { now, expecting: 'address' }).slots.address).toBe(
      'मकान नं 12, शिवाजी नगर, कानपुर',
    );
  });
});
