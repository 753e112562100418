import { normalise } from '../../lang/normalise.js';
import { turnMemo } from '../../nlu/turn-memo.js';
import type { AnyService, FieldMeta } from '../types.js';

// whole words only: "Kavita" does not lose its "ka"
const LINK =
  /^(?:\s*(?:[:=\-–—]|(?:is|was|hai|है|h|ka naam|ki naam|का नाम|की|ka|ki|का)(?![\p{L}\p{M}])))*\s*/iu;
// a value ends at punctuation, a conjunction, or the start of another labelled field
// a dot ends a value only before a lower-case word or the end: "Mohd. Irfan Khan", "R. K. Sharma" stay whole
const STOP = /[,;।\n]|\.(?=\s*$)|\.(?=\s+[a-z])|\s(?:and|aur|और|or|but|lekin)\s/u;

const WRONG_FIRST = /^(?:galat|galt|wrong|incorrect|not|गलत|ग़लत)(?![\p{L}\p{M}])/iu;
const RIGHT_ONE =
  /(?:sahi|correct|right|सही)(?:\s+(?:naam|name|नाम))?(?:\s+(?:is|hai|है|[:=]))?\s+([^,;।\n]+)/iu;
// "pata nahi" (don't know), "नहीं" after a label: no value
const NEGATED = /^(?:nahi|nahin|nhi|no|नहीं|नही)(?![\p{L}\p{M}])/iu;

const NOT_A_CUE_BEFORE =
  /^\s+(?:hospital|aspatal|asptal|अस्पताल|court|office|magistrate|hq|headquarters)(?![\p{L}\p{M}])/iu;

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
  re: RegExp;
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
    c = { re: cueRegex(cue), plain: PLAIN.test(lower) ? lower : null };
    compiledCues.set(cue, c);
  }
  return c;
}

// A service's cues, longest first, listed once per service (static data; the WeakMap lets go of a
// service no longer used). The key tells service objects apart in the turn memo, even two with one id.
const cueLists = new WeakMap<AnyService, { key: number; cues: { field: string; cue: string }[] }>();
let listed = 0;

function cueList(service: AnyService): { key: number; cues: { field: string; cue: string }[] } {
  let list = cueLists.get(service);
  if (!list) {
    const cues = Object.entries(service.fields as Record<string, FieldMeta>)
      .flatMap(([field, meta]) => (meta.cues ?? []).map((cue) => ({ field, cue })))
      .sort((a, b) => b.cue.length - a.cue.length);
    list = { key: ++listed, cues };
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
}

/**
 * The segments of a message that a label points at ("father's name is Ramesh Kumar",
 * "पता: 12 गांधी नगर", "pin 226001"), per field other than `except`. Longest cue first, so
 * "father's name" wins over "name".
 */
export function cuedSegments(service: AnyService, text: string, except: string | null): CuedValue[] {
  // the form looks for the labels of one message several times a turn; each caller gets its own copies
  const key = `${cueList(service).key}\u0000${except ?? ''}\u0000${text}`;
  return turnMemo('cuedSegments', key, () => segmentsOf(service, text, except)).map((v) => ({ ...v }));
}

function segmentsOf(service: AnyService, text: string, except: string | null): CuedValue[] {
  const source = normalise(text);
  const lower = FOLDS_TO_ASCII.test(source) ? null : source.toLowerCase();
  const cues = cueList(service).cues;
  const taken: [number, number][] = [];
  const found: { field: string; start: number; end: number }[] = [];
  for (const { field, cue } of cues) {
    const c = compiled(cue);
    if (lower !== null && c.plain !== null && !lower.includes(c.plain)) continue;
    const m = c.re.exec(source);
    if (!m) continue;
    // "district hospital Sitapur" names a hospital, not the district
    if (NOT_A_CUE_BEFORE.test(source.slice(m.index + m[0].length))) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    taken.push([start, end]);
    if (found.some((f) => f.field === field)) continue;
    found.push({ field, start, end });
  }
  found.sort((a, b) => a.start - b.start);
  const out: CuedValue[] = [];
  found.forEach((f, i) => {
    if (f.field === except) return;
    const next = found[i + 1]?.start ?? source.length;
    let rest = source.slice(f.end, next).replace(LINK, '');
    // "pita ka naam galat hai, sahi naam X hai", "father's name not Y, X": the value is the right one
    if (WRONG_FIRST.test(rest)) {
      const right = RIGHT_ONE.exec(source.slice(f.end));
      const afterStop = STOP.exec(rest);
      if (right) rest = right[1];
      else if (afterStop) rest = rest.slice(afterStop.index + afterStop[0].length);
      else return;
    }
    if (NEGATED.test(rest)) return;
    const stop = STOP.exec(rest);
    if (stop) rest = rest.slice(0, stop.index);
    const words = rest.trim();
    if (words) out.push({ field: f.field, words, start: f.start });
  });
  return out;
}
