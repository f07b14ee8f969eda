import type { ParseResult } from "../../models/common.js";
import { WeightedPcdaiItemsSchema, type WeightedPcdaiItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "weightedPcdai";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  abdominalPain: { t: "int", min: 0, max: 2 },
  wellBeing: { t: "int", min: 0, max: 2 },
  stools: { t: "int", min: 0, max: 2 },
  esrMmPerH: { t: "num", min: 0, max: 200 },
  albuminGPerDl: { t: "num", min: 0, max: 10 },
  weight: { t: "int", min: 0, max: 2 },
  perirectal: { t: "int", min: 0, max: 2 },
  extraintestinal: { t: "int", min: 0, max: 5 },
};

/** Exactly `WeightedPcdaiItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isWeightedPcdaiItems(x: unknown): x is WeightedPcdaiItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<WeightedPcdaiItems> = { is: isWeightedPcdaiItems, schema: WeightedPcdaiItemsSchema };
const NONE = {} as const;

/** Points of each wPCDAI item. */
export type WeightedPcdaiComponents = {
  abdominalPain: number;
  wellBeing: number;
  stools: number;
  esr: number;
  albumin: number;
  weight: number;
  perirectal: number;
  extraintestinal: number;
};
/** wPCDAI band (Turner 2012): remission below 12.5, mild 12.5-40, moderate 42.5-57.5, severe above 57.5. */
export type WeightedPcdaiBand = "remission" | "mild" | "moderate" | "severe";
/** Result of {@link weightedPcdai}. */
export type WeightedPcdaiResult = ScoreResult<WeightedPcdaiComponents, WeightedPcdaiBand>;

function score(v: WeightedPcdaiItems): WeightedPcdaiResult {
  const c = {
    abdominalPain: v.abdominalPain * 10,
    wellBeing: v.wellBeing * 10,
    stools: v.stools * 7.5,
    esr: v.esrMmPerH < 20 ? 0 : v.esrMmPerH <= 50 ? 7.5 : 15,
    albumin: v.albuminGPerDl >= 3.5 ? 0 : v.albuminGPerDl > 3 ? 10 : 20,
    weight: v.weight * 5,
    perirectal: v.perirectal * 7.5,
    extraintestinal: v.extraintestinal > 0 ? 10 : 0,
  };
  const total = c.abdominalPain + c.wellBeing + c.stools + c.esr + c.albumin + c.weight + c.perirectal + c.extraintestinal;
  const band: WeightedPcdaiBand = total < 12.5 ? "remission" : total <= 40 ? "mild" : total <= 57.5 ? "moderate" : "severe";
  return { total, components: c, band };
}

/**
 * Weighted Paediatric Crohn's Disease Activity Index (wPCDAI), 0-125.
 * @remarks Abdominal pain (0, 10, 20) + well-being (0, 10, 20) + stools (0, 7.5, 15) + ESR (below 20:
 * 0, 20-50: 7.5, above 50: 15 mm/h) + albumin (3.5 g/dL or more: 0, above 3.0: 10, 3.0 or less: 20)
 * + weight (0, 5, 10) + perirectal disease (0, 7.5, 15) + extraintestinal manifestations (one or
 * more: 10). Bands from the paper: below 12.5 remission, 12.5-40 mild, above 40 to 57.5 moderate,
 * above 57.5 severe. Points are multiples of 2.5, so sums are exact.
 * @param items - wPCDAI items (`WeightedPcdaiItemsSchema`).
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, or an item is missing, unknown or of the wrong kind.
 * @throws {RangeError} If an item is out of range.
 * @example
 * weightedPcdai({ abdominalPain: 1, wellBeing: 1, stools: 1, esrMmPerH: 25, albuminGPerDl: 3.3, weight: 0, perirectal: 0, extraintestinal: 0 });
 * //=> { total: 45, components: { abdominalPain: 10, wellBeing: 10, stools: 7.5, esr: 7.5, albumin: 10, weight: 0, perirectal: 0, extraintestinal: 0 }, band: "moderate" }
 * @see Turner D, Griffiths AM, Walters TD, et al. Mathematical weighting of the pediatric Crohn's disease activity index (PCDAI) and comparison with its other short versions. Inflamm Bowel Dis 2012;18:55-62. doi:10.1002/ibd.21649
 */
export function weightedPcdai(items: WeightedPcdaiItems): WeightedPcdaiResult {
  checkOrThrow(FN, V, items, undefined, NONE, NONE);
  return score(items);
}

/**
 * {@link weightedPcdai} without validation.
 * @param items - Validated items.
 * @returns As {@link weightedPcdai}.
 * @example
 * weightedPcdaiUnchecked({ abdominalPain: 2, wellBeing: 2, stools: 2, esrMmPerH: 60, albuminGPerDl: 2.8, weight: 2, perirectal: 2, extraintestinal: 2 }).total;
 * //=> 125
 * @see Turner D, et al. Inflamm Bowel Dis 2012;18:55-62. doi:10.1002/ibd.21649
 */
export function weightedPcdaiUnchecked(items: WeightedPcdaiItems): WeightedPcdaiResult {
  return score(items);
}

/**
 * Non-throwing {@link weightedPcdai}.
 * @param items - Candidate items (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeWeightedPcdai({ abdominalPain: 1 }).success;
 * //=> false
 * @see Turner D, et al. Inflamm Bowel Dis 2012;18:55-62. doi:10.1002/ibd.21649
 */
export function safeWeightedPcdai(items: unknown): ParseResult<WeightedPcdaiResult> {
  return checkSafe(V, items, undefined, NONE, NONE, (v: WeightedPcdaiItems) => score(v));
}
