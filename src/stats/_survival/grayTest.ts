/**
 * Private: Gray's K-sample test of cumulative incidence functions (one test per cause), used by
 * `cumulativeIncidence` when it is given groups.
 *
 * The statistic (Gray 1988, section 2): for the cause of interest, in group k with Y_k(t) at risk,
 * overall Kaplan–Meier S_k and cumulative incidence F_k, the subdistribution risk set is
 * R_k(t) = Y_k(t) (1 − F_k(t−)) / S_k(t−) and the pooled subdistribution hazard under the null is
 * dΓ(t) = d(t) / Σ_k R_k(t). The score of group k is
 *   z_k = Σ_t L(t) [d_k(t) − R_k(t) d(t) / Σ_j R_j(t)],
 * with L(t) = (1 − F⁰(t−))^rho, F⁰ the pooled cumulative incidence under the null
 * (1 − F⁰ = Π (1 − dΓ)). The statistic is z' V⁻¹ z over the first K − 1 groups, chi-squared on K − 1
 * degrees of freedom; a singular V gives no test (statistic 0, p-value 1, with a warning), as cuminc
 * (which prints −1).
 *
 * The covariance V is our own first-order expansion (not a transcription of any program; see
 * docs/competing-risks.md): plug-ins under the null, with the common cumulative incidence F⁰ given by
 * dF⁰(t) = d(t) / Σ_k Y_k(t)/S_k(t−) (also the F⁰ of the rho weight); for group r and score k,
 * φ = L (1(k = r) − q_k) Y_r / S_r(u−) with q_k = (Y_k/S_k) / Σ_j Y_j/S_j,
 * A(u) = φ(u) + Σ_{s>u} φ(s) dF⁰(s)/(1 − F⁰(s−)), b(u) = Σ_{s>u} A(s) dF⁰(s); a cause-of-interest event
 * at u moves the score by (A − b/S_r(u)) S_r(u−)/Y_r, a competing event by −(b/S_r(u)) S_r(u−)/Y_r.
 * Count variances: for the cause of interest Y_r dF⁰/S_r(u−) times the tie factor (W − D w_r)/(W − w_r),
 * w_r = 1/S_r(u−), W = Σ_k Y_k/S_k(u−), D tied events (a hypergeometric factor with subject weights
 * 1/S_k(u−)); for competing events the observed number d₂ times (Y_r − d₂)/(Y_r − 1). Strata add their
 * z and V. Agrees with cmprsk to 1e-9 with and without tied event times (measured in the tests).
 * @packageDocumentation
 */
import { pchisq } from "../_dist/chisq.js";
import { rankDistinct } from "./input.js";
import { quadFormInverse, quadFormSolve } from "./linalg.js";

/** One row of Gray's test: one cause. */
export interface GrayTestRow {
  /** The cause code. */
  cause: number;
  /** z' V⁻ z. */
  statistic: number;
  /** Number of groups − 1. */
  df: number;
  /** Upper chi-squared tail on `df` degrees of freedom (computed directly). */
  pValue: number;
  /** Why the statistic is not a usual chi-squared value, when it is not. */
  warning?: string;
}

/** Inputs of {@link grayTests}, already parsed. */
export interface GrayTestInput {
  time: Float64Array;
  status: Int32Array;
  /** Group level index per subject, 0..nGroups−1. */
  group: Int32Array;
  nGroups: number;
  /** Stratum index per subject, or null (one stratum). */
  strata: Int32Array | null;
  nStrata: number;
  /** Causes to test, ascending. */
  causes: readonly number[];
  rho: number;
}

/**
 * Gray's test for every cause.
 * @param x - See {@link GrayTestInput}.
 * @returns One row per cause, in the order of `x.causes`.
 */
