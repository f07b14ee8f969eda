import { describeValue } from "../../_lib/errors.js";
import { optionRecord, parseTreatment } from "../_common/treatment.js";
import { logisticRegression, type ConfIntMethod, type LogisticRegressionResult } from "../logisticRegression/index.js";

const FN = "propensityScore";

/** Options of {@link propensityScore}. */
export interface PropensityScoreOptions {
  /** Covariate names, one per column of X; default `x1`, `x2`, .... */
  readonly names?: readonly string[];
  /** Intervals of the model's coefficients: `'wald'` (default, cheap for large n) or `'profile'`. */
  readonly confIntMethod?: ConfIntMethod;
}

/** Range of the scores in one treatment group. */
export interface ScoreRange {
  readonly n: number;
  readonly min: number;
  readonly max: number;
}

/** Overlap (common support) of the scores of the two groups. */
export interface PropensityOverlap {
  readonly treated: ScoreRange;
  readonly control: ScoreRange;
  /** [max of the two minima, min of the two maxima]; null when the ranges do not overlap. */
  readonly commonSupport: [number, number] | null;
  /** Units whose score lies outside the common support, per group. */
  readonly outsideSupport: { readonly treated: number; readonly control: number };
}

/** Result of {@link propensityScore}. */
export interface PropensityScoreResult {
  /** Fitted P(treatment = 1 | covariates), one per unit. */
  readonly score: number[];
  /** The linear predictor (log odds of treatment), one per unit; computed directly, not from `score`. */
  readonly logit: number[];
  /** The fitted logistic model of treatment on the covariates. */
  readonly model: LogisticRegressionResult;
  /** Ranges of the scores by group and the common support. */
  readonly overlap: PropensityOverlap;
  /** Covariates constant within a group, the model's near-separation warnings, poor overlap (empty when none). */
  readonly warnings: string[];
}

/**
 * Propensity scores: the fitted probability of treatment from a logistic regression of treatment
 * on the covariates, with the logits and overlap diagnostics.
 *
 * @remarks
 * Fits logit P(T = 1 | x) = b0 + x'b by {@link logisticRegression} (R: `glm(treatment ~ X,
 * family = binomial)`); `score` = its fitted values and `logit` = the linear predictor. Overlap:
 * the score range in each group and the common support (Rosenbaum & Rubin 1983 need 0 < e(x) < 1;
 * units outside the other group's range have no comparable counterpart).
 *
 * Bad input: treatment perfectly separated by the covariates (some scores numerically 0 or 1, so no
 * unit like them was treated, or untreated) is a RangeError, since weights and matching on such
 * scores mean nothing; restrict the cohort or drop the separating covariate. A covariate that is
 * constant within one group (but not overall) is allowed and reported in `warnings`, as it often
 * signals near-separation. A covariate constant overall is a RangeError (collinear with the
 * intercept).
 *
 * @param X - Covariates, rows = units, finite numbers (no missing values), rectangular.
 * @param treatment - 1 = treated, 0 = control, one per row; both must occur.
 * @param options - `names` (one per column), `confIntMethod` (`'wald'` default).
 * @returns Scores, logits, the model, overlap and warnings.
 * @throws {TypeError} If an argument or option has the wrong kind or an option is unknown.
 * @throws {RangeError} If X is empty, ragged or not finite, treatment is not 0/1 or lacks a group,
 *   the columns are collinear, or treatment is perfectly separated by the covariates.
 * @example
 * const X = [[40], [52], [33], [61], [45], [58], [29], [50]];
 * const ps = propensityScore(X, [0, 1, 0, 1, 1, 0, 0, 1], { names: ["ageYears"] });
 * ps.score.length;
 * //=> 8
 * ps.model.coefficients[1]!.name;
 * //=> "ageYears"
 * @see R: `stats::glm(treatment ~ X, family = binomial)` and its `fitted()` / `predict(type = "link")`.
 * @see Rosenbaum PR, Rubin DB. The central role of the propensity score in observational studies for
 *   causal effects. Biometrika 1983;70(1):41-55. doi:10.1093/biomet/70.1.41
 */
