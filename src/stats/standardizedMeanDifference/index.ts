/**
 * Standardised mean difference (SMD) between two groups: continuous, binary and multi-level
 * categorical variables, with optional case weights (propensity-score balance).
 * @packageDocumentation
 */
import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { accurateMean, neumaierSum } from "../_common/sum.js";
import { optionsObject } from "../_common/validate.js";

/** Kind of variable an SMD is computed for (see {@link standardizedMeanDifference}). */
export type SmdType = "continuous" | "binary" | "categorical";

/** A category label of a categorical variable. */
export type SmdLevel = string | number;

/** Options of {@link standardizedMeanDifference}. */
export interface StandardizedMeanDifferenceOptions {
  /**
   * Kind of variable. Default: `"categorical"` when the samples hold strings, `"continuous"`
   * otherwise (a 0/1 variable must be asked for as `"binary"`: its SMD uses p(1 - p), not the
   * sample variance).
   */
  type?: SmdType;
  /** Case weights of `x1` (non-negative, finite, same length as `x1`); default all 1. */
  weights1?: readonly number[];
  /** Case weights of `x0` (non-negative, finite, same length as `x0`); default all 1. */
  weights0?: readonly number[];
  /**
   * Categorical only: every level of the variable, in display order. Default: the levels seen,
   * in order of first appearance in `x1` then `x0`. A value outside the list is an error.
   */
  levels?: readonly SmdLevel[];
}

/** Result for a continuous variable. */
export interface ContinuousSmdResult {
  type: "continuous";
  /** (m1 - m0) / sqrt((v1 + v0) / 2), signed. */
  smd: number;
  /** (Weighted) means of group 1 and group 0. */
  mean1: number;
  mean0: number;
  /** (Weighted) variances of group 1 and group 0 (denominator n - 1 without weights). */
  variance1: number;
  variance0: number;
}

/** Result for a binary (0/1) variable. */
export interface BinarySmdResult {
  type: "binary";
  /** (p1 - p0) / sqrt((p1 (1 - p1) + p0 (1 - p0)) / 2), signed. */
  smd: number;
  /** (Weighted) proportions of 1 in group 1 and group 0. */
  proportion1: number;
  proportion0: number;
}

/** Result for a categorical variable. */
export interface CategoricalSmdResult {
  type: "categorical";
  /** Yang-Dalton Mahalanobis SMD, >= 0 (no sign for more than two levels). */
  smd: number;
  /** Levels, in the order of `proportions1` and `proportions0`. */
  levels: SmdLevel[];
  /** (Weighted) proportion of each level in group 1 and group 0. */
  proportions1: number[];
  proportions0: number[];
}

/** Result of {@link standardizedMeanDifference}: tagged by `type`. */
export type StandardizedMeanDifferenceResult = ContinuousSmdResult | BinarySmdResult | CategoricalSmdResult;

const FN = "standardizedMeanDifference";
const TYPES: readonly SmdType[] = ["continuous", "binary", "categorical"];
const OPTION_KEYS = new Set(["type", "weights1", "weights0", "levels"]);

