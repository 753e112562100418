import { foldForMatch, normalise } from '../lang/normalise.js';
import { turnMemo } from './turn-memo.js';

/**
 * "shikayat nahi karni hai", "mera data delete mat karna", "jati praman patra nahi chahiye, aay
 * praman patra chahiye", "I don't want to file a complaint": the words of a request, then a "no".
 * Read as plain phrases they ask for the very thing refused (a form started, an erasure offered),
 * so the clause that refuses is found and set apart from the rest of the message.
 */

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean).map(foldForMatch));

// a "no" that closes a request ("… nahi chahiye", "… mat karna")
const NEG = words('nahi nahin nhi nai nahee mat नहीं नही मत');
// "na" refuses only before a verb ("shikayat na karein"); alone it is a tag ("hai na")
const SOFT_NEG = words('na न ना');
// the verbs of wanting and doing a refusal closes on
const VERB =
  words(`chahiye chaiye chahie chahiya chahiyee karni karna karne karo karein karen kare kijiye kijie karwani
karwana karwao karao banwana banwani banwao banana banani banao bhejo bhejna bhejni bhejiye bhejna dena deni do dijiye
chahta chahti chahte chahata chahati
चाहिए करनी करना करने करो करें करे कीजिए करवाना करवानी बनवाना बनवानी बनाना बनानी बनाओ भेजो भेजना भेजें देना दो दीजिए चाहता चाहती चाहते`);
// what may follow the verb and still belong to the refusal: "nahi karni hai", "mat karo abhi"
const TAIL = words('hai h he hain hu hoon hun tha thi abhi ji please plz pls है हैं हूं हूँ था थी अभी जी');
// a bare "nahi" right after one of these, at the clause's end, refuses it: "death certificate nahi, …"
const REQUEST_NOUN =
  words(`certificate certifcate certficate cert praman patra pramanpatra shikayat shikayaat complaint
data delete status payment fees fee application aavedan submit form jati caste aay income mrityu death janm janam birth
प्रमाण पत्र प्रमाणपत्र शिकायत डेटा डिलीट स्थिति आवेदन सबमिट जाति आय मृत्यु जन्म`);
// English refusals stand before the verb: "don't want", "do not delete", "never submit"
const EN_VERB = words('want need wish delete erase remove file submit send apply lodge register make start');
// "don't want / need" refuses what follows them, not by themselves ("don't want to wait")
const WANTING = words('want need wish');
// a new clause starts at these: "complaint nahi karni, bas jaankari chahiye"
const CONJUNCTION = words('lekin magar balki but instead bas sirf aur and बल्कि लेकिन मगर बस सिर्फ और');
const BREAK = /[,.;!?|()\n\u0964\u0965]/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

// what a refused clause asked for, by its words
const SUBMIT_WORDS = words(
  'submit submitted jama bhejo bhejna bhejni bhejiye bhej send file सबमिट जमा भेजो भेजना भेजें भेज',
);
const DELETE_WORDS = words(
  'delete erase remove wipe hatao hata hatana mitao mita mitana डिलीट हटाओ हटा हटाना मिटाओ मिटा मिटाना',
);

export interface Word {
  folded: string;
  /** offsets in the normalised text */
  start: number;
  end: number;
  /** punctuation or a line break follows it */
  breakAfter: boolean;
}

export type RefusedKind = 'submit' | 'delete' | 'request';

export interface Refusal {
  /** the refusing clause as written (normalised) */
  text: string;
  kind: RefusedKind;
  /** word indexes of the clause */
  from: number;
  to: number;
}

export interface NegatedRequests {
  /** the normalised message's words */
  words: Word[];
  /** clauses that refuse a request (submit, delete, a service), in order */
  refusals: Refusal[];
  /** the message without them: what it still asks for ('' when nothing) */
  rest: string;
}

/** The clauses of a message that refuse a request, and what remains once they are set apart. */
export function negatedRequests(text: string): NegatedRequests {
  return turnMemo('negatedRequests', text, () => readRefusals(normalise(text)));
}

