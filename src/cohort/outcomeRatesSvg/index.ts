import { describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { chartSize, n2, niceTicks, PALETTE, svgDocument, text, textWidth, timepointLabel, valueAxis, xml } from "../_lib/svg.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";
import type { OutcomeRatesResult } from "../outcomeRates/index.js";

/** Options of {@link outcomeRatesSvg}. */
export interface OutcomeRatesSvgOptions {
  readonly title?: string;
  /** Y axis label. Default `"Patients (%)"`. */
  readonly yLabel?: string;
  /** Display names of time points, e.g. `{ ind: "Induction (UC wk 8 / CD wk 12)" }`; default `w26` → "Week 26", `ind` → "Induction". */
  readonly timepointLabels?: Readonly<Record<string, string>>;
  /** Width in px (default 760); height 460. */
  readonly width?: number;
  readonly height?: number;
  /** Print the percentage above each bar. Default true. */
  readonly showValues?: boolean;
  /** Print the between-group p under each time point and Cochran's Q p in the legend. Default true. */
  readonly showPValues?: boolean;
  readonly pValueStyle?: PValueStyle;
}

/**
 * Outcome rates over time per group as grouped bars with confidence-interval whiskers (the paper's Figure 5),
 * as a standalone SVG string.
 * @remarks One cluster per time point, one bar per group (Okabe-Ito colours), whiskers = the CI of
 * {@link outcomeRates}, the percentage above each whisker, the between-group p under each time point, and in
 * the legend each group's N and Cochran's Q p across time. No scripts, no external resources.
 * @param result - From {@link outcomeRates}.
 * @param options - Title, labels, size, what to print.
 * @returns An SVG document (UTF-8 text).
 * @throws {TypeError} If `result` is not an outcome-rates result.
 * @throws {RangeError} If width or height is below 200.
 * @example
 * const r = outcomeRates([{ patientId: "1", group: "UC", timepoint: "w8", status: "met" },
 *   { patientId: "2", group: "UC", timepoint: "w8", status: "not-met" }]);
 * outcomeRatesSvg(r, { title: "Clinical response" }).includes("50.0%");
 * //=> true
 * @see Mao Y, et al. Efficacy and Safety of Upadacitinib for Refractory IBD. Drug Des Devel Ther 2025 (Figure 5).
 */
export function outcomeRatesSvg(result: OutcomeRatesResult, options: OutcomeRatesSvgOptions = {}): string {
  const fn = "outcomeRatesSvg";
  if (result === null || typeof result !== "object" || !isArray(result.rates) || !isArray(result.timepoints)) {
    throw new TypeError(`${fn}: result must be an outcomeRates result; got ${describeValue(result)}.`);
  }
  const [W, H] = chartSize(fn, options, 760, 460);
  const showP = options.showPValues ?? true;
  const showV = options.showValues ?? true;
  const style = options.pValueStyle ?? "paper";
  const groups = result.groups.map((g) => g.group);
  const times = result.timepoints;
  const tl = (t: string): string => timepointLabel(t, options.timepointLabels);
  const body: string[] = [];
  const top = options.title === undefined ? 16 : 44;
  // legend row(s)
  const legendItems = result.groups.map((g, i) => {
    const q = result.acrossTime.find((a) => a.group === g.group);
    const qText = showP && q?.pValue != null ? `, Cochran's Q ${formatPValue(q.pValue, { style, withSymbol: true })}` : "";
    return { label: `${g.group} (N = ${g.n}${qText})`, color: PALETTE[i % PALETTE.length]! };
  });
  let lx = 70;
  let ly = top;
  const legend: string[] = [];
  for (const it of legendItems) {
    const w = 18 + textWidth(it.label, 12) + 24;
    if (lx + w > W - 10 && lx > 70) {
      lx = 70;
      ly += 20;
    }
    legend.push(`<rect x="${n2(lx)}" y="${n2(ly - 10)}" width="12" height="12" fill="${it.color}"/>`);
    legend.push(text(lx + 18, ly, it.label, { "font-size": 12 }));
    lx += w;
  }
  const plotTop = ly + 30;
  const left = 64;
  const right = 16;
  const bottom = showP ? 62 : 44;
  const plotH = H - plotTop - bottom;
  const plotW = W - left - right;
  if (options.title !== undefined) body.push(text(W / 2, 26, options.title, { "font-size": 16, "font-weight": "bold", "text-anchor": "middle" }));
  body.push(...legend);
  const y = (p: number): number => plotTop + plotH * (1 - p / 100);
  const yl = options.yLabel ?? "Patients (%)";
  body.push(...valueAxis({ left, right: W - right, top: plotTop, height: plotH }, niceTicks(0, 100, 5), y, String, yl, ' stroke-width="1"'));
  const slot = plotW / Math.max(1, times.length);
  const cluster = slot * 0.78;
  const barW = cluster / Math.max(1, groups.length);
  const valueFont = Math.max(8, Math.min(11, (barW - 2) / 2.9));
  times.forEach((t, ti) => {
    const cx = left + slot * (ti + 0.5);
    body.push(text(cx, plotTop + plotH + 18, tl(t), { "text-anchor": "middle", "font-size": 12 }));
    if (showP) {
      const b = result.betweenGroups.find((x) => x.timepoint === t);
      if (b?.pValue != null) body.push(text(cx, plotTop + plotH + 36, formatPValue(b.pValue, { style, withSymbol: true }), { "text-anchor": "middle", "font-size": 11, fill: "#555" }));
    }
    groups.forEach((g, gi) => {
      const r = result.rates.find((x) => x.group === g && x.timepoint === t);
      if (r === undefined) return;
      const x0 = cx - cluster / 2 + gi * barW;
      const color = PALETTE[gi % PALETTE.length]!;
      body.push(`<rect x="${n2(x0 + 1)}" y="${n2(y(r.percent))}" width="${n2(barW - 2)}" height="${n2(y(0) - y(r.percent))}" fill="${color}" fill-opacity="0.85"><title>${xml(`${g}, ${tl(t)}: ${r.events}/${r.denominator} (${r.percentText}%)`)}</title></rect>`);
      const mx = x0 + barW / 2;
      const lo = y(100 * r.confInt[0]);
      const hi = y(100 * r.confInt[1]);
      const cap = Math.min(8, barW / 4);
      body.push(`<path d="M${n2(mx)} ${n2(lo)}V${n2(hi)}M${n2(mx - cap)} ${n2(lo)}H${n2(mx + cap)}M${n2(mx - cap)} ${n2(hi)}H${n2(mx + cap)}" stroke="#222" stroke-width="1.2" fill="none"/>`);
      if (showV) body.push(text(mx, hi - 4, `${r.percentText}%`, { "text-anchor": "middle", "font-size": n2(valueFont) }));
    });
  });
  const pNote = showP && result.betweenGroups.some((b) => b.pValue !== null) ? "P under each time point: between groups. " : "";
  const ciNote = `${pNote}Whiskers: ${Math.round(result.confLevel * 100)}% CI (${result.ciMethod === "wilson" ? "Wilson" : "Clopper-Pearson"}); denominator: ${result.denominator === "cohort" ? "all patients" : "evaluable patients"}.`;
  body.push(text(W - right, H - 8, ciNote, { "text-anchor": "end", "font-size": 10, fill: "#666" }));
  const desc = `Bar chart of ${groups.join(", ")} at ${times.map(tl).join(", ")}: ${result.rates.map((r) => `${r.group} ${tl(r.timepoint)} ${r.events}/${r.denominator} ${r.percentText}%`).join("; ")}.`;
  return svgDocument(W, H, options.title, desc, body);
}
