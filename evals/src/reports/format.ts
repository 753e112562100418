export const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
export const num = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? '—' : x.toFixed(digits);
export const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);

/** Display width: Devanagari combining marks take no column. */
export function width(s: string): number {
  return Array.from(s.replace(/[\u0900-\u0903\u093A-\u094F\u0951-\u0957\u0962\u0963\u200B-\u200D]/g, ''))
    .length;
}

/** A plain-text table with right-aligned numbers. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i] - width(c));
        return i === 0 ? c + pad : pad + c;
      })
      .join('  ');
  return [fmt(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}
