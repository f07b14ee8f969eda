import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RutgeertsGradeSchema, type RutgeertsGrade } from "../../models/scoreInputs.js";
import { rutgeertsOrdinal } from "../_lib/rutgeerts.js";
import { rutgeertsScore, safeRutgeertsScore, type RutgeertsScheme as Scheme } from "./index.js";

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
  describe("lesion-count option", () => {
    const f = (aphthousLesions: number, anastomoticLesions = false) => ({ aphthousLesions, anastomoticLesions });
    it("matches the @example", () => {
      expect(rutgeertsScore(f(5)).grade).toBe("i1");
      expect(rutgeertsScore(f(5), { lesionCountSplit: "lt5", scheme: "modified" }).grade).toBe("i2b");
    });
    // Worked by hand: i0 none, i1 <= 5 (default) or < 5 ("lt5"), i2 above; anastomotic lesions alone -> i2 (i2a).
    it.each([
      [0, false, "le5", "i0"],
      [1, false, "le5", "i1"],
      [4, false, "le5", "i1"],
      [5, false, "le5", "i1"],
      [6, false, "le5", "i2"],
      [0, false, "lt5", "i0"],
      [4, false, "lt5", "i1"],
      [5, false, "lt5", "i2"],
      [6, false, "lt5", "i2"],
      [0, true, "le5", "i2"],
      [5, true, "le5", "i2"],
      [40, true, "lt5", "i2"],
    ] as const)("%d aphthous lesions, anastomotic %s, split %s -> %s", (n, anast, split, grade) => {
      const r = rutgeertsScore(f(n, anast), { lesionCountSplit: split });
      expect(r.grade).toBe(grade);
      expect(r).toEqual(rutgeertsScore(grade));
    });
    it("the modified scheme splits i2 into i2a (anastomosis) and i2b (> 5 lesions, with or without anastomosis)", () => {
      const m = { scheme: "modified" } as const;
      expect(rutgeertsScore(f(0, true), m).grade).toBe("i2a");
      expect(rutgeertsScore(f(5, true), m).grade).toBe("i2a");
      expect(rutgeertsScore(f(6, true), m).grade).toBe("i2b");
      expect(rutgeertsScore(f(6, false), m).grade).toBe("i2b");
      expect(rutgeertsScore(f(5, true), { ...m, lesionCountSplit: "lt5" }).grade).toBe("i2b");
      expect(rutgeertsScore(f(3, false), m).grade).toBe("i1");
      expect(rutgeertsScore(f(6), { scheme: "original" }).grade).toBe("i2");
    });
    it("the split changes only exactly 5 lesions (property) and nothing for a grade", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1000 }), fc.boolean(), fc.constantFrom<Scheme>("any", "original", "modified"), (n, a, scheme) => {
          const le = rutgeertsScore(f(n, a), { scheme, lesionCountSplit: "le5" }).grade;
          const lt = rutgeertsScore(f(n, a), { scheme, lesionCountSplit: "lt5" }).grade;
          return n === 5 && !a ? le === "i1" && lt !== "i1" : n === 5 && a && scheme === "modified" ? le === "i2a" && lt === "i2b" : le === lt;
        }),
      );
      for (const g of GRADES) expect(safeRutgeertsScore(g, { lesionCountSplit: "lt5" })).toEqual(safeRutgeertsScore(g));
    });
    it("a missing finding is a TypeError naming it, never read as absent", () => {
      expect(() => rutgeertsScore({ aphthousLesions: 3 } as never)).toThrow(TypeError);
      expect(() => rutgeertsScore({ aphthousLesions: 3 } as never)).toThrow(/rutgeertsScore: grade\.anastomoticLesions is required/);
      expect(() => rutgeertsScore({ anastomoticLesions: false } as never)).toThrow(/grade\.aphthousLesions is required/);
      expect(() => rutgeertsScore({ aphthousLesions: 3, anastomoticLesions: undefined } as never)).toThrow(/anastomoticLesions is required/);
    });
    it("bad findings and options name the field", () => {
      expect(() => rutgeertsScore(f(-1))).toThrow(RangeError);
      expect(() => rutgeertsScore(f(2.5))).toThrow(/grade\.aphthousLesions must be an integer >= 0/);
      expect(() => rutgeertsScore(f(Number.NaN))).toThrow(RangeError);
      expect(() => rutgeertsScore(f(Number.POSITIVE_INFINITY))).toThrow(RangeError);
      expect(() => rutgeertsScore({ aphthousLesions: "6", anastomoticLesions: false } as never)).toThrow(TypeError);
      expect(() => rutgeertsScore({ aphthousLesions: 6, anastomoticLesions: "no" } as never)).toThrow(/anastomoticLesions must be true or false/);
      expect(() => rutgeertsScore({ ...f(6), ulcers: true } as never)).toThrow(/grade\.ulcers is not a lesion finding/);
      expect(() => rutgeertsScore(JSON.parse('{"aphthousLesions":1,"anastomoticLesions":false,"__proto__":1}') as never)).toThrow(/__proto__/);
      expect(() => rutgeertsScore(f(6), { lesionCountSplit: "lte5" } as never)).toThrow(/options\.lesionCountSplit must be/);
      expect(() => rutgeertsScore(f(6), { split: "lt5" } as never)).toThrow(/options\.split is not a recognised option/);
      const r = safeRutgeertsScore({ aphthousLesions: -2 }, { lesionCountSplit: 5 });
      expect(r.success).toBe(false);
      if (!r.success) expect(r.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["options.lesionCountSplit", "grade.aphthousLesions", "grade.anastomoticLesions"]));
    });
    it("does not modify the findings", () => {
      const x = Object.freeze(f(7, true));
      expect(rutgeertsScore(x, { scheme: "modified" }).grade).toBe("i2b");
      expect(x).toEqual({ aphthousLesions: 7, anastomoticLesions: true });
    });
  });
});
