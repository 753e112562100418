import { foldForMatch } from '../../lang/normalise.js';
import { isSameAsEarlier } from '../../nlu/same-as-earlier.js';
import { catalogueText } from '../catalogue-text.js';
import type { Text3 } from '../types.js';

// "same as address", "वही पता", "wahi jo address hai", "ghar ka address hi", "jo pata hai wahi": the
// place of a death at home pointed at, not written. The family's address is asked after the place,
// so there is nothing yet to copy; stored as written, the summary showed "Place: same as address".
const POINTING = new Set(
  `wahi vahi wohi same as jo ghar ka ki ke apna apne apni mera meri hamara humara unka unki the my our his her home house
  address adress addres pata wala wali vala hi hai h he tha yahi isi वही वोही जो घर का की के अपना अपने मेरा हमारा उनका पता वाला वाली ही है था`
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(foldForMatch),
);
const ADDRESS_WORDS = new Set(['address', 'adress', 'addres', 'pata', 'पता'].map(foldForMatch));

/** Whether the answer only points at an address ("same as address", "वही पता") instead of writing one. */
export function pointsAtAddress(text: string): boolean {
  if (isSameAsEarlier(text)) return true;
  const words = foldForMatch(text)
    .replace(/[.,!?।]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  return words.length > 0 && words.every((w) => POINTING.has(w)) && words.some((w) => ADDRESS_WORDS.has(w));
}

/** Why "same as address" was not taken for the place of death: the house's own address is needed here. */
export function pointsAtAddressNote(text: string): Text3 | undefined {
  return pointsAtAddress(text) ? catalogueText('offline.form.place_points_at_address') : undefined;
}
