import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import { pairedTTest, summarizeNumeric, wilcoxonSignedRankTest, type TestResult } from "../_lib/stats.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";
import type { DisplayCell, DisplayTable } from "../renderTable/index.js";

const FN = "labTrajectorySummary";

/** One lab value (endpoints' `LabTrajectoryRow` fits: `value: null` = no value in the window). */
export interface LabValueRow {
  readonly patientId: string;
  readonly timepoint: string;
  readonly value: number | null;
  /** Group for split summaries; ignored unless `options.byGroup`. */
  readonly group?: string;
}

/** Options of {@link labTrajectorySummary}. */
export interface LabTrajectorySummaryOptions {
  /** Time point order; default first appearance. */
  readonly timepoints?: readonly string[];
  /** Baseline time point; default the first. */
  readonly baseline?: string;
  /** What the table and figure show: `"mean"` (± SD, default; the paper's Figures 6-7) or `"median"` (Q1, Q3). */
  readonly summary?: "mean" | "median";
  /** Paired test against baseline: `"wilcoxonSignedRank"` (default) or `"pairedT"`. */
  readonly test?: "wilcoxonSignedRank" | "pairedT";
  /** Split by the rows' `group`. Default false (one group, labelled `"All"`). */
  readonly byGroup?: boolean;
  /** Decimals of the summaries. Default 1. */
  readonly digits?: number;
  readonly pValueStyle?: PValueStyle;
  /** Label of the analyte with its unit, for the table caption, e.g. `"CRP (mg/L)"`. */
  readonly label?: string;
}

/** One time point of one group. */
export interface LabTimepointSummary {
  readonly group: string;
  readonly timepoint: string;
  /** Patients with a value. */
  readonly n: number;
  readonly missing: number;
  /** Summary statistics (null when n = 0; sd null when n < 2). */
  readonly mean: number | null;
  readonly sd: number | null;
  readonly median: number | null;
  readonly q1: number | null;
  readonly q3: number | null;
  /** Patients with a value here and at baseline (the paired test's n). */
  readonly nPaired: number;
  /** Test against baseline in the same patients (null at baseline or when undefined: see `reason`). */
  readonly test: "wilcoxonSignedRank" | "pairedT" | null;
  readonly reason: string;
  readonly pValue: number | null;
  readonly result?: TestResult;
}

/** Result of {@link labTrajectorySummary}. */
export interface LabTrajectorySummaryResult {
  readonly groups: string[];
  readonly timepoints: string[];
  readonly baseline: string;
  readonly summary: "mean" | "median";
  readonly points: LabTimepointSummary[];
  readonly table: DisplayTable;
}

/**
 * A lab trajectory: mean ± SD (or median (Q1, Q3)) at each time point and a paired test against baseline
 * in the same patients, as in the paper's Figures 6-7.
 * @remarks Each time point's summary uses every patient with a value there; the test against baseline uses
 * only the patients with a value at both (Wilcoxon signed-rank, zero differences dropped as R does, or the
 * paired t-test). A test that is undefined (fewer than 2 pairs, every difference zero) gives `pValue: null`
 * and says why.
 * @param rows - Lab values per patient and time point (one analyte).
 * @param options - Time points, baseline, summary, test, grouping, digits.
 * @returns Per group and time point the summaries and the test, and a display table.
 * @throws {TypeError} If a field has the wrong type or an option is unknown.
 * @throws {RangeError} If a patient repeats at a time point, a value is negative-infinite/NaN, or the
 * baseline is not a time point.
 * @example
 * const rows = [1, 2, 3, 4, 5].flatMap((v, i) => [
 *   { patientId: `p${i}`, timepoint: "w0", value: 10 * v },
 *   { patientId: `p${i}`, timepoint: "w8", value: 10 * v - 5 - i },
 * ]);
 * const s = labTrajectorySummary(rows);
 * [s.points[1].mean, s.points[1].nPaired, s.points[1].pValue];
 * //=> [23, 5, 0.0625]
 * @see R `stats::wilcox.test(x, y, paired = TRUE)`, `stats::t.test(x, y, paired = TRUE)`.
 */
