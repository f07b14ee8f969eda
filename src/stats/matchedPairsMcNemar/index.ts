import { describeValue } from "../../_lib/errors.js";
import type { TestResult } from "../types.js";
import { binomialTest } from "../binomialTest/index.js";
import { mcnemarTest } from "../mcnemarTest/index.js";
import type { MatchedSet } from "../matchNearest/index.js";
import { optionRecord } from "../_common/treatment.js";

const FN = "matchedPairsMcNemar";

/** Options of {@link matchedPairsMcNemar}. */
export interface MatchedPairsMcNemarOptions {
  /** Continuity correction of McNemar's test (R's default). Default true. */
  readonly correct?: boolean;
  /** Confidence level of the conditional odds ratio, in (0, 1). Default 0.95. */
  readonly confLevel?: number;
}

/** Result of {@link matchedPairsMcNemar}. */
export interface MatchedPairsMcNemarResult {
  /** Pairs by outcome: rows treated 1 / 0, columns control 1 / 0. */
  readonly table: [[number, number], [number, number]];
  readonly nPairs: number;
  /** McNemar's test on the table (`stats::mcnemar.test`). */
  readonly test: TestResult;
  /**
   * Conditional (matched-pair) odds ratio b / c, b = pairs where only the treated unit had the
   * event, c = only the control; exact interval from the Clopper-Pearson interval of b / (b + c).
   */
  readonly conditionalOddsRatio: { readonly estimate: number; readonly confInt: [number, number] };
}

/**
 * McNemar's test and the conditional odds ratio for a binary outcome in 1:1 matched pairs.
 *
 * @remarks
 * Builds the paired 2 x 2 table from the pairs of {@link matchNearest} (each must have exactly one
 * control: with 1:k matching use a weighted, cluster-robust `logisticRegression` on the matched
 * sets instead). The conditional odds ratio is b / c, the maximum-likelihood estimate of the
 * conditional logistic model for pairs, with the exact interval p / (1 − p) at the Clopper-Pearson
 * bounds of b / (b + c) (Breslow & Day 1980, §7.2).
 * @param outcome - 0/1 per unit (all units of the matching input; pairs index into it).
 * @param pairs - Matched sets, each with one control.
 * @param options - `correct` (true), `confLevel` (0.95).
 * @returns The table, the number of pairs, McNemar's test and the conditional odds ratio.
 * @throws {TypeError} If an argument or option has the wrong kind.
 * @throws {RangeError} If a set has other than one control, an index is out of range, an outcome
 *   of a paired unit is not 0/1, or no pair is discordant.
 * @example
 * const r = matchedPairsMcNemar([1, 1, 0, 0, 1, 0], [
 *   { treated: 0, controls: [3] }, { treated: 1, controls: [4] }, { treated: 2, controls: [5] }]);
 * r.table;
 * //=> [[1, 1], [0, 1]]
 * @see R: `stats::mcnemar.test`, `stats::binom.test` (interval of b / (b + c)).
 * @see Breslow NE, Day NE. Statistical Methods in Cancer Research, Vol. I. IARC, 1980.
 */
export function matchedPairsMcNemar(outcome: readonly number[], pairs: readonly MatchedSet[], options: MatchedPairsMcNemarOptions = {}): MatchedPairsMcNemarResult {
  const opts = optionRecord(FN, options, ["correct", "confLevel"]);
  if (!Array.isArray(outcome)) throw new TypeError(`${FN}: outcome must be an array of 0/1 numbers; got ${describeValue(outcome)}.`);
  if (!Array.isArray(pairs)) throw new TypeError(`${FN}: pairs must be an array of matched sets; got ${describeValue(pairs)}.`);
  if (pairs.length === 0) throw new RangeError(`${FN}: pairs must hold at least one pair; got length 0.`);
  const yOf = (i: unknown, path: string): 0 | 1 => {
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= outcome.length) throw new RangeError(`${FN}: ${path} must be a unit index in 0..${outcome.length - 1}; got ${describeValue(i)}.`);
    const v = outcome[i];
    if (v !== 0 && v !== 1) throw new RangeError(`${FN}: outcome[${i}] (of ${path}) must be 0 or 1; got ${describeValue(v)}.`);
    return v;
  };
  const t: [[number, number], [number, number]] = [
    [0, 0],
    [0, 0],
  ];
  pairs.forEach((p, k) => {
    if (p === null || typeof p !== "object" || !Array.isArray(p.controls)) throw new TypeError(`${FN}: pairs[${k}] must be { treated, controls }; got ${describeValue(p)}.`);
    if (p.controls.length !== 1) throw new RangeError(`${FN}: pairs[${k}].controls must hold exactly one control (1:1 pairs); got length ${p.controls.length}.`);
    const a = yOf(p.treated, `pairs[${k}].treated`);
    const b = yOf(p.controls[0], `pairs[${k}].controls[0]`);
    t[1 - a]![1 - b]!++;
  });
  let correct = true;
  if (opts.correct !== undefined) {
    if (typeof opts.correct !== "boolean") throw new TypeError(`${FN}: options.correct must be a boolean; got ${describeValue(opts.correct)}.`);
    correct = opts.correct;
  }
  let confLevel = 0.95;
  if (opts.confLevel !== undefined) {
    if (typeof opts.confLevel !== "number") throw new TypeError(`${FN}: options.confLevel must be a number; got ${describeValue(opts.confLevel)}.`);
    if (!(opts.confLevel > 0 && opts.confLevel < 1)) throw new RangeError(`${FN}: options.confLevel must be in (0, 1); got ${describeValue(opts.confLevel)}.`);
    confLevel = opts.confLevel;
  }
  const b = t[0][1];
  const c = t[1][0];
  if (b + c === 0) throw new RangeError(`${FN}: pairs must include a discordant pair (outcomes differ within the pair); got 0 of ${pairs.length}.`);
  const test = mcnemarTest(t, { correct });
  const ci = binomialTest(b, b + c, { confLevel }).confInt!;
  const toOdds = (q: number): number => (q === 1 ? Infinity : q / (1 - q));
  return { table: t, nPairs: pairs.length, test, conditionalOddsRatio: { estimate: c === 0 ? Infinity : b / c, confInt: [toOdds(ci[0]), toOdds(ci[1])] } };
}
