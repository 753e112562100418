import { pointsAtAddress } from '../_fields/points-at-address.js';
import { catalogueText } from '../catalogue-text.js';
import type { Text3 } from '../types.js';

/**
 * Why "same as address" was not taken for the place of death: the family's address is asked
 * after the place, so there is nothing yet to copy, and the house's own address is needed here.
 */
export function pointsAtAddressNote(text: string): Text3 | undefined {
  return pointsAtAddress(text) ? catalogueText('offline.form.place_points_at_address') : undefined;
}
