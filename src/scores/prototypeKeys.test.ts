/**
 * Issue 13: keys and values spelled like Object members. Every `safe*` score never throws, whatever the
 * items and options (prototype-named keys included); the throwing forms throw a named TypeError/RangeError.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as scores from "./index.js";
import { classifyEndpoint } from "../endpoints/index.js";

const NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"] as const;
const protoName = fc.constantFrom(...NAMES);
/** An object with a prototype-named own key (JSON.parse makes "__proto__" an own key, as real input does). */
const protoObject = fc.tuple(protoName, fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null))).map(([k, v]) => JSON.parse(JSON.stringify({ [k === "__proto__" ? "__proto_placeholder__" : k]: v }).replace("__proto_placeholder__", "__proto__")) as unknown);

type Safe = (items: unknown, options?: unknown) => { success: boolean };
const SAFE = Object.entries(scores).filter(([n, f]) => n.startsWith("safe") && typeof f === "function") as [string, Safe][];

describe("prototype-named keys and values (property)", () => {
  it("finds every safe* form", () => expect(SAFE.length).toBeGreaterThanOrEqual(14));
  it("safe* never throws and never accepts prototype-named options", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAFE), protoObject, fc.oneof(protoObject, protoName, fc.constant(undefined)), ([name, f], options, items) => {
        let r: { success: boolean };
        try {
          r = f(items, options);
        } catch (e) {
          throw new Error(`${name} threw ${(e as Error).message}`);
        }
        return r.success === false;
      }),
      { numRuns: 2_000 },
    );
  });
  it("throwing forms name themselves for prototype-named options", () => {
    for (const n of NAMES) {
      const o = JSON.parse(`{"${n}": 1}`) as never;
      expect(() => scores.mayoFull({ stoolFrequency: 1, rectalBleeding: 1, endoscopic: 1, physicianGlobal: 1 }, o)).toThrow(new RegExp(`^mayoFull: options\\.${n.replace(/_/g, "_")} is not a recognised option`));
      expect(() => scores.rutgeertsScore("i1", o)).toThrow(/^rutgeertsScore: options\./);
      expect(() => scores.rutgeertsScore(n as never)).toThrow(RangeError);
    }
  });
  it("classifier options and inputs: prototype names are errors, not lookups", () => {
    const input = { disease: "CD", timepoint: "w12", followUp: { hbi: 2 } } as const;
    for (const n of NAMES) {
      expect(() => classifyEndpoint("clinicalRemission", input, undefined, JSON.parse(`{"${n}": true}`) as never)).toThrow(/^classifyEndpoint: options\./);
      expect(() => classifyEndpoint(n as never, input)).toThrow(/^classifyEndpoint: endpoint must be/);
      expect(() => classifyEndpoint("clinicalRemission", { ...input, timepoint: n } as never)).toThrow(/^classifyEndpoint: input\.timepoint/);
      expect(() => classifyEndpoint("clinicalRemission", { ...input, notApplicable: [n] } as never)).toThrow(/^classifyEndpoint: input\.notApplicable\[0\]/);
      const r = classifyEndpoint("clinicalRemission", { ...input, followUp: JSON.parse(`{"hbi": 2, "${n}": 7}`) as never });
      expect(r.status).toBe("met");
    }
  });
});
