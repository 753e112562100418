import { foldNormalised } from '../lang/normalise.js';
import { DISTRICTS } from './lexicon/districts.js';
import { displayWord, NOT_A_NAME } from './name-words.js';
import { PhraseIndex } from './phrase-index.js';
import type { Tokens } from './tokenise.js';

type Kind = 'word' | 'institution';

const WORDS = `hospital|hospitals|hosptal|hospitel|hospatal|haspatal|aspatal|aspataal|asptal|aspatal|अस्पताल|हॉस्पिटल|हस्पताल
hospitl|hosp|hsptl|hosptl|hospitaal|hospial|hopital|hopsital|hosital|haspital|hospittal|aspatl|asptaal|aspattal|hspatal|होस्पिटल|हास्पिटल|अस्पतल
clinic|clinik|क्लिनिक|dispensary|डिस्पेंसरी|nursing home|नर्सिंग होम|health centre|health center|swasthya kendra
स्वास्थ्य केंद्र|स्वास्थ्य केन्द्र|medical college|मेडिकल कॉलेज|maternity home|prasuti grih|प्रसूति गृह|trauma centre|chc|phc
सीएचसी|पीएचसी|community health centre|primary health centre|sub centre|upkendra|उपकेंद्र|aushadhalaya`;
const INSTITUTIONS = `aiims|एम्स|kgmu|केजीएमयू|pgi|sgpgi|pgimer|पीजीआई|safdarjung|safdarjang|सफदरजंग|rml|ram manohar lohia|lohia
लोहिया|lok nayak|lnjp|gtb|lady hardinge|kalawati saran|राम मनोहर लोहिया|apollo|fortis|medanta|max hospital|jipmer|tata memorial|kem
cmc vellore|sms hospital|nims|esic|esi`;

const parse = (s: string, kind: Kind) => s.split(/[|\n]/).map((w) => [w.trim(), kind] as const);
const ANCHORS = new PhraseIndex<Kind>([...parse(WORDS, 'word'), ...parse(INSTITUTIONS, 'institution')]);
const DISTRICT_INDEX = new PhraseIndex<true>(
  DISTRICTS.flatMap((d) => d.forms.map((f) => [f, true] as const)),
);

// Words that may stand in front of "hospital" as part of its name.
const NAMING = new Set(
  'district zila jila zilla sadar civil mahila women womens children bal general memorial medical'.split(' '),
);
const NAMING_HI = new Set(['जिला', 'सदर', 'महिला', 'सिविल', 'बाल', 'जिल्ला']);
// Words that say what kind of hospital it is without naming one.
// "sarkari aspatal", "private hospital": what kind it is, which is all some citizens can say
const GENERIC = new Set(
  'sarkari sarkaari government govt private pvt bada bade badi local city सरकारी प्राइवेट बड़े बड़ा'
    .split(' ')
    .map(foldNormalised),
);
const STOP_BEFORE = new Set(
  'namaste namaskar namaskaar namastey pranam hello hi hii helo नमस्ते नमस्कार प्रणाम doctor doctors nurse nurses staff ward emergency opd against about regarding complaint shikayat shikayt from ek a the koi kisi एक किसी nearby paas ka ki ke ko se ne mein me main in at on of to the a an is was hua hui hai h tha thi my no not any meri mera hamare hamari wale wala wali par pe aur and ya or nahi mein का की के को से ने में मेरी मेरा पर और नहीं वाले वाला वाली पास है था हुआ हुई'
    // "2 दिन पहले जिला अस्पताल", "kal district hospital": when it happened, not the hospital's name
    // (every Devanagari word looks capitalised to the name reader)
    .concat(
      ' din dino dinon pehle pahle kal aaj parso parson hafte hafta mahine baad abhi subah shaam raat दिन दिनों पहले कल आज परसों हफ्ते हफ़्ते महीने सप्ताह बाद अभी सुबह शाम रात',
    )
    .split(' '),
);

const IN = new Set(['in', 'at', 'of', 'me', 'mein', 'में']);
// "ward 24 hospital", "bed no 12": a number after these counts something; it names no hospital
const COUNTING = new Set(
  'ward bed room kamra no number num platform gate floor vard वार्ड बेड कमरा नंबर'
    .split(' ')
    .map(foldNormalised),
);
const SAINT = new Set(['st', 'saint', 'sant', 'संत']);
// "CHC Bakshi ka Talab", "PHC Kasba ki Bazar": a place's name may hold a "ka" between two of its words
const LINKING = new Set(['ka', 'ki', 'ke', 'का', 'की', 'के']);
const FACILITY = new Set(
  'chc|phc|सीएचसी|पीएचसी|community health centre|primary health centre|health centre|health center|sub centre'
    .split('|')
    .map(foldNormalised),
);

