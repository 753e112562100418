import { foldForMatch } from '../lang/normalise.js';

// Small counts people write as words in "3 din pehle", "ek hafta pehle", "दो महीने पहले", "a week ago".
const TABLE = `
1 a an one ek एक
2 two do दो
3 three teen tin तीन
4 four char chaar चार
5 five paanch panch पांच पाँच
6 six chhe chhah che chhai छह छः छे
7 seven saat sat सात
8 eight aath ath आठ
9 nine nau नौ
10 ten das dus दस
11 eleven gyarah ग्यारह
12 twelve barah baarah बारह
15 fifteen pandrah पंद्रह
20 twenty bees बीस
`;

const WORDS = new Map<string, number>();
for (const line of TABLE.trim().split('\n')) {
  const [n, ...words] = line.split(' ');
  for (const w of words) WORDS.set(foldForMatch(w), Number(n));
}

/** A folded token as a small count: digits or a number word; null otherwise. */
export function numberFromToken(token: string): number | null {
  if (/^\d{1,3}$/.test(token)) return Number(token);
  return WORDS.get(token) ?? null;
}
