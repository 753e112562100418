import { foldForMatch } from '../../lang/normalise.js';

// "kya matlab", "kiska naam", "kyun chahiye", "what do you mean", "ये क्या है": the citizen asks
// back about the question instead of answering it. Stored, the question would be the value
// ("kya matlab" as a father's name); it is read as no answer, so the question is asked again.
// Only a whole message that is such a question: "kya bataun, naukri ke liye" answers.
const ASKS_BACK = new RegExp(
  `^(?:${[
    // what the question means
    '(?:(?:ye|yeh|yah|is|iss|iska|iski|is ka|iss ka|इस|इसका|ये|यह)\\s+)?(?:kya|kia|kyaa|क्या)?\\s*(?:matlab|mtlb|matlb|meaning|मतलब)(?:\\s+(?:kya|क्या))?(?:\\s+(?:samjha|samjhi|samjhe|samajh|समझा|समझी|समझे|समझ))?(?:\\s+(?:nahi|nhi|nahin|नहीं))?(?:\\s+(?:aaya|aya|आया))?',
    '(?:nahi|nhi|नहीं)?\\s*(?:samajh|samjh|samjha|samjhi|samjhe|समझ|समझा|समझी|समझे)(?:\\s+(?:me|mein|में))?(?:\\s+(?:nahi|nhi|nahin|नहीं))?(?:\\s+(?:aaya|aya|aayi|आया|आई))?',
    'what do you mean(?: by (?:that|this|it))?',
    'what does (?:that|this|it) mean',
    "(?:i )?(?:don't|dont|do not|didn't|didnt|did not) (?:understand|get it|get you)",
    'not clear|unclear|sorry what|pardon|come again',
    "what(?: is| 's|'s)? (?:that|this|it)|what|what for|for what",
    // whose or which one
    '(?:kaun|kon|kaunsa|konsa|kaunsi|konsi|kaun sa|kon sa|kaun si|kon si|kis|kiska|kiski|kiske|kis ka|kis ki|kis ke|कौन|कौनसा|कौनसी|कौन सा|कौन सी|किस|किसका|किसकी|किसके|किस का|किस की|किस के)(?:\\s+(?:naam|name|jati|jaati|caste|pata|address|cheez|chiz|wala|wali|नाम|जाति|पता|चीज़|चीज|वाला|वाली))?',
    '(?:which|whose|what) (?:name|one|caste|address)',
    // why it is asked
    '(?:kyun|kyu|kyon|kyo|kaahe|kahe|kis liye|kisliye|kiske liye|kis ke liye|kis kaam ke liye|क्यों|क्यूँ|क्यूं|काहे|किस लिए|किसलिए|किसके लिए|किस के लिए|why|why so|why do you need|why is)(?:\\s+(?:ye|yeh|ya|ये|यह|it|this|that|is it|is this|it is|this is))?(?:\\s+(?:aap|ap|tum|आप|तुम))?(?:\\s+(?:chahiye|chaiye|chahie|chahiye ye|needed|need|need it|required|jaruri|zaroori|jaroori|zaruri|जरूरी|ज़रूरी|चाहिए|puchh rahe ho|puch rahe ho|pooch rahe ho|poochh rahe ho|puchh rahe hain|puch rahe hain|pooch rahe hain|puchh rahe|puch rahe|puchte ho|poochte ho|puchha|pucha|पूछ रहे हो|पूछ रहे हैं|पूछ रहे|पूछते हो|batana hai|batana padega|batau|bataun|बताना है|बताऊँ|बताऊं|dena hai|dena padega|देना है))?(?:\\s+(?:hai|h|he|है|ho|हो))?',
    // what to send: "kya likhna hai", "kya bataun", "what should I write"
    '(?:(?:to|toh|तो|ab|अब)\\s+)?(?:kya|kyaa|क्या)\\s+(?:likhna|likhu|likhun|likhoon|likhe|likhen|bataun|bataoon|batau|batana|bhejna|bhejun|bhejoon|bheju|dalna|daalna|likh du|likh doon|लिखना|लिखूँ|लिखूं|लिखें|बताऊँ|बताऊं|बताना|भेजना|भेजूँ|भेजूं|डालना)(?:\\s+(?:hai|h|है|hoga|होगा|padega|पड़ेगा|chahiye|चाहिए))?',
    'what (?:should|shall|do|must) i (?:write|send|put|type|say|tell)|what to (?:write|send|put|type)',
    // "ye kya hai", "kya hai ye", "kya"
    '(?:ye|yeh|yah|ya|ये|यह)\\s+(?:kya|क्या)(?:\\s+(?:hai|h|he|है|hota hai|होता है))?',
    '(?:kya|क्या)(?:\\s+(?:hai|h|है))?(?:\\s+(?:ye|yeh|yah|ये|यह))?',
  ].join('|')})(?:\\s+(?:hai|h|है|ji|jee|जी|sir|madam|bhai|bhaiya|please|plz))*$`,
  'u',
);

/** Whether the whole message asks back about the question ("kya matlab", "kiska naam?", "why?"). */
export function isClarifyingQuestion(text: string): boolean {
  const words = foldForMatch(text)
    .replace(/[?？!.,;:।"'’()-]+/gu, ' ')
    .replace(
      /^(?:\s*(?:ok|okay|haan|han|ha|ji|jee|sir|madam|bhai|bhaiya|hmm+|umm+|sorry|हाँ|हां|जी|अच्छा|acha|achha)\s+)+/u,
      '',
    )
    .replace(/\s+/g, ' ')
    .trim();
  return words !== '' && ASKS_BACK.test(words);
}
