import { assertOneOf, describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import type { LogisticRegressionResult } from "../_lib/stats.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";
import type { DisplayRow, DisplayTable } from "../renderTable/index.js";

const FN = "regressionTable";

/** One level of a categorical (0/1) term. */
export interface RegressionLevel {
  /** Level label, e.g. `"0"`, `"No"`. */
  readonly label: string;
  /** Observations at this level. */
  readonly n: number;
  /** Events (y = 1) at this level. */
  readonly events: number;
}

/** A term of the table: a coefficient of the fit, how to label it, and its counts. */
export interface RegressionTerm {
  /** Coefficient name in the fit (`names` given to `logisticRegression`). */
  readonly name: string;
  /** Row label; default the name. */
  readonly label?: string;
  /** `"continuous"` (one row) or `"binary"` (heading, reference level, level 1). Default from `data`, else continuous. */
  readonly type?: "continuous" | "binary";
  /** Counts: continuous → { n, events } of the rows used; binary → [reference, level 1]. Default from `data`. */
  readonly counts?: RegressionLevel | readonly [RegressionLevel, RegressionLevel];
}

/** Options of {@link regressionTable}. */
export interface RegressionTableOptions {
  /** Terms in order; default every coefficient but the intercept, by name. */
  readonly terms?: readonly RegressionTerm[];
  /** The data of the fit (rows = observations, as given to `logisticRegression`), to count N and events per level. */
  readonly data?: { readonly X: readonly (readonly number[])[]; readonly y: readonly number[]; readonly names: readonly string[] };
  /** Decimals of OR and CI. Default 2 (the paper). */
  readonly digits?: number;
  readonly pValueStyle?: PValueStyle;
  readonly caption?: string;
  /** Include the intercept row. Default false. */
  readonly intercept?: boolean;
}

/** One row of the regression table (plain data). */
export interface RegressionTableRow {
  readonly term: string;
  readonly label: string;
  /** `"continuous"`, `"heading"` (binary term name), `"reference"` (level 0) or `"level"` (level 1). */
  readonly kind: "continuous" | "heading" | "reference" | "level" | "intercept";
  readonly n: number | null;
  readonly events: number | null;
  readonly oddsRatio: number | null;
  readonly confInt: [number, number] | null;
  readonly pValue: number | null;
}

/** Result of {@link regressionTable}. */
export interface RegressionTableResult {
  readonly rows: RegressionTableRow[];
  readonly table: DisplayTable;
}

/**
 * The multivariable logistic regression table of the paper's Table 2: N, events, OR, 95% CI, p-value per
 * term, with reference and level rows for binary terms.
 * @remarks OR = exp(estimate), CI = `oddsRatioConfInt` of the fit (profile likelihood by default, as R's
 * `confint`), p = Wald z test (R's `summary.glm`). For a binary (0/1) term the table shows a heading, the
 * reference level (0) with "—", and level 1 with the OR; N and events per level come from `counts` or are
 * counted in `data`. An interval end that is infinite (separation) prints "∞" / "0.00".
 * @param fit - A `logisticRegression` result.
 * @param options - Terms, data for counts, digits, style, caption.
 * @returns Rows and a display table.
 * @throws {TypeError} If `fit` is not a logistic regression result or an option is unknown.
 * @throws {RangeError} If a term names no coefficient, `data` is ragged, or counts are not integers with
 * events ≤ n.
 * @example
 * const X = [...Array(10).fill([0]), ...Array(10).fill([1])];
 * const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0];
 * const fit = logisticRegression(X, y, { names: ["treated"], confIntMethod: "wald" });
 * const t = regressionTable(fit, { data: { X, y, names: ["treated"] } });
 * t.table.rows.map((r) => r.cells.join(" | "));
 * //=> ["treated |  |  |  |  | ", "0 | 10 | 3 | — | — | ", "1 | 10 | 7 | 5.44 | 0.80, 36.87 | 0.082"]
 * @see Mao Y, et al. Efficacy and Safety of Upadacitinib for Refractory IBD. Drug Des Devel Ther 2025 (Table 2).
 * @see R `stats::glm(family = binomial)`, `confint()`.
 */
export function regressionTable(fit: LogisticRegressionResult, options: RegressionTableOptions = {}): RegressionTableResult {
  if (fit === null || typeof fit !== "object" || !isArray(fit.coefficients)) throw new TypeError(`${FN}: fit must be a logisticRegression result; got ${describeValue(fit)}.`);
  const digits = options.digits ?? 2;
  const style = options.pValueStyle ?? "paper";
  const data = options.data;
  if (data !== undefined) {
    if (!isArray(data.X) || !isArray(data.y) || data.X.length !== data.y.length) throw new RangeError(`${FN}: options.data.X and options.data.y must have the same length; got ${describeValue(data.X)} and ${describeValue(data.y)}.`);
    data.X.forEach((r, i) => {
      if (!isArray(r) || r.length !== data.names.length) throw new RangeError(`${FN}: options.data.X[${i}] must hold ${data.names.length} values (one per name); got ${describeValue(r)}.`);
    });
  }
  const coefs = fit.coefficients;
  const terms: RegressionTerm[] = options.terms ? [...options.terms] : coefs.filter((c) => c.name !== "(Intercept)").map((c) => ({ name: c.name }));
  const rows: RegressionTableRow[] = [];
  if (options.intercept === true) {
    const c = coefs.find((x) => x.name === "(Intercept)");
    if (c !== undefined) rows.push({ term: c.name, label: "(Intercept)", kind: "intercept", n: data?.y.length ?? null, events: data ? data.y.filter((v) => v === 1).length : null, oddsRatio: c.oddsRatio, confInt: c.oddsRatioConfInt, pValue: c.pValue });
  }
  terms.forEach((t, i) => {
    const c = coefs.find((x) => x.name === t.name);
    if (c === undefined) throw new RangeError(`${FN}: options.terms[${i}].name must name a coefficient of the fit; got "${t.name}".`);
    const col = data ? data.names.indexOf(t.name) : -1;
    const values = col >= 0 && data ? data.X.map((r) => r[col]!) : null;
    const binaryData = values !== null && values.every((v) => v === 0 || v === 1);
    const type = t.type === undefined ? (isArray(t.counts as readonly RegressionLevel[]) || binaryData ? "binary" : "continuous") : assertOneOf(FN, `options.terms[${i}].type`, t.type, ["continuous", "binary"] as const);
    const label = t.label ?? t.name;
    const count = (pick: (v: number) => boolean): RegressionLevel => {
      const idx = values!.map((v, k) => (pick(v) ? k : -1)).filter((k) => k >= 0);
      return { label: "", n: idx.length, events: idx.filter((k) => data!.y[k] === 1).length };
    };
    const check = (l: RegressionLevel, at: string): RegressionLevel => {
      if (!Number.isInteger(l.n) || !Number.isInteger(l.events) || l.events < 0 || l.events > l.n) throw new RangeError(`${FN}: ${at} must hold integer n and events with 0 <= events <= n; got n ${describeValue(l.n)}, events ${describeValue(l.events)}.`);
      return l;
    };
    if (type === "continuous") {
      const cnt = t.counts !== undefined && !isArray(t.counts as readonly RegressionLevel[]) ? check(t.counts as RegressionLevel, `options.terms[${i}].counts`) : values !== null ? count(() => true) : null;
      rows.push({ term: t.name, label, kind: "continuous", n: cnt?.n ?? null, events: cnt?.events ?? null, oddsRatio: c.oddsRatio, confInt: c.oddsRatioConfInt, pValue: c.pValue });
      return;
    }
    const given = isArray(t.counts as readonly RegressionLevel[]) ? (t.counts as readonly [RegressionLevel, RegressionLevel]) : null;
    const ref = given ? check(given[0], `options.terms[${i}].counts[0]`) : values ? { ...count((v) => v === 0), label: "0" } : null;
    const lvl = given ? check(given[1], `options.terms[${i}].counts[1]`) : values ? { ...count((v) => v === 1), label: "1" } : null;
    rows.push({ term: t.name, label, kind: "heading", n: null, events: null, oddsRatio: null, confInt: null, pValue: null });
    rows.push({ term: t.name, label: ref?.label || "0", kind: "reference", n: ref?.n ?? null, events: ref?.events ?? null, oddsRatio: null, confInt: null, pValue: null });
    rows.push({ term: t.name, label: lvl?.label || "1", kind: "level", n: lvl?.n ?? null, events: lvl?.events ?? null, oddsRatio: c.oddsRatio, confInt: c.oddsRatioConfInt, pValue: c.pValue });
  });
  const num = (x: number): string => (x === Infinity ? "∞" : fixed(x, digits));
  const body: DisplayRow[] = rows.map((r) => {
    const nn = r.n === null ? "" : String(r.n);
    const ev = r.events === null ? "" : String(r.events);
    if (r.kind === "heading") return { cells: [r.label, "", "", "", "", ""] };
    if (r.kind === "reference") return { cells: [r.label, nn, ev, "—", "—", ""], indent: 1 };
    const cells = [r.label, nn, ev, num(r.oddsRatio!), `${num(r.confInt![0])}, ${num(r.confInt![1])}`, formatPValue(r.pValue!, { style })];
    return r.kind === "level" ? { cells, indent: 1 } : { cells };
  });
  const table: DisplayTable = {
    ...(options.caption === undefined ? {} : { caption: options.caption }),
    columns: ["Characteristic", "N", "Event N", "OR", "95% CI", "p-value"],
    rows: body,
    footnotes: ["OR = odds ratio, CI = confidence interval."],
  };
  return { rows, table };
}
