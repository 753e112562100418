import { asciiDigits } from '../../lang/ascii-digits.js';
import { classifyConfirmationText } from '../../lang/confirmation.js';
import { foldForMatch } from '../../lang/normalise.js';
import { extractDate } from '../../nlu/extract-date.js';
import { extractDistrict } from '../../nlu/extract-district.js';
import { extractPinCode } from '../../nlu/extract-pin-code.js';
import { nameLikeLoose } from '../../nlu/name-words.js';
import type { FieldMeta } from '../types.js';
import { extractRupees } from './extract-rupees.js';

// Words around an answer that are not the answer: "mera naam X hai", "X है", "it is X".
// ("we are Pasi", "it should be Balmiki", "main unka bhai Anil Yadav", "मैं उनका बेटा सुरेश": the
// frame and the relation are not the value)
const LEAD =
  /^(?:(?:my|the|his|her|their|its|it|is|was|are|i am|i'm|im|myself|me|we are|we're|we|should be|it should be|mera|meri|mere|uska|uski|unka|unki|naam|name|hai|h|ji|to|toh|main|khud|hum|ham|son|daughter|grandson|granddaughter|brother|sister|wife|beta|beti|bhai|behen|bahan|pota|poti|patni|मेरा|मेरी|उसका|उसकी|उनका|उनकी|नाम|है|जी|तो|मैं|हम|बेटा|बेटी|भाई|बहन|पोता|पोती|पत्नी)[,:]?\s+)+/iu;
const TRAIL = /(?:\s+(?:hai|h|he|hain|hoon|hun|ji|है|हैं|हूँ|हूं|जी|tha|thi|था|थी))+\s*[.!।]*$/iu;

