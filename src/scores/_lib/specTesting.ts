/**
 * Test-only helpers for the spec-described scores: arbitraries of valid records and near misses, so
 * each score's test can prove that its hand-written check accepts exactly what its zod schema accepts.
 */
import * as fc from "fast-check";
import type { FieldSpec, RecordSpec } from "./spec.js";
import { mutated, nearArray, nearInt, nearOneOf, nearRecord } from "./testing.js";

/** Valid values of one item. */
export function validField(f: FieldSpec): fc.Arbitrary<unknown> {
  switch (f.t) {
    case "int":
      return fc.integer({ min: f.min, max: Math.min(f.max, f.min + 1000) });
    case "num":
      return fc.oneof(fc.double({ min: f.min, max: Math.min(f.max, 1e6), noNaN: true }), fc.integer({ min: Math.ceil(f.min), max: Math.floor(Math.min(f.max, 1e6)) }));
    case "bool":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...f.values);
    case "set":
      return fc.uniqueArray(fc.constantFrom(...f.values), { maxLength: f.values.length });
  }
}

/** Near-valid values of one item. */
export function nearField(f: FieldSpec): fc.Arbitrary<unknown> {
  switch (f.t) {
    case "int":
      return nearInt(f.min, Math.min(f.max, f.min + 1000));
    case "num":
      return fc.oneof(validField(f), fc.double({ min: f.min - 2, max: Math.min(f.max, 1e6) + 2 }), nearInt(Math.ceil(f.min), Math.floor(Math.min(f.max, 1e6))));
    case "bool":
      return nearOneOf([true, false]);
    case "enum":
      return nearOneOf(f.values);
    case "set":
      return nearArray(f.values);
  }
}

/** Valid records of a spec. */
export function validRecord(spec: RecordSpec): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const k of Object.keys(spec)) shape[k] = validField(spec[k]!);
  return fc.record(shape);
}

/** A balanced mix of valid, near-valid and mutated records of a spec. */
export function candidateRecord(spec: RecordSpec): fc.Arbitrary<unknown> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const k of Object.keys(spec)) shape[k] = nearField(spec[k]!);
  return fc.oneof(nearRecord(shape), mutated(validRecord(spec)));
}

/** Asserts, on many candidates, that a hand-written check agrees with its zod schema. */
export function assertEquivalent(is: (x: unknown) => boolean, schema: { safeParse: (x: unknown) => { success: boolean } }, candidates: fc.Arbitrary<unknown>, numRuns = 3000): void {
  fc.assert(
    fc.property(candidates, (x) => is(x) === schema.safeParse(x).success),
    { numRuns },
  );
}
