import { assertFiniteArray, describeValue } from "../../_lib/errors.js";
import { qnorm } from "../_dist/normal.js";
import { qt } from "../_dist/t.js";
import { optionsObject, parseConfLevel } from "../_common/validate.js";

const FN = "poolRubin";
const KEYS = new Set(["dfComplete", "confLevel"]);

/** Options of {@link poolRubin}. */
export interface PoolRubinOptions {
  /**
   * Degrees of freedom of the complete-data analysis (for a proportion from n patients, n - 1; for a
   * difference of two proportions, n1 + n2 - 2). `Infinity` (default) gives Rubin's (1987) large-sample
   * degrees of freedom; a finite value gives the Barnard-Rubin (1999) small-sample adjustment.
   */
  readonly dfComplete?: number;
  /** Confidence level of the pooled interval. Default 0.95. */
  readonly confLevel?: number;
}

/** Result of {@link poolRubin}: the quantities of Rubin's rules, named as van Buuren (FIMD, §2.3) names them. */
export interface PoolRubinResult {
  /** Number of imputations m. */
  readonly m: number;
  /** Pooled estimate: the mean of the m estimates (q-bar). */
  readonly estimate: number;
  /** Within-imputation variance: the mean of the m variances (u-bar). */
  readonly withinVariance: number;
  /** Between-imputation variance: the sample variance of the m estimates, denominator m - 1 (b). */
  readonly betweenVariance: number;
  /** Total variance t = u-bar + (1 + 1/m) b. */
  readonly totalVariance: number;
  /** sqrt(t). */
  readonly stdError: number;
  /** Proportion of the total variance due to missing data, lambda = (1 + 1/m) b / t (0 when t = 0). */
  readonly lambda: number;
  /** Relative increase in variance due to nonresponse, r = (1 + 1/m) b / u-bar (0 when b = 0). */
  readonly riv: number;
  /** Fraction of missing information, (r + 2 / (df + 3)) / (r + 1). */
  readonly fmi: number;
  /** Degrees of freedom of the pooled t reference (Barnard-Rubin when `dfComplete` is finite; `Infinity` = normal). */
  readonly df: number;
  /** estimate -/+ the t (or normal) quantile times sqrt(t). */
  readonly confInt: [number, number];
  /** The confidence level. */
  readonly confLevel: number;
}

/**
 * Pools m completed-data estimates by Rubin's rules, with the Barnard-Rubin small-sample degrees of freedom.
 * @remarks q-bar = mean(q), u-bar = mean(u), b = var(q) (denominator m - 1), t = u-bar + (1 + 1/m) b.
 * Degrees of freedom: nu_old = (m - 1) / lambda^2 with lambda = (1 + 1/m) b / t (Rubin 1987); with a finite
 * complete-data df nu_com, nu_obs = (nu_com + 1) / (nu_com + 3) nu_com (1 - lambda) and
 * df = nu_old nu_obs / (nu_old + nu_obs) (Barnard & Rubin 1999), as `mice::pool` computes them. When b = 0
 * (no missing values, or identical imputations) nu_old is infinite and df = nu_obs (or `Infinity`).
 * The interval is q-bar -/+ qt((1 + confLevel) / 2, df) sqrt(t); with df = `Infinity` the normal quantile.
 * @param estimates - The m >= 2 completed-data estimates.
 * @param variances - Their m squared standard errors (>= 0).
 * @param options - `dfComplete`, `confLevel`.
 * @returns The pooled estimate, variances, df and interval.
 * @throws {TypeError} If an argument is not an array of numbers, or an option is unknown or of the wrong type.
 * @throws {RangeError} If m < 2, the lengths differ, a variance is negative, `dfComplete` is not > 0, or the
 * total variance exceeds the double range.
 * @example
 * const r = poolRubin([0.5, 0.6, 0.55], [0.01, 0.012, 0.011], { dfComplete: 29 });
 * [r.estimate, r.betweenVariance];
 * //=> [0.55, 0.0025]
 * @see Rubin DB. Multiple Imputation for Nonresponse in Surveys. Wiley; 1987. doi:10.1002/9780470316696
 * @see Barnard J, Rubin DB. Small-sample degrees of freedom with multiple imputation. Biometrika 1999;86:948-55. doi:10.1093/biomet/86.4.948
 * @see van Buuren S. Flexible Imputation of Missing Data, 2nd ed., §2.3 (the formulas of `mice::pool`).
 */
