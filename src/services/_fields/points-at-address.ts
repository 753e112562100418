import { foldForMatch } from '../../lang/normalise.js';
import { isSameAsEarlier } from '../../nlu/same-as-earlier.js';

// "same as address", "वही पता", "wahi jo address hai", "address wala hi", "jo pata hai wahi": an
// address pointed at, not written. Stored as written, a record showed "Place: same as address" or
// the address "wala hi". Where an earlier address can be copied, the form does that first
// (service-form.ts, sameOrShortForm); whatever reaches a reader is no address.
const POINTING = new Set(
  `wahi vahi wohi same as jo ghar ka ki ke apna apne apni mera meri hamara humara unka unki the my our his her home house
  address adress addres pata wala wali vala hi hai h he tha yahi isi वही वोही जो घर का की के अपना अपने मेरा हमारा उनका पता वाला वाली ही है था`
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(foldForMatch),
);
const ADDRESS_WORDS = new Set(['address', 'adress', 'addres', 'pata', 'पता'].map(foldForMatch));

const wordsOf = (text: string) =>
  foldForMatch(text)
    .replace(/[.,!?।]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');

/** Whether the answer only points at an address ("same as address", "वही पता") instead of writing one. */
export function pointsAtAddress(text: string): boolean {
  if (isSameAsEarlier(text)) return true;
  const words = wordsOf(text);
  return words.length > 0 && words.every((w) => POINTING.has(w)) && words.some((w) => ADDRESS_WORDS.has(w));
}

/**
 * Whether an answer to the address question is made of pointing words alone: "address wala hi"
 * reaches the reader as "wala hi" once the cue "address" is read off, and names no place.
 */
export function onlyPointing(text: string): boolean {
  const words = wordsOf(text);
  return words.length > 0 && words.every((w) => POINTING.has(w));
}
