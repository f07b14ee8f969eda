/**
 * Zod schemas of definition profiles and their rules ([definitions §2-§3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)).
 */
import * as z from "zod";
import { SurgeryTypeSchema } from "../../models/patient.js";
import { DiscontinuationReasonSchema } from "../../models/treatmentCourse.js";
import { AMBIGUITY_IDS, ENDPOINT_IDS, MEASURE_KEYS, TIMEPOINT_KEYS } from "../types.js";
import type { Comparator, DeepReadonly, MeasureKey } from "../types.js";

/** An endpoint identifier (see `ENDPOINT_IDS`). */
export const EndpointIdSchema = z.enum(ENDPOINT_IDS);
/** A time point key (see `TIMEPOINT_KEYS`). */
export const TimepointKeySchema = z.enum(TIMEPOINT_KEYS);
/** A measure key (see `MEASURE_KEYS`). */
export const MeasureKeySchema = z.enum(MEASURE_KEYS);
/** An ambiguity register ID (A1-A10). */
export const AmbiguityIdSchema = z.enum(AMBIGUITY_IDS);
/** A comparator. */
export const ComparatorSchema = z.enum(["<", "<=", ">", ">=", "=="]);

/**
 * One node of a rule: a comparison or a combination.
 * @remarks Leaves:
 * - `value`: follow-up value `op` threshold;
 * - `drop`: baseline − follow-up `op` threshold (points);
 * - `percentDrop`: 100 × (baseline − follow-up) / baseline `op` threshold; baseline 0 → not evaluable.
 *   Compared exactly as 100 × (baseline − value) `op` threshold × baseline;
 * - `baseline`: baseline value `op` threshold;
 * - `notWorse`: follow-up ≤ baseline;
 * - `steroidFree`: off systemic corticosteroids for the profile's window at this time point (A3).
 *
 * Combinations: `all` (met when every part is met; not-met as soon as one is not-met; else
 * not-evaluable) and `any` (met as soon as one part is met). `any.missing`: `"unknown"` = a part that
 * cannot be evaluated keeps the result open (three-valued logic); `"skip"` = as `"unknown"`, except that
 * parts whose measures do not apply to the patient (`ClassifierInput.notApplicable`, e.g. Rutgeerts
 * without an ileocolonic resection) are ignored, so "either instrument suffices" (A6) decides on the
 * instruments that apply. An unrecorded measure that applies is never read as a failed part.
 */
export type RuleNode =
  | {
      readonly kind: "value" | "drop" | "percentDrop" | "baseline";
      readonly measure: MeasureKey;
      readonly op: Comparator;
      readonly threshold: number;
    }
  | { readonly kind: "notWorse"; readonly measure: MeasureKey }
  | { readonly kind: "steroidFree" }
  | { readonly kind: "all"; readonly of: readonly RuleNode[] }
  | { readonly kind: "any"; readonly of: readonly RuleNode[]; readonly missing: "unknown" | "skip" };

/**
 * Schema of a rule node (recursive).
 * @example
 * RuleNodeSchema.safeParse({ kind: "value", measure: "hbi", op: "=<", threshold: 4 }).success;
 * //=> false
 */
export const RuleNodeSchema: z.ZodType<RuleNode> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.enum(["value", "drop", "percentDrop", "baseline"]),
      measure: MeasureKeySchema,
      op: ComparatorSchema,
      threshold: z.number().min(-1e6).max(1e6),
    }),
    z.strictObject({ kind: z.literal("notWorse"), measure: MeasureKeySchema }),
    z.strictObject({ kind: z.literal("steroidFree") }),
    z.strictObject({ kind: z.literal("all"), of: z.array(RuleNodeSchema).min(1) }),
    z.strictObject({ kind: z.literal("any"), of: z.array(RuleNodeSchema).min(1), missing: z.enum(["unknown", "skip"]) }),
  ]),
);

/** The rules of one disease: endpoint → rule, `null` = not defined by the profile. */
export const DiseaseRulesSchema = z.strictObject({
  clinicalRemission: RuleNodeSchema.nullable(),
  steroidFreeClinicalRemission: RuleNodeSchema.nullable(),
  clinicalResponse: RuleNodeSchema.nullable(),
  endoscopicRemission: RuleNodeSchema.nullable(),
  endoscopicResponse: RuleNodeSchema.nullable(),
  biochemicalRemission: RuleNodeSchema.nullable(),
  crpNormalisation: RuleNodeSchema.nullable(),
  fcNormalisation: RuleNodeSchema.nullable(),
});

const days = z.number().int().min(0).max(3650);

/**
 * One scheduled time point: nominal week from the anchor, the window of days around it in which a
 * visit may stand for it, and the endpoints assessed there.
 */
