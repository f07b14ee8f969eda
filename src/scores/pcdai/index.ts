import type { ParseResult } from "../../models/common.js";
import { PcdaiItemsSchema, type PcdaiItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "pcdai";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  abdominalPain: { t: "int", min: 0, max: 2 },
  stools: { t: "int", min: 0, max: 2 },
  wellBeing: { t: "int", min: 0, max: 2 },
  haematocritPercent: { t: "num", min: 0, max: 100 },
  ageYears: { t: "num", min: 0, max: 20 },
  sex: { t: "enum", values: ["female", "male"] },
  esrMmPerH: { t: "num", min: 0, max: 200 },
  albuminGPerDl: { t: "num", min: 0, max: 10 },
  weight: { t: "int", min: 0, max: 2 },
  height: { t: "int", min: 0, max: 2 },
  abdomen: { t: "int", min: 0, max: 2 },
  perirectal: { t: "int", min: 0, max: 2 },
  extraintestinal: { t: "int", min: 0, max: 5 },
};

/** Exactly `PcdaiItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isPcdaiItems(x: unknown): x is PcdaiItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<PcdaiItems> = { is: isPcdaiItems, schema: PcdaiItemsSchema };

/** Options of {@link pcdai}. */
export interface PcdaiOptions {
  /**
   * Which haematocrit row a child aged 10 (10.0 to under 11 years) uses: the published table has rows
   * "< 10 years" and "11-14 / 11-19 years", read with ages in completed years. `"completedYears"`
   * (default): a child who has completed 10 years but not 11 uses the younger row (the table's rows
   * in completed years leave no gap). `"adolescentFrom10"`: from 10.0 years the sex-specific rows.
   */
  readonly ageRows?: "completedYears" | "adolescentFrom10";
  /**
   * `"none"` (default): Hyams 1991 defines no bands, so `band` is `null`. `"hyams2005"`: below 10
   * inactive, 10-27.5 mild, 30 or more moderate to severe (Hyams 2005's cut scores).
   */
  readonly bands?: "none" | "hyams2005";
}
type Resolved = { ageRows: "completedYears" | "adolescentFrom10"; bands: "none" | "hyams2005" };
const ALLOWED = { ageRows: ["completedYears", "adolescentFrom10"], bands: ["none", "hyams2005"] } as const;
const DEFAULTS: Resolved = { ageRows: "completedYears", bands: "none" };

/** Points of each PCDAI item. */
export type PcdaiComponents = {
  abdominalPain: number;
  stools: number;
  wellBeing: number;
  haematocrit: number;
  esr: number;
  albumin: number;
  weight: number;
  height: number;
  abdomen: number;
  perirectal: number;
  extraintestinal: number;
};
/** PCDAI band (only with `options.bands: "hyams2005"`). */
export type PcdaiBand = "inactive" | "mild" | "moderateToSevere";
/** Result of {@link pcdai}. */
export type PcdaiResult = ScoreResult<PcdaiComponents, PcdaiBand>;

/** Haematocrit points: 0 at or above `ok`, 2.5 from `low` up to `ok`, 5 below `low`. */
function hctPoints(v: PcdaiItems, o: Resolved): number {
  const young = o.ageRows === "completedYears" ? v.ageYears < 11 : v.ageYears < 10;
  const [ok, low] = young ? [33, 28] : v.sex === "female" ? [34, 29] : v.ageYears < 15 ? [35, 30] : [37, 32];
  return v.haematocritPercent >= ok ? 0 : v.haematocritPercent >= low ? 2.5 : 5;
}

function score(v: PcdaiItems, o: Resolved): PcdaiResult {
  const c = {
    abdominalPain: v.abdominalPain * 5,
    stools: v.stools * 5,
    wellBeing: v.wellBeing * 5,
    haematocrit: hctPoints(v, o),
    esr: v.esrMmPerH < 20 ? 0 : v.esrMmPerH <= 50 ? 2.5 : 5,
    albumin: v.albuminGPerDl >= 3.5 ? 0 : v.albuminGPerDl > 3 ? 5 : 10,
    weight: v.weight * 5,
    height: v.height * 5,
    abdomen: v.abdomen * 5,
    perirectal: v.perirectal * 5,
    extraintestinal: v.extraintestinal === 0 ? 0 : v.extraintestinal === 1 ? 5 : 10,
  };
  const total = c.abdominalPain + c.stools + c.wellBeing + c.haematocrit + c.esr + c.albumin + c.weight + c.height + c.abdomen + c.perirectal + c.extraintestinal;
  const band: PcdaiBand | null = o.bands === "none" ? null : total < 10 ? "inactive" : total < 30 ? "mild" : "moderateToSevere";
  return { total, components: c, band };
}

