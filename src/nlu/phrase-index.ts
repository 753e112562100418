import { foldForMatch, tokens } from '../lang/normalise.js';

export interface PhraseHit<T> {
  value: T;
  /** token index of the first token */
  start: number;
  /** token index after the last token */
  end: number;
}

interface Entry<T> {
  rest: string[];
  value: T;
}

/**
 * Multi-word phrases over folded tokens, indexed by their first token so a lookup costs
 * one Map probe per token instead of a scan of the whole lexicon.
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();

  constructor(entries: Iterable<readonly [phrase: string, value: T]>) {
    for (const [phrase, value] of entries) {
      const toks = tokens(foldForMatch(phrase));
      if (toks.length === 0) continue;
      const list = this.byFirst.get(toks[0]) ?? [];
      list.push({ rest: toks.slice(1), value });
      this.byFirst.set(toks[0], list);
    }
    // longest first, so findLongest can take the first match at each position
    for (const list of this.byFirst.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  }

  has(token: string): boolean {
    return this.byFirst.has(token);
  }

  /** Every match, overlapping ones included. */
  findAll(toks: readonly string[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < toks.length; i++) {
      const list = this.byFirst.get(toks[i]);
      if (!list) continue;
      for (const e of list)
        if (matchesAt(toks, i + 1, e.rest))
          hits.push({ value: e.value, start: i, end: i + 1 + e.rest.length });
    }
    return hits;
  }

  /** Non-overlapping matches, the longest at each position, left to right. */
  findLongest(toks: readonly string[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < toks.length; i++) {
      const list = this.byFirst.get(toks[i]);
      const e = list?.find((x) => matchesAt(toks, i + 1, x.rest));
      if (!e) continue;
      hits.push({ value: e.value, start: i, end: i + 1 + e.rest.length });
      i += e.rest.length;
    }
    return hits;
  }
}

function matchesAt(toks: readonly string[], at: number, rest: readonly string[]): boolean {
  if (at + rest.length > toks.length) return false;
  for (let j = 0; j < rest.length; j++) if (toks[at + j] !== rest[j]) return false;
  return true;
}
