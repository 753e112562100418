import { AMBIGUOUS_HINGLISH, ENGLISH_MARKERS, STRONG_HINGLISH } from '../lang/lexicon/hinglish.js';
import { foldForMatch } from '../lang/normalise.js';
import type { Intent } from './analysis.js';
import { withinEdits } from './edit-distance.js';
import {
  FILLER,
  INJECTION_PHRASES,
  INTENT_FEATURES,
  OWN_MARKERS,
  TYPO_VOCABULARY,
  WHOLE_MESSAGE_INTENTS,
} from './lexicon/intents.js';
import { PhraseIndex } from './phrase-index.js';

type Feature = [Intent, number];
interface Features {
  list: Feature[];
  /** the largest |weight|, to prefer the stronger of two overlapping phrases */
  strongest: number;
}

function buildIndex(): PhraseIndex<Features> {
  const byPhrase = new Map<string, Feature[]>();
  for (const [intent, text] of Object.entries(INTENT_FEATURES) as [Intent, string][]) {
    for (const entry of text.split(/[|\n]/)) {
      const m = /^(.*\S)\s+(-?[\d.]+)$/.exec(entry.trim());
      if (!m) throw new Error(`intent feature without weight: ${entry}`);
      const phrase = foldForMatch(m[1]);
      byPhrase.set(phrase, [...(byPhrase.get(phrase) ?? []), [intent, Number(m[2])]]);
    }
  }
  return new PhraseIndex(
    [...byPhrase].map(
      ([p, list]) => [p, { list, strongest: Math.max(...list.map(([, w]) => Math.abs(w))) }] as const,
    ),
  );
}

const FEATURES = buildIndex();
const INJECTION = new PhraseIndex<true>(INJECTION_PHRASES.split(/[|\n]/).map((p) => [p, true] as const));
const OWN = new Set(OWN_MARKERS.split(' ').map(foldForMatch));
const FILLER_WORDS = new Set(FILLER.split(' ').map(foldForMatch));
const WHOLE = new Set<Intent>(WHOLE_MESSAGE_INTENTS);
// "nahi abhi nahi, cancel": refusals around a cancel still make the message a cancel
const CANCEL_FILLER = new Set(
  'nahi nhi no abhi mat band please नहीं अभी मत बस bas'.split(' ').map(foldForMatch),
);
const KNOWN = new Set([...STRONG_HINGLISH, ...AMBIGUOUS_HINGLISH.keys(), ...ENGLISH_MARKERS]);
const TYPO_TARGETS = TYPO_VOCABULARY.split(' ');
const DATA_INTENTS: Intent[] = [
  'check_status',
  'file_complaint',
  'pay_fee',
  'apply_birth_certificate',
  'delete_data',
];

export const ALL_INTENTS: readonly Intent[] = [
  'apply_birth_certificate',
  'file_complaint',
  'check_status',
  'pay_fee',
  'greeting',
  'menu',
  'help',
  'human',
  'cancel',
  'yes',
  'no',
  'change',
  'skip',
  'thanks',
  'change_language',
  'delete_data',
  'out_of_scope',
  'abuse',
  'unknown',
];

/** Evidence from elsewhere in the analysis that intent scoring takes into account. */
export interface IntentContext {
  /** prefixed references in the message (BC-2026-000123) */
  references: number;
  /** the message asks to switch language */
  languageRequest: boolean;
  /** whole-message yes/no/change, as the confirmation classifier reads it */
  confirmation: 'yes' | 'no' | 'change' | null;
  /** summed weight of complaint-category cues ("ganda", "paise maange") */
  complaintCues: number;
  /** birth-registration details given (names, sex, place of birth): a citizen telling of a birth */
  birthDetails: number;
  /**
   * token indexes inside a clause that refuses a request ("shikayat nahi karni", "data delete mat
   * karna"): their words ask for nothing, so they count for no service or data intent
   */
  refused?: ReadonlySet<number>;
}

/** "certifcate" → "certificate": unknown long tokens one edit away from a keyword. */
export function repairTypos(folded: readonly string[]): string[] {
  return folded.map((t) => {
    if (t.length < 5 || KNOWN.has(t) || FEATURES.has(t) || !/^[a-z]+$/.test(t)) return t;
    for (const k of TYPO_TARGETS) {
      const max = k.length >= 9 ? 2 : 1;
      // a typo keeps the length and one of the first two letters; cheap checks before the distance
      if (Math.abs(k.length - t.length) > max || (k[0] !== t[0] && k[1] !== t[1])) continue;
      if (withinEdits(t, k, max)) return k;
    }
    return t;
  });
}

