// A label that is also an everyday word ("pata" is the address and "to know"; "पता नहीं" is "I
// don't know") marks its field only where a list of labelled parts has it: opening the message
// or a clause ("jati Yadav, pata makan 12 …", "पता: …", a new line), and not before the verb or
// question word that makes it a predicate ("pata chala", "पता है", "pata nahi", "kya pata").

// the start of the message or of a clause: a comma, semicolon, colon, danda, full stop or line break before it
const CLAUSE_BEFORE = /(?:^|[,;:.।!?\n])\s*$/u;

// what follows the word when it is "to know", not a label: a verb, a negation, a particle, a question
const PREDICATE_AFTER =
  /^\s*(?:nahi|nahin|nhi|na|nai|chala|chal|chalega|chalta|chalti|hai|h(?!\.)|he|hain|tha|thi|ho|hoga|hogi|hota|hoti|kar|karo|karna|karke|karein|karen|kijiye|kare|laga|lagi|lagao|lagana|lagega|hi|bhi|to|toh|kaise|kya|ki|kyun|नहीं|नही|ना|चला|चल|चलेगा|चलता|है|हैं|था|थी|हो|होगा|होता|कर|करो|करना|करके|करें|कीजिए|लगा|लगी|लगाओ|ही|भी|तो|कैसे|क्या|कि)(?![\p{L}\p{M}])/iu;

/** Whether `start` opens the message or a clause of it. */
export function atClauseStart(source: string, start: number): boolean {
  return CLAUSE_BEFORE.test(source.slice(0, start));
}

/** Whether a clause cue found at [start, end) of the message opens a labelled part there. */
export function opensClause(source: string, start: number, end: number): boolean {
  return atClauseStart(source, start) && !PREDICATE_AFTER.test(source.slice(end));
}
