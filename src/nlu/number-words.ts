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

// Every number from 1 to 99 as people write it before "sau", "hazaar", "lakh" or "crore"
// ("pachas hazaar", "बारह हज़ार", "nabbe hazar", "sixty thousand"). Hindi has a word for each; English
// tens and units are put together by the reader ("twenty five"). Spellings folded as tokens are.
const AMOUNT_TABLE = `
1 ek एक one a an
2 do दो two
3 teen tin तीन three
4 char chaar चार four
5 paanch panch paach पांच पाँच five
6 chhah chhe che chah chhai छह छः छे six
7 saat sat सात seven
8 aath ath आठ eight
9 nau नौ nine
10 das dus दस ten
11 gyarah gyara gyaarah igyarah ग्यारह eleven
12 barah bara baarah baara बारह twelve
13 terah tera तेरह thirteen
14 chaudah chaudha chauda चौदह fourteen
15 pandrah pandrah pandra पंद्रह पन्द्रह fifteen
16 solah sola सोलह sixteen
17 satrah satra sattrah सत्रह seventeen
18 atharah athara attharah अठारह eighteen
19 unnis unnees उन्नीस nineteen
20 bees bis बीस twenty
21 ikkis ikkees इक्कीस
22 bais baees baais बाईस
23 teis teyis तेईस
24 chaubis chaubees चौबीस
25 pachchis pachis pacchis पच्चीस
26 chhabbis chabbis छब्बीस
27 sattais sattaees सत्ताईस
28 atthais athais अट्ठाईस
29 untis unatis उनतीस
30 tees tis तीस thirty
31 ikattis iktees इकतीस इकत्तीस
32 battis battees बत्तीस
33 taintis tetis तैंतीस
34 chautis chauntees चौंतीस
35 paintis paintees पैंतीस
36 chhattis chattis छत्तीस
37 saintis saintees सैंतीस
38 artis adtis अड़तीस
39 untalis untaalis उनतालीस
40 chalis chaalis चालीस forty
41 iktalis iktaalis इकतालीस
42 bayalis bayaalis बयालीस
43 taintalis तैंतालीस
44 chavalis chauvalis चवालीस चौवालीस
45 paintalis paintaalis पैंतालीस
46 chhiyalis chiyalis छियालीस
47 saintalis सैंतालीस
48 artalis adtalis अड़तालीस
49 unchas unchaas उनचास
50 pachas pachaas पचास fifty
51 ikyavan ikyawan इक्यावन
52 bavan baavan बावन
53 tirpan तिरपन
54 chauvan chauwan चौवन
55 pachpan पचपन
56 chhappan chappan छप्पन
57 sattavan sattawan सत्तावन
58 atthavan athawan अट्ठावन
59 unsath उनसठ
60 saath sath साठ sixty
61 iksath इकसठ
62 basath baasath बासठ
63 tirsath तिरसठ
64 chausath चौंसठ
65 painsath पैंसठ
66 chhiyasath छियासठ
67 sadsath sarsath सड़सठ
68 adsath arsath अड़सठ
69 unhattar उनहत्तर
70 sattar सत्तर seventy
71 ikhattar इकहत्तर
72 bahattar बहत्तर
73 tihattar तिहत्तर
74 chauhattar चौहत्तर
75 pachhattar pachattar पचहत्तर
76 chhihattar छिहत्तर
77 satattar sathattar सतहत्तर
78 athattar athhattar अठहत्तर
79 unasi unyasi उन्यासी उनासी
80 assi अस्सी eighty
81 ikyasi इक्यासी
82 bayasi बयासी
83 tirasi तिरासी
84 chaurasi चौरासी
85 pachasi पचासी
86 chhiyasi छियासी
87 sattasi सत्तासी
88 atthasi अट्ठासी
89 navasi nawasi नवासी
90 nabbe nabbey नब्बे ninety
91 ikyanave ikyanbe इक्यानबे
92 banave baanve बानबे
93 tiranave tiranbe तिरानबे
94 chauranave chauranbe चौरानबे
95 pachanave panchanbe पंचानबे पिचानबे
96 chhiyanave chhiyanbe छियानबे
97 sattanave sattanbe सत्तानबे
98 atthanave atthanbe अट्ठानबे
99 ninyanave ninyanbe निन्यानबे
`;

const AMOUNT_WORDS = new Map<string, number>();
for (const line of AMOUNT_TABLE.trim().split('\n')) {
  const [n, ...words] = line.split(' ');
  for (const w of words) AMOUNT_WORDS.set(foldForMatch(w), Number(n));
}

/**
 * A folded token as a number word from 1 to 99 ("pachas" → 50, "बारह" → 12, "twenty" → 20); null
 * otherwise. Many of them are everyday words too ("do", "saath", "a", "das"): a caller takes one for
 * a number only before a unit ("do lakh", "saath hazaar").
 */
export function amountWord(token: string | undefined): number | null {
  return token ? (AMOUNT_WORDS.get(token) ?? null) : null;
}
