import { describeValue } from "../../_lib/errors.js";
import { kaplanMeier, logRankTest, type ConfType } from "../../stats/index.js";
import { fixed } from "../_lib/round.js";
import { splitByGroup, stepPath, survivalFrame, type SurvivalData } from "../_lib/survival.js";
import { n2, PALETTE, svgDocument, text } from "../_lib/svg.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";

/** Options of {@link kaplanMeierSvg}. */
export interface KaplanMeierSvgOptions {
  readonly title?: string;
  /** Width in px (default 720). */
  readonly width?: number;
  /** Height of the plot area in px (default 340); the numbers-at-risk table adds to it. */
  readonly plotHeight?: number;
  /** X axis title (default "Time"), e.g. "Days since upadacitinib start". */
  readonly xLabel?: string;
  /** Y axis title (default "Survival probability"), e.g. "Persistence on drug". */
  readonly yLabel?: string;
  /** X ticks, also the times of the numbers-at-risk table (default: about 6 round numbers). */
  readonly breaks?: readonly number[];
  /** End of the x axis (default: the last break, or a round number past the last time). */
  readonly xMax?: number;
  /** Numbers-at-risk table under the x axis (default true). */
  readonly riskTable?: boolean;
  /** Pointwise confidence bands (default true). */
  readonly confBands?: boolean;
  /** Confidence-interval transformation (default `'log'`, as survfit). */
  readonly confType?: Exclude<ConfType, "none">;
  /** Confidence level (default 0.95). */
  readonly confLevel?: number;
  /** Censoring ticks on the curves (default true). */
  readonly censorMarks?: boolean;
  /** Dashed lines at survival 0.5 down to each group's median (default false). */
  readonly medianLines?: boolean;
  /** Print the log-rank p-value (default true with two or more groups). */
  readonly pValue?: boolean;
  readonly pValueStyle?: PValueStyle;
  /** Display labels by group key (as strings). */
  readonly groupLabels?: Readonly<Record<string, string>>;
}

/**
 * Kaplan–Meier curves as a standalone SVG: a step curve per group with its confidence band,
 * censoring ticks, a numbers-at-risk table aligned under the x ticks, optional median lines, and the
 * log-rank p-value.
 * @remarks The curves, limits and medians are {@link kaplanMeier}'s (survfit's); the p-value is
 * {@link logRankTest}'s. The numbers at risk at a tick t count subjects with time >= t, as
 * `summary(survfit, times)`. Colours are the Okabe–Ito palette (colour-blind safe); the band of each
 * group is its colour at 15% opacity.
 * @param data - `{ time, status, group? }` (status 1 = event).
 * @param options - See {@link KaplanMeierSvgOptions}.
 * @returns An SVG document.
 * @throws {RangeError} If the data are invalid (as kaplanMeier) or a size is too small.
 * @throws {TypeError} If `data` is not `{ time, status }` arrays.
 * @example
 * kaplanMeierSvg({ time: [5, 8, 12, 20, 3, 9, 15, 30], status: [1, 0, 1, 1, 1, 1, 0, 0],
 *   group: ["UC", "UC", "UC", "UC", "CD", "CD", "CD", "CD"] }).startsWith("<svg");
 * //=> true
 * @see Kaplan EL, Meier P. J Am Stat Assoc 1958;53:457-481; Pocock SJ, et al. Survival plots of
 *   time-to-event outcomes in clinical trials. Lancet 2002;359:1686-1689. doi:10.1016/S0140-6736(02)08594-X
 */