// The talk people wrap an answer in: "ok so X thank you", "haan ji, X", "let me tell you, X please
// help", "बताती हूँ, X धन्यवाद", "अच्छा तो X". Never part of a name, an address or a description.
const TALK_LEAD =
  /^(?:(?:ok|okay|okk|so|well|yes|yeah|yep|sure|hmm+|umm+|haan|haa|han|ha|ji|jee|achha|acha|accha|theek hai|thik hai|theek|thik|hello|hi|namaste|sir|madam|let me tell you|i will tell you|i'll tell you|let me see|batati hoon|batati hun|batata hoon|batata hun|bata rahi hoon|bata raha hoon|to|toh|हाँ|हां|जी|अच्छा|ठीक है|ठीक|नमस्ते|बताती हूँ|बताती हूं|बताता हूँ|बताता हूं|तो)(?![\p{L}\p{M}])[\s,:.!]*)+/iu;
const TALK_TRAIL =
  /(?:[\s,.!]+(?:thanks|thank you|thanku|thankyou|thx|ty|dhanyavaad|dhanyavad|dhanyawad|dhanyawaad|shukriya|please help|please|plz|pls|help me|sir|madam|ji|likh dijiye|likh dijie|likh do|likh lijiye|likh lo|likhiye|likho|dal dijiye|daal dijiye|धन्यवाद|शुक्रिया|कृपया|जी|लिख दीजिए|लिख दीजिये|लिख दो|लिखिए))+[\s.!।]*$/iu;

/** The answer without the talk around it ("ok so Kabir please help" → "Kabir"); '' if talk is all there is. */
export function stripTalk(text: string): string {
  // the trailing talk is matched after a space: " thank you" alone is all talk too
  return ` ${text.trim()}`.replace(TALK_TRAIL, '').trim().replace(TALK_LEAD, '').trim();
}

/** An answer with its framing words and edge punctuation taken off. */
export function bareAnswer(text: string): string {
  return stripTalk(text)
    .replace(/^[\s,:;\-–—=]+/u, '')
    .replace(LEAD, '')
    .replace(TRAIL, '')
    .replace(/[\s,;.!।]+$/u, '')
    .trim();
}

// "mai papa hoon", "I am the mother", "मैं उसका भाई हूँ": who the speaker is, which answers no
// address or free-text question (the informant's, if anyone's)
const RELATION =
  '(?:father|dad|daddy|papa|papa ji|pita|pita ji|pitaji|mother|mom|mum|mummy|maa|ma|mata|mata ji|mataji|parent|guardian|brother|bhai|sister|behen|bahan|son|beta|daughter|beti|husband|pati|wife|patni|grandfather|grandmother|dada|dadi|nana|nani|chacha|chachi|mama|mami|uncle|aunt|relative|rishtedar|applicant|aavedak|informant|पिता|पिताजी|पिता जी|पापा|माँ|मां|माता|माता जी|मम्मी|अभिभावक|भाई|बहन|बेटा|बेटी|पति|पत्नी|दादा|दादी|नाना|नानी|चाचा|चाची|मामा|मामी|आवेदक)';
const SPEAKER_IS = new RegExp(
  `^(?:i am|i'm|i’m|i m|im|iam|me|main|mai|mein|mei|मैं|मै|hum|ham|हम)\\s+(?:(?:the|his|her|their|its|a|uska|uski|uske|iska|iski|unka|unki|unke|inka|inki|bachche ka|bachche ki|bache ka|bache ki|baby ka|baby ki|उसका|उसकी|उनका|उनकी|इसका|इसकी|बच्चे का|बच्चे की)\\s+)?${RELATION}(?:\\s+(?:hoon|hun|hu|h|hai|hain|है|हूँ|हूं|हू|हैं))?$`,
  'iu',
);

/** Whether the message only says who the speaker is ("mai papa hoon", "I am the father"). */
export function speakerStatement(text: string): boolean {
  return SPEAKER_IS.test(
    stripTalk(text)
      .replace(/[\s,;.!?।]+$/u, '')
      .replace(/\s+/g, ' '),
  );
}

// the words of a PIN, not of a place: "pin 208001", "पिन कोड 226001"
const PIN_WORDS =
  /(?<![\p{L}\p{M}])(?:pin|pincode|pin code|code|zip|पिन|पिनकोड|पिन कोड|कोड)(?![\p{L}\p{M}])/giu;

/** Whether an address names a place (a house, street, village or town), not only a PIN or a number. */
export function hasAddressWords(value: string): boolean {
  return /\p{L}[\p{L}\p{M}]/u.test(asciiDigits(value).replace(PIN_WORDS, ' ').replace(/\d/g, ' '));
}

// "mummy ka" (of "mummy ka naam Sunita"): a possessive that waits for its noun ends no answer
const DANGLING = /(?:^|\s)(?:ka|ki|ke|का|की|के)$/iu;
// "hoon", "है": the verb of an answer, not a name
const ONLY_VERB = /^(?:hoon|hun|hu|hai|hain|h|he|tha|thi|है|हैं|हूँ|हूं|हू|था|थी)$/iu;

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
  if (meta.read) return meta.read(text, now, fields);
  const bare = bareAnswer(text);
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
      // a name has letters (and dots of initials), no digits, and is a few words at most; "'s death"
      // (from "my father's death") is words, not a name
      return /\p{L}/u.test(bare) &&
        !/\d/.test(bare) &&
        !ONLY_VERB.test(bare) &&
        bare.split(/\s+/).length <= 6 &&
        !bare.split(/\s+/).every((w) => !nameLikeLoose(w.replace(/[.'’]/g, ''), foldForMatch(w)))
        ? bare
        : null;
    case 'address':
    case 'free_text':
      // an answer meant for another question is not this one: a PIN or a number alone ("227301" for
      // the purpose, "pin 208001" for the address), the speaker saying who they are, a label cut short
      if (bare.length === 0 || !/\p{L}/u.test(bare) || DANGLING.test(bare) || speakerStatement(text))
        return null;
      return meta.kind === 'address' && !hasAddressWords(bare) ? null : bare;
    case 'attachment':
      return null;
  }
}
