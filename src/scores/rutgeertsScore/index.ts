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
/**
 * Where a count of aphthous lesions splits i1 from i2: `"le5"` (default, the original definition) i1 = at
 * most 5 lesions, so exactly 5 is i1; `"lt5"` (the "< 5 / >= 5" split of one congress abstract) i1 = fewer
 * than 5, so exactly 5 is i2 (i2b in the modified scheme).
 */
export type RutgeertsLesionCountSplit = "le5" | "lt5";
const SPLITS: readonly RutgeertsLesionCountSplit[] = ["le5", "lt5"];

/**
 * Endoscopic findings of the neoterminal ileum from which {@link rutgeertsScore} derives i0, i1 or i2
 * (i2a/i2b): for an ileum whose only ileal lesions are discrete aphthous lesions with normal mucosa
 * between them. Larger ulcers, skip areas of larger lesions, diffuse inflammation (i3) or narrowing (i4)
 * cannot be counted: pass the grade itself.
 */
export interface RutgeertsLesionFindings {
  /** Number of aphthous lesions in the neoterminal ileum (integer >= 0). */
  readonly aphthousLesions: number;
  /**
   * Whether there are lesions at the ileocolonic anastomosis (anastomotic stenosis included). Required:
   * an unrecorded anastomosis is not read as a normal one.
   */
  readonly anastomoticLesions: boolean;
}

