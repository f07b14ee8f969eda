import * as z from "zod";
import { IdSchema, IsoDateSchema } from "./common.js";

/**
 * Adverse-event categories of the paper (Table 4 and monitored TEAEs), plus `other`.
 * Infections carry `infectionType` (herpes zoster and tuberculosis are named in the paper).
 */
export const AeCategorySchema = z.enum([
  "acneOrSkin",
  "infection",
  "neutropenia",
  "anemia",
  "liverTestElevation",
  "ckElevation",
  "dyslipidemia",
  "mace",
  "venousThromboembolism",
  "malignancy",
  "nonMelanomaSkinCancer",
  "intestinalPerforation",
  "hospitalization",
  "death",
  "other",
]);
/** An adverse-event category. */
export type AeCategory = z.infer<typeof AeCategorySchema>;

/** Regulatory seriousness criteria (21 CFR 312.32); each optional, absent = not met. */
export const SeriousnessCriteriaSchema = z.strictObject({
  death: z.boolean().optional(),
  lifeThreatening: z.boolean().optional(),
  hospitalization: z.boolean().optional(),
  disability: z.boolean().optional(),
  congenitalAnomaly: z.boolean().optional(),
  importantMedicalEvent: z.boolean().optional(),
});
/** Regulatory seriousness criteria. */
export interface SeriousnessCriteria extends z.infer<typeof SeriousnessCriteriaSchema> {}

/**
 * One adverse event during treatment.
 * @example
 * AdverseEventSchema.parse({ patientId: "P1", onsetDate: "2024-04-02", term: "acne",
 *   category: "acneOrSkin", ledToDiscontinuation: false }).category;
 * //=> "acneOrSkin"
 */
export const AdverseEventSchema = z
  .strictObject({
    id: IdSchema.optional(),
    patientId: IdSchema,
    onsetDate: IsoDateSchema,
    term: z.string().min(1).max(200),
    category: AeCategorySchema,
    infectionType: z.enum(["herpesZoster", "tuberculosis", "other"]).optional(),
    ledToDiscontinuation: z.boolean(),
    seriousness: SeriousnessCriteriaSchema.optional(),
    resolvedDate: IsoDateSchema.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.infectionType !== undefined && e.category !== "infection") {
      ctx.addIssue({ code: "custom", path: ["infectionType"], message: 'is only allowed with category "infection"' });
    }
    if (e.resolvedDate !== undefined && e.resolvedDate < e.onsetDate) {
      ctx.addIssue({ code: "custom", path: ["resolvedDate"], message: "must not be before onsetDate" });
    }
  });
/** One adverse event. */
export interface AdverseEvent extends z.infer<typeof AdverseEventSchema> {}

/** Which seriousness rule `isSerious` applies. */
export type SeriousnessRule = "paper" | "regulatory";

/**
 * Whether an adverse event is serious.
 * @remarks `paper` (default, Mao et al. 2025, Outcomes): intestinal perforation, a cardiovascular event
 * (MACE), hospitalisation or death — by category or by the `hospitalization`/`death` criteria.
 * `regulatory` (21 CFR 312.32): death, life-threatening, hospitalisation or its prolongation, persistent
 * disability, congenital anomaly, or an important medical event (categories `death` and
 * `hospitalization` count as those criteria).
 * @param event - A validated adverse event.
 * @param options - `rule`: `"paper"` or `"regulatory"`.
 * @returns True when serious under the rule.
 * @throws {TypeError} If `options.rule` is unknown.
 * @example
 * isSerious({ patientId: "P1", onsetDate: "2024-04-02", term: "perforation",
 *   category: "intestinalPerforation", ledToDiscontinuation: true });
 * //=> true
 */
export function isSerious(event: AdverseEvent, options: { readonly rule?: SeriousnessRule } = {}): boolean {
  const rule = options.rule ?? "paper";
  const s = event.seriousness ?? {};
  const hospital = event.category === "hospitalization" || s.hospitalization === true;
  const death = event.category === "death" || s.death === true;
  if (rule === "paper") {
    return hospital || death || event.category === "intestinalPerforation" || event.category === "mace";
  }
  if (rule === "regulatory") {
    return hospital || death || s.lifeThreatening === true || s.disability === true || s.congenitalAnomaly === true || s.importantMedicalEvent === true;
  }
  throw new TypeError(`isSerious: options.rule must be "paper" or "regulatory"; got "${String(rule)}".`);
}
