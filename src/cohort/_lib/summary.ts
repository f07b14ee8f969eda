/** Shared types and display of the Table 1 builders (summaryTable, summaryTableFromCounts). */
import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { pAdjust, type PAdjustMethod, type TestResult } from "./stats.js";
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
  /** Overall cell (with `overall`). */
  readonly overall?: string;
  /** Confidence interval of the percentage per group (with `ci`), e.g. `45.2%, 81.9%`. */
  readonly ci?: string[];
  /** Confidence interval of the overall percentage (with `ci` and `overall`). */
  readonly overallCi?: string;
}

/** Numbers behind a continuous cell (null where the group has no known value). */
export interface ContinuousCellSummary {
  readonly n: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly mean: number;
  /** Standard deviation (n - 1); null for a single value. */
  readonly sd: number | null;
}

/** A difference between the two groups with its confidence interval (`difference: true`). */
export interface SummaryDifference {
  /** Group 1 minus group 2: mean difference, or difference in proportions (0-1 scale). */
  readonly estimate: number;
  readonly confInt: [number, number];
  /** The method, as R names it. */
  readonly method: string;
  /** Display, e.g. `4.1 (-1.0, 9.2)` or `14.3% (-7.0%, 35.6%)`. */
  readonly text: string;
}

/** One variable of a Table 1. Plain data. */
export interface SummaryRow {
  /** Variable key (the field name, or the label for published counts). */
  readonly variable: string;
  readonly label: string;
  readonly kind: "continuous" | "dichotomous" | "categorical";
  /** What the cells show. */
  readonly statistic: "median (Q1, Q3)" | "mean (SD)" | "mean ± SD" | "n (%)";
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
  /** Decimals used for the continuous summaries. */
  readonly digits?: number;
  /** Numbers behind the continuous cells, per group. */
  readonly summaries?: (ContinuousCellSummary | null)[];
  /** Dichotomous: patients with the counted level, per group. */
  readonly counts?: number[];
  /** Cell of the overall column (continuous and dichotomous). */
  readonly overall?: string;
  /** Patients with a known value in all groups (the N column). */
  readonly nTotal?: number;
  /** Confidence interval per group (continuous and dichotomous). */
  readonly ci?: string[];
  /** Confidence interval of the overall column. */
  readonly overallCi?: string;
  /** Difference between the two groups (two-group tables with `difference`). */
  readonly difference?: SummaryDifference | null;
  /** Standardised mean difference, group 1 vs group 2 (two-group tables with `smd`). */
  readonly smd?: number | null;
  /** Multiplicity-adjusted p-value (with `qValues`). */
  readonly qValue?: number | null;
  /** `qValue` formatted in the table's style. */
  readonly qText?: string;
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
  /** The table for `tableToMarkdown`, `tableToHtml`, `tableToCsv` and `tableToDocx`. */
  readonly table: DisplayTable;
}

/** Display options shared by the Table 1 builders. */
export interface SummaryDisplayOptions {
  /** p-value style (default `"paper"`). */
  readonly pValueStyle?: PValueStyle;
  /**
   * Footnote letters: `"appearance"` (a, b, ... in order of first use, as gtsummary; default) or
   * `"fixed"` (a Wilcoxon, b Welch, c Pearson, d Fisher, e Kruskal-Wallis, the paper's notes).
   */
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
export type RawRow = Omit<SummaryRow, "letter" | "pText" | "matchesPublished" | "qText">;

/** Extra columns asked of {@link finishSummary}. */
export interface SummaryExtras {
  readonly overall?: { readonly label: string; readonly n: number; readonly position: "first" | "last" };
  readonly nColumn?: boolean;
  /** Header of the CI columns, e.g. "95% CI". */
  readonly ci?: { readonly header: string; readonly note: string };
  readonly difference?: { readonly header: string };
  readonly smd?: boolean;
  readonly qValues?: PAdjustMethod;
  readonly pValues?: boolean;
  /** Spanning header over the group columns. */
  readonly spanner?: string;
  /** Notes added under the table (e.g. the methods of the difference column). */
  readonly notes?: readonly string[];
}

/** The display options' keys (for unknown-option checks). */
export const DISPLAY_OPTION_KEYS: readonly string[] = ["pValueStyle", "footnoteLetters", "caption", "characteristicLabel", "missing", "missingLabel"];

/** Throws a TypeError naming the first key of `o` not in `known`. */
export function assertKnownKeys(fn: string, path: string, o: object, known: readonly string[]): void {
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) throw new TypeError(`${fn}: ${path}.${k} is not an option (known: ${known.join(", ")}).`);
  }
}

