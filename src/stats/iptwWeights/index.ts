import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { optionRecord, parseNumbers, parseTreatment } from "../_common/treatment.js";

const FN = "iptwWeights";

/** Target population of the weights: all units (`'ATE'`) or the treated (`'ATT'`). */
export type WeightingEstimand = "ATE" | "ATT";

/** Weight truncation at percentiles of the weights (each in (0, 1)), e.g. `{ upper: 0.99 }`. */
export interface WeightTruncation {
  /** Weights below this percentile are raised to it. */
  readonly lower?: number;
  /** Weights above this percentile are lowered to it. */
  readonly upper?: number;
}

/** Options of {@link iptwWeights}. */
export interface IptwWeightsOptions {
  /** `'ATE'` (default) or `'ATT'`. */
  readonly estimand?: WeightingEstimand;
  /** Multiply by the marginal probability of the group received (see remarks). Default false. */
  readonly stabilize?: boolean;
  /** Trim by score: units with score < trim or > 1 − trim get weight 0 (trim in (0, 0.5)). */
  readonly trim?: number;
  /** Truncate weights at percentiles (R `quantile` type 7 of the positive weights). */
  readonly truncate?: WeightTruncation;
}

/** Kish effective sample size per group. */
export interface EffectiveSampleSize {
  readonly treated: number;
  readonly control: number;
}

/** Result of {@link iptwWeights}. */
export interface IptwWeightsResult {
  /** One weight per unit, >= 0 (0 for trimmed units). */
  readonly weights: number[];
  readonly estimand: WeightingEstimand;
  readonly stabilized: boolean;
  /** Units trimmed for a score outside [trim, 1 − trim], in data order. */
  readonly trimmed: number[];
  /** Truncation bounds used (null where not asked) and the number of weights changed. */
  readonly truncation: { readonly lower: number | null; readonly upper: number | null; readonly nTruncated: number } | null;
  /** Sum of the weights per group. */
  readonly sumWeights: { readonly treated: number; readonly control: number };
  /** (Σw)² / Σw² per group: the size of an unweighted sample with the same precision. */
  readonly ess: EffectiveSampleSize;
  /** Largest weight per group. */
  readonly maxWeight: { readonly treated: number; readonly control: number };
  /** Extreme weights, trimming that empties a group, and similar notes (empty when none). */
  readonly warnings: string[];
}

/** R's type-7 quantile of a sorted array. */
function quantile7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function percentile(name: string, v: unknown): number {
  if (typeof v !== "number") throw new TypeError(`${FN}: options.truncate.${name} must be a number; got ${describeValue(v)}.`);
  if (!(v > 0 && v < 1)) throw new RangeError(`${FN}: options.truncate.${name} must be a percentile in (0, 1), e.g. 0.99; got ${describeValue(v)}.`);
  return v;
}

/**
 * Kish's effective sample size (Σw)² / Σw² of a set of non-negative weights.
 *
 * @remarks
 * The number of equally weighted units that would give a weighted mean the same variance (for
 * independent units with equal variance). It equals n for equal weights and is at most n. Units with
 * weight 0 do not count.
 * @param weights - Non-negative finite weights, at least one positive.
 * @returns The effective sample size, in (0, number of positive weights].
 * @throws {TypeError} If weights is not an array of numbers.
 * @throws {RangeError} If a weight is negative or not finite, or all are 0.
 * @example
 * effectiveSampleSize([1, 1, 1, 1]);
 * //=> 4
 * effectiveSampleSize([1, 3]);
 * //=> 1.6
 * @see Kish L. Survey Sampling. Wiley, 1965.
 */
