import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe('Hindi place words in an English address', () => {
  it.each([
    'I live at House 8, Gali No. 2, Krishna Nagar, Mathura',
    'my address is Mohalla Saudagran, near the Jama Masjid, Bareilly',
    'we stay in Ward 5, Subhash Nagar, behind Hanuman Mandir, Kanpur',
    'our house is in Chowk Bazar, near the big Mandir, Lucknow',
  ])('%j stays English', (text) => {
    expect(detectLanguage(text).lang).toBe('en');
  });

  it.each(['Gali 3, Ram Nagar, Agra', 'Mohalla Qazi Tola, Budaun 243601'])(
    '%j alone tells no language',
    (text) => {
      expect(detectLanguage(text).lang).toBeNull();
    },
  );

  it.each(['hum gali no 2 krishna nagar mein rehte hain', 'mera pata hai mohalla saudagran, bareilly'])(
    'a Hinglish sentence around the address is still Hinglish: %j',
    (text) => {
      expect(detectLanguage(text).lang).toBe('hinglish');
    },
  );
});
