/**
 * Private: a safeguarded monotone root finder (Newton steps kept inside a shrinking bracket, with
 * bisection — geometric on positive brackets spanning decades — when a step misbehaves).
 * @packageDocumentation
 */

/**
 * Finds x in [lo, hi] with f(x) = 0 for f increasing. `df` is f' (used only for the Newton step).
 * Converges to relative width `tol`.
 */
export function solveMonotone(
  f: (x: number) => number,
  df: (x: number) => number,
  lo: number,
  hi: number,
  x0: number,
  tol = 1e-15,
): number {
  let x = Math.min(Math.max(x0, lo), hi);
  for (let it = 0; it < 400; it++) {
    const fx = f(x);
    if (fx === 0) return x;
    if (fx < 0) lo = x;
    else hi = x;
    if (hi - lo <= tol * Math.max(Math.abs(lo), Math.abs(hi)) || hi - lo <= 1e-300) break;
    const d = df(x);
    let nx = d > 0 && Number.isFinite(d) ? x - fx / d : NaN;
    if (!(nx > lo && nx < hi)) {
      nx = lo > 0 && hi / lo > 8 ? Math.sqrt(lo * hi) : hi < 0 && lo / hi > 8 ? -Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    } else if (Math.abs(nx - x) <= 0.25 * tol * Math.abs(x)) {
      return nx;
    }
    x = nx;
  }
  return x;
}