export function effectiveSampleSize(weights: readonly number[]): number {
  const w = parseNumbers("effectiveSampleSize", "weights", weights);
  // Scaled by a power of two near the largest weight (exact, so ordinary weights give the unscaled
  // result bit for bit): (sum w/m)^2 / sum (w/m)^2, so weights above 1e154 do not overflow.
  let m = 0;
  for (let i = 0; i < w.length; i++) {
    const v = w[i]!;
    if (v < 0) throw new RangeError(`effectiveSampleSize: weights[${i}] must be >= 0; got ${v}.`);
    if (v > m) m = v;
  }
  if (m === 0) throw new RangeError("effectiveSampleSize: weights must hold at least one positive weight; got all 0.");
  m = 2 ** Math.round(Math.log2(m));
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < w.length; i++) {
    const v = w[i]! / m;
    s += v;
    s2 += v * v;
  }
  return (s * s) / s2;
}

/**
 * Inverse probability of treatment weights from propensity scores, for the ATE or the ATT,
 * optionally stabilised, trimmed by score and truncated at weight percentiles, with the effective
 * sample size of each group.
 *
 * @remarks
 * ATE: treated 1/e, controls 1/(1 − e). ATT: treated 1, controls e/(1 − e) (the odds). Steps, in
 * order:
 * 1. `trim` (Crump et al. 2009): units with e < trim or e > 1 − trim get weight 0 and are listed in
 *    `trimmed` (the estimand then refers to the remaining population).
 * 2. Weights as above. `stabilize` (Robins, Hernán & Brumback 2000; Xu et al. 2010): for the ATE,
 *    treated weights × P(T = 1) and control weights × P(T = 0), the proportions among the units
 *    kept; for the ATT, control weights × P(T = 0)/P(T = 1), so that they average about 1 (their
 *    sum estimates the number of controls). Stabilising rescales each group by a constant and so
 *    changes no weighted mean, only the weights' scale (and the robust variance of a pooled model).
 * 3. `truncate` (Cole & Hernán 2008): weights below the `lower` percentile are raised to it and
 *    those above `upper` lowered to it; percentiles are R's type 7 over the positive weights of all
 *    units for the ATE, of the controls for the ATT (treated weights stay 1).
 *
 * `ess` is Kish's (Σw)²/Σw² per group. Scores of exactly 0 or 1 give infinite weights and are a
 * RangeError (trim them, or use a model without separation).
 * @param score - Propensity scores in (0, 1), one per unit.
 * @param treatment - 1 = treated, 0 = control, one per unit; both must occur.
 * @param options - `estimand` (`'ATE'`), `stabilize` (false), `trim`, `truncate`.
 * @returns Weights, trimmed units, truncation bounds, sums, effective sample sizes, maxima, warnings.
 * @throws {TypeError} If an argument or option has the wrong kind or an option is unknown.
 * @throws {RangeError} If a score is outside (0, 1) (unless trimmed), treatment is not 0/1 or lacks
 *   a group, trim is outside (0, 0.5), a percentile is outside (0, 1), or trimming empties a group.
 * @example
 * const w = iptwWeights([0.25, 0.5, 0.75, 0.5], [1, 1, 0, 0]);
 * w.weights;
 * //=> [4, 2, 4, 2]
 * w.ess;
 * //=> { treated: 1.8, control: 1.8 }
 * @see Rosenbaum PR. Model-based direct adjustment. J Am Stat Assoc 1987;82(398):387-394.
 *   doi:10.1080/01621459.1987.10478441
 * @see Austin PC, Stuart EA. Moving towards best practice when using inverse probability of treatment
 *   weighting (IPTW) using the propensity score to estimate causal treatment effects in observational
 *   studies. Stat Med 2015;34(28):3661-3679. doi:10.1002/sim.6607
 * @see Cole SR, Hernán MA. Constructing inverse probability weights for marginal structural models.
 *   Am J Epidemiol 2008;168(6):656-664. doi:10.1093/aje/kwn164
 * @see Crump RK, Hotz VJ, Imbens GW, Mitnik OA. Dealing with limited overlap in estimation of average
 *   treatment effects. Biometrika 2009;96(1):187-199. doi:10.1093/biomet/asn055
 */
