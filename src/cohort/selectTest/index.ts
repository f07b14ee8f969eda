import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { chiSquareTest, fisherExactTest, kruskalWallisTest, shapiroWilkTest, welchTTest, wilcoxonRankSumTest } from "../_lib/stats.js";
import type { TestResult } from "../_lib/stats.js";

/** The between-group tests a cohort table can use. */
export type TestId =
  | "wilcoxonRankSum"
  | "welchT"
  | "pearsonChiSquared"
  | "fisherExact"
  | "kruskalWallis"
  | "mcnemar"
  | "wilcoxonSignedRank"
  | "pairedT"
  | "cochranQ"
  | "friedman";

/**
 * Each test's footnote letter and name (used with `footnoteLetters: "fixed"`). Letters a-d are the paper's
 * Table 1 notes; e-j are ours (e Kruskal-Wallis; f-j the paired tests of `pairedSummaryTable`).
 * Names are gtsummary's, which the paper printed.
 */
export const TEST_FOOTNOTES: Readonly<Record<TestId, { readonly letter: string; readonly label: string }>> = Object.freeze({
  wilcoxonRankSum: { letter: "a", label: "Wilcoxon rank sum test" },
  welchT: { letter: "b", label: "Welch Two Sample t-test" },
  pearsonChiSquared: { letter: "c", label: "Pearson's Chi-squared test" },
  fisherExact: { letter: "d", label: "Fisher's exact test" },
  kruskalWallis: { letter: "e", label: "Kruskal-Wallis rank sum test" },
  mcnemar: { letter: "f", label: "McNemar's Chi-squared test with continuity correction" },
  wilcoxonSignedRank: { letter: "g", label: "Wilcoxon signed rank test" },
  pairedT: { letter: "h", label: "Paired t-test" },
  cochranQ: { letter: "i", label: "Cochran's Q test" },
  friedman: { letter: "j", label: "Friedman rank sum test" },
});

/** Options of {@link selectCategoricalTest}. */
export interface SelectCategoricalTestOptions {
  /** Pearson's chi-squared needs every expected count at least this. Default 5 (gtsummary, Cochran). */
  readonly minExpected?: number;
}

/** Which test a contingency table gets, and why. */
export interface CategoricalTestChoice {
  /** `"pearsonChiSquared"`, `"fisherExact"`, or `null` when no test applies (a zero row or column total). */
  readonly test: "pearsonChiSquared" | "fisherExact" | null;
  /** One sentence with the numbers that decided. */
  readonly reason: string;
  /** Expected counts under independence, rows x columns (empty when a margin is 0). */
  readonly expected: number[][];
  /** The smallest expected count (NaN never: 0 when a margin is 0). */
  readonly minExpected: number;
}

