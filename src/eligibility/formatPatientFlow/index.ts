import * as z from "zod";
import { assertOneOf, describeValue, errorFromZod } from "../../_lib/errors.js";
import type { DiagnosisCounts, PatientFlow } from "../patientFlow/index.js";

const FN = "formatPatientFlow";
const count = z.number().int().min(0);
const dxCounts = z.object({ CD: count, UC: count, "IBD-U": count });

/** The parts of a `PatientFlow` the formatter reads. */
const FlowShape = z.object({
  screened: count,
  screenedByDiagnosis: dxCounts,
  steps: z.array(z.object({ code: z.string(), label: z.string(), excluded: count, remaining: count })),
  included: count,
  includedByDiagnosis: dxCounts,
  comparison: z
    .object({
      matches: z.boolean(),
      differences: z.array(z.object({ item: z.string(), reported: count, computed: count, difference: z.number().int() })),
      notCompared: z.array(z.string()),
      reportedArithmetic: z.object({
        screened: count,
        excluded: count,
        impliedIncluded: z.number().int(),
        statedIncluded: count,
        difference: z.number().int(),
        consistent: z.boolean(),
      }),
    })
    .optional(),
});

/** Options of {@link formatPatientFlow}. */
export interface FormatPatientFlowOptions {
  /** `"markdown"` (default): a table; `"text"`: indented plain lines. */
  readonly format?: "markdown" | "text";
}

function dxText(c: DiagnosisCounts): string {
  const parts = [`CD ${c.CD}`, `UC ${c.UC}`];
  if (c["IBD-U"] > 0) parts.push(`IBD-U ${c["IBD-U"]}`);
  return parts.join(", ");
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function md(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/**
 * Renders a patient flow (from `patientFlow`) as a Markdown table or plain text, in the shape of a study flow
 * diagram: screened, each exclusion step with its count and the number remaining, included by diagnosis, and,
 * when the flow carries a comparison, every difference from the reported counts and the reported arithmetic.
 * @remarks The formatter re-checks the accounting (screened = Σ excluded + included, and each `remaining`)
 * and refuses a flow that does not add up rather than print it. Labels are escaped for Markdown tables.
 * @param flow - A `PatientFlow`.
 * @param options - `format`: `"markdown"` (default) or `"text"`.
 * @returns The rendering, lines joined with `\n`, ending without a newline.
 * @throws {TypeError} If `flow` has the wrong shape or `format` is unknown.
 * @throws {RangeError} If the flow's counts do not add up.
 * @example
 * const flow = patientFlow([
 *   { patientId: "A", diagnosis: "CD", status: "eligible", failedCodes: [], unknownCodes: [] },
 *   { patientId: "B", diagnosis: "UC", status: "ineligible", failedCodes: ["INCL_DTT"], unknownCodes: [] },
 * ]);
 * formatPatientFlow(flow, { format: "text" }).split("\n").slice(0, 2);
 * //=> ["Screened: 2 (CD 1, UC 1)", "  -1 Not refractory (difficult-to-treat) IBD [INCL_DTT] -> 1 remaining"]
 * @see von Elm E, et al. The STROBE statement. Lancet 2007;370:1453-1457. doi:10.1016/S0140-6736(07)61602-X
 */
export function formatPatientFlow(flow: PatientFlow, options: FormatPatientFlowOptions = {}): string {
  if (options === null || typeof options !== "object") throw new TypeError(`${FN}: options must be an object; got ${describeValue(options)}.`);
  const format = assertOneOf(FN, "options.format", options.format ?? "markdown", ["markdown", "text"] as const);
  const r = FlowShape.safeParse(flow);
  if (!r.success) throw errorFromZod(FN, "flow", r.error, flow);
  const f = r.data;
  let remaining = f.screened;
  f.steps.forEach((s, i) => {
    remaining -= s.excluded;
    if (s.remaining !== remaining) {
      throw new RangeError(`${FN}: flow.steps[${i}].remaining must equal the previous remaining minus excluded (${remaining}); got ${s.remaining}.`);
    }
  });
  if (remaining !== f.included) {
    throw new RangeError(`${FN}: flow.included must equal screened minus every excluded step (${remaining}); got ${f.included}.`);
  }

  const lines: string[] = [];
  const c = f.comparison;
  const arithmetic = c?.reportedArithmetic;
  if (format === "text") {
    lines.push(`Screened: ${f.screened} (${dxText(f.screenedByDiagnosis)})`);
    for (const s of f.steps) lines.push(`  -${s.excluded} ${s.label} [${s.code}] -> ${s.remaining} remaining`);
    lines.push(`Included: ${f.included} (${dxText(f.includedByDiagnosis)})`);
    if (c !== undefined && arithmetic !== undefined) {
      lines.push("", `Compared with the reported flow: ${c.matches ? "matches" : "does not match"}.`);
      for (const d of c.differences) lines.push(`  ${d.item}: reported ${d.reported}, computed ${d.computed} (${signed(d.difference)})`);
      if (c.notCompared.length > 0) lines.push(`  Not reported: ${c.notCompared.join(", ")}`);
      lines.push(arithmeticText(arithmetic));
    }
    return lines.join("\n");
  }
  lines.push("| Step | Code | Excluded | Remaining |", "|---|---|---:|---:|");
  lines.push(`| Screened (${dxText(f.screenedByDiagnosis)}) |  |  | ${f.screened} |`);
  for (const s of f.steps) lines.push(`| ${md(s.label)} | ${md(s.code)} | ${s.excluded} | ${s.remaining} |`);
  lines.push(`| **Included** (${dxText(f.includedByDiagnosis)}) |  |  | **${f.included}** |`);
  if (c !== undefined && arithmetic !== undefined) {
    lines.push("", `**Compared with the reported flow:** ${c.matches ? "matches" : "does not match"}.`);
    if (c.differences.length > 0) {
      lines.push("", "| Item | Reported | Computed | Difference |", "|---|---:|---:|---:|");
      for (const d of c.differences) lines.push(`| ${md(d.item)} | ${d.reported} | ${d.computed} | ${signed(d.difference)} |`);
    }
    if (c.notCompared.length > 0) lines.push("", `Not reported: ${c.notCompared.map(md).join(", ")}.`);
    lines.push("", arithmeticText(arithmetic));
  }
  return lines.join("\n");
}

function arithmeticText(a: { screened: number; excluded: number; impliedIncluded: number; statedIncluded: number; difference: number; consistent: boolean }): string {
  const sum = `${a.screened} - ${a.excluded} = ${a.impliedIncluded}`;
  return a.consistent
    ? `Reported arithmetic: ${sum}, as stated.`
    : `Reported arithmetic: ${sum}, but ${a.statedIncluded} stated (difference ${signed(a.difference)}).`;
}