export function labTrajectorySummary(rows: readonly LabValueRow[], options: LabTrajectorySummaryOptions = {}): LabTrajectorySummaryResult {
  if (!isArray(rows)) throw new TypeError(`${FN}: rows must be an array; got ${describeValue(rows)}.`);
  const summary = assertOneOf(FN, "options.summary", options.summary ?? "mean", ["mean", "median"] as const);
  const testName = assertOneOf(FN, "options.test", options.test ?? "wilcoxonSignedRank", ["wilcoxonSignedRank", "pairedT"] as const);
  const byGroup = options.byGroup === true;
  const digits = options.digits ?? 1;
  const seenT: string[] = [];
  const seenG: string[] = [];
  const values = new Map<string, number | null>();
  const groupOf = new Map<string, string>();
  rows.forEach((r, i) => {
    if (r === null || typeof r !== "object") throw new TypeError(`${FN}: rows[${i}] must be an object; got ${describeValue(r)}.`);
    if (typeof r.patientId !== "string") throw new TypeError(`${FN}: rows[${i}].patientId must be a string; got ${describeValue(r.patientId)}.`);
    if (typeof r.timepoint !== "string") throw new TypeError(`${FN}: rows[${i}].timepoint must be a string; got ${describeValue(r.timepoint)}.`);
    if (r.value !== null && typeof r.value !== "number") throw new TypeError(`${FN}: rows[${i}].value must be a number or null; got ${describeValue(r.value)}.`);
    if (typeof r.value === "number" && !Number.isFinite(r.value)) throw new RangeError(`${FN}: rows[${i}].value must be finite (null for missing); got ${describeValue(r.value)}.`);
    const g = byGroup ? r.group : "All";
    if (typeof g !== "string") throw new TypeError(`${FN}: rows[${i}].group must be a string with byGroup; got ${describeValue(g)}.`);
    const prev = groupOf.get(r.patientId);
    if (prev !== undefined && prev !== g) throw new RangeError(`${FN}: rows[${i}].group must be the patient's one group; got a second group.`);
    groupOf.set(r.patientId, g);
    const key = `${r.patientId}\u0000${r.timepoint}`;
    if (values.has(key)) throw new RangeError(`${FN}: rows[${i}] repeats a patient at time point "${r.timepoint}"; got a duplicate.`);
    values.set(key, r.value);
    if (!seenT.includes(r.timepoint)) seenT.push(r.timepoint);
    if (!seenG.includes(g)) seenG.push(g);
  });
  const timepoints = options.timepoints ? [...options.timepoints] : seenT;
  if (timepoints.length === 0) throw new RangeError(`${FN}: rows must hold at least one time point; got length 0.`);
  const baseline = options.baseline ?? timepoints[0]!;
  if (!timepoints.includes(baseline)) throw new RangeError(`${FN}: options.baseline must be one of the time points; got "${baseline}".`);
  const points: LabTimepointSummary[] = [];
  for (const g of seenG) {
    const patients = [...groupOf.entries()].filter(([, x]) => x === g).map(([p]) => p);
    const at = (p: string, t: string): number | null => values.get(`${p}\u0000${t}`) ?? null;
    for (const t of timepoints) {
      const xs = patients.map((p) => at(p, t)).filter((v): v is number => v !== null);
      const s = xs.length > 0 ? summarizeNumeric(xs.length >= 2 ? xs : [xs[0]!, xs[0]!]) : null;
      const pairs = patients.filter((p) => at(p, t) !== null && at(p, baseline) !== null);
      const base = {
        group: g,
        timepoint: t,
        n: xs.length,
        missing: patients.length - xs.length,
        mean: s?.mean ?? null,
        sd: s !== null && xs.length >= 2 ? s.sd : null,
        median: s?.median ?? null,
        q1: s?.q1 ?? null,
        q3: s?.q3 ?? null,
        nPaired: t === baseline ? 0 : pairs.length,
      };
      if (t === baseline) {
        points.push({ ...base, test: null, reason: "Baseline.", pValue: null });
        continue;
      }
      const x = pairs.map((p) => at(p, t)!);
      const y = pairs.map((p) => at(p, baseline)!);
      const name = testName === "pairedT" ? "paired t-test" : "Wilcoxon signed-rank test";
      try {
        if (pairs.length < 2) throw new RangeError(`${pairs.length} patient${pairs.length === 1 ? "" : "s"} with both values`);
        const result = testName === "pairedT" ? pairedTTest(x, y) : wilcoxonSignedRankTest(x, y);
        points.push({ ...base, test: testName, reason: `${name} against ${baseline} in the ${pairs.length} patients with both values.`, pValue: result.pValue, result });
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        points.push({ ...base, test: null, reason: `${name} against ${baseline} undefined (${e.message}).`, pValue: null });
      }
    }
  }
  const style = options.pValueStyle ?? "paper";
  const show = (p: LabTimepointSummary): string => {
    if (p.n === 0) return "—";
    if (summary === "mean") return p.sd === null ? `${fixed(p.mean!, digits)} (n = ${p.n})` : `${fixed(p.mean!, digits)} ± ${fixed(p.sd, digits)} (n = ${p.n})`;
    return `${fixed(p.median!, digits)} (${fixed(p.q1!, digits)}, ${fixed(p.q3!, digits)}) (n = ${p.n})`;
  };
  const columns: DisplayCell[] = ["Time point", ...seenG.flatMap((g) => [byGroup ? `${g}: ${summary === "mean" ? "mean ± SD" : "median (Q1, Q3)"}` : summary === "mean" ? "Mean ± SD" : "Median (Q1, Q3)", byGroup ? `${g}: p vs ${baseline}` : `p vs ${baseline}`])];
  const body = timepoints.map((t) => ({
    cells: [
      t,
      ...seenG.flatMap((g) => {
        const p = points.find((x) => x.group === g && x.timepoint === t)!;
        return [show(p), p.pValue === null ? "" : formatPValue(p.pValue, { style })];
      }),
    ],
  }));
  const table: DisplayTable = {
    ...(options.label === undefined ? {} : { caption: options.label }),
    columns,
    rows: body,
    footnotes: [`p: ${testName === "pairedT" ? "paired t-test" : "Wilcoxon signed-rank test"} against ${baseline} in the patients with both values.`],
  };
  return { groups: seenG, timepoints, baseline, summary, points, table };
}
