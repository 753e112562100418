import { foldForMatch } from '../../lang/normalise.js';
import { nameLikeLoose } from '../../nlu/name-words.js';
import { bareAnswer } from './answer-frame.js';
import { isClarifyingQuestion } from './clarifying-question.js';

// A person's name as the citizen wrote it, without the words said around it: "राम लखन थे", "pati
// ka naam toh Ram Lakhan hi hai", "Ram Lakhan hain unke pati", "mere dada ji Ram Prasad Mishra",
// "Rakesh Yadav (beta)", "main Rakesh, bada beta" are "Ram Lakhan", "Ram Prasad Mishra", "Rakesh …".
// An answer that is no name ("naam yaad nahi aa raha", "pitaji ka dehant ho gaya", "main khud",
// "Ram Lakhan shayad") reads as nothing: a wrong name on a record is worse than asking again.

// the relation a name is given with ("pati", "बेटा"), never part of it
const RELATION_WORDS =
  'husband|pati|father|dad|papa|papa ji|pitaji|pita ji|pita|mother|mom|mummy|maa|mataji|mata ji|wife|patni|son|beta|daughter|beti|grandfather|grandmother|dada ji|dadaji|dada|dadi ji|dadi|nana ji|nani ji|nani|chacha ji|chacha|chachi|tau ji|tauji|tai ji|brother|bhai sahab|bhaiya|sister|behen|bahan|didi|pota|poti|sasur|saas|putra|putri|पति|पिताजी|पिता जी|पिता|पापा|माँ|मां|माताजी|माता जी|मम्मी|पत्नी|बेटा|बेटी|पुत्र|पुत्री|दादाजी|दादा जी|दादा|दादी|नानाजी|नाना जी|नानी|चाचा|चाची|ताऊ|भैया|बहन|दीदी|पोता|पोती|ससुर|सास';
// whose relation it is ("unke pati", "mere dada ji", "bada beta")
const WHOSE =
  '(?:(?:mere|meri|mera|my|unke|unki|unka|uske|uski|uska|inke|inki|inka|iske|iski|his|her|their|hamare|humare|हमारे|मेरे|मेरी|मेरा|उनके|उनकी|उनका|उसके|उसकी|उसका|इनके|इनकी)\\s+)?(?:(?:bada|badi|bade|chhota|chhoti|chote|chota|choti|majhla|majhli|sabse bada|sabse chhota|elder|younger|eldest|youngest|बड़ा|बड़ी|छोटा|छोटी|मझला)\\s+)?';
const COPULA = '(?:hain|hai|h|he|hoon|hun|hu|the|tha|thi|थे|था|थी|हैं|है|हूँ|हूं|हू|थीं)';

// "पति राम लखन", "mere dada ji Ram Prasad", "pati ka naam toh": the relation before the name
const LEAD_RELATION = new RegExp(
  `^${WHOSE}(?:${RELATION_WORDS})(?:\\s+(?:ji|जी))?(?:\\s+(?:ka|ki|ke|का|की|के)\\s+(?:naam|name|नाम))?(?:\\s+(?:is|hai|tha|to|toh|है|था|तो))*[\\s,:–—-]+`,
  'iu',
);
// "Ram Lakhan hain unke pati", "Rakesh, bada beta", "Rakesh Yadav (beta)", "Ram Lakhan (पति)"
const TRAIL_RELATION = new RegExp(
  `(?:\\s*\\(\\s*${WHOSE}(?:${RELATION_WORDS})(?:\\s+(?:ji|जी))?\\s*\\)|[\\s,–—-]+(?:${COPULA}\\s+)?(?:(?:main|mai|मैं)\\s+)?${WHOSE}(?:${RELATION_WORDS})(?:\\s+(?:ji|जी))?(?:\\s+${COPULA})?)[\\s.!।]*$`,
  'iu',
);
// "Ram Lakhan naam hai", "राम लखन थे", "Ram Lakhan hi hai", "राम लखन जी थे"
const TRAIL_WORDS = new RegExp(
  `(?:\\s+(?:(?:naam|name|नाम)(?=\\s|$)|${COPULA}|ji|jee|जी|hi|ही|to|toh|तो))+[\\s.!।]*$`,
  'iu',
);

