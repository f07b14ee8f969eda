import type { Observation } from "fhir/r4.js";
import type { DifficultToTreatResult } from "../../eligibility/index.js";

const ELIGIBILITY_SYSTEM = "urn:ibd-outcomes:eligibility";
const ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

/**
 * An IOIBD difficult-to-treat assessment as a FHIR R4 Observation.
 * @remarks `code`: `difficultToTreat` in the project CodeSystem `urn:ibd-outcomes:eligibility` (no
 * LOINC or SNOMED CT code exists). `met`/`not-met` is the value; `unknown` (some criterion not
 * recorded and none met) has a `dataAbsentReason` instead, never a guessed value. One component per
 * criterion, coded `criterion.<id>`, valued `met`, `not-met` or absent (`unknown`).
 * @param result - The result of `assessDifficultToTreat`.
 * @param patientId - Patient id (subject `Patient/<patientId>`).
 * @returns An Observation with status `final`, effective on the assessment's `asOf` date.
 * @throws {TypeError} If `patientId` is empty or `result` is not a difficult-to-treat result.
 * @example
 * difficultToTreatObservation({ status: "unknown", asOf: "2024-01-01", diagnosis: "UC", ageYears: 40, isChild: false, metCriteria: [], unknownCriteria: ["psychosocialComorbidity"], criteria: {} } as never, "P001").dataAbsentReason?.coding?.[0]?.code;
 * //=> "unknown"
 * @see Parigi TL, et al. Difficult-to-treat inflammatory bowel disease: results from an international consensus meeting. Lancet Gastroenterol Hepatol 2023;8:853-9. doi:10.1016/S2468-1253(23)00154-1
 */
export function difficultToTreatObservation(result: DifficultToTreatResult, patientId: string): Observation {
  const FN = "difficultToTreatObservation";
  if (typeof result !== "object" || result === null || typeof result.status !== "string" || !Array.isArray(result.metCriteria)) {
    throw new TypeError(`${FN}: result must be a difficult-to-treat result; got ${result === null ? "null" : typeof result}.`);
  }
  if (typeof patientId !== "string" || patientId === "") throw new TypeError(`${FN}: patientId must be a non-empty string.`);
  const obs: Observation = {
    resourceType: "Observation",
    status: "final",
    code: { coding: [{ system: ELIGIBILITY_SYSTEM, code: "difficultToTreat" }], text: "IOIBD difficult-to-treat IBD" },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: result.asOf,
    component: Object.keys(result.criteria).map((id) => {
      const code = { coding: [{ system: ELIGIBILITY_SYSTEM, code: `criterion.${id}` }], text: id };
      if (result.metCriteria.includes(id as never)) return { code, valueCodeableConcept: { coding: [{ system: ELIGIBILITY_SYSTEM, code: "met" }] } };
      if (result.unknownCriteria.includes(id as never)) return { code, dataAbsentReason: { coding: [{ system: ABSENT, code: "unknown" }] } };
      return { code, valueCodeableConcept: { coding: [{ system: ELIGIBILITY_SYSTEM, code: "not-met" }] } };
    }),
  };
  if (result.status === "unknown") obs.dataAbsentReason = { coding: [{ system: ABSENT, code: "unknown" }], text: `not recorded: ${result.unknownCriteria.join(", ")}` };
  else obs.valueCodeableConcept = { coding: [{ system: ELIGIBILITY_SYSTEM, code: result.status }], text: result.status };
  return obs;
}
