import type { CodeSystem, Coding } from "fhir/r4.js";
import { SCORE_CODES } from "../../scores/scoreCodes/index.js";

/**
 * URI of the project's CodeSystem of scores, the same local system `SCORE_CODES` uses
 * (`urn:ibd-outcomes:score`). Codes: each score's function name (or its `SCORE_CODES` local code).
 * @example
 * SCORE_SYSTEM;
 * //=> "urn:ibd-outcomes:score"
 * @see HL7 FHIR R4, CodeSystem: https://hl7.org/fhir/R4/codesystem.html
 */
export const SCORE_SYSTEM = "urn:ibd-outcomes:score";

/**
 * URI of the project's CodeSystem of score components (`<score>.<component>`, e.g. `pucai.rectalBleeding`)
 * and bands (`<score>.band.<band>`). No LOINC or SNOMED CT code exists for these parts.
 * @example
 * SCORE_PART_SYSTEM;
 * //=> "urn:ibd-outcomes:score-part"
 * @see HL7 FHIR R4, Observation.component: https://hl7.org/fhir/R4/observation.html
 */
export const SCORE_PART_SYSTEM = "urn:ibd-outcomes:score-part";

/** Scores with FHIR support: the further instruments (docs/definitions.md §1.8-§1.30) and the existing scores with `SCORE_CODES`. */
export type FhirScoreName =
  | keyof typeof SCORE_CODES
  | "sccai" | "lichtiger" | "trueloveWitts" | "travisIndex" | "hoScore" | "pucai" | "modifiedMayoEndoscopicScore"
  | "cdeis" | "pcdai" | "weightedPcdai" | "pdai" | "parisClassification" | "pro2Cd" | "pro2Uc"
  | "maria" | "simplifiedMaria" | "ibusSas" | "nancyIndex" | "robartsHistopathologyIndex" | "geboesScore"
  | "ibdq32" | "sibdq";

/** Display names of the further instruments (docs/definitions.md §1.8-§1.30) (project codes; none has a LOINC or SNOMED CT code we could confirm). */
const NEW_DISPLAY: Readonly<Record<Exclude<FhirScoreName, keyof typeof SCORE_CODES>, string>> = {
  sccai: "Simple Clinical Colitis Activity Index",
  lichtiger: "Lichtiger index (modified Truelove-Witts)",
  trueloveWitts: "Truelove and Witts severity",
  travisIndex: "Travis (Oxford) day-3 index",
  hoScore: "Ho (Edinburgh) day-3 score",
  pucai: "Paediatric Ulcerative Colitis Activity Index",
  modifiedMayoEndoscopicScore: "Modified Mayo Endoscopic Score",
  cdeis: "Crohn's Disease Endoscopic Index of Severity",
  pcdai: "Paediatric Crohn's Disease Activity Index",
  weightedPcdai: "Weighted Paediatric Crohn's Disease Activity Index",
  pdai: "Perianal Disease Activity Index",
  parisClassification: "Paris classification of paediatric IBD",
  pro2Cd: "Crohn's disease two-item patient-reported outcome",
  pro2Uc: "Ulcerative colitis two-item patient-reported outcome",
  maria: "Magnetic Resonance Index of Activity (segmental)",
  simplifiedMaria: "Simplified Magnetic Resonance Index of Activity (segmental)",
  ibusSas: "International Bowel Ultrasound Segmental Activity Score",
  nancyIndex: "Nancy histological index",
  robartsHistopathologyIndex: "Robarts Histopathology Index",
  geboesScore: "Geboes histological score",
  ibdq32: "Inflammatory Bowel Disease Questionnaire (32 items)",
  sibdq: "Short Inflammatory Bowel Disease Questionnaire",
};

