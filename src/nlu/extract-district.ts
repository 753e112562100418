import { foldNormalised, tokens } from '../lang/normalise.js';
import { withinEdits } from './edit-distance.js';
import { CUE_ONLY_FORMS, DISTRICTS } from './lexicon/districts.js';
import { PhraseIndex } from './phrase-index.js';

const CUES = new Set(
  'zila jila zilla jilla district dist distt janpad जिला जिले जिल्ला जनपद city shahar शहर'
    .split(' ')
    .map(foldNormalised),
);
const VILLAGE = new Set(
  'gaon gaanv gaav gav gram graam village vill mohalla mohalla muhalla post tehsil tahsil block thana गाँव गांव ग्राम मोहल्ला पोस्ट तहसील ब्लॉक थाना'
    .split(' ')
    .map(foldNormalised),
);
// "Rampur village", "Pratapgarh road", "Sitapur Eye Hospital, Lucknow": a place named after a district,
// not the district (still the district when no other is named)
const PLACE_AFTER = new Set(
  'village vill gaon gaanv gaav gram road rd marg chauraha chowk crossing bazar bazaar market mandi gali mohalla colony tola purwa more mod hospital aspatal eye netra medical clinic nursing आँख आंख नेत्र आई गाँव गांव ग्राम रोड मार्ग चौराहा चौक बाजार बाज़ार गली मोहल्ला कॉलोनी अस्पताल हॉस्पिटल हस्पताल मेडिकल क्लिनिक'
    .split(' ')
    .map(foldNormalised),
);
// "PHC Rampur", "प्राथमिक स्वास्थ्य केंद्र रामपुर": a health centre is named after its village or block,
// which often shares a district's name; the district is the one named apart ("PHC rampur bareilly")
const FACILITY_BEFORE = new Set(
  'chc phc kendra kendr upkendra सीएचसी पीएचसी केंद्र केन्द्र उपकेंद्र'.split(' ').map(foldNormalised),
);
// "Community Health Centre Rampur" (but "Agra Medical Centre, Mathura" is in Mathura)
const CENTRE = new Set(['centre', 'center']);
const facilityBefore = (toks: readonly string[], at: number) =>
  FACILITY_BEFORE.has(toks[at - 1] ?? '') || (CENTRE.has(toks[at - 1] ?? '') && toks[at - 2] === 'health');
const NEGATION_BEFORE = new Set(['not', 'no']);
const NEGATION_AFTER = new Set(['nahi', 'nhi', 'nahin', 'नहीं', 'नही', 'not']);
const CUE_ONLY = new Set([...CUE_ONLY_FORMS].map(foldNormalised));

interface Form {
  name: string;
  cueOnly: boolean;
  /** a short form people type ("lko", "ggn"): read, but to be confirmed with the full name */
  short: boolean;
}

/** Short forms (station codes, chat abbreviations) and the district each stands for. */
export const SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['lko', 'Lucknow'],
  ['lkw', 'Lucknow'],
  ['ggn', 'Gurugram'],
  ['bsb', 'Varanasi'],
  ['vns', 'Varanasi'],
  ['bnrs', 'Varanasi'],
  ['knp', 'Kanpur Nagar'],
  ['cnb', 'Kanpur Nagar'],
  ['ald', 'Prayagraj'],
  ['prg', 'Prayagraj'],
  ['pryj', 'Prayagraj'],
  ['gkp', 'Gorakhpur'],
  ['bly', 'Bareilly'],
  ['mrt', 'Meerut'],
  ['jhs', 'Jhansi'],
  ['agr', 'Agra'],
  ['ghz', 'Ghaziabad'],
  ['gzb', 'Ghaziabad'],
  ['fbd', 'Faridabad'],
  ['pnbe', 'Patna'],
  ['jpr', 'Jaipur'],
  ['bpl', 'Bhopal'],
  ['idr', 'Indore'],
  ['ddn', 'Dehradun'],
  ['blr', 'Bengaluru Urban'],
  ['hyd', 'Hyderabad'],
  ['amd', 'Ahmedabad'],
  ['ahd', 'Ahmedabad'],
  ['bom', 'Mumbai'],
  ['ccu', 'Kolkata'],
  ['maa', 'Chennai'],
]);
// "maa" is also "mother", "BPL" a ration card, "CCU" a cardiac unit: in the table, never read from a message
const SHORT_NOT_READ = new Set(['maa', 'bom', 'agr', 'bpl', 'ccu']);

