/**
 * Cox proportional-hazards regression (R `survival::coxph`).
 * @packageDocumentation
 */
import { pchisq } from "../_dist/chisq.js";
import { pnorm, qnorm } from "../_dist/normal.js";
import { COX_KEYS, fitCox, parseCox } from "../_survival/coxModel.js";
import { survOptions } from "../_survival/input.js";
import { quadFormInverse } from "../_survival/linalg.js";

const FN = "coxRegression";

/** Options of {@link coxRegression}. */
export interface CoxRegressionOptions {
  /** Coefficient names, one per column of X (default `x1`, `x2`, ...). */
  names?: readonly string[];
  /** Handling of tied event times (default `'efron'`, as coxph). */
  ties?: "efron" | "breslow";
  /** Stratum labels (numbers or strings), one per subject: a separate baseline hazard per stratum. */
  strata?: readonly (number | string)[];
  /** Non-negative case weights, as coxph's `weights` (for example inverse-probability weights). */
  weights?: readonly number[];
  /** Robust (sandwich) variance; default true with `cluster` or any non-integer weight, as coxph. */
  robust?: boolean;
  /** Cluster labels (numbers or strings) for the cluster-robust variance, as coxph's `cluster()`. */
  cluster?: readonly (number | string)[];
  /** Delayed-entry (left-truncation) times, one per subject, each < its time. */
  entry?: readonly number[];
  /** Confidence level of the hazard-ratio intervals (default 0.95). */
  confLevel?: number;
}

/** One coefficient of {@link CoxRegressionResult}. */
export interface CoxCoefficient {
  /** Column name. */
  name: string;
  /** Log hazard ratio. */
  estimate: number;
  /** Model-based standard error (inverse information). */
  stdError: number;
  /** Robust (sandwich) standard error, present when the robust variance is used. */
  robustStdError?: number;
  /** z = estimate / (robust) standard error. */
  statistic: number;
  /** Two-sided p-value of z. */
  pValue: number;
  /** exp(estimate). */
  hazardRatio: number;
  /** Wald interval of the hazard ratio (robust when the robust variance is used). */
  hazardRatioConfInt: [number, number];
}

/** A chi-squared test of the model: statistic, degrees of freedom, upper-tail p-value. */
export interface CoxModelTest {
  /** Chi-squared statistic. */
  statistic: number;
  /** Degrees of freedom. */
  df: number;
  /** Upper-tail p-value. */
  pValue: number;
}

/** Result of {@link coxRegression}. */
export interface CoxRegressionResult {
  /** One entry per column of X. */
  coefficients: CoxCoefficient[];
  /** Log partial likelihood at beta = 0. */
  logLikNull: number;
  /** Log partial likelihood at the estimate. */
  logLik: number;
  /** 2 (logLik − logLikNull) on p degrees of freedom. */
  likelihoodRatioTest: CoxModelTest;
  /** beta' V^-1 beta (V robust when the robust variance is used). */
  waldTest: CoxModelTest;
  /** Score (log-rank) test at beta = 0. */
  scoreTest: CoxModelTest;
  /**
   * Harrell's concordance of the linear predictor and its standard error, as coxph; both `null`
   * when no pair of subjects is comparable (coxph gives NaN), e.g. when all follow-up times are tied.
   */
  concordance: { estimate: number | null; stdError: number | null };
  /** Number of subjects (unweighted). */
  n: number;
  /** Number of events (unweighted). */
  nEvents: number;
  /** Newton–Raphson iterations (informative only). */
  iterations: number;
  /** Whether the fit converged. */
  converged: boolean;
  /** Non-convergence and infinite-coefficient (separation) warnings, naming the terms. */
  warnings: string[];
}

