import { foldForMatch } from '../lang/normalise.js';

/**
 * "caste certificate ka status", "मेरे जाति प्रमाण पत्र की स्थिति", "status of my income certificate":
 * a service named with a status word asks where an application stands. The service's name alone
 * would start a new application of it; a status word and no word of applying is a status check.
 */
const STATUS =
  /(?:^| )(?:status|staus|stetus|sthiti|isthiti|स्थिति|स्टेटस|track|tracking|ka kya hua|ki kya sthiti|का क्या हुआ|की क्या स्थिति|kahan tak pahuncha|kahan tak pahunchi|kaha tak pahuncha|कहां तक पहुंचा|कहाँ तक पहुँचा|any update|koi update|कोई अपडेट)(?: |$)/;
// "naya caste certificate banwana hai, status kaise dekhu": applying, whatever else is asked
const APPLYING =
  /(?:^| )(?:banwana|banwani|banvana|banana|banani|bana do|banwa do|apply|applying|register|naya|nayi|new|बनवाना|बनवानी|बनाना|बनानी|बनवा दो|बना दो|नया|नई|आवेदन करना|आवेदन करनी)(?: |$)/;

/** The message asks the status of something (it does not apply for it). */
export function asksForStatus(text: string): boolean {
  const f = ` ${foldForMatch(text)} `;
  return STATUS.test(f) && !APPLYING.test(f);
}
