import { STRONG_HINGLISH } from '../lang/lexicon/hinglish.js';
import { foldNormalised } from '../lang/normalise.js';

// Words that end a name or can never be one: copulas, particles, pronouns, verbs, fillers.
const STOP = `
hai h he hain hei hy tha thi the hua hui hue huwa hoga hogi h ho aur and or ya but lekin par pe
ka ki ke ko se ne mein me mai main mei men in at on of to for by with from is was are am be the a an
mera meri mere my our hamara hamari uska uski uske his her their apna apni apne your aapka aapki
naam nam name named rakha rakhi rakhenge rakhna called ji jee sahab sahib shri shrimati smt mr mrs ms
hospital aspatal clinic ghar home address pata district zila jila pin pincode date janm birth born
abhi nahi nhi nahin na mat not no yes haan ok okay please plz thanks thank sorry
wala wali wale se tak liye kya kaun kab kahan kaise why what when where who which
है हैं था थी थे हुआ हुई हुए और या लेकिन पर का की के को से ने में मेरा मेरी मेरे उसका उसकी उसके
नाम रखा जी श्री श्रीमती अस्पताल घर पता जिला पिन तारीख जन्म अभी नहीं न मत हां हाँ ओके धन्यवाद
cancel skip menu help status change edit submit confirm stop hi hello hey namaste namaskar english hindi hinglish
agent human complaint complain certificate delete back next restart start wrong correct right sahi galat done
today yesterday tomorrow january february march april may june july august september october november december
boy girl son daughter male female baby child mother father wife husband beta beti ladka ladki
dob sex gender age w o s d c wo so do co
delivered gave give given had got went came says said told wants needs lives works died passed admitted
pregnant delivery named him her yet them who that which there here also
bachcha bachche bacche baccha bachchi bachi baby bitiya शिशु बच्चे बच्चा बच्ची बिटिया हूं हूँ हु मैं हम
bata batana batao bataye batayein dikha dikhao dikhana dikhaye chhupa chupa chhupao chhupaye chhupaen chhupana chupana
chhipa rakh rakho likh likho share hide show mat sakte sakta sakti
बता बताएं बताना दिखा दिखाएं दिखाना छुपा छुपाएं छुपाना छिपा छिपाएं सकते सकता सकती
मुझे मेरे हमारे हमें आपके उनके इसके उसके यहां वहां वहाँ यहाँ बताओ बताइए बताये बताएँ
baap बाप papa pita maa mata mummy पिता माँ मां माता पापा मम्मी call file submit apply prompt system
रद्द बदलें बदलो बदलना बदलनी गलत ग़लत सही ठीक badalna badalni badalwana sudhar galti theek thik wrong incorrect correct
too very so really quite complicated difficult confusing hard easy instead simple
wait ruko ruk ek minute min hold
नमस्ते मदद शिकायत प्रमाण स्थिति हिंदी इंग्लिश अंग्रेजी लड़का लड़की बेटा बेटी आज कल परसों
क्या कितना कितनी कितने कैसे कब कहाँ कहां कौन क्यों इसकी इसका इसके फीस शुल्क दस्तावेज कागज बदलकर बदल कर करो करें करना
fees fee shulk kitna kitni kitne kaise kyun kyon documents badalkar badal karke
death mrityu maut dehant nidhan expired demise देहांत मृत्यु निधन मौत
pota poti nati natin nawasa nawasi bhatija bhatiji bhanja bhanji grandson granddaughter nephew niece
पोता पोती नाती नातिन नवासा नवासी भतीजा भतीजी भांजा भांजी
`;

/** Folded words that cannot be (part of) a person's or place's name. */
export const NOT_A_NAME: ReadonlySet<string> = new Set(
  [...STOP.split(/\s+/), ...STRONG_HINGLISH].filter((w) => w !== '').map(foldNormalised),
);

const ACRONYMS = new Set(
  'aiims kgmu pgi sgpgi pgimer rml gtb lnjp bhu phc chc esi esic cims jipmer nims kem sms cmc ims cghs dh ncr'.split(
    ' ',
  ),
);

/** "rekha devi" → "Rekha Devi", "aiims" → "AIIMS"; Devanagari stays as written. */
export function displayWord(raw: string): string {
  if (!/^[A-Za-z]/.test(raw)) return raw;
  const lower = raw.toLowerCase();
  if (ACRONYMS.has(lower)) return lower.toUpperCase();
  // keep deliberate capitals like "McDonald" but fix all-lower and ALL-UPPER
  if (raw === lower || raw === raw.toUpperCase()) return lower[0].toUpperCase() + lower.slice(1);
  return raw[0].toUpperCase() + raw.slice(1);
}

const STOP_ONLY: ReadonlySet<string> = new Set(
  STOP.split(/\s+/)
    .filter((w) => w !== '')
    .map(foldNormalised),
);

/** Looser nameLike for strong cues ("beti diya ka"): names that are also Hindi words (Diya, Kiran) pass. */
export function nameLikeLoose(raw: string, folded: string): boolean {
  return /^[\p{L}\p{M}]+$/u.test(raw) && !STOP_ONLY.has(folded);
}

/** A token that could be part of a name: letters only, not a stop word. */
export function nameLike(raw: string, folded: string): boolean {
  return /^[\p{L}\p{M}]+$/u.test(raw) && !NOT_A_NAME.has(folded);
}
