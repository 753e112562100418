import { describe, expect, it } from 'vitest';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../../testing/fake-openai-server.js';
import { useServiceJourneys } from '../../testing/service-journey.js';
import { testDialects } from '../../testing/store-dialects.js';

const NOW = new Date('2026-11-24T06:30:00Z');
describe.each(testDialects)('on %s', (dialect) => {
  const { journey, track, cases } = useServiceJourneys('caste_certificate', NOW, dialect);

  describe('caste certificate through the webhook, read back through /api/cases', () => {
    it('English, several facts in one message, a typo and lower case', async () => {
      const j = await journey();
      const waId = '919811100001';
      await j.say(waId, 'hi i need caste certficate for my daughter');
      await j.say(waId, 'pooja kumari');
      await j.say(waId, 'fathers name is Ram Prasad, caste is jatav');
      expect(j.received(waId).at(-1)).toContain('Which category?');
      await j.say(waId, 'sc');
      await j.say(waId, 'no');
      await j.say(waId, 'house 12 gandhi nagar bareilly 243001');
      await j.say(waId, 'bareilly');
      await j.say(waId, 'for college admission');
      await j.say(waId, 'skip');
      expect(j.received(waId).at(-1)).toContain('Is everything correct?');
      await j.tap(waId, 'confirm:yes', 'Yes, submit');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        service: 'caste_certificate',
        status: 'submitted',
        phone: waId,
        language: 'en',
        fields: {
          applicantName: 'pooja kumari',
          fatherOrHusbandName: 'Ram Prasad',
          caste: 'jatav',
          category: 'sc',
          subCaste: null,
          address: 'house 12 gandhi nagar bareilly 243001',
          district: 'Bareilly',
          pinCode: '243001',
          purpose: 'for college admission',
          documents: null,
        },
      });
      expect(items[0].reference).toMatch(/^CC-2026-\d{6}$/);
      expect(j.received(waId).at(-1)).toContain(items[0].reference as string);
    });

    it('Hindi (Devanagari): a photo of a document is attached; a status check finds it', async () => {
      const j = await journey();
      const waId = '919811100002';
      await j.say(waId, 'मुझे जाति प्रमाण पत्र बनवाना है');
      expect(j.received(waId).at(-1)).toContain('जाति प्रमाण पत्र किसके नाम से बनेगा');
      await j.say(waId, 'मेरा नाम सुनीता देवी है');
      await j.say(waId, 'पति का नाम रमेश कुमार');
      await j.say(waId, 'जाटव');
      await j.say(waId, 'अनुसूचित जाति');
      await j.say(waId, 'नहीं');
      await j.say(waId, 'मकान 45, गांधी नगर, सीतापुर');
      await j.say(waId, 'सीतापुर');
      await j.say(waId, '261001');
      await j.say(waId, 'बेटे के स्कूल दाख़िले के लिए');
      await j.photo(waId, 'media-ration-card');
      expect(j.received(waId).at(-1)).toContain('क्या सब कुछ सही है?');
      await j.tap(waId, 'confirm:yes', 'हाँ, जमा करें');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        language: 'hi',
        fields: {
          applicantName: 'सुनीता देवी',
          fatherOrHusbandName: 'रमेश कुमार',
          caste: 'जाटव',
          category: 'sc',
          subCaste: null,
          district: 'Sitapur',
          pinCode: '261001',
          documents: ['media-ration-card'],
        },
      });
      await j.say(waId, 'मेरे आवेदन की स्थिति');
      expect(j.received(waId).at(-1)).toContain(items[0].reference as string);
      expect(j.received(waId).at(-1)).toContain('जमा हो गया');
    });

    it('Hinglish, a correction that names the field and a misread answered with the buttons', async () => {
      const j = await journey();
      const waId = '919811100003';
      await j.say(waId, 'jati praman patra chahiye');
      await j.say(waId, 'Rakesh Yadav');
      await j.say(waId, 'pita ka naam Shyam Lal Yadav hai');
      await j.say(waId, 'yadav');
      await j.say(waId, 'pata nahi kaunsi');
      expect(j.received(waId).at(-1)).toContain('OBC');
      await j.tap(waId, 'form:choice:category:obc', 'OBC');
      await j.say(waId, 'skip');
      await j.say(waId, 'gaon rampur, post bhiti, varanasi');
      await j.say(waId, 'varanasi');
      await j.say(waId, '221101');
      await j.say(waId, 'naukri ke liye');
      await j.say(waId, 'skip');
      await j.say(waId, 'pita ka naam galat hai, sahi naam Shyam Lal hai');
      expect(j.received(waId).at(-1)).toContain('Shyam Lal');
      await j.tap(waId, 'confirm:yes', 'Haan');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        language: 'hinglish',
        fields: {
          fatherOrHusbandName: 'Shyam Lal',
          category: 'obc',
          district: 'Varanasi',
          pinCode: '221101',
        },
      });
    });
  });

  describe('caste certificate on the openai engine', () => {
    let ai: FakeOpenAIServer;
    it('the model sees the generated tool; its call is summarised, confirmed and stored', async () => {
      ai = track(await startFakeOpenAIServer());
      const j = await journey(ai.url);
      const waId = '919811100004';
      const args = {
        applicantName: 'Meena Kumari',
        fatherOrHusbandName: 'Suresh Kumar',
        caste: 'Kori',
        category: 'sc',
        subCaste: null,
        address: 'Ward 3, Rajajipuram, Lucknow',
        district: 'Lucknow',
        pinCode: '226017',
        purpose: 'scholarship',
        documents: null,
      };
      ai.push({ toolCall: { name: 'apply_caste_certificate', arguments: args } });
      await j.say(
        waId,
        'mujhe caste certificate chahiye, sab details: Meena Kumari, pita Suresh Kumar, Kori, SC …',
      );
      // the message names the service: its form goes with the first request (tool routing)
      const toolsOf = (i: number) => ai.requests[i].tools?.map((t) => t.function.name) ?? [];
      expect(toolsOf(0)).toContain('apply_caste_certificate');
      expect(toolsOf(0)).not.toContain('apply_income_certificate');
      expect(j.received(waId).at(-1)).toContain('Meena Kumari');
      ai.push({ toolCall: { name: 'apply_caste_certificate', arguments: args } }, { reply: 'Ho gaya!' });
      await j.tap(waId, 'confirm:yes', 'Haan');
      // the confirmation's turn carries the form in both of its requests
      expect(toolsOf(1)).toContain('apply_caste_certificate');
      expect(toolsOf(2)).toContain('apply_caste_certificate');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0].fields).toEqual(args);
    });
  });
});
