/**
 * Inputs of the additional clinical instruments (UC and CD activity indices, acute severe colitis
 * predictors, paediatric indices, perianal, imaging, histology and quality-of-life scores), as zod
 * schemas. The score functions in `ibd-outcomes/scores` validate against these. Every item is
 * required: an unrecorded item is never read as its lowest grade.
 */
import * as z from "zod";

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const count = () => z.number().int().min(0).max(1000);
const nonNeg = (max: number) => z.number().min(0).max(max);
const uniqueOf = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((a) => new Set(a).size === a.length, { error: "must not list a value twice" });

// ---------------------------------------------------------------- UC clinical

/** The four extracolonic features of the SCCAI, one point each. */
export const SccaiExtracolonicSchema = z.enum(["arthritis", "uveitis", "erythemaNodosum", "pyodermaGangrenosum"]);
/** One SCCAI extracolonic feature. */
export type SccaiExtracolonic = z.infer<typeof SccaiExtracolonicSchema>;

/**
 * Simple Clinical Colitis Activity Index items (graded as in Walmsley 1998).
 * @see Walmsley RS, Ayres RCS, Pounder RE, Allan RN. Gut 1998;43:29-32. doi:10.1136/gut.43.1.29
 */
export const SccaiItemsSchema = z.strictObject({
  /** Bowel frequency by day: 0 = 1-3, 1 = 4-6, 2 = 7-9, 3 = more than 9. */
  bowelFrequencyDay: int(0, 3),
  /** Bowel frequency by night: 0 = none, 1 = 1-3, 2 = 4-6. */
  bowelFrequencyNight: int(0, 2),
  /** Urgency of defaecation: 0 none, 1 hurry, 2 immediately, 3 incontinence. */
  urgency: int(0, 3),
  /** Blood in stool: 0 none, 1 trace, 2 occasionally frank, 3 usually frank. */
  bloodInStool: int(0, 3),
  /** General well-being: 0 very well, 1 slightly below par, 2 poor, 3 very poor, 4 terrible. */
  generalWellBeing: int(0, 4),
  /** Extracolonic features present (each counts once; an empty list means none was present). */
  extracolonic: uniqueOf(SccaiExtracolonicSchema),
});
/** SCCAI items. */
export interface SccaiItems extends z.infer<typeof SccaiItemsSchema> {}

/**
 * Lichtiger (modified Truelove-Witts) index items.
 * @see Lichtiger S, Present DH, Kornbluth A, et al. N Engl J Med 1994;330:1841-5. doi:10.1056/NEJM199406303302601
 */
export const LichtigerItemsSchema = z.strictObject({
  /** Number of stools per day (scored 0-2: 0, 3-4: 1, 5-6: 2, 7-9: 3, 10 or more: 4). */
  stoolsPerDay: count(),
  /** Nocturnal diarrhoea. */
  nocturnalDiarrhoea: z.boolean(),
  /** Visible blood in stool: 0 none, 1 less than 50% of stools, 2 50% or more, 3 all stools. */
  visibleBlood: int(0, 3),
  /** Faecal incontinence. */
  faecalIncontinence: z.boolean(),
  /** Abdominal pain or cramping: 0 none, 1 mild, 2 moderate, 3 severe. */
  abdominalPain: int(0, 3),
  /** General well-being: 0 perfect, 1 very good, 2 good, 3 average, 4 poor, 5 terrible. */
  generalWellBeing: int(0, 5),
  /** Abdominal tenderness: 0 none, 1 mild and localised, 2 mild to moderate and diffuse, 3 severe or rebound. */
  abdominalTenderness: int(0, 3),
  /** Need for antidiarrhoeal drugs. */
  antidiarrhoealDrugs: z.boolean(),
});
/** Lichtiger index items. */
export interface LichtigerItems extends z.infer<typeof LichtigerItemsSchema> {}

/**
 * Truelove and Witts severity items (one day of an admission).
 * @see Truelove SC, Witts LJ. Br Med J 1955;2:1041-8. doi:10.1136/bmj.2.4947.1041
 */