function parseWeights(name: string, w: unknown, n: number): Float64Array | null {
  if (w === undefined) return null;
  if (!Array.isArray(w) && !ArrayBuffer.isView(w)) throw new TypeError(`${FN}: options.${name} must be an array of numbers; got ${describeValue(w)}.`);
  const a = w as ArrayLike<unknown>;
  if (a.length !== n) throw new RangeError(`${FN}: options.${name} must have one weight per value (${n}); got length ${a.length}.`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v !== "number") throw new TypeError(`${FN}: options.${name}[${i}] must be a number; got ${describeValue(v)}.`);
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${FN}: options.${name}[${i}] must be a finite non-negative weight; got ${describeValue(v)}.`);
    out[i] = v;
  }
  if (!(neumaierSum(out) > 0)) throw new RangeError(`${FN}: options.${name} must hold at least one positive weight; got all 0.`);
  return out;
}

function sampleArray(name: string, x: unknown): ArrayLike<unknown> {
  if (!Array.isArray(x) && !ArrayBuffer.isView(x)) throw new TypeError(`${FN}: ${name} must be an array; got ${describeValue(x)}.`);
  const a = x as ArrayLike<unknown>;
  if (a.length === 0) throw new RangeError(`${FN}: ${name} must hold at least 1 value; got length 0.`);
  return a;
}

function numbers(name: string, a: ArrayLike<unknown>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== "number") throw new TypeError(`${FN}: ${name}[${i}] must be a number; got ${describeValue(v)}.`);
    if (!Number.isFinite(v)) throw new RangeError(`${FN}: ${name}[${i}] must be finite; got ${describeValue(v)}.`);
    out[i] = v;
  }
  return out;
}

function binaries(name: string, a: ArrayLike<unknown>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v === "boolean") out[i] = v ? 1 : 0;
    else if (v === 0 || v === 1) out[i] = v;
    else throw new RangeError(`${FN}: ${name}[${i}] must be 0, 1, true or false for a binary variable; got ${describeValue(v)}.`);
  }
  return out;
}

/** Weighted mean sum(w x) / sum(w); the plain (compensated) mean without weights. */
function wMean(x: Float64Array, w: Float64Array | null): number {
  if (w === null) return accurateMean(x);
  const prod = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) prod[i] = w[i]! * x[i]!;
  return neumaierSum(prod) / neumaierSum(w);
}

/**
 * Weighted variance with reliability weights: sum(w) / (sum(w)^2 - sum(w^2)) * sum(w (x - m)^2);
 * equal to the sample variance (n - 1) when every weight is 1.
 */
function wVariance(name: string, x: Float64Array, w: Float64Array | null, m: number): number {
  const n = x.length;
  const dev = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = x[i]! - m;
    dev[i] = (w === null ? 1 : w[i]!) * d * d;
  }
  const ss = neumaierSum(dev);
  if (w === null) {
    if (n < 2) throw new RangeError(`${FN}: ${name} must hold at least 2 values for a continuous SMD; got length ${n}.`);
    return ss / (n - 1);
  }
  const sw = neumaierSum(w);
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) sq[i] = w[i]! * w[i]!;
  const denom = sw * sw - neumaierSum(sq);
  if (!(denom > 1e-12 * sw * sw)) {
    throw new RangeError(`${FN}: ${name} must have at least 2 positive weights for a weighted variance; got effectively 1.`);
  }
  return (sw / denom) * ss;
}

/** Difference over a pooled scale: 0 when both are 0, +-Infinity when only the scale is 0. */
function ratio(diff: number, scale: number): number {
  if (scale > 0) return diff / scale;
  if (diff === 0) return 0;
  return diff > 0 ? Infinity : -Infinity;
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. */
function symmetricEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const m = a.map((r) => [...r]);
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p]![q]! * m[p]![q]!;
    if (off < 1e-300) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p]![q]!;
        if (apq === 0) continue;
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k]![p]!;
          const akq = m[k]![q]!;
          m[k]![p] = c * akp - s * akq;
          m[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p]![k]!;
          const aqk = m[q]![k]!;
          m[p]![k] = c * apk - s * aqk;
          m[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: m.map((r, i) => r[i]!), vectors: v };
}

function continuousSmd(x1: Float64Array, x0: Float64Array, w1: Float64Array | null, w0: Float64Array | null): ContinuousSmdResult {
  const mean1 = wMean(x1, w1);
  const mean0 = wMean(x0, w0);
  const variance1 = wVariance("x1", x1, w1, mean1);
  const variance0 = wVariance("x0", x0, w0, mean0);
  return { type: "continuous", smd: ratio(mean1 - mean0, Math.sqrt((variance1 + variance0) / 2)), mean1, mean0, variance1, variance0 };
}

function binarySmd(x1: Float64Array, x0: Float64Array, w1: Float64Array | null, w0: Float64Array | null): BinarySmdResult {
  const p1 = wMean(x1, w1);
  const p0 = wMean(x0, w0);
  return { type: "binary", smd: ratio(p1 - p0, Math.sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2)), proportion1: p1, proportion0: p0 };
}

function levelKey(v: SmdLevel): string {
  return typeof v === "number" ? `n:${v}` : `s:${v}`;
}

function categoricalSmd(
  a1: ArrayLike<unknown>,
  a0: ArrayLike<unknown>,
  w1: Float64Array | null,
  w0: Float64Array | null,
  given: readonly SmdLevel[] | undefined,
): CategoricalSmdResult {
  const index = new Map<string, number>();
  const levels: SmdLevel[] = [];
  if (given !== undefined) {
    given.forEach((lv, i) => {
      if (typeof lv !== "string" && !(typeof lv === "number" && Number.isFinite(lv))) {
        throw new TypeError(`${FN}: options.levels[${i}] must be a string or a finite number; got ${describeValue(lv)}.`);
      }
      if (index.has(levelKey(lv))) throw new RangeError(`${FN}: options.levels[${i}] repeats an earlier level.`);
      index.set(levelKey(lv), levels.length);
      levels.push(lv);
    });
  }
  const codes = (name: string, a: ArrayLike<unknown>): Int32Array => {
    const out = new Int32Array(a.length);
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (typeof v !== "string" && !(typeof v === "number" && Number.isFinite(v))) {
        throw new TypeError(`${FN}: ${name}[${i}] must be a string or a finite number (a level); got ${describeValue(v)}.`);
      }
      let k = index.get(levelKey(v));
      if (k === undefined) {
        if (given !== undefined) throw new RangeError(`${FN}: ${name}[${i}] is not one of options.levels; got ${describeValue(v)}.`);
        k = levels.length;
        index.set(levelKey(v), k);
        levels.push(v);
      }
      out[i] = k;
    }
    return out;
  };
  const c1 = codes("x1", a1);
  const c0 = codes("x0", a0);
  const props = (c: Int32Array, w: Float64Array | null): number[] => {
    const parts = levels.map(() => [] as number[]);
    for (let i = 0; i < c.length; i++) parts[c[i]!]!.push(w === null ? 1 : w[i]!);
    const total = w === null ? c.length : neumaierSum(w);
    return parts.map((p) => neumaierSum(p) / total);
  };
  const p1 = props(c1, w1);
  const p0 = props(c0, w0);
  // Levels seen in neither group carry no information (their covariance rows are 0): drop them;
  // then drop the first remaining level as the reference (the distance does not depend on it).
  const used = levels.map((_, k) => k).filter((k) => p1[k]! > 0 || p0[k]! > 0);
  const keep = used.slice(1);
  const K = keep.length;
  let smd = 0;
  if (K > 0) {
    const d = keep.map((k) => p1[k]! - p0[k]!);
    const s = keep.map((k, i) =>
      keep.map((l, j) => (i === j ? (p1[k]! * (1 - p1[k]!) + p0[k]! * (1 - p0[k]!)) / 2 : -(p1[k]! * p1[l]! + p0[k]! * p0[l]!) / 2)),
    );
    const { values, vectors } = symmetricEigen(s);
    const maxValue = Math.max(...values.map(Math.abs));
    let d2 = 0;
    let infinite = false;
    const dNorm = Math.sqrt(d.reduce((acc, x) => acc + x * x, 0));
    for (let e = 0; e < K; e++) {
      let proj = 0;
      for (let i = 0; i < K; i++) proj += vectors[i]![e]! * d[i]!;
      const lambda = values[e]!;
      if (lambda > 1e-12 * maxValue && lambda > 0) d2 += (proj * proj) / lambda;
      else if (Math.abs(proj) > 1e-9 * Math.max(dNorm, 1e-300)) infinite = true;
    }
    smd = infinite ? Infinity : Math.sqrt(d2);
  }
  return { type: "categorical", smd, levels, proportions1: p1, proportions0: p0 };
}

/**
 * Standardised mean difference between group 1 (`x1`, e.g. treated) and group 0 (`x0`, reference),
 * optionally with case weights (inverse-probability or matching weights).
 *
 * @remarks
 * Means, proportions and variances are weighted when weights are given (all weights 1 otherwise):
 * m = sum(w x) / sum(w); the continuous variance uses reliability weights,
 * s^2 = sum(w) / (sum(w)^2 - sum(w^2)) * sum(w (x - m)^2), which is the usual sample variance
 * (denominator n - 1) when every weight is 1 (the weighted variance of `cobalt::col_w_smd`).
 * - continuous: (m1 - m0) / sqrt((s1^2 + s0^2) / 2);
 * - binary (0/1 or booleans): (p1 - p0) / sqrt((p1 (1 - p1) + p0 (1 - p0)) / 2);
 * - categorical with K levels (Yang and Dalton): with T and C the proportions of levels 2..K in
 *   each group and S = (S1 + S0) / 2, where S_g has p_k (1 - p_k) on the diagonal and -p_k p_l off
 *   it, SMD = sqrt((T - C)' S^-1 (T - C)). Levels absent from both groups are dropped first; for
 *   two levels this is the absolute binary SMD.
 *
 * Both pooled scales being 0 with equal means gives 0 (a constant covariate is balanced); a
 * non-zero difference over a zero scale (complete separation) gives +-Infinity, never NaN.
 * Missing values are not accepted: remove or impute them first and say so.
 * @param x1 - Values of group 1: numbers (continuous), 0/1 or booleans (binary), or level labels.
 * @param x0 - Values of group 0 (the reference group), of the same kind.
 * @param options - `type`, `weights1`, `weights0`, `levels`.
 * @returns The SMD with the group summaries it was computed from, tagged by `type`.
 * @throws {TypeError} If a sample is not an array, holds a value of the wrong kind, or an option
 *   is unknown or of the wrong kind.
 * @throws {RangeError} If a sample is empty (or has one value for an unweighted continuous SMD), a
 *   value is not finite, a binary value is not 0/1, weights are negative, of the wrong length or
 *   all 0, or a value is not among `options.levels`.
 * @example
 * standardizedMeanDifference([5, 6, 7], [4, 5, 6]).smd;
 * //=> 1
 * standardizedMeanDifference([1, 1, 0, 0], [1, 0, 0, 0], { type: "binary" }).smd;
 * //=> 0.5345224838248488
 * @see Yang D, Dalton JE. A unified approach to measuring the effect size between two groups using
 *   SAS. SAS Global Forum 2012, paper 335-2012. Austin PC. Balance diagnostics for comparing the
 *   distribution of baseline covariates between treatment groups in propensity-score matched
 *   samples. Stat Med 2009;28(25):3083-3107. doi:10.1002/sim.3697. R: `tableone::ExtractSmd`,
 *   `cobalt::col_w_smd` (reference values computed in R from the formulas above).
 */
export function standardizedMeanDifference(
  x1: readonly (number | boolean | string)[],
  x0: readonly (number | boolean | string)[],
  options?: StandardizedMeanDifferenceOptions,
): StandardizedMeanDifferenceResult {
  const o = optionsObject(FN, options);
  for (const key of Object.keys(o)) {
    if (!OPTION_KEYS.has(key)) throw new TypeError(`${FN}: options.${key} is not an option (known: type, weights1, weights0, levels).`);
  }
  const a1 = sampleArray("x1", x1);
  const a0 = sampleArray("x0", x0);
  const w1 = parseWeights("weights1", o.weights1, a1.length);
  const w0 = parseWeights("weights0", o.weights0, a0.length);
  const type: SmdType =
    o.type === undefined ? (typeof a1[0] === "string" || typeof a0[0] === "string" ? "categorical" : "continuous") : assertOneOf(FN, "options.type", o.type, TYPES);
  if (o.levels !== undefined) {
    if (type !== "categorical") throw new TypeError(`${FN}: options.levels applies only to type "categorical"; got type "${type}".`);
    if (!Array.isArray(o.levels)) throw new TypeError(`${FN}: options.levels must be an array; got ${describeValue(o.levels)}.`);
  }
  if (type === "continuous") return continuousSmd(numbers("x1", a1), numbers("x0", a0), w1, w0);
  if (type === "binary") return binarySmd(binaries("x1", a1), binaries("x0", a0), w1, w0);
  return categoricalSmd(a1, a0, w1, w0, o.levels as readonly SmdLevel[] | undefined);
}