function wordsOf(normalised: string): Word[] {
  const out: Word[] = [];
  for (const m of normalised.matchAll(WORD)) {
    const folded = foldForMatch(m[0]);
    if (folded === '') continue;
    const start = m.index ?? 0;
    if (out.length > 0)
      out[out.length - 1].breakAfter = BREAK.test(normalised.slice(out[out.length - 1].end, start));
    // a folded word can be two ("don't" → "don t"): each is a word of its own, at the same place
    for (const f of folded.split(' '))
      out.push({ folded: f, start, end: start + m[0].length, breakAfter: false });
  }
  return out;
}

function readRefusals(normalised: string): NegatedRequests {
  const w = wordsOf(normalised);
  const f = (i: number) => w[i]?.folded ?? '';
  const clauses: { from: number; to: number; refused: boolean }[] = [];
  let begin = 0;
  let refused = false;
  const close = (to: number) => {
    if (to > begin) clauses.push({ from: begin, to, refused });
    begin = to;
    refused = false;
  };
  for (let i = 0; i < w.length; i++) {
    if (i > begin && CONJUNCTION.has(f(i))) close(i);
    if (NEG.has(f(i)) || (SOFT_NEG.has(f(i)) && VERB.has(f(i + 1)))) {
      let j = i + 1;
      while (j < w.length && VERB.has(f(j)) && !w[j - 1].breakAfter) j++;
      const verbs = j - i - 1;
      // "certificate nahi, …": a bare no right after the request, with nothing after it in the clause
      const bare =
        verbs === 0 &&
        i > begin &&
        REQUEST_NOUN.has(f(i - 1)) &&
        (i === w.length - 1 || w[i].breakAfter || CONJUNCTION.has(f(i + 1)));
      if (verbs > 0 || bare) {
        if (verbs > 0) while (j < w.length && TAIL.has(f(j)) && !w[j - 1].breakAfter) j++;
        refused = true;
        close(j);
        i = j - 1;
        continue;
      }
    }
    const englishNo =
      ((f(i) === 'don' && f(i + 1) === 't') || (f(i) === 'do' && f(i + 1) === 'not') ? 2 : 0) ||
      (['dont', 'not', 'never'].includes(f(i)) ? 1 : 0);
    if (englishNo && EN_VERB.has(f(i + englishNo))) refused = true;
    if (w[i].breakAfter) close(i + 1);
  }
  close(w.length);

  const refusals: Refusal[] = [];
  for (const c of clauses) {
    if (!c.refused) continue;
    const ws = w.slice(c.from, c.to).map((x) => x.folded);
    const kind: RefusedKind | null = ws.some((x) => SUBMIT_WORDS.has(x))
      ? 'submit'
      : ws.some((x) => DELETE_WORDS.has(x))
        ? 'delete'
        : ws.some((x) => REQUEST_NOUN.has(x) || (EN_VERB.has(x) && !WANTING.has(x)))
          ? 'request'
          : null;
    if (!kind) continue;
    refusals.push({
      text: normalised.slice(w[c.from].start, w[c.to - 1].end),
      kind,
      from: c.from,
      to: c.to,
    });
  }
  return { words: w, refusals, rest: restOf(normalised, w, refusals) };
}

function restOf(normalised: string, w: Word[], refusals: Refusal[]): string {
  if (refusals.length === 0) return normalised.trim();
  let out = '';
  let at = 0;
  for (const r of refusals) {
    out += normalised.slice(at, w[r.from].start);
    // the refusal's own punctuation goes with it
    const next = w[r.to]?.start ?? normalised.length;
    const gap = normalised.slice(w[r.to - 1].end, next);
    at = w[r.to - 1].end + (gap.match(/^[\s,.;!?|\u0964\u0965]*/)?.[0].length ?? 0);
  }
  out += normalised.slice(at);
  // "bas jaankari chahiye": a joining word left at the start says nothing
  return out
    .replace(/^[\s,.;!?|\u0964\u0965-]+|[\s,;|-]+$/gu, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
