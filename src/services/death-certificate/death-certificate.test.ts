import { describe, expect, it } from 'vitest';
import { startFakeOpenAIServer } from '../../testing/fake-openai-server.js';
import { useServiceJourneys } from '../../testing/service-journey.js';
import { testDialects } from '../../testing/store-dialects.js';
import { readAgeAtDeath } from './age-at-death.js';
import { deathCertificate } from './definition.js';

describe('the age at death is whole years, and only an exact one', () => {
  const NOW0 = new Date('2026-11-24T06:30:00Z');
  const read = (text: string) => deathCertificate.fields.ageAtDeath.read?.(text, NOW0, {});

  it.each([
    ['72 years', 72],
    ['she was 78', 78],
    ['82 yrs', 82],
    ['65 साल', 65],
    ['58 saal', 58],
    ['69', 69],
    ['उम्र गलत है, सही उम्र 71 है', 71],
    ['age 61, date of death 20/11/2026', 61],
    ['15 nov 2026, age 72', 72],
    ['70 saal, 3 din se bimar the', 70],
    ['0', 0],
  ])('%j → %i', (text, years) => {
    expect(read(text)).toBe(years);
  });

  it.each([
    ['6 mahine', 0],
    ['6 months old baby', 0],
    ['छह महीने का था', 0],
    ['2 din ka bachcha tha', 0],
    ['३ दिन', 0],
    ['ek din ka', 0],
    ['5 ghante', 0],
    ['18 mahine', 1],
    ['1 saal 6 mahine', 1],
  ])("an infant's %j is %i whole years, not the months or days as years", (text, years) => {
    expect(read(text)).toBe(years);
  });

  it.each([
    '65-70',
    '65 se 70',
    '65 से 70 साल',
    '70 ya 72',
    'lagbhag 70',
    'about 70',
    'around 70 years',
    'करीब 65 साल',
    '70 ke aas paas',
    '70 saal ke honge',
    '65+',
    'in his 60s',
    'pata nahi, shayad 70',
    '2 din pehle',
    '200',
  ])('%j is no exact age: asked again, never stored', (text) => {
    expect(read(text)).toBeNull();
    expect(readAgeAtDeath(text)).toBeNull();
  });
});

