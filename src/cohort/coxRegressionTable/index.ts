import { describeValue } from "../../_lib/errors.js";
import type { CoxRegressionResult, ProportionalHazardsTestResult } from "../../stats/index.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import type { ForestPlotRow } from "../forestPlotSvg/index.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";
import type { DisplayRow, DisplayTable } from "../renderTable/index.js";

/** A term of {@link coxRegressionTable}: a coefficient, its label, and whether it is 0/1. */
export interface CoxTableTerm {
  /** Coefficient name in the fit. */
  readonly name: string;
  /** Row label; default the name. */
  readonly label?: string;
  /** `"binary"` shows a heading, the reference level and level 1, as the regression table. Default from `data`. */
  readonly type?: "continuous" | "binary";
  /** Level labels of a binary term (default ["0", "1"]). */
  readonly levels?: readonly [string, string];
}

/** Options of {@link coxRegressionTable}. */
export interface CoxRegressionTableOptions {
  /** Terms in order (default every coefficient). */
  readonly terms?: readonly CoxTableTerm[];
  /** The data of the fit, to count N and events per level (columns named as the coefficients). */
  readonly data?: { readonly X: readonly (readonly number[])[]; readonly status: readonly number[]; readonly names: readonly string[] };
  /** The proportional-hazards test of the same model, for a "PH test p" column. */
  readonly phTest?: ProportionalHazardsTestResult;
  /** Decimals of HR and CI (default 2). */
  readonly digits?: number;
  readonly pValueStyle?: PValueStyle;
  readonly caption?: string;
}

/** One row of the Cox table (plain data). */
export interface CoxTableRow {
  readonly term: string;
  readonly label: string;
  readonly kind: "continuous" | "heading" | "reference" | "level";
  readonly n: number | null;
  readonly events: number | null;
  readonly hazardRatio: number | null;
  readonly confInt: readonly [number, number] | null;
  readonly pValue: number | null;
  /** p-value of the term's proportional-hazards test, or null. */
  readonly phPValue: number | null;
}

/** Result of {@link coxRegressionTable}. */
export interface CoxRegressionTableResult {
  readonly rows: CoxTableRow[];
  readonly table: DisplayTable;
  /** Rows for {@link forestPlotSvg} (with `estimateLabel: "HR"`). */
  readonly forest: ForestPlotRow[];
}

/**
 * A Cox regression table in the regression table's layout: N, events, HR, CI, p per term (a binary
 * term as heading, reference level and level 1), plus the proportional-hazards test p per term.
 * @remarks HR = exp(estimate) with the fit's interval (robust when the fit used the robust
 * variance), p = the fit's Wald z test, as `summary(coxph)`; the PH column is
 * `proportionalHazardsTest`'s per-term p (`cox.zph`), and its global test goes in a footnote.
 * @param fit - A `coxRegression` result.
 * @param options - See {@link CoxRegressionTableOptions}.
 * @returns Rows, a display table and forest-plot rows.
 * @throws {TypeError} If `fit` is not a coxRegression result.
 * @throws {RangeError} If a term names no coefficient or `data` is ragged.
 * @example
 * const fit = coxRegression([[0], [1], [0], [1], [1], [0], [1], [0]], [5, 2, 7, 3, 4, 6, 8, 1], [1, 1, 0, 1, 0, 1, 1, 1], { names: ["treated"] });
 * coxRegressionTable(fit).table.columns;
 * //=> ["Characteristic", "N", "Event N", "HR", "95% CI", "p-value"]
 * @see R `survival::coxph`, `summary.coxph`, `cox.zph`.
 */
