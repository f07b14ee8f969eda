import type { ParseResult } from "../../models/common.js";
import type { RutgeertsGrade } from "../../models/scoreInputs.js";
import type { ScoreResult } from "../types.js";
import { failure, isObject, optionProblems, throwFirst, type Problem } from "../_lib/problems.js";
import { gradeProblems, rutgeertsOrdinal } from "../_lib/rutgeerts.js";

const FN = "rutgeertsScore";
/**
 * Which Rutgeerts grades a caller accepts: `original` (i0-i4), `modified` (i2a/i2b instead of i2) or `any`.
 */
export type RutgeertsScheme = "any" | "original" | "modified";
type Scheme = RutgeertsScheme;
const SCHEMES: readonly Scheme[] = ["any", "original", "modified"];

/** Options of {@link rutgeertsScore}. */
export interface RutgeertsScoreOptions {
  /**
   * Which grades are accepted: `"any"` (default) every grade; `"original"` i0-i4 only (i2a/i2b are an
   * error); `"modified"` i0, i1, i2a, i2b, i3, i4 (plain i2 is an error: it must be split).
   */
  readonly scheme?: Scheme;
}

/** The ordinal (i0=0, i1=1, i2/i2a/i2b=2, i3=3, i4=4). */
export type RutgeertsScoreComponents = { ordinal: number };

/** Rutgeerts band: endoscopic postoperative recurrence is >= i2. */
export type RutgeertsScoreBand = "noRecurrence" | "recurrence";

/** Result of {@link rutgeertsScore}. */
export interface RutgeertsScoreResult extends ScoreResult<RutgeertsScoreComponents, RutgeertsScoreBand> {
  /** The grade as given. */
  readonly grade: RutgeertsGrade;
  /** True for >= i2 (endoscopic postoperative recurrence). */
  readonly isRecurrence: boolean;
}

function readScheme(options: unknown): Scheme | undefined {
  if (options === undefined) return "any";
  if (!isObject(options)) return undefined;
  for (const k in options) if (k !== "scheme") return undefined;
  const v = options.scheme;
  if (v === undefined) return "any";
  return v === "any" || v === "original" || v === "modified" ? v : undefined;
}

function schemeAllows(scheme: Scheme, grade: unknown): boolean {
  if (scheme === "original") return grade !== "i2a" && grade !== "i2b";
  if (scheme === "modified") return grade !== "i2";
  return true;
}

function problems(grade: unknown, options: unknown): Problem[] {
  const out = optionProblems(options, { scheme: SCHEMES });
  out.push(...gradeProblems(grade));
  const scheme = readScheme(options);
  if (out.length === 0 && scheme !== undefined && !schemeAllows(scheme, grade)) {
    const rule =
      scheme === "original"
        ? 'must be "i0", "i1", "i2", "i3" or "i4" with options.scheme "original"'
        : 'must be "i0", "i1", "i2a", "i2b", "i3" or "i4" with options.scheme "modified" (split i2)';
    out.push({ arg: "grade", path: [], code: "invalid_value", rule, value: grade, kind: "range" });
  }
  return out;
}

function score(grade: RutgeertsGrade, ordinal: number): RutgeertsScoreResult {
  const isRecurrence = ordinal >= 2;
  return { total: ordinal, components: { ordinal }, band: isRecurrence ? "recurrence" : "noRecurrence", grade, isRecurrence };
}

/**
 * Rutgeerts score of postoperative recurrence of Crohn's disease (neoterminal ileum after ileocolonic
 * resection), with the modified i2a/i2b split, as an ordinal.
 * @remarks i0 no lesions; i1 <= 5 aphthous lesions; i2 > 5 aphthous lesions with normal mucosa between,
 * skip areas of larger lesions, or lesions confined to the anastomosis; i3 diffuse aphthous ileitis with
 * diffusely inflamed mucosa; i4 diffuse inflammation with larger ulcers, nodules and/or narrowing.
 * Modified: i2a = lesions confined to the anastomosis (incl. anastomotic stenosis), i2b = > 5 aphthous
 * lesions in the neoterminal ileum with normal mucosa between (± anastomotic lesions). Exactly 5 aphthous
 * lesions is i1. Ordinal: i0=0, i1=1, i2/i2a/i2b=2, i3=3, i4=4; endoscopic recurrence = >= i2.
 * @param grade - The grade (`RutgeertsGradeSchema`).
 * @param options - `scheme`: `"any"` (default), `"original"` or `"modified"`.
 * @returns `{ total, components, band, grade, isRecurrence }`.
 * @throws {TypeError} If `grade` is not a string, or an option is invalid.
 * @throws {RangeError} If `grade` is not a Rutgeerts grade, or not one of the chosen scheme.
 * @example
 * rutgeertsScore("i2a");
 * //=> { total: 2, components: { ordinal: 2 }, band: "recurrence", grade: "i2a", isRecurrence: true }
 * @see Rutgeerts P, Geboes K, Vantrappen G, et al. Predictability of the postoperative course of
 *   Crohn's disease. Gastroenterology 1990;99:956-63. doi:10.1016/0016-5085(90)90613-6
 * @see Gecse K, Lowenberg M, Bossuyt P, et al. Agreement among experts in the endoscopic evaluation of
 *   postoperative recurrence in Crohn's disease using the Rutgeerts score (modified i2a/i2b).
 *   Gastroenterology 2014;146(5 Suppl 1):S-227 (abstract; no DOI); as used by Ollech JE, et al. 2019
 *   (PMC6774247).
 */
export function rutgeertsScore(grade: RutgeertsGrade, options?: RutgeertsScoreOptions): RutgeertsScoreResult {
  const ordinal = rutgeertsOrdinal(grade);
  const scheme = readScheme(options);
  if (ordinal < 0 || scheme === undefined || !schemeAllows(scheme, grade)) throwFirst(FN, problems(grade, options));
  return score(grade, ordinal);
}

/**
 * Non-throwing {@link rutgeertsScore}.
 * @param grade - Candidate grade (any value).
 * @param options - As for {@link rutgeertsScore}.
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeRutgeertsScore("i5").success;
 * //=> false
 * @see Rutgeerts P, et al. Gastroenterology 1990;99:956-63. doi:10.1016/0016-5085(90)90613-6
 */
export function safeRutgeertsScore(grade: unknown, options?: unknown): ParseResult<RutgeertsScoreResult> {
  const ordinal = rutgeertsOrdinal(grade);
  const scheme = readScheme(options);
  if (ordinal < 0 || scheme === undefined || !schemeAllows(scheme, grade)) return failure(problems(grade, options));
  return { success: true, data: score(grade as RutgeertsGrade, ordinal) };
}