/**
 * Cox proportional-hazards regression by maximum partial likelihood, with Efron or Breslow ties,
 * strata, case weights, delayed entry and robust or cluster-robust variance.
 * @remarks Newton–Raphson from beta = 0 with step halving, run to full convergence. Risk sets
 * (entry < t <= time) are accumulated in time order, so the cost is O(n p^2) per iteration. The
 * robust variance is the sandwich D'D of the weighted dfbeta residuals (summed per cluster).
 * A coefficient that drifts to infinity (monotone likelihood) is reported in `warnings`.
 * Times that differ only by rounding (by at most 1.49e-8, absolutely or relative to the mean
 * distinct time) count as one time, as survival's default `timefix` does.
 * @param X - Covariates, one row per subject (no intercept column).
 * @param time - Follow-up times (>= 0, finite).
 * @param status - 1 = event, 0 = censored.
 * @param options - See {@link CoxRegressionOptions}.
 * @returns See {@link CoxRegressionResult}.
 * @throws {RangeError} If lengths differ, a time is negative or not finite, a status is not 0/1,
 *   there is no event, an entry is not below its time (also after near-equal times merge), a
 *   weight is negative, or a column of X is constant or collinear, overall or within the risk sets
 *   of the events (e.g. constant within each stratum; coxph gives NA there).
 * @throws {TypeError} If an argument has the wrong type or an option is unknown.
 * @example
 * const fit = coxRegression([[0], [1], [0], [1], [1], [0]], [5, 2, 7, 3, 4, 6], [1, 1, 0, 1, 0, 1]);
 * fit.coefficients[0].hazardRatio > 1; //=> true
 * @see Cox DR. J R Stat Soc B 1972;34:187-220; Efron B. J Am Stat Assoc 1977;72:557-565;
 *   Lin DY, Wei LJ. J Am Stat Assoc 1989;84:1074-1078. R `survival::coxph`.
 */
export function coxRegression(
  X: readonly (readonly number[])[],
  time: readonly number[],
  status: readonly number[],
  options?: CoxRegressionOptions,
): CoxRegressionResult {
  const o = survOptions(FN, options, COX_KEYS);
  const input = parseCox(FN, X, time, status, o);
  const fit = fitCox(input);
  const p = input.data.p;
  const z = qnorm(1 - (1 - input.confLevel) / 2);
  const V = fit.robustVariance ?? fit.variance;
  const coefficients: CoxCoefficient[] = [];
  for (let j = 0; j < p; j++) {
    // the fit is on columns scaled by colScale: back to the original units
    const sj = input.colScale[j]!;
    const b = fit.beta[j]! / sj;
    const se = Math.sqrt(fit.variance[j * p + j]!) / sj;
    const use = Math.sqrt(V[j * p + j]!) / sj;
    const stat = b / use;
    const c: CoxCoefficient = {
      name: input.names[j]!,
      estimate: b,
      stdError: se,
      statistic: stat,
      pValue: 2 * pnorm(-Math.abs(stat)),
      hazardRatio: Math.exp(b),
      hazardRatioConfInt: [Math.exp(b - z * use), Math.exp(b + z * use)],
    };
    if (fit.robustVariance !== null) {
      const { statistic, pValue, hazardRatio, hazardRatioConfInt, ...rest } = c;
      coefficients.push({ ...rest, robustStdError: use, statistic, pValue, hazardRatio, hazardRatioConfInt });
    } else coefficients.push(c);
  }
  const lr = 2 * (fit.loglik - fit.loglik0);
  const wald = quadFormInverse(V, p, fit.beta, 1e-12);
  // df 0 (a Wald test on a variance of rank 0, after separation): no test, p-value 1, as survdiff with one group
  const test = (statistic: number, df: number): CoxModelTest => ({ statistic, df, pValue: df > 0 ? pchisq(statistic, df, false) : 1 });
  return {
    coefficients,
    logLikNull: fit.loglik0,
    logLik: fit.loglik,
    likelihoodRatioTest: test(lr, p),
    waldTest: test(wald.value, wald.rank),
    scoreTest: test(fit.scoreStatistic, p),
    concordance: fit.concordance,
    n: input.surv.n,
    nEvents: input.nEventsUnweighted,
    iterations: fit.iterations,
    converged: fit.converged,
    warnings: fit.warnings,
  };
}
