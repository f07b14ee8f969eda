import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { isNumericArrayLike } from "../_common/validate.js";
import { pnorm, qnorm } from "../_dist/normal.js";
import { covariance, fitIrls, Profiler, SingularError, type Design, type FitState } from "./_irls.js";
import { parseWeighting, sandwichCovariance, type Weighting } from "./_robust.js";

const FN = "logisticRegression";

/** How `logisticRegression` computes confidence intervals. */
export type ConfIntMethod = "profile" | "wald";

/** Options of {@link logisticRegression}. */
export interface LogisticRegressionOptions {
  /** Column names of `X`, one per column; default `x1`, `x2`, .... */
  readonly names?: readonly string[];
  /** Include an intercept (named `"(Intercept)"`, first). Default `true`. */
  readonly intercept?: boolean;
  /** Confidence level of the intervals, in (0, 1). Default 0.95. */
  readonly confLevel?: number;
  /**
   * `'profile'` (profile likelihood, default) or `'wald'` (estimate ± z·SE). With `weights`,
   * `robust` or `cluster` only `'wald'` is allowed (and is the default).
   */
  readonly confIntMethod?: ConfIntMethod;
  /**
   * Non-negative case weights, one per row (glm's `weights`); rows with weight 0 are ignored.
   * Integer weights give exactly the fit of the data with each row repeated that many times.
   */
  readonly weights?: readonly number[];
  /** Add HC0 sandwich standard errors (`sandwich::vcovHC(fit, type = "HC0")`) and use them for tests and intervals. */
  readonly robust?: boolean;
  /**
   * Cluster labels, one per row (e.g. the matched-pair id): add cluster-robust standard errors
   * (`sandwich::vcovCL(fit, cluster, type = "HC0")`, with the G / (G - 1) adjustment) and use them
   * for tests and intervals.
   */
  readonly cluster?: readonly (string | number)[];
}

/** One row of the coefficient table of {@link logisticRegression}. */
export interface LogisticCoefficient {
  /** `"(Intercept)"` or the column name. */
  readonly name: string;
  /** Log odds ratio (the intercept: log odds at X = 0). */
  readonly estimate: number;
  /** Standard error from the inverse Fisher information at the estimate. */
  readonly stdError: number;
  /** Wald z = estimate / stdError. */
  readonly statistic: number;
  /** Two-sided p-value of the Wald z. */
  readonly pValue: number;
  /**
   * Robust standard error (HC0 sandwich, or cluster-robust with `cluster`); present only when
   * `robust` or `cluster` was given, and then `statistic`, `pValue` and `confInt` use it.
   */
  readonly robustStdError?: number;
  /** Confidence interval of the estimate (profile or Wald); ±Infinity where the profile never reaches the cutoff. */
  readonly confInt: [number, number];
  /** exp(estimate). */
  readonly oddsRatio: number;
  /** exp(confInt). */
  readonly oddsRatioConfInt: [number, number];
}

/** Result of {@link logisticRegression}. */
export interface LogisticRegressionResult {
  readonly coefficients: LogisticCoefficient[];
  /** Residual deviance, -2 log-likelihood. */
  readonly deviance: number;
  /** Deviance of the intercept-only model (or of eta = 0 without an intercept), as in R. */
  readonly nullDeviance: number;
  /** Residual degrees of freedom, n - number of coefficients (n counts rows with a positive weight). */
  readonly dfResidual: number;
  /** Null degrees of freedom, n - 1 with an intercept, n without. */
  readonly dfNull: number;
  /** deviance + 2 × number of coefficients; `null` with non-integer weights (no likelihood, as in R). */
  readonly aic: number | null;
  /** Maximised log-likelihood, -deviance / 2; `null` with non-integer weights. */
  readonly logLik: number | null;
  /** IRLS iterations until R's stopping rule was met (R's `iter`). */
  readonly iterations: number;
  /** R's `converged`: the rule was met within 25 iterations. */
  readonly converged: boolean;
  /** Fitted probabilities, one per row of X. */
  readonly fittedValues: number[];
  /** Separation, near-separation and convergence problems, in words (empty when none). */
  readonly warnings: string[];
}

