import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import type { Lang } from '../../lang/language.js';

// The sources of income are a list: "kheti aur mazdoori" is two of them, and a labelled list in a
// longer message keeps every item ("srot kheti aur mazdoori" was stored as "kheti").
const NOW = new Date('2026-11-24T06:30:00Z');

async function fields(lang: Lang, message: string) {
  const d = createDriver({ now: NOW, lang });
  await d.send(message);
  return formOf(d).fields;
}

describe('income certificate: the sources of income as a list', () => {
  it.each([
    [
      'hinglish',
      'aay praman patra chahiye. mera naam Ramesh Kumar, pita Suresh Prasad, srot kheti aur mazdoori, pata gram Rampur post Bihta, zila Patna',
      'kheti aur mazdoori',
    ],
    [
      'hi',
      'मुझे आय प्रमाण पत्र चाहिए। मेरा नाम रमेश कुमार है, आय का स्रोत खेती और मज़दूरी, पता ग्राम रामपुर पोस्ट बिहटा, जिला पटना',
      'खेती और मज़दूरी',
    ],
    [
      'en',
      'I need an income certificate. My name is Ramesh Kumar; sources: farming, daily wages and a small shop; address Village Rampur, Post Bihta, district Patna',
      'farming, daily wages and a small shop',
    ],
  ] as const)('%s: every item is kept', async (lang, message, sources) => {
    const f = await fields(lang, message);
    expect(f.incomeSources).toBe(sources);
    expect(f.applicantName).toMatch(/Ramesh Kumar|रमेश कुमार/);
  });

  it('the list ends where the citizen goes on about something else', async () => {
    const f = await fields(
      'hinglish',
      'aay praman patra chahiye. mera naam Ramesh Kumar, srot kheti aur mera pata gram Rampur post Bihta',
    );
    expect(f.incomeSources).toBe('kheti');
  });

  it('a comma part with digits or opening with a label word is no item of the list', async () => {
    const f = await fields(
      'hinglish',
      'aay praman patra chahiye. srot kheti, pata H.No. 12 Station Road, zila Sitapur, pin 261001',
    );
    expect(f.incomeSources).toBe('kheti');
    expect(f.address).toBe('H.No. 12 Station Road');
    const g = await fields('hinglish', 'aay praman patra chahiye. srot kheti, mazdoori, pata nahi kya');
    expect(g.incomeSources).toBe('kheti, mazdoori');
  });

  it('a label straight after the list leaves no "aur" on it', async () => {
    const f = await fields(
      'hinglish',
      'aay praman patra chahiye. srot kheti aur mazdoori aur address gram Rampur post Bihta',
    );
    expect(f.incomeSources).toBe('kheti aur mazdoori');
  });
});
