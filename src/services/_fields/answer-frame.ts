// The frame an answer is written in, taken off before it is read: the talk around it ("ok so …
// thank you") and the words of the sentence ("mera naam … hai").

// Words around an answer that are not the answer: "mera naam X hai", "X है", "it is X".
// (an "h" before a number is the house's: "H No 12, Station Road" keeps its "H")
// ("we are Pasi", "it should be Balmiki", "main unka bhai Anil Yadav", "मैं उनका बेटा सुरेश": the
// frame and the relation are not the value; "Main Road", "Main Bazar" keep their "Main")
const LEAD =
  /^(?:(?:my|the|his|her|their|its|it|is|was|are|i am|i'm|im|myself|me|we are|we're|we|should be|it should be|mera|meri|mere|uska|uski|unka|unki|naam|name|hai|h(?![,:]?\s+(?:no\b|num|\d))|ji|to|toh|main(?!,?\s+(?:road|rd|bazar|bazaar|market|street|chowk|gali|marg|sadak|gate|colony|line|lines)(?![\p{L}\p{M}]))|khud|hum|ham|son|daughter|grandson|granddaughter|brother|sister|wife|beta|beti|bhai|behen|bahan|pota|poti|patni|मेरा|मेरी|उसका|उसकी|उनका|उनकी|नाम|है|जी|तो|मैं|हम|बेटा|बेटी|भाई|बहन|पोता|पोती|पत्नी)[,:]?\s+)+/iu;
const TRAIL = /(?:\s+(?:hai|h|he|hain|hoon|hun|ji|है|हैं|हूँ|हूं|जी|tha|thi|था|थी))+\s*[.!।]*$/iu;

// The talk people wrap an answer in: "ok so X thank you", "haan ji, X", "let me tell you, X please
// help", "बताती हूँ, X धन्यवाद", "अच्छा तो X". Never part of a name, an address or a description.
const TALK_LEAD =
  /^(?:(?:ok|okay|okk|so|well|yes|yeah|yep|sure|hmm+|umm+|haan|haa|han|ha|ji|jee|achha|acha|accha|theek hai|thik hai|theek|thik|hello|hi|namaste|sir|madam|let me tell you|i will tell you|i'll tell you|let me see|batati hoon|batati hun|batata hoon|batata hun|bata rahi hoon|bata raha hoon|to|toh|हाँ|हां|जी|अच्छा|ठीक है|ठीक|नमस्ते|बताती हूँ|बताती हूं|बताता हूँ|बताता हूं|तो)(?![\p{L}\p{M}])[\s,:.!]*)+/iu;
const TALK_TRAIL =
  /(?:[\s,.!]+(?:thanks|thank you|thanku|thankyou|thx|ty|dhanyavaad|dhanyavad|dhanyawad|dhanyawaad|shukriya|please help|please|plz|pls|help me|sir|madam|ji|likh dijiye|likh dijie|likh do|likh lijiye|likh lo|likhiye|likho|dal dijiye|daal dijiye|धन्यवाद|शुक्रिया|कृपया|जी|लिख दीजिए|लिख दीजिये|लिख दो|लिखिए))+[\s.!।]*$/iu;

// "Ravi Kumar 🙏", "Mohan Lal ji 🙏🙏", "gali 4 👍": an emoji (with its skin tone, joiner or keycap
// parts) is said around an answer, never part of a name, an address or a description
const PICTOGRAPHS =
  /[ \t]*(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\uFE0F|\u200D|\u20E3)+/gu;

/** The answer without the talk around it ("ok so Kabir please help" → "Kabir"); '' if talk is all there is. */
export function stripTalk(text: string): string {
  // the trailing talk is matched after a space: " thank you" alone is all talk too
  const said = text.replace(PICTOGRAPHS, '').trim();
  return ` ${said}`.replace(TALK_TRAIL, '').trim().replace(TALK_LEAD, '').trim();
}

/** An answer with its framing words and edge punctuation taken off. */
export function bareAnswer(text: string): string {
  return stripTalk(text)
    .replace(/^[\s,:;\-–—=]+/u, '')
    .replace(LEAD, '')
    .replace(TRAIL, '')
    .replace(/[\s,;.!।]+$/u, '')
    .trim();
}
