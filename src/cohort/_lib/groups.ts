/** Private: patient → group maps shared by the safety tables. */
import { describeValue } from "../../_lib/errors.js";
import { isArray } from "./check.js";

/** A patient and the group (diagnosis, or any field) they belong to. */
export interface PatientGroup {
  readonly patientId: string;
  readonly group: string;
}

/** Validates patients, returns the group order and the patient → group map. */
export function groupPatients(fn: string, patients: readonly PatientGroup[], order?: readonly string[]): { groups: string[]; groupOf: Map<string, string>; size: Map<string, number> } {
  if (!isArray(patients)) throw new TypeError(`${fn}: patients must be an array; got ${describeValue(patients)}.`);
  const groupOf = new Map<string, string>();
  const seen: string[] = [];
  patients.forEach((p, i) => {
    if (p === null || typeof p !== "object") throw new TypeError(`${fn}: patients[${i}] must be an object; got ${describeValue(p)}.`);
    if (typeof p.patientId !== "string") throw new TypeError(`${fn}: patients[${i}].patientId must be a string; got ${describeValue(p.patientId)}.`);
    if (typeof p.group !== "string") throw new TypeError(`${fn}: patients[${i}].group must be a string; got ${describeValue(p.group)}.`);
    if (groupOf.has(p.patientId)) throw new RangeError(`${fn}: patients[${i}].patientId must be unique; got a repeated id.`);
    groupOf.set(p.patientId, p.group);
    if (!seen.includes(p.group)) seen.push(p.group);
  });
  const groups = order === undefined ? seen : [...order];
  groups.forEach((g, j) => {
    if (!seen.includes(g)) throw new RangeError(`${fn}: options.groups[${j}] has no patients; got "${g}".`);
  });
  const size = new Map(groups.map((g) => [g, [...groupOf.values()].filter((x) => x === g).length]));
  return { groups, groupOf, size };
}
