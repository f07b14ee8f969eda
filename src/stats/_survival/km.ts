/**
 * Private Kaplan–Meier machinery shared by kaplanMeier, the survival tables and the figures.
 * @packageDocumentation
 */
import { qnorm } from "../_dist/normal.js";
import { KahanSum, type SurvData } from "./input.js";

/** Confidence-interval transformation, as survfit's `conf.type`. */
export type ConfType = "log" | "log-log" | "plain" | "logit" | "arcsin" | "none";

/** The table of a Kaplan–Meier fit at every distinct observed time. */
export interface KmTable {
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  surv: number[];
  /** Standard error of log S (survfit's std.err for Greenwood); Infinity once S = 0. */
  seLog: number[];
  /** Standard error of S; NaN once S = 0. */
  seSurv: number[];
  cumHaz: number[];
}

/**
 * Computes the Kaplan–Meier table. Risk sets are entry < t <= time. `robust` gives the
 * infinitesimal-jackknife standard error (sum over subjects of (w_i * dS/dw_i)^2).
 */
export function kmTable(d: SurvData, robust: boolean): KmTable {
  const { n, time, status, entry, weights: w } = d;
  const ord = new Int32Array(n);
  for (let i = 0; i < n; i++) ord[i] = i;
  ord.sort((a, b) => time[a]! - time[b]!);
  // distinct times and weighted counts
  const T: number[] = [];
  const ev: number[] = [];
  const ce: number[] = [];
  const exitW: number[] = [];
  const tIndex = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = ord[k]!;
    const t = time[i]!;
    if (T.length === 0 || T[T.length - 1] !== t) {
      T.push(t);
      ev.push(0);
      ce.push(0);
      exitW.push(0);
    }
    const j = T.length - 1;
    tIndex[i] = j;
    if (status[i] !== 0) ev[j]! += w[i]!;
    else ce[j]! += w[i]!;
    exitW[j]! += w[i]!;
  }
  const m = T.length;
  // n at risk = W(time >= t) - W(entry >= t)
  const nRisk = new Array<number>(m);
  const suffix = new KahanSum();
  for (let j = m - 1; j >= 0; j--) {
    suffix.add(exitW[j]!);
    nRisk[j] = suffix.value;
  }
  let entryIndex: Int32Array | null = null;
  if (entry !== null) {
    // entryIndex[i] = number of distinct times <= entry_i (so subject i is at risk at T[j] for entryIndex[i] <= j <= tIndex[i])
    entryIndex = new Int32Array(n);
    const eo = new Int32Array(n);
    for (let i = 0; i < n; i++) eo[i] = i;
    eo.sort((a, b) => entry[b]! - entry[a]!);
    const removed = new KahanSum();
    let jj = m;
    for (let k = 0; k < n; k++) {
      const i = eo[k]!;
      while (jj > 0 && T[jj - 1]! > entry[i]!) jj--;
      entryIndex[i] = jj;
    }
    // removal weights per time index: subjects with entry >= T[j] are not at risk at T[j]
    const startAt = new Float64Array(m + 1);
    for (let i = 0; i < n; i++) startAt[entryIndex[i]!]! += w[i]!;
    // W(entry >= T[j]) = sum of w for entryIndex > j
    for (let j = m - 1; j >= 0; j--) {
      removed.add(startAt[j + 1]!);
      nRisk[j] = nRisk[j]! - removed.value;
    }
  }
  const surv = new Array<number>(m);
  const cumHaz = new Array<number>(m);
  const seLog = new Array<number>(m);
  const seSurv = new Array<number>(m);
  let s = 1;
  let H = 0;
  let g = 0;
  const h = new Float64Array(m); // d / (n (n - d))
  for (let j = 0; j < m; j++) {
    const dj = ev[j]!;
    const nj = nRisk[j]!;
    if (dj > 0) {
      // everyone at risk fails: exactly 0 (the weighted risk set is a difference of sums, so d / n can
      // round to just above or below 1 and leave a survival of -2e-16 that never reaches 0)
      const allFail = nj - dj <= 1e-12 * nj;
      s = allFail ? 0 : s * (1 - dj / nj);
      H += dj / nj;
      h[j] = allFail ? Infinity : dj / (nj * (nj - dj));
      g += h[j]!;
    }
    surv[j] = s;
    cumHaz[j] = H;
    seLog[j] = Math.sqrt(g);
    seSurv[j] = s === 0 ? NaN : s * Math.sqrt(g);
  }
  if (robust) robustKm(d, T, tIndex, entryIndex, nRisk, ev, h, surv, seLog, seSurv);
  return { time: T, nRisk, nEvent: ev, nCensor: ce, surv, seLog, seSurv, cumHaz };
}

