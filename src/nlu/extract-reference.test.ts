import { describe, expect, it } from 'vitest';
import { normalise } from '../lang/normalise.js';
import { services } from '../services/registry.js';
import { extractPinCode } from './extract-pin-code.js';
import { extractReferenceDigits, extractReferences, REFERENCE_PREFIXES } from './extract-reference.js';

describe('extractReferences', () => {
  it.each([
    ['BC-2026-000123', ['BC-2026-000123']],
    ['bc-2026-000123 ka status', ['BC-2026-000123']],
    ['bc 2026 000123', ['BC-2026-000123']],
    ['BC2026000123', ['BC-2026-000123']],
    ['hc-2026-45 aur PAY-2026-000001', ['HC-2026-000045', 'PAY-2026-000001']],
    ['मेरा नंबर BC-2026-000123 है', ['BC-2026-000123']],
    ['बीसी-2026-000417 का शुल्क', ['BC-2026-000417']],
    ['BC-2026-000123 BC-2026-000123', ['BC-2026-000123']],
    ['abc-2026-000123', []],
    ['2026-000123', []],
    // the registry services' references, and digits as a Hindi keyboard types them
    ['CC-2026-000001', ['CC-2026-000001']],
    ['application number CC 2026 000001', ['CC-2026-000001']],
    ['CC-२०२६-०००००१', ['CC-2026-000001']],
    ['ic/2026/7 aur dc-2026-000012', ['IC-2026-000007', 'DC-2026-000012']],
    ['सीसी-२०२६-४१७ की स्थिति', ['CC-2026-000417']],
    ['ABCC-2026-000123', []],
  ])('%j → %j', (text, refs) => {
    expect(extractReferences(text)).toEqual(refs);
  });

  it("knows every registry service's prefix (a new service's references are read too)", () => {
    const known = new Set(Object.values(REFERENCE_PREFIXES));
    for (const s of services) expect(known, s.id).toContain(s.prefix);
  });

  it('a case reference is no PIN code', () => {
    expect(extractPinCode(normalise('CC 2026 226001'))).toBeNull();
  });

  it('finds bare serial numbers outside references, dates and phone numbers', () => {
    expect(extractReferenceDigits('000123')).toEqual(['000123']);
    expect(extractReferenceDigits('status of 123')).toEqual(['123']);
    expect(extractReferenceDigits('BC-2026-000123')).toEqual([]);
    expect(extractReferenceDigits('12/03/2026 9876543210')).toEqual([]);
  });
});

describe('extractPinCode', () => {
  it.each([
    ['pin 226001', '226001'],
    ['Lucknow 226001', '226001'],
    ['पिन कोड २२६००१', '226001'],
    ['pincode 226 001', '226001'],
    ['12 gandhi nagar, sitapur 261001, UP', '261001'],
    ['000123', null],
    ['BC-2026-226001', null],
    ['bc 2026 226001', null],
    ['mobile 9876543210', null],
    ['98765 43210', null],
    ['12/03/2026', null],
    ['2260011', null],
  ])('%j → %s', (text, pin) => {
    expect(extractPinCode(normalise(text))).toBe(pin);
  });
});
