import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import { binomialConfInt, cochranQTest, type TestResult } from "../_lib/stats.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";
import { percentText } from "../formatPercent/index.js";
import type { DisplayCell, DisplayRow, DisplayTable } from "../renderTable/index.js";
import { ESTIMANDS, ESTIMAND_LABELS, type Estimand } from "../estimands/index.js";
import { compareCounts, TEST_FOOTNOTES, type GroupComparison } from "../selectTest/index.js";

const FN = "outcomeRates";

/** An endpoint status, as the endpoint classifiers return it. */
export type OutcomeStatus = "met" | "not-met" | "not-evaluable";

/**
 * One patient's status for one endpoint at one time point: the plain row that an endpoint timeline
 * maps onto (`{ patientId, group: patient.diagnosis, timepoint, status: result.status }`).
 */
export interface OutcomeStatusRow {
  readonly patientId: string;
  /** Group (diagnosis, or any field). */
  readonly group: string;
  /** Time point key; align different schedules first (UC w8 and CD w12 → `"induction"`). */
  readonly timepoint: string;
  readonly status: OutcomeStatus;
}

/** Options of {@link outcomeRates}. */
export interface OutcomeRatesOptions {
  /** Time point order; default first appearance. Listed time points must occur. */
  readonly timepoints?: readonly string[];
  /** Group order; default first appearance. */
  readonly groups?: readonly string[];
  /**
   * `"cohort"` (default, the paper's rule, non-responder imputation): every patient of the group is in the
   * denominator at every time point; `not-evaluable` and absent rows count as not met.
   * `"evaluable"` (observed case): only `met`/`not-met` rows count.
   */
  readonly denominator?: "cohort" | "evaluable";
  /** Group sizes for the `"cohort"` denominator when some patients have no row at all (they count as not met). */
  readonly groupSizes?: Readonly<Record<string, number>>;
  /** `"wilson"` (default) or `"clopper-pearson"`. */
  readonly ciMethod?: "wilson" | "clopper-pearson";
  /** Default 0.95. */
  readonly confLevel?: number;
  /** Add a pooled group with this label (e.g. `"All"`); not in the between-group tests. */
  readonly overall?: string;
  /** Percentage decimals. Default 1. */
  readonly percentDigits?: number;
  /** p-value style of the display table. Default `"paper"`. */
  readonly pValueStyle?: PValueStyle;
  /** Caption of the display table. */
  readonly caption?: string;
  /**
   * The estimand that produced the rows (rows from `applyEstimand`), named in the result and the footnote.
   * Rows of an estimand already carry its decisions, so the denominator must be `"evaluable"` (the default
   * when an estimand is given): left-out rows are `not-evaluable`.
   */
  readonly estimand?: Estimand;
  /** Display names of time points in the table, e.g. `{ induction: "Week 8/12" }`. */
  readonly timepointLabels?: Readonly<Record<string, string>>;
}

/** One rate: group × time point. */
export interface OutcomeRate {
  readonly group: string;
  readonly timepoint: string;
  readonly events: number;
  readonly denominator: number;
  /** Patients of the group not evaluable (or without a row) at this time point. */
  readonly notEvaluable: number;
  /** events / denominator × 100 (unrounded). */
  readonly percent: number;
  /** One decimal, half-up from the integers (29/80 → "36.3"). */
  readonly percentText: string;
  /** Confidence interval of the proportion (0-1). */
  readonly confInt: [number, number];
}

/** Change across time points within a group (same patients): Cochran's Q. */
export interface AcrossTimeTest {
  readonly group: string;
  /** Patients in the test (all under `"cohort"`; those evaluable at every time point under `"evaluable"`). */
  readonly n: number;
  readonly test: "cochranQ" | null;
  readonly reason: string;
  readonly pValue: number | null;
  readonly result?: TestResult;
}