const INDEX = new PhraseIndex<Form>([
  ...DISTRICTS.flatMap((d) =>
    d.forms
      .filter((f) => !SHORT_FORMS.has(foldNormalised(f)))
      .map((f) => [f, { name: d.name, cueOnly: CUE_ONLY.has(foldNormalised(f)), short: false }] as const),
  ),
  ...[...SHORT_FORMS]
    .filter(([f]) => !SHORT_NOT_READ.has(f))
    .map(([f, name]) => [f, { name, cueOnly: false, short: true }] as const),
]);

// PIN prefixes that belong to one district (the head post office's sorting district). Only used to
// choose between names the citizen wrote, or when the only name is a village's: never to invent one.
const PIN_PREFIX: [string, string][] = [
  ['226', 'Lucknow'],
  ['221', 'Varanasi'],
  ['211', 'Prayagraj'],
  ['230', 'Pratapgarh'],
  ['208', 'Kanpur Nagar'],
  ['282', 'Agra'],
  ['284', 'Jhansi'],
  ['250', 'Meerut'],
  ['273', 'Gorakhpur'],
  ['243', 'Bareilly'],
  ['247', 'Saharanpur'],
  ['202', 'Aligarh'],
  ['281', 'Mathura'],
  ['2449', 'Rampur'],
  ['2440', 'Moradabad'],
  ['261', 'Sitapur'],
  ['241', 'Hardoi'],
  ['225', 'Barabanki'],
  ['224', 'Ayodhya'],
  ['229', 'Rae Bareli'],
  ['222', 'Jaunpur'],
  ['2010', 'Ghaziabad'],
  ['2013', 'Gautam Buddh Nagar'],
  ['1220', 'Gurugram'],
  ['1210', 'Faridabad'],
  ['800', 'Patna'],
  ['302', 'Jaipur'],
  ['462', 'Bhopal'],
  ['452', 'Indore'],
  ['248', 'Dehradun'],
  ['400', 'Mumbai'],
  ['700', 'Kolkata'],
  ['600', 'Chennai'],
  ['500', 'Hyderabad'],
  ['380', 'Ahmedabad'],
  ['560', 'Bengaluru Urban'],
];

/** The district a PIN code's prefix belongs to, where the prefix names one district; else null. */
export function districtOfPin(pinCode: string): string | null {
  const pin = pinCode.replace(/\s/g, '');
  if (!/^[1-9]\d{5}$/.test(pin)) return null;
  return (
    PIN_PREFIX.find(([p]) => pin.startsWith(p) && p.length === 4)?.[1] ??
    PIN_PREFIX.find(([p]) => pin.startsWith(p) && p.length === 3)?.[1] ??
    null
  );
}

// Single-word Latin forms long enough that one typo cannot turn them into another word.
const TYPO_TARGETS = new Map<string, { form: string; name: string }[]>();
for (const d of DISTRICTS) {
  for (const f of d.forms) {
    const folded = foldNormalised(f);
    if (!/^[a-z]{7,}$/.test(folded)) continue;
    const list = TYPO_TARGETS.get(folded[0]) ?? [];
    list.push({ form: folded, name: d.name });
    TYPO_TARGETS.set(folded[0], list);
  }
}

export interface DistrictOptions {
  /** the message answers "which district?": a bare everyday-word name ("Gaya", "Mau") counts */
  bare?: boolean;
  /** the PIN code given with it: chooses between two names, or overrules a village's name */
  pinCode?: string;
}

/** How sure a district reading is: 'confirm' means show the full name back before keeping it. */
export interface DistrictReading {
  district: string;
  confidence: 'sure' | 'confirm';
  /** the words it was read from, when they are not the district's name ("lko", "gorakhpurr") */
  heard?: string;
  /** why it needs confirming */
  reason?: 'short_form' | 'typo' | 'pin_mismatch';
  /**
   * only a place named like a district was written ("Balrampur Hospital", "PHC Rampur", "Rampur
   * village"): the district when asked for it, but no district read from words said about something else
   */
  placeOnly?: boolean;
}

