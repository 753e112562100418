import { foldForMatch } from '../../lang/normalise.js';
import { catalogueText } from '../catalogue-text.js';
import { type Text3, text3 } from '../types.js';

// "main khud", "मैं खुद", "myself", "it's me": the speaker reports the death, and the form does not
// know the speaker's name (the death certificate has no applicant's name to take it from). It is
// no name; the note says what is wanted instead of "I couldn't read that".
const SELF =
  /^(?:(?:main|mai|mein|मैं|मै|hum|ham|हम)\s+(?:khud|khudh|swayam|svayam|hi|खुद|ख़ुद|स्वयं|ही)(?:\s+(?:hi|ही))?(?:\s+(?:hoon|hun|hu|hain|हूँ|हूं|हू|हैं))?|myself|me myself|me|it is me|its me|i am|im|i am reporting|khud|खुद|ख़ुद|स्वयं)$/u;

const OWN_NAME = text3(
  'Thank you. Please send your own full name, as the person reporting the death.',
  'धन्यवाद। कृपया अपना पूरा नाम लिखिए (आप मृत्यु की सूचना दे रहे हैं)।',
  'Dhanyavaad. Kripya apna poora naam likhiye (aap mrityu ki soochna de rahe hain).',
);

/**
 * The note for an informant's answer that says "me" without a name; undefined for any other.
 * Said `again`, it says plainly that "myself" is not the name (the first note was not taken in).
 */
export function informantSelfNote(text: string, again = false): Text3 | undefined {
  const said = foldForMatch(text.replace(/['’]/g, ''))
    .replace(/[^\p{L}\p{M}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!SELF.test(said)) return undefined;
  return again ? catalogueText('offline.form.informant_own_name_again') : OWN_NAME;
}
