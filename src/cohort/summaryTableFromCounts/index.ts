import { assertCount, describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { welchTTestFromSummary } from "../_lib/stats.js";
import { fixed } from "../_lib/round.js";
import { assertKnownKeys, DISPLAY_OPTION_KEYS, finishSummary, type RawRow, type SummaryDisplayOptions, type SummaryGroup, type SummaryTableResult } from "../_lib/summary.js";
import { percentText } from "../formatPercent/index.js";
import { compareCounts } from "../selectTest/index.js";

const FN = "summaryTableFromCounts";

/** A yes/no row from published counts: patients with the characteristic per group. */
export interface PublishedCountsRow {
  readonly kind?: "counts";
  readonly label: string;
  /** Patients with the characteristic, per group. */
  readonly events: readonly number[];
  /** Patients with a known value, per group; default the group sizes. */
  readonly totals?: readonly number[];
  /** The p-value as printed (e.g. `"<0.001"`), to show beside ours. */
  readonly publishedP?: string;
}

/** A continuous row from published mean, SD and n (two groups; Welch's t-test). */
export interface PublishedMeanSdRow {
  readonly kind: "meanSd";
  readonly label: string;
  readonly summaries: readonly { readonly mean: number; readonly sd: number; readonly n: number }[];
  /** Decimals of mean and SD in the cell. Default 1. */
  readonly digits?: number;
  readonly publishedP?: string;
}

/** Input of {@link summaryTableFromCounts}. */
export interface PublishedSummaryInput {
  /** Groups (columns) with their sizes. */
  readonly groups: readonly { readonly label: string; readonly n: number }[];
  readonly rows: readonly (PublishedCountsRow | PublishedMeanSdRow)[];
}

/** Options of {@link summaryTableFromCounts}. */
export interface SummaryTableFromCountsOptions extends SummaryDisplayOptions {
  /** Percentage decimals. Default 1. */
  readonly percentDigits?: number;
  /** Minimum expected count for Pearson's chi-squared. Default 5. */
  readonly minExpected?: number;
}

/**
 * A Table 1 from published counts and summaries: recomputes each between-group p-value by the rule of
 * {@link summaryTable} and shows it beside the printed one.
 * @remarks Yes/no rows: the 2 x k table of events and non-events per group goes to
 * {@link compareCounts} (Pearson's chi-squared without continuity correction when every expected count is
 * at least 5, else Fisher's exact). Mean/SD rows: Welch's t-test from the summaries
 * (`welchTTestFromSummary`); rounded published summaries can move the last digit (the paper's
 * "First upa time": 0.107 from 14.9 ± 5.6 vs 12.9 ± 4.3 where the paper printed 0.108 from the raw data) —
 * both values are kept, `matchesPublished` says whether they agree.
 * @param input - Groups with sizes, and rows.
 * @param options - Display options, `percentDigits`, `minExpected`.
 * @returns The rows (with tests, reasons, p-values), footnotes and the display table.
 * @throws {TypeError} If a field has the wrong type.
 * @throws {RangeError} If a count is negative, non-integer or larger than its total, a row's arrays do not
 * have one entry per group, fewer than 2 groups, or a mean/SD row has other than 2 groups.
 * @example
 * const t = summaryTableFromCounts({ groups: [{ label: "UC", n: 28 }, { label: "CD", n: 52 }],
 *   rows: [{ label: "Discontinued", events: [2, 11], publishedP: "0.125" }] });
 * [t.rows[0].cells, t.rows[0].letter, t.rows[0].pText, t.rows[0].matchesPublished];
 * //=> [["2 (7.1%)", "11 (21.2%)"], "a", "0.125", true]
 * @see Mao Y, et al. Efficacy and Safety of Upadacitinib for Refractory IBD. Drug Des Devel Ther 2025 (Table 1).
 */
export function summaryTableFromCounts(input: PublishedSummaryInput, options: SummaryTableFromCountsOptions = {}): SummaryTableResult {
  if (input === null || typeof input !== "object") throw new TypeError(`${FN}: input must be an object; got ${describeValue(input)}.`);
  if (!isArray(input.groups) || input.groups.length < 2) throw new RangeError(`${FN}: input.groups must hold at least 2 groups; got ${describeValue(input.groups)}.`);
  const groups: SummaryGroup[] = input.groups.map((g, i) => {
    if (typeof g?.label !== "string") throw new TypeError(`${FN}: input.groups[${i}].label must be a string; got ${describeValue(g?.label)}.`);
    return { key: g.label, label: g.label, n: assertCount(FN, `input.groups[${i}].n`, g.n) };
  });
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  assertKnownKeys(FN, "options", options, [...DISPLAY_OPTION_KEYS, "percentDigits", "minExpected"]);
  const k = groups.length;
  const digits = options.percentDigits ?? 1;
  if (!isArray(input.rows)) throw new TypeError(`${FN}: input.rows must be an array; got ${describeValue(input.rows)}.`);
  const raw: RawRow[] = input.rows.map((row, i) => {
    const at = `input.rows[${i}]`;
    if (typeof row?.label !== "string") throw new TypeError(`${FN}: ${at}.label must be a string; got ${describeValue(row?.label)}.`);
    const published = row.publishedP === undefined ? {} : { publishedPText: row.publishedP };
    if (row.kind === "meanSd") {
      if (k !== 2) throw new RangeError(`${FN}: ${at} (mean/SD) needs exactly 2 groups for Welch's t-test; got ${k}.`);
      if (!isArray(row.summaries) || row.summaries.length !== k) throw new RangeError(`${FN}: ${at}.summaries must hold ${k} summaries; got ${describeValue(row.summaries)}.`);
      const d = row.digits ?? 1;
      const [a, b] = row.summaries as [PublishedMeanSdRow["summaries"][number], PublishedMeanSdRow["summaries"][number]];
      const result = welchTTestFromSummary({ mean: a.mean, sd: a.sd, n: a.n }, { mean: b.mean, sd: b.sd, n: b.n });
      return {
        variable: row.label,
        label: row.label,
        kind: "continuous",
        statistic: "mean ± SD",
        cells: row.summaries.map((s) => `${fixed(s.mean, d)} ± ${fixed(s.sd, d)}`),
        n: row.summaries.map((s) => s.n),
        missing: row.summaries.map((s, j) => Math.max(0, groups[j]!.n - s.n)),
        test: "welchT",
        reason: "Published mean ± SD: Welch's t-test from the summaries (rounded summaries can move the last digit).",
        pValue: result.pValue,
        result,
        ...published,
      } satisfies RawRow;
    }
    if (!isArray(row.events) || row.events.length !== k) throw new RangeError(`${FN}: ${at}.events must hold ${k} counts (one per group); got ${describeValue(row.events)}.`);
    const totals = row.totals ?? groups.map((g) => g.n);
    if (!isArray(totals) || totals.length !== k) throw new RangeError(`${FN}: ${at}.totals must hold ${k} counts; got ${describeValue(totals)}.`);
    const ev = row.events.map((e, j) => assertCount(FN, `${at}.events[${j}]`, e));
    const tot = totals.map((t, j) => {
      const v = assertCount(FN, `${at}.totals[${j}]`, t);
      if (ev[j]! > v) throw new RangeError(`${FN}: ${at}.events[${j}] must not exceed its total (${v}); got ${ev[j]}.`);
      if (v > groups[j]!.n) throw new RangeError(`${FN}: ${at}.totals[${j}] must not exceed the group size (${groups[j]!.n}); got ${v}.`);
      return v;
    });
    const cmp = compareCounts(
      ev.map((e, j) => [e, tot[j]! - e]),
      options.minExpected === undefined ? {} : { minExpected: options.minExpected },
    );
    return {
      variable: row.label,
      label: row.label,
      kind: "dichotomous",
      statistic: "n (%)",
      cells: ev.map((e, j) => (tot[j] === 0 ? `${e} (—)` : `${e} (${percentText(e, tot[j]!, digits)}%)`)),
      n: tot,
      missing: tot.map((t, j) => groups[j]!.n - t),
      test: cmp.test,
      reason: cmp.reason,
      pValue: cmp.pValue,
      ...(cmp.result === undefined ? {} : { result: cmp.result }),
      ...published,
    } satisfies RawRow;
  });
  return finishSummary(FN, groups, raw, 0, options);
}
