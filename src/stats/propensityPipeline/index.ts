import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { optionRecord, parseTreatment } from "../_common/treatment.js";
import { covariateBalance, type CovariateBalanceResult, type CovariateColumns } from "../covariateBalance/index.js";
import { iptwWeights, type IptwWeightsOptions, type IptwWeightsResult } from "../iptwWeights/index.js";
import { matchedPairsMcNemar, type MatchedPairsMcNemarResult } from "../matchedPairsMcNemar/index.js";
import { matchNearest, type MatchNearestOptions, type MatchNearestResult } from "../matchNearest/index.js";
import { propensityScore, type PropensityScoreResult } from "../propensityScore/index.js";
import { weightedRiskComparison, type WeightedRiskComparisonResult } from "../weightedRiskComparison/index.js";

const FN = "propensityPipeline";

/** Options of {@link propensityPipeline}. */
export interface PropensityPipelineOptions {
  /** Covariates of the propensity model (numeric columns: 0/1 indicators for categories). */
  readonly covariates: readonly string[];
  /** `'match'` (nearest neighbour on the score's logit) or `'weight'` (IPTW). */
  readonly method: "match" | "weight";
  /** Matching options (distance: the logit of the score); default 1:1 without replacement, caliper 0.2 SD. */
  readonly matching?: Omit<MatchNearestOptions, "exact">;
  /** Names of columns to match exactly on (with `method: 'match'`). */
  readonly exact?: readonly string[];
  /** Weighting options; default ATE, stabilised. */
  readonly weighting?: IptwWeightsOptions;
  /** Columns to report balance on; default the model covariates. */
  readonly balanceOn?: readonly string[];
  /** Optional 0/1 outcome column to compare in the balanced sample. */
  readonly outcome?: string;
  /** Confidence level of the outcome comparison. Default 0.95. */
  readonly confLevel?: number;
}

/** Result of {@link propensityPipeline}: every step's result and what was done, in words. */
export interface PropensityPipelineResult {
  readonly n: { readonly treated: number; readonly control: number };
  readonly propensity: PropensityScoreResult;
  /** The matching (method `'match'`), else null. */
  readonly matching: MatchNearestResult | null;
  /** The weighting (method `'weight'`), else null. */
  readonly weighting: IptwWeightsResult | null;
  /** The weights used afterwards (matching or IPTW weights). */
  readonly weights: number[];
  /** Balance before and after. */
  readonly balance: CovariateBalanceResult;
  /** Outcome risks and robust contrasts in the balanced sample (null without `outcome`). */
  readonly outcome: WeightedRiskComparisonResult | null;
  /** McNemar and the conditional odds ratio (1:1 matching with an outcome only). */
  readonly pairedOutcome: MatchedPairsMcNemarResult | null;
  /** What each step did and found, in order. */
  readonly steps: string[];
}

function column(data: CovariateColumns, name: unknown, path: string, n: number): readonly (number | boolean | string)[] {
  if (typeof name !== "string") throw new TypeError(`${FN}: ${path} must be a column name; got ${describeValue(name)}.`);
  if (!Object.hasOwn(data, name)) throw new RangeError(`${FN}: ${path} names no column of data (known: ${Object.keys(data).join(", ")}); got a string of length ${name.length}.`);
  const col: unknown = data[name];
  if (!Array.isArray(col)) throw new TypeError(`${FN}: data.${name} must be an array; got ${describeValue(col)}.`);
  if (col.length !== n) throw new RangeError(`${FN}: data.${name} must have one value per unit (${n}); got length ${col.length}.`);
  return col as (number | boolean | string)[];
}

const f3 = (x: number): string => x.toFixed(3);

/**
 * The usual propensity-score analysis in one call: fit the score, check overlap, match or weight,
 * check balance before and after, and compare a binary outcome in the balanced sample, saying what
 * was done at each step.
 *
 * @remarks
 * Steps: (1) {@link propensityScore} on `covariates`; (2) overlap of the scores; (3a) `'match'`:
 * {@link matchNearest} on the logit of the score (default 1:1, no replacement, caliper 0.2 SD of the
 * logit, Austin 2011), optionally exact on named columns; or (3b) `'weight'`: {@link iptwWeights}
 * (default ATE, stabilised); (4) {@link covariateBalance} before and after (SMD threshold 0.1);
 * (5) with `outcome`: {@link weightedRiskComparison} with the weights (cluster-robust on the matched
 * set after matching, HC0 after weighting) and, for 1:1 matching, {@link matchedPairsMcNemar}.
 * `steps` says in words what each step did and found (sample sizes, unmatched units, effective
 * sample sizes, largest |SMD| before and after, imbalanced covariates).
 * @param data - Columns by name, one value per unit, without missing values.
 * @param treatment - 1 = treated, 0 = control, one per unit.
 * @param options - `covariates`, `method`, `matching`, `exact`, `weighting`, `balanceOn`,
 *   `outcome`, `confLevel`.
 * @returns Every step's result and the step descriptions.
 * @throws {TypeError} If an argument or option has the wrong kind, or an option is unknown.
 * @throws {RangeError} If a column is unknown, has the wrong length or holds missing values, or a
 *   step fails (separation, a caliper that matches nobody, ...): the message names the step.
 * @example
 * const data = { age: [30, 45, 50, 62, 38, 41, 57, 66, 29, 48], male: [1, 0, 1, 1, 0, 0, 1, 0, 1, 0] };
 * const r = propensityPipeline(data, [1, 1, 1, 1, 0, 0, 0, 0, 0, 0], { covariates: ["age", "male"], method: "weight" });
 * r.steps.length;
 * //=> 3
 * @see Austin PC. An introduction to propensity score methods for reducing the effects of confounding
 *   in observational studies. Multivariate Behav Res 2011;46(3):399-424. doi:10.1080/00273171.2011.568786
 */