export function iptwWeights(score: readonly number[], treatment: readonly number[], options: IptwWeightsOptions = {}): IptwWeightsResult {
  const opts = optionRecord(FN, options, ["estimand", "stabilize", "trim", "truncate"]);
  const e = parseNumbers(FN, "score", score);
  const n = e.length;
  const { z } = parseTreatment(FN, "treatment", treatment, n);
  const estimand: WeightingEstimand = opts.estimand === undefined ? "ATE" : assertOneOf(FN, "options.estimand", opts.estimand, ["ATE", "ATT"] as const);
  let stabilize = false;
  if (opts.stabilize !== undefined) {
    if (typeof opts.stabilize !== "boolean") throw new TypeError(`${FN}: options.stabilize must be a boolean; got ${describeValue(opts.stabilize)}.`);
    stabilize = opts.stabilize;
  }
  let trim: number | null = null;
  if (opts.trim !== undefined) {
    if (typeof opts.trim !== "number") throw new TypeError(`${FN}: options.trim must be a number; got ${describeValue(opts.trim)}.`);
    if (!(opts.trim > 0 && opts.trim < 0.5)) throw new RangeError(`${FN}: options.trim must be in (0, 0.5), e.g. 0.1 keeps scores in [0.1, 0.9]; got ${describeValue(opts.trim)}.`);
    trim = opts.trim;
  }
  let truncLower: number | null = null;
  let truncUpper: number | null = null;
  if (opts.truncate !== undefined) {
    const t = opts.truncate;
    if (t === null || typeof t !== "object" || Array.isArray(t)) throw new TypeError(`${FN}: options.truncate must be an object { lower?, upper? }; got ${describeValue(t)}.`);
    const tr = t as Record<string, unknown>;
    for (const key of Object.keys(tr)) if (key !== "lower" && key !== "upper") throw new TypeError(`${FN}: options.truncate.${key} is not a known option (known: lower, upper); got ${describeValue(tr[key])}.`);
    if (tr.lower !== undefined) truncLower = percentile("lower", tr.lower);
    if (tr.upper !== undefined) truncUpper = percentile("upper", tr.upper);
    if (truncLower === null && truncUpper === null) throw new RangeError(`${FN}: options.truncate must give lower or upper; got an empty object.`);
    if (truncLower !== null && truncUpper !== null && !(truncLower < truncUpper)) throw new RangeError(`${FN}: options.truncate.lower must be below options.truncate.upper; got ${truncLower} and ${truncUpper}.`);
  }

  const keep = new Uint8Array(n);
  const trimmed: number[] = [];
  let nT = 0;
  let nC = 0;
  for (let i = 0; i < n; i++) {
    const s = e[i]!;
    if (trim !== null && (s < trim || s > 1 - trim)) {
      if (!(s >= 0 && s <= 1)) throw new RangeError(`${FN}: score[${i}] must be a probability in [0, 1]; got ${s}.`);
      trimmed.push(i);
      continue;
    }
    if (!(s > 0 && s < 1)) throw new RangeError(`${FN}: score[${i}] must be in (0, 1) (a score of 0 or 1 gives an infinite weight: trim or refit); got ${s}.`);
    keep[i] = 1;
    if (z[i] === 1) nT++;
    else nC++;
  }
  if (nT === 0 || nC === 0) throw new RangeError(`${FN}: options.trim must leave both groups non-empty; got ${nT} treated and ${nC} control units after trimming at ${trim}.`);
  const pT = nT / (nT + nC);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (keep[i] === 0) continue;
    const s = e[i]!;
    let v: number;
    if (estimand === "ATE") {
      v = z[i] === 1 ? 1 / s : 1 / (1 - s);
      if (stabilize) v *= z[i] === 1 ? pT : 1 - pT;
    } else {
      v = z[i] === 1 ? 1 : s / (1 - s);
      if (stabilize && z[i] === 0) v *= (1 - pT) / pT;
    }
    if (!Number.isFinite(v)) throw new RangeError(`${FN}: score[${i}] gives a weight beyond the largest double (about 1.8e308); got score ${s}: trim or refit.`);
    w[i] = v;
  }
  let truncation: IptwWeightsResult["truncation"] = null;
  if (truncLower !== null || truncUpper !== null) {
    const pool: number[] = [];
    for (let i = 0; i < n; i++) if (keep[i] === 1 && (estimand === "ATE" || z[i] === 0)) pool.push(w[i]!);
    const sorted = Float64Array.from(pool).sort();
    const lo = truncLower === null ? null : quantile7(sorted, truncLower);
    const hi = truncUpper === null ? null : quantile7(sorted, truncUpper);
    let changed = 0;
    for (let i = 0; i < n; i++) {
      if (keep[i] === 0 || (estimand === "ATT" && z[i] === 1)) continue;
      const v = w[i]!;
      if (lo !== null && v < lo) {
        w[i] = lo;
        changed++;
      } else if (hi !== null && v > hi) {
        w[i] = hi;
        changed++;
      }
    }
    truncation = { lower: lo, upper: hi, nTruncated: changed };
  }
  // Neumaier-compensated sums of w and (w / m)^2 per group, m near the group's largest weight (so that
  // weights above 1e154 do not overflow when squared; ESS = (sum w / m)^2 / sum (w / m)^2).
  const max = [0, 0];
  for (let i = 0; i < n; i++) if (keep[i] === 1 && w[i]! > max[z[i]!]!) max[z[i]!] = w[i]!;
  // Powers of two near the maxima: exact scaling, so ordinary weights give the unscaled ESS bit for bit.
  const scale = [2 ** Math.round(Math.log2(max[0]!)), 2 ** Math.round(Math.log2(max[1]!))];
  const sum = [0, 0];
  const sumC = [0, 0];
  const sq = [0, 0];
  const sqC = [0, 0];
  for (let i = 0; i < n; i++) {
    if (keep[i] !== 1) continue;
    const g = z[i]!;
    const v = w[i]!;
    let s0 = sum[g]!;
    let t = s0 + v;
    sumC[g]! += Math.abs(s0) >= Math.abs(v) ? s0 - t + v : v - t + s0;
    sum[g] = t;
    const v2 = (v / scale[g]!) ** 2;
    s0 = sq[g]!;
    t = s0 + v2;
    sqC[g]! += Math.abs(s0) >= Math.abs(v2) ? s0 - t + v2 : v2 - t + s0;
    sq[g] = t;
  }
  const group = (g: 0 | 1): { sum: number; ess: number; max: number } => {
    const s1 = sum[g]! + sumC[g]!;
    const r = s1 / scale[g]!;
    return { sum: s1, ess: (r * r) / (sq[g]! + sqC[g]!), max: max[g]! };
  };
  const gt = group(1);
  const gc = group(0);
  const warnings: string[] = [];
  for (const [label, g, size] of [["treated", gt, nT], ["control", gc, nC]] as const) {
    if (g.ess < 0.5 * size) warnings.push(`${label} group: effective sample size ${g.ess.toFixed(1)} is under half of its ${size} units (extreme weights; consider trimming or truncation)`);
  }
  if (trimmed.length > 0) warnings.push(`${trimmed.length} units trimmed for scores outside [${trim}, ${1 - trim!}]; the estimate refers to the remaining population`);
  return {
    weights: Array.from(w),
    estimand,
    stabilized: stabilize,
    trimmed,
    truncation,
    sumWeights: { treated: gt.sum, control: gc.sum },
    ess: { treated: gt.ess, control: gc.ess },
    maxWeight: { treated: gt.max, control: gc.max },
    warnings,
  };
}
