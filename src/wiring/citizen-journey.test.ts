import { afterEach, describe, expect, it } from 'vitest';
import { ENGLISH_BIRTH_RECORD, englishBirthUpToSummary } from '../testing/english-birth-application.js';
import { usePgTestDatabase } from '../testing/pg-test-database.js';
import { type Journey, startJourney } from '../testing/service-journey.js';
import { type DialectName, testDialects } from '../testing/store-dialects.js';
import { buttonDelivery } from '../testing/whatsapp-payloads.js';

const NOW = new Date('2026-11-24T06:30:00Z');

const open: Journey[] = [];
afterEach(async () => {
  for (const j of open.splice(0)) await j.close();
});

/** A JSON API read with the staff token (200 expected). */
async function api(r: Journey, path: string) {
  const res = await r.api(path);
  expect(res.status).toBe(200);
  return res.body;
}

// The whole service on 127.0.0.1 as `npm start` builds it, WhatsApp pointed at a local fake
// Graph API, on either database: the same journey must give the same record.
describe.each(testDialects)('on %s', (dialect: DialectName) => {
  const database = dialect === 'postgres' ? usePgTestDatabase() : null;
  const journey = async () => {
    const j = await startJourney({ now: NOW, ...(database ? { databaseUrl: database.url() } : {}) });
    open.push(j);
    return j;
  };

  describe('a citizen applies for a birth certificate over WhatsApp, end to end', () => {
    it('in Hindi: Devanagari replies, and the JSON API shows the application', async () => {
      const r = await journey();
      const waId = '919812345678';
      await r.say(waId, 'मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है');
      await r.say(waId, 'बेटी का नाम अनाया है, जन्म 20 नवंबर 2026 को जिला अस्पताल सीतापुर में हुआ');
      await r.say(waId, 'माँ का नाम रेखा देवी, पिता का नाम सुरेश कुमार');
      await r.say(waId, 'पता वार्ड 4, सीतापुर, पिन 261001');
      await r.tap(waId, 'informant:mother', 'मैं माँ हूँ');
      expect(r.received(waId).at(-1)).toContain('क्या सब कुछ सही है?');
      await r.tap(waId, 'confirm:yes', 'हाँ, जमा करें');

      const { items } = await api(r, `/api/applications?phone=${waId}`);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        status: 'submitted',
        phone: waId,
        childName: 'अनाया',
        sex: 'female',
        dateOfBirth: '2026-11-20',
        placeOfBirthType: 'hospital',
        motherName: 'रेखा देवी',
        fatherName: 'सुरेश कुमार',
        district: 'Sitapur',
        pinCode: '261001',
        language: 'hi',
      });
      const reference = items[0].reference as string;
      expect(reference).toMatch(/^BC-2026-\d{6}$/);
      const last = r.received(waId).at(-1) ?? '';
      expect(last).toContain(reference);
      // Devanagari in, Devanagari out: the reply's letters are Devanagari, not Latin
      const letters = last.replace(/BC-\d{4}-\d{6}/g, '');
      expect((letters.match(/[\u0900-\u097F]/g) ?? []).length).toBeGreaterThan(
        (letters.match(/[A-Za-z]/g) ?? []).length,
      );
    });

    it('in English: English replies, and the JSON API shows the application', async () => {
      const r = await journey();
      const waId = '919876500011';
      await englishBirthUpToSummary(r, waId);
      expect(r.received(waId).at(-1)).toContain('Is everything correct?');
      await r.tap(waId, 'confirm:yes', 'Yes, submit');

      const { items } = await api(r, `/api/applications?phone=${waId}`);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ status: 'submitted', ...ENGLISH_BIRTH_RECORD, language: 'en' });
      const last = r.received(waId).at(-1) ?? '';
      expect(last).toContain(items[0].reference as string);
      expect(last).not.toMatch(/[\u0900-\u097F]/);
    });

    it('the same delivery twice makes one application and one reply', async () => {
      const r = await journey();
      const waId = '919800000077';
      await englishBirthUpToSummary(r, waId);
      const yes = buttonDelivery({ waId, wamid: 'wamid.e2e.twice', id: 'confirm:yes', title: 'Yes, submit' });
      await r.deliver(yes);
      const before = r.graph.delivered().length;
      await r.deliver(yes);
      expect(r.graph.delivered().length).toBe(before);
      expect((await api(r, `/api/applications?phone=${waId}`)).items).toHaveLength(1);
    });
  });
});
