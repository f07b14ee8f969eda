import type { ParseResult } from "../../models/common.js";
import { HbiItemsSchema, type HbiComplication, type HbiItems } from "../../models/scoreInputs.js";
import type { ScoreResult } from "../types.js";
import { failure, isIntIn, isObject, isUniqueArrayOf, problemsFromZod, throwFirst } from "../_lib/problems.js";

const FN = "harveyBradshawIndex";

/** Points of each HBI item; each of the eight complications is its own component (0 or 1). */
export type HarveyBradshawIndexComponents = {
  wellBeing: number;
  abdominalPain: number;
  liquidStools: number;
  abdominalMass: number;
} & Record<HbiComplication, number>;

/** HBI severity band. */
export type HarveyBradshawIndexBand = "remission" | "mild" | "moderate" | "severe";

/** Result of {@link harveyBradshawIndex}. */
export type HarveyBradshawIndexResult = ScoreResult<HarveyBradshawIndexComponents, HarveyBradshawIndexBand>;

function isComplication(c: unknown): boolean {
  switch (c) {
    case "arthralgia":
    case "uveitis":
    case "erythemaNodosum":
    case "aphthousUlcers":
    case "pyodermaGangrenosum":
    case "analFissure":
    case "newFistula":
    case "abscess":
      return true;
    default:
      return false;
  }
}

/** Exactly `HbiItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isHbiItems(x: unknown): x is HbiItems {
  if (!isObject(x)) return false;
  for (const k in x) {
    if (k !== "wellBeing" && k !== "abdominalPain" && k !== "liquidStools" && k !== "abdominalMass" && k !== "complications") return false;
  }
  if (!isIntIn(x.wellBeing, 0, 4) || !isIntIn(x.abdominalPain, 0, 3) || !isIntIn(x.abdominalMass, 0, 3)) return false;
  if (!isIntIn(x.liquidStools, 0, Number.MAX_SAFE_INTEGER)) return false;
  if (!isUniqueArrayOf(x.complications, isComplication)) return false;
  return true;
}

function band(total: number): HarveyBradshawIndexBand {
  return total < 5 ? "remission" : total <= 7 ? "mild" : total <= 16 ? "moderate" : "severe";
}

function score(items: HbiItems): HarveyBradshawIndexResult {
  let arthralgia = 0, uveitis = 0, erythemaNodosum = 0, aphthousUlcers = 0;
  let pyodermaGangrenosum = 0, analFissure = 0, newFistula = 0, abscess = 0;
  const c = items.complications;
  for (let i = 0; i < c.length; i++) {
    switch (c[i]) {
      case "arthralgia": arthralgia = 1; break;
      case "uveitis": uveitis = 1; break;
      case "erythemaNodosum": erythemaNodosum = 1; break;
      case "aphthousUlcers": aphthousUlcers = 1; break;
      case "pyodermaGangrenosum": pyodermaGangrenosum = 1; break;
      case "analFissure": analFissure = 1; break;
      case "newFistula": newFistula = 1; break;
      case "abscess": abscess = 1; break;
    }
  }
  const total =
    items.wellBeing + items.abdominalPain + items.liquidStools + items.abdominalMass +
    arthralgia + uveitis + erythemaNodosum + aphthousUlcers + pyodermaGangrenosum + analFissure + newFistula + abscess;
  return {
    total,
    components: {
      wellBeing: items.wellBeing,
      abdominalPain: items.abdominalPain,
      liquidStools: items.liquidStools,
      abdominalMass: items.abdominalMass,
      arthralgia, uveitis, erythemaNodosum, aphthousUlcers, pyodermaGangrenosum, analFissure, newFistula, abscess,
    },
    band: band(total),
  };
}

function problems(items: unknown) {
  const r = HbiItemsSchema.safeParse(items);
  return r.success ? [] : problemsFromZod("items", r.error, items);
}

/**
 * Harvey-Bradshaw Index of Crohn's disease activity, scored for the previous day.
 * @remarks Unweighted sum: general well-being (0-4) + abdominal pain (0-3) + one point per liquid or
 * soft stool + abdominal mass (0-3) + one point per complication (arthralgia, uveitis, erythema
 * nodosum, aphthous ulcers, pyoderma gangrenosum, anal fissure, new fistula, abscess; each counted on
 * its own, listed at most once). Total >= 0, no fixed maximum. Bands: < 5 remission, 5-7 mild, 8-16
 * moderate, > 16 severe. Nothing is doubled (some online calculators wrongly double pain and stools).
 * HBI <= 4 ≈ CDAI <= 150 and a 3-point drop ≈ a 100-point CDAI drop [Vermeire 2010].
 * @param items - One visit's HBI items (`HbiItemsSchema`).
 * @returns `{ total, components, band }`; `components` lists every item and every complication (0/1).
 * @throws {TypeError} If `items` is not an object, an item is missing or unknown, or not a number/array.
 * @throws {RangeError} If an item is out of range or fractional, or a complication is unknown or repeated.
 * @example
 * harveyBradshawIndex({ wellBeing: 1, abdominalPain: 1, liquidStools: 2, abdominalMass: 0,
 *   complications: ["arthralgia"] }).total;
 * //=> 5
 * @see Harvey RF, Bradshaw JM. A simple index of Crohn's-disease activity. Lancet 1980;1(8167):514.
 *   doi:10.1016/S0140-6736(80)92767-1
 * @see Vermeire S, Schreiber S, Sandborn WJ, Dubois C, Rutgeerts P. Correlation between the Crohn's
 *   disease activity and Harvey-Bradshaw indices in assessing Crohn's disease severity. Clin
 *   Gastroenterol Hepatol 2010;8:357-63. doi:10.1016/j.cgh.2010.01.001
 */
export function harveyBradshawIndex(items: HbiItems): HarveyBradshawIndexResult {
  if (!isHbiItems(items)) throwFirst(FN, problems(items));
  return score(items);
}

/**
 * {@link harveyBradshawIndex} without validation, for input already validated (hot path).
 * @remarks The caller guarantees that `items` passes `HbiItemsSchema`.
 * @param items - Validated HBI items.
 * @returns As {@link harveyBradshawIndex}.
 * @example
 * harveyBradshawIndexUnchecked({ wellBeing: 0, abdominalPain: 0, liquidStools: 4, abdominalMass: 0,
 *   complications: [] }).band;
 * //=> "remission"
 * @see Harvey RF, Bradshaw JM. Lancet 1980;1(8167):514. doi:10.1016/S0140-6736(80)92767-1
 */
export function harveyBradshawIndexUnchecked(items: HbiItems): HarveyBradshawIndexResult {
  return score(items);
}

/**
 * Non-throwing {@link harveyBradshawIndex}.
 * @param items - Candidate HBI items (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeHarveyBradshawIndex({ wellBeing: 0, abdominalPain: 0, liquidStools: -1, abdominalMass: 0,
 *   complications: [] }).success;
 * //=> false
 * @see Harvey RF, Bradshaw JM. Lancet 1980;1(8167):514. doi:10.1016/S0140-6736(80)92767-1
 */
export function safeHarveyBradshawIndex(items: unknown): ParseResult<HarveyBradshawIndexResult> {
  if (!isHbiItems(items)) return failure(problems(items));
  return { success: true, data: score(items) };
}