/** Scores in [0, 1] for every intent, highest first. */
export function scoreIntents(
  folded: readonly string[],
  ctx: IntentContext,
): { intent: Intent; score: number }[] {
  const toks = repairTypos(folded);
  const positive = new Map<Intent, number>();
  const negative = new Map<Intent, number>();
  const covered = new Map<Intent, number>();
  // per intent, the longest phrases first, each token counted once ("janm praman patra" is not also "janm")
  const hits = FEATURES.findAll(toks).sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.value.strongest - a.value.strongest,
  );
  const used = new Map<Intent, Set<number>>();
  const refusedAt = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (ctx.refused?.has(i)) return true;
    return false;
  };
  for (const hit of hits) {
    const refused = refusedAt(hit.start, hit.end);
    for (const [intent, w] of hit.value.list) {
      if (refused && w > 0 && DATA_INTENTS.includes(intent)) continue;
      // "hi" inside a sentence ("ghar pe hi") is emphasis, not a greeting
      if (intent === 'greeting' && hit.start > 1) continue;
      const taken = used.get(intent) ?? new Set<number>();
      used.set(intent, taken);
      let adds = false;
      for (let i = hit.start; i < hit.end; i++) if (!taken.has(i)) adds = true;
      if (!adds) continue;
      for (let i = hit.start; i < hit.end; i++) taken.add(i);
      if (w >= 0) {
        positive.set(intent, 1 - (1 - (positive.get(intent) ?? 0)) * (1 - w));
        covered.set(intent, (covered.get(intent) ?? 0) + hit.end - hit.start);
      } else negative.set(intent, 1 - (1 - (negative.get(intent) ?? 0)) * (1 + w));
    }
  }
  const score = new Map<Intent, number>();
  const fillers = toks.filter((w) => FILLER_WORDS.has(w)).length;
  for (const [intent, p] of positive) {
    let s = p * (1 - (negative.get(intent) ?? 0));
    if (WHOLE.has(intent)) {
      const extra = intent === 'cancel' ? toks.filter((w) => CANCEL_FILLER.has(w)).length : 0;
      const coverage = Math.min(1, ((covered.get(intent) ?? 0) + fillers + extra) / Math.max(1, toks.length));
      s *= coverage >= 0.99 ? 1 : 0.3 + 0.5 * coverage;
    }
    score.set(intent, s);
  }
  boost(score, 'file_complaint', Math.min(0.8, 0.25 * ctx.complaintCues));
  if (ctx.birthDetails >= 2) boost(score, 'apply_birth_certificate', Math.min(0.6, 0.25 * ctx.birthDetails));
  if (ctx.references > 0) {
    // a reference alone asks for its status; next to "pay"/"QR" it says what to pay for
    const paying = (score.get('pay_fee') ?? 0) >= 0.5;
    boost(score, 'check_status', toks.length <= 2 + 3 * ctx.references ? 0.9 : paying ? 0.3 : 0.6);
    // nobody files a complaint or applies with a reference in hand: "शिकायत HC-2026-000321 में क्या लिखा है?"
    for (const intent of ['file_complaint', 'apply_birth_certificate'] as const) {
      score.set(intent, (score.get(intent) ?? 0) * 0.5);
    }
  }
  if (ctx.languageRequest) boost(score, 'change_language', 0.95);
  if (ctx.confirmation) boost(score, ctx.confirmation, ctx.confirmation === 'yes' ? 0.95 : 0.8);
  if (isInjection(toks)) {
    for (const intent of DATA_INTENTS) score.set(intent, (score.get(intent) ?? 0) * 0.2);
    boost(score, 'out_of_scope', 0.95);
  }
  const best = Math.max(0, ...score.values());
  score.set('unknown', best < 0.35 ? 1 - best : Math.max(0, 0.5 - best));
  // ties keep ALL_INTENTS order (Array.prototype.sort is stable)
  return ALL_INTENTS.map((intent) => ({ intent, score: round(score.get(intent) ?? 0) })).sort(
    (a, b) => b.score - a.score,
  );
}

function isInjection(toks: readonly string[]): boolean {
  const hits = INJECTION.findLongest(toks);
  if (hits.length === 0) return false;
  // "meri saari shikayatein" asks for the citizen's own records; "sabki" and "ignore…" never do
  const ownAt = (h: { start: number }) =>
    OWN.has(toks[h.start - 1] ?? '') || OWN.has(toks[h.start - 2] ?? '');
  return hits.some((h) => !ownAt(h) || !/^(?:saari|sari|all|सारी|सारे|saare)/.test(toks[h.start]));
}

function boost(score: Map<Intent, number>, intent: Intent, w: number): void {
  score.set(intent, 1 - (1 - (score.get(intent) ?? 0)) * (1 - w));
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}