/** Options of {@link rutgeertsScore}. */
export interface RutgeertsScoreOptions {
  /**
   * Which grades are accepted: `"any"` (default) every grade; `"original"` i0-i4 only (i2a/i2b are an
   * error); `"modified"` i0, i1, i2a, i2b, i3, i4 (plain i2 is an error: it must be split).
   */
  readonly scheme?: Scheme;
  /**
   * With lesion findings: where the aphthous-lesion count splits i1 from i2, `"le5"` (default: exactly 5
   * lesions is i1) or `"lt5"` (exactly 5 is i2). With a grade it changes nothing.
   */
  readonly lesionCountSplit?: RutgeertsLesionCountSplit;
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

interface ReadOptions {
  readonly scheme: Scheme;
  readonly split: RutgeertsLesionCountSplit;
}
const DEFAULTS: ReadOptions = { scheme: "any", split: "le5" };

function readOptions(options: unknown): ReadOptions | undefined {
  if (options === undefined) return DEFAULTS;
  if (!isObject(options)) return undefined;
  for (const k in options) if (k !== "scheme" && k !== "lesionCountSplit") return undefined;
  const v = options.scheme;
  const l = options.lesionCountSplit;
  const scheme = v === undefined ? "any" : v === "any" || v === "original" || v === "modified" ? v : undefined;
  const split = l === undefined ? "le5" : l === "le5" || l === "lt5" ? l : undefined;
  return scheme === undefined || split === undefined ? undefined : { scheme, split };
}

function isFindings(x: unknown): x is RutgeertsLesionFindings {
  if (!isObject(x)) return false;
  for (const k in x) if (k !== "aphthousLesions" && k !== "anastomoticLesions") return false;
  const n = x.aphthousLesions;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && typeof x.anastomoticLesions === "boolean";
}

function findingsProblems(x: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  for (const k of Object.keys(x)) {
    if (k !== "aphthousLesions" && k !== "anastomoticLesions") {
      out.push({ arg: "grade", path: [k], code: "unrecognized_keys", rule: "is not a lesion finding (aphthousLesions, anastomoticLesions)", value: x[k], kind: "type" });
    }
  }
  const n = x.aphthousLesions;
  if (n === undefined) {
    out.push({ arg: "grade", path: ["aphthousLesions"], code: "invalid_type", rule: "is required (the number of aphthous lesions in the neoterminal ileum)", value: n, kind: "type" });
  } else if (typeof n !== "number") {
    out.push({ arg: "grade", path: ["aphthousLesions"], code: "invalid_type", rule: "must be a number", value: n, kind: "type" });
  } else if (!(Number.isInteger(n) && n >= 0)) {
    out.push({ arg: "grade", path: ["aphthousLesions"], code: "too_small", rule: "must be an integer >= 0", value: n, kind: "range" });
  }
  const a = x.anastomoticLesions;
  if (a === undefined) {
    out.push({ arg: "grade", path: ["anastomoticLesions"], code: "invalid_type", rule: "is required (an unrecorded anastomosis is not read as normal)", value: a, kind: "type" });
  } else if (typeof a !== "boolean") {
    out.push({ arg: "grade", path: ["anastomoticLesions"], code: "invalid_type", rule: "must be true or false", value: a, kind: "type" });
  }
  return out;
}

/** The grade the findings give under the scheme and split. */
function gradeOfFindings(f: RutgeertsLesionFindings, o: ReadOptions): RutgeertsGrade {
  const n = f.aphthousLesions;
  const many = o.split === "le5" ? n > 5 : n >= 5;
  const modified = o.scheme === "modified";
  if (many) return modified ? "i2b" : "i2";
  if (f.anastomoticLesions) return modified ? "i2a" : "i2";
  return n === 0 ? "i0" : "i1";
}

function schemeAllows(scheme: Scheme, grade: unknown): boolean {
  if (scheme === "original") return grade !== "i2a" && grade !== "i2b";
  if (scheme === "modified") return grade !== "i2";
  return true;
}

function problems(grade: unknown, options: unknown): Problem[] {
  const out = optionProblems(options, { scheme: SCHEMES, lesionCountSplit: SPLITS });
  if (isObject(grade)) {
    out.push(...findingsProblems(grade));
    return out;
  }
  out.push(...gradeProblems(grade));
  const scheme = readOptions(options)?.scheme;
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
 *
 * Lesion-count option: instead of a grade, pass the findings `{ aphthousLesions, anastomoticLesions }`
 * and the grade is derived: more than 5 aphthous lesions (`lesionCountSplit: "le5"`, default) or 5 and
 * more (`"lt5"`, the "< 5 / >= 5" split of one congress abstract) → i2 (i2b with `scheme: "modified"`);
 * otherwise anastomotic lesions → i2 (i2a with `scheme: "modified"`); otherwise 1 or more lesions → i1,
 * none → i0. The split only moves exactly 5 lesions (i1 by default, i2 with `"lt5"`). The result's
 * `grade` is the derived grade. Findings of i3/i4 (diffuse inflammation, larger ulcers, nodules,
 * narrowing) cannot be counted: pass the grade.
 * @param grade - The grade (`RutgeertsGradeSchema`), or the lesion findings ({@link RutgeertsLesionFindings}).
 * @param options - `scheme`: `"any"` (default), `"original"` or `"modified"`; `lesionCountSplit`: `"le5"`
 *   (default) or `"lt5"`.
 * @returns `{ total, components, band, grade, isRecurrence }`.
 * @throws {TypeError} If `grade` is neither a string nor findings, a finding is missing, unknown or of the
 *   wrong kind, or an option is invalid or unknown.
 * @throws {RangeError} If `grade` is not a Rutgeerts grade or not one of the chosen scheme, or
 *   `aphthousLesions` is not an integer >= 0.
 * @example
 * rutgeertsScore("i2a");
 * //=> { total: 2, components: { ordinal: 2 }, band: "recurrence", grade: "i2a", isRecurrence: true }
 * @example
 * rutgeertsScore({ aphthousLesions: 5, anastomoticLesions: false }).grade;
 * //=> "i1"
 * @example
 * rutgeertsScore({ aphthousLesions: 5, anastomoticLesions: false }, { lesionCountSplit: "lt5", scheme: "modified" }).grade;
 * //=> "i2b"
 * @see Rutgeerts P, Geboes K, Vantrappen G, et al. Predictability of the postoperative course of
 *   Crohn's disease. Gastroenterology 1990;99:956-63. doi:10.1016/0016-5085(90)90613-6
 * @see Gecse K, Lowenberg M, Bossuyt P, et al. Agreement among experts in the endoscopic evaluation of
 *   postoperative recurrence in Crohn's disease using the Rutgeerts score (modified i2a/i2b).
 *   Gastroenterology 2014;146(5 Suppl 1):S-227 (abstract; no DOI); as used by Ollech JE, et al. 2019
 *   (PMC6774247).
 * @see ECCO Congress 2017, abstract P229 (the "< 5 / >= 5" aphthous-lesion split; `lesionCountSplit: "lt5"`).
 */
export function rutgeertsScore(
  grade: RutgeertsGrade | RutgeertsLesionFindings,
  options?: RutgeertsScoreOptions,
): RutgeertsScoreResult {
  const r = evaluate(grade, options);
  if (r === undefined) throwFirst(FN, problems(grade, options));
  return r;
}

function evaluate(grade: unknown, options: unknown): RutgeertsScoreResult | undefined {
  const o = readOptions(options);
  if (o === undefined) return undefined;
  if (isObject(grade)) {
    if (!isFindings(grade)) return undefined;
    const g = gradeOfFindings(grade, o);
    return score(g, rutgeertsOrdinal(g));
  }
  const ordinal = rutgeertsOrdinal(grade);
  if (ordinal < 0 || !schemeAllows(o.scheme, grade)) return undefined;
  return score(grade as RutgeertsGrade, ordinal);
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
  const r = evaluate(grade, options);
  return r === undefined ? failure(problems(grade, options)) : { success: true, data: r };
}
