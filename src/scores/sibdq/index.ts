import type { ParseResult } from "../../models/common.js";
import { SibdqResponsesSchema, type SibdqResponses } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { matchesDomains, sum, type DomainSizes } from "../_lib/qol.js";
import { checkOrThrow, checkSafe, type Validator } from "../_lib/spec.js";

const FN = "sibdq";
/** Responses per domain. */
export const SIZES: DomainSizes = { bowel: 3, systemic: 2, emotional: 3, social: 2 };

/** Exactly `SibdqResponsesSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isSibdqResponses(x: unknown): x is SibdqResponses {
  return matchesDomains(SIZES, x);
}
const V: Validator<SibdqResponses> = { is: isSibdqResponses, schema: SibdqResponsesSchema };

/** Options of {@link sibdq}. */
export interface SibdqOptions {
  /** `"none"` (default): no band. `"remission50"`: a total of 50 or more reads as remission (a cut-off from later studies), else active. */
  readonly bands?: "none" | "remission50";
}
type Resolved = { bands: "none" | "remission50" };
const ALLOWED = { bands: ["none", "remission50"] } as const;
const DEFAULTS: Resolved = { bands: "none" };

/** Domain scores (sums of the domain's responses). */
export type SibdqComponents = { bowel: number; systemic: number; emotional: number; social: number };
/** SIBDQ band (only with `options.bands: "remission50"`). */
export type SibdqBand = "remission" | "active";
/** Result of {@link sibdq}: total 10-70, higher is better. */
export interface SibdqResult extends ScoreResult<SibdqComponents, SibdqBand> {
  /** The total on Irvine's 1-7 reporting scale (total / 10). */
  readonly meanItemScore: number;
}

function score(v: SibdqResponses, o: Resolved): SibdqResult {
  const c = { bowel: sum(v.bowel), systemic: sum(v.systemic), emotional: sum(v.emotional), social: sum(v.social) };
  const total = c.bowel + c.systemic + c.emotional + c.social;
  return { total, components: c, band: o.bands === "none" ? null : total >= 50 ? "remission" : "active", meanItemScore: total / 10 };
}

/**
 * Short Inflammatory Bowel Disease Questionnaire (SIBDQ) total and domain scores.
 * @remarks 10 responses on a 7-point scale (1 worst, 7 best), grouped by domain: bowel (3), systemic
 * (2), emotional (3), social (2); total 10-70 (Irvine 1996 also reports it on the 1-7 scale,
 * `meanItemScore`). Every response is required. Only the scoring is shipped; the item texts are
 * licensed. No band by default; 50 or more is a remission cut-off from later studies (`options.bands`).
 * @param responses - Responses by domain (`SibdqResponsesSchema`).
 * @param options - {@link SibdqOptions}.
 * @returns `{ total, components, band, meanItemScore }`.
 * @throws {TypeError} If `responses` is not an object, a domain is missing, unknown or not an array, or an option is unknown.
 * @throws {RangeError} If a domain has the wrong number of responses, or a response is not an integer 1-7.
 * @example
 * sibdq({ bowel: [5, 6, 5], systemic: [4, 5], emotional: [6, 6, 5], social: [7, 6] }).total;
 * //=> 55
 * @see Irvine EJ, Zhou Q, Thompson AK. The Short Inflammatory Bowel Disease Questionnaire: a quality of life instrument for community physicians managing inflammatory bowel disease. CCRPT Investigators. Am J Gastroenterol 1996;91:1571-8. PMID 8759664
 */
export function sibdq(responses: SibdqResponses, options?: SibdqOptions): SibdqResult {
  return score(responses, checkOrThrow(FN, V, responses, options, ALLOWED, DEFAULTS));
}

/**
 * {@link sibdq} without validation.
 * @param responses - Validated responses.
 * @param options - {@link SibdqOptions} (not checked).
 * @returns As {@link sibdq}.
 * @example
 * sibdqUnchecked({ bowel: [1, 1, 1], systemic: [1, 1], emotional: [1, 1, 1], social: [1, 1] }).meanItemScore;
 * //=> 1
 * @see Irvine EJ, et al. Am J Gastroenterol 1996;91:1571-8. PMID 8759664
 */
export function sibdqUnchecked(responses: SibdqResponses, options?: SibdqOptions): SibdqResult {
  return score(responses, options?.bands === undefined ? DEFAULTS : { bands: options.bands });
}

/**
 * Non-throwing {@link sibdq}.
 * @param responses - Candidate responses (any value).
 * @param options - Candidate options (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeSibdq({ bowel: [0, 1, 1] }).success;
 * //=> false
 * @see Irvine EJ, et al. Am J Gastroenterol 1996;91:1571-8. PMID 8759664
 */
export function safeSibdq(responses: unknown, options?: unknown): ParseResult<SibdqResult> {
  return checkSafe(V, responses, options, ALLOWED, DEFAULTS, score);
}