export const TrueloveWittsItemsSchema = z.strictObject({
  /** Bowel movements per day. */
  stoolsPerDay: count(),
  /** Blood in stool: 0 none, 1 no more than small amounts, 2 more (visible blood). */
  bloodInStool: int(0, 2),
  /** Temperature in °C (the mean evening temperature in Truelove and Witts' reading). */
  temperatureC: z.number().min(25).max(45),
  /** Pulse rate, beats per minute. */
  pulseBpm: z.number().min(0).max(300),
  /** Haemoglobin, g/dL. */
  haemoglobinGPerDl: nonNeg(30),
  /** Erythrocyte sedimentation rate, mm/h. */
  esrMmPerH: nonNeg(200),
});
/** Truelove and Witts items. */
export interface TrueloveWittsItems extends z.infer<typeof TrueloveWittsItemsSchema> {}

/**
 * Day-3 items of the Travis (Oxford) index in acute severe UC.
 * @see Travis SPL, Farrant JM, Ricketts C, et al. Gut 1996;38:905-10. doi:10.1136/gut.38.6.905
 */
export const TravisItemsSchema = z.strictObject({
  /** Stools on day 3 of intravenous steroids. */
  stoolsPerDay: count(),
  /** C-reactive protein on day 3, mg/L. */
  crpMgPerL: nonNeg(1000),
});
/** Travis index items. */
export interface TravisItems extends z.infer<typeof TravisItemsSchema> {}

/**
 * Day-3 items of the Ho (Edinburgh) score in acute severe UC.
 * @see Ho GT, Mowat C, Goddard CJR, et al. Aliment Pharmacol Ther 2004;19:1079-87. doi:10.1111/j.1365-2036.2004.01945.x
 */
export const HoItemsSchema = z.strictObject({
  /** Mean stool frequency per day over the first 3 days of intravenous steroids. */
  meanStoolsPerDay: nonNeg(1000),
  /** Colonic dilatation (at least 5.5 cm on the plain abdominal film). */
  colonicDilatation: z.boolean(),
  /** Serum albumin on admission or day 3, g/L. */
  albuminGPerL: nonNeg(100),
});
/** Ho score items. */
export interface HoItems extends z.infer<typeof HoItemsSchema> {}

/**
 * Paediatric Ulcerative Colitis Activity Index items (grades; the points are the function's).
 * @see Turner D, Otley AR, Mack D, et al. Gastroenterology 2007;133:423-32. doi:10.1053/j.gastro.2007.05.029
 */
export const PucaiItemsSchema = z.strictObject({
  /** Abdominal pain: 0 none, 1 can be ignored, 2 cannot be ignored. */
  abdominalPain: int(0, 2),
  /** Rectal bleeding: 0 none, 1 small amount only in less than 50% of stools, 2 small amount with most stools, 3 large amount (more than 50% of the stool content). */
  rectalBleeding: int(0, 3),
  /** Stool consistency of most stools: 0 formed, 1 partially formed, 2 completely unformed. */
  stoolConsistency: int(0, 2),
  /** Number of stools per 24 hours. */
  stoolsPer24h: count(),
  /** Nocturnal stools (any episode causing wakening). */
  nocturnalStools: z.boolean(),
  /** Activity level: 0 no limitation, 1 occasional limitation, 2 severe restricted activity. */
  activityLevel: int(0, 2),
});
/** PUCAI items. */
export interface PucaiItems extends z.infer<typeof PucaiItemsSchema> {}

/**
 * Modified Mayo Endoscopic Score input: the Mayo endoscopic subscore of each of the five colonic
 * segments, and the maximal extent of inflammation.
 * @see Lobatón T, Bessissow T, De Hertogh G, et al. J Crohns Colitis 2015;9:846-52. doi:10.1093/ecco-jcc/jjv111
 */
export const ModifiedMayoEndoscopicInputSchema = z.strictObject({
  ascending: int(0, 3),
  transverse: int(0, 3),
  descending: int(0, 3),
  sigmoid: int(0, 3),
  rectum: int(0, 3),
  /** Maximal extent of inflammation from the anal verge, cm (0 when no segment is inflamed). */
  extentCm: nonNeg(300),
});
/** Modified Mayo Endoscopic Score input. */
export interface ModifiedMayoEndoscopicInput extends z.infer<typeof ModifiedMayoEndoscopicInputSchema> {}

// ---------------------------------------------------------------- CD

/**
 * CDEIS findings of one explored segment.
 * @see Mary JY, Modigliani R. Gut 1989;30:983-9. doi:10.1136/gut.30.7.983
 */
