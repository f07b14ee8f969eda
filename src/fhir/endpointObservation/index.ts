import type { Observation, ObservationComponent } from "fhir/r4.js";
import type { EndpointResult } from "../../endpoints/index.js";

/** URI of the project's CodeSystem of endpoints (`clinicalRemission`, ...): no LOINC or SNOMED CT code exists for them. */
const ENDPOINT_SYSTEM = "urn:ibd-outcomes:endpoint";
/** URI of the project's CodeSystem of definition profiles; the Coding's `version` is the profile version. */
const PROFILE_SYSTEM = "urn:ibd-outcomes:profile";
const STATUS_SYSTEM = "urn:ibd-outcomes:endpoint-status";
const ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Context of {@link endpointObservation}. */
export interface EndpointObservationContext {
  /** Patient id: the subject is `Patient/<patientId>`. */
  readonly patientId: string;
  /** Assessment date, ISO 8601. */
  readonly effective: string;
  /** Observation id; omitted when absent. */
  readonly id?: string;
}

/**
 * One classification (remission, response, ...) as a FHIR R4 Observation that carries the definition
 * profile's id and version.
 * @remarks `code`: the endpoint in the project CodeSystem `urn:ibd-outcomes:endpoint`. `method`: the
 * profile, `urn:ibd-outcomes:profile` with the profile id as code and its version in `Coding.version`.
 * `met`/`not-met` is the `valueCodeableConcept`; `not-evaluable` has no value but a `dataAbsentReason`
 * (`unknown`) whose text is the reason (a missing input is never turned into a value). Every value
 * the rule read is a component (a `null` value gets a `dataAbsentReason` instead of a number), plus
 * the time point; the readable reason goes in `note`.
 * @param result - An endpoint result from `ibd-outcomes/endpoints`.
 * @param context - Patient and date.
 * @returns An Observation with status `final`.
 * @throws {TypeError} If `context.patientId` is empty or `result` is not an endpoint result.
 * @throws {RangeError} If `context.effective` is not an ISO 8601 date or date-time.
 * @example
 * endpointObservation({ endpoint: "clinicalRemission", status: "met", code: "rule", reason: "hbi 3 < 5", values: { hbi: 3 }, thresholds: [], rule: "hbi < 5", profile: { id: "mao2025", version: "1.0.0" }, disease: "CD", timepoint: "w12", imputation: null }, { patientId: "P001", effective: "2024-03-01" }).method?.coding?.[0];
 * //=> { system: "urn:ibd-outcomes:profile", code: "mao2025", version: "1.0.0" }
 * @see HL7 FHIR R4, Observation: https://hl7.org/fhir/R4/observation.html
 */
export function endpointObservation(result: EndpointResult, context: EndpointObservationContext): Observation {
  const FN = "endpointObservation";
  if (typeof result !== "object" || result === null || typeof result.endpoint !== "string" || typeof result.profile !== "object" || result.profile === null) {
    throw new TypeError(`${FN}: result must be an endpoint result; got ${result === null ? "null" : typeof result}.`);
  }
  if (typeof context !== "object" || context === null || typeof context.patientId !== "string" || context.patientId === "") throw new TypeError(`${FN}: context.patientId must be a non-empty string.`);
  if (typeof context.effective !== "string" || !ISO.test(context.effective)) throw new RangeError(`${FN}: context.effective must be an ISO 8601 date or date-time.`);
  const component: ObservationComponent[] = [{ code: { coding: [{ system: ENDPOINT_SYSTEM, code: "timepoint" }], text: "timepoint" }, valueString: result.timepoint }];
  for (const [k, v] of Object.entries(result.values)) {
    const code = { coding: [{ system: ENDPOINT_SYSTEM, code: `value.${k}` }], text: k };
    component.push(v === null ? { code, dataAbsentReason: { coding: [{ system: ABSENT, code: "unknown" }], text: `${k} not recorded` } } : { code, valueQuantity: { value: v } });
  }
  const obs: Observation = {
    resourceType: "Observation",
    status: "final",
    code: { coding: [{ system: ENDPOINT_SYSTEM, code: result.endpoint }], text: result.endpoint },
    subject: { reference: `Patient/${context.patientId}` },
    effectiveDateTime: context.effective,
    method: { coding: [{ system: PROFILE_SYSTEM, code: result.profile.id, version: result.profile.version }], text: `${result.profile.id} ${result.profile.version}` },
    note: [{ text: result.reason }],
    component,
  };
  if (context.id !== undefined) obs.id = context.id;
  if (result.status === "not-evaluable") obs.dataAbsentReason = { coding: [{ system: ABSENT, code: "unknown" }], text: result.reason };
  else obs.valueCodeableConcept = { coding: [{ system: STATUS_SYSTEM, code: result.status }], text: result.status };
  return obs;
}
