import type { ParseResult } from "../../models/common.js";
import { UceisItemsSchema, type UceisItems } from "../../models/scoreInputs.js";
import type { ScoreResult } from "../types.js";
import { failure, isIntIn, isObject, problemsFromZod, throwFirst } from "../_lib/problems.js";

const FN = "uceis";

/** Points of each UCEIS item. */
export type UceisComponents = { vascularPattern: number; bleeding: number; erosionsUlcers: number };

/** UCEIS band (non-validated). */
export type UceisBand = "remission" | "mild" | "moderate" | "severe";

/** Result of {@link uceis}. */
export type UceisResult = ScoreResult<UceisComponents, UceisBand>;

/** Exactly `UceisItemsSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isUceisItems(x: unknown): x is UceisItems {
  if (!isObject(x)) return false;
  for (const k in x) if (k !== "vascularPattern" && k !== "bleeding" && k !== "erosionsUlcers") return false;
  return isIntIn(x.vascularPattern, 0, 2) && isIntIn(x.bleeding, 0, 3) && isIntIn(x.erosionsUlcers, 0, 3);
}

function score(items: UceisItems): UceisResult {
  const total = items.vascularPattern + items.bleeding + items.erosionsUlcers;
  return {
    total,
    components: { vascularPattern: items.vascularPattern, bleeding: items.bleeding, erosionsUlcers: items.erosionsUlcers },
    band: total <= 1 ? "remission" : total <= 4 ? "mild" : total <= 6 ? "moderate" : "severe",
  };
}

function problems(items: unknown) {
  const r = UceisItemsSchema.safeParse(items);
  return r.success ? [] : problemsFromZod("items", r.error, items);
}

/**
 * Ulcerative Colitis Endoscopic Index of Severity, scored at the worst affected area.
 * @remarks Vascular pattern 0-2 (normal, patchy obliteration, obliterated) + bleeding 0-3 (none,
 * mucosal, luminal mild, luminal moderate or severe) + erosions and ulcers 0-3 (none, erosions,
 * superficial ulcer, deep ulcer) = 0-8. Bands are NOT validated: <= 1 remission, 2-4 mild, 5-6
 * moderate, 7-8 severe.
 * @param items - UCEIS items (`UceisItemsSchema`).
 * @returns `{ total, components, band }`.
 * @throws {TypeError} If `items` is not an object, or an item is missing, unknown or not a number.
 * @throws {RangeError} If an item is out of range or fractional.
 * @example
 * uceis({ vascularPattern: 1, bleeding: 1, erosionsUlcers: 2 });
 * //=> { total: 4, components: { vascularPattern: 1, bleeding: 1, erosionsUlcers: 2 }, band: "mild" }
 * @see Travis SPL, Schnell D, Krzeski P, et al. Developing an instrument to assess the endoscopic
 *   severity of ulcerative colitis: the Ulcerative Colitis Endoscopic Index of Severity (UCEIS). Gut
 *   2012;61:535-42. doi:10.1136/gutjnl-2011-300486
 * @see Bands: Clin Endosc (e-ce.org/journal/view.php?number=7665), as cited in [definitions §1.6](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md).
 */
export function uceis(items: UceisItems): UceisResult {
  if (!isUceisItems(items)) throwFirst(FN, problems(items));
  return score(items);
}

/**
 * {@link uceis} without validation, for input already validated (hot path).
 * @remarks The caller guarantees that `items` passes `UceisItemsSchema`.
 * @param items - Validated UCEIS items.
 * @returns As {@link uceis}.
 * @example
 * uceisUnchecked({ vascularPattern: 2, bleeding: 3, erosionsUlcers: 3 }).band;
 * //=> "severe"
 * @see Travis SPL, et al. Gut 2012;61:535-42. doi:10.1136/gutjnl-2011-300486
 */
export function uceisUnchecked(items: UceisItems): UceisResult {
  return score(items);
}

/**
 * Non-throwing {@link uceis}.
 * @param items - Candidate UCEIS items (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeUceis({ vascularPattern: 3, bleeding: 0, erosionsUlcers: 0 }).success;
 * //=> false
 * @see Travis SPL, et al. Gut 2012;61:535-42. doi:10.1136/gutjnl-2011-300486
 */
export function safeUceis(items: unknown): ParseResult<UceisResult> {
  if (!isUceisItems(items)) return failure(problems(items));
  return { success: true, data: score(items) };
}
