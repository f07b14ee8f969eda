import { describeValue } from "../../_lib/errors.js";
import { fixed } from "../_lib/round.js";
import { n2, niceTicks, svgDocument, text } from "../_lib/svg.js";

/** Options of {@link propensityOverlapSvg}. */
export interface PropensityOverlapSvgOptions {
  readonly title?: string;
  /** Number of bins over [0, 1]. Default 20. */
  readonly bins?: number;
  /** Width in px (>= 300). Default 640. */
  readonly width?: number;
  /** Labels of the groups. Default ["Treated", "Control"]. */
  readonly groupLabels?: readonly [string, string];
}

/**
 * Overlap of the propensity scores: a mirrored histogram with the treated above and the controls
 * below the axis, as a standalone SVG string.
 *
 * @remarks
 * Bars are the share of each group's units in each bin of [0, 1] (so groups of different sizes
 * compare), with the counts in the description. Regions where one group has bars and the other none
 * lack common support: units there have no comparable counterpart.
 * @param score - Propensity scores in [0, 1], one per unit.
 * @param treatment - 1 = treated, 0 = control, one per unit.
 * @param options - `title`, `bins` (20), `width` (640), `groupLabels`.
 * @returns An SVG document.
 * @throws {TypeError} If an argument has the wrong kind or an option is unknown.
 * @throws {RangeError} If a score is outside [0, 1], treatment is not 0/1, lengths differ, bins is
 *   not an integer in 2..200, or width is below 300.
 * @example
 * propensityOverlapSvg([0.2, 0.6, 0.4, 0.3], [1, 1, 0, 0]).includes("Treated");
 * //=> true
 * @see Austin PC. An introduction to propensity score methods for reducing the effects of
 *   confounding in observational studies. Multivariate Behav Res 2011;46(3):399-424.
 *   doi:10.1080/00273171.2011.568786
 */
export function propensityOverlapSvg(score: readonly number[], treatment: readonly number[], options: PropensityOverlapSvgOptions = {}): string {
  const fn = "propensityOverlapSvg";
  const known = ["title", "bins", "width", "groupLabels"];
  for (const k of Object.keys(options)) if (!known.includes(k)) throw new TypeError(`${fn}: options.${k} is not a known option (known: ${known.join(", ")}).`);
  if (!Array.isArray(score)) throw new TypeError(`${fn}: score must be an array of numbers; got ${describeValue(score)}.`);
  if (!Array.isArray(treatment) || treatment.length !== score.length) throw new RangeError(`${fn}: treatment must have one 0/1 value per score (${score.length}); got ${describeValue(treatment)}.`);
  const bins = options.bins ?? 20;
  if (!Number.isInteger(bins) || bins < 2 || bins > 200) throw new RangeError(`${fn}: options.bins must be an integer in 2..200; got ${describeValue(bins)}.`);
  const W = options.width ?? 640;
  if (typeof W !== "number" || !(W >= 300)) throw new RangeError(`${fn}: options.width must be at least 300; got ${describeValue(W)}.`);
  const counts = [new Array<number>(bins).fill(0), new Array<number>(bins).fill(0)];
  const n = [0, 0];
  score.forEach((s, i) => {
    if (typeof s !== "number" || !(s >= 0 && s <= 1)) throw new RangeError(`${fn}: score[${i}] must be a probability in [0, 1]; got ${describeValue(s)}.`);
    const t = treatment[i];
    if (t !== 0 && t !== 1) throw new RangeError(`${fn}: treatment[${i}] must be 0 or 1; got ${describeValue(t)}.`);
    const g = t === 1 ? 0 : 1;
    counts[g]![Math.min(bins - 1, Math.floor(s * bins))]!++;
    n[g]!++;
  });
  if (n[0] === 0 || n[1] === 0) throw new RangeError(`${fn}: treatment must contain both groups; got ${n[0]} treated and ${n[1]} control.`);
  const share = counts.map((c, g) => c.map((v) => v / n[g]!));
  const maxShare = Math.max(...share[0]!, ...share[1]!);
  const ticks = niceTicks(0, maxShare, 3);
  const top = niceTicks(0, maxShare, 3).at(-1)!;
  const [gt, gc] = options.groupLabels ?? ["Treated", "Control"];
  const left = 64;
  const right = W - 16;
  const t0 = options.title === undefined ? 28 : 52;
  const half = 150;
  const mid = t0 + half;
  const H = mid + half + 56;
  const x = (v: number): number => left + v * (right - left);
  const hy = (v: number): number => (v / top) * half;
  const body: string[] = [];
  if (options.title !== undefined) body.push(text(W / 2, 26, options.title, { "font-size": 16, "font-weight": "bold", "text-anchor": "middle" }));
  const bw = (right - left) / bins;
  for (let b = 0; b < bins; b++) {
    const h1 = hy(share[0]![b]!);
    const h0 = hy(share[1]![b]!);
    if (h1 > 0) body.push(`<rect x="${n2(left + b * bw + 0.5)}" y="${n2(mid - h1)}" width="${n2(bw - 1)}" height="${n2(h1)}" fill="#0072B2"/>`);
    if (h0 > 0) body.push(`<rect x="${n2(left + b * bw + 0.5)}" y="${n2(mid)}" width="${n2(bw - 1)}" height="${n2(h0)}" fill="#D55E00"/>`);
  }
  body.push(`<line x1="${left}" y1="${n2(mid)}" x2="${right}" y2="${n2(mid)}" stroke="#444"/>`);
  for (const t of ticks) {
    for (const sgn of t === 0 ? [1] : [1, -1]) {
      const y = mid - sgn * hy(t);
      body.push(`<line x1="${left - 4}" y1="${n2(y)}" x2="${left}" y2="${n2(y)}" stroke="#444"/>`);
      body.push(text(left - 6, y + 4, `${fixed(100 * t, 0)}%`, { "text-anchor": "end", "font-size": 10 }));
    }
  }
  for (let k = 0; k <= 10; k += 2) body.push(text(x(k / 10), mid + half + 18, fixed(k / 10, 1), { "text-anchor": "middle", "font-size": 11 }));
  body.push(text((left + right) / 2, mid + half + 40, "Propensity score", { "text-anchor": "middle", "font-size": 12 }));
  body.push(text(right, t0 + 10, `${gt} (n = ${n[0]})`, { "text-anchor": "end", "font-size": 12, fill: "#0072B2" }));
  body.push(text(right, mid + half - 4, `${gc} (n = ${n[1]})`, { "text-anchor": "end", "font-size": 12, fill: "#D55E00" }));
  const desc = `Propensity score overlap in ${bins} bins: ${gt} counts ${counts[0]!.join(", ")}; ${gc} counts ${counts[1]!.join(", ")}.`;
  return svgDocument(W, H, options.title, desc, body);
}