/**
 * Infinitesimal-jackknife variance of log S(t): subject i's derivative is
 * -1[event at t_i <= t] / (n(t_i) - d(t_i)) + sum over event times s in (entry_i, min(t, t_i)] of d/(n(n-d)).
 * Summed in time order with running sums (O(n log n)).
 */
function robustKm(
  d: SurvData,
  T: number[],
  tIndex: Int32Array,
  entryIndex: Int32Array | null,
  nRisk: number[],
  ev: number[],
  h: Float64Array,
  surv: number[],
  seLog: number[],
  seSurv: number[],
): void {
  const { n, status, weights: w } = d;
  const m = T.length;
  const Hc = new Float64Array(m + 1); // Hc[j+1] = sum_{k<=j} h_k ; Hc[0] = 0
  for (let j = 0; j < m; j++) Hc[j + 1] = Hc[j]! + h[j]!;
  // per time index: subjects entering (first at-risk index) and leaving (last at-risk index)
  const enterAt: number[][] = Array.from({ length: m + 1 }, () => []);
  const leaveAt: number[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < n; i++) {
    const e = entryIndex === null ? 0 : entryIndex[i]!;
    if (e <= tIndex[i]!) enterAt[e]!.push(i);
    leaveAt[tIndex[i]!]!.push(i);
  }
  // active subjects (entered, not yet left): sum w^2, sum w^2 H(a), sum w^2 H(a)^2
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let done = 0; // sum over departed subjects of (w * A_i)^2 (constant after departure)
  for (let j = 0; j < m; j++) {
    for (const i of enterAt[j]!) {
      const e = entryIndex === null ? 0 : entryIndex[i]!;
      const ha = Hc[e]!;
      const w2 = w[i]! * w[i]!;
      a0 += w2;
      a1 += w2 * ha;
      a2 += w2 * ha * ha;
    }
    const Ht = Hc[j + 1]!;
    // departures at T[j]: their value is final
    let leaving0 = 0;
    let leaving1 = 0;
    let leaving2 = 0;
    for (const i of leaveAt[j]!) {
      const e = entryIndex === null ? 0 : entryIndex[i]!;
      if (e > j) continue;
      const ha = Hc[e]!;
      const w2 = w[i]! * w[i]!;
      leaving0 += w2;
      leaving1 += w2 * ha;
      leaving2 += w2 * ha * ha;
      // a zero-weight subject has no influence (and its event term may read 1 / 0 when no weight is at risk)
      if (w2 === 0) continue;
      let A = Ht - ha;
      if (status[i] !== 0) A -= 1 / (nRisk[j]! - ev[j]!);
      done += w2 * A * A;
    }
    a0 -= leaving0;
    a1 -= leaving1;
    a2 -= leaving2;
    // the variance changes only at event times (H moves only there): carry it over exactly otherwise, so that a
    // flat stretch of the limits is one value (quantile.survfit searches the limits by value)
    if (j > 0 && !(ev[j]! > 0)) {
      seLog[j] = seLog[j - 1]!;
      seSurv[j] = seSurv[j - 1]!;
      continue;
    }
    const active = Ht * Ht * a0 - 2 * Ht * a1 + a2;
    const v = done + Math.max(active, 0);
    // once S = 0 its influence is 0: survfit reports a standard error of 0 there
    seLog[j] = surv[j] === 0 ? Infinity : Math.sqrt(v);
    seSurv[j] = surv[j] === 0 ? 0 : surv[j]! * Math.sqrt(v);
  }
}

