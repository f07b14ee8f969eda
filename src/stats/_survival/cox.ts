/**
 * Private Cox partial-likelihood machinery (Breslow and Efron ties, strata, delayed entry,
 * case weights): log-likelihood, score and information in one pass over the risk sets in time
 * order (O(n p^2)), score residuals, per-event-time Schoenfeld sums for cox.zph.
 * @packageDocumentation
 */
import { rankDistinct } from "./input.js";

/** Ties handling, as coxph's `ties`. */
export type CoxTies = "efron" | "breslow";

/** Prepared data: centered covariates and the time orderings. */
export interface CoxData {
  n: number;
  p: number;
  /** Centered covariates, row-major n x p. */
  x: Float64Array;
  time: Float64Array;
  status: Int32Array;
  entry: Float64Array | null;
  weights: Float64Array;
  stratum: Int32Array;
  nStrata: number;
  ties: CoxTies;
  /** Subjects by stratum, then time descending. */
  byExit: Int32Array;
  /** Subjects by stratum, then entry descending (null without entry). */
  byEntry: Int32Array | null;
}

/** Builds the orderings for {@link CoxData}. */
export function prepareCox(
  x: Float64Array,
  n: number,
  p: number,
  time: Float64Array,
  status: Int32Array,
  entry: Float64Array | null,
  weights: Float64Array,
  stratum: Int32Array,
  nStrata: number,
  ties: CoxTies,
): CoxData {
  const byExit = descendingWithinStrata(time, stratum, nStrata);
  const byEntry = entry === null ? null : descendingWithinStrata(entry, stratum, nStrata);
  return { n, p, x, time, status, entry, weights, stratum, nStrata, ties, byExit, byEntry };
}

/** Subjects ordered by stratum, then `key` descending: two stable counting sorts (O(n + m)). */
export function descendingWithinStrata(key: Float64Array, stratum: Int32Array, nStrata: number): Int32Array {
  const n = key.length;
  const { values, index } = rankDistinct(key);
  const m = values.length;
  const count = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) count[m - 1 - index[i]! + 1]!++;
  for (let k = 0; k < m; k++) count[k + 1]! += count[k]!;
  const byKey = new Int32Array(n);
  for (let i = 0; i < n; i++) byKey[count[m - 1 - index[i]!]!++] = i;
  if (nStrata <= 1) return byKey;
  const cs = new Int32Array(nStrata + 1);
  for (let i = 0; i < n; i++) cs[stratum[i]! + 1]!++;
  for (let k = 0; k < nStrata; k++) cs[k + 1]! += cs[k]!;
  const out = new Int32Array(n);
  for (let q = 0; q < n; q++) {
    const i = byKey[q]!;
    out[cs[stratum[i]!]!++] = i;
  }
  return out;
}

/** Log-likelihood, score and information at beta. */
export interface CoxEval {
  loglik: number;
  score: Float64Array;
  /** p x p, row-major, full symmetric. */
  info: Float64Array;
}

/** Per distinct event time (in time order within strata), what cox.zph needs. */
export interface EventTimeTerms {
  time: number;
  stratum: number;
  /** Number of events (unweighted). */
  nEvents: number;
  /** Sum over events of w (x - xbar), Efron-averaged (the Schoenfeld residual sum). */
  resid: Float64Array;
  /** meanwt * sum_k V_k (the information at this time), p x p. */
  info: Float64Array;
}

/** Linear predictor and shifted risk scores. */
function risk(d: CoxData, beta: ArrayLike<number>): { eta: Float64Array; r: Float64Array; shift: number } {
  const { n, p, x } = d;
  const eta = new Float64Array(n);
  let mx = -Infinity;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += x[i * p + j]! * beta[j]!;
    eta[i] = s;
    if (s > mx) mx = s;
  }
  const shift = Number.isFinite(mx) ? mx : 0;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = Math.exp(eta[i]! - shift);
  return { eta, r, shift };
}

