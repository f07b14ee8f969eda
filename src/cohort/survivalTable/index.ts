import { describeValue } from "../../_lib/errors.js";
import { kaplanMeier, logRankTest, type ConfType, type LogRankTestResult } from "../../stats/index.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import { splitByGroup, type SurvivalData } from "../_lib/survival.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";
import type { DisplayRow, DisplayTable } from "../renderTable/index.js";

/** Options of {@link survivalTable}. */
export interface SurvivalTableOptions {
  /** Times at which to report survival and the number at risk (e.g. [182, 365]). */
  readonly times?: readonly number[];
  /** How a time is written in the header (default `t => "Day " + t`). */
  readonly timeLabel?: (t: number) => string;
  /** Display labels by group key. */
  readonly groupLabels?: Readonly<Record<string, string>>;
  /** Decimals of the percentages (default 1). */
  readonly digits?: number;
  /** Decimals of the median and its limits (default 0). */
  readonly timeDigits?: number;
  /** Confidence-interval transformation (default `'log'`, as survfit). */
  readonly confType?: Exclude<ConfType, "none">;
  /** Confidence level (default 0.95). */
  readonly confLevel?: number;
  readonly caption?: string;
  readonly pValueStyle?: PValueStyle;
  /** Label of the first column's heading (default "Group"). */
  readonly groupTitle?: string;
}

/** Survival at one requested time, for one group. */
export interface SurvivalTableCell {
  /** The requested time. */
  readonly time: number;
  /** Survival (0-1), or null after the group's last observed time. */
  readonly surv: number | null;
  /** Confidence limits (null where R gives NA or after the last time). */
  readonly lower: number | null;
  readonly upper: number | null;
  /** Number at risk at the time (subjects with time >= t). */
  readonly nRisk: number;
}

/** One group's row of {@link survivalTable}. */
export interface SurvivalTableRow {
  readonly label: string;
  readonly n: number;
  readonly events: number;
  readonly median: number | null;
  readonly medianConfInt: readonly [number | null, number | null];
  readonly atTimes: readonly SurvivalTableCell[];
}

/** Result of {@link survivalTable}. */
export interface SurvivalTableResult {
  readonly rows: SurvivalTableRow[];
  /** The log-rank test across groups, or null with a single group. */
  readonly logRank: LogRankTestResult | null;
  readonly table: DisplayTable;
}

/**
 * A survival table like gtsummary's `tbl_survfit`: per group N, events, median survival with its
 * confidence interval, and survival (%) with CI and the number at risk at chosen times, with the
 * log-rank p-value.
 * @remarks Values are {@link kaplanMeier}'s (R `survfit`, `summary(fit, times)`, `quantile(fit)`);
 * the p-value is {@link logRankTest}'s (`survdiff`). A median or limit the curve never reaches
 * prints "NR" (not reached); survival after a group's last observed time prints "—" (not
 * estimable), never a carried-forward value.
 * @param data - `{ time, status, group? }` (status 1 = event).
 * @param options - See {@link SurvivalTableOptions}.
 * @returns Rows (plain data), the log-rank test and a display table.
 * @throws {RangeError} If the data are invalid (as kaplanMeier) or a time is negative.
 * @throws {TypeError} If `data` is not `{ time, status }` arrays.
 * @example
 * const t = survivalTable({ time: [5, 8, 12, 20, 3, 9, 15, 30], status: [1, 0, 1, 1, 1, 1, 0, 0],
 *   group: ["UC", "UC", "UC", "UC", "CD", "CD", "CD", "CD"] }, { times: [10] });
 * t.table.columns;
 * //=> ["Group", "N", "Events", "Median (95% CI)", "Day 10: % (95% CI)", "Day 10: at risk", "p-value"]
 * @see Sjoberg DD, et al. Reproducible summary tables with the gtsummary package. R J 2021;13:570-580.
 */
export function survivalTable(data: SurvivalData, options: SurvivalTableOptions = {}): SurvivalTableResult {
  const fn = "survivalTable";
  if (options === null || typeof options !== "object") throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  const times = options.times ?? [];
  if (!isArray(times)) throw new TypeError(`${fn}: options.times must be an array of numbers; got ${describeValue(times)}.`);
  times.forEach((t, i) => {
    if (typeof t !== "number" || !Number.isFinite(t) || t < 0) throw new RangeError(`${fn}: options.times[${i}] must be a finite number >= 0; got ${describeValue(t)}.`);
  });
  const digits = options.digits ?? 1;
  const tDigits = options.timeDigits ?? 0;
  const label = options.timeLabel ?? ((t: number) => `Day ${t}`);
  const level = options.confLevel ?? 0.95;
  const split = splitByGroup(fn, data, options.groupLabels);
  const rows: SurvivalTableRow[] = split.groups.map((g) => {
    const f = kaplanMeier(g.time, g.status, { confType: options.confType ?? "log", confLevel: level, times: [...times] });
    const at = f.atTimes ?? [];
    return {
      label: g.label,
      n: f.n,
      events: f.nEvents,
      median: f.median,
      medianConfInt: f.medianConfInt ?? [null, null],
      atTimes: times.map((t) => {
        const r = at.find((a) => a.time === t);
        const nRisk = g.time.filter((v) => v >= t).length;
        return r === undefined ? { time: t, surv: null, lower: null, upper: null, nRisk } : { time: t, surv: r.surv, lower: r.lower ?? null, upper: r.upper ?? null, nRisk };
      }),
    };
  });
  const logRank = split.groups.length >= 2 && data.group !== undefined ? logRankTest(data.time, data.status, data.group) : null;
  const pc = (v: number | null): string => (v === null ? "NA" : fixed(100 * v, digits));
  const tm = (v: number | null): string => (v === null ? "NR" : fixed(v, tDigits));
  const pct = `${fixed(100 * level, 0)}% CI`;
  const columns = ["Group", "N", "Events", `Median (${pct})`, ...times.flatMap((t) => [`${label(t)}: % (${pct})`, `${label(t)}: at risk`]), ...(logRank ? ["p-value"] : [])];
  if (options.groupTitle !== undefined) columns[0] = options.groupTitle;
  const body: DisplayRow[] = rows.map((r, k) => ({
    cells: [
      r.label,
      String(r.n),
      String(r.events),
      `${tm(r.median)} (${tm(r.medianConfInt[0])}, ${tm(r.medianConfInt[1])})`,
      ...r.atTimes.flatMap((c) => [c.surv === null ? "—" : `${pc(c.surv)} (${pc(c.lower)}, ${pc(c.upper)})`, String(c.nRisk)]),
      ...(logRank ? [k === 0 ? formatPValue(logRank.pValue, { style: options.pValueStyle ?? "paper" }) : ""] : []),
    ],
  }));
  const footnotes = [
    `Kaplan–Meier estimates; ${pct} ${options.confType ?? "log"}-transformed (Greenwood); NR = not reached; — = after the last observed time.`,
    ...(logRank ? [`p-value: log-rank test (chi-squared ${fixed(logRank.statistic, 2)} on ${logRank.df} df).`] : []),
  ];
  const table: DisplayTable = { ...(options.caption === undefined ? {} : { caption: options.caption }), columns, rows: body, footnotes };
  return { rows, logRank, table };
}
