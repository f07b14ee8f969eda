import { describeValue } from "../../_lib/errors.js";
import { fixed } from "../_lib/round.js";
import { binomialConfInt } from "../_lib/stats.js";
import { assertKnownKeys, type SummaryRow, type SummaryTableResult } from "../_lib/summary.js";
import { percentText } from "../formatPercent/index.js";

const FN = "inlineText";

/** Options of {@link inlineText}. */
export interface InlineTextOptions {
  /** One group (its key, e.g. `"UC"`): that group's figure only. Default: every group, joined by "vs", and the p-value. */
  readonly group?: string;
  /** Categorical variables: the level reported (required for them). */
  readonly level?: string;
  /** Add the 95% confidence interval of a single group's percentage. Default true with `group`. */
  readonly ci?: boolean;
  /** Interval of a percentage: `"wilson"` (default) or `"clopper-pearson"`. */
  readonly ciMethod?: "wilson" | "clopper-pearson";
  /** Confidence level. Default 0.95. */
  readonly confLevel?: number;
}

function percentDigitsOf(cell: string): number {
  const m = /\((\d+)(?:\.(\d+))?%\)/.exec(cell);
  return m?.[2]?.length ?? 0;
}

function pPhrase(row: SummaryRow): string {
  if (row.pText === "") return "";
  return /^[<>]/.test(row.pText) ? `, p ${row.pText[0]} ${row.pText.slice(1)}` : `, p = ${row.pText}`;
}

/**
 * A sentence fragment for the Results section, in the table's own numbers and style.
 * @remarks
 * - Yes/no or a categorical level, one group: `19/28 (67.9%; 95% CI 49.3-82.1)` (Wilson interval unless
 *   `ciMethod: "clopper-pearson"`; percentages with the table's decimals).
 * - All groups: `19/28 (67.9%) vs 30/52 (57.7%), p = 0.566`.
 * - Continuous: `median 34 (Q1-Q3 29-42) vs 51 (38-60), p < 0.001`, or `mean 45.2 (SD 12.1) vs ...`, with
 *   the row's decimals; one group gives its figure alone.
 * p-values are the table's (`pText`), written "p = 0.566" or "p < 0.001".
 * @param table - A result of `summaryTable`.
 * @param variable - The variable key (a row's `variable`).
 * @param options - `group`, `level`, `ci`, `ciMethod`, `confLevel`.
 * @returns The text.
 * @throws {TypeError} If an option is unknown or of the wrong type.
 * @throws {RangeError} If the variable, group or level is not in the table, a categorical variable has no
 * `level`, or the group has no known value.
 * @example
 * const rows = [{ g: "A", y: true }, { g: "A", y: false }, { g: "B", y: true }, { g: "B", y: true }];
 * inlineText(summaryTable(rows, { by: "g", variables: [{ key: "y", type: "dichotomous" }] }), "y", { group: "A" });
 * //=> "1/2 (50.0%; 95% CI 9.5-90.5)"
 * @see Sjoberg DD, et al. R J 2021;13:570-80 (gtsummary's `inline_text`). doi:10.32614/RJ-2021-053
 */
export function inlineText(table: SummaryTableResult, variable: string, options: InlineTextOptions = {}): string {
  if (table === null || typeof table !== "object" || !Array.isArray(table.rows)) throw new TypeError(`${FN}: table must be a summaryTable result; got ${describeValue(table)}.`);
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  assertKnownKeys(FN, "options", options, ["group", "level", "ci", "ciMethod", "confLevel"]);
  const row = table.rows.find((r) => r.variable === variable);
  if (row === undefined) throw new RangeError(`${FN}: variable is not a row of the table; got "${String(variable)}".`);
  let gi: number | null = null;
  if (options.group !== undefined) {
    gi = table.groups.findIndex((g) => g.key === options.group);
    if (gi < 0) throw new RangeError(`${FN}: options.group is not a group of the table; got "${String(options.group)}".`);
  }
  const ci = options.ci ?? gi !== null;
  if (typeof ci !== "boolean") throw new TypeError(`${FN}: options.ci must be a boolean; got ${describeValue(options.ci)}.`);
  const method = options.ciMethod ?? "wilson";
  if (method !== "wilson" && method !== "clopper-pearson") throw new TypeError(`${FN}: options.ciMethod must be "wilson" or "clopper-pearson"; got ${describeValue(method)}.`);
  const confLevel = options.confLevel ?? 0.95;
  if (typeof confLevel !== "number" || !(confLevel > 0 && confLevel < 1)) throw new RangeError(`${FN}: options.confLevel must be strictly between 0 and 1; got ${describeValue(confLevel)}.`);
  const conf = Number((100 * confLevel).toPrecision(6));

  if (row.kind === "continuous") {
    const s = row.summaries;
    const d = row.digits;
    if (s === undefined || d === undefined) throw new RangeError(`${FN}: row "${variable}" has no raw summaries (published counts cannot be phrased).`);
    const isMean = row.statistic !== "median (Q1, Q3)";
    const one = (j: number, first: boolean): string => {
      const x = s[j];
      if (x === null || x === undefined) throw new RangeError(`${FN}: group "${table.groups[j]!.key}" has no known value of ${variable}.`);
      if (isMean) return `${first ? "mean " : ""}${fixed(x.mean, d)}${x.sd === null ? "" : ` (${first ? "SD " : ""}${fixed(x.sd, d)})`}`;
      return `${first ? "median " : ""}${fixed(x.median, d)} (${first ? "Q1-Q3 " : ""}${fixed(x.q1, d)}-${fixed(x.q3, d)})`;
    };
    if (gi !== null) return one(gi, true);
    return `${table.groups.map((_, j) => one(j, j === 0)).join(" vs ")}${pPhrase(row)}`;
  }
  let counts: readonly number[];
  let cells: readonly string[];
  if (row.kind === "categorical") {
    if (options.level === undefined) throw new RangeError(`${FN}: options.level is required for the categorical variable "${variable}".`);
    const lv = row.levels?.find((l) => l.level === options.level);
    if (lv === undefined) throw new RangeError(`${FN}: options.level is not a level of "${variable}"; got "${String(options.level)}".`);
    counts = lv.counts;
    cells = lv.cells;
  } else {
    if (options.level !== undefined) throw new TypeError(`${FN}: options.level applies only to categorical variables.`);
    counts = row.counts ?? row.cells.map((c) => Number(/^(\d+)/.exec(c)?.[1] ?? NaN));
    cells = row.cells;
  }
  const one = (j: number): string => {
    const k = counts[j]!;
    const n = row.n[j]!;
    if (n === 0) throw new RangeError(`${FN}: group "${table.groups[j]!.key}" has no known value of ${variable}.`);
    const pd = percentDigitsOf(cells[j] ?? "");
    const pct = `${percentText(k, n, pd)}%`;
    if (!ci) return `${k}/${n} (${pct})`;
    const [lo, hi] = binomialConfInt(k, n, { method, confLevel });
    return `${k}/${n} (${pct}; ${conf}% CI ${fixed(100 * lo, pd)}-${fixed(100 * hi, pd)})`;
  };
  if (gi !== null) return one(gi);
  return `${table.groups.map((_, j) => one(j)).join(" vs ")}${pPhrase(row)}`;
}
