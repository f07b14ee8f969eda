import { describeValue } from "../../_lib/errors.js";
import { pnorm, qnorm } from "../_dist/normal.js";
import { kahanSum, optionRecord, parseTreatment } from "../_common/treatment.js";

const FN = "weightedRiskComparison";

/** Options of {@link weightedRiskComparison}. */
export interface WeightedRiskComparisonOptions {
  /** Case weights (IPTW or matching weights), one per unit, >= 0; default all 1. */
  readonly weights?: readonly number[];
  /** Cluster labels (e.g. matched-set ids), one per unit: cluster-robust instead of HC0 variance. */
  readonly cluster?: readonly (string | number)[];
  /** Confidence level, in (0, 1). Default 0.95. */
  readonly confLevel?: number;
}

/** Weighted risk of one group with its robust interval (logit scale). */
export interface GroupRisk {
  /** Units with a positive weight. */
  readonly n: number;
  readonly sumWeights: number;
  /** Weighted proportion of events, Σ w y / Σ w. */
  readonly risk: number;
  /** Robust standard error of the risk. */
  readonly stdError: number;
  /** Wald interval on the logit scale, back-transformed; [risk, risk] when the risk is 0 or 1. */
  readonly confInt: [number, number];
}

/** A contrast between the groups with its robust Wald test and interval. */
export interface RiskContrast {
  readonly estimate: number;
  /** Robust standard error (of the log for ratios). */
  readonly stdError: number;
  readonly confInt: [number, number];
  /** Two-sided Wald p-value (of the difference, or of the log ratio). */
  readonly pValue: number;
}

/** Result of {@link weightedRiskComparison}. */
export interface WeightedRiskComparisonResult {
  readonly treated: GroupRisk;
  readonly control: GroupRisk;
  /** Risk treated − risk control. */
  readonly riskDifference: RiskContrast;
  /** Risk treated / risk control (log scale SE); null when a risk is 0. */
  readonly riskRatio: RiskContrast | null;
  /** Odds ratio treated vs control (log scale SE); null when a risk is 0 or 1. */
  readonly oddsRatio: RiskContrast | null;
  /** "HC0" or "cluster (G = ...)". */
  readonly variance: string;
  readonly confLevel: number;
  /** Degenerate groups and undefined ratios, in words (empty when none). */
  readonly warnings: string[];
}

/**
 * Weighted risks of a binary outcome in treated and control units, and their difference, ratio and
 * odds ratio with robust (sandwich) standard errors: the outcome comparison after weighting or
 * matching.
 *
 * @remarks
 * Risks are weighted proportions p_g = Σ w y / Σ w. Their covariance is the sandwich of the
 * estimating equations Σ w (y − p_g) = 0 (HC0; with `cluster`, scores summed within clusters and
 * the G / (G − 1) adjustment, so pairs or matched sets that span both groups are handled), and the
 * contrasts follow by the delta method. Because the models are saturated in treatment, the numbers
 * equal R's `lm(y ~ treat, weights = w)` with `sandwich::vcovHC(type = "HC0")` (difference),
 * `glm(y ~ treat, family = binomial, weights = w)` (odds ratio; per-group intervals from the
 * intercept-only model, logit scale) and `glm(y ~ treat, family = quasipoisson, weights = w)` (risk
 * ratio), with `vcovHC` / `vcovCL(type = "HC0")`. Intervals are Wald (ratios on the log scale).
 * Robust variances treat the weights as known; they are conservative for estimated propensity
 * scores in the ATE (Austin 2016).
 * @param outcome - 0/1 per unit (no missing values).
 * @param treatment - 1 = treated, 0 = control, one per unit; both must occur.
 * @param options - `weights`, `cluster`, `confLevel` (0.95).
 * @returns Group risks with intervals, the three contrasts, the variance used, warnings.
 * @throws {TypeError} If an argument or option has the wrong kind or an option is unknown.
 * @throws {RangeError} If outcome is not 0/1, lengths differ, weights are negative or leave a group
 *   without weight, or fewer than 2 clusters are given.
 * @example
 * const r = weightedRiskComparison([1, 0, 1, 1, 0, 0, 1, 0], [1, 1, 1, 1, 0, 0, 0, 0]);
 * [r.treated.risk, r.control.risk, r.riskDifference.estimate];
 * //=> [0.75, 0.25, 0.5]
 * @see R: `sandwich::vcovHC(lm(y ~ treat, weights = w), type = "HC0")`, `sandwich::vcovCL`.
 * @see Austin PC. Variance estimation when using inverse probability of treatment weighting (IPTW)
 *   with survival analysis. Stat Med 2016;35(30):5642-5655. doi:10.1002/sim.7084
 */
