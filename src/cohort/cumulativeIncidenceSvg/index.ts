import { describeValue } from "../../_lib/errors.js";
import { cumulativeIncidence } from "../../stats/index.js";
import { splitByGroup, stepPath, survivalFrame, type SurvivalData } from "../_lib/survival.js";
import { n2, PALETTE, svgDocument, text } from "../_lib/svg.js";
import { formatPValue, type PValueStyle } from "../formatPValue/index.js";

/** Options of {@link cumulativeIncidenceSvg}. */
export interface CumulativeIncidenceSvgOptions {
  readonly title?: string;
  /** Width in px (default 720). */
  readonly width?: number;
  /** Height of the plot area in px (default 340). */
  readonly plotHeight?: number;
  /** X axis title (default "Time"). */
  readonly xLabel?: string;
  /** Y axis title (default "Cumulative incidence"). */
  readonly yLabel?: string;
  /** X ticks, also the times of the numbers-at-risk table. */
  readonly breaks?: readonly number[];
  /** End of the x axis. */
  readonly xMax?: number;
  /** Top of the y axis (default: a round number above the highest curve, at most 1). */
  readonly yMax?: number;
  /** Numbers-at-risk table (default true). */
  readonly riskTable?: boolean;
  /** Labels of the causes by code, e.g. `{ "1": "Failure", "2": "Surgery" }`. */
  readonly causeLabels?: Readonly<Record<string, string>>;
  /** Display labels by group key. */
  readonly groupLabels?: Readonly<Record<string, string>>;
  /** Causes to draw (default all). */
  readonly causes?: readonly number[];
  /** Print Gray's test p-value of each drawn cause (default true with two or more groups). */
  readonly pValue?: boolean;
  /** How p-values are written (see formatPValue; default `'paper'`). */
  readonly pValueStyle?: PValueStyle;
}

const DASHES = ["", "7 4", "2 3", "9 3 2 3"] as const;

/**
 * Cumulative incidence curves of competing risks as a standalone SVG: one rising step curve per
 * cause (line style) and group (colour), with a numbers-at-risk table under the x ticks.
 * @remarks The curves are {@link cumulativeIncidence}'s (Aalen–Johansen, as `cmprsk::cuminc`),
 * which, unlike 1 − Kaplan–Meier, do not treat competing events as censoring. With two or more
 * groups, Gray's test p-value of each drawn cause ({@link cumulativeIncidence}'s `tests`) is
 * printed in the upper left of the plot and in the description.
 * @param data - `{ time, status, group? }` (status 0 = censored, other integers = causes).
 * @param options - See {@link CumulativeIncidenceSvgOptions}.
 * @returns An SVG document.
 * @throws {RangeError} If the data are invalid (as cumulativeIncidence) or a size is too small.
 * @throws {TypeError} If `data` is not `{ time, status }` arrays.
 * @example
 * cumulativeIncidenceSvg({ time: [2, 4, 5, 7, 9], status: [1, 2, 0, 1, 0] },
 *   { causeLabels: { "1": "Failure", "2": "Surgery" } }).includes("Failure");
 * //=> true
 * @see Gray RJ. Ann Stat 1988;16:1141-1154. doi:10.1214/aos/1176350951
 */
export function cumulativeIncidenceSvg(data: SurvivalData, options: CumulativeIncidenceSvgOptions = {}): string {
  const fn = "cumulativeIncidenceSvg";
  if (options === null || typeof options !== "object") throw new TypeError(`${fn}: options must be an object; got ${describeValue(options)}.`);
  const split = splitByGroup(fn, data, options.groupLabels);
  const ci = cumulativeIncidence(data.time, data.status, data.group === undefined ? {} : { group: data.group });
  const causes = options.causes ?? [...new Set(ci.curves.map((c) => c.cause))];
  const curves = ci.curves.filter((c) => causes.includes(c.cause));
  const causeName = (c: number): string =>
    options.causeLabels !== undefined && Object.prototype.hasOwnProperty.call(options.causeLabels, String(c)) ? options.causeLabels[String(c)]! : `Cause ${c}`;
  const groupIndex = (g: number | string | null): number => (g === null ? 0 : split.groups.findIndex((s) => s.key === g));
  const top = Math.max(0, ...curves.map((c) => c.estimate[c.estimate.length - 1] ?? 0));
  const yMax = options.yMax ?? Math.min(1, Math.max(0.1, Math.ceil((top * 1.15) / 0.1) * 0.1));
  const legend = curves.map((c) => {
    const gi = groupIndex(c.group);
    const ci2 = causes.indexOf(c.cause);
    return {
      label: data.group === undefined ? causeName(c.cause) : `${split.groups[gi]!.label}: ${causeName(c.cause)}`,
      color: PALETTE[gi % PALETTE.length]!,
      dash: DASHES[ci2 % DASHES.length]!,
    };
  });
  // with one group, colour by cause instead
  if (data.group === undefined) legend.forEach((l, k) => (l.color = PALETTE[k % PALETTE.length]!));
  const frame = survivalFrame(fn, split.groups, PALETTE, { ...options, yLabel: options.yLabel ?? "Cumulative incidence", yMax }, legend);
  const body = frame.body;
  const clip = `ci-clip-${curves.length}-${Math.round(frame.plotW)}`;
  body.push(`<defs><clipPath id="${clip}"><rect x="${frame.left}" y="${frame.top - 2}" width="${n2(frame.plotW + 2)}" height="${n2(frame.plotH + 4)}"/></clipPath></defs>`);
  body.push(`<g clip-path="url(#${clip})">`);
  curves.forEach((c, k) => {
    const gi = groupIndex(c.group);
    const last = Math.max(...split.groups[gi]!.time);
    const pts = c.time.map((t, j) => [t, c.estimate[j]!] as const);
    const l = legend[k]!;
    body.push(`<path d="${stepPath(frame, 0, pts, last)}" fill="none" stroke="${l.color}" stroke-width="2.2"${l.dash ? ` stroke-dasharray="${l.dash}"` : ""}/>`);
  });
  body.push("</g>");
  const pTexts: string[] = [];
  if ((options.pValue ?? true) && ci.tests !== undefined) {
    for (const t of ci.tests) {
      if (!causes.includes(t.cause)) continue;
      // a degenerate test (see the test's warning) is not printed as a p-value
      if (t.warning?.startsWith("no test") === true) {
        pTexts.push(`Gray's test, ${causeName(t.cause)}: not computable`);
        continue;
      }
      const p = formatPValue(t.pValue, { style: options.pValueStyle ?? "paper" }).replace(/^([<>=])/, "$1 ").replace(/^(?=[\d.])/, "= ");
      pTexts.push(`Gray's test, ${causeName(t.cause)}: p ${p}${t.warning !== undefined ? " (variance estimate not positive definite)" : ""}`);
    }
    pTexts.forEach((pt, k) => body.push(text(frame.left + 10, frame.top + 16 + 15 * k, pt, { "font-size": 12, stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" })));
  }
  const desc = `Cumulative incidence: ${curves.map((c, k) => `${legend[k]!.label} ${c.estimate.length > 0 ? (100 * c.estimate[c.estimate.length - 1]!).toFixed(1) : "0.0"}% at the last event`).join("; ")}${pTexts.length > 0 ? `; ${pTexts.join("; ")}` : ""}.`;
  return svgDocument(frame.width, frame.height, options.title, desc, body);
}