export const CdeisSegmentSchema = z.strictObject({
  /** Deep ulceration present. */
  deepUlceration: z.boolean(),
  /** Superficial ulceration present. */
  superficialUlceration: z.boolean(),
  /** Surface involved by the disease, cm on a 10-cm scale. */
  surfaceInvolvedCm: z.number().min(0).max(10),
  /** Ulcerated surface, cm on a 10-cm scale. */
  surfaceUlceratedCm: z.number().min(0).max(10),
});
/** CDEIS findings of one segment. */
export interface CdeisSegment extends z.infer<typeof CdeisSegmentSchema> {}

/**
 * CDEIS input: five segments (absent or `null` = not explored) and the two stenosis items.
 * @see Mary JY, Modigliani R. Gut 1989;30:983-9. doi:10.1136/gut.30.7.983
 */
export const CdeisInputSchema = z.strictObject({
  ileum: CdeisSegmentSchema.nullable().optional(),
  rightColon: CdeisSegmentSchema.nullable().optional(),
  transverseColon: CdeisSegmentSchema.nullable().optional(),
  /** Left colon and sigmoid. */
  leftColon: CdeisSegmentSchema.nullable().optional(),
  rectum: CdeisSegmentSchema.nullable().optional(),
  /** An ulcerated stenosis anywhere. */
  ulceratedStenosis: z.boolean(),
  /** A non-ulcerated stenosis anywhere. */
  nonUlceratedStenosis: z.boolean(),
});
/** CDEIS input. */
export interface CdeisInput extends z.infer<typeof CdeisInputSchema> {}

/**
 * Paediatric Crohn's Disease Activity Index items: history and examination as grades 0-2 (0, 5, 10
 * points), laboratory values as measured.
 * @see Hyams JS, Ferry GD, Mandel FS, et al. J Pediatr Gastroenterol Nutr 1991;12:439-47. doi:10.1097/00005176-199105000-00005
 */
export const PcdaiItemsSchema = z.strictObject({
  /** Abdominal pain (past week): 0 none, 1 mild, 2 moderate/severe. */
  abdominalPain: int(0, 2),
  /** Stools (per day, past week): 0 = 0-1 liquid, no blood; 1 = up to 2 semi-formed with small blood, or 2-5 liquid; 2 = gross bleeding, 6 or more liquid, or nocturnal diarrhoea. */
  stools: int(0, 2),
  /** Patient functioning, general well-being: 0 no limitation, 1 occasional difficulty, 2 frequent limitation. */
  wellBeing: int(0, 2),
  /** Haematocrit, %. */
  haematocritPercent: z.number().min(0).max(100),
  /** Age in years (decimal) on the day of the blood count; selects the haematocrit row. */
  ageYears: z.number().min(0).max(20),
  /** Sex; selects the haematocrit row from 11 years. */
  sex: z.enum(["female", "male"]),
  /** Erythrocyte sedimentation rate, mm/h. */
  esrMmPerH: nonNeg(200),
  /** Serum albumin, g/dL. */
  albuminGPerDl: nonNeg(10),
  /** Weight: 0 gain or voluntary stable/loss, 1 involuntary stable or loss 1-9%, 2 loss of 10% or more. */
  weight: int(0, 2),
  /** Height at diagnosis (channels) or height velocity at follow-up: 0, 1 or 2 as in the index. */
  height: int(0, 2),
  /** Abdomen: 0 no tenderness, no mass; 1 tenderness, or mass without tenderness; 2 tenderness, involuntary guarding, definite mass. */
  abdomen: int(0, 2),
  /** Perirectal disease: 0 none or asymptomatic tags; 1 1-2 indolent fistulas, scant drainage; 2 active fistula, drainage, tenderness or abscess. */
  perirectal: int(0, 2),
  /** Number of extraintestinal manifestations (fever of 38.5 °C or more for 3 days in the past week, arthritis, uveitis, erythema nodosum, pyoderma gangrenosum). */
  extraintestinal: int(0, 5),
});
/** PCDAI items. */
export interface PcdaiItems extends z.infer<typeof PcdaiItemsSchema> {}

/**
 * Weighted PCDAI items.
 * @see Turner D, Griffiths AM, Walters TD, et al. Inflamm Bowel Dis 2012;18:55-62. doi:10.1002/ibd.21649
 */