const NOW = new Date('2026-11-24T06:30:00Z');
describe.each(testDialects)('on %s', (dialect) => {
  const { journey, track, cases } = useServiceJourneys('death_certificate', NOW, dialect);

  describe('death registration through the webhook, read back through /api/cases', () => {
    it('English, within 21 days: free; age and place read as written', async () => {
      const j = await journey();
      const waId = '919833300001';
      await j.say(waId, 'i need to register my fathers death');
      expect(j.received(waId).at(-1)).toContain('full name of the person who passed away');
      await j.say(waId, 'Shri Ram Lal Gupta');
      await j.say(waId, 'male');
      await j.say(waId, '15 november 2026');
      await j.say(waId, '72 years');
      await j.say(waId, 'at the hospital');
      await j.say(waId, 'district hospital sitapur');
      await j.say(waId, 'Mohan Lal Gupta');
      await j.say(waId, '14 station road, sitapur 261001');
      await j.say(waId, 'sitapur');
      await j.say(waId, 'Suresh Gupta');
      expect(j.received(waId).at(-1)).toContain('Registration within 21 days is free');
      await j.tap(waId, 'confirm:yes', 'Yes, submit');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        status: 'submitted',
        language: 'en',
        fields: {
          deceasedName: 'Shri Ram Lal Gupta',
          sex: 'male',
          dateOfDeath: '2026-11-15',
          ageAtDeath: 72,
          placeOfDeathType: 'hospital',
          placeOfDeath: 'district hospital sitapur',
          fatherOrHusbandName: 'Mohan Lal Gupta',
          district: 'Sitapur',
          pinCode: '261001',
          informantName: 'Suresh Gupta',
        },
      });
      expect(items[0].reference).toMatch(/^DC-2026-\d{6}$/);
    });

    it('Hindi (Devanagari), after 21 days: the late fee is in the summary and on the case', async () => {
      const j = await journey();
      const waId = '919833300002';
      await j.say(waId, 'मृत्यु प्रमाण पत्र बनवाना है');
      await j.say(waId, 'कमला देवी');
      await j.say(waId, 'महिला');
      await j.say(waId, '20/10/2026');
      await j.say(waId, '65 साल');
      await j.say(waId, 'घर पर');
      await j.say(waId, 'मकान 7, शिवपुरी, बरेली');
      await j.say(waId, 'पति का नाम श्याम लाल');
      await j.say(waId, 'मकान 7, शिवपुरी, बरेली');
      await j.say(waId, 'बरेली');
      await j.say(waId, '243001');
      await j.say(waId, 'राजेश कुमार');
      expect(j.received(waId).at(-1)).toContain('विलंब शुल्क: ₹50');
      await j.tap(waId, 'confirm:yes', 'हाँ, जमा करें');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        language: 'hi',
        fields: {
          deceasedName: 'कमला देवी',
          sex: 'female',
          dateOfDeath: '2026-10-20',
          ageAtDeath: 65,
          placeOfDeathType: 'home',
        },
      });
    });

    it('Hinglish, over a year ago: the magistrate order is explained and nothing is submitted', async () => {
      const j = await journey();
      const waId = '919833300003';
      await j.say(waId, 'dadaji ka mrityu praman patra banwana hai');
      await j.say(waId, 'Hari Prasad');
      await j.say(waId, 'purush');
      await j.say(waId, '10/05/2025');
      expect(j.received(waId).at(-1)).toContain('Magistrate');
      expect(await cases(j, waId)).toHaveLength(0);
    });

    it('Hinglish, an infant: "6 mahine" is 0 years in the summary and on the case, a range is asked again', async () => {
      const j = await journey();
      const waId = '919833300005';
      await j.say(waId, 'death certificate banwana hai');
      await j.say(waId, 'baby of sunita');
      await j.say(waId, 'purush');
      await j.say(waId, 'pichle mahine');
      expect(j.received(waId).at(-1)).toContain('Nidhan kis tareekh ko hua?');
      await j.say(waId, 'pichle mahine ki 5 tareekh');
      expect(j.received(waId).at(-1)).toContain('Unki umar kitne saal thi?');
      await j.say(waId, '65-70');
      expect(j.received(waId).at(-1)).toContain('Unki umar kitne saal thi?');
      await j.say(waId, '6 mahine');
      await j.say(waId, 'ghar pe');
      await j.say(waId, 'gaon sarai, post jalalpur, jaunpur');
      await j.say(waId, 'pita ka naam ramesh');
      await j.say(waId, 'gaon sarai post jalalpur jaunpur');
      await j.say(waId, 'jaunpur');
      await j.say(waId, '222136');
      await j.say(waId, 'mera naam ramesh hai');
      const summary = j.received(waId).at(-1) ?? '';
      expect(summary).toContain('Mrityu ke samay umar: 0 saal');
      expect(summary).toContain('Mrityu ki tithi: 05/10/2026');
      await j.tap(waId, 'confirm:yes', 'Haan, submit karo');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0].fields).toMatchObject({ ageAtDeath: 0, dateOfDeath: '2026-10-05' });
    });

    it('on the openai engine: the generated tool, its late-fee summary and the stored case', async () => {
      const ai = track(await startFakeOpenAIServer());
      const j = await journey(ai.url);
      const waId = '919833300004';
      const args = {
        deceasedName: 'Ram Sahai',
        sex: 'male',
        dateOfDeath: '2026-11-20',
        ageAtDeath: 80,
        placeOfDeathType: 'home',
        placeOfDeath: 'Village Belwa, Pratapgarh',
        fatherOrHusbandName: 'Shiv Sahai',
        address: 'Village Belwa, Pratapgarh',
        district: 'Pratapgarh',
        pinCode: '230204',
        informantName: 'Mahesh Sahai',
      };
      ai.push({ toolCall: { name: 'apply_death_certificate', arguments: args } });
      await j.say(waId, 'mere pitaji Ram Sahai ka 20 november ko ghar par nidhan hua …');
      expect(j.received(waId).at(-1)).toContain('Ram Sahai');
      ai.push({ toolCall: { name: 'apply_death_certificate', arguments: args } }, { reply: 'Ho gaya.' });
      await j.tap(waId, 'confirm:yes', 'Haan');
      expect((await cases(j, waId))[0].fields).toEqual(args);
    });
  });
});
