import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import type { Lang } from '../../lang/language.js';

// A new user's finding (2026-12-07): the address question answered with its own label, as people
// write it ("My address is …", "adress: …", "addres …"), stored the label with the address, and
// the summary showed "Address: address is 12 MG Road, Kanpur".
const NOW = new Date('2026-12-07T06:00:00Z');

const upToAddress: Record<string, string[]> = {
  income: ['I want an income certificate', 'Ravi Kumar', 'Mohan Lal', '2.5 lakh per year', 'farming'],
  caste: ['caste certificate chahiye', 'Sunita Devi', 'Ramesh Kumar', 'Jatav', 'SC', 'skip'],
};

describe('an address answered with its label', () => {
  it.each([
    ['income', 'en', 'My address is 12 MG Road, Kanpur', '12 MG Road, Kanpur'],
    ['income', 'en', 'addres 12 MG Road, Kanpur', '12 MG Road, Kanpur'],
    ['caste', 'hinglish', 'adress - H.No 12, Naya Gaon', 'H.No 12, Naya Gaon'],
    ['caste', 'hinglish', 'mera adress: gali 4, rampur', 'gali 4, rampur'],
  ] as const)('%s (%s): %j stores %j', async (service, lang, text, address) => {
    const d = createDriver({ now: NOW, lang: lang as Lang });
    for (const m of upToAddress[service]) await d.send(m);
    expect(formOf(d).asking).toBe('address');
    await d.send(text);
    expect(formOf(d).fields.address).toBe(address);
  });
});
