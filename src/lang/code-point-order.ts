/**
 * Code-point order of two strings (-1, 0, 1), for ASCII keys such as references and ISO times.
 * Not `localeCompare`: collation ignores "-" at its first level and pages ICU's collation data
 * (~2.7 MB of RSS) into a server that sorts only machine keys on a citizen's turn.
 */
export function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
