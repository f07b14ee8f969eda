/**
 * Private: Fisher's exact test on 2 x 2 tables — conditional (non-central hypergeometric) inference on
 * the odds ratio: p-values, the conditional maximum-likelihood estimate and exact confidence limits,
 * all roots solved to full double precision (Newton steps on the log odds ratio inside a bracket).
 * @packageDocumentation
 */
import { logDbinomRaw } from "../_dist/special.js";
import type { Alternative } from "../types.js";

/** log dhyper(k; m, n, t): k white among t draws from m white and n black, via binomial saddle points. */
function logDhyper(k: number, m: number, n: number, t: number): number {
  const N = m + n;
  if (t === 0 || t === N) return 0;
  const p = t / N;
  const q = (N - t) / N;
  return logDbinomRaw(k, m, p, q) + logDbinomRaw(t - k, n, p, q) - logDbinomRaw(t, N, p, q);
}

/** Largest number of support points the 2 x 2 computation evaluates (see {@link support}). */
export const FISHER_2X2_MAX_POINTS = 2_000_000;

/**
 * The part of the support of X that carries weight: `k[i]` (increasing, possibly with gaps) and
 * log dhyper at those points.
 */
interface Support {
  lo: number;
  hi: number;
  k: Float64Array;
  /** k - x (exact): the tilt theta (k - x) keeps the log weights small whatever the counts. */
  kc: Float64Array;
  x: number;
  logdc: Float64Array;
}

/**
 * Support points within 12 standard deviations (plus 30) of the central mode, of x and of the point
 * on the other side of the mode as likely as x (the two-sided tail), merged into a sorted list.
 * The hypergeometric and its exponential tilts are log-concave, so the weights outside these windows
 * fall below e^-72 of the largest inside: they change no sum in double precision, and the cost grows
 * with the square root of the counts, not with the counts. Every point is used for small tables.
 */