const Q_LABEL: Readonly<Record<PAdjustMethod, string>> = {
  bonferroni: "Bonferroni correction for multiple testing",
  holm: "Holm correction for multiple testing",
  hochberg: "Hochberg correction for multiple testing",
  hommel: "Hommel correction for multiple testing",
  BH: "False discovery rate correction for multiple testing (Benjamini-Hochberg)",
  fdr: "False discovery rate correction for multiple testing (Benjamini-Hochberg)",
  BY: "False discovery rate correction for multiple testing (Benjamini-Yekutieli)",
  none: "No correction for multiple testing",
};

/** Signed SMD with two decimals ("" when absent). */
function smdText(v: number | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "-∞";
  const s = v.toFixed(2);
  return s === "-0.00" ? "0.00" : s;
}

/** Assigns letters, formats p-values, builds the display table. */
export function finishSummary(fn: string, groups: SummaryGroup[], raw: RawRow[], excludedNoGroup: number, o: SummaryDisplayOptions, x: SummaryExtras = {}): SummaryTableResult {
  const style = o.pValueStyle ?? "paper";
  const mode = assertOneOf(fn, "options.footnoteLetters", o.footnoteLetters ?? "appearance", ["fixed", "appearance"] as const);
  const missingMode = assertOneOf(fn, "options.missing", o.missing ?? "ifany", ["ifany", "always", "no"] as const);
  if (o.caption !== undefined && typeof o.caption !== "string") throw new TypeError(`${fn}: options.caption must be a string; got ${describeValue(o.caption)}.`);
  const showP = x.pValues ?? true;
  const letters = new Map<TestId, string>();
  if (mode === "fixed") for (const [t, f] of Object.entries(TEST_FOOTNOTES)) letters.set(t as TestId, f.letter);
  else if (showP) {
    for (const r of raw) if (r.test !== null && !letters.has(r.test)) letters.set(r.test, String.fromCharCode(97 + letters.size));
  }
  const used: TestId[] = [];
  if (showP) for (const r of raw) if (r.test !== null && !used.includes(r.test)) used.push(r.test);
  const qIndex: number[] = [];
  raw.forEach((r, i) => {
    if (r.pValue !== null) qIndex.push(i);
  });
  const qs = x.qValues === undefined ? [] : pAdjust(qIndex.map((i) => raw[i]!.pValue!), x.qValues);
  const qOf = new Map(qIndex.map((i, k) => [i, qs[k]!]));
  const rows: SummaryRow[] = raw.map((r, i) => {
    const pText = r.pValue === null ? "" : formatPValue(r.pValue, { style });
    const letter = r.test === null || !showP ? null : (letters.get(r.test) ?? null);
    let base: SummaryRow = { ...r, letter, pText };
    if (x.qValues !== undefined) {
      const q = qOf.get(i) ?? null;
      base = { ...base, qValue: q, qText: q === null ? "" : formatPValue(q, { style }) };
    }
    return r.publishedPText === undefined ? base : { ...base, matchesPublished: pText === r.publishedPText };
  });
  const footnotes = used
    .map((t) => ({ letter: letters.get(t)!, test: t, label: TEST_FOOTNOTES[t].label }))
    .sort((a, b) => a.letter.localeCompare(b.letter));
  const anyPublished = rows.some((r) => r.publishedPText !== undefined);

  // ---- columns
  const columns: DisplayCell[] = [o.characteristicLabel ?? "Characteristic"];
  if (x.nColumn === true) columns.push("N");
  const overallCols = (): DisplayCell[] => (x.overall === undefined ? [] : [`${x.overall.label}\nN = ${x.overall.n}`, ...(x.ci ? [x.ci.header] : [])]);
  if (x.overall?.position === "first") columns.push(...overallCols());
  const groupStart = columns.length;
  for (const g of groups) {
    columns.push(`${g.label}\nN = ${g.n}`);
    if (x.ci) columns.push(x.ci.header);
  }
  const groupEnd = columns.length;
  if (x.overall?.position === "last") columns.push(...overallCols());
  if (x.difference) columns.push(x.difference.header);
  if (x.smd === true) columns.push("SMD");
  if (showP) columns.push("p-value");
  if (x.qValues !== undefined) columns.push("q-value");
  if (anyPublished) columns.push("Published p");

  const body: DisplayRow[] = [];
  const missingLabel = o.missingLabel ?? "Unknown";
  for (const r of rows) {
    const showMissing = missingMode === "always" || (missingMode === "ifany" && r.missing.some((m) => m > 0));
    const label = r.kind === "categorical" ? `${r.label}, n (%)` : r.label;
    const main = (
      cells: readonly string[],
      ci: readonly string[] | undefined,
      overall: string | undefined,
      overallCi: string | undefined,
      isHead: boolean,
    ): DisplayCell[] => {
      const out: DisplayCell[] = [];
      if (x.nColumn === true) out.push(isHead ? String(r.nTotal ?? r.n.reduce((a, b) => a + b, 0)) : "");
      const ov = (): string[] => (x.overall === undefined ? [] : [overall ?? "", ...(x.ci ? [overallCi ?? ""] : [])]);
      if (x.overall?.position === "first") out.push(...ov());
      cells.forEach((c, j) => {
        out.push(c);
        if (x.ci) out.push(ci?.[j] ?? "");
      });
      if (x.overall?.position === "last") out.push(...ov());
      if (x.difference) out.push(isHead ? (r.difference?.text ?? "") : "");
      if (x.smd === true) out.push(isHead ? smdText(r.smd) : "");
      if (showP) out.push(isHead ? (r.letter === null ? r.pText : { text: r.pText, sup: r.letter }) : "");
      if (x.qValues !== undefined) out.push(isHead ? (r.qText ?? "") : "");
      if (anyPublished) out.push(isHead ? (r.publishedPText ?? "") : "");
      return out;
    };
    if (r.kind === "categorical") {
      body.push({ cells: [label, ...main(groups.map(() => ""), undefined, undefined, undefined, true)] });
      for (const l of r.levels ?? []) body.push({ cells: [l.level, ...main(l.cells, l.ci, l.overall, l.overallCi, false)], indent: 1 });
    } else {
      body.push({ cells: [label, ...main(r.cells, r.ci, r.overall, r.overallCi, true)] });
    }
    if (showMissing) {
      const total = r.missing.reduce((a, b) => a + b, 0);
      body.push({ cells: [missingLabel, ...main(r.missing.map(String), undefined, x.overall === undefined ? undefined : String(total), undefined, false)], indent: 1 });
    }
  }
  const statistics = [...new Set(rows.map((r) => r.statistic))];
  const notes = [
    `${statistics.join("; ")}. Percentages of the patients with a known value${missingMode === "no" ? "" : `; ${missingLabel} = missing, not in the denominator`}.`,
    ...(x.ci ? [x.ci.note] : []),
    ...(x.notes ?? []),
    ...(x.smd === true
      ? ["SMD, standardised mean difference: continuous (m1 - m2) / sqrt((s1² + s2²) / 2); yes/no on proportions; categorical by the Mahalanobis form of Yang and Dalton (unsigned)."]
      : []),
    ...footnotes.map((f) => `${f.letter} ${f.label}`),
    ...(x.qValues !== undefined ? [`q-value: ${Q_LABEL[x.qValues]}.`] : []),
  ];
  const spanners = x.spanner === undefined ? [] : [{ label: x.spanner, start: groupStart, span: groupEnd - groupStart }];
  const table: DisplayTable = {
    ...(o.caption === undefined ? {} : { caption: o.caption }),
    columns,
    ...(spanners.length > 0 ? { spanners } : {}),
    rows: body,
    footnotes: notes,
  };
  return { groups, rows, footnotes, excludedNoGroup, table };
}
