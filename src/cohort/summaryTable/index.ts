import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import { quantile, mean as meanOf, sd as sdOf } from "../_lib/stats.js";
import { finishSummary, type RawRow, type SummaryDisplayOptions, type SummaryGroup, type SummaryTableResult } from "../_lib/summary.js";
import { percentText } from "../formatPercent/index.js";
import { compareContinuous, compareCounts } from "../selectTest/index.js";

const FN = "summaryTable";

/** A value a Table 1 can group or count by. */
export type SummaryValue = string | number | boolean;

/** One variable of {@link summaryTable}. */
export interface SummaryVariable {
  /** Field of each row. */
  readonly key: string;
  /** Row label; default the key. */
  readonly label?: string;
  /** `continuous` (numbers), `dichotomous` (one level counted, e.g. true) or `categorical` (every level). */
  readonly type: "continuous" | "dichotomous" | "categorical";
  /** Continuous: `"auto"` (Shapiro-Wilk decides, default), `"median"` or `"mean"`. */
  readonly summary?: "auto" | "median" | "mean";
  /** Continuous: decimals; default 0 when every value is an integer, else 1. */
  readonly digits?: number;
  /** Dichotomous: the level counted. Default `true`. */
  readonly value?: SummaryValue;
  /** Categorical: level order (levels not listed follow, sorted). */
  readonly levels?: readonly SummaryValue[];
  /** Force a test instead of the rule (the reason says so). */
  readonly test?: "pearsonChiSquared" | "fisherExact";
}

/** Options of {@link summaryTable}. */
export interface SummaryTableOptions extends SummaryDisplayOptions {
  /** Field holding the group (e.g. `"diagnosis"`). */
  readonly by: string;
  readonly variables: readonly SummaryVariable[];
  /** Group order (values of `by`); default sorted. Groups listed but absent get N = 0 and are an error. */
  readonly groups?: readonly SummaryValue[];
  /** Display label per group value, e.g. `{ UC: "Ulcerative colitis" }`. */
  readonly groupLabels?: Readonly<Record<string, string>>;
  /** Percentage decimals. Default 1. */
  readonly percentDigits?: number;
  /** Shapiro-Wilk level for `summary: "auto"`. Default 0.05. */
  readonly normalityAlpha?: number;
  /** Minimum expected count for Pearson's chi-squared. Default 5. */
  readonly minExpected?: number;
}

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "number" && Number.isNaN(v));
}

function sortValues(values: SummaryValue[]): SummaryValue[] {
  return [...values].sort((a, b) =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "en", { numeric: true }),
  );
}

/**
 * A Table 1 from patient rows, in the spirit of gtsummary's `tbl_summary(by = ...) |> add_p()`.
 * @remarks
 * - Groups: the values of `options.by`; rows with a missing group are left out (`excludedNoGroup`). The
 *   header N of a group counts every patient in it.
 * - Missing values (`undefined`, `null`, `NaN`) of a variable are counted per group and shown as an
 *   "Unknown" line; they are never in a denominator: percentages are of the patients with a known value
 *   (`row.n`), and tests use only the rows complete for both the variable and the group (so expected
 *   counts come from those rows).
 * - Continuous: median (Q1, Q3) (R quantile type 7) with the Wilcoxon rank-sum test, or mean ± SD with
 *   Welch's t-test; per variable or by Shapiro-Wilk in every group ({@link selectContinuousTest}).
 *   Three or more groups: Kruskal-Wallis.
 * - Dichotomous and categorical: n (%) with Pearson's chi-squared without continuity correction when every
 *   expected count is at least 5, otherwise Fisher's exact ({@link selectCategoricalTest}); r x c alike.
 * - Each row carries its test, footnote letter and the reason; p-values use `pValueStyle` (paper default).
 * gtsummary's recent releases use quantile type 2 for quartiles; R's default (and this function's) is 7,
 * so Q1/Q3 can differ in the last digit from a gtsummary table ([definitions §2.4](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)).
 * @param rows - Patient rows (plain objects). Not modified.
 * @param options - `by`, `variables`, and display options.
 * @returns Groups, rows (cells, denominators, missing counts, tests, reasons, p-values), footnotes and the
 * display table.
 * @throws {TypeError} If `rows` is not an array of objects, a continuous value is not a number, a
 * categorical value is not a string, number or boolean, or an option is unknown.
 * @throws {RangeError} If there are fewer than 2 groups, a listed group is empty, a continuous value is
 * infinite, or `digits` is not an integer in 0..6.
 * @example
 * const rows = [{ dx: "UC", male: true }, { dx: "UC", male: false }, { dx: "CD", male: true }, { dx: "CD", male: null }];
 * const t = summaryTable(rows, { by: "dx", groups: ["UC", "CD"], variables: [{ key: "male", type: "dichotomous" }] });
 * [t.rows[0].cells, t.rows[0].n, t.rows[0].missing];
 * //=> [["1 (50.0%)", "1 (100.0%)"], [2, 1], [0, 1]]
 * @see Sjoberg DD, et al. Reproducible summary tables with the gtsummary package. R J 2021;13:570-80. doi:10.32614/RJ-2021-053
 */
