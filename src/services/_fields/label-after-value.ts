// "House 12 Shivpuri Colony, Patna district", "…, पटना जिला": a district's label written after
// its name. Without this the address before it runs on to the label and keeps the district's
// name, and the district, its label followed by nothing, is asked again.

// the break that opens the part holding the value: a comma, semicolon, danda or line break
const PART_BREAK = /[,;।\n]/gu;
// a district's name is a word or a few ("Sant Kabir Nagar"), never a clause
const MAX_WORDS = 4;

/**
 * Where the value of a label written after it starts: the part between the last break before
 * the label and the label, when `reads` takes it whole; null when there is none. `from` is where
 * the part may start at the earliest (the end of the label before it, or 0).
 */
export function valueBeforeLabel(
  source: string,
  from: number,
  labelStart: number,
  reads: (words: string) => boolean,
): number | null {
  const before = source.slice(from, labelStart);
  let open = -1;
  for (const m of before.matchAll(PART_BREAK)) open = m.index;
  // the part opens at a break, or at the very start of the message
  if (open < 0 && from !== 0) return null;
  const part = before.slice(open + 1);
  const words = part.trim().replace(/[\s,.:\-–—]+$/u, '');
  if (!words || words.split(/\s+/).length > MAX_WORDS || !reads(words)) return null;
  return from + open + 1 + (part.length - part.trimStart().length);
}
