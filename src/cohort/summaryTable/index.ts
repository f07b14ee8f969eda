import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { meanConfInt, medianConfInt } from "../_lib/intervals.js";
import { exactAt, guessDigits } from "../_lib/numberFormat.js";
import { fixed } from "../_lib/round.js";
import {
  binomialConfInt,
  kruskalWallisTest,
  quantile,
  mean as meanOf,
  sd as sdOf,
  standardizedMeanDifference,
  twoProportionTest,
  welchTTest,
  wilcoxonRankSumTest,
  type BinomialConfIntMethod,
  type PAdjustMethod,
  type TestResult,
} from "../_lib/stats.js";
import {
  assertKnownKeys,
  DISPLAY_OPTION_KEYS,
  finishSummary,
  type ContinuousCellSummary,
  type RawRow,
  type SummaryDifference,
  type SummaryDisplayOptions,
  type SummaryExtras,
  type SummaryGroup,
  type SummaryLevel,
  type SummaryTableResult,
} from "../_lib/summary.js";
import { percentText } from "../formatPercent/index.js";
import { compareContinuous, compareCounts, TEST_FOOTNOTES, type GroupComparison, type TestId } from "../selectTest/index.js";

const FN = "summaryTable";

/** A value a Table 1 can group or count by. */
export type SummaryValue = string | number | boolean;

/** How a continuous variable is summarised: median (Q1, Q3), mean (SD), or chosen by Shapiro-Wilk. */
export type ContinuousSummaryChoice = "median" | "mean" | "auto";

/** Tests a variable can ask for instead of the default. */
export type SummaryTestChoice = "wilcoxonRankSum" | "welchT" | "kruskalWallis" | "pearsonChiSquared" | "fisherExact";

/** One variable of {@link summaryTable}. */
export interface SummaryVariable {
  /** Field of each row (must be a field of at least one row). */
  readonly key: string;
  /** Row label; default the key. */
  readonly label?: string;
  /** `continuous` (numbers), `dichotomous` (one level counted, e.g. true) or `categorical` (every level). */
  readonly type: "continuous" | "dichotomous" | "categorical";
  /** Continuous: `"median"` (Q1, Q3), `"mean"` (SD), or `"auto"` (Shapiro-Wilk decides). Default: the table's `continuousSummary`. */
  readonly summary?: ContinuousSummaryChoice;
  /** Continuous: decimals of the summaries (0..6). Default chosen by magnitude (see {@link summaryTable}). */
  readonly digits?: number;
  /** Dichotomous: the level counted. Default `true`. */
  readonly value?: SummaryValue;
  /** Categorical: level order (levels not listed follow, sorted). */
  readonly levels?: readonly SummaryValue[];
  /**
   * Force a test instead of the default: continuous `"wilcoxonRankSum"`, `"welchT"` (2 groups) or
   * `"kruskalWallis"`; dichotomous/categorical `"pearsonChiSquared"` or `"fisherExact"`. The reason says so.
   */
  readonly test?: SummaryTestChoice;
}

/** Confidence-interval columns of {@link summaryTable}. */
export interface SummaryCiOptions {
  /** Interval of a percentage: `"wilson"` (default, R `prop.test(correct = FALSE)`) or `"clopper-pearson"` (`binom.test`). */
  readonly proportion?: "wilson" | "clopper-pearson";
  /** Confidence level, default 0.95. */
  readonly confLevel?: number;
}

