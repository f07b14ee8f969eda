import { describeValue } from "../../_lib/errors.js";
import { covariateBalance, type CovariateColumns } from "../../stats/covariateBalance/index.js";
import type { SmdType } from "../../stats/standardizedMeanDifference/index.js";
import { fixed } from "../_lib/round.js";
import type { DisplayRow, DisplayTable } from "../renderTable/index.js";

/** Options of {@link weightedSummaryTable}. */
export interface WeightedSummaryTableOptions {
  /** Weights (IPTW or matching), one per unit, >= 0; units with weight 0 are left out. */
  readonly weights: readonly number[];
  /** Display names by column name (own keys only). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Kind of each column (as {@link stats!covariateBalance}). */
  readonly types?: Readonly<Record<string, SmdType>>;
  /** Labels of the groups. Default ["Treated", "Control"]. */
  readonly groupLabels?: readonly [string, string];
  /** Decimals of means, SDs and percentages. Default 1. */
  readonly digits?: number;
  readonly caption?: string;
}

function wStats(x: number[], w: number[]): { mean: number; sd: number; sum: number } {
  let sw = 0;
  let sw2 = 0;
  let sx = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i]!;
    sw2 += w[i]! ** 2;
    sx += w[i]! * x[i]!;
  }
  const m = sx / sw;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += w[i]! * (x[i]! - m) ** 2;
  const denom = sw * sw - sw2;
  return { mean: m, sd: denom > 0 ? Math.sqrt((sw / denom) * ss) : 0, sum: sw };
}

/**
 * The weighted Table 1: baseline characteristics of the treated and control groups in the weighted
 * (or matched) sample, with weighted means (SD), weighted counts (%) and the weighted standardised
 * mean difference.
 *
 * @remarks
 * Each group's header gives its weighted size (sum of weights) and Kish effective sample size.
 * Continuous rows: weighted mean (SD), the SD from the reliability-weighted variance (the usual SD
 * when all weights are 1); binary and categorical rows: weighted count (sum of the weights of the
 * units in the category) and weighted percentage. The SMD column is
 * {@link stats!covariateBalance}'s "after" SMD (Yang-Dalton for categorical variables). Units with
 * weight 0 (unmatched) are left out. No p-values: in a weighted pseudo-population they do not
 * test anything useful about balance (Austin 2009). Values must not be missing.
 * @param columns - Columns by name, one value per unit.
 * @param treatment - 1 = treated, 0 = control, one per unit.
 * @param options - `weights` (required), `labels`, `types`, `groupLabels`, `digits`, `caption`.
 * @returns A {@link DisplayTable} for {@link tableToMarkdown}.
 * @throws {TypeError} If an argument or option has the wrong kind or an option is unknown.
 * @throws {RangeError} If a column has the wrong length or missing values, or the weights are bad.
 * @example
 * const t = weightedSummaryTable({ age: [50, 60, 40, 45] }, [1, 1, 0, 0], { weights: [1, 1, 2, 2] });
 * t.rows[0]!.cells;
 * //=> ["Age, mean (SD)", "55.0 (7.1)", "42.5 (3.5)", "2.236"]
 * @see Austin PC. Balance diagnostics for comparing the distribution of baseline covariates between
 *   treatment groups in propensity-score matched samples. Stat Med 2009;28(25):3083-3107.
 *   doi:10.1002/sim.3697
 * @see R: `tableone::svyCreateTableOne` on a `survey::svydesign` with the weights.
 */
export function weightedSummaryTable(columns: CovariateColumns, treatment: readonly number[], options: WeightedSummaryTableOptions): DisplayTable {
  const fn = "weightedSummaryTable";
  if (options === null || typeof options !== "object") throw new TypeError(`${fn}: options must be an object with weights; got ${describeValue(options)}.`);
  const known = ["weights", "labels", "types", "groupLabels", "digits", "caption"];
  for (const k of Object.keys(options)) if (!known.includes(k)) throw new TypeError(`${fn}: options.${k} is not a known option (known: ${known.join(", ")}).`);
  if (options.weights === undefined) throw new TypeError(`${fn}: options.weights is required (one weight per unit); got undefined.`);
  const digits = options.digits ?? 1;
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) throw new RangeError(`${fn}: options.digits must be an integer in 0..6; got ${describeValue(digits)}.`);
  let bal;
  try {
    bal = covariateBalance(columns, treatment, { weights: options.weights, ...(options.types !== undefined ? { types: options.types } : {}) });
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) {
      const Ctor = e instanceof RangeError ? RangeError : TypeError;
      throw new Ctor(e.message.replace(/^covariateBalance: /, `${fn}: `));
    }
    throw e;
  }
  const w = options.weights;
  const [gt, gc] = options.groupLabels ?? ["Treated", "Control"];
  const labels = options.labels ?? {};
  const idx: [number[], number[]] = [[], []];
  treatment.forEach((t, i) => {
    if (w[i]! > 0) idx[t === 1 ? 0 : 1].push(i);
  });
  const sumW = idx.map((ix) => ix.reduce((s, i) => s + w[i]!, 0));
  const rows: DisplayRow[] = [];
  for (const r of bal.rows) {
    const col = columns[r.name]!;
    const label = Object.hasOwn(labels, r.name) ? labels[r.name]! : r.name[0]!.toUpperCase() + r.name.slice(1);
    const smd = fixed(r.after!.smd, 3);
    if (r.type === "continuous") {
      const cells = idx.map((ix) => {
        const s = wStats(ix.map((i) => col[i] as number), ix.map((i) => w[i]!));
        return `${fixed(s.mean, digits)} (${fixed(s.sd, digits)})`;
      });
      rows.push({ cells: [`${label}, mean (SD)`, cells[0]!, cells[1]!, smd] });
    } else if (r.type === "binary") {
      const cells = idx.map((ix, g) => {
        const n1 = ix.reduce((s, i) => s + (col[i] === 1 || col[i] === true ? w[i]! : 0), 0);
        return `${fixed(n1, digits)} (${fixed((100 * n1) / sumW[g]!, digits)}%)`;
      });
      rows.push({ cells: [`${label}, n (%)`, cells[0]!, cells[1]!, smd] });
    } else {
      rows.push({ cells: [`${label}, n (%)`, "", "", smd] });
      for (const lv of r.after!.levels!) {
        const cells = idx.map((ix, g) => {
          const n1 = ix.reduce((s, i) => s + (col[i] === lv.level ? w[i]! : 0), 0);
          return `${fixed(n1, digits)} (${fixed((100 * n1) / sumW[g]!, digits)}%)`;
        });
        rows.push({ cells: [String(lv.level), cells[0]!, cells[1]!, ""], indent: 1 });
      }
    }
  }
  const head = (g: 0 | 1, name: string): string => `${name}, weighted N = ${fixed(sumW[g]!, 1)} (ESS ${fixed(g === 0 ? bal.ess!.treated : bal.ess!.control, 1)})`;
  return {
    caption: options.caption ?? "Table 1 Baseline characteristics in the weighted sample",
    columns: ["Characteristic", head(0, gt), head(1, gc), "SMD"],
    rows,
    footnotes: [
      "Weighted means (SD), weighted counts (%): sums of the weights; ESS: Kish effective sample size.",
      `SMD: weighted standardised mean difference (${gt} − ${gc}); |SMD| < 0.1 is usually read as balanced.`,
    ],
  };
}
