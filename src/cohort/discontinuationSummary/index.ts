import { describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { groupPatients } from "../_lib/groups.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";
import { percentText } from "../formatPercent/index.js";
import type { DisplayCell, DisplayRow, DisplayTable } from "../renderTable/index.js";
import { compareCounts, TEST_FOOTNOTES, type GroupComparison } from "../selectTest/index.js";

const FN = "discontinuationSummary";

/** One patient's treatment status (from the treatment course: `discontinuation` present or not). */
export interface DiscontinuationRow {
  readonly patientId: string;
  readonly group: string;
  readonly discontinued: boolean;
  /** Reason when discontinued (e.g. `"lackOfEfficacy"`, `"surgery"`); absent or null = not recorded. */
  readonly reason?: string | null;
}

/** Options of {@link discontinuationSummary}. */
export interface DiscontinuationSummaryOptions {
  readonly groups?: readonly string[];
  /** Display labels of reasons, e.g. `{ lackOfEfficacy: "Lack of efficacy" }`. */
  readonly reasonLabels?: Readonly<Record<string, string>>;
  /** Overall column label; `null` leaves it out. Default `"Overall"`. */
  readonly overallLabel?: string | null;
  readonly percentDigits?: number;
  readonly pValueStyle?: PValueStyle;
  readonly caption?: string;
}

/** Result of {@link discontinuationSummary}. */
export interface DiscontinuationSummaryResult {
  readonly groups: { readonly group: string; readonly n: number; readonly discontinued: number }[];
  readonly n: number;
  readonly discontinued: number;
  /** Per reason (sorted by overall count, then name): count overall and per group. `"notRecorded"` when missing. */
  readonly reasons: { readonly reason: string; readonly overall: number; readonly counts: number[] }[];
  /** Discontinued vs not, between groups ({@link compareCounts}); null with one group. */
  readonly comparison: GroupComparison | null;
  readonly table: DisplayTable;
}

/**
 * Treatment discontinuation per group: n (%), reasons, and the between-group test.
 * @remarks Denominator: every patient of the group. The test is chosen by {@link compareCounts}; with the
 * paper's counts (UC 2/28, CD 11/52) the expected discontinuations in UC are 4.55 < 5, so Fisher's exact
 * test, p = 0.125 (Table 1; the Results' 0.108 does not reproduce, [definitions §2.4](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)).
 * @param rows - One row per patient.
 * @param options - Groups, reason labels, overall column, digits, style.
 * @returns Counts, reasons, the comparison and a display table.
 * @throws {TypeError} If a field has the wrong type.
 * @throws {RangeError} If a patient id repeats or a listed group has no patients.
 * @example
 * const rows = [
 *   ...Array.from({ length: 28 }, (_, i) => ({ patientId: `u${i}`, group: "UC", discontinued: i < 2 })),
 *   ...Array.from({ length: 52 }, (_, i) => ({ patientId: `c${i}`, group: "CD", discontinued: i < 11 })),
 * ];
 * const s = discontinuationSummary(rows);
 * [s.discontinued, s.comparison?.test, formatPValue(s.comparison?.pValue ?? 1)];
 * //=> [13, "fisherExact", "0.125"]
 * @see Mao Y, et al. Efficacy and Safety of Upadacitinib for Refractory IBD. Drug Des Devel Ther 2025 (Table 1, Figure 8).
 */
export function discontinuationSummary(rows: readonly DiscontinuationRow[], options: DiscontinuationSummaryOptions = {}): DiscontinuationSummaryResult {
  if (!isArray(rows)) throw new TypeError(`${FN}: rows must be an array; got ${describeValue(rows)}.`);
  rows.forEach((r, i) => {
    if (r === null || typeof r !== "object" || typeof r.discontinued !== "boolean") throw new TypeError(`${FN}: rows[${i}].discontinued must be a boolean; got ${describeValue(r?.discontinued)}.`);
    if (r.reason !== undefined && r.reason !== null && typeof r.reason !== "string") throw new TypeError(`${FN}: rows[${i}].reason must be a string or null; got ${describeValue(r.reason)}.`);
  });
  const { groups, size } = groupPatients(FN, rows, options.groups);
  const inGroups = rows.filter((r) => groups.includes(r.group));
  const stopped = inGroups.filter((r) => r.discontinued);
  const perGroup = groups.map((g) => ({ group: g, n: size.get(g)!, discontinued: stopped.filter((r) => r.group === g).length }));
  const n = perGroup.reduce((a, g) => a + g.n, 0);
  const reasonKeys = [...new Set(stopped.map((r) => r.reason ?? "notRecorded"))];
  const reasons = reasonKeys
    .map((reason) => {
      const rs = stopped.filter((r) => (r.reason ?? "notRecorded") === reason);
      return { reason, overall: rs.length, counts: groups.map((g) => rs.filter((r) => r.group === g).length) };
    })
    .sort((a, b) => b.overall - a.overall || a.reason.localeCompare(b.reason));
  const comparison = groups.length >= 2 ? compareCounts(perGroup.map((g) => [g.discontinued, g.n - g.discontinued])) : null;
  const digits = options.percentDigits ?? 1;
  const overallLabel = options.overallLabel === undefined ? "Overall" : options.overallLabel;
  const style = options.pValueStyle ?? "paper";
  const pc = (k: number, d: number): string => `${k} (${d === 0 ? "—" : percentText(k, d, digits)}%)`;
  const columns: DisplayCell[] = ["", ...(overallLabel === null ? [] : [`${overallLabel}\nN = ${n}`]), ...perGroup.map((g) => `${g.group}\nN = ${g.n}`), "p-value"];
  const p: DisplayCell =
    comparison === null || comparison.test === null || comparison.pValue === null ? "" : { text: formatPValue(comparison.pValue, { style }), sup: TEST_FOOTNOTES[comparison.test].letter };
  const body: DisplayRow[] = [
    { cells: ["Discontinued", ...(overallLabel === null ? [] : [pc(stopped.length, n)]), ...perGroup.map((g) => pc(g.discontinued, g.n)), p] },
    ...reasons.map((r) => ({
      cells: [options.reasonLabels?.[r.reason] ?? r.reason, ...(overallLabel === null ? [] : [pc(r.overall, n)]), ...r.counts.map((c, j) => pc(c, perGroup[j]!.n)), ""],
      indent: 1,
    })),
  ];
  const notes = ["n (%) of every patient of the column; reasons as recorded."];
  if (comparison?.test) notes.push(`${TEST_FOOTNOTES[comparison.test].letter} ${TEST_FOOTNOTES[comparison.test].label}`);
  return {
    groups: perGroup,
    n,
    discontinued: stopped.length,
    reasons,
    comparison,
    table: { ...(options.caption === undefined ? {} : { caption: options.caption }), columns, rows: body, footnotes: notes },
  };
}
