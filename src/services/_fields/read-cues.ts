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

interface Cue {
  field: string;
  re: RegExp;
}

// A service's cues as compiled regexes, longest first, built once per service (static data; the
// WeakMap lets go of a service no longer used) instead of ~80 regexes compiled per message.
const compiled = new WeakMap<AnyService, { key: number; cues: Cue[] }>();
let services = 0;

function cuesOf(service: AnyService): { key: number; cues: Cue[] } {
  let table = compiled.get(service);
  if (!table) {
    const cues = Object.entries(service.fields as Record<string, FieldMeta>)
      .flatMap(([field, meta]) => (meta.cues ?? []).map((cue) => ({ field, cue })))
      .sort((a, b) => b.cue.length - a.cue.length)
      .map(({ field, cue }) => ({ field, re: cueRegex(cue) }));
    // the key tells service objects apart in the turn memo, even two with one id
    table = { key: ++services, cues };
    compiled.set(service, table);
  }
  return table;
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
  const { key, cues } = cuesOf(service);
  // the form looks for the labels of one message several times a turn; each caller gets its own copies
  return turnMemo(`cues\u0000${key}\u0000${except ?? ''}\u0000${text}`, () =>
    segmentsOf(cues, text, except),
  ).map((v) => ({ ...v }));
}

function segmentsOf(cues: Cue[], text: string, except: string | null): CuedValue[] {
  const source = normalise(text);
  const taken: [number, number][] = [];
  const found: { field: string; start: number; end: number }[] = [];
  for (const { field, re } of cues) {
    const m = re.exec(source);
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
