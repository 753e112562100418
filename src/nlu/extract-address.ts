import { ADDRESS_WORD_SOURCE } from './address-label.js';
import { extractDistrict } from './extract-district.js';
import { isSameAsEarlier } from './same-as-earlier.js';
import { stripFillers } from './strip-fillers.js';

// "pata: 12 Gandhi Nagar, Lucknow 226001", "ghar ka pata ...", "address is ...", "पता ..."; the
// "h" of "address h 12 …" is "hai" only as a word of its own ("address H.No. 45" keeps its H)
// ("adress", "addres": the word as typed, whole, so "addres 12 …" is not read as "es 12 …")
const AFTER_CUE = new RegExp(
  String.raw`(?:^|[\s,(])(?:ghar ka pata|ghar ka ${ADDRESS_WORD_SOURCE}|mera pata|hamara pata|${ADDRESS_WORD_SOURCE}|pata|पता|घर का पता|निवास|residence|residing at|live at)\s*(?:(?:hai|h|है|is)(?=[\s:=-]|$)|:|-|=|\s)*\s*(.+)$`,
  'isu',
);
// "hum 12 gandhi nagar lucknow mein rehte hain", "हम ... में रहते हैं", "I live in ..."
const BEFORE_CUE =
  /^(?:hum|ham|main|mai|we|i|हम|मैं)?\s*(.+?)\s+(?:mein|me|में|par|pe|पर)?\s*(?:rehte|rahte|rehta|rahta|rehti|rahti|रहते|रहता|रहती)(?:\s|$)/iu;
const LIVE_IN = /(?:^|\s)(?:i|we)\s+(?:live|stay|reside)\s+(?:in|at)\s+(.+)$/iu;
// "pata nahi" is "I don't know", not an address
const NOT_ADDRESS = /^(?:nahi|nhi|nahin|नहीं|malum|maloom|pata|hai|h|है|\?)(?:\s|$)/iu;
const TRAILING = /[\s,.;।]*(?:\b(?:hai|h|he)\b|है)?[\s,.;।]*$/u;

// "house no 12 ward 5 bahraich 271801": no cue, but a PIN and the words addresses are made of
const PIN = /(?<!\d)[1-9]\d{5}(?!\d)/;
const ADDRESS_WORD =
  /(?:^|[\s,])(?:house|h\.? ?no|makan|मकान|ward|वार्ड|gali|गली|mohalla|मोहल्ला|gram|ग्राम|gaon|gaanv|gaav|गांव|गाँव|post|पोस्ट|village|vill|thana|थाना|tehsil|तहसील|sector|flat|colony|कॉलोनी|nagar|नगर|road|marg|मार्ग|street|lane|block|floor|lines|enclave|apartment|apartments|vihar|विहार|chowk|चौक|kunj|puram|पुरम)(?=[\s,.:-]|$)/iu;
// a comma-separated part that starts like another answer ("mother Lakshmi", "born 10 March")
const OTHER_SLOT =
  /^(?:mother|father|maa|mata|mummy|pita|papa|naam|name|child|baby|born|janm|janam|dob|date|sex|gender|beti|beta|son|daughter|girl|boy|i am|i m|main|mai|माँ|मां|माता|पिता|नाम|जन्म|बेटी|बेटा)(?=[\s:,-]|$)/iu;

// The address ends with its sentence: at ". " after a word or number (not "H.No."), "।", or a line
// break that does not follow a comma ("…, zila jaipur,⏎pin 302012" goes on).
const SENTENCE_END = /(?<=\p{L}{3}\.|\d\.|[।!?])\s+|(?<!,)\n/u;
// "…, zila jaipur. pin 302012": a PIN sentence right after still belongs to the address
const PIN_SENTENCE =
  /^(?:pin|pincode|pin code|पिन|पिनकोड|पिन कोड)\s*(?:code|no|number)?\s*[:-]?\s*[1-9]\d{2}\s?\d{3}/iu;

function clip(text: string): string {
  const [first, second] = text.split(SENTENCE_END);
  const pin = second ? PIN_SENTENCE.exec(second) : null;
  return (pin ? `${first} ${pin[0]}` : first).replace(/\s*\n\s*/g, ' ');
}

/** The comma-separated parts from the first that looks like an address to the PIN, other answers left out. */
function addressParts(text: string, fromStart: boolean): string {
  const parts = text
    .replace(/\s*\n\s*/g, ', ')
    .split(/\s*,\s*/)
    .filter((p) => p !== '');
  let start = fromStart ? 0 : parts.findIndex((p) => ADDRESS_WORD.test(p) || /^\d+[a-z]?\s+\p{L}/iu.test(p));
  if (start < 0) start = 0;
  const kept: string[] = [];
  for (const p of parts.slice(start)) {
    if (OTHER_SLOT.test(p)) continue;
    const pin = PIN.exec(p);
    // the PIN ends the address: "pin 282002. I am her father" keeps "pin 282002"
    kept.push(pin ? p.slice(0, pin.index + pin[0].length) : p);
    if (pin) break;
  }
  return kept.join(', ');
}

/** The address text after a cue, kept as written; null when the message gives none. */
export function extractAddress(normalised: string, opts: { bare?: boolean } = {}): string | null {
  // "वही जो ऊपर बताया" points at an earlier address: it is not one (see isSameAsEarlier)
  if (isSameAsEarlier(normalised)) return null;
  const m = AFTER_CUE.exec(normalised) ?? LIVE_IN.exec(normalised) ?? BEFORE_CUE.exec(normalised);
  let candidate: string | null = null;
  if (m) candidate = addressParts(clip(m[1]), true);
  else if (opts.bare) candidate = clip(normalised);
  else if (PIN.test(normalised) && ADDRESS_WORD.test(normalised)) candidate = addressParts(normalised, false);
  if (!candidate) return null;
  const text = stripFillers(candidate.replace(TRAILING, '').trim());
  if (text === '' || NOT_ADDRESS.test(text)) return null;
  // an address has substance: a house number or PIN, or a district; "pata chala ki…" has neither
  if (/\d/.test(text)) return text;
  if (opts.bare) return text.split(' ').length >= 2 ? text : null;
  return extractDistrict(text) ? text : null;
}