/** Result of {@link outcomeRates}. */
export interface OutcomeRatesResult {
  readonly groups: { readonly group: string; readonly n: number }[];
  readonly timepoints: string[];
  readonly rates: OutcomeRate[];
  readonly acrossTime: AcrossTimeTest[];
  /** Per time point, the groups compared by the rule of {@link compareCounts}. */
  readonly betweenGroups: (GroupComparison & { readonly timepoint: string })[];
  readonly ciMethod: "wilson" | "clopper-pearson";
  readonly confLevel: number;
  readonly denominator: "cohort" | "evaluable";
  /** The estimand named by the caller (`options.estimand`), or `null`. */
  readonly estimand: Estimand | null;
  readonly table: DisplayTable;
}

/**
 * Outcome rates per group and time point with confidence intervals, change across time (Cochran's Q) and
 * between-group comparisons: the numbers behind the paper's Figure 5.
 * @remarks Denominators follow `denominator`: `"cohort"` uses every patient of the group at every time
 * point (the paper: 28/52/80; not evaluable = not met), `"evaluable"` only the evaluable. Percentages are
 * rounded half-up from the integers. Intervals: Wilson score without continuity correction (R
 * `prop.test(correct = FALSE)$conf.int`) or Clopper-Pearson (`binom.test`). Across time: Cochran's Q on the
 * patients × time points 0/1 matrix (under `"evaluable"` only patients evaluable at every time point).
 * Between groups: per time point the groups × (met, not met) table goes to {@link compareCounts}
 * (chi-squared without correction when all expected counts ≥ 5, else Fisher).
 * @param rows - One row per patient, endpoint and time point (one endpoint per call).
 * @param options - See {@link OutcomeRatesOptions}.
 * @returns Rates, tests with reasons, and a display table (time points × groups).
 * @throws {TypeError} If `rows` is not an array or a field has the wrong type, or an option is unknown.
 * @throws {RangeError} If a patient has two rows at one time point or rows in two groups, a listed group
 * or time point does not occur, a group size is smaller than its patients, or `confLevel` is outside (0, 1).
 * @example
 * const rows = [
 *   { patientId: "1", group: "UC", timepoint: "w8", status: "met" },
 *   { patientId: "2", group: "UC", timepoint: "w8", status: "not-evaluable" },
 * ];
 * const r = outcomeRates(rows).rates[0];
 * [r.events, r.denominator, r.percentText];
 * //=> [1, 2, "50.0"]
 * @see Cochran WG. The comparison of percentages in matched samples. Biometrika 1950;37:256-66. doi:10.1093/biomet/37.3-4.256
 * @see Wilson EB. J Am Stat Assoc 1927;22:209-12. doi:10.1080/01621459.1927.10502953 (`stats::prop.test`)
 */
