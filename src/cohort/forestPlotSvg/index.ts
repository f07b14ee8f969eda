import { describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import { logTicks, n2, svgDocument, text, textWidth, tickLabel } from "../_lib/svg.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";
import type { RegressionTableResult } from "../regressionTable/index.js";

/** One estimate of a forest plot. */
export interface ForestPlotRow {
  readonly label: string;
  readonly oddsRatio: number;
  readonly confInt: readonly [number, number];
  readonly pValue?: number | null;
}

/** Options of {@link forestPlotSvg}. */
export interface ForestPlotSvgOptions {
  readonly title?: string;
  readonly width?: number;
  /** Axis label. Default `"Odds ratio (log scale)"`. */
  readonly xLabel?: string;
  /** Decimals of OR and CI in the right-hand column. Default 2. */
  readonly digits?: number;
  readonly pValueStyle?: PValueStyle;
  /** Name of the estimate in the right-hand column header and the description (default "OR"; "HR" for Cox models). */
  readonly estimateLabel?: string;
}

/**
 * A forest plot of odds ratios on a log axis as a standalone SVG: a point and CI line per term, the line of
 * no effect at 1, and "OR (95% CI) p" printed on the right.
 * @remarks Accepts {@link regressionTable}'s result (its continuous and level rows, labelled "term: level")
 * or plain rows. The figure widens beyond `width` rather than clip long labels. The axis spans every finite interval end (a decade each side at least); an interval end
 * that is 0 or infinite (separation) is drawn as an arrow at the axis edge.
 * @param input - A regression table result or rows.
 * @param options - Title, width, axis label, digits, p style.
 * @returns An SVG document.
 * @throws {TypeError} If `input` is neither.
 * @throws {RangeError} If an odds ratio is not a positive finite number, or width is below 300.
 * @example
 * forestPlotSvg([{ label: "Age", oddsRatio: 0.87, confInt: [0.79, 0.95], pValue: 0.004 }]).includes("0.87 (0.79, 0.95)");
 * //=> true
 * @see Lewis S, Clarke M. Forest plots: trying to see the wood and the trees. BMJ 2001;322:1479-80. doi:10.1136/bmj.322.7300.1479
 */
export function forestPlotSvg(input: RegressionTableResult | readonly ForestPlotRow[], options: ForestPlotSvgOptions = {}): string {
  const fn = "forestPlotSvg";
  let rows: ForestPlotRow[];
  if (isArray(input as readonly ForestPlotRow[])) rows = [...(input as readonly ForestPlotRow[])];
  else if (input !== null && typeof input === "object" && isArray((input as RegressionTableResult).rows)) {
    const rt = (input as RegressionTableResult).rows;
    rows = rt
      .filter((r) => (r.kind === "continuous" || r.kind === "level") && r.oddsRatio !== null && r.confInt !== null)
      .map((r) => {
        const heading = rt.find((h) => h.term === r.term && h.kind === "heading");
        const ref = rt.find((h) => h.term === r.term && h.kind === "reference");
        const label = r.kind === "level" && heading ? `${heading.label} (${r.label} vs ${ref?.label ?? "reference"})` : r.label;
        return { label, oddsRatio: r.oddsRatio!, confInt: r.confInt!, pValue: r.pValue };
      });
  } else throw new TypeError(`${fn}: input must be a regressionTable result or an array of rows; got ${describeValue(input)}.`);
  rows.forEach((r, i) => {
    if (typeof r.oddsRatio !== "number" || !(r.oddsRatio > 0) || !Number.isFinite(r.oddsRatio)) throw new RangeError(`${fn}: rows[${i}].oddsRatio must be a positive finite number; got ${describeValue(r.oddsRatio)}.`);
  });
  const W0 = options.width ?? 820;
  if (!(W0 >= 300)) throw new RangeError(`${fn}: options.width must be at least 300; got ${describeValue(W0)}.`);
  const digits = options.digits ?? 2;
  const style = options.pValueStyle ?? "paper";
  const num = (v: number): string => (v === Infinity ? "∞" : fixed(v, digits));
  const right = (r: ForestPlotRow): string => `${num(r.oddsRatio)} (${num(r.confInt[0])}, ${num(r.confInt[1])})`;
  const labelW = Math.max(80, ...rows.map((r) => textWidth(r.label, 12)));
  const est = options.estimateLabel ?? "OR";
  const orW = Math.max(textWidth(`${est} (95% CI)`, 12), ...rows.map((r) => textWidth(right(r), 12)));
  const pW = Math.max(textWidth("p-value", 12), ...rows.map((r) => (r.pValue == null ? 0 : textWidth(formatPValue(r.pValue, { style }), 12))));
  const left = 16 + labelW + 16;
  const plotW = Math.max(160, W0 - left - orW - pW - 16 - 24 - 16);
  // grow the figure rather than clip long labels
  const W = Math.ceil(Math.max(W0, left + plotW + 16 + orW + 24 + pW + 16));
  const plotR = left + plotW;
  const rowH = 28;
  const top = (options.title === undefined ? 16 : 44) + 24;
  const H = top + rows.length * rowH + 58;
  const finite = rows.flatMap((r) => [r.oddsRatio, r.confInt[0], r.confInt[1]]).filter((v) => v > 0 && Number.isFinite(v));
  let lo = Math.min(1, ...finite);
  let hi = Math.max(1, ...finite);
  lo = 10 ** Math.floor(Math.log10(lo) - 1e-9);
  hi = 10 ** Math.ceil(Math.log10(hi) + 1e-9);
  if (lo === hi) {
    lo /= 10;
    hi *= 10;
  }
  const x = (v: number): number => left + (plotW * (Math.log10(v) - Math.log10(lo))) / (Math.log10(hi) - Math.log10(lo));
  const clampX = (v: number): number => (v <= lo ? left : v >= hi ? plotR : x(v));
  const body: string[] = [];
  if (options.title !== undefined) body.push(text(W / 2, 26, options.title, { "font-size": 16, "font-weight": "bold", "text-anchor": "middle" }));
  const headY = top - 10;
  body.push(text(16, headY, "Characteristic", { "font-size": 12, "font-weight": "bold" }));
  body.push(text(plotR + 16, headY, `${est} (95% CI)`, { "font-size": 12, "font-weight": "bold" }));
  body.push(text(W - 16, headY, "p-value", { "font-size": 12, "font-weight": "bold", "text-anchor": "end" }));
  const ticks = logTicks(lo, hi);
  const bottomY = top + rows.length * rowH;
  for (const t of ticks) {
    body.push(`<line x1="${n2(x(t))}" y1="${top}" x2="${n2(x(t))}" y2="${n2(bottomY)}" stroke="#eee"/>`);
    body.push(`<line x1="${n2(x(t))}" y1="${n2(bottomY)}" x2="${n2(x(t))}" y2="${n2(bottomY + 5)}" stroke="#444"/>`);
    body.push(text(x(t), bottomY + 18, tickLabel(t), { "text-anchor": "middle", "font-size": 11 }));
  }
  body.push(`<line x1="${left}" y1="${n2(bottomY)}" x2="${n2(plotR)}" y2="${n2(bottomY)}" stroke="#444"/>`);
  body.push(`<line x1="${n2(x(1))}" y1="${top - 4}" x2="${n2(x(1))}" y2="${n2(bottomY)}" stroke="#666" stroke-dasharray="4 3"/>`);
  body.push(text((left + plotR) / 2, bottomY + 38, options.xLabel ?? "Odds ratio (log scale)", { "text-anchor": "middle", "font-size": 12 }));
  rows.forEach((r, i) => {
    const cy = top + rowH * (i + 0.5);
    if (i % 2 === 0) body.push(`<rect x="8" y="${n2(cy - rowH / 2)}" width="${W - 16}" height="${rowH}" fill="#f6f8fa"/>`);
    body.push(text(16, cy + 4, r.label, { "font-size": 12 }));
    const a = clampX(r.confInt[0]);
    const b = clampX(r.confInt[1]);
    body.push(`<line x1="${n2(a)}" y1="${n2(cy)}" x2="${n2(b)}" y2="${n2(cy)}" stroke="#222" stroke-width="1.6"/>`);
    if (r.confInt[0] <= lo) body.push(`<path d="M${n2(a)} ${n2(cy)}l7 -4v8z" fill="#222"/>`);
    else body.push(`<line x1="${n2(a)}" y1="${n2(cy - 5)}" x2="${n2(a)}" y2="${n2(cy + 5)}" stroke="#222" stroke-width="1.6"/>`);
    if (r.confInt[1] >= hi) body.push(`<path d="M${n2(b)} ${n2(cy)}l-7 -4v8z" fill="#222"/>`);
    else body.push(`<line x1="${n2(b)}" y1="${n2(cy - 5)}" x2="${n2(b)}" y2="${n2(cy + 5)}" stroke="#222" stroke-width="1.6"/>`);
    body.push(`<rect x="${n2(clampX(r.oddsRatio) - 4)}" y="${n2(cy - 4)}" width="8" height="8" fill="#0072B2"/>`);
    body.push(text(plotR + 16, cy + 4, right(r), { "font-size": 12 }));
    if (r.pValue != null) body.push(text(W - 16, cy + 4, formatPValue(r.pValue, { style }), { "font-size": 12, "text-anchor": "end" }));
  });
  const desc = `Forest plot: ${rows.map((r) => `${r.label} ${est} ${right(r)}`).join("; ")}.`;
  return svgDocument(W, H, options.title, desc, body);
}
