import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import { addressField } from './common-fields.js';
import { readField } from './read-field.js';

// "naukri ke liye" sent to the caste certificate's address question had been stored as the
// address: the purpose answered a question early. It, and other answers that are plainly no
// address, are asked again; real addresses, landmarks and all, are still taken.
const NOW = new Date('2026-11-24T06:30:00Z');
const address = (text: string) => readField(addressField, text, NOW, {});

const NOT_ADDRESSES = [
  'naukri ke liye',
  'scholarship ke liye',
  'for admission',
  'for a job',
  'job ke liye chahiye',
  'नौकरी के लिए',
  'स्कूल में दाखिले के लिए',
  'school admission',
  'sarkari naukri',
  'kya likhna hai',
  'what should I write',
  'haan',
  'ji haan',
  'no',
  'ji nahi',
  'नहीं',
];

const ADDRESSES = [
  'H No 12, Station Road, Gonda',
  'ग्राम रामपुर, पोस्ट बेलसर',
  'Mohalla Qazi Tola',
  'flat 3B Green Park',
  'village Rampur',
  'school ke peeche, Rampur',
  'College Road, Sitapur',
  'Scheme 2, Vijay Nagar, Indore',
  'Yojana Bhawan ke saamne, Civil Lines',
  // "main" (I) opens many Hinglish answers, and names a road too
  'Main Road, Rampur',
  'Main Bazar, Gonda',
];

describe('the address reader', () => {
  it.each(NOT_ADDRESSES)('%j is no address', (text) => {
    expect(address(text)).toBeNull();
  });

  it.each(ADDRESSES)('%j is an address', (text) => {
    expect(address(text)).toBe(text);
  });
});

describe('the address question of the caste certificate', () => {
  async function atAddress(lang: 'hinglish' | 'en' | 'hi' = 'hinglish') {
    const d = createDriver({ now: NOW, lang });
    for (const line of ['caste certificate chahiye', 'Sunita Devi', 'Ramesh Kumar', 'Jatav', 'SC', 'skip'])
      await d.send(line);
    expect(formOf(d).asking).toBe('address');
    return d;
  }

  it.each([
    'naukri ke liye',
    'scholarship ke liye',
    'for admission',
    'kya likhna hai',
    'address wala hi',
    'wahi address',
  ])('%j is asked again, twice over, and never shown back as the address', async (text) => {
    const d = await atAddress();
    for (let i = 0; i < 2; i++) {
      await d.send(text);
      expect(formOf(d).fields.address).toBeUndefined();
      expect(formOf(d).asking).toBe('address');
      expect(formOf(d).showBack ?? null).toBeNull();
    }
    await d.send('Mohalla Qazi Tola, Gonda');
    expect(formOf(d).fields.address).toBe('Mohalla Qazi Tola, Gonda');
  });

  it('a purpose sent to the address is told apart, not "couldn\'t read"', async () => {
    const d = await atAddress();
    const turn = await d.send('naukri ke liye');
    expect(turn.text).toContain('kaam ke liye');
    expect(turn.text).not.toContain('nahi padh paaya');
  });
});
