import * as z from "zod";
import { describeValue } from "../_lib/errors.js";

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

const CATALOGUE: readonly (readonly [string, MechanismClass, "biologic" | "smallMolecule"])[] = [
  ["infliximab", "antiTNF", "biologic"],
  ["adalimumab", "antiTNF", "biologic"],
  ["certolizumab pegol", "antiTNF", "biologic"],
  ["certolizumab", "antiTNF", "biologic"],
  ["golimumab", "antiTNF", "biologic"],
  ["vedolizumab", "antiIntegrin", "biologic"],
  ["natalizumab", "antiIntegrin", "biologic"],
  ["etrolizumab", "antiIntegrin", "biologic"],
  ["ustekinumab", "antiIL12_23", "biologic"],
  ["risankizumab", "antiIL23p19", "biologic"],
  ["mirikizumab", "antiIL23p19", "biologic"],
  ["guselkumab", "antiIL23p19", "biologic"],
  ["tofacitinib", "JAK", "smallMolecule"],
  ["filgotinib", "JAK", "smallMolecule"],
  ["upadacitinib", "JAK", "smallMolecule"],
  ["ozanimod", "S1P", "smallMolecule"],
  ["etrasimod", "S1P", "smallMolecule"],
  ["secukinumab", "antiIL17A", "biologic"],
  ["ixekizumab", "antiIL17A", "biologic"],
];

/**
 * Known drugs (generic names, lower case) and their mechanism class, as a frozen null-prototype record:
 * only these names are keys (`DRUG_MECHANISMS.constructor` is `undefined`). Use `mechanismOf` to look a
 * drug up (case and surrounding spaces ignored).
 * @example
 * DRUG_MECHANISMS.vedolizumab;
 * //=> "antiIntegrin"
 */
export const DRUG_MECHANISMS: Readonly<Record<string, MechanismClass>> = /* @__PURE__ */ Object.freeze(
  Object.assign(Object.create(null) as Record<string, MechanismClass>, Object.fromEntries(CATALOGUE.map(([d, m]) => [d, m]))),
);

const MECHANISM_BY_DRUG: ReadonlyMap<string, MechanismClass> = /* @__PURE__ */ new Map(CATALOGUE.map(([d, m]) => [d, m]));
const KIND_BY_DRUG: ReadonlyMap<string, "biologic" | "smallMolecule"> = /* @__PURE__ */ new Map(CATALOGUE.map(([d, , k]) => [d, k]));

function drugKey(fn: string, arg: string, drug: unknown): string {
  if (typeof drug !== "string") throw new TypeError(`${fn}: ${arg} must be a drug name (a string); got ${describeValue(drug)}.`);
  return drug.trim().toLowerCase();
}

/**
 * The mechanism class of a drug: the explicit class when given, else the catalogue's, else `undefined`.
 * @remarks The catalogue is a `Map`: names such as `"constructor"` or `"__proto__"` are unknown drugs.
 * @param drug - Generic name (case-insensitive, surrounding spaces ignored).
 * @param explicit - A class recorded with the therapy, which wins over the catalogue.
 * @returns The class, or `undefined` for an unknown drug with no explicit class.
 * @throws {TypeError} If `drug` is not a string or `explicit` is not a mechanism class.
 * @example
 * mechanismOf("Adalimumab");
 * //=> "antiTNF"
 * @see Parigi TL, et al. Lancet Gastroenterol Hepatol 2023;8:853-9. doi:10.1016/S2468-1253(23)00154-1
 */
export function mechanismOf(drug: string, explicit?: MechanismClass): MechanismClass | undefined {
  const key = drugKey("mechanismOf", "drug", drug);
  if (explicit !== undefined) {
    if (typeof explicit !== "string" || !(MechanismClassSchema.options as readonly string[]).includes(explicit)) {
      throw new TypeError(`mechanismOf: explicit must be one of ${MechanismClassSchema.options.map((o) => `"${o}"`).join(", ")}; got ${describeValue(explicit)}.`);
    }
    return explicit;
  }
  return MECHANISM_BY_DRUG.get(key);
}

/**
 * Whether the drug catalogue knows a drug as a biologic (a monoclonal antibody: anti-TNF, anti-integrin,
 * anti-IL-12/23, anti-IL-23p19, anti-IL-17A), a small molecule (JAK, S1P), or not at all.
 * @param drug - Generic name (case-insensitive, surrounding spaces ignored).
 * @returns `"biologic"`, `"smallMolecule"`, or `undefined` for a drug not in the catalogue.
 * @throws {TypeError} If `drug` is not a string.
 * @example
 * [drugKindOf("Infliximab"), drugKindOf("upadacitinib"), drugKindOf("constructor")];
 * //=> ["biologic", "smallMolecule", undefined]
 * @see Mao Y, et al. Drug Des Devel Ther 2025 (Inclusion and Exclusion Criteria: concomitant biologics).
 */
export function drugKindOf(drug: string): "biologic" | "smallMolecule" | undefined {
  return KIND_BY_DRUG.get(drugKey("drugKindOf", "drug", drug));
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
