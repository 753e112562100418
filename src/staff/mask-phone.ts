/** `919876545678` → `91••••••5678`: the country code and last four digits, enough to tell citizens apart. */
export function maskPhone(waId: string): string {
  if (waId.length <= 6) return '•'.repeat(waId.length);
  return `${waId.slice(0, 2)}${'•'.repeat(waId.length - 6)}${waId.slice(-4)}`;
}
