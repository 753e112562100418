import { asciiDigits } from '../../lang/ascii-digits.js';
import { classifyConfirmationText } from '../../lang/confirmation.js';
import { foldForMatch } from '../../lang/normalise.js';
import { withoutAddressLabel } from '../../nlu/address-label.js';
import { extractDate } from '../../nlu/extract-date.js';
import { extractDistrict } from '../../nlu/extract-district.js';
import { extractPinCode } from '../../nlu/extract-pin-code.js';
import type { FieldMeta } from '../types.js';
import { bareAnswer, stripTalk } from './answer-frame.js';
import { extractRupees } from './extract-rupees.js';
import { noFreeTextAnswer } from './free-text-non-answer.js';
import { readPersonName } from './read-person-name.js';
import { countedBack } from './register-date.js';

export { bareAnswer, stripTalk } from './answer-frame.js';

// "mai papa hoon", "I am the mother", "मैं उसका भाई हूँ": who the speaker is, which answers no
// address or free-text question (the informant's, if anyone's)
const RELATION =
  '(?:father|dad|daddy|papa|papa ji|pita|pita ji|pitaji|mother|mom|mum|mummy|maa|ma|mata|mata ji|mataji|parent|guardian|brother|bhai|sister|behen|bahan|son|beta|daughter|beti|husband|pati|wife|patni|grandfather|grandmother|dada|dadi|nana|nani|chacha|chachi|mama|mami|uncle|aunt|relative|rishtedar|applicant|aavedak|informant|पिता|पिताजी|पिता जी|पापा|माँ|मां|माता|माता जी|मम्मी|अभिभावक|भाई|बहन|बेटा|बेटी|पति|पत्नी|दादा|दादी|नाना|नानी|चाचा|चाची|मामा|मामी|आवेदक)';
// "main", "I am", "मैं उनका": the speaker and whose relation they are
const SPEAKER_HEAD = `^(?:i am|i'm|i’m|i m|im|iam|me|main|mai|mein|mei|मैं|मै|hum|ham|हम)\\s+(?:(?:the|his|her|their|its|a|uska|uski|uske|iska|iski|unka|unki|unke|inka|inki|bachche ka|bachche ki|bache ka|bache ki|baby ka|baby ki|उसका|उसकी|उनका|उनकी|इसका|इसकी|बच्चे का|बच्चे की)\\s+)?${RELATION}`;
const COPULA_END = '(?:\\s+(?:hoon|hun|hu|h|hai|hain|है|हूँ|हूं|हू|हैं))?$';
const SPEAKER_IS = new RegExp(`${SPEAKER_HEAD}${COPULA_END}`, 'iu');
// "main unka beta Suresh", "I am his son Suresh Kumar", "मैं उनका बेटा सुरेश हूँ": who the speaker is,
// with their name (it once stored the address "Suresh"); "Mai Mata Mandir Road" is a street
const SPEAKER_NAMED = new RegExp(
  `${SPEAKER_HEAD}(?:\\s+(?:ji|जी))?[\\s,]+[\\p{L}\\p{M}.]+(?:\\s+[\\p{L}\\p{M}.]+){0,2}${COPULA_END}`,
  'iu',
);
const PLACE_WORD =
  /(?<![\p{L}\p{M}])(?:road|rd|marg|nagar|gali|mandir|masjid|colony|gaon|gram|mohalla|ward|sector|post|bazar|chowk|मार्ग|नगर|गली|मंदिर|गाँव|गांव|ग्राम|मोहल्ला|वार्ड|पोस्ट|बाज़ार|बाजार|चौक)(?![\p{L}\p{M}])/iu;

/** Whether the message only says who the speaker is ("mai papa hoon", "I am the father"). */
export function speakerStatement(text: string): boolean {
  return SPEAKER_IS.test(spoken(text));
}

/** Whether the message says who the speaker is and their name, and nothing of a place ("main unka beta Suresh"). */
export function speakerNamed(text: string): boolean {
  const said = spoken(text);
  return SPEAKER_NAMED.test(said) && !PLACE_WORD.test(said) && !/\d/.test(said);
}

/** The text without a first part that says who the speaker is ("main unka beta Suresh, gali 4" → "gali 4"). */
function withoutSpeaker(text: string): string {
  const comma = text.indexOf(',');
  if (comma < 0) return text;
  const first = text.slice(0, comma);
  return speakerStatement(first) || speakerNamed(first) ? text.slice(comma + 1).trim() : text;
}

const spoken = (text: string) =>
  stripTalk(text)
    .replace(/[\s,;.!?।]+$/u, '')
    .replace(/\s+/g, ' ');

