import { describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import { chartSize, n2, niceTicks, PALETTE, svgDocument, text, textWidth, tickDigits, tickLabel, valueAxis } from "../_lib/svg.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";
import type { LabTrajectorySummaryResult } from "../labTrajectorySummary/index.js";

/** Options of {@link labTrajectorySvg}. */
export interface LabTrajectorySvgOptions {
  readonly title?: string;
  /** Y axis label with unit, e.g. `"CRP (mg/L)"`. */
  readonly yLabel?: string;
  readonly timepointLabels?: Readonly<Record<string, string>>;
  readonly width?: number;
  readonly height?: number;
  /** Print the p-value against baseline above each point. Default true. */
  readonly showPValues?: boolean;
  /** Default `"paper"`, the style of every table of the cohort module (one style across tables and figures). */
  readonly pValueStyle?: PValueStyle;
  /** Print the number of patients with a value under each time point (per group when split). Default true. */
  readonly showN?: boolean;
  /** Start the y axis at 0. Default true. */
  readonly yFromZero?: boolean;
}

/**
 * A lab trajectory as a standalone SVG line chart: mean ± SD (or median with Q1-Q3) per time point and
 * group, the number of patients with a value under each time point, and the paired p-value against
 * baseline above each point (the paper's Figures 6-7). Split by diagnosis with
 * `labTrajectorySummary(rows, { byGroup: true })`.
 * @param result - From {@link labTrajectorySummary}.
 * @param options - Title, y label, time point labels, size, p-values.
 * @returns An SVG document.
 * @throws {TypeError} If `result` is not a lab trajectory summary.
 * @throws {RangeError} If width or height is below 200.
 * @example
 * const s = labTrajectorySummary([{ patientId: "a", timepoint: "w0", value: 10 }, { patientId: "a", timepoint: "w8", value: 4 },
 *   { patientId: "b", timepoint: "w0", value: 12 }, { patientId: "b", timepoint: "w8", value: 5 }]);
 * labTrajectorySvg(s, { yLabel: "CRP (mg/L)" }).includes("CRP (mg/L)");
 * //=> true
 * @see Mao Y, et al. Efficacy and Safety of Upadacitinib for Refractory IBD. Drug Des Devel Ther 2025 (Figures 6-7).
 */
export function labTrajectorySvg(result: LabTrajectorySummaryResult, options: LabTrajectorySvgOptions = {}): string {
  const fn = "labTrajectorySvg";
  if (result === null || typeof result !== "object" || !isArray(result.points) || !isArray(result.timepoints)) {
    throw new TypeError(`${fn}: result must be a labTrajectorySummary result; got ${describeValue(result)}.`);
  }
  const [W, H] = chartSize(fn, options, 640, 420);
  const style = options.pValueStyle ?? "paper";
  const showN = options.showN ?? true;
  const showP = options.showPValues ?? true;
  const times = result.timepoints;
  const groups = result.groups;
  const tl = (t: string): string => options.timepointLabels?.[t] ?? t;
  const isMean = result.summary === "mean";
  const pts = result.points.filter((p) => p.n > 0);
  const centre = (p: (typeof pts)[number]): number => (isMean ? p.mean! : p.median!);
  // SD bars of non-negative measurements are cut at 0 (mean − SD < 0 only says the data are skewed)
  const nonNegative = pts.every((p) => (isMean ? p.mean! >= 0 : p.q1! >= 0)) && (options.yFromZero ?? true);
  const truncated = isMean && nonNegative && pts.some((p) => p.mean! - (p.sd ?? 0) < 0);
  const lowOf = (p: (typeof pts)[number]): number => (isMean ? (nonNegative ? Math.max(0, p.mean! - (p.sd ?? 0)) : p.mean! - (p.sd ?? 0)) : p.q1!);
  const highOf = (p: (typeof pts)[number]): number => (isMean ? p.mean! + (p.sd ?? 0) : p.q3!);
  let yMin = Math.min(...pts.map(lowOf), ...(options.yFromZero ?? true ? [0] : []));
  let yMax = Math.max(...pts.map(highOf));
  if (!Number.isFinite(yMin) || !Number.isFinite(yMax)) {
    yMin = 0;
    yMax = 1;
  }
  if (yMax === yMin) yMax = yMin + 1;
  const ticks = niceTicks(yMin, yMax, 5);
  // extend to whole steps so that every whisker end is inside a labelled range
  if (ticks.length >= 2) {
    const step = ticks[1]! - ticks[0]!;
    while (ticks[ticks.length - 1]! < yMax - 1e-9 * step) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
    while (ticks[0]! > yMin + 1e-9 * step) ticks.unshift(Number((ticks[0]! - step).toPrecision(12)));
  }
  const lo = Math.min(ticks[0]!, yMin);
  const hi = Math.max(ticks[ticks.length - 1]!, yMax);
  const digits = tickDigits(ticks);
  const labelW = Math.max(...ticks.map((t) => textWidth(tickLabel(t, digits), 11)));
  const body: string[] = [];
  const top = (options.title === undefined ? 20 : 46) + (groups.length > 1 ? 22 : 0) + (showP ? 13 * groups.length + 4 : 0);
  const left = 30 + labelW + 12;
  const right = 20;
  const bottom = showN ? 60 : 44;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const y = (v: number): number => top + plotH * (1 - (v - lo) / (hi - lo));
  if (options.title !== undefined) body.push(text(W / 2, 26, options.title, { "font-size": 16, "font-weight": "bold", "text-anchor": "middle" }));
  if (groups.length > 1) {
    let lx = left;
    const ly = options.title === undefined ? 18 : 44;
    groups.forEach((g, i) => {
      body.push(`<line x1="${n2(lx)}" y1="${n2(ly - 4)}" x2="${n2(lx + 18)}" y2="${n2(ly - 4)}" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="2.5"/>`);
      body.push(text(lx + 24, ly, g, { "font-size": 12 }));
      lx += 24 + textWidth(g, 12) + 20;
    });
  }
  const yl = options.yLabel ?? "Value";
  body.push(...valueAxis({ left, right: W - right, top, height: plotH }, ticks, y, (t) => tickLabel(t, digits), yl));
  const slot = plotW / Math.max(1, times.length);
  const dodge = groups.length > 1 ? Math.min(16, slot / (2 * groups.length)) : 0;
  const xOf = (ti: number, gi: number): number => left + slot * (ti + 0.5) + (gi - (groups.length - 1) / 2) * dodge;
  times.forEach((t, ti) => body.push(text(left + slot * (ti + 0.5), top + plotH + 18, tl(t), { "text-anchor": "middle", "font-size": 12 })));
  if (showN) {
    // patients with a value at each time point: "n = 80", or "UC 28 · CD 52" when split
    times.forEach((t, ti) => {
      const ns = groups.map((g) => result.points.find((p) => p.group === g && p.timepoint === t)?.n ?? 0);
      const label = groups.length > 1 ? `n: ${groups.map((g, gi) => `${g} ${ns[gi]}`).join(" · ")}` : `n = ${ns[0] ?? 0}`;
      body.push(text(left + slot * (ti + 0.5), top + plotH + 33, label, { "text-anchor": "middle", "font-size": 10, fill: "#555" }));
    });
  }
  groups.forEach((g, gi) => {
    const color = PALETTE[gi % PALETTE.length]!;
    const mine = times.map((t, ti) => ({ ti, p: result.points.find((p) => p.group === g && p.timepoint === t) })).filter((x) => x.p !== undefined && x.p.n > 0);
    const d = mine.map((m, k) => `${k === 0 ? "M" : "L"}${n2(xOf(m.ti, gi))} ${n2(y(centre(m.p!)))}`).join("");
    if (mine.length > 1) body.push(`<path d="${d}" stroke="${color}" stroke-width="2" fill="none"/>`);
    for (const m of mine) {
      const p = m.p!;
      const x = xOf(m.ti, gi);
      const a = y(lowOf(p));
      const b = y(highOf(p));
      body.push(`<path d="M${n2(x)} ${n2(a)}V${n2(b)}M${n2(x - 5)} ${n2(a)}H${n2(x + 5)}M${n2(x - 5)} ${n2(b)}H${n2(x + 5)}" stroke="${color}" stroke-width="1.2" fill="none"/>`);
      body.push(`<circle cx="${n2(x)}" cy="${n2(y(centre(p)))}" r="4" fill="${color}"/>`);
    }
  });
  if (showP) {
    // p-values stacked above the highest whisker of each time point, one line per group, in group colours
    times.forEach((t, ti) => {
      const here = groups
        .map((g, gi) => ({ gi, p: result.points.find((p) => p.group === g && p.timepoint === t) }))
        .filter((h) => h.p !== undefined && h.p.n > 0);
      const withP = here.filter((h) => h.p!.pValue !== null);
      if (withP.length === 0) return;
      const topY = Math.min(...here.map((h) => y(highOf(h.p!))));
      withP.forEach((h, k) => {
        const label = `${groups.length > 1 ? `${groups[h.gi]} ` : ""}${formatPValue(h.p!.pValue!, { style, withSymbol: true })}`;
        const ly = topY - 8 - (withP.length - 1 - k) * 13;
        body.push(text(left + slot * (ti + 0.5), ly, label, { "text-anchor": "middle", "font-size": 10, fill: groups.length > 1 ? PALETTE[h.gi % PALETTE.length]! : "#333" }));
      });
    });
  }
  const note = `${isMean ? `Mean ± SD${truncated ? " (bars cut at 0)" : ""}` : "Median (Q1-Q3)"}; p: ${result.points.find((p) => p.test !== null)?.test === "pairedT" ? "paired t-test" : "Wilcoxon signed-rank test"} vs ${tl(result.baseline)}, same patients.`;
  body.push(text(W - right, H - 8, note, { "text-anchor": "end", "font-size": 10, fill: "#666" }));
  const desc = `Line chart of ${yl}: ${result.points.map((p) => `${p.group} ${tl(p.timepoint)} ${p.n === 0 ? "no data" : fixed(centre(p as (typeof pts)[number]), 2)}`).join("; ")}.`;
  return svgDocument(W, H, options.title, desc, body);
}
