import { describeValue } from "../../_lib/errors.js";
import type { CovariateBalanceResult } from "../../stats/covariateBalance/index.js";
import { fixed } from "../_lib/round.js";
import { n2, niceTicks, svgDocument, text, textWidth } from "../_lib/svg.js";

/** Options of {@link lovePlotSvg}. */
export interface LovePlotSvgOptions {
  readonly title?: string;
  /** Width in px (>= 300). Default 720. */
  readonly width?: number;
  /** Display names by covariate name (own keys only). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Plot signed SMDs instead of absolute ones. Default false (absolute, as usual). */
  readonly signed?: boolean;
  /** Legend label of the "after" points. Default "After adjustment". */
  readonly afterLabel?: string;
}

/**
 * Love plot: the standardised mean difference of each covariate before (open circles) and after
 * (filled) matching or weighting, with the balance threshold drawn as a dashed line (0.1 by
 * default), as a standalone SVG string.
 *
 * @remarks
 * Covariates are listed top to bottom in the order of {@link stats!covariateBalance}'s rows; the x axis is
 * |SMD| (or signed SMD with `signed`, with lines at ± threshold). An infinite SMD (a covariate that
 * separates the groups) is drawn at the right edge with an arrow. Named after Thomas Love, who
 * popularised the display.
 * @param balance - A {@link stats!covariateBalance} result.
 * @param options - `title`, `width`, `labels`, `signed`, `afterLabel`.
 * @returns An SVG document.
 * @throws {TypeError} If balance is not a covariateBalance result.
 * @throws {RangeError} If width is below 300.
 * @example
 * const b = covariateBalance({ age: [50, 60, 40, 45] }, [1, 1, 0, 0], { weights: [1, 1, 1, 1] });
 * lovePlotSvg(b).startsWith("<svg");
 * //=> true
 * @see Ahmed A, Husain A, Love TE, et al. Heart failure, chronic diuretic use, and increase in
 *   mortality and hospitalization: an observational study using propensity score methods. Eur Heart
 *   J 2006;27(12):1431-1439. doi:10.1093/eurheartj/ehi890
 */