export function weightedRiskComparison(outcome: readonly number[], treatment: readonly number[], options: WeightedRiskComparisonOptions = {}): WeightedRiskComparisonResult {
  const opts = optionRecord(FN, options, ["weights", "cluster", "confLevel"]);
  const { z } = parseTreatment(FN, "treatment", treatment);
  const n = z.length;
  if (!Array.isArray(outcome)) throw new TypeError(`${FN}: outcome must be an array of 0/1 numbers; got ${describeValue(outcome)}.`);
  if (outcome.length !== n) throw new RangeError(`${FN}: outcome must have one value per unit (${n}); got length ${outcome.length}.`);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v: unknown = outcome[i];
    if (v !== 0 && v !== 1) throw new RangeError(`${FN}: outcome[${i}] must be 0 or 1 (missing outcomes are not allowed: restrict or impute first); got ${describeValue(v)}.`);
    y[i] = v;
  }
  const w = new Float64Array(n).fill(1);
  if (opts.weights !== undefined) {
    if (!Array.isArray(opts.weights)) throw new TypeError(`${FN}: options.weights must be an array of numbers; got ${describeValue(opts.weights)}.`);
    const wa = opts.weights as unknown[];
    if (wa.length !== n) throw new RangeError(`${FN}: options.weights must have one value per unit (${n}); got length ${wa.length}.`);
    for (let i = 0; i < n; i++) {
      const v = wa[i];
      if (typeof v !== "number") throw new TypeError(`${FN}: options.weights[${i}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`${FN}: options.weights[${i}] must be a finite number >= 0; got ${describeValue(v)}.`);
      w[i] = v;
    }
  }
  let confLevel = 0.95;
  if (opts.confLevel !== undefined) {
    if (typeof opts.confLevel !== "number") throw new TypeError(`${FN}: options.confLevel must be a number; got ${describeValue(opts.confLevel)}.`);
    if (!(opts.confLevel > 0 && opts.confLevel < 1)) throw new RangeError(`${FN}: options.confLevel must be in (0, 1); got ${describeValue(opts.confLevel)}.`);
    confLevel = opts.confLevel;
  }
  let cl: Int32Array | null = null;
  let G = 0;
  if (opts.cluster !== undefined) {
    if (!Array.isArray(opts.cluster)) throw new TypeError(`${FN}: options.cluster must be an array of labels; got ${describeValue(opts.cluster)}.`);
    const ca = opts.cluster as unknown[];
    if (ca.length !== n) throw new RangeError(`${FN}: options.cluster must have one label per unit (${n}); got length ${ca.length}.`);
    const ids = new Map<string | number, number>();
    cl = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const v = ca[i];
      if (!(typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))) throw new TypeError(`${FN}: options.cluster[${i}] must be a string or finite number; got ${describeValue(v)}.`);
      if (w[i] === 0) continue;
      let id = ids.get(v);
      if (id === undefined) {
        id = ids.size;
        ids.set(v, id);
      }
      cl[i] = id;
    }
    G = ids.size;
    if (G < 2) throw new RangeError(`${FN}: options.cluster must hold at least 2 clusters among units with a positive weight; got ${G}.`);
  }
  // Group sums.
  const W = [0, 0];
  const cnt = [0, 0];
  const wyParts: number[][] = [[], []];
  const wParts: number[][] = [[], []];
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    const g = z[i]!;
    cnt[g]!++;
    wParts[g]!.push(w[i]!);
    wyParts[g]!.push(w[i]! * y[i]!);
  }
  for (const g of [0, 1]) {
    W[g] = kahanSum(wParts[g]!);
    if (!(W[g]! > 0)) throw new RangeError(`${FN}: options.weights must give each group a positive total weight; got 0 for the ${g === 1 ? "treated" : "control"} group.`);
  }
  const p = [kahanSum(wyParts[0]!) / W[0]!, kahanSum(wyParts[1]!) / W[1]!];
  // Meat of the estimating equations for (p0, p1).
  let m00 = 0;
  let m11 = 0;
  let m01 = 0;
  if (cl === null) {
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      const g = z[i]!;
      const s = w[i]! * (y[i]! - p[g]!);
      if (g === 0) m00 += s * s;
      else m11 += s * s;
    }
  } else {
    const s0 = new Float64Array(G);
    const s1 = new Float64Array(G);
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      const g = z[i]!;
      const s = w[i]! * (y[i]! - p[g]!);
      if (g === 0) s0[cl[i]!] = s0[cl[i]!]! + s;
      else s1[cl[i]!] = s1[cl[i]!]! + s;
    }
    const adj = G / (G - 1);
    for (let c = 0; c < G; c++) {
      m00 += s0[c]! * s0[c]!;
      m11 += s1[c]! * s1[c]!;
      m01 += s0[c]! * s1[c]!;
    }
    m00 *= adj;
    m11 *= adj;
    m01 *= adj;
  }
  const v00 = m00 / (W[0]! * W[0]!);
  const v11 = m11 / (W[1]! * W[1]!);
  const v01 = m01 / (W[0]! * W[1]!);
  const zc = qnorm((1 - confLevel) / 2, false);
  const warnings: string[] = [];
  const group = (g: 0 | 1, v: number): GroupRisk => {
    const r = p[g]!;
    const se = Math.sqrt(v);
    let ci: [number, number];
    if (r === 0 || r === 1) {
      ci = [r, r];
      warnings.push(`${g === 1 ? "treated" : "control"} group: risk is ${r}, so the robust interval is degenerate`);
    } else {
      const sl = se / (r * (1 - r));
      const l = Math.log(r / (1 - r));
      ci = [1 / (1 + Math.exp(-(l - zc * sl))), 1 / (1 + Math.exp(-(l + zc * sl)))];
    }
    return { n: cnt[g]!, sumWeights: W[g]!, risk: r, stdError: se, confInt: ci };
  };
  const treated = group(1, v11);
  const control = group(0, v00);
  const contrast = (est: number, a0: number, a1: number, log: boolean): RiskContrast => {
    const v = a0 * a0 * v00 + a1 * a1 * v11 + 2 * a0 * a1 * v01;
    const se = Math.sqrt(Math.max(0, v));
    const stat = est / se;
    const pValue = 2 * pnorm(Math.abs(stat), false);
    if (log) return { estimate: Math.exp(est), stdError: se, confInt: [Math.exp(est - zc * se), Math.exp(est + zc * se)], pValue };
    return { estimate: est, stdError: se, confInt: [est - zc * se, est + zc * se], pValue };
  };
  const [p0, p1] = [p[0]!, p[1]!];
  const riskDifference = contrast(p1 - p0, -1, 1, false);
  let riskRatio: RiskContrast | null = null;
  if (p0 > 0 && p1 > 0) riskRatio = contrast(Math.log(p1 / p0), -1 / p0, 1 / p1, true);
  else warnings.push("risk ratio not defined: a group has no events");
  let oddsRatio: RiskContrast | null = null;
  if (p0 > 0 && p1 > 0 && p0 < 1 && p1 < 1) oddsRatio = contrast(Math.log(p1 / (1 - p1)) - Math.log(p0 / (1 - p0)), -1 / (p0 * (1 - p0)), 1 / (p1 * (1 - p1)), true);
  else warnings.push("odds ratio not defined: a group has no events or only events");
  return { treated, control, riskDifference, riskRatio, oddsRatio, variance: cl === null ? "HC0" : `cluster (G = ${G})`, confLevel, warnings };
}
