import { foldForMatch } from '../lang/normalise.js';

// "same as above", "वही जो ऊपर बताया", "upar wala hi": the citizen points back at an address
// already given (their own, for the parents' address) instead of writing it again.
const POINTERS = [
  'same',
  'same as above',
  'same as before',
  'same as earlier',
  'same as previous',
  'same as mine',
  'same as my address',
  'same address',
  'same as given',
  'same as told',
  'same one',
  'as above',
  'as before',
  'above one',
  'above address',
  'the above',
  'the same',
  'wahi',
  'vahi',
  'wohi',
  'wahi pata',
  'wahi address',
  'wahi jo upar',
  'wahi jo upar bataya',
  'wahi jo upar likha',
  'jo upar bataya',
  'jo upar likha',
  'jo pehle bataya',
  'jo pahle bataya',
  'upar wala',
  'upar wali',
  'upar vala',
  'upar wala address',
  'upar wala pata',
  'upar jaisa',
  'pehle wala',
  'pahle wala',
  'pichla wala',
  'same wala',
  'वही',
  'वोही',
  'वही पता',
  'वही जो ऊपर बताया',
  'वही जो ऊपर लिखा',
  'जो ऊपर बताया',
  'जो ऊपर लिखा',
  'ऊपर वाला',
  'ऊपर वाली',
  'उपर वाला',
  'ऊपर वाला पता',
  'ऊपर जैसा',
  'पहले वाला',
  'पहले वाला पता',
  'जो पहले बताया',
].map(foldForMatch);

// words around the pointer that change nothing: "same as above hai", "वही है जी", "bhai wahi hai"
const AROUND = new Set(
  'hai h he है tha था thi थी hi ही bhi भी ji जी please plz pls haan ha yes हाँ हां ok bhai sir madam address pata पता it is its that one wala wali वाला वाली'
    .split(' ')
    .map(foldForMatch),
);

const POINTER_SET = new Set(POINTERS);
// the words of the pointers: a message with any other word (not one of AROUND either) points at nothing
const POINTER_WORDS = new Set(POINTERS.flatMap((p) => p.split(' ')));

/**
 * Whether the whole message only points back at an address given earlier ("same as above", "वही",
 * "upar wala", "वही जो ऊपर बताया"): the engine copies that address instead of storing these words.
 */
export function isSameAsEarlier(text: string): boolean {
  const words = foldForMatch(text)
    .split(' ')
    .filter((w) => w !== '');
  // (a message with "same" may say where it points, in words of its own: the rule at the end reads it)
  if (!words.includes('same') && !words.every((w) => POINTER_WORDS.has(w) || AROUND.has(w))) return false;
  // trim the words around, then the rest must be one pointer phrase
  let start = 0;
  let end = words.length;
  while (start < end && AROUND.has(words[start]) && !POINTER_SET.has(words.slice(start, end).join(' ')))
    start++;
  while (end > start && AROUND.has(words[end - 1]) && !POINTER_SET.has(words.slice(start, end).join(' ')))
    end--;
  if (start === end) return false;
  if (POINTER_SET.has(words.slice(start, end).join(' '))) return true;
  // "same as the house where he was born": a pointer that says where it
  // points, with no number of its own (a changed house number is a new address)
  return POINTER_START.has(words[start]) && end - start <= 10 && !/\d/.test(text);
}

// ("wahi gali jahan mandir hai, Kanpur" is an address of its own: only the English "same" points)
const POINTER_START = new Set(['same']);
