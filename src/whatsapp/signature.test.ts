import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './signature.js';

const secret = 'app-secret';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
const good = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('verifySignature', () => {
  it('accepts Meta’s header for the raw bytes', () => {
    expect(verifySignature(body, good, secret)).toBe(true);
    expect(signBody(body, secret)).toBe(good);
  });

  it('accepts upper-case hex and a Uint8Array body', () => {
    expect(verifySignature(new Uint8Array(body), `sha256=${good.slice(7).toUpperCase()}`, secret)).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['no prefix', good.slice(7)],
    ['sha1 prefix', `sha1=${good.slice(7)}`],
    ['truncated', good.slice(0, -2)],
    ['too long', `${good}00`],
    ['not hex', `sha256=${'z'.repeat(64)}`],
    ['one digit off', `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`],
  ])('rejects a %s header', (_, header) => {
    expect(verifySignature(body, header, secret)).toBe(false);
  });

  it('rejects the right header for other bytes or another secret', () => {
    expect(verifySignature(Buffer.from(`${body} `), good, secret)).toBe(false);
    expect(verifySignature(body, good, 'other-secret')).toBe(false);
    expect(verifySignature(body, good, '')).toBe(false);
  });
});
