import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('scrypt passwords', () => {
  it('verifies the right password and refuses a wrong one; salts differ', async () => {
    const a = await hashPassword('सही पासवर्ड 123', { N: 1024 });
    const b = await hashPassword('सही पासवर्ड 123', { N: 1024 });
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('सही पासवर्ड 123', a)).toBe(true);
    expect(await verifyPassword('सही पासवर्ड 124', a)).toBe(false);
  });

  it('refuses malformed hashes', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$0$8$1$AA==$AA==')).toBe(false);
  });
});
