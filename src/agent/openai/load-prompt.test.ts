import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import {
  listPromptVariants,
  loadSystemPrompt,
  PromptVariantNotFoundError,
  renderSystemPrompt,
} from './load-prompt.js';

describe('system prompt files', () => {
  it.each(['default', 'concise'])('%s has every placeholder and stays compact', (variant) => {
    const template = loadSystemPrompt({ variant });
    for (const p of ['{{language}}', '{{today}}', '{{pending}}']) expect(template).toContain(p);
    // prompt + the tools of a request must stay under 1,500 tokens (real-tools.test.ts); the prompt gets a quarter
    expect(
      encode(renderSystemPrompt(template, { lang: 'hi', today: '2026-11-24', pending: null })).length,
    ).toBeLessThan(380);
  });

  it('lists the variants in the folder', () => {
    expect(listPromptVariants()).toEqual(expect.arrayContaining(['concise', 'default']));
  });

  it('names the available variants when one is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
    writeFileSync(join(dir, 'alpha.md'), 'A');
    writeFileSync(join(dir, 'beta.md'), 'B');
    expect(loadSystemPrompt({ variant: 'beta', dir })).toBe('B');
    let err: unknown;
    try {
      loadSystemPrompt({ variant: 'gamma', dir });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PromptVariantNotFoundError);
    expect(err).toMatchObject({ variant: 'gamma', available: ['alpha', 'beta'] });
    expect(() => loadSystemPrompt({ variant: '../alpha', dir })).toThrow(PromptVariantNotFoundError);
  });
});

describe('renderSystemPrompt', () => {
  const template = 'Reply in {{language}}. Today is {{today}}. {{ unknown }}{{pending}}';

  it.each([
    ['hi', 'Hindi in Devanagari'],
    ['en', 'English'],
    ['hinglish', 'Hinglish: Hindi in Latin script'],
  ] as const)('names the reply language for %s', (lang, name) => {
    expect(renderSystemPrompt(template, { lang, today: '2026-11-24', pending: null })).toBe(
      `Reply in ${name}. Today is 2026-11-24. {{ unknown }}`,
    );
  });

  it("gives today's date in India", () => {
    // 20:00 UTC is already the next day in India
    const out = renderSystemPrompt('{{today}}', {
      lang: 'en',
      today: new Date('2026-11-24T20:00:00Z'),
      pending: null,
    });
    expect(out).toBe('2026-11-25');
  });

  it('tells the model which summary waits for a yes', () => {
    const out = renderSystemPrompt('Base.{{pending}}', {
      lang: 'en',
      today: '2026-11-24',
      pending: {
        tool: 'create_payment_qr',
        args: { reference: 'BC-2026-000123' },
        inboundId: 3,
        createdAt: 0,
      },
    });
    expect(out).toBe(
      [
        'Base.',
        'Shown for confirmation: create_payment_qr {"reference":"BC-2026-000123"}',
        'On a yes (haan, हाँ, the Yes button) call create_payment_qr again with exactly these arguments; on a change, ask what to change; on a cancel, do not call it.',
      ].join('\n'),
    );
  });
});
