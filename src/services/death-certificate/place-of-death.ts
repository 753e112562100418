import { bareAnswer, readField } from '../_fields/read-field.js';
import type { FieldMeta } from '../types.js';

// "home", "ghar par", "घर पर", "at the hospital": the kind of place (placeOfDeathType), not the place.
// Stored as the place, the summary would show "home" where the house's address or the hospital's
// name belongs; the question for the place is asked instead.
const KIND_ONLY =
  /^(?:(?:at|in|on)\s+)?(?:(?:the|a|our|his|her|their|my)\s+)?(?:home|house|ghar|makaan|makan|hospital|aspatal|road|sadak|elsewhere|other|घर|मकान|अस्पताल|हॉस्पिटल|सड़क)(?:\s+(?:par|pe|mein|me|में|पर|pe hi|par hi|पर ही|में ही))?(?:\s+(?:hui|hua|हुई|हुआ|died))?$/iu;

/** The place of death as written, or null when the words only name its kind ("ghar par"). */
export function readPlaceOfDeath(meta: FieldMeta, text: string, now: Date): unknown {
  // the free-text reader without this field's own reader (it is this function)
  const value = readField({ ...meta, read: undefined }, text, now);
  return typeof value === 'string' && KIND_ONLY.test(bareAnswer(value)) ? null : value;
}
