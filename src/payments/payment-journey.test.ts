import { describe, expect, it } from 'vitest';
import { useServiceJourneys } from '../testing/service-journey.js';
import { testDialects } from '../testing/store-dialects.js';

const NOW = new Date('2026-11-24T06:30:00Z');

describe.each(testDialects)('on %s', (dialect) => {
  const { journey, cases } = useServiceJourneys('death_certificate', NOW, dialect);

  it('a late registration’s fee: the QR, the provider’s confirmation, one receipt', async () => {
    const j = await journey();
    const waId = '919855500001';
    for (const m of [
      'मृत्यु प्रमाण पत्र बनवाना है',
      'कमला देवी',
      'महिला',
      '20/10/2026',
      '65 साल',
      'घर पर',
      'मकान 7, शिवपुरी, बरेली',
      'पति का नाम श्याम लाल',
      'मकान 7, शिवपुरी, बरेली',
      'बरेली',
      '243001',
      'राजेश कुमार',
    ])
      await j.say(waId, m);
    await j.tap(waId, 'confirm:yes', 'हाँ, जमा करें');
    const [application] = await cases(j, waId);
    await j.say(waId, 'फीस कैसे भरूँ');
    await j.say(waId, 'हाँ QR भेजो');
    const qr = j.graph
      .delivered()
      .map((d) => d.body as { type: string; image?: { link: string; caption: string } })
      .find((b) => b.type === 'image');
    expect(qr?.image?.caption).toContain(application.reference as string);
    const payRef = /PAY-2026-\d{6}/.exec(qr?.image?.caption ?? '')?.[0] ?? '';
    expect(payRef).not.toBe('');
    // the QR the citizen scans is served by whichever instance the link reaches
    const png = await fetch(`${j.base}${new URL(qr?.image?.link ?? '').pathname}`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');

    const confirmation = {
      paymentReference: payRef,
      providerTxnId: 'UPI-4455',
      amountPaise: 5000,
      status: 'success',
    };
    expect(await j.confirmPayment({ ...confirmation, amountPaise: 4000 })).toMatchObject({
      status: 409,
      body: { error: 'amount_mismatch' },
    });
    expect(await j.confirmPayment(confirmation)).toEqual({
      status: 200,
      body: { status: 'paid', reference: payRef, duplicate: false },
    });
    const receipt = j.received(waId).at(-1) ?? '';
    expect(receipt).toContain(payRef);
    expect(receipt).toContain('UPI-4455');
    const sent = j.graph.delivered().length;
    expect(await j.confirmPayment(confirmation)).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(j.graph.delivered()).toHaveLength(sent);
  });
});
