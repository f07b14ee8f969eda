import type { ParseResult } from "../../models/common.js";
import { PucaiItemsSchema, type PucaiItems } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { checkOrThrow, checkSafe, matchesRecord, type RecordSpec, type Validator } from "../_lib/spec.js";

const FN = "pucai";
/** The item rules, for the schema-equivalence test. */
export const SPEC: RecordSpec = {
  abdominalPain: { t: "int", min: 0, max: 2 },
  rectalBleeding: { t: "int", min: 0, max: 3 },
  stoolConsistency: { t: "int", min: 0, max: 2 },
  stoolsPer24h: { t: "int", min: 0, max: 1000 },
  nocturnalStools: { t: "bool" },
  activityLevel: { t: "int", min: 0, max: 2 },
};

/** Exactly `PucaiItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isPucaiItems(x: unknown): x is PucaiItems {
  return matchesRecord(SPEC, x);
}
const V: Validator<PucaiItems> = { is: isPucaiItems, schema: PucaiItemsSchema };
const NONE = {} as const;

/** Points of each PUCAI item. */
export type PucaiComponents = {
  abdominalPain: number;
  rectalBleeding: number;
  stoolConsistency: number;
  stoolFrequency: number;
  nocturnalStools: number;
  activityLevel: number;
};
/** PUCAI band (Turner 2007): remission below 10, mild 10-34, moderate 35-64, severe 65 or more. */
export type PucaiBand = "remission" | "mild" | "moderate" | "severe";
/** Result of {@link pucai}. */
export type PucaiResult = ScoreResult<PucaiComponents, PucaiBand>;

function score(v: PucaiItems): PucaiResult {
  const n = v.stoolsPer24h;
  const c = {
    abdominalPain: v.abdominalPain * 5,
    rectalBleeding: v.rectalBleeding * 10,
    stoolConsistency: v.stoolConsistency * 5,
    stoolFrequency: n <= 2 ? 0 : n <= 5 ? 5 : n <= 8 ? 10 : 15,
    nocturnalStools: v.nocturnalStools ? 10 : 0,
    activityLevel: v.activityLevel * 5,
  };
  const total = c.abdominalPain + c.rectalBleeding + c.stoolConsistency + c.stoolFrequency + c.nocturnalStools + c.activityLevel;
  return { total, components: c, band: total < 10 ? "remission" : total < 35 ? "mild" : total < 65 ? "moderate" : "severe" };
}

/**
 * Paediatric Ulcerative Colitis Activity Index (PUCAI), 0-85.
 * @remarks Abdominal pain (none 0, can be ignored 5, cannot be ignored 10) + rectal bleeding (none 0,
 * small amount in under 50% of stools 10, small amount with most stools 20, large amount 30) + stool
 * consistency (formed 0, partially formed 5, completely unformed 10) + stools per 24 h (0-2: 0, 3-5:
 * 5, 6-8: 10, more than 8: 15) + nocturnal stools (10) + activity level (no limitation 0, occasional
 * 5, severely restricted 10). Bands from the paper: below 10 remission, 10-34 mild, 35-64 moderate, 65
 * or more severe.
 * @param items - PUCAI grades (`PucaiItemsSchema`).
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, or an item is missing, unknown or of the wrong kind.
 * @throws {RangeError} If an item is out of range or fractional.
 * @example
 * pucai({ abdominalPain: 1, rectalBleeding: 2, stoolConsistency: 1, stoolsPer24h: 6, nocturnalStools: true, activityLevel: 1 });
 * //=> { total: 55, components: { abdominalPain: 5, rectalBleeding: 20, stoolConsistency: 5, stoolFrequency: 10, nocturnalStools: 10, activityLevel: 5 }, band: "moderate" }
 * @see Turner D, Otley AR, Mack D, et al. Development, validation, and evaluation of a pediatric ulcerative colitis activity index: a prospective multicenter study. Gastroenterology 2007;133:423-32. doi:10.1053/j.gastro.2007.05.029
 */
export function pucai(items: PucaiItems): PucaiResult {
  checkOrThrow(FN, V, items, undefined, NONE, NONE);
  return score(items);
}

/**
 * {@link pucai} without validation.
 * @param items - Validated grades.
 * @returns As {@link pucai}.
 * @example
 * pucaiUnchecked({ abdominalPain: 2, rectalBleeding: 3, stoolConsistency: 2, stoolsPer24h: 12, nocturnalStools: true, activityLevel: 2 }).total;
 * //=> 85
 * @see Turner D, et al. Gastroenterology 2007;133:423-32. doi:10.1053/j.gastro.2007.05.029
 */
export function pucaiUnchecked(items: PucaiItems): PucaiResult {
  return score(items);
}

/**
 * Non-throwing {@link pucai}.
 * @param items - Candidate grades (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safePucai({ abdominalPain: 3 }).success;
 * //=> false
 * @see Turner D, et al. Gastroenterology 2007;133:423-32. doi:10.1053/j.gastro.2007.05.029
 */
export function safePucai(items: unknown): ParseResult<PucaiResult> {
  return checkSafe(V, items, undefined, NONE, NONE, (v: PucaiItems) => score(v));
}
