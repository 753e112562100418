/** Damerau (optimal string alignment) distance, giving up early once it exceeds max. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  // the typo checks ask for one edit, word against every keyword: no table needed for that
  if (max === 1) return withinOneEdit(a, b);
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev2 = prev;
    prev = cur;
  }
  return prev[n] <= max;
}

/** OSA distance ≤ 1 (lengths differ by at most one): equal, one substitution, one adjacent swap, or one insertion. */
function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  const short = Math.min(a.length, b.length);
  while (i < short && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (i === a.length) return true;
    // one substitution, or the swap of positions i and i + 1
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // one character more in the longer string at position i
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
