import type { ParseResult } from "../../models/common.js";
import type { MayoItems } from "../../models/scoreInputs.js";
import { isMayoItems, mayoProblems } from "../_lib/mayo.js";
import { failure, throwFirst, type Problem } from "../_lib/problems.js";

const FN = "mayoPartialResponse";
const NEEDS = ["stoolFrequency", "rectalBleeding", "physicianGlobal"] as const;
/** Partial-Mayo response: a drop of at least this many points from baseline. */
const MIN_DROP = 2;

/** Result of {@link mayoPartialResponse}. */
export interface MayoPartialResponseResult {
  /** Partial Mayo total (SF + RB + PGA, 0-9) at baseline. */
  readonly baseline: number;
  /** Partial Mayo total at the assessed visit. */
  readonly current: number;
  /** baseline − current (negative when the score rose). */
  readonly drop: number;
  /** True when `drop` >= 2. */
  readonly isResponse: boolean;
}

function isComplete(items: unknown): items is MayoItems {
  return (
    isMayoItems(items) &&
    items.stoolFrequency !== undefined &&
    items.rectalBleeding !== undefined &&
    items.physicianGlobal !== undefined
  );
}

function total(items: MayoItems): number {
  return (items.stoolFrequency as number) + (items.rectalBleeding as number) + (items.physicianGlobal as number);
}

function problems(baseline: unknown, current: unknown): Problem[] {
  const named = (arg: string, items: unknown): Problem[] =>
    mayoProblems(items, NEEDS, "partial Mayo score").map((p) => ({ ...p, arg }));
  return [...named("baseline", baseline), ...named("current", current)];
}

function evaluate(baseline: MayoItems, current: MayoItems): MayoPartialResponseResult {
  const b = total(baseline);
  const c = total(current);
  return { baseline: b, current: c, drop: b - c, isResponse: b - c >= MIN_DROP };
}

/**
 * Partial-Mayo clinical response of ulcerative colitis: the partial Mayo score (stool frequency +
 * rectal bleeding + physician's global assessment, 0-9) fell by at least 2 points from baseline.
 * @remarks The rule is the drop alone (no relative-change or rectal-bleeding condition, unlike the full
 * Mayo response), so a baseline of 0 or 1 can never respond. Both visits need all three items: an
 * unrecorded item is an error naming it (`baseline.physicianGlobal`), never read as 0. `endoscopic` and
 * `friability`, if present, are validated but not scored. The inputs are not modified. In a definition
 * profile the same rule is the rule node `{ kind: "drop", measure: "mayoPartial", op: ">=", threshold: 2 }`
 * (none of the built-in profiles uses it).
 * @param baseline - Mayo subscores at baseline (`stoolFrequency`, `rectalBleeding`, `physicianGlobal`, 0-3 each).
 * @param current - Mayo subscores at the assessed visit.
 * @returns `{ baseline, current, drop, isResponse }` (totals and the drop in points).
 * @throws {TypeError} If an argument is not an object, a needed item is missing, or a key is unknown.
 * @throws {RangeError} If an item is not an integer in 0-3.
 * @example
 * mayoPartialResponse(
 *   { stoolFrequency: 2, rectalBleeding: 2, physicianGlobal: 2 },
 *   { stoolFrequency: 1, rectalBleeding: 1, physicianGlobal: 2 },
 * );
 * //=> { baseline: 6, current: 4, drop: 2, isResponse: true }
 * @see Lewis JD, Chuai S, Nessel L, et al. Use of the noninvasive components of the Mayo score to assess
 *   clinical response in ulcerative colitis. Inflamm Bowel Dis 2008;14:1660-6. doi:10.1002/ibd.20520
 */
export function mayoPartialResponse(baseline: MayoItems, current: MayoItems): MayoPartialResponseResult {
  if (!isComplete(baseline) || !isComplete(current)) throwFirst(FN, problems(baseline, current));
  return evaluate(baseline, current);
}

/**
 * Non-throwing {@link mayoPartialResponse}.
 * @param baseline - Candidate baseline subscores (any value).
 * @param current - Candidate subscores at the assessed visit (any value).
 * @returns A ParseResult holding the result or every issue found (paths start with `baseline`/`current`).
 * @example
 * safeMayoPartialResponse({ stoolFrequency: 2, rectalBleeding: 2 }, { stoolFrequency: 0, rectalBleeding: 0, physicianGlobal: 0 }).success;
 * //=> false
 * @see Lewis JD, et al. Inflamm Bowel Dis 2008;14:1660-6. doi:10.1002/ibd.20520
 */
export function safeMayoPartialResponse(baseline: unknown, current: unknown): ParseResult<MayoPartialResponseResult> {
  if (!isComplete(baseline) || !isComplete(current)) return failure(problems(baseline, current));
  return { success: true, data: evaluate(baseline, current) };
}