export interface HospitalMention {
  /** the hospital's name as the citizen wrote it, tidied ("AIIMS Delhi", "District Hospital Sitapur"); null if unnamed */
  name: string | null;
  start: number;
  end: number;
}

function districtAfter(t: Tokens, at: number): number {
  if (at > 0 && t.breakAfter[at - 1]) return at;
  const hit = DISTRICT_INDEX.findLongest(t.folded.slice(at, at + 4))[0];
  return hit && hit.start === 0 ? at + hit.end : at;
}

/**
 * The first hospital the message names, else the first it mentions unnamed: "aspatal me dawai
 * nahi mili, phc bakshi" is about PHC Bakshi.
 */
export function findHospital(t: Tokens): HospitalMention | null {
  let unnamed: HospitalMention | null = null;
  for (const hit of ANCHORS.findLongest(t.folded)) {
    const mention = mentionAt(t, hit);
    if (mention.name) return mention;
    unnamed ??= mention;
  }
  return unnamed;
}

function mentionAt(t: Tokens, hit: { start: number; end: number; value: Kind }): HospitalMention {
  let start = hit.start;
  let end = hit.end;
  if (hit.value === 'institution') {
    end = hospitalWordAfter(t, end);
    end = districtAfter(t, end);
    return { name: render(t, start, end), start, end };
  }
  let named = false;
  while (start > 0 && hit.start - start < 3 && !t.breakAfter[start - 1]) {
    const f = t.folded[start - 1];
    const raw = t.raw[start - 1];
    if (STOP_BEFORE.has(f) || COUNTING.has(f)) break;
    // "24 Care Hospital", "Sector 12 Hospital": a short number may be part of a name (checked below)
    if (/\d/.test(raw)) {
      if (!/^\d{1,4}$/.test(raw)) break;
      start -= 1;
      continue;
    }
    const modifier = GENERIC.has(f) || NAMING.has(f) || NAMING_HI.has(f);
    // "mujhe hospital ki shikayat", "मुझे अस्पताल की": a sentence word, not part of the name
    if (!modifier && NOT_A_NAME.has(f)) break;
    // "st marys hospital": a saint's name opens the hospital's, in lower case too
    const naming = modifier || SAINT.has(f) || /^[A-Z\u0900-\u097F]/.test(raw);
    // a lower-case Latin word two places back is more likely the sentence than the name
    if (!naming && hit.start - start >= 1) break;
    named = true;
    start -= 1;
  }
  start = withoutCount(t, start, hit.start);
  named = start < hit.start;
  // the whole message is the name ("holy family hospital", "st marys hospital"): all of it, lower case or not
  if (start > 0 && hit.start <= 4 && wholeNameBefore(t, hit.start)) {
    start = 0;
    named = true;
  }
  let afterDistrict = districtAfter(t, end);
  // "the district hospital in gorakhpur": a district-level hospital takes the district as its name
  const districtLevel = hit.start > start && NAMING.has(t.folded[start]) && t.folded[start] !== 'medical';
  if (afterDistrict === end && districtLevel && IN.has(t.folded[end] ?? '') && !t.breakAfter[end - 1]) {
    const d = districtAfter(t, end + 1);
    if (d > end + 1) return { name: `${render(t, start, end)} ${render(t, end + 1, d)}`, start, end: d };
  }
  if (afterDistrict > end) named = true;
  else {
    // "Community Health Centre Mohanlalganj", "CHC Bakshi": a capitalised place after the facility word;
    // after CHC/PHC a place name is expected, so "chc sarojini nagar" typed in lower case counts too
    // (only from someone who writes in lower case: after a capitalised "CHC" a lower-case word is the sentence)
    const facility =
      FACILITY.has(t.folded.slice(hit.start, hit.end).join(' ')) &&
      t.raw.slice(hit.start, hit.end).every((w) => w === w.toLowerCase());
    const placeWord = (raw: string) => /^[A-Z\u0900-\u097F]/.test(raw) || (facility && /^[a-z]+$/.test(raw));
    let e = end;
    const linked = (i: number) =>
      i > end &&
      LINKING.has(t.folded[i]) &&
      !t.breakAfter[i] &&
      i + 1 < t.raw.length &&
      /^[A-Z\u0900-\u097F]/.test(t.raw[i + 1]) &&
      !NOT_A_NAME.has(t.folded[i + 1]) &&
      !STOP_BEFORE.has(t.folded[i + 1]) &&
      !ANCHORS.has(t.folded[i + 1]);
    while (e < t.raw.length && e - end < 4 && !t.breakAfter[e - 1]) {
      if (linked(e)) {
        e += 2;
        continue;
      }
      if (!placeWord(t.raw[e])) break;
      if (NOT_A_NAME.has(t.folded[e]) || STOP_BEFORE.has(t.folded[e]) || ANCHORS.has(t.folded[e])) break;
      e++;
    }
    if (e > end) {
      named = true;
      afterDistrict = e;
    }
  }
  if (!named) return { name: null, start: hit.start, end: hit.end };
  return { name: render(t, start, afterDistrict), start, end: afterDistrict };
}

