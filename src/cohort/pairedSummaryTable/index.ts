import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import { cochranQTest, friedmanTest, mcnemarTest, pairedTTest, quantile, mean as meanOf, sd as sdOf, wilcoxonSignedRankTest, type TestResult } from "../_lib/stats.js";
import { assertKnownKeys, DISPLAY_OPTION_KEYS, finishSummary, type RawRow, type SummaryDisplayOptions, type SummaryGroup, type SummaryTableResult } from "../_lib/summary.js";
import { percentText } from "../formatPercent/index.js";
import type { TestId } from "../selectTest/index.js";
import type { SummaryValue } from "../summaryTable/index.js";

const FN = "pairedSummaryTable";

/** One variable of {@link pairedSummaryTable}: continuous or yes/no (the tests need pairs). */
export interface PairedSummaryVariable {
  readonly key: string;
  readonly label?: string;
  readonly type: "continuous" | "dichotomous";
  /** Continuous: `"median"` (Q1, Q3) with Wilcoxon signed rank / Friedman (default) or `"mean"` (SD) with the paired t-test (2 times). */
  readonly summary?: "median" | "mean";
  /** Continuous: decimals (0..6). Default 0 for whole numbers whose summaries are whole, else 1; 2 for other data. */
  readonly digits?: number;
  /** Dichotomous: the level counted. Default `true`. */
  readonly value?: SummaryValue;
}

/** Options of {@link pairedSummaryTable}. */
export interface PairedSummaryTableOptions extends SummaryDisplayOptions {
  /** Field identifying the patient. */
  readonly id: string;
  /** Field holding the time point (e.g. `"week"`). */
  readonly time: string;
  /** Time points in order (at least 2); default sorted. */
  readonly times: readonly SummaryValue[];
  /** Display label per time point. */
  readonly timeLabels?: Readonly<Record<string, string>>;
  readonly variables: readonly PairedSummaryVariable[];
  /** Percentage decimals. Default 1. */
  readonly percentDigits?: number;
}

const OPTION_KEYS: readonly string[] = [...DISPLAY_OPTION_KEYS, "id", "time", "times", "timeLabels", "variables", "percentDigits"];

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "number" && Number.isNaN(v));
}

/**
 * A table of the same patients measured at several time points, with paired tests: McNemar (yes/no, 2
 * times), Wilcoxon signed rank or the paired t-test (continuous, 2 times), Cochran's Q (yes/no, 3+ times)
 * and Friedman (continuous, 3+ times).
 * @remarks Rows are long: one per patient and time point. For each variable only the patients with a known
 * value at every time point enter the cells and the test (complete pairs); the others are counted per
 * time point as "Unknown" (never imputed), and `n` says how many patients were paired. McNemar is R's
 * `mcnemar.test` with its continuity correction; the signed rank test is `wilcox.test(paired = TRUE)`
 * (zero differences dropped); Cochran's Q and Friedman as `cochranQTest` and `friedman.test`. A patient
 * with two rows at one time point is an error.
 * @param rows - Long rows (patient, time, values). Not modified.
 * @param options - `id`, `time`, `times`, `variables`, display options.
 * @returns The table (groups = time points), with each row's paired test.
 * @throws {TypeError} If an option is unknown or of the wrong type, or a value has the wrong type.
 * @throws {RangeError} If a field is not in any row, fewer than 2 times are given, or a patient has two rows
 * at one time.
 * @example
 * const rows = [1, 2, 3, 4, 5, 6].flatMap((p) => [{ id: p, wk: 0, rem: p > 5 }, { id: p, wk: 52, rem: p > 1 }]);
 * const t = pairedSummaryTable(rows, { id: "id", time: "wk", times: [0, 52], variables: [{ key: "rem", type: "dichotomous" }] });
 * [t.rows[0].cells, t.rows[0].test, t.rows[0].pValue?.toFixed(4)];
 * //=> [["1 (16.7%)", "5 (83.3%)"], "mcnemar", "0.1336"]
 * @see R `stats::mcnemar.test`, `stats::wilcox.test(paired = TRUE)`, `stats::t.test(paired = TRUE)`,
 *   `stats::friedman.test`; Cochran WG. Biometrika 1950;37(3-4):256-66. doi:10.1093/biomet/37.3-4.256
 */