export function grayTests(x: GrayTestInput): GrayTestRow[] {
  const K = x.nGroups;
  const n = x.time.length;
  // subjects ordered by time (counting sort on the rank of each time), then split by stratum
  const { values, index } = rankDistinct(x.time);
  const start = new Int32Array(values.length + 1);
  for (let i = 0; i < n; i++) start[index[i]! + 1]!++;
  for (let j = 0; j < values.length; j++) start[j + 1]! += start[j]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[start[index[i]!]!++] = i;
  const lists: number[][] = Array.from({ length: x.strata === null ? 1 : x.nStrata }, () => []);
  for (let q = 0; q < n; q++) lists[x.strata === null ? 0 : x.strata[order[q]!]!]!.push(order[q]!);
  const sorted = lists.filter((l) => l.length > 0).map((l) => Int32Array.from(l));
  const p = K - 1;
  return x.causes.map((cause) => {
    const z = new Float64Array(K);
    const V = new Float64Array(K * K);
    for (const idx of sorted) accumulate(idx, x, cause, z, V);
    const m = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) m[i * p + j] = V[i * K + j]!;
    const zp = z.subarray(0, p);
    const { value, rank } = quadFormInverse(m, p, zp);
    if (rank === p) {
      const statistic = Math.max(0, value);
      return { cause, statistic, df: p, pValue: pchisq(statistic, p, false) };
    }
    // not positive definite. Nonsingular (indefinite or negative: with tied events in a small sample
    // the variance estimate can go negative): z' V⁻¹ z as cuminc reports it, its upper tail 1 when
    // negative. Singular (a group without information on this cause, or no variance at all): no
    // test; cuminc prints -1 and p 1, we give 0 and p 1, with the reason.
    const plain = quadFormSolve(m, p, zp);
    if (plain !== null) {
      return {
        cause,
        statistic: plain,
        df: p,
        pValue: pchisq(plain, p, false),
        warning: `the covariance estimate is not positive definite (tied events in a small sample); the statistic is z'V^-1 z as cmprsk::cuminc reports it${plain < 0 ? ", negative, with p-value 1" : ""}`,
      };
    }
    return {
      cause,
      statistic: 0,
      df: p,
      pValue: 1,
      warning:
        rank === 0
          ? "no test: the variance is zero (no events of this cause while two groups are at risk); cmprsk::cuminc prints -1"
          : "no test: the covariance matrix is singular (a group has no subjects at risk at the event times of this cause, or no variance); cmprsk::cuminc prints -1",
    };
  });
}

