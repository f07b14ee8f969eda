import type { ParseResult } from "../../models/common.js";
import { CdaiItemsSchema, type CdaiItems } from "../../models/scoreInputs.js";
import type { ScoreResult } from "../types.js";
import { failure, isIntIn, isObject, isUniqueArrayOf, optionProblems, problemsFromZod, throwFirst, type Problem } from "../_lib/problems.js";

const FN = "cdai";
const BOOL: readonly boolean[] = [true, false];

/** Options of {@link cdai}. */
export interface CdaiOptions {
  /**
   * When true, a negative haematocrit or body-weight term (haematocrit above the standard, weight above
   * the standard weight) counts 0. Default false: the terms are used as computed (practice varies).
   */
  readonly truncateNegative?: boolean;
}

/** Weighted points of each CDAI item. */
export type CdaiComponents = {
  liquidStools: number;
  abdominalPain: number;
  wellBeing: number;
  complications: number;
  antidiarrheal: number;
  abdominalMass: number;
  hematocrit: number;
  bodyWeight: number;
};

/** CDAI severity band. */
export type CdaiBand = "remission" | "mildToModerate" | "moderateToSevere" | "severe";

/** Result of {@link cdai}. */
export type CdaiResult = ScoreResult<CdaiComponents, CdaiBand>;

function isComplication(c: unknown): boolean {
  switch (c) {
    case "arthritisArthralgia":
    case "iritisUveitis":
    case "skinOrMouthLesions":
    case "perianalDisease":
    case "otherFistula":
    case "fever":
      return true;
    default:
      return false;
  }
}

/** Exactly `CdaiItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isCdaiItems(x: unknown): x is CdaiItems {
  if (!isObject(x)) return false;
  for (const k in x) {
    switch (k) {
      case "liquidStoolsWeek": case "abdominalPainWeek": case "wellBeingWeek": case "complications": case "antidiarrheal":
      case "abdominalMass": case "hematocritPct": case "weightKg": case "standardWeightKg": case "sex":
        break;
      default:
        return false;
    }
  }
  if (!isIntIn(x.liquidStoolsWeek, 0, Number.MAX_SAFE_INTEGER) || !isIntIn(x.abdominalPainWeek, 0, 21) || !isIntIn(x.wellBeingWeek, 0, 28)) return false;
  if (!isUniqueArrayOf(x.complications, isComplication)) return false;
  if (typeof x.antidiarrheal !== "boolean") return false;
  const m = x.abdominalMass;
  if (m !== 0 && m !== 2 && m !== 5) return false;
  const h = x.hematocritPct;
  if (typeof h !== "number" || !(h > 0 && h < 100)) return false;
  const w = x.weightKg;
  if (typeof w !== "number" || !(w > 0 && w <= 500)) return false;
  const sw = x.standardWeightKg;
  if (typeof sw !== "number" || !(sw > 0 && sw <= 500)) return false;
  return x.sex === "male" || x.sex === "female";
}

function band(total: number): CdaiBand {
  return total < 150 ? "remission" : total <= 220 ? "mildToModerate" : total <= 450 ? "moderateToSevere" : "severe";
}

function score(items: CdaiItems, truncate: boolean): CdaiResult {
  const liquidStools = 2 * items.liquidStoolsWeek;
  const abdominalPain = 5 * items.abdominalPainWeek;
  const wellBeing = 7 * items.wellBeingWeek;
  const complications = 20 * items.complications.length;
  const antidiarrheal = items.antidiarrheal ? 30 : 0;
  const abdominalMass = 10 * items.abdominalMass;
  let hematocrit = 6 * ((items.sex === "male" ? 47 : 42) - items.hematocritPct);
  let bodyWeight = (100 * (items.standardWeightKg - items.weightKg)) / items.standardWeightKg;
  if (truncate) {
    if (hematocrit < 0) hematocrit = 0;
    if (bodyWeight < 0) bodyWeight = 0;
  }
  // Avoid -0 in plain-data results.
  hematocrit += 0;
  bodyWeight += 0;
  const total = liquidStools + abdominalPain + wellBeing + complications + antidiarrheal + abdominalMass + hematocrit + bodyWeight;
  return {
    total,
    components: { liquidStools, abdominalPain, wellBeing, complications, antidiarrheal, abdominalMass, hematocrit, bodyWeight },
    band: band(total),
  };
}

function readTruncate(options: unknown): boolean | undefined {
  if (options === undefined) return false;
  if (!isObject(options)) return undefined;
  for (const k in options) if (k !== "truncateNegative") return undefined;
  const v = options.truncateNegative;
  if (v === undefined) return false;
  return typeof v === "boolean" ? v : undefined;
}

function problems(items: unknown, options: unknown): Problem[] {
  const out = optionProblems(options, { truncateNegative: BOOL });
  const r = CdaiItemsSchema.safeParse(items);
  if (!r.success) out.push(...problemsFromZod("items", r.error, items));
  return out;
}

/**
 * Crohn's Disease Activity Index from a 7-day diary, with the published weights.
 * @remarks CDAI = 2·(7-day sum of liquid/very soft stools) + 5·(7-day sum of abdominal pain, 0-3 a day)
 * + 7·(7-day sum of general well-being, 0-4 a day) + 20·(number of the six complication groups present)
 * + 30·(antidiarrhoeal opiate/diphenoxylate/loperamide) + 10·(abdominal mass 0/2/5) + 6·(standard
 * haematocrit − haematocrit; 47 male, 42 female) + 100·(1 − weight/standard weight), the last computed
 * as 100·(standard − weight)/standard. Nothing is rounded (the haematocrit and weight terms are real
 * numbers). Bands: < 150 remission, 150-220 mild to moderate, 221-450 moderate to severe, > 450 severe,
 * read as <= 220 and <= 450 for non-integer totals (220.5 is moderate to severe).
 * Some sources swap the 30 and 10 weights: that is wrong [Best 1976]. Negative terms are kept unless
 * `truncateNegative` (practice varies; unverified).
 * @param items - CDAI items (`CdaiItemsSchema`).
 * @param options - `truncateNegative` (default false).
 * @returns `{ total, components, band }` (components are weighted points).
 * @throws {TypeError} If `items` is not an object, an item is missing, unknown or of the wrong kind, or an option is invalid.
 * @throws {RangeError} If an item is out of range or fractional, or a complication group is unknown or repeated.
 * @example
 * cdai({ liquidStoolsWeek: 20, abdominalPainWeek: 7, wellBeingWeek: 7, complications: ["fever"],
 *   antidiarrheal: false, abdominalMass: 0, hematocritPct: 42, weightKg: 56, standardWeightKg: 70,
 *   sex: "male" }).total;
 * //=> 194
 * @see Best WR, Becktel JM, Singleton JW, Kern F Jr. Development of a Crohn's disease activity index.
 *   National Cooperative Crohn's Disease Study. Gastroenterology 1976;70:439-44.
 *   doi:10.1016/S0016-5085(76)80163-1
 */
