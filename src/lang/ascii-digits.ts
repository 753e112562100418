/** "२२६००१" → "226001": Devanagari digits as ASCII, after NFC. A leaf module: the field readers, the tools and the form all use it without loading the service registry. */
export function asciiDigits(text: string): string {
  return text.normalize('NFC').replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966));
}