/** Callback for each event time: the risk sums and the deaths' sums. */
type DeathVisitor = (
  t: number,
  stratum: number,
  deaths: number[],
  s0: number,
  s1: Float64Array,
  s2: Float64Array,
  e0: number,
  e1: Float64Array,
  e2: Float64Array,
) => void;

/**
 * Sweeps the risk sets (time descending within strata). s2/e2 hold the lower triangle (i >= j,
 * index i*p+j) and are only maintained when `second` is true.
 */
function sweep(d: CoxData, r: Float64Array, second: boolean, visit: DeathVisitor): void {
  const { n, p, x, time, status, entry, weights: w, stratum, byExit, byEntry } = d;
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(second ? p * p : 0);
  const e1 = new Float64Array(p);
  const e2 = new Float64Array(second ? p * p : 0);
  let s0 = 0;
  let q = 0;
  let qe = 0;
  let atRisk = 0;
  let curStratum = -1;
  const deaths: number[] = [];
  while (q < n) {
    const first = byExit[q]!;
    const st = stratum[first]!;
    if (st !== curStratum) {
      curStratum = st;
      s0 = 0;
      s1.fill(0);
      s2.fill(0);
      atRisk = 0;
      if (byEntry !== null) while (qe < n && stratum[byEntry[qe]!]! < st) qe++;
    }
    const t = time[first]!;
    deaths.length = 0;
    let e0 = 0;
    e1.fill(0);
    if (second) e2.fill(0);
    while (q < n) {
      const i = byExit[q]!;
      if (stratum[i] !== st || time[i] !== t) break;
      q++;
      const ri = w[i]! * r[i]!;
      s0 += ri;
      atRisk++;
      const o = i * p;
      // a zero-weight death is no death: it must not count among Efron's tied deaths (as if the row were absent)
      const dead = status[i] !== 0 && w[i]! > 0;
      if (dead) {
        deaths.push(i);
        e0 += ri;
      }
      if (second) {
        for (let a = 0; a < p; a++) {
          const rx = ri * x[o + a]!;
          s1[a]! += rx;
          const row = a * p;
          for (let b = 0; b <= a; b++) s2[row + b]! += rx * x[o + b]!;
          if (dead) {
            e1[a]! += rx;
            for (let b = 0; b <= a; b++) e2[row + b]! += rx * x[o + b]!;
          }
        }
      } else {
        for (let a = 0; a < p; a++) {
          const rx = ri * x[o + a]!;
          s1[a]! += rx;
          if (dead) e1[a]! += rx;
        }
      }
    }
    if (byEntry !== null && entry !== null) {
      while (qe < n) {
        const i = byEntry[qe]!;
        if (stratum[i] !== st || entry[i]! < t) break;
        qe++;
        const ri = w[i]! * r[i]!;
        s0 -= ri;
        atRisk--;
        const o = i * p;
        for (let a = 0; a < p; a++) {
          const xa = x[o + a]!;
          s1[a]! -= ri * xa;
          if (second) for (let b = 0; b <= a; b++) s2[a * p + b]! -= ri * xa * x[o + b]!;
        }
      }
      if (atRisk === 0) {
        s0 = 0;
        s1.fill(0);
        s2.fill(0);
      }
    }
    if (deaths.length > 0) visit(t, st, deaths, s0, s1, s2, e0, e1, e2);
  }
}