/**
 * The FHIR codings of a score: the standard codes of `SCORE_CODES` first (where LOINC, SNOMED CT or
 * NCIt has one), then the project code in {@link SCORE_SYSTEM}. For the further instruments (docs/definitions.md §1.8-§1.30) only the
 * project code is given: no LOINC or SNOMED CT concept was confirmed for any of them.
 * @param score - Score function name.
 * @returns FHIR Codings (new objects; safe to mutate).
 * @throws {TypeError} If `score` is not a supported score name.
 * @example
 * scoreCodings("pucai");
 * //=> [{ system: "urn:ibd-outcomes:score", code: "pucai", display: "Paediatric Ulcerative Colitis Activity Index" }]
 * @see HL7 FHIR R4, Coding: https://hl7.org/fhir/R4/datatypes.html#Coding
 */
export function scoreCodings(score: FhirScoreName): Coding[] {
  if (typeof score === "string" && Object.hasOwn(SCORE_CODES, score)) {
    return SCORE_CODES[score as keyof typeof SCORE_CODES].map((c) => ({ system: c.system, code: c.code, display: c.display }));
  }
  if (typeof score === "string" && Object.hasOwn(NEW_DISPLAY, score)) {
    const display = NEW_DISPLAY[score as keyof typeof NEW_DISPLAY];
    return [{ system: SCORE_SYSTEM, code: score, display }];
  }
  throw new TypeError(`scoreCodings: score must be a supported score name; got ${typeof score === "string" ? `a string of length ${score.length}` : typeof score}.`);
}

/**
 * The project's CodeSystem of scores as a FHIR R4 resource, documenting every project code and, in
 * each concept's definition, whether a standard code exists.
 * @returns A CodeSystem resource (status `active`, content `complete`).
 * @example
 * scoreCodeSystem().concept?.find((c) => c.code === "sccai")?.display;
 * //=> "Simple Clinical Colitis Activity Index"
 * @see HL7 FHIR R4, CodeSystem: https://hl7.org/fhir/R4/codesystem.html
 */
export function scoreCodeSystem(): CodeSystem {
  const concept: NonNullable<CodeSystem["concept"]> = [];
  for (const [name, codings] of Object.entries(SCORE_CODES)) {
    const local = codings.find((c) => c.system === SCORE_SYSTEM);
    const standard = codings.filter((c) => c.system !== SCORE_SYSTEM).map((c) => `${c.system}|${c.code}`);
    if (local !== undefined) {
      concept.push({ code: local.code, display: local.display, definition: standard.length > 0 ? `Score ${name}; also coded ${standard.join(", ")}.` : `Score ${name}; no standard code found.` });
    }
  }
  for (const [code, display] of Object.entries(NEW_DISPLAY)) concept.push({ code, display, definition: `Score ${code}; no LOINC or SNOMED CT code confirmed.` });
  return { resourceType: "CodeSystem", url: SCORE_SYSTEM, name: "IbdOutcomesScores", title: "ibd-outcomes clinical scores", status: "active", content: "complete", caseSensitive: true, concept };
}

/**
 * URI of the identifier system carrying a record's own id (patient, treatment course, visit, adverse
 * event) on the resource written for it. The resource `id` equals the record id when that is a valid
 * FHIR id; the identifier always carries it exactly.
 * @example
 * RECORD_ID_SYSTEM;
 * //=> "urn:ibd-outcomes:record-id"
 * @see HL7 FHIR R4, Identifier: https://hl7.org/fhir/R4/datatypes.html#Identifier
 */
export const RECORD_ID_SYSTEM = "urn:ibd-outcomes:record-id";

/**
 * URI of the project's CodeSystem of visit items that have no LOINC or SNOMED CT code: the blocks
 * `mayo`, `hbi`, `sesCd`, `cdai`, `rutgeerts`, `onCorticosteroids` (an Observation's code) and their items
 * `<block>.<item>` (an Observation.component's code), e.g. `mayo.stoolFrequency`,
 * `sesCd.ileum.ulcerSize`, `hbi.complications.arthralgia`.
 * @example
 * VISIT_ITEM_SYSTEM;
 * //=> "urn:ibd-outcomes:visit-item"
 * @see HL7 FHIR R4, Observation.component: https://hl7.org/fhir/R4/observation.html
 */
export const VISIT_ITEM_SYSTEM = "urn:ibd-outcomes:visit-item";

