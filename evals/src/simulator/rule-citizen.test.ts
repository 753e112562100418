import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createOfflineEngine } from '../../../src/agent/offline/offline-engine.js';
import { loadCatalogue } from '../../../src/i18n/catalogue.js';
import { testPipelineSettings } from '../../../src/testing/pipeline-settings.js';
import { allTools } from '../../../tools/index.js';
import { caseSchema, type EvalCase } from '../case-schema.js';
import { runCaseTrial } from '../run-case.js';
import { createFieldQuestions } from './field-questions.js';
import { createRuleCitizen } from './rule-citizen.js';

const catalogue = loadCatalogue();
const engine = createOfflineEngine({ catalogue });
const deps = {
  engine,
  fallbackEngine: engine,
  tools: allTools,
  catalogue,
  logger: pino({ level: 'silent' }),
  settings: testPipelineSettings({ rateLimitPerMinute: 1000 }),
};
const questions = createFieldQuestions(catalogue);

const birthFacts = {
  childName: 'Aarav',
  sex: 'male',
  dateOfBirth: '2026-11-12',
  placeOfBirthType: 'hospital',
  placeOfBirth: 'City Care Hospital',
  motherName: 'Priya Verma',
  fatherName: 'Rohit Verma',
  address: '45 Ward 7 Rajendra Nagar',
  district: 'Lucknow',
  pinCode: '226016',
  informantName: 'father',
};
const goalCase = (
  id: string,
  language: EvalCase['language'],
  style: string,
  facts = birthFacts,
  submit = true,
) =>
  caseSchema.parse({
    id,
    suite: 'sim',
    language,
    goal: { service: 'birth_certificate', style, facts, submit },
  });

describe('field-questions', () => {
  it('reads what a reply asks from its buttons, the catalogue questions, or the words any engine would use', () => {
    const buttons = (ids: string[]) => [
      { kind: 'buttons' as const, text: '…', buttons: ids.map((id) => ({ id, title: id })) },
    ];
    expect(questions.read(buttons(['sex:male', 'sex:female']))).toMatchObject({
      kind: 'field',
      field: 'sex',
    });
    expect(questions.read(buttons(['confirm:yes', 'confirm:change']))).toMatchObject({ kind: 'summary' });
    for (const l of ['en', 'hi', 'hinglish'] as const)
      expect(questions.read([{ kind: 'text', text: catalogue.t(l, 'offline.ask.pinCode') }])).toMatchObject({
        field: 'pinCode',
      });
    // a model's own phrasing, which no catalogue holds
    expect(
      questions.read([{ kind: 'text', text: 'Thanks! Could you share the PIN code too?' }]),
    ).toMatchObject({
      field: 'pinCode',
    });
    expect(questions.read([{ kind: 'text', text: 'बहुत अच्छा। माता का नाम बताइए।' }])).toMatchObject({
      field: 'motherName',
    });
    expect(questions.read([{ kind: 'text', text: 'Okay.' }])).toMatchObject({ kind: 'unknown' });
  });
});

describe('the rule-based simulated citizen', () => {
  it('plays a goal to the end on the offline engine; the end-state oracle scores it', async () => {
    const r = await runCaseTrial(goalCase('sim-hinglish', 'hinglish', 'plain'), 0, deps);
    expect(r.simulation).toEqual({ simulator: 'rules', outcome: 'submitted' });
    expect(r.checks.filter((c) => !c.pass)).toEqual([]);
    expect(r.endState.applications).toHaveLength(1);
    expect(r.endState.applications[0]).toMatchObject({
      childName: 'Aarav',
      pinCode: '226016',
      district: 'Lucknow',
    });
    // it tapped the sex button (the form's `form:choice:sex:male`), not typed it
    expect(r.sent?.some((t) => /(^|:)sex:male$/.test(t.button?.id ?? ''))).toBe(true);
  });

  it('fails the case when the record is wrong, and records nothing when the citizen cancels', async () => {
    const wrong = {
      ...goalCase('sim-wrong', 'en', 'plain'),
      expect: { applications: { count: 1, records: [{ pinCode: '110001' }] } },
    };
    const r = await runCaseTrial(wrong, 0, deps);
    expect(r.scores.pass).toBe(false);
    expect(r.checks.find((c) => c.kind === 'end_state' && !c.pass)?.message).toContain('pinCode');
    const cancel = await runCaseTrial(goalCase('sim-cancel', 'hi', 'plain', birthFacts, false), 0, deps);
    expect(cancel.simulation?.outcome).toBe('cancelled');
    expect(cancel.endState.applications).toEqual([]);
    expect(cancel.scores.pass).toBe(true);
  });

  it('writes in its style: low literacy types instead of tapping, rambling pads, typos spare the facts, corrections follow slips', async () => {
    const sent = async (style: string, lang: EvalCase['language'] = 'hinglish') =>
      (await runCaseTrial(goalCase(`sim-${style}`, lang, style), 0, deps)).sent ?? [];
    const low = await sent('low_literacy');
    expect(low.every((t) => t.text !== undefined)).toBe(true);
    expect(low.map((t) => t.text).join(' ')).toMatch(/226 016/);
    expect(low.every((t) => t.text === t.text?.toLowerCase())).toBe(true);
    const rambling = await sent('rambling', 'en');
    expect(rambling[0].text).toMatch(/born on 12 November 2026/);
    const typos = await sent('typos', 'en');
    expect(typos.map((t) => t.text ?? '').join(' ')).toContain('Priya Verma');
    const corrects = await sent('corrects_themselves', 'en');
    const i = corrects.findIndex((t) => t.text === 'Priy Verma');
    expect(i).toBeGreaterThan(0);
    expect(corrects[i + 1].text).toMatch(/sorry, that was wrong — mother's name is Priya Verma/);
  });

  it('gives up, and says why, when it cannot tell what the assistant wants', async () => {
    const c = createRuleCitizen({
      goal: goalCase('x', 'en', 'plain').goal!,
      lang: 'en',
      questions,
      seed: 's',
    });
    const blank = [{ kind: 'text' as const, text: 'Okay.' }];
    expect((await c.next(null))?.text).toMatch(/birth certificate/);
    expect((await c.next(blank))?.text).toMatch(/what do you need/);
    await c.next(blank);
    expect(await c.next(blank)).toBeNull();
    expect(c.record?.()).toMatchObject({ outcome: 'stuck', note: expect.stringContaining('Okay.') });
  });

  it('is reproducible per trial and differs across trials (pass^k sees different citizens)', async () => {
    const texts = async (trial: number) =>
      ((await runCaseTrial(goalCase('sim-seed', 'en', 'rambling'), trial, deps)).sent ?? []).map(
        (t) => t.text ?? t.button?.id,
      );
    expect(await texts(0)).toEqual(await texts(0));
    const all = await Promise.all([1, 2, 3, 4].map(texts));
    expect(all.some((t) => JSON.stringify(t) !== JSON.stringify(all[0]))).toBe(true);
  });
});
