import { describe, expect, it } from 'vitest';
import { startFakeOpenAIServer } from '../../testing/fake-openai-server.js';
import { useServiceJourneys } from '../../testing/service-journey.js';
import { testDialects } from '../../testing/store-dialects.js';

const NOW = new Date('2026-11-24T06:30:00Z');
describe.each(testDialects)('on %s', (dialect) => {
  const { journey, track, cases } = useServiceJourneys('income_certificate', NOW, dialect);

  describe('income certificate through the webhook, read back through /api/cases', () => {
    it('English: "2.5 lakh" is 250000 rupees; an amount is not taken for the PIN', async () => {
      const j = await journey();
      const waId = '919822200001';
      await j.say(waId, 'need an income certificate for scholarship');
      await j.say(waId, 'Anil Kumar Verma');
      await j.say(waId, 'father Mohd. Irfan Khan');
      await j.say(waId, 'around 2.5 lakh per year');
      await j.say(waId, 'farming and some labour work');
      await j.say(waId, '22 ward 7, rampur village, varanasi');
      await j.say(waId, 'varanasi');
      await j.say(waId, '221007');
      await j.say(waId, 'scholarship form');
      expect(j.received(waId).at(-1)).toContain('Is everything correct?');
      await j.tap(waId, 'confirm:yes', 'Yes, submit');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        status: 'submitted',
        language: 'en',
        fields: {
          applicantName: 'Anil Kumar Verma',
          fatherOrHusbandName: 'Mohd. Irfan Khan',
          annualIncomeRupees: 250000,
          incomeSources: 'farming and some labour work',
          district: 'Varanasi',
          pinCode: '221007',
        },
      });
      expect(items[0].reference).toMatch(/^IC-2026-\d{6}$/);
    });

    it('Hindi (Devanagari): "ढाई लाख"; a later different amount is asked about, not taken', async () => {
      const j = await journey();
      const waId = '919822200002';
      await j.say(waId, 'आय प्रमाण पत्र चाहिए');
      await j.say(waId, 'रीना देवी');
      await j.say(waId, 'पति का नाम महेश प्रसाद है');
      await j.say(waId, 'ढाई लाख');
      await j.say(waId, 'खेती से, आय 3 लाख');
      expect(j.received(waId).at(-1)).toContain('बदलकर');
      await j.tap(waId, 'form:no', 'नहीं');
      await j.say(waId, 'गाँव बेलवा, पोस्ट कुंडा, प्रतापगढ़');
      await j.say(waId, 'प्रतापगढ़');
      await j.say(waId, '230204');
      await j.say(waId, 'छात्रवृत्ति के लिए');
      await j.tap(waId, 'confirm:yes', 'हाँ, जमा करें');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        language: 'hi',
        fields: { annualIncomeRupees: 250000, fatherOrHusbandName: 'महेश प्रसाद', pinCode: '230204' },
      });
    });

    it('Hinglish: "50 hazaar", facts with labels in one message', async () => {
      const j = await journey();
      const waId = '919822200003';
      await j.say(
        waId,
        'aay praman patra banwana hai, mera naam Suresh Pal, pita ka naam Ram Pal, aay 50 hazaar saal ki',
      );
      await j.say(waId, 'mazdoori');
      await j.say(waId, 'makaan 9, nai basti, gorakhpur 273001');
      await j.say(waId, 'gorakhpur');
      await j.say(waId, 'ration card ke liye');
      await j.tap(waId, 'confirm:yes', 'Haan');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        language: 'hinglish',
        fields: {
          applicantName: 'Suresh Pal',
          fatherOrHusbandName: 'Ram Pal',
          annualIncomeRupees: 50000,
          incomeSources: 'mazdoori',
          pinCode: '273001',
        },
      });
    });

    it('Hinglish: a monthly income is asked again for the year, never stored as the yearly one', async () => {
      const j = await journey();
      const waId = '919822200005';
      await j.say(waId, 'aay praman patra chahiye');
      await j.say(waId, 'Ramesh Yadav');
      await j.say(waId, 'pita ka naam Shyam Yadav');
      await j.say(waId, '15 hazaar mahine ka');
      expect(j.received(waId).at(-1)).toContain('Yeh ek mahine ki aay hai');
      expect(j.received(waId).at(-1)).toContain('saal bhar ki kul aay');
      await j.say(waId, 'papa ki 8000 mahina aur meri 5000');
      // the second miss shows the example: the year's total of the whole family
      expect(j.received(waId).at(-1)).toContain('12 mahine');
      await j.say(waId, '1 lakh 80 hazaar');
      expect(j.received(waId).at(-1)).toContain('Aay kis se hoti hai');
      await j.say(waId, 'naukri');
      await j.say(waId, 'makaan 9, nai basti, gorakhpur 273001');
      await j.say(waId, 'gorakhpur');
      await j.say(waId, 'ration card ke liye');
      expect(j.received(waId).at(-1)).toContain('₹1,80,000');
      await j.tap(waId, 'confirm:yes', 'Haan');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0].fields).toMatchObject({ annualIncomeRupees: 180000 });
    });

    it('English: "12000 monthly" and "1 lakh 20" are asked again; "1.44 lakh a year" is taken', async () => {
      const j = await journey();
      const waId = '919822200006';
      await j.say(waId, 'income certificate');
      await j.say(waId, 'Anil Kumar');
      await j.say(waId, 'father Ram Kumar');
      await j.say(waId, '12000 monthly');
      expect(j.received(waId).at(-1)).toContain("family's total income in a year");
      await j.say(waId, '1 lakh 20');
      expect(j.received(waId).at(-1)).toContain('1 lakh 20 thousand');
      await j.say(waId, '1.44 lakh a year');
      expect(j.received(waId).at(-1)).toContain('Where does the income come from');
    });

    it('Hindi: "एक लाख से कम" is no amount; "दो लाख पचास हज़ार" is 2,50,000', async () => {
      const j = await journey();
      const waId = '919822200007';
      await j.say(waId, 'आय प्रमाण पत्र चाहिए');
      await j.say(waId, 'रीना देवी');
      await j.say(waId, 'पति का नाम महेश प्रसाद है');
      await j.say(waId, 'एक लाख से कम');
      expect(j.received(waId).at(-1)).toContain('सालाना कुल आय');
      await j.say(waId, 'दो लाख पचास हज़ार');
      await j.say(waId, 'खेती');
      await j.say(waId, 'गाँव बेलवा, पोस्ट कुंडा, प्रतापगढ़');
      await j.say(waId, 'प्रतापगढ़');
      await j.say(waId, '230204');
      await j.say(waId, 'छात्रवृत्ति के लिए');
      expect(j.received(waId).at(-1)).toContain('₹2,50,000');
      await j.tap(waId, 'confirm:yes', 'हाँ, जमा करें');
      const items = await cases(j, waId);
      expect(items[0]).toMatchObject({ language: 'hi', fields: { annualIncomeRupees: 250000 } });
    });

    it('on the openai engine: the generated tool is called, confirmed and stored', async () => {
      const ai = track(await startFakeOpenAIServer());
      const j = await journey(ai.url);
      const waId = '919822200004';
      const args = {
        applicantName: 'Kavita Singh',
        fatherOrHusbandName: 'Ajay Singh',
        annualIncomeRupees: 120000,
        incomeSources: 'shop',
        address: '14 Station Road, Kanpur',
        district: 'Kanpur Nagar',
        pinCode: '208001',
        purpose: 'scheme',
      };
      ai.push({ toolCall: { name: 'apply_income_certificate', arguments: args } });
      await j.say(waId, 'income certificate: Kavita Singh, w/o Ajay Singh, ₹1,20,000 from a shop …');
      expect(j.received(waId).at(-1)).toContain('₹1,20,000');
      ai.push({ toolCall: { name: 'apply_income_certificate', arguments: args } }, { reply: 'Done.' });
      await j.tap(waId, 'confirm:yes', 'Yes');
      expect((await cases(j, waId))[0].fields).toEqual(args);
    });
  });
});
