import { describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { chartSize, n2, niceTicks, PALETTE, svgDocument, text, textWidth, valueAxis, xml } from "../_lib/svg.js";
import { ESTIMAND_LABELS } from "../estimands/index.js";
import type { EstimandRatesResult } from "../estimandRates/index.js";

/** Okabe-Ito without the yellow, which is too light for thin lines on white. */
const COLORS = PALETTE.filter((c) => c !== "#F0E442");

/** Options of {@link estimandRatesSvg}. */
export interface EstimandRatesSvgOptions {
  readonly title?: string;
  /** The group to draw; default the first group of the result. */
  readonly group?: string;
  /** Y axis label. Default `"Patients (%)"`. */
  readonly yLabel?: string;
  /** Display names of time points, e.g. `{ induction: "Induction (UC wk 8 / CD wk 12)" }`. */
  readonly timepointLabels?: Readonly<Record<string, string>>;
  /** Width in px (default 760); height 440. */
  readonly width?: number;
  readonly height?: number;
}

/**
 * The rate of one endpoint per estimand over time (the sensitivity figure), as a standalone SVG string.
 * @remarks One line per estimand (Okabe-Ito colours without yellow, the primary first and drawn thickest), points dodged
 * horizontally so intervals do not overlap, whiskers = each estimand's interval (Wilson/Clopper-Pearson, or
 * Rubin's rules for multiple imputation), the legend in the estimands' order.
 * @param result - From {@link estimandRates}.
 * @param options - Group, title, labels, size.
 * @returns An SVG document (UTF-8 text).
 * @throws {TypeError} If `result` is not an estimandRates result.
 * @throws {RangeError} If the group does not occur, or width/height is below 200.
 * @example
 * estimandRatesSvg({ endpoint: "clinicalRemission", estimands: ["nri"], groups: [{ group: "UC", n: 1 }], timepoints: ["w8"],
 *   rates: [{ estimand: "nri", group: "UC", timepoint: "w8", events: 1, denominator: 1, missing: 0, imputed: 0,
 *   notInPopulation: 0, percent: 100, percentText: "100.0", confInt: [0.2, 1], ciMethod: "wilson" }],
 *   rows: [], multipleImputation: null, confLevel: 0.95, table: { columns: [], rows: [] } }).startsWith("<svg");
 * //=> true
 */
export function estimandRatesSvg(result: EstimandRatesResult, options: EstimandRatesSvgOptions = {}): string {
  const fn = "estimandRatesSvg";
  if (result === null || typeof result !== "object" || !isArray(result.rates) || !isArray(result.timepoints) || !isArray(result.estimands) || !isArray(result.groups)) {
    throw new TypeError(`${fn}: result must be an estimandRates result; got ${describeValue(result)}.`);
  }
  const [W, H] = chartSize(fn, options, 760, 440);
  const group = options.group ?? result.groups[0]?.group;
  if (group === undefined || !result.groups.some((g) => g.group === group)) throw new RangeError(`${fn}: options.group must be a group of the result; got ${describeValue(options.group)}.`);
  const n = result.groups.find((g) => g.group === group)!.n;
  const times = result.timepoints;
  const tl = (t: string): string =>
    options.timepointLabels !== undefined && Object.prototype.hasOwnProperty.call(options.timepointLabels, t) ? options.timepointLabels[t]! : t;
  const body: string[] = [];
  const top = options.title === undefined ? 16 : 44;
  if (options.title !== undefined) body.push(text(W / 2, 26, options.title, { "font-size": 16, "font-weight": "bold", "text-anchor": "middle" }));
  let lx = 70;
  let ly = top;
  result.estimands.forEach((e, i) => {
    const label = i === 0 ? `${ESTIMAND_LABELS[e]} (primary)` : ESTIMAND_LABELS[e];
    const w = 26 + textWidth(label, 12) + 20;
    if (lx + w > W - 10 && lx > 70) {
      lx = 70;
      ly += 20;
    }
    const c = COLORS[i % COLORS.length]!;
    body.push(`<path d="M${n2(lx)} ${n2(ly - 4)}H${n2(lx + 18)}" stroke="${c}" stroke-width="${i === 0 ? 3 : 1.8}"/><circle cx="${n2(lx + 9)}" cy="${n2(ly - 4)}" r="3.5" fill="${c}"/>`);
    body.push(text(lx + 24, ly, label, { "font-size": 12 }));
    lx += w;
  });
  const plotTop = ly + 26;
  const left = 64;
  const right = 16;
  const bottom = 48;
  const plotH = H - plotTop - bottom;
  const plotW = W - left - right;
  const y = (p: number): number => plotTop + plotH * (1 - p / 100);
  body.push(...valueAxis({ left, right: W - right, top: plotTop, height: plotH }, niceTicks(0, 100, 5), y, String, options.yLabel ?? "Patients (%)", ' stroke-width="1"'));
  const slot = plotW / Math.max(1, times.length);
  const k = result.estimands.length;
  const dodge = Math.min(14, (slot * 0.6) / Math.max(1, k));
  const xOf = (ti: number, ei: number): number => left + slot * (ti + 0.5) + (ei - (k - 1) / 2) * dodge;
  times.forEach((t, ti) => body.push(text(left + slot * (ti + 0.5), plotTop + plotH + 18, tl(t), { "text-anchor": "middle", "font-size": 12 })));
  result.estimands.forEach((e, ei) => {
    const c = COLORS[ei % COLORS.length]!;
    const pts = times.flatMap((t, ti) => {
      const r = result.rates.find((x) => x.estimand === e && x.group === group && x.timepoint === t);
      return r === undefined || r.percent === null || r.confInt === null ? [] : [{ r, x: xOf(ti, ei) }];
    });
    if (pts.length > 1) body.push(`<path d="${pts.map((p, i) => `${i === 0 ? "M" : "L"}${n2(p.x)} ${n2(y(p.r.percent!))}`).join("")}" stroke="${c}" stroke-width="${ei === 0 ? 3 : 1.8}" fill="none"/>`);
    for (const { r, x } of pts) {
      const lo = y(100 * r.confInt![0]);
      const hi = y(100 * r.confInt![1]);
      const what = e === "multipleImputation" ? `${r.percentText}%` : `${r.events}/${r.denominator} (${r.percentText}%)`;
      body.push(`<path d="M${n2(x)} ${n2(lo)}V${n2(hi)}M${n2(x - 3)} ${n2(lo)}H${n2(x + 3)}M${n2(x - 3)} ${n2(hi)}H${n2(x + 3)}" stroke="${c}" stroke-width="1.2" fill="none"/>`);
      body.push(`<circle cx="${n2(x)}" cy="${n2(y(r.percent!))}" r="${ei === 0 ? 4.5 : 3.5}" fill="${c}"><title>${xml(`${ESTIMAND_LABELS[e]}, ${tl(r.timepoint)}: ${what}`)}</title></circle>`);
    }
  });
  body.push(text(W - right, H - 8, `${group}, N = ${n}. Whiskers: ${Math.round(result.confLevel * 100)}% CI. Denominators differ by estimand (see the table).`, { "text-anchor": "end", "font-size": 10, fill: "#666" }));
  const desc = `Rates of ${result.endpoint} in ${group} per estimand at ${times.map(tl).join(", ")}: ${result.rates
    .filter((r) => r.group === group)
    .map((r) => `${ESTIMAND_LABELS[r.estimand]} ${tl(r.timepoint)} ${r.percentText}%`)
    .join("; ")}.`;
  return svgDocument(W, H, options.title, desc, body);
}
