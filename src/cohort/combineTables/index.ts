import { describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { assertKnownKeys, type SummaryTableResult } from "../_lib/summary.js";
import type { DisplayCell, DisplayRow, DisplaySpanner, DisplayTable } from "../renderTable/index.js";
import { summaryTable, type SummaryTableOptions, type SummaryValue } from "../summaryTable/index.js";

/** Options of {@link mergeTables}. */
export interface MergeTablesOptions {
  /** One header per table, spanning its columns (e.g. "Unadjusted", "Adjusted"). Default: the tables' own spanners. */
  readonly spanners?: readonly string[];
  readonly caption?: string;
}

/** Options of {@link stackTables}. */
export interface StackTablesOptions {
  /** One heading row per table, above its rows (e.g. "Crohn's disease"). Default none. */
  readonly headings?: readonly string[];
  readonly caption?: string;
}

function text(c: DisplayCell): string {
  return typeof c === "string" ? c : c.text;
}

function checkTables(fn: string, tables: unknown): readonly DisplayTable[] {
  if (!Array.isArray(tables) || tables.length === 0) throw new TypeError(`${fn}: tables must be a non-empty array of DisplayTables; got ${describeValue(tables)}.`);
  tables.forEach((t: unknown, i) => {
    const d = t as DisplayTable;
    if (d === null || typeof d !== "object" || !Array.isArray(d.columns) || !Array.isArray(d.rows) || !Array.isArray(d.footnotes)) {
      throw new TypeError(`${fn}: tables[${i}] must be a DisplayTable (columns, rows, footnotes); got ${describeValue(t)}.`);
    }
    d.rows.forEach((r, k) => {
      if (!Array.isArray(r.cells) || r.cells.length !== d.columns.length) throw new RangeError(`${fn}: tables[${i}].rows[${k}].cells must hold ${d.columns.length} cells; got ${describeValue(r.cells)}.`);
    });
  });
  return tables as readonly DisplayTable[];
}

function labels(fn: string, name: string, v: unknown, n: number): readonly string[] | undefined {
  if (v === undefined) return undefined;
  if (!isArray(v as readonly unknown[]) || (v as readonly unknown[]).length !== n || !(v as readonly unknown[]).every((x) => typeof x === "string")) {
    throw new RangeError(`${fn}: options.${name} must hold one string per table (${n}); got ${describeValue(v)}.`);
  }
  return v as readonly string[];
}

/** Row keys: a level row is keyed by its parent's label, so "E1" of two variables stay apart. */
function rowKeys(t: DisplayTable): string[] {
  let parent = "";
  const seen = new Map<string, number>();
  return t.rows.map((r) => {
    const label = text(r.cells[0]!);
    if ((r.indent ?? 0) === 0) parent = label;
    const base = (r.indent ?? 0) === 0 ? label : `${parent}\u0000${label}`;
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    return `${base}\u0001${k}`;
  });
}

/**
 * Puts tables side by side (gtsummary's `tbl_merge`): rows matched by their label (a level row by its
 * variable and level), the first column once, each table's other columns after it under its spanner.
 * @remarks Rows only some tables have are kept, with empty cells elsewhere, in order of first appearance.
 * Notes are kept in table order, each prefixed by its spanner when spanners are given (footnote letters are
 * per table).
 * @param tables - Display tables (e.g. `summaryTable(...).table`, `regressionTable(...).table`).
 * @param options - `spanners` (one per table), `caption`.
 * @returns The merged table.
 * @throws {TypeError} If `tables` is empty or not DisplayTables, or an option is unknown.
 * @throws {RangeError} If a row has the wrong number of cells or `spanners` is not one per table.
 * @example
 * const a = { columns: ["Characteristic", "OR"], rows: [{ cells: ["Age", "1.1"] }], footnotes: [] };
 * const b = { columns: ["Characteristic", "OR"], rows: [{ cells: ["Age", "1.2"] }, { cells: ["Sex", "0.9"] }], footnotes: [] };
 * mergeTables([a, b], { spanners: ["Unadjusted", "Adjusted"] }).rows.map((r) => r.cells);
 * //=> [["Age", "1.1", "1.2"], ["Sex", "", "0.9"]]
 * @see Sjoberg DD, et al. R J 2021;13:570-80 (`tbl_merge`). doi:10.32614/RJ-2021-053
 */
export function mergeTables(tables: readonly DisplayTable[], options: MergeTablesOptions = {}): DisplayTable {
  const fn = "mergeTables";
  const ts = checkTables(fn, tables);
  assertKnownKeys(fn, "options", options, ["spanners", "caption"]);
  const span = labels(fn, "spanners", options.spanners, ts.length);
  const columns: DisplayCell[] = [ts[0]!.columns[0]!];
  const spanners: DisplaySpanner[] = [];
  const offsets: number[] = [];
  ts.forEach((t, i) => {
    offsets.push(columns.length);
    if (span !== undefined) spanners.push({ label: span[i]!, start: columns.length, span: t.columns.length - 1 });
    else for (const s of t.spanners ?? []) if (s.start >= 1) spanners.push({ label: s.label, start: s.start - 1 + columns.length, span: s.span });
    columns.push(...t.columns.slice(1));
  });
  const order: string[] = [];
  const byKey = new Map<string, { first: DisplayCell; indent: number; cells: DisplayCell[] }>();
  ts.forEach((t, i) => {
    const keys = rowKeys(t);
    t.rows.forEach((r, k) => {
      const key = keys[k]!;
      let entry = byKey.get(key);
      if (entry === undefined) {
        entry = { first: r.cells[0]!, indent: r.indent ?? 0, cells: Array<DisplayCell>(columns.length - 1).fill("") };
        byKey.set(key, entry);
        order.push(key);
      }
      r.cells.slice(1).forEach((c, j) => (entry.cells[offsets[i]! - 1 + j] = c));
    });
  });
  const rows: DisplayRow[] = order.map((k) => {
    const e = byKey.get(k)!;
    return e.indent > 0 ? { cells: [e.first, ...e.cells], indent: e.indent } : { cells: [e.first, ...e.cells] };
  });
  const footnotes = ts.flatMap((t, i) => t.footnotes.map((f) => (span === undefined ? f : `${span[i]}: ${f}`)));
  const caption = options.caption ?? ts[0]!.caption;
  return { ...(caption === undefined ? {} : { caption }), columns, ...(spanners.length > 0 ? { spanners } : {}), rows, footnotes: span === undefined ? [...new Set(footnotes)] : footnotes };
}

/**
 * Puts tables on top of each other (gtsummary's `tbl_stack`): the first table's header, then each table's
 * rows under an optional heading row. Every table must have the same number of columns.
 * @param tables - Display tables with equal column counts.
 * @param options - `headings` (one per table), `caption`.
 * @returns The stacked table; notes are the tables' notes without repeats.
 * @throws {TypeError} If `tables` is empty or not DisplayTables, or an option is unknown.
 * @throws {RangeError} If the column counts differ or `headings` is not one per table.
 * @example
 * const a = { columns: ["x", "n"], rows: [{ cells: ["a", "1"] }], footnotes: [] };
 * stackTables([a, a], { headings: ["CD", "UC"] }).rows.map((r) => r.cells[0]);
 * //=> ["CD", "a", "UC", "a"]
 * @see Sjoberg DD, et al. R J 2021;13:570-80 (`tbl_stack`). doi:10.32614/RJ-2021-053
 */
export function stackTables(tables: readonly DisplayTable[], options: StackTablesOptions = {}): DisplayTable {
  const fn = "stackTables";
  const ts = checkTables(fn, tables);
  assertKnownKeys(fn, "options", options, ["headings", "caption"]);
  const heads = labels(fn, "headings", options.headings, ts.length);
  const width = ts[0]!.columns.length;
  ts.forEach((t, i) => {
    if (t.columns.length !== width) throw new RangeError(`${fn}: tables[${i}] must have ${width} columns like tables[0]; got ${t.columns.length}.`);
  });
  const rows: DisplayRow[] = [];
  ts.forEach((t, i) => {
    if (heads !== undefined) rows.push({ cells: [heads[i]!, ...Array<string>(width - 1).fill("")] });
    for (const r of t.rows) rows.push(heads === undefined ? r : { cells: r.cells, indent: (r.indent ?? 0) + 1 });
  });
  const caption = options.caption ?? ts[0]!.caption;
  const first = ts[0]!;
  return {
    ...(caption === undefined ? {} : { caption }),
    columns: first.columns,
    ...(first.spanners === undefined ? {} : { spanners: first.spanners }),
    rows,
    footnotes: [...new Set(ts.flatMap((t) => t.footnotes))],
  };
}

/** Options of {@link stratifiedSummaryTable}: those of `summaryTable` plus the stratum field. */
export interface StratifiedSummaryTableOptions extends SummaryTableOptions {
  /** Field holding the stratum (e.g. `"sex"`): one table per stratum, side by side. */
  readonly strata: string;
  /** Stratum order; default sorted. */
  readonly strataLevels?: readonly SummaryValue[];
}

/** Result of {@link stratifiedSummaryTable}. */
export interface StratifiedSummaryTableResult {
  /** One summary table per stratum, in order. */
  readonly strata: { readonly value: SummaryValue; readonly result: SummaryTableResult }[];
  /** Rows without a stratum value, left out. */
  readonly excludedNoStratum: number;
  /** The merged table, one spanner per stratum. */
  readonly table: DisplayTable;
}

/**
 * One Table 1 per stratum, side by side (gtsummary's `tbl_strata`): each stratum's groups, tests and
 * p-values are its own; the display merges them under a spanner per stratum (`<field> = <value>, N = n`).
 * @param rows - Patient rows. Not modified.
 * @param options - `strata`, `strataLevels` and every option of `summaryTable`.
 * @returns Each stratum's result and the merged display table.
 * @throws {TypeError} As `summaryTable`, or if `strata` is not a string or a stratum value is not a string,
 * number or boolean.
 * @throws {RangeError} As `summaryTable` within a stratum, or if `strata` is not a field of any row or a
 * listed stratum has no rows.
 * @example
 * const rows = [{ s: "F", g: "A", y: true }, { s: "F", g: "B", y: false }, { s: "M", g: "A", y: true }, { s: "M", g: "B", y: true }];
 * stratifiedSummaryTable(rows, { strata: "s", by: "g", pValues: false, variables: [{ key: "y", type: "dichotomous" }] }).table.spanners;
 * //=> [{ label: "s = F, N = 2", start: 1, span: 2 }, { label: "s = M, N = 2", start: 3, span: 2 }]
 * @see Sjoberg DD, et al. R J 2021;13:570-80 (`tbl_strata`). doi:10.32614/RJ-2021-053
 */
export function stratifiedSummaryTable(rows: readonly Readonly<Record<string, unknown>>[], options: StratifiedSummaryTableOptions): StratifiedSummaryTableResult {
  const fn = "stratifiedSummaryTable";
  if (!isArray(rows)) throw new TypeError(`${fn}: rows must be an array of objects; got ${describeValue(rows)}.`);
  if (options === null || typeof options !== "object") throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  const { strata, strataLevels, ...rest } = options;
  if (typeof strata !== "string") throw new TypeError(`${fn}: options.strata must be a string; got ${describeValue(strata)}.`);
  if (!rows.some((r) => r !== null && typeof r === "object" && Object.prototype.hasOwnProperty.call(r, strata))) throw new RangeError(`${fn}: options.strata is not a field of any row; got "${strata}".`);
  const present: SummaryValue[] = [];
  let excluded = 0;
  rows.forEach((r, i) => {
    const v = r[strata];
    if (v === undefined || v === null || (typeof v === "number" && Number.isNaN(v))) {
      excluded++;
      return;
    }
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw new TypeError(`${fn}: rows[${i}].${strata} must be a string, number or boolean; got ${describeValue(v)}.`);
    if (!present.includes(v)) present.push(v);
  });
  const levels = strataLevels ?? [...present].sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "en", { numeric: true })));
  const results = levels.map((value, j) => {
    const sub = rows.filter((r) => r[strata] === value);
    if (sub.length === 0) throw new RangeError(`${fn}: options.strataLevels[${j}] has no rows; got ${describeValue(value)}.`);
    return { value, n: sub.length, result: summaryTable(sub, rest) };
  });
  const table = mergeTables(
    results.map((r) => r.result.table),
    { spanners: results.map((r) => `${strata} = ${String(r.value)}, N = ${r.n}`), ...(rest.caption === undefined ? {} : { caption: rest.caption }) },
  );
  return { strata: results.map((r) => ({ value: r.value, result: r.result })), excludedNoStratum: excluded, table };
}
