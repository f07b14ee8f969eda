/**
 * Inputs of every clinical score, as zod schemas. The score functions in `ibd-outcomes/scores`
 * validate against these; `Visit` embeds them. Definitions: [definitions §1](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
import * as z from "zod";

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * Mayo subscores (UC), each 0-3, plus endoscopic friability. Each is optional so one shape serves the
 * full (SF+RB+ES+PGA), partial (SF+RB+PGA) and adapted (SF+RB+ES) scores; each score function demands
 * the items it needs.
 * @remarks `friability` matters only for the FDA-modified endoscopic subscore (friability excluded
 * from grade 1, so `endoscopic: 1` with friability scores 2).
 * @see Schroeder KW, Tremaine WJ, Ilstrup DM. N Engl J Med 1987;317:1625-9. doi:10.1056/NEJM198712243172603
 */
export const MayoItemsSchema = z.strictObject({
  /** Stool frequency vs the patient's normal: 0 normal, 1 one-two above, 2 three-four above, 3 five or more above. */
  stoolFrequency: int(0, 3).optional(),
  /** Rectal bleeding: 0 none, 1 streaks less than half the time, 2 obvious blood most of the time, 3 blood alone. */
  rectalBleeding: int(0, 3).optional(),
  /** Mayo endoscopic subscore (MES): 0 normal/inactive, 1 mild, 2 moderate, 3 severe. */
  endoscopic: int(0, 3).optional(),
  /** Mucosal friability seen at endoscopy (for the FDA-modified endoscopic subscore). */
  friability: z.boolean().optional(),
  /** Physician's global assessment: 0 normal, 1 mild, 2 moderate, 3 severe. */
  physicianGlobal: int(0, 3).optional(),
});
/** Mayo subscores of one visit. */
export interface MayoItems extends z.infer<typeof MayoItemsSchema> {}

/** The eight Harvey-Bradshaw complications, one point each. */
export const HbiComplicationSchema = z.enum([
  "arthralgia",
  "uveitis",
  "erythemaNodosum",
  "aphthousUlcers",
  "pyodermaGangrenosum",
  "analFissure",
  "newFistula",
  "abscess",
]);
/** One Harvey-Bradshaw complication. */
export type HbiComplication = z.infer<typeof HbiComplicationSchema>;

/**
 * Harvey-Bradshaw Index items, scored for the previous day.
 * @see Harvey RF, Bradshaw JM. Lancet 1980;1(8167):514. doi:10.1016/S0140-6736(80)92767-1
 */
export const HbiItemsSchema = z.strictObject({
  /** General well-being: 0 very well, 1 slightly below par, 2 poor, 3 very poor, 4 terrible. */
  wellBeing: int(0, 4),
  /** Abdominal pain: 0 none, 1 mild, 2 moderate, 3 severe. */
  abdominalPain: int(0, 3),
  /** Number of liquid or soft stools (1 point each). */
  liquidStools: z.number().int().min(0),
  /** Abdominal mass: 0 none, 1 dubious, 2 definite, 3 definite and tender. */
  abdominalMass: int(0, 3),
  /** Complications present (each counts once). */
  complications: z
    .array(HbiComplicationSchema)
    .refine((a) => new Set(a).size === a.length, { error: "must not list a complication twice" }),
});
/** Harvey-Bradshaw Index items. */
export interface HbiItems extends z.infer<typeof HbiItemsSchema> {}

/** The five SES-CD segments. */
export const SesCdSegmentNameSchema = z.enum(["ileum", "rightColon", "transverseColon", "leftColon", "rectum"]);
/** An SES-CD segment name. */
export type SesCdSegmentName = z.infer<typeof SesCdSegmentNameSchema>;

/**
 * SES-CD findings of one segment, each variable 0-3 (subscores, not raw sizes or percentages).
 * @see Daperno M, et al. Gastrointest Endosc 2004;60:505-12. doi:10.1016/S0016-5107(04)01878-4
 */
export const SesCdSegmentSchema = z.strictObject({
  /** Size of ulcers: 0 none, 1 aphthous 0.1-0.5 cm, 2 large 0.5-2 cm, 3 very large > 2 cm. */
  ulcerSize: int(0, 3),
  /** Ulcerated surface: 0 none, 1 < 10%, 2 10-30%, 3 > 30%. */
  ulceratedSurface: int(0, 3),
  /** Affected surface: 0 unaffected, 1 < 50%, 2 50-75%, 3 > 75%. */
  affectedSurface: int(0, 3),
  /** Narrowing: 0 none, 1 single passable, 2 multiple passable, 3 cannot be passed. */
  narrowing: int(0, 3),
});
/** SES-CD findings of one segment. */
export interface SesCdSegment extends z.infer<typeof SesCdSegmentSchema> {}

/**
 * SES-CD findings per segment. A segment that is absent or `null` was not explored: it adds nothing
 * and the total is not rescaled. A non-passable narrowing (3) can be scored in one segment only.
 * @see Daperno M, et al. Gastrointest Endosc 2004;60:505-12. doi:10.1016/S0016-5107(04)01878-4
 */