// the words of a PIN, not of a place: "pin 208001", "पिन कोड 226001"
const PIN_WORDS =
  /(?<![\p{L}\p{M}])(?:pin|pincode|pin code|code|zip|पिन|पिनकोड|पिन कोड|कोड)(?![\p{L}\p{M}])/giu;

/** Whether an address names a place (a house, street, village or town), not only a PIN or a number. */
export function hasAddressWords(value: string): boolean {
  return /\p{L}[\p{L}\p{M}]/u.test(asciiDigits(value).replace(PIN_WORDS, ' ').replace(/\d/g, ' '));
}

// "mummy ka" (of "mummy ka naam Sunita"): a possessive that waits for its noun ends no answer
const DANGLING = /(?:^|\s)(?:ka|ki|ke|का|की|के)$/iu;

const MONEY_WORD =
  /₹|\brs\b|rupe|rupa|rupay|रुपय|रुपए|रुपये|lakh|lac|laakh|लाख|hazar|hazaar|thousand|हज़ार|हजार|crore|करोड़/iu;

/** "45", "45 saal", "४५ वर्ष", "age 45 years": whole years, or null. */
export function extractAge(text: string): number | null {
  const m = /(?<![\d.])(\d{1,3})(?![\d.])/.exec(asciiDigits(text));
  if (!m) return null;
  const n = Number(m[1]);
  return n <= 130 ? n : null;
}

// A choice field's values and words folded once per field (static data), not on every message.
const choiceWords = new WeakMap<FieldMeta, [value: string, words: string[]][]>();

function choicesOf(meta: FieldMeta): [value: string, words: string[]][] {
  let choices = choiceWords.get(meta);
  if (!choices) {
    choices = Object.entries(meta.choices ?? {}).map(([value, c]) => [
      value,
      [value, ...c.words].map((w) => ` ${foldForMatch(w)} `),
    ]);
    choiceWords.set(meta, choices);
  }
  return choices;
}

/** The value of one choice the text names by one of its words (whole words), or null when none or several. */
export function readChoice(meta: FieldMeta, text: string): string | null {
  const folded = ` ${foldForMatch(text)
    .replace(/[.\-/]/g, ' ')
    .replace(/\s+/g, ' ')} `;
  const hits = choicesOf(meta).filter(([, words]) => words.some((w) => folded.includes(w)));
  return hits.length === 1 ? hits[0][0] : null;
}

/**
 * Reads one field's value from text with the extractor of its kind. The caller checks the
 * result with the field's own zod schema; null means this text does not hold one.
 */
export function readField(
  meta: FieldMeta,
  text: string,
  now: Date,
  fields: Record<string, unknown> = {},
): unknown {
  // "ek mahina pehle" to the date of a death: a day a month back would be made up, so it is asked again
  if (meta.registerDate && countedBack(text, now)) return null;
  if (meta.read) return meta.read(text, now, fields);
  // "My address is 12 MG Road", "adress: gali 4": the label written before an address is not of it;
  // "main unka beta Suresh, gali 4 rampur": nor is the speaker told before it (once "Suresh, gali 4 …")
  const bare =
    meta.kind === 'address' ? withoutAddressLabel(bareAnswer(withoutSpeaker(text))) : bareAnswer(text);
  switch (meta.kind) {
    case 'date':
      // "२० नवंबर २०२६": Devanagari digits are digits
      return extractDate(asciiDigits(text), now);
    case 'district':
      return extractDistrict(text, { bare: true });
    case 'pin':
      return extractPinCode(asciiDigits(text));
    case 'rupees': {
      // "gali no 3" is no income: a bare number under 100 needs a unit or ₹ to be an amount
      const amount = extractRupees(text);
      return amount !== null && amount < 100 && !MONEY_WORD.test(text) ? null : amount;
    }
    case 'age':
      return extractAge(text);
    case 'choice':
      return readChoice(meta, text);
    case 'yes_no': {
      const c = classifyConfirmationText(text);
      return c === 'yes' ? true : c === 'no' ? false : null;
    }
    case 'person_name':
      return readPersonName(text);
    case 'address':
    case 'free_text':
      // an answer meant for another question is not this one: a PIN or a number alone ("227301" for
      // the purpose, "pin 208001" for the address), the speaker saying who they are, a label cut short
      if (
        bare.length === 0 ||
        !/\p{L}/u.test(bare) ||
        DANGLING.test(bare) ||
        speakerStatement(text) ||
        speakerNamed(text)
      )
        return null;
      // "kya matlab", "bas aise hi", "wahi jo aadhar me hai", a name given before, a town alone
      if (noFreeTextAnswer(meta, text, bare, fields)) return null;
      return meta.kind === 'address' && !hasAddressWords(bare) ? null : bare;
    case 'attachment':
      return null;
  }
}
