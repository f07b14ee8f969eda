import type { ParseResult } from "../../models/common.js";
import type { MayoItems } from "../../models/scoreInputs.js";
import type { ScoreResult } from "../types.js";
import { endoscopicOptionProblems, friabilityMissing, isMayoItems, mayoProblems, readFda, scoredEs, type EndoscopicScoring } from "../_lib/mayo.js";
import { failure, throwFirst, type Problem } from "../_lib/problems.js";

const FN = "mayoFull";
const NEEDS = ["stoolFrequency", "rectalBleeding", "endoscopic", "physicianGlobal"] as const;

/** Options of {@link mayoFull}. */
export interface MayoFullOptions {
  /**
   * `"standard"` (default): the endoscopic subscore as recorded. `"fdaModified"`: friability excluded
   * from grade 1, so `endoscopic: 1` with `friability: true` scores 2.
   */
  readonly endoscopicScoring?: EndoscopicScoring;
}

/** Points of each full Mayo item (`endoscopic` is the subscore actually scored). */
export type MayoFullComponents = {
  stoolFrequency: number;
  rectalBleeding: number;
  endoscopic: number;
  physicianGlobal: number;
};

/** Full Mayo severity band. */
export type MayoFullBand = "remission" | "mild" | "moderate" | "severe";

/** Result of {@link mayoFull}. */
export type MayoFullResult = ScoreResult<MayoFullComponents, MayoFullBand>;

/** Band of a full Mayo total (0-12) with its largest subscore. */
function band(total: number, maxSub: number): MayoFullBand | null {
  if (total <= 2) return maxSub <= 1 ? "remission" : null;
  if (total <= 5) return "mild";
  if (total <= 10) return "moderate";
  return "severe";
}

function score(items: MayoItems, fda: boolean): MayoFullResult {
  const sf = items.stoolFrequency as number;
  const rb = items.rectalBleeding as number;
  const es = scoredEs(items.endoscopic as number, items.friability, fda);
  const pga = items.physicianGlobal as number;
  const total = sf + rb + es + pga;
  const maxSub = Math.max(sf, rb, es, pga);
  return {
    total,
    components: { stoolFrequency: sf, rectalBleeding: rb, endoscopic: es, physicianGlobal: pga },
    band: band(total, maxSub),
  };
}

function problems(items: unknown, options: unknown): Problem[] {
  return [...endoscopicOptionProblems(options), ...mayoProblems(items, NEEDS, "full Mayo score", readFda(options) === true)];
}

function isComplete(items: unknown): items is MayoItems {
  return (
    isMayoItems(items) &&
    items.stoolFrequency !== undefined &&
    items.rectalBleeding !== undefined &&
    items.endoscopic !== undefined &&
    items.physicianGlobal !== undefined
  );
}

/**
 * Full Mayo score of ulcerative colitis: stool frequency + rectal bleeding + endoscopic subscore +
 * physician's global assessment, 0-12.
 * @remarks Bands [BSG 2019, Table 2]: remission = total <= 2 with no subscore > 1; mild 3-5; moderate
 * 6-10; severe 11-12. A total <= 2 with a subscore of 2 is "not remission" and has band `null`.
 * With `endoscopicScoring: "fdaModified"` the endoscopic subscore 1 with friability is scored 2 (FDA
 * 2016 draft guidance), and the remission rule uses that scored value. Items are validated exactly as
 * `MayoItemsSchema` (all four subscores required); nothing is clamped or rounded.
 * @param items - The visit's Mayo subscores (`stoolFrequency`, `rectalBleeding`, `endoscopic`,
 *   `physicianGlobal`, each 0-3; `friability` for the FDA-modified scoring).
 * @param options - `endoscopicScoring`: `"standard"` (default) or `"fdaModified"`.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, `friability` is missing where the FDA-modified scoring needs it (`endoscopic` 1), an item is missing or unknown, or an option is invalid.
 * @throws {RangeError} If an item is not an integer in 0-3.
 * @example
 * mayoFull({ stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1, physicianGlobal: 1 });
 * //=> { total: 3, components: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1, physicianGlobal: 1 }, band: "mild" }
 * @see Schroeder KW, Tremaine WJ, Ilstrup DM. Coated oral 5-aminosalicylic acid therapy for mildly to
 *   moderately active ulcerative colitis. N Engl J Med 1987;317:1625-9. doi:10.1056/NEJM198712243172603
 * @see Lamb CA, et al. British Society of Gastroenterology consensus guidelines on the management of
 *   inflammatory bowel disease in adults. Gut 2019;68(Suppl 3):s1-s106. doi:10.1136/gutjnl-2019-318484
 */
export function mayoFull(items: MayoItems, options?: MayoFullOptions): MayoFullResult {
  const fda = readFda(options);
  if (fda === undefined || !isComplete(items) || friabilityMissing(items, fda)) throwFirst(FN, problems(items, options));
  return score(items, fda);
}

/**
 * {@link mayoFull} without validation, for input already validated (hot path of registries).
 * @remarks The caller guarantees that `items` passes `MayoItemsSchema` with all four subscores and that
 * `options` is valid; otherwise the result is undefined behaviour (no error is thrown).
 * @param items - Validated Mayo subscores.
 * @param options - As for {@link mayoFull}.
 * @returns As {@link mayoFull}.
 * @example
 * mayoFullUnchecked({ stoolFrequency: 0, rectalBleeding: 0, endoscopic: 1, physicianGlobal: 1 }).band;
 * //=> "remission"
 * @see Schroeder KW, et al. N Engl J Med 1987;317:1625-9. doi:10.1056/NEJM198712243172603
 */
export function mayoFullUnchecked(items: MayoItems, options?: MayoFullOptions): MayoFullResult {
  return score(items, options?.endoscopicScoring === "fdaModified");
}

/**
 * Non-throwing {@link mayoFull} for batch use.
 * @param items - Candidate Mayo subscores (any value).
 * @param options - As for {@link mayoFull}.
 * @returns `{ success: true, data }` with the result, or `{ success: false, issues }` listing every problem.
 * @example
 * safeMayoFull({ stoolFrequency: 4, rectalBleeding: 0, endoscopic: 1, physicianGlobal: 1 }).success;
 * //=> false
 * @see Schroeder KW, et al. N Engl J Med 1987;317:1625-9. doi:10.1056/NEJM198712243172603
 */
export function safeMayoFull(items: unknown, options?: unknown): ParseResult<MayoFullResult> {
  const fda = readFda(options);
  if (fda === undefined || !isComplete(items) || friabilityMissing(items, fda)) return failure(problems(items, options));
  return { success: true, data: score(items, fda) };
}
