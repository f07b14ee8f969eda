/** Shared types and display of the Table 1 builders (summaryTable, summaryTableFromCounts). */
import { assertOneOf } from "../../_lib/errors.js";
import type { TestResult } from "./stats.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";
import type { DisplayCell, DisplayRow, DisplayTable } from "../renderTable/index.js";
import { TEST_FOOTNOTES, type TestId } from "../selectTest/index.js";

/** One level of a categorical row. */
export interface SummaryLevel {
  readonly level: string;
  /** Count per group. */
  readonly counts: number[];
  /** Display per group, e.g. `18 (64.3%)`. */
  readonly cells: string[];
}

/** One variable of a Table 1. Plain data. */
export interface SummaryRow {
  /** Variable key (the field name, or the label for published counts). */
  readonly variable: string;
  readonly label: string;
  readonly kind: "continuous" | "dichotomous" | "categorical";
  /** What the cells show: `median (Q1, Q3)`, `mean ± SD` or `n (%)`. */
  readonly statistic: "median (Q1, Q3)" | "mean ± SD" | "n (%)";
  /** Display per group (continuous and dichotomous; empty for categorical, see `levels`). */
  readonly cells: string[];
  /** Levels of a categorical variable (absent otherwise). */
  readonly levels?: SummaryLevel[];
  /** Denominator per group: patients with a known value. */
  readonly n: number[];
  /** Patients with a missing value, per group (never in the denominator). */
  readonly missing: number[];
  /** Test used, or null (no test possible: the reason says why). */
  readonly test: TestId | null;
  /** Footnote letter of the test, or null. */
  readonly letter: string | null;
  /** Why this test (the rule's numbers). */
  readonly reason: string;
  readonly pValue: number | null;
  /** `pValue` formatted in the table's style ("" when null). */
  readonly pText: string;
  /** The p-value a publication printed, when given (shown beside ours, never forced). */
  readonly publishedPText?: string;
  /** Whether `pText` equals `publishedPText` (absent without a published value). */
  readonly matchesPublished?: boolean;
  /** The test's full result (R's htest fields). */
  readonly result?: TestResult;
}

/** One group (column) of a Table 1. */
export interface SummaryGroup {
  readonly key: string;
  readonly label: string;
  /** Patients in the group (header N): every patient, whatever is missing. */
  readonly n: number;
}

/** Result of the Table 1 builders. */
export interface SummaryTableResult {
  readonly groups: SummaryGroup[];
  readonly rows: SummaryRow[];
  /** Footnotes: letter → test name, for the tests used. */
  readonly footnotes: { readonly letter: string; readonly test: TestId; readonly label: string }[];
  /** Rows without a group value, left out of every count. */
  readonly excludedNoGroup: number;
  /** The table for `tableToMarkdown`, `tableToHtml`, `tableToCsv`. */
  readonly table: DisplayTable;
}

/** Display options shared by the Table 1 builders. */
export interface SummaryDisplayOptions {
  /** p-value style (default `"paper"`). */
  readonly pValueStyle?: PValueStyle;
  /** Footnote letters: `"fixed"` (a Wilcoxon, b Welch, c Pearson, d Fisher, e Kruskal-Wallis; default) or `"appearance"` (a, b, ... in order of first use, as gtsummary). */
  readonly footnoteLetters?: "fixed" | "appearance";
  /** Table caption. */
  readonly caption?: string;
  /** Header of the first column. Default `"Characteristic"`. */
  readonly characteristicLabel?: string;
  /** Show missing values as an "Unknown" line: `"ifany"` (default), `"always"`, `"no"`. */
  readonly missing?: "ifany" | "always" | "no";
  /** Label of the missing line. Default `"Unknown"`. */
  readonly missingLabel?: string;
}

/** Row before letters and p formatting. */
export type RawRow = Omit<SummaryRow, "letter" | "pText" | "matchesPublished">;

/** Assigns letters, formats p-values, builds the display table. */
export function finishSummary(fn: string, groups: SummaryGroup[], raw: RawRow[], excludedNoGroup: number, o: SummaryDisplayOptions): SummaryTableResult {
  const style = o.pValueStyle ?? "paper";
  const mode = assertOneOf(fn, "options.footnoteLetters", o.footnoteLetters ?? "fixed", ["fixed", "appearance"] as const);
  const missingMode = assertOneOf(fn, "options.missing", o.missing ?? "ifany", ["ifany", "always", "no"] as const);
  const letters = new Map<TestId, string>();
  if (mode === "fixed") for (const [t, f] of Object.entries(TEST_FOOTNOTES)) letters.set(t as TestId, f.letter);
  else {
    for (const r of raw) if (r.test !== null && !letters.has(r.test)) letters.set(r.test, String.fromCharCode(97 + letters.size));
  }
  const used: TestId[] = [];
  for (const r of raw) if (r.test !== null && !used.includes(r.test)) used.push(r.test);
  const rows: SummaryRow[] = raw.map((r) => {
    const pText = r.pValue === null ? "" : formatPValue(r.pValue, { style });
    const letter = r.test === null ? null : (letters.get(r.test) ?? null);
    const base = { ...r, letter, pText };
    return r.publishedPText === undefined ? base : { ...base, matchesPublished: pText === r.publishedPText };
  });
  const footnotes = used
    .map((t) => ({ letter: letters.get(t)!, test: t, label: TEST_FOOTNOTES[t].label }))
    .sort((a, b) => a.letter.localeCompare(b.letter));
  const anyPublished = rows.some((r) => r.publishedPText !== undefined);
  const columns: DisplayCell[] = [o.characteristicLabel ?? "Characteristic", ...groups.map((g) => `${g.label}\nN = ${g.n}`), "p-value"];
  if (anyPublished) columns.push("Published p");
  const body: DisplayRow[] = [];
  const missingLabel = o.missingLabel ?? "Unknown";
  const blank = (): string[] => groups.map(() => "");
  for (const r of rows) {
    const p: DisplayCell = r.letter === null ? r.pText : { text: r.pText, sup: r.letter };
    const tail: DisplayCell[] = anyPublished ? [p, r.publishedPText ?? ""] : [p];
    const showMissing = missingMode === "always" || (missingMode === "ifany" && r.missing.some((m) => m > 0));
    const label = r.kind === "categorical" ? `${r.label}, n (%)` : r.label;
    if (r.kind === "categorical") {
      body.push({ cells: [label, ...blank(), ...tail] });
      for (const l of r.levels ?? []) body.push({ cells: [l.level, ...l.cells, ...tail.map(() => "")], indent: 1 });
    } else {
      body.push({ cells: [label, ...r.cells, ...tail] });
    }
    if (showMissing) body.push({ cells: [missingLabel, ...r.missing.map(String), ...tail.map(() => "")], indent: 1 });
  }
  const statistics = [...new Set(rows.map((r) => r.statistic))];
  const notes = [
    `${statistics.join("; ")}. Percentages of the patients with a known value${missingMode === "no" ? "" : `; ${missingLabel} = missing, not in the denominator`}.`,
    ...footnotes.map((f) => `${f.letter} ${f.label}`),
  ];
  const table: DisplayTable = {
    ...(o.caption === undefined ? {} : { caption: o.caption }),
    columns,
    rows: body,
    footnotes: notes,
  };
  return { groups, rows, footnotes, excludedNoGroup, table };
}