/** The canonical English name of the first district named in the message, or null. */
export function extractDistrict(text: string, opts: DistrictOptions = {}): string | null {
  return districtIn(tokens(foldNormalised(text)), opts);
}

/** extractDistrict over folded tokens. */
export function districtIn(toks: readonly string[], opts: DistrictOptions = {}): string | null {
  return locate(toks, opts)?.district ?? null;
}

/**
 * The district with how sure the reading is: a short form ("lko" → Lucknow) or a typo
 * ("gorakhpurr") comes back as 'confirm' with what was heard, and so does a district that its PIN
 * contradicts ("Agra 226001"). Use it where a district is kept: confirm before storing.
 */
export function readDistrict(text: string, opts: DistrictOptions = {}): DistrictReading | null {
  return locate(tokens(foldNormalised(text)), opts);
}

function locate(toks: readonly string[], opts: DistrictOptions): DistrictReading | null {
  const pinDistrict = opts.pinCode ? districtOfPin(opts.pinCode) : null;
  const sure = (district: string): DistrictReading =>
    pinDistrict && pinDistrict !== district
      ? { district, confidence: 'confirm', reason: 'pin_mismatch' }
      : { district, confidence: 'sure' };
  const found = (hit: { start: number; end: number; value: Form }): DistrictReading =>
    hit.value.short
      ? {
          district: hit.value.name,
          confidence: 'confirm',
          heard: toks.slice(hit.start, hit.end).join(' '),
          reason: 'short_form',
        }
      : sure(hit.value.name);
  type Hit = { start: number; end: number; value: Form };
  let negated: Hit | null = null;
  let village: Hit | null = null;
  let first: Hit | null = null;
  const plain: Hit[] = [];
  const placeWordTaken = new Set<number>();
  for (const hit of INDEX.findLongest(toks)) {
    // "CHC Rampur, district Moradabad": a cue between two names goes with the one after it
    const cueAfter = CUES.has(toks[hit.end] ?? '') && !INDEX.has(toks[hit.end + 1] ?? '');
    const cued = CUES.has(toks[hit.start - 1] ?? '') || cueAfter;
    const alone = opts.bare === true && toks.length <= hit.end - hit.start + 2;
    if (hit.value.cueOnly && !cued && !alone) continue;
    // "not kanpur, lucknow", "कानपुर नहीं, लखनऊ": the one named without a "not" is meant
    if (NEGATION_BEFORE.has(toks[hit.start - 1] ?? '') || NEGATION_AFTER.has(toks[hit.end] ?? '')) {
      negated ??= hit;
      continue;
    }
    // "zila Agra" outranks a bare mention; "gaon Rampur, … Agra", "Rampur village, Varanasi",
    // "Pratapgarh road": a place that shares a district's name
    if (cued) return found(hit);
    // "Rampur village Lucknow": the place word already went with the name before it
    const villageBefore =
      (VILLAGE.has(toks[hit.start - 1] ?? '') || facilityBefore(toks, hit.start)) &&
      !placeWordTaken.has(hit.start - 1);
    if (villageBefore || PLACE_AFTER.has(toks[hit.end] ?? '')) {
      if (!villageBefore) placeWordTaken.add(hit.end);
      village ??= hit;
      continue;
    }
    first ??= hit;
    plain.push(hit);
  }
  // two districts written, one of them the PIN's: the PIN decides
  const byPin = pinDistrict ? plain.find((h) => h.value.name === pinDistrict) : undefined;
  if (byPin) return found(byPin);
  if (first) return found(first);
  if (negated) return found(negated);
  // only a village's name: the PIN's district, when the PIN says which, is the one meant
  if (village && pinDistrict && village.value.name !== pinDistrict)
    return { district: pinDistrict, confidence: 'sure' };
  if (village) return { ...found(village), placeOnly: true };
  for (const t of toks) {
    if (t.length < 7 || INDEX.has(t)) continue;
    const near = TYPO_TARGETS.get(t[0])?.find(
      (x) => Math.abs(x.form.length - t.length) <= 1 && withinEdits(t, x.form, 1),
    );
    if (near) return { district: near.name, confidence: 'confirm', heard: t, reason: 'typo' };
  }
  return null;
}