export function summaryTable(rows: readonly Readonly<Record<string, unknown>>[], options: SummaryTableOptions): SummaryTableResult {
  if (!isArray(rows)) throw new TypeError(`${FN}: rows must be an array of objects; got ${describeValue(rows)}.`);
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  if (typeof options.by !== "string") throw new TypeError(`${FN}: options.by must be a string; got ${describeValue(options.by)}.`);
  if (!isArray(options.variables)) throw new TypeError(`${FN}: options.variables must be an array; got ${describeValue(options.variables)}.`);
  const by = options.by;
  const pctDigits = options.percentDigits ?? 1;
  rows.forEach((r, i) => {
    if (r === null || typeof r !== "object") throw new TypeError(`${FN}: rows[${i}] must be an object; got ${describeValue(r)}.`);
  });
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
  const order = options.groups ?? sortValues(present);
  if (order.length < 2) throw new RangeError(`${FN}: options.by must give at least 2 groups; got ${order.length}.`);
  const members = order.map((g) => rows.filter((r) => r[by] === g));
  const groups: SummaryGroup[] = order.map((g, j) => {
    if (members[j]!.length === 0) throw new RangeError(`${FN}: options.groups[${j}] has no rows; got ${typeof g === "string" ? `"${g}"` : String(g)}.`);
    return { key: String(g), label: options.groupLabels?.[String(g)] ?? String(g), n: members[j]!.length };
  });
  const unlisted = present.filter((g) => !order.includes(g));
  excludedNoGroup += unlisted.reduce<number>((a, g) => a + rows.filter((r) => r[by] === g).length, 0);

  const raw: RawRow[] = options.variables.map((v, vi) => {
    const at = `options.variables[${vi}]`;
    if (v === null || typeof v !== "object" || typeof v.key !== "string") throw new TypeError(`${FN}: ${at}.key must be a string; got ${describeValue(v?.key)}.`);
    const type = assertOneOf(FN, `${at}.type`, v.type, ["continuous", "dichotomous", "categorical"] as const);
    const label = v.label ?? v.key;
    const values = members.map((m) => m.map((r) => r[v.key]));
    const missing = values.map((vs) => vs.filter(isMissing).length);
    const known = values.map((vs) => vs.filter((x) => !isMissing(x)));
    const n = known.map((k) => k.length);
    if (type === "continuous") {
      const nums = known.map((k, j) =>
        k.map((x, i) => {
          if (typeof x !== "number") throw new TypeError(`${FN}: rows of group ${groups[j]!.label}, ${v.key} must be numbers; got ${describeValue(x)} (known value ${i}).`);
          if (!Number.isFinite(x)) throw new RangeError(`${FN}: rows of group ${groups[j]!.label}, ${v.key} must be finite; got ${x}.`);
          return x;
        }),
      );
      const digits = v.digits ?? (nums.flat().every(Number.isInteger) ? 0 : 1);
      if (!Number.isInteger(digits) || digits < 0 || digits > 6) throw new RangeError(`${FN}: ${at}.digits must be an integer in 0..6; got ${describeValue(digits)}.`);
      const testable = nums.filter((g) => g.length > 0).length >= 2 && nums.every((g) => g.length > 0);
      const summaryOpt = v.summary ?? "auto";
      const cmp = testable
        ? compareContinuous(nums, { summary: summaryOpt, ...(options.normalityAlpha === undefined ? {} : { normalityAlpha: options.normalityAlpha }) })
        : null;
      const summary = cmp?.choice.summary ?? (summaryOpt === "mean" ? "mean" : "median");
      const cells = nums.map((g) => {
        if (g.length === 0) return "—";
        if (summary === "mean") return g.length < 2 ? `${fixed(meanOf(g), digits)}` : `${fixed(meanOf(g), digits)} ± ${fixed(sdOf(g), digits)}`;
        const [q1, med, q3] = quantile(g, [0.25, 0.5, 0.75]) as number[];
        return `${fixed(med!, digits)} (${fixed(q1!, digits)}, ${fixed(q3!, digits)})`;
      });
      return {
        variable: v.key,
        label,
        kind: "continuous",
        statistic: summary === "mean" ? "mean ± SD" : "median (Q1, Q3)",
        cells,
        n,
        missing,
        test: cmp?.test ?? null,
        reason: cmp?.reason ?? "A group has no known value: no test.",
        pValue: cmp?.pValue ?? null,
        ...(cmp?.result === undefined ? {} : { result: cmp.result }),
      } satisfies RawRow;
    }
    known.forEach((k, j) =>
      k.forEach((x) => {
        if (typeof x !== "string" && typeof x !== "number" && typeof x !== "boolean") throw new TypeError(`${FN}: rows of group ${groups[j]!.label}, ${v.key} must be strings, numbers or booleans; got ${describeValue(x)}.`);
      }),
    );
    const kv = known as SummaryValue[][];
    const force = v.test === undefined ? {} : { test: v.test };
    const minE = options.minExpected === undefined ? {} : { minExpected: options.minExpected };
    const pct = (c: number, j: number): string => (n[j] === 0 ? `${c} (—)` : `${c} (${percentText(c, n[j]!, pctDigits)}%)`);
    if (type === "dichotomous") {
      const level = v.value ?? true;
      const counts = kv.map((k) => k.filter((x) => x === level).length);
      const cmp = compareCounts(counts.map((c, j) => [c, n[j]! - c]), { ...force, ...minE });
      return {
        variable: v.key,
        label,
        kind: "dichotomous",
        statistic: "n (%)",
        cells: counts.map(pct),
        n,
        missing,
        test: cmp.test,
        reason: cmp.reason,
        pValue: cmp.pValue,
        ...(cmp.result === undefined ? {} : { result: cmp.result }),
      } satisfies RawRow;
    }
    const seen: SummaryValue[] = [];
    for (const x of kv.flat()) if (!seen.includes(x)) seen.push(x);
    const listed = v.levels ?? [];
    const levels = [...listed, ...sortValues(seen.filter((x) => !listed.includes(x)))];
    const counts = levels.map((l) => kv.map((k) => k.filter((x) => x === l).length));
    // contingency table rows = groups, columns = observed levels (levels listed but never seen add nothing)
    const observed = levels.map((_, li) => li).filter((li) => counts[li]!.some((c) => c > 0));
    const table = groups.map((_, j) => observed.map((li) => counts[li]![j]!));
    const cmp =
      observed.length >= 2
        ? compareCounts(table, { ...force, ...minE })
        : { test: null, reason: "Fewer than 2 levels observed: no test.", pValue: null };
    return {
      variable: v.key,
      label,
      kind: "categorical",
      statistic: "n (%)",
      cells: [],
      levels: levels.map((l, li) => ({ level: String(l), counts: counts[li]!, cells: counts[li]!.map(pct) })),
      n,
      missing,
      test: cmp.test,
      reason: cmp.reason,
      pValue: cmp.pValue,
      ...("result" in cmp && cmp.result !== undefined ? { result: cmp.result } : {}),
    } satisfies RawRow;
  });
  return finishSummary(FN, groups, raw, excludedNoGroup, options);
}