/**
 * A number that opens a name stays only where it cannot be counting something: at the start of
 * the message or a clause, and before a capitalised word of the name ("24 Care Hospital"), not
 * straight before the hospital word ("ward 24 hospital", "2 hospital gaye").
 */
function withoutCount(t: Tokens, start: number, anchor: number): number {
  let s = start;
  while (s < anchor && /^\d+$/.test(t.raw[s])) {
    const opensClause = s === 0 || t.breakAfter[s - 1] || STOP_BEFORE.has(t.folded[s - 1]);
    const next = t.raw[s + 1] ?? '';
    if (opensClause && s + 1 < anchor && /^[A-Z\u0900-\u097F]/.test(next)) break;
    s += 1;
  }
  return s;
}

/**
 * "Apollo Cradle Hospital", "Fortis Memorial Hospital": an institution's name may run on, word by
 * word, to a hospital word within three words; "Apollo me doctor …" stops at the sentence.
 */
function hospitalWordAfter(t: Tokens, from: number): number {
  for (let k = from; k < from + 3 && k < t.raw.length; k++) {
    if (t.breakAfter[k - 1]) return from;
    const word = ANCHORS.findLongest(t.folded.slice(k, k + 2))[0];
    if (word && word.start === 0) return word.value === 'word' ? k + word.end : from;
    const f = t.folded[k];
    const modifier = NAMING.has(f) || NAMING_HI.has(f);
    if (STOP_BEFORE.has(f) || COUNTING.has(f) || (!modifier && NOT_A_NAME.has(f))) return from;
    if (!/^[\p{L}\p{M}]+$/u.test(t.raw[k])) return from;
  }
  return from;
}

function render(t: Tokens, start: number, end: number): string {
  // "mary s" (from "Mary's") is one possessive word again; "St. Mary's", "Dr. …" keep their dots
  return t.raw
    .slice(start, end)
    .map((w, i) => (t.dotAfter?.[start + i] && start + i < end - 1 ? `${displayWord(w)}.` : displayWord(w)))
    .join(' ')
    .replace(/(\p{L}) S(?= |$)/gu, "$1's");
}

/**
 * The facility words of an unnamed mention, as written ("Community Health Centre", "PHC",
 * "medical college"): what a citizen answers who knows only the kind of hospital. Null for a
 * bare "hospital"/"aspatal", which says nothing.
 */
export function facilityWords(t: Tokens, m: HospitalMention): string | null {
  if (m.name) return m.name;
  const words = t.folded.slice(m.start, m.end);
  if (words.length < 2 && !FACILITY.has(words.join(' '))) return null;
  return render(t, m.start, m.end);
}

function wholeNameBefore(t: Tokens, anchor: number): boolean {
  if (t.folded.slice(0, anchor).every((f) => GENERIC.has(f) || NAMING.has(f) || NAMING_HI.has(f)))
    return false;
  for (let i = 0; i < anchor; i++) {
    if (t.breakAfter[i] && i < anchor - 1 && t.folded[i] !== 'st') return false;
    const f = t.folded[i];
    const possessive = f === 's' && i > 0;
    if (!possessive && (STOP_BEFORE.has(f) || NOT_A_NAME.has(f) || !/^[\p{L}\p{M}]+$/u.test(t.raw[i])))
      return false;
  }
  return true;
}
