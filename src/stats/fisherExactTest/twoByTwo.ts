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

interface Support {
  lo: number;
  hi: number;
  logdc: Float64Array; // log dhyper over lo..hi
}

function support(m: number, n: number, t: number): Support {
  const lo = Math.max(0, t - n);
  const hi = Math.min(t, m);
  const logdc = new Float64Array(hi - lo + 1);
  for (let k = lo; k <= hi; k++) logdc[k - lo] = logDhyper(k, m, n, t);
  return { lo, hi, logdc };
}

/** Log weights logdc + theta k, and their log-sum-exp over an index range [a, b]. */
function logSum(s: Support, theta: number, a: number, b: number): number {
  let mx = -Infinity;
  for (let i = a; i <= b; i++) {
    const v = s.logdc[i]! + theta * (s.lo + i);
    if (v > mx) mx = v;
  }
  if (mx === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = a; i <= b; i++) sum += Math.exp(s.logdc[i]! + theta * (s.lo + i) - mx);
  return mx + Math.log(sum);
}

/** Mean and variance of X under log odds ratio theta, optionally restricted to [a, b] (indices). */
function moments(s: Support, theta: number, a = 0, b = s.logdc.length - 1): { mean: number; variance: number } {
  let mx = -Infinity;
  for (let i = a; i <= b; i++) mx = Math.max(mx, s.logdc[i]! + theta * (s.lo + i));
  let w = 0;
  let m1 = 0;
  for (let i = a; i <= b; i++) {
    const e = Math.exp(s.logdc[i]! + theta * (s.lo + i) - mx);
    w += e;
    m1 += e * (s.lo + i);
  }
  const mean = m1 / w;
  let v = 0;
  for (let i = a; i <= b; i++) {
    const e = Math.exp(s.logdc[i]! + theta * (s.lo + i) - mx);
    const d = s.lo + i - mean;
    v += e * d * d;
  }
  return { mean, variance: v / w };
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
export function fisherTwoByTwo(tab: readonly (readonly number[])[], alternative: Alternative, confLevel: number): FisherTwoByTwo {
  const a = tab[0]![0]!;
  const b = tab[0]![1]!;
  const c = tab[1]![0]!;
  const d = tab[1]![1]!;
  const m = a + c;
  const n = b + d;
  const t = a + b;
  const s = support(m, n, t);
  const x = a;
  const ix = x - s.lo;
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
