import { foldForMatch, normalise } from '../lang/normalise.js';
import { detectCommand } from './detect-command.js';
import { extractAnonymous } from './extract-anonymous.js';
import { extractDates } from './extract-date.js';
import { type FieldName, fieldCues, type GenericCue, wordsOf } from './field-cues.js';
import { stripFillers } from './strip-fillers.js';
import { turnMemo } from './turn-memo.js';

/** What a correction says: which field (when it names one), the new value, the value it replaces. */
export interface CorrectionReading {
  /** the field the correction names ("father's name" → fatherName), when it names one */
  field?: FieldName;
  /** a label naming no one field ("naam", "date"): the form maps it to its own name or date field */
  cue?: GenericCue;
  /** the new value as written, labels and particles taken off ("Mohd. Irfan Khan", "25 November") */
  newValueText: string;
  /** the value it replaces, when the message says it ("not 24 November"): find the field holding it */
  oldValueText?: string;
}

// a correction's opening: "nahi nahi,", "sorry,", "oops", "actually", "नहीं,"
const LEAD =
  /^(?:(?:nahi|nhi|nahin|nai|no|nope|sorry|sry|sori|oops|arre|arey|are|actually|acha|accha|maaf kijiye|maaf karo|maaf|galti ho gayi|galti se|नहीं|नही|सॉरी|माफ़ कीजिए|माफ कीजिए|माफ़ करें|माफ करें|माफ़|माफ|असल में|अरे)(?:\s*[,.!]+\s*|\s+))+/iu;
// clauses end at a comma, or at a full stop that ends a sentence ("the date is wrong. it is 13 nov"),
// not at an abbreviation's or an initial's dot ("Mohd. Irfan", "R. K. Sharma")
const CLAUSE_SPLIT =
  /\s*[,;]\s*|(?<!(?:^|\s)(?:mohd|mohmd|md|dr|smt|shri|sh|mr|mrs|ms|km|kum|no|nos|st|h\.no|\p{L}))\.\s+|\s+(?:but|balki|बल्कि|lekin|लेकिन|magar|मगर)\s+|\s+-\s+/iu;
const NOT_START = /^(?:not|nahi|nhi|नहीं|नही)\s+(.+)$/iu;
const NOT_INSIDE = /^(.*?)(?:\s+is|\s+was)?\s+not\s+(.+)$/iu;
const AUXILIARY =
  /(?:^|\s)(?:did|does|do|was|were|is|are|has|have|had|could|would|will|can|should|shall|must)$/iu;
const NEG_END = /^(.+?)\s+(?:nahi|nhi|nahin|नहीं|नही|not)(?:\s+(?:hai|h|है|tha|था|thi|थी|hota|hoga))?$/iu;
const NEG_MIDDLE = /^(.+?)\s+(?:nahi|nhi|nahin|नहीं|नही)\s+(.+)$/iu;
const WRONG =
  /^(.*?)\s*(?:(?:is|was|hai|है|h|tha|था)\s+)?(?:galat|galt|ghalat|wrong|incorrect|गलत|ग़लत)(?:\s+.*)?$/iu;
const WRONG_SPLIT =
  /^(.*?)\s*(?:(?:is|was|hai|है|h|tha|था)\s+)?(?:galat|galt|ghalat|wrong|incorrect|गलत|ग़लत)(?=\s|$)(?:\s+(?:hai|है|h|tha|था|likha|likha gaya|लिखा|लिखा गया|ho gaya|हो गया|hua|हुआ))*\s*(.*)$/iu;
const INSTEAD = /^(.+?)\s+(?:ki jagah|ke jagah|की जगह|ke badle|के बदले)\s+(.+)$/iu;
const INSTEAD_EN = /^(.+?)\s+(?:instead of|in place of|rather than)\s+(.+)$/iu;
const CHANGE_EN =
  /^(?:please\s+|pls\s+|plz\s+|kindly\s+)?(?:change|update|correct|fix|edit|make|set|replace)\s+(?:the\s+)?(.+?)\s+(?:to|as|into|with)\s+(.+)$/iu;
