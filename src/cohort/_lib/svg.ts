/** Private SVG helpers: escaping, text measurement, ticks, wrapping. No dependencies. */
import { fixed } from "./round.js";

/** Okabe-Ito colour-blind-safe palette. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"] as const;

export const FONT = "Helvetica, Arial, sans-serif";

/** Escapes text and attribute values for XML. */
export function xml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Rounds a coordinate to 0.01 px for compact output. */
export function n2(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** Rough text width in px for Helvetica/Arial (average advance ≈ 0.55 em; digits 0.556 em). */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) {
    if ("il.,:;|!'I ".includes(ch)) w += 0.28;
    else if ("mwMW".includes(ch)) w += 0.85;
    else if (ch >= "A" && ch <= "Z") w += 0.67;
    else w += 0.56;
  }
  return w * fontSize;
}

/** Splits text into lines no wider than `maxWidth`. */
export function wrap(s: string, maxWidth: number, fontSize: number): string[] {
  const words = s.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let cur = "";
  for (const w of words) {
    const next = cur === "" ? w : `${cur} ${w}`;
    if (cur !== "" && textWidth(next, fontSize) > maxWidth) {
      lines.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur !== "") lines.push(cur);
  return lines.length === 0 ? [""] : lines;
}

/** A `<text>` element. */
export function text(x: number, y: number, s: string, attrs: Readonly<Record<string, string | number>> = {}): string {
  const a = Object.entries({ "font-family": FONT, "font-size": 12, fill: "#222", ...attrs })
    .map(([k, v]) => `${k}="${xml(String(v))}"`)
    .join(" ");
  return `<text x="${n2(x)}" y="${n2(y)}" ${a}>${xml(s)}</text>`;
}

/** Multi-line `<text>` with `<tspan>`s, first baseline at y. */
export function textLines(x: number, y: number, lines: readonly string[], lineHeight: number, attrs: Readonly<Record<string, string | number>> = {}): string {
  const a = Object.entries({ "font-family": FONT, "font-size": 12, fill: "#222", ...attrs })
    .map(([k, v]) => `${k}="${xml(String(v))}"`)
    .join(" ");
  const spans = lines.map((l, i) => `<tspan x="${n2(x)}" dy="${i === 0 ? 0 : n2(lineHeight)}">${xml(l)}</tspan>`).join("");
  return `<text x="${n2(x)}" y="${n2(y)}" ${a}>${spans}</text>`;
}

/** "Nice" linear ticks covering [min, max]. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.ceil(min / step - 1e-9) * step;
  const out: number[] = [];
  for (let v = start; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Decimals needed to print ticks distinctly. */
export function tickDigits(ticks: readonly number[]): number {
  for (let d = 0; d <= 6; d++) if (ticks.every((t) => Math.abs(Number(t.toFixed(d)) - t) < 1e-9)) return d;
  return 6;
}

/** Log-scale ticks (1-2-5 per decade, thinned to at most ~8). */
export function logTicks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(Number(v.toPrecision(6)));
    }
  }
  if (out.length > 8) return out.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  return out;
}

/** Formats a tick value compactly. */
export function tickLabel(v: number, digits?: number): string {
  if (digits !== undefined) return fixed(v, digits);
  return String(Number(v.toPrecision(6)));
}

/** Wraps the parts into a standalone SVG document. */
export function svgDocument(width: number, height: number, title: string | undefined, desc: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="${FONT}">`,
    `<title>${xml(title ?? desc)}</title>`,
    `<desc>${xml(desc)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    "</svg>",
  ].join("\n") + "\n";
}

/** Width and height of a chart from its options (defaults when not given); both at least 200 px. */
export function chartSize(fn: string, options: { readonly width?: number; readonly height?: number }, width: number, height: number): [number, number] {
  const W = options.width ?? width;
  const H = options.height ?? height;
  if (!(W >= 200) || !(H >= 200)) throw new RangeError(`${fn}: options.width and options.height must be at least 200; got ${W} x ${H}.`);
  return [W, H];
}

/** Plot area of a chart with a vertical value axis: x from `left` to `right`, y from `top` down `height` px. */
export interface PlotFrame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly height: number;
}

/**
 * A value axis on the left: per tick a light grid line across the plot and its label, then the y and x
 * axis lines and the axis title rotated at x = 16.
 */
export function valueAxis(frame: PlotFrame, ticks: readonly number[], y: (v: number) => number, tickText: (t: number) => string, title: string, gridAttrs = ""): string[] {
  const { left, right, top, height } = frame;
  const out: string[] = [];
  for (const t of ticks) {
    out.push(`<line x1="${left}" y1="${n2(y(t))}" x2="${right}" y2="${n2(y(t))}" stroke="#e3e3e3"${gridAttrs}/>`);
    out.push(text(left - 6, y(t) + 4, tickText(t), { "text-anchor": "end", "font-size": 11 }));
  }
  out.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${n2(top + height)}" stroke="#444"/>`);
  out.push(`<line x1="${left}" y1="${n2(top + height)}" x2="${right}" y2="${n2(top + height)}" stroke="#444"/>`);
  out.push(text(16, top + height / 2, title, { "text-anchor": "middle", transform: `rotate(-90 16 ${n2(top + height / 2)})`, "font-size": 12 }));
  return out;
}

/**
 * A time point as people write it: the caller's label if given, else `w26` → "Week 26", `ind`/`induction`
 * → "Induction", `baseline` → "Baseline"; any other key as it is.
 */
export function timepointLabel(key: string, labels: Readonly<Record<string, string>> | undefined): string {
  if (labels !== undefined && Object.hasOwn(labels, key)) return labels[key]!;
  const week = /^w(\d+)$/.exec(key);
  if (week !== null) return `Week ${Number(week[1])}`;
  if (key === "ind" || key === "induction") return "Induction";
  if (key === "baseline") return "Baseline";
  return key;
}
