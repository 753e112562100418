import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../lang/language.js';
import { displayValue } from '../../services/field-display.js';
import { services } from '../../services/registry.js';
import type { AnyService, FieldKind } from '../../services/types.js';
import type { OutboundMessage } from '../../whatsapp/outbound-message.js';
import { createDriver, type DriverTurn } from './test-driver.js';

// Property tests of the form engine, over every service of the registry: an answer to the
// question asked never changes another field, and giving back a value the summary shows
// changes nothing. Answers are plain (no label), as most citizens write them.

const NOW = new Date('2026-11-24T04:30:00Z');

/** The answer the walk gives each field when it is not the one under test. */
const WALK: Partial<Record<string, string>> = {
  childName: 'Aarav',
  dateOfBirth: '20/11/2026',
  placeOfBirth: 'Civil Hospital',
  motherName: 'Rekha Devi',
  fatherName: 'Suresh Kumar',
  hospitalName: 'Civil Hospital',
  description: 'the nurse shouted at my mother in the ward',
  dateOfDeath: '18/11/2026',
  ageAtDeath: '67',
};
const BY_KIND: Record<FieldKind, string> = {
  person_name: 'Sunita Devi',
  date: '20/11/2026',
  district: 'Lucknow',
  pin: '226024',
  address: '12 Gandhi Nagar, Aliganj',
  rupees: '96000',
  age: '45',
  free_text: 'school admission',
  choice: '',
  yes_no: 'yes',
  attachment: 'skip',
};

/** Other plain answers of each kind, for the field under test. */
const ANSWERS: Record<FieldKind, fc.Arbitrary<string>> = {
  person_name: fc.constantFrom(
    'Mohd. Irfan Khan',
    'R. K. Sharma',
    'Smt. Kamla Devi',
    'Diya',
    'Kiran',
    'सुनीता यादव',
    'Prem Prakash',
    'rekha',
    'Ram Lal Gupta',
  ),
  date: fc.integer({ min: 10, max: 23 }).map((d) => `${d}/11/2026`),
  district: fc.constantFrom('Bareilly', 'kanpur', 'वाराणसी', 'Sitapur', 'Gorakhpur', 'Agra'),
  pin: fc.constantFrom('226010', '243001', '221005', '208001', '261001'),
  address: fc.constantFrom(
    'House 22, Ward 7, Rampur village',
    'मकान नं 45, गांधी नगर',
    'B-14 Arera Colony',
    '3/12 Civil Lines',
    'Gali 4, Shanti Nagar',
  ),
  rupees: fc.constantFrom('1.5 lakh', '80000', '60,000 rupees', 'dedh lakh'),
  age: fc.integer({ min: 1, max: 99 }).map(String),
  free_text: fc.constantFrom('farming and daily wages', 'Jatav', 'for a scholarship', 'Yadav', 'kheti'),
  choice: fc.constant(''),
  yes_no: fc.constantFrom('yes', 'no', 'haan', 'nahi'),
  attachment: fc.constant('skip'),
};

type Form = { fields: Record<string, unknown>; asking: string | null };
const formOf = (d: ReturnType<typeof createDriver>): Form | null =>
  (d.state as { form?: Form | null } | null)?.form ?? null;

function options(reply: OutboundMessage[]): string[] {
  return reply.flatMap((m) =>
    m.kind === 'buttons' ? m.buttons.map((b) => b.id) : m.kind === 'list' ? m.rows.map((r) => r.id) : [],
  );
}
const answerOptions = (turn: DriverTurn) =>
  options(turn.reply).filter((id) => !['skip', 'menu:human', 'confirm:cancel'].includes(id));

/** Answers the question asked with the walk's answer (the first button for a closed question). */
async function answer(d: ReturnType<typeof createDriver>, service: AnyService, turn: DriverTurn) {
  const field = formOf(d)?.asking ?? '';
  const meta = service.fields[field];
  const buttons = answerOptions(turn);
  if (meta && (meta.kind === 'choice' || meta.kind === 'yes_no' || meta.shortcuts) && buttons.length)
    return d.tap(buttons[0]);
  if (meta?.optional && meta.kind === 'date') return d.send(WALK[field] ?? BY_KIND.date);
  return d.send(WALK[field] ?? (meta ? BY_KIND[meta.kind] : 'yes'));
}

/** Starts the service and answers until `until` is asked (or the summary is shown). */
async function walk(service: AnyService, lang: Lang, until: (f: Form) => boolean) {
  const d = createDriver({ now: NOW, lang });
  let turn = await d.tap(`menu:svc.${service.id}`);
  for (let i = 0; i < 30 && !turn.summary; i++) {
    const form = formOf(d);
    if (!form) throw new Error(`${service.id}: the form closed: ${turn.text}`);
    if (until(form)) return { d, turn };
    turn = await answer(d, service, turn);
  }
  if (!turn.summary) throw new Error(`${service.id}: no summary after 30 answers`);
  return { d, turn };
}

const fillable = (service: AnyService) =>
  Object.entries(service.fields)
    .filter(([, m]) => m.kind !== 'attachment')
    .map(([k]) => k);

describe.each(services.map((s) => [s.id, s] as const))('form properties: %s', (_id, service) => {
  it('an answer to the question asked never changes a field given before', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fillable(service)),
        fc.constantFrom('en', 'hi', 'hinglish') as fc.Arbitrary<Lang>,
        fc.nat(),
        async (target, lang, pick) => {
          const { d, turn } = await walk(service, lang, (f) => f.asking === target);
          const form = formOf(d);
          // a field the walk's earlier answers already filled is never asked: nothing to test
          fc.pre(!turn.summary && form?.asking === target);
          const before = { ...form?.fields };
          const meta = service.fields[target];
          const buttons = answerOptions(turn);
          const closed = meta.kind === 'choice' || meta.kind === 'yes_no';
          const text = fc.sample(ANSWERS[meta.kind], { numRuns: 1, seed: pick })[0];
          if (closed && buttons.length) await d.tap(buttons[pick % buttons.length]);
          else await d.send(text);
          const after = formOf(d)?.fields ?? {};
          for (const [field, value] of Object.entries(before))
            if (field !== target) expect([field, after[field]]).toEqual([field, value]);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('giving back a value the summary shows changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fillable(service)),
        fc.constantFrom('en', 'hi', 'hinglish') as fc.Arbitrary<Lang>,
        fc.boolean(),
        async (field, lang, labelled) => {
          const { d, turn } = await walk(service, lang, () => false);
          expect(turn.summary).toBe(true);
          const before = formOf(d)?.fields ?? {};
          const meta = service.fields[field];
          // a yes/no field shows "Yes"/"No", which at a summary is the citizen's answer to it
          fc.pre(before[field] !== null && before[field] !== undefined && meta.kind !== 'yes_no');
          const shown = displayValue(meta, before[field], lang);
          const again = await d.send(labelled ? `${meta.label[lang]}: ${shown}` : shown);
          expect(formOf(d)?.fields ?? {}).toEqual(before);
          expect(again.calls.filter((c) => c.name !== service.toolName)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
