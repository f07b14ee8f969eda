/**
 * Confidence intervals for a binomial proportion.
 * @packageDocumentation
 */
import { assertCount, assertOneOf } from "../../_lib/errors.js";
import { qnorm } from "../_dist/normal.js";
import { clopperPearson } from "../binomialTest/index.js";
import { parseOptions, parseBooleanOption, parseConfLevel } from "../_common/validate.js";

/** Interval methods of {@link binomialConfInt}. */
export type BinomialConfIntMethod = "wilson" | "clopper-pearson" | "agresti-coull" | "wald";

/** Options of {@link binomialConfInt}. */
export interface BinomialConfIntOptions {
  /** Interval method, default "wilson". */
  method?: BinomialConfIntMethod;
  /** Confidence level, default 0.95. */
  confLevel?: number;
  /** Continuity correction (Wilson only, as `prop.test`), default false. */
  correct?: boolean;
}

const METHODS: readonly BinomialConfIntMethod[] = ["wilson", "clopper-pearson", "agresti-coull", "wald"];

/**
 * Two-sided confidence interval for a binomial proportion x / n.
 * @remarks
 * - `wilson`: score interval of `prop.test`; with `correct`, the continuity correction is
 *   min(0.5, |x - n/2|) (so none at x = n/2), as R.
 * - `clopper-pearson`: exact interval of `binom.test` (beta quantiles).
 * - `agresti-coull`: Wald interval around (x + z^2/2)/(n + z^2) with n + z^2 trials, clipped to [0, 1].
 * - `wald`: p +- z sqrt(p (1 - p) / n), clipped to [0, 1].
 * @param x - Number of successes (integer, 0 <= x <= n).
 * @param n - Number of trials (integer >= 1).
 * @param options - `method` ("wilson"), `confLevel` (0.95), `correct` (false).
 * @returns `[lower, upper]`.
 * @throws {RangeError} If x or n is not a count, x > n, n = 0, n > 2^53 - 1, or confLevel is outside (0, 1).
 * @throws {TypeError} If `method` is unknown or an option has the wrong type.
 * @example
 * binomialConfInt(7, 20);
 * //=> [0.18119182410108206, 0.5671457233147637]
 * @see R `stats::prop.test(x, n, correct)$conf.int`, `stats::binom.test`. Wilson EB. J Am Stat Assoc
 *   1927;22(158):209-212. doi:10.1080/01621459.1927.10502953. Agresti A, Coull BA. Am Stat
 *   1998;52(2):119-126. doi:10.1080/00031305.1998.10480550
 */
export function binomialConfInt(x: number, n: number, options?: BinomialConfIntOptions): [number, number] {
  const fn = "binomialConfInt";
  assertCount(fn, "x", x);
  assertCount(fn, "n", n);
  if (n < 1) throw new RangeError(`${fn}: n must be at least 1; got ${n}.`);
  if (n > Number.MAX_SAFE_INTEGER) throw new RangeError(`${fn}: n must be at most 2^53 - 1 (Number.MAX_SAFE_INTEGER), the largest exactly representable count; got ${n}.`);
  if (x > n) throw new RangeError(`${fn}: x must be <= n (${n}); got ${x}.`);
  const o = parseOptions(fn, options, ["method", "confLevel", "correct"]);
  const method = o.method === undefined ? "wilson" : assertOneOf(fn, "options.method", o.method, METHODS);
  const confLevel = parseConfLevel(fn, o);
  const correct = parseBooleanOption(fn, o, "correct", false);
  if (method === "clopper-pearson") return clopperPearson(x, n, confLevel, "two-sided");
  const z = qnorm((1 + confLevel) / 2);
  const est = x / n;
  const clip = (v: number): number => Math.min(1, Math.max(0, v));
  if (method === "wald") {
    const h = z * Math.sqrt((est * (1 - est)) / n);
    return [clip(est - h), clip(est + h)];
  }
  if (method === "agresti-coull") {
    const nt = n + z * z;
    const pt = (x + (z * z) / 2) / nt;
    const h = z * Math.sqrt((pt * (1 - pt)) / nt);
    return [clip(pt - h), clip(pt + h)];
  }
  const yates = correct ? Math.min(0.5, Math.abs(x - n * 0.5)) : 0;
  const z22n = (z * z) / (2 * n);
  let pc = est + yates / n;
  const upper = pc >= 1 ? 1 : (pc + z22n + z * Math.sqrt((pc * (1 - pc)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  pc = est - yates / n;
  const lower = pc <= 0 ? 0 : (pc + z22n - z * Math.sqrt((pc * (1 - pc)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  return [Math.max(lower, 0), Math.min(upper, 1)];
}