export const SesCdInputSchema = z
  .strictObject({
    ileum: SesCdSegmentSchema.nullable().optional(),
    rightColon: SesCdSegmentSchema.nullable().optional(),
    transverseColon: SesCdSegmentSchema.nullable().optional(),
    leftColon: SesCdSegmentSchema.nullable().optional(),
    rectum: SesCdSegmentSchema.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    const blocked = SesCdSegmentNameSchema.options.filter((s) => v[s]?.narrowing === 3);
    if (blocked.length > 1) {
      for (const s of blocked.slice(1)) {
        ctx.addIssue({
          code: "custom",
          path: [s, "narrowing"],
          message: `must not be 3 in a second segment (a non-passable narrowing stops the scope; already 3 in ${blocked[0]})`,
        });
      }
    }
  });
/** SES-CD findings per segment. */
export interface SesCdInput extends z.infer<typeof SesCdInputSchema> {}

/**
 * Rutgeerts postoperative endoscopic grade, with the modified i2a/i2b split.
 * @see Rutgeerts P, et al. Gastroenterology 1990;99:956-63. doi:10.1016/0016-5085(90)90613-6
 */
export const RutgeertsGradeSchema = z.enum(["i0", "i1", "i2", "i2a", "i2b", "i3", "i4"]);
/** Rutgeerts grade. */
export type RutgeertsGrade = z.infer<typeof RutgeertsGradeSchema>;

/** The six CDAI complication groups (20 points each). */
export const CdaiComplicationSchema = z.enum([
  "arthritisArthralgia",
  "iritisUveitis",
  "skinOrMouthLesions",
  "perianalDisease",
  "otherFistula",
  "fever",
]);
/** A CDAI complication group. */
export type CdaiComplication = z.infer<typeof CdaiComplicationSchema>;

/**
 * Crohn's Disease Activity Index inputs from a 7-day diary.
 * @remarks `skinOrMouthLesions` = erythema nodosum, pyoderma gangrenosum or aphthous stomatitis;
 * `perianalDisease` = anal fissure, fistula or abscess; `fever` = temperature above 37.8 °C in the past week.
 * `standardWeightKg` is the patient's standard weight (from height and sex tables), supplied by the caller.
 * @see Best WR, et al. Gastroenterology 1976;70:439-44. doi:10.1016/S0016-5085(76)80163-1
 */
export const CdaiItemsSchema = z.strictObject({
  /** Sum over 7 days of the number of liquid or very soft stools. */
  liquidStoolsWeek: z.number().int().min(0),
  /** Sum over 7 days of daily abdominal pain (0-3 each), 0-21. */
  abdominalPainWeek: int(0, 21),
  /** Sum over 7 days of daily general well-being (0-4 each), 0-28. */
  wellBeingWeek: int(0, 28),
  /** Complication groups present. */
  complications: z
    .array(CdaiComplicationSchema)
    .refine((a) => new Set(a).size === a.length, { error: "must not list a complication group twice" }),
  /** Taking an opiate or diphenoxylate/loperamide for diarrhoea. */
  antidiarrheal: z.boolean(),
  /** Abdominal mass: 0 none, 2 questionable, 5 definite. */
  abdominalMass: z.literal([0, 2, 5]),
  /** Haematocrit, percent. */
  hematocritPct: z.number().gt(0).lt(100),
  /** Body weight, kg. */
  weightKg: z.number().gt(0).max(500),
  /** Standard weight for the patient's height and sex, kg. */
  standardWeightKg: z.number().gt(0).max(500),
  /** Sex, which sets the standard haematocrit (47 male, 42 female). */
  sex: z.enum(["male", "female"]),
});
/** CDAI inputs. */
export interface CdaiItems extends z.infer<typeof CdaiItemsSchema> {}

/**
 * Ulcerative Colitis Endoscopic Index of Severity items, scored at the worst affected area.
 * @see Travis SPL, et al. Gut 2012;61:535-42. doi:10.1136/gutjnl-2011-300486
 */
export const UceisItemsSchema = z.strictObject({
  /** Vascular pattern: 0 normal, 1 patchy obliteration, 2 obliterated. */
  vascularPattern: int(0, 2),
  /** Bleeding: 0 none, 1 mucosal, 2 luminal mild, 3 luminal moderate or severe. */
  bleeding: int(0, 3),
  /** Erosions and ulcers: 0 none, 1 erosions, 2 superficial ulcer, 3 deep ulcer. */
  erosionsUlcers: int(0, 3),
});
/** UCEIS items. */
export interface UceisItems extends z.infer<typeof UceisItemsSchema> {}

/**
 * Crohn's disease two-item patient-reported outcome (PRO-2) as 7-day daily means.
 * @see Khanna R, et al. Aliment Pharmacol Ther 2015;41:77-86. doi:10.1111/apt.13001
 */
export const Pro2CdSchema = z.strictObject({
  /** Mean daily number of very soft or liquid stools over 7 days. */
  stoolFrequencyMean: z.number().min(0).max(100),
  /** Mean daily abdominal pain (0-3) over 7 days. */
  abdominalPainMean: z.number().min(0).max(3),
});
/** CD PRO-2 means. */
export type Pro2Cd = z.infer<typeof Pro2CdSchema>;