const CHANGE_HI =
  /^(.+?)\s+(?:ko\s+|को\s+)?(?:badal\s*(?:kar|ke|kr)|badalkar|badalke|बदलकर|बदल कर|बदल के|change\s*(?:kar|kr)\s*(?:ke|kar)?|changekarke|sudhar\s*(?:kar|ke)|सुधार कर|update\s*(?:kar|kr)\s*(?:ke)?)\s+(.+?)$/iu;
const DO_IT =
  /\s+(?:kar do|kardo|kar dijiye|kar dijie|kariye|kijiye|karo|karein|karen|kar de|likho|likh do|likh dijiye|likhiye|rakho|kar den|कर दो|करो|कीजिए|कर दीजिए|करें|कर दें|लिखो|लिख दो|लिखिए|रखो|please|plz)+$/iu;
// "sahi naam Rekha hai", "correct name is Rekha", "सही पता …": a correction without a "not"
const RIGHT_ONE = /(?:^|\s)(?:sahi|सही|correct|right|asli|असली)(?:\s|$)/iu;
// words that link a label to its value or wrap a value: never part of it
const LINK = new Set(
  `is was are should be will it s its it the a hai h he है tha था thi थी hain हैं ka ki ke का की के ko को to se से
  sahi सही correct right actual asli असली naya nayi new नया नई likha likhna likho लिखा लिखना lika likh gaya gayi गया गई
  hona hoga chahiye होना होगा चाहिए kar karo do kardo कर करो दो please plz ji जी mein me main में of my mera meri मेरा मेरी`
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(foldForMatch),
);

const ANSWER_WORDS =
  /^(?:haan|han|ha|haa|ji|yes|yeah|yep|ok|okay|theek|thik|accha|acha|bilkul|sab|sab kuch|all|everything|हाँ|हां|जी|ठीक|सब|बिल्कुल)(?:\s+(?:haan|ji|hai|है|sab|ok|जी|हाँ))*$/iu;
const PLACE_FIELDS = new Set<string>([
  'hospitalName',
  'address',
  'district',
  'placeOfBirth',
  'date',
  'pinCode',
]);

interface Value {
  text: string;
  field?: FieldName;
  cue?: GenericCue;
}

/** A value with its label and linking words taken off, and the field the label named. */
function cleanValue(text: string): Value {
  const w = wordsOf(text);
  const hits = fieldCues(w);
  const out: Value = { text: '' };
  const drop = new Set<number>();
  for (const h of hits) {
    // a label only at the edges of the value ("father's name is X", "X pita ka naam"): "Ram Mandir
    // Road" keeps its words
    const atStart = w.raw.slice(0, h.start).every((r) => LINK.has(foldForMatch(r)));
    // "District Hospital", "Civil Lines pata"? a place's own name ends in such words: only names' labels
    // are taken off the end ("Rekha, maa ka naam")
    const atEnd =
      !PLACE_FIELDS.has(h.field) && h.end > 0 && w.raw.slice(h.end).every((r) => LINK.has(foldForMatch(r)));
    if (!atStart && !atEnd) continue;
    if (h.field === 'name' || h.field === 'date') out.cue ??= h.field;
    else out.field ??= h.field;
    for (let i = h.start; i < h.end; i++) drop.add(i);
  }
  let words = w.raw.filter((_, i) => !drop.has(i));
  const linkish = (r: string) => LINK.has(foldForMatch(r)) || foldForMatch(r) === '';
  while (words.length > 0 && linkish(words[0])) words = words.slice(1);
  while (words.length > 0 && linkish(words[words.length - 1])) words = words.slice(0, -1);
  out.text = stripFillers(words.join(' '));
  return out;
}

