import type { Catalogue } from '../../../src/i18n/catalogue.js';
import { languageSchema } from '../../../src/lang/language.js';
import { services as registry } from '../../../src/services/registry.js';
import type { AnyService } from '../../../src/services/types.js';
import type { OutboundMessage } from '../../../src/whatsapp/outbound-message.js';
import { fold } from '../match.js';

// The one place the simulated citizen learns what a reply is asking. Signals, in order:
// the buttons or list rows offered (language-neutral ids), then the question sentences the
// engine asks with (each registry service's per-field questions, and the older
// prompts/messages/offline.yaml `offline.ask.*`), then words a person would
// recognise in any engine's question ("PIN", "ज़िला", "mother"). Nothing else in the simulator
// knows how an engine phrases things.

export interface Choice {
  id: string;
  title: string;
}

export type Asked =
  | { kind: 'field'; field: string; choices: Choice[] }
  | { kind: 'summary'; choices: Choice[] }
  | { kind: 'menu'; choices: Choice[] }
  | { kind: 'language'; choices: Choice[] }
  | { kind: 'change_field'; choices: Choice[] }
  | { kind: 'unknown'; choices: Choice[] };

const BUTTON_FIELDS: [RegExp, string][] = [
  [/^sex:/, 'sex'],
  [/^place:/, 'placeOfBirthType'],
  [/^cat:/, 'category'],
  [/^anon:/, 'anonymous'],
  [/^informant:/, 'informantName'],
  [/^noname$/, 'childName'],
  [/^(category|caste_category):/, 'category'],
];
// a registry form's buttons name their field: `form:choice:<field>:<value>`
const FORM_CHOICE = /^form:choice:([A-Za-z]+):/;

// Words a citizen reads a question by, in the three language forms; the later a word occurs in
// the reply, the likelier it is the question (replies end with what they ask).
const FIELD_WORDS: [string, string[]][] = [
  ['pinCode', ['pin code', 'pincode', 'पिन']],
  ['district', ['district', 'ज़िले', 'जिले', 'ज़िला', 'जिला', 'zile', 'zila', 'jila']],
  ['motherName', ["mother's", 'mother', 'माँ का', 'माता का', 'maa ka', 'mata ka']],
  ['fatherOrHusbandName', ['father or husband', 'पिता या पति', 'pita ya pati']],
  ['fatherName', ["father's", 'father', 'पिता का', 'pita ka', 'papa ka']],
  ['address', ['address', 'पता', 'pata']],
  ['dateOfBirth', ['date of birth', 'जन्म तिथि', 'janm tithi', 'born on']],
  ['dateOfDeath', ['date of death', 'मृत्यु की तारीख', 'mrityu ki tareekh']],
  ['ageAtDeath', ['age', 'उम्र', 'umar', 'umra']],
  ['deceasedName', ['who died', 'deceased', 'मृतक', 'mritak']],
  ['informantName', ['informant', 'सूचना देने', 'soochna dene']],
  ['childName', ["child's name", 'बच्चे का नाम', 'bachche ka naam']],
  ['sex', ['boy', 'girl', 'लड़का', 'ladka']],
  ['hospitalName', ['which hospital', 'किस अस्पताल', 'kis aspatal']],
  ['description', ['what happened', 'क्या हुआ', 'kya hua']],
  ['incidentDate', ['which date', 'किस तारीख़', 'किस तारीख', 'kis tareekh']],
  ['annualIncomeRupees', ['income', 'आय', 'aamdani', 'aay']],
  ['incomeSources', ['source of income', 'आय का स्रोत', 'kamai ka zariya']],
  ['caste', ['caste', 'जाति', 'jaati', 'jati']],
  ['subCaste', ['sub-caste', 'उपजाति', 'upjaati']],
  ['purpose', ['purpose', 'उद्देश्य', 'kis kaam', 'kis liye']],
  ['applicantName', ['your full name', 'your name', 'आपका पूरा नाम', 'aapka poora naam']],
];

export interface FieldQuestions {
  /** What the assistant's replies (to one message) ask for. */
  read(replies: OutboundMessage[]): Asked;
}

function choicesOf(replies: OutboundMessage[]): Choice[] {
  return replies.flatMap((r) => {
    if (r.kind === 'buttons') return r.buttons.map((b) => ({ id: b.id, title: b.title }));
    if (r.kind === 'list') return r.rows.map((b) => ({ id: b.id, title: b.title }));
    return [];
  });
}

function textOf(replies: OutboundMessage[]): string {
  return replies
    .map((r) =>
      'text' in r && typeof r.text === 'string' ? r.text : 'caption' in r ? String(r.caption ?? '') : '',
    )
    .join('\n');
}

/** Builds the lookup from the services' and the catalogue's question sentences (all language forms). */
export function createFieldQuestions(
  catalogue: Catalogue,
  services: AnyService[] = registry,
): FieldQuestions {
  // the question without its example ("For example: 05/03/2026") so a re-ask still matches
  const firstSentence = (t: string) => fold(t.split(/[?؟।]/)[0] ?? '');
  const fromServices = services.flatMap((s) =>
    Object.entries(s.fields).flatMap(([field, meta]) =>
      languageSchema.options.map((l) => ({ field, text: firstSentence(meta.question[l]) })),
    ),
  );
  const questions: { field: string; text: string }[] = catalogue
    .keys()
    .filter((k) => k.startsWith('offline.ask.'))
    .flatMap((k) => {
      const field = k.split('.')[2];
      return languageSchema.options.map((l) => ({ field, text: firstSentence(catalogue.t(l, k, {})) }));
    })
    .concat(fromServices)
    .filter((q) => q.text.length > 6);

  return {
    read(replies) {
      const choices = choicesOf(replies);
      const ids = choices.map((c) => c.id);
      if (ids.some((id) => id.startsWith('lang:'))) return { kind: 'language', choices };
      if (ids.some((id) => id.startsWith('menu:'))) return { kind: 'menu', choices };
      if (ids.some((id) => id.startsWith('field:'))) return { kind: 'change_field', choices };
      if (ids.includes('confirm:yes')) return { kind: 'summary', choices };
      const formField = ids.map((id) => FORM_CHOICE.exec(id)?.[1]).find(Boolean);
      if (formField) return { kind: 'field', field: formField, choices };
      for (const [re, field] of BUTTON_FIELDS)
        if (ids.some((id) => re.test(id))) return { kind: 'field', field, choices };
      const text = fold(textOf(replies));
      let best: { field: string; at: number } | null = null;
      for (const q of questions) {
        const at = text.lastIndexOf(q.text);
        if (at >= 0 && (!best || at > best.at)) best = { field: q.field, at };
      }
      if (best) return { kind: 'field', field: best.field, choices };
      for (const [field, words] of FIELD_WORDS) {
        for (const w of words) {
          const at = text.lastIndexOf(fold(w));
          if (at >= 0 && (!best || at > best.at)) best = { field, at };
        }
      }
      if (best) return { kind: 'field', field: best.field, choices };
      return { kind: 'unknown', choices };
    },
  };
}
