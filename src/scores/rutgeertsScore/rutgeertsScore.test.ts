import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RutgeertsGradeSchema, type RutgeertsGrade } from "../../models/scoreInputs.js";
import { rutgeertsOrdinal } from "../_lib/rutgeerts.js";
import { rutgeertsScore, safeRutgeertsScore } from "./index.js";

const GRADES: readonly RutgeertsGrade[] = ["i0", "i1", "i2", "i2a", "i2b", "i3", "i4"];

describe("rutgeertsScore", () => {
  it("matches the @examples", () => {
    expect(rutgeertsScore("i2a")).toEqual({ total: 2, components: { ordinal: 2 }, band: "recurrence", grade: "i2a", isRecurrence: true });
    expect(safeRutgeertsScore("i5").success).toBe(false);
  });

  it("maps grades to the ordinal i0=0, i1=1, i2/i2a/i2b=2, i3=3, i4=4", () => {
    expect(GRADES.map((g) => rutgeertsScore(g).total)).toEqual([0, 1, 2, 2, 2, 3, 4]);
  });

  it("puts the recurrence boundary between i1 and i2 (>= i2 = recurrence)", () => {
    expect(rutgeertsScore("i0")).toMatchObject({ band: "noRecurrence", isRecurrence: false });
    expect(rutgeertsScore("i1")).toMatchObject({ band: "noRecurrence", isRecurrence: false });
    for (const g of ["i2", "i2a", "i2b", "i3", "i4"] as const) expect(rutgeertsScore(g)).toMatchObject({ band: "recurrence", isRecurrence: true });
  });

  it("checks the grade against the chosen scheme", () => {
    expect(rutgeertsScore("i2", { scheme: "original" }).total).toBe(2);
    expect(() => rutgeertsScore("i2a", { scheme: "original" })).toThrow(/grade must be "i0", "i1", "i2", "i3" or "i4" with options.scheme "original"/);
    expect(rutgeertsScore("i2b", { scheme: "modified" }).total).toBe(2);
    expect(() => rutgeertsScore("i2", { scheme: "modified" })).toThrow(RangeError);
    expect(rutgeertsScore("i2", { scheme: "any" }).total).toBe(2);
  });

  it("total = its single component, within 0-4, and the ordinal agrees with the schema (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom<unknown>(...GRADES), fc.string({ maxLength: 4 }), fc.anything()), (g) => {
        const ok = RutgeertsGradeSchema.safeParse(g).success;
        expect(rutgeertsOrdinal(g) >= 0).toBe(ok);
        const r = safeRutgeertsScore(g);
        expect(r.success).toBe(ok);
        if (r.success) {
          expect(r.data.total).toBe(r.data.components.ordinal);
          expect(r.data.total).toBeGreaterThanOrEqual(0);
          expect(r.data.total).toBeLessThanOrEqual(4);
        }
      }),
    );
  });

  it("rejects a non-grade in the house format", () => {
    expect(() => rutgeertsScore("i5" as never)).toThrow(
      new RangeError('rutgeertsScore: grade must be "i0", "i1", "i2", "i2a", "i2b", "i3" or "i4"; got a string of length 2.'),
    );
    // the TSDoc promise: a non-string grade is a TypeError (a wrong string is a RangeError)
    for (const g of [2, null, true, {}, ["i1"], 2n]) expect(() => rutgeertsScore(g as never)).toThrow(TypeError);
    const r = safeRutgeertsScore(2);
    expect(r.success).toBe(false);
    expect(() => rutgeertsScore(undefined as never)).toThrow(TypeError);
    expect(() => rutgeertsScore("i1", { scheme: "new" } as never)).toThrow(/options\.scheme must be "any", "original" or "modified"; got "new"/);
  });

  it("does not mutate its input (options object)", () => {
    const o = { scheme: "modified" } as const;
    rutgeertsScore("i2b", o);
    expect(o).toEqual({ scheme: "modified" });
  });
});
