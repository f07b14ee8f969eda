import type { ParseResult } from "../../models/common.js";
import type { MayoItems } from "../../models/scoreInputs.js";
import type { ScoreResult } from "../types.js";
import { endoscopicOptionProblems, friabilityMissing, isMayoItems, mayoProblems, readFda, scoredEs, type EndoscopicScoring } from "../_lib/mayo.js";
import { failure, throwFirst, type Problem } from "../_lib/problems.js";

const FN = "mayoEndoscopicSubscore";
const NEEDS = ["endoscopic"] as const;

/** Options of {@link mayoEndoscopicSubscore}. */
export interface MayoEndoscopicSubscoreOptions {
  /** `"standard"` (default) or `"fdaModified"` (ES 1 with friability scores 2). */
  readonly endoscopicScoring?: EndoscopicScoring;
}

/** The recorded subscore and the FDA friability upgrade (0 or 1). */
export type MayoEndoscopicSubscoreComponents = { endoscopic: number; friabilityUpgrade: number };

/** Result of {@link mayoEndoscopicSubscore} (no band: `band` is always `null`). */
export type MayoEndoscopicSubscoreResult = ScoreResult<MayoEndoscopicSubscoreComponents, never>;

function score(items: MayoItems, fda: boolean): MayoEndoscopicSubscoreResult {
  const es = items.endoscopic as number;
  const scored = scoredEs(es, items.friability, fda);
  return { total: scored, components: { endoscopic: es, friabilityUpgrade: scored - es }, band: null };
}

function problems(items: unknown, options: unknown): Problem[] {
  return [...endoscopicOptionProblems(options), ...mayoProblems(items, NEEDS, "endoscopic subscore", readFda(options) === true)];
}

/**
 * The Mayo endoscopic subscore (MES) actually scored, standard or FDA-modified.
 * @remarks Standard: the recorded 0-3 grade. FDA-modified: friability is excluded from grade 1, so
 * `endoscopic: 1` with `friability: true` scores 2 (`components.friabilityUpgrade` = 1); other grades
 * are unchanged. "ES <= 1 without friability" therefore equals FDA-modified ES <= 1.
 * @param items - Mayo subscores with `endoscopic` (0-3) and optional `friability`.
 * @param options - `endoscopicScoring`: `"standard"` (default) or `"fdaModified"`.
 * @returns `{ total, components, band: null }`; `total` is the scored subscore.
 * @throws {TypeError} If `items` is not an object, `friability` is missing where the FDA-modified scoring needs it (`endoscopic` 1), `endoscopic` is missing, a key is unknown, or an option is invalid.
 * @throws {RangeError} If a subscore is not an integer in 0-3.
 * @example
 * mayoEndoscopicSubscore({ endoscopic: 1, friability: true }, { endoscopicScoring: "fdaModified" });
 * //=> { total: 2, components: { endoscopic: 1, friabilityUpgrade: 1 }, band: null }
 * @see US FDA. Ulcerative Colitis: Clinical Trial Endpoints. Guidance for Industry (draft), August 2016.
 * @see Schroeder KW, et al. N Engl J Med 1987;317:1625-9. doi:10.1056/NEJM198712243172603
 */
export function mayoEndoscopicSubscore(items: MayoItems, options?: MayoEndoscopicSubscoreOptions): MayoEndoscopicSubscoreResult {
  const fda = readFda(options);
  if (fda === undefined || !isMayoItems(items) || items.endoscopic === undefined || friabilityMissing(items, fda)) throwFirst(FN, problems(items, options));
  return score(items, fda);
}

/**
 * Non-throwing {@link mayoEndoscopicSubscore}.
 * @param items - Candidate Mayo subscores (any value).
 * @param options - As for {@link mayoEndoscopicSubscore}.
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeMayoEndoscopicSubscore({ endoscopic: 3 }).success;
 * //=> true
 * @see US FDA. Ulcerative Colitis: Clinical Trial Endpoints. Guidance for Industry (draft), August 2016.
 */
export function safeMayoEndoscopicSubscore(items: unknown, options?: unknown): ParseResult<MayoEndoscopicSubscoreResult> {
  const fda = readFda(options);
  if (fda === undefined || !isMayoItems(items) || items.endoscopic === undefined || friabilityMissing(items, fda)) return failure(problems(items, options));
  return { success: true, data: score(items, fda) };
}
