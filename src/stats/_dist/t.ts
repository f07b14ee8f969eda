/**
 * Private: Student's t distribution. Tails from the regularized incomplete beta
 * (P[T > t] = I_{df/(df+t^2)}(df/2, 1/2) / 2), quantiles refined on that cdf.
 * @packageDocumentation
 */
import { pnorm, qnorm } from "./normal.js";
import { lbeta, log1mExp, logIncBeta } from "./special.js";
import { solveMonotone } from "./solve.js";

const LN2 = Math.LN2;

/** Student t density. */
export function dt(x: number, df: number, logP = false): number {
  const l = -0.5 * Math.log(df) - lbeta(0.5, df / 2) - ((df + 1) / 2) * Math.log1p((x * x) / df);
  return logP ? l : Math.exp(l);
}

/** Student t distribution function; each tail computed directly. */
export function pt(x: number, df: number, lowerTail = true, logP = false): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (df === Infinity) return pnorm(x, lowerTail, logP);
  if (x === 0) return logP ? -LN2 : 0.5;
  const ax = Math.abs(x);
  let ls: number; // log P[T > |x|]
  if (ax === Infinity) ls = -Infinity;
  else {
    const t2 = ax * ax;
    let xb: number;
    let yb: number;
    if (t2 > df) {
      const r = df / t2;
      xb = r / (1 + r);
      yb = 1 / (1 + r);
    } else {
      xb = df / (df + t2);
      yb = t2 / (df + t2);
    }
    ls = logIncBeta(xb, yb, df / 2, 0.5, true) - LN2;
  }
  const wantSmall = x > 0 ? !lowerTail : lowerTail;
  const l = wantSmall ? ls : log1mExp(ls);
  return logP ? l : Math.exp(l);
}

/** Student t quantile function. */
export function qt(p: number, df: number, lowerTail = true): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return NaN;
  if (df === Infinity) return qnorm(p, lowerTail);
  const pl = lowerTail ? p : 1 - p;
  if (pl === 0.5) return 0;
  if (p === 0) return lowerTail ? -Infinity : Infinity;
  if (p === 1) return lowerTail ? Infinity : -Infinity;
  // Work on the side where the given probability is the small tail.
  const small = p < 0.5 ? p : 1 - p;
  const negative = lowerTail ? p < 0.5 : p > 0.5;
  const ls = Math.log(small);
  // Solve log P[T > u] = ls for u > 0 (decreasing in u); f(u) = ls - log P[T > u] is increasing.
  const f = (u: number): number => ls - pt(u, df, false, true);
  const fd = (u: number): number => Math.exp(dt(u, df, true) - pt(u, df, false, true));
  const z = qnorm(small, false);
  // Starting value: Cornish-Fisher style expansion; bracket grown until it holds the root.
  const g1 = (z * z * z + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  let x0 = z + g1 / df + g2 / (df * df);
  if (!(x0 > 0) || !Number.isFinite(x0)) x0 = z;
  let hi = Math.max(x0, 1);
  while (f(hi) < 0 && hi < 1e300) hi *= 16;
  const u = solveMonotone(f, fd, 0, hi, Math.min(x0, hi));
  return negative ? -u : u;
}