/** Confidence limits as survfit: `se` is the standard error of log S; nulls where R gives NA. */
export function confLimits(s: number, se: number, type: ConfType, level: number): [number | null, number | null] {
  const z = qnorm(1 - (1 - level) / 2);
  const nn = (x: number): number | null => (Number.isFinite(x) ? x : null);
  switch (type) {
    case "plain": {
      const e = se * s * z;
      if (!Number.isFinite(e)) return [null, null];
      return [Math.max(s - e, 0), Math.min(s + e, 1)];
    }
    case "log": {
      if (s === 0) return [null, null];
      const e = z * se;
      return [nn(Math.exp(Math.log(s) - e)), nn(Math.min(Math.exp(Math.log(s) + e), 1))];
    }
    case "log-log": {
      if (s === 0 || s === 1) return [null, null];
      const ls = Math.log(s);
      const e = (z * se) / ls;
      return [nn(Math.exp(-Math.exp(Math.log(-ls) - e))), nn(Math.exp(-Math.exp(Math.log(-ls) + e)))];
    }
    case "logit": {
      if (s === 0 || s === 1) return [null, null];
      const e = z * se * (1 + s / (1 - s));
      const lg = Math.log(s / (1 - s));
      return [nn(1 - 1 / (1 + Math.exp(lg - e))), nn(1 - 1 / (1 + Math.exp(lg + e)))];
    }
    case "arcsin": {
      if (s === 0 || s === 1) return [null, null];
      const e = 0.5 * z * se * Math.sqrt(s / (1 - s));
      const a = Math.asin(Math.sqrt(s));
      return [nn(Math.sin(Math.max(0, a - e)) ** 2), nn(Math.sin(Math.min(Math.PI / 2, a + e)) ** 2)];
    }
    default:
      return [null, null];
  }
}

const QTOL = Math.sqrt(2.220446049250313e-16);

/**
 * The p-quantile of a step curve given at `time` (values `y`, null = undefined there), as
 * quantile.survfit, which searches by value: each distinct value counts at its first time; the
 * quantile is the time of the largest value at or below 1 - p (within 1.49e-8); where that value
 * equals 1 - p, the midpoint of its time and the time of the largest value below 1 - p (or the last
 * time, when the curve ends at 1 - p). On a non-increasing curve this is the first time the curve
 * is at or below 1 - p; confidence limits need not be monotone (delayed entry can shrink the
 * standard error), and there R's search by value can pick a later time, which this follows.
 */
export function curveQuantile(time: readonly number[], y: readonly (number | null)[], p: number): number | null {
  const target = 1 - p;
  const m = time.length;
  if (m === 0) return null;
  const seen = new Set<number | null>([1]);
  let at = -1; // the largest value <= target + tol
  let below = -1; // the largest value <= target - tol
  let last: number | null | undefined;
  for (let j = 0; j < m; j++) {
    const v = y[j] ?? null;
    if (seen.has(v)) continue;
    seen.add(v);
    last = v;
    if (v === null) continue;
    if (v <= target + QTOL && (at < 0 || v > y[at]!)) at = j;
    if (v <= target - QTOL && (below < 0 || v > y[below]!)) below = j;
  }
  if (at < 0) return null;
  if (last !== null && last !== undefined && Math.abs(target - last) < QTOL) return (time[at]! + time[m - 1]!) / 2;
  if (below < 0) return null;
  return (time[at]! + time[below]!) / 2;
}
