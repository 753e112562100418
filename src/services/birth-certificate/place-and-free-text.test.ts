import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import type { Lang } from '../../lang/language.js';

// Where the child was born, and the free-text questions after it: an answer that names no kind of
// place is asked again, not stored as a hospital; an answer meant for another question (a labelled
// name, a PIN, who the speaker is) fills that question only.
const NOW = new Date('2026-12-07T04:30:00Z');

async function atPlaceType(lang: Lang) {
  const d = createDriver({ now: NOW, lang });
  await d.send('birth certificate for my son Kabir');
  await d.send('3 december');
  expect(formOf(d).asking).toBe('placeOfBirthType');
  return d;
}

describe('birth certificate: where the child was born', () => {
  it.each([
    ['mere ghar', 'hinglish'],
    ['मेरे घर', 'hi'],
    ['in our village', 'en'],
    ['gaon mein', 'hinglish'],
    ['गाँव में हुआ', 'hi'],
  ] as const)('%j is a home birth; its house is asked next', async (text, lang) => {
    const d = await atPlaceType(lang);
    await d.send(text);
    const form = formOf(d);
    expect(form.fields.placeOfBirthType).toBe('home');
    expect(form.fields.placeOfBirth).toBeUndefined();
    expect(form.asking).toBe('placeOfBirth');
  });

  it.each([
    ['Gandhi Nagar', 'en'],
    ['302001', 'en'],
    ['गांधी नगर', 'hi'],
  ] as const)(
    '%j names no kind of place: no hospital is stored, the question is asked again',
    async (text, lang) => {
      const d = await atPlaceType(lang);
      await d.send(text);
      const form = formOf(d);
      expect(form.fields.placeOfBirthType).toBeUndefined();
      expect(form.fields.placeOfBirth).toBeUndefined();
      expect(form.asking).toBe('placeOfBirthType');
    },
  );

  it.each([
    ['Safdarjung', 'Safdarjung'],
    ['Sai Kripa Nursing', 'Sai Kripa Nursing'],
    ['ट्रॉमा सेंटर', 'ट्रॉमा सेंटर'],
  ])('%j is a hospital by its name', async (text, name) => {
    const d = await atPlaceType('en');
    await d.send(text);
    expect(formOf(d).fields).toMatchObject({ placeOfBirthType: 'hospital', placeOfBirth: name });
  });

  it('"born at home, address …" in the first message keeps the home birth and its house', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.send('birth certificate for my son Kabir, born at home, address 12/11 Gandhi Nagar Jaipur');
    expect(formOf(d).fields).toMatchObject({
      placeOfBirthType: 'home',
      placeOfBirth: '12/11 Gandhi Nagar Jaipur',
      address: '12/11 Gandhi Nagar Jaipur',
    });
  });
});

describe("birth certificate: a free-text question does not take another question's answer", () => {
  it.each([
    ['at home', 'mummy ka naam Sunita'],
    ['hospital', 'mummy ka naam Sunita'],
    ['at home', 'माँ का नाम सुनीता'],
  ])("asked for the place (%s), %j is the mother's name only", async (type, text) => {
    const d = await atPlaceType('hinglish');
    await d.send(type);
    expect(formOf(d).asking).toBe('placeOfBirth');
    await d.send(text);
    const form = formOf(d);
    expect(form.fields.placeOfBirth).toBeUndefined();
    expect(form.fields.motherName).toMatch(/^(?:Sunita|सुनीता)$/);
    expect(form.asking).toBe('placeOfBirth');
  });

  it('asked for the house, "Mata Mandir Road, Rampur" is the house, no mother named "Mandir Road"', async () => {
    const d = await atPlaceType('en');
    await d.send('at home');
    await d.send('Mata Mandir Road, Rampur');
    expect(formOf(d).fields.placeOfBirth).toBe('Mata Mandir Road, Rampur');
    expect(formOf(d).fields.motherName).toBeUndefined();
  });

  it('asked for the house of a home birth, a PIN alone is no address', async () => {
    const d = await atPlaceType('en');
    await d.send('at home');
    await d.send('208001');
    expect(formOf(d).fields.placeOfBirth).toBeUndefined();
    expect(formOf(d).asking).toBe('placeOfBirth');
  });

  it('asked for the hospital, a house number and street is no hospital; a hospital with a number still is', async () => {
    const d = await atPlaceType('hi');
    await d.send('अस्पताल में');
    await d.send('21 गांधी मार्ग');
    expect(formOf(d).fields.placeOfBirth).toBeUndefined();
    expect(formOf(d).asking).toBe('placeOfBirth');
    await d.send('24 Care Hospital');
    expect(formOf(d).fields.placeOfBirth).toMatch(/Care Hospital/i);
  });

  async function atAddress() {
    const d = await atPlaceType('en');
    await d.tap('place:hospital', 'Hospital');
    await d.send('Apollo Hospital');
    await d.send('Sunita');
    await d.send('Ramesh');
    expect(formOf(d).asking).toBe('address');
    return d;
  }

  it.each(['pin 208001', 'पिन 208001'])(
    "asked for the parents' address, %j is the PIN only",
    async (text) => {
      const d = await atAddress();
      await d.send(text);
      const form = formOf(d);
      expect(form.fields.address).toBeUndefined();
      expect(form.fields.pinCode).toBe('208001');
      expect(form.asking).toBe('address');
    },
  );

  it.each(['mai papa hoon', 'I am the father', 'मैं पिता हूँ'])(
    "asked for the parents' address, %j says who reports the birth, no address",
    async (text) => {
      const d = await atAddress();
      await d.send(text);
      const form = formOf(d);
      expect(form.fields.address).toBeUndefined();
      expect(form.fields.informantName).toBe('Ramesh');
      expect(form.asking).toBe('address');
    },
  );

  it("asked for the address, 'mummy ka naam Sunita' is no address", async () => {
    const d = await atAddress();
    await d.send('mummy ka naam Sunita');
    expect(formOf(d).fields.address).toBeUndefined();
    expect(formOf(d).asking).toBe('address');
  });

  it('"वही पता" after a home birth in a village is the house given before, not the PIN sent next', async () => {
    const d = createDriver({ now: NOW, lang: 'hi' });
    for (const text of [
      'बेटी का जन्म प्रमाण पत्र',
      'नाम अनन्या',
      '3 दिसंबर',
      'घर पर',
      'ग्राम मझगवां, पोस्ट बिधनू, कानपुर',
      'संगीता',
      'प्रमोद कुमार',
    ])
      await d.send(text);
    expect(formOf(d).asking).toBe('address');
    await d.send('वही पता');
    expect(formOf(d).fields.address).toBe('ग्राम मझगवां, पोस्ट बिधनू, कानपुर');
  });

  it('a real address still reads, with its PIN', async () => {
    const d = await atAddress();
    await d.send('12 Gandhi Nagar, Kanpur 208001');
    expect(formOf(d).fields).toMatchObject({ address: '12 Gandhi Nagar, Kanpur 208001', pinCode: '208001' });
  });
});
