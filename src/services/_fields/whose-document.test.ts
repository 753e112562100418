import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import type { Lang } from '../../lang/language.js';
import { serviceById } from '../registry.js';
import { cuedSegments } from './read-cues.js';

// "papa ka caste certificate banwana hai" says whose certificate it is; it names no father. The
// word after the service's name ("banwana", "chahiye") was stored as the father's name and filed.
const NOW = new Date('2026-11-24T04:30:00Z');

describe('a relation before the document is whose document it is, not a label', () => {
  it.each([
    ['papa ka caste certificate banwana hai', 'hinglish'],
    ['pitaji ka jati praman patra banwana hai', 'hinglish'],
    ['papa ka death certificate chahiye, naam Ram Naresh', 'hinglish'],
    ['पापा का जाति प्रमाण पत्र बनवाना है', 'hi'],
    ["my father's income certificate is needed", 'en'],
  ] as const)('%j stores no father or husband', async (text, lang: Lang) => {
    const d = createDriver({ now: NOW, lang });
    await d.send(text);
    expect(formOf(d).fields.fatherOrHusbandName).toBeUndefined();
  });

  it('a labelled father in the same message is still the father', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('pita Suresh Prasad, caste certificate chahiye');
    expect(formOf(d).fields.fatherOrHusbandName).toBe('Suresh Prasad');
  });

  it('the label is not read where a document follows it', () => {
    const caste = serviceById('caste_certificate');
    if (!caste) throw new Error('no caste_certificate');
    const fields = (text: string) => cuedSegments(caste, text, null).map((s) => s.field);
    expect(fields('pitaji ka certificate chahiye')).not.toContain('fatherOrHusbandName');
    // "jaati wala certificate" is the caste certificate, not a caste called "wala certificate"
    expect(fields('papa ka jaati wala certificate banwana hai')).toEqual([]);
    expect(fields('pita ka naam Suresh Prasad')).toContain('fatherOrHusbandName');
  });
});
