import * as z from "zod";
import { DiagnosisSchema, IdSchema, IsoDateSchema, SexSchema } from "./common.js";
import { ConventionalAgentSchema, MechanismClassSchema, StopReasonSchema, mechanismOf } from "./therapies.js";

/**
 * Montreal classification of Crohn's disease.
 * @remarks `upperGi` is the L4 modifier on L1-L3; `location: "L4"` (L4 as an exclusive location, as the
 * paper's Table 3 counts it) is accepted here and checked by `montrealClassification` with `l4Exclusive`.
 * @see Satsangi J, et al. Gut 2006;55:749-53. doi:10.1136/gut.2005.082909
 */
export const MontrealCdSchema = z.strictObject({
  type: z.literal("CD"),
  /** Age at diagnosis: A1 <= 16 y, A2 17-40, A3 > 40. Derivable from dates (`montrealAge`). */
  age: z.enum(["A1", "A2", "A3"]).optional(),
  /** Location: L1 ileal, L2 colonic, L3 ileocolonic (L4 only as exclusive location). */
  location: z.enum(["L1", "L2", "L3", "L4"]),
  /** L4 upper-GI modifier. */
  upperGi: z.boolean(),
  /** Behaviour: B1 non-stricturing non-penetrating, B2 stricturing, B3 penetrating. */
  behavior: z.enum(["B1", "B2", "B3"]),
  /** Perianal disease modifier `p`. */
  perianal: z.boolean(),
});
/** Montreal classification of Crohn's disease. */
export interface MontrealCd extends z.infer<typeof MontrealCdSchema> {}

/**
 * Montreal classification of ulcerative colitis.
 * @see Satsangi J, et al. Gut 2006;55:749-53. doi:10.1136/gut.2005.082909
 */
export const MontrealUcSchema = z.strictObject({
  type: z.literal("UC"),
  /** Extent: E1 proctitis, E2 left-sided, E3 extensive. */
  extent: z.enum(["E1", "E2", "E3"]),
  /** Severity: S0 remission, S1 mild, S2 moderate, S3 severe. */
  severity: z.enum(["S0", "S1", "S2", "S3"]).optional(),
});
/** Montreal classification of ulcerative colitis. */
export interface MontrealUc extends z.infer<typeof MontrealUcSchema> {}

/** Montreal classification (CD or UC form). */
export const MontrealSchema = z.discriminatedUnion("type", [MontrealCdSchema, MontrealUcSchema]);
/** Montreal classification. */
export type Montreal = z.infer<typeof MontrealSchema>;

/**
 * One prior advanced therapy (biologic or small molecule).
 * @remarks `mechanism` may be omitted for drugs in the catalogue (`DRUG_MECHANISMS`); an unknown drug
 * needs it. Failure (for the IOIBD count) = `primaryNonResponse`, `secondaryLossOfResponse` or `intolerance`.
 */
export const PriorTherapySchema = z
  .strictObject({
    drug: z.string().trim().min(1).max(100),
    mechanism: MechanismClassSchema.optional(),
    startDate: IsoDateSchema.optional(),
    stopDate: IsoDateSchema.optional(),
    reasonStopped: StopReasonSchema.optional(),
  })
  .superRefine((t, ctx) => {
    if (mechanismOf(t.drug, t.mechanism) === undefined) {
      ctx.addIssue({ code: "custom", path: ["mechanism"], message: "is required for a drug not in the catalogue" });
    }
    if (t.startDate !== undefined && t.stopDate !== undefined && t.stopDate < t.startDate) {
      ctx.addIssue({ code: "custom", path: ["stopDate"], message: "must not be before startDate" });
    }
  });
/** One prior advanced therapy. */
export interface PriorTherapy extends z.infer<typeof PriorTherapySchema> {}

/** One prior conventional therapy (5-ASA, steroids, immunomodulators, ...). */
export const PriorConventionalTherapySchema = z.strictObject({
  agent: ConventionalAgentSchema,
  startDate: IsoDateSchema.optional(),
  stopDate: IsoDateSchema.optional(),
});
/** One prior conventional therapy. */
export interface PriorConventionalTherapy extends z.infer<typeof PriorConventionalTherapySchema> {}

