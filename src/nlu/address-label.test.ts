import { describe, expect, it } from 'vitest';
import { withoutAddressLabel } from './address-label.js';
import { extractAddress } from './extract-address.js';

// A new user's finding (2026-12-07): "My address is 12 MG Road, Kanpur" was stored as the address
// "address is 12 MG Road, Kanpur"; "adress: gali 4, rampur" kept its "adress:", and "addres 12 MG
// Road, Kanpur" was read as "es 12 MG Road, Kanpur" ("addr" matched inside the typo).
describe('the label written before an address', () => {
  it.each([
    ['My address is 12 MG Road, Kanpur', '12 MG Road, Kanpur'],
    ['adress: gali 4, rampur', 'gali 4, rampur'],
    ['addres 12 MG Road, Kanpur', '12 MG Road, Kanpur'],
    ['mera adress - H.No 12, Naya Gaon', 'H.No 12, Naya Gaon'],
    ['pata: mohalla qazi tola, gonda', 'mohalla qazi tola, gonda'],
    ['पता: गाँव रामपुर, बहराइच', 'गाँव रामपुर, बहराइच'],
    ['address H.No. 45, Civil Lines', 'H.No. 45, Civil Lines'],
  ])('%j → %j', (text, address) => {
    expect(withoutAddressLabel(text)).toBe(address);
  });

  it.each([
    // "pata nahi" is "I don't know", no label; a label alone has no address after it
    'pata nahi',
    'address',
    '12 Addressee Lane, Agra',
  ])('%j is left as written', (text) => {
    expect(withoutAddressLabel(text)).toBe(text);
  });

  it.each([
    ['addres 12 MG Road, Kanpur', '12 MG Road, Kanpur'],
    ['adress: gali 4, rampur 244901', 'gali 4, rampur 244901'],
    ['ghar ka adress hai makan 5, civil lines, bareilly', 'makan 5, civil lines, bareilly'],
  ])('the NLU reads %j as %j', (text, address) => {
    expect(extractAddress(text)).toBe(address);
  });
});
