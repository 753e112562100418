import type { InboundEvent } from '../whatsapp/inbound-event.js';
import { foldForMatch, normalise, tokens } from './normalise.js';

export type Confirmation = 'yes' | 'no' | 'change';

const set = (s: string) => new Set(s.trim().split(/\s+/).map(foldForMatch));

// A yes needs one of these…
const YES_CORE =
  set(`yes y yeah yea yep yup yess ok okay okey okk k kk sure correct confirm confirmed submit done proceed
  right alright fine perfect absolutely definitely exactly agreed agree accept haan han haa ha hanji haanji ji jee
  theek thik thk tik sahi bilkul kardo हाँ हां हा जी ठीक सही बिल्कुल बिलकुल ओके हांजी हाँजी जमा`);
// …and may only be surrounded by these.
const YES_EXTRA =
  set(`hai h he hain is it its s ab to toh ekdam kr krdo krdijiye all everything sab kuch good great please plz pls sir madam mam maam bhai
  bhaiya ji go ahead do kar karo kro karen karein kariye kijiye dijiye de dena jama submit send bhej bhejo done thats that qr code bas
  है हैं सब कुछ कर करो करें कीजिए दीजिए दो दें दें भेजो भेज दो जी अब now बस`);
const NO_CORE = set(
  `no n nope nah nahi nhi nahin nai na naa mat cancel radd stop dont don नहीं नही ना न मत रद्द`,
);
const NO_EXTRA =
  set(`please plz sir ji bhai ruko ruk wait रुको karo kro karen karein kijiye kar do it this abhi chahiye thanks thank you
  mujhe it now submit want need t is application band karna hai h करो करें कीजिए अभी चाहिए जी धन्यवाद है
  मुझे इसे`);
const CHANGE =
  set(`change changes badlo badal badalna badalni badalwana edit modify galat galti wrong incorrect sudhar
  sudharna sudhaar correction बदल बदलो बदलें बदलना गलत ग़लत सुधार सुधारना एडिट चेंज`);
// "sahi nahi hai", "not correct", "ठीक नहीं"
const NEGATED_YES =
  /(?:^| )(?:sahi|theek|thik|correct|right|सही|ठीक) (?:nahi|nhi|nahin|नहीं|नही)(?: |$)|(?:^| )not (?:correct|right|ok)(?: |$)|(?:^| )(?:theek|thik|ठीक) (?:karna|karni|karo|kar|करना|करो|कर)(?: |$)/;
const CORRECTING_NO = set('no nope nahi nhi nahin nai na नहीं नही ना');
const NOT_A_CORRECTION = set('name naam problem idea need issue worries');
// "theek hai par date galat hai", "sab sahi hai bas naam badlo", "all ok except the date"
const CONTRAST = set(
  'lekin but magar however parantu par pr bas bus sirf except only लेकिन मगर परंतु पर बस सिर्फ',
);
const YES_EMOJI = /^(?:[\u{1F44D}\u{1F44C}\u{2705}\u{2714}\u{1F197}]\u{FE0F}?[\u{1F3FB}-\u{1F3FF}]?\s*)+$/u;
const NO_EMOJI = /^(?:[\u{1F44E}\u{274C}\u{1F6AB}\u{2716}]\u{FE0F}?[\u{1F3FB}-\u{1F3FF}]?\s*)+$/u;
// "sahi hai?", "ok?", "cancel?": a question about the summary is neither consent nor refusal
const ASKED = /[?？]\s*$/u;

/**
 * Whether a message answers a pending confirmation. 'yes' only when the message is essentially
 * nothing but an affirmation: a false yes would submit something the citizen did not agree to.
 */
export function classifyConfirmation(event: InboundEvent): Confirmation | null {
  if (event.kind === 'button' || event.kind === 'list') {
    if (event.id === 'confirm:yes') return 'yes';
    if (event.id === 'confirm:change') return 'change';
    if (event.id === 'confirm:cancel') return 'no';
    return null;
  }
  if (event.kind !== 'text') return null;
  return classifyConfirmationText(event.text);
}

/** classifyConfirmation for typed text. */
export function classifyConfirmationText(text: string): Confirmation | null {
  const normalised = normalise(text);
  return confirmationOf(normalised, tokens(foldForMatch(normalised)));
}

/** classifyConfirmationText for normalised text and its folded tokens. */
export function confirmationOf(normalised: string, toks: readonly string[]): Confirmation | null {
  if (YES_EMOJI.test(normalised)) return 'yes';
  if (NO_EMOJI.test(normalised)) return 'no';
  if (toks.length === 0) return null;
  const folded = toks.join(' ');
  if (NEGATED_YES.test(folded) || toks.some((w) => CHANGE.has(w))) return 'change';
  if (ASKED.test(normalised)) return null;
  const hasYes = toks.some((w) => YES_CORE.has(w));
  const hasNo = toks.some((w) => NO_CORE.has(w));
  if (hasYes && !hasNo && toks.every((w) => YES_CORE.has(w) || YES_EXTRA.has(w))) return 'yes';
  // "kar do" / "जमा कर दो" / "go ahead": an action alone, no core word
  if (!hasNo && /^(?:kar do|kardo|kar dijiye|karo|go ahead|do it|कर दो|कर दीजिए|कर दें)$/.test(folded))
    return 'yes';
  if (hasNo && !hasYes && toks.every((w) => NO_CORE.has(w) || NO_EXTRA.has(w))) return 'no';
  // "nahi, date 5 march hai", "haan lekin naam galat": an answer that goes on to correct something
  // "no name yet", "no problem" answer something else
  if (CORRECTING_NO.has(toks[0]) && toks.length > 2 && !NOT_A_CORRECTION.has(toks[1])) return 'change';
  const opensWithAnswer = YES_CORE.has(toks[0]) || NO_CORE.has(toks[0]);
  // a yes with a "but" and something after it ("sab sahi hai bas naam …") goes on to change
  // something; "haan bas", "theek hai bas bhej do" are only a yes
  const contrastAt = toks.findIndex((w) => CONTRAST.has(w));
  const after = toks.slice(contrastAt + 1);
  if (
    contrastAt > 0 &&
    (opensWithAnswer || toks.slice(0, contrastAt).some((w) => YES_CORE.has(w))) &&
    after.some((w) => !YES_CORE.has(w) && !YES_EXTRA.has(w) && !CONTRAST.has(w))
  )
    return 'change';
  return null;
}