// words that say the answer is no name: not known, not married, a hedge, the death, a question, the
// speaker ("main khud"), a purpose ("beta Aman ke liye"), the relation itself, a grammar word.
// Never a word that is also a name: "Gaya Prasad", "Rahi Masoom Raza", "Swayam" (so not the
// verbs gaya/rahi/hua, nor swayam: "ho gaya" of a death is told by "dehant", "guzar" beside it)
const NOT_NAME_WORDS = new Set(
  `
nahi nahin nhi nai nahee na not no dont don't never
yaad yad pata pta maloom malum maalum malom know remember
shayad sayad shaayad maybe perhaps probably lagbhag approx
shaadi shadi vivah byah married unmarried vidhwa widow kunwari kuwari kanwari
dehant dehaant nidhan mrityu maut death died dead expired guzar gujar swargwas
kya kaun kon kiska kiski kiske kyun kyu kyon what why which whose
khud myself self apna apni
liye for ka ki ke ko se ne
main mai mein i me hum ham
husband pati father papa pitaji pita mother mummy maa wife patni son beta daughter beti putra putri
naam name
नहीं नही न मत याद पता मालूम शायद लगभग शादी विवाह विधवा कुंवारी कुँवारी देहांत निधन मृत्यु मौत गुज़र गुजर
क्या कौन किसका किसकी क्यों खुद ख़ुद अपना लिए का की के को से ने
मैं हम पति पिता पिताजी पापा माँ मां मम्मी पत्नी बेटा बेटी पुत्र पुत्री नाम
`
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(foldForMatch),
);

// "hoon", "है": the verb of an answer, not a name
const ONLY_VERB = /^(?:hoon|hun|hu|hai|hain|h|he|tha|thi|है|हैं|हूँ|हूं|हू|था|थी)$/iu;

/** The name in the answer with the words around it taken off ("Ram Lakhan hain unke pati" → "Ram Lakhan"). */
export function trimName(text: string): string {
  let name = bareAnswer(text);
  for (let prev = ''; prev !== name; ) {
    prev = name;
    const led = name.replace(LEAD_RELATION, '');
    // a relation alone ("papa") is left to be rejected, not emptied into nothing
    if (led.trim() !== '') name = led;
    name = bareAnswer(name.replace(TRAIL_RELATION, '').replace(TRAIL_WORDS, ''));
  }
  return name;
}

// "सुनीता का बेटा", "Kamla ki beti", "baby of Kamla": an infant who died or was born before being
// named is registered by the mother's name; the whole line is the name, as written
const CHILD_OF =
  /^(.+?)\s+(?:ka|ki|ke|का|की|के)\s+(?:beta|beti|bachcha|bachchi|baccha|bacchi|bachha|bachhi|baby|बेटा|बेटी|बच्चा|बच्ची)$/iu;
// "Sunita ya Sunaina", "Ram or Shyam": two names offered, neither sure
const EITHER = /(?<![\p{L}\p{M}])(?:ya|yaa|or|athva|athwa|या|अथवा)(?![\p{L}\p{M}])/iu;

/** A person's name read from an answer, as written; null when the answer is not surely one. */
export function readPersonName(text: string): string | null {
  if (isClarifyingQuestion(text)) return null;
  const whole = bareAnswer(text);
  const mother = CHILD_OF.exec(whole);
  if (mother) return nameWords(trimName(mother[1])) ? whole : null;
  const name = trimName(text);
  if (EITHER.test(name)) return null;
  return nameWords(name) ? name : null;
}

/** Whether the answer says it is no name: a hedge, two names offered, the speaker, a death, a question. */
export function saysNoName(text: string): boolean {
  if (isClarifyingQuestion(text)) return true;
  const name = trimName(text);
  if (EITHER.test(name)) return true;
  return name
    .split(/\s+/)
    .filter((w) => w !== '')
    .some((w) => NOT_NAME_WORDS.has(foldForMatch(w.replace(/[,.'’:;!-]+$/u, ''))));
}

/** Whether the trimmed text is a few name-like words and nothing that says it is no name. */
function nameWords(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => w !== '');
  // a name has letters (and dots of initials), no digits, no brackets, and is a few words at most;
  // "'s death" (from "my father's death") is words, not a name
  if (!/\p{L}/u.test(name) || /[\d()[\]{}?]/u.test(name) || ONLY_VERB.test(name) || words.length > 6)
    return false;
  const folded = words.map((w) => foldForMatch(w.replace(/[,.'’:;!-]+$/u, '')));
  if (folded.some((w) => NOT_NAME_WORDS.has(w))) return false;
  return words.some((w) => nameLikeLoose(w.replace(/[.,'’-]/g, ''), foldForMatch(w.replace(/[,]/g, ''))));
}