export function propensityPipeline(data: CovariateColumns, treatment: readonly number[], options: PropensityPipelineOptions): PropensityPipelineResult {
  const opts = optionRecord(FN, options, ["covariates", "method", "matching", "exact", "weighting", "balanceOn", "outcome", "confLevel"]);
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw new TypeError(`${FN}: data must be an object of columns by name; got ${describeValue(data)}.`);
  const { z, nTreated, nControl } = parseTreatment(FN, "treatment", treatment);
  const n = z.length;
  const method = assertOneOf(FN, "options.method", opts.method, ["match", "weight"] as const);
  if (!Array.isArray(opts.covariates) || opts.covariates.length === 0) throw new TypeError(`${FN}: options.covariates must be a non-empty array of column names; got ${describeValue(opts.covariates)}.`);
  const covNames = opts.covariates as string[];
  const cols = covNames.map((c, j) => column(data, c, `options.covariates[${j}]`, n));
  const X: number[][] = Array.from({ length: n }, () => new Array<number>(covNames.length));
  cols.forEach((col, j) => {
    col.forEach((v, i) => {
      const x = typeof v === "boolean" ? (v ? 1 : 0) : v;
      if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`${FN}: data.${covNames[j]}[${i}] must be a finite number for the propensity model (code categories as 0/1 columns; no missing values); got ${describeValue(v)}.`);
      X[i]![j] = x;
    });
  });
  if (method === "match" && opts.weighting !== undefined) throw new TypeError(`${FN}: options.weighting is for method "weight"; got method "match".`);
  if (method === "weight" && (opts.matching !== undefined || opts.exact !== undefined)) throw new TypeError(`${FN}: options.matching and options.exact are for method "match"; got method "weight".`);
  const steps: string[] = [];
  const step = <T>(name: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof RangeError || e instanceof TypeError) {
        const Ctor = e instanceof RangeError ? RangeError : TypeError;
        throw new Ctor(`${FN}: step "${name}" failed: ${e.message}`);
      }
      throw e;
    }
  };

  const ps = step("propensity score", () => propensityScore(X, treatment, { names: covNames }));
  const ov = ps.overlap;
  steps.push(
    `1. Propensity score: logistic regression of treatment on ${covNames.join(", ")} in ${n} units (${nTreated} treated, ${nControl} control); ` +
      `scores ${f3(ov.treated.min)}-${f3(ov.treated.max)} (treated) and ${f3(ov.control.min)}-${f3(ov.control.max)} (control); ` +
      (ov.commonSupport === null ? "no common support." : `${ov.outsideSupport.treated} treated and ${ov.outsideSupport.control} control units outside the common support.`) +
      (ps.warnings.some((w) => !w.includes("common support")) ? ` Warnings: ${ps.warnings.filter((w) => !w.includes("common support")).join("; ")}.` : ""),
  );

  let matching: MatchNearestResult | null = null;
  let weighting: IptwWeightsResult | null = null;
  let weights: number[];
  let replaced = false;
  if (method === "match") {
    const mo = (opts.matching ?? {}) as MatchNearestOptions;
    if (mo === null || typeof mo !== "object") throw new TypeError(`${FN}: options.matching must be an object; got ${describeValue(mo)}.`);
    const exactCols = opts.exact === undefined ? undefined : (opts.exact as unknown[]).map((c, j) => column(data, c, `options.exact[${j}]`, n));
    const mopts: MatchNearestOptions = { caliper: 0.2, ...mo, ...(exactCols !== undefined ? { exact: exactCols } : {}) };
    replaced = mopts.replace === true;
    matching = step("matching", () => matchNearest(ps.logit, treatment, mopts));
    weights = matching.weights;
    steps.push(
      `2. Matching: greedy nearest neighbour on the logit of the score, 1:${mopts.ratio ?? 1} ${mopts.replace === true ? "with" : "without"} replacement` +
        `${matching.caliperWidth !== null ? `, caliper ${mopts.caliper}${mopts.stdCaliper === false ? "" : " SD"} (width ${f3(matching.caliperWidth)})` : ""}` +
        `${opts.exact !== undefined ? `, exact on ${(opts.exact as string[]).join(", ")}` : ""}; matched ${matching.nMatched.treated} of ${nTreated} treated with ${matching.nMatched.control} controls` +
        `${matching.unmatchedTreated.length > 0 ? ` (${matching.unmatchedTreated.length} treated unmatched: the estimate refers to the matched treated)` : ""}.`,
    );
  } else {
    const wo: IptwWeightsOptions = { stabilize: true, ...((opts.weighting ?? {}) as IptwWeightsOptions) };
    weighting = step("weighting", () => iptwWeights(ps.score, treatment, wo));
    weights = weighting.weights;
    steps.push(
      `2. Weighting: inverse probability of treatment weights for the ${weighting.estimand}${weighting.stabilized ? ", stabilised" : ""}` +
        `${weighting.trimmed.length > 0 ? `, ${weighting.trimmed.length} units trimmed` : ""}` +
        `${weighting.truncation !== null ? `, ${weighting.truncation.nTruncated} weights truncated` : ""}; ` +
        `effective sample size ${weighting.ess.treated.toFixed(1)} treated and ${weighting.ess.control.toFixed(1)} control; largest weight ${weighting.maxWeight.treated.toFixed(2)} (treated), ${weighting.maxWeight.control.toFixed(2)} (control).`,
    );
  }

  const balNames = opts.balanceOn === undefined ? covNames : (opts.balanceOn as string[]);
  const balCols: Record<string, readonly (number | boolean | string)[]> = Object.create(null) as Record<string, readonly (number | boolean | string)[]>;
  balNames.forEach((c, j) => {
    balCols[c] = column(data, c, `options.balanceOn[${j}]`, n);
  });
  const balance = step("balance", () => covariateBalance({ ...balCols }, treatment, { weights }));
  steps.push(
    `3. Balance: largest |SMD| ${f3(balance.maxAbsSmd.before)} before and ${f3(balance.maxAbsSmd.after!)} after ${method === "match" ? "matching" : "weighting"}; ` +
      (balance.imbalanced.length === 0 ? `every covariate within |SMD| <= ${balance.threshold}.` : `still above ${balance.threshold}: ${balance.imbalanced.join(", ")}.`),
  );

  let outcome: WeightedRiskComparisonResult | null = null;
  let pairedOutcome: MatchedPairsMcNemarResult | null = null;
  if (opts.outcome !== undefined) {
    const y = column(data, opts.outcome, "options.outcome", n) as number[];
    const confLevel = opts.confLevel === undefined ? 0.95 : (opts.confLevel as number);
    let cluster: number[] | undefined;
    if (matching !== null) {
      // cluster = the matched set; a control serving several sets (with replacement) joins its first.
      cluster = Array.from({ length: n }, (_, i) => i + n);
      for (const [k, p] of matching.pairs.entries()) {
        cluster[p.treated] = k;
        for (const c of p.controls) if (cluster[c]! >= n) cluster[c] = k;
      }
    }
    outcome = step("outcome", () => weightedRiskComparison(y, treatment, { weights, confLevel, ...(cluster !== undefined ? { cluster } : {}) }));
    const o = outcome;
    steps.push(
      `4. Outcome ${opts.outcome}: risk ${(100 * o.treated.risk).toFixed(1)}% treated vs ${(100 * o.control.risk).toFixed(1)}% control; ` +
        `risk difference ${(100 * o.riskDifference.estimate).toFixed(1)} percentage points (${Math.round(100 * confLevel)}% CI ${(100 * o.riskDifference.confInt[0]).toFixed(1)} to ${(100 * o.riskDifference.confInt[1]).toFixed(1)}), ` +
        `${o.variance === "HC0" ? "robust (HC0) variance" : `cluster-robust variance on the matched sets, ${o.variance}`}.`,
    );
    if (matching !== null && matching.pairs.every((p) => p.controls.length === 1) && !replaced) {
      try {
        pairedOutcome = matchedPairsMcNemar(y, matching.pairs, { confLevel });
        steps.push(`   Paired analysis: McNemar p = ${pairedOutcome.test.pValue.toPrecision(3)}, conditional odds ratio ${pairedOutcome.conditionalOddsRatio.estimate.toFixed(2)}.`);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        steps.push(`   Paired analysis not possible: ${e.message}`);
      }
    }
  }
  return { n: { treated: nTreated, control: nControl }, propensity: ps, matching, weighting, weights, balance, outcome, pairedOutcome, steps };
}
