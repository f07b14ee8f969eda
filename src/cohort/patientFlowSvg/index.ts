import { describeValue } from "../../_lib/errors.js";
import { isArray } from "../_lib/check.js";
import { n2, svgDocument, text, wrap } from "../_lib/svg.js";

/**
 * The patient flow a diagram needs. The eligibility domain's `PatientFlow` (`patientFlow(...)`) satisfies it.
 */
export interface PatientFlowDiagramInput {
  readonly screened: number;
  /** Exclusion steps in order. */
  readonly steps: readonly { readonly label: string; readonly excluded: number; readonly remaining: number }[];
  readonly included: number;
  /** Included per diagnosis (or any split), shown as boxes under "Included"; zero entries are left out. */
  readonly includedByDiagnosis?: Readonly<Record<string, number>>;
}

/** Options of {@link patientFlowSvg}. */
export interface PatientFlowSvgOptions {
  readonly title?: string;
  /** Text of the top box. Default `"Patients screened"`. */
  readonly screenedLabel?: string;
  /** Text of the included box. Default `"Included"`. */
  readonly includedLabel?: string;
  /** Display names of the split, e.g. `{ CD: "Crohn's disease", UC: "Ulcerative colitis" }`. */
  readonly splitLabels?: Readonly<Record<string, string>>;
  /** Leave out steps that exclude nobody. Default true. */
  readonly hideEmptySteps?: boolean;
  /** Width in px. Default 760. */
  readonly width?: number;
}

/**
 * The patient-flow diagram (the paper's Figure 4) as a standalone SVG: a main column from the screened
 * patients to the included ones, each exclusion step as a box on the side with an arrow and its count, the
 * patients remaining after each step on the main line, and the included patients split by diagnosis.
 * @remarks The diagram draws the numbers it is given; `patientFlow` of the eligibility domain computes
 * counts that add up (the paper's printed flow does not: 122 − 44 = 78, not 80).
 * @param flow - Screened, steps (label, excluded, remaining), included, split.
 * @param options - Labels, title, width, empty steps.
 * @returns An SVG document.
 * @throws {TypeError} If `flow` has the wrong shape.
 * @throws {RangeError} If a count is not a non-negative integer or width is below 400.
 * @example
 * patientFlowSvg({ screened: 10, steps: [{ label: "Age < 18", excluded: 1, remaining: 9 }], included: 9,
 *   includedByDiagnosis: { CD: 5, UC: 4 } }).includes("Excluded (n = 1)");
 * //=> true
 * @see Schulz KF, et al. CONSORT 2010 Statement. BMJ 2010;340:c332. doi:10.1136/bmj.c332
 */
