import type { ParseResult } from "../../models/common.js";
import type { MayoItems } from "../../models/scoreInputs.js";
import type { ScoreResult } from "../types.js";
import { endoscopicOptionProblems, friabilityMissing, isMayoItems, mayoProblems, readFda, scoredEs, type EndoscopicScoring } from "../_lib/mayo.js";
import { failure, throwFirst, type Problem } from "../_lib/problems.js";

const FN = "mayoAdapted";
const NEEDS = ["stoolFrequency", "rectalBleeding", "endoscopic"] as const;

/** Options of {@link mayoAdapted}. */
export interface MayoAdaptedOptions {
  /** `"standard"` (default) or `"fdaModified"` (ES 1 with friability scores 2). */
  readonly endoscopicScoring?: EndoscopicScoring;
}

/** Points of each adapted Mayo item (`endoscopic` is the subscore actually scored). */
export type MayoAdaptedComponents = { stoolFrequency: number; rectalBleeding: number; endoscopic: number };

/** Adapted Mayo band: only the trial-entry band "moderately to severely active" is defined. */
export type MayoAdaptedBand = "moderateToSevere";

/** Result of {@link mayoAdapted}. */
export type MayoAdaptedResult = ScoreResult<MayoAdaptedComponents, MayoAdaptedBand>;

function score(items: MayoItems, fda: boolean): MayoAdaptedResult {
  const sf = items.stoolFrequency as number;
  const rb = items.rectalBleeding as number;
  const es = scoredEs(items.endoscopic as number, items.friability, fda);
  const total = sf + rb + es;
  return {
    total,
    components: { stoolFrequency: sf, rectalBleeding: rb, endoscopic: es },
    band: total >= 5 && es >= 2 ? "moderateToSevere" : null,
  };
}

function problems(items: unknown, options: unknown): Problem[] {
  return [...endoscopicOptionProblems(options), ...mayoProblems(items, NEEDS, "adapted Mayo score", readFda(options) === true)];
}

function isComplete(items: unknown): items is MayoItems {
  return isMayoItems(items) && items.stoolFrequency !== undefined && items.rectalBleeding !== undefined && items.endoscopic !== undefined;
}

/**
 * Adapted Mayo score (aMS) of ulcerative colitis = the "modified Mayo score" of the upadacitinib trials
 * and FDA guidance: stool frequency + rectal bleeding + endoscopic subscore, 0-9.
 * @remarks The only band the definition has is the trial entry criterion: moderately to severely
 * active = aMS 5-9 with endoscopic subscore 2-3 (`band: "moderateToSevere"`); otherwise `band` is
 * `null` (which does not mean remission: remission and response are endpoints). With
 * `endoscopicScoring: "fdaModified"` ES 1 with friability is scored 2, in the total and in the band.
 * `physicianGlobal`, if present, is validated but not scored.
 * @param items - Mayo subscores with `stoolFrequency`, `rectalBleeding`, `endoscopic` (0-3 each), and
 *   `friability` for the FDA-modified scoring.
 * @param options - `endoscopicScoring`: `"standard"` (default) or `"fdaModified"`.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, `friability` is missing where the FDA-modified scoring needs it (`endoscopic` 1), a needed item is missing, a key is unknown, or an option is invalid.
 * @throws {RangeError} If an item is not an integer in 0-3.
 * @example
 * mayoAdapted({ stoolFrequency: 2, rectalBleeding: 1, endoscopic: 1, friability: true },
 *   { endoscopicScoring: "fdaModified" });
 * //=> { total: 5, components: { stoolFrequency: 2, rectalBleeding: 1, endoscopic: 2 }, band: "moderateToSevere" }
 * @see Danese S, Vermeire S, Zhou W, et al. Upadacitinib as induction and maintenance therapy for
 *   moderately to severely active ulcerative colitis: results from three phase 3, multicentre,
 *   double-blind, randomised trials. Lancet 2022;399:2113-28. doi:10.1016/S0140-6736(22)00581-5
 * @see US FDA. Ulcerative Colitis: Clinical Trial Endpoints. Guidance for Industry (draft), August 2016.
 */
export function mayoAdapted(items: MayoItems, options?: MayoAdaptedOptions): MayoAdaptedResult {
  const fda = readFda(options);
  if (fda === undefined || !isComplete(items) || friabilityMissing(items, fda)) throwFirst(FN, problems(items, options));
  return score(items, fda);
}

/**
 * {@link mayoAdapted} without validation, for input already validated (hot path).
 * @remarks The caller guarantees valid `items` (three subscores present) and `options`.
 * @param items - Validated Mayo subscores.
 * @param options - As for {@link mayoAdapted}.
 * @returns As {@link mayoAdapted}.
 * @example
 * mayoAdaptedUnchecked({ stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1 }).total;
 * //=> 2
 * @see Danese S, et al. Lancet 2022;399:2113-28. doi:10.1016/S0140-6736(22)00581-5
 */
export function mayoAdaptedUnchecked(items: MayoItems, options?: MayoAdaptedOptions): MayoAdaptedResult {
  return score(items, options?.endoscopicScoring === "fdaModified");
}

/**
 * Non-throwing {@link mayoAdapted}.
 * @param items - Candidate Mayo subscores (any value).
 * @param options - As for {@link mayoAdapted}.
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeMayoAdapted({ stoolFrequency: 1, rectalBleeding: 0, endoscopic: 0.5 }).success;
 * //=> false
 * @see Danese S, et al. Lancet 2022;399:2113-28. doi:10.1016/S0140-6736(22)00581-5
 */
export function safeMayoAdapted(items: unknown, options?: unknown): ParseResult<MayoAdaptedResult> {
  const fda = readFda(options);
  if (fda === undefined || !isComplete(items) || friabilityMissing(items, fda)) return failure(problems(items, options));
  return { success: true, data: score(items, fda) };
}
