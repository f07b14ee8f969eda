/**
 * Private helpers of the survival tables and figures: input checks, groups, numbers at risk, and the
 * frame of a step-curve plot with a numbers-at-risk table aligned under its x ticks.
 */
import { describeValue } from "../../_lib/errors.js";
import { isArray } from "./check.js";
import { fixed } from "./round.js";
import { n2, niceTicks, text, textWidth, tickLabel } from "./svg.js";

/** Right-censored data by subject, with an optional group label. */
export interface SurvivalData {
  /** Follow-up times (>= 0). */
  readonly time: readonly number[];
  /** 1 = event, 0 = censored (for cumulative incidence: 0 = censored, other integers = causes). */
  readonly status: readonly number[];
  /** Group labels (numbers or strings), one per subject. */
  readonly group?: readonly (number | string)[];
}

/** Checked data split by group (ordered as the stats functions order them). */
export interface SplitData {
  readonly groups: { readonly label: string; readonly key: number | string | null; readonly time: number[]; readonly status: number[] }[];
}

/** Validates the shapes (the stats functions validate the values) and splits by group. */
export function splitByGroup(fn: string, data: SurvivalData, labels?: Readonly<Record<string, string>>): SplitData {
  if (data === null || typeof data !== "object" || !isArray(data.time) || !isArray(data.status)) {
    throw new TypeError(`${fn}: data must be { time, status, group? } arrays; got ${describeValue(data)}.`);
  }
  const n = data.time.length;
  if (data.status.length !== n) throw new RangeError(`${fn}: data.status must have one value per subject (${n}); got length ${data.status.length}.`);
  if (data.group !== undefined && (!isArray(data.group) || data.group.length !== n)) {
    throw new RangeError(`${fn}: data.group must have one label per subject (${n}); got ${describeValue(data.group)}.`);
  }
  if (data.group === undefined) return { groups: [{ label: labels?.["all"] ?? "All", key: null, time: [...data.time], status: [...data.status] }] };
  const keys = [...new Set(data.group)];
  const numeric = keys.every((k) => typeof k === "number");
  keys.sort((a, b) => (numeric ? (a as number) - (b as number) : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  return {
    groups: keys.map((k) => {
      const idx = data.group!.map((g, i) => (g === k ? i : -1)).filter((i) => i >= 0);
      const own = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, String(k)) ? labels[String(k)]! : String(k);
      return { label: own, key: k, time: idx.map((i) => data.time[i]!), status: idx.map((i) => data.status[i]!) };
    }),
  };
}

/** Number of subjects with time >= t (at risk just before t). */
export function atRisk(time: readonly number[], t: number): number {
  let k = 0;
  for (const v of time) if (v >= t) k++;
  return k;
}

/** A percentage with `digits` decimals, e.g. "85.0%". */
export function pct(x: number, digits: number): string {
  return `${fixed(100 * x, digits)}%`;
}

/** Geometry of a survival plot. */
export interface SurvivalFrame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly plotW: number;
  readonly plotH: number;
  readonly x: (t: number) => number;
  readonly y: (p: number) => number;
  readonly breaks: readonly number[];
  readonly xMax: number;
  /** SVG parts: axes, grid, tick labels, titles, legend, risk table. */
  readonly body: string[];
}

/** Options common to the survival figures. */
export interface SurvivalFrameOptions {
  readonly title?: string;
  readonly width?: number;
  readonly plotHeight?: number;
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly breaks?: readonly number[];
  readonly xMax?: number;
  readonly riskTable?: boolean;
  readonly yMax?: number;
}

/**
 * Lays out title, legend, plot area, axes and (optionally) the numbers-at-risk table whose counts
 * sit under the x ticks.
 */