export function patientFlowSvg(flow: PatientFlowDiagramInput, options: PatientFlowSvgOptions = {}): string {
  const fn = "patientFlowSvg";
  if (flow === null || typeof flow !== "object" || !isArray(flow.steps)) throw new TypeError(`${fn}: flow must have screened, steps and included; got ${describeValue(flow)}.`);
  const count = (v: unknown, at: string): number => {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw new RangeError(`${fn}: ${at} must be a non-negative integer; got ${describeValue(v)}.`);
    return v;
  };
  count(flow.screened, "flow.screened");
  count(flow.included, "flow.included");
  flow.steps.forEach((s, i) => {
    if (typeof s?.label !== "string") throw new TypeError(`${fn}: flow.steps[${i}].label must be a string; got ${describeValue(s?.label)}.`);
    count(s.excluded, `flow.steps[${i}].excluded`);
    count(s.remaining, `flow.steps[${i}].remaining`);
  });
  const W = options.width ?? 760;
  if (!(W >= 400)) throw new RangeError(`${fn}: options.width must be at least 400; got ${describeValue(W)}.`);
  const steps = flow.steps.filter((s) => !(options.hideEmptySteps ?? true) || s.excluded > 0);
  const fs = 13;
  const lh = 17;
  const mainW = Math.min(300, W * 0.42);
  const mainX = 24;
  const spineX = mainX + mainW / 2;
  const sideX = mainX + mainW + 56;
  const sideW = W - sideX - 24;
  const body: string[] = [
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#333"/></marker></defs>`,
  ];
  let y = options.title === undefined ? 20 : 50;
  if (options.title !== undefined) body.push(text(W / 2, 28, options.title, { "font-size": 16, "font-weight": "bold", "text-anchor": "middle" }));
  const box = (x: number, top: number, w: number, lines: string[], bold: number[], fill: string): number => {
    const h = lines.length * lh + 16;
    body.push(`<rect x="${n2(x)}" y="${n2(top)}" width="${n2(w)}" height="${n2(h)}" rx="4" fill="${fill}" stroke="#333" stroke-width="1.2"/>`);
    lines.forEach((l, i) => body.push(text(x + w / 2, top + 8 + lh * (i + 1) - 4, l, { "text-anchor": "middle", "font-size": fs, ...(bold.includes(i) ? { "font-weight": "bold" } : {}) })));
    return h;
  };
  const topLines = [...wrap(options.screenedLabel ?? "Patients screened", mainW - 20, fs), `(n = ${flow.screened})`];
  const h0 = box(mainX, y, mainW, topLines, [topLines.length - 1], "#eef4fb");
  y += h0;
  for (const s of steps) {
    const lines = [`Excluded (n = ${s.excluded})`, ...wrap(s.label, sideW - 20, fs)];
    const h = lines.length * lh + 16;
    const slotTop = y + 18;
    const mid = slotTop + h / 2;
    body.push(`<line x1="${n2(spineX)}" y1="${n2(y)}" x2="${n2(spineX)}" y2="${n2(slotTop + h + 18)}" stroke="#333" stroke-width="1.4"/>`);
    body.push(`<line x1="${n2(spineX)}" y1="${n2(mid)}" x2="${n2(sideX)}" y2="${n2(mid)}" stroke="#333" stroke-width="1.4" marker-end="url(#arrow)"/>`);
    box(sideX, slotTop, sideW, lines, [0], "#fdf1e8");
    y = slotTop + h + 18;
    body.push(text(spineX - 8, y - 4, `n = ${s.remaining}`, { "text-anchor": "end", "font-size": 11, fill: "#555" }));
  }
  body.push(`<line x1="${n2(spineX)}" y1="${n2(y)}" x2="${n2(spineX)}" y2="${n2(y + 26)}" stroke="#333" stroke-width="1.4" marker-end="url(#arrow)"/>`);
  y += 26;
  const incLines = [...wrap(options.includedLabel ?? "Included", mainW - 20, fs), `(n = ${flow.included})`];
  const hi = box(mainX, y, mainW, incLines, [incLines.length - 1], "#e9f6ef");
  y += hi;
  const split = Object.entries(flow.includedByDiagnosis ?? {}).filter(([, v]) => typeof v === "number" && v > 0);
  if (split.length > 0) {
    const gap = 16;
    const bw = Math.min(200, (W - 48 - gap * (split.length - 1)) / split.length);
    const total = split.length * bw + (split.length - 1) * gap;
    const startX = Math.max(24, spineX - total / 2);
    const branchY = y + 20;
    const boxTop = y + 44;
    body.push(`<line x1="${n2(spineX)}" y1="${n2(y)}" x2="${n2(spineX)}" y2="${n2(branchY)}" stroke="#333" stroke-width="1.4"/>`);
    const centres = split.map((_, i) => startX + i * (bw + gap) + bw / 2);
    body.push(`<line x1="${n2(Math.min(...centres, spineX))}" y1="${n2(branchY)}" x2="${n2(Math.max(...centres, spineX))}" y2="${n2(branchY)}" stroke="#333" stroke-width="1.4"/>`);
    let maxH = 0;
    split.forEach(([k, v], i) => {
      body.push(`<line x1="${n2(centres[i]!)}" y1="${n2(branchY)}" x2="${n2(centres[i]!)}" y2="${n2(boxTop)}" stroke="#333" stroke-width="1.4" marker-end="url(#arrow)"/>`);
      const lines = [...wrap(options.splitLabels?.[k] ?? k, bw - 16, fs), `(n = ${v})`];
      maxH = Math.max(maxH, box(startX + i * (bw + gap), boxTop, bw, lines, [lines.length - 1], "#ffffff"));
    });
    y = boxTop + maxH;
  }
  const H = Math.ceil(y + 20);
  const desc = `Patient flow: ${flow.screened} screened; ${steps.map((s) => `${s.excluded} excluded (${s.label})`).join("; ")}; ${flow.included} included${split.length > 0 ? ` (${split.map(([k, v]) => `${k} ${v}`).join(", ")})` : ""}.`;
  return svgDocument(W, H, options.title, desc, body);
}