/**
 * IBD surgery types. Intestinal resections are `ileocolonicResection`, `smallBowelResection`,
 * `segmentalColectomy`, `subtotalColectomy` and `totalColectomy`; the Rutgeerts score applies after
 * `ileocolonicResection`.
 */
export const SurgeryTypeSchema = z.enum([
  "ileocolonicResection",
  "smallBowelResection",
  "segmentalColectomy",
  "subtotalColectomy",
  "totalColectomy",
  "proctocolectomyIpaa",
  "stricturoplasty",
  "perianalSurgery",
  "stoma",
  "other",
]);
/** An IBD surgery type. */
export type SurgeryType = z.infer<typeof SurgeryTypeSchema>;

/** One IBD surgery. */
export const SurgerySchema = z.strictObject({ date: IsoDateSchema, type: SurgeryTypeSchema });
/** One IBD surgery. */
export interface Surgery extends z.infer<typeof SurgerySchema> {}

/**
 * Difficult-to-treat conditions supplied by the clinician (IOIBD criteria 3-5). `undefined` or `null` = unknown.
 * @see Parigi TL, et al. Lancet Gastroenterol Hepatol 2023;8:853-9. doi:10.1016/S2468-1253(23)00154-1
 */
export const DttConditionsSchema = z.strictObject({
  chronicAntibioticRefractoryPouchitis: z.boolean().nullable().optional(),
  complexPerianalDisease: z.boolean().nullable().optional(),
  psychosocialComorbidity: z.boolean().nullable().optional(),
});
/** Difficult-to-treat conditions. */
export interface DttConditions extends z.infer<typeof DttConditionsSchema> {}

/** Extraintestinal manifestation sites (paper Table 3). */
export const EimSiteSchema = z.enum(["eye", "skin", "joint", "other"]);
/** An extraintestinal manifestation site. */
export type EimSite = z.infer<typeof EimSiteSchema>;

/**
 * A patient with IBD: demographics, diagnosis, Montreal classification, treatment and surgical history,
 * difficult-to-treat conditions, and the history the study's exclusions look at.
 * @remarks Cross-field rules: diagnosis date not before birth; Montreal form matches the diagnosis
 * (CD form for CD, UC form for UC; IBD-U may carry a UC form); surgeries not before birth.
 * @example
 * PatientSchema.parse({ id: "P1", sex: "female", birthDate: "1980-05-01", diagnosis: "UC",
 *   diagnosisDate: "2015-03-10" }).diagnosis;
 * //=> "UC"
 */
export const PatientSchema = z
  .strictObject({
    id: IdSchema,
    sex: SexSchema,
    birthDate: IsoDateSchema,
    diagnosis: DiagnosisSchema,
    diagnosisDate: IsoDateSchema,
    montreal: MontrealSchema.optional(),
    priorTherapies: z.array(PriorTherapySchema).optional(),
    priorConventionalTherapies: z.array(PriorConventionalTherapySchema).optional(),
    surgeries: z.array(SurgerySchema).optional(),
    dttConditions: DttConditionsSchema.optional(),
    extraintestinalManifestations: z.array(EimSiteSchema).optional(),
    pregnantOrBreastfeeding: z.boolean().optional(),
    malignancyHistory: z.boolean().optional(),
    seriousInfectionHistory: z.boolean().optional(),
    heightCm: z.number().gt(30).lt(260).optional(),
    site: z.string().min(1).max(100).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.diagnosisDate < p.birthDate) {
      ctx.addIssue({ code: "custom", path: ["diagnosisDate"], message: "must not be before birthDate" });
    }
    if (p.montreal !== undefined) {
      const want = p.diagnosis === "CD" ? "CD" : "UC";
      if (p.montreal.type !== want) {
        ctx.addIssue({
          code: "custom",
          path: ["montreal", "type"],
          message: `must be "${want}" for a patient diagnosed with ${p.diagnosis}`,
        });
      }
    }
    p.surgeries?.forEach((s, i) => {
      if (s.date < p.birthDate) ctx.addIssue({ code: "custom", path: ["surgeries", i, "date"], message: "must not be before birthDate" });
    });
  });
/** A patient with IBD. */
export interface Patient extends z.infer<typeof PatientSchema> {}