export const WeightedPcdaiItemsSchema = z.strictObject({
  /** Abdominal pain: 0 none, 1 mild, 2 moderate/severe. */
  abdominalPain: int(0, 2),
  /** Patient functioning, general well-being: 0 no limitation, 1 occasional difficulty, 2 frequent limitation. */
  wellBeing: int(0, 2),
  /** Stools per day: grades as in {@link PcdaiItemsSchema}. */
  stools: int(0, 2),
  /** Erythrocyte sedimentation rate, mm/h. */
  esrMmPerH: nonNeg(200),
  /** Serum albumin, g/dL. */
  albuminGPerDl: nonNeg(10),
  /** Weight: 0 gain or voluntary stable/loss, 1 involuntary stable or loss 1-9%, 2 loss of 10% or more. */
  weight: int(0, 2),
  /** Perirectal disease: 0 none or asymptomatic tags, 1 1-2 indolent fistulas, 2 active fistula, drainage, tenderness or abscess. */
  perirectal: int(0, 2),
  /** Number of extraintestinal manifestations (as in the PCDAI). */
  extraintestinal: int(0, 5),
});
/** Weighted PCDAI items. */
export interface WeightedPcdaiItems extends z.infer<typeof WeightedPcdaiItemsSchema> {}

/**
 * Perianal Disease Activity Index items, each 0-4.
 * @see Irvine EJ. J Clin Gastroenterol 1995;20:27-32. doi:10.1097/00004836-199501000-00008
 */
export const PdaiItemsSchema = z.strictObject({
  /** Discharge: 0 none, 1 minimal mucous, 2 moderate mucous or purulent, 3 substantial, 4 gross faecal soiling. */
  discharge: int(0, 4),
  /** Pain and restriction of activities: 0 none ... 4 severe pain, severe limitation. */
  pain: int(0, 4),
  /** Restriction of sexual activity: 0 none ... 4 unable to engage. */
  sexualActivity: int(0, 4),
  /** Type of perianal disease: 0 none or skin tags, 1 fissure or mucosal tear, 2 fewer than 3 fistulas, 3 3 or more fistulas, 4 sphincter ulceration or fistulas with significant undermining of skin. */
  type: int(0, 4),
  /** Degree of induration: 0 none, 1 minimal, 2 moderate, 3 substantial, 4 gross fluctuance or abscess. */
  induration: int(0, 4),
});
/** PDAI items. */
export interface PdaiItems extends z.infer<typeof PdaiItemsSchema> {}

/**
 * Paris classification of paediatric-onset Crohn's disease.
 * @see Levine A, Griffiths A, Markowitz J, et al. Inflamm Bowel Dis 2011;17:1314-21. doi:10.1002/ibd.21493
 */
export const ParisCdSchema = z.strictObject({
  type: z.literal("CD"),
  /** Age at diagnosis, years. */
  ageAtDiagnosisYears: z.number().min(0).max(150),
  /** L1 distal 1/3 ileum ± limited caecal disease, L2 colonic, L3 ileocolonic; `null` when only upper disease. */
  location: z.enum(["L1", "L2", "L3"]).nullable(),
  /** Upper disease proximal to the ligament of Treitz. */
  l4a: z.boolean(),
  /** Upper disease distal to the ligament of Treitz and proximal to the distal 1/3 ileum. */
  l4b: z.boolean(),
  /** B1 non-stricturing non-penetrating, B2 stricturing, B3 penetrating, B2B3 both (at the same or different times). */
  behavior: z.enum(["B1", "B2", "B3", "B2B3"]),
  /** Perianal disease modifier (p). */
  perianal: z.boolean(),
  /** Growth: G0 no evidence of growth delay, G1 growth delay. */
  growth: z.enum(["G0", "G1"]),
});
/** Paris classification of CD. */
export interface ParisCd extends z.infer<typeof ParisCdSchema> {}

/**
 * Paris classification of paediatric-onset ulcerative colitis.
 * @see Levine A, et al. Inflamm Bowel Dis 2011;17:1314-21. doi:10.1002/ibd.21493
 */
export const ParisUcSchema = z.strictObject({
  type: z.literal("UC"),
  /** E1 proctitis, E2 left-sided (distal to the splenic flexure), E3 extensive (distal to the hepatic flexure), E4 pancolitis (proximal to the hepatic flexure). */
  extent: z.enum(["E1", "E2", "E3", "E4"]),
  /** Ever severe (PUCAI of 65 or more at any time). */
  everSevere: z.boolean(),
});
/** Paris classification of UC. */
export interface ParisUc extends z.infer<typeof ParisUcSchema> {}

/** Paris classification of CD or UC. */
export const ParisSchema = z.discriminatedUnion("type", [ParisCdSchema, ParisUcSchema]);
/** Paris classification. */
export type Paris = z.infer<typeof ParisSchema>;

