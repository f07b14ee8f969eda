import * as z from "zod";

/**
 * Mechanism-of-action classes of advanced IBD therapies, plus two non-advanced classes that registries
 * record alongside them (`antiIL17A`, `other`).
 * @remarks Classes per [definitions §4.1](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md) (general pharmacology): `antiTNF` infliximab,
 * adalimumab, certolizumab pegol, golimumab; `antiIntegrin` vedolizumab, natalizumab; `antiIL12_23`
 * ustekinumab; `antiIL23p19` risankizumab, mirikizumab, guselkumab; `JAK` tofacitinib, filgotinib,
 * upadacitinib; `S1P` ozanimod, etrasimod. IL-17A inhibitors are not advanced IBD therapies.
 */
export const MechanismClassSchema = z.enum([
  "antiTNF",
  "antiIntegrin",
  "antiIL12_23",
  "antiIL23p19",
  "JAK",
  "S1P",
  "antiIL17A",
  "other",
]);
/** A mechanism-of-action class. */
export type MechanismClass = z.infer<typeof MechanismClassSchema>;

/** Known drugs (generic names, lower case) and their mechanism class. Frozen. */
export const DRUG_MECHANISMS: Readonly<Record<string, MechanismClass>> = Object.freeze({
  infliximab: "antiTNF",
  adalimumab: "antiTNF",
  "certolizumab pegol": "antiTNF",
  certolizumab: "antiTNF",
  golimumab: "antiTNF",
  vedolizumab: "antiIntegrin",
  natalizumab: "antiIntegrin",
  etrolizumab: "antiIntegrin",
  ustekinumab: "antiIL12_23",
  risankizumab: "antiIL23p19",
  mirikizumab: "antiIL23p19",
  guselkumab: "antiIL23p19",
  tofacitinib: "JAK",
  filgotinib: "JAK",
  upadacitinib: "JAK",
  ozanimod: "S1P",
  etrasimod: "S1P",
  secukinumab: "antiIL17A",
  ixekizumab: "antiIL17A",
});

/**
 * The mechanism class of a drug: the explicit class when given, else the catalogue's, else `undefined`.
 * @param drug - Generic name (case-insensitive, surrounding spaces ignored).
 * @param explicit - A class recorded with the therapy, which wins over the catalogue.
 * @returns The class, or `undefined` for an unknown drug with no explicit class.
 * @example
 * mechanismOf("Adalimumab");
 * //=> "antiTNF"
 */
export function mechanismOf(drug: string, explicit?: MechanismClass): MechanismClass | undefined {
  if (explicit !== undefined) return explicit;
  return DRUG_MECHANISMS[drug.trim().toLowerCase()];
}

/** Why an advanced therapy was stopped. Failure = the first three (trial usage, [definitions §4.1](https://github.com/ibd-outcomes/ibd-outcomes/blob/main/docs/definitions.md)). */
export const StopReasonSchema = z.enum(["primaryNonResponse", "secondaryLossOfResponse", "intolerance", "other"]);
/** Why an advanced therapy was stopped. */
export type StopReason = z.infer<typeof StopReasonSchema>;

/** Conventional (non-advanced) IBD therapies recorded in a patient's history. */
export const ConventionalAgentSchema = z.enum([
  "5-ASA",
  "corticosteroid",
  "thiopurine",
  "methotrexate",
  "tacrolimus",
  "cyclosporine",
  "thalidomide",
  "tripterygium",
  "exclusiveEnteralNutrition",
  "other",
]);
/** A conventional IBD therapy. */
export type ConventionalAgent = z.infer<typeof ConventionalAgentSchema>;