export function pairedSummaryTable(rows: readonly Readonly<Record<string, unknown>>[], options: PairedSummaryTableOptions): SummaryTableResult {
  if (!isArray(rows)) throw new TypeError(`${FN}: rows must be an array of objects; got ${describeValue(rows)}.`);
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  assertKnownKeys(FN, "options", options, OPTION_KEYS);
  for (const k of ["id", "time"] as const) {
    if (typeof options[k] !== "string") throw new TypeError(`${FN}: options.${k} must be a string; got ${describeValue(options[k])}.`);
    if (rows.length > 0 && !rows.some((r) => Object.prototype.hasOwnProperty.call(r, options[k]))) throw new RangeError(`${FN}: options.${k} is not a field of any row; got "${options[k]}".`);
  }
  if (!isArray(options.times) || options.times.length < 2) throw new RangeError(`${FN}: options.times must list at least 2 time points; got ${describeValue(options.times)}.`);
  if (!isArray(options.variables)) throw new TypeError(`${FN}: options.variables must be an array; got ${describeValue(options.variables)}.`);
  const pd = options.percentDigits ?? 1;
  if (!Number.isInteger(pd) || pd < 0 || pd > 6) throw new RangeError(`${FN}: options.percentDigits must be an integer in 0..6; got ${describeValue(pd)}.`);
  const times = options.times;
  const k = times.length;
  // patient -> time index -> row
  const byPatient = new Map<unknown, (Readonly<Record<string, unknown>> | undefined)[]>();
  rows.forEach((r, i) => {
    const t = times.indexOf(r[options.time] as SummaryValue);
    if (t < 0) return;
    const id = r[options.id];
    if (isMissing(id)) throw new RangeError(`${FN}: rows[${i}].${options.id} is missing; every row needs its patient.`);
    let slots = byPatient.get(id);
    if (slots === undefined) byPatient.set(id, (slots = Array<Readonly<Record<string, unknown>> | undefined>(k).fill(undefined)));
    if (slots[t] !== undefined) throw new RangeError(`${FN}: rows[${i}] repeats a patient at time ${describeValue(times[t])}.`);
    slots[t] = r;
  });
  const patients = [...byPatient.values()];
  const labelOf = (v: SummaryValue): string => {
    const l = options.timeLabels;
    return l !== undefined && Object.prototype.hasOwnProperty.call(l, String(v)) ? String(l[String(v)]) : String(v);
  };
  const groups: SummaryGroup[] = times.map((t, j) => ({ key: String(t), label: labelOf(t), n: patients.filter((s) => s[j] !== undefined).length }));

  const raw: RawRow[] = options.variables.map((v, vi) => {
    const at = `options.variables[${vi}]`;
    if (v === null || typeof v !== "object") throw new TypeError(`${FN}: ${at} must be an object; got ${describeValue(v)}.`);
    assertKnownKeys(FN, at, v, ["key", "label", "type", "summary", "digits", "value"]);
    if (typeof v.key !== "string") throw new TypeError(`${FN}: ${at}.key must be a string; got ${describeValue(v.key)}.`);
    if (!rows.some((r) => Object.prototype.hasOwnProperty.call(r, v.key))) throw new RangeError(`${FN}: ${at}.key is not a field of any row; got "${v.key}".`);
    const type = assertOneOf(FN, `${at}.type`, v.type, ["continuous", "dichotomous"] as const);
    const label = v.label ?? v.key;
    const values = patients.map((s) => s.map((r) => (r === undefined ? undefined : r[v.key])));
    const complete = values.filter((vs) => vs.every((x) => !isMissing(x)));
    const missing = times.map((_, j) => values.filter((vs) => !vs.every((x) => !isMissing(x)) && vs[j] !== undefined).length);
    const n = times.map(() => complete.length);
    let test: TestId | null = null;
    let result: TestResult | undefined;
    let reason: string;
    const run = (id: TestId, f: () => TestResult, why: string): void => {
      try {
        result = f();
        test = id;
        reason = why;
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        reason = `${why} The test is undefined for these data (${e.message})`;
      }
    };
    reason = "Fewer than 2 complete patients: no test.";
    if (type === "continuous") {
      if (v.value !== undefined) throw new TypeError(`${FN}: ${at}.value applies only to dichotomous variables.`);
      const nums = complete.map((vs, p) =>
        vs.map((x) => {
          if (typeof x !== "number" || !Number.isFinite(x)) throw new TypeError(`${FN}: ${v.key} must be finite numbers; got ${describeValue(x)} (patient ${p}).`);
          return x;
        }),
      );
      const summary = v.summary === undefined ? "median" : assertOneOf(FN, `${at}.summary`, v.summary, ["median", "mean"] as const);
      const cols = times.map((_, j) => nums.map((r) => r[j]!));
      const stats = cols.map((c) => (c.length === 0 ? null : { q: quantile(c, [0.25, 0.5, 0.75]) as number[], m: meanOf(c), s: c.length > 1 ? sdOf(c) : null }));
      let digits: number;
      if (v.digits !== undefined) {
        if (!Number.isInteger(v.digits) || v.digits < 0 || v.digits > 6) throw new RangeError(`${FN}: ${at}.digits must be an integer in 0..6; got ${describeValue(v.digits)}.`);
        digits = v.digits;
      } else if (cols.flat().every(Number.isInteger)) {
        digits = summary === "mean" || stats.some((s) => s !== null && s.q.some((x) => !Number.isInteger(x))) ? 1 : 0;
      } else digits = 2;
      const cells = stats.map((s) => {
        if (s === null) return "—";
        if (summary === "mean") return s.s === null ? fixed(s.m, digits) : `${fixed(s.m, digits)} (${fixed(s.s, digits)})`;
        return `${fixed(s.q[1]!, digits)} (${fixed(s.q[0]!, digits)}, ${fixed(s.q[2]!, digits)})`;
      });
      if (nums.length >= 2) {
        if (k >= 3) run("friedman", () => friedmanTest(nums), `${k} time points, complete patients only: Friedman rank sum test.`);
        else if (summary === "mean") run("pairedT", () => pairedTTest(cols[0]!, cols[1]!), "Mean (SD) at 2 time points: paired t-test on complete pairs.");
        else run("wilcoxonSignedRank", () => wilcoxonSignedRankTest(cols[0]!, cols[1]!), "Median (Q1, Q3) at 2 time points: Wilcoxon signed rank test on complete pairs (zero differences dropped).");
      }
      return {
        variable: v.key,
        label,
        kind: "continuous",
        statistic: summary === "mean" ? "mean (SD)" : "median (Q1, Q3)",
        cells,
        n,
        missing,
        nTotal: complete.length,
        digits,
        test,
        reason,
        pValue: (result as TestResult | undefined)?.pValue ?? null,
        ...(result === undefined ? {} : { result }),
      } satisfies RawRow;
    }
    if (v.summary !== undefined || v.digits !== undefined) throw new TypeError(`${FN}: ${at}.${v.summary !== undefined ? "summary" : "digits"} applies only to continuous variables.`);
    const level = v.value ?? true;
    const bin = complete.map((vs) => vs.map((x) => (x === level ? 1 : 0)));
    const counts = times.map((_, j) => bin.filter((r) => r[j] === 1).length);
    if (bin.length >= 2) {
      if (k >= 3) run("cochranQ", () => cochranQTest(bin), `${k} time points, complete patients only: Cochran's Q test.`);
      else {
        const table = [
          [bin.filter((r) => r[0] === 1 && r[1] === 1).length, bin.filter((r) => r[0] === 1 && r[1] === 0).length],
          [bin.filter((r) => r[0] === 0 && r[1] === 1).length, bin.filter((r) => r[0] === 0 && r[1] === 0).length],
        ];
        run("mcnemar", () => mcnemarTest(table), "Yes/no at 2 time points: McNemar's test with continuity correction on complete pairs.");
      }
    }
    return {
      variable: v.key,
      label,
      kind: "dichotomous",
      statistic: "n (%)",
      cells: counts.map((c) => (complete.length === 0 ? `${c} (—)` : `${c} (${percentText(c, complete.length, pd)}%)`)),
      counts,
      n,
      missing,
      nTotal: complete.length,
      test,
      reason,
      pValue: (result as TestResult | undefined)?.pValue ?? null,
      ...(result === undefined ? {} : { result }),
    } satisfies RawRow;
  });
  return finishSummary(FN, groups, raw, 0, options, {
    notes: ["Complete pairs: each variable counts only the patients with a value at every time point (Unknown = patients left out at that time)."],
  });
}
