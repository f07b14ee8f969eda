import { describeValue } from "../../_lib/errors.js";
import { isNumericArrayLike, parseOptions } from "../_common/validate.js";
import { checkSeed, createRandom, shuffleInPlace } from "../_random/index.js";
import { fitPath, readDesign, readFamily, readPathOptions, subsetDesign, type Design, type PathFit, type PathSettings } from "../elasticNet/_path.js";
import type { ElasticNetOptions, ElasticNetResult } from "../elasticNet/index.js";

/** Options of {@link cvElasticNet}: those of `elasticNet` plus the folds. */
export interface CvElasticNetOptions extends ElasticNetOptions {
  /** Number of folds when `foldId` is absent (default 10; at least 3, at most n). */
  nFolds?: number;
  /** Fold label of each observation, integers 1..K with every label used (K >= 3), as cv.glmnet's `foldid`. */
  foldId?: readonly number[];
  /** Seed of the fold draw when `foldId` is absent (a safe integer; default 1). */
  seed?: number;
}

/** Coefficients at one lambda. */
export interface ElasticNetCoefficients {
  intercept: number;
  beta: number[];
}

/** Result of {@link cvElasticNet}. */
export interface CvElasticNetResult {
  /** The full-data lambda sequence (same as `fit.lambda`). */
  lambda: number[];
  /** Mean cross-validated deviance at each lambda (mean squared error for gaussian). */
  cvm: number[];
  /** Its standard error, as cv.glmnet computes it. */
  cvsd: number[];
  /** The lambda with the smallest `cvm` (the largest such lambda on ties). */
  lambdaMin: number;
  /** The largest lambda with `cvm` within one `cvsd` of the minimum. */
  lambda1se: number;
  /** The fold label (1..K) of each observation that was used. */
  foldId: number[];
  /** The elastic-net path fitted on all the data. */
  fit: ElasticNetResult;
  /**
   * Coefficients of `fit` at any lambda, linearly interpolated in lambda between path points
   * (clamped to the ends), as `coef(cvfit, s = lambda)`. The one non-data member: it is
   * non-enumerable, so `JSON.stringify` and `structuredClone` leave it out; the same numbers
   * come from {@link elasticNetCoefficients}`(result.fit, lambda)`.
   */
  coefficients: (lambda: number) => ElasticNetCoefficients;
}

const FN = "cvElasticNet";
const PROB_MIN = 1e-5;
/**
 * The fold fits only feed the held-out deviance, so binomial Newton stops earlier there (estimated
 * remaining squared error below this times the null deviance per observation, against 1e-22 for
 * the reported path: fold coefficients to about 1e-9, far inside what cvm needs).
 */
const FOLD_NEWTON_STOP = 1e-18;

/**
 * Coefficients of an elastic-net path at `lambda`, by linear interpolation in lambda between the
 * two neighbouring path points (the end points outside the path), as `coef(fit, s = lambda)`.
 *
 * @remarks At a lambda of the path this is exactly that path point.
 * @param fit - An {@link ElasticNetResult} (from `elasticNet` or `cvElasticNet(...).fit`).
 * @param lambda - A finite lambda >= 0.
 * @returns `{ intercept, beta }` on the original scale of X.
 * @throws {TypeError} If `lambda` is not a number or `fit` is not a path.
 * @throws {RangeError} If `lambda` is negative or not finite.
 * @example
 * elasticNetCoefficients({ lambda: [2, 1], intercept: [1, 0], beta: [[0], [2]], devRatio: [0, 0.5], df: [0, 1], nullDeviance: 1 }, 1.5);
 * //=> { intercept: 0.5, beta: [1] }
 * @see R: `glmnet::coef.glmnet` (`predict.glmnet` with `s`, `exact = FALSE`)
 */