/** Log-likelihood (and optionally score and information) at beta. */
export function coxEval(d: CoxData, beta: ArrayLike<number>, derivatives = true): CoxEval {
  const { p, x, weights: w, ties } = d;
  const { eta, r, shift } = risk(d, beta);
  let loglik = 0;
  const score = new Float64Array(p);
  const info = new Float64Array(p * p);
  sweep(d, r, derivatives, (_t, _st, deaths, s0, s1, s2, e0, e1, e2) => {
    const dd = deaths.length;
    let wsum = 0;
    for (const i of deaths) {
      wsum += w[i]!;
      loglik += w[i]! * eta[i]!;
      if (derivatives) for (let j = 0; j < p; j++) score[j]! += w[i]! * x[i * p + j]!;
    }
    const efron = ties === "efron" && dd > 1;
    const steps = efron ? dd : 1;
    const mw = efron ? wsum / dd : wsum;
    // sums over the Efron steps k (f = k/dd, D = s0 - f e0): 1/D, f/D, 1/D^2, f/D^2, f^2/D^2
    let c0 = 0;
    let c1 = 0;
    let q0 = 0;
    let q1 = 0;
    let q2 = 0;
    for (let k = 0; k < steps; k++) {
      const f = efron ? k / dd : 0;
      const den = s0 - f * e0;
      loglik -= mw * (Math.log(den) + shift);
      const inv = 1 / den;
      c0 += inv;
      c1 += f * inv;
      q0 += inv * inv;
      q1 += f * inv * inv;
      q2 += f * f * inv * inv;
    }
    if (!derivatives) return;
    for (let j = 0; j < p; j++) score[j]! -= mw * (s1[j]! * c0 - e1[j]! * c1);
    for (let j = 0; j < p; j++) {
      const sj = s1[j]!;
      const ej = e1[j]!;
      for (let l = 0; l <= j; l++) {
        const sl = s1[l]!;
        const el = e1[l]!;
        const second = s2[j * p + l]! * c0 - e2[j * p + l]! * c1;
        const outer = sj * sl * q0 - (sj * el + ej * sl) * q1 + ej * el * q2;
        info[j * p + l]! += mw * (second - outer);
      }
    }
  });
  for (let j = 0; j < p; j++) for (let l = 0; l < j; l++) info[l * p + j] = info[j * p + l]!;
  return { loglik, score, info };
}

/**
 * Score residuals L_i (unweighted; the total score is sum w_i L_i), n x p row-major, at beta.
 */
export function coxScoreResiduals(d: CoxData, beta: ArrayLike<number>): Float64Array {
  const { n, p, x, time, status, entry, weights: w, stratum, ties } = d;
  const { r, shift } = risk(d, beta);
  void shift;
  // per event time (collected in descending order within strata): A, B, A', B', C
  interface Ev {
    t: number;
    st: number;
    A: number;
    B: Float64Array;
    A2: number;
    B2: Float64Array;
    C: Float64Array;
  }
  const evs: Ev[] = [];
  sweep(d, r, false, (t, st, deaths, s0, s1, _s2, e0, e1) => {
    const dd = deaths.length;
    let wsum = 0;
    for (const i of deaths) wsum += w[i]!;
    const efron = ties === "efron" && dd > 1;
    const steps = efron ? dd : 1;
    const mw = efron ? wsum / dd : wsum;
    const B = new Float64Array(p);
    const B2 = new Float64Array(p);
    const C = new Float64Array(p);
    let A = 0;
    let A2 = 0;
    for (let k = 0; k < steps; k++) {
      const f = efron ? k / dd : 0;
      const den = s0 - f * e0;
      const lam = mw / den;
      A += lam;
      A2 += (1 - f) * lam;
      for (let j = 0; j < p; j++) {
        const xb = (s1[j]! - f * e1[j]!) / den;
        B[j]! += lam * xb;
        B2[j]! += (1 - f) * lam * xb;
        C[j]! += xb / steps;
      }
    }
    evs.push({ t, st, A, B, A2, B2, C });
  });
  // cumulative sums in ascending time within each stratum
  const byStratum = new Map<number, Ev[]>();
  for (const e of evs) {
    let l = byStratum.get(e.st);
    if (l === undefined) byStratum.set(e.st, (l = []));
    l.push(e);
  }
  const res = new Float64Array(n * p);
  const cumStore = new Map<number, { times: Float64Array; cA: Float64Array; cB: Float64Array; list: Ev[] }>();
  for (const [st, list] of byStratum) {
    list.reverse();
    const m = list.length;
    const times = new Float64Array(m);
    const cA = new Float64Array(m + 1);
    const cB = new Float64Array((m + 1) * p);
    for (let k = 0; k < m; k++) {
      const e = list[k]!;
      times[k] = e.t;
      cA[k + 1] = cA[k]! + e.A;
      for (let j = 0; j < p; j++) cB[(k + 1) * p + j] = cB[k * p + j]! + e.B[j]!;
    }
    cumStore.set(st, { times, cA, cB, list });
  }
  // number of event times <= v
  const upto = (times: Float64Array, v: number): number => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let i = 0; i < n; i++) {
    const cs = cumStore.get(stratum[i]!);
    if (cs === undefined) continue;
    const hi = upto(cs.times, time[i]!);
    const lo = entry === null ? 0 : upto(cs.times, entry[i]!);
    if (hi <= lo) continue;
    let A = cs.cA[hi]! - cs.cA[lo]!;
    const B = new Float64Array(p);
    for (let j = 0; j < p; j++) B[j] = cs.cB[hi * p + j]! - cs.cB[lo * p + j]!;
    const own = status[i] !== 0 && cs.times[hi - 1] === time[i] ? cs.list[hi - 1]! : null;
    if (own !== null) {
      A += own.A2 - own.A;
      for (let j = 0; j < p; j++) B[j]! += own.B2[j]! - own.B[j]!;
    }
    const ri = r[i]!;
    for (let j = 0; j < p; j++) {
      let v = -ri * (x[i * p + j]! * A - B[j]!);
      if (own !== null) v += x[i * p + j]! - own.C[j]!;
      res[i * p + j] = v;
    }
  }
  // r carries exp(-shift); the lambdas carry exp(+shift) through 1/den, so the products are exact.
  return res;
}

