import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';

// The caste form's free-text questions (the address, the purpose) do not take an answer meant for
// another question: a PIN or a number alone, the speaker saying who they are, another's name.
const NOW = new Date('2026-11-24T06:30:00Z');

async function atAddress() {
  const d = createDriver({ now: NOW, lang: 'hinglish' });
  await d.send('caste certificate chahiye');
  await d.send('Sunita Devi');
  await d.send('Ramesh Kumar');
  await d.send('Jatav');
  await d.tap('form:choice:category:sc', 'SC');
  await d.send('skip');
  expect(formOf(d).asking).toBe('address');
  return d;
}

describe('caste certificate: free-text answers of another kind', () => {
  it.each(['pin 208001', '208001'])('asked for the address, %j is the PIN only', async (text) => {
    const d = await atAddress();
    await d.send(text);
    const form = formOf(d);
    expect(form.fields.address).toBeUndefined();
    expect(form.fields.pinCode).toBe('208001');
    expect(form.asking).toBe('address');
  });

  it.each(['mai papa hoon', 'मैं उसका भाई हूँ'])(
    'asked for the address, %j is no address (nor a name "hoon")',
    async (text) => {
      const d = await atAddress();
      await d.send(text);
      const form = formOf(d);
      expect(form.fields.address).toBeUndefined();
      expect(form.fields.fatherOrHusbandName).toBe('Ramesh Kumar');
      expect(form.proposal).toBeNull();
      expect(form.asking).toBe('address');
    },
  );

  it('asked for the address, "mummy ka naam Sunita" leaves no "mummy ka" behind', async () => {
    const d = await atAddress();
    await d.send('mummy ka naam Sunita');
    expect(formOf(d).fields.address).toBeUndefined();
  });

  it('asked for the purpose, a bare number is none; a purpose in words is', async () => {
    const d = await atAddress();
    await d.send('12 Gandhi Nagar');
    await d.send('Kanpur');
    await d.send('208001');
    expect(formOf(d).asking).toBe('purpose');
    await d.send('227301');
    expect(formOf(d).fields.purpose).toBeUndefined();
    // the PIN it might be is asked about, never changed unasked
    expect(formOf(d).fields.pinCode).toBe('208001');
    await d.tap('form:no', 'Nahi');
    expect(formOf(d).asking).toBe('purpose');
    await d.send('school admission ke liye');
    expect(formOf(d).fields.purpose).toBe('school admission ke liye');
  });
});
