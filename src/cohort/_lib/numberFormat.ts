/** Private: digits chosen by magnitude for continuous summaries (gtsummary's guess), and CI helpers. */
import { fixed } from "./round.js";

/** Type-7 quantile of sorted values. */
function q7(s: readonly number[], p: number): number {
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/**
 * Decimals for a continuous variable: 0 for whole numbers; otherwise by the spread between the 5th and
 * 95th percentiles (< 0.01: 4, < 0.1: 3, < 10: 2, < 20: 1, else 0), gtsummary's rule.
 */
export function guessDigits(values: readonly number[]): number {
  if (values.length === 0 || values.every(Number.isInteger)) return 0;
  const s = [...values].sort((a, b) => a - b);
  const spread = q7(s, 0.95) - q7(s, 0.05);
  if (spread < 0.01) return 4;
  if (spread < 0.1) return 3;
  if (spread < 10) return 2;
  if (spread < 20) return 1;
  return 0;
}

/** True when every value prints exactly at `digits` decimals. */
export function exactAt(values: readonly number[], digits: number): boolean {
  return values.every((v) => Math.abs(Number(fixed(v, digits)) - v) <= 1e-9 * Math.max(1, Math.abs(v)));
}
