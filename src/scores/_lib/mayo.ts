/** Private Mayo helpers: the fast schema-equivalent check, problems, options, the scored ES. */
import { MayoItemsSchema, type MayoItems } from "../../models/scoreInputs.js";
import { isIntIn, isObject, optionProblems, problemsFromZod, type Problem } from "./problems.js";

/** A Mayo item that a score may require. */
export type MayoItemKey = "stoolFrequency" | "rectalBleeding" | "endoscopic" | "physicianGlobal";

/** How the endoscopic subscore is scored. */
export type EndoscopicScoring = "standard" | "fdaModified";

const ES_VALUES: readonly EndoscopicScoring[] = ["standard", "fdaModified"];

/**
 * Exactly `MayoItemsSchema.safeParse(x).success`, without zod (hot path). The equivalence is tested
 * with fast-check.
 */
export function isMayoItems(x: unknown): x is MayoItems {
  if (!isObject(x)) return false;
  for (const k in x) {
    if (
      k !== "stoolFrequency" &&
      k !== "rectalBleeding" &&
      k !== "endoscopic" &&
      k !== "friability" &&
      k !== "physicianGlobal"
    ) {
      return false;
    }
  }
  const sf = x.stoolFrequency;
  if (sf !== undefined && !isIntIn(sf, 0, 3)) return false;
  const rb = x.rectalBleeding;
  if (rb !== undefined && !isIntIn(rb, 0, 3)) return false;
  const es = x.endoscopic;
  if (es !== undefined && !isIntIn(es, 0, 3)) return false;
  const pga = x.physicianGlobal;
  if (pga !== undefined && !isIntIn(pga, 0, 3)) return false;
  const f = x.friability;
  return f === undefined || typeof f === "boolean";
}

/** Every problem of `items` for a score needing `needs` (zod builds the messages; slow path only). */
export function mayoProblems(items: unknown, needs: readonly MayoItemKey[], scoreName: string, fda = false): Problem[] {
  const r = MayoItemsSchema.safeParse(items);
  if (!r.success) return problemsFromZod("items", r.error, items);
  const out: Problem[] = [];
  for (const key of needs) {
    if (r.data[key] === undefined) {
      out.push({ arg: "items", path: [key], code: "invalid_type", rule: `is required for the ${scoreName}`, value: undefined, kind: "type" });
    }
  }
  if (friabilityMissing(r.data, fda)) {
    out.push({
      arg: "items",
      path: ["friability"],
      code: "invalid_type",
      rule: "is required for the FDA-modified endoscopic subscore when endoscopic is 1 (an unrecorded friability is not read as absent)",
      value: undefined,
      kind: "type",
    });
  }
  return out;
}

/**
 * True when the FDA-modified scoring needs friability and it was not recorded: `endoscopic` 1 scores 1
 * without friability and 2 with it, so an unrecorded friability leaves the subscore unknown. Other grades
 * do not depend on friability.
 */
export function friabilityMissing(items: { readonly endoscopic?: number | undefined; readonly friability?: boolean | undefined }, fda: boolean): boolean {
  return fda && items.endoscopic === 1 && items.friability === undefined;
}

/** Problems of a `{ endoscopicScoring }` options object. */
export function endoscopicOptionProblems(options: unknown): Problem[] {
  return optionProblems(options, { endoscopicScoring: ES_VALUES });
}

/**
 * Reads `options.endoscopicScoring` on the hot path: true for `"fdaModified"`, false for `"standard"`
 * or absent; `undefined` when the options are invalid (caller then reports the problems).
 */
export function readFda(options: unknown): boolean | undefined {
  if (options === undefined) return false;
  if (!isObject(options)) return undefined;
  for (const k in options) if (k !== "endoscopicScoring") return undefined;
  const v = options.endoscopicScoring;
  if (v === undefined || v === "standard") return false;
  if (v === "fdaModified") return true;
  return undefined;
}

/** The endoscopic subscore actually scored: FDA-modified counts ES 1 with friability as 2. */
export function scoredEs(es: number, friability: boolean | undefined, fda: boolean): number {
  return fda && es === 1 && friability === true ? 2 : es;
}