/** Options of {@link summaryTable}. */
export interface SummaryTableOptions extends SummaryDisplayOptions {
  /** Field holding the group (e.g. `"diagnosis"`). */
  readonly by: string;
  /** Label of the grouping variable, shown as a header spanning the group columns. */
  readonly byLabel?: string;
  readonly variables: readonly SummaryVariable[];
  /** Group order (values of `by`); default sorted. A listed group without rows is an error. */
  readonly groups?: readonly SummaryValue[];
  /** Display label per group value, e.g. `{ UC: "Ulcerative colitis" }`. */
  readonly groupLabels?: Readonly<Record<string, string>>;
  /** Summary of continuous variables for the whole table: `"median"` (default, gtsummary), `"mean"` or `"auto"`. */
  readonly continuousSummary?: ContinuousSummaryChoice;
  /** How mean and SD print: `"parentheses"` → `45.2 (12.1)` (default, gtsummary) or `"plusMinus"` → `45.2 ± 12.1`. */
  readonly meanStyle?: "parentheses" | "plusMinus";
  /** Percentage decimals for every percentage of the table. Default 1. */
  readonly percentDigits?: number;
  /** Shapiro-Wilk level for `summary: "auto"`. Default 0.05. */
  readonly normalityAlpha?: number;
  /** Minimum expected count for Pearson's chi-squared. Default 5. */
  readonly minExpected?: number;
  /** Between-group tests and the p-value column. Default true. */
  readonly pValues?: boolean;
  /** Add an overall column (all grouped patients): `true`/`"first"` before the groups, `"last"` after. Default false. */
  readonly overall?: boolean | "first" | "last";
  /** Label of the overall column. Default `"Overall"`. */
  readonly overallLabel?: string;
  /** Add an N column: patients with a known value, all groups together (gtsummary `add_n`). Default false. */
  readonly nColumn?: boolean;
  /** Add a confidence-interval column after each group (and overall) column. Default false. */
  readonly ci?: boolean | SummaryCiOptions;
  /**
   * Two groups only: add the difference group 1 − group 2 with its confidence interval (continuous: mean
   * difference, Welch `t.test`; dichotomous: difference in proportions, `prop.test` with continuity
   * correction; categorical: none, see `smd`). Default false.
   */
  readonly difference?: boolean;
  /** Two groups only: add the standardised mean difference, group 1 vs group 2. Default false. */
  readonly smd?: boolean;
  /** Add q-values: the p column adjusted by `pAdjust` (`true` = `"BH"`, false discovery rate). Default none. */
  readonly qValues?: boolean | PAdjustMethod;
}

const OPTION_KEYS: readonly string[] = [
  ...DISPLAY_OPTION_KEYS,
  "by",
  "byLabel",
  "variables",
  "groups",
  "groupLabels",
  "continuousSummary",
  "meanStyle",
  "percentDigits",
  "normalityAlpha",
  "minExpected",
  "pValues",
  "overall",
  "overallLabel",
  "nColumn",
  "ci",
  "difference",
  "smd",
  "qValues",
];
const VARIABLE_KEYS: readonly string[] = ["key", "label", "type", "summary", "digits", "value", "levels", "test"];
const P_ADJUST: readonly PAdjustMethod[] = ["bonferroni", "holm", "hochberg", "hommel", "BH", "BY", "fdr", "none"];

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "number" && Number.isNaN(v));
}

function sortValues(values: SummaryValue[]): SummaryValue[] {
  return [...values].sort((a, b) =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "en", { numeric: true }),
  );
}

function showValue(v: unknown): string {
  return typeof v === "string" ? `"${v}"` : describeValue(v);
}

function boolOption(name: string, v: unknown): boolean {
  if (v === undefined) return false;
  if (typeof v !== "boolean") throw new TypeError(`${FN}: options.${name} must be a boolean; got ${describeValue(v)}.`);
  return v;
}