export function elasticNetCoefficients(fit: ElasticNetResult, lambda: number): ElasticNetCoefficients {
  const fn = "elasticNetCoefficients";
  if (typeof lambda !== "number") throw new TypeError(`${fn}: lambda must be a number; got ${describeValue(lambda)}.`);
  if (!Number.isFinite(lambda) || lambda < 0) throw new RangeError(`${fn}: lambda must be a finite number >= 0; got ${describeValue(lambda)}.`);
  if (fit === null || typeof fit !== "object" || !Array.isArray(fit.lambda) || !Array.isArray(fit.beta) || !Array.isArray(fit.intercept)) {
    throw new TypeError(`${fn}: fit must be an elastic-net path; got ${describeValue(fit)}.`);
  }
  const lam = fit.lambda;
  const m = lam.length;
  if (m < 1 || fit.beta.length !== m || fit.intercept.length !== m) throw new RangeError(`${fn}: fit must hold at least one path point; got length ${m}.`);
  const at = (k: number): ElasticNetCoefficients => ({ intercept: fit.intercept[k]!, beta: [...fit.beta[k]!] });
  if (lambda >= lam[0]!) return at(0);
  if (lambda <= lam[m - 1]!) return at(m - 1);
  let k = 0;
  while (k < m - 1 && lam[k + 1]! > lambda) k++;
  // lam[k] > lambda >= lam[k + 1]
  const hi = lam[k]!;
  const lo = lam[k + 1]!;
  if (lambda === lo) return at(k + 1);
  const f = (hi - lambda) / (hi - lo);
  const b0 = fit.beta[k]!;
  const b1 = fit.beta[k + 1]!;
  return {
    intercept: (1 - f) * fit.intercept[k]! + f * fit.intercept[k + 1]!,
    beta: b0.map((v, j) => (1 - f) * v + f * b1[j]!),
  };
}

