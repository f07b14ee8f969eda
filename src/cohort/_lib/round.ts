/** Private rounding helpers of the cohort domain. */

/**
 * Rounds half away from zero at `digits` decimals, after cleaning binary noise (12 significant digits),
 * so 0.0445 (stored as 0.04449999...) rounds to 0.045 as a reader expects.
 */
export function roundHalfUp(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const scaled = Number((Math.abs(x) * f).toPrecision(12));
  const r = Math.round(scaled) / f;
  return x < 0 ? -r : r;
}

/** `roundHalfUp` then fixed decimals; never prints "-0". */
export function fixed(x: number, digits: number): string {
  const r = roundHalfUp(x, digits);
  const s = r.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Rounds to `sig` significant figures (half away from zero) and prints without exponent. */
export function significant(x: number, sig: number): string {
  if (x === 0) return "0";
  const mag = Math.floor(Math.log10(Math.abs(Number(Math.abs(x).toPrecision(12)))));
  const digits = Math.max(0, sig - 1 - mag);
  const r = roundHalfUp(x, digits);
  // rounding may carry into a new magnitude (0.0995 -> 0.10): keep sig figures
  const mag2 = Math.floor(Math.log10(Math.abs(r)));
  return fixed(r, Math.max(0, sig - 1 - mag2));
}
