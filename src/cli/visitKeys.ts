/**
 * The keys of the common visit shape that `score`'s fast paths read ({@link isFastValidVisit} after
 * `JSON.parse`, and the byte-level reader in byteVisit.ts, whose accepted lines are a subset of the former).
 * One list for both, so the two paths cannot drift apart. The order is significant for byteVisit.ts (indexes).
 */
export const TOP_KEYS = ["id", "patientId", "date", "mayo", "hbi", "sesCd", "rutgeerts", "onCorticosteroids", "labs", "uceis"] as const;
/** UCEIS items (all three required) and their maxima. */
export const UCEIS_KEYS = ["vascularPattern", "bleeding", "erosionsUlcers"] as const;
export const UCEIS_MAX = [2, 3, 3] as const;
/** Mayo items: the four integer sub-scores (0-3), then `friability` (boolean). */
export const MAYO_INT_KEYS = ["stoolFrequency", "rectalBleeding", "endoscopic", "physicianGlobal"] as const;
export const MAYO_KEYS = [...MAYO_INT_KEYS, "friability"] as const;
export const HBI_KEYS = ["wellBeing", "abdominalPain", "liquidStools", "abdominalMass", "complications"] as const;
export const HBI_COMPLICATION_KEYS = ["arthralgia", "uveitis", "erythemaNodosum", "aphthousUlcers", "pyodermaGangrenosum", "analFissure", "newFistula", "abscess"] as const;
export const SES_SEGMENT_KEYS = ["ileum", "rightColon", "transverseColon", "leftColon", "rectum"] as const;
export const SES_SEGMENT_VAR_KEYS = ["ulcerSize", "ulceratedSurface", "affectedSurface", "narrowing"] as const;
export const RUTGEERTS_GRADES = ["i0", "i1", "i2", "i2a", "i2b", "i3", "i4"] as const;
