import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import type { Lang } from '../../lang/language.js';

// A citizen who knows only that it was a government hospital: "sarkari aspatal" names none, so the
// name is asked; one who does not know it is told what can be written instead (its kind and town),
// and that answer is stored as written, never a "don't know" or a bare kind.
const NOW = new Date('2026-11-24T04:30:00Z');

async function askedHospitalName(opening: string, lang: Lang) {
  const d = createDriver({ now: NOW, lang });
  await d.send(opening);
  expect(formOf(d).fields.placeOfBirthType).toBe('hospital');
  expect(formOf(d).asking).toBe('placeOfBirth');
  return d;
}
const OPENING = {
  hi: 'लडकी का जन्म प्रमाण पत्र, नाम सान्वी, जन्म 19 नवंबर 2026, सरकारी अस्पताल में',
  hinglish: 'beti ka birth certificate, naam Saanvi, janm 19 november 2026, sarkari aspatal mein',
  en: 'birth certificate for my daughter Saanvi, born 19 November 2026 in a government hospital',
} as const;

describe('birth certificate: a hospital whose name the citizen does not know', () => {
  it.each([
    ['पता नहीं', 'hi', 'सरकारी अस्पताल, मोहनलालगंज'],
    ['naam nahi pata', 'hinglish', 'Sarkari aspatal, Mohanlalganj'],
    ["I don't know", 'en', 'Government hospital, Mohanlalganj'],
  ] as const)('%j (%s) is told what to write instead', async (answer, lang, hint) => {
    const d = await askedHospitalName(OPENING[lang], lang);
    const t = await d.send(answer);
    expect(t.text).toContain(hint);
    expect(formOf(d).fields.placeOfBirth).toBeUndefined();
    expect(formOf(d).asking).toBe('placeOfBirth');
  });

  it.each([
    ['सरकारी अस्पताल, मोहनलालगंज', 'hi'],
    ['सरकारी अस्पताल मोहनलालगंज', 'hi'],
    ['Government hospital, Mohanlalganj', 'en'],
    ['govt hospital in Bakshi ka Talab', 'en'],
    ['sarkari aspatal, Sitapur road', 'hinglish'],
  ] as const)('%j, its kind and town, is stored as written', async (answer, lang) => {
    const d = await askedHospitalName(OPENING[lang], lang);
    await d.send(answer);
    expect(formOf(d).fields.placeOfBirth).toBe(answer);
    expect(formOf(d).asking).toBe('motherName');
  });

  it('the town is taken without the "था" after it', async () => {
    const d = await askedHospitalName(OPENING.hi, 'hi');
    await d.send('सरकारी अस्पताल मोहनलालगंज में था');
    expect(formOf(d).fields.placeOfBirth).toBe('सरकारी अस्पताल मोहनलालगंज');
  });

  it.each([
    ['सरकारी अस्पताल', 'hi'],
    ['सरकारी अस्पताल, पता नहीं', 'hi'],
    ['sarkari hospital tha', 'hinglish'],
    ['sarkari aspatal mein hua', 'hinglish'],
    ['government hospital', 'en'],
  ] as const)('%j names no hospital and no town: asked again with the hint', async (answer, lang) => {
    const d = await askedHospitalName(OPENING[lang], lang);
    const t = await d.send(answer);
    expect(formOf(d).fields.placeOfBirth).toBeUndefined();
    expect(formOf(d).asking).toBe('placeOfBirth');
    expect(t.text).toContain(lang === 'hi' ? 'मोहनलालगंज' : 'Mohanlalganj');
  });
});