export function propensityScore(X: readonly (readonly number[])[], treatment: readonly number[], options: PropensityScoreOptions = {}): PropensityScoreResult {
  const opts = optionRecord(FN, options, ["names", "confIntMethod"]);
  if (!Array.isArray(X)) throw new TypeError(`${FN}: X must be an array of rows; got ${describeValue(X)}.`);
  const { z } = parseTreatment(FN, "treatment", treatment, X.length);
  let model: LogisticRegressionResult;
  try {
    model = logisticRegression(X, treatment, {
      confIntMethod: opts.confIntMethod === undefined ? "wald" : (opts.confIntMethod as ConfIntMethod),
      ...(opts.names !== undefined ? { names: opts.names as readonly string[] } : {}),
    });
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) {
      const Ctor = e instanceof RangeError ? RangeError : TypeError;
      throw new Ctor(e.message.replace(/^logisticRegression: y /, `${FN}: treatment `).replace(/^logisticRegression: /, `${FN}: `));
    }
    throw e;
  }
  const n = X.length;
  const k = model.coefficients.length - 1;
  const names = model.coefficients.slice(1).map((c) => c.name);
  if (model.warnings.some((w) => w.startsWith("separation"))) {
    throw new RangeError(
      `${FN}: treatment must not be perfectly separated by the covariates (fitted scores numerically 0 or 1; no comparable units exist); got separation in a model on ${names.join(", ")}.`,
    );
  }
  const b = model.coefficients.map((c) => c.estimate);
  const logit = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    let eta = b[0]!;
    for (let j = 0; j < k; j++) eta += b[j + 1]! * row[j]!;
    logit[i] = eta;
  }
  const score = model.fittedValues.slice();
  const warnings: string[] = [];
  for (let j = 0; j < k; j++) {
    for (const g of [1, 0] as const) {
      let first: number | null = null;
      let constant = true;
      for (let i = 0; i < n && constant; i++) {
        if (z[i] !== g) continue;
        const v = X[i]![j]!;
        if (first === null) first = v;
        else if (v !== first) constant = false;
      }
      if (constant && first !== null) {
        warnings.push(`covariate ${names[j]} is constant (${first}) in the ${g === 1 ? "treated" : "control"} group: check for near-separation and for units the other group cannot match`);
      }
    }
  }
  for (const w of model.warnings) warnings.push(`model: ${w}`);
  const range = (g: 0 | 1): ScoreRange => {
    let min = Infinity;
    let max = -Infinity;
    let cnt = 0;
    for (let i = 0; i < n; i++) {
      if (z[i] !== g) continue;
      cnt++;
      const s = score[i]!;
      if (s < min) min = s;
      if (s > max) max = s;
    }
    return { n: cnt, min, max };
  };
  const treated = range(1);
  const control = range(0);
  const lo = Math.max(treated.min, control.min);
  const hi = Math.min(treated.max, control.max);
  const commonSupport: [number, number] | null = lo <= hi ? [lo, hi] : null;
  let outT = 0;
  let outC = 0;
  for (let i = 0; i < n; i++) {
    const s = score[i]!;
    if (commonSupport === null || s < lo || s > hi) {
      if (z[i] === 1) outT++;
      else outC++;
    }
  }
  if (commonSupport === null) warnings.push("no overlap: the score ranges of the two groups do not intersect");
  else if (outT > 0 || outC > 0) warnings.push(`${outT} treated and ${outC} control units lie outside the common support [${lo.toPrecision(4)}, ${hi.toPrecision(4)}]`);
  return { score, logit, model, overlap: { treated, control, commonSupport, outsideSupport: { treated: outT, control: outC } }, warnings };
}