/**
 * Paediatric Crohn's Disease Activity Index (PCDAI), 0-100.
 * @remarks History: abdominal pain, stools, well-being (0, 5, 10). Laboratory: haematocrit by age and
 * sex (0, 2.5, 5; rows under 10 years 33/28 %, girls 11-19 years 34/29 %, boys 11-14 years 35/30 %,
 * boys 15-19 years 37/32 %: 0 at or above the first value, 2.5 from the second up to the first, 5
 * below), ESR (below 20: 0, 20-50: 2.5, above 50: 5 mm/h), albumin (3.5 g/dL or more: 0, above 3.0
 * up to 3.4: 5, 3.0 or less: 10). Examination: weight, height, abdomen, perirectal disease (0, 5, 10)
 * and extraintestinal manifestations (none 0, one 5, two or more 10). The haematocrit row of a
 * 10-year-old depends on how the table's ages are read (`options.ageRows`). Hyams 1991 gives no
 * bands; `options.bands: "hyams2005"` adds the later ones. Points are multiples of 2.5, so sums are
 * exact.
 * @param items - PCDAI items (`PcdaiItemsSchema`).
 * @param options - {@link PcdaiOptions}.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, an item is missing, unknown or of the wrong kind, or an option is unknown.
 * @throws {RangeError} If an item is out of range (age 20 or more has no haematocrit row).
 * @example
 * pcdai({ abdominalPain: 1, stools: 1, wellBeing: 1, haematocritPercent: 31, ageYears: 12.5, sex: "male", esrMmPerH: 35, albuminGPerDl: 3.2, weight: 1, height: 0, abdomen: 1, perirectal: 0, extraintestinal: 0 }).total;
 * //=> 35
 * @see Hyams JS, Ferry GD, Mandel FS, et al. Development and validation of a pediatric Crohn's disease activity index. J Pediatr Gastroenterol Nutr 1991;12:439-47. doi:10.1097/00005176-199105000-00005
 * @see Hyams J, Markowitz J, Otley A, et al. Evaluation of the pediatric Crohn disease activity index: a prospective multicenter experience. J Pediatr Gastroenterol Nutr 2005;41:416-21. doi:10.1097/01.mpg.0000183350.46795.42
 */
export function pcdai(items: PcdaiItems, options?: PcdaiOptions): PcdaiResult {
  return score(items, checkOrThrow(FN, V, items, options, ALLOWED, DEFAULTS));
}

/**
 * {@link pcdai} without validation.
 * @param items - Validated items.
 * @param options - {@link PcdaiOptions} (not checked).
 * @returns As {@link pcdai}.
 * @example
 * pcdaiUnchecked({ abdominalPain: 0, stools: 0, wellBeing: 0, haematocritPercent: 40, ageYears: 16, sex: "male", esrMmPerH: 5, albuminGPerDl: 4.2, weight: 0, height: 0, abdomen: 0, perirectal: 0, extraintestinal: 0 }).total;
 * //=> 0
 * @see Hyams JS, et al. J Pediatr Gastroenterol Nutr 1991;12:439-47. doi:10.1097/00005176-199105000-00005
 */
export function pcdaiUnchecked(items: PcdaiItems, options?: PcdaiOptions): PcdaiResult {
  return score(items, options === undefined ? DEFAULTS : { ageRows: options.ageRows ?? "completedYears", bands: options.bands ?? "none" });
}

/**
 * Non-throwing {@link pcdai}.
 * @param items - Candidate items (any value).
 * @param options - Candidate options (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safePcdai({ abdominalPain: 1 }).success;
 * //=> false
 * @see Hyams JS, et al. J Pediatr Gastroenterol Nutr 1991;12:439-47. doi:10.1097/00005176-199105000-00005
 */
export function safePcdai(items: unknown, options?: unknown): ParseResult<PcdaiResult> {
  return checkSafe(V, items, options, ALLOWED, DEFAULTS, score);
}
