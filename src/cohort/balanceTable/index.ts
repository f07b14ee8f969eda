import { describeValue } from "../../_lib/errors.js";
import type { BalanceStats, CovariateBalanceResult } from "../../stats/covariateBalance/index.js";
import { fixed } from "../_lib/round.js";
import type { DisplayRow, DisplayTable } from "../renderTable/index.js";

/** Options of {@link balanceTable}. */
export interface BalanceTableOptions {
  /** Caption. Default "Covariate balance before and after". */
  readonly caption?: string;
  /** Labels of the two groups. Default ["Treated", "Control"]. */
  readonly groupLabels?: readonly [string, string];
  /** Display names by covariate name (own keys only); default the names. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Decimals of means and proportions (%). Default 1. */
  readonly digits?: number;
  /** What "after" means in the headers, e.g. "matching" or "weighting". Default "adjustment". */
  readonly afterLabel?: string;
}

function summary(s: BalanceStats, type: string, digits: number, which: "treated" | "control"): string {
  const v = s[which];
  if (v === null) return "";
  return type === "binary" ? `${fixed(100 * v, digits)}%` : fixed(v, digits);
}

/**
 * The balance table of a propensity-score analysis: per covariate, the group means (or
 * proportions), the standardised mean difference and the variance ratio before and after matching
 * or weighting, ready for {@link tableToMarkdown}.
 *
 * @remarks
 * Takes {@link stats!covariateBalance}'s result. SMDs are shown to 3 decimals and marked `a` when |SMD|
 * exceeds the threshold (0.1 by default: Austin 2009); categorical covariates get one row with the
 * Yang-Dalton SMD and an indented row per level with its proportions. Variance ratios are shown for
 * continuous covariates only. The footnotes give the threshold, the group sizes and the effective
 * sample sizes after weighting.
 * @param balance - A {@link stats!covariateBalance} result (with or without "after").
 * @param options - `caption`, `groupLabels`, `labels`, `digits`, `afterLabel`.
 * @returns A {@link DisplayTable}.
 * @throws {TypeError} If balance is not a covariateBalance result or an option has the wrong kind.
 * @throws {RangeError} If digits is not an integer in 0..6.
 * @example
 * const b = covariateBalance({ age: [50, 60, 40, 45] }, [1, 1, 0, 0], { weights: [1, 1, 1, 1] });
 * balanceTable(b).columns.length;
 * //=> 9
 * @see Austin PC. Balance diagnostics for comparing the distribution of baseline covariates between
 *   treatment groups in propensity-score matched samples. Stat Med 2009;28(25):3083-3107.
 *   doi:10.1002/sim.3697
 */
export function balanceTable(balance: CovariateBalanceResult, options: BalanceTableOptions = {}): DisplayTable {
  const fn = "balanceTable";
  if (balance === null || typeof balance !== "object" || !Array.isArray(balance.rows)) throw new TypeError(`${fn}: balance must be a covariateBalance result; got ${describeValue(balance)}.`);
  const known = ["caption", "groupLabels", "labels", "digits", "afterLabel"];
  for (const k of Object.keys(options)) if (!known.includes(k)) throw new TypeError(`${fn}: options.${k} is not a known option (known: ${known.join(", ")}).`);
  const digits = options.digits ?? 1;
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) throw new RangeError(`${fn}: options.digits must be an integer in 0..6; got ${describeValue(digits)}.`);
  const [gt, gc] = options.groupLabels ?? ["Treated", "Control"];
  const after = options.afterLabel ?? "adjustment";
  const labels = options.labels ?? {};
  const hasAfter = balance.rows.some((r) => r.after !== null);
  const thr = balance.threshold;
  const smdCell = (v: number): string | { text: string; sup: string } => (Math.abs(v) > thr ? { text: fixed(v, 3), sup: "a" } : fixed(v, 3));
  const vr = (s: BalanceStats): string => (s.varianceRatio === null ? "" : s.varianceRatio === Infinity ? "∞" : fixed(s.varianceRatio, 2));
  const columns = [
    "Covariate",
    `${gt} (before)`,
    `${gc} (before)`,
    "SMD before",
    "Variance ratio before",
    ...(hasAfter ? [`${gt} (after ${after})`, `${gc} (after ${after})`, "SMD after", "Variance ratio after"] : []),
  ];
  const rows: DisplayRow[] = [];
  for (const r of balance.rows) {
    const label = Object.hasOwn(labels, r.name) ? labels[r.name]! : r.name;
    const name = r.type === "binary" ? `${label}, %` : r.type === "continuous" ? `${label}, mean` : `${label}, %`;
    const cells = [name, summary(r.before, r.type, digits, "treated"), summary(r.before, r.type, digits, "control"), smdCell(r.before.smd), vr(r.before)];
    if (hasAfter) {
      const a = r.after!;
      cells.push(summary(a, r.type, digits, "treated"), summary(a, r.type, digits, "control"), smdCell(a.smd), vr(a));
    }
    rows.push({ cells });
    if (r.type === "categorical") {
      r.before.levels!.forEach((lv, k) => {
        const c = [String(lv.level), `${fixed(100 * lv.treated, digits)}%`, `${fixed(100 * lv.control, digits)}%`, "", ""];
        if (hasAfter) {
          const la = r.after!.levels![k]!;
          c.push(`${fixed(100 * la.treated, digits)}%`, `${fixed(100 * la.control, digits)}%`, "", "");
        }
        rows.push({ cells: c, indent: 1 });
      });
    }
  }
  const footnotes = [
    `a |SMD| > ${thr} (imbalance).`,
    `SMD: standardised mean difference (${gt} − ${gc}); categorical covariates: Yang-Dalton SMD over all levels. Variance ratio: ${gt} / ${gc}, continuous covariates.`,
    `Before: ${balance.n.before.treated} ${gt.toLowerCase()}, ${balance.n.before.control} ${gc.toLowerCase()}.` +
      (balance.n.after !== null ? ` After ${after}: ${balance.n.after.treated} and ${balance.n.after.control} units with weight > 0; effective sample sizes ${fixed(balance.ess!.treated, 1)} and ${fixed(balance.ess!.control, 1)}.` : ""),
  ];
  return { caption: options.caption ?? `Covariate balance before and after ${after}`, columns, rows, footnotes };
}
