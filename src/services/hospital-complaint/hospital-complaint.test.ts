import { describe, expect, it } from 'vitest';
import { useServiceJourneys } from '../../testing/service-journey.js';
import { testDialects } from '../../testing/store-dialects.js';

const NOW = new Date('2026-06-15T04:30:00Z');

describe.each(testDialects)('on %s', (dialect) => {
  const { journey, cases } = useServiceJourneys('hospital_complaint', NOW, dialect);

  describe('a hospital complaint through the webhook, read back through /api/cases', () => {
    it('Hinglish, in one message: filed anonymously, and a status check finds it', async () => {
      const j = await journey();
      const waId = '919844400001';
      await j.say(
        waId,
        'Jila aspatal Varanasi mein delivery ke liye nurse ne 2000 rupaye rishwat maange, shikayat karni hai',
      );
      await j.say(waId, '3 din pehle');
      await j.say(waId, 'haan naam gupt rakhna');
      expect(j.received(waId).at(-1)).toContain('Ghatna ki tareekh: 12/06/2026');
      await j.tap(waId, 'confirm:yes', 'Haan, submit karo');
      const items = await cases(j, waId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        status: 'received',
        language: 'hinglish',
        fields: {
          district: 'Varanasi',
          category: 'bribery_or_fees',
          incidentDate: '2026-06-12',
          anonymous: true,
        },
      });
      const reference = items[0].reference as string;
      expect(reference).toMatch(/^HC-2026-\d{6}$/);
      expect(j.received(waId).at(-1)).toContain(reference);
      await j.say(waId, 'meri shikayat ka kya hua?');
      const status = j.received(waId).at(-1) ?? '';
      expect(status).toContain(`${reference} (aspatal shikayat): Mil gayi`);
    });
  });
});