/** Per-event-time Schoenfeld sums and information (for cox.zph), in ascending time within strata. */
export function coxEventTerms(d: CoxData, beta: ArrayLike<number>): EventTimeTerms[] {
  const { p, x, weights: w, ties } = d;
  const { r } = risk(d, beta);
  const out: EventTimeTerms[] = [];
  const a = new Float64Array(p);
  sweep(d, r, true, (t, st, deaths, s0, s1, s2, e0, e1, e2) => {
    const dd = deaths.length;
    let wsum = 0;
    const resid = new Float64Array(p);
    const info = new Float64Array(p * p);
    for (const i of deaths) {
      wsum += w[i]!;
      for (let j = 0; j < p; j++) resid[j]! += w[i]! * x[i * p + j]!;
    }
    const efron = ties === "efron" && dd > 1;
    const steps = efron ? dd : 1;
    const mw = efron ? wsum / dd : wsum;
    for (let k = 0; k < steps; k++) {
      const f = efron ? k / dd : 0;
      const den = s0 - f * e0;
      for (let j = 0; j < p; j++) {
        a[j] = (s1[j]! - f * e1[j]!) / den;
        resid[j]! -= mw * a[j]!;
      }
      for (let j = 0; j < p; j++) {
        for (let l = 0; l <= j; l++) {
          const v = mw * ((s2[j * p + l]! - f * e2[j * p + l]!) / den - a[j]! * a[l]!);
          info[j * p + l]! += v;
          if (l !== j) info[l * p + j]! += v;
        }
      }
    }
    out.push({ time: t, stratum: st, nEvents: dd, resid, info });
  });
  // sweep visits time descending within strata; return ascending within strata
  const res: EventTimeTerms[] = [];
  let k = 0;
  while (k < out.length) {
    let e = k;
    while (e < out.length && out[e]!.stratum === out[k]!.stratum) e++;
    for (let q = e - 1; q >= k; q--) res.push(out[q]!);
    k = e;
  }
  return res;
}