export function outcomeRates(rows: readonly OutcomeStatusRow[], options: OutcomeRatesOptions = {}): OutcomeRatesResult {
  if (!isArray(rows)) throw new TypeError(`${FN}: rows must be an array; got ${describeValue(rows)}.`);
  const estimand = options.estimand === undefined ? null : assertOneOf(FN, "options.estimand", options.estimand, ESTIMANDS);
  const denominator = assertOneOf(FN, "options.denominator", options.denominator ?? (estimand === null ? "cohort" : "evaluable"), ["cohort", "evaluable"] as const);
  if (estimand !== null && denominator !== "evaluable") {
    throw new RangeError(`${FN}: options.denominator must be "evaluable" with options.estimand (the estimand's rows already decide who counts); got "${denominator}".`);
  }
  const ciMethod = assertOneOf(FN, "options.ciMethod", options.ciMethod ?? "wilson", ["wilson", "clopper-pearson"] as const);
  const confLevel = options.confLevel ?? 0.95;
  if (typeof confLevel !== "number" || !(confLevel > 0 && confLevel < 1)) throw new RangeError(`${FN}: options.confLevel must be in (0, 1); got ${describeValue(confLevel)}.`);
  const digits = options.percentDigits ?? 1;
  const groupOf = new Map<string, string>();
  const status = new Map<string, OutcomeStatus>(); // `${patient}\u0000${timepoint}`
  const seenGroups: string[] = [];
  const seenTimes: string[] = [];
  rows.forEach((r, i) => {
    if (r === null || typeof r !== "object") throw new TypeError(`${FN}: rows[${i}] must be an object; got ${describeValue(r)}.`);
    for (const f of ["patientId", "group", "timepoint"] as const) {
      if (typeof r[f] !== "string") throw new TypeError(`${FN}: rows[${i}].${f} must be a string; got ${describeValue(r[f])}.`);
    }
    assertOneOf(FN, `rows[${i}].status`, r.status, ["met", "not-met", "not-evaluable"] as const);
    const prev = groupOf.get(r.patientId);
    if (prev !== undefined && prev !== r.group) throw new RangeError(`${FN}: rows[${i}].group must be the patient's one group; got a second group for the patient of rows[${i}].`);
    groupOf.set(r.patientId, r.group);
    const key = `${r.patientId}\u0000${r.timepoint}`;
    if (status.has(key)) throw new RangeError(`${FN}: rows[${i}] repeats a patient at time point "${r.timepoint}"; got a duplicate.`);
    status.set(key, r.status);
    if (!seenGroups.includes(r.group)) seenGroups.push(r.group);
    if (!seenTimes.includes(r.timepoint)) seenTimes.push(r.timepoint);
  });
  const groupNames = options.groups ? [...options.groups] : seenGroups;
  const times = options.timepoints ? [...options.timepoints] : seenTimes;
  groupNames.forEach((g, j) => {
    if (!seenGroups.includes(g)) throw new RangeError(`${FN}: options.groups[${j}] does not occur in rows; got "${g}".`);
  });
  times.forEach((t, j) => {
    if (!seenTimes.includes(t)) throw new RangeError(`${FN}: options.timepoints[${j}] does not occur in rows; got "${t}".`);
  });
  const patientsOf = (g: string): string[] => [...groupOf.entries()].filter(([, gg]) => gg === g).map(([p]) => p);
  interface G { group: string; patients: string[]; n: number }
  const gs: G[] = groupNames.map((g) => {
    const patients = patientsOf(g);
    const size = options.groupSizes?.[g];
    if (size !== undefined && (!Number.isInteger(size) || size < patients.length)) {
      throw new RangeError(`${FN}: options.groupSizes.${g} must be an integer >= the ${patients.length} patients with rows; got ${describeValue(size)}.`);
    }
    return { group: g, patients, n: size ?? patients.length };
  });
  if (options.overall !== undefined) {
    if (typeof options.overall !== "string") throw new TypeError(`${FN}: options.overall must be a string; got ${describeValue(options.overall)}.`);
    gs.push({ group: options.overall, patients: gs.flatMap((g) => g.patients), n: gs.reduce((a, g) => a + g.n, 0) });
  }
  const st = (p: string, t: string): OutcomeStatus | undefined => status.get(`${p}\u0000${t}`);
  const rates: OutcomeRate[] = [];
  for (const g of gs) {
    for (const t of times) {
      const events = g.patients.filter((p) => st(p, t) === "met").length;
      const evaluable = g.patients.filter((p) => st(p, t) === "met" || st(p, t) === "not-met").length;
      const den = denominator === "cohort" ? g.n : evaluable;
      rates.push({
        group: g.group,
        timepoint: t,
        events,
        denominator: den,
        notEvaluable: g.n - evaluable,
        percent: den === 0 ? 0 : (100 * events) / den,
        percentText: den === 0 ? "—" : percentText(events, den, digits),
        confInt: den === 0 ? [0, 1] : binomialConfInt(events, den, { method: ciMethod, confLevel }),
      });
    }
  }
  const acrossTime: AcrossTimeTest[] = gs.map((g) => {
    if (times.length < 2) return { group: g.group, n: g.n, test: null, reason: "Fewer than 2 time points: no test across time.", pValue: null };
    const used = denominator === "cohort" ? g.patients : g.patients.filter((p) => times.every((t) => st(p, t) === "met" || st(p, t) === "not-met"));
    const extra = denominator === "cohort" ? g.n - g.patients.length : 0;
    const matrix = [...used.map((p) => times.map((t) => (st(p, t) === "met" ? 1 : 0))), ...Array.from({ length: extra }, () => times.map(() => 0))];
    const n = matrix.length;
    const who = denominator === "cohort" ? `all ${n} patients (not evaluable = not met)` : `${n} patients evaluable at all ${times.length} time points`;
    try {
      if (n < 2) throw new RangeError("fewer than 2 patients");
      const result = cochranQTest(matrix);
      return { group: g.group, n, test: "cochranQ", reason: `Cochran's Q on ${who}, ${times.length} time points.`, pValue: result.pValue, result };
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      return { group: g.group, n, test: null, reason: `Cochran's Q undefined on ${who} (${e.message}).`, pValue: null };
    }
  });
  const compared = gs.slice(0, groupNames.length);
  const betweenGroups = times.map((t) => {
    if (compared.length < 2) return { timepoint: t, test: null, reason: "One group: nothing to compare.", pValue: null };
    const table = compared.map((g) => {
      const r = rates.find((x) => x.group === g.group && x.timepoint === t)!;
      return [r.events, r.denominator - r.events];
    });
    return { timepoint: t, ...compareCounts(table) };
  });
  const style = options.pValueStyle ?? "paper";
  const pct = (x: number): string => fixed(100 * x, digits);
  const columns: DisplayCell[] = ["Time point", ...gs.map((g) => `${g.group}\nN = ${g.n}`), "p (between groups)"];
  const body: DisplayRow[] = times.map((t) => {
    const cells = gs.map((g) => {
      const r = rates.find((x) => x.group === g.group && x.timepoint === t)!;
      return `${r.events}/${r.denominator} (${r.percentText}%)\n${pct(r.confInt[0])}–${pct(r.confInt[1])}`;
    });
    const b = betweenGroups.find((x) => x.timepoint === t)!;
    const p: DisplayCell = b.pValue === null || b.test === null ? "" : { text: formatPValue(b.pValue, { style }), sup: TEST_FOOTNOTES[b.test].letter };
    return { cells: [options.timepointLabels?.[t] ?? t, ...cells, compared.length >= 2 ? p : ""] };
  });
  body.push({ cells: ["p across time (Cochran's Q)", ...acrossTime.map((a) => (a.pValue === null ? "" : formatPValue(a.pValue, { style }))), ""] });
  const usedTests = [...new Set(betweenGroups.map((b) => b.test).filter((x): x is NonNullable<typeof x> => x !== null))].sort();
  const table: DisplayTable = {
    ...(options.caption === undefined ? {} : { caption: options.caption }),
    columns,
    rows: body,
    footnotes: [
      `n/N (%) and ${Math.round(confLevel * 100)}% CI (${ciMethod === "wilson" ? "Wilson" : "Clopper-Pearson"}); ${
        estimand === null
          ? `denominator: ${denominator === "cohort" ? "every patient of the group (not evaluable = not met)" : "evaluable patients"}`
          : `estimand: ${ESTIMAND_LABELS[estimand]} (denominator: the patients the estimand counts)`
      }.`,
      ...usedTests.map((t) => `${TEST_FOOTNOTES[t].letter} ${TEST_FOOTNOTES[t].label}`),
    ],
  };
  return { groups: gs.map((g) => ({ group: g.group, n: g.n })), timepoints: times, rates, acrossTime, betweenGroups, ciMethod, confLevel, denominator, estimand, table };
}