/**
 * UC PRO-2: the Mayo stool frequency and rectal bleeding subscores.
 * @see Jairath V, Khanna R, Zou GY, et al. Aliment Pharmacol Ther 2015;42:1200-10. doi:10.1111/apt.13408
 */
export const Pro2UcSchema = z.strictObject({
  /** Mayo stool frequency subscore 0-3. */
  stoolFrequency: int(0, 3),
  /** Mayo rectal bleeding subscore 0-3. */
  rectalBleeding: int(0, 3),
});
/** UC PRO-2 subscores. */
export interface Pro2Uc extends z.infer<typeof Pro2UcSchema> {}

// ---------------------------------------------------------------- imaging and histology

/**
 * MaRIA findings of one bowel segment on MR enterography.
 * @see Rimola J, Rodriguez S, García-Bosch O, et al. Gut 2009;58:1113-20. doi:10.1136/gut.2008.167957
 */
export const MariaSegmentSchema = z.strictObject({
  /** Wall thickness, mm. */
  wallThicknessMm: nonNeg(50),
  /** Relative contrast enhancement (RCE), as defined by Rimola 2009. */
  relativeContrastEnhancement: nonNeg(10000),
  /** Mural oedema (T2 hyperintensity relative to the psoas). */
  oedema: z.boolean(),
  /** Ulcers. */
  ulcers: z.boolean(),
});
/** MaRIA findings of one segment. */
export interface MariaSegment extends z.infer<typeof MariaSegmentSchema> {}

/**
 * Simplified MaRIA findings of one bowel segment.
 * @see Ordás I, Rimola J, Alfaro I, et al. Gastroenterology 2019;157:432-9. doi:10.1053/j.gastro.2019.03.051
 */
export const SimplifiedMariaSegmentSchema = z.strictObject({
  /** Wall thickness, mm (scores 1 when above 3 mm). */
  wallThicknessMm: nonNeg(50),
  /** Mural oedema. */
  oedema: z.boolean(),
  /** Fat stranding. */
  fatStranding: z.boolean(),
  /** Ulcers. */
  ulcers: z.boolean(),
});
/** Simplified MaRIA findings of one segment. */
export interface SimplifiedMariaSegment extends z.infer<typeof SimplifiedMariaSegmentSchema> {}

/**
 * IBUS-SAS findings of one bowel segment on intestinal ultrasound.
 * @see Novak KL, Nylund K, Maaser C, et al. J Crohns Colitis 2021;15:609-16. doi:10.1093/ecco-jcc/jjaa216
 */
export const IbusSasItemsSchema = z.strictObject({
  /** Bowel wall thickness, mm. */
  bowelWallThicknessMm: nonNeg(50),
  /** Inflammatory fat: 0 absent, 1 uncertain, 2 present. */
  inflammatoryFat: int(0, 2),
  /** Colour Doppler signal: 0 absent, 1 short signals, 2 long signals inside the bowel wall, 3 long signals inside and outside the wall. */
  colourDoppler: int(0, 3),
  /** Bowel wall stratification: 0 normal, 1 uncertain, 2 focal disruption (3 cm or less), 3 extensive disruption (more than 3 cm). */
  wallStratification: int(0, 3),
});
/** IBUS-SAS items. */
export interface IbusSasItems extends z.infer<typeof IbusSasItemsSchema> {}

/**
 * Nancy histological index items, read in the order of its decision tree.
 * @see Marchal-Bressenot A, Salleron J, Boulagnon-Rombi C, et al. Gut 2017;66:43-9. doi:10.1136/gutjnl-2015-310187
 */
export const NancyItemsSchema = z.strictObject({
  /** Ulceration (erosion or ulcer) present. */
  ulceration: z.boolean(),
  /** Acute inflammatory cell infiltrate (neutrophils): 0 none, 1 mild, 2 moderate or severe. */
  acuteInfiltrate: int(0, 2),
  /** Chronic inflammatory infiltrate: 0 none or mild, 1 moderate or marked increase. */
  chronicInfiltrate: int(0, 1),
});
/** Nancy index items. */
export interface NancyItems extends z.infer<typeof NancyItemsSchema> {}

/**
 * Robarts Histopathology Index items, each 0-3.
 * @see Mosli MH, Feagan BG, Zou G, et al. Gut 2017;66:50-8. doi:10.1136/gutjnl-2015-310393
 */
