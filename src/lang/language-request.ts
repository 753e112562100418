import type { Lang } from './language.js';
import { foldForMatch, tokens } from './normalise.js';

const NAMES: [Lang, string[]][] = [
  [
    'en',
    ['english', 'eng', 'angrezi', 'angreji', 'angrezee', 'inglish', 'englis', 'अंग्रेजी', 'अंग्रेज़ी', 'इंग्लिश'],
  ],
  ['hi', ['hindi', 'hindee', 'हिंदी', 'हिन्दी', 'devanagari', 'देवनागरी']],
  ['hinglish', ['hinglish', 'hinglis', 'हिंग्लिश']],
];
const LANGUAGE_OF = new Map<string, Lang>();
for (const [lang, words] of NAMES) for (const w of words) LANGUAGE_OF.set(foldForMatch(w), lang);

// Words around a language name that make the message a request to switch, not a mention.
const REQUEST_WORDS = new Set(
  `please plz pls in mein me mai main में language bhasha भाषा baat bat बात karo kro karein karen kijiye करो करें कीजिए
  bolo boliye बोलो बोलिए reply jawab जवाब likho likhiye लिखो लिखें speak talk write chat switch change badlo बदलो only
  sirf सिर्फ can you could you will you do aap ap आप se mujhse chahiye चाहिए want prefer use continue mode version
  ji जी yes haan हां ok okay sure`
    .split(/\s+/)
    .map(foldForMatch),
);
// "Hindi in English letters", "roman hindi": Hindi typed in Latin script
const LATIN_HINDI = [
  /\broman(?:ized)? hindi\b/,
  /\bhindi (?:in )?(?:english|roman|latin) (?:letters|script|lipi|alphabet)/,
];
// "english nahi aati", "english samajh nahi aata": the citizen wants Hindi
const CANNOT = new Set(['nahi', 'nhi', 'nahin', 'नहीं', 'not', 'dont', 'cant', 'kam']);

/** The language a message asks the assistant to switch to, or null when it asks for none. */
export function detectLanguageRequest(text: string): Lang | null {
  return languageRequestOf(tokens(foldForMatch(text)));
}

/** detectLanguageRequest over folded tokens. */
export function languageRequestOf(toks: readonly string[]): Lang | null {
  const folded = toks.join(' ');
  if (LATIN_HINDI.some((re) => re.test(folded))) return 'hinglish';
  let found: Lang | null = null;
  for (let i = 0; i < toks.length; i++) {
    const lang = LANGUAGE_OF.get(toks[i]);
    if (!lang) continue;
    const rest = toks.filter((_, j) => j !== i);
    if (lang === 'en' && rest.some((w) => CANNOT.has(w))) return 'hi';
    if (rest.length <= 6 && rest.every((w) => REQUEST_WORDS.has(w) || LANGUAGE_OF.has(w))) found = lang;
    else if (rest.length <= 3 || rest.filter((w) => REQUEST_WORDS.has(w)).length >= 2) found ??= lang;
  }
  return found;
}
