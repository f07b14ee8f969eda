/** Private: which disease rules apply to a diagnosis. */
import type { Diagnosis } from "../../models/common.js";
import type { RuleDisease } from "../types.js";

/** Diagnoses the classifiers accept. */
export const DIAGNOSES_FOR_RULES: readonly Diagnosis[] = ["UC", "CD", "IBD-U"];

/** IBD-U is classified with the UC rules. */
export function ruleDiseaseOf(d: Diagnosis): RuleDisease {
  return d === "CD" ? "CD" : "UC";
}
