import type { Observation, ObservationComponent } from "fhir/r4.js";
import type { ScoreResult } from "../../scores/types.js";
import { SCORE_PART_SYSTEM, scoreCodings, type FhirScoreName } from "../codes/index.js";

/** Context of {@link scoreObservation}: whose score, and when. */
export interface ScoreObservationContext {
  /** Patient id: the Observation's subject is `Patient/<patientId>`. */
  readonly patientId: string;
  /** Date (or date-time) the score refers to, ISO 8601. */
  readonly effective: string;
  /** Observation id; omitted when absent. */
  readonly id?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * One computed score as a FHIR R4 Observation: the total in `valueQuantity` (UCUM `{score}`), each
 * component as an `Observation.component` coded `<score>.<component>` in the project CodeSystem, and
 * the band (when the score has one) as the `interpretation`, coded `<score>.band.<band>`.
 * @remarks The Observation's code is {@link scoreCodings}: standard codes first where one exists.
 * A `null` band adds no interpretation (never a made-up one). The result is a new object.
 * @param score - Score function name.
 * @param result - The score's result (`{ total, components, band }`).
 * @param context - Patient and date.
 * @returns An Observation with status `final`.
 * @throws {TypeError} If `score` is unknown, `result` is not a score result, or `context` is incomplete.
 * @throws {RangeError} If `effective` is not an ISO 8601 date or date-time, or a number is not finite.
 * @example
 * scoreObservation("pro2Uc", { total: 1, components: { stoolFrequency: 1, rectalBleeding: 0 }, band: "remission" }, { patientId: "P001", effective: "2024-01-15" }).valueQuantity?.value;
 * //=> 1
 * @see HL7 FHIR R4, Observation: https://hl7.org/fhir/R4/observation.html
 */
export function scoreObservation(score: FhirScoreName, result: ScoreResult<Record<string, number>, string>, context: ScoreObservationContext): Observation {
  const FN = "scoreObservation";
  const code = scoreCodings(score);
  if (typeof result !== "object" || result === null || typeof result.components !== "object" || result.components === null) {
    throw new TypeError(`${FN}: result must be a score result { total, components, band }; got ${result === null ? "null" : typeof result}.`);
  }
  if (typeof result.total !== "number" || !Number.isFinite(result.total)) throw new RangeError(`${FN}: result.total must be a finite number; got ${String(result.total)}.`);
  if (typeof context !== "object" || context === null || typeof context.patientId !== "string" || context.patientId === "") {
    throw new TypeError(`${FN}: context.patientId must be a non-empty string.`);
  }
  if (typeof context.effective !== "string" || !ISO.test(context.effective)) throw new RangeError(`${FN}: context.effective must be an ISO 8601 date or date-time.`);
  const component: ObservationComponent[] = [];
  for (const [k, v] of Object.entries(result.components)) {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`${FN}: result.components.${k} must be a finite number; got ${String(v)}.`);
    component.push({ code: { coding: [{ system: SCORE_PART_SYSTEM, code: `${score}.${k}` }], text: k }, valueQuantity: { value: v, unit: "{score}", system: "http://unitsofmeasure.org", code: "{score}" } });
  }
  const obs: Observation = {
    resourceType: "Observation",
    status: "final",
    code: { coding: code, text: code[code.length - 1]!.display ?? score },
    subject: { reference: `Patient/${context.patientId}` },
    effectiveDateTime: context.effective,
    valueQuantity: { value: result.total, unit: "{score}", system: "http://unitsofmeasure.org", code: "{score}" },
    component,
  };
  if (context.id !== undefined) obs.id = context.id;
  if (result.band !== null && result.band !== undefined) {
    obs.interpretation = [{ coding: [{ system: SCORE_PART_SYSTEM, code: `${score}.band.${result.band}`, display: result.band }], text: result.band }];
  }
  return obs;
}