export const TimepointSpecSchema = z.strictObject({
  key: TimepointKeySchema,
  week: z.number().int().min(0).max(520),
  phase: z.enum(["baseline", "induction", "maintenance"]),
  windowDays: z.strictObject({ before: days, after: days }),
  endpoints: z.array(EndpointIdSchema),
});

const minDays = z.number().int().min(1).max(3650);

function checkSchedule(list: readonly { key: string; phase: string }[], disease: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((t, i) => {
    if (seen.has(t.key)) ctx.addIssue({ code: "custom", path: ["schedule", disease, i, "key"], message: `must be unique; ${t.key} repeats` });
    seen.add(t.key);
    if ((t.key === "w0") !== (t.phase === "baseline")) {
      ctx.addIssue({ code: "custom", path: ["schedule", disease, i, "phase"], message: 'must be "baseline" exactly for w0' });
    }
  });
  if (!seen.has("w0")) ctx.addIssue({ code: "custom", path: ["schedule", disease], message: "must include the baseline time point w0" });
}

/**
 * A definition profile: a named, versioned set of every threshold and rule
 * ([definitions §2-§3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)). Validate once with this schema (`deriveProfile` does); classifiers then trust it.
 * @remarks
 * - `rules.UC` / `rules.CD`: endpoint → rule (IBD-U uses UC rules).
 * - `steroidFree.minDaysOff`: days off systemic corticosteroids required on the assessment date at each
 *   time point (1 = off on that date; 90 = at least 90 days); `steroidUsersOnly` (A10) restricts
 *   steroid-free endpoints to patients on corticosteroids at treatment start (others not evaluable).
 * - `schedule`: time points per disease; `anchor` (A8) = weeks counted from treatment start, or
 *   maintenance time points from maintenance start.
 * - `analysis`: surgery types and discontinuation reasons that count as failure (not-met) from their
 *   date on for `failureEndpoints`; `missingData` (A9): no visit in the window → `notEvaluable`
 *   (complete case) or `nonResponder`; `rutgeertsAfter`: surgeries after which a Rutgeerts grade counts.
 * - `readings`: for `mao2025` and its variants, the §2.3 reading chosen per ambiguity ID.
 * @example
 * DefinitionProfileSchema.safeParse(mao2025).success;
 * //=> true
 * @see [definitions §2-§3](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
export const DefinitionProfileSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9._:=+/-]{0,199}$/, { error: "must start with a letter and use letters, digits or ._:=+/-" }),
    version: z.string().min(1).max(40),
    title: z.string().min(1).max(300),
    description: z.string().max(8000),
    sources: z.array(z.string().min(1).max(500)).min(1),
    derivedFrom: z.strictObject({ id: z.string().min(1).max(200), version: z.string().min(1).max(40) }).nullable(),
    readings: z.partialRecord(AmbiguityIdSchema, z.string().min(1).max(100)),
    rules: z.strictObject({ UC: DiseaseRulesSchema, CD: DiseaseRulesSchema }),
    steroidFree: z.strictObject({
      minDaysOff: z.strictObject({ w8: minDays, w12: minDays, w26: minDays, w52: minDays, w78: minDays }),
      steroidUsersOnly: z.boolean(),
    }),
    schedule: z.strictObject({
      anchor: z.enum(["treatmentStart", "maintenanceStart"]),
      UC: z.array(TimepointSpecSchema).min(1),
      CD: z.array(TimepointSpecSchema).min(1),
    }),
    analysis: z.strictObject({
      surgeryTypes: z.array(SurgeryTypeSchema),
      discontinuationFailureReasons: z.array(DiscontinuationReasonSchema),
      failureEndpoints: z.array(EndpointIdSchema),
      missingData: z.enum(["notEvaluable", "nonResponder"]),
      rutgeertsAfter: z.array(SurgeryTypeSchema),
    }),
  })
  .superRefine((p, ctx) => {
    checkSchedule(p.schedule.UC, "UC", ctx);
    checkSchedule(p.schedule.CD, "CD", ctx);
  });

/** A definition profile (deep read-only; shipped and derived profiles are deep-frozen). */
export interface DefinitionProfile extends DeepReadonly<z.infer<typeof DefinitionProfileSchema>> {}
/** A time point of a profile's schedule. */
export interface TimepointSpec extends DeepReadonly<z.infer<typeof TimepointSpecSchema>> {}
/** The rules of one disease. */
export interface DiseaseRules extends DeepReadonly<z.infer<typeof DiseaseRulesSchema>> {}

/** Partial overrides for `deriveProfile`: objects merge key by key; arrays and rule nodes replace. */
export type ProfileOverrides = Override<Omit<DefinitionProfile, "id" | "version" | "derivedFrom">>;
/** A partial override of `T`: objects optional key by key, arrays and rule nodes whole. */
export type Override<T> = T extends readonly unknown[]
  ? T
  : T extends RuleNode
    ? T
    : T extends object
      ? { readonly [K in keyof T]?: Override<T[K]> }
      : T;
