/**
 * Exact confidence interval for a Poisson rate (R's `poisson.test` interval).
 * @packageDocumentation
 */
import { assertCount, assertFiniteNumber } from "../../_lib/errors.js";
import { logDpoisRaw, logIncGamma } from "../_dist/special.js";
import { solveMonotone } from "../_dist/solve.js";
import { optionsObject, parseConfLevel } from "../_common/validate.js";

/** Options of {@link poissonConfInt}. */
export interface PoissonConfIntOptions {
  /** Confidence level, default 0.95. */
  confLevel?: number;
}

const FN = "poissonConfInt";

/** Gamma(shape) quantile at lower-tail probability p (lowerTail) or upper-tail probability p. */
function qgammaTail(p: number, shape: number, lowerTail: boolean): number {
  const lp = Math.log(p);
  // f increasing in x: lower tail log P(X <= x) - log p; upper tail log p - log P(X > x)
  const f = (x: number): number => (lowerTail ? logIncGamma(shape, x, true) - lp : lp - logIncGamma(shape, x, false));
  // derivative of the log tail: density / tail
  const df = (x: number): number => {
    const logDens = logDpoisRaw(shape, x) + Math.log(shape / x);
    return lowerTail ? Math.exp(logDens - logIncGamma(shape, x, true)) : Math.exp(logDens - logIncGamma(shape, x, false));
  };
  let hi = shape + 10 * Math.sqrt(shape) + 10;
  while (f(hi) < 0) hi *= 2;
  return solveMonotone(f, df, 0, hi, shape, 1e-15);
}

/**
 * Exact (Garwood) two-sided confidence interval for a Poisson rate: `x` events over `exposure` units of
 * time (e.g. patient-years), as `poisson.test(x, T)$conf.int`.
 * @remarks Lower = qgamma(alpha/2, x) / T (0 when x = 0); upper = qgamma(1 - alpha/2, x + 1) / T, the
 * chi-squared form qchisq(alpha/2, 2x) / (2T), qchisq(1 - alpha/2, 2x + 2) / (2T). Quantiles are
 * solved to full precision on the regularised incomplete gamma function (upper tail computed directly).
 * Multiply by 100 for a rate per 100 patient-years.
 * @param x - Number of events (integer >= 0).
 * @param exposure - Total time at risk (> 0, finite), in the unit of the rate.
 * @param options - `confLevel` (0.95).
 * @returns `[lower, upper]` of the rate x / exposure.
 * @throws {RangeError} If `x` is not a non-negative integer, `exposure` is not > 0 and finite, or
 *   confLevel is outside (0, 1).
 * @throws {TypeError} If an argument has the wrong type or an option is unknown.
 * @example
 * poissonConfInt(3, 42.5).map((v) => 100 * v);
 * //=> [1.4556991126955336, 20.628877811158404]
 * @see R `stats::poisson.test(x, T)`. Garwood F. Fiducial limits for the Poisson distribution.
 *   Biometrika 1936;28(3-4):437-442. doi:10.1093/biomet/28.3-4.437
 */
export function poissonConfInt(x: number, exposure: number, options?: PoissonConfIntOptions): [number, number] {
  assertCount(FN, "x", x);
  assertFiniteNumber(FN, "exposure", exposure);
  if (!(exposure > 0)) throw new RangeError(`${FN}: exposure must be > 0; got ${exposure}.`);
  const o = optionsObject(FN, options);
  for (const k of Object.keys(o)) if (k !== "confLevel") throw new TypeError(`${FN}: options.${k} is not an option (known: confLevel).`);
  const alpha = (1 - parseConfLevel(FN, o)) / 2;
  const lower = x === 0 ? 0 : qgammaTail(alpha, x, true);
  const upper = qgammaTail(alpha, x + 1, false);
  return [lower / exposure, upper / exposure];
}
