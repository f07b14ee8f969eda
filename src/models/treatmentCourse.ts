import * as z from "zod";
import { IdSchema, IsoDateSchema } from "./common.js";

/**
 * A period at one daily dose. Upadacitinib: 45 mg once daily for induction (8 weeks UC, 12 weeks CD),
 * then 15 mg or 30 mg for maintenance. `endDate` absent = ongoing.
 */
export const DosePeriodSchema = z.strictObject({
  doseMg: z.number().positive().max(1000),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.optional(),
  phase: z.enum(["induction", "maintenance", "reinduction"]).optional(),
});
/** A dose period. */
export interface DosePeriod extends z.infer<typeof DosePeriodSchema> {}

/** Classes of concomitant medication that change how outcomes are read. */
export const ConcomitantClassSchema = z.enum([
  "corticosteroid",
  "5-ASA",
  "thalidomide",
  "immunomodulator",
  "biologic",
  "antibiotic",
  "other",
]);
/** A concomitant medication class. */
export type ConcomitantClass = z.infer<typeof ConcomitantClassSchema>;

/**
 * A concomitant medication with dates. Systemic corticosteroid periods decide steroid-free status;
 * a concomitant `biologic` during upadacitinib is a study exclusion.
 */
export const ConcomitantMedicationSchema = z.strictObject({
  agentClass: ConcomitantClassSchema,
  drug: z.string().min(1).max(100).optional(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.optional(),
});
/** A concomitant medication. */
export interface ConcomitantMedication extends z.infer<typeof ConcomitantMedicationSchema> {}

/** Why the treatment was discontinued. `lackOfEfficacy` counts as treatment failure. */
export const DiscontinuationReasonSchema = z.enum([
  "lackOfEfficacy",
  "adverseEvent",
  "patientDecision",
  "cost",
  "pregnancy",
  "surgery",
  "lostToFollowUp",
  "other",
]);
/** Why the treatment was discontinued. */
export type DiscontinuationReason = z.infer<typeof DiscontinuationReasonSchema>;

/**
 * One course of treatment: the drug, start, dose periods, concomitant medications, discontinuation.
 * `drug` is required: a course whose drug was not recorded is not read as any drug (it is an invalid record
 * that names the field, never a default).
 * @remarks Cross-field rules: dose periods start on or after the course start, end on or after they
 * start, and do not overlap (one may start on the day the previous ends); medications end on or after they start; discontinuation not before start.
 * @example
 * TreatmentCourseSchema.parse({ patientId: "P1", drug: "upadacitinib", startDate: "2024-01-01",
 *   dosePeriods: [{ doseMg: 45, startDate: "2024-01-01", endDate: "2024-02-25" }] }).concomitantMedications;
 * //=> []
 */
export const TreatmentCourseSchema = z
  .strictObject({
    id: IdSchema.optional(),
    patientId: IdSchema,
    drug: z.string().min(1).max(100),
    startDate: IsoDateSchema,
    dosePeriods: z.array(DosePeriodSchema).min(1),
    concomitantMedications: z.array(ConcomitantMedicationSchema).default([]),
    /**
     * Whether `concomitantMedications` lists every systemic corticosteroid period of the patient around
     * this course (so that no listed period means none was used). Absent: taken as `true` when at least
     * one corticosteroid period is listed, else as not recorded (steroid-free endpoints are then not
     * evaluable unless the visits record `onCorticosteroids`). Set `true` with no corticosteroid period
     * to record that none was used.
     */
    corticosteroidsRecorded: z.boolean().optional(),
    discontinuation: z.strictObject({ date: IsoDateSchema, reason: DiscontinuationReasonSchema }).optional(),
  })
  .superRefine((c, ctx) => {
    c.dosePeriods.forEach((d, i) => {
      if (d.startDate < c.startDate) {
        ctx.addIssue({ code: "custom", path: ["dosePeriods", i, "startDate"], message: "must not be before the course startDate" });
      }
      if (d.endDate !== undefined && d.endDate < d.startDate) {
        ctx.addIssue({ code: "custom", path: ["dosePeriods", i, "endDate"], message: "must not be before its startDate" });
      }
    });
    const order = c.dosePeriods.map((d, i) => ({ d, i })).sort((a, b) => (a.d.startDate < b.d.startDate ? -1 : a.d.startDate > b.d.startDate ? 1 : 0));
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1]!;
      const cur = order[k]!;
      if (prev.d.endDate === undefined || prev.d.endDate > cur.d.startDate) {
        ctx.addIssue({
          code: "custom",
          path: ["dosePeriods", cur.i, "startDate"],
          message: `overlaps dose period ${prev.i} (periods must not overlap; end the earlier one first)`,
        });
      }
    }
    c.concomitantMedications.forEach((m, i) => {
      if (m.endDate !== undefined && m.endDate < m.startDate) {
        ctx.addIssue({ code: "custom", path: ["concomitantMedications", i, "endDate"], message: "must not be before its startDate" });
      }
    });
    if (c.discontinuation !== undefined && c.discontinuation.date < c.startDate) {
      ctx.addIssue({ code: "custom", path: ["discontinuation", "date"], message: "must not be before the course startDate" });
    }
  });
/** A treatment course (parsed: `concomitantMedications` filled with its default, an empty list). */
export interface TreatmentCourse extends z.infer<typeof TreatmentCourseSchema> {}
/** A treatment course as accepted on input (`concomitantMedications` optional). */
export interface TreatmentCourseInput extends z.input<typeof TreatmentCourseSchema> {}