export function coxRegressionTable(fit: CoxRegressionResult, options: CoxRegressionTableOptions = {}): CoxRegressionTableResult {
  const fn = "coxRegressionTable";
  if (fit === null || typeof fit !== "object" || !isArray(fit.coefficients)) throw new TypeError(`${fn}: fit must be a coxRegression result; got ${describeValue(fit)}.`);
  const digits = options.digits ?? 2;
  const style = options.pValueStyle ?? "paper";
  const data = options.data;
  if (data !== undefined) {
    if (!isArray(data.X) || !isArray(data.status) || data.X.length !== data.status.length) throw new RangeError(`${fn}: options.data.X and options.data.status must have the same length; got ${describeValue(data.X)} and ${describeValue(data.status)}.`);
    data.X.forEach((r, i) => {
      if (!isArray(r) || r.length !== data.names.length) throw new RangeError(`${fn}: options.data.X[${i}] must hold ${data.names.length} values (one per name); got ${describeValue(r)}.`);
    });
  }
  const terms: readonly CoxTableTerm[] = options.terms ?? fit.coefficients.map((c) => ({ name: c.name }));
  const ph = options.phTest;
  const rows: CoxTableRow[] = [];
  terms.forEach((t, i) => {
    const c = fit.coefficients.find((x) => x.name === t.name);
    if (c === undefined) throw new RangeError(`${fn}: options.terms[${i}].name must name a coefficient of the fit; got "${t.name}".`);
    const j = fit.coefficients.indexOf(c);
    const phP = ph?.terms[j]?.pValue ?? null;
    const col = data ? data.names.indexOf(t.name) : -1;
    const values = col >= 0 && data ? data.X.map((r) => r[col]!) : null;
    const binary = t.type === undefined ? values !== null && values.every((v) => v === 0 || v === 1) : t.type === "binary";
    const count = (pick: (v: number) => boolean): [number, number] | null => {
      if (values === null || data === undefined) return null;
      let n = 0;
      let e = 0;
      values.forEach((v, k) => {
        if (pick(v)) {
          n++;
          if (data.status[k] === 1) e++;
        }
      });
      return [n, e];
    };
    const label = t.label ?? t.name;
    const est = { hazardRatio: c.hazardRatio, confInt: c.hazardRatioConfInt, pValue: c.pValue, phPValue: phP };
    const none = { hazardRatio: null, confInt: null, pValue: null, phPValue: null };
    if (!binary) {
      const k = count(() => true);
      rows.push({ term: t.name, label, kind: "continuous", n: k?.[0] ?? null, events: k?.[1] ?? null, ...est });
      return;
    }
    const [l0, l1] = t.levels ?? ["0", "1"];
    const k0 = count((v) => v === 0);
    const k1 = count((v) => v === 1);
    rows.push({ term: t.name, label, kind: "heading", n: null, events: null, ...none, phPValue: phP });
    rows.push({ term: t.name, label: l0, kind: "reference", n: k0?.[0] ?? null, events: k0?.[1] ?? null, ...none });
    rows.push({ term: t.name, label: l1, kind: "level", n: k1?.[0] ?? null, events: k1?.[1] ?? null, ...est, phPValue: null });
  });
  const num = (x: number): string => (x === Infinity ? "∞" : fixed(x, digits));
  const withPh = ph !== undefined;
  const body: DisplayRow[] = rows.map((r) => {
    const nn = r.n === null ? "" : String(r.n);
    const ev = r.events === null ? "" : String(r.events);
    const phCell = withPh ? [r.phPValue === null ? "" : formatPValue(r.phPValue, { style })] : [];
    if (r.kind === "heading") return { cells: [r.label, "", "", "", "", "", ...phCell] };
    if (r.kind === "reference") return { cells: [r.label, nn, ev, "—", "—", "", ...phCell], indent: 1 };
    const cells = [r.label, nn, ev, num(r.hazardRatio!), `${num(r.confInt![0])}, ${num(r.confInt![1])}`, formatPValue(r.pValue!, { style }), ...phCell];
    return r.kind === "level" ? { cells, indent: 1 } : { cells };
  });
  const robust = fit.coefficients.some((c) => c.robustStdError !== undefined);
  const footnotes = [
    `HR = hazard ratio, CI = confidence interval${robust ? " (robust variance)" : ""}; Cox proportional-hazards model, ${fit.nEvents} events in ${fit.n} subjects; concordance ${fit.concordance.estimate === null ? "not computable (no comparable pairs)" : fixed(fit.concordance.estimate, 3)}.`,
    ...(withPh ? [`PH test: score test of proportional hazards per term (cox.zph); global p ${formatPValue(ph.global.pValue, { style })}.`] : []),
    ...fit.warnings,
  ];
  const table: DisplayTable = {
    ...(options.caption === undefined ? {} : { caption: options.caption }),
    columns: ["Characteristic", "N", "Event N", "HR", "95% CI", "p-value", ...(withPh ? ["PH test p"] : [])],
    rows: body,
    footnotes,
  };
  const forest: ForestPlotRow[] = rows
    .filter((r) => (r.kind === "continuous" || r.kind === "level") && r.hazardRatio !== null && Number.isFinite(r.hazardRatio) && r.hazardRatio > 0)
    .map((r) => {
      const heading = rows.find((h) => h.term === r.term && h.kind === "heading");
      const ref = rows.find((h) => h.term === r.term && h.kind === "reference");
      const label = r.kind === "level" && heading ? `${heading.label} (${r.label} vs ${ref?.label ?? "reference"})` : r.label;
      return { label, oddsRatio: r.hazardRatio!, confInt: [r.confInt![0], r.confInt![1]] as const, pValue: r.pValue };
    });
  return { rows, table, forest };
}
