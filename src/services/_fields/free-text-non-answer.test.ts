import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';

// "bas aise hi" and "wahi jo aadhar me hai" had been stored as the purpose or the address, "Agra"
// alone as the full address, and "H No 12, Station Road" had lost its "H" to the copula "h"
const NOW = new Date('2026-11-24T06:30:00Z');

async function caste(upTo: 'address' | 'purpose') {
  const d = createDriver({ now: NOW, lang: 'hinglish' });
  const lines = ['caste certificate chahiye', 'Sunita Devi', 'Ramesh Kumar', 'Jatav', 'SC', 'skip'];
  if (upTo === 'purpose') lines.push('Gali 4, Gandhi Nagar, Bareilly', 'Bareilly', '243001');
  for (const line of lines) await d.send(line);
  expect(formOf(d).asking).toBe(upTo);
  return d;
}

describe('free-text answers that hold no value', () => {
  it.each(['bas aise hi', 'wahi jo aadhar me hai'])(
    'purpose: %j is asked again, twice over',
    async (text) => {
      const d = await caste('purpose');
      for (let i = 0; i < 2; i++) {
        await d.send(text);
        expect(formOf(d).fields.purpose).toBeUndefined();
        expect(formOf(d).asking).toBe('purpose');
        expect(formOf(d).showBack ?? null).toBeNull();
      }
      await d.send('naukri ke liye');
      expect(formOf(d).fields.purpose).toBe('naukri ke liye');
    },
  );

  it.each(['wahi jo aadhar me hai', 'Agra'])('address: %j is asked again', async (text) => {
    const d = await caste('address');
    await d.send(text);
    expect(formOf(d).fields.address).toBeUndefined();
    expect(formOf(d).asking).toBe('address');
  });

  it('address: "H No 12, Station Road, Sitapur" keeps its "H No 12"', async () => {
    const d = await caste('address');
    await d.send('H No 12, Station Road, Sitapur');
    expect(formOf(d).fields.address).toBe('H No 12, Station Road, Sitapur');
  });
});
