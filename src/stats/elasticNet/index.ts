import { fitPath, readDesign, readFamily, readPathOptions, type Family } from "./_path.js";

/** Model family of {@link elasticNet}: least squares or logistic. */
export type ElasticNetFamily = "gaussian" | "binomial";

/** Options of {@link elasticNet}. */
export interface ElasticNetOptions {
  /** `'gaussian'` (least squares, the default as in glmnet) or `'binomial'` (logistic; y is 0/1). */
  family?: ElasticNetFamily;
  /** Elastic-net mixing, in (0, 1]: 1 is the lasso (default), values near 0 approach ridge. */
  alpha?: number;
  /** A user lambda sequence (non-negative; sorted decreasing, as glmnet does). Overrides `nLambda`. */
  lambda?: readonly number[];
  /** Length of the default lambda sequence (default 100); the path may stop earlier. */
  nLambda?: number;
  /** Smallest lambda as a fraction of the largest: default 1e-4 if n > p, else 1e-2. */
  lambdaMinRatio?: number;
  /** Standardise the columns of X (1/n variance) before fitting; coefficients are always returned on the original scale. Default true. */
  standardize?: boolean;
}

/** A fitted elastic-net path. */
export interface ElasticNetResult {
  /** The lambda sequence, decreasing. */
  lambda: number[];
  /** Intercept at each lambda. */
  intercept: number[];
  /** Coefficients on the original scale of X: `beta[lambdaIndex][feature]`. */
  beta: number[][];
  /** Fraction of null deviance explained at each lambda (glmnet's `dev.ratio`). */
  devRatio: number[];
  /** Number of non-zero coefficients at each lambda (glmnet's `df`). */
  df: number[];
  /** Deviance of the intercept-only model (glmnet's `nulldev`). */
  nullDeviance: number;
}

const FN = "elasticNet";

/**
 * Elastic-net regularisation path for a linear (gaussian) or logistic (binomial) model, by
 * pathwise coordinate descent, as `glmnet::glmnet(X, y, family, alpha)`.
 *
 * @remarks
 * Minimises `D(b0, b) / (2n) + lambda * ((1 - alpha) / 2 * ||b||_2^2 + alpha * ||b||_1)` over a
 * decreasing sequence of lambdas, where D is the residual sum of squares (gaussian) or the
 * binomial deviance. Following glmnet: columns are centred and, with `standardize`, scaled to unit
 * 1/n variance, the penalty applies to the standardised coefficients, and results are returned
 * on the original scale; constant columns get coefficient 0. The default sequence starts at the
 * smallest lambda that zeroes every coefficient (`max_j |x_j'(y - mean(y))| / (n * max(alpha,
 * 0.001))` on the standardised scale) and runs `nLambda` log-spaced values down to
 * `lambdaMinRatio` times that. With the default sequence the path stops early, as glmnet's does
 * (from the 5th lambda on), once the deviance ratio improves by less than 1e-5 between lambdas
 * (relative to the ratio for gaussian, absolute for binomial) or exceeds 0.999, or (binomial)
 * when the fitted probabilities all approach 0 or 1. A user `lambda` is fitted in full. As in
 * glmnet, the gaussian ridge part acts on the scale of y / sd(y): its penalty is
 * `lambda * (1 - alpha) / sd(y)` (1/n variance) on the scale of y. Warm starts and active sets as
 * in the paper, and every lambda is solved to about 1e-11 (glmnet stops at its `thresh = 1e-7`,
 * so its coefficients agree with these to about 1e-4 relative).
 *
 * @param X - Design matrix, rows = observations (at least 2), columns = features; not mutated.
 * @param y - Response: numbers (gaussian, not all equal) or 0/1 (binomial, at least two of each).
 * @param options - {@link ElasticNetOptions}.
 * @returns `{ lambda, intercept, beta, devRatio, df, nullDeviance }` with `beta[k][j]` the
 *   coefficient of feature j at `lambda[k]`.
 * @throws {TypeError} If X, y or an option has the wrong kind, or `family` is unknown.
 * @throws {RangeError} If X is ragged or empty, a value is not finite, y does not match X or
 *   the family, or an option is out of range.
 * @example
 * const fit = elasticNet([[1, 0], [2, 1], [3, 0], [4, 1]], [1, 2, 3, 4.5], { lambda: [0.1] });
 * fit.beta[0]!.map((b) => b.toFixed(4));
 * //=> ["1.0606", "0.0000"]
 * @see Friedman J, Hastie T, Tibshirani R. Regularization paths for generalized linear models
 *   via coordinate descent. J Stat Softw 2010;33(1):1-22. doi:10.18637/jss.v033.i01
 * @see R: `glmnet::glmnet`
 */
export function elasticNet(X: readonly (readonly number[])[], y: readonly number[], options?: ElasticNetOptions): ElasticNetResult {
  const family = readFamily(FN, options);
  const d = readDesign(FN, X, y, family);
  const s = readPathOptions(FN, options);
  return fitPath(d, s);
}
