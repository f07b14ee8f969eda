import { describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { fixed } from "../_lib/round.js";
import { n2, svgDocument, text, textWidth } from "../_lib/svg.js";
import type { RocCurveResult } from "../_lib/stats.js";

/** Options of {@link rocCurveSvg}. */
export interface RocCurveSvgOptions {
  readonly title?: string;
  /** Plot side in px (the plot is square); default 480. */
  readonly size?: number;
  /** Mark the Youden point. Default true. */
  readonly showYouden?: boolean;
  /** Decimals of AUC and CI. Default 3. */
  readonly digits?: number;
}

/**
 * An ROC curve as a standalone SVG: sensitivity against 1 − specificity, the chance diagonal, the AUC with
 * its DeLong confidence interval, and the Youden point (the paper's Figure 3).
 * @param roc - From `rocCurve` (stats).
 * @param options - Title, size, Youden marker, digits.
 * @returns An SVG document.
 * @throws {TypeError} If `roc` is not an ROC result.
 * @throws {RangeError} If size is below 200.
 * @example
 * const roc = rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
 * rocCurveSvg(roc).includes("AUC = 0.750");
 * //=> true
 * @see Robin X, et al. pROC. BMC Bioinformatics 2011;12:77. doi:10.1186/1471-2105-12-77
 */
export function rocCurveSvg(roc: RocCurveResult, options: RocCurveSvgOptions = {}): string {
  const fn = "rocCurveSvg";
  if (roc === null || typeof roc !== "object" || !isArray(roc.points) || typeof roc.auc !== "number") throw new TypeError(`${fn}: roc must be a rocCurve result; got ${describeValue(roc)}.`);
  const S = options.size ?? 480;
  if (!(S >= 200)) throw new RangeError(`${fn}: options.size must be at least 200; got ${describeValue(S)}.`);
  const digits = options.digits ?? 3;
  const top = options.title === undefined ? 20 : 46;
  const left = 62;
  const right = 20;
  const bottom = 50;
  const W = left + S + right;
  const H = top + S + bottom;
  const x = (fpr: number): number => left + S * fpr;
  const y = (tpr: number): number => top + S * (1 - tpr);
  const body: string[] = [];
  if (options.title !== undefined) body.push(text(W / 2, 26, options.title, { "font-size": 16, "font-weight": "bold", "text-anchor": "middle" }));
  for (const t of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    body.push(`<line x1="${n2(x(t))}" y1="${top}" x2="${n2(x(t))}" y2="${top + S}" stroke="#eee"/>`);
    body.push(`<line x1="${left}" y1="${n2(y(t))}" x2="${left + S}" y2="${n2(y(t))}" stroke="#eee"/>`);
    body.push(text(x(t), top + S + 16, fixed(t, 1), { "text-anchor": "middle", "font-size": 11 }));
    body.push(text(left - 6, y(t) + 4, fixed(t, 1), { "text-anchor": "end", "font-size": 11 }));
  }
  body.push(`<rect x="${left}" y="${top}" width="${S}" height="${S}" fill="none" stroke="#444"/>`);
  body.push(`<line x1="${left}" y1="${top + S}" x2="${left + S}" y2="${top}" stroke="#999" stroke-dasharray="5 4"/>`);
  body.push(text(left + S / 2, top + S + 38, "1 − Specificity (false-positive rate)", { "text-anchor": "middle", "font-size": 12 }));
  body.push(text(18, top + S / 2, "Sensitivity", { "text-anchor": "middle", transform: `rotate(-90 18 ${n2(top + S / 2)})`, "font-size": 12 }));
  // points sorted by false-positive rate, then sensitivity: a monotone step curve
  const pts = roc.points.map((p) => [1 - p.specificity, p.sensitivity] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const d = pts.map(([f, s], i) => `${i === 0 ? "M" : "L"}${n2(x(f))} ${n2(y(s))}`).join("");
  body.push(`<path d="${d}" stroke="#0072B2" stroke-width="2.2" fill="none"/>`);
  const auc = `AUC = ${fixed(roc.auc, digits)} (95% CI ${fixed(roc.aucConfInt[0], digits)}–${fixed(roc.aucConfInt[1], digits)})`;
  const n = `${roc.nCases} cases, ${roc.nControls} controls; DeLong CI`;
  body.push(`<rect x="${n2(left + S - 290)}" y="${n2(top + S - 62)}" width="282" height="52" fill="#ffffff" fill-opacity="0.9" stroke="#ccc"/>`);
  body.push(text(left + S - 280, top + S - 40, auc, { "font-size": 12, "font-weight": "bold" }));
  body.push(text(left + S - 280, top + S - 20, n, { "font-size": 11, fill: "#555" }));
  if (options.showYouden ?? true) {
    const yd = roc.youden;
    const cx = x(1 - yd.specificity);
    const cy = y(yd.sensitivity);
    body.push(`<circle cx="${n2(cx)}" cy="${n2(cy)}" r="5" fill="#D55E00"/>`);
    const label = `Youden: threshold ${Number(yd.threshold.toPrecision(4))} (Se ${fixed(yd.sensitivity, 2)}, Sp ${fixed(yd.specificity, 2)})`;
    // inside the plot, below-right of the point (the curve runs up and to the right of it), on a white halo
    const below = cy < top + S - 40;
    const lx = cx + 10;
    const ly = below ? cy + 20 : cy - 10;
    const anchorEnd = lx + textWidth(label, 11) > left + S - 6;
    body.push(text(anchorEnd ? left + S - 6 : lx, ly, label, { "font-size": 11, "text-anchor": anchorEnd ? "end" : "start", fill: "#B24A00", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" }));
  }
  return svgDocument(W, H, options.title, `ROC curve, ${auc}.`, body);
}