function checkTable(fn: string, table: unknown): number[][] {
  if (!Array.isArray(table) || table.length < 2) throw new RangeError(`${fn}: table must have at least 2 rows; got ${describeValue(table)}.`);
  const rows = table as unknown[];
  const first = rows[0];
  if (!Array.isArray(first) || first.length < 2) throw new RangeError(`${fn}: table[0] must have at least 2 columns; got ${describeValue(first)}.`);
  const c = first.length;
  return rows.map((r, i) => {
    if (!Array.isArray(r) || r.length !== c) throw new RangeError(`${fn}: table[${i}] must have ${c} columns (tables are rectangular); got ${describeValue(r)}.`);
    return r.map((v: unknown, j) => {
      if (typeof v !== "number") throw new TypeError(`${fn}: table[${i}][${j}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`${fn}: table[${i}][${j}] must be a non-negative integer count; got ${describeValue(v)}.`);
      return v;
    });
  });
}

/**
 * Chooses Pearson's chi-squared (without continuity correction) or Fisher's exact test for a table.
 * @remarks The rule of gtsummary's `add_p()` and of the paper's Table 1: Pearson's chi-squared when every
 * expected count (row total × column total / N, from the rows complete for both variables — pass only
 * those) is at least `minExpected` (5), otherwise Fisher's exact test. The rule is the same for r x c
 * tables. A table with a zero row or column total has no test (`test: null`).
 * @param table - Counts, rows = groups, columns = levels (or the reverse: the rule is symmetric).
 * @param options - `minExpected` (default 5).
 * @returns The test, the reason, the expected counts and their minimum.
 * @throws {TypeError} If a cell is not a number.
 * @throws {RangeError} If the table is not at least 2 x 2, ragged, or holds a negative or non-integer count,
 * or `minExpected` is not a finite number > 0.
 * @example
 * selectCategoricalTest([[2, 26], [11, 41]]).test;
 * //=> "fisherExact"
 * @see Sjoberg DD, et al. R J 2021;13:570-80. doi:10.32614/RJ-2021-053 (`add_p.tbl_summary` defaults)
 * @see Cochran WG. Some methods for strengthening the common χ² tests. Biometrics 1954;10:417-51. doi:10.2307/3001616
 */
export function selectCategoricalTest(table: readonly (readonly number[])[], options: SelectCategoricalTestOptions = {}): CategoricalTestChoice {
  const fn = "selectCategoricalTest";
  const t = checkTable(fn, table);
  const min = options.minExpected ?? 5;
  if (typeof min !== "number" || !Number.isFinite(min) || min <= 0) throw new RangeError(`${fn}: options.minExpected must be a finite number > 0; got ${describeValue(min)}.`);
  const rowSums = t.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = t[0]!.map((_, j) => t.reduce((a, r) => a + r[j]!, 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  const dims = `${t.length} x ${t[0]!.length}`;
  if (rowSums.some((s) => s === 0) || colSums.some((s) => s === 0)) {
    return { test: null, reason: `A row or column total of the ${dims} table is 0 (no variation): no test.`, expected: [], minExpected: 0 };
  }
  const expected = rowSums.map((r) => colSums.map((c) => (r * c) / total));
  const minExpected = Math.min(...expected.flat());
  const shown = Number(minExpected.toPrecision(3));
  if (minExpected >= min) {
    return { test: "pearsonChiSquared", reason: `Every expected count of the ${dims} table is at least ${min} (smallest ${shown}): Pearson's chi-squared without continuity correction.`, expected, minExpected };
  }
  return { test: "fisherExact", reason: `An expected count of the ${dims} table is below ${min} (smallest ${shown}): Fisher's exact test.`, expected, minExpected };
}

/** How a continuous variable is summarised. */
export type ContinuousSummary = "median" | "mean";

/** Options of {@link selectContinuousTest}. */
export interface SelectContinuousTestOptions {
  /** `"auto"` (Shapiro-Wilk in every group, default), `"median"` (Wilcoxon) or `"mean"` (Welch). */
  readonly summary?: "auto" | ContinuousSummary;
  /** Shapiro-Wilk level below which a group counts as non-normal. Default 0.05. */
  readonly normalityAlpha?: number;
}

/** Which test a continuous variable gets, and why. */
export interface ContinuousTestChoice {
  /** `"wilcoxonRankSum"` or `"welchT"` for two groups, `"kruskalWallis"` for three or more. */
  readonly test: "wilcoxonRankSum" | "welchT" | "kruskalWallis";
  /** How the groups are summarised: median (Q1, Q3) or mean ± SD. */
  readonly summary: ContinuousSummary;
  readonly reason: string;
  /** Shapiro-Wilk per group when `summary` was `"auto"` (null where the group could not be tested). */
  readonly normality?: { readonly n: number; readonly pValue: number | null }[];
}

/**
 * Chooses the test (and summary) for a continuous variable compared between groups.
 * @remarks Two groups: `"median"` → Wilcoxon rank-sum with median (Q1, Q3); `"mean"` → Welch's t-test with
 * mean ± SD; `"auto"` → Shapiro-Wilk in each group, and Welch with mean ± SD only when every group has
 * 3..5000 values, not all equal, and W's p ≥ `normalityAlpha`; otherwise Wilcoxon with median (Q1, Q3).
 * Three or more groups: Kruskal-Wallis whatever the summary (gtsummary's default; the paper's methods name
 * it); the summary follows the same rule.
 * @param groups - The non-missing values of each group (at least 2 groups).
 * @param options - `summary` (default `"auto"`), `normalityAlpha` (default 0.05).
 * @returns The test, the summary and the reason (with the Shapiro-Wilk p-values under `"auto"`).
 * @throws {TypeError} If `groups` is not an array of number arrays or an option is unknown.
 * @throws {RangeError} If fewer than 2 groups, a value is not finite, or `normalityAlpha` is outside (0, 1).
 * @example
 * selectContinuousTest([[1, 2, 3, 4, 50], [2, 3, 4, 5, 6]], { summary: "median" }).test;
 * //=> "wilcoxonRankSum"
 * @see Shapiro SS, Wilk MB. Biometrika 1965;52:591-611. doi:10.1093/biomet/52.3-4.591 (`stats::shapiro.test`)
 */
export function selectContinuousTest(groups: readonly (readonly number[])[], options: SelectContinuousTestOptions = {}): ContinuousTestChoice {
  const fn = "selectContinuousTest";
  if (!isArray(groups)) throw new TypeError(`${fn}: groups must be an array of number arrays; got ${describeValue(groups)}.`);
  if (groups.length < 2) throw new RangeError(`${fn}: groups must hold at least 2 groups; got length ${groups.length}.`);
  groups.forEach((g, i) => {
    if (!isArray(g)) throw new TypeError(`${fn}: groups[${i}] must be an array of numbers; got ${describeValue(g)}.`);
    g.forEach((v: unknown, j: number) => {
      if (typeof v !== "number") throw new TypeError(`${fn}: groups[${i}][${j}] must be a number; got ${describeValue(v)}.`);
      if (!Number.isFinite(v)) throw new RangeError(`${fn}: groups[${i}][${j}] must be finite; got ${describeValue(v)}.`);
    });
  });
  const mode = assertOneOf(fn, "options.summary", options.summary ?? "auto", ["auto", "median", "mean"] as const);
  const alpha = options.normalityAlpha ?? 0.05;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw new RangeError(`${fn}: options.normalityAlpha must be in (0, 1); got ${describeValue(alpha)}.`);
  const k = groups.length;
  const multi = k >= 3;
  if (mode !== "auto") {
    const summary = mode;
    const test = multi ? "kruskalWallis" : summary === "median" ? "wilcoxonRankSum" : "welchT";
    const reason = multi
      ? `${k} groups: Kruskal-Wallis rank sum test; summary ${summary === "median" ? "median (Q1, Q3)" : "mean ± SD"} as requested.`
      : summary === "median"
        ? "Summary median (Q1, Q3) requested: Wilcoxon rank sum test."
        : "Summary mean ± SD requested: Welch's t-test.";
    return { test, summary, reason };
  }
  const normality = groups.map((g) => {
    const n = g.length;
    if (n < 3 || n > 5000 || g.every((v) => v === g[0])) return { n, pValue: null };
    return { n, pValue: shapiroWilkTest([...g]).pValue };
  });
  const untestable = normality.some((s) => s.pValue === null);
  const ps = normality.map((s) => (s.pValue === null ? "n/a" : Number(s.pValue.toPrecision(3)))).join(", ");
  const normal = !untestable && normality.every((s) => (s.pValue as number) >= alpha);
  const summary: ContinuousSummary = normal ? "mean" : "median";
  const test = multi ? "kruskalWallis" : normal ? "welchT" : "wilcoxonRankSum";
  const why = untestable
    ? `Shapiro-Wilk not possible in every group (n < 3, n > 5000 or all values equal; p ${ps})`
    : normal
      ? `Shapiro-Wilk p >= ${alpha} in every group (p ${ps})`
      : `Shapiro-Wilk p < ${alpha} in a group (p ${ps})`;
  const then = multi ? `; ${k} groups: Kruskal-Wallis rank sum test` : normal ? ": Welch's t-test" : ": Wilcoxon rank sum test";
  return { test, summary, reason: `${why}${then}, summary ${summary === "mean" ? "mean ± SD" : "median (Q1, Q3)"}.`, normality };
}

/** A between-group comparison: the test used, why, and its result (null when no test applies). */
export interface GroupComparison {
  readonly test: TestId | null;
  readonly reason: string;
  readonly pValue: number | null;
  /** The stats function's result (R's htest fields); absent when no test applies. */
  readonly result?: TestResult;
}

/**
 * Compares counts between groups: the test chosen by {@link selectCategoricalTest}, then run.
 * @remarks Pearson's chi-squared is run without continuity correction (`correct: false`), as gtsummary
 * does; Fisher's exact test is two-sided (exact r x c network algorithm for larger tables).
 * @param table - Counts, rows = groups, columns = levels (2 x 2 for yes/no).
 * @param options - As {@link selectCategoricalTest}, plus `test` to force one.
 * @returns The test, the reason, the p-value and the full result.
 * @throws {TypeError} If a cell is not a number or `test` is unknown.
 * @throws {RangeError} As {@link selectCategoricalTest}.
 * @example
 * compareCounts([[18, 10], [30, 22]]).pValue?.toFixed(3);
 * //=> "0.566"
 * @see R `stats::chisq.test(correct = FALSE)`, `stats::fisher.test`.
 */
export function compareCounts(
  table: readonly (readonly number[])[],
  options: SelectCategoricalTestOptions & { readonly test?: "pearsonChiSquared" | "fisherExact" } = {},
): GroupComparison & { readonly choice: CategoricalTestChoice } {
  const choice = selectCategoricalTest(table, options);
  const forced = options.test === undefined ? undefined : assertOneOf("compareCounts", "options.test", options.test, ["pearsonChiSquared", "fisherExact"] as const);
  if (choice.test === null) return { test: null, reason: choice.reason, pValue: null, choice };
  const test = forced ?? choice.test;
  const reason = forced === undefined ? choice.reason : `${TEST_FOOTNOTES[forced].label} requested (the rule would choose ${TEST_FOOTNOTES[choice.test].label}).`;
  const copy = table.map((r) => [...r]);
  const result = test === "pearsonChiSquared" ? stripExpected(chiSquareTest(copy, { correct: false })) : fisherExactTest(copy);
  return { test, reason, pValue: result.pValue, result, choice };
}

function stripExpected(r: TestResult & { expected?: number[][] }): TestResult {
  const { expected: _e, ...rest } = r;
  void _e;
  return rest;
}

/**
 * Compares a continuous variable between groups: the test chosen by {@link selectContinuousTest}, then run.
 * @param groups - Non-missing values per group.
 * @param options - As {@link selectContinuousTest}.
 * @returns The comparison (p null with the reason when the test is undefined, e.g. every value tied), and
 * the choice (summary, normality).
 * @throws As {@link selectContinuousTest}.
 * @example
 * compareContinuous([[1, 2, 3], [4, 5, 6]], { summary: "median" }).pValue;
 * //=> 0.1
 * @see R `stats::wilcox.test`, `stats::t.test`, `stats::kruskal.test`.
 */
export function compareContinuous(
  groups: readonly (readonly number[])[],
  options: SelectContinuousTestOptions = {},
): GroupComparison & { readonly choice: ContinuousTestChoice } {
  const choice = selectContinuousTest(groups, options);
  const copies = groups.map((g) => [...g]);
  try {
    const result =
      choice.test === "kruskalWallis"
        ? kruskalWallisTest(copies)
        : choice.test === "welchT"
          ? welchTTest(copies[0]!, copies[1]!)
          : wilcoxonRankSumTest(copies[0]!, copies[1]!);
    return { test: choice.test, reason: choice.reason, pValue: result.pValue, result, choice };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { test: null, reason: `${choice.reason} The test is undefined for these data (${e.message})`, pValue: null, choice };
  }
}