function readFolds(options: CvElasticNetOptions | undefined, n: number): number[] {
  const o = parseOptions(FN, options, ["family", "alpha", "lambda", "nLambda", "lambdaMinRatio", "standardize", "nFolds", "foldId", "seed"]);
  if (o["foldId"] !== undefined) {
    const f = o["foldId"];
    if (!isNumericArrayLike(f)) throw new TypeError(`${FN}: options.foldId must be an array of fold labels; got ${describeValue(f)}.`);
    const fa = f as ArrayLike<unknown>;
    if (fa.length !== n) throw new RangeError(`${FN}: options.foldId must have one label per row of X (${n}); got length ${fa.length}.`);
    const out: number[] = [];
    let k = 0;
    for (let i = 0; i < n; i++) {
      const v = fa[i];
      if (typeof v !== "number") throw new TypeError(`${FN}: options.foldId[${i}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`${FN}: options.foldId[${i}] must be an integer >= 1; got ${describeValue(v)}.`);
      out.push(v);
      k = Math.max(k, v);
    }
    if (k < 3) throw new RangeError(`${FN}: options.foldId must use at least 3 folds (as cv.glmnet requires); got ${k}.`);
    const used = new Uint8Array(k + 1);
    for (const v of out) used[v] = 1;
    for (let l = 1; l <= k; l++) if (used[l] === 0) throw new RangeError(`${FN}: options.foldId must use every label 1..${k}; got no observation in fold ${l}.`);
    return out;
  }
  const nf = o["nFolds"] === undefined ? 10 : o["nFolds"];
  if (typeof nf !== "number") throw new TypeError(`${FN}: options.nFolds must be a number; got ${describeValue(nf)}.`);
  if (!Number.isInteger(nf) || nf < 3 || nf > n) throw new RangeError(`${FN}: options.nFolds must be an integer in [3, ${n}]; got ${describeValue(nf)}.`);
  const seed = o["seed"] === undefined ? 1 : checkSeed(FN, "options.seed", o["seed"]);
  // As cv.glmnet: sample(rep(seq(nfolds), length = n)), with this package's seeded generator.
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((i % nf) + 1);
  shuffleInPlace(ids, createRandom(seed));
  return ids;
}

/**
 * Mean held-out deviance of the held-out rows `test` at each full-data lambda, with the coefficients of
 * the fold's own path interpolated linearly in lambda (clamped at its ends), as cv.glmnet does
 * through predict.glmnet.
 */
function foldDeviance(
  fit: PathFit,
  lambda: readonly number[],
  test: Design,
  binomial: boolean,
): Float64Array {
  const nLam = lambda.length;
  const out = new Float64Array(nLam);
  const { x, y, p } = test;
  const m = test.n;
  const eta = new Float64Array(m);
  const cols = new Int32Array(p);
  for (let l = 0; l < nLam; l++) {
    const c = elasticNetCoefficients(fit, lambda[l]!);
    eta.fill(c.intercept);
    // The non-zero coefficients, four columns per pass over eta.
    let nz = 0;
    for (let j = 0; j < p; j++) if (c.beta[j]! !== 0) cols[nz++] = j;
    let t = 0;
    for (; t + 3 < nz; t += 4) {
      const j0 = cols[t]!;
      const j1 = cols[t + 1]!;
      const j2 = cols[t + 2]!;
      const j3 = cols[t + 3]!;
      const b0 = c.beta[j0]!;
      const b1 = c.beta[j1]!;
      const b2 = c.beta[j2]!;
      const b3 = c.beta[j3]!;
      const o0 = j0 * m;
      const o1 = j1 * m;
      const o2 = j2 * m;
      const o3 = j3 * m;
      for (let r = 0; r < m; r++) eta[r] = eta[r]! + (b0 * x[o0 + r]! + b1 * x[o1 + r]!) + (b2 * x[o2 + r]! + b3 * x[o3 + r]!);
    }
    for (; t < nz; t++) {
      const bj = c.beta[cols[t]!]!;
      const o = cols[t]! * m;
      for (let r = 0; r < m; r++) eta[r] = eta[r]! + bj * x[o + r]!;
    }
    let s = 0;
    for (let r = 0; r < m; r++) {
      const yi = y[r]!;
      if (binomial) {
        let pr = 1 / (1 + Math.exp(-eta[r]!));
        pr = Math.min(Math.max(pr, PROB_MIN), 1 - PROB_MIN);
        s += -2 * (yi === 1 ? Math.log(pr) : Math.log(1 - pr));
      } else {
        const e = yi - eta[r]!;
        s += e * e;
      }
    }
    out[l] = s / m;
  }
  return out;
}

/**
 * K-fold cross-validation of the elastic-net path by deviance, as
 * `glmnet::cv.glmnet(X, y, family, alpha, foldid, type.measure = "deviance")`.
 *
 * @remarks
 * The path is first fitted on all the data; each fold's model is then fitted without that fold
 * on its own default lambda sequence (or the user's `lambda`), and its predictions at the
 * full-data lambdas use coefficients interpolated linearly in lambda along the fold's path
 * (clamped at its ends), as cv.glmnet does through `predict.glmnet`. The held-out deviance (squared error for gaussian; binomial deviance with probabilities clipped to
 * [1e-5, 1 - 1e-5] as cv.glmnet) is averaged per fold. `cvm` is the mean over folds weighted by
 * fold size and `cvsd = sqrt(sum_k n_k (cvm_k - cvm)^2 / n / (K - 1))`. `lambdaMin` is the
 * largest lambda attaining the minimum `cvm`; `lambda1se` the largest lambda whose `cvm` is at
 * most `min cvm + cvsd` at `lambdaMin`. Without `foldId`, labels `1..nFolds` are recycled along
 * the rows and shuffled by a seeded xoshiro128** generator (integer arithmetic: the folds are
 * identical in every JavaScript engine, though they differ from R's `sample`; fitted numbers may
 * still differ between engines in the last bit or so, as `Math.exp` and `Math.log` are not
 * correctly rounded). `coefficients` is the one member
 * that is not plain data (a non-enumerable function).
 *
 * @param X - Design matrix, rows = observations; not mutated.
 * @param y - Response (numbers, or 0/1 for binomial); not mutated.
 * @param options - {@link CvElasticNetOptions}: elasticNet options plus `nFolds`, `foldId`, `seed`.
 * @returns `{ lambda, cvm, cvsd, lambdaMin, lambda1se, foldId, fit, coefficients }`.
 * @throws {TypeError} If an argument or option has the wrong kind.
 * @throws {RangeError} If X or y is invalid (see `elasticNet`), `foldId` is not labels 1..K
 *   (K >= 3, every label used, one per row), or `nFolds` is outside [3, n].
 * @example
 * const X = [[1, 0], [2, 1], [3, 0], [4, 1], [5, 0], [6, 1]];
 * const cv = cvElasticNet(X, [1.1, 2.3, 2.9, 4.2, 5.1, 5.8], { foldId: [1, 2, 3, 1, 2, 3] });
 * cv.lambdaMin === Math.min(...cv.lambda);
 * //=> true
 * @see Friedman J, Hastie T, Tibshirani R. Regularization paths for generalized linear models
 *   via coordinate descent. J Stat Softw 2010;33(1):1-22. doi:10.18637/jss.v033.i01
 * @see R: `glmnet::cv.glmnet`
 */
export function cvElasticNet(X: readonly (readonly number[])[], y: readonly number[], options?: CvElasticNetOptions): CvElasticNetResult {
  const family = readFamily(FN, options);
  const d = readDesign(FN, X, y, family);
  const s = readPathOptions(FN, options, ["nFolds", "foldId", "seed"]);
  const foldId = readFolds(options, d.n);
  const full = fitPath(d, s);
  const lambda = [...full.lambda];
  const nLam = lambda.length;
  const K = Math.max(...foldId);
  const foldSettings: PathSettings = { ...s, newtonStop: FOLD_NEWTON_STOP };
  const cvraw: Float64Array[] = [];
  const sizes: number[] = [];
  for (let k = 1; k <= K; k++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < d.n; i++) (foldId[i] === k ? test : train).push(i);
    const dk = subsetDesign(d, train);
    if (family === "binomial") {
      let ones = 0;
      for (let i = 0; i < dk.n; i++) ones += dk.y[i]!;
      if (ones < 2 || dk.n - ones < 2) throw new RangeError(`${FN}: y must hold at least 2 zeros and 2 ones outside fold ${k}; got ${ones} ones in ${dk.n}.`);
    }
    // As cv.glmnet: each fold on its own default sequence (or the user's lambda), evaluated at
    // the full-data lambdas by interpolation along the fold's path.
    const fk = fitPath(dk, foldSettings);
    cvraw.push(foldDeviance(fk, lambda, subsetDesign(d, test), family === "binomial"));
    sizes.push(test.length);
  }
  const cvm: number[] = [];
  const cvsd: number[] = [];
  for (let l = 0; l < nLam; l++) {
    let m = 0;
    for (let k = 0; k < K; k++) m += sizes[k]! * cvraw[k]![l]!;
    m /= d.n;
    let v = 0;
    for (let k = 0; k < K; k++) {
      const e = cvraw[k]![l]! - m;
      v += sizes[k]! * e * e;
    }
    cvm.push(m);
    cvsd.push(Math.sqrt(v / d.n / (K - 1)));
  }
  let iMin = 0;
  for (let l = 1; l < nLam; l++) if (cvm[l]! < cvm[iMin]!) iMin = l;
  const bound = cvm[iMin]! + cvsd[iMin]!;
  let i1se = iMin;
  for (let l = 0; l < nLam; l++) {
    if (cvm[l]! <= bound) {
      i1se = l;
      break;
    }
  }
  const fit: ElasticNetResult = full;
  const result = {
    lambda,
    cvm,
    cvsd,
    lambdaMin: lambda[iMin]!,
    lambda1se: lambda[i1se]!,
    foldId,
    fit,
  } as CvElasticNetResult;
  Object.defineProperty(result, "coefficients", {
    value: (l: number): ElasticNetCoefficients => elasticNetCoefficients(fit, l),
    enumerable: false,
    writable: false,
    configurable: true,
  });
  return result;
}