export function lovePlotSvg(balance: CovariateBalanceResult, options: LovePlotSvgOptions = {}): string {
  const fn = "lovePlotSvg";
  if (balance === null || typeof balance !== "object" || !Array.isArray(balance.rows) || balance.rows.length === 0) {
    throw new TypeError(`${fn}: balance must be a covariateBalance result with rows; got ${describeValue(balance)}.`);
  }
  const known = ["title", "width", "labels", "signed", "afterLabel"];
  for (const k of Object.keys(options)) if (!known.includes(k)) throw new TypeError(`${fn}: options.${k} is not a known option (known: ${known.join(", ")}).`);
  const W0 = options.width ?? 720;
  if (typeof W0 !== "number" || !(W0 >= 300)) throw new RangeError(`${fn}: options.width must be at least 300; got ${describeValue(W0)}.`);
  const signed = options.signed === true;
  const labels = options.labels ?? {};
  const thr = balance.threshold;
  const rows = balance.rows.map((r) => ({
    label: Object.hasOwn(labels, r.name) ? labels[r.name]! : r.name,
    before: signed ? r.before.smd : Math.abs(r.before.smd),
    after: r.after === null ? null : signed ? r.after.smd : Math.abs(r.after.smd),
  }));
  const finite = rows.flatMap((r) => [r.before, r.after ?? 0]).filter((v) => Number.isFinite(v));
  let hi = Math.max(thr * 1.5, ...finite.map(Math.abs));
  const ticks = niceTicks(signed ? -hi : 0, hi);
  // extend the axis to the first tick at or beyond the largest value
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : hi;
  while (ticks[ticks.length - 1]! < hi - 1e-12) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  if (signed) while (ticks[0]! > -hi + 1e-12) ticks.unshift(Number((ticks[0]! - step).toPrecision(12)));
  hi = ticks[ticks.length - 1]!;
  const lo = signed ? Math.min(-hi, ticks[0]!) : 0;
  const labelW = Math.max(80, ...rows.map((r) => textWidth(r.label, 12)));
  const left = 16 + labelW + 16;
  const W = Math.max(W0, left + 200);
  const plotR = W - 24;
  const rowH = 24;
  const top = (options.title === undefined ? 16 : 44) + 28;
  const bottom = top + rows.length * rowH;
  const H = bottom + 66;
  const x = (v: number): number => left + ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * (plotR - left);
  const body: string[] = [];
  if (options.title !== undefined) body.push(text(W / 2, 26, options.title, { "font-size": 16, "font-weight": "bold", "text-anchor": "middle" }));
  // legend
  const ly = top - 14;
  body.push(`<circle cx="${left + 6}" cy="${ly - 4}" r="4.5" fill="#ffffff" stroke="#D55E00" stroke-width="1.6"/>`);
  body.push(text(left + 16, ly, "Before", { "font-size": 11 }));
  if (rows.some((r) => r.after !== null)) {
    body.push(`<circle cx="${left + 76}" cy="${ly - 4}" r="4.5" fill="#0072B2"/>`);
    body.push(text(left + 86, ly, options.afterLabel ?? "After adjustment", { "font-size": 11 }));
  }
  for (const t of ticks) {
    if (t < lo || t > hi) continue;
    body.push(`<line x1="${n2(x(t))}" y1="${top}" x2="${n2(x(t))}" y2="${n2(bottom)}" stroke="#eee"/>`);
    body.push(text(x(t), bottom + 18, fixed(t, 2), { "text-anchor": "middle", "font-size": 11 }));
  }
  body.push(`<line x1="${left}" y1="${n2(bottom)}" x2="${n2(plotR)}" y2="${n2(bottom)}" stroke="#444"/>`);
  for (const t of signed ? [-thr, thr] : [thr]) {
    body.push(`<line class="threshold" x1="${n2(x(t))}" y1="${top - 4}" x2="${n2(x(t))}" y2="${n2(bottom)}" stroke="#444" stroke-dasharray="5 4"/>`);
    if (!ticks.includes(t)) body.push(text(x(t), bottom + 30, String(t), { "text-anchor": "middle", "font-size": 10, fill: "#444" }));
  }
  if (signed) body.push(`<line x1="${n2(x(0))}" y1="${top}" x2="${n2(x(0))}" y2="${n2(bottom)}" stroke="#888"/>`);
  body.push(text((left + plotR) / 2, bottom + 50, signed ? "Standardised mean difference" : "Absolute standardised mean difference", { "text-anchor": "middle", "font-size": 12 }));
  rows.forEach((r, i) => {
    const cy = top + rowH * (i + 0.5);
    if (i % 2 === 0) body.push(`<rect x="8" y="${n2(cy - rowH / 2)}" width="${W - 16}" height="${rowH}" fill="#f6f8fa"/>`);
    body.push(text(16, cy + 4, r.label, { "font-size": 12 }));
    const point = (v: number, fill: string, stroke: string): string =>
      Number.isFinite(v) ? `<circle cx="${n2(x(v))}" cy="${n2(cy)}" r="4.5" fill="${fill}" stroke="${stroke}" stroke-width="1.6"/>` : `<path d="M${n2(v > 0 ? plotR : left)} ${n2(cy)}l${v > 0 ? -8 : 8} -5v10z" fill="${stroke}"/>`;
    if (r.after !== null) body.push(`<line x1="${n2(x(r.before))}" y1="${n2(cy)}" x2="${n2(x(r.after))}" y2="${n2(cy)}" stroke="#bbb"/>`);
    body.push(point(r.before, "#ffffff", "#D55E00"));
    if (r.after !== null) body.push(point(r.after, "#0072B2", "#0072B2"));
  });
  const fmt = (v: number): string => (Number.isFinite(v) ? fixed(v, 3) : "infinite");
  const desc = `Love plot, threshold ${thr}: ${rows.map((r) => `${r.label} ${fmt(r.before)}${r.after !== null ? ` to ${fmt(r.after)}` : ""}`).join("; ")}.`;
  return svgDocument(W, H, options.title, desc, body);
}
