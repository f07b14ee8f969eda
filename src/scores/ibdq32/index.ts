import type { ParseResult } from "../../models/common.js";
import { Ibdq32ResponsesSchema, type Ibdq32Responses } from "../../models/instrumentInputs.js";
import type { ScoreResult } from "../types.js";
import { matchesDomains, sum, type DomainSizes } from "../_lib/qol.js";
import { checkOrThrow, checkSafe, type Validator } from "../_lib/spec.js";

const FN = "ibdq32";
/** Responses per domain. */
export const SIZES: DomainSizes = { bowel: 10, systemic: 5, emotional: 12, social: 5 };

/** Exactly `Ibdq32ResponsesSchema.safeParse(x).success`, without zod (tested with fast-check). */
export function isIbdq32Responses(x: unknown): x is Ibdq32Responses {
  return matchesDomains(SIZES, x);
}
const V: Validator<Ibdq32Responses> = { is: isIbdq32Responses, schema: Ibdq32ResponsesSchema };

/** Options of {@link ibdq32}. */
export interface Ibdq32Options {
  /** `"none"` (default): no band. `"remission170"`: a total of 170 or more reads as remission (a cut-off from later trials), else active. */
  readonly bands?: "none" | "remission170";
}
type Resolved = { bands: "none" | "remission170" };
const ALLOWED = { bands: ["none", "remission170"] } as const;
const DEFAULTS: Resolved = { bands: "none" };

/** Domain scores (sums of the domain's responses). */
export type Ibdq32Components = { bowel: number; systemic: number; emotional: number; social: number };
/** IBDQ-32 band (only with `options.bands: "remission170"`). */
export type Ibdq32Band = "remission" | "active";
/** Result of {@link ibdq32}: total 32-224, higher is better. */
export type Ibdq32Result = ScoreResult<Ibdq32Components, Ibdq32Band>;

function score(v: Ibdq32Responses, o: Resolved): Ibdq32Result {
  const c = { bowel: sum(v.bowel), systemic: sum(v.systemic), emotional: sum(v.emotional), social: sum(v.social) };
  const total = c.bowel + c.systemic + c.emotional + c.social;
  return { total, components: c, band: o.bands === "none" ? null : total >= 170 ? "remission" : "active" };
}

/**
 * Inflammatory Bowel Disease Questionnaire (IBDQ-32) total and domain scores.
 * @remarks 32 responses on a 7-point scale (1 worst, 7 best), grouped as in the questionnaire's
 * scoring: bowel symptoms (10 items, 10-70), systemic symptoms (5, 5-35), emotional function (12,
 * 12-84), social function (5, 5-35); total 32-224. Every response is required: the library does not
 * impute. Only the scoring is shipped; the item texts are licensed by McMaster University. No band
 * by default; a total of 170 or more is a remission cut-off used in later trials (`options.bands`).
 * @param responses - Responses by domain (`Ibdq32ResponsesSchema`).
 * @param options - {@link Ibdq32Options}.
 * @returns `{ total, components, band }` with the domain scores as components.
 * @throws {TypeError} If `responses` is not an object, a domain is missing, unknown or not an array, or an option is unknown.
 * @throws {RangeError} If a domain has the wrong number of responses, or a response is not an integer 1-7.
 * @example
 * ibdq32({ bowel: Array(10).fill(5), systemic: Array(5).fill(4), emotional: Array(12).fill(6), social: Array(5).fill(7) }).total;
 * //=> 177
 * @see Guyatt G, Mitchell A, Irvine EJ, et al. A new measure of health status for clinical trials in inflammatory bowel disease. Gastroenterology 1989;96:804-10. doi:10.1016/0016-5085(89)90905-0
 * @see Irvine EJ, Feagan B, Rochon J, et al. Quality of life: a valid and reliable measure of therapeutic efficacy in the treatment of inflammatory bowel disease. Gastroenterology 1994;106:287-96. doi:10.1016/0016-5085(94)90585-1
 */
export function ibdq32(responses: Ibdq32Responses, options?: Ibdq32Options): Ibdq32Result {
  return score(responses, checkOrThrow(FN, V, responses, options, ALLOWED, DEFAULTS));
}

/**
 * {@link ibdq32} without validation.
 * @param responses - Validated responses.
 * @param options - {@link Ibdq32Options} (not checked).
 * @returns As {@link ibdq32}.
 * @example
 * ibdq32Unchecked({ bowel: Array(10).fill(7), systemic: Array(5).fill(7), emotional: Array(12).fill(7), social: Array(5).fill(7) }).total;
 * //=> 224
 * @see Guyatt G, et al. Gastroenterology 1989;96:804-10. doi:10.1016/0016-5085(89)90905-0
 */
export function ibdq32Unchecked(responses: Ibdq32Responses, options?: Ibdq32Options): Ibdq32Result {
  return score(responses, options?.bands === undefined ? DEFAULTS : { bands: options.bands });
}

/**
 * Non-throwing {@link ibdq32}.
 * @param responses - Candidate responses (any value).
 * @param options - Candidate options (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeIbdq32({ bowel: [8] }).success;
 * //=> false
 * @see Guyatt G, et al. Gastroenterology 1989;96:804-10. doi:10.1016/0016-5085(89)90905-0
 */
export function safeIbdq32(responses: unknown, options?: unknown): ParseResult<Ibdq32Result> {
  return checkSafe(V, responses, options, ALLOWED, DEFAULTS, score);
}
