// A value typed in a correction carries the sentence's particles: "भी मकान नं 45, गांधी नगर, बरेली ही",
// "Rekha hi hai", "naya wala Sector 5". These never belong to a name, address or place.
const EDGE_FILLERS = new Set(
  'bhi bhee भी hi ही hai h he है hain हैं wala wali wale vala vali वाला वाली वाले to toh तो na ना ji जी sahi सही ab अब naya nayi नया नई correct right actual asli असली'.split(
    ' ',
  ),
);
// Words that only count as filler at the start ("hi" ends a sentence, but "Hi" may open a greeting)
// ("H No 44" opens with "H" for house: a lone "h"/"he" is only taken off the end)
const TRAILING_ONLY = new Set(['hi', 'ji', 'जी', 'na', 'ना', 'h', 'he']);
const PUNCT = /^[\s,.;:!?।\-–—'"“”‘’]+|[\s,.;:!?।\-–—'"“”‘’]+$/gu;

/**
 * The value with the sentence's particles taken off both ends ("भी", "ही", "hai", "wala", "to"),
 * as often as they repeat; the words inside are kept as written.
 */
export function stripFillers(value: string): string {
  const words = value
    .replace(PUNCT, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  let start = 0;
  let end = words.length;
  // "Bhi"/"HAI" are the same particle; "H"/"TO" in capitals are more likely initials or abbreviations
  const bare = (w: string) => {
    const clean = w.replace(PUNCT, '');
    return clean.length >= 3 || clean === clean.toLowerCase() ? clean.toLowerCase() : clean;
  };
  while (start < end && EDGE_FILLERS.has(bare(words[start])) && !TRAILING_ONLY.has(bare(words[start])))
    start++;
  while (end > start && EDGE_FILLERS.has(bare(words[end - 1]))) end--;
  return words.slice(start, end).join(' ').replace(PUNCT, '');
}
