import { asciiDigits } from '../../../tools/references.js';

// Amounts as people write them: "2.5 lakh", "ढाई लाख", "50 hazaar", "₹1,20,000", "1.2 lac",
// "sava lakh", "डेढ़ लाख", "120000 rupaye". Integer rupees, or null when no amount is written.
const UNITS: [RegExp, number][] = [
  [/^(?:crore|cr|karod|karor|करोड़|करोड)$/u, 10_000_000],
  [/^(?:lakh|lakhs|lac|lacs|laakh|lak|lkh|l|लाख)$/u, 100_000],
  [/^(?:hazaar|hazar|hajar|hajaar|hazzar|thousand|k|हज़ार|हजार)$/u, 1_000],
];
const FRACTION_WORDS: Record<string, number> = {
  dedh: 1.5,
  derh: 1.5,
  डेढ़: 1.5,
  डेढ: 1.5,
  dhai: 2.5,
  dhaai: 2.5,
  ढाई: 2.5,
  sava: 1.25,
  sawa: 1.25,
  सवा: 1.25,
  adha: 0.5,
  aadha: 0.5,
  आधा: 0.5,
};
const NUMBER_WORDS: Record<string, number> = {
  ek: 1,
  one: 1,
  एक: 1,
  do: 2,
  two: 2,
  दो: 2,
  teen: 3,
  three: 3,
  तीन: 3,
  char: 4,
  chaar: 4,
  four: 4,
  चार: 4,
  paanch: 5,
  panch: 5,
  five: 5,
  पांच: 5,
  पाँच: 5,
  chhe: 6,
  che: 6,
  six: 6,
  छह: 6,
  saat: 7,
  seven: 7,
  सात: 7,
  aath: 8,
  eight: 8,
  आठ: 8,
  nau: 9,
  nine: 9,
  नौ: 9,
  das: 10,
  ten: 10,
  दस: 10,
  bees: 20,
  twenty: 20,
  बीस: 20,
  pachas: 50,
  pachaas: 50,
  fifty: 50,
  पचास: 50,
};

function unitOf(word: string | undefined): number | null {
  if (!word) return null;
  for (const [re, n] of UNITS) if (re.test(word)) return n;
  return null;
}

/** The first amount of money in the text, in whole rupees, or null. */
export function extractRupees(text: string): number | null {
  const clean = asciiDigits(text)
    .toLowerCase()
    .replace(/(\d),(?=\d)/g, '$1')
    .replace(/(?:₹|rs\.?|inr|rupees?|rupaye|rupaiye|रुपये|रुपए|रु\.?)/gu, ' ')
    .replace(/(\d)(lakh|lac|k|hazaar|hazar|cr|crore)\b/g, '$1 $2');
  const words = clean.split(/[\s/]+|(?<=[a-z\u0900-\u097f])[,.;:!?]+/u).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i].replace(/[,;:!?]+$/u, '');
    let n: number | null = null;
    if (/^\d+(?:\.\d+)?$/.test(w)) n = Number(w);
    else if (w in FRACTION_WORDS) n = FRACTION_WORDS[w];
    else if (w in NUMBER_WORDS) n = NUMBER_WORDS[w];
    if (n === null) continue;
    const unit = unitOf(words[i + 1]?.replace(/[,.;:!?]+$/u, ''));
    if (unit) {
      // "3 lakh 20 hazaar", "1 lakh 50 thousand": a smaller unit after the first adds to it
      const next = words[i + 2]?.replace(/[,;:!?]+$/u, '');
      const smaller = next && /^\d+$/.test(next) ? unitOf(words[i + 3]?.replace(/[,.;:!?]+$/u, '')) : null;
      const rest = smaller && smaller < unit ? Number(next) * smaller : 0;
      return Math.round(n * unit + rest);
    }
    // a bare word number ("do") is not an amount without a unit
    if (/^\d/.test(w) && Number.isInteger(n)) return n;
  }
  return null;
}