interface Parsed {
  readonly design: Design;
  readonly names: string[];
  readonly intercept: boolean;
  readonly confLevel: number;
  readonly method: ConfIntMethod;
  readonly columns: number;
  readonly weighting: Weighting | null;
}

const OPTION_KEYS = new Set(["names", "intercept", "confLevel", "confIntMethod", "weights", "robust", "cluster"]);

function parse(X: unknown, y: unknown, options: unknown): Parsed {
  if (options !== undefined && (options === null || typeof options !== "object" || Array.isArray(options))) {
    throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  }
  const opts = (options ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(opts)) {
    if (!OPTION_KEYS.has(key)) throw new TypeError(`${FN}: options.${key} is not a known option; got ${describeValue(opts[key])}.`);
  }
  if (!Array.isArray(X)) throw new TypeError(`${FN}: X must be an array of rows; got ${describeValue(X)}.`);
  const n = X.length;
  if (n === 0) throw new RangeError(`${FN}: X must hold at least one row; got length 0.`);
  const first: unknown = X[0];
  if (!isNumericArrayLike(first)) throw new TypeError(`${FN}: X[0] must be an array of numbers; got ${describeValue(first)}.`);
  const k = (first as ArrayLike<unknown>).length;
  if (!isNumericArrayLike(y)) throw new TypeError(`${FN}: y must be an array of 0/1 numbers; got ${describeValue(y)}.`);
  const ya = y as ArrayLike<unknown>;
  if (ya.length !== n) throw new RangeError(`${FN}: y must have one value per row of X (${n}); got length ${ya.length}.`);

  let intercept = true;
  if (opts.intercept !== undefined) {
    if (typeof opts.intercept !== "boolean") throw new TypeError(`${FN}: options.intercept must be a boolean; got ${describeValue(opts.intercept)}.`);
    intercept = opts.intercept;
  }
  let confLevel = 0.95;
  if (opts.confLevel !== undefined) {
    if (typeof opts.confLevel !== "number") throw new TypeError(`${FN}: options.confLevel must be a number; got ${describeValue(opts.confLevel)}.`);
    if (!(opts.confLevel > 0 && opts.confLevel < 1)) throw new RangeError(`${FN}: options.confLevel must be in (0, 1); got ${describeValue(opts.confLevel)}.`);
    confLevel = opts.confLevel;
  }
  const weighting = parseWeighting(FN, opts, X.length);
  const method: ConfIntMethod =
    opts.confIntMethod === undefined ? (weighting === null ? "profile" : "wald") : assertOneOf(FN, "options.confIntMethod", opts.confIntMethod, ["profile", "wald"] as const);
  if (weighting !== null && method === "profile") {
    throw new RangeError(`${FN}: options.confIntMethod must be "wald" with options.weights, robust or cluster (no profile likelihood for weighted or robust fits); got "profile".`);
  }
  let names: string[];
  if (opts.names === undefined) {
    names = Array.from({ length: k }, (_, j) => `x${j + 1}`);
  } else {
    if (!Array.isArray(opts.names)) throw new TypeError(`${FN}: options.names must be an array of strings; got ${describeValue(opts.names)}.`);
    const nm = opts.names as unknown[];
    if (nm.length !== k) throw new RangeError(`${FN}: options.names must name each of the ${k} columns of X; got length ${nm.length}.`);
    names = nm.map((v, j) => {
      if (typeof v !== "string") throw new TypeError(`${FN}: options.names[${j}] must be a string; got ${describeValue(v)}.`);
      return v;
    });
  }

  const p = k + (intercept ? 1 : 0);
  if (p === 0) throw new RangeError(`${FN}: X must have at least one column when options.intercept is false; got 0 columns.`);
  if (n < p) throw new RangeError(`${FN}: X must have at least as many rows as coefficients (${p}); got ${n} rows.`);
  const xm = new Float64Array(n * p);
  const yv = new Float64Array(n);
  const off = intercept ? 1 : 0;
  if (intercept) xm.fill(1, 0, n);
  let ones = 0;
  let nPos = 0;
  const pw = weighting?.weights ?? null;
  for (let i = 0; i < n; i++) {
    const row: unknown = X[i];
    if (!isNumericArrayLike(row)) throw new TypeError(`${FN}: X[${i}] must be an array of numbers; got ${describeValue(row)}.`);
    const r = row as ArrayLike<unknown>;
    if (r.length !== k) throw new RangeError(`${FN}: X[${i}] must have ${k} columns, as X[0] (X must be rectangular); got length ${r.length}.`);
    for (let j = 0; j < k; j++) {
      const v = r[j];
      if (typeof v !== "number") throw new TypeError(`${FN}: X[${i}][${j}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isFinite(v)) throw new RangeError(`${FN}: X[${i}][${j}] must be finite; got ${describeValue(v)}.`);
      xm[(j + off) * n + i] = v;
    }
    const yi = ya[i];
    if (typeof yi !== "number") throw new TypeError(`${FN}: y[${i}] must be a number (0 or 1); got ${describeValue(yi)}.`);
    if (yi !== 0 && yi !== 1) throw new RangeError(`${FN}: y[${i}] must be 0 or 1; got ${describeValue(yi)}.`);
    yv[i] = yi;
    if (pw === null || pw[i]! > 0) {
      ones += yi;
      nPos++;
    }
  }
  if (ones === 0 || ones === nPos) {
    const among = pw === null ? "" : " rows with a positive weight";
    throw new RangeError(`${FN}: y must contain both 0 and 1${among === "" ? "" : " among" + among} (no maximum-likelihood estimate otherwise); got ${ones} ones in ${nPos}.`);
  }
  if (pw !== null && nPos < p) throw new RangeError(`${FN}: options.weights must be positive on at least as many rows as coefficients (${p}); got ${nPos}.`);
  const allNames = intercept ? ["(Intercept)", ...names] : names;
  return { design: { x: xm, n, p, y: yv, offset: null, ones0: intercept, weights: pw }, names: allNames, intercept, confLevel, method, columns: k, weighting };
}

const EPS10 = 10 * 2.220446049250313e-16;

/** Signed-root profile bound on one side of the estimate; ±Infinity when the cutoff is never reached. */
function profileBound(prof: Profiler, bhat: number, se: number, dev0: number, target: number, side: 1 | -1): { value: number; ok: boolean } {
  // Work in t = side * (b - bhat) >= 0, where the signed root z(t) increases from 0.
  let lo = 0; // z(lo) < target
  let hi = Infinity; // z(hi) >= target
  let t = target * se;
  const tMax = 1e4 * (se + Math.abs(bhat)) + 1e3;
  let best = { t: NaN, g: Infinity };
  for (let iter = 0; iter < 200; iter++) {
    const b = bhat + side * t;
    const r = prof.at(b);
    const z = Math.sqrt(Math.max(0, r.deviance - dev0));
    const g = z - target;
    if (Math.abs(g) < Math.abs(best.g)) best = { t, g };
    if (g >= 0) hi = Math.min(hi, t);
    else lo = Math.max(lo, t);
    if (g === 0) return { value: b, ok: true };
    const dzdt = z > 0 ? (side * r.slope) / (2 * z) : 0;
    let next = dzdt > 0 ? t - g / dzdt : NaN;
    if (hi === Infinity) {
      if (!(next > t) || next > 4 * t + 10 * se) next = 4 * t + 10 * se; // plateau or slow rise: expand
      if (t > tMax) return { value: side * Infinity, ok: false };
    } else if (!(next > lo && next < hi)) {
      next = (lo + hi) / 2;
    }
    const tol = 1e-13 * (Math.abs(bhat + side * next) + se);
    if (Math.abs(next - t) <= tol || hi - lo <= tol) {
      const tf = hi !== Infinity && Math.abs(next - t) > tol ? (lo + hi) / 2 : next;
      return { value: bhat + side * tf, ok: true };
    }
    t = next;
  }
  return { value: bhat + side * best.t, ok: true };
}

/**
 * Logistic regression by maximum likelihood (iteratively reweighted least squares), with Wald
 * tests and profile-likelihood or Wald confidence intervals for each coefficient.
 *
 * @remarks
 * Fits logit P(y = 1) = b0 + X b by IRLS (Fisher scoring; McCullagh & Nelder 1989). The iteration
 * starts as R's `glm.fit` does (mu = (y + 1/2) / 2) and applies R's stopping rule
 * (|dev - dev_old| / (|dev| + 0.1) < 1e-8, at most 25 iterations) for `iterations` and
 * `converged`; it then keeps taking Newton steps until the Newton decrement is at rounding level
 * (below 1e-20, or just after a step whose decrement was below 1e-14), so the estimates are the
 * machine-precision maximum-likelihood estimates (R's default answer is within about 1e-7 of
 * them). The linear predictor saturates at |eta| = 30 as in R's logit link.
 *
 * Standard errors come from the inverse Fisher information at the estimate (equilibrated
 * Cholesky of X'WX; Householder QR of W^{1/2} X under strong collinearity); `statistic` =
 * estimate / stdError, `pValue` = 2 P(Z > |z|). R's `summary.glm` uses the weights of glm's
 * penultimate iterate instead, which moves its standard errors by up to about 1e-4 relative.
 *
 * Confidence intervals: `'wald'` = estimate ± z_{(1+confLevel)/2} · stdError (R's
 * `confint.default`); `'profile'` (default) = the two roots of the signed-root profile likelihood
 * sign(b - b̂) sqrt(D_profile(b) - D(b̂)) = ±z_{(1+confLevel)/2} (Venzon & Moolgavkar 1988), solved
 * exactly (safeguarded Newton with the analytic derivative, to ~1e-12 relative) rather than read
 * from a spline through a coarse profile as R's `confint` does, so R agrees only to its own
 * tolerance (typically 1e-4, up to 1e-2 in small samples). Each bound costs a few constrained
 * refits (about 3 profile points of 2 Newton steps each), so for large n `'wald'` is much faster. A bound the profile never reaches (separation) is ±Infinity, with a
 * warning.
 *
 * Separation rule (reported in `warnings`; under rules 1-2 the estimates are glm's iterate at R's
 * stopping point, as `glm` returns them, with Wald intervals):
 * 1. R's rule: a fitted probability within 10 × machine epsilon of 0 or 1 ("fitted probabilities
 *    numerically 0 or 1 occurred").
 * 2. Divergence: Newton steps beyond R's stopping point fail to converge (the coefficient norm
 *    grows for 10 consecutive steps, X'WX becomes singular, or 30 steps do not bring the Newton
 *    decrement to rounding level, when from a true maximum Newton's method converges
 *    quadratically in a few steps): the likelihood has no maximum, i.e. the data are completely
 *    or quasi-completely separated. This catches separation that R fits without a warning.
 * 3. Near-separation (the maximum exists but the data nearly separate): some |slope × sd(x)| > 10
 *    (a one-SD change multiplies the odds by more than e^10); with profile intervals also a bound
 *    that is infinite, or an interval more than 3 times longer on one side of the estimate than on
 *    the other (the likelihood is far from quadratic, so Wald tests mislead: Hauck-Donner).
 * Non-convergence within R's 25 iterations is reported as well.
 *
 * Weights and robust errors: `weights` are case weights (glm's prior weights; rows with weight 0
 * are ignored, so dfResidual counts the positive ones). `stdError` stays model-based with the
 * dispersion fixed at 1, so integer weights reproduce the fit of the repeated rows exactly.
 * `robust: true` adds the HC0 sandwich (White 1980; weights treated as sampling weights, as
 * `sandwich::vcovHC(fit, type = "HC0")` does) and `cluster` the cluster-robust sandwich with the
 * G / (G - 1) adjustment (`sandwich::vcovCL(fit, cluster, type = "HC0")`): `robustStdError` is then
 * given and `statistic`, `pValue` and the (Wald) intervals use it. With any of the three, profile
 * intervals are not defined (Wald is the default, `'profile'` a RangeError), and with
 * non-integer weights `aic` and `logLik` are `null` (R's binomial likelihood needs integer counts).
 * R's `sandwich` counts zero-weight rows in its n; here they are left out, which matches R on the
 * data without them.
 *
 * @param X - Predictor matrix, rows = observations, finite numbers, rectangular.
 * @param y - Response, 0 or 1, one per row; both values must occur.
 * @param options - `names` (one per column, default `x1`, `x2`, ...), `intercept` (default true),
 *   `confLevel` (default 0.95), `confIntMethod` (`'profile'` default, or `'wald'`), `weights`,
 *   `robust`, `cluster`.
 * @returns The coefficient table (intercept first, named `"(Intercept)"`), deviance, null
 *   deviance, degrees of freedom, AIC, log-likelihood, iterations, convergence, fitted
 *   probabilities and warnings.
 * @throws {TypeError} If X, y or an option has the wrong kind, or an option is unknown.
 * @throws {RangeError} If X is empty, ragged or holds NaN/Infinity, y is not 0/1 or has one value
 *   only, there are fewer rows than coefficients, or the columns are linearly dependent.
 * @example
 * const X = [[1], [2], [3], [4], [5], [6], [7], [8]];
 * const y = [0, 0, 1, 0, 1, 0, 1, 1];
 * const fit = logisticRegression(X, y, { names: ["dose"] });
 * fit.coefficients[1]!.name;
 * //=> "dose"
 * fit.coefficients[1]!.estimate.toFixed(4);
 * //=> "0.6005"
 * fit.iterations;
 * //=> 4
 * @see R: `stats::glm(y ~ X, family = binomial)`, `stats::confint` (profile, MASS) and
 *   `stats::confint.default` (Wald).
 * @see McCullagh P, Nelder JA. Generalized Linear Models, 2nd ed. Chapman & Hall, 1989.
 *   doi:10.1007/978-1-4899-3242-6
 * @see White H. A heteroskedasticity-consistent covariance matrix estimator and a direct test for
 *   heteroskedasticity. Econometrica 1980;48(4):817-838. doi:10.2307/1912934
 * @see Zeileis A, Köll S, Graham N. Various versatile variances: an object-oriented implementation
 *   of clustered covariances in R. J Stat Softw 2020;95(1):1-36. doi:10.18637/jss.v095.i01
 * @see Venzon DJ, Moolgavkar SH. A method for computing profile-likelihood-based confidence
 *   intervals. Appl Stat 1988;37(1):87-94. doi:10.2307/2347496
 */
export function logisticRegression(X: readonly (readonly number[])[], y: readonly number[], options: LogisticRegressionOptions = {}): LogisticRegressionResult {
  const parsed = parse(X, y, options);
  const { design, names, confLevel, method, intercept, weighting } = parsed;
  const { n, p } = design;
  const pw = design.weights ?? null;
  let fit: ReturnType<typeof fitIrls>;
  try {
    fit = fitIrls(design, { epsilon: 1e-8, maxit: 25, polishMax: 30, safeguard: false });
  } catch (e) {
    // glm's first step weights every row equally, so this is a property of X itself.
    if (e instanceof SingularError) {
      throw new RangeError(`${FN}: X columns must be linearly independent; got column "${names[e.column]}" zero or (numerically) a combination of the columns before it.`);
    }
    throw e;
  }
  const warnings: string[] = [];
  // R's warning, at R's answer.
  let extreme = false;
  for (let i = 0; i < n; i++) {
    const m = fit.rState.mu[i]!;
    if (pw !== null && pw[i] === 0) continue;
    if (m > 1 - EPS10 || m < EPS10) {
      extreme = true;
      break;
    }
  }
  const separated = fit.diverging || extreme;
  const state: FitState = separated ? fit.rState : fit.state;
  if (!fit.converged) warnings.push("algorithm did not converge (R's rule |dev - devold| / (|dev| + 0.1) < 1e-8 not met in 25 iterations)");
  if (extreme) warnings.push("fitted probabilities numerically 0 or 1 occurred");
  if (separated) {
    const how = fit.diverging ? "Newton steps past R's stopping point diverge" : "fitted probabilities numerically 0 or 1";
    warnings.push(`separation: the likelihood has no finite maximum (${how}); estimates are glm's last iterate and are not meaningful`);
  }

  const { cov } = covariance(design, state);
  const robustCov = weighting !== null && (weighting.robust || weighting.cluster !== null) ? sandwichCovariance(design, state, cov, weighting.cluster) : null;
  const zc = qnorm((1 - confLevel) / 2, false);
  const dev0 = state.deviance;
  const coefficients: LogisticCoefficient[] = [];
  const profileInfinite: string[] = [];
  const profileSkewed: string[] = [];
  for (let j = 0; j < p; j++) {
    const est = state.beta[j]!;
    const v = cov[j * p + j]!;
    const se = Math.sqrt(v);
    const robustSe = robustCov === null ? null : Math.sqrt(robustCov[j * p + j]!);
    const testSe = robustSe ?? se;
    const stat = est / testSe;
    const pValue = 2 * pnorm(Math.abs(stat), false);
    let ci: [number, number];
    if (method === "wald" || separated) {
      ci = [est - zc * testSe, est + zc * testSe];
    } else {
      const prof = new Profiler(design, j, state.beta, cov);
      const lo = profileBound(prof, est, se, dev0, zc, -1);
      const prof2 = new Profiler(design, j, state.beta, cov);
      const hi = profileBound(prof2, est, se, dev0, zc, 1);
      ci = [lo.value, hi.value];
      if (!lo.ok || !hi.ok) profileInfinite.push(names[j]!);
      else {
        const dl = est - lo.value;
        const dh = hi.value - est;
        if (Math.max(dl, dh) > 3 * Math.min(dl, dh)) profileSkewed.push(names[j]!);
      }
    }
    coefficients.push({
      name: names[j]!,
      estimate: est,
      stdError: se,
      ...(robustSe === null ? {} : { robustStdError: robustSe }),
      statistic: stat,
      pValue,
      confInt: ci,
      oddsRatio: Math.exp(est),
      oddsRatioConfInt: [Math.exp(ci[0]), Math.exp(ci[1])],
    });
  }
  if (method === "profile" && separated) warnings.push("profile intervals not computed under separation; Wald intervals returned");

  if (!separated) {
    const near: string[] = [];
    for (let j = intercept ? 1 : 0; j < p; j++) {
      const o = j * n;
      let m = 0;
      let cnt = 0;
      for (let i = 0; i < n; i++) {
        if (pw !== null && pw[i] === 0) continue;
        m += design.x[o + i]!;
        cnt++;
      }
      m /= cnt;
      let ss = 0;
      for (let i = 0; i < n; i++) if (pw === null || pw[i]! > 0) ss += (design.x[o + i]! - m) ** 2;
      const sd = Math.sqrt(ss / Math.max(1, cnt - 1));
      if (Math.abs(state.beta[j]! * sd) > 10) near.push(names[j]!);
    }
    if (near.length > 0) warnings.push(`near-separation: |estimate x sd| > 10 for ${near.join(", ")}`);
    if (profileInfinite.length > 0) warnings.push(`near-separation: profile likelihood never reaches the cutoff for ${profileInfinite.join(", ")} (infinite bound)`);
    if (profileSkewed.length > 0) {
      warnings.push(`near-separation: profile interval more than 3 times longer on one side of the estimate for ${profileSkewed.join(", ")} (likelihood far from quadratic; Wald tests unreliable)`);
    }
  }

  const deviance = state.deviance;
  // Totals over the rows that count: weighted sums with weights (zero-weight rows drop out).
  let wTotal = n;
  let wOnes = 0;
  let nGood = n;
  if (pw === null) {
    for (let i = 0; i < n; i++) wOnes += design.y[i]!;
  } else {
    wTotal = 0;
    nGood = 0;
    for (let i = 0; i < n; i++) {
      wTotal += pw[i]!;
      wOnes += pw[i]! * design.y[i]!;
      if (pw[i]! > 0) nGood++;
    }
  }
  let nullDeviance: number;
  if (intercept) {
    const m = wOnes / wTotal;
    nullDeviance = -2 * (wOnes * Math.log(m) + (wTotal - wOnes) * Math.log1p(-m));
  } else {
    nullDeviance = 2 * wTotal * Math.LN2;
  }
  const integerWeights = weighting === null || weighting.integer;
  return {
    coefficients,
    deviance,
    nullDeviance,
    dfResidual: nGood - p,
    dfNull: intercept ? nGood - 1 : nGood,
    aic: integerWeights ? deviance + 2 * p : null,
    logLik: integerWeights ? -deviance / 2 : null,
    iterations: fit.iterations,
    converged: fit.converged,
    fittedValues: Array.from(state.mu),
    warnings,
  };
}