export const RhiItemsSchema = z.strictObject({
  /** Chronic inflammatory infiltrate: 0 no increase, 1 mild but unequivocal, 2 moderate, 3 marked. */
  chronicInfiltrate: int(0, 3),
  /** Lamina propria neutrophils: 0 none, 1 mild, 2 moderate, 3 marked. */
  laminaPropriaNeutrophils: int(0, 3),
  /** Neutrophils in epithelium: 0 none, 1 fewer than 5% of crypts, 2 fewer than 50%, 3 50% or more. */
  epithelialNeutrophils: int(0, 3),
  /** Erosion or ulceration: 0 none, 1 recovering epithelium or probable erosion, 2 unequivocal erosion, 3 ulcer or granulation tissue. */
  erosionUlceration: int(0, 3),
});
/** RHI items. */
export interface RhiItems extends z.infer<typeof RhiItemsSchema> {}

/**
 * Geboes score subgrades (grade 0 to 5, subgrades as in Geboes 2000).
 * @see Geboes K, Riddell R, Ost A, et al. Gut 2000;47:404-9. doi:10.1136/gut.47.3.404
 */
export const GeboesItemsSchema = z.strictObject({
  /** Grade 0, structural (architectural) change: 0 none, 1 mild irregular, 2 mild or moderate diffuse or multifocal, 3 severe diffuse or multifocal. */
  architecture: int(0, 3),
  /** Grade 1, chronic inflammatory infiltrate: 0 no increase, 1 mild, 2 moderate, 3 marked. */
  chronicInfiltrate: int(0, 3),
  /** Grade 2A, lamina propria eosinophils: 0 no increase, 1 mild, 2 moderate, 3 marked. */
  eosinophils: int(0, 3),
  /** Grade 2B, lamina propria neutrophils: 0 none, 1 mild, 2 moderate, 3 marked. */
  laminaPropriaNeutrophils: int(0, 3),
  /** Grade 3, neutrophils in epithelium: 0 none, 1 fewer than 5% of crypts, 2 fewer than 50%, 3 50% or more. */
  epithelialNeutrophils: int(0, 3),
  /** Grade 4, crypt destruction: 0 none, 1 probable (local excess of neutrophils), 2 probable (marked attenuation), 3 unequivocal. */
  cryptDestruction: int(0, 3),
  /** Grade 5, erosion or ulceration: 0 none, 1 recovering epithelium, 2 probable erosion, 3 unequivocal erosion, 4 ulcer or granulation tissue. */
  erosionUlceration: int(0, 4),
});
/** Geboes subgrades. */
export interface GeboesItems extends z.infer<typeof GeboesItemsSchema> {}

// ---------------------------------------------------------------- quality of life

const likert = () => int(1, 7);

/**
 * IBDQ-32 responses grouped by domain (each 1-7, 7 best). The grouping follows the questionnaire's
 * scoring manual; the item texts are licensed and not part of this library.
 * @see Guyatt G, Mitchell A, Irvine EJ, et al. Gastroenterology 1989;96:804-10. doi:10.1016/0016-5085(89)90905-0
 */
export const Ibdq32ResponsesSchema = z.strictObject({
  /** The 10 bowel-symptom responses. */
  bowel: z.array(likert()).length(10),
  /** The 5 systemic-symptom responses. */
  systemic: z.array(likert()).length(5),
  /** The 12 emotional-function responses. */
  emotional: z.array(likert()).length(12),
  /** The 5 social-function responses. */
  social: z.array(likert()).length(5),
});
/** IBDQ-32 responses by domain. */
export interface Ibdq32Responses extends z.infer<typeof Ibdq32ResponsesSchema> {}

/**
 * SIBDQ responses grouped by domain (each 1-7, 7 best).
 * @see Irvine EJ, Zhou Q, Thompson AK. Am J Gastroenterol 1996;91:1571-8. PMID 8759664
 */
export const SibdqResponsesSchema = z.strictObject({
  /** The 3 bowel-symptom responses. */
  bowel: z.array(likert()).length(3),
  /** The 2 systemic-symptom responses. */
  systemic: z.array(likert()).length(2),
  /** The 3 emotional-function responses. */
  emotional: z.array(likert()).length(3),
  /** The 2 social-function responses. */
  social: z.array(likert()).length(2),
});
/** SIBDQ responses by domain. */
export interface SibdqResponses extends z.infer<typeof SibdqResponsesSchema> {}
