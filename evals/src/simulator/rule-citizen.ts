import type { Lang } from '../../../src/lang/language.js';
import type { CitizenGoal } from '../case-schema.js';
import { readableText } from '../scorers/turn-checks.js';
import { type Citizen, type CitizenMessage, REFERENCE, type SimulationRecord } from './citizen.js';
import {
  addTypos,
  buttonFor,
  closedWords,
  correction,
  opening,
  phrase,
  plainLetters,
  type Rng,
  ramble,
  ramblingOpening,
  seededRandom,
  slip,
  writeValue,
} from './citizen-voice.js';
import type { Choice, FieldQuestions } from './field-questions.js';

// Fields a citizen gets wrong first and then corrects, in the order they come to mind.
const SLIPPABLE = [
  'motherName',
  'dateOfBirth',
  'hospitalName',
  'applicantName',
  'deceasedName',
  'fatherName',
  'pinCode',
];
// Ids a reply offers to leave a field blank.
const SKIP_IDS = ['skip', 'noname', 'informant:skip'];

/**
 * A citizen with a goal and no model: reads which field a reply asks (field-questions.ts),
 * answers it from the facts in their language form and style, taps buttons (or types the
 * words instead, as many people do), confirms the summary and stops at the reference.
 * It knows nothing of any engine's flow; it answers what it is asked.
 */
export function createRuleCitizen(o: {
  goal: CitizenGoal;
  lang: Lang;
  questions: FieldQuestions;
  seed: string;
}): Citizen {
  const { goal, lang, questions } = o;
  const style = goal.style;
  const rng: Rng = seededRandom(o.seed);
  const facts = goal.facts;
  let sent = 0;
  let confirmed = false;
  let cancelled = false;
  let lost = 0;
  const asked = new Map<string, number>();
  let pendingCorrection: { field: string; right: string } | null = null;
  const slipField =
    style === 'corrects_themselves'
      ? (SLIPPABLE.filter((f) => typeof facts[f] === 'string')[0] ?? null)
      : null;
  let slipped = false;
  let result: SimulationRecord = { simulator: 'rules', outcome: 'max_turns' };

  const styled = (s: string, valueText?: string) => {
    let out = s;
    if (style === 'typos') {
      // keep the fact itself intact: a misspelt name is the citizen's error, not the assistant's
      out =
        valueText && out.includes(valueText)
          ? out
              .split(valueText)
              .map((p) => addTypos(p, rng))
              .join(valueText)
          : addTypos(out, rng);
    }
    if (style === 'low_literacy') out = plainLetters(out);
    return out;
  };
  const say = (text: string, valueText?: string): CitizenMessage => ({ text: styled(text, valueText) });
  const tap = (c: Choice): CitizenMessage => ({ button: { id: c.id, title: c.title } });
  // people who find buttons hard type the answer instead
  const typesInsteadOfTapping = () => style === 'low_literacy' || (style === 'rambling' && rng() < 0.5);

  function answer(field: string, choices: Choice[]): CitizenMessage {
    const times = (asked.get(field) ?? 0) + 1;
    asked.set(field, times);
    const ids = choices.map((c) => c.id);
    const value = facts[field];
    if (value === undefined || value === null) {
      const skip = choices.find((c) => SKIP_IDS.includes(c.id));
      if (skip && !typesInsteadOfTapping()) return tap(skip);
      return say(field === 'childName' ? phrase.noName(lang, rng) : phrase.skip(lang, rng));
    }
    const id = buttonFor(value, ids);
    if (id && !typesInsteadOfTapping()) return tap(choices.find((c) => c.id === id)!);
    const closed = closedWords(field, String(value), lang, rng);
    if (closed) return say(closed);
    if (field === slipField && !slipped) {
      slipped = true;
      const wrong = slip(field, String(value));
      pendingCorrection = {
        field,
        right: writeValue(field, value, lang, style === 'terse' ? 'plain' : style, rng),
      };
      return say(writeValue(field, wrong, lang, style, rng));
    }
    // asked again: the citizen writes the value plainly, as it is written on their papers
    const v = times > 1 ? String(value) : writeValue(field, value, lang, style, rng);
    return say(style === 'rambling' && times === 1 ? ramble(v, lang, rng) : v, v);
  }

  return {
    async next(replies) {
      if (sent >= goal.maxTurns) return null;
      sent += 1;
      if (replies === null) {
        const r = style === 'rambling' ? ramblingOpening(goal.service, facts, lang, rng) : null;
        return say(goal.opening ?? r?.text ?? opening(goal.service, lang, style, rng));
      }
      const text = readableText(replies);
      if (confirmed && REFERENCE.test(text)) {
        result = { simulator: 'rules', outcome: 'submitted' };
        sent -= 1;
        return null;
      }
      if (cancelled) {
        result = { simulator: 'rules', outcome: 'cancelled' };
        sent -= 1;
        return null;
      }
      if (pendingCorrection) {
        const { field, right } = pendingCorrection;
        pendingCorrection = null;
        return say(correction(field, right, lang, rng), right);
      }
      const a = questions.read(replies);
      switch (a.kind) {
        case 'language': {
          const c = a.choices.find((x) => x.id === `lang:${lang}`);
          return c ? tap(c) : say(phrase.lost(lang, rng));
        }
        case 'menu': {
          const stem = goal.service.split('_')[0];
          const row = a.choices.find(
            (c) =>
              c.id.startsWith('menu:') &&
              (c.id.includes(stem) || (stem === 'hospital' && c.id.includes('complaint'))),
          );
          if (row && !typesInsteadOfTapping()) return { list: { id: row.id, title: row.title } };
          return say(opening(goal.service, lang, 'terse', rng));
        }
        case 'summary': {
          if (!goal.submit) {
            cancelled = true;
            const c = a.choices.find((x) => x.id === 'confirm:cancel');
            return c && !typesInsteadOfTapping() ? tap(c) : say(phrase.cancel(lang, rng));
          }
          confirmed = true;
          const c = a.choices.find((x) => x.id === 'confirm:yes')!;
          return typesInsteadOfTapping() ? say(phrase.yes(lang, rng)) : tap(c);
        }
        case 'field':
          lost = 0;
          if ((asked.get(a.field) ?? 0) >= 3) {
            result = {
              simulator: 'rules',
              outcome: 'stuck',
              note: `asked for ${a.field} a fourth time: ${text.slice(0, 200)}`,
            };
            return null;
          }
          return answer(a.field, a.choices);
        default:
          lost += 1;
          if (lost > 2) {
            result = {
              simulator: 'rules',
              outcome: 'stuck',
              note: `could not tell what was asked: ${text.slice(0, 200)}`,
            };
            return null;
          }
          return say(phrase.lost(lang, rng));
      }
    },
    record: () => result,
  };
}
