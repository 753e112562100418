import { expect, it } from 'vitest';
import { maskPhone } from './mask-phone.js';

it('keeps the country code and the last four digits', () => {
  expect([maskPhone('919876545678'), maskPhone('14155550123'), maskPhone('123')]).toEqual([
    '91••••••5678',
    '14•••••0123',
    '•••',
  ]);
});
