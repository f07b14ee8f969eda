import type { ParseResult } from "../../models/common.js";
import { ParisSchema, type Paris, type ParisCd } from "../../models/instrumentInputs.js";
import { failure, problemsFromZod, throwFirst, type Problem } from "../_lib/problems.js";

const FN = "parisClassification";

/** Paris age class: A1a 0 to under 10 years, A1b 10 to under 17, A2 17-40, A3 above 40. */
export type ParisAgeClass = "A1a" | "A1b" | "A2" | "A3";

/** A validated Paris classification of Crohn's disease, with its conventional code. */
export interface ParisCdResult {
  readonly type: "CD";
  readonly age: ParisAgeClass;
  readonly location: "L1" | "L2" | "L3" | null;
  /** Upper disease: `"L4a"`, `"L4b"`, `"L4ab"` (both) or `null`. */
  readonly upper: "L4a" | "L4b" | "L4ab" | null;
  readonly behavior: "B1" | "B2" | "B3" | "B2B3";
  readonly perianal: boolean;
  readonly growth: "G0" | "G1";
  /** Conventional notation, e.g. `"A1b L3 L4a B2p G1"`. */
  readonly code: string;
}

/** A validated Paris classification of ulcerative colitis, with its conventional code. */
export interface ParisUcResult {
  readonly type: "UC";
  readonly extent: "E1" | "E2" | "E3" | "E4";
  /** S0 never severe, S1 ever severe (PUCAI of 65 or more). */
  readonly severity: "S0" | "S1";
  /** Conventional notation, e.g. `"E4 S1"`. */
  readonly code: string;
}

/** Result of {@link parisClassification}. */
export type ParisClassificationResult = ParisCdResult | ParisUcResult;

/** Paris age class of an age at diagnosis in years. */
function ageClass(age: number): ParisAgeClass {
  return age < 10 ? "A1a" : age < 17 ? "A1b" : age <= 40 ? "A2" : "A3";
}

function problems(x: unknown): Problem[] {
  const r = ParisSchema.safeParse(x);
  if (!r.success) return problemsFromZod("items", r.error, x);
  if (r.data.type === "CD" && r.data.location === null && !r.data.l4a && !r.data.l4b) {
    return [{ arg: "items", path: ["location"], code: "custom", rule: "must be L1, L2 or L3 unless there is upper disease (l4a or l4b)", value: null, kind: "range" }];
  }
  return [];
}

function classify(p: Paris): ParisClassificationResult {
  if (p.type === "UC") {
    const severity = p.everSevere ? "S1" : "S0";
    return { type: "UC", extent: p.extent, severity, code: `${p.extent} ${severity}` };
  }
  const cd: ParisCd = p;
  const upper = cd.l4a && cd.l4b ? "L4ab" : cd.l4a ? "L4a" : cd.l4b ? "L4b" : null;
  const age = ageClass(cd.ageAtDiagnosisYears);
  const parts = [age, cd.location, upper, `${cd.behavior}${cd.perianal ? "p" : ""}`, cd.growth].filter((s): s is string => s !== null);
  return { type: "CD", age, location: cd.location, upper, behavior: cd.behavior, perianal: cd.perianal, growth: cd.growth, code: parts.join(" ") };
}

/**
 * Paris classification of paediatric-onset IBD (the Montreal classification modified for children).
 * @remarks CD: age at diagnosis A1a (under 10 years), A1b (10 to under 17), A2 (17-40), A3 (above
 * 40); location L1-L3 with upper disease split into L4a (proximal to the ligament of Treitz) and L4b
 * (distal to it, proximal to the distal third of the ileum), both allowed together; behaviour B1,
 * B2, B3 or B2B3 (stricturing and penetrating), perianal modifier p; growth G0/G1. UC: extent E1
 * proctitis, E2 left-sided, E3 extensive (to the hepatic flexure), E4 pancolitis (proximal to the
 * hepatic flexure); severity S0 never severe, S1 ever severe (PUCAI of 65 or more). Montreal for
 * adults: `montrealClassification`.
 * @param items - A Paris classification (`ParisSchema`).
 * @returns The classes and the conventional code.
 * @throws {TypeError} If `items` is not an object, or an item is missing, unknown or of the wrong kind.
 * @throws {RangeError} If a class is not one of the listed values, or CD has no location and no upper disease.
 * @example
 * parisClassification({ type: "CD", ageAtDiagnosisYears: 12, location: "L3", l4a: true, l4b: false, behavior: "B2", perianal: true, growth: "G1" }).code;
 * //=> "A1b L3 L4a B2p G1"
 * @see Levine A, Griffiths A, Markowitz J, et al. Pediatric modification of the Montreal classification for inflammatory bowel disease: the Paris classification. Inflamm Bowel Dis 2011;17:1314-21. doi:10.1002/ibd.21493
 */
export function parisClassification(items: Paris): ParisClassificationResult {
  const ps = problems(items);
  if (ps.length > 0) throwFirst(FN, ps);
  return classify(items);
}

/**
 * Non-throwing {@link parisClassification}.
 * @param items - Candidate classification (any value).
 * @returns A ParseResult holding the result or every issue found.
 * @example
 * safeParisClassification({ type: "UC", extent: "E4", everSevere: true });
 * //=> { success: true, data: { type: "UC", extent: "E4", severity: "S1", code: "E4 S1" } }
 * @see Levine A, et al. Inflamm Bowel Dis 2011;17:1314-21. doi:10.1002/ibd.21493
 */
export function safeParisClassification(items: unknown): ParseResult<ParisClassificationResult> {
  const ps = problems(items);
  if (ps.length > 0) return failure(ps);
  return { success: true, data: classify(items as Paris) };
}
