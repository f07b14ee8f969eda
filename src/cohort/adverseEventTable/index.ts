import { describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { groupPatients, type PatientGroup } from "../_lib/groups.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";
import { percentText } from "../formatPercent/index.js";
import type { DisplayCell, DisplayRow, DisplayTable } from "../renderTable/index.js";
import { compareCounts, TEST_FOOTNOTES, type GroupComparison } from "../selectTest/index.js";

const FN = "adverseEventTable";

/** An adverse event as the table needs it (the models' `AdverseEvent` fits). */
export interface AdverseEventRow {
  readonly patientId: string;
  readonly category: string;
}

/** A category line of the table; `section` puts it under a heading (Table 4: "Hematological"). */
export interface AdverseEventCategory {
  readonly category: string;
  readonly label: string;
  readonly section?: string;
}

/** Options of {@link adverseEventTable}. */
export interface AdverseEventTableOptions {
  /** Lines in order; default every category that occurs, in first-appearance order, labelled by its key. */
  readonly categories?: readonly AdverseEventCategory[];
  /** Group order. Default first appearance in `patients`. */
  readonly groups?: readonly string[];
  /** Label of the overall column; `null` leaves it out. Default `"Overall"`. */
  readonly overallLabel?: string | null;
  /** Add a first line "Any adverse event" (patients with at least one event). Default true. */
  readonly anyEvent?: boolean;
  /** Percentage decimals of the overall column (the paper's Table 4 uses 2 for /80). Default 1. */
  readonly overallPercentDigits?: number;
  /** Percentage decimals of the group columns. Default 1. */
  readonly percentDigits?: number;
  /** Between-group tests. Default true. */
  readonly tests?: boolean;
  readonly pValueStyle?: PValueStyle;
  readonly caption?: string;
}

/** One line of the adverse-event table. */
export interface AdverseEventLine {
  readonly category: string | null;
  readonly label: string;
  readonly section?: string;
  /** Patients with at least one event of the category. */
  readonly overall: number;
  /** Per group, in group order. */
  readonly counts: number[];
  /** Events (not patients), overall. */
  readonly events: number;
  readonly comparison: GroupComparison | null;
}

/** Result of {@link adverseEventTable}. */
export interface AdverseEventTableResult {
  readonly groups: { readonly group: string; readonly n: number }[];
  readonly n: number;
  readonly lines: AdverseEventLine[];
  readonly table: DisplayTable;
}

/**
 * The adverse-event table in the shape of the paper's Table 4: per category the number of patients with at
 * least one event, n (%) overall and per group, and the between-group test.
 * @remarks Counts are patients, not events (a patient with two acne events counts once; `events` keeps
 * the event count). Denominators are every patient in the group (N in the header). The test per line is
 * chosen by {@link compareCounts} (Pearson without correction when all expected ≥ 5, else Fisher); a line
 * with no event in any group has no test. Table 4 prints /80 with two decimals (7/80 = 8.75%): pass
 * `overallPercentDigits: 2` to match.
 * @param patients - Every patient at risk with their group.
 * @param events - Adverse events (patientId, category).
 * @param options - Categories and sections, groups, overall column, digits, tests.
 * @returns Lines and the display table.
 * @throws {TypeError} If an argument has the wrong type.
 * @throws {RangeError} If an event's patient is not in `patients`, a patient id repeats, or a listed group
 * has no patients.
 * @example
 * const patients = [{ patientId: "1", group: "UC" }, { patientId: "2", group: "CD" }, { patientId: "3", group: "CD" }];
 * const t = adverseEventTable(patients, [{ patientId: "2", category: "acne" }, { patientId: "2", category: "acne" }], { tests: false });
 * [t.lines[1].label, t.lines[1].overall, t.lines[1].events, t.table.rows[1].cells];
 * //=> ["acne", 1, 2, ["acne", "1 (33.3%)", "0 (0.0%)", "1 (50.0%)"]]
 * @see Mao Y, et al. Efficacy and Safety of Upadacitinib for Refractory IBD. Drug Des Devel Ther 2025 (Table 4).
 */
export function adverseEventTable(patients: readonly PatientGroup[], events: readonly AdverseEventRow[], options: AdverseEventTableOptions = {}): AdverseEventTableResult {
  const { groups, groupOf, size } = groupPatients(FN, patients, options.groups);
  if (!isArray(events)) throw new TypeError(`${FN}: events must be an array; got ${describeValue(events)}.`);
  events.forEach((e, i) => {
    if (e === null || typeof e !== "object" || typeof e.category !== "string") throw new TypeError(`${FN}: events[${i}].category must be a string; got ${describeValue(e?.category)}.`);
    if (typeof e.patientId !== "string") throw new TypeError(`${FN}: events[${i}].patientId must be a string; got ${describeValue(e.patientId)}.`);
    if (!groupOf.has(e.patientId)) throw new RangeError(`${FN}: events[${i}].patientId must be one of the patients; got an unknown id.`);
  });
  const included = events.filter((e) => groups.includes(groupOf.get(e.patientId)!));
  const cats: AdverseEventCategory[] = options.categories
    ? [...options.categories]
    : [...new Set(included.map((e) => e.category))].map((c) => ({ category: c, label: c }));
  const n = groups.reduce((a, g) => a + size.get(g)!, 0);
  const withTests = options.tests ?? true;
  const line = (category: string | null, label: string, pick: (e: AdverseEventRow) => boolean, section?: string): AdverseEventLine => {
    const evs = included.filter(pick);
    const who = new Set(evs.map((e) => e.patientId));
    const counts = groups.map((g) => [...who].filter((p) => groupOf.get(p) === g).length);
    const comparison = withTests && groups.length >= 2 ? compareCounts(counts.map((c, j) => [c, size.get(groups[j]!)! - c])) : null;
    return { category, label, ...(section === undefined ? {} : { section }), overall: who.size, counts, events: evs.length, comparison };
  };
  const lines: AdverseEventLine[] = [];
  if (options.anyEvent ?? true) lines.push(line(null, "Any adverse event", () => true));
  for (const c of cats) lines.push(line(c.category, c.label, (e) => e.category === c.category, c.section));

  const overallLabel = options.overallLabel === undefined ? "Overall" : options.overallLabel;
  const od = options.overallPercentDigits ?? 1;
  const gd = options.percentDigits ?? 1;
  const style = options.pValueStyle ?? "paper";
  const columns: DisplayCell[] = ["Adverse event", ...(overallLabel === null ? [] : [`${overallLabel}\nN = ${n}`]), ...groups.map((g) => `${g}\nN = ${size.get(g)}`)];
  if (withTests) columns.push("p-value");
  const rows: DisplayRow[] = [];
  let section: string | undefined;
  const used = new Set<string>();
  for (const l of lines) {
    if (l.section !== undefined && l.section !== section) rows.push({ cells: [l.section, ...columns.slice(1).map(() => "")] });
    section = l.section;
    const cells: DisplayCell[] = [l.label];
    if (overallLabel !== null) cells.push(`${l.overall} (${n === 0 ? "—" : percentText(l.overall, n, od)}%)`);
    l.counts.forEach((c, j) => cells.push(`${c} (${percentText(c, size.get(groups[j]!)!, gd)}%)`));
    if (withTests) {
      const cmp = l.comparison;
      if (cmp === null || cmp.test === null || cmp.pValue === null) cells.push("");
      else {
        used.add(cmp.test);
        cells.push({ text: formatPValue(cmp.pValue, { style }), sup: TEST_FOOTNOTES[cmp.test].letter });
      }
    }
    rows.push(l.section === undefined ? { cells } : { cells, indent: 1 });
  }
  const notes = ["n (%) of patients with at least one event; denominators: every patient of the column."];
  for (const t of [...used].sort()) notes.push(`${TEST_FOOTNOTES[t as keyof typeof TEST_FOOTNOTES].letter} ${TEST_FOOTNOTES[t as keyof typeof TEST_FOOTNOTES].label}`);
  const table: DisplayTable = { ...(options.caption === undefined ? {} : { caption: options.caption }), columns, rows, footnotes: notes };
  return { groups: groups.map((g) => ({ group: g, n: size.get(g)! })), n, lines, table };
}