// A value is a name, a date, a number or a place: a verb in it means the sentence tells a story
// ("doctor nahi aaye, nurse ne daanta", "the doctor did not come"), it corrects nothing
const STORY_WORD = new Set(
  `aaye aaya aayi aate aata aati mili mila mile milti milta diya di diye dete deta kiya kiye karte karta hua hui hue
  gaya gayi gaye daanta danta mara maara liya liye lete leta dekha dekhi suna suni bola boli bole raha rahi rahe hota hoti
  ne nahi nhi mat did does do done was were are has have had come came comes gave give took take told said asked saw
  went goes there they he she we us them आए आया आई आते मिली मिला मिले दिया दी दिए किया किए हुआ हुई हुए गया गई गए
  डांटा मारा लिया लिए देखा सुना बोला रहा रही रहे होता होती ने नहीं मत rakha rakhi rakhenge socha chalega
  chalegi koi रखा रखी रखेंगे सोचा चलेगा चलेगी कोई
  में mein ko को se से par पर pe पे bahut बहुत tak तक hai है hain हैं likhiye लिखिए
  wait ruko ruk rukiye rehne rahne yet later baad रुको रुकिए रहने बाद can could may sakte sakta sakti सकते सकता`
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(foldForMatch),
);

function storyLike(text: string): boolean {
  return foldForMatch(text)
    .split(' ')
    .some((w) => STORY_WORD.has(w));
}

function reading(newText: string, oldText: string | null, whole: string): CorrectionReading | null {
  const next = cleanValue(newText.replace(DO_IT, ''));
  // "haan sahi hai" confirms; it corrects nothing
  if (next.text === '' || ANSWER_WORDS.test(next.text) || storyLike(next.text)) return null;
  if (oldText !== null && storyLike(cleanValue(oldText).text)) return null;
  const old = oldText === null ? null : cleanValue(oldText);
  const out: CorrectionReading = { newValueText: next.text };
  const field = next.field ?? old?.field ?? labelIn(whole);
  if (field) out.field = field;
  const cue = next.cue ?? old?.cue;
  if (!out.field && cue) out.cue = cue;
  if (old && old.text !== '') out.oldValueText = old.text;
  return out;
}

function labelIn(text: string): FieldName | undefined {
  return fieldCues(wordsOf(text)).find((h) => h.field !== 'name' && h.field !== 'date')?.field as
    | FieldName
    | undefined;
}

/**
 * Call it where a message may correct an earlier answer (analysis.correction, or at the summary).
 * Reads a correction: "X, not Y", "not Y, X", "Y galat hai, X hai", "माँ का नाम गलत लिखा गया, सही नाम X
 * है", "change the father's name to X", "pita ka naam badal ke X kar do", "the date of birth is 25
 * November, not 24 November", "nahi nahi, X", "45 ki jagah 54". Null when the message corrects
 * nothing (no "not", "galat", "change", "sahi", "ki jagah", nor a leading "nahi"/"sorry").
 * The values are text: read them with the field's own extractor.
 */
export function readCorrection(text: string): CorrectionReading | null {
  // the form asks it of the same message at each step that may take a correction
  const c = turnMemo('readCorrection', text, () => correctionIn(text));
  return c ? { ...c } : null;
}

