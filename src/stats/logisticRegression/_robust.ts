/**
 * Private: case weights and robust (sandwich) covariances of `logisticRegression`.
 *
 * The HC0 sandwich is V (sum_i s_i s_i') V with V = (X'WX)^{-1} (W including the case weights) and
 * the score contributions s_i = w_i (y_i - mu_i) x_i (White 1980; `sandwich::vcovHC(type = "HC0")`,
 * which treats the weights as sampling weights). The cluster-robust form sums the scores within each
 * cluster first and multiplies by G / (G - 1), G the number of clusters (`sandwich::vcovCL` with its
 * default `cadjust`; Zeileis, Köll & Graham 2020).
 */
import { describeValue } from "../../_lib/errors.js";
import type { Design, FitState } from "./_irls.js";

/** Parsed `weights` / `robust` / `cluster` options. */
export interface Weighting {
  /** Case weights (all 1 when only `robust` or `cluster` was given). */
  readonly weights: Float64Array | null;
  /** Every weight is an integer (AIC and log-likelihood are then defined). */
  readonly integer: boolean;
  readonly robust: boolean;
  /** Cluster index (0..G-1) per row, -1 for rows with weight 0; null without `cluster`. */
  readonly cluster: { readonly index: Int32Array; readonly count: number } | null;
}

/** Reads `weights`, `robust` and `cluster` from the options; null when none is given. */
export function parseWeighting(fn: string, opts: Record<string, unknown>, n: number): Weighting | null {
  if (opts.weights === undefined && opts.robust === undefined && opts.cluster === undefined) return null;
  let weights: Float64Array | null = null;
  let integer = true;
  if (opts.weights !== undefined) {
    const w = opts.weights;
    if (!Array.isArray(w) && !ArrayBuffer.isView(w)) throw new TypeError(`${fn}: options.weights must be an array of non-negative numbers; got ${describeValue(w)}.`);
    const wa = w as ArrayLike<unknown>;
    if (wa.length !== n) throw new RangeError(`${fn}: options.weights must have one value per row of X (${n}); got length ${wa.length}.`);
    weights = new Float64Array(n);
    let positive = 0;
    for (let i = 0; i < n; i++) {
      const v = wa[i];
      if (typeof v !== "number") throw new TypeError(`${fn}: options.weights[${i}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`${fn}: options.weights[${i}] must be a finite number >= 0; got ${describeValue(v)}.`);
      if (!Number.isInteger(v)) integer = false;
      if (v > 0) positive++;
      weights[i] = v;
    }
    if (positive === 0) throw new RangeError(`${fn}: options.weights must hold at least one positive weight; got all 0.`);
  }
  let robust = false;
  if (opts.robust !== undefined) {
    if (typeof opts.robust !== "boolean") throw new TypeError(`${fn}: options.robust must be a boolean; got ${describeValue(opts.robust)}.`);
    robust = opts.robust;
  }
  let cluster: Weighting["cluster"] = null;
  if (opts.cluster !== undefined) {
    const c = opts.cluster;
    if (!Array.isArray(c)) throw new TypeError(`${fn}: options.cluster must be an array of cluster labels (strings or numbers); got ${describeValue(c)}.`);
    if (c.length !== n) throw new RangeError(`${fn}: options.cluster must have one label per row of X (${n}); got length ${c.length}.`);
    const ids = new Map<string | number, number>();
    const index = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v: unknown = c[i];
      if (typeof v === "number") {
        if (!Number.isFinite(v)) throw new RangeError(`${fn}: options.cluster[${i}] must be a finite number or a string; got ${describeValue(v)}.`);
      } else if (typeof v !== "string") {
        throw new TypeError(`${fn}: options.cluster[${i}] must be a string or a number; got ${describeValue(v)}.`);
      }
      if (weights !== null && weights[i] === 0) {
        index[i] = -1;
        continue;
      }
      const key = v as string | number;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      index[i] = id;
    }
    if (ids.size < 2) throw new RangeError(`${fn}: options.cluster must hold at least 2 distinct clusters (the G / (G - 1) adjustment needs G >= 2); got ${ids.size}.`);
    cluster = { index, count: ids.size };
  }
  return { weights, integer, robust, cluster };
}

/**
 * HC0 sandwich V M V (M = sum of outer products of the score contributions, summed within clusters
 * and scaled by G / (G - 1) when `cluster` is given). `cov` is V, row-major p x p.
 */
export function sandwichCovariance(d: Design, state: FitState, cov: Float64Array, cluster: Weighting["cluster"]): Float64Array {
  const { x, n, p, y } = d;
  const pw = d.weights ?? null;
  const meat = new Float64Array(p * p);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = (pw === null ? 1 : pw[i]!) * (y[i]! - state.mu[i]!);
  if (cluster === null) {
    for (let j = 0; j < p; j++) {
      const oj = j * n;
      for (let k = 0; k <= j; k++) {
        const ok = k * n;
        let s = 0;
        for (let i = 0; i < n; i++) {
          const ri = r[i]!;
          s += ri * ri * x[oj + i]! * x[ok + i]!;
        }
        meat[j * p + k] = s;
        meat[k * p + j] = s;
      }
    }
  } else {
    const g = cluster.count;
    const sums = new Float64Array(g * p);
    for (let j = 0; j < p; j++) {
      const oj = j * n;
      for (let i = 0; i < n; i++) {
        const c = cluster.index[i]!;
        if (c < 0) continue;
        sums[c * p + j] = sums[c * p + j]! + r[i]! * x[oj + i]!;
      }
    }
    const adj = g / (g - 1);
    for (let j = 0; j < p; j++) {
      for (let k = 0; k <= j; k++) {
        let s = 0;
        for (let c = 0; c < g; c++) s += sums[c * p + j]! * sums[c * p + k]!;
        meat[j * p + k] = s * adj;
        meat[k * p + j] = s * adj;
      }
    }
  }
  // V M V
  const vm = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += cov[i * p + k]! * meat[k * p + j]!;
      vm[i * p + j] = s;
    }
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += vm[i * p + k]! * cov[k * p + j]!;
      out[i * p + j] = s;
      out[j * p + i] = s;
    }
  }
  return out;
}
