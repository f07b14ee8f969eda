import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../tests/expectClose.js";
import { loadFixtures } from "../_common/testing.js";
import { matchNearest } from "../matchNearest/index.js";
import { covariateBalance } from "./index.js";

interface S {
  smd: number;
  varianceRatio?: number;
}
interface Fixture {
  age: number[];
  male: number[];
  site: string[];
  treatment: number[];
  weights: number[];
  before: Record<"age" | "male" | "site", S>;
  after: Record<"age" | "male" | "site", S>;
  essTreated: number;
  essControl: number;
}
const fx = loadFixtures<Fixture>(import.meta.url);

describe("covariateBalance vs the formulas in R", () => {
  const got = covariateBalance({ age: fx.age, male: fx.male, site: fx.site }, fx.treatment, { weights: fx.weights });
  it("detects the types", () => expect(got.rows.map((r) => r.type)).toEqual(["continuous", "binary", "categorical"]));
  for (const k of ["age", "male", "site"] as const) {
    it(`${k}: SMD and variance ratio before and after`, () => {
      const row = got.rows.find((r) => r.name === k)!;
      expectClose(row.before.smd, fx.before[k].smd, 1e-10, `${k} before`);
      expectClose(row.after!.smd, fx.after[k].smd, 1e-10, `${k} after`);
      if (fx.before[k].varianceRatio !== undefined) {
        expectClose(row.before.varianceRatio!, fx.before[k].varianceRatio, 1e-10, `${k} VR before`);
        expectClose(row.after!.varianceRatio!, fx.after[k].varianceRatio!, 1e-10, `${k} VR after`);
      } else expect(row.before.varianceRatio).toBeNull();
    });
  }
  it("effective sample sizes and counts", () => {
    expectClose(got.ess!.treated, fx.essTreated, 1e-12, "ess treated");
    expectClose(got.ess!.control, fx.essControl, 1e-12, "ess control");
    expect(got.n.after!.control).toBe(fx.weights.filter((w, i) => w > 0 && fx.treatment[i] === 0).length);
    expect(got.imbalanced).toEqual(got.rows.filter((r) => Math.abs(r.after!.smd) > 0.1).map((r) => r.name));
  });
});

describe("covariateBalance", () => {
  it("matches the @example", () => {
    const b = covariateBalance({ age: [50, 60, 40, 45], male: [1, 0, 0, 0] }, [1, 1, 0, 0]);
    expect(b.rows.map((r) => [r.name, r.type, r.before.smd.toFixed(3)])).toEqual([
      ["age", "continuous", "2.236"],
      ["male", "binary", "1.414"],
    ]);
    expect(b.rows[0]!.after).toBeNull();
    expect(b.imbalanced).toEqual(["age", "male"]);
  });
  it("missing covariate values are an error naming the column and unit", () => {
    expect(() => covariateBalance({ crp: [1, NaN, 2, 3] }, [1, 1, 0, 0])).toThrow(/covariates\.crp\[1\] is missing/);
    expect(() => covariateBalance({ crp: [1, null as unknown as number, 2, 3] }, [1, 1, 0, 0])).toThrow(/covariates\.crp\[1\] is missing/);
  });
  it("a covariate constant in one group gives a finite SMD; constant in both with equal values gives 0", () => {
    const b = covariateBalance({ x: [1, 1, 1, 2, 3, 4], y: [5, 5, 5, 5, 5, 5] }, [1, 1, 1, 0, 0, 0]);
    expect(Number.isFinite(b.rows[0]!.before.smd)).toBe(true);
    expect(b.rows[0]!.before.varianceRatio).toBe(0);
    expect(b.rows[1]!.before.smd).toBe(0);
    expect(b.rows[1]!.before.varianceRatio).toBe(1);
  });
  it("types given by name; names like 'constructor' are plain covariates", () => {
    const b = covariateBalance({ constructor: [1, 0, 1, 0], toString: [1, 2, 3, 4] }, [1, 1, 0, 0], { types: { toString: "continuous" as const } });
    expect(b.rows.map((r) => r.type)).toEqual(["binary", "continuous"]);
    expect(() => covariateBalance({ a: [1, 2, 3, 4] }, [1, 1, 0, 0], { types: { b: "binary" } })).toThrow(/options\.types\.b names no covariate/);
    expect(() => covariateBalance({ a: [1, 2, 3, 4] }, [1, 1, 0, 0], { weight: [] } as object)).toThrow(/options\.weight is not a known option/);
  });
  it("does not mutate its inputs", () => {
    const cov = { a: [1, 2, 3, 4], s: ["x", "y", "x", "y"] };
    const t = [1, 1, 0, 0];
    const w = [1, 1, 0.5, 2];
    const before = structuredClone({ cov, t, w });
    covariateBalance(cov, t, { weights: w });
    expect({ cov, t, w }).toEqual(before);
  });
  it("property: after exact matching on a covariate, its SMD is 0 and never worse than before", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ d: fc.double({ min: 0.01, max: 0.99, noNaN: true }), t: fc.constantFrom(0, 1), g: fc.integer({ min: 0, max: 3 }) }), { minLength: 6, maxLength: 60 }).filter((u) => u.filter((v) => v.t === 1).length >= 2 && u.filter((v) => v.t === 0).length >= 2),
        (u) => {
          const x = u.map((v) => v.g);
          const t = u.map((v) => v.t);
          let m;
          try {
            m = matchNearest(u.map((v) => v.d), t, { exact: [x] });
          } catch {
            return;
          }
          if (m.nMatched.treated < 2 || m.nMatched.control < 2) return;
          const b = covariateBalance({ x }, t, { weights: m.weights, types: { x: "continuous" } });
          const row = b.rows[0]!;
          if (!Number.isFinite(row.before.smd)) return;
          expect(Math.abs(row.after!.smd)).toBeLessThanOrEqual(Math.abs(row.before.smd) + 1e-12);
          expect(Math.abs(row.after!.smd)).toBeLessThan(1e-9);
        },
      ),
    );
  });
});