function own(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Two-sided p-value of a continuous comparison, or the reason it is undefined. */
function runContinuous(test: "wilcoxonRankSum" | "welchT" | "kruskalWallis", groups: number[][], reason: string): GroupComparison {
  try {
    const result: TestResult =
      test === "kruskalWallis" ? kruskalWallisTest(groups) : test === "welchT" ? welchTTest(groups[0]!, groups[1]!) : wilcoxonRankSumTest(groups[0]!, groups[1]!);
    return { test, reason, pValue: result.pValue, result };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { test: null, reason: `${reason} The test is undefined for these data (${e.message})`, pValue: null };
  }
}

/**
 * A Table 1 from patient rows, as gtsummary's `tbl_summary(by = ...) |> add_p()` prints it, with the
 * columns researchers add (overall, N, confidence intervals, differences, SMD, q-values).
 * @remarks
 * - Groups: the values of `options.by`; rows with a missing group are left out (`excludedNoGroup`). The
 *   header N of a group counts every patient in it.
 * - Missing values (`undefined`, `null`, `NaN`) of a variable are counted per group and shown as an
 *   "Unknown" line; they are never in a denominator: percentages are of the patients with a known value
 *   (`row.n`), and tests use only the rows complete for both the variable and the group.
 * - Continuous (default, as gtsummary): median (Q1, Q3) (R quantile type 7) with the Wilcoxon rank-sum test
 *   (2 groups) or Kruskal-Wallis (3+). `summary: "mean"` (per variable, or `continuousSummary` for the
 *   table) gives mean (SD) with Welch's t-test (2 groups; Kruskal-Wallis for 3+); `"auto"` lets Shapiro-Wilk
 *   in every group choose ({@link selectContinuousTest}). `test` forces a test.
 * - Dichotomous and categorical: n (%) with Pearson's chi-squared without continuity correction when every
 *   expected count is at least 5, otherwise Fisher's exact ({@link selectCategoricalTest}); r x c alike.
 * - Digits: continuous summaries use `digits` when given; otherwise whole-number data print whole numbers
 *   unless a median or quartile is not whole (then one decimal for the row: a median of 1.5 prints 1.5),
 *   means and SDs of whole numbers print one decimal, and other data take decimals from the spread of the
 *   5th-95th percentiles (gtsummary's guess: < 0.01: 4, < 0.1: 3, < 10: 2, < 20: 1, else 0). Percentages
 *   use `percentDigits` (1) everywhere in the table, rounded half up.
 * - Footnote letters follow the first use of each test (a, b, c, ...), as gtsummary; `footnoteLetters:
 *   "fixed"` keeps the paper's a-e.
 * - Confidence intervals (`ci`): percentages by Wilson (or Clopper-Pearson); means by the t interval
 *   (`t.test`); medians by order statistics (the exact binomial interval [x(l), x(n-l+1)] with l the
 *   smallest k where P(Binomial(n, 1/2) <= k) >= alpha/2; "—" when n is too small for the level).
 * - `difference`, `smd` (two groups): group 1 − group 2; the SMD is {@link standardizedMeanDifference}.
 * - `qValues`: {@link stats!pAdjust} over the rows that have a p-value.
 * gtsummary's recent releases use quantile type 2 for quartiles; R's default (and this function's) is 7,
 * so Q1/Q3 can differ in the last digit from a gtsummary table ([definitions §2.4](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)).
 * @param rows - Patient rows (plain objects). Not modified.
 * @param options - `by`, `variables`, columns and display options.
 * @returns Groups, rows (cells, denominators, missing counts, tests, reasons, p-values, extra columns),
 * footnotes and the display table.
 * @throws {TypeError} If `rows` is not an array of objects, an option or a variable option is unknown or of
 * the wrong type, a continuous value is not a number, a categorical value is not a string, number or boolean,
 * or a forced test does not fit the variable.
 * @throws {RangeError} If `by` or a variable key is not a field of any row, there are fewer than 2 groups,
 * a listed group is empty, a continuous value is infinite, `digits` is not an integer in 0..6, or
 * `difference`/`smd` is asked with other than 2 groups.
 * @example
 * const rows = [{ dx: "UC", male: true }, { dx: "UC", male: false }, { dx: "CD", male: true }, { dx: "CD", male: null }];
 * const t = summaryTable(rows, { by: "dx", groups: ["UC", "CD"], variables: [{ key: "male", type: "dichotomous" }] });
 * [t.rows[0].cells, t.rows[0].n, t.rows[0].missing];
 * //=> [["1 (50.0%)", "1 (100.0%)"], [2, 1], [0, 1]]
 * @see Sjoberg DD, et al. Reproducible summary tables with the gtsummary package. R J 2021;13:570-80. doi:10.32614/RJ-2021-053
 */
export function summaryTable(rows: readonly Readonly<Record<string, unknown>>[], options: SummaryTableOptions): SummaryTableResult {
  if (!isArray(rows)) throw new TypeError(`${FN}: rows must be an array of objects; got ${describeValue(rows)}.`);
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  assertKnownKeys(FN, "options", options, OPTION_KEYS);
  if (typeof options.by !== "string") throw new TypeError(`${FN}: options.by must be a string; got ${describeValue(options.by)}.`);
  if (!isArray(options.variables)) throw new TypeError(`${FN}: options.variables must be an array; got ${describeValue(options.variables)}.`);
  rows.forEach((r, i) => {
    if (r === null || typeof r !== "object" || Array.isArray(r)) throw new TypeError(`${FN}: rows[${i}] must be an object; got ${describeValue(r)}.`);
  });
  const by = options.by;
  if (rows.length > 0 && !rows.some((r) => own(r, by))) throw new RangeError(`${FN}: options.by is not a field of any row; got "${by}".`);
  const pctDigits = options.percentDigits ?? 1;
  if (!Number.isInteger(pctDigits) || pctDigits < 0 || pctDigits > 6) throw new RangeError(`${FN}: options.percentDigits must be an integer in 0..6; got ${describeValue(pctDigits)}.`);
  const tableSummary = assertOneOf(FN, "options.continuousSummary", options.continuousSummary ?? "median", ["median", "mean", "auto"] as const);
  const meanStyle = assertOneOf(FN, "options.meanStyle", options.meanStyle ?? "parentheses", ["parentheses", "plusMinus"] as const);
  const withP = options.pValues === undefined ? true : boolOption("pValues", options.pValues);
  const overallPos: "first" | "last" | null =
    options.overall === undefined || options.overall === false
      ? null
      : options.overall === true
        ? "first"
        : assertOneOf(FN, "options.overall", options.overall, ["first", "last"] as const);
  if (options.overallLabel !== undefined && typeof options.overallLabel !== "string") throw new TypeError(`${FN}: options.overallLabel must be a string; got ${describeValue(options.overallLabel)}.`);
  if (options.byLabel !== undefined && typeof options.byLabel !== "string") throw new TypeError(`${FN}: options.byLabel must be a string; got ${describeValue(options.byLabel)}.`);
  const nColumn = boolOption("nColumn", options.nColumn);
  const wantDiff = boolOption("difference", options.difference);
  const wantSmd = boolOption("smd", options.smd);
  let ciOpt: { method: BinomialConfIntMethod; confLevel: number } | null = null;
  if (options.ci !== undefined && options.ci !== false) {
    const c: SummaryCiOptions = options.ci === true ? {} : options.ci;
    if (c === null || typeof c !== "object") throw new TypeError(`${FN}: options.ci must be a boolean or an object; got ${describeValue(options.ci)}.`);
    assertKnownKeys(FN, "options.ci", c, ["proportion", "confLevel"]);
    const method = assertOneOf(FN, "options.ci.proportion", c.proportion ?? "wilson", ["wilson", "clopper-pearson"] as const);
    const confLevel = c.confLevel ?? 0.95;
    if (typeof confLevel !== "number" || !(confLevel > 0 && confLevel < 1)) throw new RangeError(`${FN}: options.ci.confLevel must be strictly between 0 and 1; got ${describeValue(confLevel)}.`);
    ciOpt = { method, confLevel };
  }
  const qMethod: PAdjustMethod | undefined =
    options.qValues === undefined || options.qValues === false ? undefined : options.qValues === true ? "BH" : assertOneOf(FN, "options.qValues", options.qValues, P_ADJUST);
  if (options.groupLabels !== undefined && (options.groupLabels === null || typeof options.groupLabels !== "object")) {
    throw new TypeError(`${FN}: options.groupLabels must be an object; got ${describeValue(options.groupLabels)}.`);
  }

  let excludedNoGroup = 0;
  const present: SummaryValue[] = [];
  for (const [i, r] of rows.entries()) {
    const g = r[by];
    if (isMissing(g)) {
      excludedNoGroup++;
      continue;
    }
    if (typeof g !== "string" && typeof g !== "number" && typeof g !== "boolean") throw new TypeError(`${FN}: rows[${i}].${by} must be a string, number or boolean; got ${describeValue(g)}.`);
    if (!present.includes(g)) present.push(g);
  }
  if (options.groups !== undefined && !isArray(options.groups)) throw new TypeError(`${FN}: options.groups must be an array; got ${describeValue(options.groups)}.`);
  const order = options.groups ?? sortValues(present);
  if (order.length < 2) throw new RangeError(`${FN}: options.by must give at least 2 groups; got ${order.length}.`);
  if ((wantDiff || wantSmd) && order.length !== 2) throw new RangeError(`${FN}: options.${wantDiff ? "difference" : "smd"} needs exactly 2 groups; got ${order.length}.`);
  const members = order.map((g) => rows.filter((r) => r[by] === g));
  const label = (g: SummaryValue): string => {
    const gl = options.groupLabels;
    if (gl !== undefined && own(gl, String(g))) {
      const v: unknown = gl[String(g)];
      if (typeof v !== "string") throw new TypeError(`${FN}: options.groupLabels.${String(g)} must be a string; got ${describeValue(v)}.`);
      return v;
    }
    return String(g);
  };
  const groups: SummaryGroup[] = order.map((g, j) => {
    if (members[j]!.length === 0) throw new RangeError(`${FN}: options.groups[${j}] has no rows; got ${showValue(g)}.`);
    return { key: String(g), label: label(g), n: members[j]!.length };
  });
  const unlisted = present.filter((g) => !order.includes(g));
  excludedNoGroup += unlisted.reduce<number>((a, g) => a + rows.filter((r) => r[by] === g).length, 0);
  const allMembers = members.flat();

  const pct = (c: number, n: number): string => (n === 0 ? `${c} (—)` : `${c} (${percentText(c, n, pctDigits)}%)`);
  const pctOf = (v: number): string => `${fixed(100 * v, pctDigits)}%`;
  const propCi = (c: number, n: number): string => {
    if (ciOpt === null || n === 0) return "—";
    const [lo, hi] = binomialConfInt(c, n, { method: ciOpt.method, confLevel: ciOpt.confLevel });
    return `${pctOf(lo)}, ${pctOf(hi)}`;
  };
  const diffNotes = new Set<string>();

  const raw: RawRow[] = options.variables.map((v, vi) => {
    const at = `options.variables[${vi}]`;
    if (v === null || typeof v !== "object" || Array.isArray(v)) throw new TypeError(`${FN}: ${at} must be an object; got ${describeValue(v)}.`);
    assertKnownKeys(FN, at, v, VARIABLE_KEYS);
    if (typeof v.key !== "string") throw new TypeError(`${FN}: ${at}.key must be a string; got ${describeValue(v.key)}.`);
    if (!rows.some((r) => own(r, v.key))) throw new RangeError(`${FN}: ${at}.key is not a field of any row; got "${v.key}".`);
    if (v.label !== undefined && typeof v.label !== "string") throw new TypeError(`${FN}: ${at}.label must be a string; got ${describeValue(v.label)}.`);
    const type = assertOneOf(FN, `${at}.type`, v.type, ["continuous", "dichotomous", "categorical"] as const);
    const rowLabel = v.label ?? v.key;
    const values = members.map((m) => m.map((r) => r[v.key]));
    const missing = values.map((vs) => vs.filter(isMissing).length);
    const known = values.map((vs) => vs.filter((x) => !isMissing(x)));
    const n = known.map((k) => k.length);
    const nTotal = n.reduce((a, b) => a + b, 0);
    if (type === "continuous") {
      if (v.value !== undefined || v.levels !== undefined) throw new TypeError(`${FN}: ${at}.${v.value !== undefined ? "value" : "levels"} applies only to dichotomous or categorical variables.`);
      const nums = known.map((k, j) =>
        k.map((x) => {
          if (typeof x !== "number") throw new TypeError(`${FN}: rows of group ${groups[j]!.label}, ${v.key} must be numbers; got ${describeValue(x)}.`);
          if (!Number.isFinite(x)) throw new RangeError(`${FN}: rows of group ${groups[j]!.label}, ${v.key} must be finite; got ${x}.`);
          return x;
        }),
      );
      const summaryOpt = v.summary === undefined ? tableSummary : assertOneOf(FN, `${at}.summary`, v.summary, ["median", "mean", "auto"] as const);
      const forced = v.test === undefined ? undefined : assertOneOf(FN, `${at}.test`, v.test, ["wilcoxonRankSum", "welchT", "kruskalWallis"] as const);
      if (forced !== undefined && forced !== "kruskalWallis" && groups.length !== 2) throw new RangeError(`${FN}: ${at}.test "${forced}" needs exactly 2 groups; got ${groups.length}.`);
      const testable = withP && nums.every((g) => g.length > 0);
      let cmp: GroupComparison | null = null;
      let summary: "median" | "mean" = summaryOpt === "mean" ? "mean" : "median";
      if (summaryOpt === "auto" && nums.every((g) => g.length > 0)) {
        const auto = compareContinuous(nums, options.normalityAlpha === undefined ? {} : { normalityAlpha: options.normalityAlpha });
        summary = auto.choice.summary;
        if (testable) cmp = forced === undefined ? auto : runContinuous(forced, nums, `${TEST_FOOTNOTES[forced].label} requested (${auto.reason})`);
      } else if (testable) {
        const test: TestId = forced ?? (groups.length >= 3 ? "kruskalWallis" : summary === "mean" ? "welchT" : "wilcoxonRankSum");
        const reason =
          forced !== undefined
            ? `${TEST_FOOTNOTES[forced].label} requested.`
            : groups.length >= 3
              ? `${groups.length} groups: Kruskal-Wallis rank sum test (summary ${summary === "mean" ? "mean (SD)" : "median (Q1, Q3)"}).`
              : summary === "mean"
                ? "Summary mean (SD) requested: Welch Two Sample t-test."
                : "Median (Q1, Q3) with the Wilcoxon rank sum test (the default, as gtsummary).";
        cmp = runContinuous(test as "wilcoxonRankSum" | "welchT" | "kruskalWallis", nums, reason);
      }
      const summarize = (g: readonly number[]): ContinuousCellSummary | null => {
        if (g.length === 0) return null;
        const [q1, med, q3] = quantile([...g], [0.25, 0.5, 0.75]) as number[];
        return { n: g.length, median: med!, q1: q1!, q3: q3!, mean: meanOf([...g]), sd: g.length > 1 ? sdOf([...g]) : null };
      };
      const summaries = nums.map(summarize);
      const overallNums = nums.flat();
      const overallSummary = summarize(overallNums);
      let digits: number;
      if (v.digits !== undefined) {
        if (typeof v.digits !== "number" || !Number.isInteger(v.digits) || v.digits < 0 || v.digits > 6) throw new RangeError(`${FN}: ${at}.digits must be an integer in 0..6; got ${describeValue(v.digits)}.`);
        digits = v.digits;
      } else if (overallNums.length > 0 && overallNums.every(Number.isInteger)) {
        const shown = [...summaries, overallSummary].flatMap((s) => (s === null ? [] : summary === "mean" ? [s.mean] : [s.median, s.q1, s.q3]));
        digits = summary === "mean" ? 1 : exactAt(shown, 0) ? 0 : 1;
      } else digits = guessDigits(overallNums);
      const cell = (s: ContinuousCellSummary | null): string => {
        if (s === null) return "—";
        if (summary === "mean") {
          if (s.sd === null) return `${fixed(s.mean, digits)}`;
          return meanStyle === "plusMinus" ? `${fixed(s.mean, digits)} ± ${fixed(s.sd, digits)}` : `${fixed(s.mean, digits)} (${fixed(s.sd, digits)})`;
        }
        return `${fixed(s.median, digits)} (${fixed(s.q1, digits)}, ${fixed(s.q3, digits)})`;
      };
      const ciCell = (g: readonly number[]): string => {
        if (ciOpt === null) return "";
        const ci = summary === "mean" ? meanConfInt(g, ciOpt.confLevel) : medianConfInt([...g].sort((a, b) => a - b), ciOpt.confLevel);
        return ci === null ? "—" : `${fixed(ci[0], digits)}, ${fixed(ci[1], digits)}`;
      };
      let difference: SummaryDifference | null | undefined;
      if (wantDiff) {
        difference = null;
        if (nums[0]!.length >= 2 && nums[1]!.length >= 2) {
          try {
            const r = welchTTest(nums[0]!, nums[1]!, { confLevel: ciOpt?.confLevel ?? 0.95 });
            const ci = r.confInt!;
            difference = { estimate: r.estimate!, confInt: [ci[0], ci[1]], method: "Welch Two Sample t-test", text: `${fixed(r.estimate!, digits)} (${fixed(ci[0], digits)}, ${fixed(ci[1], digits)})` };
            diffNotes.add("Difference of continuous variables: mean difference with the Welch t interval.");
          } catch (e) {
            if (!(e instanceof RangeError)) throw e;
          }
        }
      }
      const smd = wantSmd ? (nums[0]!.length >= 2 && nums[1]!.length >= 2 ? standardizedMeanDifference(nums[0]!, nums[1]!).smd : null) : undefined;
      return {
        variable: v.key,
        label: rowLabel,
        kind: "continuous",
        statistic: summary === "mean" ? (meanStyle === "plusMinus" ? "mean ± SD" : "mean (SD)") : "median (Q1, Q3)",
        cells: summaries.map(cell),
        n,
        missing,
        nTotal,
        digits,
        summaries,
        test: cmp?.test ?? null,
        reason: !withP ? "No tests asked (pValues: false)." : (cmp?.reason ?? "A group has no known value: no test."),
        pValue: cmp?.pValue ?? null,
        ...(cmp?.result === undefined ? {} : { result: cmp.result }),
        ...(overallPos === null ? {} : { overall: cell(overallSummary) }),
        ...(ciOpt === null ? {} : { ci: nums.map((g) => (g.length === 0 ? "—" : ciCell(g))), ...(overallPos === null ? {} : { overallCi: overallNums.length === 0 ? "—" : ciCell(overallNums) }) }),
        ...(difference === undefined ? {} : { difference }),
        ...(smd === undefined ? {} : { smd }),
      } satisfies RawRow;
    }
    if (v.summary !== undefined || v.digits !== undefined) throw new TypeError(`${FN}: ${at}.${v.summary !== undefined ? "summary" : "digits"} applies only to continuous variables.`);
    known.forEach((k, j) =>
      k.forEach((x) => {
        if (typeof x !== "string" && typeof x !== "number" && typeof x !== "boolean") throw new TypeError(`${FN}: rows of group ${groups[j]!.label}, ${v.key} must be strings, numbers or booleans; got ${describeValue(x)}.`);
      }),
    );
    const kv = known as SummaryValue[][];
    const forcedTest = v.test === undefined ? undefined : assertOneOf(FN, `${at}.test`, v.test, ["pearsonChiSquared", "fisherExact"] as const);
    const force = forcedTest === undefined ? {} : { test: forcedTest };
    const minE = options.minExpected === undefined ? {} : { minExpected: options.minExpected };
    if (type === "dichotomous") {
      if (v.levels !== undefined) throw new TypeError(`${FN}: ${at}.levels applies only to categorical variables (use value).`);
      const level = v.value ?? true;
      const counts = kv.map((k) => k.filter((x) => x === level).length);
      const cmp = withP ? compareCounts(counts.map((c, j) => [c, n[j]! - c]), { ...force, ...minE }) : null;
      const total = counts.reduce((a, b) => a + b, 0);
      let difference: SummaryDifference | null | undefined;
      if (wantDiff) {
        difference = null;
        if (n[0]! > 0 && n[1]! > 0 && total > 0 && total < nTotal) {
          const r = twoProportionTest([counts[0]!, counts[1]!], [n[0]!, n[1]!], { confLevel: ciOpt?.confLevel ?? 0.95 });
          const ci = r.confInt!;
          difference = { estimate: r.estimate!, confInt: [ci[0], ci[1]], method: r.method, text: `${pctOf(r.estimate!)} (${pctOf(ci[0])}, ${pctOf(ci[1])})` };
          diffNotes.add("Difference of percentages: percentage points with the Wald interval with continuity correction (R prop.test).");
        }
      }
      const smd = wantSmd
        ? n[0]! > 0 && n[1]! > 0
          ? standardizedMeanDifference(
              kv[0]!.map((x) => (x === level ? 1 : 0)),
              kv[1]!.map((x) => (x === level ? 1 : 0)),
              { type: "binary" },
            ).smd
          : null
        : undefined;
      return {
        variable: v.key,
        label: rowLabel,
        kind: "dichotomous",
        statistic: "n (%)",
        cells: counts.map((c, j) => pct(c, n[j]!)),
        counts,
        n,
        missing,
        nTotal,
        test: cmp?.test ?? null,
        reason: cmp === null ? "No tests asked (pValues: false)." : cmp.reason,
        pValue: cmp?.pValue ?? null,
        ...(cmp?.result === undefined ? {} : { result: cmp.result }),
        ...(overallPos === null ? {} : { overall: pct(total, nTotal) }),
        ...(ciOpt === null ? {} : { ci: counts.map((c, j) => propCi(c, n[j]!)), ...(overallPos === null ? {} : { overallCi: propCi(total, nTotal) }) }),
        ...(difference === undefined ? {} : { difference }),
        ...(smd === undefined ? {} : { smd }),
      } satisfies RawRow;
    }
    if (v.value !== undefined) throw new TypeError(`${FN}: ${at}.value applies only to dichotomous variables.`);
    if (v.levels !== undefined && !isArray(v.levels)) throw new TypeError(`${FN}: ${at}.levels must be an array; got ${describeValue(v.levels)}.`);
    const seen: SummaryValue[] = [];
    for (const x of kv.flat()) if (!seen.includes(x)) seen.push(x);
    const listed = v.levels ?? [];
    const levels = [...listed, ...sortValues(seen.filter((x) => !listed.includes(x)))];
    const counts = levels.map((l) => kv.map((k) => k.filter((x) => x === l).length));
    // contingency table rows = groups, columns = observed levels (levels listed but never seen add nothing)
    const observed = levels.map((_, li) => li).filter((li) => counts[li]!.some((c) => c > 0));
    const table = groups.map((_, j) => observed.map((li) => counts[li]![j]!));
    const cmp: GroupComparison | null = !withP
      ? null
      : observed.length >= 2
        ? compareCounts(table, { ...force, ...minE })
        : { test: null, reason: "Fewer than 2 levels observed: no test.", pValue: null };
    const smd = wantSmd ? (n[0]! > 0 && n[1]! > 0 ? standardizedMeanDifference(kv[0]!.map(String), kv[1]!.map(String), { type: "categorical" }).smd : null) : undefined;
    const levelRows: SummaryLevel[] = levels.map((l, li) => {
      const c = counts[li]!;
      const total = c.reduce((a, b) => a + b, 0);
      return {
        level: String(l),
        counts: c,
        cells: c.map((x, j) => pct(x, n[j]!)),
        ...(overallPos === null ? {} : { overall: pct(total, nTotal) }),
        ...(ciOpt === null ? {} : { ci: c.map((x, j) => propCi(x, n[j]!)), ...(overallPos === null ? {} : { overallCi: propCi(total, nTotal) }) }),
      };
    });
    return {
      variable: v.key,
      label: rowLabel,
      kind: "categorical",
      statistic: "n (%)",
      cells: [],
      levels: levelRows,
      n,
      missing,
      nTotal,
      test: cmp?.test ?? null,
      reason: cmp === null ? "No tests asked (pValues: false)." : cmp.reason,
      pValue: cmp?.pValue ?? null,
      ...(cmp?.result === undefined ? {} : { result: cmp.result }),
      ...(wantDiff ? { difference: null } : {}),
      ...(smd === undefined ? {} : { smd }),
    } satisfies RawRow;
  });
  const conf = ciOpt === null ? 95 : Number((100 * ciOpt.confLevel).toPrecision(6));
  const extras: SummaryExtras = {
    ...(overallPos === null ? {} : { overall: { label: options.overallLabel ?? "Overall", n: allMembers.length, position: overallPos } }),
    nColumn,
    ...(ciOpt === null
      ? {}
      : {
          ci: {
            header: `${conf}% CI`,
            note: `CI, confidence interval: percentages by ${ciOpt.method === "wilson" ? "Wilson's score method" : "the Clopper-Pearson exact method"}; medians by order statistics (exact binomial); means by the t distribution.`,
          },
        }),
    ...(wantDiff ? { difference: { header: `Difference (${conf}% CI)` } } : {}),
    smd: wantSmd,
    ...(qMethod === undefined ? {} : { qValues: qMethod }),
    pValues: withP,
    ...(options.byLabel === undefined ? {} : { spanner: options.byLabel }),
    notes: [...diffNotes],
  };
  return finishSummary(FN, groups, raw, excludedNoGroup, options, extras);
}
