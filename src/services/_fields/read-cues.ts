import { normalise } from '../../lang/normalise.js';
import { turnMemo } from '../../nlu/turn-memo.js';
import type { AnyService, FieldMeta } from '../types.js';
import { atClauseStart, opensClause } from './clause-cue.js';
import { valueBeforeLabel } from './label-after-value.js';
import { readField, stripTalk } from './read-field.js';

/** What the cues are read from: a service's fields (a service, or its fields on their own). */
type Labelled = Pick<AnyService, 'fields'>;

// whole words only: "Kavita" does not lose its "ka"
// ("Applicant's name: X", the summary's own label written back: its "'s name" is the label's too)
const LINK =
  /^(?:\s*(?:[:=\-–—]|['’]s(?![\p{L}\p{M}])|(?:is|was|hai|है|h(?!\.)|ji|जी|ka naam|ki naam|का नाम|की|ka|ki|का|name|naam|नाम)(?![\p{L}\p{M}])))*\s*/iu;
// a value ends at punctuation, a conjunction, or the start of another labelled field
// a dot ends a value only before a lower-case word or the end: "Mohd. Irfan Khan", "R. K. Sharma" stay whole
// ("₹1,20,000": a comma between digits is the amount's own)
const STOP = /,(?!\d)|[;।\n]|\.(?=\s*$)|\.(?=\s+[a-z])|\s(?:and|aur|और|or|but|lekin)\s/u;
// an address is written with commas ("12 Gandhi Nagar, Aliganj"): only a clause break ends it
const ADDRESS_STOP =
  /[;।\n]|\.(?=\s*$)|,?\s(?:and|aur|or|but|lekin|my|mera|meri|mere|i|main|मेरा|मेरी|और|लेकिन)\s/iu;
// a list ("kheti aur mazdoori", "farming, daily wages and a small shop") is joined by commas and
// "and": only a clause break or the citizen going on about something else ends it
const LIST_STOP =
  /[;।\n]|\.(?=\s*$)|,?\s(?:but|lekin|my|mera|meri|mere|i|main|मेरा|मेरी|लेकिन)\s|,?\s(?:and|aur|और)\s+(?:my|mera|meri|mere|i|main|मेरा|मेरी|मेरे|मैं)\s/iu;
// what a list may trail before the next label: "kheti aur mazdoori aur pata …"
const LIST_TAIL = /[\s,]*(?:(?<![\p{L}\p{M}])(?:and|aur|और))?[\s,]*$/u;

// "naam Rajesh Gupta kar do", "purpose naukri karo" at a summary: the request, not the value
const REQUEST_AFTER =
  /\s+(?:kar\s+(?:do|dijiye|dijie|dena|den|dein|diya\s+jaye)|karo|karein|karen|kijiye|karna\s+hai|karna|कर\s+(?:दो|दीजिए|दीजिये|देना|दें)|करो|करें|कीजिए|करना\s+है)(?:\s+(?:please|plz|pls|ji|जी))?\s*[.!।]*$/iu;

// "jati badalni hai", "address change karna hai": the label named to be changed, no value given
const CHANGE_ONLY =
  /^(?:ko\s+|को\s+)?(?:badalna|badalni|badalne|badlna|badlni|badlne|badal\s+(?:do|dijiye|dijie|dena|den|dein)|badlo|badliye|change|change\s+(?:karna|karni|karo|kar\s+do|kijiye)|update\s+(?:karna|karni|karo|kar\s+do|kijiye)|sahi\s+(?:karna|karni|karo|kar\s+do|kijiye)|theek\s+(?:karna|karni|karo|kar\s+do|kijiye)|thik\s+(?:karna|karni|karo|kar\s+do|kijiye)|बदलना|बदलनी|बदलने|बदल\s+(?:दो|दीजिए|दीजिये|दें)|बदलो|बदलिए|सही\s+(?:करना|करनी|करो|कर\s+दो|कीजिए))(?:\s+(?:hai|h|he|hain|tha|है|हैं|please|plz|pls|ji|जी))*\s*[.!?।]*$/iu;

const WRONG_FIRST = /^(?:galat|galt|wrong|incorrect|not|गलत|ग़लत)(?![\p{L}\p{M}])/iu;
const RIGHT_ONE =
  /(?:sahi|correct|right|should be|सही)(?:\s+(?:naam|name|नाम))?(?:\s+(?:is|hai|है|[:=]))?\s+([^,;।\n]+)/iu;
// "pata nahi" (don't know), "नहीं" after a label: no value
// ("uska naam abhi rakha nahi": a denial within the first words says there is none yet)
const NEGATED =
  /^(?:(?:nahi|nahin|nhi|no|नहीं|नही)|(?:[^\s,]+\s+){1,2}(?:nahi|nahin|nhi|नहीं|नही))(?![\p{L}\p{M}])/iu;

// "district hospital", "district women hospital", "जिला महिला अस्पताल": the name of a hospital
const NOT_A_CUE_BEFORE =
  /^\s+(?:(?:women|women's|womens|woman|mahila|महिला|civil|sadar|सदर|combined|general|male|purush|पुरुष|bal|children|maternity)\s+)?(?:hospital|aspatal|asptal|अस्पताल|court|office|magistrate|hq|headquarters)(?![\p{L}\p{M}])/iu;

// "papa ka caste certificate banwana hai", "पिताजी का मृत्यु प्रमाण पत्र": whose document it is, not a
// label before the father's name (the words after it are the request, "banwana" no one's name)
const DOCUMENT_AFTER =
  /^\s*(?:(?:ka|ki|ke|का|की|के|'s|’s)\s+)?(?:[\p{L}\p{M}]+\s+){0,2}?(?:certificate|cert|praman\s*patra|pramanpatra|प्रमाण\s*पत्र|प्रमाणपत्र|registration|panjikaran|पंजीकरण|application|aavedan|आवेदन)(?![\p{L}\p{M}])/iu;

const NAME_WORD = /(?:name|naam|नाम)/iu;
const LABEL_BEFORE = /(?:^|[,;.।\n])\s*$/u;
const POSSESSIVE_BEFORE =
  /(?<![\p{L}\p{M}])(?:my|our|mere|meri|mera|apne|apni|apna|hamare|humare|अपने|अपनी|मेरे|मेरी|हमारे)\s+$/iu;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function cueRegex(cue: string): RegExp {
  // whole words, in Latin or Devanagari text
  return new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegex(cue.toLowerCase())}(?![\\p{L}\\p{M}])`, 'iu');
}

// Case-insensitive matching of ASCII and Devanagari cues: a Devanagari letter matches only itself, an
// ASCII letter its two cases and these two (KELVIN SIGN ~ k, LONG S ~ s); without them in the text,
// a cue absent from the lower-cased text cannot match there.
const FOLDS_TO_ASCII = /[\u212A\u017F]/;
const PLAIN = /^[\x00-\x7F\u0900-\u097F]*$/;

interface CompiledCue {
  /** global: every place the cue's words are written */
  all: RegExp;
  /** the cue lower-cased when it is ASCII or Devanagari only, to skip its regex when it cannot match */
  plain: string | null;
}

// Cues are the services' static labels (a few hundred): compiled once, not ~80 regexes a message.
// The cap only guards against a caller building cues from input.
const MAX_COMPILED = 4096;
const compiledCues = new Map<string, CompiledCue>();

function compiled(cue: string): CompiledCue {
  let c = compiledCues.get(cue);
  if (!c) {
    if (compiledCues.size >= MAX_COMPILED) compiledCues.clear();
    const lower = cue.toLowerCase();
    c = { all: new RegExp(cueRegex(cue).source, 'giu'), plain: PLAIN.test(lower) ? lower : null };
    compiledCues.set(cue, c);
  }
  return c;
}

/** label: the summary's own "Label:", written back; clause: a label only where a clause opens */
type Cue = { field: string; cue: string; label?: true; clause?: true };
interface CueList {
  key: number;
  /** the fields' cues, longest first */
  cues: Cue[];
  /** the same with the summary's own labels ("Label:"), for a message with a colon */
  withLabels: Cue[];
}

// A service's cues, listed once per service (static data; the WeakMap lets go of a service no
// longer used). The key tells service objects apart in the turn memo, even two with one id.
const cueLists = new WeakMap<Labelled, CueList>();
let listed = 0;

function cueList(service: Labelled): CueList {
  let list = cueLists.get(service);
  if (!list) {
    const byLength = (a: Cue, b: Cue) => b.cue.length - a.cue.length;
    const own = Object.entries(service.fields as Record<string, FieldMeta>).flatMap(([field, meta]) => [
      ...(meta.cues ?? []).map((cue): Cue => ({ field, cue })),
      ...(meta.clauseCues ?? []).map((cue): Cue => ({ field, cue, clause: true })),
    ]);
    const labels = Object.entries(service.fields as Record<string, FieldMeta>).flatMap(([field, meta]) =>
      [...new Set(Object.values(meta.label))].map((l) => ({ field, cue: `${l}:`, label: true as const })),
    );
    list = { key: ++listed, cues: [...own].sort(byLength), withLabels: own.concat(labels).sort(byLength) };
    cueLists.set(service, list);
  }
  return list;
}

export interface CuedValue {
  field: string;
  /** the words the value was taken from */
  words: string;
  /** where its label starts in the (normalised) message */
  start: number;
  /** the label itself, as listed in the field's cues */
  cue: string;
}

/**
 * The segments of a message that a label points at ("father's name is Ramesh Kumar",
 * "पता: 12 गांधी नगर", "pin 226001"), per field other than `except`. Longest cue first, so
 * "father's name" wins over "name".
 */
export function cuedSegments(service: Labelled, text: string, except: string | null): CuedValue[] {
  // the form looks for the labels of one message several times a turn; each caller gets its own copies
  const key = `${cueList(service).key}\u0000${except ?? ''}\u0000${text}`;
  return turnMemo('cuedSegments', key, () => segmentsOf(service, text, except)).map((v) => ({ ...v }));
}

// a district's name reads the same on any day
const ANY_DAY = new Date(0);

function segmentsOf(service: Labelled, text: string, except: string | null): CuedValue[] {
  const source = normalise(text);
  const lower = FOLDS_TO_ASCII.test(source) ? null : source.toLowerCase();
  // the summary's own "Label: value" written back ("Parents' address at the time of birth: …")
  const cues = source.includes(':') ? cueList(service).withLabels : cueList(service).cues;
  // "अनुसूचित जाति", "scheduled caste": a choice's own words hold no other field's label
  const taken: [start: number, end: number, cue?: string][] = choiceSpans(service, source);
  const found: { field: string; start: number; end: number; cue: string }[] = [];
  for (const { field, cue, label, clause } of cues) {
    const c = compiled(cue);
    if (lower !== null && c.plain !== null && !lower.includes(c.plain)) continue;
    const isLabel = (m: RegExpExecArray, nth: number) => {
      const start = m.index;
      const end = start + m[0].length;
      // the words again further on are a label only where they open a part ("…, mrityu 10 november"),
      // not inside a phrase ("sahi naam X" after "pita ka naam galat hai")
      if (nth > 0 && !atClauseStart(source, start)) return false;
      // the summary's "Hospital: …" opens a line or follows a comma; in "Safdarjung hospital: staff
      // was rude" the word ends a name and the colon opens what is said of it
      // ("ok, Hospital: …", "haan Hospital: …": talk before it is no name)
      if (label && !LABEL_BEFORE.test(source.slice(0, start)) && stripTalk(source.slice(0, start)) !== '')
        return false;
      // "mujhe pata nahi", "पता चला": the everyday word, not the address's label
      if (clause && !opensClause(source, start, end)) return false;
      // "district hospital Sitapur" names a hospital, not the district
      if (NOT_A_CUE_BEFORE.test(source.slice(end))) return false;
      if (!NAME_WORD.test(cue) && DOCUMENT_AFTER.test(source.slice(end))) return false;
      // "my father's death", "अपने पिताजी का मृत्यु प्रमाण पत्र": a relation spoken of, not a label
      if (!NAME_WORD.test(cue) && POSSESSIVE_BEFORE.test(source.slice(0, start))) return false;
      // one label two fields list ("died at": the kind of place and the place) gives its words to both
      return !taken.some(
        ([a, b, other]) => start < b && end > a && !(a === start && b === end && other === cue),
      );
    };
    // the first place the words are a label: "mrityu" inside "mrityu ka sthan" is not the date's,
    // the "mrityu 10 november" after it is
    let m: RegExpExecArray | undefined;
    let nth = 0;
    for (const hit of source.matchAll(c.all))
      if (isLabel(hit, nth++)) {
        m = hit;
        break;
      }
    if (!m) continue;
    const start = m.index;
    const end = start + m[0].length;
    taken.push([start, end, cue]);
    if (found.some((f) => f.field === field)) continue;
    found.push({ field, start, end, cue });
  }
  found.sort((a, b) => a.start - b.start);
  const fields = service.fields as Record<string, FieldMeta>;
  // "…, Patna district, pin …": a district's label after its name; the value opens the part
  const valueAt = found.map((f, i) => {
    const meta = fields[f.field];
    if (meta?.kind !== 'district') return null;
    const district = (words: string) => readField(meta, words, ANY_DAY) != null;
    const after = valueAfter(
      service,
      source,
      f,
      found.find((o) => o.start > f.start)?.start ?? source.length,
    );
    if (after && district(after)) return null;
    return valueBeforeLabel(source, found[i - 1]?.end ?? 0, f.start, district);
  });
  const out: CuedValue[] = [];
  found.forEach((f, i) => {
    if (f.field === except) return;
    // the next label after this one (a label two fields share starts here too)
    const j = found.findIndex((o, k) => k > i && o.start > f.start);
    const next = j < 0 ? source.length : (valueAt[j] ?? found[j].start);
    const at = valueAt[i];
    const words = at === null ? valueAfter(service, source, f, next) : source.slice(at, f.start).trim();
    if (words) out.push({ field: f.field, words, start: at ?? f.start, cue: f.cue });
  });
  return out;
}

/**
 * The items of a list up to the first comma part that cannot be one: a part with digits, of more
 * than six words, or opening with a field's label word is another answer ("srot kheti, pata
 * H.No. 12 Station Road", "kheti, pata nahi").
 */
function listItems(rest: string, cues: readonly Cue[]): string {
  const parts = rest.split(/,(?!\d)/);
  const item = (part: string) => {
    const p = part.trim();
    const lower = p.toLowerCase();
    return (
      ITEM.test(p) &&
      p.split(/\s+/).length <= 6 &&
      !cues.some(({ cue }) => lower === cue || lower.startsWith(`${cue.toLowerCase()} `))
    );
  };
  let end = 1;
  while (end < parts.length && item(parts[end])) end++;
  return parts.slice(0, end).join(',');
}
const ITEM = /^[\p{L}\p{M}\s'’-]+$/u;

/** The words after a label up to `next` (the next label), its value's own end, or null when it gives none. */
function valueAfter(
  service: Labelled,
  source: string,
  f: { field: string; end: number },
  next: number,
): string | null {
  let rest = source.slice(f.end, next).replace(LINK, '');
  // "pita ka naam galat hai, sahi naam X hai", "father's name not Y, X": the value is the right one
  if (WRONG_FIRST.test(rest)) {
    const right = RIGHT_ONE.exec(source.slice(f.end));
    const afterStop = STOP.exec(rest);
    if (right) rest = right[1];
    else if (afterStop) rest = rest.slice(afterStop.index + afterStop[0].length);
    else return null;
  }
  if (NEGATED.test(rest) || CHANGE_ONLY.test(rest.trim())) return null;
  const meta = service.fields[f.field];
  const list = meta?.listValue === true;
  const stop = (meta?.kind === 'address' ? ADDRESS_STOP : list ? LIST_STOP : STOP).exec(rest);
  if (stop) rest = rest.slice(0, stop.index);
  if (list) rest = listItems(rest, cueList(service).cues).replace(LIST_TAIL, '');
  rest = rest.replace(REQUEST_AFTER, '');
  return rest.trim() || null;
}

const CHOICE_WORDS = new WeakMap<Labelled, RegExp[]>();

/** Where the message names a choice in words that hold another field's label. */
function choiceSpans(service: Labelled, source: string): [number, number][] {
  let words = CHOICE_WORDS.get(service);
  if (!words) {
    const cues = Object.values(service.fields).flatMap((m) => m.cues ?? []);
    words = Object.values(service.fields)
      .flatMap((m) => Object.values(m.choices ?? {}).flatMap((c) => c.words))
      .filter((w) => w.includes(' ') && cues.some((c) => cueRegex(c).test(w)))
      .map(cueRegex);
    CHOICE_WORDS.set(service, words);
  }
  const spans: [number, number][] = [];
  for (const re of words) {
    const m = re.exec(source);
    if (m) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

// the kinds whose values any words fit: a label of one of these says less about whose the words are
const OPEN_KINDS = new Set(['address', 'free_text']);
const PERSON_LABEL = /(?:name|naam|नाम|(?<![\p{L}\p{M}])is$)/iu;
const BEFORE_VALUE = /^[\s,;:.!\-–—]*$/u;
const AFTER_VALUE = /^[\s,;:.!?।\-–—]*(?:(?:and|aur|और|also|bhi|भी)(?![\p{L}\p{M}])[\s,;:.!?।\-–—]*)?/iu;

/**
 * An answer that opens with another field's label and a value of that field ("mummy ka naam
 * Sunita", "pin 208001" sent to the address question): that field's, not the one asked. Gives the
 * field it names and what the message says after that value ('' when nothing), or null when the
 * message does not open so. Only a label of a shaped value (a name, a PIN, a date, a district, a
 * choice) counts: "Address: 12 Civil Lines" fits a home's place as well as the address.
 */
export function ledByLabel(
  service: Labelled,
  text: string,
  asking: string,
  now: Date,
  filled: Record<string, unknown> = {},
): { field: string; rest: string } | null {
  const source = normalise(text);
  const fields = service.fields as Record<string, FieldMeta>;
  const first = cuedSegments(service, text, asking).find((s) => {
    const meta = fields[s.field];
    if (!meta || OPEN_KINDS.has(meta.kind)) return false;
    // "Mata Mandir Road", "Pita Ji Nagar": a relation's word alone opens many a place's name; a
    // person's label says "name" ("mummy ka naam", "mother's name is")
    if (meta.kind === 'person_name' && !PERSON_LABEL.test(s.cue)) return false;
    if (stripTalk(source.slice(0, s.start)).replace(BEFORE_VALUE, '') !== '') return false;
    const value = readField(meta, s.words, now, filled);
    return value !== null && value !== undefined;
  });
  if (!first) return null;
  const at = source.indexOf(first.words, first.start);
  const after = at < 0 ? '' : source.slice(at + first.words.length).replace(AFTER_VALUE, '');
  return { field: first.field, rest: stripTalk(after) };
}
