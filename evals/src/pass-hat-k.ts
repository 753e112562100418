/** Binomial coefficient C(n, k) as a float (n stays small: trials per case). */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/**
 * τ-bench's pass^k: the chance that k trials drawn from n all pass, estimated from c
 * successes as C(c, k) / C(n, k). pass^1 is the plain success rate.
 */
export function passHatK(c: number, n: number, k: number): number {
  if (n <= 0 || k <= 0 || k > n) throw new RangeError(`pass^k needs 1 ≤ k ≤ n (k=${k}, n=${n})`);
  return choose(c, k) / choose(n, k);
}

/** pass^k for k = 1..n of one case. */
export function passHatCurve(c: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => passHatK(c, n, i + 1));
}