function support(m: number, n: number, t: number, x: number, fn: string): Support {
  const lo = Math.max(0, t - n);
  const hi = Math.min(t, m);
  const N = m + n;
  const mode = Math.floor(((t + 1) * (m + 1)) / (N + 2));
  // Large-sample sd of the cell under independence and near x (1 / sum of 1 / cells).
  const sdAt = (a: number): number => {
    const b = t - a;
    const c = m - a;
    const d = n - b;
    return 1 / Math.sqrt(1 / (a + 0.5) + 1 / (b + 0.5) + 1 / (c + 0.5) + 1 / (d + 0.5));
  };
  const w = Math.ceil(12 * Math.max(sdAt(mode), sdAt(x))) + 30;
  const ranges: [number, number][] = [];
  const add = (c: number): void => {
    ranges.push([Math.max(lo, c - w), Math.min(hi, c + w)]);
  };
  add(mode);
  add(x);
  // The point as likely as x on the other side of the mode: found by bisection on the log density.
  const lx = logDhyper(x, m, n, t);
  if (x !== mode) {
    let a = mode;
    let b = x < mode ? hi : lo;
    while (Math.abs(b - a) > 1) {
      const mid = a + Math.trunc((b - a) / 2);
      if (logDhyper(mid, m, n, t) > lx) a = mid;
      else b = mid;
    }
    add(b);
  }
  ranges.sort((r1, r2) => r1[0] - r2[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  let size = 0;
  for (const [a, b] of merged) size += b - a + 1;
  if (size > FISHER_2X2_MAX_POINTS) {
    throw new RangeError(
      `${fn}: a 2 x 2 table this large needs more than ${FISHER_2X2_MAX_POINTS} support points (cost grows with the square root of the counts); got margins ${m}, ${n} and ${t}.`,
    );
  }
  const k = new Float64Array(size);
  const kc = new Float64Array(size);
  const logdc = new Float64Array(size);
  let i = 0;
  for (const [a, b] of merged) {
    for (let v = a; v <= b; v++, i++) {
      k[i] = v;
      kc[i] = v - x;
      logdc[i] = logDhyper(v, m, n, t);
    }
  }
  return { lo, hi, k, kc, x, logdc };
}

/** Log weights logdc + theta (k - x), and their log-sum-exp over an index range [a, b]. */
function logSum(s: Support, theta: number, a: number, b: number): number {
  let mx = -Infinity;
  for (let i = a; i <= b; i++) {
    const v = s.logdc[i]! + theta * s.kc[i]!;
    if (v > mx) mx = v;
  }
  if (mx === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = a; i <= b; i++) sum += Math.exp(s.logdc[i]! + theta * s.kc[i]! - mx);
  return mx + Math.log(sum);
}

/** Mean and variance of X under log odds ratio theta, optionally restricted to [a, b] (indices). */
function moments(s: Support, theta: number, a = 0, b = s.logdc.length - 1): { mean: number; variance: number } {
  let mx = -Infinity;
  for (let i = a; i <= b; i++) mx = Math.max(mx, s.logdc[i]! + theta * s.kc[i]!);
  let w = 0;
  let m1 = 0;
  for (let i = a; i <= b; i++) {
    const e = Math.exp(s.logdc[i]! + theta * s.kc[i]! - mx);
    w += e;
    m1 += e * s.kc[i]!;
  }
  const mc = m1 / w;
  let v = 0;
  for (let i = a; i <= b; i++) {
    const e = Math.exp(s.logdc[i]! + theta * s.kc[i]! - mx);
    const d = s.kc[i]! - mc;
    v += e * d * d;
  }
  return { mean: s.x + mc, variance: v / w };
}

/**
 * Root in theta of an increasing function f with derivative df: Newton inside a bracket grown from
 * [-1, 1], bisection when Newton leaves it; converges to |dtheta| < 1e-13.
 */
function solveTheta(f: (t: number) => number, df: (t: number) => number): number {
  let lo = -1;
  let hi = 1;
  while (f(lo) > 0 && lo > -800) lo *= 2;
  while (f(hi) < 0 && hi < 800) hi *= 2;
  let t = f(0) < 0 ? Math.max(lo, 0) : Math.min(hi, 0);
  if (t === lo || t === hi) t = 0.5 * (lo + hi);
  for (let it = 0; it < 300; it++) {
    const v = f(t);
    if (v === 0) return t;
    if (v < 0) lo = t;
    else hi = t;
    const d = df(t);
    let nt = t - v / d;
    if (!(nt > lo && nt < hi) || !Number.isFinite(nt)) nt = 0.5 * (lo + hi);
    if (Math.abs(nt - t) < 1e-14 * Math.max(1, Math.abs(t)) || hi - lo < 1e-14 * Math.max(1, Math.abs(t))) return nt;
    t = nt;
  }
  return t;
}

/** Result of the 2 x 2 computation. */
export interface FisherTwoByTwo {
  pValue: number;
  estimate: number;
  confInt: [number, number];
  logProbObserved: number;
}

/**
 * Fisher's exact test on [[a, b], [c, d]] (x = a; m = a + c, n = b + d, t = a + b), with R's
 * conventions: two-sided p sums tables with probability <= P_obs (1 + 1e-7).
 */
export function fisherTwoByTwo(tab: readonly (readonly number[])[], alternative: Alternative, confLevel: number, fn = "fisherExactTest"): FisherTwoByTwo {
  const a = tab[0]![0]!;
  const b = tab[0]![1]!;
  const c = tab[1]![0]!;
  const d = tab[1]![1]!;
  const m = a + c;
  const n = b + d;
  const t = a + b;
  const x = a;
  const s = support(m, n, t, x, fn);
  const ix = s.k.indexOf(x);
  const last = s.logdc.length - 1;
  const total0 = logSum(s, 0, 0, last);
  let pValue: number;
  if (alternative === "less") pValue = Math.exp(logSum(s, 0, 0, ix) - total0);
  else if (alternative === "greater") pValue = Math.exp(logSum(s, 0, ix, last) - total0);
  else {
    const thr = s.logdc[ix]! + Math.log1p(1e-7);
    let mx = -Infinity;
    for (let i = 0; i <= last; i++) if (s.logdc[i]! <= thr) mx = Math.max(mx, s.logdc[i]!);
    let sum = 0;
    for (let i = 0; i <= last; i++) if (s.logdc[i]! <= thr) sum += Math.exp(s.logdc[i]! - mx);
    pValue = Math.min(1, Math.exp(mx + Math.log(sum) - total0));
  }
  // Conditional MLE: E_theta[X] = x.
  let estimate: number;
  if (x === s.lo) estimate = 0;
  else if (x === s.hi) estimate = Infinity;
  else {
    const th = solveTheta(
      (th) => moments(s, th).mean - x,
      (th) => moments(s, th).variance,
    );
    estimate = Math.exp(th);
  }
  // Exact limits: upper solves P_theta(X <= x) = alpha, lower solves P_theta(X >= x) = alpha.
  const upperLimit = (alpha: number): number => {
    if (x === s.hi) return Infinity;
    const la = Math.log(alpha);
    const th = solveTheta(
      (th) => la - (logSum(s, th, 0, ix) - logSum(s, th, 0, last)),
      (th) => moments(s, th).mean - moments(s, th, 0, ix).mean,
    );
    return Math.exp(th);
  };
  const lowerLimit = (alpha: number): number => {
    if (x === s.lo) return 0;
    const la = Math.log(alpha);
    const th = solveTheta(
      (th) => logSum(s, th, ix, last) - logSum(s, th, 0, last) - la,
      (th) => moments(s, th, ix, last).mean - moments(s, th).mean,
    );
    return Math.exp(th);
  };
  let confInt: [number, number];
  if (alternative === "less") confInt = [0, upperLimit(1 - confLevel)];
  else if (alternative === "greater") confInt = [lowerLimit(1 - confLevel), Infinity];
  else {
    const al = (1 - confLevel) / 2;
    confInt = [lowerLimit(al), upperLimit(al)];
  }
  return { pValue, estimate, confInt, logProbObserved: s.logdc[ix]! };
}