export function survivalFrame(
  fn: string,
  groups: SplitData["groups"],
  colors: readonly string[],
  options: SurvivalFrameOptions,
  legend: readonly { label: string; color: string; dash?: string }[],
): SurvivalFrame {
  const width = options.width ?? 720;
  const plotH = options.plotHeight ?? 340;
  if (!(width >= 360) || !(plotH >= 160)) throw new RangeError(`${fn}: options.width must be at least 360 and options.plotHeight at least 160; got ${describeValue(width)} x ${describeValue(plotH)}.`);
  const maxTime = Math.max(0, ...groups.flatMap((g) => g.time));
  const xMax = options.xMax ?? (options.breaks !== undefined && options.breaks.length > 0 ? Math.max(...options.breaks) : niceTicks(0, maxTime || 1, 6).at(-1)!);
  if (!(xMax > 0)) throw new RangeError(`${fn}: options.xMax must be > 0; got ${describeValue(xMax)}.`);
  const breaks = (options.breaks ?? niceTicks(0, xMax, 6)).filter((b) => b >= 0 && b <= xMax);
  options.breaks?.forEach((b, i) => {
    if (typeof b !== "number" || !Number.isFinite(b) || b < 0) throw new RangeError(`${fn}: options.breaks[${i}] must be a finite number >= 0; got ${describeValue(b)}.`);
  });
  const riskTable = options.riskTable ?? true;
  const labelW = Math.max(...groups.map((g) => textWidth(g.label, 12)), textWidth("Number at risk", 12) - 40);
  const left = Math.max(72, riskTable ? labelW + 24 : 0);
  const right = 28;
  const plotW = width - left - right;
  const titleH = options.title === undefined ? 10 : 36;
  const legendRows = legend.length > 1 ? 1 + Math.floor(legend.reduce((a, l) => a + textWidth(l.label, 12) + 40, 0) / plotW) : 0;
  const top = titleH + legendRows * 20 + 14;
  const axisBottom = top + plotH;
  const riskTop = axisBottom + 62;
  const height = riskTable ? riskTop + 22 + groups.length * 20 + 8 : axisBottom + 56;
  const yMax = options.yMax ?? 1;
  const x = (t: number): number => left + (plotW * Math.min(t, xMax)) / xMax;
  const y = (p: number): number => top + plotH * (1 - p / yMax);
  const body: string[] = [];
  if (options.title !== undefined) body.push(text(width / 2, 24, options.title, { "font-size": 16, "font-weight": "bold", "text-anchor": "middle" }));
  // legend
  let lx = left;
  let ly = titleH + 14;
  for (const l of legend.length > 1 ? legend : []) {
    const w = textWidth(l.label, 12) + 40;
    if (lx + w > left + plotW) {
      lx = left;
      ly += 20;
    }
    body.push(`<line x1="${n2(lx)}" y1="${n2(ly - 4)}" x2="${n2(lx + 22)}" y2="${n2(ly - 4)}" stroke="${l.color}" stroke-width="2.4"${l.dash ? ` stroke-dasharray="${l.dash}"` : ""}/>`);
    body.push(text(lx + 28, ly, l.label, { "font-size": 12 }));
    lx += w;
  }
  // y grid and labels
  const yTicks = niceTicks(0, yMax, 5).filter((v) => v <= yMax + 1e-12);
  for (const v of yTicks) {
    body.push(`<line x1="${left}" y1="${n2(y(v))}" x2="${left + plotW}" y2="${n2(y(v))}" stroke="#e6e6e6"/>`);
    body.push(text(left - 6, y(v) + 4, `${tickLabel(100 * v)}%`, { "text-anchor": "end", "font-size": 11 }));
  }
  body.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${axisBottom}" stroke="#444"/>`);
  body.push(`<line x1="${left}" y1="${axisBottom}" x2="${left + plotW}" y2="${axisBottom}" stroke="#444"/>`);
  for (const b of breaks) {
    body.push(`<line x1="${n2(x(b))}" y1="${axisBottom}" x2="${n2(x(b))}" y2="${axisBottom + 5}" stroke="#444"/>`);
    body.push(text(x(b), axisBottom + 18, tickLabel(b), { "text-anchor": "middle", "font-size": 11 }));
  }
  body.push(text(left + plotW / 2, axisBottom + 38, options.xLabel ?? "Time", { "text-anchor": "middle", "font-size": 12 }));
  const yl = options.yLabel ?? "Survival probability";
  body.push(text(16, top + plotH / 2, yl, { "text-anchor": "middle", transform: `rotate(-90 16 ${n2(top + plotH / 2)})`, "font-size": 12 }));
  if (riskTable) {
    body.push(text(8, riskTop, "Number at risk", { "font-size": 12, "font-weight": "bold" }));
    groups.forEach((g, k) => {
      const ry = riskTop + 22 + k * 20;
      body.push(text(8, ry, g.label, { "font-size": 12, fill: colors[k % colors.length]!, "font-weight": "bold" }));
      for (const b of breaks) body.push(text(x(b), ry, String(atRisk(g.time, b)), { "text-anchor": "middle", "font-size": 12 }));
    });
  }
  return { width, height, left, top, plotW, plotH, x, y, breaks, xMax, body };
}

/** An SVG path of a right-continuous step function through (t, v) points starting at (0, v0). */
export function stepPath(frame: SurvivalFrame, v0: number, pts: readonly (readonly [number, number])[], end: number): string {
  const { x, y } = frame;
  let d = `M${n2(x(0))} ${n2(y(v0))}`;
  let prev = v0;
  for (const [t, v] of pts) {
    if (t > frame.xMax) break;
    d += `H${n2(x(t))}`;
    if (v !== prev) d += `V${n2(y(v))}`;
    prev = v;
  }
  d += `H${n2(x(Math.min(end, frame.xMax)))}`;
  return d;
}