export function kaplanMeierSvg(data: SurvivalData, options: KaplanMeierSvgOptions = {}): string {
  const fn = "kaplanMeierSvg";
  if (options === null || typeof options !== "object") throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  const split = splitByGroup(fn, data, options.groupLabels);
  const colors = PALETTE;
  const confType = options.confType ?? "log";
  const fits = split.groups.map((g) => kaplanMeier(g.time, g.status, { confType, ...(options.confLevel !== undefined ? { confLevel: options.confLevel } : {}) }));
  const legend = split.groups.map((g, k) => ({ label: g.label, color: colors[k % colors.length]! }));
  const frame = survivalFrame(fn, split.groups, colors, options, legend);
  const { x, y, body } = frame;
  const clip = `km-clip-${split.groups.length}-${Math.round(frame.plotW)}`;
  body.push(`<defs><clipPath id="${clip}"><rect x="${frame.left}" y="${frame.top - 2}" width="${n2(frame.plotW + 2)}" height="${n2(frame.plotH + 4)}"/></clipPath></defs>`);
  const plot: string[] = [];
  fits.forEach((f, k) => {
    const color = colors[k % colors.length]!;
    if (options.confBands ?? true) {
      // band: upper steps forward, lower steps back, over the times where both limits exist
      const segs: { t: number; lo: number; hi: number }[][] = [[{ t: 0, lo: 1, hi: 1 }]];
      f.time.forEach((t, j) => {
        const lo = f.lower?.[j];
        const hi = f.upper?.[j];
        if (lo === null || lo === undefined || hi === null || hi === undefined) {
          if (segs[segs.length - 1]!.length > 0) segs.push([]);
        } else segs[segs.length - 1]!.push({ t, lo, hi });
      });
      const end = f.time[f.time.length - 1]!;
      for (const seg of segs) {
        if (seg.length === 0) continue;
        const upper: string[] = [];
        const lower: string[] = [];
        seg.forEach((p, q) => {
          const next = q + 1 < seg.length ? seg[q + 1]!.t : Math.min(end, frame.xMax);
          upper.push(`${n2(x(p.t))} ${n2(y(p.hi))}`, `${n2(x(next))} ${n2(y(p.hi))}`);
          lower.push(`${n2(x(p.t))} ${n2(y(p.lo))}`, `${n2(x(next))} ${n2(y(p.lo))}`);
        });
        plot.push(`<path d="M${upper.join("L")}L${lower.reverse().join("L")}Z" fill="${color}" fill-opacity="0.15" stroke="none"/>`);
      }
    }
    const pts = f.time.map((t, j) => [t, f.surv[j]!] as const);
    plot.push(`<path d="${stepPath(frame, 1, pts, f.time[f.time.length - 1]!)}" fill="none" stroke="${color}" stroke-width="2.2"/>`);
    if (options.censorMarks ?? true) {
      f.time.forEach((t, j) => {
        if (f.nCensor[j]! > 0 && t <= frame.xMax) plot.push(`<line x1="${n2(x(t))}" y1="${n2(y(f.surv[j]!) - 5)}" x2="${n2(x(t))}" y2="${n2(y(f.surv[j]!) + 5)}" stroke="${color}" stroke-width="1.5"/>`);
      });
    }
    if (options.medianLines === true && f.median !== null && f.median <= frame.xMax) {
      plot.push(`<path d="M${n2(x(0))} ${n2(y(0.5))}H${n2(x(f.median))}V${n2(y(0))}" fill="none" stroke="${color}" stroke-width="1.2" stroke-dasharray="5 4"/>`);
      plot.push(text(x(f.median) + 4, y(0) - 6 - 14 * k, `median ${fixed(f.median, 0)}`, { "font-size": 11, fill: color }));
    }
  });
  body.push(`<g clip-path="url(#${clip})">`, ...plot, "</g>");
  const showP = options.pValue ?? split.groups.length >= 2;
  let pText = "";
  if (showP && split.groups.length >= 2 && data.group !== undefined) {
    const lr = logRankTest(data.time, data.status, data.group);
    pText = `Log-rank p ${formatPValue(lr.pValue, { style: options.pValueStyle ?? "paper" }).replace(/^([<>=])/, "$1 ").replace(/^(?=[\d.])/, "= ")}`;
    body.push(text(frame.left + 10, frame.top + frame.plotH - 12, pText, { "font-size": 12, stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" }));
  }
  const desc = `Kaplan–Meier curves: ${split.groups.map((g, k) => `${g.label} (n = ${fits[k]!.n}, events ${fits[k]!.nEvents}, median ${fits[k]!.median ?? "not reached"})`).join("; ")}${pText ? `; ${pText}` : ""}.`;
  return svgDocument(frame.width, frame.height, options.title, desc, body);
}
