import { withoutReferences } from './extract-reference.js';

// Six digits starting 1-9, not inside a longer number (phone, account), a date or a reference.
const PIN = /(?<![\d/.:-])([1-9]\d{2})\s?(\d{3})(?![\d/:-]|\.\d)/g;
const PHONE_LIKE = /\d{7,}/;

/** The first Indian PIN code in the message, or null. */
export function extractPinCode(text: string): string | null {
  const clean = withoutReferences(text);
  for (const m of clean.matchAll(PIN)) {
    // "226 001" is a PIN typed with a space; "98765 43210" is part of a phone number
    const around = clean
      .slice(Math.max(0, (m.index ?? 0) - 6), (m.index ?? 0) + m[0].length + 6)
      .replace(/\s/g, '');
    if (m[0].includes(' ') && PHONE_LIKE.test(around.replace(`${m[1]}${m[2]}`, ''))) continue;
    return `${m[1]}${m[2]}`;
  }
  return null;
}
