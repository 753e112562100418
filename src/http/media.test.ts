import { describe, expect, it } from 'vitest';
import { applyBirthCertificate } from '../../tools/apply-birth-certificate.js';
import { createPaymentQr } from '../../tools/create-payment-qr.js';
import { toolContext } from '../../tools/test-context.js';
import { openDatabase } from '../db/open-database.js';
import { createMediaRoutes } from './media.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const now = new Date('2026-06-15T04:30:00Z');

async function withPayment() {
  const db = openDatabase({ path: ':memory:' });
  await applyBirthCertificate.run(
    {
      childName: null,
      sex: 'male',
      dateOfBirth: '2026-05-01',
      placeOfBirthType: 'hospital',
      placeOfBirth: 'PHC Mahmudabad',
      motherName: 'Rekha',
      fatherName: 'Suresh',
      address: 'Village Rampur, Sitapur',
      district: 'Sitapur',
      pinCode: '261203',
      informantName: null,
    },
    toolContext(db, { now }),
  );
  const result = await createPaymentQr.run({ forReference: 'BC-2026-000001' }, toolContext(db, { now }));
  if (!result.ok || result.messages?.[0]?.kind !== 'image') throw new Error('no QR');
  return { db, path: new URL(result.messages[0].url).pathname };
}

describe('GET /media/qr/:token.png', () => {
  it('serves the QR as a PNG with cache headers', async () => {
    const { db, path } = await withPayment();
    const res = await createMediaRoutes({ db }).request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400, immutable');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR: a square about 512 px wide (qrcode rounds to whole pixels per module)
    const view = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.slice(12, 16))).toBe('IHDR');
    expect(view.getUint32(16)).toBe(view.getUint32(20));
    expect(view.getUint32(16)).toBeGreaterThan(448);
    expect(view.getUint32(16)).toBeLessThanOrEqual(512);
  });

  it('404s unknown and malformed tokens', async () => {
    const { db, path } = await withPayment();
    const app = createMediaRoutes({ db });
    const wrong = path.replace(/\/[^/]+\.png$/, `/${'A'.repeat(43)}.png`);
    const statuses = await Promise.all(
      [wrong, path.replace('.png', '.gif'), '/media/qr/x.png', path.replace('.png', '')].map(
        async (p) => (await app.request(p)).status,
      ),
    );
    expect(statuses).toEqual([404, 404, 404, 404]);
  });

  it('404s an expired QR', async () => {
    const { db, path } = await withPayment();
    db.$client.prepare("update payments set status = 'expired'").run();
    expect((await createMediaRoutes({ db }).request(path)).status).toBe(404);
  });
});
