import { extractDate } from '../../nlu/extract-date.js';
import { pointsAtAddress } from '../_fields/points-at-address.js';
import { bareAnswer, readField } from '../_fields/read-field.js';
import type { FieldMeta } from '../types.js';

// "home", "ghar par", "घर पर", "at the hospital": the kind of place (placeOfDeathType), not the place.
// Stored as the place, the summary would show "home" where the house's address or the hospital's
// name belongs; the question for the place is asked instead.
const KIND_ONLY =
  /^(?:(?:at|in|on)\s+)?(?:(?:the|a|our|his|her|their|my|apne|apna|hamare|humare|mere|unke|unka|अपने|अपना|हमारे|मेरे|उनके)\s+)?(?:home|house|ghar|makaan|makan|hospital|aspatal|road|sadak|elsewhere|other|घर|मकान|अस्पताल|हॉस्पिटल|सड़क)(?:\s+(?:par|pe|mein|me|में|पर|pe hi|par hi|पर ही|में ही))?(?:\s+(?:hui|hua|हुई|हुआ|died))?$/iu;

// "KGMU hospital Lucknow mein hui thi, wahan 3 din bharti the": the place ends where the telling of
// the death begins; what follows is the story, not the place
const DEATH_CLAUSE =
  /(?:\s+(?:mein|me|main|par|pe|में|पर))?(?:\s+(?:hi|ही))?(?:\s+(?:unki|unka|unke|उनकी|उनका))?(?:\s+(?:death|maut|mrityu|dehant|dehaant|nidhan|मृत्यु|मौत|देहांत|निधन))?\s+(?:hui|hua|huyi|huee|हुई|हुआ|हुयी|died|passed away)(?![\p{L}\p{M}]).*$/isu;
// "home on 2 December", "District Hospital Sitapur 5 tareekh ko": the date of death told with the place
const DATE_AFTER =
  /,?\s+(?:on\s+)?(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:tareekh|tarikh|तारीख)|\d{1,2}(?:st|nd|rd|th)?\s+[\p{L}]+(?:\s+\d{4})?|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|yesterday|today|kal|aaj|parso|parson|कल|आज|परसों|\d+\s+(?:din|days?|दिन)\s+(?:pehle|pahle|ago|पहले)|last\s+\p{L}+))(?:\s+(?:ko|को))?\s*[.!।]*$/iu;

/** The place of death as written, or null when the words only name its kind ("ghar par"). */
export function readPlaceOfDeath(meta: FieldMeta, text: string, now: Date): unknown {
  // "same as address", "वही पता": no address is written (and the family's is asked only after this)
  if (pointsAtAddress(text)) return null;
  const place = text.replace(DEATH_CLAUSE, '').replace(DATE_AFTER, (m) => (dateIn(m, now) ? '' : m));
  // the free-text reader without this field's own reader (it is this function)
  const value = readField({ ...meta, read: undefined }, place.trim() || text, now);
  return typeof value === 'string' && KIND_ONLY.test(bareAnswer(value)) ? null : value;
}

/** Whether the trailing words are a date (not "Sector 12 Noida": a place's own number and word). */
function dateIn(words: string, now: Date): boolean {
  return extractDate(words, now) !== null;
}
