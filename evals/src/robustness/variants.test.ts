import { describe, expect, it } from 'vitest';
import { caseSchema, type EvalCase } from '../case-schema.js';
import { parseSuiteFile } from '../load-cases.js';
import { codeMix, respell, translate, variantsOf } from './variants.js';

const scripted: EvalCase = caseSchema.parse({
  id: 'bc-hinglish-x',
  suite: 'birth-certificate',
  language: 'hinglish',
  tags: ['happy', 'critical'],
  turns: [
    { text: 'Namaste mujhe janm praman patra banwana hai', tool: 'none' },
    { text: 'aarav' },
    { text: 'ladka' },
    { text: 'Priya Verma', replyContains: ['Pita ka poora naam'] },
    { button: { id: 'confirm:yes', title: 'Haan, submit karo' }, replyContains: ['BC-2026-000001'] },
  ],
  expect: {
    applications: {
      count: 1,
      records: [{ childName: 'Aarav', motherName: 'Priya Verma', language: 'hinglish' }],
    },
  },
});

describe('the robustness suite generator', () => {
  it('writes a case in the other language forms, keeping the expected end state and the portable checks', () => {
    const { cases, skipped } = variantsOf(scripted, ['language']);
    const en = cases.find((c) => c.language === 'en')!;
    expect(en.id).toBe('bc-hinglish-x.var-en');
    expect(en.turns?.map((t) => t.text ?? t.button?.title)).toEqual([
      'hello I want to apply for a birth certificate',
      'aarav',
      'boy',
      'Priya Verma',
      'Yes, submit',
    ]);
    // wording checks belong to one language; the reference holds in all
    expect(en.turns?.[3].replyContains).toBeUndefined();
    expect(en.turns?.[4].replyContains).toEqual(['BC-2026-000001']);
    expect(en.expect).toEqual({
      applications: {
        count: 1,
        records: [{ childName: 'Aarav', motherName: 'Priya Verma', language: 'en' }],
      },
    });
    expect(en.tags).toEqual(['happy', 'generated', 'language']);
    const hi = cases.find((c) => c.language === 'hi');
    // "aarav" and "Priya Verma" have no Devanagari form in the lexicon: said so, not half-made
    expect(hi).toBeUndefined();
    expect(skipped).toEqual([{ id: 'bc-hinglish-x.var-hi', why: expect.stringContaining('aarav') }]);
  });

  it('an English message with a few words put in Hindi is not called Hinglish: the variant is skipped', () => {
    const english = caseSchema.parse({
      id: 'hc-en-x',
      suite: 'hospital-complaint',
      language: 'en',
      tags: ['happy'],
      turns: [
        {
          text: 'complaint: at the hospital in Patna the pharmacy had no medicines, they told us to buy everything outside',
        },
      ],
    });
    const { cases, skipped } = variantsOf(english, ['language']);
    expect(cases.find((c) => c.language === 'hinglish')).toBeUndefined();
    expect(skipped).toContainEqual({ id: 'hc-en-x.var-hinglish', why: expect.stringContaining('pharmacy') });
  });

  it('makes typo, lower-case, spelling and code-mixed variants that never touch the facts', () => {
    const { cases } = variantsOf(scripted, ['typos', 'lower', 'spelling', 'code-mix']);
    expect(cases.map((c) => c.id)).toEqual([
      'bc-hinglish-x.var-typos',
      'bc-hinglish-x.var-lower',
      'bc-hinglish-x.var-spelling',
      'bc-hinglish-x.var-code-mix',
    ]);
    for (const c of cases) {
      expect(c.expect).toEqual(scripted.expect);
      expect(c.turns?.[3].text).toBe('Priya Verma');
      expect(c.turns?.[0].text).not.toBe(scripted.turns?.[0].text);
    }
    expect(cases[2].turns?.[0].text).toMatch(/janam|janma/);
    expect(cases[2].turns?.[0].text).toMatch(/pramaan|pramān/);
    expect(cases[3].turns?.[0].text).toContain('birth certificate');
    expect(respell('janm praman patra', 's')).not.toBe('janm praman patra');
    expect(codeMix('अस्पताल की शिकायत', 'hi')).toBe('hospital की complaint');
    expect(translate('yes', 'en', 'hi')).toBe('हाँ');
  });

  it('varies a goal by the citizen, not the script: style variants, and language forms in the same script', () => {
    const goal = caseSchema.parse({
      id: 'sim-x',
      suite: 'sim',
      language: 'en',
      goal: { service: 'birth_certificate', facts: { childName: 'Aarav', sex: 'male', pinCode: '226016' } },
    });
    const { cases, skipped } = variantsOf(goal);
    expect(cases.map((c) => [c.id, c.language, c.goal?.style])).toEqual([
      ['sim-x.var-hinglish', 'hinglish', 'plain'],
      ['sim-x.var-typos', 'en', 'typos'],
      ['sim-x.var-lower', 'en', 'low_literacy'],
    ]);
    expect(skipped.map((s) => s.id)).toEqual(['sim-x.var-hi']);
  });

  it('the committed generated suite is a valid suite file', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../suites/generated/robustness.yaml', import.meta.url), 'utf8');
    const cases = parseSuiteFile(text, 'generated/robustness.yaml');
    expect(cases.length).toBeGreaterThan(10);
    expect(cases.every((c) => c.tags.includes('generated') && c.id.includes('.var-'))).toBe(true);
  });
});
