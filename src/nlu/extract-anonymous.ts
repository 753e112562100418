import { anonymityFromVerbs } from './anonymity-polarity.js';
import { PhraseIndex } from './phrase-index.js';

const ANONYMOUS = `anonymous|anonymously|anon|gumnaam|gumnam|गुमनाम|gupt|गुप्त|naam mat batana|naam mat batao|naam mat bataiye
naam mat dikhana|naam mat dena|naam na batana|naam na batayein|naam na bataye|naam na dikhaye|naam chhupa|naam chupa
naam chhupana|naam chupana|naam gupt|naam hide|bina naam|bina naam ke|नाम मत बताना|नाम मत बताओ|नाम न बताएं|नाम न बताएँ
नाम ना बताएं|नाम छुपा|नाम गुप्त|बिना नाम|don t share my name|dont share my name|do not share my name|don t reveal my name
do not reveal my name|hide my name|don t show my name|dont show my name|do not show my name|keep my name hidden|
keep my identity secret|don t disclose my name|naam chhupaye|naam chupaye|naam chhupaiye|नाम छुपाएं|नाम छिपाएं|नाम छुपा दीजिए|without my name|keep my name secret|keep me anonymous|name hidden|no name please
keep it hidden|keep hidden|keep it secret|keep it private|chhupa do|chupa do|chhupa dena|chupa dena|chhupa ke|chupa ke|chhupa kar|gupt rakho|gupt rakhna|छुपा दो|छुपा दें|छुपा दीजिए|छिपा दो|hide it|hide my identity|naam hata do|naam hatao|नाम हटा दो`;
const NAMED = `naam bata sakte|naam bata do|naam de sakte|naam dikha sakte|naam batane mein koi|share my name|you can share my name|sharing my name|naam dikha do|naam dikha dijiye|naam bata dena|naam de do|naam share kar|
naam bata sakte ho|नाम दिखा दें|naam chalega|naam chal jayega|नाम चलेगा|नाम चल जाएगा|name is fine|my name is fine|name is ok|naam de sakte ho|
use my name|show my name|you can show my name|not anonymous|no need to hide|dont need to hide|don t need to hide|need not hide|no need to keep
no need for anonymity|do not hide|don t hide|dont hide|chhupane ki zarurat nahi|chupane ki jarurat nahi|chhupane ki jarurat nahi
छुपाने की जरूरत नहीं|mat chhupao|mat chupao|naam mat chhupana|naam mat chupana|मत छुपाओ|नाम मत छुपाना|नाम मत छुपाइए|name can be shared|my name can be shared|can share my name|name can be disclosed|naam chhupane ki zarurat nahi|नाम बता सकते|नाम बता दें|नाम दिखा सकते`;

const INDEX = new PhraseIndex<boolean>([
  ...ANONYMOUS.split(/[|\n]/).map((p) => [p, true] as const),
  ...NAMED.split(/[|\n]/).map((p) => [p, false] as const),
]);

const NAME = new Set(['naam', 'nam', 'name', 'नाम']);
const NOT = new Set(['mat', 'na', 'naa', 'nahi', 'not', 'dont', 'never', 'मत', 'न', 'ना', 'नहीं']);
// whole words: "Deeksha" starts like "de" but reveals nothing
const REVEAL =
  /^(?:bata[\p{L}\p{M}]*|dikha[\p{L}\p{M}]*|share|sharing|reveal|disclose|show|tell|de|dena|dedo|do|बता[\p{L}\p{M}]*|दिखा[\p{L}\p{M}]*|दे|देना|दो)$/u;

// "you can shre my name": "share" typed in a hurry, read as itself wherever the phrases look for it
const TYPED_SHARE = new Map(['shre', 'sahre', 'shaer', 'shar', 'shere', 'sharre'].map((w) => [w, 'share']));

// "mera naam hospital ko mat batana", "मेरा नाम अस्पताल को मत बताना": the phrase with words in between
function hiddenName(folded: readonly string[]): boolean | null {
  for (let i = 0; i < folded.length; i++) {
    if (!NAME.has(folded[i])) continue;
    const window = folded.slice(i + 1, i + 6);
    const not = window.findIndex((w) => NOT.has(w));
    if (not >= 0 && window.slice(not + 1, not + 3).some((w) => REVEAL.test(w))) return true;
  }
  return null;
}

/**
 * true: the complainant asks to stay anonymous; false: they agree to be named; null: not said.
 * opts.asked: the message answers "hide your name?", so "don't hide it" needs no "name" in it.
 */
export function extractAnonymous(typed: readonly string[], opts: { asked?: boolean } = {}): boolean | null {
  const folded = typed.map((w) => TYPED_SHARE.get(w) ?? w);
  // the verb and its own negation first: "nahi naam chhupana nahi hai" does not hide the name
  const byVerb = anonymityFromVerbs(folded, opts);
  if (byVerb !== null) return byVerb;
  const hits = INDEX.findLongest(folded);
  if (hits.length === 0) return hiddenName(folded);
  // "not anonymous" and the NAMED phrases win over a lone "anonymous"
  return hits.every((h) => h.value);
}