/**
 * URI of the project's CodeSystem of patient findings recorded as yes/no with no standard code:
 * `pregnantOrBreastfeeding`, `malignancyHistory`, `seriousInfectionHistory` and the IOIBD difficult-to-treat
 * conditions `chronicAntibioticRefractoryPouchitis`, `complexPerianalDisease`, `psychosocialComorbidity`
 * (Observation.code with valueBoolean).
 * @example
 * PATIENT_FINDING_SYSTEM;
 * //=> "urn:ibd-outcomes:patient-finding"
 */
export const PATIENT_FINDING_SYSTEM = "urn:ibd-outcomes:patient-finding";

/**
 * URI of the project's CodeSystem of the role of a MedicationStatement in the model
 * (`MedicationStatement.category`): `treatmentCourse`, `priorTherapy`, `priorConventionalTherapy`,
 * `concomitant`.
 * @example
 * MEDICATION_ROLE_SYSTEM;
 * //=> "urn:ibd-outcomes:medication-role"
 */
export const MEDICATION_ROLE_SYSTEM = "urn:ibd-outcomes:medication-role";

/**
 * URI of the project's CodeSystem of therapy classes with no standard code: the conventional agents
 * (`ConventionalAgentSchema`, e.g. `thiopurine`, `exclusiveEnteralNutrition`) and the concomitant classes
 * (`ConcomitantClassSchema`, e.g. `corticosteroid`, `5-ASA`), as `agent:<code>` and `class:<code>`.
 * @example
 * THERAPY_CLASS_SYSTEM;
 * //=> "urn:ibd-outcomes:therapy-class"
 */
export const THERAPY_CLASS_SYSTEM = "urn:ibd-outcomes:therapy-class";

/**
 * URI of the project's CodeSystem of stop and discontinuation reasons (`MedicationStatement.statusReason`):
 * the prior-therapy reasons (`StopReasonSchema`: `primaryNonResponse`, `secondaryLossOfResponse`,
 * `intolerance`, `other`) as `prior:<code>` and the course discontinuation reasons
 * (`DiscontinuationReasonSchema`) as `course:<code>`.
 * @example
 * STOP_REASON_SYSTEM;
 * //=> "urn:ibd-outcomes:stop-reason"
 */
export const STOP_REASON_SYSTEM = "urn:ibd-outcomes:stop-reason";

/**
 * URI of the project's CodeSystem of record lists (`List.code`): `surgeries`, `priorTherapies`,
 * `priorConventionalTherapies`, `extraintestinalManifestations`. A List says the array is recorded: its
 * entries in order, or none (`emptyReason` `nilknown`) for an empty array.
 * @example
 * RECORD_LIST_SYSTEM;
 * //=> "urn:ibd-outcomes:record-list"
 * @see HL7 FHIR R4, List: https://hl7.org/fhir/R4/list.html
 */
export const RECORD_LIST_SYSTEM = "urn:ibd-outcomes:record-list";

/**
 * URI of the project's CodeSystem of extraintestinal manifestation sites (`EimSiteSchema`: `eye`, `skin`,
 * `joint`, `other`), the code of a Condition.
 * @example
 * EIM_SYSTEM;
 * //=> "urn:ibd-outcomes:eim-site"
 */
export const EIM_SYSTEM = "urn:ibd-outcomes:eim-site";

/**
 * Prefix of the project's extension URLs: `<prefix>:<name>` with names `ledToDiscontinuation`,
 * `corticosteroidsRecorded`, `mechanism`, `dosePhase`, `infectionType`, `resolvedDate`,
 * `seriousnessCriteria` (sub-extensions `death`, `lifeThreatening`, `hospitalization`, `disability`,
 * `congenitalAnomaly`, `importantMedicalEvent`), `site`.
 * @example
 * `${EXTENSION_PREFIX}:site`;
 * //=> "urn:ibd-outcomes:extension:site"
 * @see HL7 FHIR R4, Extensibility: https://hl7.org/fhir/R4/extensibility.html
 */
export const EXTENSION_PREFIX = "urn:ibd-outcomes:extension";