/** Adds one stratum's scores to z and covariance to V (K x K, row-major). */
function accumulate(idx: Int32Array, x: GrayTestInput, cause: number, z: Float64Array, V: Float64Array): void {
  const K = x.nGroups;
  const { time, status, group } = x;
  const m = idx.length;
  const Y = new Float64Array(K);
  for (let q = 0; q < m; q++) Y[group[idx[q]!]!]!++;
  const S = new Float64Array(K).fill(1);
  const F1 = new Float64Array(K);
  let pooled = 1; // 1 − F⁰(t−), the null estimate (see the file comment)
  // per event time (any cause), per group: Y, S(t−), S(t), d2; per time: L, dF⁰, 1 − F⁰(t−), tie factor, q_k
  const tY: number[] = [];
  const tS: number[] = [];
  const tSa: number[] = [];
  const tD2: number[] = [];
  const tQ: number[] = [];
  const tL: number[] = [];
  const tF: number[] = [];
  const tP: number[] = [];
  const tDen: number[] = []; // Σ_k Y_k / S_k(t−)
  const tD1: number[] = []; // events of the cause of interest at t, all groups
  const d1 = new Float64Array(K);
  const d2 = new Float64Array(K);
  const left = new Float64Array(K);
  const Rk = new Float64Array(K); // group-specific subdistribution risk sets at the current time
  let q = 0;
  while (q < m) {
    const t = time[idx[q]!]!;
    d1.fill(0);
    d2.fill(0);
    left.fill(0);
    let e = q;
    for (; e < m && time[idx[e]!] === t; e++) {
      const i = idx[e]!;
      const g = group[i]!;
      left[g]!++;
      const s = status[i]!;
      if (s === cause) d1[g]!++;
      else if (s !== 0) d2[g]!++;
    }
    let d1All = 0;
    let d2All = 0;
    for (let k = 0; k < K; k++) {
      d1All += d1[k]!;
      d2All += d2[k]!;
    }
    if (d1All + d2All > 0) {
      // the score: group-specific subdistribution risk sets R_k = Y_k (1 − F_k(t−)) / S_k(t−)
      let Rs = 0;
      let den = 0; // Σ_k Y_k / S_k(t−): the null risk set divided by 1 − F⁰(t−)
      const base = tQ.length;
      for (let k = 0; k < K; k++) {
        const y = Y[k]!;
        Rk[k] = y > 0 ? (y * (1 - F1[k]!)) / S[k]! : 0;
        Rs += Rk[k]!;
        const w = y > 0 ? y / S[k]! : 0;
        tQ.push(w);
        den += w;
        tY.push(y);
        tS.push(S[k]!);
        tD2.push(d2[k]!);
      }
      for (let k = 0; k < K; k++) tQ[base + k]! /= den;
      const L = x.rho === 0 ? 1 : Math.pow(pooled, x.rho);
      if (d1All > 0) {
        const dG = d1All / Rs;
        for (let k = 0; k < K; k++) z[k]! += L * (d1[k]! - Rk[k]! * dG);
      }
      const dF0 = d1All / den;
      tL.push(L);
      tF.push(dF0);
      tP.push(pooled);
      tDen.push(den);
      tD1.push(d1All);
      for (let k = 0; k < K; k++) {
        const y = Y[k]!;
        if (y > 0) {
          const dAll = d1[k]! + d2[k]!;
          if (dAll > 0) {
            F1[k]! += (S[k]! * d1[k]!) / y;
            S[k] = (S[k]! * (y - dAll)) / y;
          }
        }
        tSa.push(S[k]!);
      }
      pooled -= dF0;
    }
    for (let k = 0; k < K; k++) Y[k]! -= left[k]!;
    q = e;
  }
  // backward over event times, per group r and score k:
  //   A_kr(u) = φ_kr(u) + Σ_{s>u} φ_kr(s) dF⁰(s) / (1 − F⁰(s−)),  φ_kr = L (1(k = r) − q_k) Y_r / S_r(u−)
  //   b_kr(u) = Σ_{s>u} A_kr(s) dF⁰(s)
  //   cause-of-interest influence (A − b / S_r(u)) S_r(u−) / Y_r, competing-cause influence −(b / S_r(u)) S_r(u−) / Y_r
  const T = new Float64Array(K * K); // running Σ_{s>u} φ dF⁰ / (1 − F⁰(s−))
  const Bsum = new Float64Array(K * K); // running b
  const I1 = new Float64Array(K);
  const I2 = new Float64Array(K);
  const Acur = new Float64Array(K);
  const Phi = new Float64Array(K);
  for (let j = tL.length - 1; j >= 0; j--) {
    const o = j * K;
    const L = tL[j]!;
    const dF0 = tF[j]!;
    const P = tP[j]!;
    for (let r = 0; r < K; r++) {
      const y = tY[o + r]!;
      if (y === 0) continue;
      const sBefore = tS[o + r]!;
      const sAfter = tSa[o + r]!;
      const ratio = sBefore / y;
      for (let k = 0; k < K; k++) {
        const phi = (L * ((k === r ? 1 : 0) - tQ[o + k]!) * y) / sBefore;
        Phi[k] = phi;
        const kr = k * K + r;
        const A = phi + T[kr]!;
        const B = sAfter > 0 ? Bsum[kr]! / sAfter : 0;
        Acur[k] = A;
        I1[k] = (A - B) * ratio;
        I2[k] = -B * ratio;
      }
      // tie factors (exactly 1 without tied events): the cause of interest's count in group r is
      // weighted-hypergeometric, each subject at risk weighing 1/S_k(t−): (W − D w_r)/(W − w_r) with
      // W = Σ_k Y_k/S_k(t−), w_r = 1/S_r(t−), D tied events; the competing count is hypergeometric
      // within the group, d2 (Y_r − d2)/(Y_r − 1)
      const w = 1 / sBefore;
      const den = tDen[j]!;
      const v1 = ((y * dF0) / sBefore) * (den - w > 0 ? (den - tD1[j]! * w) / (den - w) : 1);
      const d2r = tD2[o + r]!;
      const v2 = y > 1 ? (d2r * (y - d2r)) / (y - 1) : d2r;
      if (v1 !== 0 || v2 !== 0) {
        for (let k = 0; k < K; k++) {
          const a1 = I1[k]! * v1;
          const a2 = I2[k]! * v2;
          for (let l = 0; l < K; l++) V[k * K + l]! += a1 * I1[l]! + a2 * I2[l]!;
        }
      }
      if (dF0 !== 0) {
        for (let k = 0; k < K; k++) {
          const kr = k * K + r;
          Bsum[kr]! += Acur[k]! * dF0;
          if (P !== 0) T[kr]! += (Phi[k]! * dF0) / P;
        }
      }
    }
  }
}
