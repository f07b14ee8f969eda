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
 * (1 − F⁰ = Π (1 − dΓ)). The statistic is z' V⁻ z over the first K − 1 groups (V⁻ a generalized
 * inverse), chi-squared on K − 1 degrees of freedom.
 *
 * The covariance V is written out here from Gray's martingale representation (our derivation, not
 * a transcription of any program): linearizing R_k through F_k and S_k, z_k is, to first order, a
 * sum over groups r of stochastic integrals against the cause-of-interest martingale M_1r and the
 * competing-causes martingale M_2r of group r, with integrands
 *   A_kr(u) = c_kr(u) − F2_r(u−) W_kr(u) / Y_r(u),   B_kr(u) = −(1 − F_r(u−)) W_kr(u) / Y_r(u),
 * where c_kr(t) = L(t) [1(k = r) − R_k(t) / Σ_j R_j(t)], F2_r is the cumulative incidence of the
 * competing causes in group r, and W_kr(u) = Σ_{t > u} c_kr(t) Y_r(t) / S_r(t−) dΓ(t). The variance of
 * M_1r is estimated by its compensator under the null, R_r dΓ, and that of M_2r by the observed
 * competing events. Strata add their z and V.
 * @packageDocumentation
 */
import { pchisq } from "../_dist/chisq.js";
import { rankDistinct } from "./input.js";
import { quadFormInverse } from "./linalg.js";

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
    const { value, rank } = quadFormInverse(m, p, z.subarray(0, p));
    const statistic = rank === 0 ? 0 : Math.max(0, value);
    return { cause, statistic, df: p, pValue: rank === 0 ? 1 : pchisq(statistic, p, false) };
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
  const F2 = new Float64Array(K);
  let pooled = 1; // 1 − F⁰(t−)
  // per event time (any cause): Y, S(t−), F1(t−), F2(t−), R, d1, d2; plus L, dΓ, ΣR
  const tY: number[] = [];
  const tS: number[] = [];
  const tF1: number[] = [];
  const tF2: number[] = [];
  const tR: number[] = [];
  const tD2: number[] = [];
  const tL: number[] = [];
  const tG: number[] = [];
  const tRs: number[] = [];
  const d1 = new Float64Array(K);
  const d2 = new Float64Array(K);
  const left = new Float64Array(K);
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
      let Rs = 0;
      const base = tR.length;
      for (let k = 0; k < K; k++) {
        const r = Y[k]! > 0 ? (Y[k]! * (1 - F1[k]!)) / S[k]! : 0;
        tR.push(r);
        Rs += r;
        tY.push(Y[k]!);
        tS.push(S[k]!);
        tF1.push(F1[k]!);
        tF2.push(F2[k]!);
        tD2.push(d2[k]!);
      }
      const L = x.rho === 0 ? 1 : Math.pow(pooled, x.rho);
      const dG = d1All > 0 ? d1All / Rs : 0;
      tL.push(L);
      tG.push(dG);
      tRs.push(Rs);
      if (d1All > 0) for (let k = 0; k < K; k++) z[k]! += L * (d1[k]! - (tR[base + k]! / Rs) * d1All);
      for (let k = 0; k < K; k++) {
        if (Y[k]! > 0) {
          const dAll = d1[k]! + d2[k]!;
          if (dAll > 0) {
            F1[k]! += (S[k]! * d1[k]!) / Y[k]!;
            F2[k]! += (S[k]! * d2[k]!) / Y[k]!;
            S[k] = (S[k]! * (Y[k]! - dAll)) / Y[k]!;
          }
        }
      }
      pooled *= 1 - dG;
    }
    for (let k = 0; k < K; k++) Y[k]! -= left[k]!;
    q = e;
  }
  // backward: W[k][r] = Σ_{t > u} c_kr(t) Y_r(t)/S_r(t−) dΓ(t); variance at u uses W before adding u
  const W = new Float64Array(K * K);
  const A = new Float64Array(K);
  const B = new Float64Array(K);
  for (let j = tL.length - 1; j >= 0; j--) {
    const o = j * K;
    const L = tL[j]!;
    const Rs = tRs[j]!;
    const dG = tG[j]!;
    for (let r = 0; r < K; r++) {
      const y = tY[o + r]!;
      if (y === 0) continue;
      const expected = tR[o + r]! * dG; // compensator of the cause-of-interest events under the null
      const d2r = tD2[o + r]!;
      if (expected === 0 && d2r === 0) continue;
      const f2 = tF2[o + r]!;
      const f1c = 1 - tF1[o + r]!;
      for (let k = 0; k < K; k++) {
        const c = L * ((k === r ? 1 : 0) - tR[o + k]! / Rs);
        const w = W[k * K + r]! / y;
        A[k] = c - f2 * w;
        B[k] = -f1c * w;
      }
      for (let k = 0; k < K; k++) {
        const ak = A[k]! * expected;
        const bk = B[k]! * d2r;
        for (let l = 0; l < K; l++) V[k * K + l]! += ak * A[l]! + bk * B[l]!;
      }
    }
    if (dG > 0) {
      for (let r = 0; r < K; r++) {
        const y = tY[o + r]!;
        if (y === 0) continue;
        const h = (y / tS[o + r]!) * dG;
        for (let k = 0; k < K; k++) W[k * K + r]! += L * ((k === r ? 1 : 0) - tR[o + k]! / Rs) * h;
      }
    }
  }
}
