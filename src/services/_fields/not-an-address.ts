import { foldForMatch } from '../../lang/normalise.js';

// Answers to the address question that are plainly the purpose of the certificate ("naukri ke
// liye", "scholarship ke liye", "for admission"): citizens answer the question they expect. An
// address never ends in "ke liye" nor opens with "for", and one made only of purpose words
// ("school admission", "sarkari naukri") names no house, street or village. Stored, the purpose
// would be the address on a legal record; read as nothing, the address is asked again. A landmark
// ("school ke peeche, Rampur", "College Road") keeps its place words and is still an address.

const fold = (words: string) => words.split(' ').map((w) => foldForMatch(w));

// "… ke liye", "… ke liye chahiye", "… के लिए है": the frame of a purpose, not of a place
const FOR_AFTER =
  /(?<![\p{L}\p{M}])(?:ke liye|ke liya|ke lie|ke liey|k liye|keliye|kelie|के लिए|के लिये|केलिए)(?:\s+(?:chahiye|chaiye|chahie|chahiye tha|chahiye hai|hai|h|he|चाहिए|है|ji|जी))*$/u;
// "for admission", "for a job", "for my daughter's school": English opens a purpose with "for"
const FOR_BEFORE = /^(?:it is |its |it's |only |just )?for\s+\S/u;

// words of a purpose; an answer of these and grammar words alone names no place
const PURPOSE_WORDS = new Set(
  fold(
    'naukri nokri naukari job jobs scholarship scholarships admission admissions dakhila dakhla daakhila dakhle chatravritti chhatravritti vazifa wazifa yojana yojna scheme schemes bharti recruitment reservation aarakshan arakshan padhai padai education study studies exam exams pariksha form forms sarkari government govt private school college university vidyalaya mahavidyalaya loan pension fees fee concession certificate purpose kaam kam नौकरी जॉब स्कॉलरशिप छात्रवृत्ति दाखिला दाख़िला एडमिशन योजना स्कीम भर्ती आरक्षण पढ़ाई परीक्षा फॉर्म फ़ॉर्म सरकारी स्कूल कॉलेज विद्यालय महाविद्यालय लोन पेंशन फीस काम',
  ),
);
const GRAMMAR = new Set(
  fold(
    'a an the my our his her for of in to me mein mai main mera meri mere beti bete bache bachche ke ki ka ko liye lie chahiye chaiye chahie hai h he ji aur and ya or में मेरा मेरी मेरे बेटी बेटे बच्चे के की का को लिए लिये चाहिए है जी और या',
  ),
);

/** Whether an answer to the address question is plainly the certificate's purpose. */
export function purposeForAddress(text: string): boolean {
  const said = foldForMatch(text)
    .replace(/[^\p{L}\p{M}\p{N}'\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (said === '') return false;
  if (FOR_AFTER.test(said) || FOR_BEFORE.test(said)) return true;
  // a number beside the words may be a house's ("Flat 4, Scheme 2"): only words are judged here
  if (/\d/.test(said)) return false;
  const words = said.split(' ');
  return (
    words.some((w) => PURPOSE_WORDS.has(w)) && words.every((w) => PURPOSE_WORDS.has(w) || GRAMMAR.has(w))
  );
}
