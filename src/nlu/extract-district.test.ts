import { describe, expect, it } from 'vitest';
import { extractDistrict } from './extract-district.js';
import { DISTRICTS } from './lexicon/districts.js';

describe('extractDistrict', () => {
  it.each([
    ['Lucknow', 'Lucknow'],
    ['लखनऊ', 'Lucknow'],
    ['lakhnau se hoon', 'Lucknow'],
    ['District Hospital Sitapur', 'Sitapur'],
    ['सीतापुर जिला', 'Sitapur'],
    ['AIIMS Delhi', 'Delhi'],
    ['नई दिल्ली', 'New Delhi'],
    ['allahabad', 'Prayagraj'],
    ['इलाहाबाद', 'Prayagraj'],
    ['banaras', 'Varanasi'],
    ['noida sector 62', 'Gautam Buddh Nagar'],
    ['kanpur', 'Kanpur Nagar'],
    ['kanpur dehat', 'Kanpur Dehat'],
    ['gurgaon', 'Gurugram'],
    ['पटना', 'Patna'],
    ['muzzafarpur', 'Muzaffarpur'],
    ['gorakhpurr', 'Gorakhpur'],
    ['bhopal mp', 'Bhopal'],
    ['jamshedpur', 'East Singhbhum'],
    ['gaya zila', 'Gaya'],
    ['गया जिला', 'Gaya'],
  ])('%j → %s', (text, name) => {
    expect(extractDistrict(text)).toBe(name);
  });

  it.each(['beti ka janm ho gaya', 'main mau se hu', 'mandi mein sabzi', 'namaste', '226001'])(
    'finds no district in %j',
    (text) => {
      expect(extractDistrict(text)).toBeNull();
    },
  );

  it('takes an everyday-word name when it answers "which district?"', () => {
    expect(extractDistrict('Gaya', { bare: true })).toBe('Gaya');
    expect(extractDistrict('mau', { bare: true })).toBe('Mau');
    expect(extractDistrict('gaya', { bare: false })).toBeNull();
  });

  it('covers the Hindi belt and the big districts elsewhere', () => {
    expect(DISTRICTS.length).toBeGreaterThanOrEqual(400);
    const names = new Set(DISTRICTS.map((d) => d.name));
    for (const n of [
      'Lucknow',
      'Patna',
      'Jaipur',
      'Bhopal',
      'Ranchi',
      'Raipur',
      'Dehradun',
      'Shimla',
      'Mumbai',
      'Chennai',
    ]) {
      expect(names.has(n)).toBe(true);
    }
  });
});
