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

// Days of the month written as words before a month name: "बीस नवंबर", "pandrah august".
const DAY_TABLE = `
13 terah तेरह
14 chaudah chaudha चौदह
16 solah सोलह
17 satrah sattrah सत्रह
18 atharah athara अठारह
19 unnis unnees उन्नीस
21 ikkis ikkees इक्कीस
22 bais baees बाईस
23 teis तेईस
24 chaubis chaubees चौबीस
25 pachchis pachis पच्चीस
26 chhabbis chabbis छब्बीस
27 sattais सत्ताईस
28 atthais अट्ठाईस
29 untis unatis उनतीस
30 tees तीस
31 ikattis इकतीस
`;

// "kar do november …": "do" before a month is far more often the verb than the number 2
const NOT_A_DAY = new Set(['a', 'an', 'do']);
const DAY_WORDS = new Map<string, number>([...WORDS].filter(([w]) => !NOT_A_DAY.has(w)));
for (const line of DAY_TABLE.trim().split('\n')) {
  const [n, ...words] = line.split(' ');
  for (const w of words) DAY_WORDS.set(foldForMatch(w), Number(n));
}

/** A folded token as a day of the month written in words ("बीस" → 20); null otherwise. */
export function dayFromWord(token: string | undefined): number | null {
  return token ? (DAY_WORDS.get(token) ?? null) : null;
}