export function cdai(items: CdaiItems, options?: CdaiOptions): CdaiResult {
  const truncate = readTruncate(options);
  if (truncate === undefined || !isCdaiItems(items)) throwFirst(FN, problems(items, options));
  return score(items, truncate);
}

/**
 * {@link cdai} without validation, for input already validated (hot path).
 * @remarks The caller guarantees that `items` passes `CdaiItemsSchema` and that `options` is valid.
 * @param items - Validated CDAI items.
 * @param options - As for {@link cdai}.
 * @returns As {@link cdai}.
 * @example
 * cdaiUnchecked({ liquidStoolsWeek: 0, abdominalPainWeek: 0, wellBeingWeek: 0, complications: [],
 *   antidiarrheal: false, abdominalMass: 0, hematocritPct: 42, weightKg: 60, standardWeightKg: 60,
 *   sex: "female" }).total;
 * //=> 0
 * @see Best WR, et al. Gastroenterology 1976;70:439-44. doi:10.1016/S0016-5085(76)80163-1
 */
export function cdaiUnchecked(items: CdaiItems, options?: CdaiOptions): CdaiResult {
  return score(items, options?.truncateNegative === true);
}

/**
 * Non-throwing {@link cdai}.
 * @param items - Candidate CDAI items (any value).
 * @param options - As for {@link cdai}.
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeCdai({ liquidStoolsWeek: 0 }).success;
 * //=> false
 * @see Best WR, et al. Gastroenterology 1976;70:439-44. doi:10.1016/S0016-5085(76)80163-1
 */
export function safeCdai(items: unknown, options?: unknown): ParseResult<CdaiResult> {
  const truncate = readTruncate(options);
  if (truncate === undefined || !isCdaiItems(items)) return failure(problems(items, options));
  return { success: true, data: score(items, truncate) };
}