export function poolRubin(estimates: readonly number[], variances: readonly number[], options?: PoolRubinOptions): PoolRubinResult {
  const q = assertFiniteArray(FN, "estimates", estimates, 2);
  const u = assertFiniteArray(FN, "variances", variances, 2);
  if (q.length !== u.length) throw new RangeError(`${FN}: variances must have one entry per estimate; got ${u.length} variances for ${q.length} estimates.`);
  u.forEach((v, i) => {
    if (v < 0) throw new RangeError(`${FN}: variances[${i}] must be >= 0; got ${v}.`);
  });
  const o = optionsObject(FN, options);
  for (const k of Object.keys(o)) if (!KEYS.has(k)) throw new TypeError(`${FN}: options.${k} is not an option (dfComplete, confLevel).`);
  const confLevel = parseConfLevel(FN, o);
  let nuCom = Infinity;
  if (o.dfComplete !== undefined) {
    if (typeof o.dfComplete !== "number" || Number.isNaN(o.dfComplete)) throw new TypeError(`${FN}: options.dfComplete must be a number; got ${describeValue(o.dfComplete)}.`);
    if (!(o.dfComplete > 0)) throw new RangeError(`${FN}: options.dfComplete must be > 0; got ${o.dfComplete}.`);
    nuCom = o.dfComplete;
  }
  const m = q.length;
  // Scale by the largest magnitude so sums of squares cannot overflow.
  const qScale = Math.max(...q.map(Math.abs)) || 1;
  let qbarS = 0;
  for (const x of q) qbarS += x / qScale;
  qbarS /= m;
  let ss = 0;
  for (const x of q) ss += (x / qScale - qbarS) ** 2;
  const b = (ss / (m - 1)) * qScale * qScale;
  const qbar = qbarS * qScale;
  let ubar = 0;
  for (const v of u) ubar += v / m;
  const t = ubar + (1 + 1 / m) * b;
  if (!Number.isFinite(t)) throw new RangeError(`${FN}: the total variance overflows the double range (estimates or variances too large); rescale them.`);
  const lambda = t === 0 ? 0 : ((1 + 1 / m) * b) / t;
  const riv = b === 0 ? 0 : ubar === 0 ? Infinity : ((1 + 1 / m) * b) / ubar;
  const nuOld = lambda === 0 ? Infinity : (m - 1) / (lambda * lambda);
  let df: number;
  if (nuCom === Infinity) df = nuOld;
  else {
    const nuObs = ((nuCom + 1) / (nuCom + 3)) * nuCom * (1 - lambda);
    df = nuOld === Infinity ? nuObs : nuObs === 0 ? 0 : (nuOld * nuObs) / (nuOld + nuObs);
  }
  const fmi = riv === Infinity ? 1 : (riv + 2 / (df + 3)) / (riv + 1);
  const se = Math.sqrt(t);
  const p = (1 + confLevel) / 2;
  const crit = df === Infinity ? qnorm(p) : df > 0 ? qt(p, df) : Infinity;
  const half = se === 0 ? 0 : crit * se;
  return {
    m,
    estimate: qbar,
    withinVariance: ubar,
    betweenVariance: b,
    totalVariance: t,
    stdError: se,
    lambda,
    riv,
    fmi,
    df,
    confInt: [qbar - half, qbar + half],
    confLevel,
  };
}
