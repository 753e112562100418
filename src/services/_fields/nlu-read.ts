import { analyse } from '../../nlu/analyse.js';
import type { SlotName, Slots } from '../../nlu/analysis.js';
import { withinEdits } from '../../nlu/edit-distance.js';
import { readDistrict } from '../../nlu/extract-district.js';

/**
 * The NLU's tuned reading of an answer to the question for `slot` (the first services' fields
 * are its slots): the message is analysed as the answer to that question and only that slot
 * is kept. A command typed instead ("cancel", "delete my data") reads as no value.
 */
export function slotOf<K extends SlotName>(text: string, now: Date, slot: K): Slots[K] | undefined {
  const a = analyse(text, { now, expecting: slot });
  if (a.command) return undefined;
  return a.slots[slot];
}

/** Every slot of a whole message read without a pending question (the message that asks for a service). */
export function openingSlots(text: string, now: Date): Partial<Slots> {
  const a = analyse(text, { now });
  return a.command ? {} : a.slots;
}

/** `{ field: value }` for each slot present, under the field's own name. */
export function pick(slots: Partial<Slots>, map: Record<string, SlotName>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, slot] of Object.entries(map)) if (slots[slot] !== undefined) out[field] = slots[slot];
  return out;
}

// "sarkari aspatal", "government hospital": the kind of place, not its name
const GENERIC_HOSPITAL =
  /^(?:the |a |ek )?(?:sarkari|sarkaari|government|govt|goverment|सरकारी|public|private|pvt|प्राइवेट|nearby|paas ka|पास का)\s+(?:aspatal|asptal|hospital|hospitl|अस्पताल|हॉस्पिटल)$/iu;

// the same words as typed in a hurry: "govrenment hospital", "sarkri hosptal"
const near = (w: string, forms: string[]) =>
  forms.some((f) => w === f || (w.length >= 5 && withinEdits(w, f, f.length >= 8 ? 2 : 1)));
const typedGeneric = (value: string) => {
  const words = value
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !['the', 'a', 'ek'].includes(w));
  return (
    words.length === 2 &&
    near(words[0], ['government', 'goverment', 'sarkari', 'sarkaari', 'private']) &&
    near(words[1], ['hospital', 'aspatal', 'asptal'])
  );
};

/** A hospital's name, not only the words "government hospital" (however typed). */
export function namedPlace(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return GENERIC_HOSPITAL.test(value.trim()) || typedGeneric(value.trim()) ? undefined : value;
}

const VILLAGE = /(?<![\p{L}\p{M}])(?:gaon|gaanv|gav|village|vill|gram|ग्राम|गाँव|गांव|गाव)(?![\p{L}\p{M}])/iu;

/**
 * A district read from words that were not asked for it: not from a village's, health centre's or
 * hospital's name ("Rampur village", "PHC Rampur", "Balrampur Hospital") without a PIN that says so.
 */
export function districtAside(text: string, now: Date): string | undefined {
  const district = slotOf(text, now, 'district');
  if (!district) return undefined;
  const pinCode = slotOf(text, now, 'pinCode');
  if (pinCode) return district;
  if (VILLAGE.test(text)) return undefined;
  return readDistrict(text)?.placeOnly ? undefined : district;
}
