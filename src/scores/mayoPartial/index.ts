import type { ParseResult } from "../../models/common.js";
import type { MayoItems } from "../../models/scoreInputs.js";
import type { ScoreResult } from "../types.js";
import { isMayoItems, mayoProblems } from "../_lib/mayo.js";
import { failure, isObject, optionProblems, throwFirst, type Problem } from "../_lib/problems.js";

const FN = "mayoPartial";
const NEEDS = ["stoolFrequency", "rectalBleeding", "physicianGlobal"] as const;
const RULES: readonly ("standard" | "trial")[] = ["standard", "trial"];

/** Options of {@link mayoPartial}. */
export interface MayoPartialOptions {
  /**
   * `"standard"` (default): remission = total < 2 [Lewis 2008]. `"trial"`: remission = total <= 2 with
   * no subscore > 1 (U-ACHIEVE partial Mayo remission); other totals keep the standard bands.
   */
  readonly remissionRule?: "standard" | "trial";
}

/** Points of each partial Mayo item. */
export type MayoPartialComponents = { stoolFrequency: number; rectalBleeding: number; physicianGlobal: number };

/** Partial Mayo severity band. */
export type MayoPartialBand = "remission" | "mild" | "moderate" | "severe";

/** Result of {@link mayoPartial}. */
export type MayoPartialResult = ScoreResult<MayoPartialComponents, MayoPartialBand>;

function band(total: number, maxSub: number, trial: boolean): MayoPartialBand {
  if (trial ? total <= 2 && maxSub <= 1 : total < 2) return "remission";
  if (total <= 4) return "mild";
  if (total <= 7) return "moderate";
  return "severe";
}

function score(items: MayoItems, trial: boolean): MayoPartialResult {
  const sf = items.stoolFrequency as number;
  const rb = items.rectalBleeding as number;
  const pga = items.physicianGlobal as number;
  const total = sf + rb + pga;
  return {
    total,
    components: { stoolFrequency: sf, rectalBleeding: rb, physicianGlobal: pga },
    band: band(total, Math.max(sf, rb, pga), trial),
  };
}

/** true = trial rule, false = standard, undefined = invalid options. */
function readTrial(options: unknown): boolean | undefined {
  if (options === undefined) return false;
  if (!isObject(options)) return undefined;
  for (const k in options) if (k !== "remissionRule") return undefined;
  const v = options.remissionRule;
  if (v === undefined || v === "standard") return false;
  return v === "trial" ? true : undefined;
}

function problems(items: unknown, options: unknown): Problem[] {
  return [...optionProblems(options, { remissionRule: RULES }), ...mayoProblems(items, NEEDS, "partial Mayo score")];
}

function isComplete(items: unknown): items is MayoItems {
  return (
    isMayoItems(items) &&
    items.stoolFrequency !== undefined &&
    items.rectalBleeding !== undefined &&
    items.physicianGlobal !== undefined
  );
}

/**
 * Partial (non-invasive) Mayo score of ulcerative colitis: stool frequency + rectal bleeding +
 * physician's global assessment, 0-9.
 * @remarks Bands [Lewis 2008; IG-IBD]: < 2 remission, 2-4 mild, 5-7 moderate, > 7 severe. Response
 * (drop >= 2) is an endpoint, not a band. `remissionRule: "trial"` uses the U-ACHIEVE definition
 * (<= 2 with no subscore > 1). `endoscopic` and `friability`, if present, are validated but not scored.
 * @param items - Mayo subscores with `stoolFrequency`, `rectalBleeding`, `physicianGlobal` (0-3 each).
 * @param options - `remissionRule`: `"standard"` (default) or `"trial"`.
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, a needed item is missing, a key is unknown, or an option is invalid.
 * @throws {RangeError} If an item is not an integer in 0-3.
 * @example
 * mayoPartial({ stoolFrequency: 1, rectalBleeding: 1, physicianGlobal: 0 });
 * //=> { total: 2, components: { stoolFrequency: 1, rectalBleeding: 1, physicianGlobal: 0 }, band: "mild" }
 * @see Lewis JD, Chuai S, Nessel L, et al. Use of the noninvasive components of the Mayo score to assess
 *   clinical response in ulcerative colitis. Inflamm Bowel Dis 2008;14:1660-6. doi:10.1002/ibd.20520
 */
export function mayoPartial(items: MayoItems, options?: MayoPartialOptions): MayoPartialResult {
  const trial = readTrial(options);
  if (trial === undefined || !isComplete(items)) throwFirst(FN, problems(items, options));
  return score(items, trial);
}

/**
 * {@link mayoPartial} without validation, for input already validated (hot path).
 * @remarks The caller guarantees valid `items` (three subscores present) and `options`.
 * @param items - Validated Mayo subscores.
 * @param options - As for {@link mayoPartial}.
 * @returns As {@link mayoPartial}.
 * @example
 * mayoPartialUnchecked({ stoolFrequency: 1, rectalBleeding: 1, physicianGlobal: 0 }, { remissionRule: "trial" }).band;
 * //=> "remission"
 * @see Lewis JD, et al. Inflamm Bowel Dis 2008;14:1660-6. doi:10.1002/ibd.20520
 */
export function mayoPartialUnchecked(items: MayoItems, options?: MayoPartialOptions): MayoPartialResult {
  return score(items, options?.remissionRule === "trial");
}

/**
 * Non-throwing {@link mayoPartial}.
 * @param items - Candidate Mayo subscores (any value).
 * @param options - As for {@link mayoPartial}.
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeMayoPartial({ stoolFrequency: 1, rectalBleeding: 1 }).success;
 * //=> false
 * @see Lewis JD, et al. Inflamm Bowel Dis 2008;14:1660-6. doi:10.1002/ibd.20520
 */
export function safeMayoPartial(items: unknown, options?: unknown): ParseResult<MayoPartialResult> {
  const trial = readTrial(options);
  if (trial === undefined || !isComplete(items)) return failure(problems(items, options));
  return { success: true, data: score(items, trial) };
}