function correctionIn(text: string): CorrectionReading | null {
  const whole = normalise(text).replace(/[.!?।]+$/u, '');
  // "no, show my name", "nahi naam bata sakte ho" answer the anonymity question; "nahi ruko, cancel" is
  // a command: none of them corrects a field
  const folded = foldForMatch(whole).split(' ');
  if (extractAnonymous(folded, { asked: true }) !== null || detectCommand(whole) !== null) return null;
  const lead = LEAD.exec(whole);
  const rest = lead ? whole.slice(lead[0].length) : whole;
  if (rest.trim() === '') return null;

  const instead = INSTEAD.exec(rest);
  if (instead) return reading(instead[2], instead[1], whole);
  const insteadEn = INSTEAD_EN.exec(rest);
  if (insteadEn) return reading(insteadEn[1], insteadEn[2], whole);

  // "change the father's name to X" (a label), "change Rekha to Reena" (the old value)
  const change = CHANGE_EN.exec(rest) ?? CHANGE_HI.exec(rest);
  if (change) return reading(change[2], change[1], whole);

  const clauses = rest.split(CLAUSE_SPLIT).filter((c) => c.trim() !== '');
  if (clauses.length >= 2) {
    const [first, ...others] = clauses;
    const last = clauses[clauses.length - 1];
    const notFirst = NOT_START.exec(first) ?? NOT_INSIDE.exec(first);
    const negFirst = NEG_END.exec(first);
    const notLast = NOT_START.exec(last);
    const negLast = NEG_END.exec(last);
    // "25 November, not 24 November", "Ramesh hai, Suresh nahi": the denial comes last
    if (notLast || negLast) {
      const denied = (notLast ?? negLast)![1];
      return reading(clauses.slice(0, -1).join(', '), denied, whole);
    }
    // "not 24, 25 november", "Suresh nahi, Ramesh hai", "mother's name is not Reena but Rekha"
    if (notFirst || negFirst) {
      const denied = notFirst ? notFirst[notFirst.length - 1] : negFirst![1];
      const label = notFirst && notFirst.length === 3 ? `${notFirst[1]} ` : '';
      return reading(`${label}${others.join(', ')}`, denied, whole);
    }
  }
  // "Reena galat hai, Rekha sahi hai", "माँ का नाम गलत लिखा गया, सही नाम रेखा देवी है"
  const wrongAt = clauses.findIndex((c) => WRONG.test(c));
  if (wrongAt >= 0) {
    const m = WRONG_SPLIT.exec(clauses[wrongAt])!;
    const others = clauses.filter((_, i) => i !== wrongAt);
    // "गलत लिखा गया, सही नाम X": what follows "galat" in its clause is a label or nothing; the value
    // is in the other clauses, when there are any
    const after = cleanValue(m[2]).text === '' || others.length > 0 ? null : m[2];
    const newText = after ?? others.join(', ');
    if (newText.trim() === '') return null;
    return reading(newText, m[1].trim() === '' ? null : m[1], whole);
  }
  if (clauses.length === 1) {
    // "Suresh nahi Ramesh", "mother is not Reena"
    const neg = NEG_MIDDLE.exec(rest);
    if (neg && !NEG_END.test(rest)) return reading(neg[2], neg[1], whole);
    const not = NOT_INSIDE.exec(rest);
    // "the medicine was not available" denies nothing typed earlier
    if (not && !AUXILIARY.test(not[1])) return reading(not[1], not[2], whole);
  }
  // "acha to Sunita Yadav" (well, so …) opens an answer; "nahi nahi,", "sorry," a correction
  const denies = lead !== null && !ACKNOWLEDGE_ONLY.test(lead[0]);
  if (denies || RIGHT_ONE.test(rest)) return reading(rest, null, whole);
  return null;
}

const ACKNOWLEDGE_ONLY = /^(?:(?:acha|accha)(?:\s*[,.!]+\s*|\s+))+$/iu;

/**
 * The field of a draft that holds the value a correction denies: "not Kavita, Kavya" with
 * { motherName: 'Kavita Devi' } → 'motherName'; "not 24 November" with { dateOfBirth: '2026-11-24' }
 * → 'dateOfBirth' (dates are compared as dates when `now` is given). Undefined when no field, or more
 * than one, holds it: then the engine asks which field is meant.
 */
export function fieldHolding(
  values: Readonly<Record<string, unknown>>,
  oldValueText: string,
  now?: Date,
): string | undefined {
  const old = foldForMatch(oldValueText);
  if (old === '') return undefined;
  const oldDate = now ? extractDates(oldValueText, now)[0] : undefined;
  const matches = Object.entries(values).filter(([, v]) => {
    if (typeof v !== 'string' || v === '') return false;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return oldDate === v;
    const value = foldForMatch(v);
    // "not Suresh" denies "Suresh Gupta": the words said are whole words of the value
    return value === old || ` ${value} `.includes(` ${old} `);
  });
  return matches.length === 1 ? matches[0][0] : undefined;
}
