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
const NEGATION_BEFORE = new Set(['not', 'no']);
const NEGATION_AFTER = new Set(['nahi', 'nhi', 'nahin', 'नहीं', 'नही', 'not']);
const CUE_ONLY = new Set([...CUE_ONLY_FORMS].map(foldNormalised));

interface Form {
  name: string;
  cueOnly: boolean;
}

const INDEX = new PhraseIndex<Form>(
  DISTRICTS.flatMap((d) =>
    d.forms.map((f) => [f, { name: d.name, cueOnly: CUE_ONLY.has(foldNormalised(f)) }] as const),
  ),
);

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
}

/** The canonical English name of the first district named in the message, or null. */
export function extractDistrict(text: string, opts: DistrictOptions = {}): string | null {
  return districtIn(tokens(foldNormalised(text)), opts);
}

/** extractDistrict over folded tokens. */
export function districtIn(toks: readonly string[], opts: DistrictOptions = {}): string | null {
  let negated: string | null = null;
  let village: string | null = null;
  let first: string | null = null;
  for (const hit of INDEX.findLongest(toks)) {
    const cued = CUES.has(toks[hit.start - 1] ?? '') || CUES.has(toks[hit.end] ?? '');
    const alone = opts.bare === true && toks.length <= hit.end - hit.start + 2;
    if (hit.value.cueOnly && !cued && !alone) continue;
    // "not kanpur, lucknow", "कानपुर नहीं, लखनऊ": the one named without a "not" is meant
    if (NEGATION_BEFORE.has(toks[hit.start - 1] ?? '') || NEGATION_AFTER.has(toks[hit.end] ?? '')) {
      negated ??= hit.value.name;
      continue;
    }
    // "zila Agra" outranks a bare mention; "gaon Rampur, … Agra": a village that shares a district's name
    if (cued) return hit.value.name;
    if (VILLAGE.has(toks[hit.start - 1] ?? '')) {
      village ??= hit.value.name;
      continue;
    }
    first ??= hit.value.name;
  }
  if (first) return first;
  if (negated) return negated;
  if (village) return village;
  for (const t of toks) {
    if (t.length < 7 || INDEX.has(t)) continue;
    const near = TYPO_TARGETS.get(t[0])?.find(
      (x) => Math.abs(x.form.length - t.length) <= 1 && withinEdits(t, x.form, 1),
    );
    if (near) return near.name;
  }
  return null;
}
