import { describe, expect, it } from 'vitest';
import { applicationRows, complaintRows } from '../../cases/legacy-rows.js';
import { loadCatalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { argsOf, createDriver } from './test-driver.js';

// Issue 10: commands win over answers, corrections go where they point, places as people write them.
const catalogue = loadCatalogue();
const t = (lang: Lang, key: string, params?: Record<string, string | number>) =>
  catalogue.t(lang, `offline.${key}`, params);
const NOW = new Date('2026-11-24T04:30:00Z');
const formOf = (d: { state: unknown }) =>
  (d.state as { form?: { fields: Record<string, unknown>; asking: string | null } | null }).form ?? null;

async function complaintAtHospital(lang: Lang) {
  const d = createDriver({ now: NOW, lang });
  await d.tap('menu:complaint', 'Hospital complaint');
  return d;
}

describe('commands typed while a question is pending', () => {
  it('"delete my data" on the hospital question is the request, never the hospital', async () => {
    const d = await complaintAtHospital('en');
    const turn = await d.send('delete my data');
    expect(turn.calls.map((c) => c.name)).toEqual(['delete_my_data']);
    expect(formOf(d)?.fields.hospitalName).toBeUndefined();
  });

  it('cancel mid-form ends it, in Hinglish, and nothing is filed', async () => {
    const d = await complaintAtHospital('hinglish');
    await d.send('district hospital sitapur');
    const turn = await d.send('cancel kar do');
    expect(turn.text).toBe(t('hinglish', 'cancelled.complaint'));
    expect(formOf(d)).toBeNull();
    expect(complaintRows(d.db)).toEqual([]);
  });

  it('"start again" drops every earlier answer: the new summary holds only the new details', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.send('I want a birth certificate');
    await d.send('Aarav');
    await d.tap('sex:male', 'Boy');
    let turn = await d.send('start again');
    expect(turn.text).toContain(t('en', 'form.restarted'));
    expect(turn.text).toContain(t('en', 'ask.childName'));
    expect(formOf(d)?.fields).toEqual({});
    turn = await d.send('Diya');
    expect(formOf(d)?.fields).toEqual({ childName: 'Diya' });
  });

  it('a question about fees is answered and the pending question asked again, in Hindi', async () => {
    const d = createDriver({ now: NOW, lang: 'hi' });
    await d.send('जन्म प्रमाण पत्र बनवाना है');
    const turn = await d.send('फीस कितनी है?');
    expect(turn.text).toContain(t('hi', 'form.faq.fees_delay', { free: 21, amount: '₹50' }));
    expect(turn.text).toContain(t('hi', 'ask.childName'));
    expect(formOf(d)?.fields).toEqual({});
  });
});

describe('corrections and places', () => {
  it('"the date of birth is 22 November, not 23 November" changes the date, asked or not', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.send('birth certificate for my daughter Diya, born on 23 November 2026');
    await d.send('the date of birth is 22 November, not 23 November');
    expect(formOf(d)?.fields).toMatchObject({ childName: 'Diya', dateOfBirth: '2026-11-22' });
  });

  it('a district short form is confirmed with its full name before it is kept', async () => {
    const d = await complaintAtHospital('en');
    await d.send('KGMU trauma centre');
    let turn = await d.send('lko');
    expect(turn.text).toContain('Lucknow');
    expect(formOf(d)?.fields.district).toBeUndefined();
    turn = await d.tap('form:yes', 'Yes');
    expect(formOf(d)?.fields.district).toBe('Lucknow');
  });

  it('"वही जो ऊपर बताया" on the parents\' address copies the home address given before', async () => {
    const d = createDriver({ now: NOW, lang: 'hi' });
    await d.send('बेटी का जन्म प्रमाण पत्र, नाम दिया, जन्म 20 नवंबर 2026');
    await d.send('घर पर');
    await d.send('मकान 45, गांधी नगर, बरेली');
    await d.send('रेखा देवी');
    await d.send('सुरेश कुमार');
    await d.send('वही जो ऊपर बताया');
    expect(formOf(d)?.fields.address).toBe('मकान 45, गांधी नगर, बरेली');
  });

  it('a correction at the summary in Hindi changes the mother, not the informant field alone', async () => {
    const d = createDriver({ now: NOW, lang: 'hi' });
    await d.send(
      'बेटी का जन्म प्रमाण पत्र, नाम दिया, जन्म 20/11/2026, घर पर, 5 नेहरू कॉलोनी लखनऊ 226016, माँ रीता, पिता सुरेश, मैं माँ हूँ',
    );
    const turn = await d.send('माँ का नाम गलत लिखा गया, सही नाम रेखा देवी है');
    expect(turn.summary).toBe(true);
    expect(argsOf(turn, 'apply_birth_certificate')).toMatchObject([
      { motherName: 'रेखा देवी', informantName: 'रेखा देवी' },
    ]);
    expect(applicationRows(d.db)).toEqual([]);
  });
});
